"""Module 02's taught method, and the naive ones it is calibrated against: selectors out of free text.

Kept as plain tables and small steps on purpose: the notebook builds the same normaliser step by step,
and the calibration test proves what that method scores. naive_extract is what a trainee does without
this module (a regex for digit runs and one for plain e-mails); reference_extract is the method the
notebook teaches. Trainee-facing and key-free."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

import phonenumbers

Extracted = dict[str, list[str]]  # kind -> selectors in standard form, as found in one profile


DIGIT_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "pl": ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"],
    "ro": ["zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă"],
    "uk": ["нуль", "один", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"],
    "ru": ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
}


WORD_TO_DIGIT = {word: str(digit) for words in DIGIT_WORDS.values() for digit, word in enumerate(words)}
# Romanian is also typed with a cedilla (ş) instead of a comma below (ș).
WORD_TO_DIGIT.update({w.replace("ș", "ş"): d for w, d in list(WORD_TO_DIGIT.items()) if "ș" in w})


SPLIT_JOINERS = ["and then", "a potem", "apoi", "далі", "дальше"]  # "+484918 … and then 15127"


_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_JOINER = re.compile(r"\s*(?:…|\.\.\.)\s*(?:" + "|".join(SPLIT_JOINERS) + r")\s+", re.IGNORECASE)


_PHONE_RUN = re.compile(r"(?<!\w)(?:\+ ?)?[\dO](?:[\dO]| ?[-/_] ?(?=[\dO])| \. (?=[\dO])| (?=[\dO]))*")


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


_AT_BRACKETS = re.compile(r"\s*[\[(]\s*at\s*[\])]\s*", re.IGNORECASE)


_DOT_BRACKETS = re.compile(r"\s*[\[(]\s*dot\s*[\])]\s*", re.IGNORECASE)


_AT_WORDS = re.compile(r"([\w.+-]+) at ([\w-]+(?: dot [\w-]+)+)", re.IGNORECASE)


_HANDLES = [
    re.compile(r"\b(?:telegram|tg)\s*:\s*@?(\w{3,32})", re.IGNORECASE),   # "TG: name", "telegram: @name"
    re.compile(r"\btelegram\s+@(\w{3,32})", re.IGNORECASE),               # "Telegram @name"
    re.compile(r"@(\w{3,32})\s+on\s+telegram\b", re.IGNORECASE),          # "@name on Telegram"
]


MIN_DIGITS = 8  # the shortest number in the lab's countries has 9 digits; ages and prices have fewer


def clean_text(text: str) -> str:
    """Digits written as words (five languages) and as emoji keycaps become digits; split halves are joined."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    text = text.replace("\ufe0f", "").replace("\u20e3", "")  # 4️⃣ is "4" + two invisible characters
    text = _WORD.sub(lambda m: WORD_TO_DIGIT.get(m.group().lower(), m.group()), text)
    return _JOINER.sub("", text)


def find_phones(text: str, region: str | None) -> list[str]:
    """Every phone in ``text`` in E.164; ``region`` (ISO code) is used for numbers without a country code."""
    found: list[str] = []
    for run in _PHONE_RUN.findall(clean_text(text)):
        number = "".join(ch for ch in run.replace("O", "0") if ch.isdigit() or ch == "+")
        if number.startswith("00"):
            number = "+" + number[2:]
        if sum(ch.isdigit() for ch in number) < MIN_DIGITS:
            continue
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        # is_possible_number, never is_valid_number: the lab's numbers are reserved or unallocated
        # (docs/design.md §5), so "valid" would throw most of them away.
        if phonenumbers.is_possible_number(parsed):
            e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            if e164 not in found:
                found.append(e164)
    return found


def find_emails(text: str) -> list[str]:
    """E-mail addresses, including "x at y dot example", "x(at)y(dot)example" and "x [at] y.example"."""
    text = _AT_BRACKETS.sub("@", text)
    text = _DOT_BRACKETS.sub(".", text)
    text = _AT_WORDS.sub(lambda m: m.group(1) + "@" + m.group(2).replace(" dot ", "."), text)
    return list(dict.fromkeys(e.lower() for e in _EMAIL.findall(text)))


def find_handles(text: str) -> list[str]:
    """Telegram handles as ``telegram:<name>`` (lower case, no @)."""
    found = [f"telegram:{m.group(1).lower()}" for pattern in _HANDLES for m in pattern.finditer(text)]
    return list(dict.fromkeys(found))


def reference_extract(text: str, region: str | None) -> Extracted:
    """The taught method: undo the disguises, then find and standardise every selector in ``text``."""
    return {"phone": find_phones(text, region), "email": find_emails(text), "handle": find_handles(text)}


_NAIVE_PHONE = re.compile(r"\+?\d{7,}")


_NAIVE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*\w")


def naive_extract(text: str, region: str | None = None) -> Extracted:
    """What a trainee does without this module: runs of 7+ digits and plain e-mail addresses, no handles.

    Given a ``region``, each digit run is still formatted in E.164 with phonenumbers — the strongest
    version of the naive method, so the calibration does not flatter the taught one.
    """
    phones: list[str] = []
    for run in _NAIVE_PHONE.findall(text):
        if region is None:
            phones.append(run)
            continue
        try:
            parsed = phonenumbers.parse(run, region)
        except phonenumbers.NumberParseException:
            continue
        phones.append(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    emails = [e.lower() for e in _NAIVE_EMAIL.findall(text)]
    return {"phone": list(dict.fromkeys(phones)), "email": list(dict.fromkeys(emails)), "handle": []}


def digits_only_extract(text: str, region: str | None) -> Extracted:
    """A calibration probe, not a method anyone is taught: module 01's "digits only", on the contact line.

    Takes the phone part of the profile's contact line (the last line of ``text`` here, before " · "
    and after any "label: "), keeps its digits (and a leading +) and formats them in E.164; plain
    e-mails as ``naive_extract``; no handles. It defeats spacing, separators, emoji keycaps and split
    halves, but not digit words or the letter O — so its score shows how much of the phone points
    those two disguises alone carry in a world.
    """
    contact = text.rsplit("\n", 1)[-1].split(" · ")[0].split(": ")[-1].strip()
    digits = ("+" if contact.startswith("+") else "") + re.sub(r"\D", "", contact)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    phones: list[str] = []
    try:
        parsed = phonenumbers.parse(digits, region)
        phones.append(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    except phonenumbers.NumberParseException:
        pass
    return {"phone": phones, "email": naive_extract(text)["email"], "handle": []}


def public_profiles(db: sqlite3.Connection) -> list[tuple[int, str, str | None]]:
    """(profile_id, text + contact line, country of the profile's city) for every Companions profile."""
    rows = db.execute("SELECT p.profile_id, p.text, p.contact, c.country FROM companions_profiles p "
                      "LEFT JOIN cities c ON c.slug = p.city ORDER BY p.profile_id")
    return [(r[0], f"{r[1] or ''}\n{r[2] or ''}", r[3]) for r in rows]


def answer_rows(profiles: Iterable[tuple[int, str, str | None]],
                extract: Callable[[str, str | None], Extracted]) -> list[dict[str, Any]]:
    """The answer table (as rows) that ``extract`` produces on ``profiles``."""
    rows: list[dict[str, Any]] = []
    for profile_id, text, region in profiles:
        for kind, values in extract(text, region).items():
            rows += [{"profile_id": profile_id, "kind": kind, "value": v} for v in values]
    return rows
