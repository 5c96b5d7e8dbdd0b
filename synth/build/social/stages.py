"""build_social: the social world in stages, each filling the one SocialBuilder in order.

The stages run in the order below because each reads what the earlier ones made (accounts before groups,
groups before the ties that join them, campaigns before the victims' and namesakes' accounts, bios after
everyone has an account, posts last). Each draws from its own named streams.
"""

from __future__ import annotations

from datetime import datetime

from synth.build.network import Business
from synth.build.social import (
    accounts,
    finish,
    graph,
    groups,
    pictures,
    posts,
    victims,
)
from synth.build.social.builder import SocialBuilder
from synth.build.social.personas import choose_personas
from synth.config import Preset
from synth.streams import Streams
from synth.world.model import Ad, Listing, Operation, Person


def build_social(streams: Streams, preset: Preset, epoch: datetime, people: list[Person],
                 operations: list[Operation], businesses: dict[str, Business], ads: list[Ad],
                 listings: list[Listing], studio):
    """The social world and the pictures it shows: (Social, {(site, item id): files})."""
    from synth.build.social import campaigns, namesakes

    b = SocialBuilder(streams, preset, epoch, people, operations, businesses, ads, listings)
    scale = preset.social
    b.personas = choose_personas(streams.get("personas"), people, operations, businesses, scale.online,
                                 scale.helpers, scale.employer_share, 2 if scale.online > 100 else 1)
    accounts.open_accounts(b)
    groups.build_groups(b)
    graph.build_graph(b)
    campaigns.run_campaigns(b)
    victims.add_victim_accounts(b)
    namesakes.add_namesakes(b)
    accounts.write_bios(b)
    posts.benign_posts(b)
    pictures.pictures_and_checkins(b, studio)
    return finish.finish(b)
