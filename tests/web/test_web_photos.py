"""Pictures: serving by token, galleries and thumbnails, the Companions ``photos`` field, Seekr's image search.

The generated ``tiny`` world (``world_dir``) has pictures; the hand-made ``fixture_world`` has no
``photos`` table at all, as a world generated before pictures existed, and must keep working.
Expected results are worked out here from site.sqlite, the files and the answer key, not from the server.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from pathlib import Path
from urllib.robotparser import RobotFileParser

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

import synth.web.sites.search.pages as search_module
from synth.build.photos import phash_bits, phash_of
from synth.web.app import create_app
from synth.web.pictures import PICTURE_SITES, searchable
from synth.web.sites.search import images as imagesearch
from synth.web.sites.search.images import MAX_DISTANCE, ImageIndex

from .photohelp import API, crawl_api, expected_matches, file_bytes, photo_rows, soup, token_of


@pytest.fixture(scope="module")
def rows(world_dir: Path) -> list[sqlite3.Row]:
    got = [r for r in photo_rows(world_dir) if r["site"] in PICTURE_SITES]  # not the social platforms' avatars
    assert {r["site"] for r in got} == {"quickads", "companions"}, "the tiny world should show pictures on both sites"
    return got


@pytest.fixture(scope="module")
def stock_pair(world_dir: Path, rows: list[sqlite3.Row]) -> tuple[str, str]:
    """Two different files of one stock scene, both shown on some item and alike (from the answer key)."""
    key = json.loads((world_dir / "key" / "answer_key.json").read_text(encoding="utf-8"))["photos"]
    used = {r["file"] for r in rows}
    by_scene: dict[str, list[str]] = defaultdict(list)
    for name, info in sorted(key.items()):
        if info["source"] == "stock" and name in used:
            by_scene[info["scene"]].append(name)
    pairs = [(a, b) for files in by_scene.values() for a in files for b in files
             if a != b and phash_of(file_bytes(world_dir, a)) - phash_of(file_bytes(world_dir, b)) <= MAX_DISTANCE]
    assert pairs, "the tiny world should have a stock picture shown under two different files"
    return pairs[0]


# --- Seekr image search ---------------------------------------------------------------------------

def test_hash_is_the_generators(world_dir: Path, rows: list[sqlite3.Row]) -> None:
    data = file_bytes(world_dir, rows[0]["file"])
    assert phash_bits(data) == int(str(phash_of(data)), 16)


def test_query_picture_comes_back_identical(client: FlaskClient, world_dir: Path, rows: list[sqlite3.Row]) -> None:
    for r in (rows[0], rows[-1]):
        results, _ = crawl_api(client, f"{API}?url=/{r['site']}/img/{r['token']}.jpg")
        own = [x for x in results if (x["site"], x["id"]) == (r["site"], r["item_id"])]
        assert len(own) == 1 and own[0]["distance"] == 0 and own[0]["identical"] is True
        page_path = "/quickads/ad/" if r["site"] == "quickads" else "/companions/profile/"
        assert own[0]["url"] == page_path + str(r["item_id"])
        page = soup(client, own[0]["url"])
        if r["site"] == "quickads":
            assert own[0]["title"] == page.select_one("h1.ad-title").get_text()
        else:
            assert own[0]["title"] == (f"{page.select_one('.profile-name').get_text()} — "
                                       f"{page.select_one('.profile-headline').get_text()}")


def test_results_are_every_similar_item_nearest_first(client: FlaskClient, world_dir: Path,
                                                      rows: list[sqlite3.Row], stock_pair: tuple[str, str]) -> None:
    query = next(r for r in rows if r["file"] == stock_pair[0])
    results, _ = crawl_api(client, f"{API}?url=/{query['site']}/img/{query['token']}.jpg")
    expected = expected_matches(world_dir, query["file"])
    assert {(x["site"], x["id"]): x["distance"] for x in results} == expected
    order = [(x["distance"], x["site"], x["kind"], x["id"]) for x in results]
    assert order == sorted(order) and len(set(order)) == len(order)
    files = {r["token"]: r["file"] for r in rows}
    for x in results:
        assert x["identical"] == (files[token_of(x["image"])] == query["file"])
        assert x["image"].startswith(f"/{x['site']}/img/")


def test_stock_picture_finds_other_copies(client: FlaskClient, world_dir: Path, rows: list[sqlite3.Row],
                                          stock_pair: tuple[str, str]) -> None:
    """Two uploaders' copies of one stock picture: other bytes, a small distance, identical False."""
    first, second = stock_pair
    query = next(r for r in rows if r["file"] == first)
    results, _ = crawl_api(client, f"{API}?url=/{query['site']}/img/{query['token']}.jpg")
    files = {r["token"]: r["file"] for r in rows}
    other = [x for x in results if files[token_of(x["image"])] == second]
    assert other, "the other copy of the stock picture should be found"
    assert all(x["distance"] <= MAX_DISTANCE and x["identical"] is False for x in other)
    assert file_bytes(world_dir, first) != file_bytes(world_dir, second)
    showing_second = {(r["site"], r["item_id"]) for r in rows if r["file"] == second}
    showing_first = {(r["site"], r["item_id"]) for r in rows if r["file"] == first}
    assert showing_second - showing_first <= {(x["site"], x["id"]) for x in results}


