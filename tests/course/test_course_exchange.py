"""The shared-server route of the instructor guide: release → fetch → submit → collect → grade.

Runs the same ``nbgrader`` commands the guide tells an instructor and a trainee to use, with the
course's config and an exchange in a temporary folder (``OSINTLAB_EXCHANGE``).
"""

from __future__ import annotations

import getpass
import os
import stat
import subprocess
import sys
from pathlib import Path

import coursekit as ck
import nbformat
import pytest

from graders.grading.course import grade, release

pytestmark = pytest.mark.slow

NBGRADER = str(Path(sys.executable).parent / "nbgrader")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run([NBGRADER, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def test_release_fetch_submit_collect_then_grade(tmp_path, monkeypatch):
    exchange = tmp_path / "exchange"
    monkeypatch.setenv("OSINTLAB_EXCHANGE", str(exchange))
    env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    course = ck.build_course(tmp_path / "exercises")
    release(course)
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o1777
    _run(["release_assignment", ck.MODULE], course, env)

    trainee = tmp_path / "trainee-home"
    trainee.mkdir()
    (trainee / "nbgrader_config.py").write_text(  # what /etc/jupyter/nbgrader_config.py says on a server
        f"c = get_config()\nc.CourseDirectory.course_id = 'osint-lab'\nc.Exchange.root = {str(exchange)!r}\n")
    _run(["fetch_assignment", ck.MODULE], trainee, env)
    fetched = trainee / ck.MODULE / f"{ck.MODULE}.ipynb"
    nbformat.write(ck.solution_for_submission(course), fetched)  # the trainee's finished work
    _run(["submit", ck.MODULE], trainee, env)

    _run(["collect", ck.MODULE], course, env)
    student = getpass.getuser()
    assert (course / "submitted" / student / ck.MODULE / f"{ck.MODULE}.ipynb").exists()
    report = grade(course, ck.MODULE, serve=False)
    assert report.ok and report.results[0].auto_score == report.results[0].auto_max_score
    _run(["release_feedback", ck.MODULE], course, env)
    _run(["fetch_feedback", ck.MODULE], trainee, env)
    assert list((trainee / ck.MODULE / "feedback").rglob("*.html"))
