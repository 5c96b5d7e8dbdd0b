"""Hidden checks of module 01 "scraping ad sites", scored against the world's answer key.

Each ``score_*`` function returns the points earned (a float rounded to 2 decimals) as the last
expression of an nbgrader test cell, which is how nbgrader gives partial credit. They print a short
explanation without any expected value, never raise for a wrong answer (only for an answer of a
type that cannot be scored, with a message saying what is expected), and silence warnings: any
stderr output in a test cell makes nbgrader give it 0 points.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from typing import Any

import requests

from graders.grading.check import Check, Context, Scored, as_is
from graders.grading.key import load_public_db
from graders.grading.metrics import out_of, set_f1
from graders.lab import answers
from graders.modules.m01_scraping_ad_sites import quickads
from graders.modules.m01_scraping_ad_sites.quickads import PARSE_FIELDS, TABLE_FIELDS, PublicAds, ad_url
from graders.modules.m01_scraping_ad_sites.spec import SPEC

MODULE = SPEC.id
PARSE_SAMPLE = 6  # ads the parser is tried on: a few from the brief, a few from elsewhere




def _parse_sample(public: PublicAds, key: dict[str, Any], seed: str) -> list[int]:
    """Ads to try a parser on, drawn afresh per world: half from the brief's listing, half from elsewhere.

    Drawing from the whole site as well catches parsers that only work for one kind of ad (no
    e-mail, no age, another category).
    """
    rng = random.Random(f"{seed}:{MODULE}:q1")
    brief_ids = public.ids(key["city"], key["category"])
    other_ids = sorted(set(public.ids()) - set(brief_ids))
    half = PARSE_SAMPLE // 2
    picks = rng.sample(brief_ids, min(half, len(brief_ids)))
    picks += rng.sample(other_ids, min(PARSE_SAMPLE - len(picks), len(other_ids)))
    return picks


def _read_parser(parse_ad: Any) -> Callable[[str], Any]:
    if not callable(parse_ad):
        raise TypeError("parse_ad must be a function that takes a page's HTML; "
                        f"got a {type(parse_ad).__name__}.")
    return parse_ad


def _parse_ad(parse_ad: Callable[[str], Any], ctx: Context, points: float) -> Scored:
    """Q1: the share of fields ``parse_ad`` reads right on a sample of ad pages, times ``points``."""
    base = quickads.fake_internet()
    right = total = 0
    problems: Counter[str] = Counter()
    with load_public_db(ctx.world_dir) as db, requests.Session() as session:
        public = PublicAds(db)
        sample = _parse_sample(public, ctx.key, str(ctx.answer_key.get("world_id")))
        for ad_id in sample:
            total += len(PARSE_FIELDS)
            html = quickads.polite_get(session, ad_url(base, ad_id)).text
            try:
                parsed = parse_ad(html)
            except Exception as error:  # noqa: BLE001 - a crash on one page costs that page only
                problems[f"your function stopped with {type(error).__name__}"] += 1
                continue
            if not isinstance(parsed, dict):
                problems["your function did not return a dictionary"] += 1
                continue
            for field, ok in public.compare_parsed(parsed, public.row(ad_id)).items():
                right += ok
                if not ok:
                    problems[f"'{field}' is missing or differs from the page"] += 1
    lines = [f"parse_ad read {right} of {total} fields correctly on {len(sample)} ad pages."]
    lines += [f"  - {problem} (on {count} page{'s' if count != 1 else ''})"
              for problem, count in sorted(problems.items())]
    return Scored(right / total * points if total else 0.0, tuple(lines))


def _field_accuracy(public: PublicAds, table: Any, truth: set[str]) -> tuple[float, list[str]]:
    """Share of the brief's ads whose checked columns the trainee recorded right (missing ads count wrong)."""
    missing = [c for c in TABLE_FIELDS if c not in table.columns]
    if missing or not truth:
        return 0.0, missing
    right, seen = 0, set()
    rows = table.to_dict("records")
    ids = answers.ad_id_items(table)
    for readings, values in zip(ids, rows, strict=True):
        hit = next((r for r in readings if r in truth), None)
        if hit is None or hit in seen:
            continue
        seen.add(hit)
        right += sum(public.compare_table_row(values, public.row(hit)).values())
    return right / (len(TABLE_FIELDS) * len(truth)), []


def _read_table(ads: Any) -> tuple[Any, list[list[str]]]:
    table = answers.ads_table(ads)
    return table, answers.ad_id_items(table)


def _city_ads(read: tuple[Any, list[list[str]]], ctx: Context, points: float) -> Scored:
    """Q2: F1 of the ad ids against the brief's ads (3/4 of ``points``) + field accuracy (1/4)."""
    table, items = read
    truth = {str(int(a)) for a in ctx.key["ad_ids"]}
    predicted = {next((r for r in readings if r in truth), readings[0]) for readings in items if readings}
    precision, recall, f1 = set_f1(predicted, truth)
    with load_public_db(ctx.world_dir) as db:
        accuracy, missing = _field_accuracy(PublicAds(db), table, truth)
    id_points, field_points = points * 0.75, points * 0.25
    lines = [f"Ads: {len(predicted)} different ad ids; precision {precision:.2f}, recall {recall:.2f}, "
             f"F1 {f1:.2f} -> {out_of(f1 * id_points, id_points)}."]
    if missing:
        lines.append(f"Fields: your table has no column {', '.join(repr(m) for m in missing)} -> "
                     f"{out_of(0, field_points)}.")
    else:
        lines.append(f"Fields: {accuracy:.0%} of the title, phone and posted_at values of the brief's ads are "
                     f"right -> {out_of(accuracy * field_points, field_points)}.")
    return Scored(f1 * id_points + accuracy * field_points, tuple(lines))


def _shared_phones(phones: Any, ctx: Context, points: float) -> Scored:
    """Q3: F1 of the phones against the numbers shared by different names in the brief's ads."""
    items = answers.phone_items(phones, answers.phone_regions(ctx.key["city"]))
    truth = set(ctx.key["shared_phones"])
    predicted = {next((r for r in readings if r in truth), readings[0]) for readings in items if readings}
    precision, recall, f1 = set_f1(predicted, truth)
    return Scored(f1 * points, (f"Shared phones: {len(predicted)} different numbers; precision {precision:.2f}, "
                                f"recall {recall:.2f}, F1 {f1:.2f} -> {out_of(f1 * points, points)}.",))


CHECKS = (
    Check(MODULE, "q1-parse-ad", _read_parser, _parse_ad, "share of fields read right on a sample of ad pages"),
    Check(MODULE, "q2-city-ads", _read_table, _city_ads, "F1 of the ad ids (3/4) + field accuracy (1/4)"),
    Check(MODULE, "q3-shared-phones", as_is, _shared_phones, "F1 of the phones shared by different names"),
)
score_parse_ad, score_city_ads, score_shared_phones = (c.run for c in CHECKS)
