"""What a trainee types into the explorer, and ledger ids written in other text (for Seekr).

A transaction id, an address or a block height is checked here before any query: a string that cannot
be one is a 400 whose message says what the thing looks like; a well-formed one the ledger lacks is the
caller's 404. ``ledger_mentions`` finds the ledger's addresses and transaction ids in free text (a search
query that pastes an address from an ad), so Seekr can point at the explorer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import abort

from synth.vocab.schemes import BECH32, WALLET_IN_TEXT
from synth.web.sites.explorer.data import SATS_PER_LBC, Label, address_stats, chain, get_tx

TXID_RE = re.compile(r"[0-9a-f]{64}")
ADDRESS_RE = re.compile(r"lab1[" + BECH32 + r"]{38}")  # the lab's wallet scheme (synth.vocab.schemes)
HEIGHT_RE = re.compile(r"-?\d{1,9}")


def parse_txid(raw: str) -> str:
    """A transaction id: 64 hexadecimal digits (any case); anything else is a 400 that says so."""
    txid = raw.strip().lower()
    if not TXID_RE.fullmatch(txid):
        abort(400, f"“{raw[:80]}” is not a transaction id: a LabCoin transaction id is 64 hexadecimal "
                   "characters (0–9 and a–f).")
    return txid


def parse_address(raw: str) -> str:
    """A LabCoin address, ``lab1`` and 38 bech32 characters (any case, as bech32 allows); else a 400."""
    address = raw.strip().lower()
    if not ADDRESS_RE.fullmatch(address):
        abort(400, f"“{raw[:80]}” is not a LabCoin address: {address_rule()}")
    return address


def address_rule() -> str:
    return ("an address is lab1 followed by 38 letters and digits of the bech32 alphabet (no b, i, o or the "
            "digit 1 after the prefix), 42 characters in all.")


def parse_height(raw: str) -> int:
    """A block height: a whole number (the ledger's first blocks, before the lab's period, are negative)."""
    text = raw.strip()
    if not HEIGHT_RE.fullmatch(text):
        abort(400, f"“{raw[:40]}” is not a block height: a height is a whole number, such as 1530.")
    return int(text)


# ---- for Seekr: a ledger id written in a query leads to the explorer --------------------------------------

ADDRESS_IN_TEXT = WALLET_IN_TEXT
TXID_IN_TEXT = re.compile(r"(?<![0-9a-z])[0-9a-f]{64}(?![0-9a-z])", re.IGNORECASE)


@dataclass(frozen=True)
class LedgerMention:
    """An address or transaction id found in a text and present on the ledger, with a one-line summary."""

    kind: str  # "address" | "tx"
    ident: str
    path: str
    summary: str
    label: Label | None = None


def ledger_mentions(text: str, limit: int = 3) -> list[LedgerMention]:
    """The ledger's addresses and transactions written in ``text`` (at most ``limit``), each as it stands."""
    found: list[LedgerMention] = []
    for m in ADDRESS_IN_TEXT.finditer(text):
        stats = address_stats(m.group(0).lower())
        if stats.tx_count and len(found) < limit:
            whole, frac = divmod(stats.funded_sum, SATS_PER_LBC)
            plural = "s" if stats.tx_count != 1 else ""
            found.append(LedgerMention("address", stats.address, f"/explorer/address/{stats.address}",
                                       f"LabCoin address · {stats.tx_count} transaction{plural}"
                                       f" · received {whole:,}.{frac:08d} LBC in all",
                                       chain().labels.get(stats.address)))
    for m in TXID_IN_TEXT.finditer(text):
        tx = get_tx(m.group(0).lower())
        if tx is not None and len(found) < limit:
            found.append(LedgerMention("tx", tx.txid, f"/explorer/tx/{tx.txid}",
                                       f"LabCoin transaction · {tx.time} · block {tx.block} · "
                                       f"{len(tx.inputs)} in, {len(tx.outputs)} out"))
    return found
