"""Hidden checks of module 04 "recruitment on social media", its reference method and the naive one it must beat.

Questions (hidden, partial credit; the written assessment is graded by hand with its rubric):

- ``score_recruiter_accounts``: F1 of the listed Chirp and Circle accounts against the operations'
  members' accounts (organisers, controllers, recruiters). Genuine volunteers, honest employers and
  licensed agencies post look-alike offers: they are the hard negatives.
- ``score_front``: the name of the labour front agency, compared without case, accents, spaces or
  punctuation; half marks for the distinctive part alone ("GoldenStaff" for "GoldenStaff International").
- ``score_account_ads``: the account-to-ad links. **Rule**: for every account the trainee links, the share
  of its listed ads that really carry a phone or handle the account writes (its precision; an account of
  no member scores 0), averaged over the trainee's linked accounts; and the *coverage*, the share of
  the operations' accounts that have any link (``account_ads`` of the key) for which at least one right
  ad is listed. Score = harmonic mean (F1) of the two × points. One right ad per account is enough to
  show the link, so an account whose phone sits on 200 reposted ads weighs no more than one with 3;
  wrong ads still cost precision. Listing ads for accounts that are not the operation's costs precision.

``reference_solution`` is the method the notebook teaches (its steps are in this package's ``method``);
``naive_solution`` is what the calibration bar must defeat: every account that posts a job offer, the
reported account's display name as the front, and links by exact username. Both take the tables a
complete crawl gives (``tables_from_public_db``). Scores never raise for a wrong answer, print no
expected value, and nothing goes to stderr (nbgrader gives 0 to a test cell that writes there).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from graders.grading.check import Check, Context, Scored
from graders.grading.key import load_brief, load_public_db
from graders.grading.metrics import clamp_points, out_of, set_f1
from graders.modules.m04_recruitment_on_social_media import answers as sa
from graders.modules.m04_recruitment_on_social_media import method
from synth.vocab.canon import canonical_name

MODULE = sa.M04
POINTS = {"recruiter_accounts": 5.0, "front": 1.0, "account_ads": 3.0}
FRONT_PART_SHARE = 0.5  # of the front's point, for its distinctive first word alone


@dataclass(frozen=True)
class Findings:
    """What a method answers: the members' Chirp/Circle accounts, the front, and account → ads links."""

    recruiter_accounts: list[str]
    front: str
    account_ads: dict[str, list[str]]
    recruitment_posts: list[str] = field(default_factory=list)  # not graded: what the notebook shows


# ---- what a complete crawl collects, straight from the public database ---------------------------------------

def tables_from_public_db(world_dir: Any = None) -> dict[str, pd.DataFrame]:
    """Every table the notebook collects, keyed by name, with refs written as the answers write them.

    ``accounts`` (ref "chirp:12", platform, account_id, username, display_name, bio, city, created_at) for
    Chirp, Circle and the light platforms; ``posts`` (ref "chirp_post:5" / "circle_post:9", platform,
    account, group_id, text, posted_at, reply_to, repost_of) of Chirp and Circle; ``comments`` (Circle:
    ref, post, account, text); ``ties`` (a, b, kind: "follows" for Chirp, a follows b; "friends" for
    Circle); ``groups`` and ``members`` of Circle; ``items`` (ref "quickads:75" / "companions:12" /
    "jobboard:3", site, city, contact, text, company) of the three ad sites; ``cities`` (slug, name, country).
    """
    with load_public_db(world_dir) as db:
        def read(sql: str) -> pd.DataFrame:
            return pd.read_sql(sql, db)

        accounts = read("SELECT platform, account_id, username, display_name, bio, city, created_at "
                        "FROM social_accounts ORDER BY platform, account_id")
        chirp = read("SELECT post_id, account_id, text, posted_at, reply_to, repost_of FROM chirp_posts "
                     "ORDER BY post_id")
        circle = read("SELECT post_id, account_id, group_id, text, posted_at FROM circle_posts ORDER BY post_id")
        comments = read("SELECT comment_id, post_id, account_id, text, posted_at FROM circle_comments "
                        "ORDER BY comment_id")
        follows = read("SELECT follower_id AS a, followee_id AS b FROM chirp_follows")
        friends = read("SELECT a_id AS a, b_id AS b FROM circle_friends")
        groups = read("SELECT group_id, name, city, kind, description FROM circle_groups ORDER BY group_id")
        members = read("SELECT group_id, account_id FROM circle_members")
        quick = read("SELECT ad_id, city, phone, email, messenger, title || '. ' || body AS text "
                     "FROM quickads_ads ORDER BY ad_id")
        companions = read("SELECT profile_id, city, contact, headline || '. ' || text AS text "
                          "FROM companions_profiles ORDER BY profile_id")
        jobs = read("SELECT post_id, city, contact, title || '. ' || body AS text, company FROM jobboard_posts "
                    "ORDER BY post_id")
        cities = read("SELECT slug, name, country FROM cities ORDER BY slug")
    accounts.insert(0, "ref", accounts["platform"] + ":" + accounts["account_id"].astype(str))

    def refs(prefix: str, values: pd.Series) -> pd.Series:
        return values.map(lambda v: None if pd.isna(v) else f"{prefix}:{int(v)}")

    chirp = chirp.assign(ref=refs("chirp_post", chirp["post_id"]), platform="chirp", group_id=None,
                         account=refs("chirp", chirp["account_id"]), reply_to=refs("chirp_post", chirp["reply_to"]),
                         repost_of=refs("chirp_post", chirp["repost_of"]))
    circle = circle.assign(ref=refs("circle_post", circle["post_id"]), platform="circle", reply_to=None,
                           repost_of=None, account=refs("circle", circle["account_id"]))
    columns = ["ref", "platform", "account", "group_id", "text", "posted_at", "reply_to", "repost_of"]
    posts = pd.concat([chirp[columns], circle[columns]], ignore_index=True)
    comments = comments.assign(ref=refs("circle_comment", comments["comment_id"]),
                               post=refs("circle_post", comments["post_id"]),
                               account=refs("circle", comments["account_id"]))[["ref", "post", "account", "text",
                                                                                 "posted_at"]]
    ties = pd.concat([follows.assign(a="chirp:" + follows["a"].astype(str), b="chirp:" + follows["b"].astype(str),
                                     kind="follows"),
                      friends.assign(a="circle:" + friends["a"].astype(str), b="circle:" + friends["b"].astype(str),
                                     kind="friends")], ignore_index=True)
    quick["contact"] = [" · ".join(v for v in row if isinstance(v, str) and v)
                        for row in zip(quick["phone"], quick["email"], quick["messenger"], strict=True)]
    items = pd.concat([quick.assign(ref="quickads:" + quick["ad_id"].astype(str), site="quickads", company=None),
                       companions.assign(ref="companions:" + companions["profile_id"].astype(str), site="companions",
                                         company=None),
                       jobs.assign(ref="jobboard:" + jobs["post_id"].astype(str), site="jobboard")],
                      ignore_index=True)[["ref", "site", "city", "contact", "text", "company"]]
    return {"accounts": accounts, "posts": posts, "comments": comments, "ties": ties, "groups": groups,
            "members": members.assign(account="circle:" + members["account_id"].astype(str)), "items": items,
            "cities": cities}


