"""The explorer's reads of the public LabCoin chain, shared by its pages and its JSON API.

Only the public tables are read (``chain_txs``, ``chain_inputs``, ``chain_outputs``, ``chain_labels``,
``chain_prices``; synth/render/finance_public.py): no owner, wallet or flow exists here, so nothing the key holds
can reach a page. Labels are the few a real explorer shows (an exchange's hot wallet, a market, a
merchant's payment address); grouping addresses into wallets is the trainee's work (common-input heuristic).

``ChainIndex`` holds what every page needs and the public tables have no index for: the blocks (height,
transaction count, times, fees), the labels and the daily prices. It is read once when the site is mounted
(a few hundred rows on the default world). Everything else is queried per request through the tables'
own indexes (txid primary keys, ``address`` on inputs and outputs, ``time`` on transactions). The one
lookup without an index, "which input spends this output", goes through the output's address: the
spending input carries the same address, so ``chain_inputs_address`` finds it among a handful of rows.
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_left
from dataclasses import dataclass

from flask import current_app

from synth.web.context import db
from synth.web.world import World, connect_readonly

SATS_PER_LBC = 100_000_000
# What each public label is, in the explorer's words; a label the world adds later shows as "labelled entity".
LABEL_KINDS: dict[str, tuple[str, str]] = {
    "Coinbridge Exchange": ("exchange", "Exchange hot wallet"),
    "NightBazaar market": ("market", "Dark-web market"),
    "QuickAds payments": ("merchant", "Payment address of a classified-ads site"),
}


@dataclass(frozen=True)
class Label:
    """A public label: the entity's name, what kind of entity it is, and a short description."""

    name: str
    kind: str
    description: str

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.casefold()).strip("-")

    @classmethod
    def of(cls, name: str) -> Label:
        kind, description = LABEL_KINDS.get(name, ("other", "Labelled entity"))
        return cls(name, kind, description)


@dataclass(frozen=True)
class Block:
    """The transactions of one 10-minute block; ``time`` is its last transaction's (when it was mined)."""

    height: int
    tx_count: int
    first_time: str
    time: str
    fees: int


class ChainIndex:
    """Blocks, labels and prices, read once per app: small, and without an index in the public tables."""

    def __init__(self, blocks: list[Block], labels: dict[str, Label], prices: dict[str, int], tx_count: int) -> None:
        self.blocks = blocks  # ascending height
        self.heights = [b.height for b in blocks]
        self.labels = labels
        self.prices = prices
        self.last_day = max(prices) if prices else None
        self.tx_count = tx_count

    @classmethod
    def build(cls, world: World) -> ChainIndex:
        conn = connect_readonly(world.db_uri)
        try:
            blocks = [Block(int(r[0]), int(r[1]), r[2], r[3], int(r[4])) for r in conn.execute(
                "SELECT block, COUNT(*), MIN(time), MAX(time), SUM(fee_sats) FROM chain_txs "
                "GROUP BY block ORDER BY block")]
            labels = {a: Label.of(name) for a, name in conn.execute("SELECT address, label FROM chain_labels")}
            prices = dict(conn.execute("SELECT day, eur_cents_per_coin FROM chain_prices"))
        finally:
            conn.close()
        return cls(blocks, labels, prices, sum(b.tx_count for b in blocks))

    @property
    def tip(self) -> int | None:
        return self.heights[-1] if self.heights else None

    def block(self, height: int) -> Block | None:
        i = bisect_left(self.heights, height)
        return self.blocks[i] if i < len(self.heights) and self.heights[i] == height else None

    def neighbours(self, height: int) -> tuple[int | None, int | None]:
        """The heights of the blocks before and after ``height`` (blocks without transactions do not exist)."""
        i = bisect_left(self.heights, height)
        before = self.heights[i - 1] if i > 0 else None
        j = i + 1 if i < len(self.heights) and self.heights[i] == height else i
        return before, self.heights[j] if j < len(self.heights) else None

    def confirmations(self, height: int) -> int:
        return (self.tip or height) - height + 1

    def price_on(self, time: str) -> int | None:
        """Euro cents per LBC on the day of ``time`` (None before the price series starts)."""
        return self.prices.get(time[:10])

    def newest_blocks(self, limit: int, offset: int = 0) -> list[Block]:
        end = len(self.blocks) - offset
        return self.blocks[max(0, end - limit):max(0, end)][::-1]


