"""Genuine namesakes: different people who happen to hold an operation member's exact handle elsewhere.

"Two independent tie-backs, not one matching handle, make a link". For each recruiter and
controller, one or two unrelated residents — preferably ones who share his first name, since handles
are built from names — own his Chirp handle on light platforms where he has no account under it.
Their bios, cities and pictures are their own. Draws come from the "namesakes" stream.
"""

from __future__ import annotations

import re
from datetime import timedelta

from synth.build.social.builder import SINCE, SocialBuilder
from synth.build.social.personas import LANGUAGES, Persona, latin_name, skeleton
from synth.vocab.platforms import CHIRP, CIRCLE, LIGHT_BY_SLUG
from synth.vocab.translit import to_latin
from synth.world.model import Person


def could_own(person: Person, handle: str) -> bool:
    """Whether ``handle`` could be built from ``person``'s own name: the first name and maybe an initial
    ("piotrk63" for any Piotr), or the family name ("okovalenko" for an O. Kovalenko)."""
    shape = skeleton(handle)
    given, family = skeleton(to_latin(person.given_name)), skeleton(to_latin(person.family_name))
    rest = shape[len(given):]
    return (len(given) >= 3 and shape.startswith(given) and (len(rest) <= 1 or family.startswith(rest))) \
        or (len(family) >= 5 and family in shape and shape.startswith(given[:1]))


def add_namesakes(b: SocialBuilder) -> None:
    rng = b.streams.get("namesakes")
    online = {p.person.person_id for p in b.personas}
    residents = [p for p in sorted(b.people, key=lambda p: p.person_id) if p.role == "resident"
                 and p.person_id not in online]
    for persona in list(b.personas):
        if persona.kind not in ("recruiter", "controller"):
            continue
        mine = [a for a in persona.accounts if a.platform in (CHIRP, CIRCLE) and not a.new]
        if not mine:
            continue
        handle = next((a.username for a in mine if a.platform == CHIRP), mine[0].username)
        free = [slug for slug in LIGHT_BY_SLUG if handle.lower() not in b.taken.get(slug, set())]
        rng.shuffle(free)
        for _ in range(rng.randint(*b.preset.social_cues.namesakes_per_member)):
            if not free or not residents:
                break
            alike = [p for p in residents if could_own(p, handle)]
            person = rng.choice(alike or [p for p in residents if p.locale == persona.person.locale] or residents)
            residents.remove(person)
            namesake = Persona(person=person, kind="namesake", city=person.home_city, langs=LANGUAGES[person.locale],
                               base=handle, display=latin_name(person), hours=tuple(range(8, 24)))
            b.personas.append(namesake)
            created = SINCE + timedelta(days=rng.randrange((b.epoch - SINCE).days - 30))
            # Someone whose name does not fit the handle shows a nickname from it, as people do.
            nickname = re.split(r"[._\-\d]", handle)[0].capitalize()
            for slug in [free.pop() for _ in range(min(len(free), rng.randint(1, 2)))]:
                display = (namesake.display if rng.random() < 0.6 else to_latin(person.given_name)) if alike \
                    else nickname
                b.open(namesake, slug, handle, display, created + timedelta(days=rng.randint(0, 400)), rng,
                       city=person.home_city if rng.random() < 0.6 else None)
