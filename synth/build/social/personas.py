"""The persona bible: who is online, under which handles, in which language, at which hours.

Every person who is online has one consistent identity across platforms, as real people do: usernames
varied from one base (other separators, suffix digits, another Latin spelling of a Ukrainian name —
see synth.vocab.translit), one home city, posting hours that fit its time zone. A company, an agency or an
NGO is a persona too, with handles varied from its name. The operations' members are online like
everyone else; the large majority of personas are benign (docs/design.md §3).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from synth.build.network import LABOUR_OP, SEX_OP, Business
from synth.vocab.places import CITY_BY_SLUG, country_field
from synth.vocab.translit import ascii_fold, to_latin
from synth.world.model import Operation, Person

# Standard offsets from UTC; EU summer time (Directive 2000/84/EC) adds an hour from 01:00 UTC on the last
# Sunday of March to 01:00 UTC on the last Sunday of October. Ukraine follows the same dates.
STANDARD_OFFSET = country_field(lambda c: c.utc_offset)  # synth/presets/places.toml
LANGUAGES = {"en_GB": ("en",), "pl_PL": ("pl", "en"), "ro_RO": ("ro", "en"), "uk_UA": ("uk", "ru")}
NGOS = ("Safe Route Europe", "Open Doors Legal Aid", "Fair Work Helpline")
CRIMINAL = ("organiser", "controller", "recruiter")
ORG_KINDS = ("employer", "agency", "travel", "ngo")
STOPWORDS = {"and", "i", "si", "sp", "z", "o", "zoo", "sa", "srl", "ltd", "plc", "spk", "sc", "ppuh", "phu", "fhu",
             "the", "group", "pat", "tov", "llc"}


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def utc_offset(country: str, when: datetime) -> int:
    """Hours ahead of UTC in ``country`` at ``when`` (aware, UTC)."""
    start = datetime.combine(_last_sunday(when.year, 3), datetime.min.time(), timezone.utc) + timedelta(hours=1)
    end = datetime.combine(_last_sunday(when.year, 10), datetime.min.time(), timezone.utc) + timedelta(hours=1)
    return STANDARD_OFFSET[country] + (1 if start <= when < end else 0)


def at_local(country: str, day: datetime, hour: int, minute: int) -> datetime:
    """The UTC moment of ``hour:minute`` local time in ``country`` on ``day``'s calendar date."""
    local = day.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return local - timedelta(hours=utc_offset(country, local))


def skeleton(username: str) -> str:
    """A username reduced to what survives variation: no digits or separators, one Latin spelling.

    Two handles of one persona have the same skeleton ("oleksandr.k87", "Olexandr_K" → "oleksandrk").
    """
    s = re.sub(r"[^a-z]", "", ascii_fold(username).lower())
    for old, new in (("x", "ks"), ("kh", "h"), ("g", "h"), ("ts", "c"), ("ye", "e"), ("yi", "i"), ("y", "i")):
        s = s.replace(old, new)
    return s


@dataclass(eq=False)
class Persona:
    """One online identity; ``kind`` says how it behaves (see synth.world.model.Account.persona)."""

    person: Person
    kind: str
    city: str
    langs: tuple[str, ...]
    base: str  # the handle its accounts vary from
    display: str
    hours: tuple[int, ...]  # local hours it usually posts at
    org: str | None = None  # company, agency or NGO name for organisation personas
    business: Business | None = None
    work_handle: str | None = None  # the messaging handle an operation member advertises with
    work_phone: str | None = None
    operation: str | None = None
    accounts: list = field(default_factory=list)  # AccountDraft, filled by synth.build.social.builder

    @property
    def country(self) -> str:
        return CITY_BY_SLUG[self.city].country

    @property
    def lang(self) -> str:
        return self.langs[0]

    def when(self, rng: random.Random, day: datetime) -> datetime:
        """A moment on ``day`` at one of this persona's usual local hours."""
        return at_local(self.country, day, rng.choice(self.hours), rng.randrange(60))


def _drift(person: Person, handle: str) -> str:
    """Another Latin spelling of a Ukrainian name inside ``handle`` (national ↔ loose, ks ↔ x)."""
    if person.locale != "uk_UA":
        return handle
    spellings = [[ascii_fold(to_latin(n, v)).lower().replace(" ", "").replace("-", "") for v in ("national", "loose")]
                 for n in (person.given_name, person.family_name)]
    for national, loose in spellings:
        if national != loose:
            if national in handle:
                return handle.replace(national, loose, 1)
            if loose in handle:
                return handle.replace(loose, national, 1)
    return handle.replace("ks", "x", 1) if "ks" in handle else handle


def chirp_form(handle: str) -> str:
    """Chirp allows letters, digits and underscores only."""
    return re.sub(r"[.-]", "_", handle)[:20]


