"""The scenario as data: built-in presets from TOML, designers' configs, and a city added by config.

Why: the TOML files replaced Python literals, so a snapshot of the previous dataclass values guards that the
built-in worlds did not move; a designer's mistakes must be one sentence, not a traceback.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from synth.cli import main
from synth.config import ConfigError
from synth.scan import scan_world
from synth.scenario import PRESETS, config_digest, get_preset, load_file
from synth.vocab import places
from synth.vocab.safety import is_safe_phone

# The presets as synth/config.py defined them before they became TOML (commit 3f2f95d).
_FIN = dict(activity=0.2, mules=60, recruits=18, crypto_users=0.03, market_buyers=12, extra_customers=0,
            window_days=10, extra_cells=0, labour_cells=0.3, crowd_ad_payers=0.01)
_IND = dict(trust_benign=0.12, youth_benign=0.10, nationality_benign=0.15, obscured_phone_ring=0.7,
            obscured_phone_benign=0.25, obscured_phone_recruiter=0.6, new_in_town=0.25, screening=0.3,
            switchboard_share=0.35, benign_crosspost=0.6, stock_photo_share=0.4, stock_photo_unchanged=0.5)
_CUES = dict(fee_criminal=0.8, flight_criminal=0.85, no_experience_criminal=0.8, min_cues_criminal=3,
             housing_honest=0.3, no_experience_honest=0.35, urgent_honest=0.3, messenger_volunteer=0.45,
             criminal_link=0.8, testimonial=0.35, new_ordinary=0.1)
_SOC = dict(online=560, helpers=26, employer_share=0.35, community_groups=16, campaigns=(2, 3),
            groups_per_campaign=(6, 10), chirp_posts=(1, 9), circle_posts=(0, 4), avatar_share=0.18, album_share=0.06)
_DEFAULT = dict(people=2400, independent_advertisers=220, employers=160, travel_agents=24, controllers=3, victims=8,
                labour_recruiters=2, days=180, ads_per_independent=(8, 15), ads_per_victim_stay=(5, 10),
                ads_per_employer=(1, 5), ads_per_travel_agent=(4, 9), ads_per_recruiter=(14, 22),
                social=_SOC, indicators=_IND, social_cues=_CUES, finance=_FIN)
PREVIOUS = {
    "tiny": {**_DEFAULT, "people": 160, "independent_advertisers": 14, "employers": 10, "travel_agents": 4,
             "controllers": 2, "victims": 4, "labour_recruiters": 1, "days": 60, "ads_per_independent": (3, 6),
             "ads_per_victim_stay": (2, 4), "ads_per_employer": (1, 3), "ads_per_travel_agent": (2, 4),
             "ads_per_recruiter": (6, 8),
             "social": dict(online=64, helpers=6, employer_share=0.5, community_groups=4, campaigns=(1, 2),
                            groups_per_campaign=(3, 5), chirp_posts=(1, 6), circle_posts=(0, 3), avatar_share=0.2,
                            album_share=0.1),
             "finance": {**_FIN, "mules": 4, "recruits": 5, "crypto_users": 0.06, "market_buyers": 4}},
    "small": {**_DEFAULT, "people": 700, "independent_advertisers": 60, "employers": 45, "travel_agents": 10,
              "controllers": 2, "victims": 6, "labour_recruiters": 1, "days": 120, "ads_per_independent": (5, 11),
              "ads_per_victim_stay": (4, 8), "ads_per_employer": (1, 4), "ads_per_travel_agent": (3, 6),
              "ads_per_recruiter": (10, 16),
              "social": dict(online=200, helpers=12, employer_share=0.4, community_groups=8, campaigns=(1, 2),
                             groups_per_campaign=(4, 8), chirp_posts=(1, 8), circle_posts=(0, 4), avatar_share=0.18,
                             album_share=0.06)},
    "default": _DEFAULT,
    "large": {**_DEFAULT, "finance": {**_FIN, "mules": 40, "recruits": 40, "extra_customers": 330_000,
                                      "extra_cells": 48}},
}
# The stage literals that became keys, at their previous values (worlds stay byte-identical).
MOVED = {"epoch": date(2026, 3, 2),
         "indicators": dict(repost_price_change=0.2, bump_line=0.45, site_phrase=0.5),
         "social_cues": dict(namesakes_per_member=(1, 2), repost_help=0.6, repost_warning=0.7, repost_job=0.25),
         "finance": dict(structuring_share=0.2, deposit_ring_share=0.35, deposit_advertisers=0.4,
                         deposit_advertiser_ads=0.8, coin_agents=0.5, bio_handle=0.05, bio_address=0.25,
                         campaign_bio_fee=0.5)}

LYON = """
base = "tiny"

[[countries]]
code = "FR"
name = "France"
currency = "EUR"
money = ["", " €"]
zone = "Europe/Paris"
utc_offset = 1
languages = ["en"]
hourly = [90, 220]
monthly_pay = 2300
fare = 65
social_fares = [40, 95, 5]
phones = [{ prefix = "0400", digits = 6 }, { prefix = "0401", digits = 6 }]

