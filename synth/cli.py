"""The `osintlab` command: a thin wrapper over the library (datasette style).

Every verb has --help; every expected failure (a bad seed, an unknown preset, a folder holding another
world, a missing world) ends with one plain sentence on stderr saying what to do, and exit status 2
for wrong usage or 1 for a failed action — never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from synth.config import DEFAULT_SEED, ConfigError
from synth.scenario import PRESETS
from synth.web.pace import RATE_LIMIT

DEFAULT_PORT = 8022


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"the seed must be a whole number, like 2026 (got {text!r})") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"the seed must be between 0 and {2**63 - 1} (got {value})")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"the port must be a number such as 8022 (got {text!r})") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"the port must be between 1 and 65535 (got {value})")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="osintlab",
        description="OSINT Lab: generate a training world, serve its fake internet, run and grade the course.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    gen = sub.add_parser("generate", help="generate a world directory",
                         description="Generate a seeded world (public site data, answer key, self-check "
                                     "hashes). Same seed and preset give a byte-identical directory.")
    gen.add_argument("--seed", type=_seed, default=DEFAULT_SEED, help=f"master seed (default {DEFAULT_SEED})")
    scenario = gen.add_mutually_exclusive_group()
    scenario.add_argument("--preset", choices=sorted(PRESETS), default="default",
                          help="world size: tiny (tests), small, default (a class), large (the default world plus a "
                               "bank streaming >= 10M transactions to Parquet, ~0.1 %% illicit; ~20 s, < 1 GiB) "
                               "(default: default)")
    scenario.add_argument("--config", type=Path, default=None, metavar="FILE",
                          help="a scenario TOML file of your own (it may start with base = \"default\" and override "
                               "keys; see docs/scenario-config.md) instead of --preset")
    gen.add_argument("--out", type=Path, default=None,
                     help="world directory to write (default: datasets/default, or datasets/<preset>-<seed>, or "
                          "datasets/<config file's stem>-<seed> with --config)")
    gen.add_argument("--force", action="store_true", help="replace a different world already in --out")
    gen.add_argument("--quiet", action="store_true", help="no progress bar")

    serve = sub.add_parser("serve", help="serve a world's fake internet",
                           description="Serve the fake internet of a world on loopback until Ctrl-C.")
    _world_arg(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.add_argument("--rate", type=float, default=RATE_LIMIT,
                       help=f"rate limit per client, requests per second; 0 turns it off (default {RATE_LIMIT:g})")
    serve.add_argument("--allow-remote", action="store_true",
                       help="allow a --host that is not loopback (a classroom server); never expose it online")

    lab = sub.add_parser("lab", help="start the fake internet and JupyterLab (what `make lab` runs)",
                         description="Generate the default world if missing, start its fake internet, prepare "
                                     "your copy of the exercises in exercises/my-work/ and start JupyterLab on it "
                                     "(--instructor: on the whole course). Ctrl-C stops both.")
    _world_arg(lab)
    lab.add_argument("--headless", action="store_true", help="do not open a browser (for servers)")
    lab.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"fake internet port (default {DEFAULT_PORT})")
    lab.add_argument("--jupyter-port", type=_port, default=8888, help="JupyterLab port (default 8888)")
    _course_arg(lab)
    lab.add_argument("--instructor", action="store_true",
                     help="open the whole course folder (source notebooks with solutions, nbgrader's formgrader) "
                          "instead of the trainee's my-work/ folder")

    course = sub.add_parser("course", help="release and grade the nbgrader course",
                            description="Instructor commands for the nbgrader course in exercises/.")
    course_sub = course.add_subparsers(dest="course_command", metavar="ACTION", required=True)
    release = course_sub.add_parser("release", help="generate the student version of every module into release/",
                                    description="Run nbgrader generate_assignment for every module (or the "
                                                "ones named) into the course's release/ folder.")
    release.add_argument("modules", nargs="*", metavar="MODULE", help="module ids (default: all)")
    _course_arg(release)
    grade = course_sub.add_parser("grade", help="autograde every submission, write feedback and grades.csv",
                                  description="Autograde every submission in submitted/ with the world's fake "
                                              "internet running, write feedback HTML without hidden tests, and "
                                              "export grades.csv. Exit status 1 when a submission could not be "
                                              "graded (it is scored 0 and the reason is in grades.csv).")
    grade.add_argument("module", nargs="?", metavar="MODULE", help="module id (default: all)")
    _course_arg(grade)
    _world_arg(grade)
    grade.add_argument("--port", type=_port, default=None, help="port for the fake internet (default: a free one)")

    verify = sub.add_parser("verify", help="check a world directory against its manifest",
                            description="Recompute the sha256 of every file of a world and compare with "
                                        "manifest.json.")
    _world_arg(verify)
    return parser


def _world_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--world", type=Path, default=None,
                   help="world directory (default: $OSINTLAB_WORLD, else datasets/default)")


def _course_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--course", type=Path, default=None, help="nbgrader course folder (default: exercises/)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from synth.worlds import WorldExistsError, WorldNotFoundError

    try:
        return _dispatch(args)
    except ConfigError as err:
        print(f"osintlab: {err}", file=sys.stderr)
        return 2
    except (WorldExistsError, WorldNotFoundError, RuntimeError) as err:
        print(f"osintlab: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nosintlab: stopped.", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from synth import commands

    if args.command == "generate":
        return commands.generate(args.seed, args.preset, args.out, args.force, not args.quiet, args.config)
    if args.command == "serve":
        return commands.serve(args.world, args.host, args.port, args.rate, args.allow_remote)
    if args.command == "lab":
        return commands.lab(args.world, args.port, args.jupyter_port, args.headless, args.course, args.instructor)
    if args.command == "verify":
        return commands.verify(args.world)
    if args.command == "course" and args.course_command == "release":
        return commands.course_release(args.course, args.modules)
    if args.command == "course" and args.course_command == "grade":
        return commands.course_grade(args.course, args.module, args.world, args.port)
    raise AssertionError(f"unhandled command {args.command}")


if __name__ == "__main__":
    sys.exit(main())
