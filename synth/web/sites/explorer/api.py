"""The explorer's JSON API (``/explorer/api/``), shaped like Esplora (Blockstream, mempool.space).

Field names follow Esplora where it has one (``vin[].prevout.scriptpubkey_address``, ``value`` in sats,
``fee``, ``status.block_height``, ``chain_stats.funded_txo_sum`` …) so that code a trainee finds for a
real explorer reads this one with few changes. Lab additions: ISO times, ``confirmations``, the public
``label`` of an address, ``spent_by`` on outputs (to follow a chain of spends in one call), the day's
euro price, and ``url`` (the HTML page). Lists are paginated as the lab's other APIs are (``page``,
``per_page``, ``total``, ``pages``, ``next``), not with Esplora's last-seen-txid cursors, so one loop
reads every API of the lab. Errors are JSON ``{"error", "status"}`` (synth.web.app, ``JSON_PREFIXES``).
"""

from __future__ import annotations

from calendar import timegm
from time import strptime
from typing import Any

from flask import Blueprint, Response, abort, jsonify, request, url_for

from synth.web.pages import parse_page
from synth.web.sites.explorer.data import (
    AddressStats,
    Block,
    Label,
    Tx,
    address_stats,
    address_txids,
    block_txids,
    blocks_of,
    chain,
    get_tx,
    txs_by_ids,
    unspent,
)
from synth.web.sites.explorer.input import parse_address, parse_height, parse_txid
from synth.web.social import Paging, paging, parse_per_page

bp = Blueprint("api", __name__, url_prefix="/api")

PER_PAGE_DEFAULT = 25
PER_PAGE_MAX = 100


def _abs(endpoint: str, **values: Any) -> str:
    return url_for(endpoint, _external=True, **{k: v for k, v in values.items() if v is not None})


def unix(iso: str) -> int:
    """'2026-03-04T21:15:00Z' → Unix seconds, as Esplora's ``block_time``."""
    return timegm(strptime(iso, "%Y-%m-%dT%H:%M:%SZ"))


def label_json(label: Label | None) -> dict[str, str] | None:
    return None if label is None else {"name": label.name, "kind": label.kind, "description": label.description}


def status_json(height: int) -> dict[str, Any]:
    block = chain().block(height)
    return {"confirmed": True, "block_height": height, "block_time": unix(block.time) if block else None}


def tx_json(tx: Tx) -> dict[str, Any]:
    """A transaction as Esplora's ``GET /tx/:txid``, plus the lab's fields (module docstring)."""
    idx = chain()
    vin = [{"txid": i.prev_txid, "vout": i.prev_vout, "is_coinbase": False,
            "prevout": {"scriptpubkey_address": i.address, "value": i.value,
                        "label": label_json(idx.labels.get(i.address))}} for i in tx.inputs]
    vout = [{"n": o.vout, "scriptpubkey_address": o.address, "value": o.value,
             "label": label_json(idx.labels.get(o.address)),
             "spent_by": {"txid": o.spent_by[0], "vin": o.spent_by[1]} if o.spent_by else None} for o in tx.outputs]
    return {"txid": tx.txid, "time": tx.time, "fee": tx.fee, "vin": vin, "vout": vout,
            "total_in": tx.total_in, "total_out": tx.total_out, "status": status_json(tx.block),
            "confirmations": idx.confirmations(tx.block), "price_eur_cents": idx.price_on(tx.time),
            "url": _abs("explorer.tx", txid=tx.txid)}


def address_json(stats: AddressStats) -> dict[str, Any]:
    """An address as Esplora's ``GET /address/:address`` (``chain_stats``), with balance, label and dates."""
    return {"address": stats.address, "label": label_json(chain().labels.get(stats.address)),
            "chain_stats": {"funded_txo_count": stats.funded_count, "funded_txo_sum": stats.funded_sum,
                            "spent_txo_count": stats.spent_count, "spent_txo_sum": stats.spent_sum,
                            "tx_count": stats.tx_count},
            "balance": stats.balance, "first_seen": stats.first_seen, "last_seen": stats.last_seen,
            "url": _abs("explorer.address", address=stats.address),
            "txs": _abs("explorer.api.address_txs", address=stats.address)}


def block_json(block: Block) -> dict[str, Any]:
    before, after = chain().neighbours(block.height)
    return {"height": block.height, "time": block.time, "timestamp": unix(block.time), "tx_count": block.tx_count,
            "fees": block.fees, "confirmations": chain().confirmations(block.height), "previous": before,
            "next": after, "url": _abs("explorer.block", height=block.height),
            "txs": _abs("explorer.api.block_txs", height=block.height)}


def used_address(raw: str) -> AddressStats:
    """The statistics of address ``raw``; a malformed address is a 400, one the explorer does not know a 404.

    Known means used by a transaction, or labelled: a labelled address that has not been used yet still
    has its page (balance 0), as on a real explorer, so the labels page never links to a 404.
    """
    stats = address_stats(parse_address(raw))
    if stats.tx_count == 0 and stats.address not in chain().labels:
        abort(404, f"Address {stats.address} has never received or sent LabCoin: no transaction on the ledger "
                   "uses it. Check that it is copied exactly.")
    return stats


