"""The registry of course modules: every package under graders.modules with a ``spec.py``.

Course-wide code (the pipeline tests, calibration, the key-split test, the benchmarks, the self-check)
iterates over ``modules()`` instead of a hand-kept list, so adding a module is adding a package. The
registry imports only each package's ``spec`` module, which declares data and imports nothing that can
reach the answer key.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType

import graders.modules as _package


@dataclass(frozen=True)
class Question:
    """One graded cell of a module's notebook: its nbgrader grade id, its points, auto-graded or by hand."""

    grade_id: str
    points: float
    auto: bool = True
    title: str = ""


@dataclass(frozen=True)
class ModuleSpec:
    """A course module: its id (the notebook's folder name), title, questions, and its case brief's and
    answer key section's fields (the generator writes them; a test checks both sides agree)."""

    id: str
    title: str
    questions: tuple[Question, ...]
    brief_fields: tuple[str, ...] = ()
    key_fields: tuple[str, ...] = ()
    package: str = ""

    @property
    def points(self) -> float:
        return sum(q.points for q in self.questions)

    def question(self, grade_id: str) -> Question:
        for q in self.questions:
            if q.grade_id == grade_id:
                return q
        raise KeyError(f"Module {self.id} has no question {grade_id!r}; it has "
                       f"{', '.join(q.grade_id for q in self.questions)}.")

    def submodule(self, name: str) -> ModuleType:
        """The module package's ``name`` module (answers, method, checks), imported on demand."""
        return importlib.import_module(f"{self.package}.{name}")


@cache
def modules() -> tuple[ModuleSpec, ...]:
    """Every course module, in the order of their ids."""
    found = []
    for info in pkgutil.iter_modules(_package.__path__):
        if not info.ispkg:
            continue
        spec = importlib.import_module(f"{_package.__name__}.{info.name}.spec").SPEC
        found.append(spec)
    return tuple(sorted(found, key=lambda s: s.id))


def module(module_id: str) -> ModuleSpec:
    """The module called ``module_id`` (e.g. "03-linking-ads"), or a KeyError naming the ones that exist."""
    for spec in modules():
        if spec.id == module_id:
            return spec
    raise KeyError(f"Unknown module {module_id!r}. The course has: {', '.join(s.id for s in modules())}.")
