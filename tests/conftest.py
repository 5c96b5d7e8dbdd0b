"""Shared fixtures: worlds are generated once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from synth.generate import generate_world


@pytest.fixture(scope="session")
def world_factory(tmp_path_factory: pytest.TempPathFactory):
    """Generate (once) and return the directory of the world for ``seed`` and ``preset``."""
    made: dict[tuple[int, str], Path] = {}

    def make(seed: int = 2026, preset: str = "default") -> Path:
        if (seed, preset) not in made:
            out = tmp_path_factory.mktemp(f"world-{preset}-{seed}") / "world"
            made[(seed, preset)] = generate_world(seed, preset, out)
        return made[(seed, preset)]

    return make


@pytest.fixture(scope="session")
def default_world(world_factory) -> Path:
    return world_factory(2026, "default")


@pytest.fixture(scope="session")
def tiny_world(world_factory) -> Path:
    return world_factory(2026, "tiny")
