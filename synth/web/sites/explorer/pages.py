"""explorer.example ("LabCoin Explorer"): a block explorer for the lab's crypto ledger, like Blockstream's or
mempool.space, with an Esplora-style JSON API (``synth.web.sites.explorer.api``).

Pages (markup contract in docs/web.md): home (latest blocks and transactions, labelled entities, the search
box), ``/explorer/blocks``, ``/explorer/block/<height>``, ``/explorer/tx/<txid>`` (inputs with the address and
amount each spends, outputs with the transaction that spends them, fee, block, confirmations),
``/explorer/address/<address>`` (balance, totals, transactions newest first), ``/explorer/labels`` and
``/explorer/search?q=``. Every input lists its address, so a trainee sees which addresses were spent
together and can apply the common-input heuristic; the explorer itself never groups addresses into
wallets, names owners or says why money moved (those are answers, in the key). Amounts are LBC with 8
decimals and a euro estimate at the day's price (``chain_prices``).
"""

from __future__ import annotations

import json

from flask import Blueprint, Flask, Response, abort, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from werkzeug.wrappers import Response as BaseResponse

from synth.web.context import robots_lines
from synth.web.pages import parse_page, posted_label
from synth.web.sites.explorer import api as explorerapi
from synth.web.sites.explorer.data import (
    SATS_PER_LBC,
    ChainIndex,
    Label,
    address_txids,
    block_txids,
    chain,
    fiat_cents,
    get_tx,
    latest_txids,
    txs_by_ids,
)
from synth.web.sites.explorer.input import ADDRESS_RE, HEIGHT_RE, TXID_RE, address_rule
from synth.web.social import Links, paging

bp = Blueprint("explorer", __name__, url_prefix="/explorer")
bp.register_blueprint(explorerapi.bp)

# Search is for people at a keyboard; scripts use the addresses of pages or the API directly.
ROBOTS_DISALLOW = ("/explorer/search",)
JSON_PREFIXES = ("/explorer/api/",)  # errors there are JSON (the documentation page /explorer/api/ included)
PAGE_SIZE = 25  # transactions per page (address, block)
BLOCKS_PER_PAGE = 20
LATEST = 10
MAX_QUERY_CHARS = 100
OTHER_CHAINS = ("bc1", "tb1", "ltc1", "0x")


@bp.record_once
def _build_index(state: BlueprintSetupState) -> None:
    """Read the blocks, labels and prices once, when the site is mounted."""
    app: Flask = state.app
    app.extensions["osintlab.explorer"] = ChainIndex.build(app.extensions["osintlab.world"])


@bp.app_template_filter("explorer_lbc")
def lbc(sats: int, signed: bool = False) -> str:
    """Sats as LBC with 8 decimals and thousands separators: ``1,234.50000000 LBC``; ``signed`` adds + or −."""
    whole, frac = divmod(abs(sats), SATS_PER_LBC)
    sign = ("−" if sats < 0 else "+" if sats > 0 else "") if signed else ("−" if sats < 0 else "")
    return f"{sign}{whole:,}.{frac:08d} LBC"


@bp.app_template_filter("explorer_eur")
def eur(cents: int) -> str:
    """Euro cents as ``€1,234.56`` (``−€1.20`` when negative)."""
    return f"{'−' if cents < 0 else ''}€{abs(cents) // 100:,}.{abs(cents) % 100:02d}"


@bp.app_template_filter("explorer_fiat")
def fiat(sats: int, time: str | None) -> str:
    """``≈ €12.34`` at the price of the day of ``time`` (empty when the ledger has no price for that day)."""
    cents = fiat_cents(sats, chain().price_on(time) if time else None)
    return "" if cents is None else f"≈ {eur(cents)}"


@bp.app_template_filter("explorer_time")
def explorer_time(iso: str | None) -> str:
    return posted_label(iso) if iso else ""


def _labels() -> list[tuple[Label, list[str]]]:
    """Each public label with its addresses, by name."""
    grouped: dict[Label, list[str]] = {}
    for address, label in sorted(chain().labels.items()):
        grouped.setdefault(label, []).append(address)
    return sorted(grouped.items(), key=lambda kv: kv[0].name)


@bp.get("/")
def home() -> str:
    """The latest blocks and transactions, the labelled entities, the search box."""
    idx = chain()
    latest_price = (idx.last_day, idx.prices[idx.last_day]) if idx.last_day else None
    return render_template("explorer/home.html", blocks=idx.newest_blocks(LATEST), txs=txs_by_ids(latest_txids(LATEST)),
                           entities=_labels(), latest_price=latest_price, labels=idx.labels, tx_count=idx.tx_count,
                           block_count=len(idx.blocks))


@bp.get("/blocks")
def blocks() -> str:
    idx = chain()
    p = paging(len(idx.blocks), parse_page(request.args.get("page")), BLOCKS_PER_PAGE, "blocks")
    return render_template("explorer/blocks.html", blocks=idx.newest_blocks(BLOCKS_PER_PAGE, p.offset), p=p,
                           links=Links.to("explorer.blocks"))


