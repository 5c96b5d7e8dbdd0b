"""Circle on the hand-made social world: profiles and their tabs, groups, posts and comments, soft 404s."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from .socialworld import ANNA, ANNA_PHONE, N_CHECKINS, N_COMMENTS, N_FRIENDS, N_GROUP1_MEMBERS, N_GROUP1_POSTS, N_GROUPS
from .webhelp import crawl, query, soup_of


def test_profile_shows_the_person_and_their_wall(social_client: FlaskClient, social_world: Path) -> None:
    page = soup_of(social_client, f"/circle/{ANNA}")
    prof = page.select_one("section.circle-profile")
    row = query(social_world, "SELECT * FROM social_accounts WHERE platform = 'circle' AND username = ?", (ANNA,))[0]
    assert prof["data-username"] == ANNA and prof.select_one(".profile-name").get_text() == row["display_name"]
    assert prof.select_one(".profile-bio").get_text() == row["bio"]
    assert prof.select_one(".profile-city")["data-slug"] == "berlin"
    assert prof.select_one(".profile-joined").get_text().startswith("Joined Circle in ")
    assert int(prof.select_one(".friends-count")["data-count"]) == N_FRIENDS
    assert prof.select_one("img.profile-avatar")["src"].startswith("/circle/img/")
    wall = query(social_world, "SELECT post_id, text FROM circle_posts WHERE account_id = 1 AND group_id IS NULL "
                               "ORDER BY posted_at DESC, post_id DESC")
    cards = page.select(".wall article.circle-post")
    assert [c["data-post-id"] for c in cards] == [str(r["post_id"]) for r in wall]
    assert cards[0].select_one(".post-text").get_text() == wall[0]["text"]  # "<i>" shown as text


def test_friends_checkins_and_groups_paginate(social_client: FlaskClient, social_world: Path) -> None:
    friends = crawl(social_client, f"/circle/{ANNA}/friends", "li.circle-person", "data-account-id")
    assert sorted(map(int, friends)) == list(range(2, N_FRIENDS + 2))
    assert crawl(social_client, "/circle/Mixed.Case/friends", "li.circle-person", "data-account-id") == ["1", "3"]
    checkins = crawl(social_client, f"/circle/{ANNA}/checkins", "li.checkin", "data-checkin-id")
    assert sorted(map(int, checkins)) == list(range(1, N_CHECKINS + 1))
    groups = soup_of(social_client, f"/circle/{ANNA}/groups").select("li.member-of")
    assert sorted(g["data-group-id"] for g in groups) == ["1", "2"]


def test_albums_and_their_pictures(social_client: FlaskClient, social_world: Path) -> None:
    page = soup_of(social_client, f"/circle/{ANNA}/photos")
    albums = {a["data-album-id"]: int(a["data-photos"]) for a in page.select("li.album-card")}
    assert albums == {"1": 3, "2": 0}
    album = soup_of(social_client, f"/circle/{ANNA}/photos/1")
    srcs = [img["src"] for img in album.select("img.album-photo")]
    tokens = query(social_world, "SELECT token FROM photos WHERE site = 'circle-album' AND item_id = 1 "
                                 "ORDER BY position")
    assert srcs == [f"/circle/img/{r['token']}.jpg" for r in tokens]
    for src in srcs:
        resp = social_client.get(src)
        assert resp.status_code == 200 and resp.mimetype == "image/jpeg"
    assert soup_of(social_client, f"/circle/{ANNA}/photos/2").select_one(".no-results")
    soup_of(social_client, "/circle/Mixed.Case/photos/1", 404)  # someone else's album


def test_group_directory_filters_and_pages(social_client: FlaskClient, social_world: Path) -> None:
    ids = crawl(social_client, "/circle/groups", "article.group-card", "data-group-id")
    assert sorted(map(int, ids)) == list(range(1, N_GROUPS + 1))
    jobs_berlin = crawl(social_client, "/circle/groups?city=berlin&kind=jobs", "article.group-card", "data-group-id")
    want = query(social_world, "SELECT group_id FROM circle_groups WHERE city = 'berlin' AND kind = 'jobs' "
                               "ORDER BY name, group_id")
    assert jobs_berlin == [str(r["group_id"]) for r in want] and "1" in jobs_berlin
    page = soup_of(social_client, "/circle/groups?kind=jobs")
    counts = {a["data-slug"]: int(a.find_next_sibling("span", class_="count").get_text())
              for a in page.select(".filter-city a[data-slug]")}
    assert sum(counts.values()) == int(page.select_one(".total")["data-total"])
    card = page.select_one('article.group-card[data-group-id="1"]')
    assert int(card.select_one(".members-count")["data-count"]) == N_GROUP1_MEMBERS
    assert int(card.select_one(".posts-count")["data-count"]) == N_GROUP1_POSTS


@pytest.mark.parametrize("url", ["/circle/groups?city=atlantis", "/circle/groups?kind=secret", "/circle/groups?page=0"])
def test_bad_directory_filters_are_400s(social_client: FlaskClient, url: str) -> None:
    soup_of(social_client, url, 400)


def test_group_posts_members_and_comments(social_client: FlaskClient, social_world: Path) -> None:
    posts = crawl(social_client, "/circle/groups/1", "article.circle-post", "data-post-id")
    want = query(social_world, "SELECT post_id FROM circle_posts WHERE group_id = 1 ORDER BY posted_at DESC, "
                               "post_id DESC")
    assert posts == [str(r["post_id"]) for r in want] and len(posts) == N_GROUP1_POSTS
    members = crawl(social_client, "/circle/groups/1/members", "li.circle-person", "data-account-id")
    assert sorted(map(int, members)) == list(range(1, N_GROUP1_MEMBERS + 1))
    post = soup_of(social_client, "/circle/posts/1")
    assert ANNA_PHONE in post.select_one("article.circle-post .post-text").get_text()
    assert post.select_one(".post-group")["href"] == "/circle/groups/1"
    comments = crawl(social_client, "/circle/posts/1", "li.circle-comment", "data-comment-id")
    assert comments == [str(c) for c in range(1, N_COMMENTS + 1)]
    first = post.select_one("li.circle-comment")
    assert first["id"] == "comment-1" and "olena.v@mail.example" in first.select_one(".comment-text").get_text()
    for url in ("/circle/groups/999", "/circle/groups/999/members", "/circle/posts/999", "/circle/groups/1?page=5"):
        soup_of(social_client, url, 404)


@pytest.mark.parametrize("url", ["/circle/nobody_here", "/circle/nobody_here/friends", "/circle/nobody_here/photos",
                                 "/circle/nobody_here/photos/1", "/circle/nobody_here/checkins",
                                 "/circle/nobody_here/groups"])
def test_a_missing_person_is_a_soft_404(social_client: FlaskClient, url: str) -> None:
    resp = social_client.get(url)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "This page is not available" in html and "Joined Circle" not in html


def test_home_login_walls_and_robots(social_client: FlaskClient) -> None:
    page = soup_of(social_client, "/circle/")
    assert page.select(".post-list article.circle-post")
    assert {a["data-slug"] for a in page.select(".home-cities a[data-slug]")} == {"berlin", "lodz", "warsaw", "lviv"}
    for url in ("/circle/account/", "/circle/messages/", "/circle/messages/42"):
        assert social_client.get(url).status_code == 403
    robots = social_client.get("/robots.txt").get_data(as_text=True).splitlines()
    assert "Disallow: /circle/account/" in robots and "Disallow: /circle/messages/" in robots
