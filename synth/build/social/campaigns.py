"""The operations online: recruiters' campaigns and the ring's offers to women.

- A labour recruiter (OP2) runs a few campaigns. Days before each he opens a new Circle account (and
  sometimes a new Chirp one) with a handle varied from his Telegram handle, few friends and a work bio,
  then posts one offer, drafted once, in many job boards and refugee-help groups, in each group's
  language, always ending on the same Telegram handle as his QuickAds ads. Questions under a post are
  answered with the handle; another account of the operation praises the offer now and then.
- A ring controller (OP1) posts "hostess / model / nanny abroad" offers in refugee-help groups from a
  new account, with the Telegram handle his Companions profiles carry: the account-to-ad link of module 04.
Draws come from the "social-crime" stream.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from synth.build.network import LABOUR_OP, SEX_OP
from synth.build.social.builder import AccountDraft, PostDraft, SocialBuilder
from synth.build.social.groups import groups_of
from synth.build.social.personas import CRIMINAL, Persona
from synth.vocab import socialtext as S
from synth.vocab.chatter import ASK_OFFER, MOVE_TO_MESSENGER, TESTIMONIAL, WARN_COMMENT
from synth.vocab.places import CITY_BY_SLUG
from synth.vocab.platforms import CHIRP, CIRCLE


def work_handle(b: SocialBuilder, persona: Persona, rng: random.Random) -> str:
    """The Telegram handle the member advertises with on the ad sites (or a new one if he has none)."""
    for ad in b.ads:
        if ad.poster == persona.person.person_id and ad.messenger and "@" in ad.messenger:
            return ad.messenger.split("@", 1)[1]
    for x in b.listings:
        if x.poster == persona.person.person_id and x.handles:
            return x.handles[0].split(":", 1)[1]
    return f"{persona.base.split('.')[0][:8]}_work{rng.randint(10, 99)}"


def work_variant(rng: random.Random, handle: str) -> str:
    """A campaign account's handle: the Telegram handle with other separators or digits."""
    stem = handle.rstrip("0123456789")
    digits = handle[len(stem):]
    return rng.choice([handle, stem.replace("_", ".") + digits, stem.replace("_", "") + "_" + (digits or "1"),
                       f"{stem}{rng.randint(2, 99)}", f"{stem.rstrip('_')}_{rng.choice(['eu', 'jobs', 'official'])}"])


def _cues(rng: random.Random, b: SocialBuilder) -> dict[str, bool]:
    cues = {"fee": rng.random() < b.cues.fee_criminal, "flight": rng.random() < b.cues.flight_criminal,
            "noexp": rng.random() < b.cues.no_experience_criminal}
    # Pay and a messenger-only contact are always there; add cues until the campaign has enough.
    while 2 + sum(cues.values()) < b.cues.min_cues_criminal:
        cues[rng.choice([k for k, v in cues.items() if not v])] = True
    return cues


def labour_offer(lang: str, draft: dict, contact: str, front: str, travel: bool) -> str:
    country = S.COUNTRY[lang][draft["country"]]
    if travel:
        return S.LABOUR_TRAVEL[lang].format(country=country, front=front) + " " + \
            S.LABOUR[lang]["contact"].format(contact=contact)
    parts = S.LABOUR[lang]
    job = S.LABOUR_JOBS[lang][draft["job"]]
    words = [parts["open"][draft["opener"]].format(COUNTRY=country.upper(), country=country, job=job,
                                                    Job=job[:1].upper() + job[1:], front=front),
             parts["pay"].format(pay=f"€{draft['pay']:,}")]
    words += [parts["noexp"]] * draft["cues"]["noexp"] + [parts["flight"]] * draft["cues"]["flight"]
    words += [parts["fee"].format(fee=f"€{draft['fee']}")] * draft["cues"]["fee"]
    return " ".join(words + [parts["urgent"], parts["contact"].format(contact=contact)])


def hostess_offer(lang: str, draft: dict, contact: str) -> str:
    parts = S.HOSTESS[lang]
    country = S.COUNTRY[lang][draft["country"]]
    words = [parts["open"][draft["opener"]].format(country=country, job=S.HOSTESS_JOBS[lang][draft["job"]]),
             parts["pay"].format(pay=f"€{draft['pay']:,}")]
    words += [parts["flight"]] * draft["cues"]["flight"] + [parts["noexp"]] * draft["cues"]["noexp"]
    return " ".join(words + [parts["age"], parts["contact"].format(contact=contact)])


