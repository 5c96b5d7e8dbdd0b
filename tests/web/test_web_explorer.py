"""The LabCoin explorer, crawled as a trainee's notebook would: every transaction, input, output and address
read back from the pages and from the JSON API must equal public/site.sqlite, and the world model's chain.

The HTML crawl starts at the home page and only follows links (blocks list → block → transaction); the
API crawl follows ``next``. Both use the generated ``tiny`` world (seed 2026) served by the Flask test client.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from synth.web.sites.explorer.data import fiat_cents

from .webhelp import crawl, query, soup_of

Chain = dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def chain(world_dir: Path) -> Chain:
    """txid → {block, time, fee, inputs [(vin, prev_txid, prev_vout, address, sats)], outputs [(vout, address, sats)]}
    as public/site.sqlite holds them."""
    txs: Chain = {r["txid"]: {"block": r["block"], "time": r["time"], "fee": r["fee_sats"], "inputs": [], "outputs": []}
                  for r in query(world_dir, "SELECT * FROM chain_txs")}
    for r in query(world_dir, "SELECT * FROM chain_inputs ORDER BY txid, vin"):
        txs[r["txid"]]["inputs"].append((r["vin"], r["prev_txid"], r["prev_vout"], r["address"], r["value_sats"]))
    for r in query(world_dir, "SELECT * FROM chain_outputs ORDER BY txid, vout"):
        txs[r["txid"]]["outputs"].append((r["vout"], r["address"], r["value_sats"]))
    assert len(txs) > 20 and any(len(t["inputs"]) > 1 for t in txs.values()), "the tiny world needs a real chain"
    return txs


def spenders(chain: Chain) -> dict[tuple[str, int], tuple[str, int]]:
    return {(prev, pvout): (txid, vin) for txid, t in chain.items() for vin, prev, pvout, _, _ in t["inputs"]}


def by_address(chain: Chain) -> dict[str, list[str]]:
    """address → its txids, newest first (time, then txid, descending), as the explorer lists them."""
    out: dict[str, set[str]] = defaultdict(set)
    for txid, t in chain.items():
        for _, _, _, address, _ in t["inputs"]:
            out[address].add(txid)
        for _, address, _ in t["outputs"]:
            out[address].add(txid)
    return {a: sorted(ids, key=lambda i: (chain[i]["time"], i), reverse=True) for a, ids in out.items()}


def scrape_tx(page: BeautifulSoup) -> dict[str, Any]:
    """A transaction page as docs/web.md's markup contract reads it."""
    art = page.select_one("article.tx-detail")
    fields = art.select_one("dl.tx-fields")
    inputs = [(int(li["data-vin"]), li["data-prev-txid"], int(li["data-prev-vout"]), li["data-address"],
               int(li["data-sats"])) for li in art.select("li.tx-input")]
    for li in art.select("li.tx-input"):  # the visible text says the same as the attributes
        assert li.select_one("a.address").get_text(strip=True) == li["data-address"]
        assert li.select_one(".amount")["data-sats"] == li["data-sats"]
    outputs = [(int(li["data-vout"]), li["data-address"], int(li["data-sats"])) for li in art.select("li.tx-output")]
    spent = {int(li["data-vout"]): (li["data-spent-by"], int(li["data-spent-vin"]))
             for li in art.select('li.tx-output[data-spent="true"]')}
    return {"txid": art["data-txid"], "block": int(fields.select_one(".field-block")["data-height"]),
            "time": fields.select_one(".field-time time")["datetime"],
            "fee": int(fields.select_one(".field-fee .amount")["data-sats"]), "inputs": inputs, "outputs": outputs,
            "spent": spent, "confirmations": int(fields.select_one(".field-confirmations")["data-count"]),
            "total_out": int(fields.select_one(".field-total-out .amount")["data-sats"])}