def test_html_results_page(client: FlaskClient, world_dir: Path, rows: list[sqlite3.Row],
                           stock_pair: tuple[str, str]) -> None:
    query = next(r for r in rows if r["file"] == stock_pair[0])
    src = f"/{query['site']}/img/{query['token']}.jpg"
    api, _ = crawl_api(client, f"{API}?url={src}")
    page = soup(client, f"/search/image?url=http://localhost{src}")  # a full address works too
    items = page.select("ol.image-results li.result")
    assert int(page.select_one(".total")["data-total"]) == len(api)
    assert [(li["data-site"], int(li["data-id"])) for li in items] == [(x["site"], x["id"]) for x in api[:20]]
    for li, x in zip(items, api, strict=False):
        assert int(li["data-distance"]) == x["distance"]
        assert li["data-identical"] == ("true" if x["identical"] else "false")
        assert li.select_one("a.result-title")["href"] == x["url"]
        assert li.select_one("a.result-title").get_text() == x["title"]
        assert li.select_one("img.result-image")["src"] == x["image"]
        assert li.select_one(".distance").get_text().startswith(f"{x['distance']} bit")
    assert "64 bits" in page.select_one(".sk-explain").get_text()
    assert page.select_one('form input[name="url"]')["value"] == f"http://localhost{src}"


