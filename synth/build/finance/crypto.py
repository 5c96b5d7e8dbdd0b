"""The LabCoin ledger: a small UTXO chain with an exchange, a dark market, QuickAds' payment address,
benign users and the operations' wallets.

A wallet spends by gathering unspent outputs of *several of its addresses* into one transaction and sends
its change to a fresh address of its own — so the common-input heuristic (all inputs of a transaction
belong to one owner) recovers wallets, exactly as on Bitcoin. The exchange gives each customer a deposit
address and sweeps deposits into its labelled hot wallet in batches, so deposit addresses cluster with
the exchange. The labour operation's fees are consolidated and moved through a peel chain (each hop pays a
little away, the rest goes on to a fresh address) into the organiser's deposit address, and paid out in
euros to the organiser's bank; a peel pays the dark market. Fiat legs (buying coins, payouts) are ledger
rows of the bank side, planted like every other row (synth.build.finance.plant).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from synth.vocab.institutions import SATS
from synth.vocab.schemes import wallet_addresses
from synth.world.finance import BENIGN, ChainTx, Wallet


@dataclass
class _Wallet:
    owner: str
    label: str | None
    addresses: list[str] = field(default_factory=list)
    utxos: list[tuple[str, int, str, int]] = field(default_factory=list)


class Chain:
    def __init__(self, rng: random.Random, nrng: np.random.Generator, epoch: datetime, days: int) -> None:
        self.rng, self.epoch, self.days = rng, epoch, days
        self._pool = wallet_addresses(nrng, 4000)
        self._nrng = nrng
        self.wallets: list[_Wallet] = []
        self.txs: list[ChainTx] = []
        walk = np.cumsum(nrng.normal(0, 0.02, days + 1))
        self.price = tuple(int(round(2_500_000 * float(np.exp(w)))) for w in walk)  # euro cents per coin
        self.deposit: dict[str, str] = {}  # customer -> deposit address
        self.owner_of: dict[str, int] = {}  # address -> wallet index
        self.exchange = self.wallet("coinbridge", "Coinbridge Exchange")
        self.market = self.wallet("nightbazaar", "NightBazaar market")
        self.quickads = self.wallet("quickads", "QuickAds payments")
        for _ in range(3):
            self.address(self.market)
        self._mint(self.exchange, 5000 * SATS)

    # ---- wallets ---------------------------------------------------------------------------------------
    def wallet(self, owner: str, label: str | None = None) -> int:
        self.wallets.append(_Wallet(owner, label))
        return len(self.wallets) - 1

    def address(self, wallet: int) -> str:
        if not self._pool:
            self._pool = wallet_addresses(self._nrng, 4000)
        address = self._pool.pop()
        self.wallets[wallet].addresses.append(address)
        self.owner_of[address] = wallet
        return address

    def deposit_address(self, customer: str) -> str:
        if customer not in self.deposit:
            self.deposit[customer] = self.address(self.exchange)
        return self.deposit[customer]

    def sats(self, eur_cents: float, when: datetime) -> int:
        day = min(max(0, (when - self.epoch).days), self.days)
        return int(eur_cents / self.price[day] * SATS)

    def _txid(self) -> str:
        return f"{self.rng.getrandbits(256):064x}"

    def _mint(self, wallet: int, sats: int) -> None:
        txid = self._txid()
        address = self.address(wallet)
        self.txs.append(ChainTx(txid, self.epoch - timedelta(days=30), (), ((address, sats),)))
        self.wallets[wallet].utxos.append((txid, 0, address, sats))

    # ---- spending --------------------------------------------------------------------------------------
    def send(self, wallet: int, outputs: list[tuple[str, int]], when: datetime, flow: int = BENIGN,
             inputs: list[tuple[str, int, str, int]] | None = None, change: bool = True,
             fee: int | None = None) -> str | None:
        """Pay ``outputs`` from ``wallet``: its coins are gathered from several addresses, the change goes
        to a fresh address of the wallet. Returns the txid, or None when the wallet cannot pay.

        ``fee`` (sats) is drawn unless given: a caller that spends exact inputs with no change (a peel hop)
        must name the fee it left out of its outputs, or a larger draw would make the payment fail."""
        w = self.wallets[wallet]
        fee = self.rng.randint(1000, 5000) if fee is None else fee
        need = sum(s for _, s in outputs) + fee
        if inputs is None:
            pool = sorted(w.utxos, key=lambda u: (u[3], u[0]))
            self.rng.shuffle(pool)
            inputs, total = [], 0
            for utxo in pool:
                inputs.append(utxo)
                total += utxo[3]
                if total >= need:
                    break
        total = sum(u[3] for u in inputs)
        if total < need or not inputs:
            return None
        for utxo in inputs:
            w.utxos.remove(utxo)
        outs = list(outputs)
        if change and total - need > 0:
            outs.append((self.address(wallet), total - need))
        elif total - need > 0:
            outs[-1] = (outs[-1][0], outs[-1][1] + total - need)
        self.rng.shuffle(outs)
        txid = self._txid()
        self.txs.append(ChainTx(txid, when, tuple(inputs), tuple(outs), flow))
        for vout, (address, value) in enumerate(outs):
            owner = self.owner_of.get(address)
            if owner is not None:
                self.wallets[owner].utxos.append((txid, vout, address, value))
        return txid

    def withdraw(self, customer_wallet: int, eur_cents: float, when: datetime, flow: int = BENIGN) -> str:
        """The exchange sends bought coins to a fresh address of the customer's wallet."""
        address = self.address(customer_wallet)
        self.send(self.exchange, [(address, self.sats(eur_cents, when))], when, flow)
        return address

    def sweep(self, when: datetime) -> None:
        """Gather every deposit address's coins into the hot wallet (one transaction, many inputs)."""
        deposits = set(self.deposit.values())
        w = self.wallets[self.exchange]
        inputs = [u for u in w.utxos if u[2] in deposits]
        if len(inputs) >= 1:
            total = sum(u[3] for u in inputs)
            if total > 10000:  # keep back the largest fee ``send`` may draw (5,000), so a sweep never fails
                self.send(self.exchange, [(self.address(self.exchange), total - 5000)], when, BENIGN,
                          inputs=inputs, change=False)

    def frozen(self) -> tuple[tuple[Wallet, ...], tuple[ChainTx, ...]]:
        wallets = tuple(Wallet(i + 1, w.owner, tuple(w.addresses), w.label) for i, w in enumerate(self.wallets))
        return wallets, tuple(sorted(self.txs, key=lambda t: (t.time, t.txid)))
