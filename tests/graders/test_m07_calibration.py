"""The calibration bar for module 07: threshold rules alone score at most half, the taught method 90 %.

For the default world (seed 2026) and two other seeds, the productions (public/productions, read with
graders.lab.productions), module 03's ads, WorkAbroad's posts and the brief are loaded as a trainee loads them;
the module's reference method and the naive threshold rules (a cash deposit of 9,000-10,000; many incoming
payments) are scored against the answer key with the hidden grader's own arithmetic. Run with ``-s`` to see
the figures:

    .venv/bin/python -m pytest tests/graders/test_m07_calibration.py -s
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graders.modules.m07_following_the_money import checks as m07

SEEDS = (2026, 7, 12345)
NAIVE_AT_MOST = 0.5
SOLUTION_AT_LEAST = 0.9


def with_productions(world: Path, seed: int) -> Path:
    """The world, with its productions rendered if the generator of this checkout does not write them yet."""
    if not (world / "public" / "productions").exists():
        from synth.build.pipeline import build_world
        from synth.render.productions.orders import render_productions

        render_productions(build_world(seed, "default"), world / "public")
    return world


_TABLES: dict[Path, dict] = {}


def tables_of(world: Path) -> dict:
    """The loaded productions and tables of ``world``, read once per test session (about 4 s each)."""
    if world not in _TABLES:
        _TABLES[world] = m07.tables_from_public(world)
    return _TABLES[world]


def scores(world: Path) -> tuple[dict[str, float], dict[str, float]]:
    """(reference, naive) points per question on ``world``."""
    key = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][m07.MODULE]
    tables = tables_of(world)
    rates = tables["brief"]["eur_per_unit"]
    return (m07.grade(m07.reference_solution(tables), key, rates),
            m07.grade(m07.naive_solution(tables), key, rates))


@pytest.mark.parametrize("seed", SEEDS)
def test_naive_scores_at_most_half_and_the_method_at_least_ninety_percent(seed, world_factory) -> None:
    solution, naive = scores(with_productions(world_factory(seed, "default"), seed))
    total = sum(m07.POINTS.values())
    solution_share, naive_share = sum(solution.values()) / total, sum(naive.values()) / total
    print(f"\nseed {seed}: solution {sum(solution.values()):.2f}/{total:g} ({solution_share:.0%}) {solution}")
    print(f"seed {seed}: naive    {sum(naive.values()):.2f}/{total:g} ({naive_share:.0%}) {naive}")
    assert naive_share <= NAIVE_AT_MOST, f"the naive rules score {naive_share:.0%} on seed {seed}"
    assert solution_share >= SOLUTION_AT_LEAST, f"the module's method scores {solution_share:.0%} on seed {seed}"
    # The flagged accounts are where the threshold rules must fail on their own, and the method must hold.
    assert naive["flagged_accounts"] <= NAIVE_AT_MOST * m07.POINTS["flagged_accounts"], (seed, naive)
    for question, points in m07.POINTS.items():
        assert solution[question] >= SOLUTION_AT_LEAST * points, (seed, question, solution)


@pytest.mark.parametrize("factor", [2.0, 3.0, 5.0, 10.0])
def test_no_many_incoming_threshold_rescues_the_naive_rules(factor, world_factory, monkeypatch) -> None:
    """"Many incoming payments" is a choice; whichever multiple of the median is taken, the rules stay low."""
    world = with_productions(world_factory(2026, "default"), 2026)
    monkeypatch.setattr(m07, "MANY_INCOMING", factor)
    key = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][m07.MODULE]
    tables = tables_of(world)
    naive = m07.grade(m07.naive_solution(tables), key, tables["brief"]["eur_per_unit"])
    assert sum(naive.values()) <= NAIVE_AT_MOST * sum(m07.POINTS.values()), (factor, naive)
