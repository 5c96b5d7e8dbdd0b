"""Small helpers the social-platform tests share: fetch and parse a page, read the world, follow rel="next"."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from flask.testing import FlaskClient


def soup_of(client: FlaskClient, url: str, status: int = 200) -> BeautifulSoup:
    """The page at ``url`` parsed, after checking its status and that it is HTML."""
    resp = client.get(url)
    assert resp.status_code == status, (url, resp.status_code, resp.get_data(as_text=True)[:300])
    assert resp.mimetype == "text/html"
    return BeautifulSoup(resp.get_data(as_text=True), "html.parser")


def query(world: Path, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    """Rows of ``sql`` on the world's site.sqlite, read directly (what the pages are compared with)."""
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def crawl(client: FlaskClient, url: str, selector: str, attr: str) -> list[str]:
    """``attr`` of every ``selector`` element on ``url`` and the pages its ``a[rel=next]`` links lead to."""
    out: list[str] = []
    next_url: str | None = url
    while next_url:
        page = soup_of(client, next_url)
        out += [el[attr] for el in page.select(selector)]
        nxt = page.select_one('a[rel="next"]')
        next_url = nxt["href"] if nxt else None
    return out
