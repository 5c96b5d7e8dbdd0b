"""Every persona's own accounts, and the bios they write (synth.build.social.builder's second and sixth stages).

A persona opens accounts by its kind's habits (HABITS): most people are on Circle, fewer on Chirp, and a
few on light platforms that fit them (a driver on RouteBook, a company on StaffSpot). Accounts of one
persona vary one base handle (synth.build.social.personas.variant); the first is opened years ago for most, during
the timeline for a few newcomers. Bios carry the selectors a persona publishes: a volunteer's phone or
messaging handle, a company's phone and e-mail, an NGO's hotline, another handle of the same persona.
Draws come from the "social-accounts" and "social-bios" streams.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from synth.build.social.builder import SINCE, AccountDraft, SocialBuilder
from synth.build.social.personas import CRIMINAL, Persona, chirp_form, latin_name, skeleton, variant
from synth.vocab.chatter import BIO, city_name
from synth.vocab.platforms import CHIRP, CIRCLE, LIGHT_BY_SLUG
from synth.vocab.translit import ascii_fold, to_latin
from synth.world.model import Person

# (Circle, Chirp, light platforms per persona (min, max), light platforms it favours) per persona kind.
HABITS: dict[str, tuple[float, float, tuple[int, int], tuple[str, ...]]] = {
    "ordinary": (0.8, 0.45, (0, 2), ("snapfolio", "swapit", "talkhub", "tunecloud", "penly", "meetlocal", "staffspot")),
    "volunteer": (1.0, 0.6, (0, 2), ("routebook", "talkhub", "swapit")),
    "employer": (0.9, 0.5, (0, 1), ("staffspot", "giglane")),
    "agency": (1.0, 0.7, (1, 1), ("staffspot", "giglane")),
    "travel": (0.9, 0.4, (0, 1), ("routebook",)),
    "ngo": (1.0, 1.0, (1, 2), ("talkhub", "penly", "staffspot")),
    "recruiter": (1.0, 1.0, (2, 3), ("staffspot", "giglane", "talkhub", "routebook")),
    "controller": (1.0, 0.8, (1, 2), ("talkhub", "snapfolio", "swapit")),
    "organiser": (1.0, 0.7, (1, 1), ("staffspot", "talkhub")),
    "victim": (0.0, 0.0, (0, 0), ()),
}


def _created(rng: random.Random, b: SocialBuilder, persona: Persona) -> datetime:
    """When an account was opened: years ago for most, during the timeline for a few newcomers."""
    if persona.kind == "ordinary" and rng.random() < b.cues.new_ordinary:
        return b.day(rng, 0, b.preset.days - 20) + timedelta(hours=rng.randint(6, 22))
    span = int((b.epoch - timedelta(days=30) - SINCE).total_seconds())
    return SINCE + timedelta(seconds=rng.randrange(span))


def open_accounts(b: SocialBuilder) -> None:
    """Every persona's own accounts (campaign accounts, victims' and namesakes' come later)."""
    rng = b.streams.get("social-accounts")
    for persona in b.personas:
        p_circle, p_chirp, lights, favoured = HABITS[persona.kind]
        year = b.epoch.year - persona.person.age
        created = _created(rng, b, persona)
        latin = persona.display if persona.org else rng.choice(
            [persona.display, latin_name(persona.person), to_latin(persona.person.given_name)])
        if rng.random() < p_circle:
            b.open(persona, CIRCLE, variant(rng, persona, year), persona.display, created, rng, city=persona.city)
        if rng.random() < p_chirp:
            # Operation members use a first-name handle on Chirp (the one namesakes may hold elsewhere).
            handle = first_name_handle(persona.person, year) if persona.kind in CRIMINAL else \
                variant(rng, persona, year)
            b.open(persona, CHIRP, handle, latin, _later(rng, b, created, 900), rng,
                   city=persona.city if rng.random() < 0.7 else None)
        count = rng.randint(*lights)
        others = [s for s in LIGHT_BY_SLUG if s not in favoured]
        for slug in _pick_lights(rng, favoured, others, count):
            b.open(persona, slug, variant(rng, persona, year), latin if rng.random() < 0.7 else persona.display,
                   _later(rng, b, created, 1500), rng,
                   city=persona.city if rng.random() < 0.5 else None)


