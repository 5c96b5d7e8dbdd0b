"""WorkAbroad: filters, the page-depth cap and its polite 404, post pages, bad parameters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from synth.web.sites.jobboard import MAX_PAGES, PAGE_SIZE

CAP_MESSAGE = "Only the first 10 pages are shown; narrow your search with filters"


def rows(world: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def soup(client: FlaskClient, url: str, status: int = 200) -> BeautifulSoup:
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.status_code)
    return BeautifulSoup(resp.data, "html.parser")


def crawl(client: FlaskClient, url: str | None) -> list[int]:
    ids: list[int] = []
    while url:
        page = soup(client, url)
        ids += [int(c["data-post-id"]) for c in page.select("article.post-card")]
        nxt = page.select_one('nav.pagination a[rel="next"]')
        url = nxt["href"] if nxt else None
    return ids


def test_unfiltered_listing_shows_the_total_and_stops_at_the_cap(fixture_client: FlaskClient,
                                                                   fixture_world: Path) -> None:
    total = rows(fixture_world, "SELECT COUNT(*) FROM jobboard_posts")[0][0]
    assert total > MAX_PAGES * PAGE_SIZE, "the fixture must have more posts than the cap shows"
    page = soup(fixture_client, "/jobboard/")
    assert int(page.select_one(".result-count .total")["data-total"]) == total
    count = page.select_one(".page-count")
    assert count.get_text() == str(MAX_PAGES) and int(count["data-pages"]) == -(-total // PAGE_SIZE)
    assert page.select_one(".depth-note")["data-reachable"] == str(MAX_PAGES * PAGE_SIZE)
    seen = crawl(fixture_client, "/jobboard/")
    newest = [r[0] for r in rows(fixture_world, "SELECT post_id FROM jobboard_posts "
                                 "ORDER BY posted_at DESC, post_id DESC")]
    assert seen == newest[:MAX_PAGES * PAGE_SIZE]  # a plain crawl misses the oldest posts


def test_page_past_the_cap_is_a_polite_404(fixture_client: FlaskClient) -> None:
    page = soup(fixture_client, f"/jobboard/?page={MAX_PAGES + 1}", 404)
    err = page.select_one(".error-page.depth-cap")
    assert err["data-status"] == "404" and err["data-max-pages"] == str(MAX_PAGES)
    assert CAP_MESSAGE in err.select_one(".error-message").get_text()
    assert page.select_one('.filter-city a[data-slug="lodz"]')["href"] == "/jobboard/?city=lodz"


def test_filters_split_the_board_under_the_cap(fixture_client: FlaskClient, fixture_world: Path) -> None:
    everything = {r[0] for r in rows(fixture_world, "SELECT post_id FROM jobboard_posts")}
    home = soup(fixture_client, "/jobboard/")
    found: set[int] = set()
    for kind in home.select(".filter-kind a[data-slug]"):
        for city in soup(fixture_client, kind["href"]).select(".filter-city a[data-slug]"):
            listing = soup(fixture_client, city["href"])
            assert listing.select_one(".depth-note") is None
            found |= set(crawl(fixture_client, city["href"]))
    assert found == everything


def test_filters_keywords_and_country(fixture_client: FlaskClient, fixture_world: Path) -> None:
    expected = {r[0] for r in rows(fixture_world, "SELECT post_id FROM jobboard_posts WHERE kind='travel' "
                                   "AND work_country='DE' AND city='lodz'")}
    assert set(crawl(fixture_client, "/jobboard/?kind=travel&country=de&city=lodz")) == expected
    q = {r[0] for r in rows(fixture_world, "SELECT post_id FROM jobboard_posts WHERE company = 'Pușcașu'")}
    assert set(crawl(fixture_client, "/jobboard/?q=PUȘCAȘU")) == q
    page = soup(fixture_client, "/jobboard/?kind=job&city=warsaw")
    assert all(c["data-kind"] == "job" and c.select_one(".post-city")["data-slug"] == "warsaw"
               for c in page.select("article.post-card"))


@pytest.mark.parametrize(("query", "needle"), [
    ("kind=cars", "kind=job or kind=travel"), ("city=atlantis", "no city called"), ("country=Germany", "ISO"),
    ("country=1A", "ISO"), ("page=0", "numbered from 1"), ("q=" + "a" * 101, "at most"),
])
def test_bad_parameters_are_400(fixture_client: FlaskClient, query: str, needle: str) -> None:
    page = soup(fixture_client, "/jobboard/?" + query, 400)
    assert needle in page.select_one(".error-message").get_text()


def test_post_page_fields(fixture_client: FlaskClient, fixture_world: Path) -> None:
    row = rows(fixture_world, "SELECT * FROM jobboard_posts WHERE salary IS NULL AND work_country IS NULL LIMIT 1")[0]
    post = soup(fixture_client, f"/jobboard/post/{row['post_id']}").select_one("article.post-detail")
    assert post["data-post-id"] == str(row["post_id"]) and post["data-kind"] == row["kind"]
    assert post.select_one("h1.post-title").get_text() == row["title"]
    assert post.select_one(".post-body").get_text() == row["body"]
    assert post.select_one(".field-contact").get_text() == row["contact"]
    assert post.select_one(".field-company").get_text() == row["company"]
    assert post.select_one(".field-city")["data-slug"] == row["city"]
    assert post.select_one(".field-posted time")["datetime"] == row["posted_at"]
    assert post.select_one(".field-salary") is None and post.select_one(".field-country") is None
    assert fixture_client.get("/jobboard/post/999999").status_code == 404
    assert fixture_client.get("/jobboard/apply/3").status_code == 403
    assert "Disallow: /jobboard/apply/" in fixture_client.get("/robots.txt").get_data(as_text=True)
