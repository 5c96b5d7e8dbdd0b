"""build_social: the accounts, posts and ties of Chirp, Circle and the light platforms.

Stages, each with its own random stream so that changing one leaves the others' draws alone:
personas (synth.build.social.personas) → accounts (synth.build.social.accounts) → groups and memberships
(synth.build.social.groups) → the benign graph (synth.build.social.graph) → the operations' campaigns
(synth.build.social.campaigns), the accounts a controller keeps for the women he advertises (synth.build.social.victims)
and namesakes (synth.build.social.namesakes) → bios → everyone else's posts (synth.build.social.posts) → pictures and
check-ins (synth.build.social.pictures) → ids (synth.build.social.finish). This module holds the drafts and the helpers
every stage shares. Drafts refer to each other as objects; public ids are
assigned last, after a shuffle, in order of creation time, so no id or row order encodes a role.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from synth.build.network import Business
from synth.build.social.personas import Persona, chirp_form
from synth.config import Preset
from synth.streams import Streams
from synth.vocab.places import CITY_BY_SLUG
from synth.vocab.platforms import CHIRP
from synth.vocab.safety import PhoneAllocator
from synth.vocab.selectors import canonical_handle, handle_text, obscured_email, plain_phone
from synth.world.model import Ad, Listing, Operation, Person

SINCE = datetime(2012, 1, 1, tzinfo=timezone.utc)  # the oldest accounts
@dataclass(eq=False)
class AccountDraft:
    platform: str
    username: str
    display_name: str
    city: str | None
    created_at: datetime
    persona: Persona
    kind: str
    new: bool = False
    bio: str = ""
    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    handles: set[str] = field(default_factory=set)
    avatar: str | None = None  # picture file
    account_id: int = 0


@dataclass(eq=False)
class GroupDraft:
    name: str
    city: str | None
    kind: str
    description: str
    created_at: datetime
    langs: tuple[str, ...]
    members: dict = field(default_factory=dict)  # AccountDraft -> joined_at
    group_id: int = 0


@dataclass(eq=False)
class PostDraft:
    platform: str
    account: AccountDraft
    text: str
    language: str
    posted_at: datetime
    kind: str
    group: GroupDraft | None = None
    reply_to: PostDraft | None = None
    repost_of: PostDraft | None = None
    post_id: int = 0


class SocialBuilder:
    """The drafts of one world's social platforms and the helpers every stage shares."""

    def __init__(self, streams: Streams, preset: Preset, epoch: datetime, people: list[Person],
                 operations: list[Operation], businesses: dict[str, Business], ads: list[Ad],
                 listings: list[Listing]) -> None:
        self.streams, self.preset, self.epoch = streams, preset, epoch
        self.end = epoch + timedelta(days=preset.days)
        self.cues = preset.social_cues
        self.people, self.operations, self.businesses = people, operations, businesses
        self.ops = {o.operation_id: o for o in operations}
        self.ads, self.listings = ads, listings
        self.personas: list[Persona] = []
        self.accounts: list[AccountDraft] = []
        self.taken: dict[str, set[str]] = {}
        self.groups: list[GroupDraft] = []
        self.posts: list[PostDraft] = []
        self.comments: list[tuple[PostDraft, AccountDraft, str, datetime]] = []
        self.follows: dict[tuple[AccountDraft, AccountDraft], datetime] = {}
        self.friends: dict[tuple[AccountDraft, AccountDraft], datetime] = {}
        self.albums: list[tuple[AccountDraft, str, datetime, tuple[str, ...]]] = []
        self.checkins: list[tuple[AccountDraft, str, str, datetime]] = []
        self.friends_of: dict[AccountDraft, list[AccountDraft]] = {}
        self.tied: set[AccountDraft] = set()  # benign accounts with a tie to an operation member's account
        taken = [p.phone for p in people] + [n for o in operations for n in o.phones] + \
            [b.phone for b in businesses.values()] + [n for x in listings for n in x.phones]
        self.phones = PhoneAllocator(streams.get("social-phones"), taken)

    # ---- time ------------------------------------------------------------------------------------
    def day(self, rng: random.Random, lo: int = 0, hi: int | None = None) -> datetime:
        """Midnight UTC of a random day of the timeline (days ``lo``..``hi``)."""
        hi = self.preset.days - 1 if hi is None else min(hi, self.preset.days - 1)
        return self.epoch + timedelta(days=rng.randint(lo, max(lo, hi)))

    def clamp(self, when: datetime) -> datetime:
        return min(when, self.end - timedelta(minutes=1))

    # ---- accounts --------------------------------------------------------------------------------
    def claim(self, platform: str, wanted: str, rng: random.Random) -> str:
        """``wanted`` if it is free on ``platform``, else the same with digits added (as sign-up forms suggest)."""
        taken = self.taken.setdefault(platform, set())
        name = chirp_form(wanted) if platform == CHIRP else wanted
        while name.lower() in taken:
            name = f"{name.rstrip('0123456789')}{rng.randint(2, 999)}"
        taken.add(name.lower())
        return name

    def open(self, persona: Persona, platform: str, username: str, display: str, created: datetime,
             rng: random.Random, city: str | None = None, kind: str | None = None, new: bool = False) -> AccountDraft:
        account = AccountDraft(platform=platform, username=self.claim(platform, username, rng), display_name=display,
                               city=city, created_at=created, persona=persona, kind=kind or persona.kind, new=new)
        self.accounts.append(account)
        persona.accounts.append(account)
        return account

    def of(self, persona: Persona, platform: str, new: bool | None = False) -> list[AccountDraft]:
        return [a for a in persona.accounts if a.platform == platform and (new is None or a.new == new)]

    # ---- selectors written into text --------------------------------------------------------------
    def phone(self, account: AccountDraft, e164: str, rng: random.Random) -> str:
        account.phones.add(e164)
        country = CITY_BY_SLUG[account.city].country if account.city else None
        return plain_phone(e164, rng.choice(["national", "international", "compact", "dashed"]), country)

    def handle(self, account: AccountDraft, handle: str, rng: random.Random) -> str:
        account.handles.add(canonical_handle("telegram", handle))
        return handle_text("telegram", handle, rng)

    def email(self, account: AccountDraft, email: str, rng: random.Random) -> str:
        account.emails.add(email.lower())
        return obscured_email(email, rng) if rng.random() < 0.3 else email

    # ---- posts -----------------------------------------------------------------------------------
    def post(self, account: AccountDraft, text: str, lang: str, when: datetime, kind: str,
             group: GroupDraft | None = None, reply_to: PostDraft | None = None,
             repost_of: PostDraft | None = None) -> PostDraft:
        when = max(when, account.created_at + timedelta(minutes=1))
        draft = PostDraft(account.platform, account, " ".join(text.split()), lang, self.clamp(when), kind, group,
                          reply_to, repost_of)
        self.posts.append(draft)
        return draft

    def comment(self, post: PostDraft, account: AccountDraft, text: str, when: datetime) -> None:
        self.comments.append((post, account, " ".join(text.split()), self.clamp(max(when, post.posted_at
                                                                                    + timedelta(minutes=3)))))

    def join(self, group: GroupDraft, account: AccountDraft, when: datetime) -> None:
        group.members.setdefault(account, max(when, group.created_at, account.created_at))

    def befriend(self, a: AccountDraft, b: AccountDraft, when: datetime) -> None:
        if a is not b and (b, a) not in self.friends:
            self.friends.setdefault((a, b), self.clamp(max(when, a.created_at, b.created_at)))

    def follow(self, a: AccountDraft, b: AccountDraft, when: datetime) -> None:
        if a is not b:
            self.follows.setdefault((a, b), self.clamp(max(when, a.created_at, b.created_at)))