[[cities]]
slug = "lyon"
name = "Lyon"
country = "FR"
weight = 30
"""


def _write(tmp_path: Path, text: str, name: str = "scenario.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(PREVIOUS))
def test_builtin_presets_load_from_toml_with_previous_values(name: str) -> None:
    got = asdict(get_preset(name))
    assert got["name"] == name
    for key, value in PREVIOUS[name].items():
        assert ({k: got[key][k] for k in value} if isinstance(value, dict) else got[key]) == value, key
    for key, value in MOVED.items():
        assert ({k: got[key][k] for k in value} if isinstance(value, dict) else got[key]) == value, key
    assert got["cities"] == () and got["countries"] == ()
    assert list(PRESETS) == ["tiny", "small", "default", "large"]


def test_a_config_based_on_a_preset_overrides_only_its_keys(tmp_path: Path) -> None:
    preset = load_file(_write(tmp_path, 'base = "tiny"\ndays = 45\n[finance]\nstructuring_share = 0.5\n'))
    tiny = get_preset("tiny")
    assert preset.name == "scenario" and preset.days == 45 and preset.finance.structuring_share == 0.5
    assert preset.finance.mules == tiny.finance.mules and preset.social == tiny.social
    assert config_digest(preset) != config_digest(tiny)


@pytest.mark.parametrize("text, words", [
    ('base = "tiny"\nindicatorz = 1\n', ["Unknown key 'indicatorz' in scenario.toml", "Valid keys:", "indicators"]),
    ('base = "tiny"\n[finance]\nmulez = 3\n', ["Unknown key 'finance.mulez'", "[finance]", "mules"]),
    ('base = "tiny"\n[indicators]\nscreening = 1.5\n', ["'indicators.screening'", "between 0 and 1"]),
    ('base = "tiny"\nads_per_employer = [5, 2]\n', ["'ads_per_employer'", "low <= high"]),
    ('base = "tiny"\ndays = 0\n', ["'days'", "from 30"]),
    ('base = "tiny"\nemployers = -1\n', ["'employers'", "whole number"]),
    ('base = "tiny"\nepoch = "2026-03-02"\n', ["'epoch'", "date"]),
    ('base = "tinyy"\n', ["Unknown base 'tinyy'"]),
    ('people = 10\n', ["Missing key"]),
])
def test_mistakes_are_one_sentence(tmp_path: Path, text: str, words: list[str]) -> None:
    with pytest.raises(ConfigError) as err:
        load_file(_write(tmp_path, text))
    message = str(err.value)
    assert "\n" not in message and message.endswith(".")
    for word in words:
        assert word in message


def test_a_new_country_without_a_safe_phone_range_is_refused(tmp_path: Path) -> None:
    text = LYON.replace('phones = [{ prefix = "0400", digits = 6 }, { prefix = "0401", digits = 6 }]\n', "")
    with pytest.raises(ConfigError, match="no phone range safe for fiction"):
        load_file(_write(tmp_path, text))
    real = LYON.replace('"0400"', '"0612"')  # French mobile numbers: allocated, they could ring someone
    with pytest.raises(ConfigError, match="not safe"):
        load_file(_write(tmp_path, real))
    with pytest.raises(ConfigError, match="phrase pools"):
        load_file(_write(tmp_path, LYON.replace('languages = ["en"]', 'languages = ["fr"]')))


def test_generate_config_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _write(tmp_path, 'base = "tiny"\n[social_cues]\nrepost_warning = 0.9\n', "harder.toml")
    out = tmp_path / "world"
    assert main(["generate", "--seed", "7", "--config", str(config), "--out", str(out), "--quiet"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["preset"] == "harder" and manifest["config"]["resolved"]["social_cues"]["repost_warning"] == 0.9
    assert manifest["config"]["sha256"] == config_digest(load_file(config))
    assert "config" in capsys.readouterr().out
    key = json.loads((out / "key" / "answer_key.json").read_text(encoding="utf-8"))
    assert key["world_id"] == manifest["world_id"]
    # Same seed, built-in tiny: another id, so the two worlds never pass for each other.
    tiny = tmp_path / "tiny"
    assert main(["generate", "--seed", "7", "--preset", "tiny", "--out", str(tiny), "--quiet"]) == 0
    assert json.loads((tiny / "manifest.json").read_text())["world_id"] != manifest["world_id"]
    assert "config" not in json.loads((tiny / "manifest.json").read_text())
    bad = _write(tmp_path, 'base = "tiny"\nindicatorz = 1\n')
    assert main(["generate", "--config", str(bad), "--out", str(tmp_path / "bad"), "--quiet"]) == 2
    assert capsys.readouterr().err.startswith("osintlab: Unknown key 'indicatorz' in scenario.toml. Valid keys:")


def test_a_city_in_a_new_country_added_by_config(tmp_path: Path) -> None:
    out = tmp_path / "lyon-7"
    assert main(["generate", "--seed", "7", "--config", str(_write(tmp_path, LYON, "lyon.toml")), "--out", str(out),
                 "--quiet"]) == 0
    assert len(places.CITIES) == len(places.BUILTIN.cities) and "lyon" not in places.CITY_BY_SLUG  # restored
    db = sqlite3.connect(out / "public" / "site.sqlite")
    assert db.execute("SELECT slug, name, country FROM cities WHERE slug = 'lyon'").fetchall() == [
        ("lyon", "Lyon", "FR")]
    assert db.execute("SELECT count(*) FROM quickads_ads WHERE city = 'lyon'").fetchone()[0] > 0
    key = (out / "key" / "answer_key.json").read_text(encoding="utf-8")
    french = sorted({w.strip('",') for w in key.split() if w.strip('",').startswith("+33")})
    assert french, "the Lyon businesses have French numbers"
    assert all(is_safe_phone(p) for p in french) and all(p.startswith(("+33400", "+33401")) for p in french)
    assert scan_world(out) == []
