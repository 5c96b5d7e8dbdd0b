"""Fixtures for the web tests: worlds (built once per session), the Flask app, a live waitress server.

``world_dir`` is a real generated ``tiny`` world (``tiny_world`` from tests/conftest.py): the crawl
test compares the site with that world's site.sqlite. ``fixture_world`` is hand-made here, with the
edge cases the web layer must survive and a generated world may lack: non-ASCII city names, NULL
e-mail/messenger/age, LIKE wildcards and HTML in ad text, ties in ``posted_at``, a city without ads,
more than one page of ads, and a site the web layer does not serve. It also has Companions profiles
(ties in ``bumped_at``, NULL age and nationality, HTML in text, contacts written in every obscured
style of synth.vocab.selectors) and more WorkAbroad posts than the board's page-depth cap shows. It has no
social tables, as a world generated before Chirp and Circle existed. ``social_world`` is the hand-made
world with the social platforms (``tests/web/socialworld.py``).
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

from synth.vocab.selectors import DIGIT_WORDS, PHONE_STYLES, handle_text, obscured_phone
from synth.web.app import create_app
from synth.web.server import make_server

from .socialworld import build_social_world

SCHEMA = """
CREATE TABLE sites (slug TEXT PRIMARY KEY, domain TEXT, name TEXT, tagline TEXT);
CREATE TABLE cities (slug TEXT PRIMARY KEY, name TEXT, country TEXT);
CREATE TABLE categories (slug TEXT PRIMARY KEY, name TEXT);
CREATE TABLE quickads_ads (
  ad_id INTEGER PRIMARY KEY, category TEXT, city TEXT, title TEXT, body TEXT, display_name TEXT,
  age INTEGER, price TEXT, phone TEXT, email TEXT, messenger TEXT, posted_at TEXT);
CREATE TABLE companions_profiles (
  profile_id INTEGER PRIMARY KEY, city TEXT, name TEXT, age INTEGER, nationality TEXT, languages TEXT,
  headline TEXT, text TEXT, contact TEXT, rate TEXT, posted_at TEXT, bumped_at TEXT);
CREATE TABLE jobboard_posts (
  post_id INTEGER PRIMARY KEY, kind TEXT, city TEXT, work_country TEXT, title TEXT, body TEXT, language TEXT,
  company TEXT, salary TEXT, contact TEXT, posted_at TEXT);
