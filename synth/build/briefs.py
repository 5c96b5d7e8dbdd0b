"""derive_briefs: the case brief each module starts from, drawn from the world so every seed has its own.

A brief is public (public/briefs.json): it gives the trainee a lead, as a tip or an outreach worker
would, never an answer.
"""

from __future__ import annotations

from synth.build.network import LABOUR_OP, SEX_OP
from synth.streams import Streams
from synth.vocab.course import M01, M02, M03, M04, M07
from synth.vocab.places import CITY_BY_SLUG
from synth.world.finance import Finance
from synth.world.model import Ad, Listing, Operation, Social


def derive_briefs(streams: Streams, operations: list[Operation], ads: list[Ad],
                  listings: list[Listing], social: Social | None = None, finance: Finance | None = None,
                  ) -> dict[str, dict]:
    rng = streams.get("briefs")
    ring = next(o for o in operations if o.operation_id == SEX_OP)
    hub = CITY_BY_SLUG[ring.cities[0]]
    circuit = [CITY_BY_SLUG[c] for c in ring.cities]
    victim = rng.choice(sorted(ring.victims))
    start = min((a for a in ads if a.advertised == victim and a.city == hub.slug), key=lambda a: a.posted_at)
    briefs = {
        M01: {
            "site": "quickads", "city": hub.slug, "city_name": hub.name, "category": "personal-services",
            "category_name": "Personal services",
            "text": (f"An outreach worker in {hub.name} has told your unit that some women advertised for personal "
                     f"services on the classifieds site QuickAds may not be working for themselves: the same "
                     f"people seem to answer the phone for several of them. Before anyone is approached, your "
                     f"team needs a complete, documented copy of every personal-services ad on QuickAds in "
                     f"{hub.name}, and the phone numbers that appear under more than one name."),
        },
        M02: {
            "site": "companions",
            "text": ("The directory Companions lists people offering personal services across Europe. Its "
                     "profiles write phone numbers, e-mail addresses and messaging handles in ways meant to fool "
                     "filters. Extract every contact selector from every profile, in a standard form (phones in "
                     "E.164), so that the team can search for them on other sites."),
        },
        M03: {
            "sites": ["quickads", "companions"], "cities": [c.slug for c in circuit],
            "city_names": [c.name for c in circuit], "start_ad": f"quickads:{start.ad_id}",
            "text": (f"A woman advertised in QuickAds ad {start.ad_id} ({hub.name}) told an outreach worker that "
                     f"she is moved from city to city and that others run her ads. Link the personal-services ads "
                     f"of QuickAds and Companions in {', '.join(c.name for c in circuit)} that belong together, "
                     f"find the ads of the group behind her, estimate how many different people it advertises, "
                     f"and reconstruct where she was advertised, city by city, over time."),
        },
    }
    if social is not None and social.accounts:
        briefs[M04] = _brief04(streams, operations, social)
    if finance is not None and finance.accounts:
        briefs[M07] = _brief07(operations, start, finance, streams.seed)
    return briefs


def _brief07(operations: list[Operation], start: Ad, finance: Finance, seed: int) -> dict:
    """Production orders served on what modules 03 and 04 found: the work phone behind the start ad, the front.

    No new draw: the phone is the one module 03's start ad was answered on, so module 07 continues that case.
    The accounts are named as the productions print them (numbers in groups of four, app handles); the
    typology question's rows (synth.build.finance.questions: illicit and benign look-alikes, shuffled) come along.
    """
    from synth.build.finance import questions
    labour = next(o for o in operations if o.operation_id == LABOUR_OP)
    phone = start.contact_phone
    tied = sorted(a.account_id for a in finance.accounts if a.phone == phone and a.kind != "merchant")
    front = sorted(a.account_id for a in finance.accounts if a.role == "front")
    del labour  # named in the key only: the front's name is a module-04 answer, the phone a module-01/03 one
    shown = [questions.printed_number(finance.account(i)) for i in tied + front]
    return {
        "start_ad": f"quickads:{start.ad_id}", "start_accounts": tied + front, "start_numbers": shown,
        "typology_labels": questions.labels(finance), "typology_questions": questions.public_rows(finance, seed),
        "eur_per_unit": questions.eur_per_unit(),
        "text": (f"Production orders were served on the accounts registered to the phone of QuickAds ad {start.ad_id} "
                 f"(module 03) and on the accounts of the agency the recruiters of module 04 work for: "
                 f"{', '.join(shown)}. "
                 f"The banks, the payment app Zapply and the exchange Coinbridge answered. Follow the money from those "
                 f"accounts: find the funnel accounts and the accounts that collect from them, who pays the women's "
                 f"hotels, tickets and ads, where the recruitment fees go, how much reaches the person at the top, and "
                 f"which LabCoin addresses belong together. Many honest customers look alike: sole traders bank cash, "
                 f"students are sent money by many relatives, landlords collect many rents. Finally, label each "
                 f"statement row listed under typology_questions with a typology or \"benign\": some are the "
                 f"operations' money, some are honest customers'."),
    }


def _brief04(streams: Streams, operations: list[Operation], social: Social) -> dict:
    """A volunteer's report of one offer in a refugee-help group on Circle, posted by the labour operation."""
    rng = streams.get("briefs-04")
    labour = next(o for o in operations if o.operation_id == LABOUR_OP)
    accounts = {a.account_id: a for a in social.accounts_on("circle")}
    groups = {g.group_id: g for g in social.groups}
    offers = sorted((p for p in social.circle_posts if p.kind == "offer" and p.group_id is not None
                     and groups[p.group_id].kind == "refugee-help"
                     and accounts[p.account_id].person in labour.recruiters), key=lambda p: p.post_id)
    post = rng.choice(offers)
    account, group = accounts[post.account_id], groups[post.group_id]
    return {
        "platform": "circle", "start_account": f"circle:{account.account_id}", "username": account.username,
        "group_id": group.group_id, "group": group.name, "post_id": post.post_id,
        "text": (f"A volunteer who moderates the Circle group \"{group.name}\" reported post {post.post_id} by the "
                 f"account {account.username}: it offers well-paid work abroad to people who fled the war, and "
                 f"she has seen the same offer from other accounts. Find every account on Chirp, Circle and the "
                 f"smaller platforms that belongs to the people behind the offer, the recruitment posts they "
                 f"placed in groups, who they recruit for, and whether their accounts connect to ads you have "
                 f"already seen on QuickAds, Companions or WorkAbroad. A matching username alone proves nothing: "
                 f"confirm each link with two independent tie-backs."),
    }