# ---- the reference method and the naive one ----------------------------------------------------------------

def reference_solution(tables: Mapping[str, pd.DataFrame]) -> Findings:
    """The module's method on the crawled tables (``tables_from_public_db``), step by step:

    1. read the selectors every account writes (prose) and every ad carries (contact lines);
    2. flag the posts that are recruitment offers by a *combination* of cues, never one cue;
    3. the flagged offers' authors, the accounts that write the offers' handles or repost the offers
       (the operation's posts: the flagged offers and the other offers sending people to those handles);
    4. every Chirp/Circle account with two independent ties (follows, friendships) to flagged accounts;
    5. the front: the company the flagged accounts name most often;
    6. other platforms: a username match is a candidate; two of three ties (a selector of the operation,
       the person's name, the front's name) confirm it;
    7. links: each account of the operation → the ads that carry a selector it writes.
    """
    countries = dict(zip(tables["cities"]["slug"], tables["cities"]["country"], strict=True))
    selectors = method.account_selectors(tables, countries)
    index = method.item_index(tables["items"], countries)
    posts = tables["posts"]
    offers = method.flagged_offers(posts)
    handles = method.operation_handles(offers)
    flagged = set(offers["account"]) | method.reposters(posts, offers) | method.accounts_writing(handles, tables)
    flagged = method.two_ties(method.neighbours(tables["ties"]), flagged)
    front = method.front_name(tables, flagged)
    others = method.confirmed_accounts(tables, flagged, selectors, index, front)
    return Findings(recruiter_accounts=sorted(flagged, key=sa.ref_order), front=front,
                    account_ads=method.links(flagged | others, selectors, index),
                    recruitment_posts=method.recruitment_posts(posts, offers, handles))


JOB_WORDS = re.compile(r"hiring|wanted|work in|work abroad|salary|zatrudni|praca|poszukujemy|angajează|muncă|"
                       r"шукає|шукаємо|робота|набирає|ищет|ищем|работа|agency|agencja|agenție|агенц|агентство|"
                       r"casting|кастинг", re.IGNORECASE)


