"""build_ads: every classified ad in the world, benign and criminal, over the world's timeline.

Each *offer* (a person advertised, a job, a coach route) is posted several times: a first posting and
reposts a few days apart with small edits, as on real sites. The sexual-exploitation ring's
controllers post for several victims from one template with slots (name, age, city, price) and one
work phone; each victim's ads follow her through the ring's circuit of cities. Ad ids are assigned
last, in order of posting time, so an id says when an ad was posted and nothing else.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from synth.build.network import LABOUR_OP, SEX_OP, Business
from synth.config import Indicators, Preset
from synth.streams import Streams
from synth.vocab import adtext as T
from synth.vocab.places import CITIES, CITY_BY_SLUG, COUNTRIES, COUNTRY_NAME, NATIONALITY, country_field
from synth.vocab.selectors import PLAIN_STYLES, plain_phone
from synth.vocab.translit import ascii_fold
from synth.world.model import Ad, Operation, Person

SITE = "quickads"
# Per country, from the table of places (synth/presets/places.toml).
CURRENCY = country_field(lambda c: c.money)
HOURLY = country_field(lambda c: c.hourly)
MONTHLY = country_field(lambda c: c.monthly_pay)
PHONE_STYLES = PLAIN_STYLES


@dataclass
class Draft:
    """An ad before it has an id."""

    category: str
    city: str
    title: str
    body: str
    display_name: str
    age: int | None
    price: str
    phone: str
    phone_style: str
    email: str | None
    messenger: str | None
    posted_at: datetime
    poster: str
    advertised: str | None
    operation: str | None


def write_phone(e164: str, style: str, ad_country: str | None = None) -> str:
    """A phone the way an advertiser would type it (see synth.vocab.selectors.plain_phone)."""
    return plain_phone(e164, style, ad_country)


def money(country: str, amount: int) -> str:
    prefix, suffix = CURRENCY[country]
    return f"{prefix}{amount:,}{suffix}"


STATED_AGES = (19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31, 33, 35)


def stated_age(rng: random.Random) -> int:
    """One distribution for every personal-services ad, so "age 18-22" carries no signal (a myth cue)."""
    return rng.choice(STATED_AGES)


def stated_ages_for(rng: random.Random, n: int) -> list[int]:
    """Ages for a small group (the ring's victims) with the same share of 19-22 as everyone else.

    Drawing eight ages independently often gives none or most under 23 by chance, which would make the
    myth cue look predictive (or reversed) in one world; stratifying keeps it a myth in every world.
    """
    young = [a for a in STATED_AGES if a <= 22]
    older = [a for a in STATED_AGES if a > 22]
    k = round(n * len(young) / len(STATED_AGES))
    ages = [rng.choice(young) for _ in range(k)] + [rng.choice(older) for _ in range(n - k)]
    rng.shuffle(ages)
    return ages


def reposts(rng: random.Random, start: datetime, end: datetime, count: int, gap: tuple[int, int]) -> list[datetime]:
    """Posting times: the first posting, then reposts every few days, evenings weighted."""
    times, t = [], start
    for _ in range(count):
        if t >= end:
            break
        hour = rng.choice([10, 12, 14, 16, 18, 19, 20, 21, 22, 23])
        times.append(t.replace(hour=hour, minute=rng.randrange(0, 60, 5)))
        t += timedelta(days=rng.randint(*gap), hours=rng.randint(0, 12))
    return times


def spread(rng: random.Random, start: datetime, end: datetime, count: int) -> list[datetime]:
    """``count`` posting times inside one stay: a first posting on arrival, then bumps, sometimes twice a day."""
    span = max(1, (end - start).days)
    days = sorted([0] + [rng.randrange(span) for _ in range(count - 1)])
    return [(start + timedelta(days=d)).replace(hour=rng.choice([10, 12, 14, 16, 18, 19, 20, 21, 22, 23]),
                                                minute=rng.randrange(0, 60, 5)) for d in days]


def edits(rng: random.Random, city: str, cues: Indicators) -> tuple[str, str]:
    """The small edits of one copy: maybe a bump line in front, maybe a site-wide phrase at the end."""
    bump = T.maybe(rng, cues.bump_line, rng.choice(T.BUMPS).format(city=city) + " ")
    common = T.maybe(rng, cues.site_phrase, " " + rng.choice(T.SITE_COMMON))
    return bump, common


class AdBuilder:
    """Holds the shared context of one world's ad generation."""

    def __init__(self, streams: Streams, preset: Preset, epoch: datetime, people: list[Person]) -> None:
        self.rng = streams.get("ads")
        self.preset = preset
        self.epoch = epoch
        self.end = epoch + timedelta(days=preset.days)
        self.people = {p.person_id: p for p in people}
        self.drafts: list[Draft] = []

    def when(self, lo_days: int = 0) -> datetime:
        return self.epoch + timedelta(days=self.rng.randint(lo_days, max(lo_days, self.preset.days - 10)))

    def add(self, **fields) -> None:
        self.drafts.append(Draft(**fields))

    # ---- personal services -------------------------------------------------------------------
    def independent(self, person: Person) -> None:
        """A benign independent advertiser: own phone, own words, own name; sometimes tours."""
        rng = self.rng
        name = rng.choice([person.given_name, rng.choice(T.WORKING_NAMES)]) if person.locale != "uk_UA" \
            else rng.choice(T.WORKING_NAMES)
        age = stated_age(rng)
        home = CITY_BY_SLUG[person.home_city]
        city = home if rng.random() < 0.6 else rng.choices(CITIES, [c.weight for c in CITIES])[0]
        style = rng.choice(PHONE_STYLES)
        opener = rng.choice(T.OPENERS)
        about = T.pick_some(rng, T.ABOUT, 2)
        service = rng.choice(T.SERVICES)
        closer = rng.choice(T.CLOSERS)
        cues = self.preset.indicators
        trust = T.maybe(rng, cues.trust_benign, rng.choice(T.TRUST) + ". ")
        youth = T.maybe(rng, cues.youth_benign, f"I am {rng.choice(T.YOUTH)}. ")
        nationality = T.maybe(rng, cues.nationality_benign, f"{NATIONALITY[person.locale]} lady. ")
        low, high = HOURLY[city.country]
        rate = rng.randrange(low, high, 10)
        email = person.email if rng.random() < 0.3 else None
        count = rng.randint(*self.preset.ads_per_independent)
        for posted in reposts(rng, self.when(), self.end, count, (2, 9)):
            bump, common = edits(rng, city.name, cues)
            if rng.random() < cues.repost_price_change:  # now and then a repost changes the price
                rate = min(high, max(low, rate + rng.choice([-20, -10, 10, 20])))
            new = T.maybe(rng, cues.new_in_town, rng.choice(T.NEW_IN_TOWN).format(city=city.name) + " ")
            screening = T.maybe(rng, cues.screening, rng.choice(T.SCREENING) + " ")
            body = (f"{bump}{opener.format(name=name, city=city.name)} {new}{nationality}{youth}{trust}"
                    f"{about[0]} {about[1]} Offering {service}. {screening}{closer}{common}")
            self.add(category="personal-services", city=city.slug,
                     title=f"{name}, {age} — {service} in {city.name}", body=" ".join(body.split()),
                     display_name=name, age=age, price=f"{money(city.country, rate)} / hour",
                     phone=person.phone, phone_style=style if rng.random() < 0.7 else rng.choice(PHONE_STYLES),
                     email=email, messenger=None, posted_at=posted, poster=person.person_id,
                     advertised=person.person_id, operation=None)

    def ring(self, ring: Operation) -> None:
        """The ring's ads: controllers post for their victims from a template, one phone each."""
        rng = self.rng
        cues = self.preset.indicators
        victims = list(ring.victims)
        names = rng.sample(list(T.WORKING_NAMES), len(victims))
        templates = rng.sample(list(T.RING_TEMPLATES), k=min(len(T.RING_TEMPLATES), len(ring.controllers)))
        ages = stated_ages_for(rng, len(victims))
        # Each controller writes the same youth and trust phrases for all of his victims: template text.
        phrases = {c: (rng.choice(T.YOUTH), rng.choice(T.TRUST)) for c in ring.controllers}
        for i, victim_id in enumerate(victims):
            c = i % len(ring.controllers)
            controller, phone = ring.controllers[c], ring.phones[c]
            template = templates[c % len(templates)]
            victim = self.people[victim_id]
            age = ages[i]
            service = rng.choice(T.SERVICES)
            youth, trust = phrases[controller]
            nationality = NATIONALITY[victim.locale]
            stays = self._circuit(ring.cities)
            for city_slug, arrive, leave in stays:
                city = CITY_BY_SLUG[city_slug]
                low, high = HOURLY[city.country]
                rate = rng.randrange(low, high, 10)
                copies = spread(rng, arrive, leave, rng.randint(*self.preset.ads_per_victim_stay))
                for posted in copies:
                    bump, common = edits(rng, city.name, cues)
                    if rng.random() < cues.repost_price_change:
                        rate = min(high, max(low, rate + rng.choice([-20, -10, 10, 20])))
                    body = bump + template.format(
                        name=names[i], age=age, nationality=nationality, youth=youth, trust=trust,
                        new=T.maybe(rng, cues.new_in_town, rng.choice(T.NEW_IN_TOWN).format(city=city.name) + " "),
                        service=service, Service=service.capitalize(), city=city.name,
                        country=COUNTRY_NAME[victim.country].replace("the ", ""),
                        screening=T.maybe(rng, cues.screening, rng.choice(T.SCREENING)),
                        phone=write_phone(phone, rng.choice(PHONE_STYLES), city.country)) + common
                    self.add(category="personal-services", city=city.slug,
                             title=f"{names[i]}, {age} — {service} in {city.name}", body=" ".join(body.split()),
                             display_name=names[i], age=age, price=f"{money(city.country, rate)} / hour",
                             phone=phone, phone_style=rng.choice(PHONE_STYLES), email=None, messenger=None,
                             posted_at=posted,
                             poster=controller, advertised=victim_id, operation=SEX_OP)

    def _circuit(self, cities: tuple[str, ...]) -> list[tuple[str, datetime, datetime]]:
        """Stays of one to three weeks, hub first, then other circuit cities, back to the hub now and then."""
        rng = self.rng
        t = self.epoch + timedelta(days=rng.randint(0, 14))
        stays, order = [], [cities[0]] + rng.sample(list(cities[1:]), len(cities) - 1)
        k = 0
        while t < self.end - timedelta(days=5):
            city = order[k % len(order)]
            stay = timedelta(days=rng.randint(8, 21))
            stays.append((city, t, min(t + stay, self.end)))
            t += stay + timedelta(days=rng.randint(0, 3))
            k += 1
        return stays

    # ---- jobs and travel -----------------------------------------------------------------------
    def employer(self, person: Person, business: Business) -> None:
        rng = self.rng
        city = CITY_BY_SLUG[business.city]
        domain = ascii_fold(business.name).lower()
        domain = "".join(ch for ch in domain if ch.isalnum())[:24] + ".example"
        for _ in range(rng.randint(*self.preset.ads_per_employer)):
            j = rng.randrange(len(T.JOB_TITLES))
            job, duty = T.JOB_TITLES[j], T.JOB_DUTIES[j]
            extras = T.pick_some(rng, T.HONEST_EXTRAS, rng.randint(1, 3))
            monthly = MONTHLY[city.country]
            pay = money(city.country, int(monthly * rng.uniform(0.9, 1.3)) // 10 * 10)
            where = city.name
            if business.abroad:
                country = rng.choice([c for c in ("DE", "NL", "GB") if c != city.country])
                where = COUNTRY_NAME[country]
                extras.append(f"Licensed agency, registration no. {rng.randint(10000, 99999)}. "
                              "We never charge candidates any fee.")
            body = (f"{business.name} is hiring: {job.lower()} in {where}. {duty} Pay {pay} per month gross. "
                    + " ".join(extras) + f" Apply by phone or e-mail jobs@{domain}.")
            for posted in reposts(rng, self.when(), self.end, rng.randint(1, 3), (7, 20)):
                self.add(category="jobs", city=city.slug, title=f"{job} — {business.name}, {where}",
                         body=body, display_name=business.name, age=None, price=f"{pay} / month",
                         phone=business.phone, phone_style=rng.choice(PHONE_STYLES), email=f"jobs@{domain}",
                         messenger=None, posted_at=posted, poster=person.person_id, advertised=None,
                         operation=None)

    def recruiter(self, person: Person, labour: Operation, phone: str) -> None:
        """Fake job and travel offers: high pay, no experience, fee up front, messenger only."""
        rng = self.rng
        handle = f"@{labour.front.split()[0].lower()}_{rng.choice(['jobs', 'work', 'hr'])}{rng.randint(1, 99)}"
        messenger = f"Telegram {handle}"
        origin_cities = [c for c in CITIES if c.country in ("UA", "RO", "PL")]
        for posted in reposts(rng, self.when(), self.end, rng.randint(*self.preset.ads_per_recruiter), (3, 9)):
            city = rng.choice(origin_cities)
            country = rng.choice(["DE", "NL", "GB"])
            j = rng.randrange(len(T.JOB_TITLES))
            pay = money("DE", rng.randrange(2600, 3600, 100))
            fee = money("DE", rng.randrange(250, 600, 50))
            if rng.random() < 0.75:
                body = rng.choice(T.RECRUIT_TEMPLATES).format(
                    country_upper=COUNTRY_NAME[country].replace("the ", "").upper(),
                    country=COUNTRY_NAME[country].replace("the ", ""), job=T.JOB_TITLES[j], pay=pay, fee=fee,
                    messenger=messenger)
                self.add(category="jobs", city=city.slug, title=f"{T.JOB_TITLES[j]} in {COUNTRY_NAME[country]} — "
                         f"{pay}/month, housing free", body=body, display_name=labour.front, age=None,
                         price=f"{pay} / month", phone=phone, phone_style=rng.choice(PHONE_STYLES), email=None,
                         messenger=messenger, posted_at=posted, poster=person.person_id, advertised=None,
                         operation=LABOUR_OP)
            else:
                body = (f"Free travel to {COUNTRY_NAME[country]} for workers with a job offer from "
                        f"{labour.front}. We buy the tickets and arrange the papers, you pay later from your "
                        f"salary. Departures every week from {city.name}. Write {messenger}.")
                self.add(category="travel", city=city.slug, title=f"Free trip to {COUNTRY_NAME[country]} for workers",
                         body=body, display_name=labour.front, age=None, price="free (repaid later)", phone=phone,
                         phone_style=rng.choice(PHONE_STYLES), email=None, messenger=messenger, posted_at=posted,
                         poster=person.person_id, advertised=None, operation=LABOUR_OP)

    def travel_agent(self, person: Person, business: Business) -> None:
        rng = self.rng
        city = CITY_BY_SLUG[business.city]
        destinations = [c for c in CITIES if c.slug != city.slug]
        domain = "".join(ch for ch in ascii_fold(business.name).lower() if ch.isalnum())[:24] + ".example"
        for _ in range(rng.randint(*self.preset.ads_per_travel_agent)):
            to = rng.choice(destinations)
            kind = rng.choice(T.TRAVEL_ROUTES)
            there = COUNTRIES[city.country]
            fare = money(city.country, there.fare + rng.randrange(0, 60) * there.fare_step)
            days = rng.choice(["daily", "Mon/Wed/Fri", "every Saturday"])
            body = (f"{business.name}: {kind} {city.name} → {to.name}. Departures {days} "
                    f"at {rng.randint(6, 22):02d}:{rng.choice(['00', '30'])}. Fare {fare}, luggage included. "
                    f"Tickets at our office, by phone or bookings@{domain}.")
            posted = reposts(rng, self.when(), self.end, 1, (1, 1))[0]
            title = f"{kind.capitalize()} {city.name} – {to.name}, from {fare}"
            self.add(category="travel", city=city.slug, title=title, body=body, display_name=business.name,
                     age=None, price=f"from {fare}", phone=business.phone,
                     phone_style=rng.choice(PHONE_STYLES), email=f"bookings@{domain}", messenger=None,
                     posted_at=posted, poster=person.person_id, advertised=None, operation=None)

    def volunteer(self, person: Person) -> None:
        """A genuine volunteer: free rides and help for refugees — the look-alike of phony travel offers."""
        rng = self.rng
        home = CITY_BY_SLUG[person.home_city]
        to = rng.choice([c for c in CITIES if c.country in ("PL", "DE") and c.slug != home.slug])
        body = (f"Volunteer driver, free rides from {home.name} to {to.name} for families fleeing the war. "
                f"No payment, no documents needed from you, children and pets welcome. I can also help with "
                f"finding the refugee reception point. Call or text {person.given_name}.")
        for posted in reposts(rng, self.when(), self.end, rng.randint(1, 3), (5, 15)):
            self.add(category="travel", city=home.slug, title=f"Free rides {home.name} – {to.name} for refugees",
                     body=body, display_name=person.given_name, age=None, price="free", phone=person.phone,
                     phone_style=rng.choice(PHONE_STYLES), email=person.email, messenger=None, posted_at=posted,
                     poster=person.person_id, advertised=None, operation=None)


def build_ads(streams: Streams, preset: Preset, epoch: datetime, people: list[Person],
              operations: list[Operation], businesses: dict[str, Business]) -> list[Ad]:
    """All ads of the world with ids in posting order."""
    builder = AdBuilder(streams, preset, epoch, people)
    ops = {o.operation_id: o for o in operations}
    for person in sorted(people, key=lambda p: p.person_id):
        if person.role == "independent_advertiser":
            builder.independent(person)
        elif person.role == "employer":
            builder.employer(person, businesses[person.person_id])
        elif person.role == "travel_agent":
            builder.travel_agent(person, businesses[person.person_id])
        elif person.role == "volunteer":
            builder.volunteer(person)
        elif person.role == "recruiter":
            labour = ops[LABOUR_OP]
            builder.recruiter(person, labour, labour.phones[labour.recruiters.index(person.person_id)])
    builder.ring(ops[SEX_OP])
    drafts = builder.drafts
    # Ids follow posting time; ties are broken by a shuffle so generation order leaks nothing.
    tiebreak = list(range(len(drafts)))
    streams.get("ad-ids").shuffle(tiebreak)
    order = sorted(range(len(drafts)), key=lambda i: (drafts[i].posted_at, tiebreak[i]))
    return [_finish(drafts[i], ad_id) for ad_id, i in enumerate(order, start=1)]


def _finish(d: Draft, ad_id: int) -> Ad:
    return Ad(ad_id=ad_id, site=SITE, category=d.category, city=d.city, title=d.title, body=d.body,
              display_name=d.display_name, age=d.age, price=d.price,
              phone_text=write_phone(d.phone, d.phone_style, CITY_BY_SLUG[d.city].country),
              contact_phone=d.phone, email=d.email, messenger=d.messenger, posted_at=d.posted_at, poster=d.poster,
              advertised=d.advertised, operation=d.operation)
