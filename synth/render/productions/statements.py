"""The banks' statement and customer rows, and the helpers every production layout shares (docs/finance.md §9).

One folder per institution under ``public/productions/``: each bank's statements of every customer
account (personal and business) in that bank's own layout, its customer (KYC) file and a cover letter
(``README.txt``); the payment app's, the prepaid programme's and the exchange's answers
(synth.render.productions.apps). Nothing key-only is written: no internal account or transaction id, no
profile, role, operation, flow or typology. Rows are ordered by account number and time (or by the
bank's own habit), and the references a bank prints are random codes drawn from a named stream, so
neither order nor references say anything about who is who.

This module builds the neutral per-bank tables and the writers every layout shares (money formats,
legacy encodings, deterministic CSV; workbooks in synth.render.productions.xlsx); synth.render.productions.banks and
synth.render.productions.banks_euro turn them into each bank's files.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from synth.streams import area_numpy, area_random
from synth.vocab.institutions import BY_SLUG, CHANNELS, CURRENCIES, Institution
from synth.vocab.places import CITIES, country_field
from synth.vocab.schemes import format_account
from synth.vocab.translit import ascii_fold
from synth.world.finance import Finance

# The bank's own clock: each bank prints local times of its country (IANA zones; the world's local clock,
# synth.build.social.personas.utc_offset, follows the same EU summer-time rule — tests check they agree).
ZONES = country_field(lambda c: c.zone)  # synth/presets/places.toml
CUSTOMER_KINDS = ("personal", "business")
# Channels on which a bank prints the other side's account number; card-like rows show only the merchant
# (as card schemes do) and cash rows the branch or cash machine's town.
ACCOUNT_CHANNELS = frozenset({"transfer", "wire", "direct_debit", "salary", "pension", "exchange_buy",
                              "exchange_payout"})
CASH_CHANNELS = frozenset({"cash_deposit", "cash_withdrawal"})
# On bank statements the app and the prepaid programme stand in for their users (their own company names).
STAND_IN = {"zapply": "merchant:zapply", "loadup": "merchant:loadup"}


@dataclass(frozen=True)
class Production:
    """Everything a layout needs: the institution, its tables, where to write, the order's particulars."""

    institution: Institution
    rows: pd.DataFrame  # statement_rows()
    customers: pd.DataFrame  # customer_rows()
    out_dir: Path
    start: datetime  # first day of the period (UTC)
    end: datetime  # last day of the period (UTC, inclusive)
    produced: datetime  # when the bank produced the files (fixed: the day after the period)
    order_ref: str

    def period(self, fmt: str) -> str:
        return f"{self.start.strftime(fmt)} - {self.end.strftime(fmt)}"


def shown_counterparties(finance: Finance) -> tuple[np.ndarray, np.ndarray]:
    """(name, formatted number) a bank shows for each account id (index = id; index 0 unused)."""
    stand_in = {a.holder: a for a in finance.accounts if a.holder in STAND_IN.values()}
    names = np.empty(len(finance.accounts) + 1, dtype=object)
    numbers = np.empty(len(finance.accounts) + 1, dtype=object)
    names[0] = numbers[0] = ""
    for a in finance.accounts:
        shown = stand_in[STAND_IN[a.institution]] if a.institution in STAND_IN else a
        names[a.account_id] = shown.holder_name
        numbers[a.account_id] = format_account(shown.number)
    return names, numbers


def local_times(epoch: datetime, ts: np.ndarray, country: str) -> tuple[pd.DatetimeIndex, pd.DatetimeIndex]:
    """(UTC, local wall-clock time of ``country``), both naive, for seconds after the epoch."""
    utc = pd.DatetimeIndex(pd.Timestamp(epoch) + pd.to_timedelta(ts, unit="s"))
    return utc.tz_convert(None), utc.tz_convert(ZONES[country]).tz_localize(None)


def references(seed: int, slug: str, txn_ids: np.ndarray) -> dict[int, str]:
    """A random reference per transaction the bank booked (both sides of an internal transfer share it).

    Drawn from the stream ``productions-refs-<slug>``, ``<3 letters><10 base-36 characters>``: unique, no
    order, and no IBAN shape (the letters run into the code, so no scanner or reader sees ``AA00…``).
    """
    rng = area_numpy(seed, f"productions-refs-{slug}")
    unique = np.unique(txn_ids)
    codes = rng.integers(0, 36**10, size=len(unique), dtype=np.int64)
    while len(np.unique(codes)) < len(codes):  # practically never: 36^10 codes
        codes = rng.integers(0, 36**10, size=len(unique), dtype=np.int64)
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    prefix = BY_SLUG[slug].code[:3]
    out = {}
    for txn, code in zip(unique.tolist(), codes.tolist(), strict=True):
        chars = []
        for _ in range(10):
            code, d = divmod(code, 36)
            chars.append(digits[d])
        out[txn] = prefix + "".join(chars)
    return out


