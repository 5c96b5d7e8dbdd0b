"""What Chirp, Circle and the light platforms share: accounts, avatars, paging, dates, linked post text.

Every platform keeps its accounts in ``social_accounts`` (synth/vocab/platforms.py), keyed by platform and
id; a username is looked up exactly first and then ignoring ASCII case, as real sites do
("Anna_K" finds "anna_k"). Kept here so the sites, the API and Seekr's username lookup agree on who exists.
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from flask import Response, abort, render_template, url_for
from markupsafe import Markup, escape

from synth.vocab.platforms import LightPlatform
from synth.web.context import db, lab_world
from synth.web.pages import page_window
from synth.web.pictures import Picture, pictures_of
from synth.web.wmn import answer, usable_username

ACCOUNT_COLUMNS = "platform, account_id, username, display_name, bio, city, created_at"
HASHTAG = re.compile(r"(?<![\w#&/])#(\w+)")
MENTION = re.compile(r"(?<![\w.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)")


@dataclass(frozen=True)
class Account:
    """One row of ``social_accounts``."""

    platform: str
    account_id: int
    username: str
    display_name: str
    bio: str
    city: str | None
    created_at: str

    @classmethod
    def of(cls, row: sqlite3.Row) -> Account:
        return cls(row["platform"], int(row["account_id"]), row["username"], row["display_name"], row["bio"] or "",
                   row["city"], row["created_at"])

    @property
    def city_name(self) -> str | None:
        """The city's name as the site shows it (its slug when the world does not know it)."""
        if not self.city:
            return None
        city = lab_world().cities.get(self.city)
        return city.name if city else self.city

    @property
    def joined(self) -> str:
        """'March 2026', as profiles say when someone joined."""
        return month_label(self.created_at)


def find_account(platform: str, username: str) -> Account | None:
    """The account ``username`` names on ``platform`` (exact match first, then ignoring ASCII case)."""
    if not usable_username(username):
        return None
    sql = f"SELECT {ACCOUNT_COLUMNS} FROM social_accounts WHERE platform = ? AND username = ?"
    row = db().execute(sql, (platform, username)).fetchone()
    if row is None:
        row = db().execute(sql + " COLLATE NOCASE ORDER BY account_id LIMIT 1", (platform, username)).fetchone()
    return Account.of(row) if row else None


def missing_account(rule: LightPlatform, template: str, username: str, **context: object) -> Response:
    """The platform's own answer for a user it does not have — a 404, a soft 404 (status 200) or a
    redirect — exactly as the WhatsMyName file describes it, so the pages and the file cannot drift."""
    missing = answer(rule, exists=False)
    page = render_template(template, rule=rule, username=username, missing=missing, message=missing.string,
                           **context)
    response = Response(page, status=missing.status, mimetype="text/html")
    if missing.location:
        response.headers["Location"] = missing.location
    return response


def account_or_missing(rule: LightPlatform, template: str, username: str) -> Account:
    """The account ``username`` names on ``rule``'s platform, or the platform's missing answer as an abort."""
    account = find_account(rule.slug, username)
    if account is None:
        abort(missing_account(rule, template, username))
    return account


def accounts_by_id(platform: str, ids: Iterable[int]) -> dict[int, Account]:
    """The accounts of ``ids`` on ``platform``; ids without an account are left out."""
    wanted = sorted(set(ids))
    out: dict[int, Account] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = db().execute(f"SELECT {ACCOUNT_COLUMNS} FROM social_accounts WHERE platform = ? "
                            f"AND account_id IN ({', '.join('?' * len(chunk))})", [platform, *chunk])
        out.update((a.account_id, a) for a in map(Account.of, rows))
    return out


def avatars(platform: str, ids: Iterable[int]) -> dict[int, Picture]:
    """Each account's avatar (its first ``<platform>-avatar`` picture); accounts without one are left out."""
    return {i: pics[0] for i, pics in pictures_of(f"{platform}-avatar", ids).items() if pics}


def month_label(iso: str | None) -> str:
    """'2026-03-04T21:15:00Z' → 'March 2026' (as written when it does not parse)."""
    try:
        return f"{datetime.strptime(iso or '', '%Y-%m-%dT%H:%M:%SZ'):%B %Y}"
    except ValueError:
        return str(iso)


@dataclass(frozen=True)
class Paging:
    """One page of a list: what the pagination macro and the "showing 21–40 of 95" line need."""

    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def first(self) -> int:
        return self.offset + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.page * self.per_page, self.total)

    @property
    def window(self) -> list[int | None]:
        return page_window(self.page, self.pages)


def parse_per_page(raw: str | None, default: int, maximum: int) -> int:
    """``per_page``: absent means ``default``; anything but a whole number from 1 to ``maximum`` is a 400."""
    raw = (raw or "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw[:9]) <= maximum:
        abort(400, f"per_page must be a whole number from 1 to {maximum}.")
    return int(raw)


def paging(total: int, page: int, per_page: int, what: str = "pages") -> Paging:
    """``page`` of ``total`` items; a page past the last is a 404 that says how many there are."""
    p = Paging(page, per_page, total)
    if page > p.pages:
        abort(404, f"There {'is only 1 page' if p.pages == 1 else f'are only {p.pages} pages'} of {what}; "
                   f"page {page} does not exist.")
    return p


@dataclass(frozen=True)
class Links:
    """Page links of one list, as the shared pagination macro calls them (``links.url(page=n)``)."""

    endpoint: str
    values: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def to(cls, endpoint: str, **values: Any) -> Links:
        return cls(endpoint, tuple((k, v) for k, v in values.items() if v not in (None, "")))

    def url(self, page: int = 1) -> str:
        return url_for(self.endpoint, **dict(self.values), page=page if page > 1 else None)


def linked_text(text: str, hashtag_url: str | None = None, profile_url: str | None = None) -> Markup:
    """``text`` escaped, with #hashtags and @mentions as links (``{}`` in the URLs takes the tag or name).

    Only ``<a>`` tags are added around the words themselves, so the element's text is ``text`` exactly.
    """
    spans: list[tuple[int, int, str]] = []
    if hashtag_url:
        spans += [(m.start(), m.end(), hashtag_url.format(quote(m.group(1)))) for m in HASHTAG.finditer(text)]
    if profile_url:
        spans += [(m.start(), m.end(), profile_url.format(m.group(1))) for m in MENTION.finditer(text)]
    out, pos = [], 0
    for start, end, href in sorted(spans):
        if start < pos:
            continue
        kind = "hashtag" if text[start] == "#" else "mention"
        out += [escape(text[pos:start]), Markup('<a class="{}" href="{}">').format(kind, href),
                escape(text[start:end]), Markup("</a>")]
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def hashtags(text: str) -> list[str]:
    """The hashtags of ``text``, without '#', lower-cased, in order, each once."""
    return list(dict.fromkeys(m.group(1).casefold() for m in HASHTAG.finditer(text or "")))
