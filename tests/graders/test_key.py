"""Finding the world and its answer key, the way graders and self-checks do."""

from __future__ import annotations

from pathlib import Path

import pytest

from graders.grading import key
from graders.lab import world as world_module


def test_world_comes_from_osintlab_world(world) -> None:
    assert world_module.find_world_dir() == world.path


def test_answer_key_and_public_parts(world) -> None:
    module = key.load_module_key("01-scraping-ad-sites")
    assert module["city"] == "london" and module["ad_ids"]
    assert key.load_answer_key()["world_id"] == "w-synthetic"
    assert world_module.load_brief("01-scraping-ad-sites")["city"] == "london"
    assert world_module.city_country("london") == "GB"
    assert world_module.city_country("atlantis") is None
    with key.load_public_db() as db:
        assert db.execute("SELECT COUNT(*) FROM quickads_ads").fetchone()[0] > 0


def test_public_db_is_read_only(world) -> None:
    import sqlite3

    with key.load_public_db() as db, pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM quickads_ads")


def test_missing_key_says_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="full world directory"):
        key.load_answer_key(tmp_path)
    with pytest.raises(FileNotFoundError, match="osintlab generate"):
        key.load_public_db(tmp_path)

