"""Named random streams, one per area of the world (the LDBC datagen "aspect" idea).

Every draw in the generator comes from ``Streams(seed).get("area")``. Each area's generator is
seeded from a hash of ``"<seed>:<area>"``, so adding or removing draws in one area never shifts
the output of another, and no code ever touches the module-level ``random`` state.
"""

from __future__ import annotations

import hashlib
import random

import numpy as np
from faker import Faker


def derive_seed(seed: int, area: str) -> int:
    """A 64-bit integer seed for ``area``, stable across Python versions and platforms."""
    digest = hashlib.sha256(f"{seed}:{area}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


class Streams:
    """Hands out one independent ``random.Random`` per named area of the world."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._streams: dict[str, random.Random] = {}

    def get(self, area: str) -> random.Random:
        """The stream for ``area``; the same object on every call, so draws continue in order."""
        if area not in self._streams:
            self._streams[area] = random.Random(derive_seed(self.seed, area))
        return self._streams[area]

    def fresh(self, area: str) -> random.Random:
        """A new stream for ``area`` that starts from its beginning (for seeding Faker pools)."""
        return random.Random(derive_seed(self.seed, area))


def area_random(seed: int, area: str) -> random.Random:
    """A fresh ``random.Random`` for ``area`` of ``seed`` (the same start as ``Streams(seed).fresh(area)``)."""
    return random.Random(derive_seed(seed, area))


def area_numpy(seed: int, area: str) -> np.random.Generator:
    """A numpy generator for ``area`` of ``seed``, for the vectorised stages (the money)."""
    return np.random.default_rng(derive_seed(seed, area))


def labelled_random(label: str | int) -> random.Random:
    """A ``random.Random`` seeded by a label that already names its seed and area (e.g. "2026:module07-sample"),
    or by an integer seed already derived from one (a picture's scene seed)."""
    return random.Random(label)


def seeded_faker(locale: str, seed: int) -> Faker:
    """A Faker for ``locale`` whose draws come from ``seed``'s own area for that locale."""
    fake = Faker(locale)
    fake.seed_instance(derive_seed(seed, f"faker:{locale}"))
    return fake
