"""Seekr over the social platforms: Chirp posts, Circle posts, comments and groups, and every account's bio."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from synth.web.sites.search.index import SearchIndex
from synth.web.textnorm import parse_query

from .socialworld import ANNA_EMAIL, ANNA_HANDLE, LIGHT_WITH_ANNA
from .webhelp import query, soup_of


def index_of(client: FlaskClient) -> SearchIndex:
    return client.application.extensions["osintlab.search"]


def anna_accounts(world: Path) -> set[tuple[str, int]]:
    return {(r["platform"], r["account_id"]) for r in query(world, "SELECT platform, account_id FROM social_accounts "
                                                                   "WHERE username = 'anna_k'")}


@pytest.mark.parametrize("form", ["+44 7700 900123", "07700 900123", "0044 7700 900 123", "seven seven zero zero "
                                  "nine zero zero one two three"])
def test_a_phone_finds_bios_posts_in_any_form(social_client: FlaskClient, social_world: Path, form: str) -> None:
    index = index_of(social_client)
    accounts = index.matches(parse_query(form), kind="account")
    assert accounts == anna_accounts(social_world) and len(accounts) == 2 + len(LIGHT_WITH_ANNA)
    assert ("chirp", 1) in index.matches(parse_query(form), kind="post")
    assert ("circle", 1) in index.matches(parse_query(form), kind="post")


def test_email_handle_and_comment(social_client: FlaskClient, social_world: Path) -> None:
    index = index_of(social_client)
    for form in (ANNA_EMAIL, ANNA_EMAIL.upper(), "anna.k(at)postbox(dot)example"):
        assert index.matches(parse_query(form), "account") == anna_accounts(social_world), form
    assert index.matches(parse_query(f"TG: {ANNA_HANDLE}"), "account") == anna_accounts(social_world)
    assert index.matches(parse_query("olena.v@mail.example")) == {("circle", 1)}
    assert index.matches(parse_query("olena.v@mail.example"), "comment") == {("circle", 1)}


def test_words_find_posts_and_groups(social_client: FlaskClient) -> None:
    index = index_of(social_client)
    assert ("circle", 1) in index.matches(parse_query("Ukrainians"), "group")
    praca = index.matches(parse_query("praca"), "post")  # the hashtag #praca, and the group "Praca Berlin"
    assert {("chirp", 3), ("chirp", 6), ("circle", 1)} <= praca
    assert ("circle", 1) in index.matches(parse_query("warehouse flat"), "post")


def test_results_link_to_pages_that_exist(social_client: FlaskClient) -> None:
    page = soup_of(social_client, "/search/?q=%2B44+7700+900123")
    results = page.select("li.result")
    kinds = {(r["data-site"], r["data-kind"]) for r in results}
    assert {("chirp", "account"), ("chirp", "post"), ("circle", "post"), ("talkhub", "account")} <= kinds
    for r in results:
        href = r.select_one("a.result-title")["href"]
        assert social_client.get(href.split("#")[0]).status_code == 200, href
    comment = soup_of(social_client, "/search/?q=olena.v%40mail.example").select_one("li.result")
    assert comment["data-kind"] == "comment" and comment.select_one("a.result-title")["href"] == \
        "/circle/posts/1#comment-1"


def test_search_home_lists_the_social_sites(social_client: FlaskClient, social_world: Path) -> None:
    page = soup_of(social_client, "/search/")
    indexed = {s["data-site"] for s in page.select(".indexed-site")}
    assert {"chirp", "circle", "talkhub", "staffspot", "quickads"} <= indexed
    assert page.select_one("a.sk-username-link")["href"] == "/search/username"


def test_image_search_finds_avatars_and_albums(social_client: FlaskClient, social_world: Path) -> None:
    """The fixture's pictures are flat colours, so every one looks like every other: all are found."""
    token = query(social_world, "SELECT token FROM photos WHERE site = 'chirp-avatar'")[0]["token"]
    data = social_client.get("/search/api/v1/image", query_string={"url": f"/chirp/img/{token}.jpg"}).get_json()
    found = {(r["site"], r["kind"], r["id"]): r for r in data["results"]}
    talkhub = query(social_world, "SELECT item_id FROM photos WHERE site = 'talkhub-avatar'")[0]["item_id"]
    assert {("chirp", "avatar", 1), ("circle", "avatar", 1), ("talkhub", "avatar", talkhub), ("circle", "album", 1),
            ("quickads", "ad", 1)} == set(found)
    assert found[("chirp", "avatar", 1)]["url"] == "/chirp/anna_k" and found[("chirp", "avatar", 1)]["identical"]
    assert found[("circle", "album", 1)]["url"] == "/circle/anna_k/photos/1"
    assert found[("talkhub", "avatar", talkhub)]["title"] == "Anna K (@anna_k) on TalkHub"
    for r in data["results"]:
        assert social_client.get(r["url"]).status_code == 200 and social_client.get(r["image"]).status_code == 200
    page = soup_of(social_client, f"/search/image?url=/circle/img/{token}.jpg", 400)  # a Chirp token under Circle
    assert "No picture has that address" in page.get_text()
