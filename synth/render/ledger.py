"""stream_large_ledger: the ``large`` preset's bank ledger (>= 10M rows), streamed to Parquet in time windows.

The world's own accounts and rows (synth.build.finance.stages, ~100K rows with every planted flow) are joined by
``extra_customers`` bank customers who exist only here, drawn from the same profile distribution by the
same vectorised economy (synth.build.finance.background). Every account is renumbered after one shuffle of the
whole set, so an id says nothing about whether an account belongs to the world or the crowd. The timeline
is cut into windows of ``window_days``; each window's rows (the world's and the crowd's) are sorted by time
with a shuffled tie-break and numbered on from the previous window, then written as one Parquet part and
dropped: peak memory is one window, not the ledger. Labels (txn id → flow) go to ``key/ledger_labels.parquet``.

Among the extra customers, ``extra_cells`` finance-only criminal cells are planted (synth.build.finance.cells) with
the default operations' no-leak rules, and ``crowd_ad_payers`` of them pay ad fees for their own listings.
The cells' rows are made before the stream starts (a few thousand accounts' background, in the stream's own
windows) and inserted window by window like the world's rows. ``key/ledger_flows.parquet`` describes every
labelled flow (the world's and the cells'), ``key/ledger_summary.json`` the cells, their accounts (ledger
ids), the flagged accounts and the illicit share.
"""

from __future__ import annotations

import copy
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from synth.build.finance.accounts import PROFILES
from synth.build.finance.background import AccountArrays, Economy, P, build_calendar
from synth.build.finance.cells import Cell, choose_cells, crowd_ad_fees, plant_cells
from synth.build.finance.columns import CITY_COUNTRY, CURRENCY_INDEX, Texts, concat, offsets, take
from synth.build.finance.stages import account_arrays, front_employers, nprng, repay_front_salaries
from synth.key.finance import flagged_accounts
from synth.scenario import preset_of
from synth.streams import Streams
from synth.vocab.institutions import BANK_OF_COUNTRY, BY_SLUG, CHANNELS, CURRENCIES
from synth.vocab.places import CITIES
from synth.vocab.schemes import account_numbers
from synth.world.finance import Flow
from synth.world.model import World


def _crowd(rng: np.random.Generator, n: int, first_id: int) -> tuple[AccountArrays, list[str], np.ndarray]:
    """``n`` extra personal accounts: home city by population weight, profile by PROFILES, own bank."""
    weights = np.array([c.weight for c in CITIES], dtype=float)
    city = rng.choice(len(CITIES), size=n, p=weights / weights.sum()).astype(np.int8)
    country = CITY_COUNTRY[city]
    names = list(PROFILES)
    profile = rng.choice([P[x] for x in names], size=n, p=np.array(list(PROFILES.values())) / sum(PROFILES.values()))
    from synth.build.finance.columns import COUNTRIES

    banks = [BANK_OF_COUNTRY[COUNTRIES[c]] for c in country.tolist()]
    currency = np.array([CURRENCY_INDEX[BY_SLUG[b].currency] for b in banks], dtype=np.int8)
    arrays = AccountArrays(ids=np.arange(first_id, first_id + n, dtype=np.int32), profile=profile.astype(np.int8),
                           merchant_kind=np.full(n, "", dtype=object), country=country, city=city, currency=currency,
                           activity=rng.lognormal(0.0, 0.5, n), home_bank=np.full(n, -1, dtype=np.int32),
                           desc=np.zeros(n, dtype=np.int32))
    return arrays, banks, rng.permutation(n)


def _join(a: AccountArrays, b: AccountArrays) -> AccountArrays:
    return AccountArrays(*(np.concatenate([getattr(a, f), getattr(b, f)]) for f in AccountArrays.__dataclass_fields__))


