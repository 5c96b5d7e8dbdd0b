"""Pictures: drawn scenes only, no metadata, stock pictures that link strangers, ring pictures that link victims.

The scenario asks for "stock photos reused by strangers" as a hard negative; the ring's own pictures are the
true signal next to it. Checked on the default world through the public database and the answer key.
"""

from __future__ import annotations

import io
import itertools
import json
import sqlite3
from collections import defaultdict
from pathlib import Path

import imagehash
import pytest
from PIL import Image

from synth.build.gallery import NEAR_COPY
from synth.build.photos import SAME_PICTURE
from synth.scan import picture_violations


@pytest.fixture(scope="module")
def photo_world(default_world: Path) -> dict:
    """Rows of the photos table with the key's provenance and the advertised person of each item."""
    key = json.loads((default_world / "key" / "answer_key.json").read_text(encoding="utf-8"))
    con = sqlite3.connect(default_world / "public" / "site.sqlite")
    rows = con.execute("SELECT token, site, item_id, position, file FROM photos").fetchall()
    categories = dict(con.execute("SELECT ad_id, category FROM quickads_ads").fetchall())
    con.close()

    def owner(site: str, item_id: int) -> str | None:
        item = key["ads"][str(item_id)] if site == "quickads" else key["listings"][f"{site}:{item_id}"]
        return item["advertised_person"]

    return {"dir": default_world / "public" / "photos", "key": key, "rows": rows, "categories": categories,
            "owner": owner}


def _hash(path: Path) -> imagehash.ImageHash:
    with Image.open(path) as img:
        return imagehash.phash(img)


def test_every_picture_is_a_plain_drawn_jpeg(photo_world) -> None:
    files = sorted(photo_world["dir"].iterdir())
    assert len(files) >= 200
    assert {f.name for f in files} == set(photo_world["key"]["photos"])  # every file is a known drawing
    assert {r[4] for r in photo_world["rows"]} == {f.name for f in files}  # and every file is shown
    for path in files:
        assert not picture_violations(path), path
        with Image.open(path) as img:
            assert img.size[0] <= 320 and img.size[1] <= 260  # a cropped copy keeps its new shape


def test_only_personal_services_items_show_pictures(photo_world) -> None:
    shown = {(r[1], r[2]) for r in photo_world["rows"] if r[1] == "quickads"}
    assert {photo_world["categories"][item] for _, item in shown} == {"personal-services"}
    tokens = [r[0] for r in photo_world["rows"]]
    assert len(set(tokens)) == len(tokens)
    assert tokens != sorted(tokens)  # random tokens, not numbered in any order


def test_stock_pictures_link_strangers(photo_world) -> None:
    """One stock scene appears under several unrelated advertisers, in identical files and in near copies."""
    photos, owner = photo_world["key"]["photos"], photo_world["owner"]
    people = photo_world["key"]["people"]
    scene_owners: dict[str, set[str]] = defaultdict(set)
    scene_files: dict[str, set[str]] = defaultdict(set)
    file_owners: dict[str, set[str]] = defaultdict(set)
    for _, site, item, _, name in photo_world["rows"]:
        if photos[name]["source"] == "stock":
            who = owner(site, item)
            scene_owners[photos[name]["scene"]].add(who)
            scene_files[photos[name]["scene"]].add(name)
            file_owners[name].add(who)
    independents = {p for p, v in people.items() if v["role"] == "independent_advertiser"}
    assert max(len(o & independents) for o in scene_owners.values()) >= 3
    # Byte-identical stock files under two or more unrelated people (exact-hash linking is fooled too) ...
    assert any(len(o & independents) >= 2 for o in file_owners.values())
    # ... and other copies of one scene: different bytes, but within NEAR_COPY bits.
    copies = [files for files in scene_files.values() if len(files) >= 2]
    assert copies
    for files in copies:
        hashes = [_hash(photo_world["dir"] / f) for f in sorted(files)]
        assert max(a - b for a, b in itertools.combinations(hashes, 2)) <= 2 * NEAR_COPY <= SAME_PICTURE


