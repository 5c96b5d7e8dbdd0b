"""The course's notebooks as text, and the cells several notebooks share: ``sync`` and ``check``.

Why this exists (docs/notebooks.md): nbgrader needs ``source/<module>/<module>.ipynb``, but a change to a
notebook's JSON is unreadable in a review. So each notebook has a text twin, ``<module>.py`` in
jupytext's ``py:percent`` format, kept in step with it; and a cell that several modules need word for
word (``polite_get``, the robots.txt rules) lives once, in ``exercises/shared/<name>.py``, and is copied
into every notebook whose cell says ``"shared": "<name>"`` in its metadata. Copies edited by hand drift
(they did: 5 or 6 tries, a 2 or 5 second default wait); one home per cell stops that.

``python -m graders.grading.notebooktext sync`` brings every pair in step (the newer file of a pair wins, as
with ``jupytext --sync``; ``--prefer`` overrides) and rewrites the shared cells in both files.
``python -m graders.grading.notebooktext check`` changes nothing and exits 1, listing what is out of step.
``make notebooks`` runs sync, then check.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from jupytext.combine import combine_inputs_with_outputs
from jupytext.config import JupytextConfiguration, load_jupytext_config
from nbformat import NotebookNode

TEXT_FORMAT = "py:percent"
SHARED_KEY = "shared"  # the cell-metadata key that names a shared cell's file in exercises/shared/
# Notebook metadata that nbgrader and Jupyter need from a notebook written back from its text.
NEEDED_NOTEBOOK_METADATA = ("kernelspec",)
PREFERENCES = ("newer", "text", "notebook")


def default_course_dir() -> Path:
    """The project's course, ``exercises/`` beside the ``graders`` package (as graders.grading.course has it)."""
    return Path(__file__).resolve().parents[2] / "exercises"


@dataclass(frozen=True)
class Pair:
    """A source notebook and the path of its text twin (which may not exist yet)."""

    notebook: Path

    @property
    def text(self) -> Path:
        return self.notebook.with_suffix(".py")

    @property
    def module(self) -> str:
        return self.notebook.parent.name


def pairs(course: Path) -> list[Pair]:
    """Every ``source/<module>/<module>.ipynb`` of the course, in course order."""
    return [Pair(p) for p in sorted((course / "source").glob("*/*.ipynb")) if p.stem == p.parent.name]


def shared_dir(course: Path) -> Path:
    return course / "shared"


def shared_cells(course: Path) -> dict[str, str]:
    """Each shared cell's name and text: ``shared/<name>.py``, without the file's final newline."""
    return {p.stem: p.read_text(encoding="utf-8").rstrip("\n") for p in sorted(shared_dir(course).glob("*.py"))}


def _config(pair: Pair) -> JupytextConfiguration | None:
    """The course's jupytext.toml (source/), so that text is written exactly as `jupytext --sync` writes it."""
    return load_jupytext_config(str(pair.notebook))


def read_text(pair: Pair) -> NotebookNode:
    """The notebook that the text twin describes (cells and metadata, no ids or outputs)."""
    return jupytext.read(pair.text, fmt=TEXT_FORMAT, config=_config(pair))


def text_of(nb: NotebookNode, pair: Pair) -> str:
    """``nb`` as its text twin holds it."""
    return jupytext.writes(nb, fmt=TEXT_FORMAT, config=_config(pair))


def from_text(text: str) -> NotebookNode:
    """A notebook read back from text alone, as a fresh `jupytext --to ipynb` would make it."""
    return jupytext.reads(text, fmt=TEXT_FORMAT)


def _label(index: int, cell: NotebookNode) -> str:
    grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
    return f"cell {index}" + (f" ({grade_id})" if grade_id else "")


def cell_differences(expected: NotebookNode, actual: NotebookNode) -> list[str]:
    """What differs between two versions of a notebook, in the parts that a text twin must keep.

    Cell by cell: its type, its source and its whole metadata (nbgrader's grade_id, points, solution,
    grade, locked, schema_version, task; the shared-cell name), and the notebook metadata that nbgrader
    needs. Ids and outputs are not compared: the text does not hold them, and source notebooks have none.
    """
    problems = []
    if len(expected.cells) != len(actual.cells):
        problems.append(f"{len(expected.cells)} cells against {len(actual.cells)}")
    for index, (want, got) in enumerate(zip(expected.cells, actual.cells, strict=False)):
        for part in ("cell_type", "source", "metadata"):
            if want.get(part) != got.get(part):
                problems.append(f"{_label(index, want)}: its {part.replace('_', ' ')} differs")
    for key in NEEDED_NOTEBOOK_METADATA:
        if expected.metadata.get(key) != actual.metadata.get(key):
            problems.append(f"notebook metadata {key!r} differs")
    return problems


