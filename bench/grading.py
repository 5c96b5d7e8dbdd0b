"""Autograde seconds per module-01 submission, through the same path as `osintlab course grade`.

A temporary copy of the course gets the source notebook (solutions included) submitted by three
trainees; the batch is graded with the world's fake internet running, and the wall time is divided
by the number of submissions.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from graders.modules.registry import modules

MODULE = modules()[0].id  # the course's first module: its grading is timed
STUDENTS = ("trainee-a", "trainee-b", "trainee-c")


def bench_autograde(world: Path) -> dict:
    from graders.grading.course import default_course_dir, grade, release

    source = default_course_dir()
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "course"
        shutil.copytree(source / "source", course / "source")
        shutil.copy(source / "nbgrader_config.py", course / "nbgrader_config.py")
        release(course, [MODULE])
        for student in STUDENTS:
            dest = course / "submitted" / student / MODULE
            dest.mkdir(parents=True)
            shutil.copy(source / "source" / MODULE / f"{MODULE}.ipynb", dest / f"{MODULE}.ipynb")
        started = time.perf_counter()
        report = grade(course, MODULE, world_dir=world)
        elapsed = time.perf_counter() - started
    scores = [r.auto_score for r in report.results]
    return {"submissions": len(STUDENTS), "seconds": elapsed, "per_submission": elapsed / len(STUDENTS),
            "scores": scores, "max": report.results[0].auto_max_score if report.results else None}


def report(result: dict) -> str:
    return (f"Autograde, module 01: {result['per_submission']:.1f} s per submission "
            f"({result['submissions']} solution submissions in {result['seconds']:.1f} s incl. starting the "
            f"fake internet; scores {result['scores']} of {result['max']})")
