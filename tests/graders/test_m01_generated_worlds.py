"""Module 01's graders and self-check against generated worlds, for several seeds.

The hand-made world of conftest.py pins the graders' arithmetic; these tests prove the contract with
the generator: the notebook's method (digits only, last nine digits, two or more names) scored on the
public data of any seed gets full marks, and the self-check agrees with the hidden grader.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from graders.lab.selfcheck import check
from graders.modules.m01_scraping_ad_sites import checks as m01

M01 = "01-scraping-ad-sites"


def _notebook_answers(world: Path) -> tuple[pd.DataFrame, list[str]]:
    """What the notebook's solution collects, read from the public database instead of the site."""
    brief = json.loads((world / "public" / "briefs.json").read_text(encoding="utf-8"))[M01]
    with sqlite3.connect(world / "public" / "site.sqlite") as db:
        ads = pd.read_sql("SELECT ad_id, title, display_name AS name, phone, city, posted_at FROM quickads_ads "
                          "WHERE city = ? AND category = ?", db, params=(brief["city"], brief["category"]))
    ads["phone_key"] = ads["phone"].map(lambda phone: re.sub(r"\D", "", str(phone))[-9:])
    names = ads.groupby("phone_key")["name"].nunique()
    shared = [ads.loc[ads["phone_key"] == key, "phone"].iloc[0] for key in names[names >= 2].index]
    return ads, shared


@pytest.mark.parametrize(("seed", "preset"), [(2026, "tiny"), (7, "tiny"), (11, "tiny"), (2026, "default")])
def test_notebook_method_gets_full_marks(seed: int, preset: str, world_factory, monkeypatch, capsys) -> None:
    world = world_factory(seed, preset)
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))
    ads, shared = _notebook_answers(world)
    assert shared, "every world plants phones shared under several names"
    assert m01.score_city_ads(ads) == 4.0
    assert m01.score_shared_phones(shared) == 3.0
    assert m01.score_city_ads(ads.iloc[:0]) == 0.0
    assert m01.score_shared_phones([]) == 0.0
    check(f"{M01}/q2-city-ads", ads)
    check(f"{M01}/q3-shared-phones", shared)
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("Well done") == 2, out
