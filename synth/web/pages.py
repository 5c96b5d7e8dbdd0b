"""Helpers every site's pages share: page numbers, pagination windows, dates, snippets, keyword filters.

Kept here so the sites behave alike where a scraper meets them (the same 400 messages for a bad page
number, the same keyword matching) while each site keeps its own markup and look.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import abort

MAX_ROW_ID = 2**63 - 1  # SQLite's largest INTEGER; a bigger id cannot exist (and would overflow)


def parse_page(raw: str | None, name: str = "page") -> int:
    """A page number: absent means 1; anything but a whole number from 1 up is a 400."""
    raw = (raw or "").strip()
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit()):
        abort(400, f"The {name} number must be a whole number: 1, 2, 3 …")
    if len(raw) > 9:  # also keeps int() away from huge digit strings
        abort(400, f"That {name} number is far too large.")
    if int(raw) < 1:
        abort(400, f"Pages are numbered from 1: use {name}=1 for the first page.")
    return int(raw)


def page_window(page: int, pages: int, width: int = 2) -> list[int | None]:
    """Page numbers to link: first, last and ``width`` around ``page``; None marks a gap (…)."""
    keep = {1, pages, *range(page - width, page + width + 1)}
    out: list[int | None] = []
    for n in range(1, pages + 1):
        if n in keep:
            out.append(n)
        elif out and out[-1] is not None:
            out.append(None)
    return out


def posted_label(iso: str) -> str:
    """'2026-03-04T21:15:00Z' → '4 Mar 2026, 21:15' (as written when it does not parse)."""
    try:
        t = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return str(iso)
    return f"{t.day} {t:%b %Y, %H:%M}"


def snippet(body: str | None, limit: int = 140) -> str:
    """The first ``limit`` characters of ``body`` on one line, cut at a word."""
    text = " ".join((body or "").split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern with ``ESCAPE '\\'`` (``%`` and ``_`` match themselves)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def keyword_clauses(q: str, haystack: str) -> tuple[list[str], list[Any]]:
    """WHERE clauses requiring every word of ``q`` in the SQL expression ``haystack`` (Unicode case-folded)."""
    clauses: list[str] = []
    params: list[Any] = []
    for word in q.split():
        clauses.append(f"fold({haystack}) LIKE ? ESCAPE '\\'")
        params.append("%" + like_escape(word.casefold()) + "%")
    return clauses, params


def bad_words(q: str, max_chars: int = 100, max_words: int = 8) -> str | None:
    """Why ``q`` is not an acceptable keyword search, or None when it is."""
    if len(q) > max_chars or len(q.split()) > max_words:
        return f"Search for at most {max_words} words and {max_chars} characters."
    return None
