"""Worlds without the social tables (made before the social platforms existed) keep working: no social sites.

Also: a social site the ``sites`` table lists keeps the world's name for it, and one listed without its
tables is shown as unavailable, never as a page that fails.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from synth.vocab.platforms import ALL_PLATFORMS, LIGHT_PLATFORMS
from synth.web.app import create_app

from .socialworld import build_social_world
from .webhelp import soup_of

SOCIAL_URLS = ["/chirp/", "/chirp/anna_k", "/chirp/anna_k/status/1", "/chirp/hashtag/jobs", "/chirp/developers",
               "/chirp/api/v1/users/anna_k", "/chirp/img/0123456789abcdef.jpg", "/circle/", "/circle/anna_k",
               "/circle/groups", "/circle/groups/1", "/circle/posts/1", "/circle/img/0123456789abcdef.jpg",
               *(p.profile_path("anna_k") for p in LIGHT_PLATFORMS), *(f"/{p.slug}/" for p in LIGHT_PLATFORMS)]


@pytest.mark.parametrize("url", SOCIAL_URLS)
def test_social_addresses_are_plain_404s(fixture_client: FlaskClient, url: str) -> None:
    resp = fixture_client.get(url)
    assert resp.status_code == 404, url


def test_portal_robots_and_search_leave_them_out(fixture_client: FlaskClient) -> None:
    listed = {li["data-site"] for li in soup_of(fixture_client, "/").select("li.site")}
    assert not listed & set(ALL_PLATFORMS)
    robots = fixture_client.get("/robots.txt").get_data(as_text=True)
    assert "/chirp/" not in robots and "/circle/" not in robots
    indexed = {s["data-site"] for s in soup_of(fixture_client, "/search/").select(".indexed-site")}
    assert not indexed & set(ALL_PLATFORMS)
    page = soup_of(fixture_client, "/search/username?u=anna_k")
    assert page.select_one(".no-results") and page.select_one(".checked-count")["data-count"] == "0"
    assert fixture_client.get("/search/api/v1/username?u=anna_k").get_json()["checked"] == 0
    assert fixture_client.get("/search/api/v1/wmn-data.json").get_json()["sites"] == []


def test_the_generated_tiny_world_serves_whatever_it_has(client: FlaskClient, world_dir: Path) -> None:
    """Before the generator lands this is an old world; after, a new one: no page may fail either way."""
    for url in SOCIAL_URLS:
        assert client.get(url).status_code < 500, url


def test_listed_without_tables_is_shown_as_unavailable(fixture_world: Path, tmp_path: Path) -> None:
    world = tmp_path / "world"
    shutil.copytree(fixture_world, world)
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    conn.execute("INSERT INTO sites VALUES ('chirp', 'chirp.example', 'Chirp', 'Listed, but no tables')")
    conn.commit()
    conn.close()
    client = create_app(world, rate_limit=None).test_client()
    item = soup_of(client, "/").select_one('li.site[data-site="chirp"]')
    assert item.select_one(".site-offline") and item.select_one("a") is None
    assert client.get("/chirp/").status_code == 404


def test_a_listed_social_site_keeps_the_worlds_name(tmp_path: Path) -> None:
    client = create_app(build_social_world(tmp_path / "w", list_social=True), rate_limit=None).test_client()
    portal = soup_of(client, "/")
    chirp = portal.select_one('li.site[data-site="chirp"] a.site-name')
    assert chirp.get_text() == "Chirp (listed)" and chirp["href"] == "/chirp/"
    assert [h.get_text() for h in portal.select(".site-group-title")] == ["Sites", "Social networks", "More platforms"]
    assert {li["data-site"] for li in portal.select("li.site")} >= set(ALL_PLATFORMS)
