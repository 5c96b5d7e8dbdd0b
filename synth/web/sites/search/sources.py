"""What Seekr indexes: how each table of the fake internet becomes search documents.

One ``Source`` per kind of document: its SQL over public/site.sqlite, the tables it needs (an old
world without the social tables simply has fewer sources), and per row the site, title, body and the
page it links to. A document's ``kind`` tells apart things one site has several of: a Chirp post
from a Chirp account, a Circle post from a comment or a group.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from synth.web.wmn import PROFILE_RULES


def _lines(*pairs: tuple[str, Any]) -> str:
    """Contact lines appended to a document's body ("Phone: …"), skipping empty values."""
    return "".join(f"\n{label}: {value}" for label, value in pairs if value not in (None, ""))


def profile_path(platform: str, username: str) -> str:
    """The site-absolute address of ``username``'s profile on ``platform``."""
    return PROFILE_RULES[platform].profile_path(quote(username, safe="@._-"))


@dataclass(frozen=True)
class Source:
    """How one table becomes documents. ``site`` is fixed, or None when each row names it (``platform``)."""

    site: str | None
    kind: str
    tables: tuple[str, ...]
    sql: str
    title: Callable[[sqlite3.Row], str]
    body: Callable[[sqlite3.Row], str]
    path: Callable[[sqlite3.Row], str]

    def site_of(self, row: sqlite3.Row) -> str:
        return self.site or row["platform"]


def _who(r: sqlite3.Row) -> str:
    return f"{r['display_name']} (@{r['username']})"


SOURCES: dict[str, Source] = {
    "quickads": Source(
        "quickads", "ad", ("quickads_ads",), "SELECT * FROM quickads_ads ORDER BY ad_id",
        lambda r: r["title"],
        lambda r: r["body"] + _lines(("Name", r["display_name"]), ("Phone", r["phone"]), ("E-mail", r["email"]),
                                     ("Messenger", r["messenger"])),
        lambda r: f"/quickads/ad/{r['ad_id']}"),
    "companions": Source(
        "companions", "profile", ("companions_profiles",), "SELECT * FROM companions_profiles ORDER BY profile_id",
        lambda r: f"{r['name']} — {r['headline']}",
        lambda r: (r["text"] or "") + _lines(("Contact", r["contact"]), ("Rate", r["rate"])),
        lambda r: f"/companions/profile/{r['profile_id']}"),
    "jobboard": Source(
        "jobboard", "post", ("jobboard_posts",), "SELECT * FROM jobboard_posts ORDER BY post_id",
        lambda r: f"{r['title']} — {r['company']}",
        lambda r: (r["body"] or "") + _lines(("Company", r["company"]), ("Pay", r["salary"]),
                                             ("Contact", r["contact"])),
        lambda r: f"/jobboard/post/{r['post_id']}"),
    "chirp-posts": Source(
        "chirp", "post", ("social_accounts", "chirp_posts"),
        "SELECT p.post_id, p.text, a.username, a.display_name FROM chirp_posts p JOIN social_accounts a "
        "ON a.platform = 'chirp' AND a.account_id = p.account_id WHERE p.text != '' ORDER BY p.post_id",
        lambda r: f"{_who(r)} on Chirp",
        lambda r: r["text"],
        lambda r: f"/chirp/{quote(r['username'], safe='@._-')}/status/{r['post_id']}"),
    "circle-posts": Source(
        "circle", "post", ("social_accounts", "circle_posts", "circle_groups"),
        "SELECT p.post_id, p.text, a.display_name, g.name AS group_name FROM circle_posts p "
        "JOIN social_accounts a ON a.platform = 'circle' AND a.account_id = p.account_id "
        "LEFT JOIN circle_groups g ON g.group_id = p.group_id ORDER BY p.post_id",
        lambda r: f"{r['display_name']} in {r['group_name']}" if r["group_name"] else f"{r['display_name']} on Circle",
        lambda r: r["text"],
        lambda r: f"/circle/posts/{r['post_id']}"),
    "circle-comments": Source(
        "circle", "comment", ("social_accounts", "circle_comments"),
        "SELECT c.comment_id, c.post_id, c.text, a.display_name FROM circle_comments c "
        "JOIN social_accounts a ON a.platform = 'circle' AND a.account_id = c.account_id ORDER BY c.comment_id",
        lambda r: f"Comment by {r['display_name']}",
        lambda r: r["text"],
        lambda r: f"/circle/posts/{r['post_id']}#comment-{r['comment_id']}"),
    "circle-groups": Source(
        "circle", "group", ("circle_groups",), "SELECT * FROM circle_groups ORDER BY group_id",
        lambda r: r["name"],
        lambda r: (r["description"] or "") + _lines(("City", r["city"])),
        lambda r: f"/circle/groups/{r['group_id']}"),
    "accounts": Source(
        None, "account", ("social_accounts",),
        "SELECT account_id, platform, username, display_name, bio, city FROM social_accounts "
        "ORDER BY platform, account_id",
        _who,
        lambda r: (r["bio"] or "") + _lines(("City", r["city"])),
        lambda r: profile_path(r["platform"], r["username"])),
}
