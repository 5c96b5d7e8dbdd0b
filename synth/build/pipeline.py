"""build_world: the generator's stages, in one ordered list, from a seed and a preset to a frozen World.

Each stage reads what the earlier ones made and adds its own part to one ``Draft``; the order is the
world's logic (people before roles, roles before ads, ads before the directory and the job board copy
them, pictures before the social platforms reuse them, money after everyone who pays exists, payment
details once the accounts are open, briefs last because they point at everything). Every draw comes
from a named stream of the seed (synth.streams), so a stage never shifts another stage's output.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from tqdm import tqdm

from synth.build.ads import build_ads
from synth.build.briefs import derive_briefs
from synth.build.crosspost import build_listings
from synth.build.finance.mentions import publish_payment_details
from synth.build.finance.stages import build_finance
from synth.build.gallery import Studio, build_gallery
from synth.build.network import build_network
from synth.build.people import NamePools, build_population
from synth.build.social.stages import build_social
from synth.config import Preset, check_seed
from synth.scenario import get_preset, is_builtin
from synth.streams import Streams
from synth.vocab import places
from synth.vocab.places import LOCALE_WEIGHTS
from synth.world.model import Gallery, World

EPOCH = datetime(2026, 3, 2, tzinfo=timezone.utc)  # the built-in presets' epoch (bench/); worlds read their preset's


def epoch_of(preset: Preset) -> datetime:
    """Day 0 of ``preset``'s timeline as an aware UTC datetime (the config gives a date)."""
    return datetime(preset.epoch.year, preset.epoch.month, preset.epoch.day, tzinfo=timezone.utc)


@dataclass
class Draft:
    """What the stages have built so far; each stage fills its own fields."""

    seed: int
    preset: Preset
    streams: Streams
    epoch: datetime
    pools: NamePools
    people: list[Any] = field(default_factory=list)
    operations: list[Any] = field(default_factory=list)
    businesses: dict[str, Any] = field(default_factory=dict)
    ads: list[Any] = field(default_factory=list)
    listings: list[Any] = field(default_factory=list)
    studio: Studio | None = None
    gallery: Gallery | None = None
    social: Any = None
    finance: Any = None
    briefs: dict[str, Any] = field(default_factory=dict)


def people_stage(d: Draft) -> None:
    """Everyone in the world, before anyone is given a role."""
    d.people = build_population(d.streams, d.preset.people, d.epoch.year, d.pools)


def network_stage(d: Draft) -> None:
    """Who is in the operations, and who is a benign look-alike."""
    d.people, d.operations, d.businesses = build_network(d.streams, d.people, d.preset, d.pools)


def ads_stage(d: Draft) -> None:
    """QuickAds' ads, the same offers on the directory and the job board, and the pictures they show."""
    d.ads = build_ads(d.streams, d.preset, d.epoch, d.people, d.operations, d.businesses)
    d.listings = build_listings(d.streams, d.people, d.operations, d.businesses, d.ads, d.preset.indicators)
    d.studio = Studio(d.streams.get("photos"))
    d.gallery = build_gallery(d.streams, d.preset, d.people, d.operations, d.ads, d.listings, d.studio)


def social_stage(d: Draft) -> None:
    """Chirp, Circle and the light platforms; their pictures join the gallery."""
    assert d.studio is not None and d.gallery is not None
    d.social, pictures = build_social(d.streams, d.preset, d.epoch, d.people, d.operations, d.businesses, d.ads,
                                      d.listings, d.studio)
    d.gallery = Gallery(files=dict(sorted(d.studio.files.items())), photos=dict(sorted(d.studio.photos.items())),
                        shown={**d.gallery.shown, **pictures})


def finance_stage(d: Draft) -> None:
    """The money, then the payment details that ads and profiles publish for it."""
    d.finance = build_finance(d.streams, d.preset, d.epoch, d.people, d.operations, d.businesses, d.ads, d.listings)
    d.ads, d.listings, d.social, d.finance = publish_payment_details(d.streams, d.people, d.ads, d.listings, d.social,
                                                                     d.finance, d.preset.finance)


def briefs_stage(d: Draft) -> None:
    """Each module's case brief, drawn from the finished world."""
    d.briefs = derive_briefs(d.streams, d.operations, d.ads, d.listings, d.social, d.finance)


STAGES: tuple[tuple[str, Callable[[Draft], None]], ...] = (
    ("people", people_stage),
    ("network", network_stage),
    ("ads", ads_stage),
    ("social", social_stage),
    ("finance", finance_stage),
    ("briefs", briefs_stage),
)


def build_world(seed: int, preset_name: str | Preset, progress: bool = False) -> World:
    """The world in memory; every draw comes from a named stream of ``seed``.

    ``preset_name`` is a built-in preset's name or a resolved Preset (a designer's config, synth.scenario);
    its added countries and cities are the table of places while the stages run.
    """
    preset = preset_name if isinstance(preset_name, Preset) else get_preset(preset_name)
    check_seed(seed)
    with places.using(preset.countries, preset.cities):
        draft = Draft(seed=seed, preset=preset, streams=Streams(seed), epoch=epoch_of(preset),
                      pools=NamePools(seed, list(LOCALE_WEIGHTS)))
        steps = tqdm(total=len(STAGES), desc="Building world", unit="stage", disable=not progress, file=sys.stderr)
        for _name, stage in STAGES:
            stage(draft)
            steps.update()
        steps.close()
    return World(seed=seed, preset=preset.name, epoch=draft.epoch, people=tuple(draft.people),
                 operations=tuple(draft.operations), ads=tuple(draft.ads), briefs=draft.briefs,
                 listings=tuple(draft.listings), gallery=draft.gallery, social=draft.social, finance=draft.finance,
                 scenario=None if is_builtin(preset) else preset)
