# ---
# jupyter:
#   jupytext:
#     notebook_metadata_filter: -jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Module 03 — Linking ads
#
# *OSINT Lab · about 75–90 minutes · no programming experience needed*
#
# In module 01 you found phone numbers used under several names in one city. That was a lead. In this
# module you follow it: you collect the personal-services ads of **two sites** in **four cities**, work
# out which ads advertise **the same person**, find the **group behind** one woman's ads, estimate how
# many people that group advertises, and reconstruct **where she was advertised, city by city**.
#
# ## What you will learn
#
# 1. Collect two sites politely: an HTML site (QuickAds) and a JSON API (Companions).
# 2. Read phones written to fool filters ("+ four eight 4 nine…", emoji digits, "O" for zero) and
#    Telegram handles, into one standard form.
# 3. Link ads into **groups** that share a contact, with a graph (networkx).
# 4. Split a group into **people**: one phone may serve several people; one person may be written
#    "Alina", "Alyna" or "Аліна".
# 5. Measure how alike two ad texts are (near-duplicate text).
# 6. Tell an organised group from a false alarm, using **several validated indicators together** — and
#    see why the popular "new in town" cue does not work.
# 7. Rebuild a person's circuit of cities as a table.
# 8. Ask where else a picture appears (search by image), and drop stock pictures that link strangers.
#
# ## How this notebook works
#
# - Run the cells **in order, from the top** (Shift + Enter). If something gets confused:
#   *Kernel → Restart Kernel and Run All Cells*.
# - Cells with `# YOUR CODE HERE` and `raise NotImplementedError()` are yours: replace those two lines
#   with your code. Every such cell comes with hints, and the cells before it prepare what you need.
# - **Self-check** cells tell you at once how close you are, without giving the answer away.
# - Please do not rename `items`, `operation_items`, `victim_count` or `circuit`, and do not delete cells.
#
# | Question | What you hand in | Points |
# |---|---|---|
# | Q1 | a `person` column in the table `items`: which ads advertise the same person | 4 |
# | Q2 | a list `operation_items`: the ads of the group behind the woman in the brief | 4 |
# | Q3 | a number `victim_count`: how many different people that group advertises | 3 |
# | Q4 | a table `circuit`: her stays, city by city (city, first seen, last seen) | 2 |
# | Q5 | a written answer: a shared phone as a lead, and myths versus indicators | 3 |
# | | **Total** | **16** |

# %% [markdown]
# ## Step 0 — Start the training internet and read the brief
#
# The sites, people and numbers are invented and run on your own computer. You should see the address
# of the training internet, then the brief: four cities, and the QuickAds ad where the case starts.

# %% nbgrader={"grade": false, "grade_id": "start-and-brief", "locked": true, "schema_version": 3, "solution": false, "task": false}
import textwrap

from graders.lab.world import load_brief
from synth.web.launch import ensure_fake_internet

BASE = ensure_fake_internet()
print("The training internet is running at", BASE)

brief = load_brief("03-linking-ads")
CITIES = brief["cities"]        # city slugs, as the sites write them in addresses
START_AD = brief["start_ad"]    # "quickads:<number>": the ad of the woman who spoke to the outreach worker
print()
print(textwrap.fill(brief["text"], width=95))
print()
print("Cities:", ", ".join(brief["city_names"]), "   Start ad:", START_AD)

# %% [markdown]
# ## Before you start: the people behind the ads
#
# - **The woman in the brief is a possible victim, and so may be the others you find.** Your aim is to
#   understand who controls the ads — never to expose, judge or contact the people advertised. Any
#   approach is planned with victim-support services, and her safety comes first: if the group notices
#   an investigation, she may be moved or punished.
# - **Most advertisers are independent.** The large majority of these ads are posted by people working
#   for themselves. A method that flags them wrongly does real harm: use neutral words ("the person
#   advertised", "the ad", "the number") and keep your results within your team.
# - **Links are leads, not proof.** Everything you build here tells the team where to look next; it
#   does not prove that anyone is exploited or exploits anyone.
# - **Collect only what the brief needs**, politely, and keep the collection log (module 01).

# %% [markdown]
# ## Step 1 — Polite collection (from module 01)
#
# The first cell reads the sites' `robots.txt` and turns its `Request-rate` into `DELAY`, the pause
# between two requests; the second is the same `polite_get` as in module 01: it obeys `robots.txt`,
# waits between requests, waits when the site answers 429, and logs every request in `collection_log`.
# You should see the delay, for example `Waiting 0.1 s between requests.`

# %% nbgrader={"grade": false, "grade_id": "robots", "locked": true, "schema_version": 3, "solution": false, "task": false} shared="robots"
from urllib.robotparser import RobotFileParser

import requests

USER_AGENT = "OSINT-Lab-trainee"  # how our scraper introduces itself to the sites

# robots.txt: the sites' rules for automated visitors, which addresses they may fetch and how fast.
robots = RobotFileParser()
robots.parse(requests.get(BASE + "/robots.txt", timeout=30).text.splitlines())

