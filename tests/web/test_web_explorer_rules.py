"""The explorer's rules: 400/404 answers (HTML and JSON), search, labels only where public, nothing from
the answer key, the safety scanner, robots.txt, the portal, Seekr's pivot, the rate limit, old worlds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from synth.scan import scan_text
from synth.vocab.schemes import is_safe_wallet_address
from synth.web.app import create_app

from .webhelp import query, soup_of

GOOD_BUT_UNKNOWN_TX = "ab" * 32
GOOD_BUT_UNKNOWN_ADDRESS = "lab1" + "q" * 38
# Every address the explorer knows: used by a transaction, or labelled.
ADDRESSES = ("SELECT address FROM chain_outputs UNION SELECT address FROM chain_inputs "
             "UNION SELECT address FROM chain_labels")


@pytest.fixture(scope="module")
def sample(world_dir: Path) -> dict[str, str]:
    """A spending transaction, an address, a block height and a labelled address of the tiny world."""
    tx = query(world_dir, "SELECT txid FROM chain_inputs GROUP BY txid ORDER BY COUNT(*) DESC, txid LIMIT 1")[0][0]
    address = query(world_dir, "SELECT address FROM chain_inputs WHERE txid = ? LIMIT 1", (tx,))[0][0]
    block = query(world_dir, "SELECT block FROM chain_txs WHERE txid = ?", (tx,))[0][0]
    labelled = query(world_dir, "SELECT address FROM chain_labels ORDER BY label, address LIMIT 1")[0][0]
    return {"tx": tx, "address": address, "block": str(block), "labelled": labelled}


def every_page(world_dir: Path, sample: dict[str, str]) -> list[str]:
    """Every HTML page and API answer of the explorer on the tiny world."""
    txids = [r[0] for r in query(world_dir, "SELECT txid FROM chain_txs")]
    addresses = [r[0] for r in query(world_dir, ADDRESSES)]
    blocks = [str(r[0]) for r in query(world_dir, "SELECT DISTINCT block FROM chain_txs")]
    urls = ["/explorer/", "/explorer/blocks", "/explorer/labels", "/explorer/search", "/explorer/api/",
            "/explorer/api/labels", "/explorer/api/prices", "/explorer/api/blocks", "/explorer/robots.txt"]
    urls += [u for t in txids
             for u in (f"/explorer/tx/{t}", f"/explorer/api/tx/{t}", f"/explorer/api/tx/{t}/outspends")]
    urls += [u for a in addresses for u in (f"/explorer/address/{a}", f"/explorer/api/address/{a}",
                                            f"/explorer/api/address/{a}/txs", f"/explorer/api/address/{a}/utxo")]
    urls += [u for b in blocks for u in (f"/explorer/block/{b}", f"/explorer/api/block/{b}/txs")]
    return urls


@pytest.mark.parametrize("url,status", [
    ("/explorer/tx/xyz", 400), ("/explorer/tx/" + "g" * 64, 400), (f"/explorer/tx/{GOOD_BUT_UNKNOWN_TX}", 404),
    ("/explorer/address/lab1xyz", 400), ("/explorer/address/bc1qnotours", 400),
    (f"/explorer/address/{GOOD_BUT_UNKNOWN_ADDRESS}", 404), ("/explorer/block/abc", 400),
    ("/explorer/block/1.5", 400), ("/explorer/block/999999999", 404), ("/explorer/blocks?page=0", 400),
    ("/explorer/blocks?page=999", 404), ("/explorer/nothing-here", 404),
])
def test_html_errors_say_what_is_wrong(client: FlaskClient, url: str, status: int) -> None:
    page = soup_of(client, url, status)
    assert page.select_one(".error-page")["data-status"] == str(status)
    assert page.select_one(".error-message").get_text(strip=True)
    assert page.select_one(".ex-header"), "errors keep the explorer's header (and its search box)"


@pytest.mark.parametrize("url,status", [
    ("/explorer/api/tx/xyz", 400), (f"/explorer/api/tx/{GOOD_BUT_UNKNOWN_TX}", 404),
    (f"/explorer/api/tx/{GOOD_BUT_UNKNOWN_TX}/outspends", 404), ("/explorer/api/address/lab1", 400),
    (f"/explorer/api/address/{GOOD_BUT_UNKNOWN_ADDRESS}/txs", 404), ("/explorer/api/block/x", 400),
    ("/explorer/api/block/999999999/txs", 404), ("/explorer/api/blocks?per_page=0", 400),
    ("/explorer/api/blocks?per_page=101", 400), ("/explorer/api/blocks?page=-1", 400),
    ("/explorer/api/blocks?page=9999", 404), ("/explorer/api/nope", 404), ("/explorer/api/tx", 404),
])
def test_api_errors_are_json(client: FlaskClient, url: str, status: int) -> None:
    resp = client.get(url)
    assert resp.status_code == status and resp.mimetype == "application/json"
    data = resp.get_json()
    assert data["status"] == status and data["error"]


def test_api_refuses_other_methods_in_json(client: FlaskClient, sample: dict[str, str]) -> None:
    resp = client.post(f"/explorer/api/tx/{sample['tx']}")
    assert resp.status_code == 405 and resp.get_json()["status"] == 405


def test_search_redirects_to_what_was_typed(client: FlaskClient, sample: dict[str, str]) -> None:
    assert soup_of(client, "/explorer/search").select_one("form.ex-search input[name=q]")
    cases = {f"  {sample['tx'].upper()} ": f"/explorer/tx/{sample['tx']}",
             sample["address"].upper(): f"/explorer/address/{sample['address']}",
             sample["block"]: f"/explorer/block/{sample['block']}",
             "coinbridge": "/explorer/labels#coinbridge-exchange"}
    for q, target in cases.items():
        resp = client.get("/explorer/search", query_string={"q": q})
        assert resp.status_code == 302 and resp.headers["Location"] == target, q
    other_chain = "bc1qexampleexampleexampleexample"  # shaped like another chain's address, checksum invalid
    for q, status, words in [("", 400, "Type what to look up"), ("hello world", 400, "is not a transaction id"),
                             ("lab1short", 400, "not a LabCoin address"), (other_chain, 400, "another chain"),
                             (GOOD_BUT_UNKNOWN_TX, 404, "No transaction"), (GOOD_BUT_UNKNOWN_ADDRESS, 404, "never"),
                             ("999999999", 404, "No block"), ("x" * 101, 400, "at most")]:
        page = soup_of(client, f"/explorer/search?q={q}", status)
        assert words in page.select_one(".error-message").get_text(), q


def test_search_is_disallowed_for_robots_and_listed_on_the_portal(client: FlaskClient) -> None:
    assert "Disallow: /explorer/search" in client.get("/robots.txt").get_data(as_text=True).splitlines()
    assert client.get("/explorer/robots.txt").get_data(as_text=True).splitlines()[-1] == "Disallow: /explorer/search"
    portal = soup_of(client, "/")
    link = portal.select_one('li.site[data-site="explorer"] a.site-name')
    assert link["href"] == "/explorer/" and link.get_text(strip=True) == "LabCoin Explorer"
    assert portal.select_one('li.site[data-site="explorer"] .site-domain').get_text(strip=True) == "explorer.example"


def test_labels_are_exactly_the_public_ones(client: FlaskClient, world_dir: Path) -> None:
    public = {r["address"]: r["label"] for r in query(world_dir, "SELECT * FROM chain_labels")}
    key = json.loads((world_dir / "key" / "answer_key.json").read_text())["finance"]
    deposits = set(key["exchange_customers"])
    assert public and deposits and not deposits & set(public)
    shown = {li.select_one("a.address").get_text(strip=True): li.find_parent("section")["data-label"]
             for li in soup_of(client, "/explorer/labels").select(".label-addresses li")}
    assert shown == public
    items = client.get("/explorer/api/labels").get_json()["items"]
    assert [(i["address"], i["name"]) for i in items] == sorted(public.items(), key=lambda kv: (kv[1], kv[0]))
    assert {i["kind"] for i in items} <= {"exchange", "market", "merchant", "other"}
    addresses = [r[0] for r in query(world_dir, ADDRESSES)]
    for address in addresses:
        page = soup_of(client, f"/explorer/address/{address}")
        tag = page.select_one(".address-label")
        assert (tag["data-label"] if tag else None) == public.get(address), address
        for span in page.select("span.label"):  # labels in the transaction lists, too
            owner = span.find_parent(attrs={"data-address": True})
            assert owner is not None and public.get(owner["data-address"]) == span["data-label"]
        api_label = client.get(f"/explorer/api/address/{address}").get_json()["label"]
        assert (api_label or {}).get("name") == public.get(address)


def test_no_page_holds_key_data_and_every_page_is_safe(client: FlaskClient, world_dir: Path,
                                                       sample: dict[str, str]) -> None:
    """No owner, wallet grouping, operation, typology or flow note; only the world's own lab1 addresses."""
    key = json.loads((world_dir / "key" / "answer_key.json").read_text())
    fin = key["finance"]
    secrets = {w["owner"] for w in fin["wallets"].values() if re.fullmatch(r"P\d+|biz:P\d+|anon-.*", w["owner"])}
    secrets |= set(fin["exchange_customers"].values()) | {f["note"] for f in fin["flows"].values()}
    secrets |= {f["typology"] for f in fin["flows"].values() if f["typology"]}
    secrets |= {f["operation"] for f in fin["flows"].values()}
    assert secrets
    known = {r[0] for r in query(world_dir, ADDRESSES)}
    violations: list[str] = []
    for url in every_page(world_dir, sample):
        resp = client.get(url)
        assert resp.status_code == 200, url
        text = resp.get_data(as_text=True)
        words = set(re.findall(r"[\w:-]+", text))
        leaked = {s for s in secrets if (s in words if re.fullmatch(r"[\w:-]+", s) else s in text)}
        assert not leaked, (url, sorted(leaked)[:5])
        for address in set(re.findall(r"lab1[0-9a-z]{38}", text)):
            assert is_safe_wallet_address(address) and address in known, (url, address)
        assert not re.search(r"data-(wallet|owner|cluster|flow|typology)", text), url
        violations += map(str, scan_text(text, url, allow_loopback=True))
    assert not violations, "\n".join(violations[:10])