def chain() -> ChainIndex:
    return current_app.extensions["osintlab.explorer"]


@dataclass(frozen=True)
class TxIn:
    vin: int
    prev_txid: str
    prev_vout: int
    address: str
    value: int


@dataclass(frozen=True)
class TxOut:
    vout: int
    address: str
    value: int
    spent_by: tuple[str, int] | None  # (txid, vin) of the input that spends it


@dataclass(frozen=True)
class Tx:
    """A transaction with its inputs (the outputs they spend, with address and value) and outputs."""

    txid: str
    block: int
    time: str
    fee: int
    inputs: tuple[TxIn, ...]
    outputs: tuple[TxOut, ...]

    @property
    def issuance(self) -> bool:
        """No inputs: coins that enter the ledger from outside the lab's world (like a coinbase)."""
        return not self.inputs

    @property
    def total_in(self) -> int:
        return sum(i.value for i in self.inputs)

    @property
    def total_out(self) -> int:
        return sum(o.value for o in self.outputs)

    def delta(self, address: str) -> int:
        """What this transaction changed on ``address``'s balance (received minus spent), in sats."""
        return (sum(o.value for o in self.outputs if o.address == address)
                - sum(i.value for i in self.inputs if i.address == address))


def _in(n: int) -> str:
    return ", ".join("?" * n)


def txs_by_ids(txids: list[str]) -> list[Tx]:
    """The transactions of ``txids``, in that order, with inputs, outputs and who spends each output."""
    out: dict[str, Tx] = {}
    for start in range(0, len(txids), 400):
        chunk = list(dict.fromkeys(txids[start:start + 400]))
        if not chunk:
            continue
        heads = db().execute(f"SELECT txid, block, time, fee_sats FROM chain_txs WHERE txid IN ({_in(len(chunk))})",
                             chunk).fetchall()
        ins: dict[str, list[TxIn]] = {}
        for r in db().execute(f"SELECT txid, vin, prev_txid, prev_vout, address, value_sats FROM chain_inputs "
                              f"WHERE txid IN ({_in(len(chunk))}) ORDER BY txid, vin", chunk):
            ins.setdefault(r[0], []).append(TxIn(int(r[1]), r[2], int(r[3]), r[4], int(r[5])))
        outs = db().execute(f"SELECT txid, vout, address, value_sats FROM chain_outputs "
                            f"WHERE txid IN ({_in(len(chunk))}) ORDER BY txid, vout", chunk).fetchall()
        spends = _spenders(outs)
        by_tx: dict[str, list[TxOut]] = {}
        for r in outs:
            by_tx.setdefault(r[0], []).append(TxOut(int(r[1]), r[2], int(r[3]), spends.get((r[0], int(r[1])))))
        for h in heads:
            out[h[0]] = Tx(h[0], int(h[1]), h[2], int(h[3]), tuple(ins.get(h[0], ())), tuple(by_tx.get(h[0], ())))
    return [out[t] for t in txids if t in out]


def _spenders(outputs: list[sqlite3.Row]) -> dict[tuple[str, int], tuple[str, int]]:
    """(txid, vout) → (txid, vin) of the spending input, found through the outputs' addresses (indexed)."""
    wanted = {(r[0], int(r[1])) for r in outputs}
    addresses = sorted({r[2] for r in outputs})
    found: dict[tuple[str, int], tuple[str, int]] = {}
    for start in range(0, len(addresses), 400):
        chunk = addresses[start:start + 400]
        for r in db().execute(f"SELECT prev_txid, prev_vout, txid, vin FROM chain_inputs "
                              f"WHERE address IN ({_in(len(chunk))})", chunk):
            if (r[0], int(r[1])) in wanted:
                found[(r[0], int(r[1]))] = (r[2], int(r[3]))
    return found