def stream_large_ledger(world: World, directory: Path) -> int:
    """Write public/ledger/part-*.parquet, public/ledger/accounts.parquet and key/ledger_labels.parquet."""
    preset = preset_of(world)
    scale, seed, finance = preset.finance, world.seed, world.finance
    texts = Texts()
    for text in finance.ledger.descriptions:
        texts.index(text)
    mine = account_arrays(list(finance.accounts), nprng(seed, "finance-activity"), Texts())
    mine = AccountArrays(**{**mine.__dict__, "desc": texts.indices(
        [("SALARY " if a.kind == "business" else "") + a.holder_name.upper() for a in finance.accounts])})
    n_world = len(finance.accounts)
    crowd, banks, _ = _crowd(nprng(seed, "finance-large-crowd"), scale.extra_customers, n_world + 1)
    cells = choose_cells(Streams(seed).get("finance-large-cells"), preset, world.epoch, crowd, banks, n_world + 1)
    in_cell = np.zeros(n_world + scale.extra_customers, dtype=bool)
    in_cell[[a.account_id - 1 for c in cells for a in c.accounts]] = True
    joined = _join(mine, crowd)
    active = np.concatenate([np.zeros(n_world, dtype=bool), np.ones(scale.extra_customers, dtype=bool)]) & ~in_cell
    offs = offsets(world.epoch, preset.days + 2)
    economy = Economy(joined, texts, nprng(seed, "finance-large-economy"), scale.activity, offs, active)
    calendar = build_calendar(world.epoch, preset.days)
    fixed, flows = _cells_rows(world, cells, economy, in_cell, crowd, n_world, texts, calendar, offs)
    fixed = concat([finance.ledger.columns, fixed])
    # One shuffle of every account: new id of old id i is remap[i].
    remap = np.concatenate([[-1], nprng(seed, "finance-large-ids").permutation(len(joined.ids)) + 1]).astype(np.int64)
    out, key = directory / "public" / "ledger", directory / "key"
    out.mkdir(parents=True, exist_ok=True)
    key.mkdir(parents=True, exist_ok=True)
    _write_accounts(out / "accounts.parquet", finance, banks, remap, nprng(seed, "finance-large-numbers"), n_world)
    fronts = front_employers(list(finance.accounts))
    world_rows = fixed  # the world's rows, the cells' rows and the crowd's ad fees, inserted window by window
    next_id, labels, total = 1, [], 0
    for part, d0 in enumerate(range(0, preset.days, scale.window_days)):
        d1 = min(preset.days, d0 + scale.window_days)
        rows = economy.window(nprng(seed, f"finance-large-window-{part}"), d0, d1, calendar)
        repay_front_salaries(rows, fronts, joined.desc)
        rows = take(rows, np.flatnonzero((rows["ts"] >= d0 * 86400) & (rows["ts"] < d1 * 86400)))
        here = np.flatnonzero((world_rows["ts"] >= d0 * 86400) & (world_rows["ts"] < d1 * 86400))
        rows = concat([take(world_rows, here), rows])
        order = np.lexsort((nprng(seed, f"finance-large-ties-{part}").permutation(len(rows["ts"])), rows["ts"]))
        rows = take(rows, order)
        rows["txn_id"] = np.arange(next_id, next_id + len(order), dtype=np.int64)
        next_id += len(order)
        for side in ("debit", "credit"):
            rows[side] = np.where(rows[side] > 0, remap[np.maximum(rows[side], 0)], -1)
        pq.write_table(_table(rows, texts, world), out / f"part-{part:04d}.parquet", compression="zstd")
        illicit = rows["flow"] >= 0
        labels.append((rows["txn_id"][illicit], rows["flow"][illicit]))
        total += len(order)
    ids = np.concatenate([x for x, _ in labels])
    labelled = np.concatenate([y for _, y in labels])
    pq.write_table(pa.table({"txn_id": ids, "flow": labelled}),
                   key / "ledger_labels.parquet", compression="zstd")
    _write_key(key, world, cells, flows, fixed, remap, labelled, total)
    pq.write_table(pa.table({"world_account_id": np.arange(1, n_world + 1), "ledger_account_id": remap[1:n_world + 1]}),
                   key / "ledger_account_ids.parquet", compression="zstd")
    return total


def _cells_rows(world: World, cells: list[Cell], economy: Economy, in_cell: np.ndarray, crowd: AccountArrays,
                n_world: int, texts: Texts, calendar, offs: np.ndarray) -> tuple[dict[str, np.ndarray], list[Flow]]:
    """The cells' accounts' background (same economy, same windows), their planted flows, the crowd's ad fees."""
    preset = preset_of(world)
    scale, seed, days = preset.finance, world.seed, preset.days
    merchants = [a for a in world.finance.accounts if a.kind == "merchant"]
    rows, flows = concat([]), []
    if cells:
        own = copy.copy(economy)  # same accounts and constants; draws only the cells' accounts' own rows
        own.active = in_cell
        parts = []
        for part, d0 in enumerate(range(0, days, scale.window_days)):
            d1 = min(days, d0 + scale.window_days)
            got = own.window(nprng(seed, f"finance-large-cells-window-{part}"), d0, d1, calendar)
            repay_front_salaries(got, front_employers(list(world.finance.accounts)), economy.a.desc)
            parts.append(take(got, np.flatnonzero((got["ts"] >= d0 * 86400) & (got["ts"] < d1 * 86400))))
        streams = Streams(seed)
        rows, flows = plant_cells(streams.get, lambda name: nprng(seed, name), cells, merchants, concat(parts), texts,
                                  world.epoch, days, len(world.finance.flows) + 1, scale.structuring_share)
    site = next(a for a in merchants if a.holder == "merchant:quickads")
    fees = crowd_ad_fees(nprng(seed, "finance-large-ad-fees"), crowd, n_world + 1, scale.crowd_ad_payers, site, days,
                         offs, texts)
    return concat([rows, fees]), flows


