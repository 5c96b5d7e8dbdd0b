"""Payment details in public text: Zapply handles and LabCoin addresses written in ads and profiles.

Why: an ad that asks for a deposit or a fee names where to pay, and that is the bridge from the open web
to the financial records (the app's production lists every handle; the explorer every address). The
details are written after the money exists (synth.build.finance.stages), so every handle is a real Zapply user
and every address has received coins:

- the ring's ads and profiles ask for a booking deposit to the controller's work account
  (``~lux.booking.1``), in the items synth.build.finance.deposits chose (and paid clients' deposits for);
- the labour operation's ads and job-board posts ask for the registration fee by the recruiter's Zapply
  handle and, where recruits of that country paid in coins, the address he prints in that country's ads
  (synth.build.finance.cryptoflows: every payment to it is a recruit's fee);
- the look-alikes: independent advertisers who take deposits on their own Zapply account, travel agents
  who accept LabCoin, and people who put a handle or an address in a social bio. A handle in an ad is
  not a finding on its own; what the account does is.

Draws come from the "finance-mentions" stream (nothing earlier shifts). Which item carries whose detail
is in the answer key only (``Finance.mentions``); the public sees the text.
"""

from __future__ import annotations

import random
from dataclasses import replace

from synth.build.network import LABOUR_OP
from synth.config import FinanceScale
from synth.streams import Streams
from synth.vocab.places import CITY_BY_SLUG
from synth.world.finance import Finance, Mention
from synth.world.model import Account, Ad, Listing, Person, Social

DEPOSIT = {
    "en": ["Deposit to confirm the booking: Zapply {h}", "Booking deposit by Zapply {h}",
           "A deposit on Zapply ({h}) secures your time", "Deposit via zapply.example/{h}"],
    "pl": ["Zadatek przez Zapply {h}", "Rezerwacja po wpłacie zadatku: Zapply {h}"],
    "ro": ["Avans prin Zapply {h}", "Rezervare cu avans: Zapply {h}"],
    "uk": ["Передоплата через Zapply {h}", "Бронювання після передоплати: Zapply {h}"],
    "ru": ["Предоплата через Zapply {h}", "Бронь после предоплаты: Zapply {h}"],
}
FEE_LEAD = {"en": ["Registration fee", "Pay the registration here", "Registration and papers"],
            "pl": ["Opłata rejestracyjna", "Wpłata za rejestrację"], "ro": ["Taxa de înscriere", "Plata înscrierii"],
            "uk": ["Реєстраційний внесок", "Оплата реєстрації"], "ru": ["Регистрационный взнос", "Оплата регистрации"]}
OR = {"en": "or", "pl": "lub", "ro": "sau", "uk": "або", "ru": "или"}
COINS = {"en": "We also accept LabCoin: {a}", "pl": "Akceptujemy LabCoin: {a}", "ro": "Acceptăm LabCoin: {a}",
         "uk": "Приймаємо LabCoin: {a}", "ru": "Принимаем LabCoin: {a}"}
BIO_PAY = ["Zapply {h}", "tips & splits: Zapply {h}", "zapply.example/{h}"]
BIO_COINS = ["LBC {a}", "LabCoin: {a}", "tips in LabCoin {a}"]


class Writer:
    """Who can publish what (handles and addresses of the world's accounts), and the record of it."""

    def __init__(self, rng: random.Random, people: list[Person], finance: Finance, scale: FinanceScale) -> None:
        self.rng, self.scale = rng, scale  # the preset's shares of who publishes a detail
        self.role = {p.person_id: p.role for p in people}
        self.own_handle: dict[str, str] = {}  # person -> handle of an account without a role (their own)
        self.work_handle: dict[str, str] = {}  # controller or recruiter -> handle of the operation's account
        for a in finance.accounts:
            if a.institution != "zapply":
                continue
            if a.role in ("controller", "recruiter"):
                self.work_handle.setdefault(a.holder, a.number)
            elif not a.role:
                self.own_handle.setdefault(a.holder, a.number)
        self.address = {w.owner: w.addresses[0] for w in finance.wallets if w.addresses and not w.label}
        self.published = finance.published_addresses
        self.deposits = {(d.site, d.item_id): d for d in finance.deposit_items}  # chosen with the money
        self.mentions: list[Mention] = []

    def note(self, site: str, item_id: int, kind: str, value: str, holder: str, operation: str | None) -> None:
        self.mentions.append(Mention(site, item_id, kind, value, holder, operation))

    def deposit(self, lang: str, handle: str) -> str:
        return self.rng.choice(DEPOSIT.get(lang, DEPOSIT["en"])).format(h=handle)


def _append(text: str, line: str) -> str:
    """``line`` as the text's last sentence."""
    text = text.rstrip()
    return f"{text}{'' if text.endswith(('.', '!', '?')) else '.'} {line}."


