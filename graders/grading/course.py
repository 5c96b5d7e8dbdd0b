"""The nbgrader course: release modules, grade every submission, write feedback and grades.csv.

This is the library behind ``osintlab course release`` and ``osintlab course grade [MODULE]``; the CLI
only prints what these functions return.  It drives nbgrader's Python API (``NbGraderAPI``) with the
course's own ``nbgrader_config.py`` and adds what a classroom needs and nbgrader 0.9.6 does not do
(docs/design.md §8):

- the whole batch is graded even when one submission cannot be, and each odd submission gets one
  plain sentence in ``grades.csv`` (corrupt file, cell stopped after the timeout, cell that raised,
  deleted test cell put back);
- a corrupt submission is reported as *not graded*, not as a silent zero — ``GradeReport.exit_code``
  is 1 and the CLI exits with it;
- the world's fake internet runs for the batch on a free port, and the kernels are told where;
- feedback never shows hidden tests or their tracebacks (``graders.grading.feedback``), and a feedback file
  that still would is withheld;
- nbgrader needs the ``alembic`` program on ``PATH`` to create a gradebook, which fails when the
  virtualenv is not activated; the venv's ``bin`` is put on ``PATH`` for the duration.

Course layout (nbgrader's): ``source/<module>/<module>.ipynb`` → ``release/<module>/``;
trainees' work in ``submitted/<student>/<module>/``; results in ``autograded/``, ``feedback/``,
``gradebook.db`` and ``grades.csv``.
"""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.api import NbGraderAPI

from graders.grading import feedback as fb
from graders.grading import report as rp
from graders.grading.gradingweb import FakeInternetError, fake_internet, kernel_environment
from graders.grading.nbsession import LOG_NAME, cell_timeout, load_config, session
from graders.grading.report import GradeReport, QuestionScore, SubmissionResult

__all__ = [
    "CourseError", "UnknownModuleError", "GradeReport", "SubmissionResult", "QuestionScore",
    "known_modules", "load_config", "cell_timeout", "release", "grade", "export_grades",
    "default_course_dir",
]

class CourseError(RuntimeError):
    """The course cannot do what was asked; the message tells the instructor what to do."""


class UnknownModuleError(CourseError, LookupError):
    """A module id that is not a folder of ``source/``."""


def default_course_dir() -> Path:
    """The project's course: ``exercises/`` beside the ``graders`` package."""
    return Path(__file__).resolve().parents[2] / "exercises"


def known_modules(course_dir: Path) -> list[str]:
    """Module ids: the folders of ``source/`` that hold at least one notebook, in course order."""
    source = Path(course_dir) / "source"
    if not source.is_dir():
        return []
    return sorted(d.name for d in source.iterdir()
                  if d.is_dir() and not d.name.startswith(".") and any(d.glob("*.ipynb")))


def _check_modules(course_dir: Path, modules: list[str]) -> None:
    known = known_modules(course_dir)
    unknown = [m for m in modules if m not in known]
    if unknown:
        listed = ", ".join(known) if known else f"none — {Path(course_dir) / 'source'} holds no module"
        raise UnknownModuleError(f"Unknown module {', '.join(map(repr, unknown))}. Known modules: {listed}.")


def _failure_text(result: dict) -> str:
    return f"{result.get('log', '')}\n{result.get('error', '')}"


def _generate(api: NbGraderAPI, module: str) -> None:
    result = api.generate_assignment(module, force=True, create=True)
    if not result.get("success"):
        text = _failure_text(result)
        hint = rp.reason_from_log(result.get("log", ""), result.get("error", ""))
        if "Cannot modify existing assignment" in text:
            hint = ("its notebooks were renamed or removed after trainees submitted; put them back, "
                    "or move submitted/*/" + module + " aside")
        raise CourseError(f"Could not release {module}: {hint}. Details: {Path(api.coursedir.root) / LOG_NAME}")


# --- release -----------------------------------------------------------------------------------------

