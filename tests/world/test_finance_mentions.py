"""Payment details in ads and profiles: real accounts, written where the key says, with look-alikes."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from datetime import timedelta

import numpy as np
import pytest

from synth.build.network import LABOUR_OP, SEX_OP
from synth.vocab.institutions import CHANNELS
from synth.vocab.schemes import is_safe_handle, is_safe_wallet_address
from synth.web.textnorm import find_selectors


@pytest.fixture(scope="module")
def world(built_world):
    return built_world(2026, "default")


def _public_texts(world_dir) -> dict[tuple[str, int], str]:
    """Every public text that can carry a payment detail, by (site, item id), as the site database holds it."""
    con = sqlite3.connect(world_dir / "public" / "site.sqlite")
    try:
        texts = {("quickads", i): body for i, body in con.execute("SELECT ad_id, body FROM quickads_ads")}
        texts |= {("companions", i): t for i, t in con.execute("SELECT profile_id, text FROM companions_profiles")}
        texts |= {("jobboard", i): t for i, t in con.execute("SELECT post_id, body FROM jobboard_posts")}
        bios = con.execute("SELECT platform, account_id, bio FROM social_accounts")
        texts |= {(platform, i): bio for platform, i, bio in bios}
    finally:
        con.close()
    return texts


def test_every_mention_is_written_where_the_key_says(default_world) -> None:
    key = json.loads((default_world / "key" / "answer_key.json").read_text(encoding="utf-8"))
    mentions = key["finance"]["mentions"]
    texts = _public_texts(default_world)
    found_in: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for (site, item), text in texts.items():
        for f in find_selectors(text or ""):
            if f.kind in ("zapply", "wallet"):
                found_in[(site, item)] |= {(f.kind, k) for k in f.keys}
    recorded = {(m["site"], m["item_id"], m["kind"], m["value"]) for m in mentions}
    written = {(site, item, kind, value) for (site, item), pairs in found_in.items() for kind, value in pairs}
    assert recorded == written  # Seekr reads exactly what the key records, nothing more, nothing less
    assert len(recorded) >= 300


def test_handles_are_zapply_users_and_addresses_are_on_the_chain(world, default_world) -> None:
    users = [json.loads(line) for line in
             (default_world / "public" / "productions" / "zapply" / "users.jsonl").read_text("utf-8").splitlines()]
    handles = {u["handle"] for u in users}
    used = {address for tx in world.finance.chain for address, _ in tx.outputs}
    holder_of = {a.number: a.holder for a in world.finance.accounts if a.institution == "zapply"}
    for m in world.finance.mentions:
        if m.kind == "zapply":
            assert is_safe_handle(m.value) and m.value in handles and holder_of[m.value] == m.holder
        else:
            assert is_safe_wallet_address(m.value) and m.value in used, m


def test_each_operation_publishes_its_payment_details(world) -> None:
    ops = {o.operation_id: o for o in world.operations}
    by_holder = defaultdict(set)
    for m in world.finance.mentions:
        by_holder[(m.holder, m.operation)].add(m.value)
    booking = {a.holder: a.number for a in world.finance.accounts
               if a.institution == "zapply" and a.role == "controller"}
    for controller in ops[SEX_OP].controllers:
        assert booking[controller] in by_holder[(controller, SEX_OP)], controller
    fee_handles = {a.holder: a.number for a in world.finance.accounts
                   if a.institution == "zapply" and a.role == "recruiter"}
    for recruiter in ops[LABOUR_OP].recruiters:
        assert fee_handles[recruiter] in by_holder[(recruiter, LABOUR_OP)], recruiter
    assert world.finance.published_addresses, "recruits paid in coins, so a recruiter prints an address"
    for recruiter, per_country in world.finance.published_addresses.items():
        assert set(per_country.values()) <= by_holder[(recruiter, LABOUR_OP)]


def test_look_alikes_outnumber_nothing(world) -> None:
    """Honest advertisers ask for deposits and honest people post handles: a handle in an ad is no finding."""
    kinds = Counter((m.site, m.kind, m.operation is None) for m in world.finance.mentions)
    assert kinds[("quickads", "zapply", True)] >= kinds[("quickads", "zapply", False)] // 2 > 0
    assert sum(n for (site, _, benign), n in kinds.items() if benign and site not in ("quickads", "companions",
                                                                                        "jobboard")) >= 10


@pytest.mark.parametrize("seed", [2026, 7])
def test_fees_to_a_published_address_reach_the_exchange_in_the_period(seed, built_world) -> None:
    """Every payment into an address printed in the ads is a recruit's fee, and the fees are peeled to the
    organiser's exchange deposit before the period ends (so module 07 can follow them forward)."""
    w = built_world(seed, "default")
    flows = {f.flow_id: f for f in w.finance.flows}
    end = w.epoch + timedelta(days=180)
    assert max(tx.time for tx in w.finance.chain) < end
    published = {a for per in w.finance.published_addresses.values() for a in per.values()}
    paid = [tx for tx in w.finance.chain if any(a in published for a, _ in tx.outputs)]
    assert paid and all(flows[tx.flow].typology == "recruitment_fees" for tx in paid)
    organiser = next(o.organiser for o in w.operations if o.operation_id == LABOUR_OP)
    deposit = next(a for a, holder in w.finance.exchange_customers.items() if holder == organiser)
    into_deposit = [tx for tx in w.finance.chain if any(a == deposit for a, _ in tx.outputs)]
    assert into_deposit and all(flows[tx.flow].operation == LABOUR_OP for tx in into_deposit)


def test_deposit_handles_receive_deposits(world) -> None:
    """An ad that asks for a deposit is followed by clients' deposits into the handle it names: the ring's
    booking accounts (every one of them, so none is an unused account of the ring) and honest advertisers'."""
    c = world.finance.ledger.columns
    app = CHANNELS.index("app")
    account_of = {(d.site, d.item_id): d for d in world.finance.deposit_items}
    ring = {d.account for d in account_of.values() if d.operation == SEX_OP}
    honest = {d.account for d in account_of.values() if d.operation is None}
    booking = {a.account_id for a in world.finance.accounts if a.institution == "zapply" and a.role == "controller"}
    assert ring == booking and len(honest) >= 10
    for account in ring:
        assert ((c["credit"] == account) & (c["channel"] == app) & (c["flow"] >= 0)).sum() >= 1, account
    honest_deposits = np.isin(c["credit"], sorted(honest)) & (c["channel"] == app) & (c["flow"] < 0)
    assert honest_deposits.sum() >= len(honest)
    written = {(m.site, m.item_id) for m in world.finance.mentions if m.kind == "zapply"}
    assert set(account_of) <= written  # the text and the money agree


def test_clients_are_neither_suspects_nor_victims(default_world, world) -> None:
    key = json.loads((default_world / "key" / "answer_key.json").read_text(encoding="utf-8"))
    m07 = key["modules"]["07-following-the-money"]
    holders = {a.account_id: a.holder for a in world.finance.accounts}
    victims = {v for o in world.operations for v in o.victims} | set(world.finance.recruits)
    assert m07["victim_accounts"] and {holders[a] for a in m07["victim_accounts"]} <= victims
    roles = {a.account_id: a.role for a in world.finance.accounts}
    assert all(roles[a] for a in m07["flagged_accounts"])
