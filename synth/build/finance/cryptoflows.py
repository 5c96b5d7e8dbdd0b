"""Who uses LabCoin and how: benign users and market buyers, the ring's ad fees, the labour peel chains.

All chain events are queued with their time and run in time order, so a coin is never spent before it
arrived. Fiat legs — buying coins from the exchange, the exchange paying euros out — go through the
Planter like every other bank row (illicit ones replace background rows of the same account).
"""

from __future__ import annotations

import heapq
import random
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta

from synth.build.finance.crypto import Chain
from synth.build.finance.plant import Planter, local_ts
from synth.build.network import LABOUR_OP, SEX_OP
from synth.world.finance import BENIGN, FinAccount
from synth.world.model import Operation


class CryptoPlanter:
    def __init__(self, rng: random.Random, chain: Chain, planter: Planter, accounts: list[FinAccount],
                 epoch: datetime, end: datetime) -> None:
        self.rng, self.chain, self.p, self.epoch, self.end = rng, chain, planter, epoch, end
        self.events: list[tuple[datetime, int, Callable[[], None]]] = []
        self._seq = 0
        self.accounts = {a.account_id: a for a in accounts}
        self.banks: dict[str, list[int]] = defaultdict(list)
        for a in accounts:
            if a.kind == "personal":
                self.banks[a.holder].append(a.account_id)
        self.exchange_fiat = next(a.account_id for a in accounts if a.holder == "merchant:coinbridge")
        self.wallet_of: dict[str, int] = {}
        self.published: dict[str, dict[str, str]] = {}  # recruiter -> {ad country: address in his ads}

    def at(self, when: datetime, fn: Callable[[], None]) -> None:
        when = min(max(when, self.epoch), self.end - timedelta(hours=1))
        self._seq += 1
        heapq.heappush(self.events, (when, self._seq, fn))

    def run(self) -> None:
        t = self.epoch + timedelta(days=3, hours=4)
        while t < self.end:
            self.at(t, lambda t=t: self.chain.sweep(t))
            t += timedelta(days=7)
        heapq.heapify(self.events)
        while self.events:  # events may queue later events (a payout after a deposit)
            _, _, fn = heapq.heappop(self.events)
            fn()

    def wallet(self, holder: str) -> int:
        if holder not in self.wallet_of:
            self.wallet_of[holder] = self.chain.wallet(holder)
        return self.wallet_of[holder]

    def buy(self, holder: str, eur_cents: float, when: datetime, flow: int, accounts: list[int] | None = None) -> bool:
        """Euros from the holder's bank to the exchange, then coins to a fresh address of the holder's wallet."""
        self.p.at(local_ts(self.epoch, when))
        payer = self.p.pick(accounts or self.banks[holder], debit=1)
        if payer is None:
            return False
        self.p.add(local_ts(self.epoch, when), "exchange_buy", payer, self.exchange_fiat, eur_cents * 1.01,
                   "COINBRIDGE EXCHANGE", flow)
        self.at(when + timedelta(minutes=self.rng.randint(20, 180)),
                lambda: self.chain.withdraw(self.wallet(holder), eur_cents, when + timedelta(hours=3), flow))
        return True

    def pay(self, holder: str, address: str | Callable[[], str], eur_cents: float, when: datetime, flow: int) -> None:
        def go() -> None:
            to = address() if callable(address) else address
            self.chain.send(self.wallet(holder), [(to, self.chain.sats(eur_cents, when))], when, flow)
        self.at(when, go)

    def payout(self, holder: str, account: int, when: datetime, sats_of: Callable[[], int], flow: int) -> None:
        """The exchange pays the euro value of a deposit out to the holder's bank (after the sweep)."""
        def go() -> None:
            eur = sats_of() / 100_000_000 * self.chain.price[min(self.chain.days, (when - self.epoch).days)]
            if eur > 0:
                self.p.add(local_ts(self.epoch, when), "exchange_payout", self.exchange_fiat, account, eur * 0.99,
                           "COINBRIDGE PAYOUT", flow)
        self.at(when, go)

    # ---- benign -------------------------------------------------------------------------------------
    def benign(self, holders: list[str], advertisers: set[str], buyers: int) -> None:
        quickads = self.chain.address(self.chain.quickads)
        users = [h for h in holders if self.banks[h]]
        for holder in users:
            for _ in range(self.rng.randint(1, 3)):
                when = self.epoch + timedelta(days=self.rng.uniform(0, self.chain.days - 20))
                self.buy(holder, self.rng.uniform(50, 900) * 100, when, BENIGN)
            for _ in range(self.rng.randint(0, 3)):
                other = self.rng.choice(users)
                when = self.epoch + timedelta(days=self.rng.uniform(20, self.chain.days - 5))
                self.pay(holder, lambda o=other: self.chain.address(self.wallet(o)), self.rng.uniform(10, 120) * 100,
                         when, BENIGN)
            if holder in advertisers or self.rng.random() < 0.1:
                when = self.epoch + timedelta(days=self.rng.uniform(15, self.chain.days - 5))
                self.pay(holder, quickads, 30_00 * self.rng.uniform(0.9, 1.1), when, BENIGN)
            if self.rng.random() < 0.4:
                when = self.epoch + timedelta(days=self.rng.uniform(30, self.chain.days - 15))
                cents = self.rng.uniform(40, 300) * 100
                self.pay(holder, self.chain.deposit_address(holder), cents, when, BENIGN)
                self.payout(holder, self.banks[holder][0], when + timedelta(days=8),
                            lambda c=cents, w=when: self.chain.sats(c, w), BENIGN)
        market = self.chain.wallets[self.chain.market].addresses
        for n in range(buyers):  # anonymous market buyers whose coins come from outside the lab's world
            wallet = self.wallet(f"anon-{n + 1:03d}")
            self.chain._mint(wallet, int(self.rng.uniform(0.02, 0.2) * 100_000_000))
            for _ in range(self.rng.randint(1, 3)):
                when = self.epoch + timedelta(days=self.rng.uniform(0, self.chain.days - 2))
                self.pay(f"anon-{n + 1:03d}", self.rng.choice(market), self.rng.uniform(40, 400) * 100, when, BENIGN)

    # ---- the operations -------------------------------------------------------------------------------
    def ring(self, ring: Operation, fees: list[tuple[str, datetime, float, int]], own: dict[str, list[int]]) -> None:
        """Controllers buy coins, pay QuickAds fees in LabCoin, and buy once at the dark market."""
        quickads = self.chain.wallets[self.chain.quickads].addresses[0]
        by_controller: dict[str, list] = defaultdict(list)
        for controller, when, cents, flow in fees:
            by_controller[controller].append((when, cents, flow))
        for controller in ring.controllers:
            mine = sorted(by_controller.get(controller, []))
            if not mine:
                continue
            total = sum(c for _, c, _ in mine) + 40_000
            flow = self.p.flow(SEX_OP, None, "coins bought for ad fees and the market")
            first = mine[0][0] - timedelta(days=2)
            if not self.buy(controller, total * 1.3, first, flow, own.get(controller)):
                continue
            for when, cents, fee_flow in mine:
                self.pay(controller, quickads, cents, when, fee_flow)
            market = self.rng.choice(self.chain.wallets[self.chain.market].addresses)
            dark = self.p.flow(SEX_OP, "crypto_dark_market", "payment to the NightBazaar market (documents)")
            self.pay(controller, market, 30_000, mine[len(mine) // 2][0] + timedelta(hours=5), dark)

    def published_address(self, recruiter: str, country: str) -> str:
        """The address a recruiter prints in his ads of one country (synth.build.finance.mentions writes it there).

        One static address per country, as in a real ad: everyone who answers an ad there pays to it, and
        spending the countries' addresses together later ties them to one wallet (common-input heuristic).
        """
        per_country = self.published.setdefault(recruiter, {})
        if country not in per_country:
            per_country[country] = self.chain.address(self.wallet(recruiter))
        return per_country[country]

    def published_and_paid(self) -> dict[str, dict[str, str]]:
        """The published addresses that received a fee (a failed payment leaves an address nobody used)."""
        paid = {address for tx in self.chain.txs for address, _ in tx.outputs}
        out = {r: {c: a for c, a in sorted(per.items()) if a in paid} for r, per in sorted(self.published.items())}
        return {r: per for r, per in out.items() if per}

    def labour(self, labour: Operation, fees: list[tuple[str, str, str, datetime, float, int]],
               organiser_accounts: list[int]) -> None:
        """Recruits pay fees to the address in the ad they answered; the recruiter consolidates every few
        fees and peels the sum to the organiser's exchange deposit."""
        by_recruiter: dict[str, list[datetime]] = defaultdict(list)
        for recruit, recruiter, country, when, cents, flow in sorted(fees, key=lambda f: (f[3], f[0])):
            if not self.buy(recruit, cents * 1.05, when - timedelta(hours=self.rng.randint(3, 30)), flow):
                continue
            self.pay(recruit, self.published_address(recruiter, country), cents, when, flow)
            by_recruiter[recruiter].append(when)
        for recruiter, received in sorted(by_recruiter.items()):
            for last in [received[min(i + 2, len(received) - 1)] for i in range(0, len(received), 3)]:
                start = max(last + timedelta(hours=1),
                            min(last + timedelta(days=self.rng.randint(2, 6)), self.end - timedelta(days=4)))
                self.at(start, lambda r=recruiter, s=start: self._peel(labour, r, s, organiser_accounts))

    def _peel(self, labour: Operation, recruiter: str, start: datetime, organiser_accounts: list[int]) -> None:
        """Spend everything the published addresses hold in one transaction, then peel it hop by hop to the
        organiser's deposit address, finishing before the period ends (the hops are squeezed if need be)."""
        chain, w, fee = self.chain, self.wallet(recruiter), 2500
        published = set(self.published.get(recruiter, {}).values())
        inputs = [u for u in chain.wallets[w].utxos if u[2] in published]
        if not inputs:
            return
        flow = self.p.flow(LABOUR_OP, "peel_chain", f"fees consolidated and peeled from {start:%Y-%m-%d}")
        hop = chain.address(w)
        total = sum(u[3] for u in inputs)
        txid = chain.send(w, [(hop, total - fee)], start, flow, inputs=inputs, change=False, fee=fee)
        hops = self.rng.randint(3, 6)
        room = (self.end - timedelta(hours=6) - start) / (hops + 1)
        when, dark_done = start, False
        for _ in range(hops):
            when += min(timedelta(hours=self.rng.randint(2, 20)), room)
            utxo = [u for u in chain.wallets[w].utxos if u[2] == hop]
            if not utxo or txid is None:
                return
            value = utxo[0][3]
            peel = int(value * self.rng.uniform(0.04, 0.12))
            if not dark_done and self.rng.random() < 0.5:
                dark_done = True
                to = self.rng.choice(chain.wallets[chain.market].addresses)
                peel_flow = self.p.flow(LABOUR_OP, "crypto_dark_market", "peel paid to the NightBazaar market")
            else:
                to, peel_flow = chain.address(self.wallet(f"anon-peel-{self.rng.randint(1, 40):02d}")), flow
            nxt = chain.address(w)
            txid = chain.send(w, [(to, peel), (nxt, value - peel - fee)], when, peel_flow, inputs=utxo,
                              change=False, fee=fee)
            hop = nxt
        utxo = [u for u in chain.wallets[w].utxos if u[2] == hop]
        if not utxo or txid is None:
            return
        deposit = chain.deposit_address(labour.organiser)
        value = utxo[0][3] - fee
        when += min(timedelta(hours=3), room)
        chain.send(w, [(deposit, value)], when, flow, inputs=utxo, change=False, fee=fee)
        self.p.at(local_ts(self.epoch, when + timedelta(days=3)))
        receiver = self.p.pick(organiser_accounts, credit=1)
        if receiver is not None:
            self.payout(labour.organiser, receiver, when + timedelta(days=self.rng.randint(2, 5)), lambda v=value: v,
                        flow)
