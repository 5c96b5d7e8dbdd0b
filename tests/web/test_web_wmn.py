"""The WhatsMyName file: its format, that it is what ``synth.web.wmn`` writes, and that the server does what it says.

The server is checked the way WhatsMyName's own checker does it: a GET without following redirects,
then status and string (``verdict``). Present users come from the hand-made social world here; the
file's ``known`` users are checked against a generated world in test_web_social_crawl.py.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import requests

from synth.vocab.platforms import ALL_PLATFORMS, LIGHT_PLATFORMS
from synth.web.wmn import BASE_URL, DEFAULT_OUT, PROFILE_RULES, known_accounts, render, verdict, wmn_data

from .socialworld import ANNA

SITE_KEYS = ["name", "uri_check", "e_code", "e_string", "m_code", "m_string", "known", "cat"]


def has_social(world: Path) -> bool:
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'social_accounts'").fetchone() is not None
    finally:
        conn.close()


def test_format_covers_every_platform() -> None:
    data = wmn_data({slug: ["a", "b"] for slug in PROFILE_RULES})
    assert list(data) == ["license", "authors", "categories", "sites"]
    assert all(isinstance(x, str) for x in data["license"] + data["authors"] + data["categories"])
    assert any(BASE_URL in line for line in data["license"])  # the base address is documented in the file
    assert [s["name"] for s in data["sites"]] == ["Chirp", "Circle", *(p.name for p in LIGHT_PLATFORMS)]
    assert len(data["sites"]) == len(ALL_PLATFORMS)
    for site in data["sites"]:
        assert list(site) == SITE_KEYS
        assert site["uri_check"].startswith(BASE_URL + "/") and site["uri_check"].count("{account}") == 1
        assert isinstance(site["e_code"], int) and isinstance(site["m_code"], int)
        assert site["cat"] in data["categories"] and site["known"] == ["a", "b"]
    codes = {s["m_code"] for s in data["sites"]}
    assert {404, 200, 302} <= codes  # plain 404s, soft 404s and a redirect


def test_shipped_file_is_what_the_generator_writes(default_world: Path) -> None:
    assert has_social(default_world), "the generated default world has no social tables"
    assert DEFAULT_OUT.is_file(), "exercises/data/wmn-lab.json is missing: run python -m synth.web.wmn"
    assert DEFAULT_OUT.read_text(encoding="utf-8") == render(wmn_data(known_accounts(default_world))), \
        "exercises/data/wmn-lab.json is stale: run python -m synth.web.wmn --world <a fresh default world>"
    shipped = json.loads(DEFAULT_OUT.read_text(encoding="utf-8"))
    assert all(len(site["known"]) == 2 for site in shipped["sites"])


def test_check_command(social_world: Path, tmp_path: Path) -> None:
    out = tmp_path / "wmn.json"
    run = [sys.executable, "-m", "synth.web.wmn", "--world", str(social_world), "--out", str(out)]
    assert subprocess.run([*run, "--check"], capture_output=True, text=True).returncode == 1
    assert subprocess.run(run, capture_output=True, text=True).returncode == 0
    done = subprocess.run([*run, "--check"], capture_output=True, text=True)
    assert done.returncode == 0 and "up to date" in done.stdout
    assert json.loads(out.read_text())["sites"][0]["known"] == [ANNA, "Mixed.Case"]


def test_an_old_world_has_nothing_to_list(fixture_world: Path, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "synth.web.wmn", "--world", str(fixture_world), "--out",
                          str(tmp_path / "x.json")], capture_output=True, text=True)
    assert run.returncode != 0 and "osintlab generate --force" in run.stderr


def check_site(base: str, site: dict[str, object], present: list[str], http: requests.Session) -> None:
    """WhatsMyName's test of one site: each present name is found, a random name is missing."""
    rule = next(r for r in PROFILE_RULES.values() if r.name == site["name"])
    template = str(site["uri_check"]).replace(BASE_URL, base)
    for name, want in [*((p, "found") for p in present), ("no_such_user_8f3k2", "missing")]:
        resp = http.get(template.replace("{account}", name), allow_redirects=False, timeout=10)
        assert verdict(rule, resp.status_code, resp.text) == want, (site["name"], name, resp.status_code)
        assert resp.status_code == (site["e_code"] if want == "found" else site["m_code"])
        other = site["m_string"] if want == "found" else site["e_string"]
        assert other not in resp.text, (site["name"], name)
        if resp.is_redirect:  # a tool that follows the redirect lands on a page that also says so
            landed = http.get(template.replace("{account}", name), timeout=10)
            assert landed.status_code == 200 and site["m_string"] in landed.text


def test_live_server_behaves_as_the_file_says(social_live: str, social_world: Path, http: requests.Session) -> None:
    known = known_accounts(social_world)
    data = json.loads(render(wmn_data(known)))
    for site in data["sites"]:
        check_site(social_live, site, site["known"], http)
