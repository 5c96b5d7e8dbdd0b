"""derive_answer_key and derive_selfcheck: what the world hides, for graders and for offline self-checks.

The answer key is written only to ``key/``; the web server and every trainee-facing module read
``public/`` alone. ``selfcheck.json`` holds salted hashes of module answers, so a trainee gets instant
feedback offline without the answers being shipped.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from synth.build.briefs import M04, M07
from synth.key.finance import derive_finance, derive_module07
from synth.key.social import derive_module04, derive_social
from synth.streams import Streams
from synth.vocab.canon import (
    canonical_account,
    canonical_ad_id,
    canonical_name,
    canonical_phone,
    item_hash,
    money_bucket,
)
from synth.vocab.course import M01, M02, M03
from synth.vocab.places import CITY_BY_SLUG
from synth.vocab.selectors import canonical_handle
from synth.world.model import Ad, World


def generator_fingerprint() -> str:
    """A hash of the generator's own source and of the pinned data packages' versions.

    Part of the world id, so a world made by older code (or another Faker) is never mistaken for the
    world this code would make: the lab regenerates it instead of serving stale answers.
    """
    import hashlib
    from importlib import metadata
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]  # the synth package
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        if path.name not in {"cli.py", "commands.py", "worlds.py", "scan.py"} and not name.startswith("web/"):
            digest.update(name.encode() + b"\0" + path.read_bytes())
    for path in sorted((root / "presets").glob("*.toml")):  # the built-in scenario is data, not code
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for package in ("faker", "phonenumbers", "numpy"):
        digest.update(f"{package}=={metadata.version(package)}".encode())
    return digest.hexdigest()


def world_id(seed: int, preset: str, generator_version: str) -> str:
    import hashlib

    key = f"{seed}:{preset}:{generator_version}:{generator_fingerprint()}"
    return "w-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def derive_module01(world: World) -> dict[str, Any]:
    """Module 01: every ad in the brief's city and category, and the phones used under several names."""
    brief = world.briefs[M01]
    ads = [a for a in world.ads if a.city == brief["city"] and a.category == brief["category"]]
    names: dict[str, set[str]] = defaultdict(set)
    for ad in ads:
        names[ad.contact_phone].add(ad.display_name)
    shared = sorted(phone for phone, n in names.items() if len(n) >= 2)
    return {"site": brief["site"], "city": brief["city"], "category": brief["category"],
            "ad_ids": sorted(a.ad_id for a in ads), "shared_phones": shared,
            "names_by_phone": {p: sorted(names[p]) for p in shared}}


def _ad_selectors(ad: Ad) -> dict[str, list[str]]:
    """The canonical contact selectors a QuickAds ad carries (phone, e-mail, messaging handle)."""
    handles = []
    if ad.messenger and "@" in ad.messenger:
        app, handle = ad.messenger.split(" ", 1)
        handles.append(canonical_handle(app.lower(), handle))
    return {"phones": [ad.contact_phone], "emails": [ad.email] if ad.email else [], "handles": handles}


def derive_module02(world: World) -> dict[str, Any]:
    """Module 02: every Companions profile, with the canonical selectors written in it."""
    profiles = sorted((x for x in world.listings if x.site == "companions"), key=lambda x: x.listing_id)
    return {"site": "companions", "profile_ids": [x.listing_id for x in profiles],
            "selectors": {str(x.listing_id): {"phones": sorted(x.phones), "emails": sorted(x.emails),
                                              "handles": sorted(x.handles)} for x in profiles}}


def derive_module03(world: World) -> dict[str, Any]:
    """Module 03: who is advertised in each ad of the circuit's cities, the ring's ads, one victim's circuit."""
    brief = world.briefs[M03]
    cities = set(brief["cities"])
    items: dict[str, tuple[str, str | None, str, Any]] = {}
    for a in world.ads:
        if a.category == "personal-services" and a.city in cities and a.advertised:
            items[f"quickads:{a.ad_id}"] = (a.advertised, a.operation, a.city, a.posted_at)
    for x in world.listings:
        if x.site == "companions" and x.city in cities and x.advertised:
            items[f"companions:{x.listing_id}"] = (x.advertised, x.operation, x.city, x.posted_at)
    victim = items[brief["start_ad"]][0]
    stays: list[dict[str, str]] = []
    for _ref, (person, _, city, when) in sorted(items.items(), key=lambda kv: (kv[1][3], kv[0])):
        if person != victim:
            continue
        day = when.strftime("%Y-%m-%d")
        if stays and stays[-1]["city"] == city:
            stays[-1]["last_seen"] = day
        else:
            stays.append({"city": city, "first_seen": day, "last_seen": day})
    operation = sorted(ref for ref, v in items.items() if v[1])
    return {"cities": brief["cities"], "start_ad": brief["start_ad"],
            "person_of_item": {ref: v[0] for ref, v in sorted(items.items())},
            "operation_items": operation, "victim_count": len({items[r][0] for r in operation}),
            "circuit": stays}