# DELAY: the seconds to wait between two requests. "Request-rate: 10/1" (10 requests a second) gives
# 0.1 s; without it, a "Crawl-delay" gives the seconds; with no rule at all, one second is a safe choice.
rate = robots.request_rate(USER_AGENT)
crawl_delay = robots.crawl_delay(USER_AGENT)
if rate:
    DELAY = rate.seconds / rate.requests
elif crawl_delay is not None:
    DELAY = float(crawl_delay)
else:
    DELAY = 1.0
print(f"Waiting {DELAY} s between requests.")

# %% nbgrader={"grade": false, "grade_id": "polite-get", "locked": true, "schema_version": 3, "solution": false, "task": false} shared="polite_get"
import hashlib
import time
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import requests

session = requests.Session()
session.headers["User-Agent"] = USER_AGENT
collection_log = []  # one entry per request: what we fetched, when, and what came back
last_request = 0.0   # when we sent the previous request (seconds on the computer's clock)

TRIES = 6                 # how many times we ask for one page before we give up
RETRY_AFTER_DEFAULT = 5   # seconds to wait after a 429 that does not say how long


def polite_get(url, headers=None, follow_redirects=True):
    """Fetch url politely, the same way in every module, and note the request in collection_log.

    1. Refuse any address that robots.txt does not allow (a PermissionError says so).
    2. Wait until DELAY seconds have passed since our previous request.
    3. If the site still answers 429 Too Many Requests, wait as long as its Retry-After header says
       (5 seconds if it does not say), then ask again. After six such answers for the same page, stop
       with an error: a refusal must never be taken for the page itself.
    4. Note every request, refusals included, in collection_log: the time (UTC), the address, the
       status code and a SHA-256 fingerprint of what came back.

    Two options, for module 04: headers= sends extra headers (an API key), and follow_redirects=False
    hands back a redirect answer (301, 302) instead of following it.
    """
    global last_request
    if not robots.can_fetch(USER_AGENT, url):
        raise PermissionError(f"robots.txt does not allow {url}")
    for attempt in range(1, TRIES + 1):
        pause = last_request + DELAY - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        last_request = time.monotonic()
        response = session.get(url, headers=headers, allow_redirects=follow_redirects, timeout=30)
        collection_log.append({
            "fetched_at_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "url": url,
            "status": response.status_code,
            "sha256": hashlib.sha256(response.content).hexdigest(),
        })
        if response.status_code != 429:
            return response
        if attempt < TRIES:
            wait = retry_after_seconds(response)
            print(f"The site asked us to slow down (429): waiting {wait:.0f} s, then trying again.")
            time.sleep(wait)
    raise RuntimeError(f"The site answered 429 (too many requests) {TRIES} times for {url}. "
                       "Wait a minute, then run the cell again.")