def known_tx(raw: str) -> Tx:
    tx = get_tx(parse_txid(raw))
    if tx is None:
        abort(404, f"No transaction {raw.strip().lower()} on the LabCoin ledger. Check that the id is copied exactly.")
    return tx


def known_block(raw: str) -> Block:
    height = parse_height(raw)
    block = chain().block(height)
    if block is None:
        idx = chain()
        span = f" (from {idx.heights[0]} to {idx.tip})" if idx.heights else ""
        abort(404, f"No block at height {height}. LabCoin makes a block every 10 minutes that has transactions; "
                   f"this ledger's blocks lie between the first and the latest height{span}, with gaps.")
    return block


def _page_args(total: int, what: str) -> Paging:
    per_page = parse_per_page(request.args.get("per_page"), PER_PAGE_DEFAULT, PER_PAGE_MAX)
    return paging(total, parse_page(request.args.get("page")), per_page, what)


def _listing(pg: Paging, items: list[dict[str, Any]], endpoint: str, **values: Any) -> dict[str, Any]:
    nxt = _abs(endpoint, **values, page=pg.page + 1, per_page=pg.per_page) if pg.page < pg.pages else None
    return {**values, "page": pg.page, "per_page": pg.per_page, "total": pg.total, "pages": pg.pages, "next": nxt,
            "items": items}


@bp.get("/tx/<txid>")
def tx(txid: str) -> Response:
    """One transaction: inputs with the address and value they spend, outputs with who spends them."""
    return jsonify(tx_json(known_tx(txid)))


@bp.get("/tx/<txid>/outspends")
def outspends(txid: str) -> Response:
    """Esplora's outspends: per output, in order, whether an input spends it and which."""
    t = known_tx(txid)
    heights = blocks_of([o.spent_by[0] for o in t.outputs if o.spent_by])
    return jsonify([{"spent": True, "txid": o.spent_by[0], "vin": o.spent_by[1],
                     "status": status_json(heights[o.spent_by[0]])} if o.spent_by else {"spent": False}
                    for o in t.outputs])


@bp.get("/address/<address>")
def address(address: str) -> Response:
    return jsonify(address_json(used_address(address)))


@bp.get("/address/<address>/txs")
def address_txs(address: str) -> Response:
    """The address's transactions, newest first; ``balance_change`` is what each did to its balance."""
    stats = used_address(address)
    pg = _page_args(stats.tx_count, "transactions")
    items = [{**tx_json(t), "balance_change": t.delta(stats.address)}
             for t in txs_by_ids(address_txids(stats.address, pg.per_page, pg.offset))]
    return jsonify(_listing(pg, items, "explorer.api.address_txs", address=stats.address))


@bp.get("/address/<address>/utxo")
def address_utxo(address: str) -> Response:
    """The address's unspent outputs, oldest first (their values add up to its balance)."""
    stats = used_address(address)
    return jsonify([{"txid": txid, "vout": vout, "value": value, "time": time, "status": status_json(height)}
                    for txid, vout, value, time, height in unspent(stats.address)])


@bp.get("/blocks")
def blocks() -> Response:
    """Blocks, newest first."""
    pg = _page_args(len(chain().blocks), "blocks")
    items = [block_json(b) for b in chain().newest_blocks(pg.per_page, pg.offset)]
    return jsonify(_listing(pg, items, "explorer.api.blocks"))


@bp.get("/block/<height>")
def block(height: str) -> Response:
    return jsonify(block_json(known_block(height)))


@bp.get("/block/<height>/txs")
def block_txs(height: str) -> Response:
    """A block's transactions in the order it holds them (by time)."""
    b = known_block(height)
    pg = _page_args(b.tx_count, "transactions")
    items = [tx_json(t) for t in txs_by_ids(block_txids(b, pg.per_page, pg.offset))]
    return jsonify(_listing(pg, items, "explorer.api.block_txs", height=b.height))


@bp.get("/labels")
def labels() -> Response:
    """Every labelled address (public labels only), by label and then address."""
    rows = sorted(chain().labels.items(), key=lambda kv: (kv[1].name, kv[0]))
    return jsonify({"items": [{"address": a, **(label_json(lab) or {})} for a, lab in rows]})


@bp.get("/prices")
def prices() -> Response:
    """The daily LBC price in euro cents, oldest first: what the pages' euro estimates use."""
    return jsonify({"currency": "EUR", "items": [{"day": d, "eur_cents_per_lbc": c}
                                                 for d, c in sorted(chain().prices.items())]})


@bp.get("/<path:rest>")
def unknown(rest: str) -> Response:
    """Anything else under the API: a JSON 404 that points at the documentation."""
    abort(404, "Unknown API endpoint. The documentation is at /explorer/api/.")
