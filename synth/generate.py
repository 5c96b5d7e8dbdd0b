"""generate_world: seed + preset → a complete world directory, written atomically.

The stages run in the order of synth.build.pipeline.STAGES. The directory is built under a temporary name next to
its destination and renamed into place only when complete, so an interrupted run never leaves a
half-written world where a notebook or the web server would find it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from synth import __version__
from synth.build.pipeline import build_world
from synth.config import Preset, check_seed
from synth.key.answer_key import derive_answer_key, derive_selfcheck, world_id
from synth.render.ledger import stream_large_ledger
from synth.render.public import render_public
from synth.scenario import canonical, config_digest, get_preset, preset_of, world_label
from synth.streams import Streams
from synth.vocab import places
from synth.world.model import World
from synth.worlds import WorldExistsError, build_manifest, read_manifest, replace_directory


def write_world(world: World, directory: Path) -> None:
    """Render every file of ``world`` into ``directory`` (which must be empty or missing)."""
    preset = preset_of(world)
    wid = world_id(world.seed, world_label(preset), __version__)
    with places.using(preset.countries, preset.cities):
        render_public(world, directory / "public")
        if preset.finance.extra_customers:
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
