"""The public QuickAds data module 01 is checked against: fields, comparisons and polite fetching.

Everything here is public — the site's own database and its pages — so both the trainee's
self-check and the hidden grader use it. Comparisons are lenient about form and strict about
meaning: "Warsaw" and "warsaw" are the same city, "2026-03-04T21:15:00Z" and "2026-03-04 21:15"
the same time, but a phone with a digit missing is a different phone.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import requests

from synth.vocab.canon import canonical_ad_id, canonical_text

SITE = "quickads"
# The fields parse_ad(html) must return (Q1), with the site.sqlite column each one comes from.
PARSE_FIELDS: dict[str, str] = {
    "ad_id": "ad_id",
    "title": "title",
    "name": "display_name",
    "phone": "phone",
    "city": "city",
    "posted_at": "posted_at",
}
# The columns of the trainee's `ads` table whose values are checked (Q2).
TABLE_FIELDS: tuple[str, ...] = ("title", "phone", "posted_at")
USER_AGENT = "OSINT-Lab-grader/0.1 (training; loopback only)"
_NON_DIGITS = re.compile(r"\D+")
_NON_WORD = re.compile(r"[\W_]+")


def ad_url(base: str, ad_id: int | str) -> str:
    """The address of one ad's page on the fake internet."""
    return f"{base.rstrip('/')}/{SITE}/ad/{canonical_ad_id(ad_id)}"


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        return False
    return not str(value).strip()


def same_id(given: Any, expected: Any) -> bool:
    return not _is_blank(given) and canonical_ad_id(given) == canonical_ad_id(expected)


def same_text(given: Any, expected: Any) -> bool:
    """Equal after trimming, single-spacing and case-folding."""
    if _is_blank(given) or _is_blank(expected):
        return _is_blank(given) and _is_blank(expected)
    return canonical_text(given) == canonical_text(expected)


def same_phone(given: Any, expected: Any) -> bool:
    """The phone as written, or the same digits (a trainee may already have cleaned it)."""
    if same_text(given, expected):
        return True
    if _is_blank(given) or _is_blank(expected):
        return False
    digits_given, digits_expected = _NON_DIGITS.sub("", str(given)), _NON_DIGITS.sub("", str(expected))
    return bool(digits_given) and digits_given == digits_expected


def _slug(text: Any) -> str:
    return _NON_WORD.sub("-", canonical_text(text)).strip("-")


def same_place(given: Any, expected_names: tuple[str, ...]) -> bool:
    """A city (or category) given by its slug or its name ("krakow", "Kraków")."""
    if _is_blank(given):
        return False
    forms = {canonical_text(given), _slug(given)}
    return any(canonical_text(e) in forms or _slug(e) in forms for e in expected_names)


def same_time(given: Any, expected: Any) -> bool:
    """The same minute, whatever the format; times without a zone are read as UTC."""
    if _is_blank(given):
        return False
    try:
        left = pd.Timestamp(given)
        right = pd.Timestamp(expected)
    except (ValueError, TypeError):
        return False
    if pd.isna(left) or pd.isna(right):
        return False
    left = left.tz_localize("UTC") if left.tzinfo is None else left.tz_convert("UTC")
    right = right.tz_localize("UTC") if right.tzinfo is None else right.tz_convert("UTC")
    return left.floor("min") == right.floor("min")


class PublicAds:
    """The public ads of a world, with the city and category names a page may show instead of slugs."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.cities = {r["slug"]: r["name"] for r in db.execute("SELECT slug, name FROM cities")}
        self.categories = {r["slug"]: r["name"] for r in db.execute("SELECT slug, name FROM categories")}
        self._db = db

    def row(self, ad_id: Any) -> sqlite3.Row | None:
        try:
            number = int(canonical_ad_id(ad_id))
        except ValueError:
            return None
        return self._db.execute("SELECT * FROM quickads_ads WHERE ad_id = ?", (number,)).fetchone()

    def ids(self, city: str | None = None, category: str | None = None) -> list[int]:
        """Ad ids, optionally of one city and category, in listing order."""
        query, args = "SELECT ad_id FROM quickads_ads WHERE 1=1", []
        if city:
            query, args = query + " AND city = ?", [*args, city]
        if category:
            query, args = query + " AND category = ?", [*args, category]
        return [r[0] for r in self._db.execute(query + " ORDER BY ad_id", args)]

    def compare_parsed(self, parsed: Mapping[str, Any], row: sqlite3.Row) -> dict[str, bool]:
        """Which of the parse_ad fields in ``parsed`` match the ad in ``row``."""
        checks: dict[str, Callable[[Any], bool]] = {
            "ad_id": lambda v: same_id(v, row["ad_id"]),
            "title": lambda v: same_text(v, row["title"]),
            "name": lambda v: same_text(v, row["display_name"]),
            "phone": lambda v: same_phone(v, row["phone"]),
            "city": lambda v: same_place(v, (row["city"], self.cities.get(row["city"], row["city"]))),
            "posted_at": lambda v: same_time(v, row["posted_at"]),
        }
        return {field: check(parsed.get(field)) for field, check in checks.items()}

    def compare_table_row(self, values: Mapping[str, Any], row: sqlite3.Row) -> dict[str, bool]:
        """Which of the checked table columns of one trainee row match the ad in ``row``."""
        checks = {"title": same_text, "phone": same_phone, "posted_at": same_time}
        return {field: checks[field](values.get(field), row[field]) for field in TABLE_FIELDS}


def fake_internet() -> str:
    """The base URL of the running fake internet, started if needed (the web layer decides how)."""
    from synth.web.launch import ensure_fake_internet  # lazy: importing the server is not free

    return ensure_fake_internet()


def polite_get(session: requests.Session, url: str, *, tries: int = 8,
               timeout: float = 10.0) -> requests.Response:
    """GET ``url``, waiting as long as a 429 answer's Retry-After asks, a few times at most."""
    response = session.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT})
    for _ in range(tries - 1):
        if response.status_code != 429:
            break
        try:
            wait = float(response.headers.get("Retry-After", "1"))
        except ValueError:
            wait = 1.0
        time.sleep(min(max(wait, 0.1), 10.0))
        response = session.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT})
    return response
