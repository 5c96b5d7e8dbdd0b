"""The labour operation's money: recruitment fees, debt repayments, transport and lodging, the front's cash.

Recruits answer the recruiters' ads (synth.build.ads): each pays the fee the ad asks for a few days after an ad
in the recruit's country was posted — by wire to the front agency, to a recruiter's Zapply handle, or in
LabCoin (synth.build.finance.crypto). The front buys the group's coach tickets and pays one house's rent for
all of them (one payer covering many people's transport and lodging), is paid by a client firm for their
work, pays no payroll but withdraws cash, and wires the rest under the wire line to the organiser.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta

from synth.build.finance.plant import Planter, local_ts, price
from synth.build.network import LABOUR_OP
from synth.build.social.personas import at_local
from synth.vocab.institutions import WIRE_THRESHOLD_EUR
from synth.vocab.places import CITY_BY_SLUG
from synth.world.finance import FinAccount
from synth.world.model import Ad, Operation, Person


def choose_recruits(rng: random.Random, people: list[Person], ads: list[Ad], count: int) -> list[tuple[str, Ad]]:
    """``count`` residents of the origin countries, each with the recruiter's ad he answered."""
    offers = sorted((a for a in ads if a.operation == LABOUR_OP), key=lambda a: a.ad_id)
    pool = sorted((p for p in people if p.role == "resident" and p.country in ("UA", "RO", "PL")
                   and 19 <= p.age <= 50), key=lambda p: p.person_id)
    chosen = rng.sample(pool, k=min(count, len(pool)))
    out = []
    for person in chosen:
        local = [a for a in offers if CITY_BY_SLUG[a.city].country == person.country] or offers
        out.append((person.person_id, rng.choice(local)))
    return out


