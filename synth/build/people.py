"""build_population: everyone in the world, before anyone is given a role.

Faker is slow per call (~1.3K person records/s), so each locale's names are drawn once into pools
with ``seed_instance`` and people are sampled from the pools with the "population" stream. Person ids
are assigned after a shuffle, so an id never says where in the draw (or later, which role) a person is.
"""

from __future__ import annotations

import random

from synth.streams import Streams, seeded_faker
from synth.vocab.places import CITIES, LOCALE_COUNTRY, LOCALE_WEIGHTS, cities_in
from synth.vocab.safety import PhoneAllocator
from synth.vocab.translit import ascii_fold, to_latin
from synth.world.model import Person

POOL_SIZE = 250
# Reserved .example domains for personal e-mail (RFC 2606); none of them exists.
MAIL_DOMAINS = ("postbox.example", "mailhub.example", "webpost.example", "inbox.example",
                "poczta.example", "skrynka.example", "posta.example")


class NamePools:
    """Given and family names per locale and gender, drawn once from Faker."""

    def __init__(self, seed: int, locales: list[str], size: int = POOL_SIZE) -> None:
        self.pools: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        self.companies: dict[str, list[str]] = {}
        for locale in locales:
            fake = seeded_faker(locale, seed)
            for gender in ("female", "male"):
                given = getattr(fake, f"first_name_{gender}")
                family = getattr(fake, f"last_name_{gender}")
                self.pools[(locale, gender)] = (
                    sorted({given() for _ in range(size)}),
                    sorted({family() for _ in range(size)}),
                )
            self.companies[locale] = sorted({fake.company() for _ in range(size // 2)})

    def name(self, rng: random.Random, locale: str, gender: str) -> tuple[str, str]:
        given, family = self.pools[(locale, gender)]
        return rng.choice(given), rng.choice(family)


def usernames_for(rng: random.Random, given: str, family: str, birth_year: int) -> tuple[str, ...]:
    """Two to three handles a real person might use, with the usual variations."""
    variant = rng.choice(["national", "loose"])
    g = ascii_fold(to_latin(given, variant)).lower().replace(" ", "").replace("-", "")
    f = ascii_fold(to_latin(family, variant)).lower().replace(" ", "").replace("-", "")
    candidates = [
        f"{g}.{f}", f"{g}_{f}", f"{g}{f[:1]}{birth_year % 100:02d}", f"{f}.{g}",
        f"{g}{rng.randrange(1, 999)}", f"{g[:1]}{f}", f"{g}-{f}{rng.randrange(1, 99)}",
    ]
    rng.shuffle(candidates)
    return tuple(candidates[: rng.randint(2, 3)])


def build_population(streams: Streams, size: int, epoch_year: int, pools: NamePools) -> list[Person]:
    """``size`` residents with names, ages, home cities, phones, e-mails and usernames."""
    rng = streams.get("population")
    phones = PhoneAllocator(streams.get("phones"))
    locales = list(LOCALE_WEIGHTS)
    weights = [LOCALE_WEIGHTS[loc] for loc in locales]
    drafts = []
    for _ in range(size):
        locale = rng.choices(locales, weights)[0]
        country = LOCALE_COUNTRY[locale]
        gender = rng.choice(("female", "male"))
        given, family = pools.name(rng, locale, gender)
        age = rng.randint(18, 72)
        homes = cities_in(country) or list(CITIES)
        home = rng.choices(homes, [c.weight for c in homes])[0]
        handles = usernames_for(rng, given, family, epoch_year - age)
        email = f"{handles[0]}@{rng.choice(MAIL_DOMAINS)}"
        drafts.append((given, family, gender, locale, country, age, home.slug, phones.allocate(country),
                       email, handles))
    streams.get("person-ids").shuffle(drafts)
    return [
        Person(person_id=f"P{i:05d}", given_name=d[0], family_name=d[1], gender=d[2], locale=d[3],
               country=d[4], age=d[5], home_city=d[6], phone=d[7], email=d[8], usernames=d[9],
               role="resident")
        for i, d in enumerate(drafts, start=1)
    ]
