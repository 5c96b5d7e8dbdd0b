"""graders.grading.report alone: the plain-language reasons and grades.csv (no kernels, no nbgrader run)."""

from __future__ import annotations

import csv

from nbformat.v4 import new_code_cell, new_notebook, new_output

from graders.grading import report as rp
from graders.grading.report import GradeReport, QuestionScore, SubmissionResult


def _error(ename: str, evalue: str = "") -> dict:
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _cell(grade_id: str | None, outputs: list, *, test: bool = False, count: int | None = None):
    meta = {"nbgrader": {"grade_id": grade_id, "grade": test, "solution": not test}} if grade_id else {}
    cell = new_code_cell("x", metadata=meta, execution_count=count)
    cell.outputs = outputs
    return cell


def test_read_problem_names_a_corrupt_file_and_accepts_a_notebook(tmp_path):
    bad = tmp_path / "bad.ipynb"
    bad.write_text('{"cells": [', encoding="utf-8")
    assert rp.read_problem(bad) == rp.CORRUPT_REASON
    binary = tmp_path / "bin.ipynb"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert rp.read_problem(binary) == rp.CORRUPT_REASON
    other = tmp_path / "other.ipynb"
    other.write_text("[1, 2]", encoding="utf-8")
    assert "not a notebook" in rp.read_problem(other)
    good = tmp_path / "good.ipynb"
    good.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8")
    assert rp.read_problem(good) is None


def test_a_wrongly_named_notebook_is_explained(tmp_path):
    folder = tmp_path / "01-x"
    folder.mkdir()
    assert "submitted nothing" in rp.missing_notebook_reason(folder, "01-x.ipynb")
    (folder / "01-x (1).ipynb").write_text("{}")
    reason = rp.missing_notebook_reason(folder, "01-x.ipynb")
    assert "'01-x (1).ipynb'" in reason and "rename it to 01-x.ipynb" in reason


def test_diagnose_names_loops_crashes_and_unanswered_cells_but_not_failed_tests():
    nb = new_notebook(cells=[
        _cell("q1", [_error("NotImplementedError")]),
        _cell("q2", [_error("KeyboardInterrupt"), _error(rp.TIMEOUT_ENAME, "stopped")]),
        _cell(None, [_error("KeyError", "'phone'\nmore lines")], count=7),
        _cell("q2-tests", [_error("AssertionError", "expected 12")], test=True),
        _cell(None, [_error("ValueError", "bad")]),
    ])
    notes = rp.diagnose(nb, timeout=120)
    assert "cell 'q2' was stopped after 120 s (infinite loop?)" in notes
    assert "not answered: 'q1'" in notes
    assert "cell In [7] raised KeyError: 'phone' (and 1 more cells raised errors)" in notes
    assert not any("expected 12" in n or "q2-tests" in n for n in notes)


def test_reason_from_log_recognises_nbgraders_failures():
    assert rp.reason_from_log("nbformat.reader.NotJSONError: Notebook does not appear to be JSON") \
        == rp.CORRUPT_REASON
    assert "kernel died" in rp.reason_from_log("", "nbclient.exceptions.DeadKernelError: Kernel died")
    assert "could not be interrupted" in rp.reason_from_log("[ERROR] ... the kernel became unresponsive ...")
    assert "PermissionError: denied" in rp.reason_from_log(
        "[ERROR] There was an error\n    PermissionError: denied\n[ERROR] Please see the above traceback")


def _result(student: str, module: str, score: float, **kw) -> SubmissionResult:
    return SubmissionResult(student=student, module=module, score=score, max_score=5,
                            questions=[QuestionScore("q1", score, 5, False)], **kw)


def test_grades_csv_replaces_this_runs_modules_and_keeps_other_modules(tmp_path):
    path = tmp_path / "grades.csv"
    rp.write_grades_csv(path, [_result("ana", "01-a", 5), _result("bo", "02-b", 1)], ["01-a", "02-b"])
    rp.write_grades_csv(path, [_result("ana", "02-b", 4)], ["02-b"])
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["student"], r["module"], r["score"]) for r in rows] == [("ana", "01-a", "5"), ("ana", "02-b", "4")]


def test_grades_csv_columns_and_a_failed_row(tmp_path):
    failed = SubmissionResult(student="cy", module="01-a", status=rp.FAILED, max_score=5,
                              notes=[rp.CORRUPT_REASON])
    clash = SubmissionResult(student="di", module="01-a", score=2, max_score=5,
                             questions=[QuestionScore("score", 2, 5, False)])
    path = rp.write_grades_csv(tmp_path / "grades.csv", [failed, clash], ["01-a"])
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = {r["student"]: r for r in reader}
        header = reader.fieldnames
    assert header[:8] == list(rp.FIXED_COLUMNS) and header[-1] == "note"
    assert "q:score" in header  # a cell id that clashes with a fixed column gets a prefix
    assert rows["cy"]["status"] == "failed" and rows["cy"]["score"] == "0"
    assert rows["cy"]["note"] == rp.CORRUPT_REASON
    assert rows["di"]["q:score"] == "2" and rows["di"]["score"] == "2"


def test_summary_and_exit_code(tmp_path):
    report = GradeReport(course_dir=tmp_path, modules=["01-a"], results=[
        _result("ana", "01-a", 5),
        SubmissionResult(student="cy", module="01-a", status=rp.FAILED, notes=[rp.CORRUPT_REASON])])
    text = report.summary()
    assert "ana" in text and "5/5" in text and "NOT GRADED" in text and rp.CORRUPT_REASON in text
    assert "1 of 2 submissions graded" in text
    assert report.exit_code == 1 and not report.ok
    empty = GradeReport(course_dir=tmp_path, modules=[], results=[])
    assert empty.ok and "No submissions found" in empty.summary()


def test_an_instructors_ctrl_c_inside_nbgrader_is_recognised():
    from graders.grading.course import _interrupted

    assert _interrupted({"success": False, "error": "Traceback (most recent call last):\n  ...\nKeyboardInterrupt\n"})
    assert not _interrupted({"success": False, "error": "Traceback\nNbGraderException: failed"})
    assert not _interrupted({"success": True})
