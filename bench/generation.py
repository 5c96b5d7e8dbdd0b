"""World generation: seconds and peak memory; the people stage beside a naive per-record Faker loop."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
from synth.build.pipeline import EPOCH
from synth.generate import generate_world
start = time.perf_counter()
generate_world(int(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
# The people stage alone, the like-for-like comparison with the naive loop below.
from synth.scenario import get_preset
from synth.build.people import NamePools, build_population
from synth.vocab.places import LOCALE_WEIGHTS
from synth.streams import Streams
start = time.perf_counter()
seed = int(sys.argv[1])
build_population(Streams(seed), get_preset(sys.argv[2]).people, EPOCH.year, NamePools(seed, list(LOCALE_WEIGHTS)))
print(json.dumps({"seconds": seconds, "peak_mib": peak, "people_seconds": time.perf_counter() - start}))
"""

NAIVE = """
import json, random, resource, sys, time
from faker import Faker
n = int(sys.argv[1])
locales = ["en_GB", "uk_UA", "pl_PL", "ro_RO"]
start = time.perf_counter()
rng = random.Random(1)
people = []
for i in range(n):
    fake = Faker(rng.choice(locales))      # the naive way: a Faker per record ...
    fake.seed_instance(i)
    people.append((fake.first_name(), fake.last_name(), fake.phone_number(), fake.email(),
                   fake.user_name(), fake.city()))   # ... and several provider calls per person
print(json.dumps({"seconds": time.perf_counter() - start,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_generation(preset: str = "default", seed: int = 2026) -> dict:
    """Generate in a fresh process (so peak memory is the generator's own) and run the naive loop."""
    from synth.scenario import get_preset

    with tempfile.TemporaryDirectory() as tmp:
        ours = _run(CHILD, str(seed), preset, str(Path(tmp) / "w"))
    people = get_preset(preset).people
    naive = _run(NAIVE, str(people))
    return {"preset": preset, "people": people, "ours": ours, "naive_people_only": naive,
            "ratio": naive["seconds"] / ours["people_seconds"]}


def report(result: dict) -> str:
    o, n = result["ours"], result["naive_people_only"]
    return (f"World generation ({result['preset']}, {result['people']} people, whole world incl. ads, key, "
            f"SQLite): {o['seconds']:.2f} s, peak RSS {o['peak_mib']:.0f} MiB\n"
            f"People stage alone: {o['people_seconds']:.2f} s; a naive per-record Faker loop making the same "
            f"people: {n['seconds']:.2f} s, peak RSS {n['peak_mib']:.0f} MiB\n"
            f"  → the generator's people stage is {result['ratio']:.1f}× faster than the naive loop")


def main(argv: list[str] | None = None) -> None:
    import argparse

    from synth.scenario import PRESETS

    parser = argparse.ArgumentParser(prog="python -m bench.generation", description=__doc__)
    parser.add_argument("preset", nargs="?", default="default", choices=sorted(PRESETS),
                        help="the preset to generate (default: default); `make bench` measures default")
    print(report(bench_generation(parser.parse_args(argv).preset)))


if __name__ == "__main__":
    main()
