"""Every real module through the whole pipeline, against a generated default world.

release → the source notebook's solution as one trainee, the untouched release copy as another (and,
for module 02, the solution with `find_phones` left unfinished as a third) → grade with the world's
fake internet served for the batch (``graded_module`` in tests/conftest.py; the notebook tests read the
same batch) → the solution gets every autograded point, the blank copy none,
and no feedback page shows a hidden line.
"""

from __future__ import annotations

import nbformat
import pytest

from graders.grading import feedback as fb
from graders.modules.registry import modules

pytestmark = pytest.mark.slow

MODULES = tuple(spec.id for spec in modules())  # every module of the course, from the registry
M02 = "02-selectors-and-normalisation"


def _students(module: str) -> list[str]:
    return ["solver", "blank", "partial"] if module == M02 else ["solver", "blank"]


@pytest.fixture(scope="module", params=MODULES)
def graded(request: pytest.FixtureRequest, graded_module):
    """The module's batch, graded once per session (``graded_module`` in tests/conftest.py)."""
    batch = graded_module(request.param)
    return batch.module, batch.course, batch.report


def _result(report, student):
    return next(r for r in report.results if r.student == student)


def test_the_solution_gets_every_autograded_point(graded):
    _, _, report = graded
    solver = _result(report, "solver")
    assert solver.graded, solver.note
    assert solver.auto_max_score and solver.auto_score == solver.auto_max_score, (
        f"{[(q.question, q.score, q.max_score) for q in solver.questions]} — {solver.note}")
    assert report.ok and report.base_url and report.base_url.startswith("http://127.0.0.1:")


def test_the_blank_release_copy_gets_zero(graded):
    _, _, report = graded
    blank = _result(report, "blank")
    assert blank.graded and blank.auto_score == 0, blank.note
    assert "not answered" in blank.note


@pytest.mark.parametrize("graded", [M02], indirect=True)
def test_an_unfinished_function_costs_only_its_own_points(graded):
    _, _, report = graded
    partial = _result(report, "partial")
    assert partial.graded, partial.note
    scores = {q.question: q.score for q in partial.questions}
    assert scores.get("q1-phones") == 0 and scores.get("q2-emails") == 2 and scores.get("q3-handles") == 2, scores
    assert partial.auto_score == 4


def test_feedback_shows_no_hidden_line(graded):
    module, course, _ = graded
    for student in _students(module):
        page = (course / "feedback" / student / module / f"{module}.html").read_text(encoding="utf-8")
        autograded = nbformat.read(course / "autograded" / student / module / f"{module}.ipynb", as_version=4)
        hidden = fb.hidden_lines_of(autograded)
        assert hidden and fb.leaked_lines(page, hidden) == [], student
        assert "HIDDEN TESTS" not in fb.html_text(page), student