def statement_rows(finance: Finance, slug: str, seed: int) -> pd.DataFrame:
    """Every ledger row of a customer account of bank ``slug``, seen from that account.

    Columns: account (formatted number), utc, local, channel, direction (out/in), cents (signed, the
    account's currency), currency, cp_name, cp_account (formatted, only on ACCOUNT_CHANNELS), place (cash
    rows' town), text (the statement text), ref; sorted by account, time and (for ties) txn id.
    """
    ours = np.zeros(len(finance.accounts) + 2, dtype=bool)
    own_number = np.empty(len(finance.accounts) + 2, dtype=object)
    for a in finance.accounts:
        if a.institution == slug and a.kind in CUSTOMER_KINDS:
            ours[a.account_id] = True
            own_number[a.account_id] = format_account(a.number)
    c = finance.ledger.columns
    debit, credit = c["debit"], c["credit"]
    parts = []
    for direction, own, other in (("out", debit, credit), ("in", credit, debit)):
        idx = np.flatnonzero(ours[own])
        amount = -c["amount"][idx] if direction == "out" else c["credit_amount"][idx]
        currency = c["currency"][idx] if direction == "out" else c["credit_currency"][idx]
        parts.append(dict(txn=c["txn_id"][idx], ts=c["ts"][idx], own=own[idx], other=other[idx],
                          channel=c["channel"][idx], cents=amount, currency=currency, city=c["city"][idx],
                          desc=c["desc"][idx], direction=np.full(len(idx), direction, dtype=object)))
    cols = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    names, numbers = shown_counterparties(finance)
    channel = np.array(CHANNELS, dtype=object)[cols["channel"]]
    other = cols["other"]
    cash = other < 0
    show_account = np.isin(channel, list(ACCOUNT_CHANNELS)) & ~cash
    city_names = np.array([x.name for x in CITIES] + [""], dtype=object)
    utc, local = local_times(finance.ledger.epoch, cols["ts"], BY_SLUG[slug].country)
    refs = references(seed, slug, cols["txn"])
    frame = pd.DataFrame({
        "txn": cols["txn"], "account": own_number[cols["own"]], "utc": utc, "local": local, "channel": channel,
        "direction": cols["direction"], "cents": cols["cents"].astype(np.int64),
        "currency": np.array(CURRENCIES, dtype=object)[cols["currency"]],
        "cp_name": np.where(cash, "", names[np.maximum(other, 0)]),
        "cp_account": np.where(show_account, numbers[np.maximum(other, 0)], ""),
        "place": np.where(cash, city_names[cols["city"]], ""),
        "text": np.array(finance.ledger.descriptions, dtype=object)[cols["desc"]],
        "ref": [refs[t] for t in cols["txn"].tolist()],
    })
    return frame.sort_values(["account", "utc", "txn"], kind="mergesort").reset_index(drop=True)


def customer_rows(finance: Finance, slug: str) -> pd.DataFrame:
    """The bank's KYC view of its customer accounts: number, holder, kind, opened, phone, town."""
    city = {x.slug: x.name for x in CITIES}
    rows = [(format_account(a.number), a.holder_name, a.kind, a.opened_at.date(), a.phone or "", city.get(a.city, ""))
            for a in finance.accounts if a.institution == slug and a.kind in CUSTOMER_KINDS]
    frame = pd.DataFrame(rows, columns=["account", "name", "kind", "opened", "phone", "city"])
    return frame.sort_values("account").reset_index(drop=True)


def money(cents: Iterable[int], decimal: str = ".", thousands: str = "", signed: bool = True) -> list[str]:
    """Amounts as a bank prints them: ``-1.234,56`` (decimal ",", thousands "."), ``1234.56`` …"""
    out = []
    for value in cents:
        units, rest = divmod(abs(int(value)), 100)
        whole = f"{units:,}".replace(",", thousands)
        out.append(("-" if signed and value < 0 else "") + f"{whole}{decimal}{rest:02d}")
    return out


def encodable(text: str, encoding: str) -> str:
    """``text`` as a legacy system stores it: characters the encoding lacks lose their accents, else become ?"""
    try:
        text.encode(encoding)
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text.replace("\ufe0f", "").replace("\u200d", ""):
        for candidate in (ch, ascii_fold(ch), "?"):
            try:
                candidate.encode(encoding)
            except UnicodeEncodeError:
                continue
            out.append(candidate)
            break
    return "".join(out)


def write_csv(path: Path, frame: pd.DataFrame, *, sep: str = ",", encoding: str = "utf-8", quoting: int = 0,
              preamble: Sequence[str] = (), newline: str = "\r\n") -> Path:
    """One CSV as the bank's system writes it: preamble lines, then the table (strings only, no index)."""
    if encoding not in ("utf-8", "utf-8-sig"):
        frame = frame.copy()
        for name in frame.columns:  # once per distinct text: a statement repeats its names and references
            table = {v: encodable(v, encoding) if isinstance(v, str) else v for v in pd.unique(frame[name])}
            frame[name] = frame[name].map(table)
        preamble = [encodable(line, encoding) for line in preamble]
    with path.open("w", encoding=encoding, newline="") as handle:
        for line in preamble:
            handle.write(line + newline)
        frame.to_csv(handle, sep=sep, index=False, quoting=quoting, lineterminator=newline)
    return path


def order_refs(seed: int) -> dict[str, str]:
    """The (fictional) production-order number each institution quotes in its cover letter."""
    rng = area_random(seed, "productions-orders")
    return {slug: f"PO/{rng.randint(100, 999)}/{rng.randint(1000, 9999)}" for slug in BY_SLUG}
