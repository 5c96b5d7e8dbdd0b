"""The world as frozen dataclasses: what exists, before anything is rendered.

Nothing here is public by itself. Renderers choose what a trainee may see (synth.render.public) and the
answer key says who is who (synth.key.answer_key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from synth.config import Preset
from synth.world.finance import Finance


@dataclass(frozen=True)
class Person:
    person_id: str
    given_name: str
    family_name: str
    gender: str  # "female" | "male"
    locale: str  # Faker locale the person was drawn from
    country: str
    age: int
    home_city: str  # city slug
    phone: str  # E.164, reserved range
    email: str  # reserved domain
    usernames: tuple[str, ...]
    role: str
    operation: str | None = None

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class Operation:
    operation_id: str
    kind: str  # "sexual_exploitation" | "labour_exploitation"
    organiser: str
    controllers: tuple[str, ...] = ()
    victims: tuple[str, ...] = ()
    recruiters: tuple[str, ...] = ()
    front: str | None = None  # the fake agency a labour operation recruits for
    phones: tuple[str, ...] = ()  # E.164 work phones the operation advertises with
    cities: tuple[str, ...] = ()  # city slugs, hub first


@dataclass(frozen=True)
class Ad:
    ad_id: int
    site: str
    category: str  # "personal-services" | "jobs" | "travel"
    city: str  # city slug
    title: str
    body: str
    display_name: str
    age: int | None
    price: str
    phone_text: str  # the phone as written in the ad
    contact_phone: str  # the same phone in E.164
    email: str | None
    messenger: str | None
    posted_at: datetime
    poster: str  # person id of whoever posted it
    advertised: str | None  # person id the ad offers (personal services), else None
    operation: str | None


@dataclass(frozen=True)
class Photo:
    """One picture file as the sites store it; ``source`` and ``scene`` go to the answer key only.

    ``source`` is "own" (the advertiser's own picture), "stock" (a free image many strangers use) or
    "ring" (a picture a controller uploads for several of the people he advertises).
    """

    file: str  # content-hash name in public/photos/
    source: str
    scene: str  # which drawn scene this is a copy of, e.g. "stock-07"


@dataclass(frozen=True)
class Gallery:
    """Every picture of the world: file bytes, provenance, and which ad or profile shows which files."""

    files: dict[str, bytes] = field(default_factory=dict)
    photos: dict[str, Photo] = field(default_factory=dict)
    shown: dict[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)  # (site, item id) -> files


@dataclass(frozen=True)
class World:
    seed: int
    preset: str
    epoch: datetime
    people: tuple[Person, ...]
    operations: tuple[Operation, ...]
    ads: tuple[Ad, ...]
    briefs: dict[str, dict[str, str]] = field(default_factory=dict)
    listings: tuple[Listing, ...] = ()
    gallery: Gallery = field(default_factory=Gallery)
    social: Social = field(default_factory=lambda: Social())
    finance: Finance | None = None  # the money (synth.build.finance)
    # The resolved scenario the world was built from (synth.config.Preset); None: the built-in ``preset``.
    scenario: Preset | None = None

    def person(self, person_id: str) -> Person:
        return self._people_by_id()[person_id]

    def _people_by_id(self) -> dict[str, Person]:
        cache = self.__dict__.get("_people_cache")
        if cache is None:
            cache = {p.person_id: p for p in self.people}
            object.__setattr__(self, "_people_cache", cache)
        return cache


@dataclass(frozen=True)
class Listing:
    """A posting on the directory (``companions``) or the job board (``jobboard``).

    ``phones``, ``emails`` and ``handles`` are the canonical selectors written (often obscured) in
    ``text``/``contact``; they go to the answer key, never to public/.
    """

    site: str
    listing_id: int
    kind: str  # "profile" | "job" | "travel"
    city: str
    title: str
    text: str
    contact: str
    name: str  # display name or company
    language: str
    posted_at: datetime
    poster: str
    advertised: str | None
    operation: str | None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    age: int | None = None
    nationality: str | None = None
    rate: str | None = None
    work_country: str | None = None
    bumped_at: datetime | None = None


# ---- the social platforms (public tables in synth.vocab.platforms.SCHEMA) --------------------------


@dataclass(frozen=True)
class Account:
    """One account on Chirp, Circle or a light platform.

    ``person`` (the owner), ``persona`` (how the owner uses the platforms: "ordinary", "volunteer",
    "employer", "agency", "travel", "ngo", "recruiter", "controller", "organiser", "victim", "namesake"),
    ``new`` (opened for one campaign) and the selectors written in its bio, posts and comments go to the
    answer key only.
    """

    platform: str
    account_id: int
    username: str
    display_name: str
    bio: str
    city: str | None
    created_at: datetime
    person: str
    persona: str
    new: bool = False
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.platform}:{self.account_id}"


@dataclass(frozen=True)
class ChirpPost:
    """A Chirp post; a reply names ``reply_to``, a repost ``repost_of`` (its own text is then empty).

    ``kind`` is key-only: "chatter", "reply", "repost", "job", "help", "warning", "offer" (criminal).
    """

    post_id: int
    account_id: int
    text: str
    language: str
    posted_at: datetime
    reply_to: int | None = None
    repost_of: int | None = None
    kind: str = "chatter"


@dataclass(frozen=True)
class ChirpFollow:
    follower_id: int
    followee_id: int
    since: datetime


@dataclass(frozen=True)
class CircleGroup:
    group_id: int
    name: str
    city: str | None
    kind: str  # "jobs" | "refugee-help" | "community"
    description: str
    created_at: datetime


@dataclass(frozen=True)
class CircleMember:
    group_id: int
    account_id: int
    joined_at: datetime


@dataclass(frozen=True)
class CirclePost:
    """A post in a group, or on the account's own wall (``group_id`` None); ``kind`` as for ChirpPost."""

    post_id: int
    group_id: int | None
    account_id: int
    text: str
    language: str
    posted_at: datetime
    kind: str = "chatter"


@dataclass(frozen=True)
class CircleComment:
    comment_id: int
    post_id: int
    account_id: int
    text: str
    posted_at: datetime


@dataclass(frozen=True)
class CircleFriend:
    a_id: int  # always the smaller account id
    b_id: int
    since: datetime


@dataclass(frozen=True)
class CircleAlbum:
    album_id: int
    account_id: int
    title: str
    created_at: datetime


@dataclass(frozen=True)
class CircleCheckin:
    checkin_id: int
    account_id: int
    place: str
    city: str
    checked_in_at: datetime


@dataclass(frozen=True)
class Social:
    """Every account, post and edge of the social platforms; pictures live in ``World.gallery``."""

    accounts: tuple[Account, ...] = ()
    chirp_posts: tuple[ChirpPost, ...] = ()
    chirp_follows: tuple[ChirpFollow, ...] = ()
    groups: tuple[CircleGroup, ...] = ()
    members: tuple[CircleMember, ...] = ()
    circle_posts: tuple[CirclePost, ...] = ()
    comments: tuple[CircleComment, ...] = ()
    friends: tuple[CircleFriend, ...] = ()
    albums: tuple[CircleAlbum, ...] = ()
    checkins: tuple[CircleCheckin, ...] = ()

    def accounts_on(self, platform: str) -> list[Account]:
        return [a for a in self.accounts if a.platform == platform]
