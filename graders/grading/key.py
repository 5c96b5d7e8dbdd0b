"""Access to the answer key — for hidden tests and instructor tools only.

Trainee-facing code (``graders.lab.selfcheck``, ``synth.vocab.canon``, ``graders.lab.world``, notebooks) must
never import this module; a subprocess test proves it. Public parts of the world are re-exported
here so a grader needs one import.
"""

from __future__ import annotations

import json
import os
from typing import Any

from graders.lab.world import find_world_dir, load_brief, load_public_db, resolve

__all__ = ["find_world_dir", "load_answer_key", "load_module_key", "load_public_db", "load_brief"]


def load_answer_key(world_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The world's whole answer key (key/answer_key.json)."""
    path = resolve(world_dir) / "key" / "answer_key.json"
    if not path.exists():
        raise FileNotFoundError(
            f"No answer key at {path}. Grading needs the full world directory, not only its public part."
        )
    return json.loads(path.read_text(encoding="utf-8"))


def load_module_key(module: str, world_dir: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """One module's section of the answer key, e.g. ``load_module_key("01-scraping-ad-sites")``."""
    return load_answer_key(world_dir)["modules"][module]
