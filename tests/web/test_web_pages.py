"""Pages, markup contract, status codes: with Flask's test client (fast, no sockets)."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from synth.web.app import create_app
from synth.web.sites.quickads import PAGE_SIZE, page_window
from synth.web.world import EXTRA_SITES, SITE_TABLES

BANNER = "Training site — all content is fictional"


def soup_of(client: FlaskClient, url: str, status: int = 200) -> BeautifulSoup:
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.status_code)
    assert resp.mimetype == "text/html"
    return BeautifulSoup(resp.get_data(as_text=True), "html.parser")


def rows(world: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_portal_lists_every_site(client: FlaskClient, world_dir: Path) -> None:
    page = soup_of(client, "/")
    assert "everything here is fictional" in page.h1.get_text()
    assert BANNER in page.get_text()
    listed = {li["data-site"] for li in page.select("li.site")}
    # The ``sites`` table, plus the sites the web layer adds when the world has their tables (the explorer).
    tables = {r["name"] for r in rows(world_dir, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    extra = {slug for slug in EXTRA_SITES if all(t in tables for t in SITE_TABLES[slug])}
    assert listed == {r["slug"] for r in rows(world_dir, "SELECT slug FROM sites")} | extra
    assert page.select_one('li.site[data-site="quickads"] a.site-name')["href"] == "/quickads/"


def test_healthz_reports_the_world(client: FlaskClient, world_dir: Path) -> None:
    manifest = json.loads((world_dir / "manifest.json").read_text())
    data = client.get("/healthz").get_json()
    assert data == {"status": "ok", "world_id": manifest["world_id"], "seed": manifest["seed"],
                    "preset": manifest["preset"]}


@pytest.mark.parametrize("url", ["/robots.txt", "/quickads/robots.txt"])
def test_robots_txt(client: FlaskClient, url: str) -> None:
    resp = client.get(url)
    assert resp.status_code == 200 and resp.mimetype == "text/plain"
    lines = resp.get_data(as_text=True).splitlines()
    for line in ("User-agent: *", "Request-rate: 10/1", "Disallow: /quickads/account/", "Disallow: /quickads/post"):
        assert line in lines


@pytest.mark.parametrize("url", ["/quickads/account/", "/quickads/account/settings", "/quickads/post"])
def test_disallowed_paths_are_login_walls(client: FlaskClient, url: str) -> None:
    page = soup_of(client, url, 403)
    assert page.select_one("form.login-form") is not None
    assert "robots.txt" in page.get_text()
    assert client.post(url).status_code == 403


def test_home_counts_and_latest(client: FlaskClient, world_dir: Path) -> None:
    page = soup_of(client, "/quickads/")
    total = rows(world_dir, "SELECT COUNT(*) AS n FROM quickads_ads")[0]["n"]
    assert int(page.select_one(".total")["data-total"]) == total
    cats = {a["data-slug"]: int(a.find_next_sibling("span", class_="count").get_text())
            for a in page.select(".home-categories a[data-slug]")}
    for r in rows(world_dir, "SELECT category, COUNT(*) AS n FROM quickads_ads GROUP BY category"):
        assert cats[r["category"]] == r["n"]
    cities = {a["data-slug"]: int(a.find_next_sibling("span", class_="count").get_text())
              for a in page.select(".home-cities a[data-slug]")}
    by_city = rows(world_dir, "SELECT city, COUNT(*) AS n FROM quickads_ads GROUP BY city")
    expected = {r["city"]: r["n"] for r in by_city}
    assert cities == expected
    newest = [r["ad_id"] for r in rows(world_dir, "SELECT ad_id FROM quickads_ads "
                                       "ORDER BY posted_at DESC, ad_id DESC LIMIT 10")]
    assert [int(c["data-ad-id"]) for c in page.select("article.ad-card")] == newest


def test_listing_pages_newest_first_with_rel_links(fixture_client: FlaskClient, fixture_world: Path) -> None:
    expected = [r["ad_id"] for r in rows(fixture_world, "SELECT ad_id FROM quickads_ads "
                                         "ORDER BY posted_at DESC, ad_id DESC")]
    seen: list[int] = []
    url: str | None = "/quickads/ads"
    pages = 0
    while url:
        page = soup_of(fixture_client, url)
        cards = page.select("article.ad-card")
        assert len(cards) <= PAGE_SIZE
        seen += [int(c["data-ad-id"]) for c in cards]
        assert int(page.select_one(".result-count .total")["data-total"]) == len(expected)
        prev = page.select_one('nav.pagination a[rel="prev"]')
        assert (prev is None) == (pages == 0)
        nxt = page.select_one('nav.pagination a[rel="next"]')
        url = nxt["href"] if nxt else None
        pages += 1
    assert seen == expected
    assert pages == -(-len(expected) // PAGE_SIZE)


def test_listing_filters_and_facets(fixture_client: FlaskClient, fixture_world: Path) -> None:
    page = soup_of(fixture_client, "/quickads/ads?city=lodz&category=jobs")
    expected = rows(fixture_world, "SELECT ad_id FROM quickads_ads WHERE city='lodz' AND category='jobs'")
    assert int(page.select_one(".total")["data-total"]) == len(expected)
    assert page.h1.get_text() == "Jobs in Łódź"
    for card in page.select("article.ad-card"):
        assert card.select_one(".ad-city")["data-slug"] == "lodz"
        assert card.select_one(".ad-city").get_text() == "Łódź"
        assert card.select_one(".ad-category").get_text() == "Jobs"
    # The city facet keeps the category and counts ads per city within it.
    warsaw = page.select_one('.filter-city a[data-slug="warsaw"]')
    assert warsaw["href"] == "/quickads/ads?city=warsaw&category=jobs"
    n = rows(fixture_world, "SELECT COUNT(*) AS n FROM quickads_ads WHERE city='warsaw' AND category='jobs'")[0]["n"]
    assert int(warsaw.find_next_sibling("span", class_="count").get_text()) == n


def test_keyword_search_is_parameterised_and_unicode_aware(fixture_client: FlaskClient, fixture_world: Path) -> None:
    def found(q: str) -> set[int]:
        ids: set[int] = set()
        resp = fixture_client.get("/quickads/ads", query_string={"q": q})
        while True:
            assert resp.status_code == 200
            page = BeautifulSoup(resp.data, "html.parser")
            ids |= {int(c["data-ad-id"]) for c in page.select(".ad-card")}
            nxt = page.select_one('a[rel="next"]')
            if nxt is None:
                return ids
            resp = fixture_client.get(nxt["href"])

    assert found("100%") == {7}  # % is a literal, not a wildcard
    assert found("50_50") == {7}
    assert found("'; DROP TABLE quickads_ads; --") == set()
    lodz = {r["ad_id"] for r in rows(fixture_world, "SELECT ad_id FROM quickads_ads WHERE title LIKE '%Łódź%'")}
    assert len(lodz) > PAGE_SIZE
    assert found("ŁÓDŹ") == found("łódź") == lodz  # case folding beyond ASCII
    assert found("warehouse accommodation") <= found("warehouse")


def test_no_ads_match_state(fixture_client: FlaskClient) -> None:
    page = soup_of(fixture_client, "/quickads/ads?q=zzzxqnothing")
    assert page.select_one(".no-results h2").get_text() == "No ads match"
    assert page.select_one(".total")["data-total"] == "0"
    assert page.select_one("nav.pagination") is None
    empty_city = soup_of(fixture_client, "/quickads/ads?city=bucharest")
    assert empty_city.select_one(".no-results") is not None


def test_ad_detail_fields(fixture_client: FlaskClient, fixture_world: Path) -> None:
    row = rows(fixture_world, "SELECT * FROM quickads_ads WHERE ad_id = 7")[0]
    page = soup_of(fixture_client, "/quickads/ad/7")
    ad = page.select_one("article.ad-detail")
    assert ad["data-ad-id"] == "7"
    assert ad.select_one("h1.ad-title").get_text() == row["title"]
    assert ad.select_one("div.ad-body").get_text() == row["body"]  # HTML in the text stays text
    assert ad.select_one("div.ad-body b") is None
    fields = {dd["class"][0]: dd for dd in ad.select("dl.ad-fields dd")}
    assert fields["field-phone"].get_text() == row["phone"]
    assert fields["field-name"].get_text() == row["display_name"]
    assert fields["field-price"].get_text() == row["price"]
    assert fields["field-posted"].time["datetime"] == row["posted_at"]
    assert fields["field-city"]["data-slug"] == row["city"]
    assert fields["field-category"]["data-slug"] == row["category"]
    crumbs = [li.get_text(strip=True) for li in page.select("nav.breadcrumb li")]
    assert crumbs[0] == "QuickAds" and crumbs[-1] == "Ad #7"
    assert page.select_one("a.report-link")["href"] == "/quickads/report"
    assert soup_of(fixture_client, "/quickads/report").h1.get_text() == "Reporting an ad"


def test_optional_fields_are_omitted_when_null(fixture_client: FlaskClient, fixture_world: Path) -> None:
    row = rows(fixture_world, "SELECT * FROM quickads_ads WHERE email IS NULL AND messenger IS NULL "
                              "AND age IS NULL LIMIT 1")[0]
    fields = soup_of(fixture_client, f"/quickads/ad/{row['ad_id']}").select("dl.ad-fields dd")
    classes = {dd["class"][0] for dd in fields}
    assert not classes & {"field-email", "field-messenger", "field-age"}
    assert {"field-phone", "field-name", "field-city", "field-category", "field-price", "field-posted"} <= classes


@pytest.mark.parametrize("url", [
    "/nope", "/quickads/nope", "/quickads/ad/0", "/quickads/ad/999999", "/quickads/ad/-1", "/quickads/ad/abc",
    "/quickads/ad/" + "9" * 40, "/quickads/ad/" + "9" * 5000, "/quickads/ads?page=999",
    "/quickads/../../etc/passwd", "/quickads/%2e%2e/%2e%2e/etc/passwd", "/quickads/%2E%2E/synth/web/app.py",
    "/static/../synth/web/app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
    "/quickads/account/../../../etc/passwd", "/static/./lab.css", "/static/nope.css", "/etc/passwd",
])
def test_not_found(client: FlaskClient, url: str) -> None:
    page = soup_of(client, url, 404)
    assert page.select_one(".error-page")["data-status"] == "404"
    assert BANNER in page.get_text()
    assert "Traceback" not in page.get_text()


@pytest.mark.parametrize(("query", "needle"), [
    ("page=x", "whole number"), ("page=0", "numbered from 1"), ("page=-1", "whole number"),
    ("page=1.5", "whole number"), ("page=" + "9" * 12, "too large"), ("page=%D9%A3", "whole number"),
    ("city=atlantis", "no city called"), ("category=weapons", "no category called"),
    ("q=" + "a" * 101, "at most"), ("q=" + "+".join("abcdefghi"), "at most"),
])
def test_bad_query_is_400_in_plain_language(client: FlaskClient, query: str, needle: str) -> None:
    page = soup_of(client, "/quickads/ads?" + query, 400)
    assert needle in page.select_one(".error-message").get_text()


def test_empty_filters_are_ignored(client: FlaskClient) -> None:
    assert client.get("/quickads/ads?city=&category=&q=&page=").status_code == 200


def test_method_not_allowed_is_styled(client: FlaskClient) -> None:
    resp = client.post("/quickads/ads")
    assert resp.status_code == 405 and BANNER in resp.get_data(as_text=True)


def test_fuzz_odd_query_strings_never_500(fixture_client: FlaskClient) -> None:
    rng = random.Random(5)
    odd = ["", " ", "0", "-0", "1", "2", "１", "٣", "1e3", "0x1f", "None", "[]", "%00", "%ff%fe", "%", "%%",
           "../", "..%2f", "<script>", "'", '"', "\\", "warsaw", "WARSAW", "jobs ", "ł", "a" * 300, "&&", "=="]
    keys = ["page", "city", "category", "q", "sort", "page[]", ""]
    for _ in range(300):
        parts = [f"{rng.choice(keys)}={rng.choice(odd)}" for _ in range(rng.randint(1, 4))]
        path = rng.choice(["/quickads/ads", "/quickads/", "/quickads/ad/7", "/", "/quickads/report"])
        resp = fixture_client.get(path + "?" + "&".join(parts))
        assert resp.status_code in (200, 400, 404), (path, parts, resp.status_code)


def test_unexpected_errors_get_a_friendly_500(fixture_world: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(fixture_world, rate_limit=None)

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret detail")

    resp = app.test_client().get("/boom")
    text = resp.get_data(as_text=True)
    assert resp.status_code == 500 and "Something went wrong" in text and "secret detail" not in text
    assert "secret detail" in caplog.text


def test_security_headers_and_local_assets_only(client: FlaskClient) -> None:
    resp = client.get("/quickads/ads")
    assert "script-src 'none'" in resp.headers["Content-Security-Policy"]
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert resp.headers["X-Frame-Options"] == "DENY"
    external = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import|url\(\s*["']?(?:https?:)?//""", re.I)
    for url in ["/", "/quickads/", "/quickads/ads", "/quickads/ad/1", "/quickads/post", "/nope",
                "/static/lab.css", "/static/quickads.css", "/companions/", "/companions/api/", "/companions/profile/1",
                "/static/companions.js", "/static/companions.css", "/jobboard/", "/jobboard/post/1",
                "/static/jobboard.css", "/search/", "/search/?q=hotel", "/static/search.css"]:
        assert not external.search(client.get(url).get_data(as_text=True)), url


