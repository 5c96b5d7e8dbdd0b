"""The light platforms: a home page each, profiles that show the platform's e_string, misses answered per spec."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from markupsafe import escape

from synth.vocab.platforms import LIGHT_PLATFORMS, LightPlatform
from synth.web.sites.light import LOOKS
from synth.web.wmn import PROFILE_RULES, verdict

from .socialworld import ANNA, LIGHT_WITH_ANNA
from .webhelp import query, soup_of

REDIRECTS = (301, 302, 303, 307, 308)


def test_every_platform_has_a_look_and_escape_safe_strings() -> None:
    assert len(LIGHT_PLATFORMS) >= 8 and set(LOOKS) == {p.slug for p in LIGHT_PLATFORMS}
    for rule in PROFILE_RULES.values():
        for s in (rule.e_string, rule.m_string):  # a checker looks for them in the raw HTML
            assert s and str(escape(s)) == s, (rule.slug, s)
    for p in LIGHT_PLATFORMS:
        assert p.e_string in LOOKS[p.slug].phrase or p.e_string.strip() in LOOKS[p.slug].phrase


@pytest.mark.parametrize("rule", LIGHT_PLATFORMS, ids=lambda p: p.slug)
def test_home_page(social_client: FlaskClient, social_world: Path, rule: LightPlatform) -> None:
    page = soup_of(social_client, f"/{rule.slug}/")
    assert f"lp-{rule.slug}" in page.body["class"]
    members = query(social_world, "SELECT COUNT(*) AS n FROM social_accounts WHERE platform = ?", (rule.slug,))[0]
    assert int(page.select_one(".members-total")["data-total"]) == members["n"]
    html = str(page)
    assert rule.e_string not in html
    if rule.m_code in REDIRECTS:  # a missing user lands here: the page must say so
        assert rule.m_string in html


@pytest.mark.parametrize("rule", LIGHT_PLATFORMS, ids=lambda p: p.slug)
def test_present_users(social_client: FlaskClient, social_world: Path, rule: LightPlatform) -> None:
    accounts = query(social_world, "SELECT * FROM social_accounts WHERE platform = ?", (rule.slug,))
    assert accounts
    for a in accounts:
        resp = social_client.get(rule.profile_path(a["username"]))
        html = resp.get_data(as_text=True)
        assert resp.status_code == rule.e_code and verdict(rule, resp.status_code, html) == "found"
        assert rule.m_string not in html
        page = soup_of(social_client, rule.profile_path(a["username"]), rule.e_code)
        prof = page.select_one("article.lp-profile")
        assert prof["data-username"] == a["username"] and prof["data-platform"] == rule.slug
        assert prof.select_one(".lp-name").get_text() == a["display_name"]
        assert prof.select_one(".lp-bio").get_text() == a["bio"]
        assert prof.select_one(".lp-joined time")["datetime"] == a["created_at"]
        city = prof.select_one(".lp-city")
        assert (city["data-slug"] if city else None) == a["city"]
        assert rule.e_string in prof.select_one(".lp-phrase").get_text()


@pytest.mark.parametrize("rule", LIGHT_PLATFORMS, ids=lambda p: p.slug)
def test_missing_users_answer_per_spec(social_client: FlaskClient, rule: LightPlatform) -> None:
    for name in ("nobody_here_123", "x" * 70, ANNA if rule.slug not in LIGHT_WITH_ANNA else "zz_top"):
        resp = social_client.get(rule.profile_path(name))
        html = resp.get_data(as_text=True)
        assert resp.status_code == rule.m_code, (rule.slug, name, resp.status_code)
        assert verdict(rule, resp.status_code, html) == "missing" and rule.e_string not in html
        if rule.m_code in REDIRECTS:
            assert resp.headers["Location"] == f"/{rule.slug}/"
            landed = social_client.get(rule.profile_path(name), follow_redirects=True)
            assert landed.status_code == 200 and rule.m_string in landed.get_data(as_text=True)


def test_avatars_are_served_under_the_platform(social_client: FlaskClient, social_world: Path) -> None:
    page = soup_of(social_client, f"/talkhub/members/{ANNA}")
    src = page.select_one("img.lp-avatar")["src"]
    assert src.startswith("/talkhub/img/") and social_client.get(src).mimetype == "image/jpeg"
    token = src.rsplit("/", 1)[1]
    for other in ("snapfolio", "chirp", "circle", "quickads"):
        assert social_client.get(f"/{other}/img/{token}").status_code == 404
    circle = query(social_world, "SELECT token FROM photos WHERE site = 'circle-avatar'")[0]["token"]
    assert social_client.get(f"/circle/img/{circle}.jpg").status_code == 200
    assert social_client.get(f"/chirp/img/{circle}.jpg").status_code == 404
    assert soup_of(social_client, "/talkhub/members/olek.d").select_one("img.lp-avatar") is None
