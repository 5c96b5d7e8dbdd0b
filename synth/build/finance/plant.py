"""Planting illicit rows without changing any account's degree (the AMLSim degree-drift leak).

Every account gets its benign background first, like every other account of its profile. An illicit row
then *replaces* one background row of the same account and direction (a purchase, a withdrawal, a wage)
instead of adding one: an operation's account ends with exactly as many incoming and outgoing rows as its
background drew, i.e. a degree from the same distribution as everyone's. ``Planter.pick`` only hands out
an account that still has replaceable rows left ("capacity"), so the flows are spread over the
operation's accounts and mules the way real operations spread them over many accounts. Merchants and
cash (-1) have no capacity limit: a shop's or a hotel's degree is large for everyone.
"""

from __future__ import annotations

import random
from datetime import datetime

import numpy as np

from synth.build.finance.columns import COUNTRY_INDEX, CURRENCY_INDEX, PRICE_LEVEL, RATE, block, concat, convert
from synth.vocab.institutions import CHANNEL_CODE, FX_SPREAD
from synth.world.finance import FinAccount, Flow

BUCKET = 30 * 86400  # capacity is counted per account, direction and month
FILL = 0.85  # share of an operation account's background rows that illicit rows may replace


class Planter:
    """Collects illicit rows and flows; tracks the capacity left in every account."""

    def __init__(self, rng: random.Random, accounts: list[FinAccount], background: dict[str, np.ndarray],
                 texts, epoch: datetime, targets: set[int], rounding: np.random.Generator | None = None,
                 strict: bool = False) -> None:
        """Capacity is FILL of an account's replaceable rows per direction and month, rounded down; with
        ``rounding`` (the large preset's cells) rounded at random instead (up with probability equal to the
        fraction), so that an account with one row a month is not always left out: which accounts an
        operation can use then depends less on how busy they are (a degree bias; synth.build.finance.cells).
        ``strict`` drops a row whose own time (not only the time of its event, ``at``) falls outside a target's
        benign span: a ride or a purchase later in a stay could otherwise come after the account's last row."""
        self.rng, self.texts, self.epoch, self.strict = rng, texts, epoch, strict
        self.accounts = {a.account_id: a for a in accounts}
        self.rows: list[tuple] = []
        self.flows: list[Flow] = []
        self.targets = targets
        self.touched: set[int] = set()
        self.clock = 0  # seconds after the epoch of the event being planted: capacity is per time bucket
        self.left: dict[str, dict[tuple[int, int], int]] = {}
        self.used: dict[str, dict[tuple[int, int], int]] = {"debit": {}, "credit": {}}
        for side, other in (("credit", "debit"), ("debit", "credit")):
            ok = self._replaceable(background, side, other)
            keys = zip(background[side][ok].tolist(), (background["ts"][ok] // BUCKET).tolist(), strict=True)
            counts: dict[tuple[int, int], int] = {}
            for key in keys:
                counts[key] = counts.get(key, 0) + 1
            if rounding is None:
                self.left[side] = {k: int(n * FILL) for k, n in counts.items()}
            else:
                keys = sorted(counts)
                up = rounding.random(len(keys))
                self.left[side] = {k: int(counts[k] * FILL + u) for k, u in zip(keys, up.tolist(), strict=True)}
        # No target may act before its first or after its last background row (its activity span stays).
        self.span: dict[int, tuple[int, int]] = {}
        for account in sorted(targets):
            ts = background["ts"][(background["debit"] == account) | (background["credit"] == account)]
            self.span[account] = (int(ts.min()), int(ts.max())) if len(ts) else (0, -1)

    def _replaceable(self, background: dict[str, np.ndarray], side: str, other: str) -> np.ndarray:
        """Rows of a target whose counterparty is not a target (a replacement never counts twice), except
        each target's first and last row: replacing those would move when its activity starts and ends."""
        ok = np.isin(background[side], sorted(self.targets)) & ~np.isin(background[other], sorted(self.targets))
        for account in np.unique(background[side][ok]).tolist():
            rows = np.flatnonzero((background["debit"] == account) | (background["credit"] == account))
            if len(rows):
                edge = rows[[np.argmin(background["ts"][rows]), np.argmax(background["ts"][rows])]]
                ok[edge] = False
        return ok

    def flow(self, operation: str, typology: str | None, note: str) -> int:
        self.flows.append(Flow(len(self.flows) + 1, operation, typology, note))
        return len(self.flows)

    def at(self, ts: int) -> None:
        """Set the time of the next picks (events draw from the capacity of their own weeks)."""
        self.clock = ts

    def has_room(self, account: int, side: str, n: int = 1) -> bool:
        if account not in self.targets:
            return True
        first, last = self.span[account]
        if not first + 86400 <= self.clock <= last - 86400:
            return False
        return self.left[side].get((account, self.clock // BUCKET), 0) >= n

    def pick(self, candidates: list[int], debit: int = 0, credit: int = 0) -> int | None:
        """The candidate with the most room for ``debit`` outgoing and ``credit`` incoming rows, or None."""
        ok = [c for c in candidates if self.has_room(c, "debit", debit) and self.has_room(c, "credit", credit)]
        if not ok:
            return None
        bucket = self.clock // BUCKET
        fresh = [c for c in ok if c in self.targets and c not in self.touched]
        if fresh:  # every account an operation controls gets used, low-activity ones too (no degree bias)
            choice = self.rng.choice(sorted(fresh))
            self.touched.add(choice)
            return choice

        def room(c: int) -> int:
            if c not in self.targets:
                return 10**6
            return min(self.left["debit"].get((c, bucket), 0) if debit else 10**6,
                       self.left["credit"].get((c, bucket), 0) if credit else 10**6)
        best = max(room(c) for c in ok)
        return self.rng.choice(sorted(c for c in ok if room(c) >= best * 0.6))

    def add(self, ts: int, channel: str, debit: int, credit: int, eur_cents: float | None, desc: str, flow: int,
            city: str | None = None, amount: int | None = None, extra: bool = False) -> None:
        """One illicit row; the amount is given in euro cents (converted at the payer's price level) or in
        the debit account's own cents (``amount``). An ``extra`` row replaces no background row: activity
        the account's honest pattern has no place for (clients' deposits into a booking account, which
        honest advertisers' accounts receive in the same way: synth.build.finance.deposits)."""
        if self.strict and any(acc in self.targets and not self.span[acc][0] < ts < self.span[acc][1]
                               for acc in (debit, credit)):
            return
        for side, acc in (("debit", debit), ("credit", credit)):
            if acc in self.targets and not extra:
                key = (acc, ts // BUCKET)
                self.left[side][key] = self.left[side].get(key, 0) - 1
                self.used[side][key] = self.used[side].get(key, 0) + 1
        payer = self.accounts.get(debit) or self.accounts[credit]
        cur_d = CURRENCY_INDEX[payer.currency]
        if amount is None:  # RATE is euro cents per *unit*: cents of the payer's currency = eur_cents * 100 / RATE
            amount = int(round(eur_cents * 100 / RATE[cur_d]))
        cur_c = CURRENCY_INDEX[self.accounts[credit].currency] if credit > 0 else cur_d
        self.rows.append((ts, CHANNEL_CODE[channel], debit, credit, amount, cur_d, cur_c, city, desc, flow))

    def ledger_rows(self) -> dict[str, np.ndarray]:
        from synth.build.finance.columns import CITY_INDEX

        if not self.rows:
            return concat([])
        ts, ch, de, cr, am, cd, cc, city, desc, flow = zip(*self.rows, strict=True)
        am_arr, cd_arr, cc_arr = np.array(am, dtype=np.int64), np.array(cd), np.array(cc)
        return block(len(ts), ts=np.array(ts), channel=np.array(ch), debit=np.array(de), credit=np.array(cr),
                     amount=am_arr, currency=cd_arr, credit_amount=convert(am_arr, cd_arr, cc_arr),
                     credit_currency=cc_arr, city=np.array([CITY_INDEX[c] if c else -1 for c in city]),
                     desc=self.texts.indices(list(desc)), flow=np.array(flow))

    def replace_background(self, background: dict[str, np.ndarray], rng: np.random.Generator) -> np.ndarray:
        """A mask of background rows to keep: each planted row removes one replaceable row of its account,
        direction and time bucket."""
        keep = np.ones(len(background["ts"]), dtype=bool)
        bucket = background["ts"] // BUCKET
        for side, other in (("credit", "debit"), ("debit", "credit")):
            ok = self._replaceable(background, side, other)
            for (account, b), n in sorted(self.used[side].items()):
                rows = np.flatnonzero(ok & (background[side] == account) & (bucket == b) & keep)
                drop = rng.choice(rows, size=min(n, len(rows)), replace=False)
                keep[drop] = False
                if n > len(rows):  # the bucket ran short: take the rows nearest in time instead
                    rest = np.flatnonzero(ok & (background[side] == account) & keep)
                    near = rest[np.argsort(np.abs(bucket[rest] - b), kind="stable")][:n - len(rows)]
                    keep[near] = False
        return keep


def merchant_mask(accounts: list[FinAccount]) -> np.ndarray:
    """True at index ``account_id`` for merchants, and at index -1 (cash: no account)."""
    mask = np.zeros(len(accounts) + 2, dtype=bool)
    for a in accounts:
        mask[a.account_id] = a.kind == "merchant"
    mask[-1] = True
    return mask


def price(eur: float, country: str, rng: random.Random, spread: float = 0.25) -> float:
    """Euro cents of something that costs about ``eur`` euros in ``country``."""
    return eur * 100 * PRICE_LEVEL[COUNTRY_INDEX[country]] * rng.uniform(1 - spread, 1 + spread)


def local_ts(epoch: datetime, when: datetime) -> int:
    return int((when - epoch).total_seconds())


__all__ = ["Planter", "FILL", "price", "local_ts", "FX_SPREAD"]
