"""The benign economy, vectorised: every account's ordinary activity in a window of days.

One code path makes the default world's ledger (one window) and the ``large`` preset's stream (many
windows), so the two look alike. Rhythms: wages on the last working day (or every other Friday), pensions
on the 10th, rent on the 1st-3rd, utilities on a fixed day, shopping busier on Fridays and Saturdays and at
lunch and after work, banks' transfers on working days, cash withdrawals, app transfers among friends.
Benign look-alikes of every typology live here too: sole traders' cash deposits (now and then just under
10,000 by chance), students fed by many relatives (fan-in), landlords with many tenants, travelling
workers' hotels in several cities, remittances home, businesses paying and being paid by many.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from synth.build.finance.columns import (
    CITY_COUNTRY,
    HOURS,
    WEEKDAY,
    Texts,
    block,
    concat,
    convert,
    local_price,
    local_seconds,
)
from synth.vocab.institutions import CASH_THRESHOLD, CURRENCIES

PROFILE_CODES = ("salaried", "remitter", "pensioner", "sole_trader", "student", "landlord", "traveller", "low",
                 "app", "prepaid", "business", "merchant")
P = {name: i for i, name in enumerate(PROFILE_CODES)}
# Card purchases per 30 days by profile (before the preset's activity scale and each account's own level).
CARD_RATE = np.array([10, 7, 6, 9, 8, 8, 9, 2, 0, 3, 0, 0], dtype=float)
EARNERS = (P["salaried"], P["remitter"], P["traveller"])
APP_MEMOS = ("🍕", "pizza 🍕", "thx!", "rent 🏠", "tickets 🎟️", "🎂 happy birthday", "dinner", "taxi 🚕",
             "for the trip ✈️", "groceries 🛒", "concert", "💸", "coffee ☕", "split bill")
FAMILY_MEMOS = ("pocket money", "for books", "love, mum", "from grandma", "for rent", "for you ❤")
FRIEND_MEMOS = ("thanks", "dinner", "back with thanks", "for the trip", "your share")


@dataclass(frozen=True)
class AccountArrays:
    """What the generator needs to know of every account, by row (row i = account id ``ids[i]``)."""

    ids: np.ndarray  # int32 account ids
    profile: np.ndarray  # int8, PROFILE_CODES
    merchant_kind: np.ndarray  # object: merchant profile name ("grocery", "hotel", …) or ""
    country: np.ndarray  # int8, columns.COUNTRIES (of the holder's home, or the merchant's bank)
    city: np.ndarray  # int8 city index (home or merchant city; -1 none)
    currency: np.ndarray  # int8
    activity: np.ndarray  # float: own activity level
    home_bank: np.ndarray  # int32: the holder's first bank account (app/prepaid top-ups), else -1
    desc: np.ndarray  # int32: the account's name as a statement shows it


class Economy:
    """Pools of counterparties and per-account constants; ``window`` draws the rows of some days."""

    def __init__(self, accounts: AccountArrays, texts: Texts, rng: np.random.Generator, scale: float,
                 offs: np.ndarray, active: np.ndarray | None = None) -> None:
        """``active`` (default: all) marks the accounts whose own background this economy draws; the others
        are only counterparties (the large preset streams extra customers around the world's accounts)."""
        self.a, self.texts, self.scale, self.offs = accounts, texts, scale, offs
        a = accounts
        n = len(a.ids)
        self.active = np.ones(n, dtype=bool) if active is None else active
        kind = a.merchant_kind
        self.row_of = {int(i): r for r, i in enumerate(a.ids)}
        self.pools = {k: np.flatnonzero(kind == k) for k in set(kind.tolist()) if k}
        self.by_city = {k: _city_pool(rows, a.city) for k, rows in self.pools.items()}
        person = np.isin(a.profile, [P[x] for x in PROFILE_CODES[:8]])
        self.people_by_country = {c: np.flatnonzero(person & (a.country == c)) for c in range(6)}
        self.landlords = {c: np.flatnonzero((a.profile == P["landlord"]) & (a.country == c)) for c in range(6)}
        self.employers = {c: np.flatnonzero((a.profile == P["business"]) & (a.country == c)) for c in range(6)}
        self.apps = np.flatnonzero(a.profile == P["app"])
        self.business = np.flatnonzero(a.profile == P["business"])
        # Constants per account: pay, rent, who pays the wage, where the rent goes, how many relatives help.
        level = np.exp(rng.normal(0, 0.35, n)) * _level(a.country)
        # Euro cents / (euro cents per unit) = units of the account's currency; x 100 = its cents.
        self.salary = np.round(2400_00 * level / _rate(a.currency) * 100).astype(np.int64)
        self.rent = np.round(750_00 * level * rng.uniform(0.5, 0.9, n) / _rate(a.currency) * 100).astype(np.int64)
        self.rent = np.round(self.rent, -2).clip(1000)
        self.biweekly = rng.random(n) < 0.25
        self.employer = _pick_in(rng, self.employers, a.country)
        to_landlord = rng.random(n) < 0.5
        landlord = _pick_in(rng, self.landlords, a.country)
        letting = _pick_city(rng, self.by_city.get("letting"), a.city)
        self.rent_to = np.where(to_landlord & (landlord >= 0), landlord, letting)
        pays_rent = np.isin(a.profile, [P[x] for x in ("salaried", "remitter", "traveller", "sole_trader", "low")])
        pays_rent |= (a.profile == P["student"]) & (rng.random(n) < 0.7)
        self.pays_rent = pays_rent & (self.rent_to >= 0) & (self.rent_to != np.arange(n))
        self.relatives = np.where(a.profile == P["student"], rng.integers(3, 9, n), 0)
        self.origin = np.where(rng.random(n) < 0.7, a.country, rng.integers(1, 4, n)).astype(np.int8)
        self.util_day = rng.integers(2, 27, size=(n, 2))

    # ---- helpers ---------------------------------------------------------------------------------
    def _poisson(self, rng, rows: np.ndarray, per30: np.ndarray, d0: int, d1: int, weekday: str, epoch_dow: int):
        keep = self.active[rows]
        rows, per30 = rows[keep], np.broadcast_to(per30, keep.shape)[keep]
        lam = per30 * self.scale * self.a.activity[rows] * (d1 - d0) / 30.0
        n = rng.poisson(lam)
        who = np.repeat(rows, n)
        days = np.arange(d0, d1)
        w = WEEKDAY[weekday][(days + epoch_dow) % 7]
        day = rng.choice(days, size=len(who), p=w / w.sum()) if len(who) else np.zeros(0, dtype=np.int64)
        return who, day

    def _ts(self, rng, day, rows, hours: str):
        return local_seconds(rng, day, self.a.country[rows], HOURS[hours], self.offs)

    def _rows(self, rng, who, day, hours, channel, debit, credit, amount, desc, city=-1):
        """Rows for events of accounts ``who``; ``debit``/``credit`` are account rows or -1 (cash)."""
        a, n = self.a, len(who)
        debit = np.broadcast_to(np.asarray(debit, dtype=np.int64), (n,))
        credit = np.broadcast_to(np.asarray(credit, dtype=np.int64), (n,))
        cur_c = np.where(credit >= 0, a.currency[np.maximum(credit, 0)], a.currency[np.maximum(debit, 0)])
        cur_d = np.where(debit >= 0, a.currency[np.maximum(debit, 0)], cur_c)
        amount = np.asarray(amount, dtype=np.int64)
        return block(n, ts=self._ts(rng, day, who, hours), channel=channel,
                     debit=np.where(debit >= 0, a.ids[np.maximum(debit, 0)], -1),
                     credit=np.where(credit >= 0, a.ids[np.maximum(credit, 0)], -1),
                     amount=amount, currency=cur_d, credit_amount=convert(amount, cur_d, cur_c),
                     credit_currency=cur_c, desc=desc, city=city)

    # ---- the window ------------------------------------------------------------------------------
    def window(self, rng: np.random.Generator, d0: int, d1: int, calendar: Calendar) -> dict[str, np.ndarray]:
        """Every benign row whose day is in [d0, d1)."""
        a, out = self.a, []
        dow = calendar.epoch_dow
        rows = np.arange(len(a.ids))
        # Card purchases at merchants of the home city.
        who, day = self._poisson(rng, rows, CARD_RATE[a.profile], d0, d1, "shop", dow)
        kind = rng.choice(np.array(["grocery", "grocery", "shopping", "restaurant", "fuel"]), size=len(who))
        for k in ("grocery", "shopping", "restaurant", "fuel"):
            sel = kind == k
            merchant = _pick_city(rng, self.by_city[k], a.city[who[sel]])
            ok = merchant >= 0
            w, m = who[sel][ok], merchant[ok]
            median = {"grocery": 35, "shopping": 60, "restaurant": 22, "fuel": 55}[k]
            amount = local_price(rng, median, 0.6, a.country[w], a.currency[w])
            out.append(self._rows(rng, w, day[sel][ok], "evening" if k == "restaurant" else "shop", "card",
                                  w, m, amount, a.desc[m], city=a.city[m]))
        spenders = rows[a.profile < P["app"]]
        # Cash withdrawals at cash points of the home city.
        who, day = self._poisson(rng, spenders, np.full(len(spenders), 2.0), d0, d1, "any", dow)
        amount = (np.round(local_price(rng, 90, 0.5, a.country[who], a.currency[who]), -3)).clip(1000)
        out.append(self._rows(rng, who, day, "shop", "cash_withdrawal", who, -1, amount,
                              self.texts.index("ATM WITHDRAWAL"), city=a.city[who]))
        # Transfers to friends in the same country.
        who, day = self._poisson(rng, spenders, np.full(len(spenders), 0.8), d0, d1, "bank", dow)
        friend = _pick_in(rng, self.people_by_country, a.country[who])
        ok = (friend >= 0) & (friend != who)
        amount = np.round(local_price(rng, 50, 0.8, a.country[who[ok]], a.currency[who[ok]]), -2).clip(100)
        out.append(self._rows(rng, who[ok], day[ok], "office", "transfer", who[ok], friend[ok], amount,
                              self.texts.indices(rng.choice(FRIEND_MEMOS, ok.sum()).tolist())))
        out += self._scheduled(rng, d0, d1, calendar)
        out += self._special(rng, d0, d1, dow)
        return concat(out)

    def _scheduled(self, rng, d0, d1, cal: Calendar) -> list:
        a, out, rows = self.a, [], np.arange(len(self.a.ids))
        earners = rows[np.isin(a.profile, EARNERS) & (self.employer >= 0) & self.active]
        for paydays, sel in ((cal.month_end, ~self.biweekly[earners]), (cal.fridays2, self.biweekly[earners])):
            days = paydays[(paydays >= d0) & (paydays < d1)]
            who = np.repeat(earners[sel], len(days))
            day = np.tile(days, sel.sum())
            amount = np.where(self.biweekly[who], self.salary[who] * 12 // 26, self.salary[who])
            out.append(self._rows(rng, who, day, "batch", "salary", self.employer[who], who, amount,
                                  self.a.desc[self.employer[who]] if len(who) else 0))
        pensioners = rows[(a.profile == P["pensioner"]) & self.active]
        pension = _pick_in(rng, {c: self.pools["pension"][a.country[self.pools["pension"]] == c]
                                 for c in range(6)}, a.country[pensioners])
        for day in cal.tenths[(cal.tenths >= d0) & (cal.tenths < d1)]:
            ok = pension >= 0
            out.append(self._rows(rng, pensioners[ok], np.full(ok.sum(), day), "batch", "pension", pension[ok],
                                  pensioners[ok], self.salary[pensioners[ok]] // 2, a.desc[pension[ok]]))
        tenants = rows[self.pays_rent & self.active]
        for first in cal.firsts[(cal.firsts >= d0 - 3) & (cal.firsts < d1)]:
            day = first + rng.integers(0, 3, len(tenants))
            ok = (day >= d0) & (day < d1)
            t = tenants[ok]
            out.append(self._rows(rng, t, day[ok], "office", "transfer", t, self.rent_to[t], self.rent[t],
                                  self.texts.index("RENT")))
        payers = rows[(a.profile < P["app"]) & self.active]
        utilities = {c: self.pools["utility"][a.country[self.pools["utility"]] == c] for c in range(6)}
        for k in range(1):
            for first in cal.firsts:
                dd = first + self.util_day[payers, k] - 1
                ok = (dd >= d0) & (dd < d1)
                p = payers[ok]
                u = _pick_in(rng, utilities, a.country[p])
                amount = local_price(rng, 90, 0.3, a.country[p], a.currency[p])
                out.append(self._rows(rng, p, dd[ok], "batch", "direct_debit", p, u, amount, a.desc[u]))
        return out

    def _special(self, rng, d0, d1, dow) -> list:
        """The benign look-alikes: sole traders' cash, students' relatives, remittances, travellers, apps."""
        a, out, rows, t = self.a, [], np.arange(len(self.a.ids)), self.texts
        traders = rows[a.profile == P["sole_trader"]]
        who, day = self._poisson(rng, traders, np.full(len(traders), 7.0), d0, d1, "bank", dow)
        amount = local_price(rng, 450, 0.8, a.country[who], a.currency[who])
        near = rng.random(len(who)) < 0.01  # now and then a good week: just under the threshold, by chance
        limit = np.array([CASH_THRESHOLD[c] for c in CURRENCIES])[a.currency[who]] * 100
        amount = np.where(near, (limit * rng.uniform(0.9, 0.999, len(who))).astype(np.int64), amount)
        out.append(self._rows(rng, who, day, "office", "cash_deposit", -1, who, np.round(amount, -2).clip(100),
                              t.index("CASH DEPOSIT"), city=a.city[who]))
        students = rows[a.profile == P["student"]]
        who, day = self._poisson(rng, students, self.relatives[students].astype(float), d0, d1, "any", dow)
        rel = _pick_in(rng, self.people_by_country, self.origin[who])
        ok = (rel >= 0) & (rel != who)
        amount = np.round(local_price(rng, 60, 0.6, a.country[rel[ok]], a.currency[rel[ok]]), -2).clip(100)
        out.append(self._rows(rng, who[ok], day[ok], "evening", "transfer", rel[ok], who[ok], amount,
                              t.indices(rng.choice(FAMILY_MEMOS, ok.sum()).tolist())))
        remitters = rows[a.profile == P["remitter"]]
        who, day = self._poisson(rng, remitters, np.ones(len(remitters)), d0, d1, "bank", dow)
        home = _pick_in(rng, self.people_by_country, rng.integers(1, 4, len(who)).astype(np.int8))
        ok = (home >= 0) & (home != who)
        amount = np.round(self.salary[who[ok]] * rng.uniform(0.1, 0.3, ok.sum()), -2).clip(100)
        out.append(self._rows(rng, who[ok], day[ok], "office", "wire", who[ok], home[ok], amount,
                              t.index("FAMILY SUPPORT")))
        travellers = rows[a.profile == P["traveller"]]
        for kind, rate, median, hours in (("hotel", 2.5, 190, "checkin"), ("ride", 3.0, 16, "ride")):
            who, day = self._poisson(rng, travellers, np.full(len(travellers), rate), d0, d1, "any", dow)
            city = rng.integers(0, len(CITY_COUNTRY), len(who)).astype(np.int8)
            m = _pick_city(rng, self.by_city[kind], city)
            ok = m >= 0
            w, m = who[ok], m[ok]
            amount = local_price(rng, median, 0.5, a.country[m], a.currency[w])
            out.append(self._rows(rng, w, day[ok], hours, "card", w, m, amount, a.desc[m], city=a.city[m]))
        who, day = self._poisson(rng, travellers, np.full(len(travellers), 2.0), d0, d1, "any", dow)
        m = self.pools["transport"][rng.integers(0, len(self.pools["transport"]), len(who))]
        out.append(self._rows(rng, who, day, "office", "card", who, m,
                              local_price(rng, 70, 0.5, a.country[who], a.currency[who]), a.desc[m]))
        apps = self.apps
        who, day = self._poisson(rng, apps, np.full(len(apps), 3.0), d0, d1, "any", dow)
        to = apps[rng.integers(0, max(1, len(apps)), len(who))] if len(apps) else who
        ok = to != who
        amount = np.round(local_price(rng, 18, 0.7, a.country[who[ok]], a.currency[who[ok]]), -1).clip(100)
        out.append(self._rows(rng, who[ok], day[ok], "evening", "app", who[ok], to[ok], amount,
                              t.indices(rng.choice(APP_MEMOS, ok.sum()).tolist())))
        funded = rows[(a.home_bank >= 0) & np.isin(a.profile, [P["app"], P["prepaid"]])]
        who, day = self._poisson(rng, funded, np.full(len(funded), 1.2), d0, d1, "any", dow)
        bank = np.array([self.row_of.get(int(b), -1) for b in a.home_bank[who]], dtype=np.int64)
        ok = bank >= 0
        amount = np.round(local_price(rng, 60, 0.5, a.country[who[ok]], a.currency[who[ok]]), -3).clip(1000)
        out.append(self._rows(rng, who[ok], day[ok], "evening", "app_topup", bank[ok], who[ok], amount,
                              t.index("TOP-UP")))
        biz = self.business
        who, day = self._poisson(rng, biz, np.full(len(biz), 8.0), d0, d1, "bank", dow)
        payer = biz[rng.integers(0, max(1, len(biz)), len(who))] if len(biz) else who
        ok = payer != who
        amount = local_price(rng, 1800, 1.0, a.country[who[ok]], a.currency[payer[ok]])
        out.append(self._rows(rng, who[ok], day[ok], "office", "transfer", payer[ok], who[ok], amount,
                              t.indices(rng.choice(["INVOICE PAYMENT", "SERVICES", "SUPPLIES"], ok.sum()).tolist())))
        return out


@dataclass(frozen=True)
class Calendar:
    """Day indices (days after the epoch) of the timeline's recurring dates."""

    epoch_dow: int  # weekday of day 0, Monday = 0
    firsts: np.ndarray  # the 1st of each month touching the timeline (the first may be negative)
    tenths: np.ndarray
    month_end: np.ndarray  # last working day of each month
    fridays2: np.ndarray  # every other Friday
    days: int


def build_calendar(epoch, days: int) -> Calendar:
    """The recurring dates of a timeline of ``days`` days from ``epoch``."""
    from datetime import timedelta

    dates = [epoch + timedelta(days=d) for d in range(-31, days + 1)]
    firsts = np.array([d for d, x in zip(range(-31, days + 1), dates, strict=True) if x.day == 1])
    tenths = np.array([d for d, x in zip(range(-31, days + 1), dates, strict=True) if x.day == 10 and d >= 0])
    month_end = []
    for f in firsts[1:]:
        last = f - 1
        while (epoch + timedelta(days=int(last))).weekday() >= 5:
            last -= 1
        if 0 <= last < days:
            month_end.append(last)
    fridays = [d for d in range(days) if (epoch + timedelta(days=d)).weekday() == 4]
    return Calendar(epoch.weekday(), firsts, tenths, np.array(month_end, dtype=np.int64),
                    np.array(fridays[1::2], dtype=np.int64), days)


def _level(country: np.ndarray) -> np.ndarray:
    from synth.build.finance.columns import PRICE_LEVEL

    return PRICE_LEVEL[country]


def _rate(currency: np.ndarray) -> np.ndarray:
    from synth.build.finance.columns import RATE

    return RATE[currency]


def _city_pool(rows: np.ndarray, city: np.ndarray):
    """(flat rows sorted by city, start per city, length per city) for fast per-city picks."""
    order = rows[np.argsort(city[rows], kind="stable")]
    counts = np.bincount(city[order].astype(np.int64) + 1, minlength=len(CITY_COUNTRY) + 1)[1:]
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]) + (city[order] < 0).sum()
    return order, starts, counts


def _pick_city(rng, pool, city: np.ndarray) -> np.ndarray:
    if pool is None:
        return np.full(len(city), -1)
    order, starts, counts = pool
    c = np.maximum(city.astype(np.int64), 0)
    n = counts[c]
    pick = starts[c] + (rng.random(len(city)) * np.maximum(n, 1)).astype(np.int64)
    return np.where((n > 0) & (city >= 0), order[np.minimum(pick, len(order) - 1)], -1)


def _pick_in(rng, pools: dict[int, np.ndarray], country: np.ndarray) -> np.ndarray:
    out = np.full(len(country), -1, dtype=np.int64)
    for c, pool in pools.items():
        sel = country == c
        if len(pool) and sel.any():
            out[sel] = pool[rng.integers(0, len(pool), sel.sum())]
    return out
