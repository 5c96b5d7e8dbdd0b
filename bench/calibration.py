"""Calibration of modules 02, 03, 04 and 07: the naive shortcut versus the taught method, per seed.

The calibration bar (docs/design.md §8): on the default world and two other seeds, the naive approach scores at most
half of the hidden autograded points and the module's method at least 90 %. The tests assert it
(tests/graders/test_m0*_calibration.py); this prints it, with module 04's points per question.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

SEEDS = (2026, 7, 12345)


def calibrate(seeds: tuple[int, ...] = SEEDS) -> list[str]:
    from graders.modules.m02_selectors_and_normalisation import checks as m02
    from graders.modules.m03_linking_ads import checks as m03
    from graders.modules.m03_linking_ads import method as m03_method
    from synth.generate import generate_world

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            world = generate_world(seed, "default", Path(tmp) / f"w{seed}")
            os.environ["OSINTLAB_WORLD"] = str(world)
            lines.append(m02.calibration_report(m02.calibration(world), f"Module 02 calibration, seed {seed}"))
            key = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"][m03.MODULE]
            start = json.loads((world / "public" / "briefs.json").read_text(encoding="utf-8"))[m03.MODULE]["start_ad"]
            items = m03_method.items_from_public_db(world)
            total = sum(m03.POINTS.values())
            methods = (("taught method", m03_method.reference_solution), ("naive", m03_method.naive_solution))
            for label, solve in methods:
                points = sum(m03.grade(solve(items, start_ad=start), key).values())
                lines.append(f"Module 03 calibration, seed {seed}: {label:13} {points:5.2f} / {total:g} "
                             f"({points / total:.0%})")
            lines += _module04(world, seed)
            lines += _module07(world, seed)
        os.environ.pop("OSINTLAB_WORLD", None)
    return lines


def _module04(world: Path, seed: int) -> list[str]:
    """Module 04's taught method and naive shortcut on ``world``: total and points per question."""
    from graders.modules.m04_recruitment_on_social_media import checks as m04

    modules = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"]
    if m04.MODULE not in modules:
        return [f"Module 04 calibration, seed {seed}: the world has no social media"]
    start = json.loads((world / "public" / "briefs.json").read_text(encoding="utf-8"))[m04.MODULE]["start_account"]
    tables = m04.tables_from_public_db(world)
    total = sum(m04.POINTS.values())
    lines = []
    for label, findings in (("taught method", m04.reference_solution(tables)),
                            ("naive", m04.naive_solution(tables, start_account=start))):
        points = m04.grade(findings, modules[m04.MODULE])
        detail = ", ".join(f"{q} {p:.2f}/{m04.POINTS[q]:g}" for q, p in points.items())
        lines.append(f"Module 04 calibration, seed {seed}: {label:13} {sum(points.values()):5.2f} / {total:g} "
                     f"({sum(points.values()) / total:.0%}): {detail}")
    return lines


def _module07(world: Path, seed: int) -> list[str]:
    """Module 07's taught method and the threshold rules on ``world`` (its productions): points per question."""
    from graders.modules.m07_following_the_money import checks as m07

    modules = json.loads((world / "key" / "answer_key.json").read_text(encoding="utf-8"))["modules"]
    if m07.MODULE not in modules or not (world / "public" / "productions").exists():
        return [f"Module 07 calibration, seed {seed}: the world has no productions"]
    tables = m07.tables_from_public(world)
    total = sum(m07.POINTS.values())
    lines = []
    for label, findings in (("taught method", m07.reference_solution(tables)),
                            ("naive", m07.naive_solution(tables))):
        points = m07.grade(findings, modules[m07.MODULE], tables["brief"]["eur_per_unit"])
        detail = ", ".join(f"{q} {p:.2f}/{m07.POINTS[q]:g}" for q, p in points.items())
        lines.append(f"Module 07 calibration, seed {seed}: {label:13} {sum(points.values()):5.2f} / {total:g} "
                     f"({sum(points.values()) / total:.0%}): {detail}")
    return lines
