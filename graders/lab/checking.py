"""The self-check's parts every module shares: quiet output, counting an answer against salted hashes.

A module's ``answers.py`` declares its self-checked questions with ``Question`` (how to read an answer,
how to explain a tally) or ``CustomQuestion`` (feedback that needs more than a tally); graders.lab.selfcheck
finds them through the module registry. Trainee-facing: nothing here reads the answer key.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from synth.vocab.canon import item_hash


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


def plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


@dataclass(frozen=True)
class Question:
    """How to read an answer to one self-checked question, and how to explain the result."""

    read: Callable[[Any, str], list[list[str]]]  # (answer, question_id) -> readings per item
    feedback: Callable[[Tally], list[str]]




@dataclass(frozen=True)
class CustomQuestion:
    """A self-checked question whose feedback needs more than a tally: (answer, salt, questions) -> lines."""

    lines: Callable[[Any, str, Mapping[str, Any]], list[str]]
