"""Fixtures for the web tests: worlds (built once per session), the Flask app, a live waitress server.

``world_dir`` is a real generated ``tiny`` world (``tiny_world`` from tests/conftest.py): the crawl
test compares the site with that world's site.sqlite. ``fixture_world`` is hand-made here, with the
edge cases the web layer must survive and a generated world may lack: non-ASCII city names, NULL
e-mail/messenger/age, LIKE wildcards and HTML in ad text, ties in ``posted_at``, a city without ads,
more than one page of ads, and a site the web layer does not serve.
"""

from __future__ import annotations

import json
import random
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient

from synth.web.app import create_app
from synth.web.server import make_server

SCHEMA = """
CREATE TABLE sites (slug TEXT PRIMARY KEY, domain TEXT, name TEXT, tagline TEXT);
CREATE TABLE cities (slug TEXT PRIMARY KEY, name TEXT, country TEXT);
CREATE TABLE categories (slug TEXT PRIMARY KEY, name TEXT);
CREATE TABLE quickads_ads (
  ad_id INTEGER PRIMARY KEY, category TEXT, city TEXT, title TEXT, body TEXT, display_name TEXT,
  age INTEGER, price TEXT, phone TEXT, email TEXT, messenger TEXT, posted_at TEXT);
"""
SITES = [("quickads", "quickads.example", "QuickAds", "Free local classifieds"),
         ("workwide", "workwide.example", "WorkWide Jobs", "Jobs abroad")]
CITIES = [("warsaw", "Warsaw", "PL"), ("lodz", "Łódź", "PL"), ("berlin", "Berlin", "DE"),
          ("amsterdam", "Amsterdam", "NL"), ("bucharest", "Bucharest", "RO")]  # Bucharest: no ads
CATEGORIES = [("personal-services", "Personal services"), ("jobs", "Jobs"), ("travel", "Travel")]
TITLES = {
    "personal-services": ["Relaxing massage, new in town", "Professional companion, discreet",
                          "Evening appointments available"],
    "jobs": ["Warehouse workers wanted, accommodation provided", "Cleaners needed — start at once",
             "Drivers with licence B"],
    "travel": ["Cheap tickets to Berlin", "Minibus transport every Friday", "Visa help and travel"],
}
NAMES = ["Ania", "Kasia", "Olena", "Marta", "Ioana", "Sven", "Julia", "Daria"]
EPOCH = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
WORLD_ID = "w-fixture00001"


def build_fixture_world(out: Path, n_ads: int = 137, world_id: str = WORLD_ID, seed: int = 11) -> Path:
    """Write a world directory to ``out`` and return it."""
    rng = random.Random(seed)
    (out / "public").mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(out / "public" / "site.sqlite")
    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO sites VALUES (?,?,?,?)", SITES)
    conn.executemany("INSERT INTO cities VALUES (?,?,?)", CITIES)
    conn.executemany("INSERT INTO categories VALUES (?,?)", CATEGORIES)
    t = EPOCH
    for ad_id in range(1, n_ads + 1):
        if ad_id % 9:  # every ninth ad shares its predecessor's timestamp
            t += timedelta(minutes=rng.randint(5, 600))
        category = rng.choice(CATEGORIES)[0]
        city = rng.choice(CITIES[:4])[0]
        name = rng.choice(NAMES)
        body = f"{rng.choice(TITLES[category])}.\nCall or write to {name}.\nNo time wasters."
        if ad_id == 7:
            body = "100% real, 50_50 deal <b>not bold</b> & \"quoted\".\nSecond line\n\nThird paragraph."
        conn.execute(
            "INSERT INTO quickads_ads VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (ad_id, category, city, rng.choice(TITLES[category]) + ("" if ad_id % 5 else " — Łódź area"),
             body, name,
             rng.randint(19, 35) if category == "personal-services" else None,
             f"€{rng.randint(2, 30) * 10} / hour" if category != "travel" else f"€{rng.randint(3, 9) * 10}",
             f"07700 900{rng.randint(0, 999):03d}",
             None if ad_id % 4 == 0 else f"{name.lower()}{ad_id}@mail.example",
             None if ad_id % 3 else f"Telegram @{name.lower()}_{ad_id}",
             t.strftime("%Y-%m-%dT%H:%M:%SZ")),
        )
    conn.commit()
    conn.close()
    (out / "public" / "briefs.json").write_text(json.dumps({"01-scraping-ad-sites": {
        "site": "quickads", "city": "warsaw", "city_name": "Warsaw", "category": "personal-services",
        "category_name": "Personal services", "text": "Collect every personal-services ad in Warsaw."}}))
    (out / "manifest.json").write_text(json.dumps({
        "world_id": world_id, "seed": seed, "preset": "fixture", "generator_version": "test",
        "packages": {}, "files": {}}))
    return out



@pytest.fixture(scope="session")
def world_dir(tiny_world: Path) -> Path:
    """The world most tests serve: the generated ``tiny`` world (seed 2026), made once per session."""
    return tiny_world


@pytest.fixture(scope="session")
def fixture_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made world with edge cases (non-ASCII, NULLs, wildcards, HTML in ad text)."""
    return build_fixture_world(tmp_path_factory.mktemp("fixture") / "world")


@pytest.fixture(scope="session")
def other_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second, different world: what another lab on the same port would serve."""
    return build_fixture_world(tmp_path_factory.mktemp("other") / "world", n_ads=5, world_id="w-otherworld02")


@pytest.fixture(scope="session")
def app(world_dir: Path) -> Flask:
    return create_app(world_dir, rate_limit=None)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def fixture_client(fixture_world: Path) -> FlaskClient:
    return create_app(fixture_world, rate_limit=None).test_client()


@pytest.fixture
def free_port() -> Callable[[], int]:
    """Call it for a loopback port nothing listens on right now (the OS picks it)."""

    def pick() -> int:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            return int(s.getsockname()[1])

    return pick


@pytest.fixture(scope="session")
def live_server(world_dir: Path) -> Iterator[str]:
    """waitress serving ``world_dir`` on a free loopback port, in a daemon thread; yields the base URL."""
    server = make_server(world_dir, "127.0.0.1", 0, rate_limit=None, threads=4)
    thread = threading.Thread(target=server.run, name="waitress-test", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    server.task_dispatcher.shutdown(timeout=2)
    thread.join(timeout=2)


@pytest.fixture
def http() -> Iterator[requests.Session]:
    """A requests session that never uses a proxy from the environment (the lab is loopback only)."""
    with requests.Session() as session:
        session.trust_env = False
        yield session
