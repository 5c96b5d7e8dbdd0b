"""What everyone else posts: chatter, questions, honest job offers, volunteers' help, NGO warnings.

These are the hard negatives of module 04. Honest employers post job offers (some with housing, "no
experience" or "urgent"), licensed agencies cross-post one offer in several job boards and languages,
volunteers offer free rides (some only through a messaging handle), an NGO warns about fake jobs in
the very words a keyword search would look for. Draws come from the "social-posts" stream.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import timedelta

from synth.build.social.accounts import company_email, volunteer_contact
from synth.build.social.builder import AccountDraft, PostDraft, SocialBuilder
from synth.build.social.personas import CRIMINAL, Persona
from synth.vocab import socialtext as S
from synth.vocab.chatter import (
    ASK_OFFER,
    CHATTER,
    CHIRP_TAGS,
    COMMENTS,
    QUESTIONS,
    SEEKING,
    THANKS,
    WARN_COMMENT,
    city_name,
)
from synth.vocab.places import CITIES, CITY_BY_SLUG, country_field
from synth.vocab.platforms import CHIRP, CIRCLE

# Per country, from the table of places (synth/presets/places.toml).
MONTHLY = country_field(lambda c: c.monthly_pay)
CURRENCY = country_field(lambda c: c.money[0] + "{:,}" + c.money[1])
FARES = country_field(lambda c: c.social_fares)


POST_KIND = {"ngo": "warning", "volunteer": "help", "travel": "travel", "employer": "job", "agency": "job"}


def _day(b: SocialBuilder, rng: random.Random, account: AccountDraft):
    lo = max(0, (account.created_at - b.epoch).days + 1)
    return b.day(rng, lo)


def _pay(rng: random.Random, country: str) -> str:
    return CURRENCY[country].format(int(MONTHLY[country] * rng.uniform(0.9, 1.3)) // 10 * 10)


def benign_posts(b: SocialBuilder) -> None:
    rng = b.streams.get("social-posts")
    b.friends_of = defaultdict(list)
    for x, y in b.friends:
        b.friends_of[x].append(y)
        b.friends_of[y].append(x)
    for persona in b.personas:
        if persona.kind in ("victim", "namesake"):
            continue
        for account in persona.accounts:
            if account.new:
                continue
            if account.platform == CIRCLE:
                _circle(b, rng, persona, account)
            elif account.platform == CHIRP:
                _chirp(b, rng, persona, account)
    _replies_and_reposts(b, rng)


def _contact(b: SocialBuilder, rng: random.Random, persona: Persona, account: AccountDraft) -> str:
    """How this persona is reached: a company's phone and e-mail, a volunteer's phone or handle."""
    if persona.kind == "volunteer":
        return volunteer_contact(b, rng, persona, account)
    if persona.kind == "ngo":
        return b.phone(account, persona.work_phone, rng) if persona.work_phone else b.email(
            account, company_email(persona), rng)
    text = b.phone(account, persona.business.phone, rng)
    return text + ", " + b.email(account, company_email(persona), rng) if rng.random() < 0.7 else text


def offer_text(b: SocialBuilder, rng: random.Random, persona: Persona, account: AccountDraft, lang: str,
               draft: dict) -> str:
    """A benign persona's offer in ``lang``, from a draft it keeps across groups and languages."""
    city = city_name(persona.city, lang)
    contact = _contact(b, rng, persona, account)
    to = city_name(draft["to"], lang)
    if persona.kind == "volunteer":
        return S.VOLUNTEER[lang][draft["what"]].format(city=city, to=to, contact=contact)
    if persona.kind == "ngo":
        return S.WARNING[lang][draft["what"] % 2].format(contact=contact)
    if persona.kind == "travel":
        return S.TRAVEL[lang].format(company=persona.org, city=city, to=to, days=draft["days"],
                                     fare=draft["fare"], contact=contact)
    job = S.HONEST_JOBS[lang][draft["job"]]
    if persona.kind == "agency":
        return S.AGENCY[lang].format(company=persona.org, reg=draft["reg"], job=job,
                                     country=S.COUNTRY[lang][draft["country"]], pay=draft["pay"], contact=contact)
    return S.HONEST_JOB[lang].format(company=persona.org, job=job, city=city, pay=draft["pay"],
                                     extra="".join(S.HONEST_EXTRA[lang][k] for k in draft["extras"]), contact=contact)


def _draft(b: SocialBuilder, rng: random.Random, persona: Persona) -> dict:
    city = CITY_BY_SLUG[persona.city]
    cues = b.cues
    extras = [k for k, rate in enumerate((cues.housing_honest, cues.no_experience_honest, cues.urgent_honest))
              if rng.random() < rate]
    country = rng.choice(["DE", "NL", "GB"])
    return {"what": rng.randrange(3), "to": rng.choice([c for c in CITIES if c.slug != city.slug]).slug,
            "job": rng.randrange(6), "extras": extras[:2], "country": country,
            "pay": _pay(rng, country if persona.kind == "agency" else city.country),
            "reg": rng.randint(10000, 99999), "days": rng.choice(["daily", "Mon/Wed/Fri", "Sat"]),
            "fare": CURRENCY[city.country].format(rng.randrange(*FARES[city.country]))}


