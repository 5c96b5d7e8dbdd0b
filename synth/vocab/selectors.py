"""How real ads write contact selectors, so that naive extraction fails and careful extraction works.

Advertisers dodge filters and scrapers: digits spelled as words ("five five"), spaced out, the letter
O for zero, emoji keycaps, odd separators, a number split in two halves, e-mails with " at " and
"(dot)" (NIJ/JRSA 2024 found obscured contact details among the significant indicators). Every
function here takes the selector's canonical value and returns one written form; the answer key keeps
the canonical value, so graders can score extraction by F1.
"""

from __future__ import annotations

import random

import phonenumbers

DIGIT_WORDS = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "pl": ("zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"),
    "ro": ("zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă"),
    "uk": ("нуль", "один", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"),
    "ru": ("ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"),
}
EMOJI_DIGITS = tuple(f"{d}\ufe0f\u20e3" for d in "0123456789")
PHONE_STYLES = ("plain", "spaced", "words", "letter_o", "emoji", "separators", "split")
PLAIN_STYLES = ("national", "international", "compact", "dashed")
SPLIT_JOINERS = {
    "en": "{a} … and then {b}", "pl": "{a} … a potem {b}", "ro": "{a} … apoi {b}",
    "uk": "{a} … далі {b}", "ru": "{a} … дальше {b}",
}


def plain_phone(e164: str, style: str, ad_country: str | None = None) -> str:
    """A phone as a careful advertiser types it; foreign numbers always carry their country code."""
    parsed = phonenumbers.parse(e164)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if ad_country is not None and parsed.country_code != phonenumbers.country_code_for_region(ad_country):
        if style == "compact":
            return international.replace(" ", "")
        if style == "dashed":
            return "00" + international[1:]
        return international
    if style == "international":
        return international
    if style == "compact":
        return national.replace(" ", "")
    if style == "dashed":
        return national.replace(" ", "-")
    return national


def obscured_phone(e164: str, style: str, rng: random.Random, lang: str = "en",
                   ad_country: str | None = None) -> str:
    """``e164`` written in one of PHONE_STYLES (``plain`` is an ordinary national/international form)."""
    base = plain_phone(e164, rng.choice(PLAIN_STYLES), ad_country)
    if style == "plain":
        return base
    if style == "spaced":
        return " ".join(ch for ch in base if ch != " ")
    if style == "words":
        words = DIGIT_WORDS[lang]
        # Mix: some digits as words, as ads do ("07 seven 00 nine...").
        return " ".join(words[int(ch)] if ch.isdigit() and rng.random() < 0.7 else ch
                        for ch in base if ch != " ")
    if style == "letter_o":
        return base.replace("0", "O")
    if style == "emoji":
        return "".join(EMOJI_DIGITS[int(ch)] if ch.isdigit() else ch for ch in base)
    if style == "separators":
        sep = rng.choice(["/", "_", " . ", "-"])  # a bare "." would look like an IP address
        digits = "".join(ch for ch in base if ch.isdigit() or ch == "+")
        chunks = [digits[i:i + 3] for i in range(0, len(digits), 3)]
        return sep.join(chunks)
    if style == "split":
        digits = base.replace(" ", "")
        cut = len(digits) // 2 + rng.randint(-1, 1)
        return SPLIT_JOINERS[lang].format(a=digits[:cut], b=digits[cut:])
    raise ValueError(f"unknown phone style {style!r}")


def obscured_email(email: str, rng: random.Random) -> str:
    """An e-mail address written to dodge scrapers, or as is."""
    local, domain = email.split("@", 1)
    style = rng.choice(["plain", "at", "brackets", "spaced_dot", "plain"])
    if style == "at":
        return f"{local} at {domain.replace('.', ' dot ')}"
    if style == "brackets":
        return f"{local}(at){domain.replace('.', '(dot)')}"
    if style == "spaced_dot":
        return f"{local} [at] {domain}"
    return email


def handle_text(app: str, handle: str, rng: random.Random) -> str:
    """A messaging handle the way ads mention it: "Telegram @mila_lon", "TG: mila_lon", "Signal mila.22"."""
    bare = handle.lstrip("@")
    forms = {"telegram": [f"Telegram @{bare}", f"TG: {bare}", f"telegram: @{bare}", f"@{bare} on Telegram"],
             "signal": [f"Signal {bare}", f"Signal: @{bare}"],
             "whatsapp": [f"WhatsApp @{bare}", f"WA: {bare}"]}[app]
    return rng.choice(forms)


def canonical_handle(app: str, handle: str) -> str:
    """The key's form of a handle: ``telegram:mila_lon`` (lower case, no @)."""
    return f"{app}:{handle.lstrip('@').lower()}"
