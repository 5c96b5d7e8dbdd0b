"""open_accounts: who banks where — people, businesses, merchants — with ids assigned after a shuffle.

Every person has a current account at the bank of the home country; some have a second bank, the app,
a prepaid card. Operation members and the mules the ring recruits hold the accounts the operations
use (funnel accounts in victims' and mules' names at banks of the circuit's countries, the controllers'
app account registered to a work phone, prepaid cards, the front's business account). Each account's
*background profile* (how its benign activity looks) is drawn from one distribution for everyone, so an
operation's account looks like any other account until you follow its money.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import numpy as np

from synth.build.network import LABOUR_OP, SEX_OP, Business
from synth.vocab.institutions import BANK_OF_COUNTRY, BY_SLUG, MERCHANT_KINDS, SITES
from synth.vocab.places import BUILTIN, CITY_BY_SLUG, COUNTRY_NAME
from synth.vocab.schemes import account_numbers
from synth.vocab.translit import ascii_fold, to_latin
from synth.world.model import Operation, Person

# Background profiles of personal accounts and their shares (see docs/finance.md, "benign economy").
PROFILES = {"salaried": 0.42, "remitter": 0.10, "pensioner": 0.10, "sole_trader": 0.09, "student": 0.07,
            "landlord": 0.06, "traveller": 0.06, "low": 0.10}


@dataclass(frozen=True)
class Draft:
    institution: str
    holder: str
    holder_name: str
    kind: str
    city: str | None
    phone: str | None
    profile: str
    role: str | None = None
    operation: str | None = None
    handle: str | None = None


def handle_for(base: str, taken: set[str]) -> str:
    """A Zapply handle ``~word.word`` from a username (synth.vocab.schemes.HANDLE_RE), unique."""
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_fold(to_latin(base)).lower()) if w] or ["user"]
    if len(words) == 1:
        words.append("pay")
    words = [w[:11] for w in words[:3]]
    handle, n = "~" + ".".join(words), 1
    while handle in taken:
        n += 1
        handle = "~" + ".".join(words) + f".{n}"
    taken.add(handle)
    return handle


class Opener:
    """Collects account drafts; ``finish`` shuffles them and numbers them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.drafts: list[Draft] = []
        self.handles: set[str] = set()

    def profile(self) -> str:
        return self.rng.choices(list(PROFILES), list(PROFILES.values()))[0]

    def add(self, **fields) -> None:
        if fields["institution"] == "zapply" and not fields.get("handle"):
            fields["handle"] = handle_for(fields.pop("handle_base", fields["holder_name"]), self.handles)
        fields.pop("handle_base", None)
        self.drafts.append(Draft(**fields))

    def person(self, p: Person, institution: str, profile: str | None = None, **extra) -> None:
        kind = {"zapply": "app", "loadup": "prepaid"}.get(institution, "personal")
        self.add(institution=institution, holder=p.person_id, holder_name=p.full_name, kind=kind,
                 city=p.home_city, phone=extra.pop("phone", p.phone), profile=profile or self.profile(),
                 handle_base=extra.pop("handle_base", p.usernames[0]), **extra)


def open_accounts(rng: random.Random, people: list[Person], operations: list[Operation],
                  businesses: dict[str, Business], mules: list[str], recruits: list[str]) -> list[Draft]:
    """Every account draft of the world, in no meaningful order yet."""
    op = Opener(rng)
    ops = {o.operation_id: o for o in operations}
    ring, labour = ops[SEX_OP], ops[LABOUR_OP]
    circuit_banks = sorted({BANK_OF_COUNTRY[CITY_BY_SLUG[c].country] for c in ring.cities})
    people_by_id = {p.person_id: p for p in people}
    mule_set = set(mules)
    for p in sorted(people, key=lambda x: x.person_id):
        home_bank = BANK_OF_COUNTRY[CITY_BY_SLUG[p.home_city].country]
        op.person(p, home_bank)
        if rng.random() < 0.2:
            op.person(p, rng.choice([b for b in BANK_OF_COUNTRY.values() if b != home_bank]))
        if rng.random() < 0.35 and p.role not in ("controller",):
            op.person(p, "zapply")
        if rng.random() < 0.03:
            op.person(p, "loadup")
        if p.person_id in mule_set:
            op.person(p, rng.choice(circuit_banks), role="mule", operation=SEX_OP)
    # The ring: funnel accounts in the victims' names at banks of the circuit; the controllers' cards,
    # prepaid cards and an app account registered to the work phone; the organiser's second account.
    for victim in ring.victims:
        for bank in circuit_banks:
            op.person(people_by_id[victim], bank, role="funnel", operation=SEX_OP)
    for c, controller in enumerate(ring.controllers):
        person = people_by_id[controller]
        op.person(person, BANK_OF_COUNTRY[CITY_BY_SLUG[ring.cities[0]].country], role="controller",
                  operation=SEX_OP)
        op.person(person, "zapply", role="controller", operation=SEX_OP, phone=ring.phones[c],
                  handle_base=f"{rng.choice(['lux', 'vip', 'elite', 'angels'])} booking {c + 1}")
        for _ in range(rng.randint(2, 3)):
            op.person(person, "loadup", role="controller", operation=SEX_OP)
        op.person(person, BANK_OF_COUNTRY[person.country], role="controller", operation=SEX_OP)
    for organiser in (ring.organiser, labour.organiser):
        person = people_by_id[organiser]
        for bank in (BANK_OF_COUNTRY[person.country], BANK_OF_COUNTRY[person.country], "polderbank"):
            op.person(person, bank, role="organiser", operation=person.operation)
    # The labour operation: the front's business account in the first work country, the recruiters' app
    # accounts (the handle the fees go to) and a bank account each in a work country.
    work_country = CITY_BY_SLUG[labour.cities[0]].country
    op.add(institution=BANK_OF_COUNTRY[work_country], holder=f"biz:{labour.front}", holder_name=labour.front,
           kind="business", city=labour.cities[0], phone=labour.phones[0], profile="business", role="front",
           operation=LABOUR_OP)
    for r, recruiter in enumerate(labour.recruiters):
        person = people_by_id[recruiter]
        op.person(person, "zapply", role="recruiter", operation=LABOUR_OP, phone=labour.phones[r])
        op.person(person, BANK_OF_COUNTRY[work_country], role="recruiter", operation=LABOUR_OP)
    # Businesses of employers and travel agents.
    # A business in a designer's added city (synth.vocab.places) banks at its owner's home branch: finance covers the
    # lab's own cities and countries.
    own_cities = {c.slug for c in BUILTIN.cities}
    for owner, business in sorted(businesses.items()):
        city = CITY_BY_SLUG[business.city]
        if city.slug not in own_cities:
            city = CITY_BY_SLUG[people_by_id[owner].home_city]
        op.add(institution=BANK_OF_COUNTRY[city.country], holder=f"biz:{owner}", holder_name=business.name,
               kind="business", city=city.slug, phone=business.phone, profile="business")
    _merchants(op)
    del recruits  # recruits bank like everyone else; their fees come from their ordinary accounts
    return op.drafts


