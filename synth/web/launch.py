"""Start the training internet from a notebook, or reuse the one already running.

``ensure_fake_internet()`` is the one call a notebook makes before scraping. It is trainee-facing,
so its errors say what to do, and it imports nothing that could read the answer key: only the
standard library and ``synth.worlds.find_world`` to locate the world.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from synth.worlds import find_world

DEFAULT_PORT = 8022
_REPO_ROOT = Path(__file__).resolve().parents[2]  # the directory holding the `synth` package
_started: dict[int, subprocess.Popen[bytes]] = {}  # servers this Python process started, by port
# Never send loopback requests through a proxy configured in the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def resolve_port(port: int | None = None) -> int:
    """The port: the argument, else $OSINTLAB_PORT, else 8022."""
    if port is None:
        raw = os.environ.get("OSINTLAB_PORT", "").strip()
        if not raw:
            return DEFAULT_PORT
        if not raw.isdigit():
            raise ValueError(f"OSINTLAB_PORT must be a port number such as 8022; it is {raw!r}.")
        port = int(raw)
    if not 1 <= int(port) <= 65535:
        raise ValueError(f"A port number goes from 1 to 65535; got {port}.")
    return int(port)


def resolve_world(world_dir: Path | str | None = None) -> Path:
    """The world to serve: ``synth.worlds.find_world`` (the argument, else $OSINTLAB_WORLD, else the default)."""
    return find_world(world_dir).expanduser().resolve()


def read_world_id(world_dir: Path) -> str:
    """The world_id in ``world_dir/manifest.json`` (the public manifest, never the key)."""
    manifest = world_dir / "manifest.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["world_id"])
    except (OSError, ValueError, KeyError):
        raise RuntimeError(
            f"{world_dir} is not a generated world (no readable manifest.json). "
            "Run `make world`, or set OSINTLAB_WORLD to the folder of a generated world."
        ) from None


def probe(base_url: str, timeout: float = 2.0) -> dict[str, Any] | None:
    """What answers at ``base_url/healthz``: its JSON, ``{}`` for a program that is not the lab,
    or None when nothing listens."""
    try:
        with _opener.open(base_url + "/healthz", timeout=timeout) as resp:
            body = resp.read(65536)
    except urllib.error.HTTPError:
        return {}
    except (OSError, ValueError):  # refused, reset, timed out (URLError is an OSError)
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return {}
    return data if isinstance(data, dict) and "world_id" in data else {}


def _check_same_world(health: dict[str, Any], want: str, port: int, world: Path) -> None:
    if not health:
        raise RuntimeError(
            f"Port {port} is used by another program, not by the training internet. Choose a free port: "
            f"run `import os; os.environ['OSINTLAB_PORT'] = '{port + 1}'` and then this cell again."
        )
    if health.get("world_id") != want:
        raise RuntimeError(
            f"The training internet on port {port} is serving another world ({health.get('world_id')}); "
            f"this notebook needs {want} from {world}. Close the other lab (or stop its server), "
            f"or set OSINTLAB_PORT to another port: run `import os; os.environ['OSINTLAB_PORT'] = "
            f"'{port + 1}'` and then this cell again."
        )


def _log_path(world: Path, port: int) -> Path:
    """A log file beside the world, or in the temp dir when that folder is read-only."""
    for folder in (world.parent, Path(tempfile.gettempdir())):
        path = folder / f"osintlab-web-{port}.log"
        try:
            with open(path, "ab"):
                return path
        except OSError:
            continue
    return Path(os.devnull)


def server_argv(world: Path, port: int, *options: str) -> list[str]:
    """The command that serves ``world`` on ``port`` (``options``: e.g. the grading pace)."""
    return [sys.executable, "-m", "synth.web", "--world", str(world), "--port", str(port), *options]


def start_fake_internet(world: Path, port: int, log: Path, *, argv: list[str] | None = None,
                        timeout: float = 30, detached: bool = False) -> tuple[subprocess.Popen[bytes], dict[str, Any]]:
    """Start a server for ``world`` on ``port`` and wait until something answers its /healthz.

    The one way the lab starts its fake internet (a notebook, ``osintlab lab``, a grading batch): returns
    the process and what answered (the caller checks that it is the world it wants). A server that dies
    or does not answer within ``timeout`` seconds is stopped and reported with its log in a RuntimeError.
    ``detached`` starts it in its own session, so that it outlives a notebook's kernel.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(_REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    extra: dict[str, Any] = {}
    if detached:
        extra = {"start_new_session": True}
        if os.name == "nt":  # pragma: no cover - Windows has no sessions
            extra = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS}
    with open(log, "ab") as out:
        proc = subprocess.Popen(argv or server_argv(world, port), stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, env=env, **extra)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        health = probe(url, timeout=1.0)
        if health is not None:  # ours, or another lab that won a race for the port
            return proc, health
        if proc.poll() is not None:
            raise RuntimeError(f"The training internet could not start on port {port}. "
                               f"The last lines of its log ({log}):\n{_tail(log)}")
        if time.monotonic() > deadline:
            stop_process(proc)
            raise RuntimeError(f"The training internet did not answer within {timeout:g} seconds on port {port}. "
                               f"Try again; if it keeps failing, look at its log: {log}")
        time.sleep(0.2)


def _tail(path: Path, lines: int = 8) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def ensure_fake_internet(world_dir: Path | None = None, port: int | None = None, timeout: float = 30) -> str:
    """The base URL of the training internet serving this world, starting it when needed.

    Returns e.g. ``"http://127.0.0.1:8022"``. Raises RuntimeError with instructions when the port
    serves another world or another program, or when the server cannot start.
    """
    world = resolve_world(world_dir)
    port = resolve_port(port)
    want = read_world_id(world)
    url = f"http://127.0.0.1:{port}"
    health = probe(url)
    if health is not None:
        _check_same_world(health, want, port, world)
        return url
    log = _log_path(world, port)
    try:
        proc, health = start_fake_internet(world, port, log, timeout=timeout, detached=True)
    except RuntimeError:
        _started.pop(port, None)
        raise
    _started[port] = proc
    _check_same_world(health, want, port, world)
    return url


def stop_process(proc: subprocess.Popen | None, grace: float = 10) -> None:
    """Stop a child process politely (SIGTERM), then firmly after ``grace`` seconds; used by every
    part of the lab that starts a server or JupyterLab."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=grace)


def stop_fake_internet(port: int | None = None) -> bool:
    """Stop the server this Python process started on ``port``; False when it started none there."""
    proc = _started.pop(resolve_port(port), None)
    if proc is None:
        return False
    stop_process(proc)
    return True
