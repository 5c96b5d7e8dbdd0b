"""Crawl Companions, WorkAbroad and Seekr as a trainee's notebook would, against the generated tiny world.

- The Companions JSON API, paginated to the end over real HTTP, recovers every profile with its fields.
- WorkAbroad crawled through its filters recovers every post despite the page-depth cap, while a plain
  crawl of the unfiltered listing visibly does not (the tiny world is small, so the cap is lowered).
- Seekr finds every phone of the world's ads in each written style, and every selector of the
  directory profiles and board posts. Only this test reads key/answer_key.json, to know what to look for.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import requests
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from synth.vocab.selectors import DIGIT_WORDS, PHONE_STYLES, obscured_phone
from synth.web.app import create_app
from synth.web.sites.search.index import SearchIndex
from synth.web.textnorm import parse_query


def table(world: Path, name: str, key: str) -> dict[int, dict[str, Any]]:
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    conn.row_factory = sqlite3.Row
    try:
        return {r[key]: dict(r) for r in conn.execute(f"SELECT * FROM {name}")}
    finally:
        conn.close()


def test_companions_api_crawl_recovers_every_profile(live_server: str, http: requests.Session,
                                                     world_dir: Path) -> None:
    profiles = table(world_dir, "companions_profiles", "profile_id")
    assert profiles, "the world has no Companions profiles"
    # What a trainee does: open the listing, find the API it calls, then page through the API.
    shell = BeautifulSoup(http.get(live_server + "/companions/", timeout=10).text, "html.parser")
    assert not shell.select(".profile-card")
    url: str | None = urljoin(live_server, shell.select_one("#profile-grid")["data-api"])
    url = url.replace("per_page=24", "per_page=5")
    items: list[dict[str, Any]] = []
    started, requests_made = time.perf_counter(), 0
    while url:
        data = http.get(url, timeout=10).json()
        requests_made += 1
        assert data["total"] == len(profiles)
        items += data["items"]
        url = data["next"]
    for item in items:
        full = http.get(f"{live_server}/companions/api/v1/profiles/{item['id']}", timeout=10).json()
        requests_made += 1
        row = profiles[full.pop("id")]
        assert full.pop("url") == f"{live_server}/companions/profile/{row.pop('profile_id')}"
        assert full.pop("languages") == row.pop("languages").split(",")
        assert full.pop("photos") == item["photos"]  # picture addresses: tests/web/test_web_photos.py
        assert full == row
    elapsed = time.perf_counter() - started
    print(f"Companions API: {requests_made} requests in {elapsed:.2f} s = {requests_made / elapsed:.0f} pages/s")
    assert sorted(i["id"] for i in items) == sorted(profiles)
    order = [(profiles[i["id"]]["bumped_at"], -i["id"]) for i in items]
    assert order == sorted(order, reverse=True)


def _crawl(client: FlaskClient, url: str) -> tuple[list[int], BeautifulSoup]:
    """Post ids of a listing, following rel="next"; and its first page (for the facets and counts)."""
    first = page = BeautifulSoup(client.get(url).data, "html.parser")
    ids: list[int] = []
    while True:
        ids += [int(card["data-post-id"]) for card in page.select("article.post-card")]
        nxt = page.select_one('a[rel="next"]')
        if nxt is None:
            return ids, first
        resp = client.get(nxt["href"])
        assert resp.status_code == 200
        page = BeautifulSoup(resp.data, "html.parser")


def _split_crawl(client: FlaskClient, url: str, facets: list[str]) -> set[int]:
    """A slice that fits under the cap is crawled; a bigger one is split by the next facet's options."""
    ids, first = _crawl(client, url)
    total = int(first.select_one(".total")["data-total"])
    if len(ids) == total:
        return set(ids)
    assert first.select_one(".depth-note") is not None, "a capped listing must say so"
    assert facets, f"{url} is capped even with every filter applied"
    found: set[int] = set()
    for link in first.select(f".filter-{facets[0]} a[data-slug]"):
        found |= _split_crawl(client, link["href"], facets[1:])
    return found