def test_pages_load_nothing_from_elsewhere(client: FlaskClient, sample: dict[str, str]) -> None:
    pages = ("/explorer/", f"/explorer/tx/{sample['tx']}", f"/explorer/address/{sample['address']}", "/explorer/api/")
    for url in pages:
        resp = client.get(url)
        assert "default-src 'self'" in resp.headers["Content-Security-Policy"]
        assert "script-src 'none'" in resp.headers["Content-Security-Policy"]
        page = soup_of(client, url)
        for el in page.select("[src], link[href]"):
            assert (el.get("src") or el.get("href")).startswith(("/", "data:")), (url, str(el)[:80])
        assert page.select_one('link[href="/static/explorer.css"]')


def test_seekr_leads_from_an_address_or_txid_to_the_explorer(client: FlaskClient, sample: dict[str, str]) -> None:
    page = soup_of(client, f"/search/?q=paid to {sample['address']}")
    answer = page.select_one('li.ledger-answer[data-kind="address"]')
    assert answer["data-id"] == sample["address"]
    assert answer.select_one("a.result-title")["href"] == f"/explorer/address/{sample['address']}"
    tx = soup_of(client, f"/search/?q={sample['tx'].upper()}").select_one('li.ledger-answer[data-kind="tx"]')
    assert tx.select_one("a.result-title")["href"] == f"/explorer/tx/{sample['tx']}"
    assert soup_of(client, f"/search/?q={GOOD_BUT_UNKNOWN_ADDRESS}").select_one(".ledger-answer") is None
    back = soup_of(client, f"/explorer/address/{sample['address']}").select_one("a.seekr-link")
    assert back["href"] == f"/search/?q={sample['address']}"


