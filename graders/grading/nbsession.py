"""An nbgrader session for the OSINT Lab course: its configuration, a usable PATH, a quiet terminal.

``graders.grading.course`` runs every nbgrader operation inside ``session``.  The configuration is the course's
own ``nbgrader_config.py`` with the settings that protect scores and hidden tests enforced; the
environment is fixed up where nbgrader 0.9.6 depends on it (``alembic`` on ``PATH``); and what kernels
and libraries print on stderr goes to the course's ``.nbgrader.log`` instead of the instructor's
terminal.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nbgrader.apps.api import NbGraderAPI
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from graders.grading import feedback as fb
from graders.grading import report as rp

CONFIG_NAME = "nbgrader_config.py"
DEFAULT_TIMEOUT_S = 30  # nbgrader's own per-cell default, when a config does not set one
LOG_NAME = ".nbgrader.log"
SANITIZER = "graders.grading.feedback.SanitizeFeedback"


def load_config(course_dir: Path) -> Config:
    """The course's nbgrader configuration, with the settings grading relies on enforced.

    Whatever ``nbgrader_config.py`` says, the course root is ``course_dir`` (so a copied course is
    graded where it is), deleted test cells are put back, and feedback goes through the sanitiser:
    these protect scores and hidden tests, so they are not left to a config edit.
    """
    course_dir = Path(course_dir).resolve()
    config = Config()
    if (course_dir / CONFIG_NAME).is_file():
        config = PyFileConfigLoader(CONFIG_NAME, path=str(course_dir)).load_config()
    config.CourseDirectory.root = str(course_dir)
    if "course_id" not in config.CourseDirectory:
        config.CourseDirectory.course_id = "osint-lab"
    config.OverwriteCells.add_missing_cells = True
    preprocessors = list(config.GenerateFeedback.get("preprocessors", [
        "nbgrader.preprocessors.GetGrades", "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor"]))
    if SANITIZER not in preprocessors and fb.SanitizeFeedback not in preprocessors:
        preprocessors.insert(0, SANITIZER)
    config.GenerateFeedback.preprocessors = preprocessors
    timeout = cell_timeout(config)
    config.Execute.timeout = timeout
    config.Execute.interrupt_on_timeout = True
    config.Execute.error_on_timeout = {
        "ename": rp.TIMEOUT_ENAME,
        "evalue": f"This cell was stopped after {timeout} s (an infinite loop?)",
        "traceback": [f"{rp.TIMEOUT_ENAME}: This cell was stopped after {timeout} s. "
                      "Does it contain a loop that never ends?"],
    }
    return config


def cell_timeout(config: Config) -> int:
    """Seconds each cell may run during autograding (``Execute.timeout``, else nbgrader's 30)."""
    for section in ("Execute", "ExecutePreprocessor"):
        if section in config and "timeout" in config[section] and config[section].timeout:
            return int(config[section].timeout)
    return DEFAULT_TIMEOUT_S


# --- an nbgrader session -----------------------------------------------------------------------------

@contextmanager
def _stderr_to(path: Path) -> Iterator[None]:
    """Send file descriptor 2 to ``path`` for a while.

    Kernels write start-up warnings straight to the inherited stderr, and nbgrader's libraries warn
    there too; an instructor's terminal should show the summary, not that.  It all goes to the log.
    """
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (a GUI launcher): nothing to keep quiet
        yield
        return
    try:
        with open(path, "ab") as target:
            os.dup2(target.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
    finally:
        os.close(saved)


@contextmanager
def session(course_dir: Path) -> Iterator[NbGraderAPI]:
    """An ``NbGraderAPI`` for the course, with its log in ``.nbgrader.log`` and a usable PATH."""
    course_dir = Path(course_dir).resolve()
    log_path = course_dir / LOG_NAME
    logger = logging.getLogger("osintlab.course.nbgrader")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s [%(levelname)s] %(message)s"))
    logger.addHandler(handler)
    old_path = os.environ.get("PATH", "")
    venv_bin = str(Path(sys.executable).parent)  # where `alembic` lives (see module docstring)
    os.environ["PATH"] = os.pathsep.join(p for p in (venv_bin, old_path) if p)
    try:
        with warnings.catch_warnings(), _stderr_to(log_path):
            warnings.simplefilter("ignore")  # SQLAlchemy and nbformat chatter, about nbgrader's own code
            yield NbGraderAPI(config=load_config(course_dir), log=logger)
    finally:
        os.environ["PATH"] = old_path
        logger.removeHandler(handler)
        handler.close()
