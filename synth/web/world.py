"""Read-only access to the public half of a world: ``manifest.json`` and ``public/site.sqlite``.

The web layer may read only what a trainee may see (docs/world-format.md), so this module is the one
place that opens world files, and it opens nothing under ``key/`` and never ``selfcheck.json``.
SQLite is opened with ``mode=ro`` so that no request, however odd, can change the world.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from synth.vocab.platforms import CHIRP, CIRCLE, LIGHT_PLATFORMS


class WorldNotFound(FileNotFoundError):
    """The directory is not a generated world; the message says what to do instead."""


@dataclass(frozen=True)
class Site:
    """One site of the fake internet, as the ``sites`` table lists it."""

    slug: str
    domain: str
    name: str
    tagline: str


# The tables of synth.vocab.platforms.SCHEMA each social site reads. A world generated before the social
# platforms existed lacks them, and then the site is simply not mounted (no page of it can fail).
SOCIAL_TABLES: dict[str, tuple[str, ...]] = {
    CHIRP: ("social_accounts", "chirp_posts", "chirp_follows"),
    CIRCLE: ("social_accounts", "circle_groups", "circle_members", "circle_posts", "circle_comments",
             "circle_friends", "circle_albums", "circle_checkins"),
    **{p.slug: ("social_accounts",) for p in LIGHT_PLATFORMS},
}
# How a social site is listed when the world's ``sites`` table does not name it (its own row wins).
SOCIAL_SITES: dict[str, Site] = {
    CHIRP: Site(CHIRP, "chirp.example", "Chirp", "Short posts, hashtags and followers"),
    CIRCLE: Site(CIRCLE, "circle.example", "Circle", "Friends, groups and neighbours, city by city"),
    **{p.slug: Site(p.slug, p.domain, p.name, p.tagline) for p in LIGHT_PLATFORMS},
}
# The block explorer reads the public LabCoin chain (synth/render/finance_public.py); worlds generated before the
# financial world lack those tables, and then it is not mounted either.
EXPLORER = "explorer"
CHAIN_TABLES = ("chain_txs", "chain_inputs", "chain_outputs", "chain_labels", "chain_prices")
# Every site that needs tables beyond the ad sites' (the app mounts it only when the world has them), and
# how it is listed when the ``sites`` table does not name it.
SITE_TABLES: dict[str, tuple[str, ...]] = {**SOCIAL_TABLES, EXPLORER: CHAIN_TABLES}
EXTRA_SITES: dict[str, Site] = {
    **SOCIAL_SITES,
    EXPLORER: Site(EXPLORER, "explorer.example", "LabCoin Explorer", "Blocks, transactions and addresses of LabCoin"),
}


@dataclass(frozen=True)
class City:
    slug: str
    name: str
    country: str


@dataclass(frozen=True)
class Category:
    slug: str
    name: str


@dataclass(frozen=True)
class World:
    """What the server knows about the world it serves, read once at start-up.

    Cities, categories and sites never change while a world is served, so they are cached here
    instead of being queried on every request.
    """

    world_dir: Path
    world_id: str
    seed: int | None
    preset: str | None
    db_uri: str
    sites: tuple[Site, ...]
    cities: dict[str, City]
    categories: dict[str, Category]
    tables: frozenset[str] = field(default_factory=frozenset)

    def connect(self) -> sqlite3.Connection:
        """A fresh read-only connection (one per request: waitress serves from several threads)."""
        return connect_readonly(self.db_uri)

    def has_tables(self, *names: str) -> bool:
        """Whether site.sqlite has every table in ``names`` (old worlds lack the social ones)."""
        return all(n in self.tables for n in names)


def _fold(text: str | None) -> str | None:
    """Unicode-aware lower-casing for keyword search (SQLite's LIKE folds ASCII only: 'Łódź')."""
    return None if text is None else text.casefold()


def connect_readonly(db_uri: str) -> sqlite3.Connection:
    """Open ``db_uri`` read-only, rows as ``sqlite3.Row``, with the ``fold()`` SQL function."""
    conn = sqlite3.connect(db_uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.create_function("fold", 1, _fold, deterministic=True)
    return conn


def load_world(world_dir: Path) -> World:
    """Read the manifest and the small lookup tables of ``world_dir``.

    Social sites and the explorer are added (after the listed ones) when the ``sites`` table does not list
    them but the world has their tables, so the web layer works whether or not the generator lists them.

    Raises WorldNotFound with a plain-language message when the directory is not a generated world.
    """
    world_dir = Path(world_dir).expanduser().resolve()
    db_path = world_dir / "public" / "site.sqlite"
    manifest_path = world_dir / "manifest.json"
    if not db_path.is_file() or not manifest_path.is_file():
        raise WorldNotFound(
            f"{world_dir} is not a generated world (it needs manifest.json and public/site.sqlite). "
            "Generate one with `osintlab generate`, or point OSINTLAB_WORLD at a world directory."
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    db_uri = db_path.as_uri() + "?mode=ro"
    conn = connect_readonly(db_uri)
    try:
        sites = tuple(
            Site(r["slug"], r["domain"], r["name"], r["tagline"] or "")
            for r in conn.execute("SELECT slug, domain, name, tagline FROM sites ORDER BY name")
        )
        cities = {
            r["slug"]: City(r["slug"], r["name"], r["country"])
            for r in conn.execute("SELECT slug, name, country FROM cities ORDER BY name")
        }
        categories = {
            r["slug"]: Category(r["slug"], r["name"])
            for r in conn.execute("SELECT slug, name FROM categories ORDER BY name")
        }
        tables = frozenset(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    finally:
        conn.close()
    listed = {s.slug for s in sites}
    sites += tuple(site for slug, site in EXTRA_SITES.items()
                   if slug not in listed and all(t in tables for t in SITE_TABLES[slug]))
    return World(
        world_dir=world_dir,
        world_id=str(manifest.get("world_id", "unknown")),
        seed=manifest.get("seed"),
        preset=manifest.get("preset"),
        db_uri=db_uri,
        sites=sites,
        cities=cities,
        categories=categories,
        tables=tables,
    )
