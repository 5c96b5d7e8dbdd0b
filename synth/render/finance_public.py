"""The money tables anyone may see: the institutions' directory, the public LabCoin chain with the explorer's
labels and daily prices, and the payment app's public profiles (handle and display name).

Bank and app transactions are *not* public: an investigator gets them by production order, rendered per
bank by the production renderers from the in-memory ledger. Rows here carry no owner, role or flow; the
chain's rows are in time order and its labels name only entities a real explorer labels (the exchange's
hot wallet, the market, QuickAds' payment address).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from synth.vocab.institutions import INSTITUTIONS
from synth.world.finance import Finance

SCHEMA = """
CREATE TABLE fin_institutions (slug TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
  country TEXT NOT NULL, currency TEXT NOT NULL, code TEXT NOT NULL, domain TEXT NOT NULL);
CREATE TABLE chain_txs (txid TEXT PRIMARY KEY, block INTEGER NOT NULL, time TEXT NOT NULL, fee_sats INTEGER NOT NULL);
CREATE INDEX chain_txs_time ON chain_txs (time);
CREATE TABLE chain_inputs (txid TEXT NOT NULL, vin INTEGER NOT NULL, prev_txid TEXT NOT NULL,
  prev_vout INTEGER NOT NULL, address TEXT NOT NULL, value_sats INTEGER NOT NULL, PRIMARY KEY (txid, vin));
CREATE INDEX chain_inputs_address ON chain_inputs (address);
CREATE INDEX chain_inputs_prev ON chain_inputs (prev_txid, prev_vout);
CREATE INDEX chain_txs_block ON chain_txs (block);
CREATE TABLE chain_outputs (txid TEXT NOT NULL, vout INTEGER NOT NULL, address TEXT NOT NULL,
  value_sats INTEGER NOT NULL, PRIMARY KEY (txid, vout));
CREATE INDEX chain_outputs_address ON chain_outputs (address);
CREATE TABLE chain_labels (address TEXT PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE chain_prices (day TEXT PRIMARY KEY, eur_cents_per_coin INTEGER NOT NULL);
CREATE TABLE zapply_profiles (handle TEXT PRIMARY KEY, display_name TEXT NOT NULL, joined_at TEXT NOT NULL);
"""


def _shown_name(account) -> str:
    """A controller's work account shows its handle as a name ("Lux Booking 1"); everyone else their own."""
    if account.role == "controller":
        return account.number.strip("~").replace(".", " ").title()
    return account.holder_name


def iso(ts) -> str:
    return ts.strftime("%Y-%m-%dT%H:%M:%SZ")


def render_finance(con: sqlite3.Connection, finance: Finance, epoch) -> None:
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO fin_institutions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(i.slug, i.name, i.kind, i.country, i.currency, i.code, i.domain) for i in INSTITUTIONS])
    txs, inputs, outputs = [], [], []
    for tx in finance.chain:
        fee = sum(i[3] for i in tx.inputs) - sum(o[1] for o in tx.outputs) if tx.inputs else 0
        block = int((tx.time - epoch).total_seconds() // 600)
        txs.append((tx.txid, block, iso(tx.time), fee))
        inputs += [(tx.txid, n, prev, vout, address, sats) for n, (prev, vout, address, sats) in enumerate(tx.inputs)]
        outputs += [(tx.txid, n, address, sats) for n, (address, sats) in enumerate(tx.outputs)]
    con.executemany("INSERT INTO chain_txs VALUES (?, ?, ?, ?)", txs)
    con.executemany("INSERT INTO chain_inputs VALUES (?, ?, ?, ?, ?, ?)", inputs)
    con.executemany("INSERT INTO chain_outputs VALUES (?, ?, ?, ?)", outputs)
    deposits = set(finance.exchange_customers)
    labels = sorted((a, w.label) for w in finance.wallets if w.label for a in w.addresses if a not in deposits)
    con.executemany("INSERT INTO chain_labels VALUES (?, ?)", labels)
    con.executemany("INSERT INTO chain_prices VALUES (?, ?)",
                    [((epoch + timedelta(days=d)).strftime("%Y-%m-%d"), p) for d, p in enumerate(finance.coin_price)])
    profiles = sorted((a.number, _shown_name(a), iso(a.opened_at)) for a in finance.accounts if a.kind == "app")
    con.executemany("INSERT INTO zapply_profiles VALUES (?, ?, ?)", profiles)
