"""Chirp's JSON API: keys (401/403), the per-key window (headers, 429, reset), pagination, every endpoint."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from synth.web.app import create_app
from synth.web.ratelimit import WindowLimiter
from synth.web.sites.chirp.apikeys import api_secret, issue_key, key_is_valid

from .socialworld import ANNA, N_FOLLOWERS, WORLD_ID
from .webhelp import query

API = "/chirp/api/v1"


@pytest.fixture(scope="module")
def key(social_app: Flask) -> str:
    html = social_app.test_client().post("/chirp/developers/keys", data={"name": "API tests"}).get_data(as_text=True)
    return re.search(r'class="api-key">([^<]+)<', html).group(1)


@pytest.fixture
def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_no_key_is_a_401_that_says_where_to_get_one(social_client: FlaskClient) -> None:
    for url in (f"{API}/users/{ANNA}", f"{API}/no/such/endpoint"):
        resp = social_client.get(url)
        assert resp.status_code == 401 and resp.mimetype == "application/json"
        data = resp.get_json()
        assert data["status"] == 401 and "/chirp/developers" in data["error"] and "Bearer" in data["error"]
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")
        assert "X-RateLimit-Limit" not in resp.headers


@pytest.mark.parametrize("headers", [{"Authorization": "Bearer chirp_" + "0" * 40}, {"X-API-Key": "nonsense"},
                                     {"Authorization": "Bearer " + issue_key(api_secret("w-other"), "x")}])
def test_a_key_this_server_never_issued_is_a_403(social_client: FlaskClient, headers: dict[str, str]) -> None:
    resp = social_client.get(f"{API}/users/{ANNA}", headers=headers)
    assert resp.status_code == 403 and "not valid" in resp.get_json()["error"]


def test_key_in_either_header(social_client: FlaskClient, key: str) -> None:
    for headers in ({"Authorization": f"Bearer {key}"}, {"Authorization": f"bearer  {key} "}, {"X-API-Key": key}):
        assert social_client.get(f"{API}/users/{ANNA}", headers=headers).status_code == 200


def test_keys_are_stateless_hmacs() -> None:
    secret = api_secret(WORLD_ID)
    key = issue_key(secret, "Anna's notebook")
    assert key == issue_key(secret, " anna's   NOTEBOOK") and key_is_valid(secret, key)
    assert not key_is_valid(secret, key[:-1] + ("0" if key[-1] != "0" else "1"))
    assert not key_is_valid(api_secret("w-other"), key)
    assert issue_key(secret, "other") != key


def test_user_endpoint(social_client: FlaskClient, social_world: Path, auth: dict[str, str]) -> None:
    resp = social_client.get(f"{API}/users/{ANNA}", headers=auth)
    assert resp.headers["X-RateLimit-Limit"] == "300"
    data = resp.get_json()
    row = dict(query(social_world, "SELECT * FROM social_accounts WHERE platform = 'chirp' AND username = ?",
                     (ANNA,))[0])
    assert data["id"] == row["account_id"] and data["bio"] == row["bio"] and data["city"] == row["city"]
    assert data["created_at"] == row["created_at"] and data["display_name"] == row["display_name"]
    assert data["url"] == f"http://localhost/chirp/{ANNA}"
    assert data["avatar"].startswith("/chirp/img/")
    assert (data["followers_count"], data["following_count"]) == (N_FOLLOWERS, 5)
    assert social_client.get(data["avatar"]).mimetype == "image/jpeg"
    missing = social_client.get(f"{API}/users/nobody_here", headers=auth)
    assert missing.status_code == 404 and "X-RateLimit-Remaining" in missing.headers


def pages(client: FlaskClient, url: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    """Every item of a paginated API list, following ``next`` (absolute) to the end."""
    items: list[dict[str, Any]] = []
    next_url: str | None = url
    while next_url:
        data = client.get(next_url.removeprefix("http://localhost"), headers=headers).get_json()
        assert data["total"] >= len(data["items"])
        items += data["items"]
        next_url = data["next"]
    return items


def test_posts_followers_following_paginate_to_the_end(social_client: FlaskClient, social_world: Path,
                                                       auth: dict[str, str]) -> None:
    posts = pages(social_client, f"{API}/users/{ANNA}/posts?per_page=7", auth)
    want = query(social_world, "SELECT post_id FROM chirp_posts WHERE account_id = 1 ORDER BY posted_at DESC, "
                               "post_id DESC")
    assert [p["id"] for p in posts] == [r["post_id"] for r in want]
    first = next(p for p in posts if p["id"] == 1)
    assert first["hashtags"] == ["jobs", "berlin"] and first["author"]["username"] == ANNA
    assert first["url"] == f"http://localhost/chirp/{ANNA}/status/1"
    followers = pages(social_client, f"{API}/users/{ANNA}/followers?per_page=9", auth)
    assert len(followers) == N_FOLLOWERS and all(f["since"] for f in followers)
    assert {f["id"] for f in pages(social_client, f"{API}/users/{ANNA}/following", auth)} == set(range(40, 45))


def test_post_and_search(social_client: FlaskClient, social_world: Path, auth: dict[str, str]) -> None:
    data = social_client.get(f"{API}/posts/1", headers=auth).get_json()
    assert (data["replies_count"], data["reposts_count"]) == (1, 2)
    gone = query(social_world, "SELECT post_id FROM chirp_posts WHERE repost_of = 9999")[0]["post_id"]
    assert social_client.get(f"{API}/posts/{gone}", headers=auth).get_json()["repost_of"] == 9999
    assert social_client.get(f"{API}/posts/99999", headers=auth).status_code == 404
    found = pages(social_client, f"{API}/search?q=%23praca&per_page=3", auth)
    want = query(social_world, "SELECT post_id FROM chirp_posts WHERE text LIKE '%#praca%' "
                               "ORDER BY posted_at DESC, post_id DESC")
    assert [p["id"] for p in found] == [r["post_id"] for r in want] and found
    assert social_client.get(f"{API}/search", headers=auth).status_code == 400


@pytest.mark.parametrize("url,status", [(f"{API}/users/{ANNA}/posts?per_page=0", 400),
                                        (f"{API}/users/{ANNA}/posts?per_page=101", 400),
                                        (f"{API}/users/{ANNA}/posts?page=0", 400),
                                        (f"{API}/users/{ANNA}/posts?page=9", 404), (f"{API}/nope", 404)])
def test_errors_are_json(social_client: FlaskClient, auth: dict[str, str], url: str, status: int) -> None:
    resp = social_client.get(url, headers=auth)
    assert resp.status_code == status and resp.get_json()["status"] == status


def test_post_to_the_api_is_a_json_405(social_client: FlaskClient, auth: dict[str, str]) -> None:
    resp = social_client.post(f"{API}/users/{ANNA}", headers=auth)
    assert resp.status_code == 405 and resp.get_json()["status"] == 405


def test_per_key_window_limit(social_world: Path, key: str) -> None:
    app = create_app(social_world, rate_limit=None)
    now = [1_000_000.0]
    app.extensions["osintlab.chirp_limiter"] = WindowLimiter(3, 60, clock=lambda: now[0])
    client = app.test_client()
    auth = {"X-API-Key": key}
    seen = [client.get(f"{API}/users/{ANNA}", headers=auth) for _ in range(3)]
    assert [r.headers["X-RateLimit-Remaining"] for r in seen] == ["2", "1", "0"]
    assert {r.headers["X-RateLimit-Reset"] for r in seen} == {"1000060"}
    now[0] += 20
    over = client.get(f"{API}/users/{ANNA}", headers=auth)
    assert over.status_code == 429 and over.headers["Retry-After"] == "40"
    assert over.headers["X-RateLimit-Remaining"] == "0" and "Wait 40 seconds" in over.get_json()["error"]
    other = issue_key(api_secret(WORLD_ID), "another project")
    assert client.get(f"{API}/users/{ANNA}", headers={"X-API-Key": other}).status_code == 200  # per key
    now[0] += 40
    again = client.get(f"{API}/users/{ANNA}", headers=auth)
    assert again.status_code == 200 and again.headers["X-RateLimit-Remaining"] == "2"


def test_api_over_http_with_requests(social_live: str, key: str) -> None:
    """What a notebook does: get a key from the form, then call the API with it over real HTTP."""
    with requests.Session() as http:
        http.trust_env = False
        page = http.post(f"{social_live}/chirp/developers/keys", data={"name": "API tests"}, timeout=10)
        assert re.search(r'class="api-key">([^<]+)<', page.text).group(1) == key
        resp = http.get(f"{social_live}{API}/users/{ANNA}/followers?per_page=25",
                        headers={"Authorization": f"Bearer {key}"}, timeout=10)
        data = resp.json()
        assert data["next"] == f"{social_live}{API}/users/{ANNA}/followers?page=2&per_page=25"
        assert int(resp.headers["X-RateLimit-Reset"]) > time.time()
