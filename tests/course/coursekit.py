"""A tiny nbgrader course built in a temporary folder, so the pipeline tests need no real module.

The fixture module ``01-fixture`` has everything the real notebooks use: a solution cell, an
autograded test cell with a visible check and hidden tests that give partial credit through the
last expression's value, a test cell whose hidden ``assert`` fails for a wrong answer (to prove the
feedback hides the hidden line and its message), a manually graded written answer, and a task cell
with a mark scheme.  The course uses the project's real ``nbgrader_config.py`` (copied, then
overridden: a short cell timeout), so the tests exercise the configuration trainees get.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

PROJECT = Path(__file__).resolve().parents[2]
MODULE = "01-fixture"
TEST_TIMEOUT_S = 5

# Text that only hidden tests contain: none of it may reach a trainee's feedback.
HIDDEN_MARKERS = ("SECRET_CASES_HIDDEN", "HIDDEN-ANSWER-42", "padded   words", "MARKSCHEME-SECRET")

SOLUTION = '''\
### BEGIN SOLUTION
def count_words(text):
    """How many words ``text`` holds."""
    return len(text.split())
### END SOLUTION
'''

TESTS_PARTIAL = '''\
# Self-check: count_words("a b c") must be 3.
assert count_words("a b c") == 3, "count_words('a b c') should return 3"
score = 1
### BEGIN HIDDEN TESTS
SECRET_CASES_HIDDEN = {"one two": 2, "x": 1, "": 0}
for secret_text, secret_expected in SECRET_CASES_HIDDEN.items():
    if count_words(secret_text) == secret_expected:
        score += 1
print("hidden checks passed:", score - 1)
### END HIDDEN TESTS
score
'''

TESTS_ASSERT = '''\
assert callable(count_words), "define a function called count_words"
### BEGIN HIDDEN TESTS
assert count_words("  padded   words  ") == 2, "HIDDEN-ANSWER-42"
### END HIDDEN TESTS
'''

WRITTEN = '''\
### BEGIN SOLUTION
Splitting on any whitespace ignores repeated spaces, so padded text still counts correctly.
### END SOLUTION
'''

TASK = '''\
**Task (graded by your instructor):** explain when counting words can mislead an analyst.
=== BEGIN MARK SCHEME ===
MARKSCHEME-SECRET: full marks for mentioning copy-pasted template text.
=== END MARK SCHEME ===
'''

# Trainee answers, as the source of the solution cell.
WRONG = "def count_words(text):\n    return text.count(' ') + 1\n"  # "" -> 1 and padded text fail
RAISES = "def count_words(text):\n    return 1 / 0\n\ncount_words('boom')\n"
LOOPS = "def count_words(text):\n    return len(text.split())\n\nwhile True:\n    pass\n"


def _meta(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float = 0,
          task: bool = False) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": task}
    if grade or task:
        meta["points"] = points
    return {"nbgrader": meta}


def fixture_notebook() -> nbformat.NotebookNode:
    """The instructor's source notebook of the fixture module (solutions and hidden tests in)."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [
        new_markdown_cell("# Fixture module\nWrite `count_words(text)`."),
        new_code_cell(SOLUTION, metadata=_meta("answer", grade=False, solution=True, locked=False)),
        new_code_cell(TESTS_PARTIAL, metadata=_meta("tests-partial", grade=True, solution=False,
                                                   locked=True, points=4)),
        new_code_cell(TESTS_ASSERT, metadata=_meta("tests-assert", grade=True, solution=False,
                                                  locked=True, points=2)),
        new_markdown_cell(WRITTEN, metadata=_meta("written", grade=True, solution=True, locked=False,
                                                  points=2)),
        new_markdown_cell(TASK, metadata=_meta("task-misleading", grade=False, solution=False,
                                               locked=True, points=1, task=True)),
    ]
    return nb


def build_course(root: Path, *, timeout: int = TEST_TIMEOUT_S) -> Path:
    """A course folder at ``root``: the project's config (plus overrides) and the fixture module."""
    root.mkdir(parents=True, exist_ok=True)
    config = (PROJECT / "exercises" / "nbgrader_config.py").read_text(encoding="utf-8")
    config += (
        "\n# --- test overrides ---\n"
        f"c.Execute.timeout = {timeout}\n"
        "c.Execute.startup_timeout = 60\n"
    )
    (root / "nbgrader_config.py").write_text(config, encoding="utf-8")
    source = root / "source" / MODULE
    source.mkdir(parents=True, exist_ok=True)
    nbformat.write(fixture_notebook(), source / f"{MODULE}.ipynb")
    return root


def released(course: Path, module: str = MODULE) -> nbformat.NotebookNode:
    """The release (trainee) copy of ``module``'s notebook."""
    return nbformat.read(course / "release" / module / f"{module}.ipynb", as_version=4)


def submit(course: Path, student: str, nb: nbformat.NotebookNode | str, module: str = MODULE) -> Path:
    """Put a notebook (or raw text, e.g. a corrupt file) where nbgrader's collect would."""
    folder = course / "submitted" / student / module
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{module}.ipynb"
    if isinstance(nb, str):
        path.write_text(nb, encoding="utf-8")
    else:
        nbformat.write(nb, path)
    return path


def answer_with(nb: nbformat.NotebookNode, source: str, grade_id: str = "answer") -> nbformat.NotebookNode:
    """A copy of ``nb`` whose cell ``grade_id`` holds ``source`` (what a trainee typed)."""
    nb = json.loads(json.dumps(nb))
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = source
    return nb


def without_cell(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    """A copy of ``nb`` with the cell ``grade_id`` deleted (a trainee removed a test cell)."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def solution_for_submission(course: Path, module: str = MODULE) -> nbformat.NotebookNode:
    """The release copy with the solution text filled in: what a trainee who got it right hands in."""
    source = nbformat.read(course / "source" / module / f"{module}.ipynb", as_version=4)
    sub = released(course, module)
    by_id = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in source.cells}
    for cell in sub.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and meta.get("grade_id") in by_id:
            cell.source = _strip_markers(by_id[meta["grade_id"]].source)
    return sub


def _strip_markers(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "BEGIN SOLUTION" not in line
                     and "END SOLUTION" not in line)


def copy_course(src: Path, dst: Path) -> Path:
    """A copy of a course folder (so that one release can feed several independent tests)."""
    shutil.copytree(src, dst)
    return dst


# What each fixture trainee hands in (built from the release copy, as a trainee would edit it).
SUBMISSIONS = {
    "alice": lambda course: solution_for_submission(course),
    "blank": lambda course: released(course),
    "wrong": lambda course: answer_with(released(course), WRONG),
    "crash": lambda course: answer_with(released(course), RAISES),
    "loop": lambda course: answer_with(released(course), LOOPS),
    "deleted": lambda course: without_cell(solution_for_submission(course), "tests-partial"),
    "corrupt": lambda course: '{"cells": [{"cell_type": "code", "source": "print(1)"',
}
