"""The real module 02 through the whole pipeline, against a generated default world.

release → the source notebook's solution as one trainee, the untouched release copy as another, and
the solution with `find_phones` left unfinished as a third → grade with the world's fake internet
served for the batch → the solution gets every autograded point, the blank copy none, the third
exactly the e-mail and handle points (the table is still built), and no feedback page shows a
hidden line.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import coursekit as ck
import nbformat
import pytest

from graders import feedback as fb
from graders.course import default_course_dir, grade, release

pytestmark = pytest.mark.slow

MODULE = "02-selectors-and-normalisation"
SOURCE = default_course_dir() / "source" / MODULE / f"{MODULE}.ipynb"
PHONES_CELL = "q1-find-phones-solution"


@pytest.fixture(scope="module")
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SOURCE.exists():
        pytest.skip(f"module 02 is not written yet ({SOURCE} is missing)")
    try:
        from synth.generate import generate_world
    except ImportError:
        pytest.skip("the world generator (synth.generate) is not available yet")
    try:
        return request.getfixturevalue("default_world")  # shared with other suites when they run too
    except pytest.FixtureLookupError:
        return generate_world(2026, "default", tmp_path_factory.mktemp("world") / "default")


@pytest.fixture(scope="module")
def graded(world: Path, tmp_path_factory: pytest.TempPathFactory):
    course = tmp_path_factory.mktemp("course02") / "exercises"
    course.mkdir()
    shutil.copy(default_course_dir() / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(SOURCE.parent, course / "source" / MODULE,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    assert release(course, [MODULE]) == [MODULE]
    ck.submit(course, "solver", ck.solution_for_submission(course, MODULE), MODULE)
    ck.submit(course, "blank", ck.released(course, MODULE), MODULE)
    stub = next(c.source for c in ck.released(course, MODULE).cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == PHONES_CELL)
    partial = ck.answer_with(ck.solution_for_submission(course, MODULE), stub, PHONES_CELL)
    ck.submit(course, "partial", partial, MODULE)
    port_before = os.environ.get("OSINTLAB_PORT")
    report = grade(course, MODULE, world_dir=world)
    assert os.environ.get("OSINTLAB_PORT") == port_before  # the batch's settings did not leak out
    return course, report


def _result(report, student):
    return next(r for r in report.results if r.student == student)


def test_the_solution_gets_every_autograded_point(graded):
    _, report = graded
    solver = _result(report, "solver")
    assert solver.graded, solver.note
    assert solver.auto_max_score and solver.auto_score == solver.auto_max_score, (
        f"{[(q.question, q.score, q.max_score) for q in solver.questions]} — {solver.note}")
    assert report.ok and report.base_url and report.base_url.startswith("http://127.0.0.1:")


def test_the_blank_release_copy_gets_zero(graded):
    _, report = graded
    blank = _result(report, "blank")
    assert blank.graded and blank.auto_score == 0, blank.note
    assert "not answered" in blank.note


def test_an_unfinished_function_costs_only_its_own_points(graded):
    _, report = graded
    partial = _result(report, "partial")
    assert partial.graded, partial.note
    scores = {q.question: q.score for q in partial.questions}
    assert scores.get("q1-phones") == 0 and scores.get("q2-emails") == 2 and scores.get("q3-handles") == 2, scores
    assert partial.auto_score == 4


@pytest.mark.parametrize("student", ["solver", "blank", "partial"])
def test_module02_feedback_shows_no_hidden_line(graded, student):
    course, _ = graded
    page = (course / "feedback" / student / MODULE / f"{MODULE}.html").read_text(encoding="utf-8")
    autograded = nbformat.read(course / "autograded" / student / MODULE / f"{MODULE}.ipynb", as_version=4)
    hidden = fb.hidden_lines_of(autograded)
    assert hidden and fb.leaked_lines(page, hidden) == []
    assert "HIDDEN TESTS" not in fb.html_text(page)
