"""Finance generation: the large preset streamed to Parquet, beside a naive per-record loop.

Each measurement runs in a fresh process so that peak RSS is its own. The naive loop makes one dict per
transaction with ``random.Random`` and appends it to a list (then pandas → Parquet), the way a first
version is usually written; it is run on a sample and its rate extrapolated, since 10M rows would not fit.
Run: ``python -m bench.finance`` (or call ``bench_finance()`` / ``report()`` from bench/__main__.py).

After the timing run, ``leak_check`` reads the streamed ledger back (one part at a time) and repeats the leak
test of tests/world/test_finance_leaks.py on the large world: for account id, first and last time and in-,
out- and total degree alone, the AUC of the flagged accounts (key/ledger_summary.json: the world's and the
extra cells') against every other customer account must lie inside the 0.1-99.9 % range of random
labellings. It is a bench-time check: the large preset never runs in ``make test``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

LARGE = """
import glob, json, resource, sys, time
from pathlib import Path
import pyarrow.parquet as pq
from synth.generate import generate_world
start = time.perf_counter()
generate_world(int(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
seconds = time.perf_counter() - start
rows = sum(pq.read_metadata(f).num_rows for f in glob.glob(sys.argv[3] + "/public/ledger/part-*.parquet"))
labels = pq.read_metadata(sys.argv[3] + "/key/ledger_labels.parquet").num_rows
print(json.dumps({"seconds": seconds, "rows": rows, "illicit": labels,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

NAIVE = """
import json, random, resource, sys, time
from datetime import datetime, timedelta
import pandas as pd
n = int(sys.argv[1])
rng = random.Random(1)
epoch = datetime(2026, 3, 2)
start = time.perf_counter()
rows = []
for i in range(n):                       # one Python dict per transaction ...
    rows.append({"txn_id": i + 1, "time": (epoch + timedelta(seconds=rng.randrange(180 * 86400))).isoformat(),
                 "channel": rng.choice(["card", "transfer", "salary", "cash_withdrawal"]),
                 "debit": rng.randrange(1, 300_000), "credit": rng.randrange(1, 300_000),
                 "amount_cents": int(rng.lognormvariate(8, 1)), "currency": rng.choice(["EUR", "GBP", "PLN"]),
                 "description": rng.choice(["FRESHCART", "RENT", "ATM WITHDRAWAL"])})
rows.sort(key=lambda r: r["time"])      # ... sorted in memory, then written at once
pd.DataFrame(rows).to_parquet(sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - start, "rows": n,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


LEAKS = """
import glob, json, sys
import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq
world = sys.argv[1]
accounts = pq.read_table(world + "/public/ledger/accounts.parquet", columns=["account_id", "kind"])
n = int(pc.max(accounts["account_id"]).as_py()) + 1
customers = np.asarray(accounts["account_id"])[np.asarray(pc.not_equal(accounts["kind"], "merchant"))]
first, last = np.full(n, np.iinfo(np.int64).max), np.full(n, np.iinfo(np.int64).min)
indeg, outdeg = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
for part in sorted(glob.glob(world + "/public/ledger/part-*.parquet")):
    t = pq.read_table(part, columns=["time", "debit_account", "credit_account"])
    ts = np.asarray(t["time"].cast("int64"))
    for side, deg in (("debit_account", outdeg), ("credit_account", indeg)):
        ids = np.asarray(pc.fill_null(t[side], 0))
        deg += np.bincount(ids, minlength=n)
        np.minimum.at(first, ids, ts)
        np.maximum.at(last, ids, ts)
flagged = np.isin(customers, json.load(open(world + "/key/ledger_summary.json"))["flagged_accounts"])
in_world = np.isin(customers, pq.read_table(world + "/key/ledger_account_ids.parquet")["ledger_account_id"])
rng = np.random.default_rng(7)
out = {}
# "all": every customer account; "crowd": the extra customers only (the cells against their own population).
for group, keep in (("all", np.ones(len(customers), dtype=bool)), ("crowd", ~in_world)):
    ids, lab = customers[keep], flagged[keep]
    out[group] = {"flagged": int(lab.sum()), "customers": len(ids), "features": {}}
    for name, values in (("account id", ids), ("first time", first[ids]), ("last time", last[ids]),
                         ("in-degree", indeg[ids]), ("out-degree", outdeg[ids]), ("degree", (indeg + outdeg)[ids])):
        _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
        ranks = (np.cumsum(counts) - (counts - 1) / 2)[inverse]  # average ranks for ties
        k, m = int(lab.sum()), len(values)
        auc = lambda r: (r.sum() - k * (k + 1) / 2) / (k * (m - k))
        null = [auc(ranks[rng.choice(m, k, replace=False)]) for _ in range(2000)]
        lo, hi = np.quantile(null, [0.001, 0.999])
        out[group]["features"][name] = {"auc": float(auc(ranks[lab])), "low": float(lo), "high": float(hi)}
print(json.dumps(out))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_finance(preset: str = "large", seed: int = 2026, naive_rows: int = 1_000_000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        ours = _run(LARGE, str(seed), preset, str(Path(tmp) / "w"))
        leaks = _run(LEAKS, str(Path(tmp) / "w")) if Path(tmp, "w", "key", "ledger_summary.json").exists() else None
        naive = _run(NAIVE, str(naive_rows), str(Path(tmp) / "naive.parquet"))
    naive["rate"] = naive["rows"] / naive["seconds"]
    naive["mib_per_million"] = naive["peak_mib"] / (naive["rows"] / 1e6)
    return {"preset": preset, "ours": ours, "naive": naive, "leaks": leaks}


def report(result: dict) -> str:
    o, n = result["ours"], result["naive"]
    rate = o["rows"] / o["seconds"]
    projected = o["rows"] / n["rate"]
    return (f"Finance ({result['preset']}): {o['rows']:,} ledger rows ({o['illicit']:,} illicit, "
            f"{100 * o['illicit'] / o['rows']:.2f} %) — whole world incl. Parquet: {o['seconds']:.1f} s, "
            f"peak RSS {o['peak_mib']:.0f} MiB ({rate / 1e6:.2f} M rows/s)\n"
            f"Naive per-record loop: {n['rows']:,} rows in {n['seconds']:.1f} s ({n['rate'] / 1e6:.2f} M rows/s), "
            f"peak RSS {n['peak_mib']:.0f} MiB → {o['rows']:,} rows would take ~{projected:.0f} s and "
            f"~{n['mib_per_million'] * o['rows'] / 1e6 / 1024:.1f} GiB" + _leak_report(result.get("leaks")))


def _leak_report(leaks: dict | None) -> str:
    if not leaks:
        return ""
    out = ""
    for group, g in leaks.items():
        parts = [f"{name} {v['auc']:.3f}" + ("" if v["low"] <= v["auc"] <= v["high"] else " (outside)")
                 for name, v in g["features"].items()]
        width = max(max(v["high"] - 0.5, 0.5 - v["low"]) for v in g["features"].values())
        verdict = "within chance" if all("outside" not in p for p in parts) else "SOME OUTSIDE CHANCE"
        out += (f"\nLeak check, {group} ({g['flagged']:,} flagged of {g['customers']:,} customer accounts; "
                f"chance range 0.5 ± {width:.3f}): AUC " + ", ".join(parts) + f" — {verdict}")
    return out


if __name__ == "__main__":
    print(report(bench_finance(*sys.argv[1:2] or ["large"])))
