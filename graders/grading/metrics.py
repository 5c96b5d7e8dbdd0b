"""Scoring metrics shared by every module's grader (docs/design.md §8).

Set answers score by F1, ranked answers by precision@k, sequences by edit distance. The functions
take plain Python collections of canonical items, so each grader canonicalises first and scores
second, and the same numbers come out whatever shape the trainee's answer had.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence


def set_f1(predicted: Iterable[Hashable], truth: Iterable[Hashable]) -> tuple[float, float, float]:
    """Precision, recall and F1 of a predicted set against the true set.

    Duplicates count once: listing the same ad twice neither helps nor hurts. When the truth is
    empty, an empty answer is perfect (1, 1, 1) and any listed item makes every figure 0, so a
    world without a planted answer never rewards guessing.
    """
    pred, true = set(predicted), set(truth)
    if not true:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return 0.0, 0.0, 0.0
    hits = len(pred & true)
    precision = hits / len(pred)
    recall = hits / len(true)
    f1 = 0.0 if hits == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def precision_at_k(ranked: Sequence[Hashable], truth: Iterable[Hashable], k: int) -> float:
    """Share of the first ``k`` distinct ranked items that are true.

    A list shorter than ``k`` is scored over ``k`` all the same, so padding is never needed and
    a short answer cannot score higher than a full one.
    """
    if k <= 0:
        raise ValueError("k must be a positive whole number")
    true = set(truth)
    seen: list[Hashable] = []
    for item in ranked:
        if item not in seen:
            seen.append(item)
        if len(seen) == k:
            break
    return sum(item in true for item in seen) / k


def edit_distance(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """Levenshtein distance between two sequences (insertions, deletions, substitutions cost 1).

    Used for ordered answers such as a phone's circuit of cities: one city missing costs 1,
    one swapped pair costs 2, so partial credit follows how far the order is from the truth.
    """
    previous = list(range(len(b) + 1))
    for i, item_a in enumerate(a, start=1):
        current = [i]
        for j, item_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (item_a != item_b)))
        previous = current
    return previous[-1]


def edit_similarity(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """1 - edit distance / length of the longer sequence: 1.0 for equal sequences, 0.0 for disjoint ones."""
    longest = max(len(a), len(b))
    return 1.0 if longest == 0 else 1 - edit_distance(a, b) / longest


def clamp_points(value: float) -> float:
    """Points as every module grades them: never below zero, rounded to hundredths (what feedback prints)."""
    return round(max(0.0, value), 2)


def out_of(earned: float, available: float) -> str:
    """'2.25 of 3 points', for the explanation a trainee reads in the feedback."""
    return f"{earned:.2f} of {round(available, 2):g} point{'' if available == 1 else 's'}"
