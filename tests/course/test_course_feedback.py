"""graders.grading.feedback alone: what the feedback preprocessor removes, and what it must keep.

Tracebacks are written the way IPython 9 formats them in an autograded notebook (ANSI colours, an
arrow on the failing line, two lines of context), copied from a real autograde run.
"""

from __future__ import annotations

import copy

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from graders.grading import feedback as fb

HIDDEN_CELL = '''\
assert callable(count_words), "define count_words"
### BEGIN HIDDEN TESTS
EXPECTED_SECRET = {"padded   words": 2}
assert count_words("  padded   words  ") == 2, "expected 2 (ANSWER-7731)"
### END HIDDEN TESTS
'''

# IPython's rendering of a failure on line 4 (hidden) of HIDDEN_CELL.
HIDDEN_FAILURE_TB = [
    "\x1b[31m---------------------------------------------------------------------------\x1b[39m",
    "\x1b[31mAssertionError\x1b[39m                            Traceback (most recent call last)",
    "\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[3]\x1b[39m\x1b[32m, line 4\x1b[39m\n"
    "\x1b[32m      2\x1b[39m \x1b[38;5;66;03m### BEGIN HIDDEN TESTS\x1b[39;00m\n"
    "\x1b[32m      3\x1b[39m EXPECTED_SECRET = {\x1b[33m\"padded   words\"\x1b[39m: \x1b[32m2\x1b[39m}\n"
    "\x1b[32m----> \x1b[39m\x1b[32m4\x1b[39m \x1b[38;5;28;01massert\x1b[39;00m count_words("
    "\x1b[33m\"  padded   words  \"\x1b[39m) == \x1b[32m2\x1b[39m, \x1b[33m\"expected 2 (ANSWER-7731)\"\x1b[39m\n"
    "\x1b[32m      5\x1b[39m \x1b[38;5;66;03m### END HIDDEN TESTS\x1b[39;00m\n",
    "\x1b[31mAssertionError\x1b[39m: expected 2 (ANSWER-7731)",
]

# A failure of the *visible* first line: its context shows the first hidden lines.
VISIBLE_FAILURE_TB = [
    "\x1b[31mNameError\x1b[39m                                 Traceback (most recent call last)",
    "\x1b[36mCell\x1b[39m\x1b[36m \x1b[39m\x1b[32mIn[3]\x1b[39m\x1b[32m, line 1\x1b[39m\n"
    "\x1b[32m----> \x1b[39m\x1b[32m1\x1b[39m \x1b[38;5;28;01massert\x1b[39;00m callable(count_words), "
    "\x1b[33m\"define count_words\"\x1b[39m\n"
    "\x1b[32m      2\x1b[39m \x1b[38;5;66;03m### BEGIN HIDDEN TESTS\x1b[39;00m\n"
    "\x1b[32m      3\x1b[39m EXPECTED_SECRET = {\x1b[33m\"padded   words\"\x1b[39m: \x1b[32m2\x1b[39m}\n",
    "\x1b[31mNameError\x1b[39m: name 'count_words' is not defined",
]

SECRETS = ("EXPECTED_SECRET", "ANSWER-7731", "padded   words", "HIDDEN TESTS")


def _test_cell(outputs: list) -> nbformat.NotebookNode:
    cell = new_code_cell(HIDDEN_CELL, metadata={"nbgrader": {
        "grade": True, "solution": False, "locked": True, "grade_id": "q1", "points": 2}})
    cell.outputs = outputs
    return cell


