"""Companions: the JSON API (shape, order, pagination, errors), the HTML shell, profile and docs pages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from synth.web.sites.companions import PER_PAGE_DEFAULT, PER_PAGE_MAX

API = "/companions/api/v1/profiles"
ITEM_KEYS = ["id", "name", "age", "city", "headline", "rate", "bumped_at", "url", "photos"]


def rows(world: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def crawl(client: FlaskClient, url: str) -> tuple[list[dict], int]:
    """Every item, following ``next`` to the end; and how many pages that took."""
    items: list[dict] = []
    pages = 0
    while url:
        resp = client.get(url)
        assert resp.status_code == 200 and resp.mimetype == "application/json", url
        data = resp.get_json()
        assert list(data) == ["page", "per_page", "total", "pages", "next", "items"]
        items += data["items"]
        pages += 1
        url = data["next"]
    return items, pages


def test_listing_api_pages_in_bump_order(fixture_client: FlaskClient, fixture_world: Path) -> None:
    expected = [r["profile_id"] for r in rows(fixture_world, "SELECT profile_id FROM companions_profiles "
                                              "ORDER BY bumped_at DESC, profile_id ASC")]
    first = fixture_client.get(API).get_json()
    assert first["per_page"] == PER_PAGE_DEFAULT and first["total"] == len(expected)
    assert first["pages"] == -(-len(expected) // PER_PAGE_DEFAULT)
    assert first["next"] == f"http://localhost{API}?page=2&per_page={PER_PAGE_DEFAULT}"
    items, pages = crawl(fixture_client, API + "?per_page=7")
    assert [i["id"] for i in items] == expected and pages == -(-len(expected) // 7)
    assert all(list(i) == ITEM_KEYS for i in items)
    assert items[0]["url"] == f"http://localhost/companions/profile/{items[0]['id']}"


def test_city_filter_and_full_profile(fixture_client: FlaskClient, fixture_world: Path) -> None:
    items, _ = crawl(fixture_client, API + "?city=lodz&per_page=50")
    db = {r["profile_id"]: dict(r) for r in rows(fixture_world, "SELECT * FROM companions_profiles WHERE city='lodz'")}
    assert {i["id"] for i in items} == set(db)
    for item in items:
        full = fixture_client.get(f"{API}/{item['id']}").get_json()
        row = db[item["id"]]
        assert full["languages"] == row["languages"].split(",")
        for key in ("name", "age", "city", "nationality", "headline", "text", "contact", "rate", "posted_at",
                    "bumped_at"):
            assert full[key] == row[key], key
        assert {k: full[k] for k in ITEM_KEYS} == item


@pytest.mark.parametrize(("query", "needle"), [
    ("page=0", "numbered from 1"), ("page=x", "whole number"), ("per_page=0", "1 to 50"),
    (f"per_page={PER_PAGE_MAX + 1}", "1 to 50"), ("per_page=-3", "1 to 50"), ("per_page=" + "9" * 40, "1 to 50"),
    ("city=atlantis", "no city called"),
])
def test_api_bad_parameters_are_json_400(fixture_client: FlaskClient, query: str, needle: str) -> None:
    resp = fixture_client.get(f"{API}?{query}")
    assert resp.status_code == 400 and resp.mimetype == "application/json"
    assert needle in resp.get_json()["error"]


@pytest.mark.parametrize("url", [f"{API}/99999", f"{API}/0", f"{API}/{'9' * 30}", f"{API}?page=99",
                                 "/companions/api/v1/nothing", "/companions/api/v1/"])
def test_api_not_found_is_json_404(fixture_client: FlaskClient, url: str) -> None:
    resp = fixture_client.get(url)
    assert resp.status_code == 404 and resp.mimetype == "application/json"
    assert resp.get_json()["status"] == 404 and resp.get_json()["error"]


def test_api_method_not_allowed_is_json(fixture_client: FlaskClient) -> None:
    resp = fixture_client.post(API)
    assert resp.status_code == 405 and resp.get_json()["status"] == 405 and "GET" in resp.headers["Allow"]


def test_cities_endpoint(fixture_client: FlaskClient, fixture_world: Path) -> None:
    data = fixture_client.get("/companions/api/v1/cities").get_json()
    counts = {r[0]: r[1] for r in rows(fixture_world, "SELECT city, COUNT(*) FROM companions_profiles GROUP BY city")}
    assert {c["slug"]: c["profiles"] for c in data["items"] if c["profiles"]} == counts


def test_listing_is_a_shell_that_names_its_api(fixture_client: FlaskClient) -> None:
    resp = fixture_client.get("/companions/?city=lodz&page=2")
    assert resp.status_code == 200
    assert "script-src 'self'" in resp.headers["Content-Security-Policy"]
    page = BeautifulSoup(resp.data, "html.parser")
    assert page.select(".profile-card") == []  # the lesson: profiles are not in the HTML
    grid = page.select_one("#profile-grid")
    assert grid["data-api"] == f"{API}?city=lodz&page=2&per_page={PER_PAGE_DEFAULT}"
    assert page.select_one('script[src="/static/companions.js"]') is not None
    assert page.select_one("script:not([src])") is None  # no inline script: the CSP forbids it
    assert fixture_client.get("/static/companions.js").status_code == 200
    assert "script-src 'none'" in fixture_client.get("/quickads/").headers["Content-Security-Policy"]


def test_listing_bad_city_is_html_400(fixture_client: FlaskClient) -> None:
    resp = fixture_client.get("/companions/?city=atlantis")
    assert resp.status_code == 400 and resp.mimetype == "text/html"
    assert "no city called" in BeautifulSoup(resp.data, "html.parser").select_one(".error-message").get_text()


def test_profile_page_without_javascript(fixture_client: FlaskClient, fixture_world: Path) -> None:
    row = rows(fixture_world, "SELECT * FROM companions_profiles WHERE profile_id = 5")[0]
    page = BeautifulSoup(fixture_client.get("/companions/profile/5").data, "html.parser")
    detail = page.select_one("article.profile-detail")
    assert detail["data-profile-id"] == "5"
    assert detail.select_one(".profile-name").get_text() == row["name"]
    assert detail.select_one(".profile-text").get_text() == row["text"]
    assert detail.select_one(".profile-text b") is None  # HTML in the text stays text
    assert detail.select_one(".field-contact") is None  # empty contact: left out
    assert detail.select_one(".field-city")["data-slug"] == row["city"]
    assert detail.select_one(".field-bumped time")["datetime"] == row["bumped_at"]
    null_age = rows(fixture_world, "SELECT profile_id FROM companions_profiles WHERE age IS NULL LIMIT 1")[0][0]
    assert BeautifulSoup(fixture_client.get(f"/companions/profile/{null_age}").data,
                         "html.parser").select_one(".field-age") is None
    assert fixture_client.get("/companions/profile/99999").status_code == 404
    assert fixture_client.get("/companions/profile/99999").mimetype == "text/html"


def test_api_docs_page(fixture_client: FlaskClient) -> None:
    page = BeautifulSoup(fixture_client.get("/companions/api/").data, "html.parser")
    text = page.get_text()
    for needle in ("/companions/api/v1/profiles", "per_page", "next", "Retry-After", "/companions/api/v1/cities"):
        assert needle in text
    assert page.select_one("#list-profiles pre code") is not None


def test_robots_and_login_walls(fixture_client: FlaskClient) -> None:
    lines = fixture_client.get("/robots.txt").get_data(as_text=True).splitlines()
    assert "Disallow: /companions/account/" in lines and "Disallow: /companions/messages/" in lines
    assert not any("/companions/api" in line for line in lines)  # the API is meant to be used
    for url in ("/companions/account/", "/companions/messages/42"):
        assert fixture_client.get(url).status_code == 403


def test_api_429_is_json(fixture_world: Path) -> None:
    from synth.web.app import create_app

    client = create_app(fixture_world, rate_limit=1, burst=1).test_client()
    client.get(API)
    resp = client.get(API)
    assert resp.status_code == 429 and resp.get_json()["status"] == 429 and int(resp.headers["Retry-After"]) >= 1
