"""build_listings: the same offers again on the directory (Companions) and the job board (WorkAbroad).

Advertisers post on several sites; investigators link them back together. Here each advertised
person's stay in a city becomes a directory profile (bumped while she is there), and job and travel
offers are reposted on the job board, in the language of the city, with contact selectors written
the way real ads write them. The ring obscures its phones and writes from one template per
controller in every language, with slightly different Latin spellings of the same working name; a
benign agency's shared booking line joins many unrelated advertisers into one false cluster.
Draws come from their own streams, so QuickAds is unchanged by anything done here.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from synth.build.network import LABOUR_OP, SEX_OP, Business
from synth.config import Indicators
from synth.streams import Streams
from synth.vocab import langtext as L
from synth.vocab.places import CITIES, CITY_BY_SLUG, COUNTRY_NAME
from synth.vocab.safety import PhoneAllocator
from synth.vocab.selectors import PHONE_STYLES, canonical_handle, handle_text, obscured_email, obscured_phone
from synth.world.model import Ad, Listing, Operation, Person

OBSCURED = PHONE_STYLES[1:]


def _lang(rng: random.Random, country: str) -> str:
    return rng.choice(L.CITY_LANGUAGE[country])


def _shown_name(rng: random.Random, name: str, lang: str, drift: bool) -> str:
    """The working name as this site shows it: Cyrillic for uk/ru, maybe another Latin spelling."""
    if lang in ("uk", "ru") and name in L.CYRILLIC_NAMES:
        return L.CYRILLIC_NAMES[name]
    if drift and name in L.NAME_VARIANTS:
        return rng.choice(L.NAME_VARIANTS[name])
    return name


def _phone(rng: random.Random, e164: str, obscure_rate: float, lang: str, country: str) -> str:
    style = rng.choice(OBSCURED) if rng.random() < obscure_rate else "plain"
    return obscured_phone(e164, style, rng, lang, country)


class ListingBuilder:
    def __init__(self, streams: Streams, people: list[Person], operations: list[Operation],
                 businesses: dict[str, Business], ads: list[Ad], cues: Indicators) -> None:
        self.streams = streams
        self.cues = cues
        self.people = {p.person_id: p for p in people}
        self.ops = {o.operation_id: o for o in operations}
        self.businesses = businesses
        self.ads = ads
        self.drafts: list[dict] = []

    def profiles(self) -> None:
        rng = self.streams.get("companions")
        ring = self.ops[SEX_OP]
        stays: dict[tuple[str, str], list[Ad]] = defaultdict(list)
        for ad in self.ads:
            if ad.category == "personal-services" and ad.advertised:
                stays[(ad.advertised, ad.city)].append(ad)
        # The benign agency with one booking line for many unrelated advertisers.
        # In one of the ring's cities, so that linking on phones alone meets the false cluster in every world.
        agency_city = CITY_BY_SLUG[rng.choice(sorted(ring.cities))]
        taken = [p.phone for p in self.people.values()] + [n for o in self.ops.values() for n in o.phones] + \
            [b.phone for b in self.businesses.values()]
        agency_phone = PhoneAllocator(self.streams.get("switchboard-phones"), taken).allocate(agency_city.country)
        handles = {c: f"{rng.choice(['vip', 'lux', 'elite', 'angels'])}_{CITY_BY_SLUG[ring.cities[0]].slug[:3]}"
                      f"{rng.randint(10, 99)}" for c in ring.controllers}
        for (person_id, city_slug), group in sorted(stays.items()):
            first = min(group, key=lambda a: a.posted_at)
            criminal = first.operation == SEX_OP
            switchboard = (not criminal and city_slug == agency_city.slug
                           and rng.random() < self.cues.switchboard_share)
            if not criminal and not switchboard and rng.random() > self.cues.benign_crosspost:
                continue
            city = CITY_BY_SLUG[city_slug]
            lang = _lang(rng, city.country)
            person = self.people[person_id]
            name = _shown_name(rng, first.display_name, lang, drift=criminal)
            service = rng.choice(L.SERVICE[lang])
            phones, emails, hands = [first.contact_phone], [], []
            if switchboard:
                phones = [agency_phone]
                contact = L.SWITCHBOARD[lang].format(contact=_phone(rng, agency_phone, 0.1, lang, city.country))
            elif criminal:
                controller = first.poster
                handle = handles[controller]
                hands.append(canonical_handle("telegram", handle))
                contact = _phone(rng, first.contact_phone, self.cues.obscured_phone_ring, lang, city.country)
                contact += " · " + handle_text("telegram", handle, rng)
            else:
                contact = _phone(rng, first.contact_phone, self.cues.obscured_phone_benign, lang, city.country)
                if rng.random() < 0.3:
                    emails.append(person.email)
                    contact += " · " + obscured_email(person.email, rng)
            cues = {"new": L.NEW_IN_TOWN[lang] if rng.random() < self.cues.new_in_town else ""}
            if criminal:
                c = ring.controllers.index(first.poster)
                template = L.RING[lang][c % len(L.RING[lang])]
                text = template.format(
                    name=name, age=first.age, nationality=L.NATIONALITY[lang][person.locale], youth=L.YOUTH[lang],
                    trust=L.TRUST[lang], service=service.capitalize(), city=city.name, contact=contact, **cues)
            else:
                openers, abouts, whens, contact_line = L.BENIGN[lang]
                opener, about, when = rng.choice(openers), rng.choice(abouts), rng.choice(whens)
                extras = [L.TRUST[lang]] if rng.random() < self.cues.trust_benign else []
                if rng.random() < self.cues.nationality_benign:
                    extras.append(L.NATIONALITY[lang][person.locale] + ".")
                text = " ".join([opener.format(name=name, city=city.name), cues["new"], about, *extras,
                                 service.capitalize() + ".", when, contact_line.format(contact=contact)])
            stated = (L.NATIONALITY["en"][person.locale]
                      if criminal or rng.random() < self.cues.nationality_benign else None)
            self.drafts.append(dict(
                site="companions", kind="profile", city=city_slug, title=f"{name} · {service}",
                text=" ".join(text.split()), contact=contact, name=name, language=lang,
                posted_at=first.posted_at - timedelta(hours=rng.randint(1, 30)),
                bumped_at=max(a.posted_at for a in group), poster=first.poster, advertised=person_id,
                operation=first.operation, phones=tuple(phones), emails=tuple(emails), handles=tuple(hands),
                age=first.age, nationality=stated, rate=first.price))

    def board(self) -> None:
        rng = self.streams.get("jobboard")
        seen: set[tuple[str, str]] = set()
        for ad in self.ads:
            if ad.category not in ("jobs", "travel") or (ad.poster, ad.title) in seen:
                continue
            seen.add((ad.poster, ad.title))
            person = self.people[ad.poster]
            criminal = ad.operation == LABOUR_OP
            if not criminal and rng.random() > 0.5:
                continue
            city = CITY_BY_SLUG[ad.city]
            lang = _lang(rng, city.country) if criminal or rng.random() < 0.7 else "en"
            phones, hands, emails = [ad.contact_phone], [], []
            if criminal:
                handle = ad.messenger.split("@", 1)[1] if ad.messenger and "@" in ad.messenger else person.usernames[0]
                hands.append(canonical_handle("telegram", handle))
                contact = handle_text("telegram", handle, rng) + " / " + _phone(
                    rng, ad.contact_phone, self.cues.obscured_phone_recruiter, lang, city.country)
                country = rng.choice(["DE", "NL", "GB"])
                job = ad.title.split(" in ")[0]
                text = L.JOB_RECRUIT[lang].format(country=COUNTRY_NAME[country].replace("the ", ""), job=job,
                                                  pay=ad.price.split(" / ")[0], fee=f"€{rng.randrange(250, 600, 50)}",
                                                  contact=contact)
                kind, work_country = ("job" if ad.category == "jobs" else "travel"), country
            else:
                contact = _phone(rng, ad.contact_phone, 0.05, lang, city.country)
                if ad.email:
                    emails.append(ad.email)
                    contact += ", " + ad.email
                kind = "job" if ad.category == "jobs" else "travel"
                work_country = city.country
                if person.role == "volunteer":
                    to = rng.choice([c for c in CITIES if c.country in ("PL", "DE") and c.slug != city.slug])
                    text = L.VOLUNTEER[lang].format(city=city.name, to=to.name, contact=contact)
                elif kind == "job":
                    business = self.businesses[person.person_id]
                    text = L.JOB_HONEST[lang].format(company=business.name, job=ad.title.split(" — ")[0].lower(),
                                                     city=city.name, pay=ad.price.split(" / ")[0],
                                                     extra=rng.choice(L.HONEST_EXTRA[lang]), contact=contact)
                else:  # travel agencies write in English for an international public
                    lang = "en"
                    text = f"{ad.body} {contact}"
            self.drafts.append(dict(
                site="jobboard", kind=kind, city=ad.city, title=ad.title, text=" ".join(text.split()), contact=contact,
                name=ad.display_name, language=lang, posted_at=ad.posted_at + timedelta(hours=rng.randint(1, 48)),
                bumped_at=None, poster=ad.poster, advertised=None, operation=ad.operation, phones=tuple(phones),
                emails=tuple(emails), handles=tuple(hands), work_country=work_country, rate=ad.price))

    def finish(self) -> list[Listing]:
        """Ids per site in order of posting time (ties broken by a shuffle)."""
        out: list[Listing] = []
        for site in ("companions", "jobboard"):
            drafts = [d for d in self.drafts if d["site"] == site]
            tiebreak = list(range(len(drafts)))
            self.streams.get(f"{site}-ids").shuffle(tiebreak)
            order = sorted(range(len(drafts)), key=lambda i: (drafts[i]["posted_at"], tiebreak[i]))
            out += [Listing(listing_id=n, **drafts[i]) for n, i in enumerate(order, start=1)]
        return out


def build_listings(streams: Streams, people: list[Person], operations: list[Operation],
                   businesses: dict[str, Business], ads: list[Ad], cues: Indicators) -> list[Listing]:
    builder = ListingBuilder(streams, people, operations, businesses, ads, cues)
    builder.profiles()
    builder.board()
    return builder.finish()