def variant(rng: random.Random, persona: Persona, birth_year: int) -> str:
    """One handle of ``persona``'s family: the base, another of its usernames, or the base varied."""
    base, person = persona.base, persona.person
    roll = rng.random()
    if roll < 0.45 or persona.kind in ORG_KINDS and roll < 0.6:
        return base
    if roll < 0.6 and persona.kind not in ORG_KINDS:
        return rng.choice(person.usernames)
    if roll < 0.75:
        seps = [s for s in "._-" if s in base]
        new = rng.choice([s for s in ("", ".", "_", "-") if s not in seps])
        return re.sub(r"[._-]", new, base, count=1) if seps else f"{base}{rng.choice('._')}{birth_year % 100:02d}"
    if roll < 0.88 or persona.kind in ORG_KINDS:
        stem = base.rstrip("0123456789")
        return f"{stem}{rng.choice([birth_year % 100, birth_year, rng.randint(1, 99)]):02d}"
    drifted = _drift(person, base)
    return drifted if drifted != base else f"{base}{rng.randint(1, 9)}"


def org_handle(name: str) -> str:
    """A company's handle: its name folded to ASCII, words joined ("Nowak Logistyka" → "nowak_logistyka")."""
    words = [w for w in re.sub(r"[^a-z0-9 ]", " ", ascii_fold(name).lower()).split() if w not in STOPWORDS]
    return "_".join(words[:2])[:24] or "company"


def latin_name(person: Person, variant_name: str = "national") -> str:
    return f"{to_latin(person.given_name, variant_name)} {to_latin(person.family_name, variant_name)}"


def choose_personas(rng: random.Random, people: list[Person], operations: list[Operation],
                    businesses: dict[str, Business], online: int, helpers: int, employer_share: float,
                    ngos: int) -> list[Persona]:
    """Everyone who is online: the operations, volunteers, NGOs, some companies and ordinary people."""
    ops = {o.operation_id: o for o in operations}
    chosen: dict[str, str] = {}
    for person in sorted(people, key=lambda p: p.person_id):
        if person.role in CRIMINAL and person.operation or person.role == "victim":
            chosen[person.person_id] = person.role
        elif person.role == "volunteer":
            chosen[person.person_id] = "volunteer"
        elif person.role in ("employer", "travel_agent") and rng.random() < employer_share:
            business = businesses[person.person_id]
            chosen[person.person_id] = "travel" if person.role == "travel_agent" else (
                "agency" if business.abroad else "employer")
    residents = [p for p in sorted(people, key=lambda p: p.person_id) if p.role == "resident"]
    rng.shuffle(residents)
    for person in residents[:ngos]:
        chosen[person.person_id] = "ngo"
    for person in residents[ngos:ngos + helpers]:
        chosen[person.person_id] = "volunteer"
    others = [p for p in sorted(people, key=lambda p: p.person_id)
              if p.person_id not in chosen and p.role in ("resident", "independent_advertiser", "employer",
                                                          "travel_agent")]
    rng.shuffle(others)
    for person in others[:max(0, online - len(chosen))]:
        chosen[person.person_id] = "ordinary"
    personas = []
    ngo_names = iter(NGOS)
    for person in sorted(people, key=lambda p: p.person_id):
        kind = chosen.get(person.person_id)
        if kind is None:
            continue
        langs = LANGUAGES[person.locale]
        if person.locale == "uk_UA" and rng.random() < 0.3:
            langs = ("ru", "uk")
        org = business = None
        if kind in ("employer", "agency", "travel"):
            business = businesses[person.person_id]
            org = business.name
        elif kind == "ngo":
            org = next(ngo_names, "Safe Route Europe")
        display = org or (f"{person.given_name} {person.family_name}" if rng.random() < 0.6
                          else latin_name(person, rng.choice(["national", "loose"])))
        base = org_handle(org) if org else person.usernames[0]
        start = rng.choice([7, 8, 9, 10])
        hours = tuple(range(start, 24)) if kind not in CRIMINAL else tuple(range(9, 22))
        persona = Persona(person=person, kind=kind, city=business.city if business else person.home_city,
                          langs=langs, base=base, display=display, hours=hours, org=org, business=business,
                          operation=person.operation if kind in CRIMINAL else None)
        if person.operation == LABOUR_OP and kind == "recruiter":
            labour = ops[LABOUR_OP]
            persona.work_phone = labour.phones[labour.recruiters.index(person.person_id)]
        elif person.operation == SEX_OP and kind == "controller":
            ring = ops[SEX_OP]
            persona.work_phone = ring.phones[ring.controllers.index(person.person_id)]
        personas.append(persona)
    return personas
