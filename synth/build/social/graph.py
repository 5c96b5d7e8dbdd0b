"""Who follows whom on Chirp and who is friends with whom on Circle.

Benign ties cluster by city and language, and a few accounts (NGOs, employers, volunteers) draw many
followers. The operations' established accounts are friends with, and follow, each other and their
organiser: the leak that lets an investigator grow one account into a network. Each benign
account is tied to the accounts of at most one operation member, as acquaintances from home are.
Campaign accounts and victims' accounts get their few ties in synth.build.social.campaigns.
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from datetime import timedelta
from itertools import accumulate

from synth.build.social.builder import AccountDraft, SocialBuilder
from synth.build.social.personas import CRIMINAL
from synth.vocab.platforms import CHIRP, CIRCLE

POPULARITY = {"ngo": 14, "agency": 4, "employer": 3, "volunteer": 3, "travel": 3}


def _degree(rng: random.Random, mu: float, cap: int) -> int:
    return max(1, min(cap, int(rng.lognormvariate(mu, 0.7))))


def _since(rng: random.Random, b: SocialBuilder, a: AccountDraft, c: AccountDraft):
    lo = max(a.created_at, c.created_at)
    span = max(1, (b.end - lo).days * 2 // 3)
    return lo + timedelta(days=rng.randrange(span), minutes=rng.randrange(1440))


def build_graph(b: SocialBuilder) -> None:
    rng = b.streams.get("social-graph")
    for platform in (CIRCLE, CHIRP):
        accounts = [a for a in b.accounts if a.platform == platform]
        benign = [a for a in accounts if a.persona.kind not in CRIMINAL]
        criminal = [a for a in accounts if a.persona.kind in CRIMINAL]
        tie = b.befriend if platform == CIRCLE else b.follow
        by_city: dict[str, list[AccountDraft]] = defaultdict(list)
        by_lang: dict[str, list[AccountDraft]] = defaultdict(list)
        for a in benign:
            by_city[a.persona.city].append(a)
            by_lang[a.persona.lang].append(a)
        weights = list(accumulate(POPULARITY.get(a.persona.kind, 1) for a in benign))
        for a in benign:
            k = _degree(rng, 1.6 if platform == CIRCLE else 2.0, 40 if platform == CIRCLE else 80)
            local = by_city[a.persona.city] if platform == CIRCLE else by_lang[a.persona.lang]
            picks = [rng.choice(local) for _ in range(k)] if rng.random() < 0.7 else \
                rng.choices(benign, cum_weights=weights, k=k)
            for other in picks:
                tie(a, other, _since(rng, b, a, other))
                if platform == CHIRP and rng.random() < 0.3:
                    tie(other, a, _since(rng, b, other, a))
        _criminal_ties(b, rng, criminal, by_city, benign, tie)


def _criminal_ties(b: SocialBuilder, rng: random.Random, criminal: list[AccountDraft],
                   by_city: dict[str, list[AccountDraft]], benign: list[AccountDraft], tie) -> None:
    """Members' accounts tie to each other and to their organiser; each has some ties to people from home."""
    by_op: dict[str, list[AccountDraft]] = defaultdict(list)
    for a in criminal:
        by_op[a.persona.operation].append(a)
    for members in by_op.values():
        for a, c in itertools.permutations(members, 2):
            if a.persona is c.persona:
                continue
            boss = "organiser" in (a.persona.kind, c.persona.kind)
            if boss or rng.random() < b.cues.criminal_link:
                tie(a, c, _since(rng, b, a, c))
    tied = b.tied  # benign accounts already tied to one member
    for a in criminal:
        pool = [x for x in by_city.get(a.persona.city, []) if x not in tied] or \
            [x for x in benign if x not in tied]
        for other in rng.sample(pool, min(len(pool), rng.randint(4, 18))):
            tied.add(other)
            if a.platform == CIRCLE or rng.random() < 0.5:
                tie(a, other, _since(rng, b, a, other))
            if a.platform == CHIRP and rng.random() < 0.4:
                tie(other, a, _since(rng, b, other, a))
