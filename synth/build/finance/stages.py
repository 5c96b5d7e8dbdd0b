"""build_finance: accounts, the benign background, the planted flows, the chain — one frozen Finance.

Order of work (each step with its own named stream, so no step shifts another or any earlier stage):
choose mules and recruits → open and number accounts (ids after a shuffle) → every account's background
→ plant the ring, the labour operation and the crypto flows (replacing background rows) → merge, sort by
time with a shuffled tie-break, and number the rows (txn ids ascending with time, nothing else).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

from synth.build.finance.accounts import number_accounts, open_accounts
from synth.build.finance.background import AccountArrays, Economy, P, build_calendar
from synth.build.finance.columns import (
    CITY_COUNTRY,
    CITY_INDEX,
    COUNTRY_INDEX,
    CURRENCY_INDEX,
    Texts,
    concat,
    offsets,
    take,
)
from synth.build.finance.crypto import Chain
from synth.build.finance.cryptoflows import CryptoPlanter
from synth.build.finance.deposits import choose_deposit_items, plant_deposits
from synth.build.finance.labour import LabourPlanter, choose_recruits
from synth.build.finance.plant import Planter, local_ts, price
from synth.build.finance.ring import RingPlanter, victim_stays
from synth.build.network import LABOUR_OP, SEX_OP
from synth.config import Preset
from synth.streams import Streams, area_numpy
from synth.vocab.institutions import BY_SLUG, CHANNELS
from synth.world.finance import COLUMNS, FinAccount, Finance, Ledger
from synth.world.model import Ad, Listing, Operation, Person


def nprng(seed: int, area: str) -> np.random.Generator:
    return area_numpy(seed, area)


def account_arrays(accounts: list[FinAccount], rng: np.random.Generator, texts: Texts) -> AccountArrays:
    """The generator's view of the accounts (row i = account id i + 1)."""
    first_bank: dict[str, int] = {}
    for a in accounts:
        if a.kind == "personal":
            first_bank.setdefault(a.holder, a.account_id)
    profile, kind, country, city = [], [], [], []
    for a in accounts:
        code = a.kind if a.kind in ("app", "prepaid", "business", "merchant") else a.profile
        profile.append(P[code])
        kind.append(a.profile if a.kind == "merchant" else "")
        # A designer's added city (synth.vocab.places) is not in finance's table: no city, the bank's country.
        known = a.city in CITY_INDEX
        city.append(CITY_INDEX[a.city] if known else -1)
        bank_country = BY_SLUG[a.institution].country
        country.append(int(CITY_COUNTRY[CITY_INDEX[a.city]]) if known else COUNTRY_INDEX[bank_country])
    desc = [("SALARY " if a.kind == "business" else "") + a.holder_name.upper() for a in accounts]
    n = len(accounts)
    return AccountArrays(
        ids=np.array([a.account_id for a in accounts], dtype=np.int32), profile=np.array(profile, dtype=np.int8),
        merchant_kind=np.array(kind, dtype=object), country=np.array(country, dtype=np.int8),
        city=np.array(city, dtype=np.int8),
        currency=np.array([CURRENCY_INDEX[a.currency] for a in accounts], dtype=np.int8),
        activity=np.where(np.array(profile) == P["merchant"], 0.0, rng.lognormal(0.0, 0.5, n)),
        home_bank=np.array([first_bank.get(a.holder, -1) if a.kind in ("app", "prepaid") else -1 for a in accounts],
                           dtype=np.int32),
        desc=texts.indices(desc))


def front_employers(accounts: list[FinAccount]) -> dict[int, np.ndarray]:
    """For each labour front's business account: the other businesses of its country (ids), who pay instead."""
    out = {}
    for front in (a for a in accounts if a.role == "front" and a.kind == "business"):
        country = BY_SLUG[front.institution].country
        out[front.account_id] = np.array([b.account_id for b in accounts if b.kind == "business" and not b.role
                                          and BY_SLUG[b.institution].country == country], dtype=np.int64)
    return out


def repay_front_salaries(cols: dict[str, np.ndarray], employers: dict[int, np.ndarray], desc: np.ndarray) -> None:
    """The front employs nobody on the books (FIN-2020-A008: a cash-rich business with no payroll).

    The benign economy draws wages from every business alike, the front included; its illicit rows take
    the places of some of them (so it does not look busier than its pattern), and the wages left are
    paid here by another employer of its country instead: each employee always by the same one (by id,
    without a draw, so no later draw moves). ``desc`` maps account row (id - 1) to its statement name.
    """
    salary = CHANNELS.index("salary")
    for front, others in employers.items():
        rows = np.flatnonzero((cols["debit"] == front) & (cols["channel"] == salary))
        if not len(rows) or not len(others):
            continue
        payer = others[cols["credit"][rows] % len(others)]
        cols["debit"][rows] = payer
        cols["desc"][rows] = desc[payer - 1]


