"""`osintlab lab --headless`: starts the fake internet and JupyterLab, and one Ctrl-C stops both."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 60) -> requests.Response:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return requests.get(url, timeout=2)
        except requests.RequestException:
            time.sleep(0.3)
    raise AssertionError(f"nothing answered at {url}")


def _down(url: str) -> bool:
    try:
        requests.get(url, timeout=1)
    except requests.RequestException:
        return True
    return False


@pytest.mark.slow
def test_lab_starts_both_and_ctrl_c_stops_both(tiny_world: Path, tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(ROOT / "exercises" / "source", course / "source")
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", course / "nbgrader_config.py")
    web_port, jupyter_port = _free_port(), _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "jconf"), JUPYTER_RUNTIME_DIR=str(tmp_path / "jrun"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "synth.cli", "lab", "--headless", "--world", str(tiny_world), "--course", str(course),
         "--port", str(web_port), "--jupyter-port", str(jupyter_port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert _wait(f"http://127.0.0.1:{web_port}/healthz").json()["world_id"]
        assert _wait(f"http://127.0.0.1:{jupyter_port}/api").status_code == 200
        # The trainee's copy of every released module exists, without solutions.
        notebooks = list((course / "my-work").rglob("*.ipynb"))
        assert notebooks and all("BEGIN SOLUTION" not in nb.read_text() for nb in notebooks)
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "Stopped JupyterLab and the fake internet." in out
    assert _down(f"http://127.0.0.1:{web_port}/healthz") and _down(f"http://127.0.0.1:{jupyter_port}/api")