def _language(rng: random.Random, persona: Persona, langs: tuple[str, ...]) -> str:
    """Agencies and NGOs write in each group's languages (one text, translated); others in their own."""
    if persona.kind in ("agency", "ngo"):
        return rng.choice(langs)
    return next((lang for lang in persona.langs if lang in langs), persona.lang)


def _circle(b: SocialBuilder, rng: random.Random, persona: Persona, account: AccountDraft) -> None:
    groups = [g for g in b.groups if account in g.members]
    kind = persona.kind
    if kind in ("volunteer", "employer", "agency", "travel", "ngo"):
        rounds = {"ngo": rng.randint(3, 6), "agency": rng.randint(1, 3)}.get(kind, rng.randint(1, 2))
        targets = [g for g in groups if g.kind in ("refugee-help", "jobs")] or groups
        for _ in range(rounds):
            draft, day = _draft(b, rng, persona), _day(b, rng, account)
            for g in rng.sample(targets, min(len(targets), rng.randint(1, 4))):
                lang = _language(rng, persona, g.langs)
                when = persona.when(rng, day + timedelta(days=rng.randint(0, 3)))
                _comments(b, rng, b.post(account, offer_text(b, rng, persona, account, lang, draft), lang, when,
                                         POST_KIND[kind], group=g))
    for _ in range(rng.randint(*b.preset.social.circle_posts)):
        group = rng.choice(groups) if groups and rng.random() < 0.55 else None
        lang = persona.lang if group is None or persona.lang in group.langs else rng.choice(group.langs)
        city = city_name(group.city if group else persona.city, lang)
        pool = CHATTER
        if group is not None and group.kind == "refugee-help":
            pool = QUESTIONS
        elif group is not None and group.kind == "jobs":
            pool = SEEKING
        text = rng.choice(pool[lang]).format(city=city, country=S.COUNTRY[lang][rng.choice(["DE", "NL", "GB", "PL"])])
        _comments(b, rng, b.post(account, text, lang, persona.when(rng, _day(b, rng, account)), "chatter", group=group))


def _comments(b: SocialBuilder, rng: random.Random, post: PostDraft) -> None:
    if post.group is not None:
        audience = [a for a in post.group.members if a.persona.kind not in CRIMINAL + ("ngo",)]
    else:
        audience = b.friends_of[post.account]
    lang = post.language
    for k in range(min(len(audience), rng.choice([0, 0, 1, 1, 2, 3]))):
        who = rng.choice(audience)
        if post.kind == "job":
            text = rng.choice(ASK_OFFER[lang][:2]) if rng.random() < 0.8 else WARN_COMMENT[lang][1]
        elif post.kind == "help":
            text = THANKS[lang]
        else:
            text = rng.choice(COMMENTS[lang])
        b.comment(post, who, text, post.posted_at + timedelta(hours=k + rng.randint(1, 30)))


def _chirp(b: SocialBuilder, rng: random.Random, persona: Persona, account: AccountDraft) -> None:
    kind = persona.kind
    offers = {"ngo": rng.randint(4, 8), "agency": rng.randint(1, 3), "employer": rng.randint(1, 3),
              "volunteer": rng.randint(1, 3), "travel": rng.randint(0, 2)}.get(kind, 0)
    for _ in range(offers):
        lang = persona.lang if rng.random() < 0.7 else rng.choice(["en", "uk"])
        text = offer_text(b, rng, persona, account, lang, _draft(b, rng, persona))
        post_kind = POST_KIND[kind]
        tags = S.HASHTAGS[{"warning": "warning", "help": "help", "travel": "help"}.get(post_kind, "job")][lang]
        b.post(account, f"{text} {tags}", lang, persona.when(rng, _day(b, rng, account)), post_kind)
    for _ in range(rng.randint(*b.preset.social.chirp_posts)):
        lang = persona.lang if rng.random() < 0.85 else "en"
        text = rng.choice(CHATTER[lang]).format(city=city_name(persona.city, lang))
        b.post(account, f"{text} {rng.choice(CHIRP_TAGS[lang])}", lang, persona.when(rng, _day(b, rng, account)),
               "chatter")


def _replies_and_reposts(b: SocialBuilder, rng: random.Random) -> None:
    """Followers reply to and repost what they read: help and warnings travel furthest."""
    followers: dict[AccountDraft, list[AccountDraft]] = defaultdict(list)
    for follower, followee in b.follows:
        followers[followee].append(follower)
    originals = [p for p in b.posts if p.platform == CHIRP and p.kind in ("chatter", "job", "help", "warning")
                 and p.account.persona.kind not in CRIMINAL]
    for post in originals:
        fans = [a for a in followers[post.account] if a.persona.kind not in CRIMINAL]
        if not fans:
            continue
        cues = b.preset.social_cues
        share = {"help": cues.repost_help, "warning": cues.repost_warning, "job": cues.repost_job}.get(post.kind, 0.08)
        if rng.random() < share:
            for fan in rng.sample(fans, min(len(fans), rng.randint(1, 4))):
                b.post(fan, "", post.language, post.posted_at + timedelta(minutes=rng.randint(5, 3000)), "repost",
                       repost_of=post)
        if rng.random() < 0.2:
            fan = rng.choice(fans)
            pool = ASK_OFFER[post.language][:2] if post.kind == "job" else COMMENTS[post.language]
            b.post(fan, rng.choice(pool), post.language, post.posted_at + timedelta(minutes=rng.randint(5, 900)),
                   "reply", reply_to=post)
