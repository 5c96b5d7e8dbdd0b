"""Grading for OSINT Lab: graders.lab (what trainees' notebooks import), graders.grading (nbgrader glue and
the hidden checks' machinery) and graders.modules (one package per course module).

Deprecated names. Notebooks released before the modules had their own packages import, for example,
``graders.selfcheck``, ``graders.world`` or ``graders.casefile``. Those names keep working for one
course: importing one gives the module it moved to (``MOVED`` below), with no warning (a warning in a
test cell would cost the trainee its points). Re-release the notebooks (``osintlab course release``) to
pick up the new names; these aliases will then be removed.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType

MOVED = {
    "graders.answers": "graders.lab.answers",
    "graders.canon": "synth.vocab.canon",
    "graders.casefile": "graders.modules.m07_following_the_money.casefile",
    "graders.linkanswers": "graders.modules.m03_linking_ads.answers",
    "graders.moneyanswers": "graders.modules.m07_following_the_money.answers",
    "graders.productions": "graders.lab.productions",
    "graders.selectors": "graders.modules.m02_selectors_and_normalisation.answers",
    "graders.selfcheck": "graders.lab.selfcheck",
    "graders.socialanswers": "graders.modules.m04_recruitment_on_social_media.answers",
    "graders.world": "graders.lab.world",
    "graders.m01_scraping": "graders.modules.m01_scraping_ad_sites.checks",
    "graders.m02_selectors": "graders.modules.m02_selectors_and_normalisation.checks",
    "graders.m03_linking": "graders.modules.m03_linking_ads.checks",
    "graders.m04_social": "graders.modules.m04_recruitment_on_social_media.checks",
    "graders.m07_money": "graders.modules.m07_following_the_money.checks",
}


class _MovedLoader(importlib.abc.Loader):
    """Loads a deprecated name as the module it moved to (the same module object)."""

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(MOVED[spec.name])

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the target module was executed when it was imported."""


class _MovedFinder(importlib.abc.MetaPathFinder):
    """Finds the deprecated names of MOVED, and nothing else."""

    def find_spec(self, fullname: str, path: object, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if fullname in MOVED:
            return importlib.util.spec_from_loader(fullname, _MovedLoader())
        return None


if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
    sys.meta_path.append(_MovedFinder())
