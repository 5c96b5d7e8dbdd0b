"""What modules 03 and 04 found, ready for module 07: the ring's ads and stays, the phones on the front's posts.

Module 07 continues the case of modules 03 and 04; trainees should not have to redo them. These functions give
their results from the public site data, with the methods those modules taught (module 03's linking of ads by
phones, handles, names and text; module 04's WorkAbroad posts of the front). Trainee-facing: reads only
``public/`` (site.sqlite), never the answer key.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pandas as pd

from graders.lab.world import load_public_db
from graders.modules.m03_linking_ads import method as _linking
from graders.modules.m07_following_the_money import method as _method
from synth.vocab.canon import canonical_name

PathLike = str | os.PathLike[str] | None


def cities(world_dir: PathLike = None) -> pd.DataFrame:
    """The lab's cities: slug, name, country."""
    with load_public_db(world_dir) as db:
        return pd.read_sql("SELECT slug, name, country FROM cities ORDER BY slug", db)


def institutions(world_dir: PathLike = None) -> pd.DataFrame:
    """Banks, the app, the card programme and the exchange: slug, kind, country, currency, code (in numbers)."""
    with load_public_db(world_dir) as db:
        return pd.read_sql("SELECT slug, name, kind, country, currency, code FROM fin_institutions", db)


def ring_ads(world_dir: PathLike = None) -> pd.DataFrame:
    """Module 03: the ads (QuickAds, Companions) of the groups that advertise two or more women in two or more
    cities. Columns: ref, site, city, posted (UTC), phones (E.164), person (one label per woman), text."""
    ring = _method.ring_ads(_linking.items_from_public_db(world_dir), cities(world_dir))
    return ring[["ref", "site", "city", "posted", "phones", "person", "text"]].reset_index(drop=True)


def personal_ads(world_dir: PathLike = None) -> pd.DataFrame:
    """Every personal-services ad and profile in the brief's cities, the ring's and everyone else's (module 03's
    collection). Columns: ref, site, city, name, age, contact, text, posted_at."""
    return _linking.items_from_public_db(world_dir)


def stays(ring: pd.DataFrame) -> pd.DataFrame:
    """Module 03's circuit, for every woman: each run of her ads in one city (person, city, first, last day)."""
    full = ring.assign(posted_at=ring["posted"].dt.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return _method.stays(full)[["person", "city", "first", "last"]]


def workabroad(world_dir: PathLike = None) -> pd.DataFrame:
    """WorkAbroad's posts (module 04): post_id, city, company, contact, posted_at, body."""
    with load_public_db(world_dir) as db:
        return pd.read_sql("SELECT post_id, city, company, contact, posted_at, body FROM jobboard_posts "
                           "ORDER BY post_id", db)


def front_posts(company: str, world_dir: PathLike = None) -> pd.DataFrame:
    """Module 04: the WorkAbroad posts that name ``company`` as theirs (columns as ``workabroad``)."""
    posts = workabroad(world_dir)
    return posts[posts["company"].map(canonical_name) == canonical_name(company)].reset_index(drop=True)


def quickads(world_dir: PathLike = None) -> pd.DataFrame:
    """Every QuickAds ad's city, contact phone as written and posting time (modules 01-03)."""
    with load_public_db(world_dir) as db:
        return pd.read_sql("SELECT ad_id, city, phone AS contact, posted_at FROM quickads_ads ORDER BY ad_id", db)


def front_phones(company: str, world_dir: PathLike = None) -> set[str]:
    """Module 04: the phones (E.164) on the WorkAbroad posts that name ``company`` as theirs."""
    return _method.workabroad_phones(workabroad(world_dir), company, cities(world_dir))


def phones_on_ads(world_dir: PathLike = None) -> set[str]:
    """Every phone (E.164) on any QuickAds ad or WorkAbroad post."""
    ads = pd.concat([quickads(world_dir)[["city", "contact"]], workabroad(world_dir)[["city", "contact"]]])
    return _method.ad_phones(ads, cities(world_dir))


def ad_times(world_dir: PathLike = None) -> pd.DataFrame:
    """Every QuickAds ad's posting time (UTC) and phone (E.164), one row per ad and phone."""
    return _method.ad_times(quickads(world_dir), cities(world_dir))


def phones_of(ads: pd.DataFrame) -> set[str]:
    """The phones on a table of ads (``phones`` column of lists)."""
    return _method.phones_of(ads)


def registered_to(customers: pd.DataFrame, phones: Iterable[str]) -> set[str]:
    """Accounts (canonical: no spaces) whose KYC phone is one of ``phones``."""
    return _method.registered_to(customers, phones)
