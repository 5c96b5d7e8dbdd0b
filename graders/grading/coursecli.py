"""``python -m graders.grading.coursecli``: the course verbs that ``osintlab course`` and ``osintlab lab`` run.

The world generator (synth) never imports the grading package: its ``osintlab`` command runs this in a
child process for the course verbs, which also keeps nbgrader's slow import out of the world verbs.
Errors are one sentence on stderr: exit 2 for a request the course cannot do (an unknown module, nothing
submitted), 1 when a submission could not be graded or the fake internet failed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graders.grading.course import CourseError, default_course_dir, grade, release
from synth.worlds import WorldNotFoundError, find_world


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="osintlab course", description="Release and grade the nbgrader course.")
    sub = parser.add_subparsers(dest="verb", required=True)
    rel = sub.add_parser("release", help="generate the student versions of modules")
    rel.add_argument("modules", nargs="*")
    rel.add_argument("--course", type=Path, default=None)
    rel.add_argument("--quiet", action="store_true", help="print nothing on success")
    gr = sub.add_parser("grade", help="autograde every submission")
    gr.add_argument("module", nargs="?", default=None)
    gr.add_argument("--course", type=Path, default=None)
    gr.add_argument("--world", type=Path, default=None)
    gr.add_argument("--port", type=int, default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    course = args.course or default_course_dir()
    try:
        if args.verb == "release":
            done = release(course, args.modules or None)
            if not args.quiet:
                print(f"Released {len(done)} module(s) into {course / 'release'}: {', '.join(done)}")
            return 0
        # Without --world, grade() finds the world itself after checking the module name, so a typo in the
        # module does not first generate a default world.
        world = find_world(args.world) if args.world else None
        report = grade(course, module=args.module, world_dir=world, port=args.port)
        print(report.summary())
        return 0 if report.ok else 1
    except CourseError as err:
        print(f"osintlab: {err}", file=sys.stderr)
        return 2
    except (WorldNotFoundError, RuntimeError) as err:
        print(f"osintlab: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nosintlab: stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