class LabourPlanter:
    def __init__(self, rng: random.Random, planter: Planter, accounts: list[FinAccount], epoch: datetime,
                 end: datetime, operation: str = LABOUR_OP, crypto: bool = True) -> None:
        """``operation`` names the operation whose accounts and flows these are (the large preset's extra cells
        reuse this planter, synth.build.finance.cells); ``crypto=False`` turns LabCoin fees into wires."""
        self.rng, self.p, self.epoch, self.end = rng, planter, epoch, end
        self.op, self.crypto = operation, crypto
        self.accounts = {a.account_id: a for a in accounts}
        self.of_holder: dict[str, list[int]] = defaultdict(list)
        self.by_role: dict[str, list[int]] = defaultdict(list)
        self.merchants: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        for a in accounts:
            self.of_holder[a.holder].append(a.account_id)
            if a.operation == self.op and a.role:
                self.by_role[a.role].append(a.account_id)
            if a.kind == "merchant":
                self.merchants[(a.profile, a.city)].append(a.account_id)
        # (recruit, recruiter, the ad's country, when, cents, flow): paid to the address in the ad (cryptoflows)
        self.crypto_fees: list[tuple[str, str, str, datetime, float, int]] = []

    def ts(self, when: datetime) -> int:
        return local_ts(self.epoch, min(when, self.end - timedelta(minutes=1)))

    def own(self, person: str, kind: str) -> list[int]:
        return [a for a in self.of_holder[person] if self.accounts[a].kind == kind and not self.accounts[a].role]

    def plant(self, labour: Operation, recruits: list[tuple[str, Ad]]) -> None:
        front = self.by_role["front"]
        departures: dict[str, list[str]] = defaultdict(list)
        for person, ad in recruits:
            paid = ad.posted_at + timedelta(days=self.rng.randint(1, 10), hours=self.rng.randint(0, 10))
            if paid >= self.end - timedelta(days=3):
                paid = ad.posted_at + timedelta(hours=self.rng.randint(2, 40))
            self.fee(person, ad, paid, front)
            leave = min(paid + timedelta(days=self.rng.randint(5, 14)), self.end - timedelta(days=1))
            departures[f"{leave:%Y-%W}"].append(person)
            self.debts(person, leave, front)
        for week, group in sorted(departures.items()):
            self.tickets(group, week, front)
        self.front_business(labour, front)

    def fee(self, person: str, ad: Ad, when: datetime, front: list[int]) -> None:
        way = self.rng.choices(["wire", "app", "crypto"], [0.4, 0.3, 0.3])[0]
        cents = price(420, "DE", self.rng, 0.4)
        apps = self.own(person, "app")
        recruiter_app = [a for a in self.by_role["recruiter"]
                         if self.accounts[a].kind == "app" and self.accounts[a].holder == ad.poster]
        if way == "crypto" and self.crypto:
            flow = self.p.flow(self.op, "recruitment_fees", f"recruitment fee in LabCoin after ad {ad.ad_id}")
            self.crypto_fees.append((person, ad.poster, CITY_BY_SLUG[ad.city].country, when, cents, flow))
            return
        if way == "app" and apps and recruiter_app:
            payer, payee, channel, desc = apps[0], recruiter_app[0], "app", self.rng.choice(
                ["job 🙏", "registration", "for the visa", "fee", "документи"])
        else:
            self.p.at(self.ts(when))
            payer = self.p.pick(self.own(person, "personal"), debit=1)
            payee = self.p.pick(front, credit=1)
            channel, desc = "wire", self.rng.choice(["REGISTRATION FEE", "VISA SERVICE", "RECRUITMENT FEE"])
        self.p.at(self.ts(when))
        if payer is None or payee is None or not (self.p.has_room(payer, "debit") and self.p.has_room(payee, "credit")):
            return
        flow = self.p.flow(self.op, "recruitment_fees", f"recruitment fee after ad {ad.ad_id}")
        self.p.add(self.ts(when), channel, payer, payee, cents, desc, flow)

    def debts(self, person: str, start: datetime, front: list[int]) -> None:
        """Monthly "debt" repayments for the travel and papers, to the front (fan-in from many workers)."""
        t = start + timedelta(days=self.rng.randint(20, 35))
        for _ in range(self.rng.randint(1, 4)):
            if t >= self.end:
                return
            self.p.at(self.ts(t))
            payer = self.p.pick(self.own(person, "personal"), debit=1)
            payee = self.p.pick(front, credit=1)
            if payer is None or payee is None:
                return
            flow = self.p.flow(self.op, "recruitment_fees" if self.rng.random() < 0.7 else None,
                               "debt repayment to the front")
            self.p.add(self.ts(t), "transfer", payer, payee, price(180, "DE", self.rng, 0.4), "LOAN REPAYMENT", flow)
            t += timedelta(days=self.rng.randint(26, 34))

    def tickets(self, group: list[str], week: str, front: list[int]) -> None:
        day = datetime.strptime(week + "-1", "%Y-%W-%w").replace(tzinfo=self.epoch.tzinfo)
        self.p.at(self.ts(max(day, self.epoch)))
        payer = self.p.pick(front, debit=1)
        carriers = self.merchants[("transport", None)]
        if payer is None or not carriers:
            return
        flow = self.p.flow(self.op, "transport_one_payer", f"coach tickets for {len(group)} workers")
        carrier = self.rng.choice(carriers)
        self.p.add(self.ts(max(day, self.epoch + timedelta(hours=9))), "card", payer, carrier,
                   price(75, "DE", self.rng, 0.2) * len(group), self.accounts[carrier].holder_name.upper(), flow)

    def front_business(self, labour: Operation, front: list[int]) -> None:
        """Rent for the workers' house, client invoices in, cash out instead of payroll, wires home."""
        work_city = labour.cities[0]
        country = CITY_BY_SLUG[work_city].country
        letting = self.merchants[("letting", work_city)]
        organiser = self.by_role["organiser"]
        t = self.epoch + timedelta(days=self.rng.randint(0, 6))
        month = -1
        while t < self.end - timedelta(days=1):
            if t.month != month and letting:
                month = t.month
                self._one(front, letting, t.replace(day=min(t.day, 3)), "transfer", price(2600, country, self.rng, 0.1),
                          "RENT HOUSE FOR WORKERS", "lodging_one_payer", "rent of the workers' house")
            self._cash_out(front, t, country)
            if self.rng.random() < 0.6:
                self._one(front, organiser, t + timedelta(days=1), "wire",
                          WIRE_THRESHOLD_EUR * 100 * self.rng.uniform(0.6, 0.97), self.rng.choice(
                              ["CONSULTING SERVICES", "FAMILY SUPPORT", "LOAN"]),
                          self.rng.choice(["wire_to_origin", "structuring", None]), "proceeds to the organiser")
            t += timedelta(days=self.rng.randint(6, 9))

    def _cash_out(self, front: list[int], t: datetime, country: str) -> None:
        self.p.at(self.ts(t))
        payer = self.p.pick(front, debit=1)
        if payer is None:
            return
        flow = self.p.flow(self.op, "no_payroll", "cash withdrawn instead of wages")
        when = at_local(country, t, self.rng.randint(9, 16), self.rng.randrange(60))
        self.p.add(self.ts(when), "cash_withdrawal", payer, -1, price(3500, country, self.rng, 0.3), "CASH WITHDRAWAL",
                   flow, city=self.accounts[payer].city)

    def _one(self, payers: list[int], payees: list[int], when: datetime, channel: str, cents: float, desc: str,
             typology: str | None, note: str) -> None:
        self.p.at(self.ts(when))
        payer, payee = self.p.pick(payers, debit=1), self.p.pick(payees, credit=1)
        if payer is None or payee is None:
            return
        self.p.add(self.ts(when), channel, payer, payee, cents, desc, self.p.flow(self.op, typology, note))
