"""Named random streams, one per area of the world (the LDBC datagen "aspect" idea).

Every draw in the generator comes from ``Streams(seed).get("area")``. Each area's generator is
seeded from a hash of ``"<seed>:<area>"``, so adding or removing draws in one area never shifts
the output of another, and no code ever touches the module-level ``random`` state.
"""

from __future__ import annotations

import hashlib
import random


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
