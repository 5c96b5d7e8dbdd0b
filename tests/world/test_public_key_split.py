"""The answer key never reaches a trainee: not in public/, not through ids or row order, not by import."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from synth.scan import _texts

KEY_WORDS = re.compile(r"\b(P\d{5}|OP\d|victim|controller|organiser|organizer|recruiter|trafficker|"
                       r"sexual_exploitation|labour_exploitation|independent_advertiser)\b", re.IGNORECASE)
TRAINEE_FACING = ["synth.vocab.canon", "graders.lab.selfcheck", "graders.lab.productions",
                  "graders.modules.m07_following_the_money.casefile", "synth.web.app", "synth.web.launch",
                  "synth.web.server"]
KEY_MODULES = ["graders.grading.key", "graders.modules.m01_scraping_ad_sites.checks", "synth.key.answer_key",
               "synth.generate"]


def test_public_files_hold_no_key_terms(default_world: Path) -> None:
    hits = []
    for path in sorted((default_world / "public").rglob("*")):
        if path.is_file():
            for where, text, _ in _texts(path):
                hits += [f"{where}: {m.group(0)}" for m in KEY_WORDS.finditer(text)]
    assert not hits, hits[:10]


def test_public_schema_has_no_role_columns(default_world: Path) -> None:
    con = sqlite3.connect(default_world / "public/site.sqlite")
    columns = {row[1] for t, in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
               for row in con.execute(f'PRAGMA table_info("{t}")')}
    assert not columns & {"role", "operation", "poster", "advertised", "person_id", "victim"}


def test_ids_and_row_order_do_not_encode_membership(default_world: Path) -> None:
    """Criminal ads are spread through the id range like benign ones (no PaySim-style id leak)."""
    key = json.loads((default_world / "key/answer_key.json").read_text())
    ids = sorted(int(i) for i in key["ads"])
    criminal = [i for i in ids if key["ads"][str(i)]["operation"]]
    mean_rank = sum(ids.index(i) for i in criminal) / len(criminal) / len(ids)
    assert 0.3 < mean_rank < 0.7
    # The last tenth of the timeline is not all criminal either (no AMLworld-style tail leak).
    tail = ids[int(0.9 * len(ids)):]
    assert sum(bool(key["ads"][str(i)]["operation"]) for i in tail) < 0.5 * len(tail)
    con = sqlite3.connect(default_world / "public/site.sqlite")
    assert [r[0] for r in con.execute("SELECT ad_id FROM quickads_ads NOT INDEXED")] == ids


def test_selfcheck_holds_only_salted_hashes(default_world: Path) -> None:
    text = (default_world / "selfcheck.json").read_text()
    key = json.loads((default_world / "key/answer_key.json").read_text())
    for phone in key["modules"]["01-scraping-ad-sites"]["shared_phones"]:
        assert phone not in text and phone.lstrip("+") not in text


@pytest.mark.parametrize("module", TRAINEE_FACING)
def test_trainee_facing_modules_never_import_the_key(module: str) -> None:
    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            f"print(','.join(m for m in {KEY_MODULES!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"{module} pulls in {out}"


def test_web_app_works_without_key_files(default_world: Path, tmp_path: Path) -> None:
    """Serve a copy of the world whose key/ and selfcheck.json are gone: every page still works."""
    from synth.web.app import create_app

    public_only = tmp_path / "public-only"
    shutil.copytree(default_world, public_only)
    shutil.rmtree(public_only / "key")
    (public_only / "selfcheck.json").unlink()
    client = create_app(public_only, rate_limit=None).test_client()
    for url in ["/", "/quickads/", "/quickads/ads?page=2", "/quickads/ad/1", "/healthz"]:
        assert client.get(url).status_code == 200, url