def publish_payment_details(streams: Streams, people: list[Person], ads: list[Ad], listings: list[Listing],
                            social: Social, finance: Finance, scale: FinanceScale,
                            ) -> tuple[list[Ad], list[Listing], Social, Finance]:
    """The ads, listings and social accounts with payment details written in, and ``finance`` with the record."""
    w = Writer(streams.get("finance-mentions"), people, finance, scale)
    agents = sorted(p for p, role in w.role.items() if role == "travel_agent" and p in w.address)
    accepts_coins = {p for p in agents if w.rng.random() < scale.coin_agents}
    new_ads = [_ad(w, ad, accepts_coins) for ad in sorted(ads, key=lambda a: a.ad_id)]
    new_listings = [_listing(w, x, accepts_coins)
                    for x in sorted(listings, key=lambda x: (x.site, x.listing_id))]
    accounts = [_bio(w, a) for a in social.accounts]
    mentions = tuple(sorted(w.mentions, key=lambda m: (m.site, m.item_id, m.kind)))
    return new_ads, new_listings, replace(social, accounts=tuple(accounts)), replace(finance, mentions=mentions)


def _line(w: Writer, site: str, item_id: int, lang: str, poster: str, operation: str | None, country: str,
          category: str, accepts_coins: set[str]) -> str | None:
    """The payment sentence an item by ``poster`` carries, if any (and the record of what it names)."""
    deposit = w.deposits.get((site, item_id))
    if deposit is not None:  # the ring's and honest advertisers' deposits (synth.build.finance.deposits)
        w.note(site, item_id, "zapply", deposit.handle, deposit.holder, deposit.operation)
        return w.deposit(lang, deposit.handle)
    if operation == LABOUR_OP:
        handle = w.work_handle.get(poster)
        address = w.published.get(poster, {}).get(country)
        if handle:
            w.note(site, item_id, "zapply", handle, poster, operation)
        if address:
            w.note(site, item_id, "wallet", address, poster, operation)
        return _fee(w, lang, handle, address) if handle or address else None
    elif poster in accepts_coins and category == "travel":
        w.note(site, item_id, "wallet", w.address[poster], poster, None)
        return COINS.get(lang, COINS["en"]).format(a=w.address[poster])
    return None


def _fee(w: Writer, lang: str, handle: str | None, address: str | None) -> str:
    lang = lang if lang in FEE_LEAD else "en"
    ways = ([f"Zapply {handle}"] if handle else []) + ([f"LabCoin {address}"] if address else [])
    return f"{w.rng.choice(FEE_LEAD[lang])}: " + f" {OR[lang]} ".join(ways)


def _ad(w: Writer, ad: Ad, accepts_coins: set[str]) -> Ad:
    line = _line(w, ad.site, ad.ad_id, "en", ad.poster, ad.operation, CITY_BY_SLUG[ad.city].country, ad.category,
                 accepts_coins)
    return replace(ad, body=_append(ad.body, line)) if line else ad


def _listing(w: Writer, x: Listing, accepts_coins: set[str]) -> Listing:
    category = {"profile": "personal-services", "job": "jobs", "travel": "travel"}[x.kind]
    poster = x.poster.removeprefix("biz:")
    line = _line(w, x.site, x.listing_id, x.language, poster, x.operation, CITY_BY_SLUG[x.city].country, category,
                 accepts_coins)
    return replace(x, text=_append(x.text, line)) if line else x


def _bio(w: Writer, account: Account) -> Account:
    """A bio with the owner's handle or address added (campaign accounts of recruiters: the fee handle)."""
    person = account.person
    if account.persona == "recruiter" and account.new and person in w.work_handle:
        if w.rng.random() < w.scale.campaign_bio_fee:
            w.note(account.platform, account.account_id, "zapply", w.work_handle[person], person, LABOUR_OP)
            return replace(account, bio=f"{account.bio} · registration: Zapply {w.work_handle[person]}")
        return account
    if account.persona not in ("ordinary", "volunteer") or account.new:
        return account
    bio = account.bio
    if person in w.own_handle and w.rng.random() < w.scale.bio_handle:
        w.note(account.platform, account.account_id, "zapply", w.own_handle[person], person, None)
        bio += " · " + w.rng.choice(BIO_PAY).format(h=w.own_handle[person])
    if person in w.address and w.rng.random() < w.scale.bio_address:
        w.note(account.platform, account.account_id, "wallet", w.address[person], person, None)
        bio += " · " + w.rng.choice(BIO_COINS).format(a=w.address[person])
    return account if bio == account.bio else replace(account, bio=bio)


__all__ = ["publish_payment_details", "Writer", "DEPOSIT", "FEE_LEAD"]
