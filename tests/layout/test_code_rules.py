"""Rules of the code base that a reviewer would otherwise have to check by hand."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
# Constructors of random generators: outside synth/streams.py none may appear in the generator.
RNG_CONSTRUCTORS = re.compile(r"\brandom\.Random\(|\bRandom\(|default_rng\(|RandomState\(|\brandom\.seed\(|"
                              r"\bFaker\(|\.seed_instance\(|\bSystemRandom\(")


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in python_files("synth", "graders", "bench", "tests")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def test_random_generators_are_made_in_streams_only() -> None:
    found = [f"{p.relative_to(ROOT)}:{i}: {line.strip()}" for p in python_files("synth")
             if p.name != "streams.py" or p.parent.name != "synth"
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if RNG_CONSTRUCTORS.search(line)]
    assert not found, "random generators made outside synth/streams.py:\n" + "\n".join(found)


def test_the_rule_sees_a_generator(tmp_path: Path) -> None:
    """The pattern must catch the usual ways to make one, or the test above could never fail."""
    for line in ("rng = random.Random(7)", "g = np.random.default_rng(1)", "fake = Faker('pl_PL')",
                 "f.seed_instance(3)"):
        assert RNG_CONSTRUCTORS.search(line), line
    assert not RNG_CONSTRUCTORS.search("def draw(rng: random.Random) -> int:")


def test_nothing_refers_outside_the_repo_or_to_issue_numbers() -> None:
    pattern = re.compile(r"\.\./shared|shared/DESIGN|DESIGN\.md|\bissue #\d+|\bissues? #\d+|\(issue \d+\)")
    files = [p for p in python_files("synth", "graders", "bench", "tests") if p != Path(__file__).resolve()]
    files += sorted((ROOT / "exercises").rglob("*.py"))
    found = [f"{p.relative_to(ROOT)}:{i}" for p in files
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not found, "references outside the repo or to issue numbers: " + ", ".join(found)
