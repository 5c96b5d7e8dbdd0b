"""Does every course module have all its parts, and do they agree? (the registry's consistency check)

A module is a package under graders.modules (its spec, answer readers, hidden checks), a source notebook
``exercises/source/<id>/<id>.ipynb`` and a guide chapter ``instructor_guide/<id>.md``. ``problems`` lists,
in one sentence each, what is missing or disagrees: the notebook's graded cells must be the spec's
questions (same grade ids in the same order, same points, auto-graded test cells for auto questions and
hand-graded answer cells for the others), and the hidden checks must cover exactly the auto questions.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from graders.modules.spec_types import ModuleSpec

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def hidden_calls(path: Path) -> dict[str, str]:
    """The source of every auto-graded cell of a notebook, by grade id."""
    nb = nbformat.read(path, as_version=4)
    return {cell["metadata"]["nbgrader"]["grade_id"]: cell.source for cell in nb.cells
            if cell.get("metadata", {}).get("nbgrader", {}).get("grade")
            and not cell["metadata"]["nbgrader"].get("solution", False)}


def notebook_questions(path: Path) -> list[tuple[str, float, bool]]:
    """(grade id, points, auto-graded) of every graded cell of a notebook, in order."""
    nb = nbformat.read(path, as_version=4)
    found = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("grade"):
            found.append((meta["grade_id"], float(meta.get("points", 0)), not meta.get("solution", False)))
    return found


def problems(spec: ModuleSpec, root: Path = PROJECT_ROOT) -> list[str]:
    """What is missing from module ``spec`` or disagrees with it (empty when the module is whole)."""
    found: list[str] = []
    notebook = root / "exercises" / "source" / spec.id / f"{spec.id}.ipynb"
    chapter = root / "instructor_guide" / f"{spec.id}.md"
    if not chapter.is_file():
        found.append(f"{spec.id}: no guide chapter at {chapter.relative_to(root)}.")
    if not notebook.is_file():
        found.append(f"{spec.id}: no source notebook at {notebook.relative_to(root)}.")
    else:
        want = [(q.grade_id, float(q.points), q.auto) for q in spec.questions]
        have = notebook_questions(notebook)
        if [g for g, _, _ in have] != [g for g, _, _ in want]:
            found.append(f"{spec.id}: the notebook's graded cells are {[g for g, _, _ in have]}, "
                         f"the spec's questions {[g for g, _, _ in want]}.")
        else:
            for (grade_id, points, auto), (_, spec_points, spec_auto) in zip(have, want, strict=True):
                if points != spec_points:
                    found.append(f"{spec.id}: {grade_id} is worth {points:g} points in the notebook and "
                                 f"{spec_points:g} in the spec.")
                if auto != spec_auto:
                    found.append(f"{spec.id}: {grade_id} is {'auto' if auto else 'hand'}-graded in the notebook "
                                 f"and {'auto' if spec_auto else 'hand'}-graded in the spec.")
        for grade_id, source in hidden_calls(notebook).items():
            if f'hidden_check("{spec.id}", "{grade_id}"' not in source:
                found.append(f"{spec.id}: the test cell {grade_id} does not run "
                             f'hidden_check("{spec.id}", "{grade_id}", ...).')
    try:
        checks = {c.grade_id for c in spec.submodule("checks").CHECKS}
    except (ImportError, AttributeError):
        found.append(f"{spec.id}: its package has no checks.CHECKS.")
    else:
        auto = {q.grade_id for q in spec.questions if q.auto}
        if checks != auto:
            found.append(f"{spec.id}: hidden checks for {sorted(checks)}, auto-graded questions {sorted(auto)}.")
    return found


def orphan_notebooks(ids: set[str], root: Path = PROJECT_ROOT) -> list[str]:
    """Source notebook folders that no module package declares."""
    source = root / "exercises" / "source"
    return sorted(p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith(".") and p.name not in ids)
