"""Instant, offline feedback for trainees — without shipping the answers.

``check("01-scraping-ad-sites/q2-city-ads", ads)`` canonicalises the answer the way the graders do,
hashes each item with the world's salt and compares with ``selfcheck.json``: it can say "14 of 16
found, 1 extra" but never which ones. Each module declares its self-checked questions in its own
``answers.py`` (``SELFCHECKS``); this module finds them through the module registry.
``check_parse_ad(parse_ad)`` (module 01) compares a trainee's parser with the public site.

Trainee-facing: this module never imports the answer key and never opens ``key/``. It never raises
either — a self-check line sits in the same cell as the hidden tests, so an exception here would
cost the trainee the points of an answer that may be right. It prints only to stdout, because
nbgrader gives 0 to a test cell that writes to stderr.
"""

from __future__ import annotations

from typing import Any

from graders.lab import answers
from graders.lab.checking import CustomQuestion, Question, Tally, plural, quiet, tally
from graders.lab.world import load_selfcheck
from graders.modules.m01_scraping_ad_sites.answers import check_parse_ad
from graders.modules.registry import modules

__all__ = ["Tally", "check", "check_parse_ad", "quiet", "questions", "tally"]


def questions() -> dict[str, Question | CustomQuestion]:
    """Every self-checked question of the course, by id ("<module>/<question>")."""
    found: dict[str, Question | CustomQuestion] = {}
    for spec in modules():
        found.update(getattr(spec.submodule("answers"), "SELFCHECKS", {}))
    return found


def check(question_id: str, answer: Any) -> None:
    """Print plain-language feedback on ``answer`` to the question ``question_id``.

    Never raises: a wrong answer, a wrong shape or a missing world each get a message instead.
    """
    with quiet():
        try:
            for line in _check_lines(question_id, answer):
                print(line)
        except Exception as error:  # noqa: BLE001 - a self-check must never cost the trainee points
            print(f"The self-check could not run ({type(error).__name__}: {error}).")
            print("This does not change your grade. If it keeps happening, tell your instructor.")


def _check_lines(question_id: str, answer: Any) -> list[str]:
    known = questions()
    question = known.get(question_id)
    if question is None:
        return [f"There is no self-check called {question_id!r}. Known: {', '.join(sorted(known))}."]
    try:
        if isinstance(question, CustomQuestion):
            data = load_selfcheck()
            return question.lines(answer, data["salt"], data["questions"])
        items = question.read(answer, question_id)
    except answers.AnswerShapeError as error:
        return [str(error)]
    data = load_selfcheck()
    spec = data["questions"].get(question_id)
    if spec is None:
        return [f"This world has no self-check data for {question_id!r}; your instructor can still grade it."]
    result = tally(items, data["salt"], question_id, spec["hashes"], int(spec["count"]))
    lines = question.feedback(result)
    if result.unreadable:
        lines.append(f"{plural(result.unreadable, 'item was', 'items were')} empty or unreadable and "
                     "did not count.")
    return lines


