"""The non-bank productions: Zapply (the payment app), LoadUp (prepaid cards) and Coinbridge (the exchange).

Zapply answers with JSON Lines: an app company exports from its database, its users' notes carry commas,
quotes and emoji that JSON keeps exactly (no delimiter or encoding to guess), and pandas reads it in one
call (``pd.read_json(path, lines=True)``) — a different shape from the banks' tables, which is the point.
Times are UTC (the app's servers), amounts are decimal strings (as payment APIs send them) with a
direction. Each user's rows are listed from that user's side, like a bank statement.

LoadUp sends a plain CSV of its cards' loads and purchases. Coinbridge answers for every customer who
held a deposit address or moved euros with it during the period: the register (name, phone, deposit
address, linked bank accounts) and its euro ledger — what a virtual-asset provider holds and discloses
(docs/finance.md §9). Customer references are random codes from a named stream, never world ids.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from synth.render.productions.letters import FileDoc, letter
from synth.render.productions.statements import money, write_csv
from synth.streams import area_random
from synth.vocab.institutions import BY_SLUG, CHANNELS, CURRENCIES
from synth.vocab.places import CITIES
from synth.vocab.schemes import format_account
from synth.world.finance import Finance

CITY_NAME = {c.slug: c.name for c in CITIES}
APP_TYPES = {"app": "transfer", "app_topup": "top_up", "card": "card_payment", "transfer": "bank_transfer"}


def iso(moment: pd.Timestamp) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_jsonl(path: Path, objects: list[dict]) -> Path:
    """One JSON object per line, UTF-8, characters as they are (emoji stay emoji, not \\u escapes)."""
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8", newline="\n")
    return path


def _rows_of(finance: Finance, institution: str) -> list[tuple]:
    """(account, other, direction, row index) for every ledger row of an ``institution`` account."""
    c = finance.ledger.columns
    ours = np.zeros(len(finance.accounts) + 2, dtype=bool)
    ours[[a.account_id for a in finance.accounts if a.institution == institution and a.kind != "merchant"]] = True
    out = [(int(c["debit"][i]), int(c["credit"][i]), "out", int(i)) for i in np.flatnonzero(ours[c["debit"]])]
    out += [(int(c["credit"][i]), int(c["debit"][i]), "in", int(i)) for i in np.flatnonzero(ours[c["credit"]])]
    return out


def _side(finance: Finance, row: int, direction: str) -> tuple[int, str]:
    """(cents signed, currency) of a ledger row from the side of its debit (out) or credit (in) account."""
    c = finance.ledger.columns
    if direction == "out":
        return -int(c["amount"][row]), CURRENCIES[int(c["currency"][row])]
    return int(c["credit_amount"][row]), CURRENCIES[int(c["credit_currency"][row])]


def zapply(finance: Finance, out: Path) -> tuple[list[Path], list[FileDoc]]:
    c, texts, epoch = finance.ledger.columns, finance.ledger.descriptions, pd.Timestamp(finance.ledger.epoch)
    records = []
    for own, other, direction, i in _rows_of(finance, "zapply"):
        cents, currency = _side(finance, i, direction)
        peer = finance.account(other) if other > 0 else None
        is_bank = peer is not None and BY_SLUG[peer.institution].kind == "bank" and peer.kind != "merchant"
        channel = CHANNELS[int(c["channel"][i])]
        records.append((finance.account(own).number, int(c["ts"][i]), int(c["txn_id"][i]), {
            "handle": finance.account(own).number, "time": iso(epoch + pd.Timedelta(seconds=int(c["ts"][i]))),
            "type": APP_TYPES.get(channel, channel), "direction": direction,
            "counterparty_handle": peer.number if peer is not None and peer.kind == "app" else None,
            "counterparty_name": peer.holder_name if peer is not None and peer.kind != "app" else None,
            "bank": BY_SLUG[peer.institution].name if is_bank else None,
            "bank_account": format_account(peer.number) if is_bank else None,
            "amount": money([abs(cents)])[0], "currency": currency, "note": texts[int(c["desc"][i])]}))
    records.sort(key=lambda r: r[:3])
    path = write_jsonl(out / "transactions.jsonl", [r[3] for r in records])
    users = sorted(({"handle": a.number, "name": a.holder_name, "phone": a.phone, "city": CITY_NAME.get(a.city),
                     "joined": a.opened_at.strftime("%Y-%m-%d")} for a in finance.accounts if a.kind == "app"),
                   key=lambda u: u["handle"])
    upath = write_jsonl(out / "users.jsonl", users)
    fmt = "JSON Lines (one JSON object per line), UTF-8. Read with pandas.read_json(path, lines=True). "
    docs = [FileDoc("transactions.jsonl", fmt + "One object per transaction and user, from that user's side "
                    "(a payment between two users appears once in each user's rows); by handle, then time.", (
        ("handle", "the user's handle (~word.word)"), ("time", "UTC, ISO 8601 (2026-03-02T14:05:09Z)"),
        ("type", "transfer (user to user), top_up (from the user's bank card), bank_transfer (from a bank "
                 "account), card_payment (Zapply card at a merchant)"),
        ("direction", "out (money leaving the user's balance) or in"),
        ("counterparty_handle", "the other user, for transfers; null otherwise"),
        ("counterparty_name", "the bank account holder (top-ups) or the merchant; null for transfers"),
        ("bank", "the bank of the funding account, for top-ups and bank transfers"),
        ("bank_account", "that bank account's number"),
        ("amount", "a decimal string in the balance's currency, always positive: \"12.50\""),
        ("currency", "EUR (Zapply balances are in euros)"),
        ("note", "the sender's note, exactly as typed (emoji included); TOP-UP for top-ups, the merchant's "
                 "descriptor for card payments")))]
    docs.append(FileDoc("users.jsonl", fmt + "One object per user.", (
        ("handle", "the user's handle"), ("name", "name verified at sign-up"), ("phone", "registered phone (E.164)"),
        ("city", "town of the verified address"), ("joined", "date the account was opened, yyyy-mm-dd"))))
    return [path, upath], docs


def loadup(finance: Finance, out: Path) -> tuple[list[Path], list[FileDoc]]:
    c, texts = finance.ledger.columns, finance.ledger.descriptions
    epoch = pd.Timestamp(finance.ledger.epoch)
    rows = []
    for own, other, direction, i in sorted(_rows_of(finance, "loadup"),
                                           key=lambda r: (finance.account(r[0]).number, int(c["ts"][r[3]]), r[3])):
        cents, currency = _side(finance, i, direction)
        peer = finance.account(other) if other > 0 else None
        kind = "PURCHASE" if direction == "out" else ("CASH LOAD" if peer is None else "LOAD")
        city = int(c["city"][i])
        rows.append({"Card account": format_account(finance.account(own).number),
                     "Date/time (UTC)": (epoch + pd.Timedelta(seconds=int(c["ts"][i]))).strftime("%Y-%m-%d %H:%M:%S"),
                     "Type": kind, "Merchant or source": peer.holder_name if peer else "",
                     "Source account": format_account(peer.number) if peer and direction == "in" else "",
                     "Location": CITIES[city].name if city >= 0 else "", "Description": texts[int(c["desc"][i])],
                     "Amount": money([cents])[0], "Currency": currency})
    holders = sorted((format_account(a.number), a.holder_name, a.opened_at.strftime("%Y-%m-%d"), a.phone or "",
                      CITY_NAME.get(a.city, "")) for a in finance.accounts if a.institution == "loadup")
    paths = [write_csv(out / "card_transactions.csv", pd.DataFrame(rows, columns=[
        "Card account", "Date/time (UTC)", "Type", "Merchant or source", "Source account", "Location", "Description",
        "Amount", "Currency"])), write_csv(out / "cardholders.csv", pd.DataFrame(holders, columns=[
            "Card account", "Cardholder", "Issued", "Phone", "City"]))]
    fmt = "UTF-8, comma-separated, Windows line ends, decimal point. "
    docs = [FileDoc("card_transactions.csv", fmt + "One row per load or purchase, by card account then time.", (
        ("Card account", "the prepaid card's account number"), ("Date/time (UTC)", "yyyy-mm-dd hh:mm:ss, UTC"),
        ("Type", "LOAD (paid from a bank card or account), CASH LOAD (at a kiosk), PURCHASE"),
        ("Merchant or source", "the merchant, or the holder of the bank account that paid the load"),
        ("Source account", "the bank account that paid a load"), ("Location", "merchant or kiosk town, if known"),
        ("Description", "descriptor as received"), ("Amount", "EUR, negative for purchases: -12.50"),
        ("Currency", "EUR")))]
    docs.append(FileDoc("cardholders.csv", fmt, (
        ("Card account", "account number"), ("Cardholder", "name given at issue"), ("Issued", "yyyy-mm-dd"),
        ("Phone", "phone given at issue"), ("City", "town of the address given"))))
    return paths, docs


def coinbridge(finance: Finance, out: Path, seed: int) -> tuple[list[Path], list[FileDoc]]:
    c = finance.ledger.columns
    epoch = pd.Timestamp(finance.ledger.epoch)
    exchange = next(a.account_id for a in finance.accounts if a.holder == "merchant:coinbridge")
    fiat = []
    for i in np.flatnonzero((c["debit"] == exchange) | (c["credit"] == exchange)):
        deposit = int(c["credit"][i]) == exchange
        bank = finance.account(int(c["debit"][i] if deposit else c["credit"][i]))
        cents = int(c["credit_amount"][i] if deposit else c["amount"][i])
        fiat.append((bank.holder, int(c["ts"][i]), int(i), bank, "DEPOSIT" if deposit else "PAYOUT", cents))
    holders = sorted({f[0] for f in fiat} | set(finance.exchange_customers.values()))
    first = {}
    for a in finance.accounts:
        if a.kind in ("personal", "business") and BY_SLUG[a.institution].kind == "bank":
            first.setdefault(a.holder, a)
    rng = area_random(seed, "productions-coinbridge")
    refs = dict(zip(holders, (f"CB-{n:07d}" for n in rng.sample(range(10**7), len(holders))), strict=True))
    addresses: dict[str, list[str]] = {}
    for address, holder in finance.exchange_customers.items():
        addresses.setdefault(holder, []).append(address)
    linked: dict[str, set[str]] = {}
    for holder, _, _, bank, _, _ in fiat:
        linked.setdefault(holder, set()).add(format_account(bank.number))
    register = [(refs[h], first[h].holder_name, first[h].phone or "", CITY_NAME.get(first[h].city, ""),
                 " ".join(sorted(addresses.get(h, []))), "; ".join(sorted(linked.get(h, ())))) for h in holders]
    customers = pd.DataFrame(sorted(register), columns=["Customer ref", "Full name", "Phone", "City",
                                                        "Deposit address", "Linked bank accounts"])
    ledger = pd.DataFrame(sorted((refs[h], (epoch + pd.Timedelta(seconds=ts)).strftime("%Y-%m-%dT%H:%M:%SZ"), kind,
                                  money([cents])[0], format_account(bank.number), bank.holder_name,
                                  BY_SLUG[bank.institution].name, i) for h, ts, i, bank, kind, cents in fiat),
                          columns=["Customer ref", "Time (UTC)", "Type", "Amount (EUR)", "Bank account",
                                   "Account holder", "Bank", "_row"]).drop(columns="_row")
    paths = [write_csv(out / "customers.csv", customers), write_csv(out / "fiat_ledger.csv", ledger)]
    fmt = "UTF-8, comma-separated, Windows line ends. "
    docs = [FileDoc("customers.csv", fmt + "One row per customer.", (
        ("Customer ref", "our customer reference"), ("Full name", "name verified at onboarding"),
        ("Phone", "registered phone"), ("City", "town of the verified address"),
        ("Deposit address", "the customer's LabCoin deposit address(es) with us (lab1...), space-separated; "
                            "coins sent there are credited to this customer"),
        ("Linked bank accounts", "bank accounts the customer paid euros from or was paid out to, '; '-separated"))),
        FileDoc("fiat_ledger.csv", fmt + "Our euro movements with customers' banks, by customer then time.", (
            ("Customer ref", "as in customers.csv"), ("Time (UTC)", "ISO 8601, UTC"),
            ("Type", "DEPOSIT (euros received from the customer's bank to buy coins) or PAYOUT (euros sent to it)"),
            ("Amount (EUR)", "euros received or sent: 1234.56"), ("Bank account", "the customer's bank account"),
            ("Account holder", "its holder as the bank reported it"), ("Bank", "the bank")))]
    return paths, docs


SCOPES = {"zapply": "every Zapply user's verified identity and every transaction of every Zapply balance during "
                     "the period",
          "loadup": "the cardholder records and every load and purchase of every LoadUp card during the period",
          "coinbridge": "the records of every customer who held a LabCoin deposit address or moved euros with us "
                        "during the period, and our euro ledger with them"}


def render_app_productions(world, root: Path, start: datetime, end: datetime, produced: datetime,
                           refs: dict[str, str]) -> list[Path]:
    """Write Zapply's, LoadUp's and Coinbridge's folders; the files written."""
    written: list[Path] = []
    notes = {"zapply": ("Amounts are exact; top-ups from non-euro accounts are shown as the euros credited.",),
             "loadup": ("Cards are in euros; loads from other currencies are shown as the euros credited.",),
             "coinbridge": ("LabCoin movements are public on the chain; we send only what the chain does not "
                            "show: who holds each deposit address and which bank accounts they use.",)}
    for slug in ("zapply", "loadup", "coinbridge"):
        out = root / slug
        out.mkdir(parents=True, exist_ok=True)
        if slug == "coinbridge":
            paths, docs = coinbridge(world.finance, out, world.seed)
        else:
            paths, docs = (zapply if slug == "zapply" else loadup)(world.finance, out)
        inst = BY_SLUG[slug]
        text = letter(inst.name, inst.domain, refs[slug], produced, SCOPES[slug],
                      f"{start:%Y-%m-%d} - {end:%Y-%m-%d}", docs, notes[slug])
        (out / "README.txt").write_text(text, encoding="utf-8", newline="\n")
        written += [*paths, out / "README.txt"]
    return written
