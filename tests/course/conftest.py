"""Fixtures for the nbgrader pipeline tests: one fixture course, released and graded once.

Autograding starts a kernel per submission (about a second each, plus the 5 s loop), so every kind of
submission goes into one batch, graded once per session; the tests then read the report, grades.csv,
the gradebook and the feedback pages.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import coursekit as ck  # noqa: E402

from graders.grading.course import grade, release  # noqa: E402
from graders.grading.report import GradeReport  # noqa: E402


@dataclass
class GradedCourse:
    course: Path
    report: GradeReport
    rows: dict[str, dict[str, str]]  # grades.csv rows by student

    def result(self, student: str):
        return next(r for r in self.report.results if r.student == student)

    def feedback_html(self, student: str) -> str:
        return (self.course / "feedback" / student / ck.MODULE / f"{ck.MODULE}.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A released fixture course with no submissions (copy it before adding any)."""
    course = ck.build_course(tmp_path_factory.mktemp("course") / "exercises")
    assert release(course) == [ck.MODULE]
    return course


@pytest.fixture(scope="session")
def graded(fixture_course: Path, tmp_path_factory: pytest.TempPathFactory) -> GradedCourse:
    """Every kind of submission, graded in one batch (no fake internet: the fixture needs none)."""
    course = ck.copy_course(fixture_course, tmp_path_factory.mktemp("graded") / "exercises")
    for student, make in ck.SUBMISSIONS.items():
        ck.submit(course, student, make(course))
    # A browser download renamed the file: nbgrader would find nothing to grade.
    renamed = ck.submit(course, "renamed", ck.solution_for_submission(course))
    renamed.rename(renamed.with_name(f"{ck.MODULE} (1).ipynb"))
    report = grade(course, serve=False)
    with open(course / "grades.csv", newline="", encoding="utf-8") as fh:
        rows = {row["student"]: row for row in csv.DictReader(fh)}
    return GradedCourse(course, report, rows)
