"""Column helpers shared by the background economy, the planted flows and the large preset's stream.

Rows are built as numpy arrays and concatenated; statement texts live in one growing string table
(``Texts``) so that millions of rows carry small integers instead of strings. Local clock times are
turned into UTC with the countries' offsets and EU summer time (synth.build.social.personas.utc_offset).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

from synth.build.social.personas import utc_offset
from synth.vocab.institutions import CHANNEL_CODE, CURRENCIES, EUR_CENTS_PER_UNIT, FX_SPREAD
from synth.vocab.places import BUILTIN
from synth.world.finance import COLUMNS, DTYPES

# Finance covers the lab's own countries and cities (a designer's added ones have no bank; synth.vocab.places).
COUNTRIES = tuple(c.code for c in BUILTIN.countries)
COUNTRY_INDEX = {c: i for i, c in enumerate(COUNTRIES)}
CITY_INDEX = {c.slug: i for i, c in enumerate(BUILTIN.cities)}
CITY_COUNTRY = np.array([COUNTRY_INDEX[c.country] for c in BUILTIN.cities], dtype=np.int8)
CURRENCY_INDEX = {c: i for i, c in enumerate(CURRENCIES)}
# Euro cents per unit, by currency index; and a price level per country (how much things cost there).
RATE = np.array([EUR_CENTS_PER_UNIT[c] for c in CURRENCIES])
PRICE_LEVEL = np.array([c.price_level for c in BUILTIN.countries])  # in COUNTRIES order


class Texts:
    """The statement-text table: ``index(text)`` gives a stable small integer per distinct text."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def index(self, text: str) -> int:
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]

    def indices(self, texts: list[str]) -> np.ndarray:
        return np.array([self.index(t) for t in texts], dtype=np.int32)


def offsets(epoch: datetime, days: int) -> np.ndarray:
    """Hours ahead of UTC, shape (country, day) — local noon decides the day's summer time."""
    out = np.zeros((len(COUNTRIES), days), dtype=np.int64)
    for d in range(days):
        when = epoch + timedelta(days=d, hours=12)
        for c, country in enumerate(COUNTRIES):
            out[c, d] = utc_offset(country, when)
    return out


def local_seconds(rng: np.random.Generator, day: np.ndarray, country: np.ndarray, hour_weights: np.ndarray,
                  offs: np.ndarray) -> np.ndarray:
    """Seconds after the epoch for events on ``day`` at a local hour drawn from ``hour_weights`` (24 values)."""
    p = hour_weights / hour_weights.sum()
    hour = rng.choice(24, size=len(day), p=p)
    second = rng.integers(0, 3600, size=len(day))
    day = np.minimum(day, offs.shape[1] - 1)
    return day * 86400 + (hour - offs[country, day]) * 3600 + second


def convert(amount: np.ndarray, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Cents of ``source`` currency into cents of ``target``; a bank keeps FX_SPREAD when they differ."""
    same = source == target
    value = amount * RATE[source] / RATE[target] * (1 - FX_SPREAD)
    return np.where(same, amount, np.round(value).astype(np.int64))


def local_price(rng: np.random.Generator, eur_median: float, sigma: float, country: np.ndarray,
                currency: np.ndarray) -> np.ndarray:
    """Cents in ``currency`` for a purchase whose euro median is ``eur_median`` at country price levels."""
    eur_cents = eur_median * 100 * PRICE_LEVEL[country] * rng.lognormal(0.0, sigma, size=len(country))
    return np.maximum(50, np.round(eur_cents / RATE[currency] * 100)).astype(np.int64)


def block(n: int, **cols) -> dict[str, np.ndarray]:
    """A block of ``n`` rows; scalars broadcast, missing columns get their neutral value."""
    out = {}
    for name in COLUMNS:
        value = cols.get(name, {"channel": 0, "debit": -1, "credit": -1, "city": -1, "flow": -1, "txn_id": 0,
                                "credit_amount": None, "credit_currency": None, "desc": 0}.get(name, 0))
        if name == "channel" and isinstance(value, str):
            value = CHANNEL_CODE[value]
        if value is None:
            continue
        out[name] = np.broadcast_to(np.asarray(value), (n,)).astype(DTYPES[name])
    out.setdefault("credit_currency", out["currency"].copy())
    out.setdefault("credit_amount", out["amount"].copy())
    return out


def concat(blocks: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    blocks = [b for b in blocks if len(b["ts"])]
    if not blocks:
        return {name: np.zeros(0, dtype=DTYPES[name]) for name in COLUMNS}
    return {name: np.concatenate([b[name] for b in blocks]).astype(DTYPES[name]) for name in COLUMNS}


def take(cols: dict[str, np.ndarray], index: np.ndarray) -> dict[str, np.ndarray]:
    return {name: values[index] for name, values in cols.items()}


HOURS = {  # relative weights of local hours 0..23
    "shop": np.array([0, 0, 0, 0, 0, 0, 1, 2, 4, 6, 7, 8, 10, 9, 7, 7, 8, 10, 11, 9, 6, 3, 1, 0.5]),
    "evening": np.array([1, .5, 0, 0, 0, 0, 0, 1, 2, 3, 4, 6, 9, 7, 5, 5, 6, 9, 12, 13, 11, 8, 5, 3]),
    "batch": np.array([0, 1, 3, 5, 6, 4, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    "office": np.array([0, 0, 0, 0, 0, 0, 0, 1, 4, 8, 9, 9, 7, 8, 9, 8, 6, 3, 1, 0.5, 0.5, 0, 0, 0]),
    "checkin": np.array([0.3, 0.2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 10, 10, 9, 8, 6, 4, 2, 1, 0.5]),
    "ride": np.array([2, 1.5, 1, .5, .3, .3, 1, 4, 6, 4, 3, 3, 3, 3, 3, 4, 5, 6, 6, 5, 5, 5, 4, 3]),
    "late": np.array([9, 7, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 8, 10]),
}
# Day-of-week weights, Monday first: shops busier on Friday and Saturday, banks closed at weekends.
WEEKDAY = {"shop": np.array([1, 1, 1, 1.1, 1.4, 1.5, 0.5]), "bank": np.array([1, 1, 1, 1, 1, 0, 0.0]),
           "any": np.ones(7)}
