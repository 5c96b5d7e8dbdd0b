"""The fake internet for one grading batch: started before the first notebook, stopped after the last.

Trainees' notebooks scrape the training internet, so autograding must run them against a server that
serves the *same* world (its answer key is what the hidden tests compare with).  Each batch starts its
own ``python -m synth.web`` on a free loopback port, tells the kernels where it is through
``OSINTLAB_WORLD`` and ``OSINTLAB_PORT`` (``synth.web.launch.ensure_fake_internet`` honours both), and
stops it at the end even when grading fails.  A server the instructor already runs for that world on
the requested port is reused and left running.
"""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from synth.web.launch import probe, read_world_id, server_argv, start_fake_internet, stop_process

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class FakeInternetError(RuntimeError):
    """The training internet could not be started for grading; the message says why."""


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on ``port`` (so a server can bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def _server_options() -> set[str]:
    """The options this checkout's ``python -m synth.web`` understands (read from its parser)."""
    try:
        from synth.web.__main__ import build_parser
    except ImportError:
        return set()
    return {flag for action in build_parser()._actions for flag in action.option_strings}


def server_command(world_dir: Path, port: int) -> list[str]:
    """The command that serves ``world_dir`` on ``port`` for grading.

    Grading replays every trainee's scraping, one notebook after another.  The class's politeness
    rules (a request rate in robots.txt, a per-client rate limit) would make that take minutes per
    notebook, and scores do not depend on them, so the grading server switches them off where the
    server supports it: ``--rate-limit 0`` and ``--request-rate 1000`` (notebooks read their delay
    from robots.txt, so they speed up on their own).
    """
    argv = server_argv(world_dir, port)
    options = _server_options()
    if "--rate-limit" in options:
        argv += ["--rate-limit", "0"]
    if "--request-rate" in options:
        argv += ["--request-rate", "1000"]
    return argv


def _world_id(world_dir: Path) -> str:
    return read_world_id(world_dir)


def _probe(url: str) -> dict | None:
    return probe(url, timeout=1.0)


def _tail(path: Path, lines: int = 10) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@contextmanager
def kernel_environment(world_dir: Path | None, port: int | None) -> Iterator[None]:
    """Set what autograding kernels inherit, and put the previous values back afterwards.

    The kernels nbgrader starts copy this process's environment: ``OSINTLAB_WORLD`` and
    ``OSINTLAB_PORT`` point them at the batch's world and server, and the project root joins
    ``PYTHONPATH`` so hidden tests can ``import graders`` from a kernel running in
    ``autograded/<student>/<module>/``.
    """
    changes: dict[str, str] = {}
    if world_dir is not None:
        changes["OSINTLAB_WORLD"] = str(Path(world_dir).resolve())
    if port is not None:
        changes["OSINTLAB_PORT"] = str(port)
    old_path = os.environ.get("PYTHONPATH", "")
    changes["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), old_path) if p)
    saved = {key: os.environ.get(key) for key in changes}
    os.environ.update(changes)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def fake_internet(world_dir: Path, port: int | None = None, *, command: Sequence[str] | None = None,
                  timeout: float = 60.0) -> Iterator[str]:
    """Serve ``world_dir`` for the duration of the ``with`` block; yields the base URL.

    ``port=None`` picks a free port, so grading never collides with a lab an instructor has open.
    A given port that already serves this world is reused (and not stopped); one that serves another
    world or another program is an error, because grading against the wrong world gives wrong scores.
    ``command`` replaces the server command (tests use a stub); ``{world}`` and ``{port}`` in it
    are filled in.
    """
    world_dir = Path(world_dir).resolve()
    want = _world_id(world_dir)
    port = free_port() if port is None else int(port)
    url = f"http://127.0.0.1:{port}"
    health = _probe(url)
    if health is not None:
        if health.get("world_id") == want:
            yield url  # the instructor's own server for this world: use it, leave it running
            return
        what = f"another world ({health['world_id']})" if health.get("world_id") else "another program"
        raise FakeInternetError(f"Port {port} is used by {what}. Grade on another port (--port), "
                                "or leave the port out to use a free one.")
    if not port_is_free(port):
        raise FakeInternetError(f"Port {port} is used by another program. Grade on another port (--port), "
                                "or leave the port out to use a free one.")
    argv = ([part.format(world=world_dir, port=port) for part in command] if command
            else server_command(world_dir, port))
    log_fd, log_name = tempfile.mkstemp(prefix=f"osintlab-grading-web-{port}-", suffix=".log")
    os.close(log_fd)
    log = Path(log_name)
    try:
        proc, health = start_fake_internet(world_dir, port, log, argv=argv, timeout=timeout)
    except RuntimeError as err:
        raise FakeInternetError(f"{err} (grading)") from None
    failed = False
    try:
        if health.get("world_id") != want:
            raise FakeInternetError(f"Something else answered on port {port} while the training "
                                    "internet was starting; grade again on another port.")
        yield url
    except BaseException:
        failed = True
        raise
    finally:
        stop(proc)
        if not failed:
            log.unlink(missing_ok=True)


def stop(proc: subprocess.Popen) -> None:
    """Stop a server process: politely, then firmly."""
    stop_process(proc)
