"""A small hand-made world for grader tests: every expected answer is visible in this file.

Generated worlds change with the generator; these tests pin the graders' behaviour instead, so a
grader bug cannot hide behind a generator change. The world has a brief (London, personal
services), ads in and out of it, phones written in several ways, and the files a real world has
(manifest, public/, key/, selfcheck.json).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from graders.modules.m01_scraping_ad_sites import quickads
from synth.vocab.canon import canonical_ad_id, canonical_phone, item_hash

M01 = "01-scraping-ad-sites"
SALT = "5eed5a17"

# (ad_id, category, city, title, display_name, phone as written, posted_at)
ADS = [
    (1, "personal-services", "london", "Relaxing massage", "Mila", "490 972 860", "2026-03-02T20:00:00Z"),
    (2, "personal-services", "london", "Dinner dates", "Vika", "+48 490 972 860", "2026-03-03T21:15:00Z"),
    (3, "personal-services", "london", "City walks", "Ruby", "07700 900123", "2026-03-04T19:30:00Z"),
    (4, "personal-services", "london", "Evenings out", "Ruby", "+44 7700 900123", "2026-03-05T18:45:00Z"),
    (5, "personal-services", "london", "Coffee and talk", "Kira", "07700-900456", "2026-03-06T22:05:00Z"),
    (6, "personal-services", "london", "Travel companion", "Yana", "07700900456", "2026-03-07T23:55:00Z"),
    (7, "personal-services", "london", "Wellness massage", "Dana", "07700 900789", "2026-03-08T12:00:00Z"),
    (8, "personal-services", "london", "Art and galleries", "Lina", "07700 900321", "2026-03-09T13:10:00Z"),
    (9, "jobs", "london", "Warehouse operative", "Acme Ltd", "07700 900456", "2026-03-03T09:00:00Z"),
    (10, "personal-services", "warsaw", "Relaxing massage", "Nika", "490 972 860", "2026-03-04T20:00:00Z"),
    (11, "travel", "warsaw", "Daily coach", "Sun Travel", "491 000 111", "2026-03-05T08:00:00Z"),
]
BRIEF_IDS = [a[0] for a in ADS if a[1] == "personal-services" and a[2] == "london"]
SHARED = ["+48490972860", "+447700900456"]  # Mila/Vika and Kira/Yana; Ruby alone is not shared


@dataclass(frozen=True)
class SyntheticWorld:
    path: Path
    brief_ids: list[int]
    shared_phones: list[str]


def _write_db(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE sites (slug TEXT PRIMARY KEY, domain TEXT NOT NULL, name TEXT NOT NULL, tagline TEXT NOT NULL);
        CREATE TABLE cities (slug TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL);
        CREATE TABLE categories (slug TEXT PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE quickads_ads (ad_id INTEGER PRIMARY KEY, category TEXT NOT NULL, city TEXT NOT NULL,
          title TEXT NOT NULL, body TEXT NOT NULL, display_name TEXT NOT NULL, age INTEGER, price TEXT NOT NULL,
          phone TEXT NOT NULL, email TEXT, messenger TEXT, posted_at TEXT NOT NULL);
    """)
    db.execute("INSERT INTO sites VALUES ('quickads', 'quickads.example', 'QuickAds', 'Classifieds')")
    db.executemany("INSERT INTO cities VALUES (?, ?, ?)",
                   [("london", "London", "GB"), ("warsaw", "Warsaw", "PL"), ("krakow", "Kraków", "PL")])
    db.executemany("INSERT INTO categories VALUES (?, ?)",
                   [("personal-services", "Personal services"), ("jobs", "Jobs"), ("travel", "Travel")])
    db.executemany(
        "INSERT INTO quickads_ads VALUES (?, ?, ?, ?, ?, ?, NULL, '£100 / hour', ?, NULL, NULL, ?)",
        [(i, cat, city, title, f"{title}. Call me.", name, phone, posted)
         for i, cat, city, title, name, phone, posted in ADS],
    )
    db.commit()
    db.close()


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def build_synthetic_world(root: Path) -> SyntheticWorld:
    """Write the world under ``root`` and return where it is and what its answers are."""
    _write_db(root / "public" / "site.sqlite")
    _write_json(root / "public" / "briefs.json", {M01: {
        "site": "quickads", "city": "london", "city_name": "London", "category": "personal-services",
        "category_name": "Personal services", "text": "Find every personal-services ad in London."}})
    names = {"+48490972860": ["Mila", "Vika"], "+447700900456": ["Kira", "Yana"]}
    _write_json(root / "key" / "answer_key.json", {
        "world_id": "w-synthetic", "seed": 0, "preset": "tiny", "people": {}, "operations": {}, "ads": {},
        "modules": {M01: {"site": "quickads", "city": "london", "category": "personal-services",
                          "ad_ids": BRIEF_IDS, "shared_phones": SHARED, "names_by_phone": names}}})
    answers = {f"{M01}/q2-city-ads": [canonical_ad_id(i) for i in BRIEF_IDS],
               f"{M01}/q3-shared-phones": [canonical_phone(p, "GB") for p in SHARED]}
    _write_json(root / "selfcheck.json", {"world_id": "w-synthetic", "salt": SALT, "questions": {
        q: {"kind": "set", "count": len(items), "hashes": sorted(item_hash(SALT, q, i) for i in items)}
        for q, items in answers.items()}})
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    _write_json(root / "manifest.json", {"world_id": "w-synthetic", "seed": 0, "preset": "tiny",
                                         "files": {name: "" for name in files}})
    return SyntheticWorld(root, BRIEF_IDS, SHARED)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SyntheticWorld:
    """The synthetic world, selected through OSINTLAB_WORLD as a notebook would select it."""
    built = build_synthetic_world(tmp_path / "world")
    monkeypatch.setenv("OSINTLAB_WORLD", str(built.path))
    return built


def reference_parse_ad(html: str) -> dict[str, object]:
    """A correct module-01 parser, written as the notebook's solution writes it."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        "ad_id": int(soup.select_one(".field-id").get_text(strip=True)),
        "title": soup.select_one("h1.ad-title").get_text(strip=True),
        "name": soup.select_one(".field-name").get_text(strip=True),
        "phone": soup.select_one(".field-phone").get_text(strip=True),
        "city": soup.select_one(".field-city").get_text(strip=True),
        "posted_at": soup.select_one(".field-posted time")["datetime"],
    }


@pytest.fixture
def parse_ad() -> Callable[[str], dict[str, object]]:
    return reference_parse_ad


TEST_BASE = "http://testserver"


@pytest.fixture
def web(world: SyntheticWorld, monkeypatch: pytest.MonkeyPatch) -> str:
    """Route the graders' page fetches to the world's Flask app (test client: no port, no rate limit)."""
    from synth.web.app import create_app

    client = create_app(world.path, rate_limit=None).test_client()

    def get(_session: object, url: str, **_kwargs: object) -> SimpleNamespace:
        response = client.get(url.removeprefix(TEST_BASE))
        return SimpleNamespace(status_code=response.status_code, text=response.get_data(as_text=True))

    monkeypatch.setattr(quickads, "fake_internet", lambda: TEST_BASE)
    monkeypatch.setattr(quickads, "polite_get", get)
    return TEST_BASE
