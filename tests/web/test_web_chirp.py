"""Chirp's HTML pages on the hand-made social world: profiles, posts, hashtags, follows, keys, missing accounts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from synth.web.app import create_app
from synth.web.social import hashtags, linked_text

from .socialworld import ANNA, ANNA_PHONE, N_FOLLOWERS, build_social_world
from .webhelp import crawl, query, soup_of

TOP_POSTS = ".post-list > article.chirp-post"


def test_home_lists_latest_posts_and_trending_hashtags(social_client: FlaskClient, social_world: Path) -> None:
    page = soup_of(social_client, "/chirp/")
    total = query(social_world, "SELECT COUNT(*) AS n FROM chirp_posts")[0]["n"]
    assert int(page.select_one(".total")["data-total"]) == total
    ids = crawl(social_client, "/chirp/", TOP_POSTS, "data-post-id")
    newest = [str(r["post_id"]) for r in query(social_world, "SELECT post_id FROM chirp_posts "
                                                              "ORDER BY posted_at DESC, post_id DESC")]
    assert ids == newest
    trending = [a.get_text() for a in page.select(".trending a.hashtag")]
    assert trending[0] in ("#jobs", "#life")
    assert "#praca" in trending


def test_profile_shows_the_account_and_its_posts(social_client: FlaskClient, social_world: Path) -> None:
    page = soup_of(social_client, f"/chirp/{ANNA}")
    prof = page.select_one("section.chirp-profile")
    row = query(social_world, "SELECT * FROM social_accounts WHERE platform = 'chirp' AND username = ?", (ANNA,))[0]
    assert prof["data-username"] == ANNA and int(prof["data-account-id"]) == row["account_id"]
    assert prof.select_one(".profile-name").get_text() == row["display_name"]
    assert prof.select_one(".profile-bio").get_text() == row["bio"]
    assert prof.select_one(".profile-city")["data-slug"] == "berlin"
    assert prof.select_one(".profile-joined time")["datetime"] == row["created_at"]
    assert prof.select_one(".profile-joined").get_text().startswith("Joined ")
    assert prof.select_one("img.profile-avatar")["src"].startswith("/chirp/img/")
    assert int(prof.select_one(".followers-count")["data-count"]) == N_FOLLOWERS
    assert int(prof.select_one(".following-count")["data-count"]) == 5
    own = query(social_world, "SELECT post_id FROM chirp_posts WHERE account_id = ? ORDER BY posted_at DESC, "
                              "post_id DESC", (row["account_id"],))
    assert int(prof.select_one(".posts-count")["data-count"]) == len(own) > 20
    assert crawl(social_client, f"/chirp/{ANNA}", TOP_POSTS, "data-post-id") == [str(r["post_id"]) for r in own]
    soup_of(social_client, f"/chirp/{ANNA}?page=3", 404)
    soup_of(social_client, f"/chirp/{ANNA}?page=x", 400)


def test_usernames_ignore_case_but_prefer_an_exact_match(social_client: FlaskClient) -> None:
    assert soup_of(social_client, "/chirp/ANNA_K").select_one(".chirp-profile")["data-username"] == ANNA
    assert soup_of(social_client, "/chirp/Mixed.Case").select_one(".profile-name").get_text() == "Mixed Case"
    assert soup_of(social_client, "/chirp/mixed.case").select_one(".profile-name").get_text() == "Other Mixed"


@pytest.mark.parametrize("url", ["/chirp/nobody_here", "/chirp/nobody_here/followers", "/chirp/nobody_here/following",
                                 "/chirp/" + "x" * 65])
def test_a_missing_account_is_a_404_that_says_so(social_client: FlaskClient, url: str) -> None:
    resp = social_client.get(url)
    assert resp.status_code == 404
    html = resp.get_data(as_text=True)
    assert "This account does not exist" in html and "Joined" not in html


def test_post_page_with_replies_and_reposts(social_client: FlaskClient, social_world: Path) -> None:
    page = soup_of(social_client, f"/chirp/{ANNA}/status/1")
    focus = page.select_one(".ch-focus article.chirp-post")
    assert focus["data-post-id"] == "1" and focus["data-author"] == ANNA
    text = query(social_world, "SELECT text FROM chirp_posts WHERE post_id = 1")[0]["text"]
    assert focus.select_one(".post-text").get_text() == text  # links around hashtags keep the text exact
    assert [a["href"] for a in focus.select("a.hashtag")] == ["/chirp/hashtag/Jobs", "/chirp/hashtag/Berlin"]
    replies = query(social_world, "SELECT post_id FROM chirp_posts WHERE reply_to = 1")
    assert [a["data-post-id"] for a in page.select(".replies > article")] == [str(r["post_id"]) for r in replies]
    reposts = query(social_world, "SELECT COUNT(*) AS n FROM chirp_posts WHERE repost_of = 1")[0]["n"]
    assert int(page.select_one(".reposts-count")["data-count"]) == reposts == 2
    reply = page.select_one(".replies > article")
    assert reply.select_one(".post-reply-to a")["href"] == f"/chirp/{ANNA}/status/1"


def test_reply_page_shows_its_parent(social_client: FlaskClient, social_world: Path) -> None:
    r = query(social_world, "SELECT p.post_id, a.username FROM chirp_posts p JOIN social_accounts a "
                            "ON a.platform = 'chirp' AND a.account_id = p.account_id WHERE reply_to = 1")[0]
    page = soup_of(social_client, f"/chirp/{r['username']}/status/{r['post_id']}")
    assert page.select_one(".ch-parent article")["data-post-id"] == "1"


def test_reposts_show_the_original_or_say_it_is_gone(social_client: FlaskClient, social_world: Path) -> None:
    quoted = query(social_world, "SELECT post_id, text FROM chirp_posts WHERE repost_of = 1 AND text != ''")[0]
    page = soup_of(social_client, f"/chirp/user05/status/{quoted['post_id']}")
    card = page.select_one(".ch-focus > article")
    assert card["data-repost-of"] == "1"
    assert card.select_one(":scope > .post-main > .post-text").get_text() == quoted["text"]  # HTML shown as text
    assert card.select_one(".post-repost article")["data-post-id"] == "1"
    gone = query(social_world, "SELECT post_id FROM chirp_posts WHERE repost_of = 9999")[0]["post_id"]
    assert "This post is unavailable" in soup_of(social_client, f"/chirp/user06/status/{gone}").get_text()


def test_post_address_with_another_username_redirects(social_client: FlaskClient) -> None:
    resp = social_client.get("/chirp/someone_else/status/1")
    assert resp.status_code == 301 and resp.headers["Location"].endswith(f"/chirp/{ANNA}/status/1")
    soup_of(social_client, f"/chirp/{ANNA}/status/99999", 404)
    soup_of(social_client, f"/chirp/{ANNA}/status/99999999999999999999", 404)


def test_hashtag_pages_ignore_case(social_client: FlaskClient, social_world: Path) -> None:
    rows = query(social_world, "SELECT post_id, text FROM chirp_posts ORDER BY posted_at DESC, post_id DESC")
    tagged = [str(r["post_id"]) for r in rows if "jobs" in hashtags(r["text"])]
    assert len(tagged) > 20
    assert crawl(social_client, "/chirp/hashtag/JOBS", TOP_POSTS, "data-post-id") == tagged
    page = soup_of(social_client, "/chirp/hashtag/never_used")
    assert page.select_one(".no-results") and page.select_one(".total")["data-total"] == "0"


def test_followers_and_following_pages(social_client: FlaskClient, social_world: Path) -> None:
    followers = crawl(social_client, f"/chirp/{ANNA}/followers", "li.chirp-person", "data-account-id")
    want = query(social_world, "SELECT follower_id FROM chirp_follows WHERE followee_id = 1 "
                               "ORDER BY since DESC, follower_id")
    assert followers == [str(r["follower_id"]) for r in want] and len(followers) == N_FOLLOWERS
    following = crawl(social_client, f"/chirp/{ANNA}/following", "li.chirp-person", "data-account-id")
    assert sorted(map(int, following)) == list(range(40, 45))
    empty = soup_of(social_client, "/chirp/user44/following")
    assert empty.select_one(".no-results") and not empty.select("nav.pagination")


def test_linked_text_keeps_the_text_and_escapes_html() -> None:
    text = 'Hi @anna_k, <b>#Jobs</b> & mail x@y.example #praca. Ref#3'
    html = str(linked_text(text, "/chirp/hashtag/{}", "/chirp/{}"))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text
    assert 'href="/chirp/anna_k"' in html and 'href="/chirp/y.example"' not in html
    assert hashtags(text) == ["jobs", "praca"]


def test_developer_page_issues_the_same_key_for_the_same_name(social_client: FlaskClient) -> None:
    page = soup_of(social_client, "/chirp/developers")
    assert page.select_one("form.key-form")["method"] == "post"
    assert "300 calls per 60 seconds" in page.get_text()
    keys = set()
    for name in ("My notebook", "  my   NOTEBOOK "):
        resp = social_client.post("/chirp/developers/keys", data={"name": name})
        assert resp.status_code == 200
        keys.add(soup_of_text(resp.get_data(as_text=True)))
    assert len(keys) == 1 and re.fullmatch(r"chirp_[0-9a-f]{40}", keys.pop())
    via_get = soup_of(social_client, "/chirp/developers/keys?name=Other")
    assert via_get.select_one("code.api-key") is not None
    bad = soup_of(social_client, "/chirp/developers/keys?name=%20", 400)
    assert bad.select_one(".key-problem") and bad.select_one("code.api-key") is None
    resp = social_client.get("/chirp/developers/keys")
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/chirp/developers#get-a-key")


def soup_of_text(html: str) -> str:
    match = re.search(r'<code class="api-key">([^<]+)</code>', html)
    assert match, html[:500]
    return match.group(1)


def test_keys_survive_a_restart_and_differ_between_worlds(social_client: FlaskClient, tmp_path: Path) -> None:
    def key(client: FlaskClient) -> str:
        return soup_of_text(client.post("/chirp/developers/keys", data={"name": "n"}).get_data(as_text=True))

    again = create_app(build_social_world(tmp_path / "same"), rate_limit=None)  # the same world id
    other = create_app(build_social_world(tmp_path / "other", world_id="w-another00002"), rate_limit=None)
    assert key(again.test_client()) == key(social_client) != key(other.test_client())


def test_login_wall_and_robots(social_client: FlaskClient) -> None:
    assert social_client.get("/chirp/account/").status_code == 403
    assert social_client.post("/chirp/account/settings").status_code == 403
    robots = social_client.get("/robots.txt").get_data(as_text=True).splitlines()
    assert "Disallow: /chirp/account/" in robots
    assert not any(line.startswith("Disallow: /chirp/api") for line in robots)
    assert social_client.get("/chirp/robots.txt").get_data(as_text=True).splitlines()[-1] == "Disallow: /chirp/account/"


def test_selectors_in_posts_are_shown_as_written(social_client: FlaskClient) -> None:
    assert ANNA_PHONE in soup_of(social_client, f"/chirp/{ANNA}/status/1").select_one(".post-text").get_text()


def test_odd_hashtag_addresses(social_client: FlaskClient) -> None:
    assert social_client.get("/chirp/hashtag/%23").status_code == 404
    assert soup_of(social_client, "/chirp/hashtag/%23jobs").select_one(".total")["data-total"] != "0"
    assert soup_of(social_client, "/chirp/hashtag/" + "x" * 300).select_one(".no-results")
