"""Module 07's taught method, one small function per notebook step (graders.m07_money puts them together).

Every step reads only what a trainee has: the productions (graders.productions), the ads of modules 01/03,
WorkAbroad's posts (module 04) and the brief. No step uses a single threshold on its own: an account is
flagged by a *combination* that honest look-alikes do not show — cash in one city and out elsewhere within
two days; food and shopping in a circuit city where the payer does not live, while the women are advertised
there; a hotel booked the day a stay starts together with ad fees minutes before the ring's ads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

import pandas as pd

from graders import m03_linking as m03
from graders.canon import canonical_account, canonical_name
from graders.m02_selectors import find_phones

# Merchant kinds, read from the card descriptor (the names every statement prints).
KINDS = {"ad_site": r"QUICKADS|COMPANIONS", "hotel": r"HOTEL|LODGE|BUDGET INN", "ride": r"RIDENOW|CITYCAB",
         "ticket": r"EURORAIL|FLYLOW|COACHLINK", "living": r"FRESHCART|KWIK GROCER|DAILY BASKET|MODEHAUS|HOMEHUB|"
         r"BOOKWORM|TECHCORNER|CAFE LINDNER|PIZZA ROSSA|NOODLE BAR"}
FEE_WORDS = re.compile(r"fee|registration|visa|job|документ|recruit", re.IGNORECASE)
PAIR_DAYS = 2  # cash out (or on) within two days of the cash in
PAIR_SHARE = 0.8  # … of at least 80 % of it
FEE_MINUTES = (0, 45)  # an ad fee is paid minutes before the ad goes up


def fold(text: object) -> str:
    """Upper case without accents ("Café Lindner Kraków" → "CAFE LINDNER KRAKOW"), for matching names."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c)).upper()


# ---- step 1: one table, with what each row tells ------------------------------------------------------------

def prepare(statements: pd.DataFrame, customers: pd.DataFrame, cities: pd.DataFrame) -> pd.DataFrame:
    """Add ``acct``/``cp`` (canonical accounts), ``home`` (the holder's town, KYC), ``mcity`` (the merchant's
    city, from the descriptor), ``kind`` (ad_site, hotel, ride, ticket, living or "") and ``cash`` (in/out)."""
    s = statements.copy()
    s["acct"] = s["account"].map(canonical_account)
    s["cp"] = s["counterparty_account"].map(lambda v: canonical_account(v) if v else "")
    slug = {fold(n): sl for n, sl in zip(cities["name"], cities["slug"], strict=True)}
    town = {canonical_account(a): slug.get(fold(c), "") for a, c in zip(customers["account"], customers["city"],
                                                                         strict=True)}
    s["home"] = s["acct"].map(town).fillna("")
    text = (s["counterparty_name"] + " " + s["description"]).map(fold)
    ends = "|".join(re.escape(k) for k in sorted(slug, key=len, reverse=True))
    s["mcity"] = text.str.extract(rf"\b({ends})\s*$", expand=False).map(slug).fillna("")
    s["kind"] = ""
    for kind, pattern in KINDS.items():
        s.loc[(s["kind"] == "") & (s["amount_cents"] < 0) & text.str.contains(pattern), "kind"] = kind
    s["cash"] = ""
    s.loc[(s["place"] != "") & (s["amount_cents"] > 0), "cash"] = "in"
    s.loc[(s["place"] != "") & (s["amount_cents"] < 0), "cash"] = "out"
    s["day"] = s["date"].dt.normalize()
    return s


# ---- step 2: what modules 03 and 04 found ---------------------------------------------------------------------

def ring_ads(items: pd.DataFrame, cities: pd.DataFrame) -> pd.DataFrame:
    """Module 03: the ads of the groups that advertise two or more people in two or more cities, with the
    person each ad shows, its phones and posting time."""
    countries = dict(zip(cities["slug"], cities["country"], strict=True))
    linked = m03.link_items(items, countries, cities["name"].tolist())
    summary = m03.group_summary(linked)
    ring = linked[linked["group"].isin(summary.index[summary["organised"]])].copy()
    ring["posted"] = pd.to_datetime(ring["posted_at"], utc=True)
    return ring


def stays(ring: pd.DataFrame) -> pd.DataFrame:
    """Each advertised person's stays: city, first and last day (module 03's circuit, for every woman)."""
    frames = [m03.stays(sub).assign(person=p) for p, sub in ring.groupby("person")]
    out = pd.concat(frames, ignore_index=True)
    out["first"] = pd.to_datetime(out["first_seen"])
    out["last"] = pd.to_datetime(out["last_seen"])
    return out


