"""Same seed and preset → byte-identical world; another seed → another world; an extra draw in one stage's
stream changes that stage only."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest

from synth.build.pipeline import build_world
from synth.generate import generate_world
from synth.render.public import render_public
from synth.streams import Streams
from synth.world.model import World
from synth.worlds import sha256_file


def _digests(world: Path) -> dict[str, str]:
    return {p.relative_to(world).as_posix(): sha256_file(p) for p in sorted(world.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes(tmp_path: Path, tiny_world: Path) -> None:
    again = generate_world(2026, "tiny", tmp_path / "again")
    assert _digests(again) == _digests(tiny_world)


def test_default_world_is_reproducible(tmp_path: Path, default_world: Path) -> None:
    again = generate_world(2026, "default", tmp_path / "again")
    assert _digests(again) == _digests(default_world)


def test_other_seed_other_world(world_factory) -> None:
    a, b = world_factory(2026, "tiny"), world_factory(7, "tiny")
    assert _digests(a)["public/site.sqlite"] != _digests(b)["public/site.sqlite"]
    assert _digests(a)["key/answer_key.json"] != _digests(b)["key/answer_key.json"]


def _parts(world: World) -> dict[str, object]:
    """Every stage's output in ``world``, by name: top-level records, each Social and Finance field, each brief."""
    parts: dict[str, object] = {name: getattr(world, name) for name in ("people", "operations", "ads", "listings")}
    for name in ("gallery", "social", "finance"):
        record = getattr(world, name)
        parts |= {f"{name}.{f.name}": getattr(record, f.name) for f in fields(record)}
    parts |= {f"briefs.{module}": brief for module, brief in world.briefs.items()}
    return parts


def _public_tables(world: World, out: Path) -> dict[str, list[tuple]]:
    """Every table of the rendered public site.sqlite, rows in stored order."""
    render_public(world, out)
    con = sqlite3.connect(out / "site.sqlite")
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: con.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}
    finally:
        con.close()


def _build_with_an_extra_draw(area: str, monkeypatch: pytest.MonkeyPatch) -> World:
    """The tiny world of seed 2026, built with the stream of ``area`` one draw ahead when a stage first asks for it."""
    original = Streams.get
    advanced: list[str] = []

    def get(self: Streams, name: str) -> random.Random:
        first = name not in self._streams
        rng = original(self, name)
        if first and name == area:
            rng.random()
            advanced.append(name)
        return rng

    with monkeypatch.context() as patch:
        patch.setattr(Streams, "get", get)
        world = build_world(2026, "tiny")
    assert advanced == [area], f"the pipeline never asked for the {area!r} stream"
    return world


def _changed(a: dict[str, object], b: dict[str, object]) -> set[str]:
    assert a.keys() == b.keys()
    return {name for name in a if a[name] != b[name]}


M04 = "04-recruitment-on-social-media"
LATE_STAGES = {
    # area: (world parts that may change, public tables that may change) — exactly these must change
    "social-posts": ({"social.chirp_posts", "social.circle_posts", "social.comments", f"briefs.{M04}"},
                     {"chirp_posts", "circle_posts", "circle_comments"}),
    "finance-benign-fees": ({"finance.ledger"}, set()),
}


@pytest.mark.parametrize("area", sorted(LATE_STAGES))
def test_an_extra_draw_in_one_stage_leaves_every_other_stage_unchanged(
        area: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """One more draw in a late stage's stream changes that stage's output and nothing else.

    ``social-posts`` is drawn only by synth.build.social.posts (the benign Chirp and Circle posts, their
    replies and reposts), after the people, network, ads, listings, pictures and social accounts exist,
    and nothing later but module 04's brief reads the posts (synth.build.briefs picks the reported post among
    them). ``finance-benign-fees`` is drawn only for honest customers' fees in the ledger
    (synth.build.finance.stages), after every account, wallet and chain transaction is made; the ledger is
    rendered only into the bank productions, so no table of site.sqlite may change. The other parts —
    people, operations, ads, listings, gallery, every other Social and Finance field, the other briefs —
    and the other public tables must be identical, and the stage's own output must differ (so the test
    can fail both ways): the changed set is compared exactly.
    """
    base = build_world(2026, "tiny")
    shifted = _build_with_an_extra_draw(area, monkeypatch)
    parts, tables = LATE_STAGES[area]
    assert _changed(_parts(base), _parts(shifted)) == parts
    assert _changed(_public_tables(base, tmp_path / "base"), _public_tables(shifted, tmp_path / "shifted")) == tables


def test_an_extra_draw_in_an_early_stage_shows_downstream(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The same perturbation is seen: one more draw in ``ads`` (synth.build.ads, after people and network).

    The ads change, and with them what is built from them (listings cross-post ads, pictures, social
    accounts and finance read them); the people and operations, built before, stay identical.
    """
    base = build_world(2026, "tiny")
    shifted = _build_with_an_extra_draw("ads", monkeypatch)
    changed = _changed(_parts(base), _parts(shifted))
    assert "ads" in changed and "listings" in changed
    assert not changed & {"people", "operations"}
    tables = _changed(_public_tables(base, tmp_path / "base"), _public_tables(shifted, tmp_path / "shifted"))
    assert "quickads_ads" in tables and "sites" not in tables and "cities" not in tables


def test_build_world_is_pure() -> None:
    assert build_world(11, "tiny") == build_world(11, "tiny")


def test_same_bytes_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """Set and dict orders differ between interpreter runs; the world must not depend on them."""
    import os
    import subprocess
    import sys

    code = "import sys; from pathlib import Path; from synth.generate import generate_world; " \
           "generate_world(2026, 'tiny', Path(sys.argv[1]))"
    for hash_seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        subprocess.run([sys.executable, "-c", code, str(tmp_path / hash_seed)], env=env, check=True)
    assert _digests(tmp_path / "1") == _digests(tmp_path / "2")
