"""The code's import graph, read statically from every import statement (in-function ones included).

- No import cycle anywhere in synth/ and graders/.
- The generator (synth) never imports graders.
- Trainee-facing code (graders.lab, every module's spec/answers/method and helpers, the registry, and the
  fake internet synth.web) cannot reach the answer key by any import path: not graders.grading.key, not a
  module's hidden checks, not the key's derivation (synth.key) or the generator that writes it.

Dynamic imports are few and declared: the module registry imports each module package's ``spec``, and
``ModuleSpec.submodule("name")`` imports that submodule of every module package, so a call
``.submodule("answers")`` in a file counts as an import of every module's ``answers``. The subprocess test
in tests/world/test_public_key_split.py checks the same split at run time.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("synth", "graders")
SUBMODULE_CALL = re.compile(r"""\.submodule\(\s*["'](\w+)["']\s*\)""")


def module_files() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = module_files()
COURSE_MODULES = sorted({n.split(".")[2] for n in MODULES if n.startswith("graders.modules.") and n.count(".") >= 3})


def _resolve(name: str, module: str, is_package: bool, level: int) -> str:
    if not level:
        return name
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports_of(module: str) -> set[str]:
    """Every project module that importing ``module`` may import (statically), with the packages on the way."""
    path = MODULES[module]
    source = path.read_text(encoding="utf-8")
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node.module or "", module, path.name == "__init__.py", node.level)
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    if module == "graders.modules.registry":
        found.update(f"graders.modules.{m}.spec" for m in COURSE_MODULES)
    for sub in SUBMODULE_CALL.findall(source):
        found.update(f"graders.modules.{m}.{sub}" for m in COURSE_MODULES)
    with_parents = set()
    for name in found:
        parts = name.split(".")
        with_parents.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return {n for n in with_parents if n in MODULES and n != module}


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(MODULES)
    g.add_edges_from((m, t) for m in MODULES for t in imports_of(m))
    return g


def test_the_graph_sees_imports() -> None:
    """The reader must find real imports, or every assertion below would pass on an empty graph."""
    assert "synth.build.pipeline" in imports_of("synth.generate")
    assert "graders.grading.key" in imports_of("graders.grading.check")
    assert "graders.modules.m03_linking_ads.answers" in imports_of("graders.lab.selfcheck")


def test_no_import_cycle(graph: nx.DiGraph) -> None:
    # A package's own __init__ is on the path to each of its modules; an edge from a package to one of its
    # modules (an __init__ re-exporting) would make a cycle with that, so none may exist either.
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not cycles, f"import cycles: {cycles}"


def test_the_generator_does_not_import_graders(graph: nx.DiGraph) -> None:
    leaks = sorted((m, t) for m, t in graph.edges if m.startswith("synth") and t.startswith("graders"))
    assert not leaks, f"synth imports graders: {leaks}"


def trainee_facing() -> list[str]:
    return sorted(m for m in MODULES if m.startswith(("graders.lab", "synth.web"))
                  or m in ("graders", "graders.modules", "graders.modules.registry")
                  or (m.startswith("graders.modules.") and m.count(".") >= 2 and not m.endswith(".checks")))


def is_key(module: str) -> bool:
    return (module in ("graders.grading.key", "synth.generate") or module.endswith(".checks")
            or module == "synth.key" or module.startswith("synth.key."))


def test_trainee_facing_code_cannot_reach_the_key(graph: nx.DiGraph) -> None:
    facing = trainee_facing()
    assert "graders.lab.selfcheck" in facing and "graders.modules.m07_following_the_money.casefile" in facing
    assert "synth.web.app" in facing
    reached = {m: sorted(t for t in nx.descendants(graph, m) if is_key(t)) for m in facing}
    leaks = {m: t for m, t in reached.items() if t}
    assert not leaks, f"trainee-facing modules that reach the answer key: {leaks}"


def test_hidden_checks_do_reach_the_key(graph: nx.DiGraph) -> None:
    """The other side of the split: each module's checks read the key (so the test above means something)."""
    for name in COURSE_MODULES:
        assert "graders.grading.key" in nx.descendants(graph, f"graders.modules.{name}.checks"), name


def test_vocabularies_import_nothing_else_of_the_project(graph: nx.DiGraph) -> None:
    """synth.vocab is the bottom layer: every stage, renderer, site and grader may use it, so it uses none."""
    leaks = sorted((m, t) for m, t in graph.edges
                   if m.startswith("synth.vocab") and not t.startswith("synth.vocab") and t != "synth")
    assert not leaks, f"synth.vocab imports other parts of the project: {leaks}"
