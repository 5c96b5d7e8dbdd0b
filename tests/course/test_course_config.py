"""exercises/nbgrader_config.py: the settings docs/design.md §8 depends on, from any working directory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from nbgrader.preprocessors import OverwriteCells
from traitlets.config.loader import PyFileConfigLoader
from traitlets.utils.importstring import import_item

from graders.grading.course import cell_timeout, default_course_dir, load_config

COURSE = default_course_dir()


@pytest.fixture
def exchange(tmp_path, monkeypatch) -> Path:
    """Point the exchange at a temporary folder, so loading the config does not touch the checkout."""
    path = tmp_path / "exchange"
    monkeypatch.setenv("OSINTLAB_EXCHANGE", str(path))
    return path


def _load(monkeypatch, cwd: Path):
    monkeypatch.chdir(cwd)
    return PyFileConfigLoader("nbgrader_config.py", path=str(COURSE)).load_config()


def test_the_config_means_the_same_from_any_working_directory(exchange, monkeypatch, tmp_path):
    a = _load(monkeypatch, tmp_path)
    b = _load(monkeypatch, COURSE)
    assert a == b
    assert a.CourseDirectory.root == str(COURSE) and Path(a.CourseDirectory.root).is_absolute()
    assert a.CourseDirectory.course_id == "osint-lab"


def test_a_looping_cell_is_interrupted_and_the_notebook_goes_on(exchange, monkeypatch, tmp_path):
    config = _load(monkeypatch, tmp_path)
    assert config.Execute.timeout == 300 and config.Execute.interrupt_on_timeout is True
    assert cell_timeout(config) == 300


def test_deleted_test_cells_are_put_back(exchange, monkeypatch, tmp_path):
    assert "add_missing_cells" in OverwriteCells.class_trait_names()  # the trait exists in this nbgrader
    assert _load(monkeypatch, tmp_path).OverwriteCells.add_missing_cells is True


def test_feedback_goes_through_the_sanitiser_and_every_preprocessor_imports(exchange, monkeypatch, tmp_path):
    names = _load(monkeypatch, tmp_path).GenerateFeedback.preprocessors
    assert names[0] == "graders.grading.feedback.SanitizeFeedback"
    assert "nbgrader.preprocessors.GetGrades" in names
    for name in names:
        import_item(name)


def test_the_blank_stub_raises_so_an_empty_notebook_scores_zero(exchange, monkeypatch, tmp_path):
    stub = _load(monkeypatch, tmp_path).ClearSolutions.code_stub["python"]
    assert "raise NotImplementedError" in stub


def test_the_exchange_exists_and_every_trainee_can_write_to_it(exchange, monkeypatch, tmp_path):
    config = _load(monkeypatch, tmp_path)
    assert config.Exchange.root == str(exchange)
    mode = stat.S_IMODE(os.stat(exchange).st_mode)
    assert mode & 0o777 == 0o777 and mode & stat.S_ISVTX


def test_grading_enforces_the_safety_settings_even_if_a_config_drops_them(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.OverwriteCells.add_missing_cells = False\n"
        "c.GenerateFeedback.preprocessors = ['nbgrader.preprocessors.GetGrades']\n"
        "c.Execute.timeout = 7\n")
    config = load_config(tmp_path)
    assert config.CourseDirectory.root == str(tmp_path.resolve())
    assert config.CourseDirectory.course_id == "osint-lab"
    assert config.OverwriteCells.add_missing_cells is True
    assert config.GenerateFeedback.preprocessors[0] == "graders.grading.feedback.SanitizeFeedback"
    assert config.Execute.interrupt_on_timeout is True
    assert "7 s" in config.Execute.error_on_timeout["evalue"]
