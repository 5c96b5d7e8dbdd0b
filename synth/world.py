"""The world as frozen dataclasses: what exists, before anything is rendered.

Nothing here is public by itself. Renderers choose what a trainee may see (synth.render) and the
answer key says who is who (synth.answer_key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


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
