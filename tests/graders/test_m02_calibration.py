"""The calibration bar for module 02, on generated worlds: naive extraction ≤ 50 %, the taught method ≥ 90 %.

"Naive" is a regex for runs of 7+ digits plus a plain e-mail regex (each run still formatted in
E.164 with the profile's region, the strongest naive variant); the taught method is
``graders.modules.m02_selectors_and_normalisation.method.reference_extract``, which the notebook's
solution rebuilds step by step.
Both are scored with the hidden graders' own arithmetic against each world's answer key. The
figures are printed (``pytest -s tests/graders/test_m02_calibration.py``) so that a change in the
generator's obscuring rates shows up as numbers, not only as a failure. A third method, the
"digits-only probe" (module 01's cleaning applied to the contact line), is printed for information
and not asserted: it shows how many phone points only digit words and the letter O protect.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graders.modules.m02_selectors_and_normalisation import checks as m02
from graders.modules.m02_selectors_and_normalisation import method as m02_method

SEEDS = (2026, 7, 12345)
NAIVE_MAX = 0.5
TAUGHT_MIN = 0.9


@pytest.mark.parametrize("seed", SEEDS)
def test_naive_scores_at_most_half_and_the_taught_method_at_least_90_percent(seed: int, world_factory) -> None:
    world: Path = world_factory(seed, "default")
    results = m02.calibration(world)
    print("\n" + m02.calibration_report(results, f"module 02 calibration, seed {seed} (default preset)"))
    naive, as_written = results["naive, runs in E.164"], results["naive, runs as written"]
    taught = results["taught method"]
    assert naive["share"] <= NAIVE_MAX, f"the naive method earns {naive['share']:.0%}: too many plain selectors"
    assert as_written["share"] <= naive["share"]
    assert taught["share"] >= TAUGHT_MIN, f"the taught method earns only {taught['share']:.0%}"


@pytest.mark.parametrize(("seed", "preset"), [(2026, "tiny"), (7, "tiny"), (2026, "default")])
def test_hidden_checks_and_self_check_agree_on_generated_worlds(seed: int, preset: str, world_factory,
                                                                monkeypatch, capsys) -> None:
    """The taught method's table, through the notebook's own calls: full marks and three "Well done"."""
    import pandas as pd

    from graders.grading.key import load_public_db
    from graders.lab.selfcheck import check
    from graders.modules.m02_selectors_and_normalisation.answers import QUESTION_IDS

    world = world_factory(seed, preset)
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))
    with load_public_db(world) as db:
        table = pd.DataFrame(m02_method.answer_rows(m02_method.public_profiles(db), m02_method.reference_extract))
    assert m02.score_phones(table) == 4.0
    assert m02.score_emails(table) == 2.0
    assert m02.score_handles(table) == 2.0
    for question in QUESTION_IDS.values():
        check(question, table)
    out, err = capsys.readouterr()
    assert err == "" and out.count("Well done") == 3, out
