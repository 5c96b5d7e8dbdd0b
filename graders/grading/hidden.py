"""What a notebook's hidden test cell runs: ``hidden_check("03-linking-ads", "q1-people", items)``.

Finds the module's declared checks through the registry (its ``checks.CHECKS``) and runs the one of the
question. A module of its own, apart from graders.grading.check that the checks import, so the two never
form an import cycle.
"""

from __future__ import annotations

from typing import Any

from graders.grading.check import Check
from graders.modules.registry import module


def checks_of(module_id: str) -> dict[str, Check]:
    """The hidden checks of a module, by grade id (its ``checks.CHECKS``)."""
    return {c.grade_id: c for c in module(module_id).submodule("checks").CHECKS}


def hidden_check(module_id: str, grade_id: str, answer: Any) -> float:
    """What a notebook's hidden test cell runs: the declared check of ``grade_id``, on ``answer``."""
    return checks_of(module_id)[grade_id].run(answer)
