"""The scoring metrics: exact values on small cases, and the edge cases graders rely on."""

from __future__ import annotations

import pytest

from graders.grading.metrics import edit_distance, edit_similarity, precision_at_k, set_f1


def test_set_f1_perfect_partial_and_wrong() -> None:
    assert set_f1({1, 2, 3}, {1, 2, 3}) == (1.0, 1.0, 1.0)
    precision, recall, f1 = set_f1({1, 2, 9}, {1, 2, 3, 4})
    assert (precision, recall) == (pytest.approx(2 / 3), 0.5)
    assert f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert set_f1({8, 9}, {1, 2}) == (0.0, 0.0, 0.0)


def test_set_f1_counts_duplicates_once_and_handles_empty_sets() -> None:
    assert set_f1([1, 1, 1, 2], [1, 2]) == (1.0, 1.0, 1.0)
    assert set_f1([], [1, 2]) == (0.0, 0.0, 0.0)
    assert set_f1([], []) == (1.0, 1.0, 1.0)
    assert set_f1([1], []) == (0.0, 0.0, 0.0)


def test_precision_at_k() -> None:
    assert precision_at_k(["a", "b", "x", "c"], {"a", "b", "c"}, 2) == 1.0
    assert precision_at_k(["a", "x", "b"], {"a", "b"}, 3) == pytest.approx(2 / 3)
    assert precision_at_k(["a", "a", "b"], {"a", "b"}, 2) == 1.0  # repeats do not fill the ranking
    assert precision_at_k(["a"], {"a", "b"}, 4) == 0.25  # a short list is scored over k
    with pytest.raises(ValueError):
        precision_at_k(["a"], {"a"}, 0)


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("", "", 0), ("abc", "abc", 0), ("abc", "", 3), ("kitten", "sitting", 3),
    (["warsaw", "berlin"], ["warsaw", "london", "berlin"], 1), (["a", "b"], ["b", "a"], 2),
])
def test_edit_distance(a, b, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


def test_edit_similarity() -> None:
    assert edit_similarity([], []) == 1.0
    assert edit_similarity(["a", "b", "c", "d"], ["a", "b", "c", "x"]) == 0.75
    assert edit_similarity(["a"], ["b"]) == 0.0
