"""Hidden checks of module 03 "linking ads", scored against the world's answer key.

What a "cluster" is, for the grade: **the advertised person**. Two ads are in the same cluster when
they advertise the same person — not when they share a phone. A controller's phone joins the ads of
several victims, and an agency's booking line joins unrelated independent advertisers, so a phone
group is a lead that still has to be split into people (by working name and age) and checked.

Questions (hidden, partial credit; the written question is graded by hand):

- ``q1-people``: pairwise F1 of the trainee's person labels against the key's ``person_of_item``
  (a pair of ads is right when both sides put them in the same person, or both keep them apart);
- ``q2-operation-items``: F1 of the listed ads against the ring's ads;
- ``q3-victim-count``: full marks when exact, half when one off, a quarter when two off;
- ``q4-circuit``: edit similarity of the start victim's sequence of cities, plus the share of stays
  whose first and last day are right (exact day, UTC).

``grade`` scores a method's findings (graders.modules.m03_linking_ads.method) for the calibration.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from graders.grading.check import Check, Context, Scored, as_is
from graders.grading.metrics import clamp_points, edit_similarity, out_of, set_f1
from graders.modules.m03_linking_ads import answers as linkanswers
from graders.modules.m03_linking_ads.method import Findings
from graders.modules.m03_linking_ads.spec import SPEC

MODULE = SPEC.id
POINTS = {"clusters": 4.0, "operation_items": 4.0, "victim_count": 3.0, "circuit": 2.0}
CIRCUIT_CITY_SHARE = 2 / 3  # of the circuit's points: the order of cities; the rest: the dates


def pair_scores(labels: Mapping[str, str], truth: Mapping[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 over the key's items; an item without a label stands alone.

    A pair of ads is "together" when both have one label. Precision: of the pairs you put together,
    the share that advertise one person; recall: of the pairs that advertise one person, the share you
    put together. Items outside the key (other cities, other categories) are ignored.
    """
    def pairs(values: Iterable[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(values).values())

    refs = list(truth)
    predicted = {ref: labels.get(ref, ("alone", ref)) for ref in refs}
    together = pairs((predicted[r], truth[r]) for r in refs)
    given, true = pairs(predicted[r] for r in refs), pairs(truth[r] for r in refs)
    precision = together / given if given else 0.0
    recall = together / true if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if together else 0.0
    return precision, recall, f1


def count_share(given: int, truth: int) -> float:
    """1 when exact, 0.5 one off, 0.25 two off, else 0."""
    return {0: 1.0, 1: 0.5, 2: 0.25}.get(abs(int(given) - int(truth)), 0.0)


def _day(value: Any) -> str | None:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    if pd.isna(stamp):
        return None
    stamp = stamp.tz_convert("UTC") if stamp.tzinfo is not None else stamp
    return stamp.strftime("%Y-%m-%d")


def circuit_shares(answer: Any, truth: list[Mapping[str, str]]) -> tuple[float, float]:
    """(edit similarity of the cities, share of true stays whose first and last day are right).

    Dates count only for a stay given at the same position with the right city, so a shifted
    sequence cannot collect date points; each of first_seen and last_seen is half a stay.
    """
    cities = linkanswers.circuit_cities(answer)
    city_share = edit_similarity(cities, [s["city"] for s in truth])
    if not isinstance(answer, pd.DataFrame) or not truth:
        return city_share, 0.0
    rows = answer.to_dict("records")
    right = 0.0
    for given, expected in zip(rows, truth, strict=False):
        if linkanswers.city_slug(given.get("city", "")) != expected["city"]:
            continue
        right += 0.5 * (_day(given.get("first_seen")) == expected["first_seen"])
        right += 0.5 * (_day(given.get("last_seen")) == expected["last_seen"])
    return city_share, right / len(truth)


def grade(findings: Findings, key: Mapping[str, Any]) -> dict[str, float]:
    """Points per question for a method's findings against a module key (no printing): the calibration."""
    _, _, cluster_f1 = pair_scores(findings.clusters, key["person_of_item"])
    _, _, operation_f1 = set_f1(findings.operation_items, key["operation_items"])
    cities, dates = circuit_shares(findings.circuit, key["circuit"])
    return {
        "clusters": clamp_points(cluster_f1 * POINTS["clusters"]),
        "operation_items": clamp_points(operation_f1 * POINTS["operation_items"]),
        "victim_count": clamp_points(count_share(findings.victim_count, key["victim_count"]) * POINTS["victim_count"]),
        "circuit": clamp_points((CIRCUIT_CITY_SHARE * cities + (1 - CIRCUIT_CITY_SHARE) * dates)
                                * POINTS["circuit"]),
    }


# ---- the declared checks ----------------------------------------------------------------------------------

def _people(labels: dict[str, str], ctx: Context, points: float) -> Scored:
    truth = ctx.key["person_of_item"]
    precision, recall, f1 = pair_scores(labels, truth)
    covered = sum(ref in labels for ref in truth)
    return Scored(f1 * points, (
        f"People: your labels cover {covered} of the {len(truth)} ads of the brief; {len(set(labels.values()))} "
        f"different people. Pairs of ads: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f} "
        f"-> {out_of(f1 * points, points)}.",))


def _operation_items(refs: list[str], ctx: Context, points: float) -> Scored:
    precision, recall, f1 = set_f1(refs, ctx.key["operation_items"])
    return Scored(f1 * points, (f"The group's ads: {len(set(refs))} different ads listed; precision {precision:.2f}, "
                                f"recall {recall:.2f}, F1 {f1:.2f} -> {out_of(f1 * points, points)}.",))


def _victim_count(given: int, ctx: Context, points: float) -> Scored:
    share = count_share(given, ctx.key["victim_count"])
    verdict = {1.0: "exact", 0.5: "one off", 0.25: "two off"}.get(share, "more than two off")
    return Scored(share * points, (f"Number of people advertised: your count is {verdict} -> "
                                   f"{out_of(share * points, points)}.",))


def _circuit(circuit: Any, ctx: Context, points: float) -> Scored:
    cities, dates = circuit_shares(circuit, ctx.key["circuit"])
    city_points, date_points = points * CIRCUIT_CITY_SHARE, points * (1 - CIRCUIT_CITY_SHARE)
    return Scored(cities * city_points + dates * date_points, (
        f"Circuit: the order of cities is {cities:.0%} right -> {out_of(cities * city_points, city_points)}; "
        f"{dates:.0%} of the first and last days are right -> {out_of(dates * date_points, date_points)}.",))


CHECKS = (
    Check(MODULE, "q1-people", linkanswers.cluster_labels, _people,
          "pairwise F1 of the person labels (items with 'ref' and 'person')"),
    Check(MODULE, "q2-operation-items", lambda a: [r[0] for r in linkanswers.ref_items(a) if r], _operation_items,
          "F1 of the listed ads against the ring's ads"),
    Check(MODULE, "q3-victim-count", lambda a: int(linkanswers.count_items(a)[0][0]), _victim_count,
          "exact = full marks, one off = half, two off = a quarter"),
    Check(MODULE, "q4-circuit", as_is, _circuit,
          "edit similarity of the cities x 2/3 + share of right first/last days x 1/3"),
)
score_clusters, score_operation_items, score_victim_count, score_circuit = (c.run for c in CHECKS)