def test_ring_pictures_link_the_ring_across_victims(photo_world) -> None:
    ring = next(o for o in photo_world["key"]["operations"].values() if o["type"] == "sexual_exploitation")
    photos, owner = photo_world["key"]["photos"], photo_world["owner"]
    victims_of_file: dict[str, set[str]] = defaultdict(set)
    albums = 0
    for _, site, item, _, name in photo_world["rows"]:
        if photos[name]["source"] == "ring" and site in ("quickads", "companions"):
            victims_of_file[name].add(owner(site, item))
        elif photos[name]["source"] == "ring":  # a controller's Circle album shows his copy of a room picture
            assert site == "circle-album" and photos[name]["scene"].endswith("-room-0")
            albums += 1
    assert all(v <= set(ring["victims"]) for v in victims_of_file.values())
    shared = [v for v in victims_of_file.values() if len(v) >= 2]
    assert len(shared) >= len(ring["controllers"])  # each controller's room pictures serve several victims
    assert albums >= 1


def test_different_scenes_are_far_apart(photo_world) -> None:
    """So that "within SAME_PICTURE bits" means "the same picture" in every world (the image search uses it)."""
    photos = photo_world["key"]["photos"]
    hashes = {name: _hash(photo_world["dir"] / name) for name in photos}
    for a, b in itertools.combinations(sorted(hashes), 2):
        if photos[a]["scene"] != photos[b]["scene"]:
            assert hashes[a] - hashes[b] > SAME_PICTURE, (a, b)
        else:
            assert hashes[a] - hashes[b] <= SAME_PICTURE, (a, b)


def test_a_picture_with_metadata_is_a_violation(tmp_path: Path) -> None:
    img = Image.new("RGB", (8, 8))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    path = tmp_path / "with-exif.jpg"
    img.save(path, "JPEG", exif=exif)
    assert picture_violations(path)
    clean = tmp_path / "clean.jpg"
    img.save(clean, "JPEG")
    assert not picture_violations(clean)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture")
    assert picture_violations(broken)
    with Image.open(io.BytesIO(clean.read_bytes())) as again:
        assert again.format == "JPEG"


@pytest.mark.parametrize("seed", [2026, 7, 12345])
def test_the_module_03_start_ad_shows_every_kind_of_picture(seed, world_factory) -> None:
    """Module 03's picture step searches the start ad's pictures: in every world it must meet her own
    picture, a room picture the controller uses for other women too, and a stock picture."""
    world = world_factory(seed, "default")
    key = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))
    start = key["modules"]["03-linking-ads"]["start_ad"]
    con = sqlite3.connect(world / "public" / "site.sqlite")
    files = [f for (f,) in con.execute("SELECT file FROM photos WHERE site = 'quickads' AND item_id = ? "
                                       "ORDER BY position", (int(start.split(":")[1]),))]
    con.close()
    scenes = [key["photos"][f]["scene"] for f in files]
    assert any(s.startswith("stock-") for s in scenes)
    # ... and that stock picture is shown by several independent advertisers in the brief's cities.
    stock = next(s for s in scenes if s.startswith("stock-"))
    cities = set(key["modules"]["03-linking-ads"]["cities"])
    con = sqlite3.connect(world / "public" / "site.sqlite")
    shown = con.execute("SELECT p.file, a.ad_id FROM photos p JOIN quickads_ads a ON p.site = 'quickads' "
                        f"AND p.item_id = a.ad_id WHERE a.city IN ({', '.join('?' * len(cities))})",
                        sorted(cities)).fetchall()
    con.close()
    strangers = {key["ads"][str(ad)]["advertised_person"] for f, ad in shown
                 if key["photos"][f]["scene"] == stock and not key["ads"][str(ad)]["operation"]}
    assert len(strangers) >= 3
    assert any("-room-" in s for s in scenes)
    assert any(s.startswith("ring-") and s.endswith("-0") for s in scenes)
