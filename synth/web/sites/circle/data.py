"""Circle's reads: posts (in groups or on a person's wall), comments, groups, members, friends, albums, check-ins.

A post with a ``group_id`` was written in that group; one without is on its author's own wall. Lists
load their authors and avatars in one batched query each (``resolve``), never one query per row.
Friendship is stored once per pair (``a_id < b_id``), so a person's friends are found on both sides.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from synth.vocab.platforms import CIRCLE
from synth.web.context import db
from synth.web.pages import MAX_ROW_ID
from synth.web.pictures import Picture
from synth.web.social import Account, accounts_by_id, avatars

NEWEST_FIRST = "ORDER BY posted_at DESC, post_id DESC"
GROUP_COLUMNS = "group_id, name, city, kind, description, created_at"


@dataclass(frozen=True)
class Group:
    group_id: int
    name: str
    city: str | None
    kind: str
    description: str
    created_at: str
    members: int = 0
    posts: int = 0

    @classmethod
    def of(cls, row: sqlite3.Row) -> Group:
        return cls(int(row["group_id"]), row["name"], row["city"], row["kind"], row["description"] or "",
                   row["created_at"])


@dataclass(frozen=True)
class Entry:
    """A post or a comment, with its author (None only when the world lost the account) and avatar."""

    entry_id: int
    account_id: int
    text: str
    posted_at: str
    language: str = ""
    group_id: int | None = None
    post_id: int | None = None  # a comment's post
    author: Account | None = None
    avatar: Picture | None = None
    group: Group | None = None
    comments: int = 0


def resolve(entries: list[Entry]) -> list[Entry]:
    """``entries`` with authors and avatars, and posts with their group and number of comments."""
    people = {e.account_id for e in entries}
    authors, faces = accounts_by_id(CIRCLE, people), avatars(CIRCLE, people)
    groups = groups_by_id({e.group_id for e in entries if e.group_id is not None})
    posts = [e.entry_id for e in entries if e.post_id is None]
    comments: dict[int, int] = {}
    if posts:
        marks = ", ".join("?" * len(posts))
        comments = dict(db().execute(f"SELECT post_id, COUNT(*) FROM circle_comments WHERE post_id IN ({marks}) "
                                     "GROUP BY post_id", posts).fetchall())
    return [replace(e, author=authors.get(e.account_id), avatar=faces.get(e.account_id),
                    group=groups.get(e.group_id) if e.group_id is not None else None,
                    comments=comments.get(e.entry_id, 0) if e.post_id is None else 0) for e in entries]


def count_posts(where: str, params: tuple[Any, ...]) -> int:
    return int(db().execute(f"SELECT COUNT(*) FROM circle_posts{where}", params).fetchone()[0])


def posts_page(where: str, params: tuple[Any, ...], limit: int, offset: int) -> list[Entry]:
    rows = db().execute(f"SELECT post_id, group_id, account_id, text, language, posted_at FROM circle_posts{where} "
                        f"{NEWEST_FIRST} LIMIT ? OFFSET ?", (*params, limit, offset))
    return resolve([Entry(r["post_id"], r["account_id"], r["text"] or "", r["posted_at"], r["language"] or "",
                          r["group_id"]) for r in rows])


def get_post(post_id: int) -> Entry | None:
    found = posts_page(" WHERE post_id = ?", (post_id,), 1, 0) if post_id <= MAX_ROW_ID else []
    return found[0] if found else None


def count_comments(post_id: int) -> int:
    return int(db().execute("SELECT COUNT(*) FROM circle_comments WHERE post_id = ?", (post_id,)).fetchone()[0])


def comments_page(post_id: int, limit: int, offset: int) -> list[Entry]:
    """A post's comments, oldest first (as a conversation reads)."""
    rows = db().execute("SELECT comment_id, post_id, account_id, text, posted_at FROM circle_comments "
                        "WHERE post_id = ? ORDER BY posted_at ASC, comment_id ASC LIMIT ? OFFSET ?",
                        (post_id, limit, offset))
    return resolve([Entry(r["comment_id"], r["account_id"], r["text"] or "", r["posted_at"], post_id=r["post_id"])
                    for r in rows])