def _later(rng: random.Random, b: SocialBuilder, created: datetime, days: int) -> datetime:
    """When the same persona opened another account: up to ``days`` later, before the timeline's last weeks
    (a newcomer of the timeline opens the others within a few days)."""
    limit = created + timedelta(days=5) if created >= b.epoch else b.epoch - timedelta(days=30)
    return created + timedelta(days=rng.randint(0, max(0, min(days, (limit - created).days))),
                               minutes=rng.randrange(1440))


def first_name_handle(person: Person, year: int) -> str:
    """``person``'s handle built on the first name alone: one of its usernames ("oleksandrk87", "maria512"),
    else the first name and the year of birth ("kornelia82"), as people shorten their handles."""
    given, family = skeleton(to_latin(person.given_name)), skeleton(to_latin(person.family_name))
    mine = next((u for u in person.usernames if skeleton(u).startswith(given[:4]) and family[:4] not in skeleton(u)),
                None)
    return mine or f"{ascii_fold(to_latin(person.given_name)).lower().replace(' ', '')}{year % 100:02d}"


def _pick_lights(rng: random.Random, favoured: tuple[str, ...], others: list[str], count: int) -> list[str]:
    chosen: list[str] = []
    for _ in range(count):
        pool = [s for s in favoured if s not in chosen] if rng.random() < 0.8 else []
        pool = pool or [s for s in others if s not in chosen]
        if pool:
            chosen.append(rng.choice(pool))
    return chosen


def write_bios(b: SocialBuilder) -> None:
    """Bios: a line in the persona's language, with the selectors its kind publishes."""
    rng = b.streams.get("social-bios")
    for persona in b.personas:
        for account in persona.accounts:
            if not account.bio:
                account.bio = bio_for(b, rng, persona, account)


def bio_for(b: SocialBuilder, rng: random.Random, persona: Persona, account: AccountDraft) -> str:
    lang = persona.lang
    city = city_name(persona.city, lang)
    kind = "ordinary" if persona.kind in ("recruiter", "controller", "organiser", "namesake") else persona.kind
    if kind == "ordinary":
        text = rng.choice(BIO["ordinary"][lang]).format(city=city)
        if rng.random() < 0.12:
            text += " · " + b.email(account, persona.person.email, rng)
        others = [a for a in persona.accounts if a is not account and not a.new]
        if others and rng.random() < 0.15:
            other = rng.choice(others)
            text += f" · also on {_platform_name(other.platform)}: @{other.username}"
        return text
    if kind == "volunteer":
        return BIO["volunteer"][lang].format(contact=volunteer_contact(b, rng, persona, account))
    if kind == "victim":
        return rng.choice(["✨ travelling ✨", "🌸 new places, new people", "✈️ city by city"])
    company = persona.org or ""
    if kind == "ngo":
        if persona.work_phone is None:
            persona.work_phone = b.phones.allocate(persona.country)
        return BIO["ngo"].format(company=company, contact=b.phone(account, persona.work_phone, rng))
    contact = b.phone(account, persona.business.phone, rng) if persona.business else ""
    if rng.random() < 0.6:
        contact += " · " + b.email(account, company_email(persona), rng)
    return BIO[kind].format(company=company, city=city, contact=contact)


def volunteer_contact(b: SocialBuilder, rng: random.Random, persona: Persona, account: AccountDraft) -> str:
    """A volunteer's phone, or only a messaging handle (decided once per volunteer)."""
    if persona.work_handle is None:
        persona.work_handle = chirp_form(persona.base) if rng.random() < b.cues.messenger_volunteer else ""
    if persona.work_handle:
        return b.handle(account, persona.work_handle, rng)
    return b.phone(account, persona.person.phone, rng)


def company_email(persona: Persona) -> str:
    """jobs@<company>.example (RFC 2606), as synth.build.ads writes it for the same company."""
    domain = "".join(ch for ch in ascii_fold(persona.org or "").lower() if ch.isalnum())[:24] + ".example"
    return f"{'bookings' if persona.kind == 'travel' else 'jobs'}@{domain}" if persona.kind != "ngo" \
        else f"help@{domain}"


def _platform_name(slug: str) -> str:
    return {CHIRP: "Chirp", CIRCLE: "Circle"}.get(slug) or LIGHT_BY_SLUG[slug].name