def naive_solution(tables: Mapping[str, pd.DataFrame], *, start_account: str | None = None) -> Findings:
    """The method the calibration bar must defeat: job words and exact usernames.

    Every Chirp or Circle account that posts a job offer (any job word, in any of the lab's languages) is
    a recruiter; the front is the display name the reported account shows; an account links to every ad
    whose text or contact contains its exact username as a word.
    """
    if start_account is None:
        start_account = load_brief(MODULE)["start_account"]
    posts = tables["posts"]
    flagged = sorted(set(posts.loc[posts["text"].fillna("").str.contains(JOB_WORDS), "account"]), key=sa.ref_order)
    accounts = tables["accounts"].set_index("ref")
    front = str(accounts["display_name"].get(start_account, ""))
    items = tables["items"]
    texts = (items["text"].fillna("") + " " + items["contact"].fillna("")).str.lower().tolist()
    account_ads: dict[str, list[str]] = {}
    for ref in flagged:
        word = re.compile(r"(?<![\w.])" + re.escape(str(accounts.at[ref, "username"]).lower()) + r"(?![\w])")
        found = [item for item, text in zip(items["ref"], texts, strict=True) if word.search(text)]
        if found:
            account_ads[ref] = found
    return Findings(recruiter_accounts=flagged, front=front, account_ads=account_ads)


# ---- scoring: pure functions of an answer and the key, then the notebook's score_* wrappers ---------------

def link_scores(given: Mapping[str, set[str]], truth: Mapping[str, Any]) -> tuple[float, float, float]:
    """(precision, coverage, F1) of account → ads links against the key's ``account_ads`` (see module doc).

    Precision: per linked account, the share of its listed ads that are right, averaged over accounts.
    Coverage: the share of the key's accounts with at least one right ad listed. A world whose key has no
    link scores an empty answer 1 and any listed link 0, as ``set_f1`` does.
    """
    true = {account: set(items) for account, items in truth.items() if items}
    linked = {account: set(items) for account, items in given.items() if items}
    if not true:
        return (1.0, 1.0, 1.0) if not linked else (0.0, 0.0, 0.0)
    if not linked:
        return 0.0, 0.0, 0.0
    precision = sum(len(items & true.get(a, set())) / len(items) for a, items in linked.items()) / len(linked)
    coverage = sum(bool(linked.get(a, set()) & items) for a, items in true.items()) / len(true)
    f1 = 2 * precision * coverage / (precision + coverage) if precision + coverage else 0.0
    return precision, coverage, f1


def front_share(answer: Any, truth: str) -> float:
    """1 for the front's name (case, accents, spaces, punctuation ignored); 0.5 for its first word alone."""
    given, expected = canonical_name(answer), canonical_name(truth)
    if not given or not expected:
        return 0.0
    if given == expected:
        return 1.0
    words = sa.front_words(truth)
    return FRONT_PART_SHARE if len(words) > 1 and given == words[0] else 0.0


def grade(findings: Findings, key: Mapping[str, Any]) -> dict[str, float]:
    """Points per question for a method's findings against a module key (no printing): the calibration."""
    _, _, accounts_f1 = set_f1(findings.recruiter_accounts, key["recruiter_accounts"])
    _, _, links_f1 = link_scores({a: set(i) for a, i in findings.account_ads.items()}, key["account_ads"])
    return {"recruiter_accounts": clamp_points(accounts_f1 * POINTS["recruiter_accounts"]),
            "front": clamp_points(front_share(findings.front, key["front"]) * POINTS["front"]),
            "account_ads": clamp_points(links_f1 * POINTS["account_ads"])}


# ---- the declared checks ----------------------------------------------------------------------------------

def _recruiter_accounts(refs: list[str], ctx: Context, points: float) -> Scored:
    precision, recall, f1 = set_f1(refs, ctx.key["recruiter_accounts"])
    return Scored(f1 * points, (f"Accounts: {len(set(refs))} different accounts listed; precision {precision:.2f}, "
                                f"recall {recall:.2f}, F1 {f1:.2f} -> {out_of(f1 * points, points)}.",))


def _front(answer: str, ctx: Context, points: float) -> Scored:
    share = front_share(answer, ctx.key["front"])
    verdict = {1.0: "right", FRONT_PART_SHARE: "partly right (only part of the name)"}.get(share, "not right")
    return Scored(share * points, (f"The front's name: your answer is {verdict} -> {out_of(share * points, points)}.",))


def _account_ads(given: dict[str, set[str]], ctx: Context, points: float) -> Scored:
    precision, coverage, f1 = link_scores(given, ctx.key["account_ads"])
    return Scored(f1 * points, (
        f"Links: {sum(map(len, given.values()))} (account, ad) pairs for {len(given)} accounts; precision "
        f"{precision:.2f}, coverage of the accounts to link {coverage:.2f}, F1 {f1:.2f} "
        f"-> {out_of(f1 * points, points)}.",))


CHECKS = (
    Check(MODULE, "q1-recruiter-accounts", lambda a: [r[0] for r in sa.account_items(a) if r], _recruiter_accounts,
          "F1 of the listed accounts ('circle:12', 'Chirp 7') against the members' accounts"),
    Check(MODULE, "q2-front", sa.front_answer, _front,
          "the front's name: full points when right, half for its distinctive first word alone"),
    Check(MODULE, "q3-account-ads", sa.link_pairs, _account_ads,
          "F1 of per-account precision and coverage of the accounts to link"),
)
score_recruiter_accounts, score_front, score_account_ads = (c.run for c in CHECKS)
