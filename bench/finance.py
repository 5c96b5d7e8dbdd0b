"""Finance generation: the large preset streamed to Parquet, beside a naive per-record loop (issue #5).

Each measurement runs in a fresh process so that peak RSS is its own. The naive loop makes one dict per
transaction with ``random.Random`` and appends it to a list (then pandas → Parquet), the way a first
version is usually written; it is run on a sample and its rate extrapolated, since 10M rows would not fit.
Run: ``python -m bench.finance`` (or call ``bench_finance()`` / ``report()`` from bench/__main__.py).
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


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_finance(preset: str = "large", seed: int = 2026, naive_rows: int = 1_000_000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        ours = _run(LARGE, str(seed), preset, str(Path(tmp) / "w"))
        naive = _run(NAIVE, str(naive_rows), str(Path(tmp) / "naive.parquet"))
    naive["rate"] = naive["rows"] / naive["seconds"]
    naive["mib_per_million"] = naive["peak_mib"] / (naive["rows"] / 1e6)
    return {"preset": preset, "ours": ours, "naive": naive}


def report(result: dict) -> str:
    o, n = result["ours"], result["naive"]
    rate = o["rows"] / o["seconds"]
    projected = o["rows"] / n["rate"]
    return (f"Finance ({result['preset']}): {o['rows']:,} ledger rows ({o['illicit']:,} illicit, "
            f"{100 * o['illicit'] / o['rows']:.2f} %) — whole world incl. Parquet: {o['seconds']:.1f} s, "
            f"peak RSS {o['peak_mib']:.0f} MiB ({rate / 1e6:.2f} M rows/s)\n"
            f"Naive per-record loop: {n['rows']:,} rows in {n['seconds']:.1f} s ({n['rate'] / 1e6:.2f} M rows/s), "
            f"peak RSS {n['peak_mib']:.0f} MiB → {o['rows']:,} rows would take ~{projected:.0f} s and "
            f"~{n['mib_per_million'] * o['rows'] / 1e6 / 1024:.1f} GiB")


if __name__ == "__main__":
    print(report(bench_finance(*sys.argv[1:2] or ["large"])))