@bp.get("/block/<height>")
def block(height: str) -> str:
    """One block: its summary, the blocks before and after it, its transactions oldest first."""
    b = explorerapi.known_block(height)
    p = paging(b.tx_count, parse_page(request.args.get("page")), PAGE_SIZE, "transactions")
    before, after = chain().neighbours(b.height)
    return render_template("explorer/block.html", block=b, before=before, after=after, p=p,
                           confirmations=chain().confirmations(b.height),
                           txs=txs_by_ids(block_txids(b, PAGE_SIZE, p.offset)), labels=chain().labels,
                           links=Links.to("explorer.block", height=b.height))


@bp.get("/tx/<txid>")
def tx(txid: str) -> BaseResponse | str:
    """One transaction; an id in capitals redirects to the usual lower-case address."""
    t = explorerapi.known_tx(txid)
    if t.txid != txid:
        return redirect(url_for("explorer.tx", txid=t.txid), code=301)
    return render_template("explorer/tx.html", tx=t, labels=chain().labels,
                           confirmations=chain().confirmations(t.block), price=chain().price_on(t.time))


@bp.get("/address/<address>")
def address(address: str) -> BaseResponse | str:
    """An address: its label (public labels only), balance and totals, its transactions newest first."""
    stats = explorerapi.used_address(address)
    if stats.address != address:
        return redirect(url_for("explorer.address", address=stats.address, page=request.args.get("page")), code=301)
    p = paging(stats.tx_count, parse_page(request.args.get("page")), PAGE_SIZE, "transactions")
    idx = chain()
    return render_template("explorer/address.html", stats=stats, label=idx.labels.get(stats.address), p=p,
                           txs=txs_by_ids(address_txids(stats.address, PAGE_SIZE, p.offset)), labels=idx.labels,
                           last_day=idx.last_day, links=Links.to("explorer.address", address=stats.address))


@bp.get("/labels")
def labels() -> str:
    """Every labelled address, by entity: what the explorer's operators know, nothing more."""
    return render_template("explorer/labels.html", entities=_labels())


@bp.get("/search")
def search() -> BaseResponse | str:
    """``q``: a transaction id, an address, a block height or a label's name → that page (302).

    Without ``q`` the search page; something that cannot be any of those is a 400, a well-formed id,
    address or height the ledger does not have a 404, each saying what was understood.
    """
    if "q" not in request.args:
        return render_template("explorer/search.html", q="")
    raw = request.args.get("q", "")
    q = raw.strip()
    if not q:
        abort(400, "Type what to look up: a transaction id, a LabCoin address (lab1…) or a block height.")
    if len(q) > MAX_QUERY_CHARS:
        abort(400, f"Search for at most {MAX_QUERY_CHARS} characters: one transaction id, address or block height.")
    low = q.lower()
    if TXID_RE.fullmatch(low):
        return redirect(url_for("explorer.tx", txid=explorerapi.known_tx(low).txid))
    if ADDRESS_RE.fullmatch(low):
        return redirect(url_for("explorer.address", address=explorerapi.used_address(low).address))
    if HEIGHT_RE.fullmatch(q):
        return redirect(url_for("explorer.block", height=explorerapi.known_block(q).height))
    named = [lab for lab, _ in _labels() if len(low) >= 3 and low in lab.name.casefold()]
    if named:
        return redirect(url_for("explorer.labels") + f"#{named[0].slug}")
    if low.startswith("lab1"):
        abort(400, f"“{q[:80]}” is not a LabCoin address: {address_rule()}")
    if low.startswith(OTHER_CHAINS) or (q[:1] in "13" and len(q) in range(26, 36)):
        abort(400, "This explorer shows the LabCoin ledger only; that looks like an address of another chain.")
    abort(400, f"“{q[:80]}” is not a transaction id (64 hexadecimal characters), a LabCoin address (lab1…) "
               "or a block height (a whole number).")


@bp.get("/api/")
def api_docs() -> str:
    """The API's documentation, with live examples from this ledger."""
    latest = latest_txids(1)
    example_tx = get_tx(latest[0]) if latest else None
    sample = explorerapi.tx_json(example_tx) if example_tx else None
    example_address = example_tx.outputs[0].address if example_tx and example_tx.outputs else None
    return render_template("explorer/api.html", base=request.host_url.rstrip("/"), tx_example=json.dumps(
        sample, indent=2, ensure_ascii=False) if sample else None, txid=example_tx.txid if example_tx else None,
        address=example_address, per_page_default=explorerapi.PER_PAGE_DEFAULT,
        per_page_max=explorerapi.PER_PAGE_MAX)


@bp.get("/robots.txt")
def robots() -> Response:
    """This site's rules (the root /robots.txt holds the same lines for every site)."""
    return Response("\n".join(robots_lines(ROBOTS_DISALLOW)) + "\n", mimetype="text/plain")