def groups_by_id(ids: set[int]) -> dict[int, Group]:
    wanted = sorted(ids)
    if not wanted:
        return {}
    rows = db().execute(f"SELECT {GROUP_COLUMNS} FROM circle_groups WHERE group_id IN ({', '.join('?' * len(wanted))})",
                        wanted)
    return {g.group_id: g for g in map(Group.of, rows)}


def with_counts(groups: list[Group]) -> list[Group]:
    """``groups`` with their numbers of members and posts (two grouped queries)."""
    ids = [g.group_id for g in groups]
    if not ids:
        return groups
    marks = ", ".join("?" * len(ids))
    members = dict(db().execute(f"SELECT group_id, COUNT(*) FROM circle_members WHERE group_id IN ({marks}) "
                                "GROUP BY group_id", ids).fetchall())
    posts = dict(db().execute(f"SELECT group_id, COUNT(*) FROM circle_posts WHERE group_id IN ({marks}) "
                              "GROUP BY group_id", ids).fetchall())
    return [replace(g, members=members.get(g.group_id, 0), posts=posts.get(g.group_id, 0)) for g in groups]


def get_group(group_id: int) -> Group | None:
    found = groups_by_id({group_id}) if group_id <= MAX_ROW_ID else {}
    return with_counts([found[group_id]])[0] if found else None


def people_page(sql: str, params: tuple[Any, ...]) -> list[tuple[Account, str, Picture | None]]:
    """(account, date, avatar) for rows of ``sql`` that select ``other`` (an account id) and ``since``."""
    rows = db().execute(sql, params).fetchall()
    people = accounts_by_id(CIRCLE, (r["other"] for r in rows))
    faces = avatars(CIRCLE, people)
    return [(people[r["other"]], r["since"], faces.get(r["other"])) for r in rows if r["other"] in people]


FRIENDS = ("SELECT CASE WHEN a_id = ? THEN b_id ELSE a_id END AS other, since FROM circle_friends "
           "WHERE a_id = ? OR b_id = ?")


def count_friends(account_id: int) -> int:
    return int(db().execute("SELECT COUNT(*) FROM circle_friends WHERE a_id = ? OR b_id = ?",
                            (account_id, account_id)).fetchone()[0])


def friends_page(account_id: int, limit: int, offset: int) -> list[tuple[Account, str, Picture | None]]:
    """An account's friends, the most recent friendships first."""
    return people_page(FRIENDS + " ORDER BY since DESC, other ASC LIMIT ? OFFSET ?",
                       (account_id, account_id, account_id, limit, offset))


def members_page(group_id: int, limit: int, offset: int) -> list[tuple[Account, str, Picture | None]]:
    """A group's members, the most recent to join first."""
    return people_page("SELECT account_id AS other, joined_at AS since FROM circle_members WHERE group_id = ? "
                       "ORDER BY joined_at DESC, account_id ASC LIMIT ? OFFSET ?", (group_id, limit, offset))


def count_member_of(account_id: int) -> int:
    return int(db().execute("SELECT COUNT(*) FROM circle_members WHERE account_id = ?", (account_id,)).fetchone()[0])


def member_of_page(account_id: int, limit: int, offset: int) -> list[tuple[Group, str]]:
    """The groups an account belongs to, with when it joined, most recent first."""
    rows = db().execute("SELECT group_id, joined_at FROM circle_members WHERE account_id = ? "
                        "ORDER BY joined_at DESC, group_id ASC LIMIT ? OFFSET ?",
                        (account_id, limit, offset)).fetchall()
    groups = groups_by_id({r["group_id"] for r in rows})
    return [(groups[r["group_id"]], r["joined_at"]) for r in rows if r["group_id"] in groups]
