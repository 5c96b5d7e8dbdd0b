"""Reading module 04's answers (accounts, the front's name, account-to-ad links) — shared by self-check and grader.

A trainee may write an account as "circle:12", "Circle 12" or "circle/12" (or hand in a table with
``platform`` and ``account_id`` columns), an ad as "quickads:75", "Companions 12" or "WorkAbroad 3",
and links as a dictionary account → ads, a list of (account, ad) pairs in either order, or a table with
two columns. Both the self-check and the hidden grader read answers through these functions, so "all
right" offline means full marks later. Trainee-facing: nothing here reads the answer key.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from graders.lab.answers import AnswerShapeError, is_missing
from graders.lab.checking import CustomQuestion, Question
from graders.modules.m03_linking_ads.answers import TallyLike, set_feedback
from graders.modules.m04_recruitment_on_social_media.spec import SPEC
from synth.vocab.canon import canonical_name, item_hash
from synth.vocab.platforms import ALL_PLATFORMS

M04 = SPEC.id
PLATFORMS = ALL_PLATFORMS
ITEM_SITES = {"quickads": "quickads", "companions": "companions", "jobboard": "jobboard", "workabroad": "jobboard"}
_ACCOUNT = re.compile(r"^\s*(" + "|".join(PLATFORMS) + r")\s*[:/#\s_-]*\s*#?\s*(\d+)\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^\s*(" + "|".join(ITEM_SITES) + r")\s*[:/#\s_-]*\s*#?\s*(\d+)\s*$", re.IGNORECASE)
ACCOUNT_EXAMPLE = "['circle:12', 'chirp:7']"
LINKS_EXAMPLE = "{'circle:12': ['quickads:75', 'companions:3']} or [('circle:12', 'quickads:75')]"
ACCOUNT_COLUMNS = ("account", "account_ref", "accounts")
ITEM_COLUMNS = ("item", "ad", "item_ref", "ad_ref", "items", "ads")


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (list, tuple, set, dict)) or is_missing(value):
        return None
    return str(value)


def canonical_account(value: Any) -> str | None:
    """'circle:12' for any common way of writing Circle account 12; None when it names no account."""
    text = _text(value)
    match = _ACCOUNT.match(text) if text is not None else None
    return f"{match.group(1).lower()}:{int(match.group(2))}" if match else None


def canonical_item(value: Any) -> str | None:
    """'quickads:75', 'companions:12' or 'jobboard:3' (WorkAbroad's posts) for an ad reference; else None."""
    text = _text(value)
    match = _ITEM.match(text) if text is not None else None
    return f"{ITEM_SITES[match.group(1).lower()]}:{int(match.group(2))}" if match else None


def ref_order(ref: str) -> tuple[str, int]:
    """Sort key of a ref: platform or site, then the number ('circle:9' before 'circle:10')."""
    site, _, number = str(ref).partition(":")
    return site, int(number) if number.isdigit() else 0


def _account_values(answer: Any) -> list[Any]:
    if isinstance(answer, pd.DataFrame):
        if "ref" in answer.columns:
            return answer["ref"].tolist()
        if {"platform", "account_id"} <= set(answer.columns):
            return [f"{p}:{i}" if not (is_missing(p) or is_missing(i)) else None
                    for p, i in zip(answer["platform"], answer["account_id"], strict=True)]
        raise AnswerShapeError(f"Your table has no 'ref' column, nor 'platform' and 'account_id' columns (its "
                               f"columns: {', '.join(map(str, answer.columns))}). Give a list of accounts, for "
                               f"example {ACCOUNT_EXAMPLE}.")
    if isinstance(answer, pd.Series):
        return answer.tolist()
    if isinstance(answer, (str, bytes, Mapping)) or not isinstance(answer, Iterable):
        raise AnswerShapeError(f"Expected a list of accounts, for example {ACCOUNT_EXAMPLE}; "
                               f"got a {type(answer).__name__}.")
    return list(answer)


def account_items(answer: Any) -> list[list[str]]:
    """One list of readings per listed account (empty when an entry names no account)."""
    return [[ref] if (ref := canonical_account(v)) else [] for v in _account_values(answer)]


def front_answer(answer: Any) -> str:
    """The front's name as text (a one-element list or Series is accepted too)."""
    if isinstance(answer, (pd.Series, list, tuple)) and len(answer) == 1:
        answer = list(answer)[0]
    if isinstance(answer, bytes):
        answer = answer.decode("utf-8", "replace")
    if not isinstance(answer, str):
        raise AnswerShapeError(f"Expected the agency's name as text, for example 'Acme Staffing Ltd'; "
                               f"got a {type(answer).__name__}.")
    return answer


def front_items(answer: Any) -> list[list[str]]:
    """The front as one self-check item: its name without case, accents, spaces or punctuation."""
    name = canonical_name(front_answer(answer))
    return [[name]] if name else [[]]


def front_words(answer: Any) -> list[str]:
    """The words of a name, each as ``canonical_name`` writes it ("GoldenStaff Int." → ['goldenstaff', 'int'])."""
    text = unicodedata.normalize("NFKD", str(answer or ""))
    return [w for w in (canonical_name(part) for part in re.split(r"[\s\-_.,/&]+", text)) if w]


# ---- links -------------------------------------------------------------------------------------------------

def _pair(a: Any, b: Any) -> tuple[str, str] | None:
    """(account, ad) from two values in either order; None when they are not one account and one ad."""
    account, item = canonical_account(a), canonical_item(b)
    if account and item:
        return account, item
    account, item = canonical_account(b), canonical_item(a)
    return (account, item) if account and item else None


def _many(value: Any) -> list[Any]:
    """A cell that holds one ad or several (a list, a set, a Series, or text such as 'quickads:1, quickads:2')."""
    if isinstance(value, (list, tuple, set, frozenset, pd.Series)):
        return list(value)
    if isinstance(value, str) and re.search(r"[,;\n]", value):
        return [v for v in re.split(r"[,;\n]+", value) if v.strip()]
    return [value]


def _raw_pairs(answer: Any) -> list[tuple[Any, Any]]:
    if isinstance(answer, pd.DataFrame):
        columns = [str(c) for c in answer.columns]
        account = next((c for c in ACCOUNT_COLUMNS if c in columns), None)
        item = next((c for c in ITEM_COLUMNS if c in columns), None)
        if account is None or item is None:
            if len(columns) != 2:
                raise AnswerShapeError(f"Expected a table with two columns, 'account' and 'ad' (its columns: "
                                       f"{', '.join(columns) or 'none'}), or links such as {LINKS_EXAMPLE}.")
            account, item = answer.columns[0], answer.columns[1]
        return [(a, v) for a, cell in zip(answer[account], answer[item], strict=True) for v in _many(cell)]
    if isinstance(answer, pd.Series):
        answer = dict(zip(answer.index, answer.tolist(), strict=True))
    if isinstance(answer, Mapping):
        return [(a, v) for a, cell in answer.items() for v in _many(cell)]
    if isinstance(answer, (str, bytes)) or not isinstance(answer, Iterable):
        raise AnswerShapeError(f"Expected links such as {LINKS_EXAMPLE}; got a {type(answer).__name__}.")
    pairs = []
    for row in answer:
        if isinstance(row, Mapping):
            row = (next((row[c] for c in ACCOUNT_COLUMNS if c in row), None),
                   next((row[c] for c in ITEM_COLUMNS if c in row), None))
        if not isinstance(row, (tuple, list)) or len(row) != 2:
            raise AnswerShapeError(f"Each link should be a pair (account, ad); one is {row!r}. "
                                   f"Expected links such as {LINKS_EXAMPLE}.")
        pairs.append((row[0], row[1]))
    return pairs


def read_links(answer: Any) -> tuple[dict[str, set[str]], int]:
    """({account: ads}, number of entries that could not be read as one account and one ad)."""
    links: dict[str, set[str]] = defaultdict(set)
    unreadable = 0
    for a, b in _raw_pairs(answer):
        pair = _pair(a, b)
        if pair is None:
            unreadable += 1
        else:
            links[pair[0]].add(pair[1])
    return dict(links), unreadable


def link_pairs(answer: Any) -> dict[str, set[str]]:
    """{account: ads} from any accepted shape; unreadable entries are dropped."""
    return read_links(answer)[0]


# ---- self-check ----------------------------------------------------------------------------------------------

def feedback_recruiter_accounts(t: TallyLike) -> list[str]:
    return set_feedback(
        t, f"You listed {t.given} different accounts; {t.found} of the {t.total} Chirp and Circle accounts of the "
        "people behind the offers are among them.",
        "accounts do not belong to them. Did you flag a volunteer, an employer or a licensed agency for one cue "
        "(free rides, housing, 'no experience')? Look for cues in combination: a fee, or a messenger-only contact "
        "with two more cues.",
        "Some of their accounts are missing. Did you follow the offers' Telegram handles into bios, replies and "
        "comments, and look for accounts with two independent ties to flagged ones?",
        "Every account is there and nothing else. Well done.")


def feedback_front(t: TallyLike) -> list[str]:
    if t.found:
        return ["That is the agency the offers recruit for. Well done."]
    return ["Not quite. The front is a company, not a slogan or an account's display name: which company do the "
            "flagged accounts' bios and offers name, and which company posts the same handle on WorkAbroad? "
            "(Give its whole name as the bios write it: a part of the name earns only part of the point.)"]


def account_ads_lines(answer: Any, salt: str, questions: Mapping[str, Any]) -> list[str]:
    """The self-check of the links: the grader's precision and coverage, computed from salted hashes."""
    links, unreadable = read_links(answer)
    pairs = questions.get(f"{M04}/account-ads")
    accounts = questions.get(f"{M04}/linked-accounts")
    if pairs is None or accounts is None:
        return [f"This world has no self-check data for {M04}/account-ads; your instructor can still grade it."]
    right_pairs, right_accounts = set(pairs["hashes"]), set(accounts["hashes"])
    linked = {a: items for a, items in links.items() if items}
    right = {a: {i for i in items if item_hash(salt, f"{M04}/account-ads", f"{a}|{i}") in right_pairs}
             for a, items in linked.items()}
    lines = [f"You linked {len(linked)} accounts to {sum(map(len, linked.values()))} ads (pairs)."]
    if unreadable:
        lines.append(f"{unreadable} entries could not be read as one account and one ad and did not count.")
    if not linked:
        return lines + [f"Give links such as {LINKS_EXAMPLE}."]
    precision = sum(len(right[a]) / len(items) for a, items in linked.items()) / len(linked)
    covered = sum(1 for a in right if right[a] and item_hash(salt, f"{M04}/linked-accounts", a) in right_accounts)
    total = int(accounts["count"])
    coverage = covered / total if total else 1.0
    wrong = sum(len(items) - len(right[a]) for a, items in linked.items())
    lines.append(f"Precision {precision:.2f}: {wrong} of your pairs link an account to an ad that shares none of "
                 "its selectors, or link an account that is not the operation's.")
    lines.append(f"Coverage {coverage:.2f}: {covered} of the {total} operation accounts that can be linked have at "
                 "least one right ad in your answer.")
    if wrong:
        lines.append("Link by selectors (a phone or a Telegram handle the account writes and the ad carries), "
                     "never by a username alone.")
    if covered < total:
        lines.append("Some accounts are missing: did you look on the smaller platforms (StaffSpot, GigLane, "
                     "Swapit, …) for accounts tied to the flagged ones by a selector and a name?")
    if not wrong and covered == total:
        lines.append("Every linkable account has a right ad and no link is wrong. Well done.")
    return lines


def check_links(links: Any) -> None:
    """Print what a links answer holds — counts only, no answer (never raises).

    Public: it reads nothing but the trainee's answer, so it can sit in the visible part of a test cell.
    """
    from graders.lab.checking import quiet

    with quiet():
        try:
            read, unreadable = read_links(links)
        except AnswerShapeError as error:
            print(error)
            return
        except Exception as error:  # noqa: BLE001 - a self-check must never cost the trainee points
            print(f"The self-check could not run ({type(error).__name__}: {error}).")
            return
        sites = defaultdict(int)
        for items in read.values():
            for item in items:
                sites[item.split(":")[0]] += 1
        print(f"{len(read)} accounts linked to {sum(sites.values())} ads "
              f"({', '.join(f'{n} {s}' for s, n in sorted(sites.items())) or 'none'}).")
        if unreadable:
            print(f"{unreadable} entries are not one account and one ad, such as ('circle:12', 'quickads:75').")


# Self-checked questions (graders.lab.selfcheck finds them here); the hidden grader reads answers the same way.
SELFCHECKS = {
    f"{M04}/recruiter-accounts": Question(lambda a, _q: account_items(a), feedback_recruiter_accounts),
    f"{M04}/front": Question(lambda a, _q: front_items(a), feedback_front),
    f"{M04}/account-ads": CustomQuestion(account_ads_lines),  # the grader's precision and coverage
}
