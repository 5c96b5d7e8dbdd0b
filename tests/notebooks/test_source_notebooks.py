"""Every source notebook: well-formed for nbgrader, runs under nbval, solution = full marks, blank = 0.

The static checks are fast and run always. The others execute notebooks against the session's
default world at the grading pace and are marked slow: nbval runs the solution against the server of
conftest.py; the marks are read from the session's nbgrader batch of the module (``graded_module``
in tests/conftest.py, which the course tests grade too), where autograde ran the solution and the
untouched release copy with the hidden tests put back. Grades are computed with nbgrader's own
``determine_grade`` on the notebooks autograde executed, so "full marks" is what autograde gives.
"""

from __future__ import annotations

import ast
import copy
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat import NotebookNode
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions
from nbgrader.utils import determine_grade

PROJECT = Path(__file__).resolve().parents[2]
SOURCE_NOTEBOOKS = sorted((PROJECT / "exercises" / "source").glob("*/*.ipynb"))
CELL_TIMEOUT_S = 300
IDS = [p.parent.name for p in SOURCE_NOTEBOOKS]
notebooks = pytest.mark.parametrize("path", SOURCE_NOTEBOOKS, ids=IDS)


def _nbgrader(cell: NotebookNode) -> dict:
    return cell.metadata.get("nbgrader", {})


def _autograded_tests(nb: NotebookNode) -> list[NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code" and _nbgrader(c).get("grade")
            and not _nbgrader(c).get("solution")]


def _release(nb: NotebookNode) -> NotebookNode:
    """The notebook as trainees receive it: solutions replaced by stubs, hidden tests removed."""
    released = copy.deepcopy(nb)
    released, _ = ClearSolutions(enforce_metadata=True).preprocess(released, {})
    released, _ = ClearHiddenTests(enforce_metadata=True).preprocess(released, {})
    return released


def test_there_are_source_notebooks() -> None:
    assert SOURCE_NOTEBOOKS, "no notebooks under exercises/source/"


@notebooks
def test_nbgrader_metadata_is_complete(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    ids = [_nbgrader(c)["grade_id"] for c in nb.cells if _nbgrader(c)]
    assert len(ids) == len(set(ids)), "grade_id values must be unique"
    for cell in nb.cells:
        meta = _nbgrader(cell)
        assert not cell.get("outputs"), "source notebooks are stored without outputs"
        if not meta:
            continue
        assert meta["schema_version"] == 3
        if meta.get("grade"):
            assert meta.get("points", 0) > 0, f"{meta['grade_id']}: a graded cell needs points"
        if meta.get("solution") and cell.cell_type == "code":
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
    assert _autograded_tests(nb), "every module has autograded questions"


@notebooks
def test_hidden_tests_end_with_the_points(path: Path) -> None:
    """nbgrader gives partial credit from the last expression: each hidden part must end with one."""
    for cell in _autograded_tests(nbformat.read(path, as_version=4)):
        source = cell.source
        assert "### BEGIN HIDDEN TESTS" in source and "### END HIDDEN TESTS" in source
        hidden = source.split("### BEGIN HIDDEN TESTS", 1)[1].split("### END HIDDEN TESTS", 1)[0]
        last = ast.parse(hidden).body[-1]
        assert isinstance(last, ast.Expr), f"{_nbgrader(cell)['grade_id']}: hidden tests must end with the score"


@notebooks
def test_released_notebook_holds_no_answer(path: Path) -> None:
    released = _release(nbformat.read(path, as_version=4))
    text = "\n".join(c.source for c in released.cells)
    for leak in ("BEGIN SOLUTION", "HIDDEN TESTS", "graders.grading.key", "answer_key"):
        assert leak not in text
    assert not re.search(r"graders(\.| import )m\d\d", text), "hidden graders must not be imported visibly"


@pytest.mark.slow
@notebooks
def test_nbval(path: Path, lab) -> None:
    """`pytest --nbval-lax` on the notebook: every cell of the solution runs without an error."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", f"--nbval-cell-timeout={CELL_TIMEOUT_S}",
         "-p", "no:cacheprovider", "-q", str(path)],
        cwd=PROJECT, env=lab.env,
        capture_output=True, text=True, timeout=20 * 60,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def _grade_ids(cells: list[NotebookNode]) -> list[str]:
    return [_nbgrader(c)["grade_id"] for c in cells]


def _executed(path: Path, graded_module, student: str) -> list[NotebookNode]:
    """The autograded cells of ``student``'s notebook as autograde executed it: every one of the source's."""
    batch = graded_module(path.parent.name)
    assert batch.result(student).graded, batch.result(student).note
    cells = _autograded_tests(batch.autograded(student))
    assert _grade_ids(cells) == _grade_ids(_autograded_tests(nbformat.read(path, as_version=4)))
    return cells


@pytest.mark.slow
@notebooks
def test_solution_scores_full_marks(path: Path, graded_module) -> None:
    """The solution as trainee ``solver`` of the session's graded batch (tests/conftest.py)."""
    for cell in _executed(path, graded_module, "solver"):
        earned, available = determine_grade(cell)
        assert earned == available, f"{_nbgrader(cell)['grade_id']}: {earned} of {available}\n{cell.outputs}"


@pytest.mark.slow
@notebooks
def test_blank_notebook_scores_zero(path: Path, graded_module) -> None:
    """The untouched release copy as trainee ``blank``: autograde puts the hidden tests back and runs it."""
    for cell in _executed(path, graded_module, "blank"):
        earned, _ = determine_grade(cell)
        assert earned == 0, f"{_nbgrader(cell)['grade_id']} gives {earned} points to a blank notebook"
