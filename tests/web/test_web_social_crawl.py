"""The social platforms of a generated world, crawled as a trainee would and compared with its site.sqlite.

A generated world without its social tables fails here (the generator writes them). Runs on the
generated ``tiny`` world (``world_dir``), except the WhatsMyName file's ``known`` users, which come
from the default world and are checked against a server of a freshly generated default world.
"""

from __future__ import annotations

import json
import re
from collections import deque
from pathlib import Path

import requests
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from synth.web.sites.search.index import SearchIndex
from synth.web.textnorm import find_selectors, parse_query
from synth.web.wmn import DEFAULT_OUT, PROFILE_RULES, verdict

from .conftest import _serve
from .test_web_wmn import check_site, has_social
from .webhelp import query, soup_of

SOCIAL_PREFIXES = tuple(f"/{slug}/" for slug in PROFILE_RULES)


def test_the_generated_worlds_have_their_social_tables(world_dir: Path, default_world: Path) -> None:
    assert has_social(world_dir), "the generated tiny world has no social tables"
    assert has_social(default_world), "the generated default world has no social tables"


def test_crawl_every_social_page_without_errors(client: FlaskClient) -> None:
    """Follow every link from the social sites' home pages: no page fails, no link within them is dead.

    Mentions (``@name``) may name people who are not on Chirp, as on real microblogs, so a 404 on a
    mention's profile address is allowed and nothing else.
    """
    todo, seen, mentions = deque(["/chirp/", "/circle/", "/circle/groups", *SOCIAL_PREFIXES]), set(), set()
    while todo:
        url = todo.popleft()
        if url in seen:
            continue
        seen.add(url)
        resp = client.get(url)
        assert resp.status_code < 500, url
        if resp.status_code == 404:
            assert url in mentions, url
        if resp.mimetype != "text/html":
            continue
        page = BeautifulSoup(resp.get_data(as_text=True), "html.parser")
        mentions |= {a["href"] for a in page.select("a.mention")}
        for el in page.select("a[href], img[src]"):
            link = (el.get("href") or el.get("src")).split("#")[0]
            if link.startswith(SOCIAL_PREFIXES) and link not in seen and "/account/" not in link \
                    and "/messages/" not in link:
                todo.append(link)
    assert len(seen) > 200


def test_every_account_answers_by_its_platforms_rule(client: FlaskClient, world_dir: Path) -> None:
    accounts = query(world_dir, "SELECT platform, username, display_name FROM social_accounts")
    assert {a["platform"] for a in accounts} == set(PROFILE_RULES)
    for a in accounts:
        rule = PROFILE_RULES[a["platform"]]
        resp = client.get(rule.profile_path(a["username"]))
        html = resp.get_data(as_text=True)
        assert verdict(rule, resp.status_code, html) == "found", (a["platform"], a["username"])
        assert rule.m_string not in html
        missing = client.get(rule.profile_path(a["username"] + "_zz9"))
        assert verdict(rule, missing.status_code, missing.get_data(as_text=True)) == "missing"


def test_chirp_counts_and_follows_match_the_world(client: FlaskClient, world_dir: Path) -> None:
    busiest = query(world_dir, "SELECT a.username, a.account_id, COUNT(*) AS n FROM chirp_follows f "
                               "JOIN social_accounts a ON a.platform = 'chirp' AND a.account_id = f.followee_id "
                               "GROUP BY f.followee_id ORDER BY n DESC, a.account_id LIMIT 3")
    for row in busiest:
        page = soup_of(client, f"/chirp/{row['username']}")
        assert int(page.select_one(".followers-count")["data-count"]) == row["n"]
        followers, url = [], f"/chirp/{row['username']}/followers"
        while url:
            p = soup_of(client, url)
            followers += [int(li["data-account-id"]) for li in p.select("li.chirp-person")]
            nxt = p.select_one('a[rel="next"]')
            url = nxt["href"] if nxt else None
        want = query(world_dir, "SELECT follower_id FROM chirp_follows WHERE followee_id = ?", (row["account_id"],))
        assert sorted(followers) == sorted(r["follower_id"] for r in want)


