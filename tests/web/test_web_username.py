"""Seekr's username lookup: one verdict per platform, the same verdicts a WhatsMyName-style check of the live
server reaches, as an HTML page and as JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from flask.testing import FlaskClient

from synth.web.wmn import PROFILE_RULES, verdict

from .socialworld import ANNA, LIGHT_WITH_ANNA
from .webhelp import soup_of

API = "/search/api/v1/username"


def test_lookup_page_lists_every_platform(social_client: FlaskClient) -> None:
    page = soup_of(social_client, f"/search/username?u=@{ANNA}")
    rows = {r["data-platform"]: r for r in page.select("tr.username-result")}
    assert list(rows) == list(PROFILE_RULES)
    found = {slug for slug, r in rows.items() if r["data-found"] == "true"}
    assert found == {"chirp", "circle", *LIGHT_WITH_ANNA}
    assert int(page.select_one(".found-count")["data-count"]) == len(found)
    assert rows["chirp"].select_one("a.profile-link")["href"] == f"/chirp/{ANNA}"
    assert rows["penly"].select_one("a.profile-link")["href"] == f"/penly/@{ANNA}"  # see what the site answers
    assert rows["penly"].select_one(".answer")["data-status"] == "404"
    assert rows["tunecloud"].select_one(".answer")["data-status"] == "200"
    assert "302 redirect to /tunecloud/" in soup_of(social_client, "/search/username?u=nobody_x").get_text()


def test_lookup_form_without_a_name(social_client: FlaskClient) -> None:
    page = soup_of(social_client, "/search/username")
    assert page.select_one('form input[name="u"]') is not None and not page.select("tr.username-result")
    for bad in ("", "%20", "two%20words", "a/b", "x" * 65):
        soup_of(social_client, f"/search/username?u={bad}", 400)
        assert social_client.get(f"{API}?u={bad}").status_code == 400


def test_lookup_json(social_client: FlaskClient) -> None:
    data = social_client.get(f"{API}?u=ANNA_K").get_json()
    assert data["username"] == "ANNA_K" and data["checked"] == len(PROFILE_RULES)
    assert data["found"] == 2 + len(LIGHT_WITH_ANNA)
    first = data["results"][0]
    assert first == {"platform": "chirp", "name": "Chirp", "domain": "chirp.example", "category": "social",
                     "url": "http://localhost/chirp/ANNA_K", "found": True, "status": 200, "answer": "200 OK"}


@pytest.mark.parametrize("name", [ANNA, "olek.d", "Mixed.Case", "nobody_x", "talkhub_fan"])
def test_lookup_agrees_with_the_live_server(social_live: str, http: requests.Session, name: str) -> None:
    data = http.get(f"{social_live}{API}", params={"u": name}, timeout=10).json()
    for result in data["results"]:
        rule = PROFILE_RULES[result["platform"]]
        resp = http.get(result["url"], allow_redirects=False, timeout=10)
        assert resp.status_code == result["status"]
        assert verdict(rule, resp.status_code, resp.text) == ("found" if result["found"] else "missing"), result


def test_served_wmn_file_uses_this_server(social_live: str, http: requests.Session, social_world: Path) -> None:
    data = http.get(f"{social_live}/search/api/v1/wmn-data.json", timeout=10).json()
    assert len(data["sites"]) == len(PROFILE_RULES)
    assert data["sites"][0]["uri_check"] == f"{social_live}/chirp/{{account}}"
    assert data["sites"][0]["known"] == [ANNA, "Mixed.Case"]
