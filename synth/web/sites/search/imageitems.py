"""What a reverse image search result links to: the ad, profile, avatar's account or album that shows a picture.

Pictures are filed by ``photos.site`` (``quickads``, ``companions``, ``chirp-avatar``, ``circle-album`` …)
and item id (an ad, a profile, an account, an album). A result names the site that shows it (the owning
site, ``synth.web.pictures.owner_site``), what kind of item it is, the item's page and a title as Seekr's
text results would show it, so one avatar reused on Chirp, Circle and a light platform is found on all three.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from synth.web.context import db
from synth.web.pictures import owner_site
from synth.web.sites.search.sources import profile_path
from synth.web.wmn import PROFILE_RULES

KINDS = {"quickads": "ad", "companions": "profile"}


@dataclass(frozen=True)
class Item:
    site: str  # the site that shows it
    kind: str  # "ad", "profile", "avatar", "album"
    url: str
    title: str


def _in(ids: list[int]) -> str:
    return ", ".join("?" * len(ids))


def describe(keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], Item]:
    """The item behind each (photo site, item id); keys whose item is gone are left out."""
    wanted: dict[str, list[int]] = {}
    for photo_site, item_id in keys:
        wanted.setdefault(photo_site, []).append(item_id)
    out: dict[tuple[str, int], Item] = {}
    for photo_site, ids in wanted.items():
        if photo_site == "quickads":
            rows = db().execute(f"SELECT ad_id, title FROM quickads_ads WHERE ad_id IN ({_in(ids)})", ids)
            out.update(((photo_site, i), Item("quickads", "ad", f"/quickads/ad/{i}", t)) for i, t in rows)
        elif photo_site == "companions":
            rows = db().execute("SELECT profile_id, name || COALESCE(' — ' || headline, '') FROM companions_profiles "
                                f"WHERE profile_id IN ({_in(ids)})", ids)
            out.update(((photo_site, i), Item("companions", "profile", f"/companions/profile/{i}", t)) for i, t in rows)
        elif photo_site == "circle-album":
            rows = db().execute("SELECT al.album_id, al.title, a.username, a.display_name FROM circle_albums al "
                                "JOIN social_accounts a ON a.platform = 'circle' AND a.account_id = al.account_id "
                                f"WHERE al.album_id IN ({_in(ids)})", ids)
            out.update(((photo_site, r[0]), Item("circle", "album", f"{profile_path('circle', r[2])}/photos/{r[0]}",
                                                 f"{r[1]} — album of {r[3]}")) for r in rows)
        elif photo_site.endswith("-avatar") and owner_site(photo_site) in PROFILE_RULES:
            platform = owner_site(photo_site)
            rows = db().execute("SELECT account_id, username, display_name FROM social_accounts WHERE platform = ? "
                                f"AND account_id IN ({_in(ids)})", [platform, *ids])
            name = PROFILE_RULES[platform].name
            out.update(((photo_site, r[0]), Item(platform, "avatar", profile_path(platform, r[1]),
                                                 f"{r[2]} (@{r[1]}) on {name}")) for r in rows)
    return out
