"""The calibration bar for module 03: myths and exact strings score at most half, the taught method 90 %.

For the default world (seed 2026) and two other seeds, the items a complete crawl collects are read
from public/site.sqlite; the module's reference method and the naive method (myth words and ages
18-22 as the operation, links only on contact strings written exactly alike) are scored against the
answer key with the hidden grader's own arithmetic. Run with ``-s`` to see the figures:

    .venv/bin/python -m pytest tests/graders/test_m03_calibration.py -s
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graders.modules.m03_linking_ads import checks as m03
from graders.modules.m03_linking_ads import method as m03_method

SEEDS = (2026, 7, 12345)
NAIVE_AT_MOST = 0.5
SOLUTION_AT_LEAST = 0.9


def _scores(world: Path) -> tuple[dict[str, float], dict[str, float]]:
    key = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][m03.MODULE]
    items = m03_method.items_from_public_db(world)
    start_ad = json.loads((world / "public" / "briefs.json").read_text(encoding="utf-8"))[m03.MODULE]["start_ad"]
    return (m03.grade(m03_method.reference_solution(items, start_ad=start_ad), key),
            m03.grade(m03_method.naive_solution(items, start_ad=start_ad), key))


@pytest.mark.parametrize("seed", SEEDS)
def test_naive_scores_at_most_half_and_the_method_at_least_ninety_percent(seed, world_factory, monkeypatch) -> None:
    world = world_factory(seed, "default")
    monkeypatch.setenv("OSINTLAB_WORLD", str(world))  # the reference reads city countries from the public db
    solution, naive = _scores(world)
    total = sum(m03.POINTS.values())
    solution_share, naive_share = sum(solution.values()) / total, sum(naive.values()) / total
    print(f"\nseed {seed}: solution {sum(solution.values()):.2f}/{total:g} ({solution_share:.0%}) {solution}")
    print(f"seed {seed}: naive    {sum(naive.values()):.2f}/{total:g} ({naive_share:.0%}) {naive}")
    assert naive_share <= NAIVE_AT_MOST, f"the naive method scores {naive_share:.0%} on seed {seed}"
    assert solution_share >= SOLUTION_AT_LEAST, f"the module's method scores {solution_share:.0%} on seed {seed}"
