"""release → submit → grade on the fixture course: scores, reasons, grades.csv, feedback, gradebook.

docs/design.md §11: the solution gets full marks, a blank notebook 0, a wrong answer partial credit; a cell
that raises, a cell that loops and a corrupt notebook are each graded (or reported) with a clear
reason while the rest of the batch is graded; a deleted test cell is put back and graded.
"""

from __future__ import annotations

import csv
import shutil

import coursekit as ck
import nbformat
import pytest
from nbgrader.api import Gradebook

from graders.grading import feedback as fb
from graders.grading.course import UnknownModuleError, export_grades, grade, known_modules, release

pytestmark = pytest.mark.slow

AUTO_MAX = 6  # tests-partial (4) + tests-assert (2); the written answer and the task are graded by hand


def test_release_writes_a_trainee_copy_without_solutions_or_hidden_tests(fixture_course):
    text = (fixture_course / "release" / ck.MODULE / f"{ck.MODULE}.ipynb").read_text(encoding="utf-8")
    assert "count_words" in text  # the visible check is there
    for secret in ("BEGIN SOLUTION", "len(text.split())", *ck.HIDDEN_MARKERS, "HIDDEN TESTS"):
        assert secret not in text
    assert "raise NotImplementedError()" in text


def test_release_refuses_an_unknown_module_and_lists_the_known_ones(fixture_course):
    with pytest.raises(UnknownModuleError) as err:
        release(fixture_course, ["99-no-such-module"])
    assert "99-no-such-module" in str(err.value) and ck.MODULE in str(err.value)
    with pytest.raises(UnknownModuleError):
        grade(fixture_course, "99-no-such-module", serve=False)
    assert known_modules(fixture_course) == [ck.MODULE]


def test_every_submission_is_in_the_report_and_in_grades_csv(graded):
    assert {r.student for r in graded.report.results} == set(graded.rows) == {
        "alice", "blank", "wrong", "crash", "loop", "deleted", "corrupt", "renamed"}
    header = next(iter(graded.rows.values())).keys()
    for column in ("student", "module", "status", "score", "max_score", "needs_manual_grade", "note",
                   "tests-partial", "tests-assert", "written", "task-misleading"):
        assert column in header


def test_the_solution_gets_full_marks(graded):
    alice = graded.result("alice")
    assert alice.graded and alice.auto_score == alice.auto_max_score == AUTO_MAX
    assert graded.rows["alice"]["tests-partial"] == "4" and graded.rows["alice"]["tests-assert"] == "2"
    # The written answer is waiting for the instructor, and says so.
    assert alice.needs_manual_grade and "awaiting manual grading: written" in alice.note


def test_the_blank_release_copy_scores_zero(graded):
    blank = graded.result("blank")
    assert blank.graded and blank.score == 0 and blank.auto_score == 0
    assert "not answered: 'answer'" in blank.note


def test_a_wrong_answer_gets_partial_credit_from_the_hidden_tests(graded):
    wrong = graded.result("wrong")
    scores = {q.question: q.score for q in wrong.questions}
    assert scores["tests-partial"] == 3  # visible check + 2 of 3 hidden cases
    assert scores["tests-assert"] == 0  # its hidden assert fails
    assert graded.rows["wrong"]["score"] == "3" and graded.rows["wrong"]["status"] == "graded"


def test_a_cell_that_raises_is_graded_with_the_reason(graded):
    crash = graded.result("crash")
    assert crash.graded and crash.auto_score == 0
    assert "cell 'answer' raised ZeroDivisionError: division by zero" in crash.note
    assert "ZeroDivisionError" in graded.rows["crash"]["note"]


def test_an_infinite_loop_is_stopped_and_the_rest_of_the_notebook_still_graded(graded):
    loop = graded.result("loop")
    assert loop.graded
    assert f"cell 'answer' was stopped after {ck.TEST_TIMEOUT_S} s (infinite loop?)" in loop.note
    # The function was defined before the loop, so the test cells after it ran and passed.
    assert loop.auto_score == AUTO_MAX


def test_a_corrupt_notebook_is_reported_not_graded_and_the_batch_goes_on(graded):
    corrupt = graded.result("corrupt")
    assert not corrupt.graded
    assert corrupt.note == "notebook file is not valid JSON — ask the trainee to resubmit"
    row = graded.rows["corrupt"]
    assert row["status"] == "failed" and row["score"] == "0" and "not valid JSON" in row["note"]
    assert not graded.report.ok and graded.report.exit_code == 1
    assert [r.student for r in graded.report.failed] == ["corrupt", "renamed"]
    assert "NOT GRADED" in graded.report.summary()


def test_a_wrongly_named_notebook_is_reported_with_what_to_do(graded):
    renamed = graded.result("renamed")
    assert not renamed.graded
    assert renamed.note == (f"no notebook named {ck.MODULE}.ipynb (found '{ck.MODULE} (1).ipynb') — "
                            f"rename it to {ck.MODULE}.ipynb and grade again")