def test_jobboard_needs_its_filters_for_a_complete_crawl(world_dir: Path) -> None:
    posts = table(world_dir, "jobboard_posts", "post_id")
    app = create_app(world_dir, rate_limit=None)
    app.config.update(JOBBOARD_PAGE_SIZE=2, JOBBOARD_MAX_PAGES=3)  # the tiny world: cap at 6 of its posts
    client = app.test_client()
    assert len(posts) > 6

    plain, first = _crawl(client, "/jobboard/")
    assert len(plain) == 6 and int(first.select_one(".total")["data-total"]) == len(posts)
    assert client.get("/jobboard/?page=4").status_code == 404

    assert _split_crawl(client, "/jobboard/", ["kind", "city", "country"]) == set(posts)
    for post_id, row in posts.items():
        page = BeautifulSoup(client.get(f"/jobboard/post/{post_id}").data, "html.parser")
        post = page.select_one("article.post-detail")
        assert post.select_one(".post-body").get_text() == row["body"]
        assert post.select_one(".field-contact").get_text() == row["contact"]
        assert post["data-kind"] == row["kind"]


def test_search_finds_every_phone_of_the_ads_in_each_style(app: Any, world_dir: Path) -> None:
    key = json.loads((world_dir / "key" / "answer_key.json").read_text(encoding="utf-8"))
    index: SearchIndex = app.extensions["osintlab.search"]
    ads_by_phone: dict[str, set[int]] = {}
    for ad_id, ad in key["ads"].items():
        ads_by_phone.setdefault(ad["contact_phone"], set()).add(int(ad_id))
    rng = random.Random(2026)

    for phone, ad_ids in sorted(ads_by_phone.items()):
        want = {("quickads", i) for i in ad_ids}
        for style in PHONE_STYLES:
            for lang in sorted(DIGIT_WORDS) if style in ("words", "split") else ["en"]:
                for country in (None, "GB", "PL", "RO", "UA"):
                    for _ in range(2):  # each style draws a random plain form underneath
                        form = obscured_phone(phone, style, rng, lang, country)
                        assert want <= index.matches(parse_query(form)), (phone, form)


def test_search_finds_every_selector_of_profiles_and_posts(client: FlaskClient, world_dir: Path) -> None:
    key = json.loads((world_dir / "key" / "answer_key.json").read_text(encoding="utf-8"))
    paths = {"companions": "/companions/profile/", "jobboard": "/jobboard/post/"}
    for listing, entry in key["listings"].items():
        site, doc_id = listing.split(":")
        sel = entry["selectors"]
        queries = [*sel["phones"], *sel["emails"], *("@" + h.split(":", 1)[1] for h in sel["handles"])]
        for q in queries:
            resp = client.get("/search/", query_string={"q": q})
            page = BeautifulSoup(resp.data, "html.parser")
            hrefs = [a["href"] for a in page.select("a.result-title")]
            while f"{paths[site]}{doc_id}" not in hrefs and page.select_one('a[rel="next"]') is not None:
                page = BeautifulSoup(client.get(page.select_one('a[rel="next"]')["href"]).data, "html.parser")
                hrefs = [a["href"] for a in page.select("a.result-title")]
            assert f"{paths[site]}{doc_id}" in hrefs, (listing, q)


def test_safety_scan_over_the_new_sites_pages(client: FlaskClient, world_dir: Path) -> None:
    """Every rendered page and API answer of the new sites holds only reserved phones, domains and IPs."""
    from synth.scan import scan_text

    countries = {slug: row["country"] for slug, row in table(world_dir, "cities", "slug").items()}
    pages: list[tuple[str, str]] = [(u, "ZZ") for u in (
        "/companions/", "/companions/api/", "/companions/api/v1/cities", "/jobboard/", "/jobboard/?page=2",
        "/search/", "/search/?q=hotel", "/search/?q=telegram", "/robots.txt")]
    pages += [(f"/companions/profile/{i}", countries[r["city"]])
              for i, r in table(world_dir, "companions_profiles", "profile_id").items()]
    pages += [(f"/companions/api/v1/profiles/{i}", countries[r["city"]])
              for i, r in table(world_dir, "companions_profiles", "profile_id").items()]
    pages += [(f"/jobboard/post/{i}", countries[r["city"]])
              for i, r in table(world_dir, "jobboard_posts", "post_id").items()]
    violations = []
    for url, region in pages:
        resp = client.get(url)
        assert resp.status_code in (200, 404), url
        violations += scan_text(resp.get_data(as_text=True), url, region, allow_loopback=True)
    assert not violations, "\n".join(map(str, violations[:10]))
