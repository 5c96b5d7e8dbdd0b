"""A hidden check as a small declared object, and the one function that runs it.

Every auto-graded question of every module is a ``Check``: which question it scores (its module and
nbgrader grade id, whose points the module's spec holds), how to read the trainee's answer, and how to
score what was read against the module's section of the answer key, with the lines to print. ``run``
does the rest the same way for all of them: silence warnings and send stderr to stdout (nbgrader gives
0 to a test cell that writes to stderr), turn an answer of the wrong shape into one TypeError that says
what is expected, print the explanation (never an expected value), and clamp the points.

Notebooks' hidden test cells run a check by its question: graders.grading.hidden.hidden_check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from graders.grading.key import load_answer_key
from graders.grading.metrics import clamp_points
from graders.lab.answers import AnswerShapeError
from graders.lab.checking import quiet
from graders.modules.registry import module


@dataclass(frozen=True)
class Scored:
    """What a check found: the points earned and the lines that explain them (no expected values)."""

    earned: float
    lines: tuple[str, ...] = ()


@dataclass
class Context:
    """What a check may read while it scores: the world's answer key, loaded once, and its world folder."""

    module_id: str
    world_dir: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def answer_key(self) -> Mapping[str, Any]:
        return load_answer_key(self.world_dir)

    @property
    def key(self) -> Mapping[str, Any]:
        """This module's section of the answer key."""
        return self.answer_key["modules"][self.module_id]


def as_is(answer: Any) -> Any:
    """The reader of checks that score the answer as given (e.g. a function to try on pages)."""
    return answer


@dataclass(frozen=True)
class Check:
    """One hidden check: the question it scores, how to read an answer, how to score what was read."""

    module_id: str
    grade_id: str
    read: Callable[[Any], Any]
    score: Callable[[Any, Context, float], Scored]
    about: str = ""

    @property
    def points(self) -> float:
        return module(self.module_id).question(self.grade_id).points

    def run(self, answer: Any, points: float | None = None, world_dir: Any = None) -> float:
        """Score ``answer`` out of ``points`` (the spec's by default), printing why; see the module docstring."""
        available = self.points if points is None else points
        with quiet():
            try:
                result = self.score(self.read(answer), Context(self.module_id, world_dir), available)
            except AnswerShapeError as error:
                raise TypeError(str(error)) from None
            for line in result.lines:
                print(line)
            return clamp_points(result.earned)
