"""nbgrader configuration for the OSINT Lab course (this folder is the course root).

nbgrader reads this file whenever a command runs with ``exercises/`` as the current directory;
``graders.grading.course`` loads it explicitly, so `osintlab course release|grade` work from anywhere. Every
path is derived from this file's location, never from the current directory, so the config means the
same thing from any working directory and in a copy of the course (tests copy it into a temporary
course and append their own overrides).

Why each setting is here (docs/design.md §8, "nbgrader facts that matter"):

- the timeout is per cell, and a timed-out cell is interrupted, not fatal: one trainee's infinite
  loop costs that cell, and the rest of the notebook is still run and graded;
- a deleted test cell is put back and graded, instead of silently becoming "needs manual grade";
- the exchange directory must exist and be writable by every trainee account.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 -- injected by traitlets when it runs this file

COURSE_ROOT = Path(__file__).resolve().parent

# --- the course ---------------------------------------------------------------------------------
c.CourseDirectory.root = str(COURSE_ROOT)
c.CourseDirectory.course_id = "osint-lab"
# The course tree: source/<module>/<module>.ipynb -> release/, submitted/<student>/<module>/ ...
# (nbgrader's defaults, written out so that the layout is documented in one place).
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
# Each source notebook has a text twin, <module>/<module>.py (jupytext; docs/notebooks.md), that holds the
# solutions and hidden tests like the notebook itself: it must never be copied into release/ (nor into
# autograded/, where a trainee's code could read it). nbgrader copies every other file of a module's
# folder, so the twins are ignored here, beside nbgrader's own defaults.
TEXT_TWIN_GLOB = "[0-9][0-9]-*.py"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", TEXT_TWIN_GLOB]

# --- running trainees' notebooks ------------------------------------------------------------------
# Seconds per cell (nbgrader's Execute preprocessor; ExecutePreprocessor is its nbconvert parent and
# is set too, so `jupyter nbconvert --execute` behaves the same).  The slowest legitimate cell is a
# polite crawl of a whole city's ads: about 200 pages at the class's 1 s crawl delay, some 3.5 minutes.
# Five minutes covers it with room to spare; a looping cell costs at most that, then grading goes on.
CELL_TIMEOUT_S = 300
c.Execute.timeout = CELL_TIMEOUT_S
c.ExecutePreprocessor.timeout = CELL_TIMEOUT_S
# Interrupt the kernel (KeyboardInterrupt) instead of aborting the notebook, then carry on.
c.Execute.interrupt_on_timeout = True
c.Execute.error_on_timeout = {
    "ename": "CellTimeoutError",
    "evalue": f"This cell was stopped after {CELL_TIMEOUT_S} s (an infinite loop?)",
    "traceback": [
        f"CellTimeoutError: This cell was stopped after {CELL_TIMEOUT_S} s. "
        "Does it contain a loop that never ends?"
    ],
}
# Kernels get time to start on a busy classroom server.
c.Execute.startup_timeout = 120

# --- autograding ----------------------------------------------------------------------------------
# Put back (and grade) any graded cell a trainee deleted.  Without this nbgrader marks the missing
# cell "needs manual grade" and nobody notices.
c.OverwriteCells.add_missing_cells = True

# --- releasing: what replaces the solutions ---------------------------------------------------------
# nbgrader's markers and stub, written out so that the notebooks' authors can rely on them.  The stub
# raises, so a blank notebook scores 0 instead of passing tests by accident.
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearSolutions.code_stub = {
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearSolutions.enforce_metadata = True

# --- feedback -------------------------------------------------------------------------------------
# Feedback HTML must not show hidden tests, the hidden lines of tracebacks, or anything the hidden
# code printed.  graders.grading.feedback.SanitizeFeedback strips them before the HTML is rendered.
c.GenerateFeedback.preprocessors = [
    "graders.grading.feedback.SanitizeFeedback",
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# --- the exchange (only for a shared classroom server) ----------------------------------------------
# Trainees on one JupyterHub/server fetch and submit through this folder.  It defaults to a folder of
# the course so that a single-machine class needs no root access; on a multi-user server set
# OSINTLAB_EXCHANGE=/srv/nbgrader/exchange (created by an administrator, mode 1777).
EXCHANGE_ROOT = Path(os.environ.get("OSINTLAB_EXCHANGE", COURSE_ROOT / "exchange"))
c.Exchange.root = str(EXCHANGE_ROOT)
try:
    # nbgrader refuses to use a missing exchange, and every trainee account must be able to write
    # into it: world-writable with the sticky bit, like /tmp.
    EXCHANGE_ROOT.mkdir(parents=True, exist_ok=True)
    if EXCHANGE_ROOT.stat().st_mode & 0o1777 != 0o1777:
        EXCHANGE_ROOT.chmod(0o1777)
except OSError:
    pass  # read-only checkout or a root-owned /srv path: `osintlab course release` reports it