def test_html_crawl_from_the_home_page_recovers_the_whole_chain(client: FlaskClient, chain: Chain) -> None:
    home = soup_of(client, "/explorer/")
    blocks_url = home.select_one('a[href="/explorer/blocks"]')["href"]
    heights = crawl(client, blocks_url, "tr.block-row", "data-height")
    assert [int(h) for h in heights] == sorted({t["block"] for t in chain.values()}, reverse=True)
    tip = int(heights[0])
    assert int(home.select_one(".tip-link")["data-height"]) == tip
    assert int(home.select_one(".stat-txs")["data-count"]) == len(chain)
    seen: dict[str, dict[str, Any]] = {}
    for height in heights:
        txids = crawl(client, f"/explorer/block/{height}", ".tx-list > article.tx-card", "data-txid")
        assert [chain[t]["block"] for t in txids] == [int(height)] * len(txids)
        assert txids == sorted(txids, key=lambda i: (chain[i]["time"], i)), "a block lists its transactions by time"
        for txid in txids:
            seen[txid] = scrape_tx(soup_of(client, f"/explorer/tx/{txid}"))
    assert set(seen) == set(chain), "the block pages must lead to every transaction exactly once"
    spent_by = spenders(chain)
    for txid, got in seen.items():
        want = chain[txid]
        assert (got["block"], got["time"], got["fee"], got["inputs"], got["outputs"]) == (
            want["block"], want["time"], want["fee"], want["inputs"], want["outputs"]), txid
        assert got["spent"] == {v: spent_by[(txid, v)] for v, _, _ in want["outputs"] if (txid, v) in spent_by}
        assert got["confirmations"] == tip - want["block"] + 1
        assert got["total_out"] == sum(s for _, _, s in want["outputs"])


def test_api_crawl_recovers_the_whole_chain(client: FlaskClient, chain: Chain) -> None:
    url: str | None = "/explorer/api/blocks?per_page=7"
    blocks: list[dict[str, Any]] = []
    while url:
        data = client.get(url).get_json()
        blocks += data["items"]
        url = data["next"]
    assert [b["height"] for b in blocks] == sorted({t["block"] for t in chain.values()}, reverse=True)
    spent_by = spenders(chain)
    seen: dict[str, dict[str, Any]] = {}
    for block in blocks:
        url = block["txs"] + "?per_page=1"  # one a page: every block with two or more exercises `next`
        items: list[dict[str, Any]] = []
        while url:
            data = client.get(url).get_json()
            items += data["items"]
            url = data["next"]
        assert len(items) == block["tx_count"]
        seen.update((t["txid"], t) for t in items)
    assert set(seen) == set(chain)
    for txid, t in seen.items():
        want = chain[txid]
        inputs = [(n, i["txid"], i["vout"], i["prevout"]["scriptpubkey_address"], i["prevout"]["value"])
                  for n, i in enumerate(t["vin"])]
        outputs = [(o["n"], o["scriptpubkey_address"], o["value"]) for o in t["vout"]]
        assert (t["status"]["block_height"], t["time"], t["fee"], inputs, outputs) == (
            want["block"], want["time"], want["fee"], want["inputs"], want["outputs"]), txid
        for o in t["vout"]:
            expected = spent_by.get((txid, o["n"]))
            assert o["spent_by"] == ({"txid": expected[0], "vin": expected[1]} if expected else None)
        assert client.get(f"/explorer/api/tx/{txid}").get_json() == t
        outspends = client.get(f"/explorer/api/tx/{txid}/outspends").get_json()
        assert [(o["txid"], o["vin"]) if o["spent"] else None for o in outspends] == [
            spent_by.get((txid, v)) for v, _, _ in want["outputs"]]


def test_every_address_page_and_api_add_up(client: FlaskClient, chain: Chain) -> None:
    for address, txids in by_address(chain).items():
        received = sum(s for t in chain.values() for _, a, s in t["outputs"] if a == address)
        sent = sum(i[4] for t in chain.values() for i in t["inputs"] if i[3] == address)
        page = soup_of(client, f"/explorer/address/{address}")
        summary = page.select_one("section.address-summary")
        assert summary["data-address"] == address
        assert int(summary.select_one(".field-balance .amount")["data-sats"]) == received - sent
        assert int(summary.select_one(".field-received .amount")["data-sats"]) == received
        assert int(summary.select_one(".field-sent .amount")["data-sats"]) == sent
        assert int(summary.select_one(".field-tx-count")["data-count"]) == len(txids)
        listed = crawl(client, f"/explorer/address/{address}", ".tx-list > article.tx-card", "data-txid")
        assert listed == txids, address
        api = client.get(f"/explorer/api/address/{address}").get_json()
        stats = api["chain_stats"]
        assert (stats["funded_txo_sum"], stats["spent_txo_sum"], stats["tx_count"], api["balance"]) == (
            received, sent, len(txids), received - sent)
        assert sum(u["value"] for u in client.get(f"/explorer/api/address/{address}/utxo").get_json()) == api["balance"]


