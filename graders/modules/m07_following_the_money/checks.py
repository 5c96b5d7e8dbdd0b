"""Hidden checks of module 07 "following the money", its reference method and the naive one it must beat.

Questions (hidden, partial credit; the written explanation of one typology is graded by hand with its rubric):

- ``score_flagged_accounts``: F1 of the listed accounts (as printed, or app handles) against the accounts the
  operations control that carry illicit money (funnels, mules' accounts, controllers' cards and app, the
  front, the organisers'). Students with many relatives, landlords, travellers, sole traders banking cash,
  remitters and advertisers paying their own ads are the hard negatives.
- ``score_organiser_total``: what reached the organisers, in euros (or a dictionary by currency, converted at
  the brief's fixed rates): full points within 5 % of the key's total over both operations, else 0.
- ``score_typology_labels``: the share of the brief's statement rows (T01…; illicit rows and benign
  look-alikes, shuffled) labelled with a right typology or "benign".

``reference_solution`` is the method the notebook teaches (its steps are in this package's ``method``);
``naive_solution`` is the threshold rules the calibration bar must defeat. Both take ``tables_from_public``.
Scores never raise for a wrong answer, print no expected value, and nothing goes to stderr.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from graders.grading.check import Check, Context, Scored, as_is
from graders.grading.key import load_brief, load_public_db
from graders.grading.metrics import clamp_points, out_of, set_f1
from graders.modules.m03_linking_ads import method as m03
from graders.modules.m07_following_the_money import answers as ma
from graders.modules.m07_following_the_money import method
from synth.vocab.canon import canonical_account

MODULE = ma.M07
POINTS = {"flagged_accounts": 5.0, "organiser_total": 2.0, "typology_labels": 3.0}
TOLERANCE = 0.05  # of the euro total
STRUCTURING = (9_000_00, 10_000_00)  # cash deposits "just under 10,000" (the naive rule's band), in cents
MANY_INCOMING = 3.0  # naive rule: more incoming payments than 3x the median account's


@dataclass(frozen=True)
class Findings:
    """What a method answers: flagged accounts, the organisers' total by currency, a label per question."""

    flagged_accounts: list[str]
    organiser_total: dict[str, float]
    typology_labels: dict[str, str]
    organisers: list[str] = field(default_factory=list)  # not graded: what the notebook shows


def tables_from_public(world_dir: Any = None) -> dict[str, Any]:
    """Everything the notebook loads: statements and KYC files (graders.lab.productions), module 03's items,
    WorkAbroad's posts, cities, institutions and the brief."""
    from graders.lab.productions import load_customers, load_statements

    with load_public_db(world_dir) as db:
        cities = pd.read_sql("SELECT slug, name, country FROM cities ORDER BY slug", db)
        institutions = pd.read_sql("SELECT slug, kind, country, currency, code FROM fin_institutions", db)
        posts = pd.read_sql("SELECT post_id, city, contact, company FROM jobboard_posts ORDER BY post_id", db)
        ads = pd.read_sql("SELECT 'quickads' AS site, city, phone AS contact, posted_at FROM quickads_ads UNION ALL "
                          "SELECT 'jobboard', city, contact, posted_at FROM jobboard_posts", db)
    return {"statements": load_statements(world_dir), "customers": load_customers(world_dir),
            "items": m03.items_from_public_db(world_dir), "workabroad": posts, "ads": ads, "cities": cities,
            "institutions": institutions, "brief": load_brief(MODULE, world_dir)}


# ---- the reference method and the naive one ----------------------------------------------------------------

