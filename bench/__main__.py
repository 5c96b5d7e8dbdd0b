"""Run every benchmark and print the figures, with the machine they ran on."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
from pathlib import Path

from bench.finance import bench_finance
from bench.finance import report as finance_report
from bench.generation import bench_generation
from bench.generation import report as generation_report
from bench.web import bench_pages
from bench.web import report as web_report

SOCIAL_KINDS = ("chirp", "chirp-api", "circle", "light", "username", "explorer", "explorer-api")
SOCIAL_SECONDS = 5.0


def machine() -> str:
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")


def main() -> int:
    print(f"OSINT Lab benchmarks on {machine()}\n")
    print(generation_report(bench_generation("default")))
    print(finance_report(bench_finance("large")))  # >= 10M ledger rows streamed (~30 s with the leak check)
    with tempfile.TemporaryDirectory() as tmp:
        from synth.generate import generate_world

        world = generate_world(2026, "default", Path(tmp) / "w")
        print(web_report(bench_pages(world)))
        print(web_report(bench_pages(world, kind="api")))
        print(web_report(bench_pages(world, kind="images")))
        for kind in SOCIAL_KINDS:  # the social platforms and the explorer: shorter runs, a quick bench
            print(web_report(bench_pages(world, seconds=SOCIAL_SECONDS, kind=kind)))
        try:
            from bench.grading import bench_autograde
            from bench.grading import report as grading_report
        except ImportError:
            print("Autograde: not measured (bench/grading.py missing)")
        else:
            print(grading_report(bench_autograde(world)))
    from bench.calibration import calibrate

    print()
    print("\n".join(calibrate()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