def test_pagination_follows_next(client: FlaskClient, rows: list[sqlite3.Row], monkeypatch: pytest.MonkeyPatch) -> None:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r["file"]] += 1
    busiest = max(counts, key=lambda f: counts[f])
    query = next(r for r in rows if r["file"] == busiest)
    src = f"/{query['site']}/img/{query['token']}.jpg"
    everything, pages = crawl_api(client, f"{API}?url={src}")
    assert len(everything) >= 5 and pages == -(-len(everything) // 20)
    assert len(client.get(f"{API}?url={src}").get_json()["results"]) == min(20, len(everything))
    monkeypatch.setattr(search_module, "IMAGE_PER_PAGE", 2)  # several pages whatever the world
    first = client.get(f"{API}?url={src}").get_json()
    assert first["pages"] == -(-len(everything) // 2) and first["next"].startswith("http://localhost/search/api/v1/")
    paged, pages = crawl_api(client, f"{API}?url={src}")
    assert paged == everything and pages == first["pages"]
    last = client.get(f"{API}?url={src}&page={pages}").get_json()
    assert last["next"] is None
    assert client.get(f"{API}?url={src}&page={pages + 1}").status_code == 404
    seen, url = [], f"/search/image?url={src}"
    while url:
        page = soup(client, url)
        seen += [(li["data-site"], int(li["data-id"])) for li in page.select("li.result")]
        nxt = page.select_one('nav.pagination a[rel="next"]')
        url = nxt["href"] if nxt else None
    assert seen == [(x["site"], x["id"]) for x in everything]


@pytest.mark.parametrize(("url", "needle"), [
    (None, "which picture"), ("", "which picture"), ("   ", "which picture"),
    ("https://example.com/quickads/img/0123456789abcdef.jpg", "training internet only"),
    ("//example.com/quickads/img/0123456789abcdef.jpg", "training internet only"),
    ("ftp://localhost/quickads/img/0123456789abcdef.jpg", "training internet only"),
    ("/quickads/ad/1", "not a picture"), ("/quickads/img/", "not a picture"), ("/jobboard/img/0123456789abcdef.jpg",
                                                                              "not a picture"),
    ("/quickads/img/0000000000000000.jpg", "No picture"), ("/quickads/img/../etc/passwd.jpg", "not a picture"),
    ("x" * 600, "longer than"),
])
def test_bad_input_is_400_json_and_html(client: FlaskClient, url: str | None, needle: str) -> None:
    args = {} if url is None else {"url": url}
    resp = client.get(API, query_string=args)
    assert resp.status_code == 400 and resp.mimetype == "application/json"
    body = resp.get_json()
    assert body["status"] == 400 and needle in body["error"] and "/quickads/img/<token>.jpg" in body["error"]
    if url is None:  # without url the HTML page is the search form
        page = soup(client, "/search/image")
        assert page.select_one('form[action="/search/image"] input[name="url"]') is not None
        assert not page.select("li.result")
        return
    resp = client.get("/search/image", query_string=args)
    assert resp.status_code == 400 and resp.mimetype == "text/html"
    page = BeautifulSoup(resp.data, "html.parser")
    assert page.select_one(".error-page")["data-status"] == "400"
    assert needle in page.select_one(".error-message").get_text()


def test_token_of_the_other_site_is_400(client: FlaskClient, rows: list[sqlite3.Row]) -> None:
    token = next(r["token"] for r in rows if r["site"] == "companions")
    assert client.get(API, query_string={"url": f"/companions/img/{token}.jpg"}).status_code == 200
    resp = client.get(API, query_string={"url": f"/quickads/img/{token}.jpg"})
    assert resp.status_code == 400 and "No picture" in resp.get_json()["error"]


def test_bad_page_and_unknown_endpoint_are_json(client: FlaskClient, rows: list[sqlite3.Row]) -> None:
    src = f"/{rows[0]['site']}/img/{rows[0]['token']}.jpg"
    assert client.get(f"{API}?url={src}&page=0").get_json()["status"] == 400
    resp = client.get("/search/api/v1/nothing")
    assert resp.status_code == 404 and resp.get_json()["status"] == 404


def test_seekr_links_to_image_search(client: FlaskClient) -> None:
    home = soup(client, "/search/")
    assert home.select_one('a[href="/search/image"]') is not None


def test_robots_allow_pictures_and_image_search(client: FlaskClient, rows: list[sqlite3.Row]) -> None:
    for robots_url in ("/robots.txt", "/quickads/robots.txt", "/companions/robots.txt", "/search/robots.txt"):
        robots = RobotFileParser()
        robots.parse(client.get(robots_url).get_data(as_text=True).splitlines())
        for path in (f"/quickads/img/{rows[-1]['token']}.jpg", f"/companions/img/{rows[0]['token']}.jpg",
                     "/search/image?url=/quickads/img/0123456789abcdef.jpg", f"{API}?url=x"):
            assert robots.can_fetch("OSINT-Lab-trainee", "http://localhost" + path), (robots_url, path)


def test_hashes_are_computed_once_lazily_and_thread_safe(world_dir: Path, rows: list[sqlite3.Row],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(world_dir, rate_limit=None)
    client = app.test_client()
    client.get(f"/quickads/ad/{next(r['item_id'] for r in rows if r['site'] == 'quickads')}")
    client.get("/companions/api/v1/profiles")
    assert "osintlab.imageindex" not in app.extensions, "page views must not hash pictures"
    built = []
    real_build = ImageIndex.build.__func__  # type: ignore[attr-defined]

    def counting_build(cls: type[ImageIndex], world):  # noqa: ANN001, ANN202
        built.append(threading.get_ident())
        return real_build(cls, world)

    monkeypatch.setattr(imagesearch.ImageIndex, "build", classmethod(counting_build))
    src = f"/{rows[0]['site']}/img/{rows[0]['token']}.jpg"
    answers: list[int] = []

    def search() -> None:
        answers.append(app.test_client().get(API, query_string={"url": src}).status_code)

    threads = [threading.Thread(target=search) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert answers == [200] * 6 and len(built) == 1
    assert len(app.extensions["osintlab.imageindex"].hashes) == len({r["file"] for r in photo_rows(world_dir)
                                                                     if searchable(r["site"])})