def reference_solution(tables: Mapping[str, Any]) -> Findings:
    """The module's method (graders.modules.m07_following_the_money.method), step by step:

    1. one table of every statement row: canonical accounts, the holder's town, the merchant's city and kind;
    2. from earlier modules: the ring's ads and stays (module 03), its phones; the front (the brief's business
       account) and the phones its WorkAbroad posts give (module 04);
    3. accounts registered to those phones (KYC), and every account of the same holders;
    4. funnel accounts: cash in, then within two days out in another city or on to a collector;
    5. one payer for the circuit: food and shops away from home in a circuit city during a stay; or an ad fee
       for the ring with travel that follows the circuit (most hotels away from home booked late on the day a
       stay starts, or most late taxis away from home during stays); or two ad fees minutes before the ring's
       ads — never fees of advertisers who pay for their own ads (KYC phone on ads, or an ad with one same
       phone after every fee); bank transfers into the app are joined to the app account they reached;
    6. up the chain: accounts abroad paid twice or more by the controllers and the front (the organisers),
       and what reached them; recruiters' app accounts paid with fee notes;
    7. label each question row by the account it sits on and what it is (cash, fee, hotel, wire …).
    """
    cities, brief = tables["cities"], tables["brief"]
    s = method.prepare(tables["statements"], tables["customers"], cities)
    ring = method.ring_ads(tables["items"], cities)
    stay = method.stays(ring)
    start = {canonical_account(a) for a in brief.get("start_numbers", [])}
    customers = tables["customers"]
    business = set(customers.loc[customers["kind"] == "business", "account"].map(canonical_account))
    front = start & business
    front_name = customers.loc[customers["account"].map(canonical_account).isin(front), "name"]
    labour_phones = set().union(*(method.workabroad_phones(tables["workabroad"], n, cities) for n in front_name))
    on_ring_phones = method.registered_to(customers, method.phones_of(ring)) | (start - front)
    controllers = method.same_holder(customers, on_ring_phones)
    advertisers = method.registered_to(customers, method.ad_phones(tables["ads"], cities)) - on_ring_phones
    quickads = tables["ads"][tables["ads"]["site"] == "quickads"]
    own_ads = method.self_advertisers(s, method.ad_times(quickads, cities), method.phones_of(ring))
    advertisers |= own_ads - on_ring_phones
    cues = method.circuit_cues(s, stay, ring, advertisers)
    payers = method.circuit_payers(cues)
    active = set(cues.loc[cues[["living", "hotel", "fee"]].any(axis=1) | (cues["kind"] == "ad_site"), "acct"])
    pairs = method.cash_pairs(s)
    people = method.personal_accounts(customers)
    funnels = method.funnels(pairs, controllers, people)
    collectors = set(pairs.loc[pairs["acct"].isin(funnels) & pairs["to"].isin(people), "to"])
    controllers_used = on_ring_phones | (controllers & (active | collectors | payers))
    senders = controllers_used | collectors | front
    bank_country = dict(zip(tables["institutions"]["code"], tables["institutions"]["country"], strict=True))
    top = method.organisers(s, senders, bank_country) & people
    paid = set(method.received_from(s, senders)["cp"])
    organisers = top | (method.same_holder(customers, top) & paid)
    recruiters = method.fee_receivers(s, method.registered_to(customers, labour_phones) - front)
    flagged = front | controllers_used | collectors | funnels | payers | organisers | recruiters
    found = {"flagged": flagged, "funnels": funnels, "front": front, "organisers": organisers,
             "recruiters": recruiters | front, "payers": payers, "during": method.stay_days(stay)}
    labels = {q["id"]: _label(row, found, cues) for q in brief.get("typology_questions", [])
              for row in [_locate(s, q)]}
    return Findings(flagged_accounts=sorted(flagged), organiser_total=method.organiser_total(s, organisers, senders),
                    typology_labels=labels, organisers=sorted(organisers))


def _locate(s: pd.DataFrame, question: Mapping[str, str]) -> pd.Series | None:
    """The statement row a question shows: institution, account, date and amount as printed."""
    cents = round(float(question["amount"]) * 100)
    hit = s[(s["institution"] == question["institution"]) & (s["acct"] == canonical_account(question["account"]))
            & (s["day"] == pd.Timestamp(question["date"])) & (s["amount_cents"] == cents)]
    return hit.iloc[0] if len(hit) else None


def _label(row: pd.Series | None, found: Mapping[str, set[str]], cues: pd.DataFrame) -> str:
    """The typology a row shows, read from its account's role and the row itself; "benign" otherwise."""
    if row is None or not (row["acct"] in found["flagged"] or row["cp"] in found["flagged"]):
        return "benign"
    cents, acct = abs(int(row["amount_cents"])), row["acct"]
    if row["cash"] == "in" and row["institution"] == "loadup":
        return "prepaid_cards"
    if row["cash"] == "in":
        if STRUCTURING[0] <= cents < STRUCTURING[1]:
            return "structuring"
        return "funnel_account" if acct in found["funnels"] else "benign"
    if row["cash"] == "out":
        return "no_payroll" if acct in found["front"] else "funnel_account" if acct in found["funnels"] else "benign"
    if row["cp"] in found["organisers"] and row["amount_cents"] < 0:
        return "wire_to_origin"
    if acct in found["funnels"] and row["amount_cents"] < 0 and row["cp"] in found["flagged"]:
        return "fan_in"
    if row["cp"] in found["recruiters"] and method.FEE_WORDS.search(str(row["description"])):
        return "recruitment_fees"
    if acct in found["front"] and "RENT" in str(row["description"]).upper():
        return "lodging_one_payer"
    kind = row["kind"]
    if acct in found["front"] and kind == "ticket":
        return "transport_one_payer"
    if kind == "ad_site":
        return "ad_fees"
    if kind == "hotel" or (kind in ("ride", "ticket") and row["mcity"] != row["home"]):
        return "lodging_one_payer" if kind == "hotel" else "transport_one_payer"
    on_circuit = acct in found["payers"] and (row["mcity"], row["day"]) in found["during"]
    if kind == "living" and (row["mcity"] not in ("", row["home"]) or on_circuit):
        return "living_costs_one_payer"
    return "benign"


