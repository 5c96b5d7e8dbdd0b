"""derive_briefs: the case brief each module starts from, drawn from the world so every seed has its own.

A brief is public (public/briefs.json): it gives the trainee a lead, as a tip or an outreach worker
would, never an answer.
"""

from __future__ import annotations

from synth.network import SEX_OP
from synth.places import CITY_BY_SLUG
from synth.streams import Streams
from synth.world import Ad, Listing, Operation

M01, M02, M03 = "01-scraping-ad-sites", "02-selectors-and-normalisation", "03-linking-ads"


def derive_briefs(streams: Streams, operations: list[Operation], ads: list[Ad],
                  listings: list[Listing]) -> dict[str, dict]:
    rng = streams.get("briefs")
    ring = next(o for o in operations if o.operation_id == SEX_OP)
    hub = CITY_BY_SLUG[ring.cities[0]]
    circuit = [CITY_BY_SLUG[c] for c in ring.cities]
    victim = rng.choice(sorted(ring.victims))
    start = min((a for a in ads if a.advertised == victim and a.city == hub.slug), key=lambda a: a.posted_at)
    return {
        M01: {
            "site": "quickads", "city": hub.slug, "city_name": hub.name, "category": "personal-services",
            "category_name": "Personal services",
            "text": (f"An outreach worker in {hub.name} has told your unit that some women advertised for personal "
                     f"services on the classifieds site QuickAds may not be working for themselves: the same "
                     f"people seem to answer the phone for several of them. Before anyone is approached, your "
                     f"team needs a complete, documented copy of every personal-services ad on QuickAds in "
                     f"{hub.name}, and the phone numbers that appear under more than one name."),
        },
        M02: {
            "site": "companions",
            "text": ("The directory Companions lists people offering personal services across Europe. Its "
                     "profiles write phone numbers, e-mail addresses and messaging handles in ways meant to fool "
                     "filters. Extract every contact selector from every profile, in a standard form (phones in "
                     "E.164), so that the team can search for them on other sites."),
        },
        M03: {
            "sites": ["quickads", "companions"], "cities": [c.slug for c in circuit],
            "city_names": [c.name for c in circuit], "start_ad": f"quickads:{start.ad_id}",
            "text": (f"A woman advertised in QuickAds ad {start.ad_id} ({hub.name}) told an outreach worker that "
                     f"she is moved from city to city and that others run her ads. Link the personal-services ads "
                     f"of QuickAds and Companions in {', '.join(c.name for c in circuit)} that belong together, "
                     f"find the ads of the group behind her, estimate how many different people it advertises, "
                     f"and reconstruct where she was advertised, city by city, over time."),
        },
    }
