"""Public ids for the social drafts, and the frozen synth.world.model records they become.

Ids are sequential per table in order of creation time, ties broken by a shuffle from the "social-ids"
stream, exactly as ad ids are: an id says when something was created and nothing about who made it.
A reply or repost never gets a smaller id than what it answers (equal times put the original first).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from synth.build.social.builder import PostDraft, SocialBuilder
from synth.vocab.platforms import ALL_PLATFORMS, CHIRP, CIRCLE
from synth.world.model import (
    Account,
    ChirpFollow,
    ChirpPost,
    CircleAlbum,
    CircleCheckin,
    CircleComment,
    CircleFriend,
    CircleGroup,
    CircleMember,
    CirclePost,
    Social,
)

T = TypeVar("T")


def _ordered(rng: random.Random, items: Sequence[T], key: Callable[[T], object]) -> list[T]:
    tiebreak = list(range(len(items)))
    rng.shuffle(tiebreak)
    return [items[i] for i in sorted(range(len(items)), key=lambda i: (key(items[i]), tiebreak[i]))]


def _depth(post: PostDraft) -> int:
    parent = post.reply_to or post.repost_of
    return 0 if parent is None else 1 + _depth(parent)


def finish(b: SocialBuilder) -> tuple[Social, dict[tuple[str, int], tuple[str, ...]]]:
    rng = b.streams.get("social-ids")
    last = b.clamp(b.end)
    accounts: list[Account] = []
    for platform in ALL_PLATFORMS:
        drafts = _ordered(rng, [a for a in b.accounts if a.platform == platform], lambda a: a.created_at)
        for n, a in enumerate(drafts, start=1):
            a.account_id = n
            accounts.append(Account(platform, n, a.username, a.display_name, a.bio, a.city, a.created_at,
                                    a.persona.person.person_id, a.kind, a.new, tuple(sorted(a.phones)),
                                    tuple(sorted(a.emails)), tuple(sorted(a.handles))))
    groups = []
    for n, g in enumerate(_ordered(rng, b.groups, lambda g: g.created_at), start=1):
        g.group_id = n
        groups.append(CircleGroup(n, g.name, g.city, g.kind, g.description, g.created_at))
    members = sorted((CircleMember(g.group_id, a.account_id, min(joined, last))
                      for g in b.groups for a, joined in g.members.items()), key=lambda m: (m.group_id, m.account_id))
    chirp, circle = [], []
    for platform, out in ((CHIRP, chirp), (CIRCLE, circle)):
        drafts = _ordered(rng, [p for p in b.posts if p.platform == platform], lambda p: (p.posted_at, _depth(p)))
        for n, p in enumerate(drafts, start=1):
            p.post_id = n
            if platform == CHIRP:
                out.append(ChirpPost(n, p.account.account_id, p.text, p.language, p.posted_at,
                                     p.reply_to.post_id if p.reply_to else None,
                                     p.repost_of.post_id if p.repost_of else None, p.kind))
            else:
                out.append(CirclePost(n, p.group.group_id if p.group else None, p.account.account_id, p.text,
                                      p.language, p.posted_at, p.kind))
    comments = [CircleComment(n, post.post_id, who.account_id, text, when) for n, (post, who, text, when)
                in enumerate(_ordered(rng, b.comments, lambda c: c[3]), start=1)]
    friends = sorted((CircleFriend(min(x.account_id, y.account_id), max(x.account_id, y.account_id), since)
                      for (x, y), since in b.friends.items()), key=lambda f: (f.a_id, f.b_id))
    follows = sorted((ChirpFollow(x.account_id, y.account_id, since) for (x, y), since in b.follows.items()),
                     key=lambda f: (f.follower_id, f.followee_id))
    shown: dict[tuple[str, int], tuple[str, ...]] = {}
    for a in b.accounts:
        if a.avatar:
            shown[(f"{a.platform}-avatar", a.account_id)] = (a.avatar,)
    albums = []
    for n, (account, title, created, files) in enumerate(_ordered(rng, b.albums, lambda x: x[2]), start=1):
        albums.append(CircleAlbum(n, account.account_id, title, min(created, last)))
        shown[("circle-album", n)] = files
    checkins = [CircleCheckin(n, account.account_id, place, city, min(when, last)) for n, (account, place, city, when)
                in enumerate(_ordered(rng, b.checkins, lambda x: x[3]), start=1)]
    social = Social(accounts=tuple(accounts), chirp_posts=tuple(chirp), chirp_follows=tuple(follows),
                    groups=tuple(groups), members=tuple(members), circle_posts=tuple(circle),
                    comments=tuple(comments), friends=tuple(friends), albums=tuple(albums), checkins=tuple(checkins))
    return social, shown