def test_address_pagination_in_html_and_api(client: FlaskClient, chain: Chain) -> None:
    address, txids = max(by_address(chain).items(), key=lambda kv: (len(kv[1]), kv[0]))
    assert len(txids) > 1
    url: str | None = f"/explorer/api/address/{address}/txs?per_page=1"
    got, changes = [], 0
    while url:
        data = client.get(url).get_json()
        assert data["total"] == len(txids) and data["pages"] == len(txids) and len(data["items"]) == 1
        got += [t["txid"] for t in data["items"]]
        changes += sum(t["balance_change"] for t in data["items"])
        url = data["next"]
    assert got == txids
    assert changes == client.get(f"/explorer/api/address/{address}").get_json()["balance"]
    last = client.get(f"/explorer/api/address/{address}/txs?per_page=1&page={len(txids) + 1}")
    assert last.status_code == 404 and last.get_json()["status"] == 404
    if len(txids) > 25:  # the HTML list has 25 a page
        assert soup_of(client, f"/explorer/address/{address}?page=2").select_one('a[rel="prev"]')
    assert soup_of(client, f"/explorer/address/{address}").select_one('a[rel="prev"]') is None
    assert client.get(f"/explorer/address/{address}?page=99").status_code == 404
    assert client.get(f"/explorer/address/{address}?page=0").status_code == 400


def test_the_chain_equals_the_world_model(client: FlaskClient, world_dir: Path) -> None:
    """The explorer shows the world's chain itself: every ChainTx of synth.build.pipeline.build_world, as built."""
    from synth.build.pipeline import build_world

    world = build_world(2026, "tiny")
    assert query(world_dir, "SELECT COUNT(*) AS n FROM chain_txs")[0]["n"] == len(world.finance.chain)
    for tx in world.finance.chain:
        t = client.get(f"/explorer/api/tx/{tx.txid}").get_json()
        assert t["time"] == tx.time.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert [(i["txid"], i["vout"], i["prevout"]["scriptpubkey_address"], i["prevout"]["value"])
                for i in t["vin"]] == [tuple(i) for i in tx.inputs]
        assert [(o["scriptpubkey_address"], o["value"]) for o in t["vout"]] == [tuple(o) for o in tx.outputs]
        assert t["fee"] == (sum(i[3] for i in tx.inputs) - sum(o[1] for o in tx.outputs) if tx.inputs else 0)


def test_euro_estimates_use_the_days_price(client: FlaskClient, chain: Chain, world_dir: Path) -> None:
    prices = {r["day"]: r["eur_cents_per_coin"] for r in query(world_dir, "SELECT * FROM chain_prices")}
    issued = [txid for txid, t in chain.items() if not t["inputs"]]
    paid = [txid for txid, t in chain.items() if t["time"][:10] in prices]
    assert issued and paid
    for txid in paid[:10]:
        page = soup_of(client, f"/explorer/tx/{txid}")
        price = prices[chain[txid]["time"][:10]]
        assert int(page.select_one(".field-price")["data-eur-cents"]) == price
        total = sum(s for _, _, s in chain[txid]["outputs"])
        cents = fiat_cents(total, price)
        shown = page.select_one(".field-total-out .fiat").get_text(strip=True)
        assert shown == f"≈ €{cents // 100:,}.{cents % 100:02d}"
        assert client.get(f"/explorer/api/tx/{txid}").get_json()["price_eur_cents"] == price
    for txid in issued:  # coins issued before the price series starts: no estimate rather than a wrong one
        page = soup_of(client, f"/explorer/tx/{txid}")
        assert page.select_one(".field-price") is None and page.select_one(".fiat") is None
        assert page.select_one(".tx-issuance") and not page.select("li.tx-input")


@pytest.mark.parametrize("sats,price,cents", [(100_000_000, 2_514_098, 2_514_098), (1, 2_514_098, 0),
                                              (50, 1_000_000, 1), (-150_000_000, 1000, -1500), (5, None, None)])
def test_fiat_cents_rounds_half_up(sats: int, price: int | None, cents: int | None) -> None:
    assert fiat_cents(sats, price) == cents