def get_tx(txid: str) -> Tx | None:
    found = txs_by_ids([txid])
    return found[0] if found else None


NEWEST_FIRST = "ORDER BY time DESC, txid DESC"
_ADDRESS_TXIDS = ("SELECT txid FROM chain_outputs WHERE address = ? "
                  "UNION SELECT txid FROM chain_inputs WHERE address = ?")


def latest_txids(limit: int) -> list[str]:
    return [r[0] for r in db().execute(f"SELECT txid FROM chain_txs {NEWEST_FIRST} LIMIT ?", (limit,))]


def block_txids(block: Block, limit: int, offset: int) -> list[str]:
    """One page of a block's transactions, oldest first (the ``time`` index narrows the scan to the block)."""
    return [r[0] for r in db().execute(
        "SELECT txid FROM chain_txs WHERE time BETWEEN ? AND ? AND block = ? ORDER BY time, txid LIMIT ? OFFSET ?",
        (block.first_time, block.time, block.height, limit, offset))]


@dataclass(frozen=True)
class AddressStats:
    """Esplora's ``chain_stats`` of an address, and when it was first and last used."""

    address: str
    funded_count: int
    funded_sum: int
    spent_count: int
    spent_sum: int
    tx_count: int
    first_seen: str | None
    last_seen: str | None

    @property
    def balance(self) -> int:
        return self.funded_sum - self.spent_sum


def address_stats(address: str) -> AddressStats:
    funded = db().execute("SELECT COUNT(*), COALESCE(SUM(value_sats), 0) FROM chain_outputs WHERE address = ?",
                          (address,)).fetchone()
    spent = db().execute("SELECT COUNT(*), COALESCE(SUM(value_sats), 0) FROM chain_inputs WHERE address = ?",
                         (address,)).fetchone()
    seen = db().execute(f"SELECT COUNT(*), MIN(time), MAX(time) FROM chain_txs WHERE txid IN ({_ADDRESS_TXIDS})",
                        (address, address)).fetchone()
    return AddressStats(address, int(funded[0]), int(funded[1]), int(spent[0]), int(spent[1]), int(seen[0]),
                        seen[1], seen[2])


def address_txids(address: str, limit: int, offset: int) -> list[str]:
    """One page of the transactions that pay or spend ``address``, newest first."""
    return [r[0] for r in db().execute(
        f"SELECT txid FROM chain_txs WHERE txid IN ({_ADDRESS_TXIDS}) {NEWEST_FIRST} LIMIT ? OFFSET ?",
        (address, address, limit, offset))]


def blocks_of(txids: list[str]) -> dict[str, int]:
    """txid → block height, for transactions known only by id (the spenders of outputs)."""
    found: dict[str, int] = {}
    for start in range(0, len(txids), 400):
        chunk = txids[start:start + 400]
        found.update((r[0], int(r[1])) for r in db().execute(
            f"SELECT txid, block FROM chain_txs WHERE txid IN ({_in(len(chunk))})", chunk))
    return found


def unspent(address: str) -> list[tuple[str, int, int, str, int]]:
    """(txid, vout, value, time, block) of every output to ``address`` that no input spends yet, oldest first."""
    outs = db().execute("SELECT o.txid, o.vout, o.address, o.value_sats, t.time, t.block FROM chain_outputs o "
                        "JOIN chain_txs t ON t.txid = o.txid WHERE o.address = ? ORDER BY t.time, o.txid, o.vout",
                        (address,)).fetchall()
    spent = _spenders(outs)
    return [(r[0], int(r[1]), int(r[3]), r[4], int(r[5])) for r in outs if (r[0], int(r[1])) not in spent]


def fiat_cents(sats: int, price_cents: int | None) -> int | None:
    """The euro value in cents of ``sats`` at ``price_cents`` per LBC, rounded half up (None without a price)."""
    if price_cents is None:
        return None
    cents = (abs(sats) * price_cents + SATS_PER_LBC // 2) // SATS_PER_LBC
    return -cents if sats < 0 else cents