def _write_key(key: Path, world: World, cells: list[Cell], cell_flows: list[Flow], fixed: dict[str, np.ndarray],
               remap: np.ndarray, labelled: np.ndarray, total: int) -> None:
    """key/ledger_flows.parquet (every labelled flow) and key/ledger_summary.json (cells, flagged accounts)."""
    flows = {f.flow_id: f for f in (*world.finance.flows, *cell_flows)}
    per_flow = Counter(labelled.tolist())
    ids = sorted(per_flow)
    pq.write_table(pa.table({
        "flow": pa.array(ids, pa.int32()), "operation": [flows[f].operation for f in ids],
        "typology": pa.array([flows[f].typology for f in ids], pa.string()), "note": [flows[f].note for f in ids],
        "rows": pa.array([per_flow[f] for f in ids], pa.int32())}), key / "ledger_flows.parquet", compression="zstd")
    illicit = fixed["flow"] >= 0
    used = Counter(fixed["debit"][illicit].tolist()) + Counter(fixed["credit"][illicit].tolist())
    flagged = [int(remap[a]) for a in flagged_accounts(world.finance)]
    victims = []
    by_op: dict[str, Counter] = defaultdict(Counter)
    for f in ids:
        by_op[flows[f].operation][flows[f].typology or "untyped"] += per_flow[f]
    summary_cells = {}
    for cell in cells:
        accounts = {}
        for a in cell.accounts:
            ledger_id = int(remap[a.account_id])
            accounts[str(ledger_id)] = {"holder": a.holder, "role": a.role or "recruit",
                                        "illicit_rows": used[a.account_id]}
            if used[a.account_id]:
                (flagged if a.role else victims).append(ledger_id)
        o = cell.operation
        summary_cells[cell.op] = {"kind": o.kind, "cities": list(o.cities), "organiser": o.organiser,
                                  "accounts": accounts, "illicit_rows": sum(by_op[cell.op].values()),
                                  "typologies": dict(sorted(by_op[cell.op].items()))}
    summary = {
        "rows": total, "illicit_rows": int(len(labelled)), "illicit_share": round(len(labelled) / max(1, total), 6),
        "world_illicit_rows": sum(n for op, c in by_op.items() for n in c.values() if op not in summary_cells),
        "cells_illicit_rows": sum(c["illicit_rows"] for c in summary_cells.values()),
        "typologies": dict(sorted(sum(by_op.values(), Counter()).items())),
        "flagged_accounts": sorted(flagged), "victim_accounts": sorted(victims), "cells": summary_cells,
    }
    (key / "ledger_summary.json").write_text(json.dumps(summary, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                             encoding="utf-8")


def _table(rows: dict[str, np.ndarray], texts: Texts, world: World) -> pa.Table:
    epoch = np.datetime64(world.epoch.replace(tzinfo=None), "s")
    cash_d, cash_c = rows["debit"] < 0, rows["credit"] < 0
    return pa.table({
        "txn_id": rows["txn_id"],
        "time": pa.array(epoch + rows["ts"].astype("timedelta64[s]"), pa.timestamp("s", tz="UTC")),
        "channel": pa.DictionaryArray.from_arrays(rows["channel"].astype(np.int32), CHANNELS),
        "debit_account": pa.array(rows["debit"], mask=cash_d), "credit_account": pa.array(rows["credit"], mask=cash_c),
        "amount_cents": rows["amount"],
        "currency": pa.DictionaryArray.from_arrays(rows["currency"].astype(np.int32), CURRENCIES),
        "credit_amount_cents": rows["credit_amount"],
        "credit_currency": pa.DictionaryArray.from_arrays(rows["credit_currency"].astype(np.int32), CURRENCIES),
        "city": pa.DictionaryArray.from_arrays(pa.array(rows["city"].astype(np.int32), mask=rows["city"] < 0),
                                               [c.slug for c in CITIES]),
        "description": pa.DictionaryArray.from_arrays(rows["desc"], list(texts.items)),
    })


def _write_accounts(path: Path, finance, banks: list[str], remap: np.ndarray, rng: np.random.Generator,
                    n_world: int) -> None:
    """Every account of the stream, in new-id order: id, institution, number, kind, currency."""
    institution = [a.institution for a in finance.accounts] + banks
    number = [a.number for a in finance.accounts] + [""] * len(banks)
    kind = [a.kind for a in finance.accounts] + ["personal"] * len(banks)
    for slug in sorted(set(banks)):
        idx = [n_world + i for i, b in enumerate(banks) if b == slug]
        serials = rng.choice(10**9, size=len(idx), replace=False) * 10 + 9  # ends in 9: never a world serial
        for i, value in zip(idx, account_numbers(BY_SLUG[slug].code, serials), strict=True):
            number[i] = value
    order = np.argsort(remap[1:])
    pq.write_table(pa.table({
        "account_id": remap[1:][order], "institution": pa.array([institution[i] for i in order]).dictionary_encode(),
        "number": [number[i] for i in order], "kind": pa.array([kind[i] for i in order]).dictionary_encode(),
        "currency": pa.array([BY_SLUG[institution[i]].currency for i in order]).dictionary_encode(),
    }), path, compression="zstd")
