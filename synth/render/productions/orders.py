"""render_productions: what an investigator receives after production orders (docs/finance.md §9).

Each bank answers in its own layout (synth.render.productions.banks and banks_euro), the payment app, the
prepaid card and the exchange in theirs (apps); an index letter lists them all.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from synth.render.productions.apps import render_app_productions
from synth.render.productions.banks_euro import LAYOUTS
from synth.render.productions.letters import index_letter
from synth.render.productions.statements import Production, customer_rows, order_refs, statement_rows
from synth.scenario import preset_of
from synth.vocab.institutions import BANKS, BY_SLUG
from synth.world.finance import Finance


def render_productions(world, public_dir: Path) -> list[Path]:
    """Write every production under ``public_dir/productions``; the files written, in order."""
    finance: Finance = world.finance
    root = Path(public_dir) / "productions"
    start = world.epoch
    end = world.epoch + timedelta(days=preset_of(world).days - 1)
    produced = end + timedelta(days=1, hours=9)
    refs = order_refs(world.seed)
    written: list[Path] = []
    for slug in BANKS:
        out = root / slug
        out.mkdir(parents=True, exist_ok=True)
        production = Production(BY_SLUG[slug], statement_rows(finance, slug, world.seed), customer_rows(finance, slug),
                                out, start, end, produced, refs[slug])
        written += LAYOUTS[slug](production)
    written += render_app_productions(world, root, start, end, produced, refs)
    index = root / "README.txt"
    index.write_text(index_letter(root, start, end), encoding="utf-8", newline="\n")
    return [*written, index]
