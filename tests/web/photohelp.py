"""Helpers of the picture tests: the world's photo rows, files, tokens, pages and image-search crawls."""


from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from synth.build.photos import phash_of
from synth.web.sites.search.images import MAX_DISTANCE

API = "/search/api/v1/image"


def photo_rows(world: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    conn.row_factory = sqlite3.Row
    try:
        sql = "SELECT token, site, item_id, position, file FROM photos ORDER BY site, item_id, position"
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def shown(world: Path, site: str) -> dict[int, list[sqlite3.Row]]:
    """site's item id -> its picture rows in display order."""
    out: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for r in photo_rows(world):
        if r["site"] == site:
            out[r["item_id"]].append(r)
    return dict(out)


def file_bytes(world: Path, name: str) -> bytes:
    return (world / "public" / "photos" / name).read_bytes()


def token_of(src: str) -> str:
    return src.rsplit("/", 1)[1].removesuffix(".jpg")


def soup(client: FlaskClient, url: str) -> BeautifulSoup:
    resp = client.get(url)
    assert resp.status_code == 200, (url, resp.status_code)
    return BeautifulSoup(resp.data, "html.parser")


def expected_matches(world: Path, query_file: str) -> dict[tuple[str, int], int]:
    """(site, item) -> distance for every item showing a file within MAX_DISTANCE bits."""
    hashes = {name: phash_of(file_bytes(world, name)) for name in {r["file"] for r in photo_rows(world)}}
    out: dict[tuple[str, int], int] = {}
    for r in photo_rows(world):
        d = hashes[r["file"]] - hashes[query_file]
        if d <= MAX_DISTANCE:
            key = (r["site"], r["item_id"])
            out[key] = min(d, out.get(key, 64))
    return out


def crawl_api(client: FlaskClient, url: str) -> tuple[list[dict], int]:
    """Every result of an image search, following ``next``; and how many pages that took."""
    results: list[dict] = []
    pages = 0
    while url:
        resp = client.get(url)
        assert resp.status_code == 200 and resp.mimetype == "application/json", url
        data = resp.get_json()
        assert list(data) == ["query", "total", "page", "pages", "next", "results"]
        results += data["results"]
        pages += 1
        url = data["next"]
    return results, pages
