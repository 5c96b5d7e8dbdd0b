"""Module 03's taught method: read selectors, link ads by shared selectors, names and near-duplicate text.

``reference_solution`` is the method the notebook teaches; ``naive_solution`` is what its calibration bar
must defeat (myth words and one shared phone). Both take the items a complete crawl collects
(``items_from_public_db``). Trainee-facing and key-free: module 07's case file reuses it."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx
import pandas as pd
import phonenumbers

from graders.lab.world import load_brief, load_public_db
from graders.modules.m03_linking_ads.spec import SPEC

MODULE = SPEC.id

ITEM_COLUMNS = ("ref", "site", "city", "name", "age", "contact", "text", "posted_at")


DIGIT_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "jeden": 1, "dwa": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8, "dziewięć": 9,
    "unu": 1, "doi": 2, "trei": 3, "patru": 4, "cinci": 5, "șase": 6, "șapte": 7, "opt": 8, "nouă": 9,
    "нуль": 0, "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
    "дев'ять": 9, "ноль": 0, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
}


_WORD = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, DIGIT_WORDS), key=len, reverse=True)) + r")(?!\w)",
                   re.IGNORECASE)


_LETTER_O = re.compile(r"[\dOo]*\d[\dOo]*")  # "O7700 9OO 123": an O in a run of digits is a zero


_HANDLE = re.compile(r"(?:telegram|tg)\s*:?\s*@?([\w.]+)|@([\w.]+)\s+on\s+telegram", re.IGNORECASE)


_EMAIL = re.compile(r"@|\bat\b|\(at\)|\[at\]", re.IGNORECASE)


_PART = re.compile(r"\s+·\s+")


def read_phone(text: str, region: str | None) -> str | None:
    """E.164 of one obscured phone ("+ four eight 4 nine…", emoji keycaps, "O" for 0, split in two halves).

    Never filters on ``phonenumbers.is_valid_number``: the lab's numbers come from unallocated blocks,
    so most are "invalid" although they are perfectly good selectors.
    """
    plain = text.replace("\ufe0f", "").replace("\u20e3", "")
    plain = _WORD.sub(lambda m: str(DIGIT_WORDS[m.group(1).lower()]), plain)
    plain = _LETTER_O.sub(lambda m: m.group(0).replace("O", "0").replace("o", "0"), plain)
    digits = re.sub(r"\D", "", plain)
    if len(digits) < 7:
        return None
    if plain.strip().startswith("+"):
        digits = "+" + digits
    elif digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        return phonenumbers.format_number(phonenumbers.parse(digits, region), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return digits


def read_selectors(contact: Any, region: str | None) -> tuple[list[str], list[str]]:
    """(phones in E.164, Telegram handles as 'telegram:name') written in one contact line.

    The parts of a contact line are separated by " · "; e-mail parts are skipped (their digits are
    not a phone), and a label such as "Bookings through our reception:" holds no digit anyway.
    """
    phones: list[str] = []
    handles: list[str] = []
    for part in _PART.split(str(contact or "")):
        handle = _HANDLE.search(part)
        if handle:
            handles.append("telegram:" + (handle.group(1) or handle.group(2)).lower())
        elif not _EMAIL.search(part) and (phone := read_phone(part, region)):
            phones.append(phone)
    return phones, handles


CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ь": "", "ю": "yu", "я": "ya", "ы": "y", "э": "e", "ё": "yo", "ъ": "", "'": "", "’": "",
}


NAME_ALIASES = {"olena": "elena", "paulina": "polina"}  # forms no spelling rule turns into each other


def name_key(name: Any) -> str:
    """'Alina', 'Alyna' and 'Аліна' → 'alina'; 'Kseniya', 'Xenia' → 'ksenia'; 'Yeva' → 'eva'.

    Transliterate Cyrillic, drop accents, then blur the letters spellings disagree on (y/i, j/y, w/v,
    x/ks, ph/f, c/k, doubled letters). Two different people can share a key: it is only ever used
    together with a shared contact, never alone.
    """
    text = "".join(CYRILLIC.get(ch, ch) for ch in str(name).strip().lower())
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for old, new in (("ph", "f"), ("x", "ks"), ("w", "v"), ("j", "y"), ("ch", "#"), ("c", "k"), ("#", "ch")):
        text = text.replace(old, new)
    if text.startswith("ye"):
        text = text[1:]
    text = re.sub(r"[^a-z]", "", text.replace("y", "i"))
    text = re.sub(r"(.)\1+", r"\1", text)
    return NAME_ALIASES.get(text, text)


def person_key(name: Any, age: Any) -> str:
    """Working name and stated age: what separates the victims a controller advertises with one phone."""
    try:
        age_text = str(int(age))
    except (TypeError, ValueError):
        age_text = "?"
    return f"{name_key(name)}|{age_text}"


def masked_text(text: Any, name: Any, city_names: Iterable[str]) -> str:
    """The text with its slot values blanked: the name, city names, numbers and phone digits."""
    masked = str(text or "").lower()
    for word in sorted({str(name).lower(), *(c.lower() for c in city_names)}, key=len, reverse=True):
        if word:
            masked = masked.replace(word, " ")
    masked = re.sub(r"[\d\ufe0f\u20e3+]+", " ", masked)
    return " ".join(masked.split())


def shingles(text: str, size: int = 5) -> set[str]:
    """Overlapping pieces of ``size`` characters: two texts that share most pieces say the same thing."""
    return {text[i:i + size] for i in range(max(1, len(text) - size + 1))}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@dataclass(frozen=True)
class Findings:
    """What a method answers: a person label per item, the operation's ads, its size and the circuit."""

    clusters: dict[str, str]
    operation_items: list[str]
    victim_count: int
    circuit: pd.DataFrame  # city, first_seen, last_seen


