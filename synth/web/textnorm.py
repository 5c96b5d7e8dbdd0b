"""Contact and payment selectors in free text → canonical tokens, however the advertiser wrote them.

Investigators pivot on a selector: one phone number, e-mail address, messaging handle or payment detail
(a Zapply handle, a LabCoin address) that links ads posted under different names. Advertisers write
selectors so that filters and naive scrapers miss them: digits as words ("seven seven zero …", also
Polish, Romanian, Ukrainian and Russian), spaced digits, the letter O for zero, emoji keycaps, odd
separators ("004-849-012-345-6", "+48 . 490 . 123"), a number split in two halves ("+48490 … and then
123456"), e-mails as "anna at postbox dot example" or "anna(at)postbox(dot)example", handles as
"Telegram @x", "TG: x", "t.me/x", Zapply handles in any case or as "zapply.example/~x" links.

This module turns such text into canonical *keys* that the search engine indexes and that a query is
normalised to in the same way, so any written form finds every other. It is generic: it knows
languages and writing habits, never the world's answer key. Pure functions, no I/O.

Phone keys are digit strings: the digits as written, and where the form allows it the international
digits (``447700900123``) and the national significant number (``7700900123``). A national form
("07700 900123") yields the NSN too, so it meets the international form of the same number.
Because a written run of digits may carry neighbours ("call one 07700 900123, 24h"), the index also
keys the run with up to two digit groups dropped at either end; a query keys only the whole run.

Payment selectors follow the lab's own schemes (``synth.vocab.schemes``), so they are exact patterns,
not guesses: a Zapply handle (``~olena.k93``, also ``~Olena.K93``, ``zapply.example/~olena.k93`` and
``https://zapply.example/~olena.k93``; a sentence's final dot is not part of it) is keyed as the lower-case
handle with its tilde; a LabCoin address (``lab1`` + 38 bech32 characters, any case, not inside a longer
run of letters and digits: ``synth.vocab.schemes.WALLET_IN_TEXT``, which the explorer's answer uses too)
in lower case.
``find_selectors`` reads e-mails first, then payment selectors, then messaging handles and phones, each
on the text with the earlier finds blanked out: an address's digits are not a phone, and the ``.k93`` of
``~olena.k93`` is not a messaging handle.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

from synth.vocab.schemes import WALLET_IN_TEXT
from synth.vocab.selectors import DIGIT_WORDS as DIGIT_WORD_TABLE

# Digit words of the lab's languages (en, pl, ro, uk, ru): the generator's own table, so the search engine
# reads every spelling the world writes. Folded below (see _fold_word).
_DIGIT_WORD_LISTS = DIGIT_WORD_TABLE
# Words that join the two halves of a split number ("+48490 … and then 123456").
_JOINER_WORDS = frozenset({
    "and", "then", "next", "a", "potem", "i", "dalej", "apoi", "si", "și", "iar", "далі", "потім", "і",
    "дальше", "потом", "и", "затем",
})
# Words that follow an app name without being a handle ("Telegram only", "WhatsApp please").
_NOT_HANDLES = frozenset({"only", "and", "the", "please", "message", "messages", "chat", "contact", "first",
                          "preferred", "also", "too", "available", "or", "via", "number", "app"})
# The kinds of selector (``Found.kind``). An index token starts with its kind's initial (``encode_key``),
# so the initials must differ: a phone's digits never meet an e-mail's or an address's hex.
KINDS = ("phone", "email", "handle", "zapply", "wallet")
MIN_PHONE_DIGITS = 7   # shorter runs are prices, ages, times and house numbers
MAX_PHONE_DIGITS = 17  # 00 + country code + the longest national numbers
MAX_TRIM = 2           # digit groups the index may drop at either end of a run
MAX_JOINER_UNITS = 3   # "… and then" is three units between the halves of a split number


def _fold_word(word: str) -> str:
    """Case-fold and unify look-alike spellings: ş/ţ (cedilla) as ș/ț, typographic apostrophes."""
    return (word.casefold().replace("ş", "ș").replace("ţ", "ț")
            .replace("\u2019", "'").replace("\u02bc", "'").replace("`", "'"))


DIGIT_WORDS: dict[str, str] = {_fold_word(w): str(d) for words in _DIGIT_WORD_LISTS.values()
                               for d, w in enumerate(words)}

# One "unit" of text per match; the named group says which kind.
_UNIT = re.compile(r"""
    (?P<keycap>\d\ufe0f?\u20e3)                         # emoji keycap digit 7️⃣
  | (?P<ignore>[\ufe0f\u20e3\u200b-\u200d\u2060])        # variation selectors, zero-width spaces
  | (?P<digits>[\dOo]*\d[\dOo]*)                        # digits, the letter O allowed for zero
  | (?P<word>[^\W\d_]+(?:['\u2019\u02bc`][^\W\d_]+)*)  # a word (apostrophes inside: п'ять)
  | (?P<plus>\+)
  | (?P<ellipsis>\u2026|\.{2,})
  | (?P<newline>\n)
  | (?P<sep>[ \t\u00a0.\-/_()\[\]\u00b7\u2022\u2013\u2014]+)   # what people put between digit groups
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_AT = r"(?:@|at|małpa|malpa|собака|ат)"
_DOT = r"(?:\.|dot|kropka|punct|точка|крапка)"
_EMAIL_PLAIN = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)
_EMAIL_OBSCURED = re.compile(
    rf"""(?<![\w.+-])(?P<local>[\w.+-]+)
        (?:\s*[(\[{{]\s*{_AT}\s*[)\]}}]\s*|\s+{_AT}\s+)          # (at) [at] {{at}} or " at "
        (?P<domain>[\w-]+(?:(?:\s*[(\[{{]\s*{_DOT}\s*[)\]}}]\s*|\s+{_DOT}\s+|\.)[\w-]+)+)""",
    re.VERBOSE | re.IGNORECASE | re.UNICODE)
_DOMAIN_DOT = re.compile(rf"\s*[(\[{{]\s*{_DOT}\s*[)\]}}]\s*|\s+{_DOT}\s+|\.", re.IGNORECASE)
_HANDLE_APP = re.compile(
    r"(?<![\w.])(?:telegram|tg|signal|whatsapp|wa|viber|instagram|insta|ig|snapchat|skype|threema|wickr)"
    r"\s*(?::\s*|-\s*|\s+)@?(?=[\w.]*[A-Za-z])(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,30}[A-Za-z0-9_])?)(?![\w@])",
    re.IGNORECASE)
_HANDLE_LINK = re.compile(r"(?<![\w.])(?:t|telegram)\.me/@?(?P<handle>[A-Za-z0-9_]{3,32})", re.IGNORECASE)
_HANDLE_AT = re.compile(
    r"(?<![\w.@])@(?=[\w.]*[A-Za-z])(?P<handle>[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,30}[A-Za-z0-9_])?)(?![\w@])")
# A Zapply handle (synth.vocab.schemes.HANDLE_RE, any case), bare or in the app's link, or after the app's
# name ("Zapply: ~x"), so that a query pasting the whole phrase asks for the handle alone. The handle's
# letters are spelled out rather than matched with IGNORECASE, which would let [a-z] take the Kelvin sign.
# It ends before a dot that ends the sentence, and a handle cut short by a character it cannot hold
# ("~anna.k93_x", "~anna.k93.x_y") is no handle at all.
_ZAPPLY = re.compile(r"""
    (?: (?<![\w.\-]) (?i:https?://)? (?i:www\.)? (?i:zapply\.example)/    # zapply.example/~x
      | (?<![\w.]) (?i:zapply) (?:\s*[:\-]\s*|\s+)                       # "Zapply ~x", "Zapply: ~x"
      | (?<![\w/~.\-]) )                                                  # a bare ~x
    ~(?P<handle>[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+)
    (?![\w~]|\.[\w~])
""", re.VERBOSE)


@dataclass(frozen=True)
class Found:
    """One selector found in text: its kind, canonical keys and where it is written (``text[start:end]``)."""

    kind: str  # "phone", "email", "handle" (messaging), "zapply" (payment-app handle) or "wallet" (LabCoin)
    keys: frozenset[str]
    start: int
    end: int


# --- phones -------------------------------------------------------------------------------------

def split_country_code(intl: str) -> tuple[str, str] | None:
    """``"447700900123"`` → ``("44", "7700900123")``: country codes are prefix-free (ITU-T E.164)."""
    for n in (1, 2, 3):
        if intl[:n].isdigit() and int(intl[:n]) in COUNTRY_CODE_TO_REGION_CODE:
            return intl[:n], intl[n:]
    return None


def phone_keys(digits: str, plus: bool = False) -> frozenset[str]:
    """Canonical keys of one written number: as written, international digits, national significant number.

    ``plus`` says the number was written with a leading ``+``. ``00`` is read as the international
    prefix, a single leading ``0`` as a national trunk prefix. A bare digit string may be a national
    number without its trunk prefix or an international one without ``+``: it is keyed as written, so it
    meets the NSN or the international digits of the same number written another way.
    """
    keys: set[str] = set()
    intl: str | None = None
    if plus:
        intl = digits
    elif digits.startswith("00"):
        intl = digits[2:]
        keys.add(digits)
    else:
        keys.add(digits)
        if digits.startswith("0"):
            keys.add(digits[1:])
    if intl:
        keys.add(intl)
        split = split_country_code(intl)
        if split:
            nsn = split[1]
            keys.add(nsn)
            if nsn.startswith("0"):  # "+44 (0) 7700 900123": a trunk 0 written after the country code
                keys.add(nsn[1:])
    return frozenset(k for k in keys if MIN_PHONE_DIGITS <= len(k) <= MAX_PHONE_DIGITS)


@dataclass
class _Group:
    """Consecutive digits written without a separator ("07700", one keycap run, one digit word)."""

    digits: str
    start: int
    end: int
    plus: bool = False


def _units(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(kind, value, start, end) for each unit of ``text``; digit words become kind "digits"."""
    for m in _UNIT.finditer(text):
        kind = m.lastgroup or "other"
        if kind == "ignore":
            continue
        value = m.group()
        if kind == "keycap":
            kind, value = "digits", value[0]
        if kind == "digits":
            value = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else "0" for ch in value)
        elif kind == "word":
            folded = _fold_word(value)
            if folded in DIGIT_WORDS:
                kind, value = "digits", DIGIT_WORDS[folded]
            elif set(value) == {"O"}:  # "OO" between digit groups: zeros written as letters
                kind, value = "digits", "0" * len(value)
            elif folded in _JOINER_WORDS:
                kind = "joiner"
        elif kind == "ellipsis":
            kind = "joiner"
        yield kind, value, m.start(), m.end()


def _segments(text: str) -> Iterator[list[list[_Group]]]:
    """Runs of digit groups: each run is a list of segments, split where joiner words or "…" stand."""
    run: list[list[_Group]] = []
    seg: list[_Group] = []
    joiners = 0          # joiner units since the last group
    glued = False        # the previous unit was digits (so the next digits continue the same group)
    pending_plus: int | None = None

    def close() -> Iterator[list[list[_Group]]]:
        nonlocal run, seg
        if seg:
            run.append(seg)
        if run:
            yield run
        run, seg = [], []

    for kind, value, start, end in _units(text):
        if kind == "digits":
            if pending_plus is not None:
                yield from close()
                seg = [_Group(value, pending_plus, end, plus=True)]
                pending_plus = None
            elif glued and seg:
                seg[-1].digits += value
                seg[-1].end = end
            elif joiners and seg:
                run.append(seg)
                seg = [_Group(value, start, end)]
            else:
                seg.append(_Group(value, start, end))
            glued, joiners = True, 0
            continue
        glued = False
        if kind == "plus":
            pending_plus = start
        elif kind == "sep":
            continue
        elif kind == "joiner" and seg and joiners < MAX_JOINER_UNITS:
            joiners += 1
        else:
            pending_plus = None
            joiners = 0
            yield from close()
    yield from close()


def _trimmed(groups: list[_Group], trim: int) -> Iterator[tuple[str, bool, int, int]]:
    """(digits, plus, start, end) of ``groups`` with 0..trim groups dropped at either end."""
    n = len(groups)
    for lead in range(min(trim, n - 1) + 1):
        for tail in range(min(trim, n - 1 - lead) + 1):
            kept = groups[lead:n - tail]
            yield "".join(g.digits for g in kept), kept[0].plus, kept[0].start, kept[-1].end


def find_phones(text: str, trim: int = MAX_TRIM) -> list[Found]:
    """Every phone-like digit run in ``text`` with its keys; ``trim=0`` keys whole runs only (queries)."""
    found: list[Found] = []
    for run in _segments(text):
        # Each segment alone, and each two neighbours joined: the halves of a split number.
        candidates = [*run, *(a + b for a, b in zip(run, run[1:], strict=False))]
        if trim == 0:
            candidates = [[g for seg in run for g in seg]]
        for groups in candidates:
            for digits, plus, start, end in _trimmed(groups, trim):
                keys = phone_keys(digits, plus)
                if keys:
                    found.append(Found("phone", keys, start, end))
    return found


# --- e-mails and handles ------------------------------------------------------------------------

def email_key(local: str, domain: str) -> str:
    return f"{local.strip('.').casefold()}@{domain.casefold()}"


def find_emails(text: str) -> list[Found]:
    """Plain and obscured e-mail addresses ("anna at postbox dot example", "anna(at)postbox(dot)example")."""
    found = [Found("email", frozenset({email_key(m[1], m[2])}), m.start(), m.end())
             for m in _EMAIL_PLAIN.finditer(text)]
    for m in _EMAIL_OBSCURED.finditer(text):
        domain = _DOMAIN_DOT.sub(".", m["domain"])
        if not re.search(r"\.[^\W\d_]{2,24}$", domain):  # needs a top-level domain ("… at the hotel" is not)
            continue
        found.append(Found("email", frozenset({email_key(m["local"], domain)}), m.start(), m.end()))
    return found


def handle_key(handle: str) -> str:
    """The app-agnostic key of a handle: lower case, no @ (one person often uses one name everywhere)."""
    return handle.lstrip("@").rstrip(".").casefold()


def find_handles(text: str) -> list[Found]:
    """"Telegram @x", "TG: x", "Signal x.22", "t.me/x" and a bare "@x" (not inside an e-mail address)."""
    found: list[Found] = []
    for pattern in (_HANDLE_APP, _HANDLE_LINK, _HANDLE_AT):
        for m in pattern.finditer(text):
            inside = any(f.start <= m.start() and m.end() <= f.end for f in found)  # "@x" of "Telegram @x"
            if not inside and len(m["handle"].strip(".")) >= 3 and m["handle"].casefold() not in _NOT_HANDLES:
                found.append(Found("handle", frozenset({handle_key(m["handle"])}), m.start(), m.end()))
    return found


# --- payment selectors ---------------------------------------------------------------------------

def zapply_key(handle: str) -> str:
    """The key of a Zapply handle: lower case with its tilde, as the app stores it (``~olena.k93``)."""
    return "~" + handle.lstrip("~").lower()


def wallet_key(address: str) -> str:
    """The key of a LabCoin address: lower case (bech32 is case-insensitive; the ledger writes lower)."""
    return address.lower()


def find_payments(text: str) -> list[Found]:
    """Zapply handles (bare, after "Zapply", or as ``zapply.example/~x`` links) and LabCoin addresses."""
    found = [Found("zapply", frozenset({zapply_key(m["handle"])}), m.start(), m.end())
             for m in _ZAPPLY.finditer(text)]
    found += [Found("wallet", frozenset({wallet_key(m.group())}), m.start(), m.end())
              for m in WALLET_IN_TEXT.finditer(text)]
    return found


def _blank(text: str, spans: Iterable[Found]) -> str:
    """``text`` with ``spans`` replaced by breakers of equal length, so offsets stay valid."""
    chars = list(text)
    for f in spans:
        chars[f.start:f.end] = ["\x00"] * (f.end - f.start)
    return "".join(chars)


def find_selectors(text: str, *, trim: int = MAX_TRIM) -> list[Found]:
    """Every e-mail, payment selector, messaging handle and phone in ``text``.

    Each reader sees the text with the earlier finds blanked out, most specific pattern first: the
    digits of an e-mail, a Zapply handle or a LabCoin address are not read as a phone, and the ``.k93``
    of ``~olena.k93`` is not read as a messaging handle.
    """
    emails = find_emails(text)
    payments = find_payments(_blank(text, emails))
    handles = find_handles(_blank(text, [*emails, *payments]))
    phones = find_phones(_blank(text, [*emails, *payments, *handles]), trim=trim)
    return [*emails, *payments, *handles, *phones]


def selector_tokens(text: str) -> list[str]:
    """Index tokens of every selector in ``text`` (see ``encode_key``), sorted and unique."""
    return sorted({encode_key(f.kind, k) for f in find_selectors(text) for k in f.keys})


def encode_key(kind: str, key: str) -> str:
    """A key as one full-text token: letters and digits only, so a tokenizer never splits it.

    Phones stay readable (``p447700900123``); every other kind is its initial and the key hex-encoded
    (e-mail ``e616e6e…``, messaging handle ``h…``, Zapply handle ``z7e…``, LabCoin address ``w6c6162…``),
    because ``@``, ``.``, ``_`` and ``~`` would otherwise split them into words. The initials differ
    (``KINDS``), so two kinds never share a token; an unknown kind is an error rather than a token that
    might collide.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown selector kind {kind!r}; expected one of {KINDS}")
    if kind == "phone":
        return "p" + key
    return kind[0] + key.encode("utf-8").hex()


@dataclass(frozen=True)
class Query:
    """A search query, normalised: the selectors it names (alternative tokens each) and its other words."""

    selectors: tuple[tuple[str, frozenset[str]], ...]  # (the text as typed, its index tokens)
    words: tuple[str, ...]


def parse_query(q: str) -> Query:
    """Split ``q`` into selectors (normalised as the index is) and the remaining words.

    A query names one phone per digit run: its whole run is keyed (no trimming), so "07700 900123"
    asks for that number and not for "900123"-something.
    """
    found = find_selectors(q, trim=0)
    selectors = tuple((q[f.start:f.end].strip(), frozenset(encode_key(f.kind, k) for k in f.keys))
                      for f in sorted(found, key=lambda f: f.start))
    rest = _blank(q, found).replace("\x00", " ")
    words = tuple(dict.fromkeys(w for w in (fold(w) for w in re.findall(r"[^\W_]+", rest)) if w))
    return Query(selectors, words)


def fold(text: str) -> str:
    """Lower case without diacritics (as SQLite FTS5's unicode61 remove_diacritics tokenizer)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))
