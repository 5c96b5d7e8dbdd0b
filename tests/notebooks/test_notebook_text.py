"""Each source notebook's text twin and the shared cells (graders.grading.notebooktext, docs/notebooks.md).

Fast: no kernel and no world. The twins must be in step with their notebooks (and the comparison must
catch a pair that is not), every shared cell must be its file in both, and the text must keep everything
nbgrader needs, so that a notebook written back from its text grades exactly as the original.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbgrader.utils import is_ignored
from traitlets.config.loader import PyFileConfigLoader

from graders.grading import notebooktext as nt

PROJECT = Path(__file__).resolve().parents[2]
COURSE = PROJECT / "exercises"
PAIRS = nt.pairs(COURSE)
pairs = pytest.mark.parametrize("pair", PAIRS, ids=[p.module for p in PAIRS])
MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION", "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")


def _course_copy(tmp_path: Path) -> Path:
    """The course's source notebooks, twins, jupytext.toml and shared cells in a temporary folder."""
    course = tmp_path / "exercises"
    for part in ("source", "shared"):
        shutil.copytree(COURSE / part, course / part, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return course


def _in_copy(course: Path, pair: nt.Pair) -> nt.Pair:
    return nt.Pair(course / pair.notebook.relative_to(COURSE))


def _nbgrader(cell: nbformat.NotebookNode) -> dict:
    return cell.metadata.get("nbgrader", {})


def test_there_are_pairs_and_shared_cells() -> None:
    assert len(PAIRS) == len(list((COURSE / "source").glob("*/*.ipynb"))) > 0
    assert {"polite_get", "robots"} <= set(nt.shared_cells(COURSE))


@pairs
def test_text_twin_exists_and_is_in_step(pair: nt.Pair) -> None:
    assert pair.text.exists(), f"{pair.text.name} is missing: run `make notebooks`"
    nb = nbformat.read(pair.notebook, as_version=4)
    text_nb = nt.read_text(pair)
    assert nt.cell_differences(nb, text_nb) == [], "out of step: run `make notebooks`"
    # The same, spelled out, so that this test does not rest on the function it checks.
    assert [c.cell_type for c in nb.cells] == [c.cell_type for c in text_nb.cells]
    assert [c.source for c in nb.cells] == [c.source for c in text_nb.cells]
    assert [_nbgrader(c) for c in nb.cells] == [_nbgrader(c) for c in text_nb.cells]
    assert nb.metadata["kernelspec"] == text_nb.metadata["kernelspec"]


def test_check_passes_on_the_course() -> None:
    assert nt.check(COURSE) == []


def test_check_catches_a_pair_out_of_step(tmp_path: Path) -> None:
    """A deliberate change to one file of a pair (a source line, then a cell's points) is reported."""
    course = _course_copy(tmp_path)
    assert nt.check(course) == []
    pair = _in_copy(course, PAIRS[0])
    original = pair.text.read_text(encoding="utf-8")

    pair.text.write_text(original.replace("print(", "print('changed'); print(", 1), encoding="utf-8")
    problems = nt.check(course)
    assert any(pair.module in p and "source differs" in p for p in problems), problems
    assert nt.main(["check", "--course", str(course)]) == 1

    graded = next(c for c in nbformat.read(pair.notebook, as_version=4).cells if _nbgrader(c).get("points"))
    points = f'"points": {graded.metadata["nbgrader"]["points"]}'
    assert points in original
    pair.text.write_text(original.replace(points, '"points": 99', 1), encoding="utf-8")
    problems = nt.check(course)
    assert any(graded.metadata["nbgrader"]["grade_id"] in p and "metadata differs" in p for p in problems), problems


def test_sync_takes_the_text_and_keeps_the_cell_ids(tmp_path: Path) -> None:
    course = _course_copy(tmp_path)
    pair = _in_copy(course, PAIRS[0])
    ids = [c.id for c in nbformat.read(pair.notebook, as_version=4).cells]
    text = pair.text.read_text(encoding="utf-8")
    pair.text.write_text(text.replace("print(", "print('changed'); print(", 1), encoding="utf-8")
    assert nt.main(["sync", "--course", str(course), "--prefer", "text"]) == 0
    nb = nbformat.read(pair.notebook, as_version=4)
    assert [c.id for c in nb.cells] == ids
    assert any("print('changed'); print(" in c.source for c in nb.cells)
    assert nt.check(course) == []


def test_sync_rewrites_a_shared_cell_edited_in_one_notebook(tmp_path: Path) -> None:
    course = _course_copy(tmp_path)
    pair = next(_in_copy(course, p) for p in PAIRS
                if any(c.metadata.get(nt.SHARED_KEY) for c in nbformat.read(p.notebook, as_version=4).cells))
    nb = nbformat.read(pair.notebook, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get(nt.SHARED_KEY))
    cell.source = cell.source.replace("TRIES = 6", "TRIES = 60").replace("DELAY = 1.0", "DELAY = 0")
    nbformat.write(nb, pair.notebook)
    assert any("differs from shared/" in p for p in nt.check(course))
    assert nt.main(["sync", "--course", str(course), "--prefer", "text"]) == 0
    assert nt.check(course) == []


@pairs
def test_shared_cells_are_their_files(pair: nt.Pair) -> None:
    shared = nt.shared_cells(COURSE)
    for nb in (nbformat.read(pair.notebook, as_version=4), nt.read_text(pair)):
        for cell in nb.cells:
            name = cell.metadata.get(nt.SHARED_KEY)
            if name is not None:
                assert cell.source == shared[name], f"{_nbgrader(cell).get('grade_id')}: run `make notebooks`"


def test_polite_get_has_one_home() -> None:
    """Every notebook that defines polite_get does it in the shared cell (modules 01 to 04 do)."""
    users = []
    for pair in PAIRS:
        for cell in nbformat.read(pair.notebook, as_version=4).cells:
            if "def polite_get(" in cell.source:
                assert cell.metadata.get(nt.SHARED_KEY) == "polite_get", pair.module
                users.append(pair.module[:2])
    assert users == ["01", "02", "03", "04"]


@pairs
def test_round_trip_keeps_what_nbgrader_needs(pair: nt.Pair) -> None:
    """Notebook → text → a notebook made from the text alone: every cell, marker and nbgrader field survives."""
    nb = nbformat.read(pair.notebook, as_version=4)
    back = nt.from_text(jupytext.writes(nb, fmt=nt.TEXT_FORMAT))
    nbformat.validate(back)
    assert len(back.cells) == len(nb.cells)
    for before, after in zip(nb.cells, back.cells, strict=True):
        assert after.cell_type == before.cell_type
        assert after.source == before.source
        assert _nbgrader(after) == _nbgrader(before)
        assert not after.get("outputs")
    text = "\n".join(c.source for c in back.cells)
    assert [text.count(m) for m in MARKERS] == ["\n".join(c.source for c in nb.cells).count(m) for m in MARKERS]
    assert back.metadata["kernelspec"] == nb.metadata["kernelspec"]
    assert any(_nbgrader(c).get("grade") for c in back.cells)


def test_nbgrader_never_releases_the_text_twins() -> None:
    """The twins hold the solutions: nbgrader's ignore list keeps them out of release/ and autograded/."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(COURSE)).load_config()
    ignore = list(config.CourseDirectory.ignore)
    assert {".ipynb_checkpoints", "__pycache__"} <= set(ignore)
    for pair in PAIRS:
        assert is_ignored(str(pair.text), ignore), pair.text.name
        assert not is_ignored(str(pair.notebook), ignore)


class _Answer:
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        self.status_code, self.headers, self.content = status, headers or {}, b""


def test_shared_polite_get_honours_429_and_gives_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shared cell, run with a fake site: Retry-After waited out, six tries, then an error; all logged."""
    import time

    answers = [_Answer(429, {"Retry-After": "3"}), _Answer(429), _Answer(200)]
    sent, slept = [], []

    class Session:
        headers: dict[str, str] = {}

        def get(self, url: str, **kwargs: object) -> _Answer:
            sent.append(kwargs)
            return answers.pop(0) if answers else _Answer(429, {"Retry-After": "1"})

    cell: dict = {"USER_AGENT": "test", "DELAY": 0.0}
    exec(nt.shared_cells(COURSE)["polite_get"], cell)
    cell["session"] = Session()
    cell["robots"] = type("Robots", (), {"can_fetch": staticmethod(lambda agent, url: "/account/" not in url)})
    monkeypatch.setattr(time, "sleep", slept.append)

    assert cell["polite_get"]("http://lab/a", headers={"X-API-Key": "k"}).status_code == 200
    assert slept == [3, 5]  # Retry-After's 3 s, then the default for a 429 that does not say
    assert sent[0]["headers"] == {"X-API-Key": "k"} and sent[0]["allow_redirects"] is True
    with pytest.raises(RuntimeError, match="6 times"):
        cell["polite_get"]("http://lab/b")
    assert [e["status"] for e in cell["collection_log"]] == [429, 429, 200] + [429] * 6
    with pytest.raises(PermissionError):
        cell["polite_get"]("http://lab/account/")
