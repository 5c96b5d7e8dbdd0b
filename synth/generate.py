"""generate_world: seed + preset → a complete world directory, written atomically.

The stages run in the order of DESIGN.md §3. The directory is built under a temporary name next to
its destination and renamed into place only when complete, so an interrupted run never leaves a
half-written world where a notebook or the web server would find it.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

from tqdm import tqdm

from synth import __version__, places
from synth.ads import build_ads
from synth.answer_key import derive_answer_key, derive_selfcheck, world_id
from synth.briefs import derive_briefs
from synth.config import Preset, check_seed, get_preset, preset_of
from synth.crosspost import build_listings
from synth.finance import build_finance
from synth.finance.mentions import publish_payment_details
from synth.gallery import Studio, build_gallery
from synth.network import build_network
from synth.people import NamePools, build_population
from synth.places import LOCALE_WEIGHTS
from synth.render import render_public
from synth.scenario import canonical, config_digest, is_builtin, world_label
from synth.social import build_social
from synth.streams import Streams
from synth.world import Gallery, World
from synth.worldio import WorldExistsError, build_manifest, read_manifest, replace_directory

EPOCH = datetime(2026, 3, 2, tzinfo=timezone.utc)  # the built-in presets' epoch (bench/); worlds read their preset's


def epoch_of(preset: Preset) -> datetime:
    """Day 0 of ``preset``'s timeline as an aware UTC datetime (the config gives a date)."""
    return datetime(preset.epoch.year, preset.epoch.month, preset.epoch.day, tzinfo=timezone.utc)


def build_world(seed: int, preset_name: str | Preset, progress: bool = False) -> World:
    """The world in memory; every draw comes from a named stream of ``seed``.

    ``preset_name`` is a built-in preset's name or a resolved Preset (a designer's config, synth.scenario);
    its added countries and cities are the table of places while the stages run.
    """
    preset = preset_name if isinstance(preset_name, Preset) else get_preset(preset_name)
    check_seed(seed)
    with places.using(preset.countries, preset.cities):
        return _build(seed, preset, progress)


def _build(seed: int, preset: Preset, progress: bool) -> World:
    epoch = epoch_of(preset)
    streams = Streams(seed)
    steps = tqdm(total=6, desc="Building world", unit="stage", disable=not progress, file=sys.stderr)
    pools = NamePools(seed, list(LOCALE_WEIGHTS))
    people = build_population(streams, preset.people, epoch.year, pools)
    steps.update()
    people, operations, businesses = build_network(streams, people, preset, pools)
    steps.update()
    ads = build_ads(streams, preset, epoch, people, operations, businesses)
    listings = build_listings(streams, people, operations, businesses, ads, preset.indicators)
    studio = Studio(streams.get("photos"))
    gallery = build_gallery(streams, preset, people, operations, ads, listings, studio)
    steps.update()
    social, social_pictures = build_social(streams, preset, epoch, people, operations, businesses, ads, listings,
                                           studio)
    gallery = Gallery(files=dict(sorted(studio.files.items())), photos=dict(sorted(studio.photos.items())),
                      shown={**gallery.shown, **social_pictures})
    steps.update()
    finance = build_finance(streams, preset, epoch, people, operations, businesses, ads, listings)
    ads, listings, social, finance = publish_payment_details(streams, people, ads, listings, social, finance,
                                                             preset.finance)
    steps.update()
    briefs = derive_briefs(streams, operations, ads, listings, social, finance)
    steps.update()
    steps.close()
    return World(seed=seed, preset=preset.name, epoch=epoch, people=tuple(people), operations=tuple(operations),
                 ads=tuple(ads), briefs=briefs, listings=tuple(listings), gallery=gallery, social=social,
                 finance=finance, scenario=None if is_builtin(preset) else preset)


def write_world(world: World, directory: Path) -> None:
    """Render every file of ``world`` into ``directory`` (which must be empty or missing)."""
    preset = preset_of(world)
    wid = world_id(world.seed, world_label(preset), __version__)
    with places.using(preset.countries, preset.cities):
        render_public(world, directory / "public")
        if preset.finance.extra_customers:
            from synth.finance.large import stream_large_ledger

            stream_large_ledger(world, directory)
        key = derive_answer_key(world, wid)
    (directory / "key").mkdir(parents=True, exist_ok=True)
    _write_json(directory / "key" / "answer_key.json", key)
    _write_json(directory / "selfcheck.json", derive_selfcheck(key, Streams(world.seed)))
    config = None if world.scenario is None else {"sha256": config_digest(preset), "resolved": canonical(preset)}
    _write_json(directory / "manifest.json", build_manifest(directory, wid, world.seed, world.preset, config))


def generate_world(seed: int, preset: str | Preset, out: Path, force: bool = False, progress: bool = False) -> Path:
    """Generate the world for ``seed`` and ``preset`` (a name or a designer's resolved config) into ``out``.

    An existing directory holding the same world is left as it is. A different or damaged world is
    replaced only with ``force=True``; otherwise WorldExistsError says what is there and what to do.
    """
    check_seed(seed)
    resolved = preset if isinstance(preset, Preset) else get_preset(preset)
    out = Path(out)
    wid = world_id(seed, world_label(resolved), __version__)
    if out.exists() and not force:
        manifest = read_manifest(out)
        if manifest is not None and manifest.get("world_id") == wid:
            return out
        found = (f"world {manifest.get('world_id')} (seed {manifest.get('seed')}, preset {manifest.get('preset')})"
                 if manifest else "something that is not a complete world")
        raise WorldExistsError(f"{out} already holds {found}. Use --force to replace it, or choose "
                               f"another folder with --out.")
    world = build_world(seed, resolved, progress=progress)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.building"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        write_world(world, staging)
        replace_directory(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
