"""Where worlds live and how they are read: OSINTLAB_WORLD, datasets/default, manifests.

Every command and notebook finds its world the same way (``find_world``): a folder given on the command
line, else the directory named by the OSINTLAB_WORLD environment variable, else ``datasets/default`` in
the project, generated on first use.
A directory without a valid manifest is treated as not a world, never half-trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

DEFAULT_SEED = 2026
DEFAULT_PRESET = "default"
PINNED_PACKAGES = ("faker", "phonenumbers", "tqdm")


class WorldExistsError(RuntimeError):
    """The target folder holds another world; the message says how to proceed."""


class WorldNotFoundError(RuntimeError):
    """No usable world where one was expected; the message says how to make one."""


def project_root() -> Path:
    """The checkout this package runs from (editable install), else the current directory."""
    here = Path(__file__).resolve().parent.parent
    return here if (here / "pyproject.toml").exists() else Path.cwd()


def default_world_dir() -> Path:
    return project_root() / "datasets" / "default"


def find_world(given: str | os.PathLike[str] | None = None, generate: bool = True) -> Path:
    """The world in use: ``given``, else $OSINTLAB_WORLD, else datasets/default (generated when missing).

    This is the one rule every command, grader and notebook follows. ``given`` and $OSINTLAB_WORLD must
    name a complete world. The default world is generated on first use (unless ``generate`` is False) by
    running ``osintlab generate`` in a child process, so that finding a world never imports the generator
    into a trainee's kernel.
    """
    if given is not None:
        path = Path(given).expanduser()
        if read_manifest(path) is None:
            raise WorldNotFoundError(f"{path} is not a complete world. Create it with "
                                     f"`osintlab generate --out {path}`.")
        return path
    env = os.environ.get("OSINTLAB_WORLD")
    if env:
        path = Path(env).expanduser()
        if read_manifest(path) is None:
            raise WorldNotFoundError(
                f"OSINTLAB_WORLD points to {path}, which is not a complete world. Generate one with "
                f"`osintlab generate --out {path}` or unset OSINTLAB_WORLD.")
        return path
    path = default_world_dir()
    if read_manifest(path) is None:
        if not generate:
            raise WorldNotFoundError(f"No world at {path}. Run `osintlab generate` to create it.")
        command = [sys.executable, "-m", "synth.cli", "generate", "--seed", str(DEFAULT_SEED), "--preset",
                   DEFAULT_PRESET, "--out", str(path)] + (["--force"] if path.exists() else [])
        if subprocess.run(command, check=False).returncode != 0 or read_manifest(path) is None:
            raise WorldNotFoundError(f"The default world could not be generated at {path}; run "
                                     "`osintlab generate` to see why.")
    return path


def read_manifest(world_dir: Path) -> dict[str, Any] | None:
    """The world's manifest, or None when the folder is missing, incomplete or damaged."""
    try:
        manifest = json.loads((Path(world_dir) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or "world_id" not in manifest or "files" not in manifest:
        return None
    if not all((Path(world_dir) / name).is_file() for name in manifest["files"]):
        return None
    return manifest


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_manifest(world_dir: Path, wid: str, seed: int, preset: str,
                   config: dict[str, Any] | None = None) -> dict[str, Any]:
    """The manifest; ``config`` (a designer's resolved scenario and its sha256) is recorded when given, so a
    world made from a config file says exactly what it was made from (built-in presets: their name)."""
    from synth import __version__

    files = sorted(p for p in world_dir.rglob("*") if p.is_file() and p.name != "manifest.json")
    return ({"config": config} if config is not None else {}) | {
        "world_id": wid,
        "seed": seed,
        "preset": preset,
        "generator_version": __version__,
        "packages": {name: metadata.version(name) for name in PINNED_PACKAGES}
        | {"python": ".".join(platform.python_version_tuple()[:2])},
        "files": {p.relative_to(world_dir).as_posix(): sha256_file(p) for p in files},
    }


def verify_world(world_dir: Path) -> list[str]:
    """Files whose content no longer matches the manifest (empty when the world is intact)."""
    manifest = read_manifest(world_dir)
    if manifest is None:
        return ["manifest.json"]
    return [name for name, digest in manifest["files"].items() if sha256_file(Path(world_dir) / name) != digest]


def replace_directory(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` with renames only; an old ``target`` is removed after the swap."""
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
