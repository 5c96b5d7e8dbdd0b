"""Module 07's typology question: statement rows to label, illicit ones mixed with benign look-alikes.

If trainees were shown only illicit flows they would learn that "a row in the question is illicit". So the
question lists rows from both sides: one row of each of some typed illicit flows (typologies spread out,
round-robin) and benign rows of the same kinds drawn from the look-alike profiles (a sole trader's cash
deposit, a student's money from a relative, a landlord's rent, a traveller's hotel, a remittance, an
independent advertiser's QuickAds fee …). The rows are shuffled and numbered T01… *after* the shuffle, so
neither order nor id says anything; each is shown as the production prints it (institution, account as
printed, the institution's local date, signed amount in the account's currency, counterparty, text).

One function picks the rows for both sides of the split: synth.build.briefs publishes ``public_rows`` and the key
(synth.key.finance) stores ``answers``. Deterministic from the seed (its own stream), no draw elsewhere moves.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np

from synth.streams import labelled_random
from synth.vocab.institutions import BY_SLUG, CHANNELS, CURRENCIES
from synth.vocab.places import country_field
from synth.vocab.schemes import format_account
from synth.world.finance import FinAccount, Finance

ILLICIT, BENIGN = 18, 12  # rows per world: a third of the question is benign look-alikes
CUSTOMER = frozenset({"personal", "business", "app", "prepaid"})
CHAIN_ONLY = frozenset({"peel_chain", "crypto_dark_market"})  # no bank row to show
# Bank zones as the productions print dates (synth.render.productions.statements.ZONES); app and cards print UTC.
ZONES = country_field(lambda c: c.zone)  # synth/presets/places.toml
BENIGN_LABEL = "benign"


@dataclass(frozen=True)
class Pick:
    """One question: the ledger row, whose statement shows it, and the labels that count as right."""

    qid: str
    row: int
    account: int
    accepted: tuple[str, ...]


def _shown_side(finance: Finance, row: int) -> int | None:
    """The customer account whose statement shows the row (the payer's, else the payee's)."""
    c = finance.ledger.columns
    for side in ("debit", "credit"):
        acc = int(c[side][row])
        if acc > 0 and finance.account(acc).kind in CUSTOMER:
            return acc
    return None


def _representative(finance: Finance, rows: np.ndarray) -> int:
    """The row that shows a flow's typology: a cash deposit for funnels and structuring, else the first."""
    c = finance.ledger.columns
    deposits = [r for r in rows.tolist() if CHANNELS[int(c["channel"][r])] == "cash_deposit"]
    return deposits[0] if deposits else int(rows[0])


def _accepted(finance: Finance, row: int, typology: str) -> tuple[str, ...]:
    """A wire under the line to the organiser's country is both "wire_to_origin" and "structuring": the
    generator labels such wires either way, and no trainee could tell them apart."""
    c = finance.ledger.columns
    credit = int(c["credit"][row])
    if CHANNELS[int(c["channel"][row])] == "wire" and credit > 0 and finance.account(credit).role == "organiser":
        return ("structuring", "wire_to_origin")
    return (typology,)


def _benign_kinds(finance: Finance) -> dict[str, np.ndarray]:
    """Benign rows of customers without a role, by look-alike kind (the hard negatives of each typology)."""
    c = finance.ledger.columns
    n = len(finance.accounts) + 2
    profile = np.array([""] * n, dtype=object)
    merchant = np.array([""] * n, dtype=object)
    for a in finance.accounts:
        if a.kind in CUSTOMER and not a.role:
            profile[a.account_id] = a.profile
        elif a.kind == "merchant":
            merchant[a.account_id] = a.profile if a.profile != "site" else a.holder
    benign = c["flow"] < 0
    channel = np.array(CHANNELS, dtype=object)[c["channel"]]
    debit, credit = c["debit"], c["credit"]
    payer, payee = profile[np.maximum(debit, 0)], profile[np.maximum(credit, 0)]
    kinds = {
        "cash deposit of a sole trader": (channel == "cash_deposit") & (payee == "sole_trader"),
        "money from a relative to a student": (channel != "salary") & (payee == "student") & (debit > 0)
        & (profile[np.maximum(debit, 0)] != ""),
        "rent to a landlord": (payee == "landlord") & (channel == "transfer"),
        "a traveller's hotel": (payer == "traveller") & (merchant[np.maximum(credit, 0)] == "hotel"),
        "a traveller's ticket or ride": (payer == "traveller") & np.isin(merchant[np.maximum(credit, 0)],
                                                                         ["transport", "ride"]),
        "a remittance home": (payer == "remitter") & (channel == "wire"),
        "an advertiser's own ad fee": (payer != "") & (merchant[np.maximum(credit, 0)] == "merchant:quickads"),
        "cash out away from home": (payer == "traveller") & (channel == "cash_withdrawal"),
    }
    return {k: np.flatnonzero(benign & mask) for k, mask in kinds.items()}


