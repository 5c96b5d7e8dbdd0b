"""Hidden checks of module 02 "selectors and normalisation", scored against the world's answer key.

The trainee hands in one table of contact selectors, one row per (profile, selector): columns
``profile_id``, ``kind`` (phone / email / handle) and ``value`` in standard form (E.164 phones,
lower-case e-mails, ``telegram:<name>`` handles). Each check scores one kind by F1 over
(profile_id, selector) pairs against the world's answer key — a selector on the wrong profile is
wrong, as it would link the wrong person.

Calibration: ``score_method`` scores a method of graders.modules.m02_selectors_and_normalisation.method
on a world's public profiles, so a test can prove that the naive method earns at most half the
autograded points and the taught method at least 90 %, on any seed; ``calibration`` and
``calibration_report`` give every figure at once (for ``make bench`` too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graders.grading.check import Check, Context, Scored, as_is
from graders.grading.key import load_module_key
from graders.grading.metrics import set_f1
from graders.lab.world import load_public_db
from graders.modules.m02_selectors_and_normalisation import answers as selectors
from graders.modules.m02_selectors_and_normalisation.method import (
    Extracted,
    answer_rows,
    digits_only_extract,
    naive_extract,
    public_profiles,
    reference_extract,
)
from graders.modules.m02_selectors_and_normalisation.spec import SPEC

MODULE = SPEC.id
POINTS = {"phone": 4.0, "email": 2.0, "handle": 2.0}
GRADE_IDS = {"phone": "q1-phones", "email": "q2-emails", "handle": "q3-handles"}


def truth_items(module_key: dict[str, Any], kind: str) -> set[str]:
    """The answer key's ``"<profile_id>|<selector>"`` items of one kind."""
    return {f"{pid}|{value.lower() if kind == 'email' else value}"
            for pid, found in module_key["selectors"].items() for value in found[f"{kind}s"]}


def evaluate(answer: Any, module_key: dict[str, Any], kind: str) -> tuple[float, float, float, int]:
    """Precision, recall and F1 of the answer's ``kind`` rows against the key, and the distinct pairs given."""
    items = selectors.selector_items(answer, kind)
    truth = truth_items(module_key, kind)
    predicted = {readings[0] for readings in items if readings}
    precision, recall, f1 = set_f1(predicted, truth)
    return precision, recall, f1, len(predicted)


def _scorer(kind: str) -> Callable[[Any, Context, float], Scored]:
    """The score of one kind of selector: F1 of its (profile, selector) pairs, and what to fix."""
    def score(answer: Any, ctx: Context, points: float) -> Scored:
        precision, recall, f1, given = evaluate(answer, ctx.key, kind)
        odd = selectors.not_standard(answer, kind)
        unknown = selectors.unknown_kinds(answer)
        what = {"phone": "phones", "email": "e-mails", "handle": "handles"}[kind]
        earned = f1 * points
        lines = [f"{what.capitalize()}: {given} different (profile, {kind}) pairs; precision {precision:.2f}, "
                 f"recall {recall:.2f}, F1 {f1:.2f} -> {earned:.2f} of {points:g} points."]
        if odd:
            form = {"phone": "E.164 with the country code (+…)", "email": "a plain address (name@domain)",
                    "handle": "telegram:<name>"}[kind]
            lines.append(f"  - {odd} of your {what} {'is' if odd == 1 else 'are'} not written as {form}, "
                         "and cannot match.")
        if unknown:
            lines.append(f"  - {unknown} row{' has' if unknown == 1 else 's have'} a 'kind' that is not phone, "
                         "email or handle; no question counts them.")
        return Scored(earned, tuple(lines))
    return score


CHECKS = tuple(Check(MODULE, GRADE_IDS[kind], as_is, _scorer(kind), f"F1 of the (profile_id, {kind}) pairs")
               for kind in POINTS)
score_phones, score_emails, score_handles = (c.run for c in CHECKS)


# --- calibration --------------------------------------------------------------------------------

def score_method(extract: Callable[[str, str | None], Extracted], world_dir: Any = None) -> dict[str, float]:
    """Points per kind, the total and its share of the autograded points, for ``extract`` on a world."""
    with load_public_db(world_dir) as db:
        rows = answer_rows(public_profiles(db), extract)
    module_key = load_module_key(MODULE, world_dir)
    result = {kind: round(evaluate(rows, module_key, kind)[2] * pts, 2) for kind, pts in POINTS.items()}
    result["total"] = round(sum(result[k] for k in POINTS), 2)
    result["share"] = round(result["total"] / sum(POINTS.values()), 3)
    return result


def calibration(world_dir: Any = None) -> dict[str, dict[str, float]]:
    """Every calibrated method's points on one world, by label (what the calibration test asserts on)."""
    methods: dict[str, Callable[[str, str | None], Extracted]] = {
        "naive, runs in E.164": naive_extract,
        "naive, runs as written": lambda text, _region: naive_extract(text),
        "(digits-only probe)": digits_only_extract,
        "taught method": reference_extract,
    }
    return {label: score_method(method, world_dir) for label, method in methods.items()}


def calibration_report(results: dict[str, dict[str, float]], title: str) -> str:
    """The figures as text, for ``pytest -s`` and ``make bench``."""
    lines = [f"{title}, autograded points out of {sum(POINTS.values()):g}:"]
    for label, r in results.items():
        lines.append(f"  {label:24} phones {r['phone']:.2f}  e-mails {r['email']:.2f}  handles {r['handle']:.2f}  "
                     f"total {r['total']:.2f} = {r['share']:.0%}")
    return "\n".join(lines)

