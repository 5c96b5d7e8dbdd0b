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

import contextlib
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import requests

from graders import answers, linkanswers, moneyanswers, quickads, selectors, socialanswers
from graders.canon import item_hash
from graders.quickads import PARSE_FIELDS, PublicAds, ad_url
from graders.world import load_brief, load_public_db, load_selfcheck

M01 = "01-scraping-ad-sites"
M03 = linkanswers.M03
M04 = socialanswers.M04
M07 = moneyanswers.M07


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """No warnings, and stderr sent to stdout, while a check runs inside an nbgrader test cell.

    nbgrader gives 0 points to a test cell that writes anything to stderr, even a harmless warning
    from a library or a progress bar, so every check (visible or hidden) runs inside this.
    """
    with warnings.catch_warnings(), contextlib.redirect_stderr(sys.stdout):
        warnings.simplefilter("ignore")
        yield


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
    if t.given == 0:
        lines = [f"Your list is empty; this world has {t.total} numbers shared by more than one name."]
    else:
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
    # Module 03: readers and wording live in graders.linkanswers (shared with its hidden grader).
    f"{M03}/operation-items": Question(lambda a, _q: linkanswers.ref_items(a), linkanswers.feedback_operation_items),
    f"{M03}/victim-count": Question(lambda a, _q: linkanswers.count_items(a), linkanswers.feedback_victim_count),
    f"{M03}/circuit-cities": Question(lambda a, _q: linkanswers.circuit_items(a), linkanswers.feedback_circuit),
    # Module 04: readers and wording live in graders.socialanswers (shared with its hidden grader).
    f"{M04}/recruiter-accounts": Question(lambda a, _q: socialanswers.account_items(a),
                                          socialanswers.feedback_recruiter_accounts),
    f"{M04}/front": Question(lambda a, _q: socialanswers.front_items(a), socialanswers.feedback_front),
    # Module 07: readers and wording live in graders.moneyanswers (shared with its hidden grader).
    f"{M07}/flagged-accounts": Question(lambda a, _q: moneyanswers.account_items(a),
                                        moneyanswers.feedback_flagged_accounts),
}
# Questions whose feedback needs more than a tally: (answer, salt, questions of selfcheck.json) -> lines.
CUSTOM: dict[str, Callable[[Any, str, Mapping[str, Any]], list[str]]] = {
    f"{M04}/account-ads": socialanswers.account_ads_lines,  # the grader's precision and coverage
    f"{M07}/organiser-total": moneyanswers.total_lines,  # within about 5 %
    f"{M07}/typology-labels": moneyanswers.labels_lines,  # right labels per row
}
# Module 02: one table of contact selectors, self-checked per kind (graders/selectors.py reads it).
QUESTIONS.update({selectors.QUESTION_IDS[kind]: Question(selectors.reader(kind), selectors.feedback(kind))
                  for kind in selectors.KINDS})


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
    question, custom = QUESTIONS.get(question_id), CUSTOM.get(question_id)
    if question is None and custom is None:
        return [f"There is no self-check called {question_id!r}. Known: {', '.join(sorted([*QUESTIONS, *CUSTOM]))}."]
    try:
        if custom is not None:
            data = load_selfcheck()
            return custom(answer, data["salt"], data["questions"])
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


def _parse_ad_examples(public: PublicAds) -> list[int]:
    """Three ads to try a parser on: two from the brief's listing and one from another category."""
    brief = load_brief(M01)
    own = public.ids(brief["city"], brief["category"])
    other = [i for i in public.ids(brief["city"]) if i not in set(own)] or public.ids()
    return own[:2] + other[:1]


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_parse_ad(parse_ad: Callable[[str], Any]) -> None:
    """Try ``parse_ad`` on a few ad pages of the running site and print which fields differ.

    The site's own data is public, so this check may show the value the page holds. Never raises.
    """
    with quiet():
        try:
            for line in _check_parse_ad_lines(parse_ad):
                print(line)
        except Exception as error:  # noqa: BLE001 - a self-check must never cost the trainee points
            print(f"The self-check could not run ({type(error).__name__}: {error}).")
            print("This does not change your grade. Is the fake internet running? Run the first cell again.")


def _check_parse_ad_lines(parse_ad: Callable[[str], Any]) -> list[str]:
    if not callable(parse_ad):
        return [f"parse_ad should be a function (def parse_ad(html): ...); it is a {type(parse_ad).__name__}."]
    base = quickads.fake_internet()
    lines: list[str] = []
    perfect = 0
    with load_public_db() as db, requests.Session() as session:
        public = PublicAds(db)
        examples = _parse_ad_examples(public)
        for ad_id in examples:
            html = quickads.polite_get(session, ad_url(base, ad_id)).text
            try:
                parsed = parse_ad(html)
            except Exception as error:  # noqa: BLE001 - report the trainee's error as feedback
                lines.append(f"Ad {ad_id}: your function stopped with {type(error).__name__}: {error}")
                if "NoneType" in str(error):
                    lines.append("  Hint: one of your selectors finds nothing on this page. Check each class "
                                 "name against the page (Inspect), with a dot before it: '.field-phone'.")
                continue
            if not isinstance(parsed, dict):
                lines.append(f"Ad {ad_id}: parse_ad should return a dictionary; it returned a "
                             f"{type(parsed).__name__}.")
                continue
            row = public.row(ad_id)
            result = public.compare_parsed(parsed, row)
            wrong = [f for f, ok in result.items() if not ok]
            if not wrong:
                perfect += 1
                lines.append(f"Ad {ad_id}: all {len(result)} fields are right.")
                continue
            lines.append(f"Ad {ad_id}: {len(result) - len(wrong)} of {len(result)} fields are right.")
            for field in wrong:
                if field not in parsed:
                    lines.append(f"  - '{field}' is missing from your dictionary.")
                else:
                    shown = row[PARSE_FIELDS[field]]
                    shown = public.cities.get(shown, shown) if field == "city" else shown
                    lines.append(f"  - '{field}': you returned {_short(parsed[field])}, "
                                 f"the page shows {_short(shown)}.")
    if perfect == len(examples):
        lines.append("parse_ad reads every field of these pages. Well done.")
    return lines