def run_campaigns(b: SocialBuilder) -> None:
    rng = b.streams.get("social-crime")
    personas = {p.person.person_id: p for p in b.personas}
    labour, ring = b.ops[LABOUR_OP], b.ops[SEX_OP]
    for member in [*labour.recruiters, *ring.controllers]:
        persona = personas[member]
        persona.work_handle = work_handle(b, persona, rng)
        _work_bios(b, rng, persona, labour.front or "")
    boss = personas[labour.organiser]
    for account in boss.accounts:
        account.bio = f"{labour.front} · {'Managing director' if account.platform != CHIRP else 'CEO'}"
    for member in labour.recruiters:
        persona = personas[member]
        for n, start in enumerate(_campaign_days(rng, b, rng.randint(*b.preset.social.campaigns))):
            _campaign(b, rng, persona, start, first=n == 0, labour=True)
    for member in ring.controllers:
        _campaign(b, rng, personas[member], _campaign_days(rng, b, 1)[0], first=True, labour=False)


def _work_bios(b: SocialBuilder, rng: random.Random, persona: Persona, front: str) -> None:
    """A member's Chirp and light-platform bios: work, with his handle or work phone on some of them."""
    for account in persona.accounts:
        if account.platform == CIRCLE:
            continue  # his personal Circle account reads like anyone's (synth.build.social.builder.write_bios)
        if persona.kind == "recruiter":
            if account.platform == "staffspot":
                account.bio = f"Recruitment consultant at {front}. Work in Germany, the Netherlands and the UK. " \
                              f"Call {b.phone(account, persona.work_phone, rng)}"
            elif account.platform in (CHIRP, "giglane"):
                account.bio = f"Jobs abroad · {front} · {b.handle(account, persona.work_handle, rng)}"
        elif account.platform == "swapit" and persona.work_phone:
            phone = b.phone(account, persona.work_phone, rng)
            account.bio = f"Furniture and household things, pick-up only. Call {phone}"


def _campaign_days(rng: random.Random, b: SocialBuilder, n: int) -> list[datetime]:
    """One start day in each of ``n`` equal parts of the timeline (after the first week)."""
    span = (b.preset.days - 20) // n
    return [b.epoch + timedelta(days=8 + k * span + rng.randrange(max(1, span - 12))) for k in range(n)]


def _open_work_account(b: SocialBuilder, rng: random.Random, persona: Persona, platform: str, start: datetime,
                       labour: bool) -> AccountDraft:
    created = persona.when(rng, start - timedelta(days=rng.randint(1, 6)))
    front = b.ops[LABOUR_OP].front or ""
    city = CITY_BY_SLUG[persona.city].name
    display = rng.choice([front, f"{front.split()[0]} Jobs", "Work in EU", "Jobs Europe"]) if labour else \
        rng.choice([f"Model Casting {city}", "Hostess Jobs Europe", "Elite Staff Abroad"])
    account = b.open(persona, platform, work_variant(rng, persona.work_handle), display, created, rng,
                     kind=persona.kind, new=True)
    what = f"Work abroad · {front} · official employment" if labour else "Model & hostess agency · work abroad"
    account.bio = f"{what} · {b.handle(account, persona.work_handle, rng)}"
    # A few friends: his own established account, his organiser's, some of his colleagues', a stranger or two
    # (who knows nobody else in the operation).
    own = [a for a in b.accounts if a.persona.operation == persona.operation and a.platform == platform
           and a is not account and (a.persona is persona or a.persona.kind == "organiser"
                                     or rng.random() < (0.25 if a.new else 0.35))]
    strangers = [a for a in b.accounts if a.platform == platform and a.persona.kind == "ordinary" and a not in b.tied]
    picked = rng.sample(strangers, min(len(strangers), rng.randint(0, 2)))
    b.tied.update(picked)
    for other in own + picked:
        (b.befriend if platform == CIRCLE else b.follow)(account, other, created + timedelta(hours=rng.randint(1, 48)))
    return account