def phones_of(ring: pd.DataFrame) -> set[str]:
    return {p for phones in ring["phones"] for p in phones}


def workabroad_phones(posts: pd.DataFrame, front: str, cities: pd.DataFrame) -> set[str]:
    """Module 04: the phones on WorkAbroad posts that name the front as their company."""
    countries = dict(zip(cities["slug"], cities["country"], strict=True))
    mine = posts[posts["company"].map(canonical_name) == canonical_name(front)]
    return {p for contact, city in zip(mine["contact"], mine["city"], strict=True)
            for p in find_phones(str(contact), countries.get(city))}


def ad_phones(tables_ads: pd.DataFrame, cities: pd.DataFrame) -> set[str]:
    """Every phone on any QuickAds ad or WorkAbroad post (E.164): whose cards may pay for their own ads."""
    countries = dict(zip(cities["slug"], cities["country"], strict=True))
    return {p for contact, city in zip(tables_ads["contact"], tables_ads["city"], strict=True)
            for p in find_phones(str(contact), countries.get(city))}


def registered_to(customers: pd.DataFrame, phones: Iterable[str]) -> set[str]:
    """Accounts whose KYC phone is one of ``phones`` (E.164)."""
    wanted = set(phones)
    return {canonical_account(a) for a, p in zip(customers["account"], customers["phone"], strict=True)
            if str(p).replace(" ", "") in wanted}


def personal_accounts(customers: pd.DataFrame) -> set[str]:
    """People's accounts (banks' personal customers, app users, cardholders): not businesses or merchants."""
    return set(customers.loc[customers["kind"] == "personal", "account"].map(canonical_account))


def same_holder(customers: pd.DataFrame, accounts: Iterable[str]) -> set[str]:
    """Every account held under the same name as one of ``accounts`` (KYC names, spelling-blind)."""
    acct = customers["account"].map(canonical_account)
    names = customers["name"].map(canonical_name)
    wanted = set(names[acct.isin(set(accounts))])
    return set(acct[names.isin(wanted)])


# ---- step 3: funnel accounts ---------------------------------------------------------------------------------

def cash_pairs(s: pd.DataFrame) -> pd.DataFrame:
    """Cash paid in, then within two days at least 80 % of it out again: as cash in *another* city, or by
    transfer (``to`` = the receiving account)."""
    cash_in = s[s["cash"] == "in"][["acct", "day", "place", "amount_cents"]]
    out = s[(s["amount_cents"] < 0) & ((s["cash"] == "out") | (s["cp"] != ""))][["acct", "day", "place", "cp",
                                                                                     "amount_cents"]]
    m = cash_in.merge(out, on="acct", suffixes=("_in", "_out"))
    gap = (m["day_out"] - m["day_in"]).dt.days
    share = -m["amount_cents_out"] / m["amount_cents_in"]
    ok = gap.between(0, PAIR_DAYS) & share.between(PAIR_SHARE, 1.0)
    moved = (m["cp"] == "") & (m["place_out"] != "") & (m["place_out"] != m["place_in"])
    return m[ok & (moved | (m["cp"] != ""))].rename(columns={"cp": "to"})


def funnels(pairs: pd.DataFrame, collectors: set[str], people: set[str]) -> set[str]:
    """Funnel accounts: cash out in another city, or passed on to a person's account (``people``: personal
    and app accounts of the KYC files, not shops or letting agents) that collects from several."""
    takers = pairs[pairs["to"].isin(people)].groupby("to")["acct"].nunique()
    collecting = set(takers[takers >= 2].index) | collectors
    moved = pairs[(pairs["to"] == "") | pairs["to"].isin(collecting)]
    return set(moved["acct"])


# ---- step 4: one payer for the circuit ---------------------------------------------------------------------