def shared_differences(nb: NotebookNode, shared: dict[str, str]) -> list[str]:
    """Cells marked as shared whose text is not their shared file's, or whose file does not exist."""
    problems = []
    for index, cell in enumerate(nb.cells):
        name = cell.metadata.get(SHARED_KEY)
        if name is None:
            continue
        if name not in shared:
            problems.append(f"{_label(index, cell)} names shared/{name}.py, which does not exist")
        elif cell.source != shared[name]:
            problems.append(f"{_label(index, cell)} differs from shared/{name}.py")
    return problems


def apply_shared(nb: NotebookNode, shared: dict[str, str]) -> list[str]:
    """Rewrite every shared cell of ``nb`` from its file; return the labels of the cells changed."""
    changed = []
    for index, cell in enumerate(nb.cells):
        name = cell.metadata.get(SHARED_KEY)
        if name in shared and cell.source != shared[name]:
            cell.source = shared[name]
            changed.append(f"{_label(index, cell)} from shared/{name}.py")
    return changed


def check(course: Path) -> list[str]:
    """Everything out of step in the course, one line each; empty when all is well."""
    shared = shared_cells(course)
    used: set[str] = set()
    problems = []
    for pair in pairs(course):
        nb = nbformat.read(pair.notebook, as_version=4)
        used |= {c.metadata[SHARED_KEY] for c in nb.cells if SHARED_KEY in c.metadata}
        problems += [f"{pair.module}.ipynb: {p}" for p in shared_differences(nb, shared)]
        if not pair.text.exists():
            problems.append(f"{pair.module}: no text twin {pair.text.name} (run `make notebooks`)")
            continue
        text_nb = read_text(pair)
        problems += [f"{pair.module}: .ipynb and .py out of step: {p}" for p in cell_differences(nb, text_nb)]
        problems += [f"{pair.module}.py: {p}" for p in shared_differences(text_nb, shared)]
    problems += [f"shared/{name}.py is used by no notebook" for name in sorted(set(shared) - used)]
    return problems


def _inputs_from(pair: Pair, prefer: str) -> str:
    """Which file of a pair that differs holds the author's change: "text" or "notebook"."""
    if prefer != "newer":
        return prefer
    return "text" if pair.text.stat().st_mtime > pair.notebook.stat().st_mtime else "notebook"


def _write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` (with a final newline, as jupytext's own write adds) unless the file already holds it."""
    text = text if text.endswith("\n") else text + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def sync_pair(pair: Pair, shared: dict[str, str], prefer: str = "newer") -> list[str]:
    """Bring one pair in step and its shared cells up to date; return what was done, one line each.

    Outputs and cell ids stay the notebook's (jupytext's combine, as `jupytext --sync` does). The
    notebook is written first and the text last, so that the text is never the older of the two:
    JupyterLab's jupytext refuses to open a pair whose text is older than its notebook.
    """
    config = _config(pair)
    nb = nbformat.read(pair.notebook, as_version=4)
    done = []
    if pair.text.exists():
        text_nb = read_text(pair)
        if cell_differences(nb, text_nb):
            side = _inputs_from(pair, prefer)
            if side == "text":
                nb = combine_inputs_with_outputs(text_nb, nb, fmt=TEXT_FORMAT)
            source = pair.text if side == "text" else pair.notebook
            done.append(f"{pair.module}: the two differed; took the cells from {source.name}")
    done += [f"{pair.module}: {c}" for c in apply_shared(nb, shared)]
    if _write_if_changed(pair.notebook, jupytext.writes(nb, fmt="ipynb", config=config)):
        done.append(f"{pair.module}: wrote {pair.notebook.name}")
    if _write_if_changed(pair.text, jupytext.writes(nb, fmt=TEXT_FORMAT, config=config)):
        done.append(f"{pair.module}: wrote {pair.text.name}")
    elif pair.text.stat().st_mtime < pair.notebook.stat().st_mtime:
        os.utime(pair.text)
    return done


def sync(course: Path, prefer: str = "newer") -> list[str]:
    """Sync every pair of the course; see sync_pair."""
    shared = shared_cells(course)
    return [line for pair in pairs(course) for line in sync_pair(pair, shared, prefer)]


def main(argv: Sequence[str] | None = None) -> int:
    """``sync`` or ``check``; exit 1 when check finds anything out of step."""
    parser = argparse.ArgumentParser(prog="python -m graders.grading.notebooktext", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("sync", "check"),
                        help="sync: bring text, notebooks and shared cells in step; check: only report")
    parser.add_argument("--course", type=Path, default=default_course_dir(),
                        help="the course folder (default: the project's exercises/)")
    parser.add_argument("--prefer", choices=PREFERENCES, default="newer",
                        help="sync: where a pair that differs takes its cells from (default: the newer file)")
    args = parser.parse_args(argv)
    if args.command == "sync":
        for line in sync(args.course, args.prefer):
            print(line)
    problems = check(args.course)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s). Edit the shared/ file or one file of the pair, then `make notebooks` "
              "(docs/notebooks.md).", file=sys.stderr)
        return 1
    if args.command == "check":
        print(f"{len(pairs(args.course))} notebooks, their text twins and "
              f"{len(shared_cells(args.course))} shared cells are in step.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
