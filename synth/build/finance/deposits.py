"""Booking deposits: which ads ask for one on Zapply, and the clients who pay it.

Why: an ad that names a deposit handle is only a lead if the handle's account shows what the ad asked
for. About a third of the ring's ads and profiles ask for a deposit to the controller's booking account,
and so do some honest independent advertisers on their own accounts (the look-alike). After such an ad,
a few clients — men of the lab's population with a Zapply account, mostly from the ad's city — pay a
small deposit with a short note. The ring's deposits are its earnings (an untyped flow of the ring: no
FinCEN typology names them); the honest advertisers' are benign. A client is neither a suspect nor a
victim: the key's ``victim_accounts`` lists only the women's and the recruits' own accounts.

Which items ask for a deposit is decided here, before anything is written, so that the text
(synth.build.finance.mentions) and the money agree. Draws come from the "finance-deposits" stream; the rows are
planted after every other flow and replace no background row, so no earlier planting loses room.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from synth.build.finance.plant import Planter, local_ts, price
from synth.build.network import SEX_OP
from synth.config import FinanceScale
from synth.world.finance import BENIGN, DepositItem, FinAccount
from synth.world.model import Ad, Listing, Person

RING_EXTRA = 4  # a booking account's deposits beyond the room its honest pattern gives (so it is never unused)
CLIENTS_PER_AD = (0, 0, 1, 1, 1, 2, 3)  # deposits after one ad: most ads bring one, some none
NOTES = ["deposit", "booking 🌹", "for tonight", "deposit 🙂", "zadatek", "avans", "аванс", "предоплата",
         "see you at 9", "booking"]


def choose_deposit_items(rng: random.Random, people: list[Person], accounts: list[FinAccount], ads: list[Ad],
                         listings: list[Listing], scale: FinanceScale) -> list[DepositItem]:
    """The items that ask for a deposit, in (site, item id) order; the shares are the preset's (``scale``)."""
    role = {p.person_id: p.role for p in people}
    booking = {a.holder: a for a in accounts if a.institution == "zapply" and a.role == "controller"}
    own: dict[str, FinAccount] = {}
    for a in accounts:
        if a.institution == "zapply" and not a.role:
            own.setdefault(a.holder, a)
    takes = {p for p in sorted(own) if role.get(p) == "independent_advertiser"
             and rng.random() < scale.deposit_advertisers}
    items = [(ad.site, ad.ad_id, ad.poster, ad.operation, ad.posted_at, ad.city)
             for ad in sorted(ads, key=lambda a: a.ad_id) if ad.category == "personal-services"]
    items += [(x.site, x.listing_id, x.poster, x.operation, x.posted_at, x.city)
              for x in sorted(listings, key=lambda x: x.listing_id) if x.site == "companions"]
    out = []
    for site, item_id, poster, operation, posted, city in sorted(items, key=lambda i: (i[0], i[1])):
        if operation == SEX_OP and poster in booking:
            account = booking[poster]
            if rng.random() >= scale.deposit_ring_share:
                continue
        elif operation is None and poster in takes:
            account = own[poster]
            if rng.random() >= scale.deposit_advertiser_ads:
                continue
        else:
            continue
        out.append(DepositItem(site, item_id, account.number, account.account_id, poster, operation, posted, city))
    return out


def plant_deposits(rng: random.Random, planter: Planter, accounts: list[FinAccount], people: list[Person],
                   items: list[DepositItem], epoch: datetime, end: datetime) -> None:
    """A few clients' deposits after each item.

    The ring's replace rows of the booking account's honest pattern where it has room that month (so it
    is no busier than that pattern: a degree leak, AMLSim's), plus at most RING_EXTRA rows of their own
    (``Planter.add(extra=True)``) so that every booking account shows what its ads asked for. The honest
    advertisers' deposits are rows of their own: benign accounts have no pattern to keep.
    """
    person = {p.person_id: p for p in people}
    clients_in: dict[str, list[int]] = {}
    everyone: list[int] = []
    for a in accounts:
        p = person.get(a.holder)
        if a.institution == "zapply" and not a.role and p and p.role == "resident" and p.gender == "male" \
                and 20 <= p.age <= 70:
            clients_in.setdefault(p.home_city, []).append(a.account_id)
            everyone.append(a.account_id)
    if not everyone:
        return
    extras: dict[int, int] = {}  # ring accounts: deposits planted beyond their room
    for item in items:
        flow = BENIGN  # the ring's flow is opened with its first deposit (a flow without rows is none)
        local = clients_in.get(item.city) or everyone
        for _ in range(rng.choice(CLIENTS_PER_AD)):
            when = item.posted_at + timedelta(minutes=rng.randint(30, 36 * 60))
            client = rng.choice(local if rng.random() < 0.8 else everyone)
            if when >= end - timedelta(hours=1) or client == item.account:
                continue
            ts = local_ts(epoch, when)
            planter.at(ts)
            extra = item.operation is None or not planter.has_room(item.account, "credit")
            if item.operation == SEX_OP and extra:
                if extras.get(item.account, 0) >= RING_EXTRA:
                    continue
                extras[item.account] = extras.get(item.account, 0) + 1
            if item.operation == SEX_OP and flow == BENIGN:
                flow = planter.flow(SEX_OP, None, f"clients' booking deposits after {item.site} {item.item_id}")
            cents = round(price(rng.choice([20, 30, 40, 50]), "DE", rng, 0.1), -2)  # whole euros
            planter.add(ts, "app", client, item.account, cents, rng.choice(NOTES), flow, extra=extra)


__all__ = ["DepositItem", "choose_deposit_items", "plant_deposits"]
