"""``python -m synth.web --world DIR --port N``: serve a world's fake internet.

This is what ``ensure_fake_internet()`` starts in the background; instructors can run it by hand.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from synth.web.launch import resolve_port, resolve_world
from synth.web.pace import BURST, POLITE_REQUEST_RATE, RATE_LIMIT
from synth.web.server import RemoteHostRefused, serve
from synth.web.world import WorldNotFound


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m synth.web",
        description="Serve the OSINT Lab training internet (the fake websites) for one world.",
    )
    parser.add_argument("--world", type=Path, default=None,
                        help="world directory (default: $OSINTLAB_WORLD, else datasets/default)")
    parser.add_argument("--port", type=int, default=None, help="port (default: $OSINTLAB_PORT, else 8022)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; others need --allow-remote)")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow a non-loopback --host, e.g. to serve a classroom network")
    parser.add_argument("--rate-limit", type=float, default=RATE_LIMIT,
                        help=f"requests per second per client; 0 switches the limit off (default {RATE_LIMIT:g})")
    parser.add_argument("--burst", type=int, default=BURST,
                        help=f"requests a client may send at once (default {BURST})")
    parser.add_argument("--request-rate", type=int, default=POLITE_REQUEST_RATE,
                        help="requests per second robots.txt asks polite robots to keep to; keep it below --rate-limit "
                             f"(default {POLITE_REQUEST_RATE}; grading uses a high value so replays run fast)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        world = resolve_world(args.world)
        port = resolve_port(args.port)
        serve(world, host=args.host, port=port, rate_limit=args.rate_limit or None,
              threads=args.threads, burst=args.burst, allow_remote=args.allow_remote,
              request_rate=args.request_rate)
    except (WorldNotFound, RemoteHostRefused, RuntimeError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # typically: the port is taken
        print(f"error: cannot listen on {args.host}:{args.port or resolve_port()}: {exc.strerror or exc}. "
              "Another program (perhaps another lab) uses this port; choose another with --port.",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
