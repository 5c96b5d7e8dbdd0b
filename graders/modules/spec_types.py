"""What a module's spec declares: its questions and their points, its brief's and key section's fields.

Its own module, importing nothing of the project, so that every module's ``spec.py`` and the registry
that discovers them can both import it without a cycle.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


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
