"""Run the course's source notebooks against a fresh default world and its own fake internet.

The world comes from the session's ``default_world`` (generated into a temporary folder by
tests/conftest.py); the server is started here on a free port and stopped by its process handle.
Kernels find both through OSINTLAB_WORLD and OSINTLAB_PORT, exactly as a trainee's kernel would.

The server runs at the grading pace, with the command grading uses (graders.grading.gradingweb.server_command:
no rate limit, robots.txt asking 1000 requests/s): the notebooks pace themselves by robots.txt, so a
run takes seconds instead of the minutes of a class at 10 requests/s, and the tests check what
grading will see.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from graders.grading.gradingweb import server_command
from synth.web.launch import stop_process


@dataclass(frozen=True)
class LabEnv:
    """Where the notebooks' world and fake internet are, as environment variables for kernels."""

    world: Path
    port: int

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "OSINTLAB_WORLD": str(self.world), "OSINTLAB_PORT": str(self.port)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(port: int, server: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the fake internet exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the fake internet did not answer on port {port} within {timeout} s")


@pytest.fixture(scope="session")
def lab(default_world: Path) -> Iterator[LabEnv]:
    """The session's default world served at the grading pace on a free port; stopped afterwards."""
    port = _free_port()
    env = LabEnv(default_world, port)
    server = subprocess.Popen(
        server_command(default_world, port), env=env.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(port, server)
        yield env
    finally:
        stop_process(server)
