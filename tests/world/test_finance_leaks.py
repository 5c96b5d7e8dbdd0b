"""No label leaks: neither ids, row order, activity time range nor degree separates illicit accounts.

PaySim leaked labels through id prefixes, AMLworld through a post-period tail, AMLSim through degree drift.
For each feature alone we compute the AUC of "flagged vs the other customer accounts" and compare it with
the AUCs of random labellings of the same size (a permutation null). A feature leaks when its AUC lies
outside the null's 0.1 %-99.9 % range — with ~50 flagged accounts that range is about 0.5 ± 0.16, so the test
finds any feature that would rank flagged accounts usefully (an AUC of 0.7 is a usable classifier), while a
world without leaks passes at its stated false-alarm rate (0.2 % per feature, two-sided). Merchants are left
out: every shop has a huge degree, benign or not, and keeping them would only make the test easier to pass.
"""

from __future__ import annotations

import numpy as np
import pytest

from synth.key.finance import flagged_accounts


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """The Mann-Whitney AUC with average ranks for ties."""
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    _, inverse, counts = np.unique(scores, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    ranks = (sums / counts)[inverse]
    pos = labels.sum()
    return float((ranks[labels].sum() - pos * (pos + 1) / 2) / (pos * (len(labels) - pos)))


def null_range(scores: np.ndarray, positives: int, rng: np.random.Generator, n: int = 2000) -> tuple[float, float]:
    values = []
    for _ in range(n):
        labels = np.zeros(len(scores), dtype=bool)
        labels[rng.choice(len(scores), positives, replace=False)] = True
        values.append(auc(scores, labels))
    return float(np.quantile(values, 0.001)), float(np.quantile(values, 0.999))


@pytest.fixture(scope="module")
def features(built_world):
    world = built_world(2026, "default")
    finance = world.finance
    c = finance.ledger.columns
    customers = np.array([a.account_id for a in finance.accounts if a.kind != "merchant"])
    flagged = np.isin(customers, flagged_accounts(finance))
    row = np.arange(len(c["txn_id"]))
    n = len(finance.accounts) + 2
    first, last, position = np.full(n, np.inf), np.full(n, -np.inf), np.full(n, np.inf)
    for side in ("debit", "credit"):
        ids = np.where(c[side] > 0, c[side], n - 1)
        np.minimum.at(first, ids, c["ts"])
        np.maximum.at(last, ids, c["ts"])
        np.minimum.at(position, ids, row)
    indeg = np.bincount(np.maximum(c["credit"], 0), minlength=n)
    outdeg = np.bincount(np.maximum(c["debit"], 0), minlength=n)
    table = {"account id": customers.astype(float), "first row": position[customers],
             "first time": first[customers], "last time": last[customers], "in-degree": indeg[customers].astype(float),
             "out-degree": outdeg[customers].astype(float), "degree": (indeg + outdeg)[customers].astype(float)}
    return table, flagged


@pytest.mark.parametrize("feature", ["account id", "first row", "first time", "last time", "in-degree", "out-degree",
                                     "degree"])
def test_feature_alone_is_no_better_than_chance(features, feature: str) -> None:
    table, flagged = features
    assert flagged.sum() >= 30
    scores = np.nan_to_num(table[feature], posinf=1e12, neginf=-1e12)
    value = auc(scores, flagged)
    low, high = null_range(scores, int(flagged.sum()), np.random.default_rng(7))
    assert low <= value <= high, f"{feature}: AUC {value:.3f} outside chance range [{low:.3f}, {high:.3f}]"


def test_illicit_rows_are_spread_over_the_ids(features, built_world) -> None:
    world = built_world(2026, "default")
    c = world.finance.ledger.columns
    illicit = c["flow"] >= 0
    # Row ids follow time only: illicit rows' mean rank is mid-range, and the last tenth is not theirs.
    mean_rank = np.flatnonzero(illicit).mean() / len(illicit)
    assert 0.35 < mean_rank < 0.65
    assert illicit[int(0.9 * len(illicit)):].mean() < 0.1