def _merchants(op: Opener) -> None:
    """Shops, hotels, utilities, transport, the ad sites, pension funds, letting agents, the exchange."""
    for city in BUILTIN.cities:  # the lab's own cities: the ones with banks
        bank = BANK_OF_COUNTRY[city.country]
        for kind, names in MERCHANT_KINDS.items():
            if kind in ("utility", "transport"):
                continue
            for name in names:
                op.add(institution=bank, holder=f"merchant:{kind}", holder_name=name.format(city=city.name),
                       kind="merchant", city=city.slug, phone=None, profile=kind)
        op.add(institution=bank, holder="merchant:letting", holder_name=f"{city.name} Lettings",
               kind="merchant", city=city.slug, phone=None, profile="letting")
        op.add(institution=bank, holder="merchant:atm", holder_name=f"Cash point {city.name}",
               kind="merchant", city=city.slug, phone=None, profile="atm")
    for country, bank in sorted(BANK_OF_COUNTRY.items()):
        label = COUNTRY_NAME[country].replace("the ", "")
        for name in MERCHANT_KINDS["utility"]:
            op.add(institution=bank, holder="merchant:utility", holder_name=name.format(country=label),
                   kind="merchant", city=None, phone=None, profile="utility")
        op.add(institution=bank, holder="merchant:pension", holder_name=f"{label} State Pension Fund",
               kind="merchant", city=None, phone=None, profile="pension")
    for name, bank in zip(MERCHANT_KINDS["transport"], ("rheinbank", "polderbank", "thamesbank"), strict=True):
        op.add(institution=bank, holder="merchant:transport", holder_name=name, kind="merchant", city=None,
               phone=None, profile="transport")
    for site, name in SITES.items():
        bank = "polderbank" if site == "companions" else "thamesbank"
        op.add(institution=bank, holder=f"merchant:{site}", holder_name=name, kind="merchant", city=None,
               phone=None, profile="site")
    op.add(institution="polderbank", holder="merchant:coinbridge", holder_name="Coinbridge Exchange BV",
           kind="merchant", city="amsterdam", phone=None, profile="exchange")
    op.add(institution="polderbank", holder="merchant:zapply", holder_name="Zapply BV", kind="merchant",
           city="amsterdam", phone=None, profile="app-float")
    op.add(institution="thamesbank", holder="merchant:loadup", holder_name="LoadUp Prepaid Ltd",
           kind="merchant", city="london", phone=None, profile="prepaid-float")


def number_accounts(rng: random.Random, nrng: np.random.Generator, drafts: list[Draft],
                    epoch: datetime) -> list[dict]:
    """Shuffle the drafts, give ids 1..n in that order, numbers and opening dates (from one distribution)."""
    order = list(range(len(drafts)))
    rng.shuffle(order)
    rows = [drafts[i] for i in order]
    numbers: dict[int, str] = {}
    for slug in sorted({d.institution for d in rows if d.institution != "zapply"}):
        idx = [i for i, d in enumerate(rows) if d.institution == slug]
        serials = np.sort(nrng.choice(10**9, size=len(idx), replace=False)) * 10 + nrng.integers(0, 8, len(idx))
        nrng.shuffle(serials)
        for i, number in zip(idx, account_numbers(BY_SLUG[slug].code, serials), strict=True):
            numbers[i] = number
    out = []
    for i, d in enumerate(rows):
        days = int(nrng.integers(30, 12 * 365))
        opened = (epoch - timedelta(days=days)).replace(hour=int(nrng.integers(8, 18)))
        inst = BY_SLUG[d.institution]
        out.append(dict(account_id=i + 1, institution=d.institution, number=d.handle or numbers[i], holder=d.holder,
                        holder_name=d.holder_name, kind=d.kind, currency=inst.currency if inst.kind != "bank"
                        else _bank_currency(d.institution), city=d.city, opened_at=opened, phone=d.phone,
                        profile=d.profile, role=d.role, operation=d.operation))
    return out


def _bank_currency(slug: str) -> str:
    return BY_SLUG[slug].currency


__all__ = ["Draft", "open_accounts", "number_accounts", "handle_for", "replace"]
