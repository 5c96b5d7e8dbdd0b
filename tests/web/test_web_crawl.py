"""Crawl quickads over real HTTP, as a trainee's notebook would, and compare with the world's site.sqlite.

requests + BeautifulSoup against waitress on a loopback port: every city's listing is followed page by
page through ``rel="next"``, every detail page is read, and every ad's fields must equal its row.
"""

from __future__ import annotations

import http.client
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from bs4 import BeautifulSoup

FIELDS = ("name", "age", "city", "category", "price", "phone", "email", "messenger", "posted")


def get_soup(http: requests.Session, url: str) -> BeautifulSoup:
    resp = http.get(url, timeout=10)
    assert resp.status_code == 200, (url, resp.status_code)
    return BeautifulSoup(resp.text, "html.parser")


def crawl_listing(http: requests.Session, url: str) -> list[dict[str, Any]]:
    """Every card of a listing, following the pagination's rel="next" links."""
    cards: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        page = get_soup(http, next_url)
        for card in page.select("article.ad-card"):
            link = card.select_one("a.ad-title")
            cards.append({
                "ad_id": int(card["data-ad-id"]), "href": urljoin(next_url, link["href"]),
                "title": link.get_text(), "city": card.select_one(".ad-city")["data-slug"],
                "price": card.select_one(".ad-price").get_text(), "posted_at": card.time["datetime"],
            })
        nxt = page.select_one('nav.pagination a[rel="next"]')
        next_url = urljoin(next_url, nxt["href"]) if nxt else None
    return cards


def scrape_ad(http: requests.Session, url: str) -> dict[str, Any]:
    """One detail page as the documented markup contract reads it (docs/web.md)."""
    ad = get_soup(http, url).select_one("article.ad-detail")
    dds = {dd["class"][0].removeprefix("field-"): dd for dd in ad.select("dl.ad-fields > dd")}
    text = {k: dd.get_text(strip=True) for k, dd in dds.items()}
    return {
        "ad_id": int(ad["data-ad-id"]), "title": ad.select_one("h1.ad-title").get_text(),
        "body": ad.select_one("div.ad-body").get_text(), "display_name": text["name"],
        "age": int(text["age"]) if "age" in text else None,
        "city": dds["city"]["data-slug"], "city_name": text["city"],
        "category": dds["category"]["data-slug"], "category_name": text["category"],
        "price": text["price"], "phone": text["phone"], "email": text.get("email"),
        "messenger": text.get("messenger"), "posted_at": dds["posted"].time["datetime"],
    }


def test_crawl_recovers_every_ad(live_server: str, http: requests.Session, world_dir: Path) -> None:
    conn = sqlite3.connect(world_dir / "public" / "site.sqlite")
    conn.row_factory = sqlite3.Row
    ads = {r["ad_id"]: dict(r) for r in conn.execute("SELECT * FROM quickads_ads")}
    city_names = dict(conn.execute("SELECT slug, name FROM cities").fetchall())
    category_names = dict(conn.execute("SELECT slug, name FROM categories").fetchall())
    conn.close()
    assert ads, "the world has no ads to crawl"

    home = get_soup(http, live_server + "/quickads/")
    city_links = [urljoin(live_server + "/quickads/", a["href"]) for a in home.select(".home-cities a[data-slug]")]
    by_city: dict[int, dict[str, Any]] = {}
    for url in city_links:
        cards = crawl_listing(http, url)
        times = [c["posted_at"] for c in cards]
        assert times == sorted(times, reverse=True), f"{url} is not newest first"
        by_city.update((c["ad_id"], c) for c in cards)
    assert set(by_city) == set(ads), "the per-city listings must cover every ad exactly"

    everything = crawl_listing(http, live_server + "/quickads/ads")
    assert [c["ad_id"] for c in everything] == sorted(ads, key=lambda i: (ads[i]["posted_at"], i), reverse=True)

    for ad_id, card in by_city.items():
        row = ads[ad_id]
        assert (card["title"], card["city"], card["price"], card["posted_at"]) == (
            row["title"], row["city"], row["price"], row["posted_at"])
        got = scrape_ad(http, card["href"])
        assert got["city_name"] == city_names[row["city"]]
        assert got["category_name"] == category_names[row["category"]]
        del got["city_name"], got["category_name"]
        assert got == row, f"ad {ad_id} differs from site.sqlite"


@pytest.mark.parametrize("path", [
    "/quickads/../../etc/passwd", "/quickads/%2e%2e/%2e%2e/etc/passwd", "/static/../web/app.py",
    "/static/%2e%2e/app.py", "/static/..%2f..%2fweb%2fapp.py", "/static/%2E%2E%2Fquickads.py", "/../../etc/passwd",
])
def test_traversal_over_a_real_socket_is_404(live_server: str, path: str) -> None:
    """Sent raw with http.client, which (unlike browsers and requests) does not tidy dot segments."""
    conn = http.client.HTTPConnection(urlsplit(live_server).netloc, timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        assert resp.status == 404
        assert b"def create_app" not in resp.read()
    finally:
        conn.close()