def test_chirp_api_crawl_recovers_every_post(live_server: str, http: requests.Session, world_dir: Path) -> None:
    page = http.post(f"{live_server}/chirp/developers/keys", data={"name": "crawl test"}, timeout=10).text
    http.headers["Authorization"] = "Bearer " + re.search(r'class="api-key">([^<]+)<', page).group(1)
    top = query(world_dir, "SELECT a.username, a.account_id FROM chirp_posts p JOIN social_accounts a "
                           "ON a.platform = 'chirp' AND a.account_id = p.account_id GROUP BY p.account_id "
                           "ORDER BY COUNT(*) DESC LIMIT 1")[0]
    url: str | None = f"{live_server}/chirp/api/v1/users/{top['username']}/posts?per_page=10"
    items = []
    while url:
        data = http.get(url, timeout=10).json()
        items += data["items"]
        url = data["next"]
    want = query(world_dir, "SELECT post_id, text, reply_to, repost_of FROM chirp_posts WHERE account_id = ? "
                            "ORDER BY posted_at DESC, post_id DESC", (top["account_id"],))
    assert [(i["id"], i["text"], i["reply_to"], i["repost_of"]) for i in items] == [tuple(r) for r in want]


def test_seekr_finds_every_selector_in_bios(client: FlaskClient, world_dir: Path) -> None:
    index: SearchIndex = client.application.extensions["osintlab.search"]
    checked = 0
    for a in query(world_dir, "SELECT platform, account_id, bio FROM social_accounts WHERE bio != ''"):
        for found in find_selectors(a["bio"]):
            written = a["bio"][found.start:found.end]
            assert (a["platform"], a["account_id"]) in index.matches(parse_query(written), "account"), written
            checked += 1
    assert checked > 0


def test_every_social_picture_is_served_under_its_site(client: FlaskClient, world_dir: Path) -> None:
    rows = query(world_dir, "SELECT token, site FROM photos WHERE site LIKE '%-avatar' OR site LIKE '%-album'")
    assert rows
    for r in rows:
        owner = r["site"].rsplit("-", 1)[0]
        resp = client.get(f"/{owner}/img/{r['token']}.jpg")
        assert resp.status_code == 200 and resp.mimetype == "image/jpeg", r["site"]


def test_the_shipped_wmn_file_holds_for_the_default_world(default_world: Path, http: requests.Session) -> None:
    """The file's known users are found and a random name is missing, on a server of the default world."""
    assert has_social(default_world), "the generated default world has no social tables"
    data = json.loads(DEFAULT_OUT.read_text(encoding="utf-8"))
    for base in _serve(default_world):
        for site in data["sites"]:
            check_site(base, site, site["known"], http)


def test_image_search_links_accounts_that_share_an_avatar(client: FlaskClient, world_dir: Path) -> None:
    shared = query(world_dir, "SELECT file FROM photos WHERE site LIKE '%-avatar' GROUP BY file "
                              "HAVING COUNT(DISTINCT site) > 1 LIMIT 5")
    assert shared, "no avatar is reused across platforms in this world (the generator shares some by design)"
    for row in shared:
        shows = query(world_dir, "SELECT token, site, item_id FROM photos WHERE file = ?", (row["file"],))
        src = f"/{shows[0]['site'].rsplit('-', 1)[0]}/img/{shows[0]['token']}.jpg"
        data = client.get("/search/api/v1/image", query_string={"url": src}).get_json()
        found = {(r["site"], r["id"]) for r in data["results"] if r["identical"]}
        assert {(s["site"].rsplit("-", 1)[0], s["item_id"]) for s in shows if s["site"].endswith("-avatar")} <= found
