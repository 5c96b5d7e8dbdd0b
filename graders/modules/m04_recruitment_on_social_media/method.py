"""Module 04's method, one step at a time, as the notebook teaches it (``m04_social.reference_solution`` runs it).

Every step reads the tables a complete crawl collects (``m04_social.tables_from_public_db``): accounts,
posts, comments and ties of Chirp and Circle, the light platforms' profiles, and the items of QuickAds,
Companions and WorkAbroad. Nothing here reads the answer key.

The steps:

1. **Selectors in prose** — bios and posts write Telegram handles ("TG: name", "@name on Telegram") and
   phones (national or international) inside sentences; ad contact lines are read with module 03's reader.
2. **Cues in combination** — a post is a recruitment offer when it asks for a fee with an amount, or when
   its only contact is a messenger *and* it carries two more cues (free travel or housing, no experience
   needed, pay of €2,600 a month or more). One cue alone is common in honest offers and volunteers' posts.
3. **Shared handles** — the handles written in the flagged offers are the operation's; every Chirp or
   Circle account that writes one of them (bio, post, reply, comment) or reposts a flagged offer joins.
4. **Two independent ties** — an account joins when it follows or befriends two or more flagged accounts
   (one tie can be chance: a stranger the operation befriended).
5. **The front** — the company that the flagged accounts' bios and posts name most often.
6. **Enumerate, then confirm** — the same username (or its spelling family) on another platform is only a
   candidate: namesakes hold the members' handles. An account is the operation's when two of three
   independent ties hold: a selector of the operation, the person (display name or username family), the
   front (named in the bio).
7. **Links by selectors** — an account links to every ad that carries a phone or handle the account
   writes; a username never links anything.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from graders.modules.m03_linking_ads.method import CYRILLIC, read_selectors
from synth.vocab.canon import phone_candidates

MAIN_PLATFORMS = ("chirp", "circle")

# ---- Step 1: selectors written in prose -------------------------------------------------------------------

HANDLE_IN_TEXT = re.compile(r"\b(?:telegram|tg)\s*(?::\s*@?|@)\s*([a-z0-9_][a-z0-9_.]*[a-z0-9_])"
                            r"|@([a-z0-9_][a-z0-9_.]*[a-z0-9_])\s+on\s+telegram\b", re.IGNORECASE)
PHONE_IN_TEXT = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-/().]{5,}\d(?!\w)")


def handles_in(text: Any) -> set[str]:
    """Telegram handles written in a sentence, as ``telegram:<name>``.

    Only the written forms of a handle count ("Telegram @name", "TG: name", "telegram: @name",
    "@name on Telegram"): a warning saying "contact only on Telegram is a red flag" names no handle.
    """
    return {"telegram:" + (a or b).lower() for a, b in HANDLE_IN_TEXT.findall(str(text or ""))}


def phones_in(text: Any, regions: Iterable[str]) -> set[str]:
    """Every E.164 reading of the phone-like runs of a sentence.

    A bio seldom says which country a national number ("060-640-1466") belongs to, so the account's
    own country is tried first, then every country of the lab; a reading only matters if an ad carries
    it, so the extra readings cost nothing.
    """
    order = list(dict.fromkeys(regions))
    first, others = (order[0], order[1:]) if order else (None, [])
    found: set[str] = set()
    for run in PHONE_IN_TEXT.findall(str(text or "")):
        found.update(p for p in phone_candidates(run, first, others) if p.startswith("+"))
    return found


def item_selectors(contact: Any, region: str | None) -> set[str]:
    """The phones and handles of one ad's contact line (module 03's reader; WorkAbroad writes ' / ' and ', ')."""
    line = re.sub(r"\s+/\s+|,\s+|\|", " · ", str(contact or ""))
    phones, handles = read_selectors(line, region)
    return {*phones, *handles}


def item_index(items: pd.DataFrame, countries: Mapping[str, str]) -> dict[str, set[str]]:
    """{selector: refs of the ads that carry it} over every collected item."""
    index: dict[str, set[str]] = defaultdict(set)
    for ref, contact, city in zip(items["ref"], items["contact"], items["city"], strict=True):
        for selector in item_selectors(contact, countries.get(city)):
            index[selector].add(ref)
    return index


def account_texts(tables: Mapping[str, pd.DataFrame]) -> dict[str, list[str]]:
    """Everything each account wrote: its bio, its posts and replies, its comments."""
    texts: dict[str, list[str]] = defaultdict(list)
    for ref, bio in zip(tables["accounts"]["ref"], tables["accounts"]["bio"], strict=True):
        texts[ref].append(str(bio or ""))
    for frame in (tables["posts"], tables["comments"]):
        for ref, text in zip(frame["account"], frame["text"], strict=True):
            if text:
                texts[ref].append(str(text))
    return texts


def account_selectors(tables: Mapping[str, pd.DataFrame], countries: Mapping[str, str]) -> dict[str, set[str]]:
    """{account ref: the handles and phone readings of everything it wrote}."""
    lab = sorted(set(countries.values()))
    home = {ref: countries.get(city) for ref, city in zip(tables["accounts"]["ref"], tables["accounts"]["city"],
                                                          strict=True)}
    out: dict[str, set[str]] = {}
    for ref, texts in account_texts(tables).items():
        regions = [r for r in (home.get(ref), *lab) if r]
        out[ref] = {s for text in texts for s in (*handles_in(text), *phones_in(text, regions))}
    return out


# ---- Step 2: cues in combination --------------------------------------------------------------------------

FEE = re.compile(r"(fee|opłata|taxă|внесок|взнос)[^.!]{0,30}€\s?\d", re.IGNORECASE)
TRAVEL = re.compile(r"free flight|darmowy lot|zbor și cazare gratuite|безкоштовний переліт|бесплатный перелёт|"
                    r"tickets and a flat|bilety i mieszkanie|biletele și apartamentul|квитки і квартиру|"
                    r"билеты и квартиру|free travel|darmowy przejazd|transport gratuit spre|безкоштовна дорога|"
                    r"бесплатная дорога", re.IGNORECASE)
NO_EXPERIENCE = re.compile(r"no experience|bez doświadczenia|fără experiență|без досвіду|без опыта", re.IGNORECASE)
PAY = re.compile(r"€\s?(\d{1,2}),?(\d{3})")
HIGH_PAY = 2600  # euros a month: well above what the honest offers of the lab's cities pay
EMAIL_IN_TEXT = re.compile(r"\S+(?:@|\(at\)| at | \[at\] )\S+", re.IGNORECASE)


def offer_cues(text: Any) -> dict[str, bool]:
    """The indicators one post carries (ILO's indicators of deceptive recruitment, as the notebook lists them)."""
    text = str(text or "")
    handles = handles_in(text)
    without_handles = HANDLE_IN_TEXT.sub(" ", text)
    pay = max([int(a) * 1000 + int(b) for a, b in PAY.findall(text)] or [0])
    return {"fee": bool(FEE.search(text)), "travel": bool(TRAVEL.search(text)),
            "no_experience": bool(NO_EXPERIENCE.search(text)), "high_pay": pay >= HIGH_PAY,
            "messenger_only": bool(handles) and not PHONE_IN_TEXT.search(without_handles)
            and not EMAIL_IN_TEXT.search(without_handles)}


def is_recruitment_offer(text: Any) -> bool:
    """A fee with an amount, or a messenger-only contact together with two of the other cues."""
    cues = offer_cues(text)
    return cues["fee"] or (cues["messenger_only"] and cues["travel"] + cues["no_experience"] + cues["high_pay"] >= 2)


def flagged_offers(posts: pd.DataFrame) -> pd.DataFrame:
    """The Chirp and Circle posts that are recruitment offers by the combination of cues."""
    return posts[posts["text"].map(is_recruitment_offer)]


# ---- Step 3: shared handles ---------------------------------------------------------------------------------

def operation_handles(offers: pd.DataFrame) -> set[str]:
    """The handles the flagged offers send people to."""
    return {h for text in offers["text"] for h in handles_in(text)}


def accounts_writing(handles: set[str], tables: Mapping[str, pd.DataFrame]) -> set[str]:
    """Chirp and Circle accounts that write one of ``handles`` anywhere (bio, post, reply, comment)."""
    return {ref for ref, texts in account_texts(tables).items()
            if ref.split(":")[0] in MAIN_PLATFORMS and any(handles_in(t) & handles for t in texts)}


def recruitment_posts(posts: pd.DataFrame, offers: pd.DataFrame, handles: set[str]) -> list[str]:
    """The operation's posts: the flagged offers, and every other offer (not a reply or repost) that sends
    people to one of the operation's handles — the same offer written with fewer cues."""
    top = posts[posts["reply_to"].isna() & posts["repost_of"].isna()]
    same = top[top["text"].map(lambda text: bool(handles_in(text) & handles))]
    return sorted(set(offers["ref"]) | set(same["ref"]), key=_ref_order)


def reposters(posts: pd.DataFrame, offers: pd.DataFrame) -> set[str]:
    """Accounts that repost a flagged offer (a repost's own text is empty: it shows the original)."""
    return set(posts.loc[posts["repost_of"].isin(set(offers["ref"])), "account"])


# ---- Step 4: two independent ties in the follower/friend graph -------------------------------------------

def neighbours(ties: pd.DataFrame) -> dict[str, set[str]]:
    """Who is tied to whom on Chirp (follows, either way) and Circle (friends)."""
    near: dict[str, set[str]] = defaultdict(set)
    for a, b in zip(ties["a"], ties["b"], strict=True):
        near[a].add(b)
        near[b].add(a)
    return near


def two_ties(near: Mapping[str, set[str]], flagged: set[str], rounds: int = 2) -> set[str]:
    """``flagged`` plus every account tied to two or more flagged accounts (repeated ``rounds`` times).

    The notebook does this with networkx: ``len(set(G.neighbors(a)) & flagged) >= 2``. Two rounds reach an
    organiser who is friends with the members but never posts an offer; more rounds start to pull in
    the members' real friends and family.
    """
    found = set(flagged)
    for _ in range(rounds):
        found |= {ref for ref, others in near.items() if len(others & found) >= 2}
    return found


# ---- Step 5: the front -------------------------------------------------------------------------------------

def front_name(tables: Mapping[str, pd.DataFrame], flagged: set[str]) -> str:
    """The company the flagged accounts name most often (in their bios and posts).

    Candidates are the companies of WorkAbroad, the job board; without one that is named, the most
    frequent part of the flagged accounts' bios (split at ' · ') that is neither a handle nor a job word.
    """
    texts = account_texts(tables)
    mine = {ref: " ".join(texts.get(ref, ())).casefold() for ref in flagged}
    companies = {c for c in tables["items"].get("company", pd.Series(dtype=object)).dropna() if c}
    named = Counter({c: sum(c.casefold() in text for text in mine.values()) for c in companies})
    if named and max(named.values()) > 0:
        return min(named, key=lambda c: (-named[c], c))
    parts: Counter[str] = Counter()
    bios = tables["accounts"].set_index("ref")["bio"]
    for ref in flagged:
        for part in str(bios.get(ref, "")).split(" · "):
            if part and not handles_in(part) and not re.search(r"work|job|abroad|employment|agency", part, re.I):
                parts[part.strip()] += 1
    return parts.most_common(1)[0][0] if parts else ""


# ---- Step 6: enumerate usernames, confirm with two independent ties -----------------------------------------

def username_family(username: Any) -> str:
    """A username reduced to what survives variation: letters only, one Latin spelling.

    "batih.ustym" and "batih.ustim", "hanna_yerchenko" and "ganna_yerchenko" share a family.
    """
    text = "".join(CYRILLIC.get(ch, ch) for ch in str(username).lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z]", "", text)
    for old, new in (("x", "ks"), ("kh", "h"), ("g", "h"), ("ts", "c"), ("ye", "e"), ("yi", "i"), ("y", "i")):
        text = text.replace(old, new)
    return text


def plain_name(name: Any) -> str:
    """A display name compared without case, accents or spacing ("Ustim  Batig" = "ustim batig")."""
    text = unicodedata.normalize("NFKD", str(name or "").casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def enumerate_username(accounts: pd.DataFrame, username: str) -> pd.DataFrame:
    """The accounts of every platform whose username is ``username`` or of its family: candidates only.

    What a WhatsMyName-style lookup of one username across the fake internet finds, plus the spellings
    people drift into ("batih.ustym" → "batih.ustim"). Namesakes are among them.
    """
    family = username_family(username)
    same = accounts["username"].str.lower().eq(str(username).lower())
    return accounts[same | accounts["username"].map(username_family).eq(family)]


def operation_selectors(flagged: set[str], selectors: Mapping[str, set[str]],
                        index: Mapping[str, set[str]]) -> set[str]:
    """The selectors the flagged accounts write, and every selector on an ad that carries one of them."""
    own = {s for ref in flagged for s in selectors.get(ref, ())}
    ads = {item for s in own for item in index.get(s, ())}
    return own | {s for s, items in index.items() if items & ads}


def candidate_accounts(accounts: pd.DataFrame, flagged: set[str], selectors: Mapping[str, set[str]],
                       ours: set[str]) -> set[str]:
    """Accounts worth checking: the flagged accounts' usernames enumerated on every platform, and every
    account that writes one of the operation's selectors (``ours``)."""
    usernames = accounts.loc[accounts["ref"].isin(flagged), "username"]
    found = {ref for name in usernames for ref in enumerate_username(accounts, name)["ref"]}
    found |= {ref for ref, written in selectors.items() if written & ours}
    return found - flagged


def confirmed_accounts(tables: Mapping[str, pd.DataFrame], flagged: set[str], selectors: Mapping[str, set[str]],
                       index: Mapping[str, set[str]], front: str) -> set[str]:
    """The candidates (``candidate_accounts``) that two of three independent ties give to the operation.

    The selector: one of the operation's, written by the account. The person: the display name of a
    flagged account, or a username of a flagged account's family. The company: the front's name in the
    bio. A namesake has the username and nothing else, so it never passes; a username and a display
    name are one tie, not two (both come from the person's name). An account confirmed without a selector
    links no ad, so only the first rule matters for the links.
    """
    ours = operation_selectors(flagged, selectors, index)
    accounts = tables["accounts"]
    known = accounts[accounts["ref"].isin(flagged)]
    names = {plain_name(n) for n in known["display_name"]}
    families = {username_family(u) for u in known["username"]}
    candidates = candidate_accounts(accounts, flagged, selectors, ours)
    out: set[str] = set()
    for row in accounts[accounts["ref"].isin(candidates)].itertuples():
        selector = bool(selectors.get(row.ref, set()) & ours)
        person = plain_name(row.display_name) in names or username_family(row.username) in families
        company = bool(front) and front.casefold() in str(row.bio).casefold()
        if selector + person + company >= 2:
            out.add(row.ref)
    return out


# ---- Step 7: links by selectors ---------------------------------------------------------------------------

def links(accounts: Iterable[str], selectors: Mapping[str, set[str]],
          index: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """{account: the ads that carry a phone or handle the account writes}; accounts without any left out."""
    out: dict[str, list[str]] = {}
    for ref in sorted(set(accounts)):
        items = {item for s in selectors.get(ref, ()) for item in index.get(s, ())}
        if items:
            out[ref] = sorted(items, key=_ref_order)
    return out


def _ref_order(ref: str) -> tuple[str, int]:
    site, _, number = ref.partition(":")
    return site, int(number) if number.isdigit() else 0
