"""Pictures on the ad sites' pages: served byte for byte, revalidated, 404s, galleries, cards, the API."""


from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from PIL import Image

from synth.web.pictures import PICTURE_SITES

from .photohelp import API, file_bytes, photo_rows, shown, soup, token_of


@pytest.fixture(scope="module")
def rows(world_dir: Path) -> list[sqlite3.Row]:
    got = [r for r in photo_rows(world_dir) if r["site"] in PICTURE_SITES]  # not the social platforms' avatars
    assert {r["site"] for r in got} == {"quickads", "companions"}, "the tiny world should show pictures on both sites"
    return got


# --- serving pictures ---------------------------------------------------------------------------

def test_pictures_are_served_byte_for_byte(client: FlaskClient, world_dir: Path, rows: list[sqlite3.Row]) -> None:
    for r in [*[r for r in rows if r["site"] == "quickads"][:5], *[r for r in rows if r["site"] == "companions"][:5]]:
        resp = client.get(f"/{r['site']}/img/{r['token']}.jpg")
        assert resp.status_code == 200
        assert resp.mimetype == "image/jpeg"
        assert "max-age" in resp.headers["Cache-Control"]
        assert resp.data == file_bytes(world_dir, r["file"])


def test_revalidation_is_304(client: FlaskClient, rows: list[sqlite3.Row]) -> None:
    url = f"/quickads/img/{rows[-1]['token']}.jpg"
    etag = client.get(url).headers["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize("kind", ["uppercase", "short", "not-hex", "unknown", "other-site", "traversal", "dotted"])
def test_bad_picture_addresses_are_styled_404s(client: FlaskClient, rows: list[sqlite3.Row], kind: str) -> None:
    ad_token = next(r["token"] for r in rows if r["site"] == "quickads")
    profile_token = next(r["token"] for r in rows if r["site"] == "companions")
    url = {
        "uppercase": f"/quickads/img/{ad_token.upper()}.jpg",
        "short": f"/quickads/img/{ad_token[:15]}.jpg",
        "not-hex": "/quickads/img/zzzzzzzzzzzzzzzz.jpg",
        "unknown": "/companions/img/0000000000000000.jpg",
        "other-site": f"/companions/img/{ad_token}.jpg",
        "traversal": "/quickads/img/..%2f..%2fsite.sqlite%00.jpg",
        "dotted": f"/quickads/img/{profile_token}.jpg.jpg",
    }[kind]
    if kind == "other-site":
        assert client.get(f"/quickads/img/{ad_token}.jpg").status_code == 200  # the same token on its own site
    resp = client.get(url)
    assert resp.status_code == 404 and resp.mimetype == "text/html"
    page = BeautifulSoup(resp.data, "html.parser")
    assert page.select_one(".error-page")["data-status"] == "404"
    assert page.body["class"] == [f"site-{url.split('/')[1]}"]  # the site's own look


# --- QuickAds --------------------------------------------------------------------------------------

def test_ad_page_gallery_in_position_order(client: FlaskClient, world_dir: Path) -> None:
    by_ad = shown(world_dir, "quickads")
    several = [i for i, pics in by_ad.items() if len(pics) > 1][:5]
    assert several, "some ads should show more than one picture"
    for ad_id in several:
        page = soup(client, f"/quickads/ad/{ad_id}")
        imgs = page.select("article.ad-detail figure.ad-photos img.ad-photo")
        assert [token_of(i["src"]) for i in imgs] == [r["token"] for r in by_ad[ad_id]]
        n = len(by_ad[ad_id])
        assert [i["alt"] for i in imgs] == [f"Picture {k} of {n} in this ad" for k in range(1, n + 1)]
        assert all(int(i["width"]) > 0 and int(i["height"]) > 0 for i in imgs)
    without = next(i for i in range(1, 10_000) if i not in by_ad)
    page = soup(client, f"/quickads/ad/{without}")
    assert page.select_one("article.ad-detail") is not None and not page.select("img")


def test_listing_cards_show_the_first_picture(client: FlaskClient, world_dir: Path) -> None:
    by_ad = shown(world_dir, "quickads")
    page = soup(client, "/quickads/ads?category=personal-services")
    cards = page.select("article.ad-card")
    assert any(int(c["data-ad-id"]) in by_ad for c in cards)
    for card in cards:
        pics = by_ad.get(int(card["data-ad-id"]), [])
        imgs = card.select("img")
        assert int(card["data-photos"]) == len(pics)
        if not pics:
            assert imgs == []
            continue
        assert len(imgs) == 1 and imgs[0]["class"] == ["ad-thumb"] and imgs[0]["loading"] == "lazy"
        assert token_of(imgs[0]["src"]) == pics[0]["token"]
    jobs = soup(client, "/quickads/ads?category=jobs").select("article.ad-card")
    assert jobs and not any(c.select("img") for c in jobs)


def test_gallery_sizes_are_the_files(client: FlaskClient, world_dir: Path) -> None:
    ad_id, pics = next(iter(shown(world_dir, "quickads").items()))
    img = soup(client, f"/quickads/ad/{ad_id}").select_one("img.ad-photo")
    with Image.open(world_dir / "public" / "photos" / pics[0]["file"]) as picture:
        assert (int(img["width"]), int(img["height"])) == picture.size


# --- Companions ------------------------------------------------------------------------------------

def test_api_lists_photos_in_display_order(client: FlaskClient, world_dir: Path) -> None:
    by_profile = shown(world_dir, "companions")
    assert by_profile
    items, url = [], "/companions/api/v1/profiles?per_page=50"
    while url:
        data = client.get(url).get_json()
        items += data["items"]
        url = data["next"]
    for item in items:
        want = [f"/companions/img/{r['token']}.jpg" for r in by_profile.get(item["id"], [])]
        assert item["photos"] == want
        assert client.get(f"/companions/api/v1/profiles/{item['id']}").get_json()["photos"] == want
    assert any(i["photos"] == [] for i in items) or len(by_profile) == len(items)
    for src in items[0]["photos"] or next(i["photos"] for i in items if i["photos"]):
        assert client.get(src).status_code == 200


def test_profile_page_docs_and_script(client: FlaskClient, world_dir: Path) -> None:
    profile_id, pics = next(iter(shown(world_dir, "companions").items()))
    imgs = soup(client, f"/companions/profile/{profile_id}").select("figure.profile-photos img.profile-photo")
    assert [token_of(i["src"]) for i in imgs] == [r["token"] for r in pics]
    docs = soup(client, "/companions/api/").get_text()
    assert "photos" in docs and "/companions/img/" in docs
    assert b"p.photos[0]" in client.get("/static/companions.js").data


def test_world_without_pictures(fixture_client: FlaskClient) -> None:
    """A world without a photos table: no images anywhere, [] in the API, 404 and 400 for picture addresses."""
    assert not soup(fixture_client, "/quickads/ad/1").select("img")
    assert not soup(fixture_client, "/quickads/ads").select("img")
    assert fixture_client.get("/companions/api/v1/profiles/1").get_json()["photos"] == []
    assert all(i["photos"] == [] for i in fixture_client.get("/companions/api/v1/profiles").get_json()["items"])
    assert fixture_client.get("/quickads/img/0123456789abcdef.jpg").status_code == 404
    resp = fixture_client.get(API, query_string={"url": "/quickads/img/0123456789abcdef.jpg"})
    assert resp.status_code == 400 and resp.get_json()["status"] == 400
