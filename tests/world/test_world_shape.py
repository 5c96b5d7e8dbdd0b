"""The default world has the size and structure issue #2 asks for, and plants the module-01 indicator."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from synth.generate import build_world

M01 = "01-scraping-ad-sites"


@pytest.fixture(scope="module")
def world():
    return build_world(2026, "default")


def test_default_sizes(world) -> None:
    assert len(world.people) >= 2000
    assert len({p.locale for p in world.people}) >= 3
    assert len(world.ads) >= 1500
    assert len({a.city for a in world.ads}) >= 10
    assert {a.category for a in world.ads} >= {"personal-services", "jobs", "travel"}


def test_people_have_contact_details(world) -> None:
    for p in world.people:
        assert p.phone.startswith("+") and "@" in p.email and p.usernames and p.home_city


def test_sexual_exploitation_operation(world) -> None:
    ring = next(o for o in world.operations if o.kind == "sexual_exploitation")
    assert len(ring.controllers) >= 2 and 4 <= len(ring.victims) <= 8
    roles = {p.person_id: p for p in world.people}
    assert all(roles[v].role == "victim" and roles[v].age >= 19 for v in ring.victims)
    ring_ads = [a for a in world.ads if a.operation == ring.operation_id]
    # Contact details are reused across "different" people: each work phone advertises several names.
    names_by_phone = defaultdict(set)
    for ad in ring_ads:
        names_by_phone[ad.contact_phone].add(ad.display_name)
    assert max(len(n) for n in names_by_phone.values()) >= 2
    # Every victim's ads follow her through more than one city.
    for victim in ring.victims:
        assert len({a.city for a in ring_ads if a.advertised == victim}) >= 2


def test_labour_recruiter_posts_job_ads(world) -> None:
    labour = next(o for o in world.operations if o.kind == "labour_exploitation")
    ads = [a for a in world.ads if a.operation == labour.operation_id]
    assert labour.recruiters and sum(a.category == "jobs" for a in ads) >= 5


def test_benign_majority_and_decoys(world) -> None:
    personal = [a for a in world.ads if a.category == "personal-services"]
    criminal = [a for a in personal if a.operation]
    assert len(criminal) < 0.25 * len(personal)
    # A myth cue appears in benign and criminal ads at similar rates, so flagging it does not work.
    rate = lambda ads: sum("new in" in a.body.lower() or "just arrived" in a.body.lower() for a in ads) / len(ads)  # noqa: E731
    benign = [a for a in personal if not a.operation]
    assert abs(rate(benign) - rate(criminal)) < 0.15
    assert rate(benign) > 0.1
    # Honest job ads share surface phrases with the recruiters' ("accommodation", "urgent", "no experience").
    honest_jobs = [a for a in world.ads if a.category == "jobs" and not a.operation]
    assert any("Urgent start" in a.body or "No experience needed" in a.body for a in honest_jobs)


def test_ad_ids_follow_posting_time(world) -> None:
    ordered = sorted(world.ads, key=lambda a: a.ad_id)
    assert [a.ad_id for a in ordered] == list(range(1, len(ordered) + 1))
    assert all(x.posted_at <= y.posted_at for x, y in zip(ordered, ordered[1:], strict=False))


def test_module01_key_matches_public_data(default_world: Path) -> None:
    key = json.loads((default_world / "key/answer_key.json").read_text())["modules"][M01]
    brief = json.loads((default_world / "public/briefs.json").read_text())[M01]
    assert (brief["city"], brief["category"]) == (key["city"], key["category"])
    con = sqlite3.connect(default_world / "public/site.sqlite")
    ids = [r[0] for r in con.execute("SELECT ad_id FROM quickads_ads WHERE city=? AND category=? ORDER BY ad_id",
                                     (key["city"], key["category"]))]
    assert ids == key["ad_ids"] and len(ids) >= 40
    assert 1 <= len(key["shared_phones"]) <= 6
    # Naive shortcut for Q3 — "phones that appear in more than one ad" — catches benign reposters too.
    ad_phones = json.loads((default_world / "key/answer_key.json").read_text())["ads"]
    counts = Counter(ad_phones[str(i)]["contact_phone"] for i in ids)
    assert len([p for p, n in counts.items() if n > 1]) > 3 * len(key["shared_phones"])


def test_indicator_rates_follow_the_preset(world) -> None:
    """Validated cues concentrate in the ring's directory profiles; a myth cue does not."""
    profiles = [x for x in world.listings if x.site == "companions"]
    ring = [x for x in profiles if x.operation]
    benign = [x for x in profiles if not x.operation]
    assert ring and benign
    emoji = lambda xs: sum("\u20e3" in x.contact or " O" in x.contact or "…" in x.contact for x in xs) / len(xs)  # noqa: E731
    assert emoji(ring) > emoji(benign)  # obscured forms (emoji, letter O, split) are the ring's habit
    nationality = lambda xs: sum(x.nationality is not None for x in xs) / len(xs)  # noqa: E731
    assert nationality(ring) == 1.0 and nationality(benign) < 0.3


def test_shared_booking_line_is_a_false_cluster(world) -> None:
    """One benign number used under many names: the hard negative of linking on phones alone."""
    names_by_phone = defaultdict(set)
    for x in world.listings:
        if x.site == "companions" and not x.operation:
            for phone in x.phones:
                names_by_phone[phone].add(x.name)
    assert max(len(n) for n in names_by_phone.values()) >= 3


@pytest.mark.parametrize("seed", [2026, 7, 12345])
def test_stated_age_is_a_myth_in_every_world(seed: int) -> None:
    world = build_world(seed, "default")
    personal = [a for a in world.ads if a.category == "personal-services"]
    share = lambda ads: sum(a.age <= 22 for a in ads) / len(ads)  # noqa: E731
    ring = [a for a in personal if a.operation]
    assert abs(share(ring) - share([a for a in personal if not a.operation])) < 0.15