def retry_after_seconds(response):
    """How long a 429 answer asks us to wait: its Retry-After header, in seconds or as a date."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return int(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return RETRY_AFTER_DEFAULT


# %% [markdown]
# ## Step 2 — Collect QuickAds in the four cities
#
# For each city we follow the personal-services listing page by page (the "Next" link), then fetch
# every ad page and read its details, as in module 01 — now also the age, the e-mail and messenger
# fields (when the ad has them) and the whole text of the ad.
#
# This cell fetches one page per ad: **about two minutes** at the site's pace (some 1,200 requests at
# 10 per second). The `[*]` beside the cell shows it is busy — a good moment to read Steps 3 and 4.
# You should see, for each city, how many ads were collected.

# %% nbgrader={"grade": false, "grade_id": "collect-quickads", "locked": true, "schema_version": 3, "solution": false, "task": false}
from urllib.parse import urljoin

import pandas as pd
from bs4 import BeautifulSoup


def parse_ad(html):
    # The details of one QuickAds ad page (fields that an ad does not have come back as None).
    soup = BeautifulSoup(html, "html.parser")

    def text_of(css):
        tag = soup.select_one(css)
        return tag.get_text(strip=True) if tag else None

    age = text_of(".field-age")
    return {
        "ad_id": int(text_of(".field-id")),
        "city": soup.select_one(".field-city")["data-slug"],
        "name": text_of(".field-name"),
        "age": int(age) if age else None,
        "phone": text_of(".field-phone"),
        "email": text_of(".field-email"),
        "messenger": text_of(".field-messenger"),
        "text": soup.select_one(".ad-body").get_text(),
        "posted_at": soup.select_one(".field-posted time")["datetime"],
    }


quickads_rows = []
for city in CITIES:
    url, ad_urls = f"{BASE}/quickads/ads?city={city}&category=personal-services", []
    while url is not None:
        page = BeautifulSoup(polite_get(url).text, "html.parser")
        ad_urls += [urljoin(url, a["href"]) for a in page.select("article.ad-card a.ad-title")]
        next_link = page.select_one('a[rel="next"]')
        url = urljoin(url, next_link["href"]) if next_link else None
    for ad_url in ad_urls:
        response = polite_get(ad_url)
        if response.status_code == 200:
            quickads_rows.append(parse_ad(response.text))
        else:
            print("Could not collect", ad_url, "- status", response.status_code)
    print(f"{city}: {len(ad_urls)} ads")

quickads = pd.DataFrame(quickads_rows).drop_duplicates(subset="ad_id")
print("QuickAds:", len(quickads), "ads in", len(collection_log), "requests")

# %% [markdown]
# ## Step 3 — Collect Companions through its API
#
# Companions builds its listing in the browser from a **JSON API** (open the site, then the browser's
# developer tools, *Network* tab, to see it; the documentation is at `/companions/api/`). An API answers
# with data instead of a web page, which is easier to read than HTML:
#
# - `/companions/api/v1/cities` — the cities, with their **country** (we need it to read phone numbers
#   written without a country code);
# - `/companions/api/v1/profiles?city=…&per_page=50` — up to 50 profiles per page, and in `next` the
#   address of the following page (or `null` on the last one);
# - `/companions/api/v1/profiles/<id>` — one profile with every field, including its text and contact.
#
# `.json()` turns the answer into Python dictionaries and lists. You should see how many profiles each
# city has, and one profile in full.

# %% nbgrader={"grade": false, "grade_id": "collect-companions", "locked": true, "schema_version": 3, "solution": false, "task": false}
city_list = polite_get(f"{BASE}/companions/api/v1/cities").json()["items"]
COUNTRY = {c["slug"]: c["country"] for c in city_list}      # "london" -> "GB"
CITY_NAMES = {c["slug"]: c["name"] for c in city_list}      # "london" -> "London"

profile_rows = []
for city in CITIES:
    url, ids = f"{BASE}/companions/api/v1/profiles?city={city}&per_page=50", []
    while url:
        page = polite_get(url).json()
        ids += [item["id"] for item in page["items"]]
        url = page["next"]
    for profile_id in ids:
        response = polite_get(f"{BASE}/companions/api/v1/profiles/{profile_id}")
        if response.status_code == 200:
            profile_rows.append(response.json())
        else:
            print("Could not collect profile", profile_id, "- status", response.status_code)
    print(f"{city}: {len(ids)} profiles")

companions = pd.DataFrame(profile_rows).drop_duplicates(subset="id")
companions[["id", "city", "name", "age", "contact", "posted_at"]].head(3)


# %% [markdown]
# ## Step 4 — One table for both sites
#
# From now on every ad or profile is an **item** with a reference such as `quickads:75` or
# `companions:12`, so that both sites fit in one table, `items`. The column `contact` holds everything
# an item gives to reach the advertiser, exactly as written (for QuickAds: the phone field, then the
# e-mail and messenger fields when there are any, separated by " · ", as Companions writes them).
# You should see about 1,200 items and the first five rows.

# %% nbgrader={"grade": false, "grade_id": "items-table", "locked": true, "schema_version": 3, "solution": false, "task": false}
def joined(*parts):
    return " · ".join(p for p in parts if isinstance(p, str) and p)


quick_items = pd.DataFrame({
    "ref": "quickads:" + quickads["ad_id"].astype(str),
    "site": "quickads",
    "city": quickads["city"],
    "name": quickads["name"],
    "age": quickads["age"],
    "contact": [joined(p, e, m) for p, e, m in zip(quickads["phone"], quickads["email"], quickads["messenger"])],
    "text": quickads["text"],
    "posted_at": quickads["posted_at"],
})
companion_items = pd.DataFrame({
    "ref": "companions:" + companions["id"].astype(str),
    "site": "companions",
    "city": companions["city"],
    "name": companions["name"],
    "age": companions["age"],
    "contact": companions["contact"],
    "text": companions["text"],
    "posted_at": companions["posted_at"],
})
items = pd.concat([quick_items, companion_items], ignore_index=True)
print(len(items), "items:", (items["site"] == "quickads").sum(), "QuickAds ads and",
      (items["site"] == "companions").sum(), "Companions profiles")
items.head()

# %% [markdown]
# ## Step 5 — Read the contacts into a standard form
#
# Look at some Companions contacts: the same kind of number is written with words, spaces, emoji digits
# or the letter O instead of zero, and often followed by a Telegram handle. Compared as written, no two
# of them would ever match. Module 02 taught how to read them; the function below does it for you:
#
# 1. emoji digits become digits; digit **words** in the lab's languages (`four`, `cztery`, `чотири`…)
#    become digits; an `O` among digits becomes `0`;
# 2. only the digits are kept (and a leading `+`; `00` at the start means `+`);
# 3. `phonenumbers` turns the number into **E.164** (`+48491815127`); a number written without a
#    country code belongs to the country of the ad's city. We never throw a number away because
#    `phonenumbers.is_valid_number()` says False: the lab's numbers are deliberately unallocated;
# 4. handles such as `TG: lux_lon67` or `@lux_lon67 on Telegram` become `telegram:lux_lon67`, and parts
#    that are e-mail addresses are skipped.
#
# You should see contacts as written next to the phones and handles read from them.

# %% nbgrader={"grade": false, "grade_id": "read-contacts", "locked": true, "schema_version": 3, "solution": false, "task": false}
import re

import phonenumbers

DIGIT_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "jeden": 1, "dwa": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8, "dziewięć": 9,
    "unu": 1, "doi": 2, "trei": 3, "patru": 4, "cinci": 5, "șase": 6, "șapte": 7, "opt": 8, "nouă": 9,
    "нуль": 0, "один": 1, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
    "дев'ять": 9, "ноль": 0, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
}
WORD = re.compile(r"(?<!\w)(" + "|".join(sorted(DIGIT_WORDS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
LETTER_O = re.compile(r"[\dOo]*\d[\dOo]*")    # a run of digits that may hold the letter O
HANDLE = re.compile(r"(?:telegram|tg)\s*:?\s*@?([\w.]+)|@([\w.]+)\s+on\s+telegram", re.IGNORECASE)
EMAIL = re.compile(r"@|\bat\b|\(at\)|\[at\]", re.IGNORECASE)


def read_phone(text, country):
    # One phone, however obscured, in E.164 form (None when there are too few digits).
    plain = text.replace("\ufe0f", "").replace("\u20e3", "")            # emoji keycaps -> plain digits
    plain = WORD.sub(lambda m: str(DIGIT_WORDS[m.group(1).lower()]), plain)
    plain = LETTER_O.sub(lambda m: m.group(0).replace("O", "0").replace("o", "0"), plain)
    digits = re.sub(r"\D", "", plain)
    if len(digits) < 7:
        return None
    if plain.strip().startswith("+"):
        digits = "+" + digits
    elif digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        number = phonenumbers.parse(digits, country)
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return digits


def read_contact(contact, country):
    # Every phone and Telegram handle in a contact line, as a list of standard "selectors".
    selectors = []
    for part in re.split(r"\s+·\s+", contact or ""):
        handle = HANDLE.search(part)
        if handle:
            selectors.append("telegram:" + (handle.group(1) or handle.group(2)).lower())
        elif not EMAIL.search(part):
            phone = read_phone(part, country)
            if phone:
                selectors.append(phone)
    return selectors


items["selectors"] = [read_contact(c, COUNTRY[city]) for c, city in zip(items["contact"], items["city"])]
items.loc[items["site"] == "companions", ["contact", "selectors"]].head(8)

# %% [markdown]
# ## Step 6 — Contact groups: a graph of shared contacts
#
# Think of every item as a dot, and draw a line between two dots when they share a phone or a handle.
# Dots joined directly or through others form a **connected component**: here we call it a **contact
# group**. `networkx` builds this *graph* and finds its components for us. (Investigators call the
# same idea *union-find*: keep merging groups that share something.)
#
# You should see the number of contact groups, then the groups with the most **different names** in
# them: how many ads, names, cities and sites each holds.

# %% nbgrader={"grade": false, "grade_id": "contact-groups", "locked": true, "schema_version": 3, "solution": false, "task": false}
import networkx as nx

carriers = {}  # selector -> the items that carry it
for ref, selectors in zip(items["ref"], items["selectors"]):
    for selector in set(selectors):
        carriers.setdefault(selector, []).append(ref)

contacts = nx.Graph()
contacts.add_nodes_from(items["ref"])
for refs in carriers.values():
    contacts.add_edges_from(zip(refs, refs[1:]))   # chain the items that share this selector

group_of = {}
for number, component in enumerate(nx.connected_components(contacts), start=1):
    for ref in component:
        group_of[ref] = f"G{number}"
items["group"] = items["ref"].map(group_of)
print(items["group"].nunique(), "contact groups")

groups = items.groupby("group").agg(
    ads=("ref", "count"), names=("name", "nunique"), cities=("city", "nunique"), sites=("site", "nunique"),
    names_seen=("name", lambda s: ", ".join(sorted(set(s)))),
)
groups.sort_values(["names", "ads"], ascending=False).head(8)

# %% [markdown]
# ### What the biggest groups mean
#
# A group with many names looks like "one person controls many women". Look closer at each of them,
# with the next cell (it shows the group with the most names; change `which` to look at another):
#
# - some groups span **several cities and both sites**, with one phone *and* a Telegram handle for two
#   or three names — each name moving from city to city;
# - a group can also hold **many names in one city, only on Companions**, with a contact line like
#   *"Bookings through our reception: …"*. Check those names on QuickAds: each of them advertises there
#   with **her own number and her own words**. This is an agency's shared booking line used by
#   unrelated, independent advertisers: a **false cluster**. A shared phone is a lead — never proof.
#
# You should see the ads of one group: site, city, name, age and contact as written.

# %% nbgrader={"grade": false, "grade_id": "look-at-a-group", "locked": true, "schema_version": 3, "solution": false, "task": false}
which = groups.sort_values(["names", "ads"], ascending=False).index[0]
items.loc[items["group"] == which, ["ref", "site", "city", "name", "age", "contact"]].head(12)

# %% [markdown]
# ## Step 7 — From contact groups to people
#
# A controller advertises several women with **one** phone, so a contact group is not a person. What
# tells the women apart is the **working name** and the **stated age**, which stay the same from ad to
# ad for one person. But the same name is spelled differently across sites: *Alina* / *Alyna*, *Yana* /
# *Jana*, *Eva* / *Yeva*, and in Cyrillic *Аліна*. The function `name_key` gives one key to all the
# spellings of a name: it transliterates Cyrillic, drops accents, and blurs the letters that spellings
# disagree on (y/i, j/y, w/v, x/ks, ph/f, c/k, doubled letters). A few names have forms that no rule
# links (*Olena* is the Ukrainian form of *Elena*): a small table handles those.
#
# `person_key` = name key + age. On its own it proves nothing (two different people can both be
# "Mila, 24"); we only use it **together with a shared contact**. You should see names whose spellings
# differ but share one key.

# %% nbgrader={"grade": false, "grade_id": "name-keys", "locked": true, "schema_version": 3, "solution": false, "task": false}
import unicodedata

CYRILLIC = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh", "з": "z",
            "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
            "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
            "щ": "shch", "ь": "", "ю": "yu", "я": "ya", "ы": "y", "э": "e", "ё": "yo", "ъ": "", "'": "", "’": ""}
SAME_NAME = {"olena": "elena", "paulina": "polina"}   # forms that no spelling rule links


def name_key(name):
    key = "".join(CYRILLIC.get(ch, ch) for ch in str(name).strip().lower())
    key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    for old, new in [("ph", "f"), ("x", "ks"), ("w", "v"), ("j", "y"), ("ch", "#"), ("c", "k"), ("#", "ch")]:
        key = key.replace(old, new)
    if key.startswith("ye"):
        key = key[1:]
    key = re.sub(r"[^a-z]", "", key.replace("y", "i"))
    key = re.sub(r"(.)\1+", r"\1", key)          # "Bella" -> "bela"
    return SAME_NAME.get(key, key)


def person_key(name, age):
    return f"{name_key(name)}|{int(age) if pd.notna(age) else '?'}"


items["person_key"] = [person_key(n, a) for n, a in zip(items["name"], items["age"])]
spellings = items.groupby(items["name"].map(name_key))["name"].unique()
spellings[spellings.map(len) > 1].head(10)

# %% [markdown]
# ## Step 8 — Near-duplicate text
#
# Ads of one person are reposted again and again with small changes; the ads of a group may be written
# from one **template** whose slots change (name, age, city, price, phone). To compare texts fairly, we
# first **mask the slot values** (the name, city names, every number), then cut each text into
# overlapping pieces of 5 characters (*shingles*) and measure the **Jaccard similarity**: the number of
# pieces two texts share, divided by the number of different pieces in both. 1.0 means identical,
# 0 means nothing in common.
#
# We use it as one more link between items of the **same name and age, same city and same site**: two
# near-identical ads (similarity ≥ 0.6) are reposts of one person even if their contact could not be
# read. You should see the similarity of two reposts of the start ad's person, and of two unrelated ads.

# %% nbgrader={"grade": false, "grade_id": "near-duplicates", "locked": true, "schema_version": 3, "solution": false, "task": false}
import itertools


def masked(text, name):
    text = str(text).lower()
    for word in sorted({str(name).lower(), *(n.lower() for n in CITY_NAMES.values())}, key=len, reverse=True):
        text = text.replace(word, " ")
    text = re.sub(r"[\d\ufe0f\u20e3+]+", " ", text)   # numbers, phone digits, emoji keycaps
    return " ".join(text.split())


def shingles(text, size=5):
    return {text[i:i + size] for i in range(max(1, len(text) - size + 1))}


def jaccard(a, b):
    return len(a & b) / len(a | b) if (a or b) else 0.0


items["shingles"] = [shingles(masked(t, n)) for t, n in zip(items["text"], items["name"])]

start = items[items["ref"] == START_AD].iloc[0]
reposts = items[(items["person_key"] == start["person_key"]) & (items["site"] == "quickads")
                & (items["group"] == start["group"])]
other = items[(items["site"] == "quickads") & (items["group"] != start["group"])].iloc[0]
print("Two reposts of one person:", round(jaccard(reposts["shingles"].iloc[0], reposts["shingles"].iloc[1]), 2))
print("Two unrelated ads:        ", round(jaccard(start["shingles"], other["shingles"]), 2))

# %% [markdown]
# ### Question 1 (4 points) — who is advertised in each item
#
# Build a second graph, `people`, on the same items. Draw a line between two items when:
#
# - **(a)** they share a selector **and** have the same `person_key` — for each list of items in
#   `carriers`, group those items by `person_key` and chain each group, as Step 6 chained them;
# - **(b)** they have the same `person_key`, city and site, and their shingles have a Jaccard
#   similarity of at least 0.6 (reposts whose contact could not be read).
#
# Write (a) and (b) where the cell says `YOUR CODE HERE`. The rest of the cell is given: it adds one
# more, weaker kind of link **(c)** for profiles that give only a booking line shared by several names
# (they say nothing about *who* she is, so the profile is matched by name, age and city with her own
# QuickAds ads — and only when exactly one QuickAds person fits), then numbers the connected components
# `P1`, `P2`… into a new column `items["person"]`.
#
# Hints:
#
# - `key_of[ref]` gives the `person_key` of any item;
# - for (a): `same_key = {}`, then `same_key.setdefault(key_of[ref], []).append(ref)` for each `ref` in
#   the list, then `people.add_edges_from(zip(same, same[1:]))` for each list in `same_key.values()`;
# - for (b): `for _, block in items.groupby(["person_key", "city", "site"]):` and then
#   `itertools.combinations(list(zip(block["ref"], block["shingles"])), 2)` gives every pair in a block.
#
# You should see the number of different people: far more than the number of contact groups with
# several names, and fewer than the number of items.

# %% nbgrader={"grade": false, "grade_id": "q1-people-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
people = nx.Graph()
people.add_nodes_from(items["ref"])      # every item is a dot, even one that stays alone
key_of = dict(zip(items["ref"], items["person_key"]))
### BEGIN SOLUTION
# (a) a shared selector and the same name and age
for refs in carriers.values():
    same_key = {}
    for ref in refs:
        same_key.setdefault(key_of[ref], []).append(ref)
    for same in same_key.values():
        people.add_edges_from(zip(same, same[1:]))
# (b) the same name and age, city and site, and near-identical text
for _, block in items.groupby(["person_key", "city", "site"]):
    for (ref_a, sh_a), (ref_b, sh_b) in itertools.combinations(list(zip(block["ref"], block["shingles"])), 2):
        if jaccard(sh_a, sh_b) >= 0.6:
            people.add_edge(ref_a, ref_b)
### END SOLUTION

# (c) given: a profile whose contacts appear on no QuickAds ad and serve several names (a booking line)
on_quickads = {s for s, refs in carriers.items() if any(r.startswith("quickads:") for r in refs)}
many_names = {s for s, refs in carriers.items() if len({key_of[r] for r in refs}) >= 2}
component_of = {ref: n for n, component in enumerate(nx.connected_components(people)) for ref in component}
quick = items[items["site"] == "quickads"]
for _, profile in items[items["site"] == "companions"].iterrows():
    contacts_of_profile = set(profile["selectors"])
    if contacts_of_profile and not (contacts_of_profile & on_quickads) and contacts_of_profile <= many_names:
        fits = quick.loc[(quick["person_key"] == profile["person_key"]) & (quick["city"] == profile["city"]), "ref"]
        if len(fits) and fits.map(component_of).nunique() == 1:
            people.add_edge(profile["ref"], fits.iloc[0])

person_of = {}
for number, component in enumerate(nx.connected_components(people), start=1):
    for ref in component:
        person_of[ref] = f"P{number}"
items["person"] = items["ref"].map(person_of)
print(items["person"].nunique(), "different people in", len(items), "items")

# %% [markdown]
# **Self-check for Question 1.** It only describes your table (it cannot know who is who); the hidden
# test compares every pair of items with the answer key.

# %% nbgrader={"grade": true, "grade_id": "q1-people", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": false}
from graders.modules.m03_linking_ads.answers import check_clusters

check_clusters(items)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("03-linking-ads", "q1-people", items)
### END HIDDEN TESTS

# %% [markdown]
# ## Step 9 — Which group is organised?
#
# Now describe each contact group by its **people**, not its names: how many different people, in how
# many cities, on how many sites. Research on ads with known outcomes found that these cues point to
# trafficking **when they come together**: one contact for several people, movement of those people
# through a **sequence of cities**, the same template text. One of them alone is a lead. You should see
# the groups with more than one person.

# %% nbgrader={"grade": false, "grade_id": "group-summary", "locked": true, "schema_version": 3, "solution": false, "task": false}
summary = items.groupby("group").agg(
    people=("person", "nunique"), cities=("city", "nunique"), sites=("site", "nunique"), ads=("ref", "count"),
    names=("name", lambda s: ", ".join(sorted(set(s)))),
)
summary[summary["people"] >= 2].sort_values("ads", ascending=False)

# %% [markdown]
# ### Question 2 (4 points) — the group's ads
#
# Find the group behind the woman in the brief the way an analyst would: keep the contact groups that
# advertise **two or more people in two or more cities** (several people on one contact, moving between
# cities), and make `operation_items` the sorted list of the `ref` of every item in those groups.
# Check that the start ad (`START_AD`) is among them.
#
# Hints: `summary[(summary["people"] >= 2) & (summary["cities"] >= 2)].index` gives the groups;
# `items.loc[items["group"].isin(those_groups), "ref"]` gives their items; `sorted(...)` makes a list.

# %% nbgrader={"grade": false, "grade_id": "q2-operation-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
organised = summary[(summary["people"] >= 2) & (summary["cities"] >= 2)].index
operation_items = sorted(items.loc[items["group"].isin(organised), "ref"])
### END SOLUTION
print(len(operation_items), "ads; the start ad is among them:", START_AD in operation_items)

# %% nbgrader={"grade": true, "grade_id": "q2-operation-items", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("03-linking-ads/operation-items", operation_items)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("03-linking-ads", "q2-operation-items", operation_items)
### END HIDDEN TESTS

# %% [markdown]
# ### Question 3 (3 points) — how many people does the group advertise?
#
# Set `victim_count` to the number of **different people** (your `person` labels) among the items of
# `operation_items`. Not the number of ads, and not the number of names as written.
#
# Hint: `items.loc[items["ref"].isin(operation_items), "person"].nunique()`.

# %% nbgrader={"grade": false, "grade_id": "q3-count-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
victim_count = int(items.loc[items["ref"].isin(operation_items), "person"].nunique())
### END SOLUTION
print("People advertised by the group:", victim_count)

# %% nbgrader={"grade": true, "grade_id": "q3-victim-count", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("03-linking-ads/victim-count", victim_count)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("03-linking-ads", "q3-victim-count", victim_count)
### END HIDDEN TESTS

# %% [markdown]
# ### Question 4 (2 points) — her circuit
#
# Take every item of the person in the start ad (her `person` label is on the row whose `ref` is
# `START_AD`), sort them by `posted_at`, and walk through them: each time the city changes, a new
# **stay** begins. Make `circuit` a table with one row per stay and the columns `city` (the city slug),
# `first_seen` and `last_seen` (the first and last day of that stay, as `YYYY-MM-DD`). A city visited
# twice is two stays.
#
# Hints: `her = items[items["person"] == her_label].sort_values("posted_at")`; build a list of
# dictionaries in a `for city, posted in zip(her["city"], her["posted_at"]):` loop, with
# `day = posted[:10]`; if the list is not empty and its last stay has the same city, update its
# `last_seen`, otherwise append a new stay; finish with `pd.DataFrame(stays)`.

# %% nbgrader={"grade": false, "grade_id": "q4-circuit-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
her_label = items.loc[items["ref"] == START_AD, "person"].iloc[0]
her = items[items["person"] == her_label].sort_values(["posted_at", "ref"])
stays = []
for city, posted in zip(her["city"], her["posted_at"]):
    day = posted[:10]
    if stays and stays[-1]["city"] == city:
        stays[-1]["last_seen"] = day
    else:
        stays.append({"city": city, "first_seen": day, "last_seen": day})
circuit = pd.DataFrame(stays, columns=["city", "first_seen", "last_seen"])
### END SOLUTION
circuit

# %% nbgrader={"grade": true, "grade_id": "q4-circuit", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("03-linking-ads/circuit-cities", circuit)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("03-linking-ads", "q4-circuit", circuit)
### END HIDDEN TESTS

# %% [markdown]
# ## Step 10 — Myths against the evidence
#
# Training courses often teach "new in town" and a stated age of 18–22 as signs of trafficking. In a
# study of 1,263 ads with known outcomes (NIJ/JRSA) they did **not** predict it. Compare how often
# they appear in the group's ads and in all the others. You should see that "new in town" is about as
# common in both, that the age cue does not single out the group either (in some worlds it is even
# rarer in the group's ads: its people state whatever age their controller writes), and that flagging
# the cues would catch mostly people outside the group while missing most of the group's ads.

# %% nbgrader={"grade": false, "grade_id": "myths", "locked": true, "schema_version": 3, "solution": false, "task": false}
new_in_town = items["text"].str.contains(r"new in town|just arrived|new in \w+", case=False)
age_18_22 = items["age"].between(18, 22)
in_group = items["ref"].isin(operation_items)
print(f"'New in town':  the group's ads {new_in_town[in_group].mean():.0%}, all other ads {new_in_town[~in_group].mean():.0%}")
print(f"Age 18-22:      the group's ads {age_18_22[in_group].mean():.0%}, all other ads {age_18_22[~in_group].mean():.0%}")
flagged = new_in_town | age_18_22
print(f"Flagging either cue flags {flagged.sum()} ads: {(flagged & in_group).sum()} of the group's "
      f"{in_group.sum()} ads, and {(flagged & ~in_group).sum()} ads of people outside the group.")

# %% [markdown]
# ## Step 11 — Pictures: a link that can mislead (not graded)
#
# Ads show pictures, and an investigator asks of each one: *where else does it appear?* A **reverse image
# search** (TinEye or Google Lens on the real internet; **Seekr → Pictures** here) finds every ad or
# profile showing the same picture, even resized or recompressed. It compares **perceptual hashes**: a
# 64-bit fingerprint of what a picture looks like. The **distance** is how many of the 64 bits differ;
# 0 to 10 means the same picture. (The lab's pictures are drawn scenes: rooms, flowers, sunsets — never
# people.)
#
# Two very different answers can come back:
#
# - the picture appears only under **one contact group** — for example the room of a flat that a group
#   uses in the ads of everyone it advertises. That supports the link, even where a contact is hidden;
# - the picture appears under **many unrelated contact groups**, often as slightly different files — a
#   free **stock picture** that strangers download and reuse. Like the agency's booking line, it is a
#   false link: drop it before you link ads on pictures.
#
# The next cell reads the pictures of the start ad from its page and asks Seekr's image search API
# (`/search/api/v1/image?url=…`, following `next` as with Companions) where else each one appears. You
# should see one row per picture: how many ads and profiles show it, how many of those are in your
# `items` table, how many contact groups they belong to, and how many are other files (copies that are
# not byte-identical). Expect one or two rows with a single contact group, and one row with many.

# %% nbgrader={"grade": false, "grade_id": "pictures", "locked": true, "schema_version": 3, "solution": false, "task": false}
from urllib.parse import urlencode

start_page = BeautifulSoup(polite_get(f"{BASE}/quickads/ad/{START_AD.split(':')[1]}").text, "html.parser")
start_pictures = [urljoin(BASE, img["src"]) for img in start_page.select("img.ad-photo")]
group_of = dict(zip(items["ref"], items["group"]))


def where_else(picture):
    # Every ad or profile that shows this picture: Seekr's search by image, all pages of results.
    url, found = f"{BASE}/search/api/v1/image?" + urlencode({"url": picture}), []
    while url:
        page = polite_get(url).json()
        found += page["results"]
        url = page["next"]
    return found


picture_rows = []
for number, picture in enumerate(start_pictures, start=1):
    found = where_else(picture)
    refs = [f"{r['site']}:{r['id']}" for r in found]
    groups = {group_of[ref] for ref in refs if ref in group_of}
    picture_rows.append({
        "picture": number,
        "shown on": len(refs),
        "in our table": sum(ref in group_of for ref in refs),
        "contact groups": len(groups),
        "other files (copies)": sum(not r["identical"] for r in found),
        "only the start ad's group": groups == {group_of[START_AD]},
    })
pd.DataFrame(picture_rows)

# %% [markdown]
# **Reading the table.** A picture whose ads all sit in the start ad's contact group is the group's own:
# her own picture, or a room that appears in the ads of the other women on the same phone — one more
# sign that one group writes these ads. A picture shown under many contact groups, most of them as other
# files a few bits apart, is a stock picture: dozens of independent advertisers use it, so it says
# nothing about who is behind an ad. To see it with your own eyes, open Seekr's **Pictures** page
# (`/search/image`) and paste one of the addresses in `start_pictures`.

# %% [markdown]
# ### Question 5 (3 points) — written answer
#
# In **6 to 10 sentences**, answer both parts:
#
# **(a)** Your contact groups included one with many names on a single phone. Explain why a phone
# shared by several advertisers is a **lead and not proof** of control or trafficking, using what you
# saw in this world, and what you checked (or would check) before treating a group as organised.
#
# **(b)** Why did this notebook not flag ads that say "new in town" or state an age of 18–22? Name two
# indicators you used instead, and say why combining indicators matters — for the investigation *and*
# for the people advertised.

# %% [markdown] nbgrader={"grade": true, "grade_id": "q5-shared-phone-and-myths", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **(a)** One contact group held many different names on a single number, but only in one city, only
# on Companions, with a contact line saying "Bookings through our reception". Each of those names
# advertises on QuickAds with her own number and her own wording, in that city only: they look like
# independent advertisers who use an agency's or a hotel's booking line. A shared number can also be a
# friend, a receptionist, a recycled or mistyped number. So a shared phone only tells us where to look.
# Before calling a group organised I checked that the same contact served several people (separated by
# name and age) who moved together through a sequence of cities, on both sites, with the same Telegram
# handle and template wording; next I would check payments for the ads, hotels and travel, and talk to
# outreach workers — never approach anyone on the basis of the graph alone.
#
# **(b)** "New in town" and ages 18–22 appear as often in independent advertisers' ads as in the group's
# (research on ads with known outcomes found they do not predict trafficking), so flagging them would
# mostly target independent people and miss most of the group's ads. I used validated indicators
# instead: one contact (phone and handle) across ads for different people, and the same people
# advertised in a sequence of cities; near-duplicate template text supports it. One indicator alone
# has innocent explanations; several together make a lead strong enough to act on, and keep the team
# from intruding on, stigmatising or endangering people who work independently — while the victims'
# safety is protected by acting on solid grounds and planning any contact with support services.
# ### END SOLUTION

# %% [markdown]
# ## Going further (not graded)
#
# 1. **Draw the group.** `nx.draw(contacts.subgraph(items.loc[items["group"] == start["group"], "ref"]))`
#    (with `import matplotlib.pyplot as plt` if it is installed) shows the start ad's contact group:
#    where do the Companions profiles attach?
# 2. **Templates.** Compare the masked texts of *different* people inside the start ad's group, and of
#    different people in the false cluster. What is shared? Why can a site's profile form make
#    unrelated texts look alike?
# 3. **More selectors.** Add the e-mail addresses of QuickAds ads and Companions contacts to the
#    selectors (normalised: lower case, " at " → "@"). Does any group change?
# 4. **Timeline for everyone.** Rebuild the circuit of each person in `operation_items`. Do they move
#    together? What would that suggest about transport and lodging — and which records (module 07)
#    could confirm it?
# 5. **Save your evidence.** Save `items` (without the shingles column), `circuit` and
#    `pd.DataFrame(collection_log)` to CSV, and record their SHA-256 hashes in your notes.