def _campaign(b: SocialBuilder, rng: random.Random, persona: Persona, start: datetime, first: bool,
              labour: bool) -> None:
    burner = _open_work_account(b, rng, persona, CIRCLE, start, labour)
    chirps = [a for a in b.of(persona, CHIRP)]
    if labour and rng.random() < 0.5:
        chirps.append(_open_work_account(b, rng, persona, CHIRP, start, labour))
    draft = {"opener": rng.randrange(3 if labour else 2), "job": rng.randrange(6 if labour else 4),
             "country": rng.choice(["DE", "NL", "GB"]), "pay": rng.randrange(2600, 3700, 100),
             "fee": rng.randrange(250, 600, 50), "cues": _cues(rng, b)}
    if labour:
        pool = groups_of(b, "jobs", countries=("UA", "PL", "RO")) + groups_of(b, "refugee-help")
        n = rng.randint(*b.preset.social.groups_per_campaign)
    else:
        pool, n = groups_of(b, "refugee-help"), rng.randint(3, 5)
    front = b.ops[LABOUR_OP].front or ""
    refugee = groups_of(b, "refugee-help")
    targets = [rng.choice(refugee)]  # every campaign reaches at least one refugee-help group
    targets += rng.sample([g for g in pool if g is not targets[0]], min(n, len(pool)) - 1)
    mains = b.of(persona, CIRCLE)
    for i, group in enumerate(targets):
        author = mains[0] if first and mains and i == len(targets) - 1 else burner
        when = persona.when(rng, start + timedelta(days=rng.randint(0, 6) if i else 0))
        b.join(group, author, when - timedelta(hours=rng.randint(1, 30)))
        lang = rng.choice(group.langs)
        contact = b.handle(author, persona.work_handle, rng)
        text = labour_offer(lang, draft, contact, front, travel=rng.random() < 0.15) if labour \
            else hostess_offer(lang, draft, contact)
        _reactions(b, rng, b.post(author, text, lang, when, "offer", group=group), persona)
    for account in chirps[:2]:
        for _ in range(rng.randint(2, 4) if labour else rng.randint(1, 2)):
            lang = rng.choice(["uk", "ru", "pl", "en"] if labour else ["uk", "ru", "en"])
            contact = b.handle(account, persona.work_handle, rng)
            text = labour_offer(lang, draft, contact, front, False) if labour else hostess_offer(lang, draft, contact)
            tags = S.HASHTAGS["labour"][lang]
            post = b.post(account, f"{text} {tags}", lang, persona.when(rng, start + timedelta(days=rng.randint(0, 8))),
                          "offer")
            _chirp_echo(b, rng, post, persona)


def _reactions(b: SocialBuilder, rng: random.Random, post: PostDraft, persona: Persona) -> None:
    """Questions under an offer, answered with the handle; now and then praise from a colleague or a warning."""
    members = [a for a in post.group.members if a.persona.kind not in CRIMINAL] if post.group else []
    ngos = [a for a in members if a.persona.kind == "ngo"]
    members = [a for a in members if a.persona.kind != "ngo"]
    lang = post.language
    asked = rng.sample(members, min(len(members), rng.randint(0, 3)))
    for k, account in enumerate(asked):
        b.comment(post, account, rng.choice(ASK_OFFER[lang]), post.posted_at + timedelta(hours=k + rng.randint(1, 20)))
    if asked:
        answer = MOVE_TO_MESSENGER[lang].format(contact=b.handle(post.account, persona.work_handle, rng))
        b.comment(post, post.account, answer, post.posted_at + timedelta(hours=len(asked) + rng.randint(2, 24)))
    colleagues = [a for a in b.accounts if a.platform == CIRCLE and a.persona.operation == persona.operation
                  and a is not post.account]
    if colleagues and rng.random() < b.cues.testimonial:
        b.comment(post, rng.choice(colleagues), TESTIMONIAL[lang], post.posted_at + timedelta(hours=rng.randint(1, 8)))
    if members and rng.random() < 0.2:
        b.comment(post, rng.choice(members), WARN_COMMENT[lang][0],
                  post.posted_at + timedelta(hours=rng.randint(5, 60)))
    if ngos and rng.random() < 0.3:
        b.comment(post, rng.choice(ngos), WARN_COMMENT[lang][1], post.posted_at + timedelta(hours=rng.randint(5, 60)))


def _chirp_echo(b: SocialBuilder, rng: random.Random, post: PostDraft, persona: Persona) -> None:
    """Other accounts of the operation repost the offer; someone asks, and is sent to the handle."""
    for account in b.accounts:
        if account.platform == CHIRP and account.persona.operation == persona.operation \
                and account is not post.account and rng.random() < 0.4:
            b.post(account, "", post.language, post.posted_at + timedelta(minutes=rng.randint(10, 600)), "repost",
                   repost_of=post)
    if rng.random() < 0.4:
        asker = rng.choice([a for a in b.accounts if a.platform == CHIRP and a.persona.kind == "ordinary"])
        question = b.post(asker, rng.choice(ASK_OFFER[post.language]), post.language,
                          post.posted_at + timedelta(hours=rng.randint(1, 30)), "reply", reply_to=post)
        answer = MOVE_TO_MESSENGER[post.language].format(contact=b.handle(post.account, persona.work_handle, rng))
        b.post(post.account, answer, post.language, question.posted_at + timedelta(minutes=rng.randint(5, 300)),
               "reply", reply_to=question)
