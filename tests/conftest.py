"""Shared fixtures: worlds are built once per test session and written once into a temporary folder.

``built_world(seed, preset)`` is the in-memory World of synth.generate.build_world, built once per
session for every test directory (a default world takes seconds to build; World is frozen and the
tests only read it). ``world_factory(seed, preset)`` writes that same World with generate_world, once
per session; the determinism tests build and write worlds afresh to compare with these.

"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from synth import generate as generate_module
from synth.generate import build_world, generate_world
from synth.world import World


@pytest.fixture(scope="session")
def built_world():
    """Build (once) and return the World for ``seed`` and ``preset``."""
    built: dict[tuple[int, str], World] = {}

    def build(seed: int = 2026, preset: str = "default") -> World:
        if (seed, preset) not in built:
            built[(seed, preset)] = build_world(seed, preset)
        return built[(seed, preset)]

    return build


@pytest.fixture(scope="session")
def world_factory(tmp_path_factory: pytest.TempPathFactory, built_world):
    """Generate (once) and return the directory of the world for ``seed`` and ``preset``."""
    made: dict[tuple[int, str], Path] = {}

    def cached(seed: int, preset: str, progress: bool = False) -> World:
        return built_world(seed, preset)

    def make(seed: int = 2026, preset: str = "default") -> Path:
        if (seed, preset) not in made:
            out = tmp_path_factory.mktemp(f"world-{preset}-{seed}") / "world"
            with mock.patch.object(generate_module, "build_world", cached):  # the session's World, written as usual
                made[(seed, preset)] = generate_world(seed, preset, out)
        return made[(seed, preset)]

    return make


@pytest.fixture(scope="session")
def default_world(world_factory) -> Path:
    return world_factory(2026, "default")


@pytest.fixture(scope="session")
def tiny_world(world_factory) -> Path:
    return world_factory(2026, "tiny")