def derive_answer_key(world: World, wid: str) -> dict[str, Any]:
    return {
        "world_id": wid,
        "seed": world.seed,
        "preset": world.preset,
        "people": {
            p.person_id: {"name": p.full_name, "role": p.role, "operation": p.operation, "locale": p.locale,
                          "home_city": p.home_city, "age": p.age, "phone": p.phone, "email": p.email,
                          "usernames": list(p.usernames)}
            for p in world.people
        },
        "operations": {
            o.operation_id: {"type": o.kind, "organiser": o.organiser, "controllers": list(o.controllers),
                             "victims": list(o.victims), "recruiters": list(o.recruiters), "front": o.front,
                             "phones": list(o.phones), "cities": list(o.cities)}
            for o in world.operations
        },
        "ads": {str(a.ad_id): {"poster": a.poster, "advertised_person": a.advertised, "operation": a.operation,
                               "contact_phone": a.contact_phone,
                               "selectors": _ad_selectors(a)}
                for a in world.ads},
        "listings": {f"{x.site}:{x.listing_id}": {
            "poster": x.poster, "advertised_person": x.advertised, "operation": x.operation,
            "selectors": {"phones": list(x.phones), "emails": list(x.emails), "handles": list(x.handles)}}
            for x in world.listings},
        "photos": {name: {"source": p.source, "scene": p.scene} for name, p in world.gallery.photos.items()},
        "social": derive_social(world),
        "modules": {M01: derive_module01(world), M02: derive_module02(world), M03: derive_module03(world)}
        | ({M04: derive_module04(world)} if M04 in world.briefs else {})
        | ({M07: derive_module07(world.finance, world.briefs[M07], _members(world), world.seed,
                                         frozenset(v for o in world.operations for v in o.victims))}
           if M07 in world.briefs and world.finance else {}),
    } | ({"finance": derive_finance(world.finance)} if world.finance else {})


def _members(world: World) -> dict[str, str]:
    """Person id -> operation, for the organisers, controllers and recruiters (whose wallets are clusters)."""
    return {p: o.operation_id for o in world.operations for p in (o.organiser, *o.controllers, *o.recruiters)}


def _selfcheck07(key: dict[str, Any], m07: dict[str, Any]) -> dict[str, list[str]]:
    """Module 07: flagged accounts as printed (compact), the organiser total's 1 % buckets within 5 %, and
    every accepted "id|label" of the typology question (module 07's answers.py reads answers the same way)."""
    from synth.vocab.schemes import format_account

    accounts = key["finance"]["accounts"]
    total = sum(v["eur_cents"] for v in m07["organiser_total"].values())
    centre = int(money_bucket(total)) if total > 0 else None
    return {
        f"{M07}/flagged-accounts": sorted(canonical_account(format_account(accounts[str(i)]["number"])
                                                            if accounts[str(i)]["kind"] != "app"
                                                            else accounts[str(i)]["number"])
                                          for i in m07["flagged_accounts"]),
        f"{M07}/organiser-total": [str(b) for b in range(centre - 5, centre + 6)] if centre is not None else ["none"],
        f"{M07}/typology-labels": sorted(f"{q}|{label}" for q, labels in m07.get("typology_questions", {}).items()
                                         for label in labels),
    }


def derive_selfcheck(key: dict[str, Any], streams: Streams) -> dict[str, Any]:
    """Salted hashes of each set answer; the salt is drawn per world so hashes mean nothing elsewhere."""
    salt = f"{streams.get('selfcheck').getrandbits(128):032x}"
    m01 = key["modules"][M01]
    region = CITY_BY_SLUG[m01["city"]].country
    m02, m03 = key["modules"][M02], key["modules"][M03]
    answers = {
        f"{M01}/q2-city-ads": [canonical_ad_id(i) for i in m01["ad_ids"]],
        f"{M01}/q3-shared-phones": [canonical_phone(p, region) for p in m01["shared_phones"]],
        f"{M02}/phones": sorted({f"{i}|{p}" for i, s in m02["selectors"].items() for p in s["phones"]}),
        f"{M02}/emails": sorted({f"{i}|{e.lower()}" for i, s in m02["selectors"].items() for e in s["emails"]}),
        f"{M02}/handles": sorted({f"{i}|{h}" for i, s in m02["selectors"].items() for h in s["handles"]}),
        f"{M03}/operation-items": list(m03["operation_items"]),
        f"{M03}/victim-count": [str(m03["victim_count"])],
        f"{M03}/circuit-cities": ["|".join(stay["city"] for stay in m03["circuit"])],
    }
    if (m04 := key["modules"].get(M04)) is not None:
        answers |= {
            f"{M04}/recruiter-accounts": list(m04["recruiter_accounts"]),
            f"{M04}/front": [canonical_name(m04["front"])],
            f"{M04}/account-ads": sorted(f"{a}|{i}" for a, items in m04["account_ads"].items() for i in items),
            f"{M04}/linked-accounts": sorted(m04["account_ads"]),
        }
    if (m07 := key["modules"].get(M07)) is not None:
        answers |= _selfcheck07(key, m07)
    return {
        "world_id": key["world_id"],
        "salt": salt,
        "questions": {
            qid: {"kind": "set", "count": len(items), "hashes": sorted(item_hash(salt, qid, i) for i in items)}
            for qid, items in answers.items()
        },
    }
