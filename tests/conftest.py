"""Shared fixtures: worlds are built once per test session and written once into a temporary folder.

``built_world(seed, preset)`` is the in-memory World of synth.build.pipeline.build_world, built once per
session for every test directory (a default world takes seconds to build; World is frozen and the
tests only read it). ``world_factory(seed, preset)`` writes that same World with generate_world, once
per session; the determinism tests build and write worlds afresh to compare with these.

``graded_module(module)`` puts one real module through the whole nbgrader pipeline once per session,
against the default world and its fake internet served for the batch at the grading pace: the
solution as trainee ``solver``, the untouched release copy as ``blank`` (and for module 02 the
solution with ``find_phones`` left unfinished as ``partial``). The course tests read its report and
feedback; the notebook tests read the executed (autograded) notebooks, so each notebook runs once
per kind of submission in a session.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import nbformat
import pytest

from synth import generate as generate_module
from synth.build.pipeline import build_world
from synth.generate import generate_world
from synth.world.model import World

sys.path.insert(0, str(Path(__file__).resolve().parent / "course"))

import coursekit as ck  # noqa: E402

from graders.grading.course import default_course_dir, grade, release  # noqa: E402
from graders.grading.report import GradeReport  # noqa: E402


@pytest.fixture(scope="session")
def built_world():
    """Build (once) and return the World for ``seed`` and ``preset``."""
    built: dict[tuple[int, str], World] = {}

    def build(seed: int = 2026, preset: str = "default") -> World:
        if (seed, preset) not in built:
            built[(seed, preset)] = build_world(seed, preset)
        return built[(seed, preset)]

    return build


@pytest.fixture(scope="session")
def world_factory(tmp_path_factory: pytest.TempPathFactory, built_world):
    """Generate (once) and return the directory of the world for ``seed`` and ``preset``."""
    made: dict[tuple[int, str], Path] = {}

    def cached(seed: int, preset: str, progress: bool = False) -> World:
        return built_world(seed, preset)

    def make(seed: int = 2026, preset: str = "default") -> Path:
        if (seed, preset) not in made:
            out = tmp_path_factory.mktemp(f"world-{preset}-{seed}") / "world"
            with mock.patch.object(generate_module, "build_world", cached):  # the session's World, written as usual
                made[(seed, preset)] = generate_world(seed, preset, out)
        return made[(seed, preset)]

    return make


@pytest.fixture(scope="session")
def default_world(world_factory) -> Path:
    return world_factory(2026, "default")


@pytest.fixture(scope="session")
def tiny_world(world_factory) -> Path:
    return world_factory(2026, "tiny")


M02, M02_PHONES_CELL = "02-selectors-and-normalisation", "q1-find-phones-solution"


@dataclass(frozen=True)
class GradedModule:
    """One real module released, submitted and graded in a course folder of its own."""

    module: str
    course: Path
    report: GradeReport

    @property
    def students(self) -> list[str]:
        return ["solver", "blank", "partial"] if self.module == M02 else ["solver", "blank"]

    def result(self, student: str):
        return next(r for r in self.report.results if r.student == student)

    def autograded(self, student: str) -> nbformat.NotebookNode:
        """The notebook as autograde executed it (hidden tests put back, outputs kept)."""
        path = self.course / "autograded" / student / self.module / f"{self.module}.ipynb"
        return nbformat.read(path, as_version=4)


def _grade_module(module: str, world: Path, course: Path) -> GradedModule:
    course.mkdir(parents=True)
    shutil.copy(default_course_dir() / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(default_course_dir() / "source" / module, course / "source" / module,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    assert release(course, [module]) == [module]
    ck.submit(course, "solver", ck.solution_for_submission(course, module), module)
    ck.submit(course, "blank", ck.released(course, module), module)
    if module == M02:
        stub = next(c.source for c in ck.released(course, module).cells
                    if c.metadata.get("nbgrader", {}).get("grade_id") == M02_PHONES_CELL)
        partial = ck.answer_with(ck.solution_for_submission(course, module), stub, M02_PHONES_CELL)
        ck.submit(course, "partial", partial, module)
    port_before = os.environ.get("OSINTLAB_PORT")
    report = grade(course, module, world_dir=world)
    assert os.environ.get("OSINTLAB_PORT") == port_before  # the batch's settings did not leak out
    return GradedModule(module, course, report)


@pytest.fixture(scope="session")
def graded_module(default_world: Path, tmp_path_factory: pytest.TempPathFactory):
    """Grade (once) and return ``module``'s batch: see the module docstring."""
    done: dict[str, GradedModule] = {}

    def get(module: str) -> GradedModule:
        if module not in done:
            done[module] = _grade_module(module, default_world, tmp_path_factory.mktemp(module[:2]) / "exercises")
        return done[module]

    return get
