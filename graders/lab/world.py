"""Where the world is, and its public parts — safe for trainee-facing code.

Every command and notebook finds its world with ``synth.worlds.find_world`` (the one rule: a folder
given, else ``OSINTLAB_WORLD``, else ``datasets/default/``, generated on first use in a child process).

This module reads only ``public/`` and ``selfcheck.json``; it never opens ``key/``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from synth.worlds import find_world

ENV_VAR = "OSINTLAB_WORLD"


def find_world_dir() -> Path:
    """The world directory graders and self-checks read (``OSINTLAB_WORLD``, else datasets/default)."""
    return find_world()


def resolve(world_dir: str | os.PathLike[str] | None) -> Path:
    """``world_dir`` as a Path, or the default world when it is None."""
    return Path(world_dir) if world_dir is not None else find_world_dir()


def load_briefs(world_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Every module's case brief (public/briefs.json)."""
    return json.loads((resolve(world_dir) / "public" / "briefs.json").read_text(encoding="utf-8"))


def load_brief(module: str, world_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """One module's case brief: site, city, city_name, category, category_name, text."""
    return load_briefs(world_dir)[module]


def load_public_db(world_dir: str | os.PathLike[str] | None = None) -> sqlite3.Connection:
    """A read-only connection to public/site.sqlite with rows addressable by column name."""
    path = resolve(world_dir) / "public" / "site.sqlite"
    if not path.exists():
        raise FileNotFoundError(f"No public site database at {path}. "
                                "Generate the world first: osintlab generate")
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    return connection


def city_country(city_slug: str, world_dir: str | os.PathLike[str] | None = None) -> str | None:
    """ISO country code of a city slug, used as the region for phones written without a country code."""
    with load_public_db(world_dir) as db:
        row = db.execute("SELECT country FROM cities WHERE slug = ?", (city_slug,)).fetchone()
    return row["country"] if row else None


def load_selfcheck(world_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The salted hashes of module answers (selfcheck.json); holds no answer in the clear."""
    return json.loads((resolve(world_dir) / "selfcheck.json").read_text(encoding="utf-8"))
