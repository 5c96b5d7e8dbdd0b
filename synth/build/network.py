"""build_network: who is in the operations, and who is a benign look-alike.

Roles are drawn with the "network" stream from people whose ids were already shuffled, so neither
an id nor a position in any file says who is who. Victims are adults (19-29); nobody in an
exploitation role is a minor (docs/design.md §5).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from synth.build.people import NamePools
from synth.config import Preset
from synth.streams import Streams
from synth.vocab.places import BUILTIN, CITIES, CITY_BY_SLUG, DESTINATION_COUNTRIES, LOCALE_COUNTRY
from synth.vocab.safety import PhoneAllocator
from synth.vocab.translit import to_latin
from synth.world.model import Operation, Person


@dataclass(frozen=True)
class Business:
    """A benign employer's company or a travel agency: a name, a city and a business phone."""

    name: str
    city: str
    phone: str
    abroad: bool = False  # an international (licensed) agency recruiting for work abroad

SEX_OP, LABOUR_OP = "OP1", "OP2"


def _take(rng: random.Random, pool: list[Person], n: int, want) -> list[Person]:
    """Remove and return ``n`` people from ``pool`` that satisfy ``want`` (drawn at random)."""
    picks = [p for p in pool if want(p)]
    rng.shuffle(picks)
    chosen = picks[:n]
    if len(chosen) < n:
        raise ValueError("population too small for this preset")
    ids = {p.person_id for p in chosen}
    pool[:] = [p for p in pool if p.person_id not in ids]
    return chosen


def build_network(streams: Streams, people: list[Person], preset: Preset, pools: NamePools,
                  ) -> tuple[list[Person], list[Operation], dict[str, Business]]:
    """Assign roles; return (people, operations, the business of each employer and travel agent)."""
    rng = streams.get("network")
    phones = PhoneAllocator(streams.get("network-phones"), taken=(p.phone for p in people))
    pool = sorted(people, key=lambda p: p.person_id)
    assigned: dict[str, Person] = {}

    def give(person: Person, role: str, operation: str | None = None, age: int | None = None) -> Person:
        new = replace(person, role=role, operation=operation, age=age if age is not None else person.age)
        assigned[new.person_id] = new
        return new

    origin = ("uk_UA", "ro_RO", "pl_PL")
    # Sexual-exploitation ring: organiser, controllers and victims from the same origin, a circuit
    # of destination cities with one hub, where the module-01 brief starts.
    ring_locale = rng.choice(origin)
    # The operations work in the lab's own cities (the story, and the banks, are there); added cities only host
    # honest advertisers and businesses (synth.vocab.places).
    destinations = [c for c in BUILTIN.cities if c.country in DESTINATION_COUNTRIES
                    and c.country != _country(ring_locale)]
    hub = rng.choice([c for c in destinations if c.weight >= 3])
    others = [c for c in destinations if c.slug != hub.slug]
    rng.shuffle(others)
    circuit = [hub.slug] + [c.slug for c in others[:3]]
    organiser = give(_take(rng, pool, 1, lambda p: p.locale == ring_locale)[0], "organiser", SEX_OP,
                     rng.randint(34, 55))
    controllers = [give(p, "controller", SEX_OP, rng.randint(25, 48))
                   for p in _take(rng, pool, preset.controllers, lambda p: p.locale == ring_locale)]
    victims = [give(p, "victim", SEX_OP, rng.randint(19, 29))
               for p in _take(rng, pool, preset.victims,
                              lambda p: p.gender == "female" and p.locale in origin)]
    work_phones = tuple(phones.allocate(rng.choice(["GB", "UA", "RO", "PL"])) for _ in controllers)
    ring = Operation(SEX_OP, "sexual_exploitation", organiser.person_id,
                     controllers=tuple(p.person_id for p in controllers),
                     victims=tuple(p.person_id for p in victims), phones=work_phones, cities=tuple(circuit))

    # Labour-exploitation operation: recruiters posting for a front agency.
    labour_locale = rng.choice(origin)
    boss = give(_take(rng, pool, 1, lambda p: p.locale == labour_locale)[0], "organiser", LABOUR_OP,
                rng.randint(35, 60))
    recruiters = [give(p, "recruiter", LABOUR_OP, rng.randint(24, 50))
                  for p in _take(rng, pool, preset.labour_recruiters, lambda p: p.locale == labour_locale)]
    front = _agency_name(rng)
    labour_phones = tuple(phones.allocate(_country(labour_locale)) for _ in recruiters)
    work_countries = [c for c in DESTINATION_COUNTRIES if c != _country(labour_locale)]
    labour = Operation(LABOUR_OP, "labour_exploitation", boss.person_id,
                       recruiters=tuple(p.person_id for p in recruiters), front=front, phones=labour_phones,
                       cities=tuple(c.slug for c in BUILTIN.cities if c.country in work_countries[:2]))

    # Benign majority that shares the ads' surface: independent advertisers, employers, travel agents.
    for p in _take(rng, pool, preset.independent_advertisers,
                   lambda p: 21 <= p.age <= 50 or p.gender == "female"):
        give(p, "independent_advertiser", None, rng.randint(21, 45))
    businesses: dict[str, Business] = {}
    for p in _take(rng, pool, preset.employers, lambda p: p.age >= 25):
        give(p, "employer", None, max(p.age, 28))
        city = rng.choices(CITIES, [c.weight for c in CITIES])[0]
        name = rng.choice(pools.companies[p.locale])
        businesses[p.person_id] = Business(name if city.country == p.country else to_latin(name), city.slug,
                                           phones.allocate(city.country), abroad=rng.random() < 0.2)
    for p in _take(rng, pool, preset.travel_agents, lambda p: p.age >= 25):
        give(p, "travel_agent", None, max(p.age, 28))
        city = CITY_BY_SLUG[p.home_city]
        businesses[p.person_id] = Business(_travel_name(rng, city.name), city.slug, phones.allocate(city.country))
    # Genuine volunteers offering free rides and help to people fleeing the war: the hard negatives
    # for "free travel" offers.
    for p in _take(rng, pool, max(2, preset.travel_agents // 3), lambda p: p.locale in ("uk_UA", "pl_PL")):
        give(p, "volunteer", None)
    final = [assigned.get(p.person_id, p) for p in people]
    return final, [ring, labour], businesses


def _country(locale: str) -> str:
    return LOCALE_COUNTRY[locale]


def _agency_name(rng: random.Random) -> str:
    first = rng.choice(["Euro", "Nova", "Atlas", "Prime", "Golden", "Bridge", "Union", "Vista"])
    second = rng.choice(["Work", "Staff", "Job", "Career", "Labour", "Talent"])
    third = rng.choice(["Solutions", "Partners", "Group", "Services", "International"])
    return f"{first}{second} {third}"


def _travel_name(rng: random.Random, city: str) -> str:
    return rng.choice([f"{city} Coach Lines", f"{city} Travel Centre", f"Sunway Tours {city}",
                       f"EastWest Bus {city}", f"Horizon Travel {city}", f"{city} Express Transfers"])
