"""Make an autograded notebook safe to show its trainee: the feedback preprocessor.

nbgrader 0.9.6 builds feedback HTML from the *autograded* notebook, and during autograding it puts the
hidden tests back into every test cell (that is how they run).  Left alone, the feedback therefore
shows the hidden tests, quotes the failing hidden line in tracebacks (with the assertion message,
which may name the expected answer), and shows whatever the hidden code displayed.  Trainees would
read the answers off their first feedback.  ``SanitizeFeedback`` removes all of it before the HTML is
rendered; it is configured into ``GenerateFeedback.preprocessors`` (exercises/nbgrader_config.py and
``graders.grading.course``), so plain ``nbgrader generate_feedback`` is safe too.

What it does, per notebook:

- removes every hidden-test region (markers included) and every mark-scheme region from cell sources,
  leaving a one-line note where hidden tests ran;
- in every cell's tracebacks and streams, drops each line that quotes hidden code; when the failing
  line itself was hidden, the whole traceback becomes ``<ExceptionType>: A hidden check failed — see
  the score.`` (the exception's message goes too: hidden assertions may spell out the answer);
- in cells that contain hidden tests, drops rich displays and every ``execute_result`` except the
  numeric score nbgrader's partial credit reads.

``leaked_lines`` is the independent check: which hidden lines still appear in rendered feedback.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, Unicode

HIDDEN_CHECK_MESSAGE = "A hidden check failed — see the score."
HIDDEN_NOTE = "# (hidden tests ran here when your notebook was graded; they are not shown)"

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_ARROW = re.compile(r"^\s*-+>")  # IPython marks the failing line with "---->"
_TAG = re.compile(r"<[^>]*>")
_STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)


@dataclass(frozen=True)
class Split:
    """A cell source cut into what a trainee may see and what they may not."""

    visible: str
    hidden: tuple[str, ...]  # every removed line, markers included, as written
    had_region: bool


def split_regions(source: str, begin: str, end: str, note: str | None = None) -> Split:
    """Remove every ``begin``…``end`` region (both marker lines included) from ``source``.

    An unterminated region runs to the end of the cell: an author's typo must not publish the rest.
    ``note`` (if given) replaces each region, so the reader knows something ran there.
    """
    kept: list[str] = []
    hidden: list[str] = []
    inside = False
    found = False
    for line in source.split("\n"):
        if not inside and begin in line:
            inside = found = True
            hidden.append(line)
            if note is not None:
                kept.append(line[: len(line) - len(line.lstrip())] + note)
        elif inside:
            hidden.append(line)
            if end in line:
                inside = False
        else:
            kept.append(line)
    return Split("\n".join(kept), tuple(hidden), found)


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def _needles(hidden_lines: Iterable[str], visible_text: str) -> tuple[str, ...]:
    """The hidden lines worth searching for: stripped, with a letter or digit, not also visible.

    A line that also appears in the visible part (``score = 0``, say) is not a secret, and searching
    for it would only hide the trainee's own code.
    """
    visible = {line.strip() for line in visible_text.split("\n")}
    out = {line.strip() for line in hidden_lines}
    return tuple(sorted(n for n in out if any(ch.isalnum() for ch in n) and n not in visible))


def quotes_hidden(text: str, needles: Iterable[str]) -> bool:
    plain = strip_ansi(text)
    return any(n in plain for n in needles)


def scrub_lines(text: str, needles: tuple[str, ...]) -> tuple[str, bool]:
    """``text`` without the lines that quote hidden code; True when the failing (arrow) line went."""
    kept = []
    arrow_hidden = False
    for line in text.split("\n"):
        if quotes_hidden(line, needles):
            arrow_hidden = arrow_hidden or bool(_ARROW.match(strip_ansi(line)))
            continue
        kept.append(line)
    return "\n".join(kept), arrow_hidden


def scrub_error(output: NotebookNode, needles: tuple[str, ...], message: str = HIDDEN_CHECK_MESSAGE) -> None:
    """Drop hidden lines from an error output; a failure *in* hidden code keeps only its type."""
    entries = []
    hidden_failure = quotes_hidden(str(output.get("evalue", "")), needles)
    for entry in output.get("traceback", []):
        text, arrow_hidden = scrub_lines(entry, needles)
        hidden_failure = hidden_failure or arrow_hidden
        if text.strip():
            entries.append(text)
    if hidden_failure:
        ename = output.get("ename", "Error")
        output["evalue"] = message
        output["traceback"] = [f"{ename}: {message}"]
    else:
        output["traceback"] = entries


def _is_number(text: object) -> bool:
    if isinstance(text, list):
        text = "".join(text)
    try:
        float(str(text))
    except ValueError:
        return False
    return True


class SanitizeFeedback(Preprocessor):
    """Remove hidden tests, mark schemes and what they printed from a notebook before feedback.

    Runs on a copy of the autograded notebook inside ``nbgrader generate_feedback``; the autograded
    notebook itself (what instructors see in formgrader) keeps everything.
    """

    enabled = Bool(True).tag(config=True)
    begin_hidden = Unicode("BEGIN HIDDEN TESTS").tag(config=True)
    end_hidden = Unicode("END HIDDEN TESTS").tag(config=True)
    begin_mark_scheme = Unicode("BEGIN MARK SCHEME").tag(config=True)
    end_mark_scheme = Unicode("END MARK SCHEME").tag(config=True)
    hidden_note = Unicode(HIDDEN_NOTE).tag(config=True)
    hidden_message = Unicode(HIDDEN_CHECK_MESSAGE).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        hidden: list[str] = []
        hidden_cells: set[int] = set()
        for index, cell in enumerate(nb.cells):
            tests = split_regions(cell.source, self.begin_hidden, self.end_hidden,
                                  self.hidden_note if cell.cell_type == "code" else None)
            scheme = split_regions(tests.visible, self.begin_mark_scheme, self.end_mark_scheme)
            if tests.had_region or scheme.had_region:
                cell.source = scheme.visible
                hidden.extend(tests.hidden + scheme.hidden)
            if tests.had_region:
                hidden_cells.add(index)
        needles = _needles(hidden, "\n".join(cell.source for cell in nb.cells))
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                cell.outputs = self._clean_outputs(cell.outputs, needles, index in hidden_cells)
        return nb, resources

    def _clean_outputs(self, outputs: list, needles: tuple[str, ...], hidden_cell: bool) -> list:
        kept = []
        for out in outputs:
            kind = out.get("output_type")
            if kind == "error":
                scrub_error(out, needles, self.hidden_message)
            elif kind == "stream":
                out["text"], _ = scrub_lines("".join(out.get("text", "")), needles)
                if not out["text"]:
                    continue
            elif hidden_cell and kind == "execute_result":
                plain = out.get("data", {}).get("text/plain", "")
                if not _is_number(plain):
                    continue  # only the score may be shown; any other value could be the answer
                out["data"] = {"text/plain": plain}
            elif hidden_cell and kind == "display_data":
                continue
            kept.append(out)
        return kept


def hidden_lines_of(nb: NotebookNode, begin: str = "BEGIN HIDDEN TESTS", end: str = "END HIDDEN TESTS",
                    min_length: int = 8) -> tuple[str, ...]:
    """Distinctive hidden lines of an autograded notebook: what must never reach its feedback.

    Only lines of at least ``min_length`` characters that do not also occur in the visible part, so
    that a common line (``score += 1``) that the trainee's own code shows is not a false alarm.
    """
    hidden: list[str] = []
    visible: list[str] = []
    for cell in nb.cells:
        for marks in ((begin, end), ("BEGIN MARK SCHEME", "END MARK SCHEME")):
            part = split_regions(cell.source, *marks)
            hidden.extend(part.hidden)
        visible.append(split_regions(split_regions(cell.source, begin, end).visible,
                                     "BEGIN MARK SCHEME", "END MARK SCHEME").visible)
    return tuple(n for n in _needles(hidden, "\n".join(visible)) if len(n) >= min_length)


def html_text(page: str) -> str:
    """The text a browser would show for ``page``: tags, styles and scripts removed, entities decoded.

    Syntax highlighting splits code into many ``<span>``s; removing the tags joins it up again so that
    a hidden line can be found as written.
    """
    return html.unescape(_TAG.sub("", _STYLE.sub("", page)))


def leaked_lines(page: str, hidden: Iterable[str]) -> list[str]:
    """The ``hidden`` lines that occur in the rendered ``page`` (empty when the feedback is safe)."""
    text = html_text(page)
    return [line for line in hidden if line and line in text]