def pick_rows(finance: Finance, seed: int) -> list[Pick]:
    """The question's rows in their published order (ids T01… after the shuffle)."""
    rng = labelled_random(f"{seed}:module07-typology-questions")
    c = finance.ledger.columns
    flows = {f.flow_id: f for f in finance.flows}
    by_typology: dict[str, list[int]] = {}
    illicit = np.flatnonzero(c["flow"] >= 0)
    order = np.argsort(c["flow"][illicit], kind="stable")
    ids, starts = np.unique(c["flow"][illicit][order], return_index=True)
    for flow_id, rows in zip(ids.tolist(), np.split(illicit[order], starts[1:]), strict=True):
        typology = flows[flow_id].typology
        row = _representative(finance, rows)
        if typology and typology not in CHAIN_ONLY and CHANNELS[int(c["channel"][row])] != "exchange_buy":
            by_typology.setdefault(typology, []).append(row)
    seen: set[tuple] = set()
    chosen: list[tuple[int, tuple[str, ...]]] = []

    def take(row: int, accepted: tuple[str, ...]) -> bool:
        account = _shown_side(finance, row)
        if account is None:
            return False
        key = _view_key(finance, row, account)
        if key in seen or _ambiguous(finance, row, account, key):
            return False
        seen.add(key)
        chosen.append((row, accepted))
        return True

    pools = {t: rng.sample(rows, len(rows)) for t, rows in sorted(by_typology.items())}
    _round_robin(pools, ILLICIT, lambda t, r: take(r, _accepted(finance, r, t)), rng)
    benign = {k: rng.sample(rows.tolist(), min(len(rows), 50)) for k, rows in sorted(_benign_kinds(finance).items())}
    _round_robin(benign, BENIGN, lambda _k, r: take(r, (BENIGN_LABEL,)), rng)
    rng.shuffle(chosen)
    return [Pick(f"T{i:02d}", row, _shown_side(finance, row) or 0, accepted)
            for i, (row, accepted) in enumerate(chosen, start=1)]


def _round_robin(pools: dict[str, list[int]], wanted: int, take, rng: random.Random) -> None:
    names = sorted(pools)
    rng.shuffle(names)
    got = 0
    while got < wanted and any(pools[n] for n in names):
        for name in names:
            while pools[name]:
                if take(name, pools[name].pop()):
                    got += 1
                    break
            if got >= wanted:
                return


def printed_number(account: FinAccount) -> str:
    """An account as statements print it: a number in groups of four, or the app handle."""
    return account.number if account.kind == "app" else format_account(account.number)


def _view(finance: Finance, row: int, account: int) -> dict[str, str]:
    """The row as the account's production prints it."""
    c = finance.ledger.columns
    acc = finance.account(account)
    out = int(c["debit"][row]) == account
    cents = -int(c["amount"][row]) if out else int(c["credit_amount"][row])
    currency = CURRENCIES[int(c["currency"][row] if out else c["credit_currency"][row])]
    inst = BY_SLUG[acc.institution]
    zone = ZoneInfo(ZONES[inst.country]) if inst.kind == "bank" else timezone.utc
    when = (finance.ledger.epoch + timedelta(seconds=int(c["ts"][row]))).astimezone(zone)
    other = int(c["credit"][row] if out else c["debit"][row])
    name = finance.account(other).holder_name if other > 0 else ""
    sign, units = ("-" if cents < 0 else ""), abs(cents)
    return {"institution": acc.institution,
            "account": printed_number(acc),
            "date": when.strftime("%Y-%m-%d"), "amount": f"{sign}{units // 100}.{units % 100:02d}",
            "currency": currency, "counterparty": name,
            "description": finance.ledger.descriptions[int(c["desc"][row])]}


def _view_key(finance: Finance, row: int, account: int) -> tuple:
    v = _view(finance, row, account)
    return v["institution"], v["account"], v["date"], v["amount"]


def _ambiguous(finance: Finance, row: int, account: int, key: tuple) -> bool:
    """True when another row of the account prints the same date and amount (the trainee could not tell)."""
    c = finance.ledger.columns
    near = np.flatnonzero(((c["debit"] == account) | (c["credit"] == account))
                          & (np.abs(c["ts"] - c["ts"][row]) < 2 * 86400))
    return any(_view_key(finance, int(r), account) == key for r in near.tolist() if r != row)


def public_rows(finance: Finance, seed: int) -> list[dict[str, str]]:
    """What the brief shows: id and the printed row, nothing else."""
    return [{"id": p.qid, **_view(finance, p.row, p.account)} for p in pick_rows(finance, seed)]


def answers(finance: Finance, seed: int) -> dict[str, list[str]]:
    """What the key holds: for each id, the labels that count as right (a typology, or "benign")."""
    return {p.qid: list(p.accepted) for p in pick_rows(finance, seed)}


def eur_per_unit() -> dict[str, float]:
    """The world's fixed conversion rates (euros per unit), published so a total can be given in euros."""
    from synth.vocab.institutions import EUR_CENTS_PER_UNIT

    return {currency: cents / 100 for currency, cents in EUR_CENTS_PER_UNIT.items()}


def labels(finance: Finance) -> list[str]:
    """The labels a trainee may use: every typology that has a bank row, and "benign"."""
    found = {f.typology for f in finance.flows if f.typology and f.typology not in CHAIN_ONLY}
    return sorted(found) + [BENIGN_LABEL]