def naive_solution(tables: Mapping[str, Any]) -> Findings:
    """The threshold rules the calibration bar must defeat, and nothing else:

    - flag every account with a cash deposit between 9,000 and 10,000 (in its own currency);
    - flag every account with many incoming payments: more than ``MANY_INCOMING`` times the median account's;
    - the organisers' total: everything paid into the accounts with many incoming payments;
    - labels: "structuring" for a 9,000-10,000 cash deposit, "fan_in" for a payment into a many-incoming
      account, "benign" for everything else.
    """
    s = method.prepare(tables["statements"], tables["customers"], tables["cities"])
    cash = s[(s["cash"] == "in") & s["amount_cents"].between(STRUCTURING[0], STRUCTURING[1] - 1)]
    incoming = s[s["amount_cents"] > 0].groupby("acct").size().reindex(s["acct"].unique(), fill_value=0)
    many = set(incoming[incoming > MANY_INCOMING * incoming.median()].index)
    into_many = s[s["acct"].isin(many) & (s["amount_cents"] > 0)]
    total = into_many.groupby("currency")["amount_cents"].sum() / 100
    labels = {}
    for q in tables["brief"].get("typology_questions", []):
        row = _locate(s, q)
        cents = float(q["amount"]) * 100
        if row is not None and row["cash"] == "in" and STRUCTURING[0] <= cents < STRUCTURING[1]:
            labels[q["id"]] = "structuring"
        elif row is not None and (row["acct"] in many and cents > 0 or row["cp"] in many and cents < 0):
            labels[q["id"]] = "fan_in"
        else:
            labels[q["id"]] = "benign"
    return Findings(flagged_accounts=sorted(set(cash["acct"]) | many),
                    organiser_total={c: round(v, 2) for c, v in total.items()}, typology_labels=labels)


# ---- scoring: pure functions of an answer and the key, then the notebook's score_* wrappers ---------------

def truth_accounts(key: Mapping[str, Any]) -> set[str]:
    """The key's flagged accounts as trainees print them (the key's module section carries them)."""
    return {canonical_account(a) for a in key["flagged_printed"]}


def truth_total(key: Mapping[str, Any]) -> float:
    return sum(v["eur_cents"] for v in key["organiser_total"].values()) / 100


def total_share(answer_eur: float, truth_eur: float) -> float:
    """1 within ``TOLERANCE`` of the truth (a world where nothing reached an organiser accepts only 0)."""
    if truth_eur <= 0:
        return 1.0 if abs(answer_eur) < 0.01 else 0.0
    return 1.0 if abs(answer_eur - truth_eur) <= TOLERANCE * truth_eur else 0.0


def grade(findings: Findings, key: Mapping[str, Any], rates: Mapping[str, float]) -> dict[str, float]:
    """Points per question for a method's findings against the module key (no printing): the calibration."""
    _, _, f1 = set_f1(ma.accounts(findings.flagged_accounts), truth_accounts(key))
    right, asked = ma.label_share(ma.label_pairs(findings.typology_labels), key["typology_questions"])
    share = total_share(ma.total_eur(findings.organiser_total, rates), truth_total(key))
    return {"flagged_accounts": clamp_points(f1 * POINTS["flagged_accounts"]),
            "organiser_total": clamp_points(share * POINTS["organiser_total"]),
            "typology_labels": clamp_points(right / asked * POINTS["typology_labels"] if asked else 0.0)}


# ---- the declared checks ----------------------------------------------------------------------------------

def _flagged_accounts(given: set[str], ctx: Context, points: float) -> Scored:
    precision, recall, f1 = set_f1(given, truth_accounts(ctx.key))
    return Scored(f1 * points, (f"Accounts: {len(given)} different accounts listed; precision {precision:.2f}, "
                                f"recall {recall:.2f}, F1 {f1:.2f} -> {out_of(f1 * points, points)}.",))


def _organiser_total(answer: Any, ctx: Context, points: float) -> Scored:
    given = ma.total_eur(answer, load_brief(MODULE, ctx.world_dir).get("eur_per_unit", {}))
    share = total_share(given, truth_total(ctx.key))
    verdict = "within 5 % of the total" if share else "not within 5 % of the total"
    return Scored(share * points, (f"Total: your answer is EUR {given:,.2f}, {verdict} -> "
                                   f"{out_of(share * points, points)}.",))


def _typology_labels(given: dict[str, str], ctx: Context, points: float) -> Scored:
    right, asked = ma.label_share(given, ctx.key["typology_questions"])
    share = right / asked if asked else 0.0
    return Scored(share * points, (f"Labels: {len(given)} rows labelled; {right} of {asked} right -> "
                                   f"{out_of(share * points, points)}.",))


CHECKS = (
    Check(MODULE, "q1-flagged-accounts", ma.accounts, _flagged_accounts,
          "F1 of the listed accounts (as printed, or app handles) against the operations' accounts"),
    Check(MODULE, "q2-organiser-total", as_is, _organiser_total,
          "the total that reached the organisers, in euros or by currency, within 5 %"),
    Check(MODULE, "q3-typology-labels", ma.label_pairs, _typology_labels,
          "the share of the brief's rows (T01…) labelled with a right typology or 'benign'"),
)
score_flagged_accounts, score_organiser_total, score_typology_labels = (c.run for c in CHECKS)
