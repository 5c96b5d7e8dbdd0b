"""scan_world: prove that nothing generated can reach a real person, domain or host (docs/design.md §5).

Every text a world contains (every cell of every SQLite table, every JSON and text file) is searched
for phone numbers, e-mail addresses, host names and IP addresses; each must fall in a reserved range
(see synth.vocab.safety). The same scan runs on rendered web pages in the web tests.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from PIL import Image

from synth.vocab.safety import is_documentation_ip, is_reserved_domain, is_safe_phone
from synth.vocab.schemes import (
    is_safe_account_number,
    is_safe_handle,
    is_safe_wallet_address,
    real_identifier_violations,
)
from synth.vocab.selectors import DIGIT_WORDS

EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", re.UNICODE)
URL_HOST = re.compile(r"\b[a-z][a-z0-9+.-]*://([^/\s:?#'\"<>]+)", re.IGNORECASE)
DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:com|net|org|io|info|biz|uk|ua|pl|ro|de|nl|ru|eu|me|co))\b",
                    re.IGNORECASE)
IPV4 = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])")
LOOPBACK = ("127.0.0.1", "localhost")


@dataclass(frozen=True)
class Violation:
    where: str
    kind: str
    value: str

    def __str__(self) -> str:
        return f"{self.where}: {self.kind} outside the reserved ranges: {self.value!r}"


# A run of at least seven digits, maybe with separators: anything shorter is no personal phone number
# (short codes and ids), and libphonenumber is slow enough that we only hand it the candidates.
def read_as_digits(text: str) -> str:
    """Undo the disguises of synth.vocab.selectors the way a careful reader would, before looking for numbers.

    Emoji keycaps and digit words become digits, letter O beside digits becomes 0, the halves of a
    split number are joined, and spaces inside a digit run are dropped; so "O165 3677894" or
    "+ 4 8 4 9 …" is read as the whole number it stands for, not as a shorter number inside it.
    """
    text = text.replace("\ufe0f\u20e3", "")
    text = DIGIT_WORD.sub(lambda m: WORD_VALUE[m.group(0).lower()], text)
    text = LETTER_O.sub("0", text)
    text = SPLIT_JOINER.sub("", text)
    text = re.sub(r"\+\s+(?=\d)", "+", text)
    return re.sub(r"(?<=\d)(?: [./-] |[ /_-]|\.(?=\d))(?=\d)", "", text)


WORD_VALUE = {w.lower(): str(i) for words in DIGIT_WORDS.values() for i, w in enumerate(words)}
DIGIT_WORD = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, WORD_VALUE), key=len, reverse=True)) + r")(?!\w)",
                        re.IGNORECASE)
SPLIT_JOINER = re.compile(r"\s*…\s*\w+(?:\s+\w+)?\s+(?=\d)")
LETTER_O = re.compile(r"(?<=[\dOo])[Oo]|[Oo](?=[Oo]*\d)")
PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\d(?:[\d()-]|[ .](?=\d)| \. (?=\d))*\d(?!\w)")


def _phone_violations(text: str, where: str, region: str) -> list[Violation]:
    """Phones in ``text`` that are valid numbers outside the fiction ranges.

    A number written without a country code means a number of the country it is advertised in, so it
    is read with that ``region``; with region "ZZ" (unknown) only numbers with a country code count.
    """
    found: dict[str, Violation] = {}
    text = read_as_digits(text)
    for candidate in PHONE_CANDIDATE.finditer(text):
        chunk = candidate.group(0)
        if sum(ch.isdigit() for ch in chunk) < 7:
            continue
        # The whole run is one number as a reader would dial it; parts of an obscured run are not numbers.
        try:
            number = phonenumbers.parse(chunk, region)
        except phonenumbers.NumberParseException:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if phonenumbers.is_valid_number(number) and not is_safe_phone(e164):
            found.setdefault(e164, Violation(where, "phone", chunk.strip()))
    return list(found.values())


def scan_text(text: str, where: str, region: str = "ZZ", allow_loopback: bool = False) -> list[Violation]:
    """Violations in ``text``; ``region`` is the country a national-format phone would belong to."""
    found = _phone_violations(text, where, region)
    hosts = [(m.group(1), "e-mail domain") for m in EMAIL.finditer(text)]
    hosts += [(m.group(1), "URL host") for m in URL_HOST.finditer(text)]
    hosts += [(m.group(1), "domain") for m in DOMAIN.finditer(text)]
    for host, kind in hosts:
        host = host.lower().rstrip(".")
        if allow_loopback and host in LOOPBACK:
            continue
        if IPV4.fullmatch(host):
            if not is_documentation_ip(host):
                found.append(Violation(where, "IP address", host))
        elif not is_reserved_domain(host):
            found.append(Violation(where, kind, host))
    found += [Violation(where, kind, value) for kind, value in real_identifier_violations(text)]
    for m in IPV4.finditer(text):
        ip = m.group(1)
        if all(0 <= int(part) <= 255 for part in ip.split(".")) and not is_documentation_ip(ip):
            if not (allow_loopback and ip == "127.0.0.1"):
                found.append(Violation(where, "IP address", ip))
    return found


def _texts(path: Path) -> Iterator[tuple[str, str, str]]:
    """(where, text, region) for every row of a database or every text file."""
    if path.suffix == ".sqlite":
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        con.row_factory = sqlite3.Row
        try:
            countries = dict(con.execute("SELECT slug, country FROM cities").fetchall())
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for table in tables:
                for row in con.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - names from sqlite_master
                    region = countries.get(row["city"], "ZZ") if "city" in row.keys() else "ZZ"
                    yield f"{path.name}:{table}", " | ".join("" if v is None else str(v) for v in row), region
        finally:
            con.close()
    elif path.suffix in {".json", ".txt", ".csv", ".html", ".md", ".jsonl", ".xlsx"}:
        yield path.name, document_text(path), "ZZ"


def document_text(path: Path) -> str:
    """The text of a file as a reader sees it: every cell of a workbook (.xlsx, one line per row), a text
    file in UTF-8 or, failing that, in the legacy Windows-1251 a bank production may use (docs/finance.md §9)."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return "\n".join(" | ".join("" if v is None else str(v) for v in row)
                             for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
        finally:
            book.close()
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251", errors="replace")


