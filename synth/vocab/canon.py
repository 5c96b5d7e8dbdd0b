"""Canonical forms of answers, shared by the answer key, the self-check and the graders.

A trainee may write a phone as "07700 900 123" or "+447700900123" and an ad id as "123" or 123;
both sides of every comparison go through the same function here, so only the meaning counts.
This module is trainee-facing: it must never read the answer key.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

import phonenumbers

_NON_DIGITS = re.compile(r"\D+")


def canonical_phone(text: object, region: str | None = None) -> str:
    """E.164 form of a phone number written in any common way; digits only when it cannot be parsed.

    ``region`` (ISO code such as "PL") is used for numbers written without a country code.
    """
    raw = str(text).strip()
    try:
        parsed = phonenumbers.parse(raw, region)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return _NON_DIGITS.sub("", raw)


def canonical_ad_id(value: object) -> str:
    """Ad ids compare as plain decimal strings ("0042", 42 and 42.0 are the same ad)."""
    text = str(value).strip()
    try:
        return str(int(float(text)))
    except ValueError:
        return text.lower()


def canonical_text(value: object) -> str:
    """Lower-case, single-spaced text, for names and free-text answers."""
    return " ".join(str(value).split()).casefold()


def canonical_name(value: object) -> str:
    """A name compared without case, accents, spaces or punctuation ("Golden Staff Int'l." ≈ "goldenstaffintl")."""
    text = unicodedata.normalize("NFKD", str(value).casefold())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


_ACCOUNT_NUMBER = re.compile(r"^[A-Z]{2}\d{2}[A-Z]{4}\d{10}$")
_HANDLE = re.compile(r"^~?[a-z0-9]+(?:\.[a-z0-9]+)+$")


def canonical_account(value: object) -> str:
    """An account number without spaces or dashes, upper-case ("zz00 thms 0123-4567 89" → "ZZ00THMS0123456789"),
    or an app handle in lower case with its tilde ("~Olena.K93", "olena.k93" → "~olena.k93"); "" otherwise."""
    text = str(value).strip()
    compact = re.sub(r"[\s\-.]", "", text).upper()
    if _ACCOUNT_NUMBER.match(compact):
        return compact
    handle = text.lower().removeprefix("@")
    if _HANDLE.match(handle):
        return handle if handle.startswith("~") else "~" + handle
    return ""


MONEY_STEP = 1.01  # self-check buckets of 1 %: an amount within 5 % of the truth is at most 5 buckets away


def money_bucket(eur_cents: float) -> str:
    """The 1 % bucket of a positive amount (for the self-check of a total given within a tolerance)."""
    import math

    return str(math.floor(math.log(max(float(eur_cents), 1.0)) / math.log(MONEY_STEP))) if eur_cents > 0 else "none"


def item_hash(salt: str, question: str, canonical_item: str) -> str:
    """The salted hash the self-check compares; salted per world so hashes say nothing across worlds."""
    return hashlib.sha256(f"{salt}|{question}|{canonical_item}".encode()).hexdigest()[:20]


_LETTERS = re.compile(r"[^\W\d_]")
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})


def phone_candidates(text: object, region: str | None = None, other_regions: Iterable[str] = ()) -> list[str]:
    """Every E.164 reading of a phone a trainee may have written, most likely first.

    Trainees are taught to keep digits only, which drops the "+" of an international number
    ("48 490 123 456" → "48490123456") and keeps the "00" prefix; ads also write letters for
    look-alike digits ("O7700 9OO 123"); and a foreign number is often written in its own national
    format ("490 123 456" in a London ad is a Polish number). ``region`` is tried first, then
    ``other_regions``. A grader counts the answer right when any reading is the true number, so a
    correct number is never marked wrong for the way it was written.
    """
    raw = str(text).strip()
    readings = [raw]
    cleaned = raw.translate(_LOOKALIKE_DIGITS)
    if cleaned != raw and not _LETTERS.search(cleaned):  # "O77OO 9OO I23", not "no phone"
        readings.append(cleaned)
    candidates: list[str] = []
    for reading in readings:
        digits = _NON_DIGITS.sub("", reading)
        forms = [canonical_phone(reading, region)]
        if digits and not reading.lstrip().startswith("+"):
            forms.append(canonical_phone("+" + digits))
            if digits.startswith("00"):
                forms.append(canonical_phone("+" + digits[2:]))
            forms += [canonical_phone(reading, other) for other in other_regions if other != region]
        for form in forms:
            if form and form not in candidates:
                candidates.append(form)
    return candidates