def test_the_site_wide_rate_limit_applies(world_dir: Path, sample: dict[str, str]) -> None:
    client = create_app(world_dir, rate_limit=1, burst=2).test_client()
    codes = [client.get(f"/explorer/api/tx/{sample['tx']}").status_code for _ in range(3)]
    assert codes[:2] == [200, 200] and codes[2] == 429
    resp = client.get("/explorer/")
    assert resp.status_code == 429 and resp.headers["Retry-After"]
    limited = client.get(f"/explorer/api/tx/{sample['tx']}")
    assert limited.get_json()["status"] == 429


def test_a_world_without_the_chain_has_no_explorer(fixture_client: FlaskClient) -> None:
    assert fixture_client.get("/explorer/").status_code == 404
    assert fixture_client.get("/explorer/api/blocks").status_code == 404
    assert 'data-site="explorer"' not in fixture_client.get("/").get_data(as_text=True)
    assert "explorer" not in fixture_client.get("/robots.txt").get_data(as_text=True)
    assert fixture_client.get("/search/?q=" + GOOD_BUT_UNKNOWN_ADDRESS).status_code == 200


def test_every_explorer_route_is_documented(app: Flask) -> None:
    """docs/web.md writes pages as ``/explorer/…`` and API calls as ``GET /…`` (a new route without docs fails)."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    missing = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/explorer/") or rule.endpoint.endswith(".unknown"):
            continue
        form = rule.rule
        if form.startswith("/explorer/api/") and form != "/explorer/api/":
            form = "GET " + form.removeprefix("/explorer/api")
        if f"`{form}" not in docs:
            missing.append(form)
    assert not missing, f"document these in docs/web.md: {missing}"
