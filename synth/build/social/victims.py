"""The accounts a controller keeps for the women he advertises (indicator: "several victim profiles run
on one schedule from one place; a boss account linked to them by friendship").

Opened on one day, friends with his personal account and with each other, posting the same lines at
the same minutes in his time zone; they and his own account check in along the circuit where the
ring's ads appear. Draws come from the "social-victims" stream.
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from synth.build.network import SEX_OP
from synth.build.social.builder import AccountDraft, SocialBuilder
from synth.build.social.personas import Persona, at_local
from synth.vocab.chatter import HOTELS, SCHEDULED
from synth.vocab.places import CITY_BY_SLUG
from synth.vocab.platforms import CIRCLE


def add_victim_accounts(b: SocialBuilder) -> None:
    rng = b.streams.get("social-victims")
    personas = {p.person.person_id: p for p in b.personas}
    _victims(b, rng, b.ops[SEX_OP], personas)


def stays_of(b: SocialBuilder, victim: str) -> list[tuple[str, datetime]]:
    """(city, arrival) of each stay of a woman the ring advertises, read from its ads."""
    out: list[tuple[str, datetime]] = []
    for ad in sorted((a for a in b.ads if a.advertised == victim), key=lambda a: a.posted_at):
        if not out or out[-1][0] != ad.city:
            out.append((ad.city, ad.posted_at))
    return out


def _victims(b: SocialBuilder, rng: random.Random, ring, personas: dict[str, Persona]) -> None:
    """Accounts a controller runs for the women he advertises: one day, one schedule, one place."""
    for c, controller in enumerate(ring.controllers):
        boss = personas[controller]
        mains = b.of(boss, CIRCLE)
        batch = b.epoch - timedelta(days=rng.randint(5, 40))
        days = sorted(rng.sample(range(b.preset.days), min(b.preset.days, rng.randint(6, 12))))
        schedule = [(at_local(boss.country, b.epoch + timedelta(days=d), rng.choice(boss.hours), rng.randrange(60)),
                     rng.choice(SCHEDULED)) for d in days]
        kept: list[AccountDraft] = []
        for i, victim in enumerate(v for k, v in enumerate(ring.victims) if k % len(ring.controllers) == c):
            persona = personas[victim]
            name = next((a.display_name for a in b.ads if a.advertised == victim), "Mila")
            plain = re.sub(r"[^a-z]", "", name.lower()) or "mila"
            account = b.open(persona, CIRCLE, f"{plain}.{rng.choice(['travels', 'life', 'official', 'world'])}",
                             name, boss.when(rng, batch) + timedelta(minutes=7 * i), rng)
            account.bio = rng.choice(["✨ travelling ✨", "🌸 new places, new people", "✈️ city by city"])
            for other in mains + kept:
                b.befriend(other, account, account.created_at + timedelta(hours=rng.randint(1, 3)))
            kept.append(account)
            for when, line in schedule:
                b.post(account, line, "en", when + timedelta(minutes=rng.randint(0, 2)), "chatter")
            for city, arrival in stays_of(b, victim):
                if rng.random() < 0.5:
                    b.checkins.append((account, f"{rng.choice(HOTELS)}, {CITY_BY_SLUG[city].name}", city,
                                       arrival + timedelta(hours=rng.randint(1, 12))))
                if mains and rng.random() < 0.6:
                    b.checkins.append((mains[0], f"{rng.choice(HOTELS)}, {CITY_BY_SLUG[city].name}", city,
                                       arrival - timedelta(hours=rng.randint(1, 10))))
