"""render_public: the part of the world a trainee may see, as the fake internet serves it.

Only ad fields that a real site would show are written; who posted an ad, whom it advertises and
which operation it belongs to stay in the answer key. Rows are written in ad-id order (posting time).
The social platforms' tables (synth.vocab.platforms.SCHEMA) are written the same way: ids in creation order,
edges in id order; who owns an account and what it is for stay in the answer key.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from synth.render.finance_public import render_finance
from synth.streams import Streams
from synth.vocab.places import CITIES
from synth.vocab.platforms import LIGHT_PLATFORMS
from synth.vocab.platforms import SCHEMA as SOCIAL_SCHEMA
from synth.world.model import World

SCHEMA = """
CREATE TABLE sites (slug TEXT PRIMARY KEY, domain TEXT NOT NULL, name TEXT NOT NULL, tagline TEXT NOT NULL);
CREATE TABLE cities (slug TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL);
CREATE TABLE categories (slug TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE quickads_ads (
  ad_id INTEGER PRIMARY KEY, category TEXT NOT NULL REFERENCES categories(slug),
  city TEXT NOT NULL REFERENCES cities(slug), title TEXT NOT NULL, body TEXT NOT NULL,
  display_name TEXT NOT NULL, age INTEGER, price TEXT NOT NULL, phone TEXT NOT NULL, email TEXT,
  messenger TEXT, posted_at TEXT NOT NULL);
CREATE INDEX quickads_city_category ON quickads_ads (city, category, posted_at);
CREATE TABLE companions_profiles (
  profile_id INTEGER PRIMARY KEY, city TEXT NOT NULL REFERENCES cities(slug), name TEXT NOT NULL, age INTEGER,
  nationality TEXT, languages TEXT NOT NULL, headline TEXT NOT NULL, text TEXT NOT NULL, contact TEXT NOT NULL,
  rate TEXT, posted_at TEXT NOT NULL, bumped_at TEXT NOT NULL);
CREATE INDEX companions_city ON companions_profiles (city, bumped_at);
CREATE TABLE jobboard_posts (
  post_id INTEGER PRIMARY KEY, kind TEXT NOT NULL, city TEXT NOT NULL REFERENCES cities(slug), work_country TEXT,
  title TEXT NOT NULL, body TEXT NOT NULL, language TEXT NOT NULL, company TEXT NOT NULL, salary TEXT,
  contact TEXT NOT NULL, posted_at TEXT NOT NULL);
CREATE INDEX jobboard_kind_city ON jobboard_posts (kind, city, posted_at);
CREATE INDEX quickads_category ON quickads_ads (category, posted_at);
CREATE TABLE photos (
  token TEXT PRIMARY KEY, site TEXT NOT NULL, item_id INTEGER NOT NULL, position INTEGER NOT NULL,
  file TEXT NOT NULL);
CREATE INDEX photos_item ON photos (site, item_id, position);
"""

SITES = [("quickads", "quickads.example", "QuickAds", "Free classifieds across Europe — jobs, travel, services"),
         ("companions", "companions.example", "Companions", "Independent companions and massage, city by city"),
         ("jobboard", "workabroad.example", "WorkAbroad", "Jobs and travel for people on the move"),
         ("search", "search.example", "Seekr", "Search the whole training internet"),
         ("chirp", "chirp.example", "Chirp", "Short posts, hashtags and followers"),
         ("circle", "circle.example", "Circle", "Friends, groups and neighbours"),
         *[(p.slug, p.domain, p.name, p.tagline) for p in LIGHT_PLATFORMS]]
CATEGORIES = [("personal-services", "Personal services"), ("jobs", "Jobs"), ("travel", "Travel")]


def iso(ts) -> str:
    return ts.strftime("%Y-%m-%dT%H:%M:%SZ")


def photo_rows(world: World) -> list[tuple[str, str, int, int, str]]:
    """One row per picture shown on an ad or profile, under a random address token.

    A site gives every upload its own address, so reposts of one picture have different tokens (the
    file, and so the bytes, are shared). Tokens come from the "photo-tokens" stream and rows are in
    (site, item, position) order: neither says who uploaded a picture or where it came from.
    """
    rng = Streams(world.seed).get("photo-tokens")
    rows = []
    for (site, item_id), files in sorted(world.gallery.shown.items()):
        for position, name in enumerate(files, start=1):
            rows.append((f"{rng.getrandbits(64):016x}", site, item_id, position, name))
    return rows


def render_public(world: World, public_dir: Path) -> None:
    public_dir.mkdir(parents=True, exist_ok=True)
    db_path = public_dir / "site.sqlite"
    con = sqlite3.connect(db_path)
    try:
        con.executescript(SCHEMA + SOCIAL_SCHEMA)
        con.executemany("INSERT INTO sites VALUES (?, ?, ?, ?)", SITES)
        con.executemany("INSERT INTO cities VALUES (?, ?, ?)", [(c.slug, c.name, c.country) for c in CITIES])
        con.executemany("INSERT INTO categories VALUES (?, ?)", CATEGORIES)
        con.executemany(
            "INSERT INTO quickads_ads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(a.ad_id, a.category, a.city, a.title, a.body, a.display_name, a.age, a.price, a.phone_text,
              a.email, a.messenger, iso(a.posted_at)) for a in sorted(world.ads, key=lambda a: a.ad_id)],
        )
        profiles = sorted((x for x in world.listings if x.site == "companions"), key=lambda x: x.listing_id)
        con.executemany(
            "INSERT INTO companions_profiles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(x.listing_id, x.city, x.name, x.age, x.nationality, x.language, x.title, x.text, x.contact, x.rate,
              iso(x.posted_at), iso(x.bumped_at or x.posted_at)) for x in profiles])
        posts = sorted((x for x in world.listings if x.site == "jobboard"), key=lambda x: x.listing_id)
        con.executemany(
            "INSERT INTO jobboard_posts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(x.listing_id, x.kind, x.city, x.work_country, x.title, x.text, x.language, x.name, x.rate, x.contact,
              iso(x.posted_at)) for x in posts])
        con.executemany("INSERT INTO photos VALUES (?, ?, ?, ?, ?)", photo_rows(world))
        render_social(con, world)
        if world.finance is not None:
            render_finance(con, world.finance, world.epoch)
        con.commit()
        # A database file that is byte-identical for the same world: no free pages, fixed page order.
        con.execute("VACUUM")
    finally:
        con.close()
    photo_dir = public_dir / "photos"
    photo_dir.mkdir(exist_ok=True)
    for name, data in world.gallery.files.items():
        (photo_dir / name).write_bytes(data)
    (public_dir / "briefs.json").write_text(json.dumps(world.briefs, indent=2, ensure_ascii=False) + "\n",
                                            encoding="utf-8")
    if world.finance is not None:  # what the banks, the app and the exchange answered to production orders
        from synth.render.productions.orders import render_productions

        render_productions(world, public_dir)


def render_social(con: sqlite3.Connection, world: World) -> None:
    """The tables of synth.vocab.platforms.SCHEMA; nothing about owners, personas or selectors."""
    s = world.social
    con.executemany("INSERT INTO social_accounts VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(a.platform, a.account_id, a.username, a.display_name, a.bio, a.city, iso(a.created_at))
                     for a in sorted(s.accounts, key=lambda a: (a.platform, a.account_id))])
    con.executemany("INSERT INTO chirp_posts VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(p.post_id, p.account_id, p.text, p.language, iso(p.posted_at), p.reply_to, p.repost_of)
                     for p in s.chirp_posts])
    con.executemany("INSERT INTO chirp_follows VALUES (?, ?, ?)",
                    [(f.follower_id, f.followee_id, iso(f.since)) for f in s.chirp_follows])
    con.executemany("INSERT INTO circle_groups VALUES (?, ?, ?, ?, ?, ?)",
                    [(g.group_id, g.name, g.city, g.kind, g.description, iso(g.created_at)) for g in s.groups])
    con.executemany("INSERT INTO circle_members VALUES (?, ?, ?)",
                    [(m.group_id, m.account_id, iso(m.joined_at)) for m in s.members])
    con.executemany("INSERT INTO circle_posts VALUES (?, ?, ?, ?, ?, ?)",
                    [(p.post_id, p.group_id, p.account_id, p.text, p.language, iso(p.posted_at))
                     for p in s.circle_posts])
    con.executemany("INSERT INTO circle_comments VALUES (?, ?, ?, ?, ?)",
                    [(c.comment_id, c.post_id, c.account_id, c.text, iso(c.posted_at)) for c in s.comments])
    con.executemany("INSERT INTO circle_friends VALUES (?, ?, ?)", [(f.a_id, f.b_id, iso(f.since)) for f in s.friends])
    con.executemany("INSERT INTO circle_albums VALUES (?, ?, ?, ?)",
                    [(a.album_id, a.account_id, a.title, iso(a.created_at)) for a in s.albums])
    con.executemany("INSERT INTO circle_checkins VALUES (?, ?, ?, ?, ?)",
                    [(c.checkin_id, c.account_id, c.place, c.city, iso(c.checked_in_at)) for c in s.checkins])
