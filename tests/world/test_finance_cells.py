"""The large preset's extra criminal cells (synth.build.finance.cells), planted on a tiny world with a small crowd.

The large preset itself never runs here (it takes ~20 s); this builds the same pieces — a crowd of extra
customers, cells among them, their background from the same economy in the same windows — at a size that
runs in about a second, and checks the typologies and the no-leak rules of synth.build.finance.plant: every
illicit row replaces a background row of the same account and direction, so each cell account keeps its
benign degree, and no cell account acts outside its benign activity span.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from synth.build.finance.background import Economy, build_calendar
from synth.build.finance.cells import LABOUR, RING, choose_cells, crowd_ad_fees, plant_cells
from synth.build.finance.columns import Texts, concat, offsets, take
from synth.build.finance.stages import account_arrays, nprng
from synth.build.pipeline import build_world
from synth.config import FinanceScale
from synth.render.ledger import _crowd, _join
from synth.scenario import get_preset
from synth.streams import Streams

CELLS, CROWD, SEED = 6, 6000, 11


@pytest.fixture(scope="module")
def planted():
    world = build_world(SEED, "tiny")
    preset = replace(get_preset("tiny"), finance=FinanceScale(extra_customers=CROWD, extra_cells=CELLS,
                                                              labour_cells=0.34))
    finance, n_world = world.finance, len(world.finance.accounts)
    texts = Texts()
    for text in finance.ledger.descriptions:
        texts.index(text)
    crowd, banks, _ = _crowd(nprng(SEED, "c"), CROWD, n_world + 1)
    cells = choose_cells(Streams(SEED).get("cells"), preset, world.epoch, crowd, banks, n_world + 1)
    joined = _join(account_arrays(list(finance.accounts), nprng(SEED, "a"), Texts()), crowd)
    in_cell = np.zeros(len(joined.ids), dtype=bool)
    in_cell[[a.account_id - 1 for c in cells for a in c.accounts]] = True
    offs = offsets(world.epoch, preset.days + 2)
    economy = copy.copy(Economy(joined, texts, nprng(SEED, "e"), 0.2, offs, in_cell))
    calendar = build_calendar(world.epoch, preset.days)
    parts = []
    for d0 in range(0, preset.days, 10):
        got = economy.window(nprng(SEED, f"w{d0}"), d0, d0 + 10, calendar)
        parts.append(take(got, np.flatnonzero((got["ts"] >= d0 * 86400) & (got["ts"] < (d0 + 10) * 86400))))
    background = concat(parts)
    merchants = [a for a in finance.accounts if a.kind == "merchant"]
    streams = Streams(SEED)
    rows, flows = plant_cells(streams.get, lambda name: nprng(SEED, name), cells, merchants, background, texts,
                              world.epoch, preset.days, len(finance.flows) + 1)
    return world, preset, cells, background, rows, flows, crowd, texts


def test_cells_plant_the_typologies(planted) -> None:
    world, _, cells, _, rows, flows, _, _ = planted
    assert {c.operation.kind for c in cells} == {RING, LABOUR}
    kinds = Counter(f.typology for f in flows)
    for name in ("ad_fees", "lodging_one_payer", "transport_one_payer", "living_costs_one_payer", "funnel_account",
                 "structuring"):
        assert kinds[name], name
    assert kinds["fan_in"] + kinds["wire_to_origin"], "money moves up"
    labour = {c.op for c in cells if c.operation.kind == LABOUR}
    assert Counter(f.typology for f in flows if f.operation in labour), "the labour cells are planted too"
    assert kinds[None], "part of the cells' flow stays untyped"
    assert all(f.operation in {c.op for c in cells} for f in flows)
    ids = [f.flow_id for f in flows]
    assert ids == list(range(len(world.finance.flows) + 1, len(world.finance.flows) + 1 + len(flows)))
    assert set(rows["flow"][rows["flow"] >= 0].tolist()) == set(ids)  # every listed flow has rows


def test_cells_keep_each_accounts_degree_and_span(planted) -> None:
    _, preset, cells, background, rows, _, _, _ = planted
    illicit = rows["flow"] >= 0
    assert 0 < illicit.sum() and (rows["ts"] >= 0).all() and (rows["ts"] < preset.days * 86400).all()
    for cell in cells:
        for account in sorted(cell.targets):
            for side in ("debit", "credit"):
                before, after = background[side] == account, rows[side] == account
                assert before.sum() == after.sum(), (cell.op, account, side)  # replaced, never added
            mine = (background["debit"] == account) | (background["credit"] == account)
            now = (rows["debit"] == account) | (rows["credit"] == account)
            if mine.any() and (now & illicit).any():
                first, last = background["ts"][mine].min(), background["ts"][mine].max()
                assert first < rows["ts"][now & illicit].min() and rows["ts"][now & illicit].max() < last
    used = {int(a) for side in ("debit", "credit") for a in rows[side][illicit]}
    controlled = {a.account_id for c in cells for a in c.accounts if a.role}
    assert len(used & controlled) >= 0.5 * len(controlled)


def test_cells_are_drawn_at_random_from_the_crowd_and_pay_benign_look_alikes(planted) -> None:
    world, preset, cells, _, _, _, crowd, texts = planted
    ids = [a.account_id for c in cells for a in c.accounts]
    assert len(ids) == len(set(ids)) and min(ids) > len(world.finance.accounts)
    site = next(a for a in world.finance.accounts if a.holder == "merchant:quickads")
    fees = crowd_ad_fees(nprng(SEED, "f"), crowd, len(world.finance.accounts) + 1, 0.01, site, preset.days,
                         offsets(world.epoch, preset.days + 2), texts)
    assert len(set(fees["debit"].tolist())) >= 50 and (fees["credit"] == site.account_id).all()
    assert (fees["flow"] == -1).all()
