"""The answer key's social parts: who owns each account, and module 04's answers.

``derive_social`` maps every account ("<platform>:<account_id>") to its owner, the owner's role and
operation, the persona it belongs to, and the selectors written in its bio, posts and comments with
the ad-site items that carry one of them. ``derive_module04`` is what module 04 grades (see
docs/world-format.md).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from synth.build.briefs import M04
from synth.vocab.platforms import CHIRP, CIRCLE, LIGHT_BY_SLUG
from synth.vocab.selectors import canonical_handle
from synth.world.model import Account, World

MEMBER_ROLES = ("organiser", "controller", "recruiter")


def _ref_key(ref: str) -> tuple[str, int]:
    site, number = ref.split(":")
    return site, int(number)


def item_index(world: World) -> dict[str, dict[str, set[str]]]:
    """{"phones": {E.164: item refs}, "handles": {canonical handle: item refs}} over QuickAds, Companions
    and WorkAbroad ("quickads:<id>", "companions:<id>", "jobboard:<id>")."""
    index: dict[str, dict[str, set[str]]] = {"phones": defaultdict(set), "handles": defaultdict(set)}
    for ad in world.ads:
        ref = f"quickads:{ad.ad_id}"
        index["phones"][ad.contact_phone].add(ref)
        if ad.messenger and "@" in ad.messenger:
            app, handle = ad.messenger.split(" ", 1)
            index["handles"][canonical_handle(app.lower(), handle)].add(ref)
    for x in world.listings:
        for phone in x.phones:
            index["phones"][phone].add(f"{x.site}:{x.listing_id}")
        for handle in x.handles:
            index["handles"][handle].add(f"{x.site}:{x.listing_id}")
    return index


def items_of(account: Account, index: dict[str, dict[str, set[str]]]) -> list[str]:
    """The ad-site items sharing a phone or a messaging handle with what ``account`` wrote."""
    refs = {r for p in account.phones for r in index["phones"].get(p, ())}
    refs |= {r for h in account.handles for r in index["handles"].get(h, ())}
    return sorted(refs, key=_ref_key)


def derive_social(world: World) -> dict[str, Any]:
    index = item_index(world)
    out = {}
    for a in sorted(world.social.accounts, key=lambda a: (a.platform, a.account_id)):
        person = world.person(a.person)
        out[a.ref] = {"person": a.person, "role": person.role, "operation": person.operation, "persona": a.persona,
                      "new": a.new, "selectors": {"phones": list(a.phones), "emails": list(a.emails),
                                                  "handles": list(a.handles)},
                      "items": items_of(a, index)}
    return out


def is_member(world: World, account: Account) -> bool:
    person = world.person(account.person)
    return person.operation is not None and person.role in MEMBER_ROLES


def derive_module04(world: World) -> dict[str, Any]:
    social = world.social
    index = item_index(world)
    labour = next(o for o in world.operations if o.kind == "labour_exploitation")
    members = [a for a in social.accounts if is_member(world, a)]
    main = sorted((a for a in members if a.platform in (CHIRP, CIRCLE)), key=lambda a: (a.platform, a.account_id))
    owners: dict[str, set[str]] = defaultdict(set)
    for a in main:
        owners[a.username.lower()].add(a.person)
    namesakes = sorted((a for a in social.accounts if a.platform in LIGHT_BY_SLUG and a.username.lower() in owners
                        and a.person not in owners[a.username.lower()]), key=lambda a: (a.platform, a.account_id))
    account_ads = {a.ref: items for a in sorted(members, key=lambda a: (a.platform, a.account_id))
                   if (items := items_of(a, index))}
    posts = [f"chirp_post:{p.post_id}" for p in social.chirp_posts if p.kind == "offer"]
    posts += [f"circle_post:{p.post_id}" for p in social.circle_posts if p.kind == "offer"]
    victims = sorted((a for a in social.accounts if world.person(a.person).role == "victim"),
                     key=lambda a: (a.platform, a.account_id))
    return {"start_account": world.briefs[M04]["start_account"], "recruiter_accounts": [a.ref for a in main],
            "front": labour.front, "account_ads": account_ads, "namesakes": [a.ref for a in namesakes],
            "member_light_accounts": sorted((a.ref for a in members if a.platform in LIGHT_BY_SLUG), key=_ref_key),
            "recruitment_posts": sorted(posts, key=_ref_key), "victim_accounts": [a.ref for a in victims]}