TEXT_THRESHOLD = 0.6  # masked-text Jaccard above which two ads of the same name and age are reposts


def _components(graph: nx.Graph, prefix: str) -> dict[str, str]:
    ordered = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0])
    return {ref: f"{prefix}{i}" for i, comp in enumerate(ordered, start=1) for ref in comp}


def stays(items: pd.DataFrame) -> pd.DataFrame:
    """Consecutive stays of one person's items: a new stay each time the city changes (by posting time)."""
    rows: list[dict[str, str]] = []
    ordered = items.assign(_t=pd.to_datetime(items["posted_at"], utc=True)).sort_values(["_t", "ref"])
    for city, when in zip(ordered["city"], ordered["_t"], strict=True):
        day = when.strftime("%Y-%m-%d")
        if rows and rows[-1]["city"] == city:
            rows[-1]["last_seen"] = day
        else:
            rows.append({"city": city, "first_seen": day, "last_seen": day})
    return pd.DataFrame(rows, columns=["city", "first_seen", "last_seen"])


def link_items(items: pd.DataFrame, countries: Mapping[str, str], city_names: Iterable[str]) -> pd.DataFrame:
    """The items with their selectors, person key, contact group and person (the notebook's Steps 3-6)."""
    table = items.copy().reset_index(drop=True)
    read = [read_selectors(c, countries.get(city)) for c, city in zip(table["contact"], table["city"], strict=True)]
    table["phones"] = [r[0] for r in read]
    table["handles"] = [r[1] for r in read]
    table["person_key"] = [person_key(n, a) for n, a in zip(table["name"], table["age"], strict=True)]
    names = list(city_names)
    table["shingles"] = [shingles(masked_text(t, n, names)) for t, n in zip(table["text"], table["name"], strict=True)]

    groups, people = nx.Graph(), nx.Graph()
    groups.add_nodes_from(table["ref"])
    people.add_nodes_from(table["ref"])
    carriers: dict[str, list[int]] = defaultdict(list)
    for i, (phones, handles) in enumerate(zip(table["phones"], table["handles"], strict=True)):
        for selector in dict.fromkeys([*phones, *handles]):
            carriers[selector].append(i)
    refs, keys = table["ref"].tolist(), table["person_key"].tolist()
    for rows in carriers.values():
        groups.add_edges_from((refs[a], refs[b]) for a, b in zip(rows, rows[1:], strict=False))
        by_person: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            by_person[keys[row]].append(row)
        for same in by_person.values():
            people.add_edges_from((refs[a], refs[b]) for a, b in zip(same, same[1:], strict=False))
    # Reposts whose contact could not be read: the same name, age, city and site, and near-identical text.
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(zip(table["person_key"], table["city"], table["site"], strict=True)):
        blocks[row].append(i)
    shingle_sets = table["shingles"].tolist()
    for rows in blocks.values():
        for a, b in combinations(rows, 2):
            if jaccard(shingle_sets[a], shingle_sets[b]) >= TEXT_THRESHOLD:
                people.add_edge(refs[a], refs[b])
    _link_booking_lines(table, carriers, people)
    table["group"] = table["ref"].map(_components(groups, "G"))
    table["person"] = table["ref"].map(_components(people, "P"))
    # A person linked to two groups (a phone in one ad, a handle in another) joins them.
    merged = nx.Graph()
    merged.add_nodes_from(table["group"])
    for _, sub in table.groupby("person"):
        found = sub["group"].unique().tolist()
        merged.add_edges_from(zip(found, found[1:], strict=False))
    table["group"] = table["group"].map(_components(merged, "G"))
    return table