PICTURE_METADATA = ("exif", "xmp", "comment", "icc_profile", "photoshop")


def picture_violations(path: Path) -> list[Violation]:
    """A picture must be a plain JPEG without metadata: EXIF and XMP can carry places, dates and devices.

    (Whether a picture shows a person cannot be checked here; every file is one of synth.build.photos'
    drawings of things and places, which tests/world/test_photos.py checks against the answer key.)
    """
    try:
        with Image.open(path) as img:
            if img.format != "JPEG":
                return [Violation(path.name, "picture format", str(img.format))]
            found = [k for k in PICTURE_METADATA if img.info.get(k)] + (["exif"] if img.getexif() else [])
    except OSError as exc:
        return [Violation(path.name, "unreadable picture", str(exc))]
    return [Violation(path.name, "picture metadata", ", ".join(sorted(set(found))))] if found else []


# Columns that hold a money identifier, and the scheme each must follow (synth.vocab.schemes).
MONEY_COLUMNS = {("chain_inputs", "address"): is_safe_wallet_address,
                 ("chain_outputs", "address"): is_safe_wallet_address,
                 ("chain_labels", "address"): is_safe_wallet_address, ("zapply_profiles", "handle"): is_safe_handle}


def money_identifier_violations(path: Path) -> list[Violation]:
    """Every wallet address and handle in a world database, and every account number in a Parquet
    accounts file, must follow the lab's schemes (which no real account, chain or app accepts)."""
    found = []
    if path.suffix == ".sqlite":
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for (table, column), safe in MONEY_COLUMNS.items():
                if table in tables:
                    for (value,) in con.execute(f'SELECT DISTINCT "{column}" FROM "{table}"'):  # noqa: S608
                        if not safe(value):
                            found.append(Violation(f"{path.name}:{table}", "money identifier", value))
        finally:
            con.close()
    elif path.suffix == ".parquet" and path.name.startswith("accounts"):
        import pyarrow.parquet as pq

        for value in pq.read_table(path, columns=["number"]).column("number").to_pylist():
            if not (is_safe_account_number(value) or is_safe_handle(value)):
                found.append(Violation(path.name, "account number", value))
    return found


def scan_world(world_dir: Path) -> list[Violation]:
    """Every violation in every file of the world (empty for a safe world)."""
    found: list[Violation] = []
    for path in sorted(Path(world_dir).rglob("*")):
        if path.is_file() and path.suffix in {".sqlite", ".parquet"}:
            found.extend(money_identifier_violations(path))
        if path.is_file() and path.suffix in {".jpg", ".jpeg", ".png"}:
            found.extend(picture_violations(path))
        elif path.is_file():
            for where, text, region in _texts(path):
                found.extend(scan_text(text, where, region))
    return found
