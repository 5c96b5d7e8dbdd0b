"""Instant, offline feedback for trainees — without shipping the answers.

``check("01-scraping-ad-sites/q2-city-ads", ads)`` canonicalises the answer the way the graders do,
hashes each item with the world's salt and compares with ``selfcheck.json``: it can say "14 of 16
found, 1 extra" but never which ones. ``check_parse_ad(parse_ad)`` compares a trainee's parser with
the public site, which needs no secret at all.

Trainee-facing: this module never imports ``graders.key`` and never opens ``key/``. It never raises
either — a self-check line sits in the same cell as the hidden tests, so an exception here would
cost the trainee the points of an answer that may be right. It prints only to stdout, because
nbgrader gives 0 to a test cell that writes to stderr.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from graders import answers
from graders.canon import item_hash
from graders.world import load_selfcheck

M01 = "01-scraping-ad-sites"


@dataclass(frozen=True)
class Tally:
    """How an answer compares with the hashed truth, in counts only."""

    given: int  # distinct items the trainee gave
    found: int  # distinct true items among them
    total: int  # true items in the world
    extra: int  # given items that are not true
    duplicates: int  # items given more than once
    unreadable: int  # items that could not be read at all (empty strings, None)


def tally(candidates: list[list[str]], salt: str, question_id: str, hashes: Iterable[str],
          total: int) -> Tally:
    """Compare per-item candidate readings with the hashed truth.

    An item counts as found when any of its readings hashes to a true item (a phone written
    "0048…" or "+48…" is the same phone); two items reading as the same true item count once.
    """
    truth = set(hashes)
    found: set[str] = set()
    wrong: set[str] = set()
    unreadable = 0
    for readings in candidates:
        if not readings:
            unreadable += 1
            continue
        hit = next((h for h in (item_hash(salt, question_id, r) for r in readings) if h in truth), None)
        if hit is not None:
            found.add(hit)
        else:
            wrong.add(readings[0])
    readable = len(candidates) - unreadable
    return Tally(given=len(found) + len(wrong), found=len(found), total=total, extra=len(wrong),
                 duplicates=readable - len(found) - len(wrong), unreadable=unreadable)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _feedback_city_ads(t: Tally) -> list[str]:
    lines = [f"You found {t.found} of {t.total} ads in the brief's city and category."]
    if t.extra:
        lines.append(f"{_plural(t.extra, 'of your ads is', 'of your ads are')} not in the brief's city "
                     "and category: check the city and category in the address you scraped.")
    if t.duplicates:
        lines.append(f"{_plural(t.duplicates, 'ad appears', 'ads appear')} more than once in your table: "
                     "try ads.drop_duplicates(subset='ad_id').")
    if t.found < t.total:
        lines.append("Some ads are missing. Check your pagination: did you follow every page, "
                     "up to the last one?")
    if t.found == t.total and not t.extra:
        lines.append("Every ad is there and nothing else. Well done.")
    return lines


def _feedback_shared_phones(t: Tally) -> list[str]:
    lines = [f"You listed {_plural(t.given, 'different number')}; {t.found} of them "
             f"{'is' if t.found == 1 else 'are'} among the {t.total} numbers shared by more than one name."]
    if t.extra:
        lines.append(f"{_plural(t.extra, 'number is', 'numbers are')} not shared by different names in the "
                     "brief's ads. Did you keep only numbers that appear with two or more different names?")
    if t.found < t.total:
        lines.append("Some shared numbers are missing. Did you normalise every phone (digits only) before "
                     "comparing? The same number is often written in different ways.")
    if t.found == t.total and not t.extra:
        lines.append("You found every shared number and nothing else. Well done.")
    return lines


@dataclass(frozen=True)
class Question:
    """How to read an answer to one self-checked question, and how to explain the result."""

    read: Callable[[Any, str], list[list[str]]]  # (answer, question_id) -> readings per item
    feedback: Callable[[Tally], list[str]]


QUESTIONS: dict[str, Question] = {
    f"{M01}/q2-city-ads": Question(lambda a, _q: answers.ad_id_items(a), _feedback_city_ads),
    f"{M01}/q3-shared-phones": Question(lambda a, _q: answers.phone_items(a, answers.brief_regions(M01)),
                                        _feedback_shared_phones),
}


def check(question_id: str, answer: Any) -> None:
    """Print plain-language feedback on ``answer`` to the question ``question_id``.

    Never raises: a wrong answer, a wrong shape or a missing world each get a message instead.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for line in _check_lines(question_id, answer):
                print(line)
        except Exception as error:  # noqa: BLE001 - a self-check must never cost the trainee points
            print(f"The self-check could not run ({type(error).__name__}: {error}).")
            print("This does not change your grade. If it keeps happening, tell your instructor.")


def _check_lines(question_id: str, answer: Any) -> list[str]:
    question = QUESTIONS.get(question_id)
    if question is None:
        return [f"There is no self-check called {question_id!r}. Known: {', '.join(sorted(QUESTIONS))}."]
    try:
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
        lines.append(f"{_plural(result.unreadable, 'item was', 'items were')} empty or unreadable and "
                     "did not count.")
    return lines