def _link_booking_lines(table: pd.DataFrame, carriers: Mapping[str, list[int]], people: nx.Graph) -> None:
    """Match a booking-line profile with its person's QuickAds ads by name, age and city, when only one fits.

    A Companions profile whose contacts appear on no QuickAds ad and serve several names (an agency's
    reception) says nothing about who she is; her own ads elsewhere do. Name, age and city are weak
    evidence, so the link is made only when exactly one QuickAds person matches.
    """
    keys, sites = table["person_key"].tolist(), table["site"].tolist()
    on_quickads = {s for s, rows in carriers.items() if any(sites[r] == "quickads" for r in rows)}
    many_names = {s for s, rows in carriers.items() if len({keys[r] for r in rows}) >= 2}
    component = {ref: n for n, comp in enumerate(nx.connected_components(people)) for ref in comp}
    quick = table[table["site"] == "quickads"]
    by_key_city = {k: sub["ref"].tolist() for k, sub in quick.groupby(["person_key", "city"])}
    for row in table[table["site"] == "companions"].itertuples():
        selectors = {*row.phones, *row.handles}
        if not selectors or selectors & on_quickads or not selectors <= many_names:
            continue
        fits = by_key_city.get((row.person_key, row.city), [])
        if fits and len({component[ref] for ref in fits}) == 1:
            people.add_edge(row.ref, fits[0])


def group_summary(linked: pd.DataFrame) -> pd.DataFrame:
    """One row per contact group: how many people, cities, sites and ads it holds."""
    summary = linked.groupby("group").agg(people=("person", "nunique"), cities=("city", "nunique"),
                                          sites=("site", "nunique"), ads=("ref", "count"))
    summary["organised"] = (summary["people"] >= 2) & (summary["cities"] >= 2)
    return summary.sort_values(["ads", "people"], ascending=False)