def release(course_dir: Path, modules: list[str] | None = None) -> list[str]:
    """Build the trainee copies of ``modules`` (default: every module) into ``release/``.

    Runs nbgrader's ``generate_assignment`` (forced, so a re-release after editing a notebook takes
    effect) and records each module's cells in the gradebook, which grading needs.  Returns the module
    ids released.  Raises ``UnknownModuleError`` (listing the known ones) or ``CourseError``.
    """
    course_dir = Path(course_dir).resolve()
    selected = list(modules) if modules else known_modules(course_dir)
    if not selected:
        raise CourseError(f"No modules to release: {course_dir / 'source'} has no <module>/<module>.ipynb.")
    _check_modules(course_dir, selected)
    with session(course_dir) as api:
        for module in selected:
            _generate(api, module)
    return selected


# --- grade -------------------------------------------------------------------------------------------

def _students(course_dir: Path, module: str) -> list[str]:
    submitted = course_dir / "submitted"
    if not submitted.is_dir():
        return []
    return sorted(d.name for d in submitted.iterdir()
                  if not d.name.startswith(".") and (d / module).is_dir())


def _submitted_modules(course_dir: Path) -> list[str]:
    submitted = course_dir / "submitted"
    if not submitted.is_dir():
        return []
    return sorted({m.name for d in submitted.iterdir() if d.is_dir() and not d.name.startswith(".")
                   for m in d.iterdir() if m.is_dir() and not m.name.startswith(".")})


def _notebook_names(api: NbGraderAPI, module: str) -> list[str]:
    """The module's notebook names as the gradebook knows them; empty when it was never generated."""
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gb:
        try:
            return sorted(nb.name for nb in gb.find_assignment(module).notebooks)
        except MissingEntry:
            return []


def _ensure_generated(api: NbGraderAPI, module: str) -> list[str]:
    names = _notebook_names(api, module)
    release_dir = Path(api.coursedir.root) / "release" / module
    if not names or not release_dir.is_dir():
        _generate(api, module)
        names = _notebook_names(api, module)
    return names


def _questions_of(course_dir: Path, module: str, names: list[str]) -> dict[str, tuple[int, bool]]:
    """Each graded cell's position in the source notebooks and whether the autograder scores it.

    Test cells (graded code cells that are not answers) are autograded; written answers and tasks
    are graded by hand.  Cell ids get the notebook's name in front when a module has several.
    """
    questions: dict[str, tuple[int, bool]] = {}
    for name in names:
        try:
            nb = nbformat.read(course_dir / "source" / module / f"{name}.ipynb", as_version=4)
        except (OSError, ValueError):
            continue
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade_id") and (meta.get("grade") or meta.get("task")):
                key = f"{name}:{meta['grade_id']}" if len(names) > 1 else meta["grade_id"]
                auto = cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")
                questions.setdefault(key, (len(questions), auto))
    return questions


def _scores(api: NbGraderAPI, result: SubmissionResult, names: list[str],
            questions: dict[str, tuple[int, bool]]) -> None:
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gb:
        try:
            sub = gb.find_submission(result.module, result.student)
        except MissingEntry:
            return
        result.score = float(sub.score)
        result.max_score = float(sub.max_score)
        found = []
        for nb in sub.notebooks:
            for g in nb.grades:
                key = f"{nb.name}:{g.name}" if len(names) > 1 else g.name
                _, auto = questions.get(key, (0, False))
                # nbgrader keeps flagging a manually scored cell "for review" after each autograde;
                # for the instructor it is done once it has a manual score.
                pending = bool(g.needs_manual_grade) and g.manual_score is None
                found.append(QuestionScore(key, float(g.score), float(g.max_score), pending, auto))
        result.needs_manual_grade = any(q.needs_manual_grade for q in found)
    result.questions = sorted(found, key=lambda q: questions.get(q.question, (len(questions), False))[0])


def _max_score(api: NbGraderAPI, module: str) -> float | None:
    with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gb:
        try:
            return float(gb.find_assignment(module).max_score)
        except MissingEntry:
            return None


def _remove_feedback(course_dir: Path, student: str, module: str) -> None:
    folder = course_dir / "feedback" / student / module
    for page in folder.glob("*.html") if folder.is_dir() else []:
        page.unlink(missing_ok=True)


