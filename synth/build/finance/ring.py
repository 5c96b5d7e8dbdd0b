"""The sexual-exploitation ring's money, planted on its ad timeline and circuit (FIN-2014-A008, FIN-2020-A008).

A victim's *stays* are read from her QuickAds ads exactly as module 03 reconstructs them (runs of one city
in posting order), so every planted row agrees with what a trainee can see: the ad fee is paid minutes
before the stay's first ad, the hotel is booked late at night on the day she arrives in that city, the
ticket is bought for the trip from the previous city, her earnings are paid in as cash at a branch in the
city of the stay and leave the funnel account within hours in another city or towards a controller, and
the controllers wire the money on to the organiser's country in amounts under the wire line.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta

from synth.build.finance.plant import Planter, local_ts, price
from synth.build.network import SEX_OP
from synth.build.social.personas import at_local
from synth.vocab.institutions import CASH_THRESHOLD, WIRE_THRESHOLD_EUR
from synth.vocab.places import CITY_BY_SLUG
from synth.world.finance import FinAccount
from synth.world.model import Ad, Listing, Operation

Stay = tuple[str, str, datetime, datetime, list[Ad]]  # (victim, city, first ad, last ad, ads)


def victim_stays(ads: list[Ad], ring: Operation) -> list[Stay]:
    """Each victim's runs of ads in one city, in posting order (module 03's "circuit")."""
    stays: list[Stay] = []
    for victim in ring.victims:
        mine = sorted((a for a in ads if a.advertised == victim and a.operation == SEX_OP),
                      key=lambda a: (a.posted_at, a.ad_id))
        for ad in mine:
            if stays and stays[-1][0] == victim and stays[-1][1] == ad.city:
                v, c, first, _, group = stays[-1]
                stays[-1] = (v, c, first, ad.posted_at, group + [ad])
            else:
                stays.append((victim, ad.city, ad.posted_at, ad.posted_at, [ad]))
    return stays


class RingPlanter:
    def __init__(self, rng: random.Random, planter: Planter, accounts: list[FinAccount], epoch: datetime,
                 end: datetime, structuring: float, operation: str = SEX_OP, crypto: bool = True) -> None:
        """``operation`` names the ring whose accounts and flows these are (the large preset's extra cells
        reuse this planter, synth.build.finance.cells); ``crypto=False`` pays every ad fee by card. ``structuring``
        is the share of cash pay-ins kept under the reporting threshold (the preset's, FinanceScale)."""
        self.rng, self.p, self.epoch, self.end = rng, planter, epoch, end
        self.structuring = structuring
        self.op, self.crypto = operation, crypto
        self.by_role: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.merchants: dict[tuple[str, str | None], list[int]] = defaultdict(list)
        for a in accounts:
            if a.operation == self.op and a.role:
                self.by_role[(a.role, a.holder)].append(a.account_id)
                self.by_role[(a.role, "*")].append(a.account_id)
            if a.kind == "merchant":
                self.merchants[(a.profile, a.city)].append(a.account_id)
                self.merchants[(a.holder, None)].append(a.account_id)
        self.accounts = {a.account_id: a for a in accounts}
        # Each controller also pays with the cards of the mules he recruited (their accounts, his use).
        mules = sorted(self.by_role[("mule", "*")])
        self.rng.shuffle(mules)
        self.mules_of: dict[str, list[int]] = defaultdict(list)
        controllers = sorted({h for (role, h) in self.by_role if role == "controller" and h != "*"})
        for i, m in enumerate(mules):
            self.mules_of[controllers[i % len(controllers)]].append(m)
        self.crypto_fees: list[tuple[str, datetime, float, int]] = []  # (controller, when, eur cents, flow)

    def ts(self, when: datetime) -> int:
        return local_ts(self.epoch, min(when, self.end - timedelta(minutes=1)))

    def merchant(self, profile: str, city: str | None) -> int:
        return self.rng.choice(self.merchants[(profile, city)])

    def instruments(self, controller: str) -> list[int]:
        return self.by_role[("controller", controller)] + self.mules_of[controller]

    # ---- per stay --------------------------------------------------------------------------------
    def plant(self, ring: Operation, stays: list[Stay], listings: list[Listing]) -> None:
        controller_of = {v: s[4][0].poster for s in stays for v in [s[0]]}
        profiles = defaultdict(list)
        for x in listings:
            if x.site == "companions" and x.operation == self.op:
                profiles[(x.advertised, x.city)].append(x)
        previous: dict[str, str] = {}
        booked: dict[tuple[str, str, str], int] = {}  # (controller, city, arrival day) -> flow
        for victim, city_slug, first, last, ads in sorted(stays, key=lambda s: (s[2], s[0])):
            controller = controller_of[victim]
            city = CITY_BY_SLUG[city_slug]
            self.ad_fees(controller, ads, city_slug)
            for x in profiles.get((victim, city_slug), []):
                if first - timedelta(days=2) <= x.posted_at <= last:
                    self.fee(controller, x.posted_at, "companions", 25, city.country)
            arrival = first.replace(hour=0, minute=0, second=0)
            nights = max(1, (last - first).days + 1)
            key = (controller, city_slug, arrival.strftime("%Y-%m-%d"))
            if booked.get(key):  # another woman of the same controller in the same city: a second room
                self.hotel(controller, city_slug, arrival, nights, booked[key])
            else:
                booked[key] = self.hotel(controller, city_slug, arrival, nights, None)
            if victim in previous and previous[victim] != city_slug:
                self.ticket(controller, previous[victim], city_slug, arrival)
            previous[victim] = city_slug
            self.upkeep(controller, city_slug, first, last)
            self.earnings(ring, victim, controller, city_slug, first, last)
        self.move_up(ring)

    def ad_fees(self, controller: str, ads: list[Ad], city: str) -> None:
        """A "top ad" fee for the stay's first ad; some reposts bought as paid bumps."""
        country = CITY_BY_SLUG[city].country
        self.fee(controller, ads[0].posted_at, "quickads", 30, country)
        for ad in ads[1:]:
            if self.rng.random() < 0.25:
                self.fee(controller, ad.posted_at, "quickads", 8, country)

    def fee(self, controller: str, posted: datetime, site: str, eur: float, country: str) -> None:
        when = posted - timedelta(minutes=self.rng.randint(2, 40))
        cents = eur * 100 * self.rng.uniform(0.9, 1.1)
        note = f"{site} fee for an ad posted {posted:%Y-%m-%d %H:%M}"
        if site == "quickads" and self.rng.random() < 0.2 and self.crypto:
            self.crypto_fees.append((controller, when, cents, self.p.flow(self.op, "ad_fees", note + " (crypto)")))
            return
        self.p.at(self.ts(when))
        payer = self.p.pick(self.instruments(controller), debit=1)
        if payer is None:
            return
        if self.accounts[payer].kind == "prepaid" and self.rng.random() < 0.5:
            self.load_prepaid(payer, when - timedelta(hours=self.rng.randint(2, 30)), country)
        flow = self.p.flow(self.op, "ad_fees", note)
        self.p.add(self.ts(when), "card", payer, self.p_site(site), cents,
                   f"{site.upper()} {'TOP AD' if eur > 10 else 'BUMP'}", flow)

    def p_site(self, site: str) -> int:
        return self.merchants[(f"merchant:{site}", None)][0]

    def load_prepaid(self, card: int, when: datetime, country: str) -> None:
        self.p.at(self.ts(when))
        if not self.p.has_room(card, "credit"):
            return
        flow = self.p.flow(self.op, "prepaid_cards", "cash load of a prepaid card")
        city = self.rng.choice([c for c in CITY_BY_SLUG.values() if c.country == country]).slug
        self.p.add(self.ts(when), "prepaid_load", -1, card, price(150, "DE", self.rng, 0.4), "LOADUP CASH LOAD",
                   flow, city=city)

    def hotel(self, controller: str, city: str, arrival: datetime, nights: int, flow: int | None) -> int:
        """Late-night booking on arrival, one payer; a second room of the same booking for another woman."""
        country = CITY_BY_SLUG[city].country
        second = flow is not None
        self.p.at(self.ts(arrival))
        payer = self.p.pick(self.instruments(controller), debit=1)
        if payer is None:
            return flow or 0
        if flow is None:
            flow = self.p.flow(self.op, "lodging_one_payer",
                               f"hotel in {city} from {arrival:%Y-%m-%d}, {nights} nights")
        hour = self.rng.choice([22, 23, 0, 1])
        when = at_local(country, arrival + timedelta(days=1 if hour < 5 else 0), hour, self.rng.randrange(60))
        hotel = self.merchant("hotel", city)
        self.p.add(self.ts(when), "card", payer, hotel, price(70 * nights, country, self.rng, 0.15),
                   self.accounts[hotel].holder_name.upper() + (" ROOM 2" if second else ""), flow, city=city)
        for _ in range(self.rng.randint(0, 2)):  # late rides in the city during the stay
            ride_day = arrival + timedelta(days=self.rng.randrange(nights))
            ride_when = at_local(country, ride_day, self.rng.choice([22, 23, 0, 1, 2]), self.rng.randrange(60))
            payer = self.p.pick(self.instruments(controller), debit=1)
            if payer is not None:
                rflow = self.p.flow(self.op, "transport_one_payer", f"late ride in {city}")
                ride = self.merchant("ride", city)
                self.p.add(self.ts(ride_when), "card", payer, ride, price(18, country, self.rng, 0.5),
                           self.accounts[ride].holder_name.upper(), rflow, city=city)
        return flow

    def upkeep(self, controller: str, city: str, first: datetime, last: datetime) -> None:
        """Food, clothes and phone credit bought in the stay's city by the controller (one payer, many people)."""
        country = CITY_BY_SLUG[city].country
        days = max(1, (last - first).days + 1)
        for _ in range(max(1, days // 3)):
            self.p.at(self.ts(first))
            payer = self.p.pick(self.instruments(controller), debit=1)
            if payer is None:
                return
            kind = self.rng.choice(["grocery", "grocery", "shopping", "restaurant"])
            shop = self.merchant(kind, city)
            when = at_local(country, first + timedelta(days=self.rng.randrange(days)), self.rng.randint(10, 22),
                            self.rng.randrange(60))
            flow = self.p.flow(self.op, "living_costs_one_payer" if self.rng.random() < 0.8 else None,
                               f"{kind} in {city} during a stay")
            self.p.add(self.ts(when), "card", payer, shop, price({"grocery": 60, "shopping": 90}.get(kind, 45), country,
                                                                    self.rng, 0.4),
                       self.accounts[shop].holder_name.upper(), flow, city=city)

    def ticket(self, controller: str, origin: str, city: str, arrival: datetime) -> None:
        self.p.at(self.ts(arrival))
        payer = self.p.pick(self.instruments(controller), debit=1)
        if payer is None:
            return
        flow = self.p.flow(self.op, "transport_one_payer", f"ticket {origin} to {city}")
        carrier = self.rng.choice(self.merchants[("transport", None)])
        when = at_local(CITY_BY_SLUG[origin].country, arrival - timedelta(days=1), self.rng.randint(19, 23),
                        self.rng.randrange(60))
        self.p.add(self.ts(when), "card", payer, carrier, price(60, "DE", self.rng, 0.4),
                   self.accounts[carrier].holder_name.upper(), flow)

    # ---- cash: funnel accounts, structuring, collection ----------------------------------------------
    def earnings(self, ring: Operation, victim: str, controller: str, city: str, first: datetime,
                 last: datetime) -> None:
        """Cash paid in every few days at a branch in the stay's city, out within hours elsewhere."""
        country = CITY_BY_SLUG[city].country
        funnels = [a for a in self.by_role[("funnel", "*")] + self.by_role[("mule", "*")]
                   if _bank_country(self.accounts[a]) == country]
        days = max(1, (last - first).days + 1)
        for k in range(max(1, days // 3)):
            day = first + timedelta(days=min(days - 1, k * 3 + self.rng.randint(0, 1)))
            self.p.at(self.ts(day))
            funnel = self.p.pick(funnels, debit=1, credit=1)
            if funnel is None:
                return
            currency = self.accounts[funnel].currency
            structured = self.rng.random() < self.structuring
            typology = "structuring" if structured else "funnel_account"
            flow = self.p.flow(self.op, typology, f"earnings of {victim} in {city} paid in")
            if structured:
                amount = int(CASH_THRESHOLD[currency] * 100 * self.rng.uniform(0.9, 0.995)) // 1000 * 1000
            else:
                amount = int(price(1400, country, self.rng, 0.4) / _rate(currency)) // 500 * 500
            when = at_local(country, day, self.rng.randint(10, 17), self.rng.randrange(60))
            self.p.add(self.ts(when), "cash_deposit", -1, funnel, None, "CASH DEPOSIT", flow, city=city,
                       amount=amount)
            later = when + timedelta(hours=self.rng.randint(2, 40))
            collector = self.p.pick(self.by_role[("controller", controller)], credit=1)
            if self.rng.random() < 0.5 or collector is None:
                elsewhere = [c for c in ring.cities if c != city and CITY_BY_SLUG[c].country == country]
                out_city = self.rng.choice(elsewhere or [c for c in ring.cities if c != city])
                self.p.add(self.ts(later), "cash_withdrawal", funnel, -1, None, "CASH WITHDRAWAL", flow,
                           city=out_city, amount=int(amount * self.rng.uniform(0.9, 1.0)) // 1000 * 1000)
            else:
                fan = self.p.flow(self.op, "fan_in" if self.rng.random() < 0.75 else None,
                                  f"collection from a funnel account in {city}")
                self.p.add(self.ts(later), "transfer", funnel, collector, None, "TRANSFER", fan,
                           amount=int(amount * self.rng.uniform(0.85, 1.0)))

    def move_up(self, ring: Operation) -> None:
        """Every ~12 days each controller wires under the wire line to the organiser's country."""
        organiser = self.by_role[("organiser", ring.organiser)]
        t = self.epoch + timedelta(days=self.rng.randint(8, 16))
        while t < self.end - timedelta(days=2):
            for controller in ring.controllers:
                self.p.at(self.ts(t))
                sender = self.p.pick(self.by_role[("controller", controller)], debit=1)
                receiver = self.p.pick(organiser, credit=1)
                if sender is None or receiver is None or self.accounts[sender].kind not in ("personal", "app"):
                    continue
                typology = self.rng.choice(["wire_to_origin", "wire_to_origin", "structuring", None])
                flow = self.p.flow(self.op, typology, "proceeds sent to the organiser's country")
                eur = WIRE_THRESHOLD_EUR * 100 * self.rng.uniform(0.6, 0.97)
                when = t + timedelta(hours=self.rng.randint(8, 60))
                self.p.add(self.ts(when), "wire", sender, receiver, eur, self.rng.choice(
                    ["FAMILY SUPPORT", "GIFT", "FOR MOTHER", "LOAN REPAYMENT"]), flow)
            t += timedelta(days=self.rng.randint(9, 15))


def _bank_country(account: FinAccount) -> str | None:
    from synth.vocab.institutions import BY_SLUG

    inst = BY_SLUG[account.institution]
    return inst.country if inst.kind == "bank" else None


def _rate(currency: str) -> float:
    from synth.vocab.institutions import EUR_CENTS_PER_UNIT

    return EUR_CENTS_PER_UNIT[currency] / 100
