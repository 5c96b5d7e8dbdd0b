"""The calibration bar for module 04: the naive approach scores at most half, the taught method 90 %.

For the default world (seed 2026) and two other seeds, the tables a complete crawl collects are read
from public/site.sqlite; the module's reference method and the naive method (every account that posts
a job offer, the reported account's display name as the front, links only on exact usernames) are
scored against the answer key with the hidden grader's own arithmetic. Run with ``-s`` to see the figures:

    .venv/bin/python -m pytest tests/graders/test_m04_calibration.py -s
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graders.modules.m04_recruitment_on_social_media import checks as m04

SEEDS = (2026, 7, 12345)
NAIVE_AT_MOST = 0.5
SOLUTION_AT_LEAST = 0.9


def scores(world: Path) -> tuple[dict[str, float], dict[str, float]]:
    """(reference, naive) points per question on ``world``."""
    key = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][m04.MODULE]
    start = json.loads((world / "public" / "briefs.json").read_text(encoding="utf-8"))[m04.MODULE]["start_account"]
    tables = m04.tables_from_public_db(world)
    return (m04.grade(m04.reference_solution(tables), key),
            m04.grade(m04.naive_solution(tables, start_account=start), key))


@pytest.mark.parametrize("seed", SEEDS)
def test_naive_scores_at_most_half_and_the_method_at_least_ninety_percent(seed, world_factory) -> None:
    solution, naive = scores(world_factory(seed, "default"))
    total = sum(m04.POINTS.values())
    solution_share, naive_share = sum(solution.values()) / total, sum(naive.values()) / total
    print(f"\nseed {seed}: solution {sum(solution.values()):.2f}/{total:g} ({solution_share:.0%}) {solution}")
    print(f"seed {seed}: naive    {sum(naive.values()):.2f}/{total:g} ({naive_share:.0%}) {naive}")
    assert naive_share <= NAIVE_AT_MOST, f"the naive method scores {naive_share:.0%} on seed {seed}"
    assert solution_share >= SOLUTION_AT_LEAST, f"the module's method scores {solution_share:.0%} on seed {seed}"
    # The issue names the two naive shortcuts: each must fail on its own question, not only in total.
    for question in ("recruiter_accounts", "account_ads"):
        assert naive[question] <= NAIVE_AT_MOST * m04.POINTS[question], (seed, question, naive)
    for question, points in m04.POINTS.items():
        assert solution[question] >= SOLUTION_AT_LEAST * points, (seed, question, solution)