def test_a_deleted_test_cell_is_put_back_and_graded_not_left_for_manual_grading(graded):
    deleted = graded.result("deleted")
    partial = next(q for q in deleted.questions if q.question == "tests-partial")
    assert partial.score == 4 and not partial.needs_manual_grade
    assert "test cell 'tests-partial' had been deleted; it was put back and graded" in deleted.note
    with Gradebook(f"sqlite:///{graded.course / 'gradebook.db'}", "osint-lab") as gb:
        g = gb.find_grade("tests-partial", ck.MODULE, ck.MODULE, "deleted")
        assert g.auto_score == 4 and not g.needs_manual_grade


def test_students_are_added_to_the_gradebook(graded):
    with Gradebook(f"sqlite:///{graded.course / 'gradebook.db'}", "osint-lab") as gb:
        assert {s.id for s in gb.students} >= {"alice", "blank", "wrong", "crash", "loop", "deleted"}


@pytest.mark.parametrize("student", ["alice", "blank", "wrong", "crash", "loop", "deleted"])
def test_feedback_shows_no_hidden_test_source_tracebacks_or_mark_scheme(graded, student):
    page = graded.feedback_html(student)
    text = fb.html_text(page)
    for secret in (*ck.HIDDEN_MARKERS, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "MARK SCHEME",
                   "secret_expected"):
        assert secret not in text, f"{secret!r} leaked into {student}'s feedback"
    graded_nb = nbformat.read(graded.course / "autograded" / student / ck.MODULE / f"{ck.MODULE}.ipynb",
                              as_version=4)
    hidden = fb.hidden_lines_of(graded_nb)
    assert hidden, "the autograded notebook should still hold the hidden tests (instructors see them)"
    assert fb.leaked_lines(page, hidden) == []
    assert "count_words" in text  # the trainee's own work and the visible checks are still there


def test_feedback_of_a_failed_hidden_check_keeps_the_error_type_and_a_plain_message(graded):
    text = fb.html_text(graded.feedback_html("wrong"))
    assert "AssertionError" in text and fb.HIDDEN_CHECK_MESSAGE in text
    assert "hidden checks passed: 2" in text  # what the hidden code chose to print stays


def test_no_feedback_for_a_submission_that_could_not_be_graded(graded):
    assert not (graded.course / "feedback" / "corrupt" / ck.MODULE / f"{ck.MODULE}.html").exists()
    assert graded.result("alice").feedback


def test_grading_one_module_again_replaces_its_rows_and_keeps_the_others(graded, tmp_path):
    course = ck.copy_course(graded.course, tmp_path / "exercises")
    csv_path = course / "grades.csv"
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    rows.append({"student": "zoe", "module": "00-earlier-module", "status": "graded", "score": "5"})
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, restval="")
        writer.writeheader()
        writer.writerows(rows)
    for folder in (course / "submitted").iterdir():
        if folder.name != "alice":
            shutil.rmtree(folder)
    report = grade(course, ck.MODULE, serve=False)
    assert [r.student for r in report.results] == ["alice"] and report.ok
    with open(csv_path, newline="", encoding="utf-8") as fh:
        after = {(row["student"], row["module"]) for row in csv.DictReader(fh)}
    assert after == {("alice", ck.MODULE), ("zoe", "00-earlier-module")}


def test_a_module_missing_from_the_gradebook_is_generated_before_grading(fixture_course, tmp_path):
    """A fresh instructor machine: the release copy went out, but this gradebook never saw the module."""
    course = ck.copy_course(fixture_course, tmp_path / "exercises")
    (course / "gradebook.db").unlink()
    ck.submit(course, "alice", ck.solution_for_submission(course))
    report = grade(course, serve=False)
    assert report.ok and report.results[0].auto_score == AUTO_MAX


def test_manual_grades_from_formgrader_reach_grades_csv_without_rerunning_notebooks(graded, tmp_path):
    course = ck.copy_course(graded.course, tmp_path / "exercises")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "osint-lab") as gb:
        for cell, points in (("written", 2), ("task-misleading", 1)):
            g = gb.find_grade(cell, ck.MODULE, ck.MODULE, "alice")
            g.manual_score, g.needs_manual_grade = points, False  # what formgrader saves
        gb.db.commit()
    export_grades(course)
    with open(course / "grades.csv", newline="", encoding="utf-8") as fh:
        rows = {row["student"]: row for row in csv.DictReader(fh)}
    assert rows["alice"]["score"] == "9" and rows["alice"]["needs_manual_grade"] == "no"
    assert "awaiting manual grading" not in rows["alice"]["note"]
    assert rows["corrupt"]["status"] == "failed" and "not valid JSON" in rows["corrupt"]["note"]
    assert rows["loop"]["note"].startswith("cell 'answer' was stopped")  # earlier notes are kept
