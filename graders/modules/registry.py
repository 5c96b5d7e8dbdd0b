"""The registry of course modules: every package under graders.modules with a ``spec.py``.

Course-wide code (the pipeline tests, calibration, the key-split test, the benchmarks, the self-check)
iterates over ``modules()`` instead of a hand-kept list, so adding a module is adding a package. The
registry imports only each package's ``spec`` module, which declares data and imports nothing that can
reach the answer key.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import graders.modules as _package
from graders.modules.spec_types import ModuleSpec


@cache
def modules() -> tuple[ModuleSpec, ...]:
    """Every course module, in the order of their ids."""
    found = []
    for info in pkgutil.iter_modules(_package.__path__):
        if not info.ispkg:
            continue
        spec = importlib.import_module(f"{_package.__name__}.{info.name}.spec").SPEC
        found.append(spec)
    return tuple(sorted(found, key=lambda s: s.id))


def module(module_id: str) -> ModuleSpec:
    """The module called ``module_id`` (e.g. "03-linking-ads"), or a KeyError naming the ones that exist."""
    for spec in modules():
        if spec.id == module_id:
            return spec
    raise KeyError(f"Unknown module {module_id!r}. The course has: {', '.join(s.id for s in modules())}.")
