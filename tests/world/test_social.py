"""The social platforms: personas, campaigns, hard negatives, namesakes, module 04's key.

Checked on the default world through the World objects, the public database and the answer key. The
calibration test runs a naive and a taught module-04 method on public data only and scores them
against the key: the naive one must score ≤ 0.5, the taught one ≥ 0.9.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path

import pytest

from synth.build.social.personas import ORG_KINDS, skeleton, utc_offset
from synth.vocab.platforms import ALL_PLATFORMS, CHIRP, CIRCLE, LIGHT_PLATFORMS
from synth.vocab.translit import to_latin

M04 = "04-recruitment-on-social-media"
SOCIAL_TABLES = ("social_accounts", "chirp_posts", "chirp_follows", "circle_groups", "circle_members", "circle_posts",
                 "circle_comments", "circle_friends", "circle_albums", "circle_checkins")


@pytest.fixture(scope="module")
def world(built_world):
    return built_world(2026, "default")


@pytest.fixture(scope="module")
def key(default_world: Path) -> dict:
    return json.loads((default_world / "key" / "answer_key.json").read_text(encoding="utf-8"))


def _db(world_dir: Path) -> sqlite3.Connection:
    return sqlite3.connect(world_dir / "public" / "site.sqlite")


def test_every_social_table_is_filled(default_world: Path) -> None:
    con = _db(default_world)
    for table in SOCIAL_TABLES:
        assert con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] > 0, table  # noqa: S608
    platforms = Counter(p for (p,) in con.execute("SELECT platform FROM social_accounts"))
    assert set(platforms) == set(ALL_PLATFORMS) and len(LIGHT_PLATFORMS) >= 8
    assert all(platforms[p.slug] >= 20 for p in LIGHT_PLATFORMS)
    assert 1000 <= sum(platforms.values()) <= 1500
    posts = sum(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("chirp_posts", "circle_posts"))
    assert posts >= 2500
    sites = {s for (s,) in con.execute("SELECT DISTINCT site FROM photos")}
    assert {"chirp-avatar", "circle-avatar", "circle-album"} <= sites
    assert any(s.endswith("-avatar") and s.split("-")[0] in {p.slug for p in LIGHT_PLATFORMS} for s in sites)
    kinds = {k for (k,) in con.execute("SELECT DISTINCT kind FROM circle_groups")}
    assert kinds == {"jobs", "refugee-help", "community"}
    listed = {s for (s,) in con.execute("SELECT slug FROM sites")}
    assert set(ALL_PLATFORMS) <= listed


def test_edges_and_replies_point_at_existing_rows(default_world: Path) -> None:
    con = _db(default_world)
    assert not con.execute("SELECT 1 FROM chirp_posts p LEFT JOIN chirp_posts o ON o.post_id = p.reply_to "
                           "WHERE p.reply_to IS NOT NULL AND (o.post_id IS NULL OR o.post_id >= p.post_id)").fetchall()
    assert not con.execute("SELECT 1 FROM chirp_posts p LEFT JOIN chirp_posts o ON o.post_id = p.repost_of "
                           "WHERE p.repost_of IS NOT NULL AND (o.post_id IS NULL OR p.text != '')").fetchall()
    for table, column, platform in (("chirp_posts", "account_id", CHIRP), ("chirp_follows", "follower_id", CHIRP),
                                    ("chirp_follows", "followee_id", CHIRP), ("circle_posts", "account_id", CIRCLE),
                                    ("circle_comments", "account_id", CIRCLE), ("circle_friends", "a_id", CIRCLE),
                                    ("circle_friends", "b_id", CIRCLE), ("circle_members", "account_id", CIRCLE),
                                    ("circle_albums", "account_id", CIRCLE), ("circle_checkins", "account_id", CIRCLE)):
        missing = con.execute(f"SELECT COUNT(*) FROM {table} t LEFT JOIN social_accounts a ON a.platform = ? "  # noqa: S608
                              f"AND a.account_id = t.{column} WHERE a.account_id IS NULL", (platform,)).fetchone()[0]
        assert missing == 0, (table, column)
    # Ids follow creation time on every platform (like ad ids).
    for platform in ALL_PLATFORMS:
        times = [t for (t,) in con.execute("SELECT created_at FROM social_accounts WHERE platform = ? "
                                           "ORDER BY account_id", (platform,))]
        assert times == sorted(times), platform


def test_public_social_tables_hold_no_owner_or_role(default_world: Path) -> None:
    con = _db(default_world)
    columns = {row[1] for t in SOCIAL_TABLES for row in con.execute(f'PRAGMA table_info("{t}")')}
    assert not columns & {"person", "person_id", "persona", "role", "operation", "new", "owner", "kind_of"}


def test_social_text_is_non_explicit(default_world: Path) -> None:
    banned = ("sex", "nude", "naked", "porn", "erotic", "xxx", "fetish", "minor", "teen", "schoolgirl", "escort")
    con = _db(default_world)
    text = " ".join(t for sql in ("SELECT text FROM chirp_posts", "SELECT text FROM circle_posts",
                                  "SELECT text FROM circle_comments", "SELECT bio FROM social_accounts",
                                  "SELECT display_name FROM social_accounts", "SELECT name FROM circle_groups")
                    for (t,) in con.execute(sql)).lower()
    assert not [w for w in banned if re.search(rf"\b{w}", text)]


def test_new_accounts_do_not_mark_the_operation_by_id(world) -> None:
    """Accounts opened during the timeline are mostly ordinary newcomers, not campaign accounts."""
    late = [a for a in world.social.accounts if a.created_at >= world.epoch and a.platform in (CHIRP, CIRCLE)]
    assert sum(a.new for a in late) < 0.5 * len(late)


def _persons(world) -> dict[str, list]:
    by_person: dict[str, list] = defaultdict(list)
    for a in world.social.accounts:
        by_person[a.person].append(a)
    return by_person


def test_each_persona_is_consistent(world) -> None:
    """One base handle varied (digits, separators, transliteration), one city, posts at local waking hours."""
    for person_id, accounts in _persons(world).items():
        person = world.person(person_id)
        own = [a for a in accounts if not a.new]
        assert len({a.city for a in own if a.city}) <= 1, person_id
        kind = own[0].persona if own else "new"
        if kind in ORG_KINDS or kind == "namesake":  # one name, maybe cut at Chirp's 20 characters
            names = sorted({skeleton(a.username) for a in own}, key=len)
            assert all(n.startswith(names[0]) for n in names), names
        elif kind != "victim":  # (Chirp cuts a handle at 20 characters; a handle may drop the family name)
            allowed = {skeleton(u) for u in person.usernames} | {skeleton(to_latin(person.given_name))}
            assert all(any(s.startswith(skeleton(a.username)) for s in allowed) for a in own), \
                ([a.username for a in own], person.usernames)
        work = sorted({skeleton(a.username) for a in accounts if a.new}, key=len)
        assert all(w.startswith(work[0]) for w in work), work  # campaign accounts vary one work handle
    # Transliteration drift is among the variations (Hanna / Ganna, Oleksandr / Olexandr).
    drifted = [a for a in world.social.accounts if not a.new and a.persona not in ORG_KINDS
               and a.username.lower().rstrip("0123456789") not in
               {u.rstrip("0123456789") for u in world.person(a.person).usernames}
               and world.person(a.person).locale == "uk_UA"]
    assert drifted


def test_posting_hours_fit_the_home_time_zone(world) -> None:
    from synth.vocab.places import CITY_BY_SLUG

    accounts = {(a.platform, a.account_id): a for a in world.social.accounts}
    homes = {}
    for a in sorted(world.social.accounts, key=lambda a: a.city is None):
        homes.setdefault(a.person, a.city or world.person(a.person).home_city)
    hours = Counter()
    for platform, posts in ((CHIRP, world.social.chirp_posts), (CIRCLE, world.social.circle_posts)):
        for p in posts:
            a = accounts[(platform, p.account_id)]
            if p.kind != "chatter" or a.persona == "victim":
                continue
            country = CITY_BY_SLUG[homes[a.person]].country
            hours[(p.posted_at.hour + utc_offset(country, p.posted_at)) % 24] += 1
    night = sum(n for h, n in hours.items() if h < 7)
    assert sum(hours.values()) > 1500 and night < 0.01 * sum(hours.values())


def test_utc_offsets_follow_eu_summer_time() -> None:
    before, after = datetime(2026, 3, 29, 0, 59, tzinfo=timezone.utc), datetime(2026, 3, 29, 1, 0, tzinfo=timezone.utc)
    assert (utc_offset("GB", before), utc_offset("GB", after)) == (0, 1)
    assert (utc_offset("UA", before), utc_offset("PL", after)) == (2, 2)
    assert utc_offset("RO", datetime(2026, 10, 25, 1, 0, tzinfo=timezone.utc)) == 2


def _offers_by_person(world) -> dict[str, list]:
    accounts = {(a.platform, a.account_id): a for a in world.social.accounts}
    offers: dict[str, list] = defaultdict(list)
    for platform, posts in ((CHIRP, world.social.chirp_posts), (CIRCLE, world.social.circle_posts)):
        for p in posts:
            if p.kind == "offer":
                offers[accounts[(platform, p.account_id)].person].append((platform, p))
    return offers


def test_recruiters_open_new_accounts_with_few_friends_before_campaigns(world) -> None:
    labour = next(o for o in world.operations if o.kind == "labour_exploitation")
    by_person = _persons(world)
    friends = Counter()
    for f in world.social.friends:
        friends[f.a_id] += 1
        friends[f.b_id] += 1
    offers = _offers_by_person(world)
    ordinary = sorted(friends[a.account_id] for a in world.social.accounts_on(CIRCLE) if a.persona == "ordinary")
    for recruiter in labour.recruiters:
        accounts = [a for a in by_person[recruiter] if a.platform in (CHIRP, CIRCLE)]
        new = [a for a in accounts if a.new and a.platform == CIRCLE]
        assert len(accounts) >= 3 and len(new) >= 2
        for account in new:
            mine = [p for platform, p in offers[recruiter] if platform == CIRCLE and p.account_id == account.account_id]
            gap = min(p.posted_at for p in mine) - account.created_at
            assert gap.total_seconds() > 0 and gap.days <= 7, gap
            assert friends[account.account_id] <= min(8, ordinary[len(ordinary) // 2])


def test_offers_reuse_wording_across_languages_and_carry_the_handle(world) -> None:
    labour = next(o for o in world.operations if o.kind == "labour_exploitation")
    offers = _offers_by_person(world)
    for recruiter in labour.recruiters:
        handle = next(a.messenger for a in world.ads if a.poster == recruiter and a.messenger).split("@")[1]
        posts = [p for platform, p in offers[recruiter] if platform == CIRCLE]
        assert len(posts) >= 8 and all(handle in p.text for p in posts)
        assert len({p.language for p in posts}) >= 2
        # The same draft in several groups: identical text but for how the handle is written.
        bodies = Counter((p.language, p.text.rsplit(".", 2)[0]) for p in posts)
        assert max(bodies.values()) >= 2
        groups = {p.group_id for p in posts}
        assert len(groups) >= 6
    ring = next(o for o in world.operations if o.kind == "sexual_exploitation")
    handles = {h.split(":")[1] for x in world.listings if x.operation == ring.operation_id for h in x.handles}
    ring_posts = [p for c in ring.controllers for _, p in offers[c]]
    assert ring_posts and all(any(h in p.text for h in handles) for p in ring_posts)


def test_key_links_accounts_to_module_03_ads(key) -> None:
    m04, m03 = key["modules"][M04], key["modules"]["03-linking-ads"]
    assert m04["account_ads"] and m04["front"]
    linked = {item for items in m04["account_ads"].values() for item in items}
    assert linked & set(m03["operation_items"])  # the ring's Telegram handle reaches its Companions profiles
    assert any(i.startswith("quickads:") for i in linked) and any(i.startswith("jobboard:") for i in linked)
    for ref, items in m04["account_ads"].items():
        mine = key["social"][ref]["selectors"]
        for item in items:
            theirs = key["ads"][item.split(":")[1]]["selectors"] if item.startswith("quickads:") \
                else key["listings"][item]["selectors"]
            assert set(mine["phones"]) & set(theirs["phones"]) or set(mine["handles"]) & set(theirs["handles"])
    members = {p for p, v in key["people"].items() if v["operation"] and v["role"] != "victim"}
    assert {key["social"][r]["person"] for r in m04["recruiter_accounts"]} == members
    assert all(r.split(":")[0] in (CHIRP, CIRCLE) for r in m04["recruiter_accounts"])
    assert m04["start_account"] in m04["recruiter_accounts"]


def test_hard_negatives_post_offers_and_outnumber_the_operation(world, key) -> None:
    accounts = {(a.platform, a.account_id): a for a in world.social.accounts}
    posters: dict[str, set] = defaultdict(set)
    for platform, posts in ((CHIRP, world.social.chirp_posts), (CIRCLE, world.social.circle_posts)):
        for p in posts:
            posters[p.kind].add(accounts[(platform, p.account_id)].ref)
    criminal = set(key["modules"][M04]["recruiter_accounts"])
    honest = (posters["job"] | posters["help"] | posters["travel"] | posters["warning"]) - criminal
    assert len(honest) > 3 * len(criminal)
    assert len({r for r in posters["help"] if key["social"][r]["persona"] == "volunteer"}) > len(criminal)
    texts = [p.text for p in world.social.circle_posts if p.kind == "job"]
    assert any("No experience" in t or "Bez doświadczenia" in t for t in texts)  # look-alike phrases
    assert any("Telegram" in p.text for p in world.social.circle_posts if p.kind == "warning")  # keyword decoys
    handle_only = [p for p in world.social.circle_posts if p.kind == "help" and re.search(r"TG|Telegram", p.text)
                   and not re.search(r"\d{3}", p.text)]
    assert handle_only  # volunteers who give only a messaging handle: "messenger only" without any job


def test_namesakes_hold_a_recruiters_handle_on_light_platforms(key) -> None:
    m04 = key["modules"][M04]
    assert len(m04["namesakes"]) >= 4
    members = {p for p, v in key["people"].items() if v["operation"] and v["role"] != "victim"}
    light = {p.slug for p in LIGHT_PLATFORMS}
    for ref in m04["namesakes"]:
        assert ref.split(":")[0] in light
        assert key["social"][ref]["person"] not in members and key["social"][ref]["operation"] is None


def test_brief_names_the_start_account_and_no_answer(default_world: Path, key) -> None:
    brief = json.loads((default_world / "public" / "briefs.json").read_text(encoding="utf-8"))[M04]
    m04 = key["modules"][M04]
    assert brief["platform"] == "circle" and brief["start_account"] == m04["start_account"]
    con = _db(default_world)
    username, = con.execute("SELECT username FROM social_accounts WHERE platform = 'circle' AND account_id = ?",
                            (int(brief["start_account"].split(":")[1]),)).fetchone()
    assert username == brief["username"] and username in brief["text"]
    kind, = con.execute("SELECT g.kind FROM circle_posts p JOIN circle_groups g USING (group_id) WHERE p.post_id = ?",
                        (brief["post_id"],)).fetchone()
    assert kind == "refugee-help"
    assert m04["front"] not in brief["text"]
