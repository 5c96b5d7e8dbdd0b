"""Chirp's reads, shared by its pages and its JSON API: posts with their authors, follows, hashtags.

A post row is a plain post, a reply (``reply_to``) or a repost (``repost_of``, whose own text may be
empty or a comment on the original). ``resolve`` loads what a list of posts shows in a few batched
queries (authors, avatars, reposted originals, the authors replied to) instead of several per post.
Hashtags are ``#words`` in the text; their index is built on the first hashtag page and then shared.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from flask import current_app

from synth.vocab.platforms import CHIRP
from synth.web.context import db
from synth.web.pages import MAX_ROW_ID
from synth.web.pictures import Picture
from synth.web.social import Account, accounts_by_id, avatars, hashtags
from synth.web.world import World, connect_readonly

POST_COLUMNS = "post_id, account_id, text, language, posted_at, reply_to, repost_of"
NEWEST_FIRST = "ORDER BY posted_at DESC, post_id DESC"
_hashtag_lock = threading.Lock()


@dataclass(frozen=True)
class Post:
    """A post with what its card shows; ``author`` is None only when the world lost the account."""

    post_id: int
    account_id: int
    text: str
    language: str
    posted_at: str
    reply_to: int | None
    repost_of: int | None
    author: Account | None = None
    avatar: Picture | None = None
    original: Post | None = None  # the reposted post, resolved
    replied_author: Account | None = None  # the author of the post replied to
    tags: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, row: sqlite3.Row) -> Post:
        return cls(int(row["post_id"]), int(row["account_id"]), row["text"] or "", row["language"] or "",
                   row["posted_at"], row["reply_to"], row["repost_of"], tags=hashtags(row["text"] or ""))


def _rows(sql: str, params: list[Any] | tuple[Any, ...]) -> list[Post]:
    return [Post.of(r) for r in db().execute(sql, params)]


def _by_ids(ids: set[int]) -> dict[int, Post]:
    ids_list = sorted(i for i in ids if i is not None)
    out: dict[int, Post] = {}
    for start in range(0, len(ids_list), 500):
        chunk = ids_list[start:start + 500]
        out.update((p.post_id, p) for p in _rows(
            f"SELECT {POST_COLUMNS} FROM chirp_posts WHERE post_id IN ({', '.join('?' * len(chunk))})", chunk))
    return out


def resolve(posts: list[Post]) -> list[Post]:
    """``posts`` with authors, avatars, the reposted originals and the authors replied to filled in."""
    originals = _by_ids({p.repost_of for p in posts if p.repost_of is not None})
    parents = _by_ids({p.reply_to for p in [*posts, *originals.values()] if p.reply_to is not None})
    people = {p.account_id for p in [*posts, *originals.values(), *parents.values()]}
    authors = accounts_by_id(CHIRP, people)
    faces = avatars(CHIRP, people)

    def fill(p: Post) -> Post:
        parent = parents.get(p.reply_to) if p.reply_to is not None else None
        return replace(p, author=authors.get(p.account_id), avatar=faces.get(p.account_id),
                       replied_author=authors.get(parent.account_id) if parent else None)

    done = {i: fill(p) for i, p in originals.items()}
    return [replace(fill(p), original=done.get(p.repost_of)) if p.repost_of is not None else fill(p) for p in posts]


def get_post(post_id: int) -> Post | None:
    if post_id > MAX_ROW_ID:
        return None
    found = _rows(f"SELECT {POST_COLUMNS} FROM chirp_posts WHERE post_id = ?", (post_id,))
    return resolve(found)[0] if found else None


def count(where: str = "", params: tuple[Any, ...] = ()) -> int:
    return int(db().execute(f"SELECT COUNT(*) FROM chirp_posts{where}", params).fetchone()[0])


def page_of(where: str, params: tuple[Any, ...], limit: int, offset: int, order: str = NEWEST_FIRST) -> list[Post]:
    """One page of posts matching ``where`` (a parameterised clause), resolved."""
    return resolve(_rows(f"SELECT {POST_COLUMNS} FROM chirp_posts{where} {order} LIMIT ? OFFSET ?",
                         (*params, limit, offset)))


def counts(account_id: int) -> dict[str, int]:
    """Posts, following and followers of one account."""
    one = "SELECT COUNT(*) FROM {} WHERE {} = ?"
    return {"posts": count(" WHERE account_id = ?", (account_id,)),
            "following": int(db().execute(one.format("chirp_follows", "follower_id"), (account_id,)).fetchone()[0]),
            "followers": int(db().execute(one.format("chirp_follows", "followee_id"), (account_id,)).fetchone()[0])}


def reactions(post_id: int) -> dict[str, int]:
    """How many replies and reposts a post has."""
    return {"replies": count(" WHERE reply_to = ?", (post_id,)), "reposts": count(" WHERE repost_of = ?", (post_id,))}


FOLLOW_SIDES = {"followers": ("followee_id", "follower_id"), "following": ("follower_id", "followee_id")}


def follow_page(account_id: int, side: str, limit: int, offset: int) -> list[tuple[Account, str, Picture | None]]:
    """(account, since, avatar) of one page of an account's followers or of whom it follows, newest first."""
    mine, theirs = FOLLOW_SIDES[side]
    rows = db().execute(f"SELECT {theirs} AS other, since FROM chirp_follows WHERE {mine} = ? "
                        f"ORDER BY since DESC, {theirs} ASC LIMIT ? OFFSET ?", (account_id, limit, offset)).fetchall()
    people = accounts_by_id(CHIRP, (r["other"] for r in rows))
    faces = avatars(CHIRP, people)
    return [(people[r["other"]], r["since"], faces.get(r["other"])) for r in rows if r["other"] in people]


def follow_count(account_id: int, side: str) -> int:
    mine, _ = FOLLOW_SIDES[side]
    return int(db().execute(f"SELECT COUNT(*) FROM chirp_follows WHERE {mine} = ?", (account_id,)).fetchone()[0])


class HashtagIndex:
    """Hashtag (case-folded, without '#') → its posts' ids, newest first; read-only once built."""

    def __init__(self, posts: dict[str, list[int]]) -> None:
        self.posts = posts

    @classmethod
    def build(cls, world: World) -> HashtagIndex:
        conn = connect_readonly(world.db_uri)
        try:
            out: dict[str, list[int]] = {}
            for post_id, text in conn.execute(f"SELECT post_id, text FROM chirp_posts {NEWEST_FIRST}"):
                for tag in hashtags(text):
                    out.setdefault(tag, []).append(int(post_id))
        finally:
            conn.close()
        return cls(out)


def hashtag_index() -> HashtagIndex:
    """This app's hashtag index, built by the first request that needs one (others wait, then share it)."""
    index = current_app.extensions.get("osintlab.chirp_hashtags")
    if index is None:
        with _hashtag_lock:
            index = current_app.extensions.get("osintlab.chirp_hashtags")
            if index is None:
                index = HashtagIndex.build(current_app.extensions["osintlab.world"])
                current_app.extensions["osintlab.chirp_hashtags"] = index
    return index


def posts_by_ids(ids: list[int]) -> list[Post]:
    """The posts of ``ids``, in that order, resolved."""
    found = _by_ids(set(ids))
    return resolve([found[i] for i in ids if i in found])
