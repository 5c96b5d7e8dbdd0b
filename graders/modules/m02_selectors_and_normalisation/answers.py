"""Reading module 02's answer — contact selectors per profile — for the self-check and the hidden grader.

A trainee hands in one table, one row per selector found: ``profile_id``, ``kind`` (``phone``,
``email`` or ``handle``) and ``value`` in its standard form. The three self-checked questions
(``02-selectors-and-normalisation/phones``, ``…/emails``, ``…/handles``) each read the rows of their
kind and turn every row into the canonical item ``"<profile_id>|<selector>"`` that the answer key
and ``selfcheck.json`` use. Both sides read through this module, so "all found" offline means full
marks at grading time.

Forms are forgiven where the meaning is certain and not where it is the skill being taught:

- a phone must carry its country code (``+48…`` or ``0048…``); spaces, dashes and brackets are
  ignored. A national form such as ``07700 900123`` is *not* read with a guessed region: choosing
  the region from the profile's city is part of the exercise, and the brief asks for E.164;
- an e-mail is compared in lower case, ``mailto:`` removed; a disguised form (``x at y dot example``)
  is not decoded, since decoding it is the exercise;
- a handle may be written ``telegram:name``, ``@name``, ``name`` or ``Telegram @name``; every handle
  in this module is a Telegram handle, so a bare name reads as one.

Trainee-facing: no answer key here, and nothing that raises except ``AnswerShapeError`` (whose
message says which shape is expected).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

import pandas as pd
import phonenumbers

from graders.lab.answers import AnswerShapeError, is_missing
from graders.lab.checking import Question
from graders.modules.m02_selectors_and_normalisation.spec import SPEC
from synth.vocab.canon import canonical_ad_id

MODULE = SPEC.id
KINDS = ("phone", "email", "handle")
QUESTION_IDS = {kind: f"{MODULE}/{kind}s" for kind in KINDS}
COLUMNS = ("profile_id", "kind", "value")

# Words a trainee may reasonably write in the ``kind`` column, per kind.
KIND_SYNONYMS = {
    "phone": {"phone", "phones", "tel", "telephone", "mobile", "number", "phone number"},
    "email": {"email", "emails", "e-mail", "e-mails", "mail", "email address"},
    "handle": {"handle", "handles", "telegram", "messenger", "username", "tg"},
}
_KIND_OF = {word: kind for kind, words in KIND_SYNONYMS.items() for word in words}
_SEPARATORS = re.compile(r"[\s\-./()\u00a0]+")
_PLAIN_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_HANDLE = re.compile(r"(?:(telegram|tg)\s*[:\s]\s*)?@?([a-z0-9_.]+)")
_EXAMPLE = ("a DataFrame with the columns 'profile_id', 'kind' and 'value', e.g. "
            "pd.DataFrame([{'profile_id': 12, 'kind': 'phone', 'value': '+48491697530'}])")


def _text(value: Any) -> str:
    return "" if is_missing(value) else str(value).strip()


def kind_of(value: Any) -> str | None:
    """``phone``, ``email`` or ``handle`` for what a trainee wrote in the kind column; None if unknown."""
    return _KIND_OF.get(" ".join(_text(value).casefold().replace("_", " ").split()))


def canonical_e164(value: Any) -> str | None:
    """The E.164 form of a phone written with its country code ("+48 49 181 51 27", "0048…"); else None.

    None also for a national form ("07700 900123"): the region must come from the trainee's work.
    """
    raw = _text(value)
    compact = _SEPARATORS.sub("", raw)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not compact.startswith("+") or not compact[1:].isdigit():
        return None
    try:
        parsed = phonenumbers.parse(compact, None)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def canonical_email(value: Any) -> str | None:
    """A plain e-mail address in lower case ("Ana@Mail.Example" → "ana@mail.example"); else None."""
    text = _text(value).casefold().removeprefix("mailto:").strip()
    return text if _PLAIN_EMAIL.fullmatch(text) else None


def canonical_handle(value: Any) -> str | None:
    """``telegram:<name>`` for "telegram:Name", "@name", "name", "Telegram @name", "TG: name"; else None."""
    text = _text(value).casefold()
    match = _HANDLE.fullmatch(text)
    if match is None or not match.group(2):
        return None
    return f"telegram:{match.group(2)}"


CANONICAL: dict[str, Callable[[Any], str | None]] = {
    "phone": canonical_e164, "email": canonical_email, "handle": canonical_handle,
}


def _rows(answer: Any) -> list[tuple[Any, Any, Any]]:
    """(profile_id, kind or None, value) for every row of a table, list of dicts or list of tuples."""
    if isinstance(answer, pd.DataFrame):
        table = answer.reset_index() if answer.index.name == "profile_id" else answer
        value_column = next((c for c in ("value", "selector") if c in table.columns), None)
        if "profile_id" not in table.columns or value_column is None:
            columns = ", ".join(map(str, table.columns)) or "none"
            raise AnswerShapeError(f"Your table needs the columns 'profile_id' and 'value' (its columns: "
                                   f"{columns}). Expected {_EXAMPLE}.")
        kinds = table["kind"].tolist() if "kind" in table.columns else [None] * len(table)
        return list(zip(table["profile_id"].tolist(), kinds, table[value_column].tolist(), strict=True))
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, Iterable):
        raise AnswerShapeError(f"Expected {_EXAMPLE}; got a {type(answer).__name__}.")
    rows: list[tuple[Any, Any, Any]] = []
    for row in answer:
        if isinstance(row, Mapping):
            rows.append((row.get("profile_id"), row.get("kind"), row.get("value", row.get("selector"))))
        elif isinstance(row, (tuple, list)) and len(row) == 3:
            rows.append((row[0], row[1], row[2]))
        elif isinstance(row, (tuple, list)) and len(row) == 2:
            rows.append((row[0], None, row[1]))
        else:
            raise AnswerShapeError(f"Each row should be (profile_id, kind, value); one row is {row!r}. "
                                   f"Expected {_EXAMPLE}.")
    return rows


def selector_items(answer: Any, kind: str) -> list[list[str]]:
    """The canonical items ``"<profile_id>|<selector>"`` of the rows of one ``kind``, one list per row.

    Rows of another kind are left out; without a ``kind`` column every row counts for the question
    asked. A row that cannot be read at all (no profile id, no value) gives an empty list; a value
    that is not in the standard form gives a reading that matches nothing, so it counts as wrong.
    """
    if kind not in CANONICAL:
        raise ValueError(f"kind must be one of {KINDS}")
    items: list[list[str]] = []
    for profile_id, row_kind, value in _rows(answer):
        if row_kind is not None and not is_missing(row_kind) and kind_of(row_kind) != kind:
            continue
        pid, text = _text(profile_id), _text(value)
        if not pid or not text:
            items.append([])
            continue
        canonical = CANONICAL[kind](text)
        items.append([f"{canonical_ad_id(pid)}|{canonical if canonical is not None else '?' + text}"])
    return items


def not_standard(answer: Any, kind: str) -> int:
    """How many rows of ``kind`` hold a value that is not in its standard form (e.g. a phone without +)."""
    return sum(1 for item in selector_items(answer, kind) if item and "|?" in item[0])


def unknown_kinds(answer: Any) -> int:
    """Rows whose ``kind`` is none of phone, email or handle: no question counts them."""
    return sum(1 for _, row_kind, _ in _rows(answer)
               if row_kind is not None and not is_missing(row_kind) and kind_of(row_kind) is None)


class Counts(Protocol):
    """The counts the self-check computes (``graders.lab.selfcheck.Tally``)."""

    given: int
    found: int
    total: int
    extra: int
    duplicates: int


_WHAT = {"phone": ("phone", "phones"), "email": ("e-mail address", "e-mail addresses"),
         "handle": ("Telegram handle", "Telegram handles")}
_FORM_HINT = {
    "phone": "Write every phone in E.164: '+', the country code, then the digits only (e.g. +48491815127). "
             "A number without its country code counts as wrong.",
    "email": "Write every e-mail as a plain address in lower case (name@domain.example), with ' at ', "
             "'(at)', '[at]' and 'dot' turned back into '@' and '.'.",
    "handle": "Write every handle as telegram:<name>, in lower case, without the '@' (e.g. telegram:mila_22).",
}
_MISSING_HINT = {
    "phone": "Some are missing: print the contact lines of the profiles where you found no phone, and see "
             "which way of writing it your normaliser does not handle yet.",
    "email": "Some are missing: look for ' at ', '(at)' and '[at]' in the profiles' text.",
    "handle": "Some are missing: handles are written 'Telegram @name', 'TG: name', 'telegram: @name' "
              "and '@name on Telegram'.",
}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def feedback(kind: str) -> Callable[[Counts], list[str]]:
    """The self-check's plain-language explanation for the question about ``kind``."""
    one, many = _WHAT[kind]

    def explain(t: Counts) -> list[str]:
        if t.given == 0 and t.total == 0:
            return [f"The profiles hold no {many}, and you listed none. Well done."]
        if t.given == 0:
            return [f"You listed no {many}; the profiles hold {t.total} (profile, {one}) pairs. "
                    "Did you fill the 'kind' column with 'phone', 'email' or 'handle'?"]
        lines = [f"You listed {t.given} different (profile, {one}) pairs; {t.found} of them are among the "
                 f"{t.total} in the profiles."]
        if t.extra:
            lines.append(f"{_count(t.extra, 'of your pairs is', 'of your pairs are')} not in the profiles: a "
                         f"digit or letter wrong, a {one} put on the wrong profile, or not in the standard form. "
                         f"{_FORM_HINT[kind]}")
        if t.duplicates:
            lines.append(f"{_count(t.duplicates, 'row repeats', 'rows repeat')} a pair you already listed "
                         "(each pair counts once).")
        if t.found < t.total:
            lines.append(_MISSING_HINT[kind])
        if t.found == t.total and not t.extra:
            lines.append(f"You found every {one} and nothing else. Well done.")
        return lines

    return explain


def reader(kind: str) -> Callable[[Any, str], list[list[str]]]:
    """The self-check's reading of an answer for the question about ``kind``."""
    return lambda answer, _question_id: selector_items(answer, kind)


# One table of contact selectors, self-checked per kind (graders.lab.selfcheck finds them here).
SELFCHECKS = {QUESTION_IDS[kind]: Question(reader(kind), feedback(kind)) for kind in KINDS}
