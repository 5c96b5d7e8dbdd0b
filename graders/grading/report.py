"""What a grading run found, in words an instructor can act on, and ``grades.csv``.

nbgrader's own answer to an odd submission is a log full of tracebacks and, for a notebook it could not
read, a zero that looks like any other zero.  This module turns an autograded notebook (or a failed
autograde) into one plain sentence per problem — "cell 'answer' was stopped after 120 s (infinite
loop?)", "notebook file is not valid JSON — ask the trainee to resubmit" — and writes the results
where a spreadsheet can open them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nbformat import NotebookNode

GRADED = "graded"
FAILED = "failed"

CSV_NAME = "grades.csv"
FIXED_COLUMNS = ("student", "module", "status", "score", "max_score", "auto_score", "auto_max_score",
                 "needs_manual_grade")
NOTE_COLUMN = "note"

CORRUPT_REASON = "notebook file is not valid JSON — ask the trainee to resubmit"
MISSING_CELL_MARK = "was missing from the submission"
TIMEOUT_ENAME = "CellTimeoutError"
PENDING_PREFIX = "awaiting manual grading: "


@dataclass(frozen=True)
class QuestionScore:
    """One graded cell of one submission (a test cell, a written answer or a task)."""

    question: str
    score: float
    max_score: float
    needs_manual_grade: bool
    auto: bool = True  # a test cell, scored by the autograder (not a written answer or a task)


@dataclass
class SubmissionResult:
    """One trainee's submission of one module, as graded (or why it could not be)."""

    student: str
    module: str
    status: str = GRADED
    score: float | None = None
    max_score: float | None = None
    needs_manual_grade: bool = False
    questions: list[QuestionScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    feedback: list[Path] = field(default_factory=list)

    @property
    def graded(self) -> bool:
        return self.status == GRADED

    @property
    def auto_score(self) -> float | None:
        """Points from test cells: what the autograder decides on its own."""
        return sum(q.score for q in self.questions if q.auto) if self.graded and self.questions else None

    @property
    def auto_max_score(self) -> float | None:
        return sum(q.max_score for q in self.questions if q.auto) if self.questions else None

    @property
    def note(self) -> str:
        return "; ".join(self.notes)


@dataclass
class GradeReport:
    """The result of ``graders.grading.course.grade``.

    ``ok`` is False when any submission could not be graded; the CLI then exits with status 1
    (``exit_code``), so that a script or an instructor does not mistake a failed batch for a finished
    one.  Submissions that ran but crashed or looped are *graded* (their score stands) and only noted.
    """

    course_dir: Path
    modules: list[str]
    results: list[SubmissionResult]
    csv_path: Path | None = None
    base_url: str | None = None
    world_dir: Path | None = None

    @property
    def failed(self) -> list[SubmissionResult]:
        return [r for r in self.results if not r.graded]

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def summary(self) -> str:
        """The summary as one printable text."""
        return "\n".join(self.summary_lines())

    def summary_lines(self) -> list[str]:
        """What the CLI prints: one line per submission, then a total."""
        if not self.results:
            return [f"No submissions found in {self.course_dir / 'submitted'} "
                    "(expected submitted/<student>/<module>/<module>.ipynb)."]
        lines = []
        for r in self.results:
            if r.graded:
                score = f"{fmt(r.score)}/{fmt(r.max_score)}"
                auto = f" (tests {fmt(r.auto_score)}/{fmt(r.auto_max_score)})" if r.questions else ""
                lines.append(f"{r.module}  {r.student:<16} {score:>9}{auto}"
                             + (f"  — {r.note}" if r.note else ""))
            else:
                lines.append(f"{r.module}  {r.student:<16} {'NOT GRADED':>9}  — {r.note}")
        graded = len(self.results) - len(self.failed)
        lines.append(f"{graded} of {len(self.results)} submissions graded"
                     + (f"; {len(self.failed)} could not be graded (see the notes)" if self.failed else "")
                     + (f". Scores: {self.csv_path}" if self.csv_path else ""))
        return lines


def fmt(value: float | None) -> str:
    """A score as a person writes it: 4, 2.5, or empty when there is none."""
    return "" if value is None else f"{value:g}"


# --- reading problems out of notebooks -------------------------------------------------------------

def read_problem(path: Path) -> str | None:
    """Why the notebook file at ``path`` cannot be graded, or None when it can be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return CORRUPT_REASON
    except OSError as exc:
        return f"cannot read {path.name}: {exc.strerror or exc}"
    try:
        data = json.loads(text)
    except ValueError:
        return CORRUPT_REASON
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        return "the file is JSON but not a notebook — ask the trainee to resubmit the .ipynb file"
    return None


def missing_notebook_reason(folder: Path, expected: str) -> str:
    """The reason when ``expected`` (e.g. ``01-x.ipynb``) is not in the submission folder."""
    found = sorted(p.name for p in folder.glob("*.ipynb")) if folder.is_dir() else []
    if not found:
        return f"no notebook in {folder.name}/ — the trainee submitted nothing (expected {expected})"
    listed = ", ".join(repr(f) for f in found)
    return (f"no notebook named {expected} (found {listed}) — rename it to {expected} "
            "and grade again")


def cell_label(cell: NotebookNode, index: int) -> str:
    """How to name a cell to an instructor: its nbgrader id, else the In [n] number JupyterLab shows."""
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
    if grade_id:
        return f"'{grade_id}'"
    if cell.get("execution_count"):
        return f"In [{cell['execution_count']}]"
    return f"number {index + 1}"


def _is_test_cell(cell: NotebookNode) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution")


def _first_line(text: str, limit: int = 120) -> str:
    line = (text or "").strip().split("\n")[0]
    return line if len(line) <= limit else line[: limit - 1] + "…"


def diagnose(nb: NotebookNode, timeout: int | float) -> list[str]:
    """Plain-language notes about an autograded notebook: loops stopped, crashes, unanswered cells.

    Failing *test* cells are not listed: that is ordinary partial credit and the scores say it.
    Errors in the trainee's own cells are, because they explain a low score ("cell 'answer'
    raised ZeroDivisionError").
    """
    notes: list[str] = []
    unanswered: list[str] = []
    crashed: list[str] = []
    for index, cell in enumerate(nb.cells):
        if cell.get("cell_type") != "code":
            continue
        label = cell_label(cell, index)
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if any(o.get("ename") == TIMEOUT_ENAME for o in errors):
            notes.append(f"cell {label} was stopped after {fmt(float(timeout))} s (infinite loop?)")
            continue
        if not errors or _is_test_cell(cell):
            continue
        first = errors[0]
        if first.get("ename") == "NotImplementedError":
            unanswered.append(label)
        else:
            detail = _first_line(str(first.get("evalue", "")))
            crashed.append(f"cell {label} raised {first.get('ename', 'an error')}"
                           + (f": {detail}" if detail else ""))
    if unanswered:
        notes.append("not answered: " + ", ".join(unanswered))
    if crashed:
        notes.append(crashed[0] + (f" (and {len(crashed) - 1} more cells raised errors)"
                                   if len(crashed) > 1 else ""))
    return notes


def readded_cells(nb: NotebookNode) -> list[str]:
    """Graded cells nbgrader put back because the trainee had deleted them."""
    return [cell.metadata["nbgrader"]["grade_id"] for cell in nb.cells
            if MISSING_CELL_MARK in cell.get("source", "")
            and cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")]


def reason_from_log(log: str, error: str = "") -> str:
    """A plain reason for an autograde that failed, from nbgrader's captured log and traceback."""
    text = f"{log}\n{error}"
    if "NotJSONError" in text or "does not appear to be JSON" in text:
        return CORRUPT_REASON
    if "UnresponsiveKernelError" in text or "kernel became unresponsive" in text:
        return ("the notebook's kernel stopped responding and could not be interrupted "
                "(an infinite loop that also eats memory?)")
    if "DeadKernelError" in text or "Kernel died" in text:
        return "the notebook's kernel died (did the code call exit() or use too much memory?)"
    if "SchemaTooOldError" in text or "SchemaTooNewError" in text:
        return "the notebook's grading metadata is from another nbgrader version — release it again"
    if "No notebooks found" in text:
        return "no notebook to grade in the submission folder"
    for line in reversed(text.strip().split("\n")):
        line = line.strip()
        if line and ("Error" in line.split(":")[0] or "Exception" in line.split(":")[0]):
            if "Please see the" not in line and "NbGraderException" not in line:
                return f"nbgrader could not grade it: {_first_line(line, 200)}"
    return "nbgrader could not grade it (see .nbgrader.log in the course folder)"


# --- grades.csv -------------------------------------------------------------------------------------

def result_row(result: SubmissionResult) -> dict[str, str]:
    row = {
        "student": result.student,
        "module": result.module,
        "status": result.status,
        # nbgrader's gradebook counts a submission it could not grade as 0; say the same (status and
        # note tell it apart from a real zero), so that grades.csv and formgrader agree.
        "score": fmt(result.score) if result.graded else "0",
        "max_score": fmt(result.max_score),
        "auto_score": fmt(result.auto_score),
        "auto_max_score": fmt(result.auto_max_score),
        "needs_manual_grade": "yes" if result.needs_manual_grade else "no",
        NOTE_COLUMN: result.note,
    }
    for q in result.questions:
        row[question_column(q.question)] = fmt(q.score)
    return row


def question_column(question: str) -> str:
    """The column of a graded cell: its id, prefixed when the id clashes with a fixed column."""
    return f"q:{question}" if question in FIXED_COLUMNS or question == NOTE_COLUMN else question


def read_grades_csv(path: Path) -> list[dict[str, str]]:
    """The rows of an existing ``grades.csv`` (none when there is no file yet)."""
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write_grades_csv(path: Path, results: Iterable[SubmissionResult], modules: Iterable[str]) -> Path:
    """Write ``grades.csv``: this run's rows for ``modules``, and earlier rows of other modules.

    Grading module 02 next week must not wipe module 01's grades, so rows of modules not graded in
    this run are kept.  Per-question columns are the graded cells' ids, in notebook order.
    """
    modules = set(modules)
    results = list(results)
    old_rows: list[dict[str, str]] = []
    old_questions: list[str] = []
    if path.exists():
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            old_questions = [c for c in (reader.fieldnames or [])
                             if c not in FIXED_COLUMNS and c != NOTE_COLUMN]
            old_rows = [row for row in reader if row.get("module") not in modules]
    new_rows = [result_row(r) for r in results]
    questions = list(old_questions)
    for r in results:
        for q in r.questions:
            if question_column(q.question) not in questions:
                questions.append(question_column(q.question))
    rows = sorted(old_rows + new_rows, key=lambda row: (row.get("module", ""), row.get("student", "")))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".csv.tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=[*FIXED_COLUMNS, *questions, NOTE_COLUMN], restval="",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)
    return path
