"""Serve the fake internet with waitress (multithreaded, pure Python, no compiler needed on Windows).

Binds to loopback unless the instructor explicitly allows otherwise: the lab's sites must not be
reachable from a network by accident (docs/design.md §5).
"""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from waitress.server import BaseWSGIServer, MultiSocketServer, create_server

from synth.web.app import create_app
from synth.web.pace import BURST, POLITE_REQUEST_RATE, RATE_LIMIT


class RemoteHostRefused(ValueError):
    """A non-loopback bind address was asked for without ``allow_remote=True``."""


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, allow_remote: bool) -> None:
    """Refuse a non-loopback host unless allowed; warn loudly when it is allowed."""
    if is_loopback(host):
        return
    if not allow_remote:
        raise RemoteHostRefused(
            f"Refusing to serve the training internet on {host!r}: it would be reachable from the network. "
            "Use 127.0.0.1, or pass allow_remote=True (CLI: --allow-remote) if a classroom needs it."
        )
    print(f"WARNING: the training internet is listening on {host}, not on loopback: other computers "
          "on the network can reach it. Stop it when the class is over.", file=sys.stderr)


def make_server(
    world_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8022,
    *,
    rate_limit: float | None = RATE_LIMIT,
    burst: int = BURST,
    threads: int = 8,
    allow_remote: bool = False,
    request_rate: int = POLITE_REQUEST_RATE,
) -> BaseWSGIServer | MultiSocketServer:
    """A bound, not yet running waitress server (``port=0`` picks a free port; see ``.effective_port``).

    Raises OSError when the port is taken, RemoteHostRefused for a non-loopback host.
    """
    check_host(host, allow_remote)
    app = create_app(Path(world_dir), rate_limit=rate_limit, burst=burst, request_rate=request_rate)
    return create_server(app, host=host, port=port, threads=threads, ident="osintlab",
                         clear_untrusted_proxy_headers=True)


def bound_port(server: BaseWSGIServer | MultiSocketServer) -> int:
    """The port a server listens on (a MultiSocketServer, e.g. for 'localhost', has several sockets)."""
    if isinstance(server, MultiSocketServer):
        return int(server.effective_listen[0][1])
    return int(server.effective_port)


def serve(
    world_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8022,
    rate_limit: float | None = RATE_LIMIT,
    threads: int = 8,
    *,
    burst: int = BURST,
    allow_remote: bool = False,
    request_rate: int = POLITE_REQUEST_RATE,
) -> None:
    """Serve ``world_dir`` until interrupted (Ctrl-C)."""
    server = make_server(world_dir, host, port, rate_limit=rate_limit, burst=burst,
                         threads=threads, allow_remote=allow_remote, request_rate=request_rate)
    shown = f"[{host}]" if ":" in host else host
    print(f"OSINT Lab training internet: http://{shown}:{bound_port(server)}/ "
          f"(world {Path(world_dir)}). Press Ctrl-C to stop.", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        print("Stopped.", flush=True)
    finally:
        server.close()
