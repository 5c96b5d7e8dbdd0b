"""The fictional financial institutions, currencies, rates and thresholds of the world.

One bank per country of the lab's cities (synth.vocab.places), a payment app, a prepaid-card programme, a crypto
exchange and a dark market. Every name is invented; every domain is under ``.example`` (RFC 2606).
Rates are fixed for the whole timeline (a lab simplification, documented in docs/finance.md) so an
amount converts the same way in the world, the key and a trainee's notebook.
"""

from __future__ import annotations

from dataclasses import dataclass

from synth.vocab.places import BUILTIN


@dataclass(frozen=True)
class Institution:
    """A bank, the payment app, the prepaid programme or the exchange; ``code`` goes into account numbers."""

    slug: str
    name: str
    kind: str  # "bank" | "app" | "prepaid" | "exchange"
    country: str  # ISO 3166-1 alpha-2 of its seat
    currency: str  # ISO 4217 of its accounts
    code: str  # four capital letters
    domain: str


# A bank's accounts are in its country's currency (the table of places, synth/presets/places.toml).
CURRENCY = {c.code: c.currency for c in BUILTIN.countries}
INSTITUTIONS: tuple[Institution, ...] = (
    Institution("thamesbank", "Thameside Mutual Bank", "bank", "GB", CURRENCY["GB"], "THMS", "thamesidemutual.example"),
    Institution("vistulabank", "Bank Wiślany", "bank", "PL", CURRENCY["PL"], "WISL", "bankwislany.example"),
    Institution("carpatbank", "Banca Carpatica", "bank", "RO", CURRENCY["RO"], "CRPT", "bancacarpatica.example"),
    Institution("dniprobank", "Dnipro Trade Bank", "bank", "UA", CURRENCY["UA"], "DNPR", "dniprotrade.example"),
    Institution("rheinbank", "Rheinwerk Bank", "bank", "DE", CURRENCY["DE"], "RHWK", "rheinwerkbank.example"),
    Institution("polderbank", "Polder Spaarbank", "bank", "NL", CURRENCY["NL"], "PLDR", "polderspaarbank.example"),
    Institution("zapply", "Zapply", "app", "NL", "EUR", "ZAPP", "zapply.example"),
    Institution("loadup", "LoadUp Prepaid", "prepaid", "GB", "EUR", "LDUP", "loadup.example"),
    Institution("coinbridge", "Coinbridge Exchange", "exchange", "NL", "EUR", "CNBR", "coinbridge.example"),
)
BY_SLUG = {i.slug: i for i in INSTITUTIONS}
BANK_OF_COUNTRY = {i.country: i.slug for i in INSTITUTIONS if i.kind == "bank"}
BANKS = tuple(i.slug for i in INSTITUTIONS if i.kind == "bank")

# Euro cents per unit of each currency (fixed reference rates; ECB-like magnitudes of 2025, rounded).
EUR_CENTS_PER_UNIT = {"EUR": 100.0, "GBP": 117.0, "PLN": 23.4, "RON": 20.1, "UAH": 2.2}
CURRENCIES = tuple(EUR_CENTS_PER_UNIT)
# A bank converting a cross-currency payment keeps this share (the "spread").
FX_SPREAD = 0.015

# Cash reporting thresholds, in whole units of the account's currency: the line structuring stays under.
# EU: EUR 10,000 (AMLD cash rules); the lab uses the same round "10,000" in every currency's accounts the
# ring uses (GBP, EUR, PLN) so that the naive rule "9,000-10,000" is the same rule everywhere.
CASH_THRESHOLD = {"EUR": 10_000, "GBP": 10_000, "PLN": 10_000, "RON": 10_000, "UAH": 10_000}
# Wires: FinCEN's USD 3,000 record-keeping line (31 CFR 1010.410), taken as EUR 3,000 equivalent.
WIRE_THRESHOLD_EUR = 3_000

# The crypto ledger's coin: "LabCoin" (LBC), 10**8 base units ("sats") per coin.
COIN, SATS = "LBC", 100_000_000

# Channels (transaction types) of the bank and app ledger.
CHANNELS = ("card", "transfer", "wire", "direct_debit", "salary", "cash_deposit", "cash_withdrawal",
            "app", "app_topup", "prepaid_load", "exchange_buy", "exchange_payout", "pension")
CHANNEL_CODE = {c: i for i, c in enumerate(CHANNELS)}

# Merchant kinds and the description a statement shows for them ({city} = the merchant's city name).
MERCHANT_KINDS = {
    "grocery": ("FreshCart {city}", "Kwik Grocer {city}", "Daily Basket {city}"),
    "shopping": ("Modehaus {city}", "HomeHub {city}", "Bookworm {city}", "TechCorner {city}"),
    "restaurant": ("Café Lindner {city}", "Pizza Rossa {city}", "Noodle Bar {city}"),
    "fuel": ("RoadFuel {city}",),
    "utility": ("{country} Power & Gas", "{country} Water", "{country} Telecom"),
    "hotel": ("Hotel Aurora {city}", "Hotel Meridian {city}", "City Lodge {city}", "Budget Inn {city}"),
    "transport": ("EuroRail", "FlyLow Air", "Coachlink Europe"),
    "ride": ("RideNow {city}", "CityCab {city}"),
}
# Merchants that are one company for every city, with their statement descriptor.
SITES = {"quickads": "QuickAds Ltd", "companions": "Companions Media BV", "jobboard": "WorkAbroad Ltd"}