def reference_solution(items: pd.DataFrame, *, start_ad: str | None = None,
                       countries: Mapping[str, str] | None = None,
                       city_names: Iterable[str] | None = None) -> Findings:
    """The module's method on a table of collected items (columns ``ITEM_COLUMNS``).

    1. read every contact line into phones (E.164) and Telegram handles;
    2. contact groups: items that share any phone or handle (union-find, here networkx components);
    3. people: inside a group, only items with the same working name (spelling-blind) and age;
       reposts with an unreadable contact join by near-identical masked text; a profile that gives
       only a booking line joins the one QuickAds person of its name, age and city;
    4. the operation: groups that advertise two or more people in two or more cities — a shared phone
       alone (the agency's booking line: many people, one city) is not enough;
    5. the circuit: the start ad's person, her items by posting time, one stay per run of one city.

    ``start_ad``, ``countries`` (city slug → ISO country, the region of national-format numbers) and
    ``city_names`` default to the world's public brief and database.
    """
    if start_ad is None:
        start_ad = load_brief(MODULE)["start_ad"]
    if countries is None or city_names is None:
        with load_public_db() as db:
            rows = db.execute("SELECT slug, name, country FROM cities").fetchall()
        countries = countries if countries is not None else {r["slug"]: r["country"] for r in rows}
        city_names = city_names if city_names is not None else [r["name"] for r in rows]
    linked = link_items(items, countries, city_names)
    summary = group_summary(linked)
    organised = linked[linked["group"].isin(summary.index[summary["organised"]])]
    start = linked.loc[linked["ref"] == start_ad, "person"]
    circuit = stays(linked[linked["person"] == start.iloc[0]]) if len(start) else stays(linked.iloc[:0])
    return Findings(clusters=dict(zip(linked["ref"], linked["person"], strict=True)),
                    operation_items=sorted(organised["ref"]), victim_count=int(organised["person"].nunique()),
                    circuit=circuit)


MYTH_WORDS = re.compile(r"new in town|just arrived|new in \w+|nowa w mie|nou[ăa] [îi]n ora|нова в міст|новенька",
                        re.IGNORECASE)


def naive_solution(items: pd.DataFrame, *, start_ad: str | None = None) -> Findings:
    """The method the calibration bar must defeat: popular myths and exact strings.

    The operation is every ad that says "new in town" (in any of the lab's languages) or states an
    age of 18-22; ads are linked only when their contact is written exactly alike; the victims are
    the distinct contacts among the flagged ads; the circuit follows the start ad's exact contact.
    """
    if start_ad is None:
        start_ad = load_brief(MODULE)["start_ad"]
    table = items.reset_index(drop=True)
    label = table["contact"].fillna("").astype(str)
    ages = pd.to_numeric(table["age"], errors="coerce")
    myth = table["text"].fillna("").str.contains(MYTH_WORDS) | ages.between(18, 22)
    flagged = table[myth]
    start = label[table["ref"] == start_ad]
    circuit = stays(table[label == start.iloc[0]]) if len(start) else stays(table.iloc[:0])
    return Findings(clusters=dict(zip(table["ref"], label, strict=True)), operation_items=sorted(flagged["ref"]),
                    victim_count=int(label[myth].nunique()), circuit=circuit)


def items_from_public_db(world_dir: Any = None) -> pd.DataFrame:
    """Every personal-services item of QuickAds and Companions in the brief's cities, as the notebook builds it.

    QuickAds' contact is the phone field, then the e-mail and messenger fields when the ad has them,
    joined by " · " as Companions writes its contact lines.
    """
    cities = load_brief(MODULE, world_dir)["cities"]
    marks = ",".join("?" * len(cities))
    with load_public_db(world_dir) as db:
        quick = pd.read_sql(
            f"SELECT ad_id, city, display_name AS name, age, phone, email, messenger, body AS text, posted_at "
            f"FROM quickads_ads WHERE category = 'personal-services' AND city IN ({marks}) ORDER BY ad_id",
            db, params=cities)
        companions = pd.read_sql(
            f"SELECT profile_id, city, name, age, contact, text, posted_at FROM companions_profiles "
            f"WHERE city IN ({marks}) ORDER BY profile_id", db, params=cities)
    quick["ref"] = "quickads:" + quick["ad_id"].astype(str)
    quick["site"] = "quickads"
    quick["contact"] = [" · ".join(v for v in row if isinstance(v, str) and v)
                        for row in zip(quick["phone"], quick["email"], quick["messenger"], strict=True)]
    companions["ref"] = "companions:" + companions["profile_id"].astype(str)
    companions["site"] = "companions"
    return pd.concat([quick[list(ITEM_COLUMNS)], companions[list(ITEM_COLUMNS)]], ignore_index=True)
