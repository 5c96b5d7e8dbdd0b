"""Module 07's taught method, one small function per notebook step (checks.py puts them together).

Every step reads only what a trainee has: the productions (graders.lab.productions), the ads of modules 01/03,
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

from graders.modules.m02_selectors_and_normalisation.method import find_phones
from graders.modules.m03_linking_ads import method as m03
from synth.vocab.canon import canonical_account, canonical_name

# Merchant kinds, read from the card descriptor (the names every statement prints).
KINDS = {"ad_site": r"QUICKADS|COMPANIONS", "hotel": r"HOTEL|LODGE|BUDGET INN", "ride": r"RIDENOW|CITYCAB",
         "ticket": r"EURORAIL|FLYLOW|COACHLINK", "living": r"FRESHCART|KWIK GROCER|DAILY BASKET|MODEHAUS|HOMEHUB|"
         r"BOOKWORM|TECHCORNER|CAFE LINDNER|PIZZA ROSSA|NOODLE BAR"}
FEE_WORDS = re.compile(r"fee|registration|visa|job|документ|recruit", re.IGNORECASE)
ZONES = {"GB": "Europe/London", "PL": "Europe/Warsaw", "RO": "Europe/Bucharest", "UA": "Europe/Kyiv",
         "DE": "Europe/Berlin", "NL": "Europe/Amsterdam"}  # the clock of a merchant's city, by country
LATE_HOURS = (22, 23, 0, 1, 2)  # hotels booked and taxis taken late at night, local time (FIN-2014-A008)
ROUTINE = r"SALARY|RENT\b"  # payment references of wages and rents: money that is not passed on
PAIR_DAYS = 2  # cash out (or on) within two days of the cash in
PAIR_SHARE = 0.8  # … of at least 80 % of it
FEE_MINUTES = (0, 45)  # an ad fee is paid minutes before the ad goes up


def fold(text: object) -> str:
    """Upper case without accents ("Café Lindner Kraków" → "CAFE LINDNER KRAKOW"), for matching names."""
    return "".join(c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c)).upper()


# ---- step 1: one table, with what each row tells ------------------------------------------------------------

def prepare(statements: pd.DataFrame, customers: pd.DataFrame, cities: pd.DataFrame) -> pd.DataFrame:
    """Add ``acct``/``cp`` (canonical accounts), ``home`` (the holder's town, KYC), ``mcity`` (the merchant's
    city, from the descriptor), ``kind`` (ad_site, hotel, ride, ticket, living or ""), ``cash`` (in/out),
    ``day`` and ``hour`` (the local hour in the merchant's city, when the institution gives a time)."""
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
    country = dict(zip(cities["slug"], cities["country"], strict=True))
    s["hour"] = pd.Series(pd.NA, index=s.index, dtype="Int64")
    for zone in set(ZONES.values()):
        here = s["ts"].notna() & s["mcity"].map(lambda c, z=zone: ZONES.get(country.get(c, "")) == z)
        s.loc[here, "hour"] = s.loc[here, "ts"].dt.tz_convert(zone).dt.hour
    return bridge_app(s)


def bridge_app(s: pd.DataFrame) -> pd.DataFrame:
    """A bank transfer into a Zapply account shows, on the bank's statement, only the app company's own account
    ("ZAPPLY BV ZZ00 PLDR …"); Zapply's statement names the bank account it came from (``bank_transfer``).
    Put the two together: the bank row's counterparty becomes the app handle it reached (same account, opposite
    direction, within a day: the bank prints its local day, the app UTC)."""
    app = s[(s["institution"] == "zapply") & (s["type"] == "bank_transfer")]
    if app.empty:
        return s
    bank = s[(s["institution"] != "zapply") & s["acct"].isin(set(app["cp"]))
             & s["counterparty_name"].map(fold).str.contains("ZAPPLY")].reset_index()
    m = bank.merge(app[["acct", "cp", "day", "amount_cents"]], left_on="acct", right_on="cp",
                   suffixes=("", "_app"))
    m = m[((m["day"] - m["day_app"]).abs() <= pd.Timedelta(days=1))
          & (m["amount_cents"].lt(0) == m["amount_cents_app"].gt(0))]
    s.loc[m["index"].to_numpy(), "cp"] = m["acct_app"].to_numpy()
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


def ad_times(ads: pd.DataFrame, cities: pd.DataFrame) -> pd.DataFrame:
    """Every QuickAds ad's posting time and phones (E.164), one row per ad and phone: what a fee may pay for."""
    countries = dict(zip(cities["slug"], cities["country"], strict=True))
    rows = [(pd.Timestamp(when), p) for contact, city, when in zip(ads["contact"], ads["city"], ads["posted_at"],
                                                                   strict=True)
            for p in find_phones(str(contact), countries.get(city))]
    return pd.DataFrame(rows, columns=["posted", "phone"]).sort_values("posted", ignore_index=True)


def self_advertisers(s: pd.DataFrame, times: pd.DataFrame, ring_phones: set[str]) -> set[str]:
    """Accounts that pay for ads of their own: two or more timed ad-site fees, and after *every* one of them
    (within ``FEE_MINUTES``) an ad with the same phone, not one of the ring's. Honest advertisers often advertise
    under another number than the one their bank has on file; their fees still follow their own ads."""
    fees = s[(s["kind"] == "ad_site") & s["ts"].notna()][["acct", "ts"]]
    counts = fees.groupby("acct").size()
    fees = fees[fees["acct"].isin(counts.index[counts >= 2])]
    if fees.empty or times.empty:
        return set()
    posted = times["posted"].to_numpy()
    lo = posted.searchsorted(fees["ts"].to_numpy() + pd.Timedelta(minutes=FEE_MINUTES[0]))
    hi = posted.searchsorted(fees["ts"].to_numpy() + pd.Timedelta(minutes=FEE_MINUTES[1]), side="right")
    phones = times["phone"].to_numpy()
    after = [set(phones[a:b]) - ring_phones for a, b in zip(lo, hi, strict=True)]
    common: dict[str, set[str] | None] = {}
    for acct, seen in zip(fees["acct"], after, strict=True):
        common[acct] = seen if common.get(acct) is None else common[acct] & seen
    return {acct for acct, shared in common.items() if shared}


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
    routine = s["description"].str.upper().str.match(ROUTINE)  # a rent paid the day cash came in is no hand-over
    out = s[(s["amount_cents"] < 0) & ((s["cash"] == "out") | ((s["cp"] != "") & ~routine))][
        ["acct", "day", "place", "cp", "amount_cents"]]
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

def stay_days(stay: pd.DataFrame) -> set[tuple[str, pd.Timestamp]]:
    """(city, day) for every day of every stay, and the day after (a bank's local day may run ahead of UTC)."""
    return {(city, d) for city, first, last in zip(stay["city"], stay["first"], stay["last"], strict=True)
            for d in pd.date_range(first, last + pd.Timedelta(days=1))}


def circuit_cues(s: pd.DataFrame, stay: pd.DataFrame, ring: pd.DataFrame, advertisers: set[str]) -> pd.DataFrame:
    """Per payment, which circuit cue it shows: ``living`` (food, shops in a circuit city where the payer does
    not live, during a stay there), ``hotel`` (booked away from home on the day a stay starts, or the night
    after; late at night when the bank gives the time), ``ride`` (a taxi away from home in a circuit city during
    a stay; late at night when the time is known), ``fee`` (an ad-site fee minutes before a ring ad; when the
    bank gives no time, on the day a stay starts or, for Companions, the day one of the ring's profiles appears;
    never from ``advertisers``, who pay for ads of their own). ``away`` marks every hotel, ride or shop away
    from home, matching or not: a traveller has many of those, on no one's circuit."""
    pay = s[s["kind"] != ""].copy()
    during = stay_days(stay)
    arrivals: set[tuple[str, pd.Timestamp]] = set()
    for city, first in zip(stay["city"], stay["first"], strict=True):
        arrivals.update({(city, first), (city, first + pd.Timedelta(days=1))})
    starts = {d for _, d in arrivals}
    profile_days = {d + pd.Timedelta(days=k) for d in ring.loc[ring["site"] == "companions", "posted"]
                    .dt.tz_localize(None).dt.normalize() for k in (0, 1)}
    keys = list(zip(pay["mcity"], pay["day"], strict=True))
    in_stay = pd.Series([k in during for k in keys], index=pay.index)
    pay["away"] = (pay["mcity"] != "") & (pay["mcity"] != pay["home"])
    pay["living"] = (pay["kind"] == "living") & pay["away"] & in_stay
    late = pay["hour"].isin(LATE_HOURS).fillna(False).astype(bool) | pay["hour"].isna()  # no time: the date only
    pay["ride"] = (pay["kind"] == "ride") & pay["away"] & late & in_stay
    pay["hotel"] = ((pay["kind"] == "hotel") & pay["away"] & late
                    & pd.Series([k in arrivals for k in keys], index=pay.index))
    times = ring["posted"].sort_values().to_numpy()
    fee = (pay["kind"] == "ad_site") & ~pay["acct"].isin(advertisers)
    pay["timed"] = pay["ts"].notna()
    pay["fee"] = False
    if (fee & pay["timed"]).any():
        when = pay.loc[fee & pay["timed"], "ts"].to_numpy()
        nxt = times.searchsorted(when).clip(0, max(len(times) - 1, 0))
        minutes = pd.Series((times[nxt] - when) / pd.Timedelta(minutes=1), index=pay.index[fee & pay["timed"]])
        pay.loc[minutes.index, "fee"] = minutes.between(*FEE_MINUTES)
    untimed = fee & ~pay["timed"]
    companions = (pay["counterparty_name"] + " " + pay["description"]).map(fold).str.contains("COMPANIONS")
    pay.loc[untimed, "fee"] = (pay.loc[untimed, "day"].isin(starts)
                               | (companions[untimed] & pay.loc[untimed, "day"].isin(profile_days)))
    return pay[["acct", "living", "hotel", "ride", "away", "fee", "timed", "kind", "mcity", "day"]]


def circuit_payers(cues: pd.DataFrame) -> set[str]:
    """Accounts with food or shopping on the circuit away from home; or an ad fee for the ring together with
    travel that follows the circuit (most of the account's hotels away from home booked the day a stay starts,
    or most of its taxis away from home taken during stays); or two or more ad fees paid minutes before the
    ring's ads (when the bank prints the time)."""
    c = cues.assign(timed_fee=cues["fee"] & cues["timed"], hotel_away=(cues["kind"] == "hotel") & cues["away"],
                    ride_away=(cues["kind"] == "ride") & cues["away"])
    per = c.groupby("acct")[["living", "hotel", "hotel_away", "ride", "ride_away", "fee", "timed_fee"]].sum()
    travel = (((per["hotel"] >= 1) & (2 * per["hotel"] > per["hotel_away"]))
              | ((per["ride"] >= 1) & (2 * per["ride"] > per["ride_away"])))
    return set(per.index[(per["living"] >= 1) | (travel & (per["fee"] >= 1)) | (per["timed_fee"] >= 2)])


# ---- step 5: up the chain -----------------------------------------------------------------------------------

def received_from(s: pd.DataFrame, senders: set[str]) -> pd.DataFrame:
    """Payments into other accounts from ``senders``, seen on the senders' statements."""
    out = s[s["acct"].isin(senders) & (s["amount_cents"] < 0) & (s["cp"] != "")]
    return out[~out["cp"].isin(senders)]


def organisers(s: pd.DataFrame, senders: set[str], bank_country: Mapping[str, str]) -> set[str]:
    """Personal accounts abroad that the operation's accounts pay two or more times (wires "home")."""
    out = received_from(s, senders)
    out = out[~out["description"].str.upper().str.match(ROUTINE)]  # wages and rents are not money sent home
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