def build_finance(streams: Streams, preset: Preset, epoch: datetime, people: list[Person],
                  operations: list[Operation], businesses: dict, ads: list[Ad], listings: list[Listing]) -> Finance:
    scale, seed = preset.finance, streams.seed
    end = epoch + timedelta(days=preset.days)
    ops = {o.operation_id: o for o in operations}
    rng = streams.get("finance-roles")
    residents = sorted((p for p in people if p.role == "resident"), key=lambda p: p.person_id)
    recruits = choose_recruits(rng, people, ads, scale.recruits)
    recruit_ids = {r for r, _ in recruits}
    mules = sorted(p.person_id for p in rng.sample([p for p in residents if p.person_id not in recruit_ids
                                                     and 20 <= p.age <= 60], scale.mules))
    drafts = open_accounts(streams.get("finance-accounts"), people, operations, businesses, mules, sorted(recruit_ids))
    rows = number_accounts(streams.get("finance-ids"), nprng(seed, "finance-numbers"), drafts, epoch)
    accounts = [FinAccount(**r) for r in rows]
    texts = Texts()
    arrays = account_arrays(accounts, nprng(seed, "finance-activity"), texts)
    offs = offsets(epoch, preset.days + 2)
    economy = Economy(arrays, texts, nprng(seed, "finance-economy"), scale.activity, offs)
    background = economy.window(nprng(seed, "finance-background"), 0, preset.days, build_calendar(epoch, preset.days))
    background = take(background, np.flatnonzero((background["ts"] >= 0) & (background["ts"] < preset.days * 86400)))
    targets = {a.account_id for a in accounts if a.role} | {a.account_id for a in accounts
                                                            if a.holder in recruit_ids and a.kind != "merchant"}
    planter = Planter(streams.get("finance-plant"), accounts, background, texts, epoch, targets)
    ring = RingPlanter(streams.get("finance-ring"), planter, accounts, epoch, end, scale.structuring_share)
    ring.plant(ops[SEX_OP], victim_stays(ads, ops[SEX_OP]), listings)
    labour = LabourPlanter(streams.get("finance-labour"), planter, accounts, epoch, end)
    labour.plant(ops[LABOUR_OP], recruits)
    chain = Chain(streams.get("finance-chain"), nprng(seed, "finance-addresses"), epoch, preset.days)
    crypto = CryptoPlanter(streams.get("finance-crypto"), chain, planter, accounts, epoch, end)
    crng = streams.get("finance-crypto-users")
    users = sorted(p.person_id for p in people if p.role in ("resident", "independent_advertiser", "employer",
                                                             "travel_agent") and crng.random() < scale.crypto_users)
    crypto.benign(users, {p.person_id for p in people if p.role == "independent_advertiser"}, scale.market_buyers)
    own = {c: [a.account_id for a in accounts if a.holder == c and a.role == "controller" and a.kind == "personal"]
           for c in ops[SEX_OP].controllers}
    crypto.ring(ops[SEX_OP], ring.crypto_fees, own)
    organiser = [a.account_id for a in accounts if a.role == "organiser" and a.holder == ops[LABOUR_OP].organiser]
    crypto.labour(ops[LABOUR_OP], labour.crypto_fees, organiser)
    crypto.run()
    _benign_ad_fees(streams, planter, accounts, people, ads, epoch)
    drng = streams.get("finance-deposits")
    deposit_items = choose_deposit_items(drng, people, accounts, ads, listings, scale)
    plant_deposits(drng, planter, accounts, people, deposit_items, epoch, end)
    keep = planter.replace_background(background, nprng(seed, "finance-replace"))
    repay_front_salaries(background, front_employers(accounts), arrays.desc)
    merged = concat([take(background, np.flatnonzero(keep)), planter.ledger_rows()])
    ledger = _number_rows(merged, nprng(seed, "finance-txn-ids"), texts, epoch)
    wallets, txs = chain.frozen()
    return Finance(accounts=tuple(accounts), ledger=ledger, flows=tuple(planter.flows), wallets=wallets, chain=txs,
                   coin_price=chain.price, recruits=tuple(sorted(recruit_ids)), mules=tuple(mules),
                   exchange_customers={address: holder for holder, address in sorted(chain.deposit.items())},
                   published_addresses=crypto.published_and_paid(), deposit_items=tuple(deposit_items))


def _benign_ad_fees(streams: Streams, planter: Planter, accounts: list[FinAccount], people: list[Person],
                    ads: list[Ad], epoch: datetime) -> None:
    """Independent advertisers pay their own ad fees, employers pay for job ads: the benign look-alikes."""
    rng = streams.get("finance-benign-fees")
    own: dict[str, list[int]] = {}
    for a in accounts:
        if a.kind in ("personal", "app", "business") and not a.role:
            own.setdefault(a.holder.removeprefix("biz:") if a.kind == "business" else a.holder, []).append(a.account_id)
    site = next(a.account_id for a in accounts if a.holder == "merchant:quickads")
    roles = {p.person_id: p.role for p in people}
    seen: set[tuple[str, str]] = set()
    for ad in sorted(ads, key=lambda a: a.ad_id):
        if ad.operation or roles[ad.poster] not in ("independent_advertiser", "employer"):
            continue
        first = (ad.poster, ad.city) not in seen
        seen.add((ad.poster, ad.city))
        if not first and rng.random() > 0.25:
            continue
        payers = own.get(ad.poster)
        if not payers:
            continue
        when = ad.posted_at - timedelta(minutes=rng.randint(2, 40))
        planter.add(local_ts(epoch, when), "card", rng.choice(payers), site,
                    price(30 if first else 8, "DE", rng, 0.1), "QUICKADS TOP AD" if first else "QUICKADS BUMP", -1)


def _number_rows(cols: dict[str, np.ndarray], rng: np.random.Generator, texts: Texts, epoch: datetime) -> Ledger:
    """Sort by time (ties broken by a shuffle) and give txn ids 1..n in that order."""
    tiebreak = rng.permutation(len(cols["ts"]))
    order = np.lexsort((tiebreak, cols["ts"]))
    out = take(cols, order)
    out["txn_id"] = np.arange(1, len(order) + 1, dtype=np.int64)
    return Ledger({c: out[c] for c in COLUMNS}, tuple(texts.items), epoch)