def circuit_cues(s: pd.DataFrame, stay: pd.DataFrame, ring: pd.DataFrame, advertisers: set[str]) -> pd.DataFrame:
    """Per payment, which circuit cue it shows: ``living`` (food, shops in a circuit city where the payer does
    not live, during a stay there), ``hotel`` (booked away from home on the day a stay starts, or the night
    after), ``fee`` (an ad-site fee minutes before a ring ad, or on the day a stay starts when the bank gives
    no time; never from ``advertisers``, whose KYC phone is on ads of their own: they pay for those)."""
    pay = s[s["kind"] != ""].copy()
    during: set[tuple[str, pd.Timestamp]] = set()
    arrivals: set[tuple[str, pd.Timestamp]] = set()
    for city, first, last in zip(stay["city"], stay["first"], stay["last"], strict=True):
        during.update((city, d) for d in pd.date_range(first, last + pd.Timedelta(days=1)))
        arrivals.update({(city, first), (city, first + pd.Timedelta(days=1))})
    starts = {d for _, d in arrivals}
    keys = list(zip(pay["mcity"], pay["day"], strict=True))
    away = (pay["mcity"] != "") & (pay["mcity"] != pay["home"])
    pay["living"] = (pay["kind"] == "living") & away & pd.Series([k in during for k in keys], index=pay.index)
    pay["hotel"] = (pay["kind"] == "hotel") & away & pd.Series([k in arrivals for k in keys], index=pay.index)
    times = ring["posted"].sort_values().to_numpy()
    fee = (pay["kind"] == "ad_site") & ~pay["acct"].isin(advertisers)
    pay["timed"] = pay["ts"].notna()
    pay["fee"] = False
    if (fee & pay["timed"]).any():
        when = pay.loc[fee & pay["timed"], "ts"].to_numpy()
        nxt = times.searchsorted(when).clip(0, max(len(times) - 1, 0))
        minutes = pd.Series((times[nxt] - when) / pd.Timedelta(minutes=1), index=pay.index[fee & pay["timed"]])
        pay.loc[minutes.index, "fee"] = minutes.between(*FEE_MINUTES)
    pay.loc[fee & ~pay["timed"], "fee"] = pay.loc[fee & ~pay["timed"], "day"].isin(starts)
    return pay[["acct", "living", "hotel", "fee", "timed", "kind", "mcity", "day"]]


def circuit_payers(cues: pd.DataFrame) -> set[str]:
    """Accounts with food or shopping on the circuit away from home; or a matching hotel *and* ad fee; or two
    or more ad fees paid minutes before the ring's ads (when the bank prints the time)."""
    per = cues.assign(timed_fee=cues["fee"] & cues["timed"]).groupby("acct")[["living", "hotel", "fee",
                                                                              "timed_fee"]].sum()
    return set(per.index[(per["living"] >= 1) | ((per["hotel"] >= 1) & (per["fee"] >= 1)) | (per["timed_fee"] >= 2)])


# ---- step 5: up the chain -----------------------------------------------------------------------------------

def received_from(s: pd.DataFrame, senders: set[str]) -> pd.DataFrame:
    """Payments into other accounts from ``senders``, seen on the senders' statements."""
    out = s[s["acct"].isin(senders) & (s["amount_cents"] < 0) & (s["cp"] != "")]
    return out[~out["cp"].isin(senders)]


def organisers(s: pd.DataFrame, senders: set[str], bank_country: Mapping[str, str]) -> set[str]:
    """Personal accounts abroad that the operation's accounts pay two or more times (wires "home")."""
    out = received_from(s, senders)
    out = out[~out["description"].str.upper().str.startswith("SALARY")]  # wages are not money sent home
    abroad = out["acct"].str[4:8].map(bank_country) != out["cp"].str[4:8].map(bank_country)
    counts = out[abroad & out["cp"].str.startswith("ZZ")].groupby("cp").size()
    return set(counts[counts >= 2].index)


def organiser_total(s: pd.DataFrame, organiser: set[str], senders: set[str],
                    payouts: Iterable[tuple[str, int]] = ()) -> dict[str, float]:
    """What reached the organisers from the operation's accounts (and the exchange), by currency, in units."""
    rows = s[s["acct"].isin(organiser) & (s["amount_cents"] > 0) & s["cp"].isin(senders)]
    total = rows.groupby("currency")["amount_cents"].sum().to_dict()
    for currency, cents in payouts:
        total[currency] = total.get(currency, 0) + cents
    return {c: round(v / 100, 2) for c, v in sorted(total.items()) if v}


def fee_receivers(s: pd.DataFrame, accounts: set[str]) -> set[str]:
    """Of ``accounts``, those paid with a fee-like note ("registration", "visa", "job 🙏")."""
    rows = s[s["acct"].isin(accounts) & (s["amount_cents"] > 0) & s["description"].str.contains(FEE_WORDS)]
    return set(rows["acct"])