def _feedback(api: NbGraderAPI, course_dir: Path, result: SubmissionResult, names: list[str]) -> None:
    """Generate the trainee's feedback, then withhold any page that still shows hidden lines."""
    outcome = api.generate_feedback(result.module, result.student, force=True)
    if not outcome.get("success"):
        result.notes.append("feedback could not be generated (see .nbgrader.log)")
        return
    for name in names:
        page = course_dir / "feedback" / result.student / result.module / f"{name}.html"
        graded = course_dir / "autograded" / result.student / result.module / f"{name}.ipynb"
        if not page.exists() or not graded.exists():
            continue
        hidden = fb.hidden_lines_of(nbformat.read(graded, as_version=4))
        if fb.leaked_lines(page.read_text(encoding="utf-8"), hidden):
            page.unlink()
            result.notes.append(f"feedback for {name} withheld: it would have shown hidden tests")
        else:
            result.feedback.append(page)


def _interrupted(outcome: dict) -> bool:
    """True when an nbgrader call ended because of Ctrl-C (its ``capture_log`` catches even that)."""
    lines = str(outcome.get("error", "")).strip().splitlines()
    return not outcome.get("success") and bool(lines) and lines[-1].strip() == "KeyboardInterrupt"


def _grade_one(api: NbGraderAPI, course_dir: Path, module: str, student: str, names: list[str],
               questions: dict[str, tuple[int, bool]], timeout: int) -> SubmissionResult:
    """Autograde one submission and explain anything odd about it; never raises for its content."""
    result = SubmissionResult(student=student, module=module)
    folder = course_dir / "submitted" / student / module
    fatal = None
    for name in names:
        path = folder / f"{name}.ipynb"
        problem = rp.read_problem(path) if path.exists() else rp.missing_notebook_reason(folder, path.name)
        if problem:
            fatal = fatal or problem
    outcome = api.autograde(module, student, force=True, create=True)
    if _interrupted(outcome):
        raise KeyboardInterrupt  # nbgrader swallowed the instructor's Ctrl-C; stop the batch as asked
    if not outcome.get("success"):
        result.status = rp.FAILED
        result.notes.append(fatal or rp.reason_from_log(outcome.get("log", ""), outcome.get("error", "")))
        result.max_score = _max_score(api, module)
        _remove_feedback(course_dir, student, module)
        return result
    if fatal:  # e.g. one notebook of several missing: nbgrader scored it 0 and carried on
        result.notes.append(fatal)
    for name in names:
        graded = course_dir / "autograded" / student / module / f"{name}.ipynb"
        if not graded.exists():
            continue
        nb = nbformat.read(graded, as_version=4)
        for grade_id in rp.readded_cells(nb):
            result.notes.append(f"test cell '{grade_id}' had been deleted; it was put back and graded")
        result.notes.extend(rp.diagnose(nb, timeout))
    _scores(api, result, names, questions)
    _note_pending(result)
    _feedback(api, course_dir, result, names)
    return result


def _note_pending(result: SubmissionResult) -> None:
    pending = [q.question for q in result.questions if q.needs_manual_grade]
    if pending:
        result.notes.append(rp.PENDING_PREFIX + ", ".join(pending))


def _grade_safely(api: NbGraderAPI, course_dir: Path, module: str, student: str, names: list[str],
                  questions: dict[str, tuple[int, bool]], timeout: int) -> SubmissionResult:
    """``_grade_one``, but an unexpected failure costs one submission, not the batch."""
    try:
        return _grade_one(api, course_dir, module, student, names, questions, timeout)
    except Exception as exc:  # reported per submission; the batch goes on
        api.log.exception("Grading %s/%s failed", student, module)
        return SubmissionResult(student=student, module=module, status=rp.FAILED,
                                max_score=_max_score(api, module),
                                notes=[f"grading failed: {type(exc).__name__}: {exc} (see .nbgrader.log)"])


def _resolve_world(world_dir: Path | None) -> Path:
    if world_dir is not None:
        return Path(world_dir).expanduser().resolve()
    try:
        from synth.worlds import find_world
    except ImportError as exc:
        raise CourseError("No world to grade against: pass world_dir (CLI: --world) or set OSINTLAB_WORLD.") \
            from exc
    return Path(find_world()).resolve()