def _sanitize(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = new_notebook(cells=list(cells))
    out, _ = fb.SanitizeFeedback().preprocess(copy.deepcopy(nb), {})
    return out


def _all_text(nb: nbformat.NotebookNode) -> str:
    return fb.strip_ansi(nbformat.writes(nb))


def test_split_regions_removes_the_region_and_its_markers():
    split = fb.split_regions("a\n### BEGIN HIDDEN TESTS\nsecret\n### END HIDDEN TESTS\nb",
                             "BEGIN HIDDEN TESTS", "END HIDDEN TESTS", note="# hidden")
    assert split.visible == "a\n# hidden\nb" and split.had_region
    assert split.hidden == ("### BEGIN HIDDEN TESTS", "secret", "### END HIDDEN TESTS")


def test_an_unterminated_region_hides_the_rest_of_the_cell():
    split = fb.split_regions("a\n### BEGIN HIDDEN TESTS\nsecret\nmore", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
    assert split.visible == "a" and "more" in split.hidden


def test_hidden_source_is_removed_and_replaced_by_a_note():
    nb = _sanitize(_test_cell([]))
    source = nb.cells[0].source
    assert source.startswith('assert callable(count_words), "define count_words"')
    assert fb.HIDDEN_NOTE in source
    for secret in SECRETS:
        assert secret not in source


def test_a_failure_in_hidden_code_keeps_only_the_type_and_a_plain_message():
    error = new_output("error", ename="AssertionError", evalue="expected 2 (ANSWER-7731)",
                       traceback=list(HIDDEN_FAILURE_TB))
    nb = _sanitize(_test_cell([error]))
    out = nb.cells[0].outputs[0]
    assert out.ename == "AssertionError"
    assert out.evalue == fb.HIDDEN_CHECK_MESSAGE
    assert out.traceback == [f"AssertionError: {fb.HIDDEN_CHECK_MESSAGE}"]
    for secret in SECRETS:
        assert secret not in _all_text(nb)


def test_a_visible_failure_keeps_its_traceback_minus_the_hidden_context_lines():
    error = new_output("error", ename="NameError", evalue="name 'count_words' is not defined",
                       traceback=list(VISIBLE_FAILURE_TB))
    nb = _sanitize(_test_cell([error]))
    out = nb.cells[0].outputs[0]
    text = fb.strip_ansi("\n".join(out.traceback))
    assert out.evalue == "name 'count_words' is not defined"
    assert "----> 1 assert callable(count_words)" in text
    assert "NameError: name 'count_words' is not defined" in text
    for secret in SECRETS:
        assert secret not in text


def test_only_a_numeric_score_survives_among_a_hidden_cells_results():
    answer_repr = new_output("execute_result", data={"text/plain": "{'+44 7700 900123': ['Ana', 'Ola']}",
                                                     "text/html": "<b>key</b>"}, execution_count=3)
    score = new_output("execute_result", data={"text/plain": "1.5", "text/html": "<i>1.5</i>"},
                       execution_count=3)
    display = new_output("display_data", data={"text/plain": "the answer table"})
    printed = new_output("stream", name="stdout", text="2 of 3 hidden checks passed\n")
    nb = _sanitize(_test_cell([printed, display, answer_repr, score]))
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["stream", "execute_result"]
    assert outputs[1].data == {"text/plain": "1.5"}
    assert "7700" not in _all_text(nb) and "answer table" not in _all_text(nb)


def test_stream_lines_quoting_hidden_code_are_dropped():
    warning = new_output("stream", name="stderr", text=(
        "/tmp/ipykernel/1.py:4: UserWarning: slow\n"
        '  assert count_words("  padded   words  ") == 2, "expected 2 (ANSWER-7731)"\n'))
    nb = _sanitize(_test_cell([warning]))
    text = nb.cells[0].outputs[0].text
    assert "UserWarning: slow" in text and "ANSWER-7731" not in text


def test_other_cells_tracebacks_are_scrubbed_of_hidden_lines_too():
    """A helper defined in hidden code and failing later would be quoted in a later cell's traceback."""
    later = new_code_cell("count_words(None)")
    later.outputs = [new_output("error", ename="AttributeError", evalue="'NoneType' has no attribute",
                                traceback=["Cell In[9], line 1\n----> 1 count_words(None)",
                                           'Cell In[3], line 4\n----> 4 assert count_words("  padded   words  ")'
                                           ' == 2, "expected 2 (ANSWER-7731)"'])]
    nb = _sanitize(_test_cell([]), later)
    out = nb.cells[1].outputs[0]
    assert out.evalue == fb.HIDDEN_CHECK_MESSAGE and "ANSWER-7731" not in _all_text(nb)


def test_a_trainees_own_cells_are_left_alone():
    mine = new_code_cell("x = {'a': 1}\nx")
    mine.outputs = [new_output("execute_result", data={"text/plain": "{'a': 1}"}, execution_count=1),
                    new_output("display_data", data={"text/plain": "a chart"})]
    before = copy.deepcopy(mine)
    nb = _sanitize(mine, _test_cell([]))
    assert nb.cells[0] == before


def test_mark_schemes_are_removed_from_markdown_cells():
    task = new_markdown_cell("Explain.\n=== BEGIN MARK SCHEME ===\nGive 2 points for X.\n=== END MARK SCHEME ===\n")
    nb = _sanitize(task)
    assert nb.cells[0].source.strip() == "Explain."


def test_leaked_lines_finds_a_hidden_line_split_by_syntax_highlighting():
    page = ('<style>.x{}</style><pre><span class="k">assert</span> count_words(<span class="s2">'
            '&quot;  padded   words  &quot;</span>) == 2</pre>')
    hidden = ('assert count_words("  padded   words  ") == 2',)
    assert fb.leaked_lines(page, hidden) == list(hidden)
    assert fb.leaked_lines("<p>nothing here</p>", hidden) == []


def test_hidden_lines_of_ignores_lines_that_are_also_visible():
    cell = new_code_cell("score = 0\n### BEGIN HIDDEN TESTS\nscore = 0\nEXPECTED_SECRET = 12345678\n"
                         "### END HIDDEN TESTS\nscore")
    lines = fb.hidden_lines_of(new_notebook(cells=[cell]))
    assert "EXPECTED_SECRET = 12345678" in lines and "score = 0" not in lines