"""
SITES = [("quickads", "quickads.example", "QuickAds", "Free local classifieds"),
         ("companions", "companions.example", "Companions", "Companions, city by city"),
         ("jobboard", "workabroad.example", "WorkAbroad", "Jobs and travel abroad"),
         ("search", "search.example", "Seekr", "Search the training internet"),
         ("workwide", "workwide.example", "WorkWide Jobs", "Jobs abroad")]
# Canonical phones (E.164) of the fixture's Companions and WorkAbroad contacts, from fiction ranges
# (Ofcom's drama range 07700 900xxx) or unallocated blocks, as the generator draws them.
FIXTURE_PHONES = ["+447700900123", "+447700900456", "+48491815127", "+40715697530", "+380742072306"]
FIXTURE_HANDLES = ["mila_lon", "lux_waw22", "atlas.work"]
N_PROFILES = 61
N_POSTS = 251
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
    _companions(conn, rng)
    _jobboard(conn, rng)
    conn.commit()
    conn.close()
    (out / "public" / "briefs.json").write_text(json.dumps({"01-scraping-ad-sites": {
        "site": "quickads", "city": "warsaw", "city_name": "Warsaw", "category": "personal-services",
        "category_name": "Personal services", "text": "Collect every personal-services ad in Warsaw."}}))
    (out / "manifest.json").write_text(json.dumps({
        "world_id": world_id, "seed": seed, "preset": "fixture", "generator_version": "test",
        "packages": {}, "files": {}}))
    return out


def _contact(rng: random.Random, i: int, country: str) -> tuple[str, str, str | None]:
    """(written contact line, its phone's E.164, its handle) in the i-th of synth.vocab.selectors' styles."""
    phone = FIXTURE_PHONES[i % len(FIXTURE_PHONES)]
    style = PHONE_STYLES[i % len(PHONE_STYLES)]
    lang = sorted(DIGIT_WORDS)[i % len(DIGIT_WORDS)]
    written = obscured_phone(phone, style, rng, lang, country)
    handle = FIXTURE_HANDLES[i % len(FIXTURE_HANDLES)] if i % 2 else None
    if handle:
        written += " · " + handle_text(["telegram", "signal", "whatsapp"][i % 3], handle, rng)
    return written, phone, handle


def _companions(conn: sqlite3.Connection, rng: random.Random) -> None:
    t = EPOCH
    for pid in range(1, N_PROFILES + 1):
        t += timedelta(minutes=rng.randint(30, 900))
        city = CITIES[pid % 4][0]
        name = ["Mila", "Ольга", "Ioana", "Kasia", "Olena", "Daria"][pid % 6]
        contact, _, _ = _contact(rng, pid, dict((c[0], c[2]) for c in CITIES)[city])
        bumped = t + timedelta(hours=rng.choice([0, 6, 30, 30]))  # some share a bump time
        text = f"{name}, professional and discreet. Dinner dates and city walks.\nContact: {contact}"
        if pid == 5:
            text = "<b>not bold</b> & \"quoted\" — 100% real.\nSecond line"
        conn.execute("INSERT INTO companions_profiles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (
            pid, city, name, None if pid % 7 == 0 else rng.randint(21, 38),
            None if pid % 5 == 0 else rng.choice(["Ukrainian", "Polish", "Romanian"]),
            rng.choice(["en", "en,uk", "pl,en,ru"]), f"{name} · dinner dates", text,
            "" if pid == 5 else contact, f"€{rng.randint(8, 20) * 10} / hour",
            t.strftime("%Y-%m-%dT%H:%M:%SZ"), bumped.replace(minute=0).strftime("%Y-%m-%dT%H:%M:%SZ")))


def _jobboard(conn: sqlite3.Connection, rng: random.Random) -> None:
    t = EPOCH
    for post_id in range(1, N_POSTS + 1):
        if post_id % 11:
            t += timedelta(minutes=rng.randint(5, 300))
        kind = "travel" if post_id % 3 == 0 else "job"
        city = CITIES[post_id % 4][0]
        country = None if post_id % 13 == 0 else rng.choice(["DE", "GB", "NL", "PL"])
        contact, _, _ = _contact(rng, post_id, dict((c[0], c[2]) for c in CITIES)[city])
        company = rng.choice(["AtlasWork International", "Horizon Travel", "Pușcașu", "Bezditko-Usyk"])
        title = rng.choice(TITLES["jobs" if kind == "job" else "travel"])
        conn.execute("INSERT INTO jobboard_posts VALUES (?,?,?,?,?,?,?,?,?,?,?)", (
            post_id, kind, city, country, title, f"{title}. {company} in {city}. Write: {contact}",
            rng.choice(["en", "pl", "uk"]), company, None if post_id % 4 == 0 else f"€{rng.randint(15, 40)}00 / month",
            contact, t.strftime("%Y-%m-%dT%H:%M:%SZ")))


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


@pytest.fixture(scope="session")
def social_world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made world with Chirp, Circle and the light platforms (tests/web/socialworld.py)."""
    return build_social_world(tmp_path_factory.mktemp("social") / "world")


@pytest.fixture(scope="session")
def social_app(social_world: Path) -> Flask:
    return create_app(social_world, rate_limit=None)


@pytest.fixture
def social_client(social_app: Flask) -> FlaskClient:
    return social_app.test_client()


@pytest.fixture(scope="session")
def social_live(social_world: Path) -> Iterator[str]:
    """waitress serving the social world on a free loopback port; yields the base URL."""
    yield from _serve(social_world)


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
    yield from _serve(world_dir)


def _serve(world: Path) -> Iterator[str]:
    server = make_server(world, "127.0.0.1", 0, rate_limit=None, threads=4)
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
