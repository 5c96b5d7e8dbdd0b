"""The `osintlab` CLI: help for every verb, clear errors, atomic and careful world writing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from synth import generate as generate_module
from synth.cli import build_parser, main
from synth.worlds import WorldNotFoundError, find_world, read_manifest

ROOT = Path(__file__).resolve().parents[2]
VERBS = [["generate"], ["serve"], ["lab"], ["verify"], ["course"], ["course", "release"], ["course", "grade"]]


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_every_verb_has_help(verb: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*verb, "--help"])
    assert exit_info.value.code == 0
    assert "usage: osintlab" in capsys.readouterr().out


def test_every_verb_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for verb in VERBS:
        assert f"osintlab {' '.join(verb)}" in readme, f"README does not document `osintlab {' '.join(verb)}`"


def test_console_script_runs() -> None:
    out = subprocess.run([Path(sys.executable).parent / "osintlab", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "generate" in out.stdout


@pytest.mark.parametrize("args,message", [
    (["generate", "--seed", "abc"], "whole number"),
    (["generate", "--seed", "-3"], "between 0"),
    (["generate", "--preset", "huge"], "invalid choice"),
    (["serve", "--port", "99999"], "between 1 and 65535"),
])
def test_bad_arguments_say_what_to_do(args: list[str], message: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_generate_then_refuse_a_different_world(tmp_path: Path, capsys) -> None:
    out = tmp_path / "w"
    assert main(["generate", "--preset", "tiny", "--out", str(out), "--quiet"]) == 0
    first = read_manifest(out)
    assert main(["generate", "--preset", "tiny", "--out", str(out), "--quiet"]) == 0  # same world: no-op
    assert "nothing to do" in capsys.readouterr().out
    assert main(["generate", "--preset", "tiny", "--seed", "9", "--out", str(out), "--quiet"]) == 1
    assert "--force" in capsys.readouterr().err
    assert read_manifest(out) == first  # nothing lost
    assert main(["generate", "--preset", "tiny", "--seed", "9", "--out", str(out), "--quiet", "--force"]) == 0
    assert read_manifest(out)["seed"] == 9


def test_interrupted_generation_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "w"

    def crash(world, directory):
        (directory / "public").mkdir(parents=True)
        (directory / "public" / "site.sqlite").write_bytes(b"partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(generate_module, "write_world", crash)
    with pytest.raises(KeyboardInterrupt):
        generate_module.generate_world(2026, "tiny", out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []  # the staging folder is gone too


def test_a_half_written_directory_is_not_a_world(tmp_path: Path, monkeypatch, capsys) -> None:
    broken = tmp_path / "broken"
    (broken / "public").mkdir(parents=True)
    (broken / "manifest.json").write_text(json.dumps({"world_id": "w-x", "files": {"public/site.sqlite": "0"}}))
    assert read_manifest(broken) is None  # a listed file is missing
    monkeypatch.setenv("OSINTLAB_WORLD", str(broken))
    with pytest.raises(WorldNotFoundError, match="osintlab generate"):
        find_world()
    assert main(["verify"]) == 1
    assert "not a complete world" in capsys.readouterr().err
    # Regenerating over it needs --force, because it holds something that is not this world.
    assert main(["generate", "--preset", "tiny", "--out", str(broken), "--quiet"]) == 1
    assert main(["generate", "--preset", "tiny", "--out", str(broken), "--quiet", "--force"]) == 0


def test_verify_detects_a_changed_file(tmp_path: Path, capsys) -> None:
    out = tmp_path / "w"
    main(["generate", "--preset", "tiny", "--out", str(out), "--quiet"])
    assert main(["verify", "--world", str(out)]) == 0
    with open(out / "public" / "briefs.json", "a", encoding="utf-8") as fh:
        fh.write(" ")
    assert main(["verify", "--world", str(out)]) == 1
    assert "public/briefs.json" in capsys.readouterr().err


def test_world_env_is_respected(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "w"
    main(["generate", "--preset", "tiny", "--out", str(out), "--quiet"])
    monkeypatch.setenv("OSINTLAB_WORLD", str(out))
    assert find_world() == out
    monkeypatch.delenv("OSINTLAB_WORLD")
    assert os.environ.get("OSINTLAB_WORLD") is None