def grade(course_dir: Path, module: str | None = None, world_dir: Path | None = None,
          port: int | None = None, *, serve: bool = True) -> GradeReport:
    """Autograde every submission in ``submitted/`` (of ``module``, or of every module), write feedback
    and ``grades.csv``, and return a report.

    - ``world_dir``: the world the class used (default: ``OSINTLAB_WORLD``, else datasets/default).
      Its fake internet is served for the batch on ``port`` (default: a free port) and the kernels get
      ``OSINTLAB_WORLD``/``OSINTLAB_PORT``.  ``serve=False`` skips the server (modules that need no web).
    - One bad submission never stops the batch; it is a row with status ``failed`` and a reason.
      ``report.exit_code`` is 1 when any submission could not be graded.
    - Modules are generated first when the gradebook does not know them yet.
    - Raises ``UnknownModuleError`` for an unknown ``module``, ``CourseError`` when the batch cannot
      run at all (e.g. the fake internet cannot start).
    """
    course_dir = Path(course_dir).resolve()
    if module is not None:
        _check_modules(course_dir, [module])
        modules = [module]
    else:
        modules = _submitted_modules(course_dir)
    known = set(known_modules(course_dir))
    plan = {m: _students(course_dir, m) for m in modules}
    plan = {m: students for m, students in plan.items() if students}
    report = GradeReport(course_dir=course_dir, modules=list(plan), results=[])
    if not plan:
        return report
    world = _resolve_world(world_dir) if serve else (Path(world_dir).resolve() if world_dir else None)
    report.world_dir = world
    for m in [m for m in plan if m not in known]:  # e.g. submitted/alice/01-typo/
        for student in plan.pop(m):
            report.results.append(SubmissionResult(
                student=student, module=m, status=rp.FAILED,
                notes=[f"unknown module '{m}' (known: {', '.join(sorted(known))}) — rename the folder"]))
    try:
        server = fake_internet(world, port) if serve and plan else nullcontext(None)
        with server as base_url:
            report.base_url = base_url
            live_port = int(base_url.rsplit(":", 1)[1]) if base_url else port
            with session(course_dir) as api, kernel_environment(world, live_port):
                timeout = cell_timeout(api.config)
                for m, students in plan.items():
                    names = _ensure_generated(api, m)
                    questions = _questions_of(course_dir, m, names)
                    for student in students:
                        report.results.append(
                            _grade_safely(api, course_dir, m, student, names, questions, timeout))
    except FakeInternetError as exc:
        raise CourseError(str(exc)) from exc
    report.results.sort(key=lambda r: (r.module, r.student))
    report.csv_path = rp.write_grades_csv(course_dir / rp.CSV_NAME, report.results, report.modules)
    return report


# --- export ------------------------------------------------------------------------------------------

def export_grades(course_dir: Path, module: str | None = None) -> Path:
    """Rewrite ``grades.csv`` from the gradebook, without running any notebook.

    For after manual grading in formgrader: the scores typed there are in the gradebook, and this puts
    them into ``grades.csv`` in seconds, where ``grade`` would re-run every notebook.  Notes from the
    last grading run are kept; a submission that could not be graded stays marked as such.
    """
    course_dir = Path(course_dir).resolve()
    path = course_dir / rp.CSV_NAME
    previous = {(row["student"], row["module"]): row for row in rp.read_grades_csv(path)}
    results: list[SubmissionResult] = []
    with session(course_dir) as api:
        with Gradebook(api.coursedir.db_url, api.coursedir.course_id) as gb:
            modules = [module] if module else sorted(a.name for a in gb.assignments)
            students = {m: sorted(s.student.id for s in gb.find_assignment(m).submissions)
                        for m in modules if m in {a.name for a in gb.assignments}}
        for m, ids in students.items():
            names = _notebook_names(api, m)
            questions = _questions_of(course_dir, m, names)
            for student in ids:
                row = previous.get((student, m), {})
                notes = [n for n in row.get(rp.NOTE_COLUMN, "").split("; ")
                         if n and not n.startswith(rp.PENDING_PREFIX)]
                if row.get("status") == rp.FAILED:
                    results.append(SubmissionResult(student=student, module=m, status=rp.FAILED,
                                                    max_score=_max_score(api, m), notes=notes))
                    continue
                result = SubmissionResult(student=student, module=m, notes=notes)
                _scores(api, result, names, questions)
                _note_pending(result)
                results.append(result)
    return rp.write_grades_csv(path, results, list(students))
