"""Circle's groups and who is in them: a job board per city, refugee-help groups, community groups.

Refugee-help groups were opened in the spring of 2022 in the cities people fled to and from; their
members are people who fled or may flee, volunteers, NGOs, honest employers — and the people the
operations send their offers to. Draws come from the "social-groups" stream.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from synth.build.social.builder import AccountDraft, GroupDraft, SocialBuilder
from synth.vocab.chatter import GROUP_ABOUT, GROUP_NAMES, city_name
from synth.vocab.places import CITIES, CITY_BY_SLUG, country_field
from synth.vocab.platforms import CIRCLE

JOB_LANGS = country_field(lambda c: c.job_languages)  # synth/presets/places.toml
NAME_LANG = country_field(lambda c: c.group_language)
REFUGEE_CITIES = ("warsaw", "krakow", "wroclaw", "bucharest", "cluj-napoca", "lviv", "kyiv", "london", "berlin",
                  "amsterdam")


def _when(rng: random.Random, start: datetime, days: int) -> datetime:
    return start + timedelta(days=rng.randrange(days), hours=rng.randint(8, 21), minutes=rng.randrange(60))


def build_groups(b: SocialBuilder) -> None:
    rng = b.streams.get("social-groups")
    for city in CITIES:
        lang = NAME_LANG[city.country]
        b.groups.append(GroupDraft(GROUP_NAMES["jobs"][lang].format(city=city_name(city.slug, lang)), city.slug, "jobs",
                                   GROUP_ABOUT["jobs"].format(city=city.name),
                                   _when(rng, datetime(2015, 1, 1, tzinfo=timezone.utc), 2500),
                                   JOB_LANGS[city.country]))
    refugee = list(REFUGEE_CITIES)
    if b.preset.social.online < 100:
        refugee = [refugee[i] for i in sorted(rng.sample(range(len(refugee)), 5))]
    for slug in refugee:
        city = CITY_BY_SLUG[slug]
        langs = ("uk", "ru") if city.country == "UA" else (NAME_LANG[city.country], "uk", "ru")
        lang = NAME_LANG[city.country]
        b.groups.append(GroupDraft(GROUP_NAMES["refugee-help"][lang].format(city=city_name(slug, lang)),
                                   slug, "refugee-help", GROUP_ABOUT["refugee-help"],
                                   _when(rng, datetime(2022, 2, 24, tzinfo=timezone.utc), 90), langs))
    homes = [p.city for p in b.personas if p.kind == "ordinary"]
    names = list(GROUP_NAMES["community"])
    used: set[str] = set()
    for _ in range(b.preset.social.community_groups):
        city = CITY_BY_SLUG[rng.choice(homes)]
        name = rng.choice(names).format(city=city.name)
        if name in used:
            continue
        used.add(name)
        b.groups.append(GroupDraft(name, city.slug, "community", GROUP_ABOUT["community"].format(city=city.name),
                                   _when(rng, datetime(2014, 1, 1, tzinfo=timezone.utc), 3000),
                                   (NAME_LANG[city.country], "en")))
    for persona in b.personas:
        for account in b.of(persona, CIRCLE):
            join_usual_groups(b, rng, account)


def groups_of(b: SocialBuilder, kind: str, city: str | None = None,
              countries: tuple[str, ...] = ()) -> list[GroupDraft]:
    return [g for g in b.groups if g.kind == kind and (city is None or g.city == city)
            and (not countries or CITY_BY_SLUG[g.city].country in countries)]


def join_usual_groups(b: SocialBuilder, rng: random.Random, account: AccountDraft) -> None:
    """The groups a persona's established Circle account is in, by what kind of persona it is."""
    persona = account.persona
    home = persona.city
    country = CITY_BY_SLUG[home].country
    lo = max(account.created_at, b.epoch - timedelta(days=900))
    span = max(1, (b.epoch + timedelta(days=b.preset.days // 2) - lo).days)

    def join(groups: list[GroupDraft], k: int | None = None) -> None:
        picks = groups if k is None else rng.sample(groups, min(k, len(groups)))
        for g in picks:
            b.join(g, account, lo + timedelta(days=rng.randrange(span), minutes=rng.randrange(1440)))

    refugee_abroad = [g for g in groups_of(b, "refugee-help") if CITY_BY_SLUG[g.city].country != "UA"]
    kind = persona.kind
    if kind in ("ordinary", "recruiter", "controller", "organiser"):
        if rng.random() < 0.35:
            join(groups_of(b, "jobs", home))
        local = groups_of(b, "community", home)
        join(local, rng.randint(1, 2) if local else 0)
        if persona.lang in ("uk", "ru") and rng.random() < 0.55:
            join(refugee_abroad, rng.randint(1, 2))
        elif rng.random() < 0.1:
            join(groups_of(b, "refugee-help", home))
    elif kind == "volunteer":
        mine = groups_of(b, "refugee-help", home) or groups_of(b, "refugee-help", countries=(country,))
        join(mine)
        join(groups_of(b, "refugee-help"), rng.randint(1, 3))
        if rng.random() < 0.3:
            join(groups_of(b, "jobs", home))
    elif kind == "employer":
        join(groups_of(b, "jobs", home))
        if rng.random() < 0.35:
            join(groups_of(b, "refugee-help", countries=(country,)), 1)
    elif kind == "agency":
        join(groups_of(b, "jobs", countries=("UA", "PL", "RO")), rng.randint(3, 6))
        join(refugee_abroad, rng.randint(1, 2))
    elif kind == "travel":
        join(groups_of(b, "jobs", home))
        join(groups_of(b, "refugee-help"), rng.randint(1, 2))
    elif kind == "ngo":
        join(groups_of(b, "refugee-help"))
        join(groups_of(b, "jobs"), 3)
