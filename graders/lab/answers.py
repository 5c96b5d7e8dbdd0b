"""Reading trainees' answers: whatever shape they come in, a list of canonical readings per item.

Shared by the self-check and the hidden graders, so both read an answer the same way and a
trainee never sees "all found" offline and a lower grade later. Trainee-facing: no answer key here.
A wrong shape raises ``AnswerShapeError`` whose message says, in plain words, what shape is expected.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from graders.lab.world import city_country, load_brief, load_public_db
from synth.vocab.canon import canonical_ad_id, phone_candidates

_DIGIT_RUN = re.compile(r"\d+")


class AnswerShapeError(TypeError):
    """The answer is not a shape the question can read; the message explains the expected shape."""


def is_missing(value: Any) -> bool:
    """None, NaN, NA and NaT count as "no answer" in every question (pandas fills gaps with them)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, set, dict)) else False
    except (TypeError, ValueError):
        return False


def list_items(answer: Any, column: str, what: str, example: str) -> list[Any]:
    """The items of a list-like answer, or of ``column`` when the answer is a table."""
    if isinstance(answer, pd.DataFrame):
        if column in answer.columns:
            return answer[column].tolist()
        if answer.index.name == column:
            return answer.index.tolist()
        columns = ", ".join(map(str, answer.columns)) or "none"
        raise AnswerShapeError(f"Your table has no {column!r} column (its columns: {columns}). "
                               f"Name the column that holds the {what} {column!r}.")
    if isinstance(answer, pd.Series):
        return answer.tolist()
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable) or isinstance(answer, Mapping):
        raise AnswerShapeError(f"Expected a list of {what}, for example {example}; "
                               f"got a {type(answer).__name__}.")
    items = list(answer)
    if items and all(isinstance(item, Mapping) for item in items):
        return [item.get(column) for item in items]
    return items


def ad_id_items(answer: Any) -> list[list[str]]:
    """Canonical ad ids: from a DataFrame's ``ad_id`` column, a list of dicts, or a list of ids.

    "1234", 1234, 1234.0 and "#1234" all read as ad 1234.
    """
    values = list_items(answer, "ad_id", "ad ids", "[1204, 1217] or a DataFrame with an 'ad_id' column")
    items: list[list[str]] = []
    for value in values:
        if is_missing(value) or not str(value).strip():
            items.append([])
            continue
        readings = [canonical_ad_id(value)]
        digits = _DIGIT_RUN.findall(str(value))
        if len(digits) == 1 and digits[0].lstrip("0") and canonical_ad_id(digits[0]) not in readings:
            readings.append(canonical_ad_id(digits[0]))
        items.append(readings)
    return items


def phone_items(answer: Any, regions: Sequence[str]) -> list[list[str]]:
    """E.164 readings of each phone in a list (or a table's ``phone`` column) of phone strings.

    ``regions`` are the countries a phone written without a country code may belong to, the
    likeliest first (see ``canon.phone_candidates``).
    """
    values = list_items(answer, "phone", "phone numbers", "['+48 490 123 456', '48490765432']")
    first = regions[0] if regions else None
    return [[] if is_missing(v) else phone_candidates(v, first, regions[1:]) for v in values]


def phone_regions(city: str, world_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """The city's country first, then every other country of the world's cities.

    Ads in one city often give numbers from another country in that country's national format.
    """
    with load_public_db(world_dir) as db:
        countries = sorted({r["country"] for r in db.execute("SELECT country FROM cities")})
    home = city_country(city, world_dir)
    return ([home] if home else []) + [c for c in countries if c != home]


def brief_regions(module: str) -> list[str]:
    """The phone regions of a module's brief city (see ``phone_regions``)."""
    return phone_regions(load_brief(module)["city"])


def ads_table(answer: Any) -> pd.DataFrame:
    """The answer as a DataFrame (a list of dicts is accepted too), or AnswerShapeError."""
    if isinstance(answer, pd.DataFrame):
        return answer
    if isinstance(answer, list) and answer and all(isinstance(row, Mapping) for row in answer):
        return pd.DataFrame(answer)
    raise AnswerShapeError("Expected a pandas DataFrame with one row per ad and the columns "
                           f"ad_id, title, phone and posted_at; got a {type(answer).__name__}.")
