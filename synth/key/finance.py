"""The answer key's money parts: the ``finance`` section and module 07's answers (docs/finance.md).

Flagged accounts are the accounts an operation *controls* that carry at least one illicit row: funnel
accounts (in victims' and mules' names), the controllers' cards, prepaid cards and app account, the
collectors, the organisers' accounts, the front's account and the recruiters' accounts — except those whose
only illicit rows are ad fees printed without a time (``beyond_evidence``: listed, not graded). Victims' and
recruits' own accounts that only paid a fee are listed apart (``victim_accounts``): they are not flagged.
The organiser's total is the sum of illicit credits into the organisers' accounts, in each account's
currency and in euro cents at the world's fixed rates (synth.vocab.institutions).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import numpy as np

from synth.build.finance import questions
from synth.streams import labelled_random
from synth.vocab.institutions import CURRENCIES, EUR_CENTS_PER_UNIT
from synth.world.finance import Finance

SAMPLE = 40  # flows per world in the graded typology sample


def illicit_accounts(finance: Finance) -> dict[int, int]:
    """Account id -> number of illicit rows it takes part in."""
    c = finance.ledger.columns
    illicit = c["flow"] >= 0
    counts = Counter(c["debit"][illicit].tolist()) + Counter(c["credit"][illicit].tolist())
    counts.pop(-1, None)
    return dict(counts)


# Institutions whose productions print booking dates without a time (synth.render.productions.banks: Thameside's and
# Rheinwerk's statements). An ad fee there cannot be matched to the minute an ad went up.
DATE_ONLY = frozenset({"thamesbank", "rheinbank"})


def beyond_evidence(finance: Finance) -> set[int]:
    """Controlled accounts whose every illicit row is an ad fee at an institution that prints no time.

    Such a fee looks exactly like an honest advertiser's: the ring posts on almost every day and honest
    advertisers pay the same prices, so nothing in the productions ties the account to the operation. They
    are not graded (a trainee cannot find them, and a method that "found" them would be guessing); the key
    lists them for the debrief: real investigations miss accounts too.
    """
    c = finance.ledger.columns
    typology = {f.flow_id: f.typology for f in finance.flows}
    other: set[int] = set()
    fees: set[int] = set()
    for flow, debit, credit in zip(c["flow"].tolist(), c["debit"].tolist(), c["credit"].tolist(), strict=True):
        if flow < 0:
            continue
        (fees if typology.get(flow) == "ad_fees" else other).update((debit, credit))
    return {a.account_id for a in finance.accounts
            if a.role and a.institution in DATE_ONLY and a.account_id in fees and a.account_id not in other}


def flagged_accounts(finance: Finance) -> list[int]:
    """The accounts an operation controls that carry an illicit row the productions can show (module doc)."""
    used = illicit_accounts(finance)
    hidden = beyond_evidence(finance)
    return sorted(a.account_id for a in finance.accounts
                  if a.role and used.get(a.account_id) and a.account_id not in hidden)


def organiser_totals(finance: Finance) -> dict[str, Any]:
    """Per operation, what the operation's own accounts paid into its organiser's accounts (module 07's Q2).

    Only payers the operation controls count: the exchange paying out coins that reached the organiser's
    deposit address is the end of a peel chain (typed ``peel_chain`` in ``flows``), not a payment of the
    operation's accounts, and Q2 asks for the latter.
    """
    c = finance.ledger.columns
    controlled = np.zeros(len(finance.accounts) + 1, dtype=bool)
    controlled[[a.account_id for a in finance.accounts if a.role]] = True
    flows = {f.flow_id: f for f in finance.flows}
    out: dict[str, Any] = {}
    for account in finance.accounts:
        if account.role != "organiser":
            continue
        rows = np.flatnonzero((c["credit"] == account.account_id) & (c["flow"] >= 0) & controlled[c["debit"]])
        entry = out.setdefault(account.operation, {"by_currency": defaultdict(int), "eur_cents": 0.0, "rows": 0})
        for r in rows:
            if flows[int(c["flow"][r])].operation != account.operation:
                continue
            currency = CURRENCIES[int(c["credit_currency"][r])]
            entry["by_currency"][currency] += int(c["credit_amount"][r])
            entry["eur_cents"] += int(c["credit_amount"][r]) * EUR_CENTS_PER_UNIT[currency] / 100
            entry["rows"] += 1
    return {op: {"by_currency": dict(sorted(v["by_currency"].items())), "eur_cents": int(round(v["eur_cents"])),
                 "rows": v["rows"]} for op, v in sorted(out.items())}


def flow_rows(finance: Finance) -> dict[int, list[int]]:
    c = finance.ledger.columns
    rows: dict[int, list[int]] = defaultdict(list)
    for txn, flow in zip(c["txn_id"][c["flow"] >= 0].tolist(), c["flow"][c["flow"] >= 0].tolist(), strict=True):
        rows[flow].append(txn)
    return rows


def derive_finance(finance: Finance) -> dict[str, Any]:
    """The ``finance`` section: who holds what, every illicit flow with its rows, the wallets."""
    rows = flow_rows(finance)
    chain_flows: dict[int, list[str]] = defaultdict(list)
    for tx in finance.chain:
        if tx.flow >= 0:
            chain_flows[tx.flow].append(tx.txid)
    used = illicit_accounts(finance)
    return {
        "accounts": {str(a.account_id): {"holder": a.holder, "institution": a.institution, "number": a.number,
                                         "kind": a.kind, "profile": a.profile, "role": a.role,
                                         "operation": a.operation, "illicit_rows": used.get(a.account_id, 0)}
                     for a in finance.accounts if a.kind != "merchant"},
        "flows": {str(f.flow_id): {"operation": f.operation, "typology": f.typology, "note": f.note,
                                   "txn_ids": rows.get(f.flow_id, []), "chain_txids": chain_flows.get(f.flow_id, [])}
                  for f in finance.flows if rows.get(f.flow_id) or chain_flows.get(f.flow_id)},
        "wallets": {str(w.wallet_id): {"owner": w.owner, "label": w.label, "addresses": list(w.addresses)}
                    for w in finance.wallets},
        "exchange_customers": dict(finance.exchange_customers),
        "published_addresses": {r: dict(c) for r, c in finance.published_addresses.items()},
        "mentions": [{"site": m.site, "item_id": m.item_id, "kind": m.kind, "value": m.value, "holder": m.holder,
                      "operation": m.operation} for m in finance.mentions],
        "recruits": list(finance.recruits), "mules": list(finance.mules),
        "organiser_totals": organiser_totals(finance),
        "rows": len(finance.ledger), "illicit_rows": int((finance.ledger.columns["flow"] >= 0).sum()),
    }


def derive_module07(finance: Finance, brief: dict[str, Any], operations: dict[str, str], seed: int,
                    victims: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Module 07: flagged accounts, the organisers' totals, a sample of typed flows, the operations' wallets.

    ``victims`` are the operations' victims (person ids); with the recruits they are whose own accounts
    count as ``victim_accounts``. Clients who paid a ring's booking deposit also carry an illicit row, but
    they are neither suspects nor victims, so they are in neither list.
    """
    section = derive_finance(finance)
    typed = sorted(int(f) for f, v in section["flows"].items() if v["typology"] and v["txn_ids"])
    rng = labelled_random(f"{seed}:module07-sample")
    sample = sorted(rng.sample(typed, k=min(SAMPLE, len(typed))))
    members = set(operations)
    clusters = {w: v["addresses"] for w, v in section["wallets"].items() if v["owner"] in members}
    used = illicit_accounts(finance)
    return {
        "start_accounts": brief.get("start_accounts", []),
        "flagged_accounts": flagged_accounts(finance),
        "flagged_printed": [questions.printed_number(finance.account(i)) for i in flagged_accounts(finance)],
        "beyond_evidence": [questions.printed_number(finance.account(i)) for i in sorted(beyond_evidence(finance))],
        "victim_accounts": sorted(a.account_id for a in finance.accounts
                                  if not a.role and used.get(a.account_id) and a.kind != "merchant"
                                  and a.holder in victims | set(finance.recruits)),
        "organiser_total": section["organiser_totals"],
        "flow_sample": {str(f): {"typology": section["flows"][str(f)]["typology"],
                                 "txn_ids": section["flows"][str(f)]["txn_ids"]} for f in sample},
        "wallet_clusters": clusters,
        "typologies": sorted({v["typology"] for v in section["flows"].values() if v["typology"]}),
        "typology_questions": questions.answers(finance, seed),
    }
