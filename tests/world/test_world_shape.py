"""The default world has the size and structure the scenario asks for, and plants the module-01 indicator."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

import pytest

M01 = "01-scraping-ad-sites"


@pytest.fixture(scope="module")
def world(built_world):
    return built_world(2026, "default")


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
def test_stated_age_is_a_myth_in_every_world(seed: int, built_world) -> None:
    world = built_world(seed, "default")
    personal = [a for a in world.ads if a.category == "personal-services"]
    share = lambda ads: sum(a.age <= 22 for a in ads) / len(ads)  # noqa: E731
    ring = [a for a in personal if a.operation]
    assert abs(share(ring) - share([a for a in personal if not a.operation])) < 0.15


@pytest.mark.parametrize("seed", [2026, 12345])
def test_no_two_holders_share_a_number_by_accident(seed, built_world) -> None:
    """People, the operations' work phones, businesses and the agency's booking line are drawn by different
    stages; a collision would silently join an independent advertiser to the ring (seen once on seed 12345)."""
    w = built_world(seed, "default")
    holders: dict[str, set[str]] = defaultdict(set)
    for p in w.people:
        holders[p.phone].add(p.person_id)
    for op in w.operations:
        for n in op.phones:
            holders[n].add(op.operation_id)
    for listing in w.listings:
        if listing.advertised and listing.phones:
            advertised = w.person(listing.advertised)
            for n in listing.phones:
                if n != advertised.phone and n not in {x for o in w.operations for x in o.phones}:
                    holders[n].add("booking line")
    shared = {n: h for n, h in holders.items() if len(h) > 1}
    assert not shared


def test_ads_are_reposted_about_ten_times_with_edits(world) -> None:
    """The scenario: about 10 copies per distinct personal-services ad, and copies differ by small edits.

    A distinct ad is one offer: an independent advertiser's ad, or one city stay of a ring victim (a new
    city is a new draft of the template)."""
    personal = [a for a in world.ads if a.category == "personal-services"]
    offers: dict[tuple, list] = defaultdict(list)
    for ad in sorted(personal, key=lambda a: a.posted_at):
        stay = (ad.advertised, ad.city) if ad.operation else (ad.advertised,)
        offers[stay].append(ad)
    # Split a ring victim's repeated visits to one city into separate stays (a gap of over a week).
    copies: list[int] = []
    for ads in offers.values():
        run = 1
        for before, after in zip(ads, ads[1:], strict=False):
            if after.operation and (after.posted_at - before.posted_at).days > 7:
                copies.append(run)
                run = 0
            run += 1
        copies.append(run)
    mean = sum(copies) / len(copies)
    assert 8 <= mean <= 12, mean
    # Copies are edited: most offers show more than one text, and within an offer most bodies differ.
    bodies = [len({a.body for a in ads}) / len(ads) for ads in offers.values() if len(ads) >= 3]
    assert sum(bodies) / len(bodies) > 0.6
    # A sentence every ad on the site may carry (a hard negative for text similarity) is used on both sides.
    common = "Please mention QuickAds when you call."
    assert any(common in a.body for a in personal if a.operation)
    assert any(common in a.body for a in personal if not a.operation)