def test_database_is_opened_read_only(app: Flask) -> None:
    with app.app_context():
        from synth.web.context import db

        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db().execute("CREATE TABLE intruder (x)")


def test_page_window() -> None:
    assert page_window(1, 1) == [1]
    assert page_window(1, 10) == [1, 2, 3, None, 10]
    assert page_window(6, 12) == [1, None, 4, 5, 6, 7, 8, None, 12]


_opened: list[str] | None = None


def _record_opens(event: str, args: tuple) -> None:
    if _opened is not None and event in ("open", "sqlite3.connect", "os.listdir", "os.scandir") and args:
        _opened.append(str(args[0]))


def test_web_layer_never_touches_the_answer_key(world_dir: Path) -> None:
    """Every file the app opens while serving every kind of page is public (or its own code)."""
    global _opened
    assert (world_dir / "key").is_dir() and (world_dir / "selfcheck.json").is_file()
    sys.addaudithook(_record_opens)  # hooks cannot be removed; this one is idle outside this test
    _opened = []
    try:
        client = create_app(world_dir, rate_limit=None).test_client()
        ad_id = rows(world_dir, "SELECT MIN(ad_id) AS i FROM quickads_ads")[0]["i"]
        for url in ["/", "/healthz", "/robots.txt", "/quickads/", "/quickads/ads?page=2", f"/quickads/ad/{ad_id}",
                    "/quickads/post", "/quickads/report", "/nope", "/static/lab.css",
                    "/companions/", "/companions/api/", "/companions/api/v1/profiles", "/companions/api/v1/profiles/1",
                    "/companions/profile/1", "/jobboard/", "/jobboard/post/1", "/jobboard/?page=11",
                    "/search/", "/search/?q=07700+900123", "/search/?q=%40lux"]:
            client.get(url)
        opened = list(_opened)
    finally:
        _opened = None
    assert any("site.sqlite" in p for p in opened)
    leaks = [p for p in opened if "/key" in p.replace("\\", "/") or "selfcheck" in p]
    assert not leaks


def test_portal_marks_sites_this_version_does_not_serve(fixture_client: FlaskClient) -> None:
    page = soup_of(fixture_client, "/")
    other = page.select_one('li.site[data-site="workwide"]')
    assert other.select_one("a") is None and other.select_one(".site-offline") is not None
    assert fixture_client.get("/workwide/").status_code == 404
