"""The financial world as data: accounts, the bank-and-app ledger (columnar), flows, the crypto chain.

The ledger is held as numpy columns rather than one object per transaction: the default world has
tens of thousands of rows and the ``large`` preset millions, and every renderer (bank productions,
the app statement, module 07's loaders) wants a table anyway (``Ledger.to_frame``). Everything here is
the *world*: public tables are chosen by synth.render.finance_public, labels go to the key only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from synth.vocab.institutions import CHANNELS, CURRENCIES
from synth.vocab.places import CITIES

COLUMNS = ("txn_id", "ts", "channel", "debit", "credit", "amount", "currency", "credit_amount",
           "credit_currency", "city", "desc", "flow")
DTYPES = {"txn_id": np.int64, "ts": np.int64, "channel": np.int8, "debit": np.int32, "credit": np.int32,
          "amount": np.int64, "currency": np.int8, "credit_amount": np.int64, "credit_currency": np.int8,
          "city": np.int8, "desc": np.int32, "flow": np.int32}
NO_ACCOUNT = -1  # cash, or the outside world
NO_CITY = -1
BENIGN = -1  # flow id of a benign row


@dataclass(frozen=True)
class DepositItem:
    """An ad (QuickAds) or profile (Companions) that asks for a deposit to ``handle`` (account ``account``)."""

    site: str
    item_id: int
    handle: str
    account: int
    holder: str
    operation: str | None
    posted_at: datetime
    city: str


@dataclass(frozen=True)
class FinAccount:
    """An account at a bank, the app, the prepaid programme or the exchange.

    ``number`` is the account number (synth.vocab.schemes) or, for the app, the handle. ``holder`` is a
    person id, ``biz:<person id>`` for a business, or ``merchant:<slug>`` for merchants and institutions.
    ``phone`` is the phone the institution has on file (KYC). ``profile`` (the benign pattern its
    background follows) and ``role`` (what an operation uses it for) are key-only.
    """

    account_id: int
    institution: str
    number: str
    holder: str
    holder_name: str
    kind: str  # "personal" | "business" | "merchant" | "app" | "prepaid"
    currency: str
    city: str | None
    opened_at: datetime
    phone: str | None = None
    profile: str = "merchant"
    role: str | None = None  # "funnel" | "collector" | "organiser" | "front" | "recruiter" | "controller" | "mule"
    operation: str | None = None


@dataclass(frozen=True)
class Flow:
    """One illicit movement (one or more rows, or crypto transactions): its operation and typology.

    ``typology`` is None for the part of the illicit flow that belongs to no named pattern (AMLworld).
    """

    flow_id: int
    operation: str
    typology: str | None
    note: str


@dataclass(frozen=True, eq=False)
class Ledger:
    """Bank, app and prepaid transactions as columns (see COLUMNS), in ``txn_id`` order (= time order).

    ``amount``/``currency`` are what left the debit account (or, for a cash deposit, what was paid in);
    ``credit_amount``/``credit_currency`` what reached the credit account — different only across
    currencies. ``desc`` indexes ``descriptions`` (the statement text); ``flow`` is a Flow id or -1.
    """

    columns: dict[str, np.ndarray]
    descriptions: tuple[str, ...]
    epoch: datetime

    def __len__(self) -> int:
        return len(self.columns["txn_id"])

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Ledger) and self.descriptions == other.descriptions and self.epoch == other.epoch
                and all(np.array_equal(self.columns[c], other.columns[c]) for c in COLUMNS))

    def __hash__(self) -> int:
        return hash((len(self), self.descriptions[:3]))

    def timestamp(self, row: int) -> datetime:
        return self.epoch + timedelta(seconds=int(self.columns["ts"][row]))

    def to_frame(self, labels: bool = False):
        """A pandas DataFrame with readable columns; ``labels=True`` keeps the key-only ``flow`` column."""
        import pandas as pd

        c = self.columns
        frame = pd.DataFrame({
            "txn_id": c["txn_id"],
            "time": pd.to_datetime(self.epoch) + pd.to_timedelta(c["ts"], unit="s"),
            "channel": pd.Categorical.from_codes(c["channel"], CHANNELS),
            "debit": c["debit"], "credit": c["credit"], "amount_cents": c["amount"],
            "currency": pd.Categorical.from_codes(c["currency"], CURRENCIES),
            "credit_amount_cents": c["credit_amount"],
            "credit_currency": pd.Categorical.from_codes(c["credit_currency"], CURRENCIES),
            "city": pd.Categorical.from_codes(c["city"], [x.slug for x in CITIES]),
            "description": pd.Categorical.from_codes(c["desc"], list(self.descriptions)),
        })
        if labels:
            frame["flow"] = c["flow"]
        return frame


@dataclass(frozen=True)
class Wallet:
    """Addresses one owner controls (what the common-input heuristic should recover); ``label`` is public."""

    wallet_id: int
    owner: str  # person id, "biz:<person id>" or an entity slug ("coinbridge", "nightbazaar", "quickads")
    addresses: tuple[str, ...]
    label: str | None = None  # a public explorer label ("Coinbridge Exchange", "NightBazaar market")


@dataclass(frozen=True)
class ChainTx:
    """A transaction on the LabCoin ledger: inputs spend earlier outputs; amounts in sats."""

    txid: str
    time: datetime
    inputs: tuple[tuple[str, int, str, int], ...]  # (previous txid, output index, address, sats)
    outputs: tuple[tuple[str, int], ...]  # (address, sats)
    flow: int = BENIGN


@dataclass(frozen=True)
class Mention:
    """A payment detail written in public text: where (site and item), what, and whose account it is.

    ``site`` is a QuickAds/Companions/WorkAbroad site slug or a social platform; ``item_id`` the ad, profile,
    post or account id there. ``kind`` is "zapply" (a handle) or "wallet" (a LabCoin address). Key-only.
    """

    site: str
    item_id: int
    kind: str
    value: str
    holder: str
    operation: str | None = None


@dataclass(frozen=True)
class Finance:
    """The money side of the world."""

    accounts: tuple[FinAccount, ...] = ()
    ledger: Ledger | None = None
    flows: tuple[Flow, ...] = ()
    wallets: tuple[Wallet, ...] = ()
    chain: tuple[ChainTx, ...] = ()
    coin_price: tuple[int, ...] = ()  # euro cents per coin, one per day of the timeline
    recruits: tuple[str, ...] = ()  # people the labour operation recruited (they paid its fees)
    mules: tuple[str, ...] = ()  # residents whose accounts the ring uses as funnel accounts
    exchange_customers: dict[str, str] = field(default_factory=dict)  # deposit address -> holder (KYC)
    published_addresses: dict[str, dict[str, str]] = field(default_factory=dict)  # recruiter -> {country: address}
    mentions: tuple[Mention, ...] = ()  # payment details written in ads and profiles (synth.build.finance.mentions)
    deposit_items: tuple[DepositItem, ...] = ()  # ads and profiles asking for a deposit

    def account(self, account_id: int) -> FinAccount:
        return self.accounts[account_id - 1]
