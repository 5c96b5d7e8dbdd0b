"""Every course module is whole: package, notebook and guide chapter agree (graders.grading.coursecheck).

Course-wide tests iterate over the registry; this one makes sure the registry and the course agree, and
that the check notices when a part is missing or disagrees (on a copy of the course).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from graders.grading.coursecheck import PROJECT_ROOT, orphan_notebooks, problems
from graders.modules.registry import module, modules
from graders.modules.spec_types import Question

SPECS = modules()


def test_the_registry_finds_the_course() -> None:
    assert len(SPECS) >= 5
    assert [s.id for s in SPECS] == sorted(s.id for s in SPECS)
    assert module("03-linking-ads").package == "graders.modules.m03_linking_ads"
    with pytest.raises(KeyError, match="The course has"):
        module("99-nothing")


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_module_is_whole(spec) -> None:
    assert problems(spec) == []


def test_every_notebook_has_a_module() -> None:
    assert orphan_notebooks({s.id for s in SPECS}) == []


def test_brief_and_key_section_have_the_specs_fields(tiny_world: Path) -> None:
    briefs = json.loads((tiny_world / "public" / "briefs.json").read_text(encoding="utf-8"))
    key = json.loads((tiny_world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"]
    assert set(briefs) == set(key) == {s.id for s in SPECS}
    for spec in SPECS:
        assert tuple(sorted(briefs[spec.id])) == tuple(sorted(spec.brief_fields)), spec.id
        assert tuple(sorted(key[spec.id])) == tuple(sorted(spec.key_fields)), spec.id


@pytest.fixture()
def course_copy(tmp_path: Path) -> Path:
    for part in ("exercises/source", "instructor_guide"):
        shutil.copytree(PROJECT_ROOT / part, tmp_path / part)
    return tmp_path


def test_the_check_notices_what_is_missing_or_wrong(course_copy: Path) -> None:
    spec = module("03-linking-ads")
    assert problems(spec, course_copy) == []
    (course_copy / "instructor_guide" / f"{spec.id}.md").unlink()
    assert any("no guide chapter" in p for p in problems(spec, course_copy))
    wrong_points = replace(spec, questions=(replace(spec.questions[0], points=99.0), *spec.questions[1:]))
    assert any("worth 4 points in the notebook and 99" in p for p in problems(wrong_points, course_copy))
    notebook = course_copy / "exercises" / "source" / spec.id / f"{spec.id}.ipynb"
    text = notebook.read_text(encoding="utf-8")
    wrong = text.replace('\\"q2-operation-items\\", operation_items', '\\"q3-victim-count\\", operation_items')
    assert wrong != text
    notebook.write_text(wrong, encoding="utf-8")
    assert any("q2-operation-items does not run" in p for p in problems(spec, course_copy))
    notebook.write_text(text, encoding="utf-8")
    extra = replace(spec, questions=(*spec.questions, Question("q9-extra", 1.0)))
    assert any("graded cells are" in p for p in problems(extra, course_copy))
    shutil.rmtree(course_copy / "exercises" / "source" / spec.id)
    assert any("no source notebook" in p for p in problems(spec, course_copy))
    assert orphan_notebooks(set(), course_copy)  # every notebook folder is an orphan of an empty registry
