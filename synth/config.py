"""Presets: how big a world is and how its operations are shaped.

The dataclasses are the typed, frozen model of a scenario; the values live in TOML files
(synth/presets/*.toml, or a designer's own file given to ``osintlab generate --config``) that
synth.scenario reads and validates into them. Everything else reads these numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from synth.vocab.places import City, Country

DEFAULT_SEED = 2026


@dataclass(frozen=True)
class Indicators:
    """How often each cue is written, for criminal and for benign ads (NIJ/JRSA 2024; see the scenario bible).

    Validated cues are frequent in the ring's ads and rare in benign ones; myth cues have one rate for
    both, so flagging them cannot separate the two. A course designer makes a world harder or easier here.
    """

    # Validated cues in benign ads (the ring's templates always carry them).
    trust_benign: float = 0.12
    youth_benign: float = 0.10
    nationality_benign: float = 0.15
    # Obscured phones on the directory: the ring hides its numbers far more often.
    obscured_phone_ring: float = 0.7
    obscured_phone_benign: float = 0.25
    obscured_phone_recruiter: float = 0.6
    # Myth cues: the same rate for everyone.
    new_in_town: float = 0.25
    screening: float = 0.3
    # Share of benign advertisers in the agency's city who book through its shared line (hard negative).
    switchboard_share: float = 0.35
    # Share of benign advertisers' city stays that also get a directory profile.
    benign_crosspost: float = 0.6
    # Share of independent advertisers who add a free stock picture to their own (a hard negative for
    # photo linking), and share of those who upload the stock file unchanged rather than their own copy.
    stock_photo_share: float = 0.4
    stock_photo_unchanged: float = 0.5
    # Edits between copies of one offer: share of reposts that change the price, that start with a bump
    # line ("Back in Berlin!") and that end with a site-wide phrase (near-duplicates for module 03).
    repost_price_change: float = 0.2
    bump_line: float = 0.45
    site_phrase: float = 0.5


@dataclass(frozen=True)
class SocialIndicators:
    """How often each cue is written on the social platforms (ILO / Volodko-Cockbain for offers).

    A criminal campaign draws its cues once and repeats them word for word in every group and language;
    each always carries at least ``min_cues_criminal`` of the five labour cues (fee, messenger only, free
    flight or housing, unrealistic pay, no experience or language), because single cues mean little. Honest
    offers carry at most two, never a fee or a messenger-only contact: the combination separates them.
    """

    fee_criminal: float = 0.8
    flight_criminal: float = 0.85
    no_experience_criminal: float = 0.8
    min_cues_criminal: int = 3
    # Look-alike phrases in honest job posts (decoys for a keyword search).
    housing_honest: float = 0.3
    no_experience_honest: float = 0.35
    urgent_honest: float = 0.3
    # Volunteers who give only a messaging handle (the "messenger only" cue without any offer of work).
    messenger_volunteer: float = 0.45
    # Criminal personas' leaks: a main account follows or friends the other accounts of the operation, a
    # campaign account comments a fake testimonial under another account's offer.
    criminal_link: float = 0.8
    testimonial: float = 0.35
    # New accounts: ordinary people who joined during the timeline (newly arrived, few friends) look like
    # campaign accounts by age alone (a hard negative for "new account" as a single cue).
    new_ordinary: float = 0.1
    # Genuine namesakes per recruiter and controller: residents who hold his handle elsewhere (one handle is
    # not a link), [low, high].
    namesakes_per_member: tuple[int, int] = (1, 2)
    # Share of honest Chirp posts that followers repost, by kind (how far help and warnings travel).
    repost_help: float = 0.6
    repost_warning: float = 0.7
    repost_job: float = 0.25


@dataclass(frozen=True)
class SocialScale:
    """How many people are online and how much they post."""

    online: int  # people with at least one account, operation members and victims included
    helpers: int  # residents who help refugees online (besides the world's volunteers)
    employer_share: float  # share of employers and travel agents with company accounts
    community_groups: int  # Circle groups besides a job board per city and the refugee-help groups
    campaigns: tuple[int, int]  # campaigns per labour recruiter (each with a new account)
    groups_per_campaign: tuple[int, int]
    chirp_posts: tuple[int, int]  # own posts per ordinary Chirp account (replies and reposts come on top)
    circle_posts: tuple[int, int]  # posts per ordinary Circle account
    avatar_share: float  # share of personas with a profile picture
    album_share: float  # share of Circle accounts with a photo album of their own pictures


@dataclass(frozen=True)
class FinanceScale:
    """How much money moves (docs/finance.md).

    ``activity`` scales every benign account's rates (the default world: tens of thousands of rows).
    ``mules`` are residents whose accounts the ring uses as extra funnel accounts and ``recruits`` the people
    the labour operation charges fees: with the operations' own accounts they set the illicit share, since
    illicit rows replace background rows of those accounts (synth.build.finance.plant). ``extra_customers`` are
    bank customers outside the world's population, generated only as a stream (``large``), in windows of
    ``window_days`` days. Among them, ``extra_cells`` finance-only criminal cells (``labour_cells`` of them
    labour operations, the rest rings; synth.build.finance.cells) set the stream's illicit share, and
    ``crowd_ad_payers`` of them pay ad fees for their own listings (the benign look-alike of the cells' ad fees).
    The classroom presets' share (~1 % in ``default``) is set by ``mules`` and ``recruits`` (docs/finance.md §7).
    """

    activity: float = 0.2
    mules: int = 60
    recruits: int = 18
    crypto_users: float = 0.03
    market_buyers: int = 12
    extra_customers: int = 0
    window_days: int = 10
    extra_cells: int = 0
    labour_cells: float = 0.3
    crowd_ad_payers: float = 0.01
    # Share of the ring's cash pay-ins kept just under the cash reporting threshold (structuring); the rest
    # are round funnel-account deposits.
    structuring_share: float = 0.2
    # Booking deposits (synth.build.finance.deposits): share of the ring's ads and profiles that ask for one; share
    # of independent advertisers with a Zapply account who take deposits (the look-alike), and share of
    # their ads that say so.
    deposit_ring_share: float = 0.35
    deposit_advertisers: float = 0.4
    deposit_advertiser_ads: float = 0.8
    # Payment details in public text (synth.build.finance.mentions): travel agents with a wallet who print a LabCoin
    # address; social bios of Zapply users giving the handle and of LabCoin users giving an address; the
    # recruiters' campaign bios asking for the fee by Zapply.
    coin_agents: float = 0.5
    bio_handle: float = 0.05
    bio_address: float = 0.25
    campaign_bio_fee: float = 0.5


@dataclass(frozen=True)
class Preset:
    """The size and shape of one world."""

    name: str
    people: int
    # Ads posted by independent (benign) advertisers of personal services.
    independent_advertisers: int
    employers: int
    travel_agents: int
    # Sexual-exploitation operation: controllers and victims.
    controllers: int
    victims: int
    # Labour-exploitation operation: recruiters and the front agencies they post for.
    labour_recruiters: int
    # Days the world's timeline covers; ads are spread over it.
    days: int
    # Ads (first posting + reposts and bumps, each with small edits) per offer. An independent advertiser
    # has one offer; each city stay of a ring victim is one offer (a new city means a new draft).
    ads_per_independent: tuple[int, int]
    ads_per_victim_stay: tuple[int, int]
    ads_per_employer: tuple[int, int]
    ads_per_travel_agent: tuple[int, int]
    ads_per_recruiter: tuple[int, int]
    social: SocialScale = SocialScale(online=560, helpers=26, employer_share=0.35, community_groups=16,
                                      campaigns=(2, 3), groups_per_campaign=(6, 10), chirp_posts=(1, 9),
                                      circle_posts=(0, 4), avatar_share=0.18, album_share=0.06)
    indicators: Indicators = Indicators()
    social_cues: SocialIndicators = SocialIndicators()
    finance: FinanceScale = FinanceScale()
    # Day 0 of the timeline (UTC midnight): ads, posts and the ledger start here.
    epoch: date = date(2026, 3, 2)
    # Countries and cities a designer's config adds to the table of places (synth/presets/places.toml).
    countries: tuple[Country, ...] = ()
    cities: tuple[City, ...] = ()


class ConfigError(ValueError):
    """A preset or seed the generator cannot use; the message says what to do instead."""


def check_seed(seed: int) -> int:
    """Seeds are non-negative integers below 2**63 so that they print and hash the same everywhere."""
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
        raise ConfigError(f"The seed must be a whole number from 0 to {2**63 - 1}; got {seed!r}.")
    return seed
