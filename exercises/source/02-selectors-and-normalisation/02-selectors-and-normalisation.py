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
# # Module 02 — Selectors and normalisation
#
# *OSINT Lab · about 75–90 minutes · no programming experience needed (module 01 helps)*
#
# In intelligence work a **selector** is a detail that points to one person or one account: a phone
# number, an e-mail address, a messaging handle such as `Telegram @mila_22`. (Not to be confused
# with the *CSS selectors* of module 01, which pick parts of a web page.) Selectors are how
# investigators link an ad on one site to an ad on another, to a bank transfer, to a phone
# subscriber: **the same selector in two places is a lead that the same people are behind both**.
#
# Advertisers know this. Many write their contact details so that filters and scrapers miss them:
# `zero seven seven zero zero…`, `+4O 714 49O 166` (the letter O for zero), emoji digits `4️⃣8️⃣`,
# `ana at mailhub dot example`, a number cut in two halves. Research on ads with known outcomes found
# such **obscured contact details among the signs that were more common in trafficking cases**. In
# this module you collect every profile of a directory site through its API and turn every disguised
# selector back into one standard form, so that it can be searched for everywhere else.
#
# ## What you will learn
#
# 1. Find the API behind a web page with the browser's developer tools, and page through it.
# 2. Undo the usual disguises: emoji digits, digits written as words in five languages, the letter O
#    for zero, odd separators, numbers split in two halves, disguised e-mail addresses.
# 3. Turn every phone number into **E.164**, the international standard form (`+48491815127`), with
#    the `phonenumbers` library — including the *region* for numbers written without a country code.
# 4. Find e-mail addresses and Telegram handles, and write them in one standard form too.
# 5. Explain why obscured selectors matter, and why normalising *too much* creates false links.
#
# ## How this notebook works
#
# - Run the cells **in order, from the top**: click in a cell and press **Shift + Enter**.
#   If something gets confused, use *Kernel → Restart Kernel and Run All Cells*.
# - Cells that contain `# YOUR CODE HERE` and `raise NotImplementedError()` are yours: delete those
#   two lines and write your code there.
# - After the table of selectors, three **self-check** cells tell you how close you are, without
#   giving the answer away. Your instructor grades with hidden tests that count the same things.
# - Please do not rename `find_phones`, `find_emails`, `find_handles` or `selectors`, and do not
#   delete cells: the grader looks for them.
#
# | Question | What you hand in | Points |
# |---|---|---|
# | Q1 | the phone rows of your table `selectors` (E.164) | 4 |
# | Q2 | the e-mail rows of `selectors` | 2 |
# | Q3 | the Telegram-handle rows of `selectors` | 2 |
# | Q4 | a written answer: why obscured selectors matter, and the risk of over-normalising | 3 |
# | | **Total** | **11** |
#
# Q1–Q3 are scored by how many of the right (profile, selector) pairs you found and how few wrong
# ones you listed (the *F1 score*): partial answers earn partial points.

# %% [markdown]
# ## Step 0 — Start the training internet
#
# As in module 01, everything you visit is a **fake internet** running on your own computer: the
# sites, people and numbers are invented, and nothing reaches the real internet. You should see
# `The training internet is running at http://127.0.0.1:8022` (the number may differ).

# %% nbgrader={"grade": false, "grade_id": "start-fake-internet", "locked": true, "schema_version": 3, "solution": false, "task": false}
from synth.web.launch import ensure_fake_internet

BASE = ensure_fake_internet()
print("The training internet is running at", BASE)
print("Open the directory in your browser:", BASE + "/companions/")

# %% [markdown]
# ## The case brief
#
# The brief is read from your class's world. Read it carefully: it says what to collect and in which
# form.

# %% nbgrader={"grade": false, "grade_id": "case-brief", "locked": true, "schema_version": 3, "solution": false, "task": false}
import textwrap

from graders.lab.world import load_brief

MODULE = "02-selectors-and-normalisation"
brief = load_brief(MODULE)
print(textwrap.fill(brief["text"], width=90))
print()
print("Site:", brief["site"])

# %% [markdown]
# ## Before you start: why selectors, and why care
#
# - **A selector is a lead, not proof.** The same number on two profiles may mean one controller
#   advertising several people — or one honest booking service, a shared flat, a friend answering the
#   phone. It tells you where to look next, never what to conclude.
# - **The people in these profiles may be victims.** Extracting their contact details is not about
#   contacting or exposing them: nobody is approached on the strength of a table. Keep the data to
#   your team, and use neutral words in your notes.
# - **Only the lab's sites.** On a real case, collecting personal data from a platform needs a legal
#   basis and, often, an authorisation; ask before you collect.
# - **Keep the original.** Your table holds the standard form, but the evidence is the text as
#   written. Keep both, and keep the step that turns one into the other repeatable (this notebook).

# %% [markdown]
# ## Step 1 — The listing has no profiles in its HTML: find the API
#
# Open `/companions/` in your browser (the address is printed above): you see profile cards. Now
# look at what Python receives when it asks for the same page. You should see `Profile cards in the
# HTML: 0`, although the page says it lists more than a hundred profiles.

# %%
import requests
from bs4 import BeautifulSoup

listing = requests.get(BASE + "/companions/", timeout=30)
soup = BeautifulSoup(listing.text, "html.parser")
print("Status code:", listing.status_code)
print("Profile cards in the HTML:", len(soup.select("article.profile-card")))
print("The page says it lists", soup.select_one(".total").get_text(strip=True), "profiles.")

# %% [markdown]
# The cards are not in the page: a small program in the page (JavaScript) asks the site for them
# *after* the page has loaded, and draws them. Many modern sites work this way. The address it asks
# is the site's **API** (application programming interface): a web address that answers with data
# instead of a page. To find it:
#
# 1. In your browser, open the directory page and press **F12** (or right-click → **Inspect**) to
#    open the *developer tools*.
# 2. Click the **Network** tab, then the filter **Fetch/XHR**, and reload the page (F5).
# 3. A line such as `profiles?page=1&per_page=24` appears. Click it, then **Response** (or
#    **Preview**): that is the data of the cards, in a format called **JSON**.
#
# Here the page also names the address in its HTML, and the site documents its API on a
# *Developers* page (`/companions/api/`). Open that page too. You should see the API address below.

# %%
api_hint = soup.select_one("[data-api]")
print("The page fetches its cards from:", api_hint["data-api"] if api_hint else "(not named in the HTML)")
print("The API's documentation:", BASE + "/companions/api/")

# %% [markdown]
# **Why use the API rather than the HTML?** The API gives each field separately and exactly as
# stored (no page layout to take apart, nothing cut short), it answers in fewer requests, and it
# changes less often than a page's design. It is also exactly what the site's own page uses, so you
# see no more and no less than a visitor. The same rules apply as for pages: robots.txt, a polite
# speed, and a record of everything you fetch.

# %% [markdown]
# ## Step 2 — Polite fetching (as in module 01)
#
# The next two cells read the site's `robots.txt`, turn its `Request-rate` into a pause between
# requests, and define `polite_get(url)`: it refuses addresses robots.txt disallows, waits between
# requests, honours `429 Too Many Requests` and records every request in `collection_log`. You do not
# need to change them. You should see `allowed` for the API and `NOT allowed` for the log-in pages.

# %% nbgrader={"grade": false, "grade_id": "robots", "locked": true, "schema_version": 3, "solution": false, "task": false}
from urllib.robotparser import RobotFileParser

USER_AGENT = "OSINT-Lab-trainee"

robots = RobotFileParser()
robots.parse(requests.get(BASE + "/robots.txt", timeout=30).text.splitlines())
for path in ["/companions/api/v1/profiles", "/companions/account/", "/companions/messages/"]:
    print(f"{path:30} {'allowed' if robots.can_fetch(USER_AGENT, BASE + path) else 'NOT allowed'}")

rate = robots.request_rate(USER_AGENT)
DELAY = rate.seconds / rate.requests if rate else 1.0
print("We will wait", DELAY, "seconds between requests.")

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
# ## Step 3 — Page through the API
#
# Ask the API for the first page of profiles, 50 at a time (the most it allows). `response.json()`
# turns the JSON answer into Python dictionaries and lists. You should see the keys of the answer
# (`page`, `per_page`, `total`, `pages`, `next`, `items`), the number of profiles, the address of
# the next page, and the first item: a short summary of one profile with its `id`.

# %%
API = BASE + "/companions/api/v1"

first = polite_get(API + "/profiles?page=1&per_page=50")
data = first.json()
print("Status code:", first.status_code)
print("Keys of the answer:", list(data))
print("Profiles in total:", data["total"], "on", data["pages"], "pages")
print("Address of the next page:", data["next"])
data["items"][0]

# %% [markdown]
# **Your task (not graded on its own):** collect the `id` of every profile, on every page. Like the
# "Next ›" link of module 01, each answer's `"next"` holds the address of the following page, and it
# is `None` on the last page:
#
# ```
# start with the address of the first page
# while there is an address:
#     fetch it with polite_get, and read the answer with .json()
#     add the "id" of every entry of "items" to profile_ids
#     the next address is the answer's "next"
# ```
#
# At the end, `profile_ids` should hold as many ids as the API's `total`.

# %% nbgrader={"grade": false, "grade_id": "collect-profile-ids", "locked": false, "schema_version": 3, "solution": true, "task": false}
profile_ids = []
### BEGIN SOLUTION
url = API + "/profiles?page=1&per_page=50"
while url is not None:
    page = polite_get(url).json()
    for item in page["items"]:
        profile_ids.append(item["id"])
    url = page["next"]
### END SOLUTION
print("Profile ids collected:", len(profile_ids), "- the API said:", data["total"])

# %% [markdown]
# ## Step 4 — Every profile, in full
#
# The listing gives only a summary; the profile's own address, `/companions/api/v1/profiles/<id>`,
# gives every field, including the **`text`** of the profile and its **`contact`** line, where the
# selectors are written. The next cell fetches them all into a table, `profiles`. It makes one
# request per profile, so it takes a while (about `DELAY` seconds per profile: under 20 seconds for
# 168 profiles). You should see the number of profiles and the first five rows.

# %% nbgrader={"grade": false, "grade_id": "fetch-profiles", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

pd.set_option("display.max_colwidth", 120)

rows = []
for profile_id in sorted(set(profile_ids)):
    response = polite_get(f"{API}/profiles/{profile_id}")
    if response.status_code == 200:
        rows.append(response.json())
    else:
        print("Could not collect profile", profile_id, "- status", response.status_code)
profiles = pd.DataFrame(rows)
print(len(profiles), "profiles collected")
profiles[["id", "city", "name", "contact"]].head()

# %% [markdown]
# ## Step 5 — Which country? The region of each profile
#
# A phone written without a country code (`07700 900123`, `49-100-83-66`) only makes sense if you
# know which country it belongs to. The best guess is **the country of the city the profile
# advertises in**: an advertiser in Warsaw who writes `49 181 51 27` means a Polish number. The
# API's `/cities` address gives each city's country as a two-letter code (`GB`, `PL`, `RO`, `UA`,
# `DE`, `NL`): the *region* that the `phonenumbers` library expects. You should see a new column
# `region` next to each profile's city.

# %% nbgrader={"grade": false, "grade_id": "regions", "locked": true, "schema_version": 3, "solution": false, "task": false}
cities = polite_get(API + "/cities").json()["items"]
COUNTRY_OF_CITY = {city["slug"]: city["country"] for city in cities}
profiles["region"] = profiles["city"].map(COUNTRY_OF_CITY)
profiles[["id", "city", "region", "contact"]].head(8)

# %% [markdown]
# ## Step 6 — How are the contacts written?
#
# Look at twenty contact lines, drawn at random. You should see ordinary numbers (`+44 7700 900553`,
# `0714 203 131`), but also — in these twenty or in the rest — numbers spelled out in words, spaced out digit by digit, emoji digits, the letter `O`
# instead of zero, slashes and underscores, numbers cut in two ("… and then …", "… a potem …"),
# e-mails written "at … dot …", and Telegram handles in four different ways.

# %%
profiles["contact"].sample(20, random_state=2)

# %% [markdown]
# Try the simplest approach first: a *regular expression* (a search pattern) for a plus sign
# followed by seven or more digits in a row, `\+?\d{7,}` (`\d` means "a digit", `{7,}` "seven or
# more times"). You should see that it finds a phone in only a small share of the profiles, and
# below, contact lines where it finds nothing.

# %%
import re

NAIVE_PHONE = r"\+?\d{7,}"
naive_found = profiles["text"].map(lambda text: re.findall(NAIVE_PHONE, text))
print(f"The simple pattern finds a phone in {(naive_found.map(len) > 0).sum()} of {len(profiles)} profiles.")
profiles.loc[naive_found.map(len) == 0, "contact"].head(10)

# %% [markdown]
# ## Step 7 — Undo the disguises, one at a time
#
# We build a function `clean_text(text)` in small steps. Each step turns one disguise back into
# plain digits; then one pattern can find every number.
#
# ### 7.1 Emoji digits
#
# An emoji digit such as `4️⃣` looks like one character but is three: the digit itself, an invisible
# "show as emoji" sign, and an invisible "draw a keycap around it" sign. You should see the three
# characters of `4️⃣` and their official Unicode names, then a number with its emoji signs removed:
# `'+48 49 181 51 27'`.

# %% nbgrader={"grade": false, "grade_id": "normaliser-keycaps", "locked": true, "schema_version": 3, "solution": false, "task": false}
import unicodedata

for character in "4️⃣":
    print(repr(character), unicodedata.name(character))


def remove_keycaps(text):
    """'4️⃣' is the digit 4 followed by two invisible signs: remove those two signs."""
    return text.replace("\ufe0f", "").replace("\u20e3", "")


remove_keycaps("+4️⃣8️⃣ 4️⃣9️⃣ 1️⃣8️⃣1️⃣ 5️⃣1️⃣ 2️⃣7️⃣")

# %% [markdown]
# ### 7.2 Digits written as words, in five languages
#
# The profiles are written in English, Polish, Romanian, Ukrainian and Russian, and so are the
# numbers: `zero seven seven…`, `cztery dziewięć…`, `ноль сім…`. The table below gives the words
# for 0 to 9 in each language. You should see it as a table with one column per language.

# %% nbgrader={"grade": false, "grade_id": "digit-words", "locked": true, "schema_version": 3, "solution": false, "task": false}
DIGIT_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "pl": ["zero", "jeden", "dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"],
    "ro": ["zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă"],
    "uk": ["нуль", "один", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"],
    "ru": ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
}
pd.DataFrame(DIGIT_WORDS)

# %% [markdown]
# From that table we make a dictionary from each word to its digit: `WORD_TO_DIGIT["dziewięć"]` is
# `"9"`. Romanian is often typed with `ş` (a cedilla) instead of `ș` (a comma below), so both
# spellings go in. Then `words_to_digits(text)` looks at every *word* of the text and replaces it when
# it is in the dictionary. Two details matter:
#
# - the pattern `WORD` matches whole words only (letters, maybe with an apostrophe inside, as in
#   `п'ять`), so the "one" inside "someone" is left alone;
# - apostrophes come in several shapes (`'`, `’`, `ʼ`); we turn them all into `'` first.
#
# You should see `'0 7 7 0 0 - 9 0 0 3 4 6'` and `'4 9 - 1 6 1 - 3 9 - 8 8'`.

# %% nbgrader={"grade": false, "grade_id": "normaliser-words", "locked": true, "schema_version": 3, "solution": false, "task": false}
WORD_TO_DIGIT = {}
for language, words in DIGIT_WORDS.items():
    for digit, word in enumerate(words):
        WORD_TO_DIGIT[word] = str(digit)
        WORD_TO_DIGIT[word.replace("ș", "ş")] = str(digit)  # Romanian typed with a cedilla

WORD = r"[^\W\d_]+(?:'[^\W\d_]+)?"  # letters only, maybe with one apostrophe inside
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


def words_to_digits(text):
    """Replace every word that names a digit (in one of five languages) with the digit."""
    text = text.translate(APOSTROPHES)

    def replace(match):
        word = match.group()
        return WORD_TO_DIGIT.get(word.lower(), word)  # the digit, or the word unchanged

    return re.sub(WORD, replace, text)


print(repr(words_to_digits("zero seven seven zero zero - nine 0 zero three four six")))
print(repr(words_to_digits("cztery dziewięć - 1 sześć jeden - trzy dziewięć - 8 8")))

# %% [markdown]
# ### 7.3 A number cut in two halves
#
# Some profiles write the first half of a number, an ellipsis `…` and a joining word, then the rest:
# `+484918 … and then 15127`. The joining words in this directory's five languages are below; the
# pattern removes "`…` + joining word" so that the halves touch again. You should see
# `'+48491815127'` and `'0714-944-354'`.

# %% nbgrader={"grade": false, "grade_id": "normaliser-halves", "locked": true, "schema_version": 3, "solution": false, "task": false}
SPLIT_JOINERS = ["and then", "a potem", "apoi", "далі", "дальше"]
JOINER = r"\s*(?:…|\.\.\.)\s*(?:" + "|".join(SPLIT_JOINERS) + r")\s+"


def join_halves(text):
    """'+484918 … and then 15127' -> '+48491815127'."""
    return re.sub(JOINER, "", text, flags=re.IGNORECASE)


print(repr(join_halves("+484918 … and then 15127")))
print(repr(join_halves("0714-94 … apoi 4-354")))


# %% [markdown]
# ### 7.4 All the steps together
#
# `clean_text` applies the steps in order. (`unicodedata.normalize("NFC", …)` first makes letters
# with accents, like `ę`, always the same characters: text copied from different sources sometimes
# stores them differently.) You should see how many contact lines the cleaning changes, then eight of
# them as written and, under each, cleaned.

# %% nbgrader={"grade": false, "grade_id": "normaliser-clean", "locked": true, "schema_version": 3, "solution": false, "task": false}
def clean_text(text):
    """The text with emoji digits, digit words and split numbers turned back into plain digits."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(APOSTROPHES)
    text = remove_keycaps(text)
    text = words_to_digits(text)
    return join_halves(text)


changed = [contact for contact in profiles["contact"] if clean_text(contact) != contact]
print(len(changed), "of", len(profiles), "contact lines change. The first eight:")
for contact in changed[:8]:
    print(contact)
    print("   ->", clean_text(contact))

# %% [markdown]
# ## Step 8 — Find the numbers, and write them in E.164
#
# ### 8.1 A pattern for phone-like runs
#
# After cleaning, a number is a run of digits with, between two digits, at most one separator: a
# space, `-`, `/` or `_` (with or without spaces around it), or ` . `. The letter `O` is accepted as
# a digit, because some advertisers type `O` for `0`. The pattern also refuses to start right after
# a letter or a digit, so the `67` of the handle `lux_lon67` is not the start of a number. Piece by
# piece:
#
# | Piece | Means |
# |---|---|
# | `(?<!\w)` | not right after a letter, digit or `_` |
# | `(?:\+ ?)?` | maybe a `+` (maybe followed by a space) |
# | `[\dO]` | a digit or the letter O |
# | `(?: … )*` | then, as often as possible: another digit or O, or one separator followed by a digit or O |
#
# You should see two runs: `'24/7'` (too short to be a phone: we will skip runs with fewer than 8
# digits) and `'+48 49 181 51 27'`.

# %% nbgrader={"grade": false, "grade_id": "phone-run", "locked": true, "schema_version": 3, "solution": false, "task": false}
PHONE_RUN = r"(?<!\w)(?:\+ ?)?[\dO](?:[\dO]| ?[-/_] ?(?=[\dO])| \. (?=[\dO])| (?=[\dO]))*"
MIN_DIGITS = 8  # the shortest phone number in the lab's countries has 9 digits

re.findall(PHONE_RUN, clean_text("Dinner dates in London, 24/7. +48 49 181 51 27 · TG: lux_lon67"))

# %% [markdown]
# ### 8.2 E.164 and the region
#
# **E.164** is the international standard form of a phone number: a `+`, the country code, then the
# national number, digits only — `+447700900123` for the British `07700 900123`, `+48491815127` for
# the Polish `49 181 51 27`. One number has exactly one E.164 form, however it was written, so
# E.164 numbers can be compared, counted and searched for on other sites.
#
# The `phonenumbers` library (Google's libphonenumber) does the conversion:
#
# - `phonenumbers.parse(number, region)` reads a number. A number with `+` and a country code needs
#   no region; **a number without one is read as a number of `region`** — so the region must be right.
#   A number starting with `00` is also international (`0048…` is `+48…`); we turn `00` into `+`
#   ourselves so that it never depends on the region.
# - `phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)` writes it in E.164.
# - `phonenumbers.is_possible_number(parsed)` checks that it has a plausible length.
#   **Do not use `is_valid_number` here**: the lab's numbers come from ranges reserved for fiction
#   or left unallocated (so that no real person can be reached), and `is_valid_number` says `False`
#   for most of them. On a real case it helps; here it would throw away real leads.
#
# You should see `+447700900123`, then `possible: True  valid: False`, then the same digits read
# with two regions: `+48491815127` for Poland but a different, wrong number for Great Britain.

# %%
import phonenumbers

parsed = phonenumbers.parse("07700 900123", "GB")
print(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
print("possible:", phonenumbers.is_possible_number(parsed), " valid:", phonenumbers.is_valid_number(parsed))
for region in ["PL", "GB"]:
    parsed = phonenumbers.parse("49 181 51 27", region)
    print(region, "->", phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


# %% [markdown]
# ### Question 1 (4 points) — `find_phones`
#
# Complete `find_phones(text, region)`. It must return a list of every phone number in `text`, in
# E.164, each number once. The loop over the runs is written for you; for each `run`:
#
# 1. replace the letter `O` with the digit `0`: `run.replace("O", "0")`;
# 2. keep only the digits and the `+`: `"".join(ch for ch in run if ch.isdigit() or ch == "+")`;
# 3. if the number starts with `00`, replace those two zeros with `+`;
# 4. skip the run (`continue`) if it has fewer than `MIN_DIGITS` digits;
# 5. read it with `phonenumbers.parse(number, region)` inside `try: … except phonenumbers.NumberParseException: continue`;
# 6. if `phonenumbers.is_possible_number(...)` is true, format it in E.164 and add it to `found`
#    unless it is already there.

# %% nbgrader={"grade": false, "grade_id": "q1-find-phones-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def find_phones(text, region):
    """Every phone number in text, in E.164; region (e.g. "PL") is for numbers without a country code."""
    found = []
    for run in re.findall(PHONE_RUN, clean_text(text)):
        ### BEGIN SOLUTION
        number = "".join(ch for ch in run.replace("O", "0") if ch.isdigit() or ch == "+")
        if number.startswith("00"):
            number = "+" + number[2:]
        if sum(ch.isdigit() for ch in number) < MIN_DIGITS:
            continue
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(parsed):
            e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            if e164 not in found:
                found.append(e164)
        ### END SOLUTION
    return found


# %% [markdown]
# Try it on one example of each disguise. You should see:
#
# ```
# +48 49 181 51 27 · Telegram @lux_lon67           GB -> ['+48491815127']
# zero seven seven zero zero - nine 0 zero three   GB -> ['+447700900346']
# cztery dziewięć - 1 sześć jeden - trzy dziewię   PL -> ['+48491613988']
# +4O 714 49O 166                                  RO -> ['+40714490166']
# 0️⃣7️⃣0️⃣-7️⃣5️⃣5️⃣-8️⃣6️⃣2️⃣5️⃣                 UA -> ['+380707558625']
# +484918 … and then 15127                         GB -> ['+48491815127']
# 004/849/169/753/0                                NL -> ['+48491697530']
# Clara, 25. Dinner dates, 24/7.                   GB -> []
# ```

# %%
examples = [
    ("+48 49 181 51 27 · Telegram @lux_lon67", "GB"),
    ("zero seven seven zero zero - nine 0 zero three four six", "GB"),
    ("cztery dziewięć - 1 sześć jeden - trzy dziewięć - 8 8", "PL"),
    ("+4O 714 49O 166", "RO"),
    ("0️⃣7️⃣0️⃣-7️⃣5️⃣5️⃣-8️⃣6️⃣2️⃣5️⃣", "UA"),
    ("+484918 … and then 15127", "GB"),
    ("004/849/169/753/0", "NL"),
    ("Clara, 25. Dinner dates, 24/7.", "GB"),
]
for text, region in examples:
    print(f"{text[:46]:48} {region} -> {find_phones(text, region)}")

# %% [markdown]
# Now on every profile. You should see that every profile has a phone (`0` profiles without one). If
# some have none, look at their contact lines: which disguise does your function not handle yet?

# %%
phones_found = [find_phones(str(p.text) + "\n" + str(p.contact), p.region) for p in profiles.itertuples()]
without = [p.contact for p, found in zip(profiles.itertuples(), phones_found) if not found]
print(len(without), "profiles without a phone")
without[:10]

# %% [markdown]
# ## Step 9 — E-mail addresses
#
# E-mail addresses are disguised too: `olena at posta dot example`, `olena(at)posta(dot)example`,
# `olena [at] posta.example`. Three patterns turn them back into `@` and `.`; then one pattern,
# `EMAIL`, finds every plain address. `rebuild_address` is used with the "at … dot …" pattern: it
# glues the name, `@` and the domain with its dots.
#
# ### Question 2 (2 points) — `find_emails`
#
# Complete `find_emails(text)`: apply the three replacements with `re.sub` (use
# `flags=re.IGNORECASE`, so that `[AT]` works too), in this order — `AT_BRACKETS` by `"@"`,
# `DOT_BRACKETS` by `"."`, `AT_WORDS` by `rebuild_address` — then return every address
# `re.findall(EMAIL, text)` finds, **in lower case**, each once.

# %% nbgrader={"grade": false, "grade_id": "email-patterns", "locked": true, "schema_version": 3, "solution": false, "task": false}
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"          # name@domain.example
AT_BRACKETS = r"\s*[\[(]\s*at\s*[\])]\s*"          # (at)  [at]
DOT_BRACKETS = r"\s*[\[(]\s*dot\s*[\])]\s*"        # (dot) [dot]
AT_WORDS = r"([\w.+-]+) at ([\w-]+(?: dot [\w-]+)+)"  # name at domain dot example


def rebuild_address(match):
    """'olena at posta dot example' -> 'olena@posta.example' (for re.sub with AT_WORDS)."""
    return match.group(1) + "@" + match.group(2).replace(" dot ", ".")


# %% nbgrader={"grade": false, "grade_id": "q2-find-emails-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def find_emails(text):
    """Every e-mail address in text, in lower case, disguised or not."""
    found = []
    ### BEGIN SOLUTION
    text = re.sub(AT_BRACKETS, "@", text, flags=re.IGNORECASE)
    text = re.sub(DOT_BRACKETS, ".", text, flags=re.IGNORECASE)
    text = re.sub(AT_WORDS, rebuild_address, text, flags=re.IGNORECASE)
    for email in re.findall(EMAIL, text):
        if email.lower() not in found:
            found.append(email.lower())
    ### END SOLUTION
    return found


# %% [markdown]
# You should see `['olena@posta.example']` three times, then `['ana.k@mailhub.example']`.

# %%
for text in ["Contact: olena at posta dot example", "olena(at)posta(dot)example",
             "0714 203 131 · olena [at] posta.example", "Ana.K@Mailhub.Example"]:
    print(find_emails(text))

# %% [markdown]
# ## Step 10 — Telegram handles
#
# Handles appear in four forms: `Telegram @name`, `TG: name`, `telegram: @name` and
# `@name on Telegram`. Three patterns cover the four forms; each finds the name (the part in
# brackets, `(\w{3,32})`: 3 to 32 letters, digits or `_`). We write every handle in one standard form, `telegram:<name>` in lower
# case, without the `@` — the app matters, because the same name on another app may be someone else.
#
# ### Question 3 (2 points) — `find_handles`
#
# Complete `find_handles(text)`: for each pattern in `HANDLE_PATTERNS`, for each name
# `re.findall(pattern, text, flags=re.IGNORECASE)` gives, add `"telegram:" + name.lower()` to
# `found` unless it is already there.

# %% nbgrader={"grade": false, "grade_id": "handle-patterns", "locked": true, "schema_version": 3, "solution": false, "task": false}
HANDLE_PATTERNS = [
    r"\b(?:telegram|tg)\s*:\s*@?(\w{3,32})",   # TG: name    telegram: @name
    r"\btelegram\s+@(\w{3,32})",               # Telegram @name
    r"@(\w{3,32})\s+on\s+telegram\b",          # @name on Telegram
]


# %% nbgrader={"grade": false, "grade_id": "q3-find-handles-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def find_handles(text):
    """Every Telegram handle in text, as 'telegram:<name>' in lower case."""
    found = []
    ### BEGIN SOLUTION
    for pattern in HANDLE_PATTERNS:
        for name in re.findall(pattern, text, flags=re.IGNORECASE):
            handle = "telegram:" + name.lower()
            if handle not in found:
                found.append(handle)
    ### END SOLUTION
    return found


# %% [markdown]
# You should see `['telegram:lux_lon67']` four times, then `[]` (the word "Telegram" alone is not a
# handle).

# %%
for text in ["Telegram @Lux_Lon67", "TG: lux_lon67", "telegram: @lux_lon67", "@lux_lon67 on Telegram",
             "Write on Telegram. Calls only."]:
    print(find_handles(text))

# %% [markdown]
# ## Step 11 — The table `selectors`
#
# Now everything goes into one table, `selectors`, **one row per selector found**, with three columns:
#
# | Column | What | Example |
# |---|---|---|
# | `profile_id` | the profile's `id` | `12` |
# | `kind` | `"phone"`, `"email"` or `"handle"` | `"phone"` |
# | `value` | the selector in its standard form | `"+48491697530"` |
#
# This is what you hand in for Questions 1–3. The next cell builds it for you: for each profile it
# searches the profile's text and contact line together with your three functions (the phones with the
# profile's `region`) and adds one row per selector. `call_safely(...)` lets the table be built even
# if one of your functions is not finished yet: that function then finds nothing, and the others still
# count. You should see no message; a message names a function that is not finished.

# %% nbgrader={"grade": false, "grade_id": "build-selectors", "locked": true, "schema_version": 3, "solution": false, "task": false}
unfinished = set()


def call_safely(function, *arguments):
    """Call one of your functions; an unfinished one (NotImplementedError) finds nothing."""
    try:
        return function(*arguments)
    except NotImplementedError:
        unfinished.add(function.__name__)
        return []


rows = []
for profile in profiles.itertuples():
    text = str(profile.text) + "\n" + str(profile.contact)
    for phone in call_safely(find_phones, text, profile.region):
        rows.append({"profile_id": profile.id, "kind": "phone", "value": phone})
    for email in call_safely(find_emails, text):
        rows.append({"profile_id": profile.id, "kind": "email", "value": email})
    for handle in call_safely(find_handles, text):
        rows.append({"profile_id": profile.id, "kind": "handle", "value": handle})
selectors = pd.DataFrame(rows, columns=["profile_id", "kind", "value"])
for name in sorted(unfinished):
    print(name, "is not finished yet: it found nothing, so its rows are missing.")

# %% [markdown]
# Look at your table. You should see how many selectors of each kind you found (about one phone per
# profile, and fewer e-mails and handles: not every profile gives one), then the first rows.

# %%
print(selectors["kind"].value_counts().to_string())
selectors.head(10)

# %% [markdown]
# **Self-checks for Questions 1, 2 and 3.** Each compares one kind of row of your table with the
# world, without showing the answers: how many right pairs you found, how many are wrong.

# %% nbgrader={"grade": true, "grade_id": "q1-phones", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("02-selectors-and-normalisation/phones", selectors)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("02-selectors-and-normalisation", "q1-phones", selectors)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "q2-emails", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("02-selectors-and-normalisation/emails", selectors)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("02-selectors-and-normalisation", "q2-emails", selectors)
### END HIDDEN TESTS

# %% nbgrader={"grade": true, "grade_id": "q3-handles", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("02-selectors-and-normalisation/handles", selectors)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("02-selectors-and-normalisation", "q3-handles", selectors)
### END HIDDEN TESTS

# %% [markdown]
# ## Step 12 — From selectors to links
#
# Now the selectors can be compared. Which phone numbers appear on more than one profile? You should
# see a short list of numbers with the number of profiles each appears on; most numbers appear on
# one profile only.

# %%
phones = selectors[selectors["kind"] == "phone"]
profiles_per_phone = phones.groupby("value")["profile_id"].nunique().sort_values(ascending=False)
profiles_per_phone[profiles_per_phone > 1]

# %% [markdown]
# Look at the profiles behind the most shared number: the same number, written in many different
# ways, under different names and in different cities. Without normalisation, none of these profiles
# would have matched another. You should see a table of those profiles.

# %%
top_number = profiles_per_phone.index[0]
ids = phones.loc[phones["value"] == top_number, "profile_id"]
profiles.loc[profiles["id"].isin(ids), ["id", "name", "city", "contact"]]

# %% [markdown]
# But normalising can also go too far. Each step above makes more things look alike — which is the
# point, until two *different* things become one. A last example: an ordinary sentence that our
# e-mail rules turn into an "address". You should see `['dinner@8.example']` (the lab writes every address under a reserved `.example` name).

# %%
find_emails("Dinner at 8 dot example? Yes, with pleasure.")

# %% [markdown]
# ### Question 4 (3 points) — written answer
#
# In **5 to 10 sentences**, answer both parts:
#
# **(a)** Why do obscured contact details matter to an investigation of trafficking in persons?
# Think of why an advertiser would write them that way, what a scraper or a keyword filter without
# normalisation would miss, and what the selectors are used for once they are in standard form.
#
# **(b)** What is the risk of normalising **too much**? Give at least two concrete ways in which
# over-normalising could create a **false link** between people (think of the region of a phone
# number, a number shared by a booking service, "fuzzy" matching of handles, or the example just
# above), and say how you would guard against it in your report.
#
# Write your answer in the cell below (double-click it to edit, Shift + Enter to finish).

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4-why-and-over-normalising", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **(a)** Advertisers obscure phones, e-mails and handles to get past the platforms' filters and the
# scrapers of police and researchers; in studies of ads with known outcomes, obscured contact details
# were more common in trafficking cases, so the disguise itself is a (weak) indicator. A scraper or a
# keyword search that looks only for plain digits misses most of these selectors — here a simple
# pattern found a phone in a small share of the profiles — so the links between ads are invisible:
# the same controller's number written six ways looks like six different people. In a standard form
# (E.164 phones, lower-case e-mails, `telegram:<name>` handles), one selector has one spelling, so it
# can be counted across profiles, searched for on other sites, matched with subscriber, financial or
# earlier case data, and requested from a provider by production order.
#
# **(b)** Every normalising rule makes more strings equal, and a rule that is too broad merges people
# who have nothing to do with each other. Reading a number without a country code with the wrong
# region (or keeping only the last digits) can turn two different numbers into one, or attach a
# number to the wrong country. A shared number may be an honest booking line, agency or reception
# used by many independent advertisers — normalisation is right, but the link it suggests is not
# control. "Fuzzy" matching of handles (`lux_lon67` ≈ `lux_lon76`, or the same name on another app)
# or over-eager decoding ("Dinner at 8 dot example" → an e-mail) invents selectors that no one wrote. To
# guard against it I keep the text as written next to each standard form, record the rules used (and
# the region for each number), check each link in the original ads, look for corroboration (same
# text template, same images, same payments) and write in the report that a shared selector is a
# lead to be verified, not proof that the people are controlled by the same person.
# ### END SOLUTION

# %% [markdown]
# ## Going further (not graded)
#
# 1. **Keep the original.** Add a column `as_written` to `selectors` with the part of the text each
#    selector came from. What would a defence lawyer ask if you only had the standard form?
# 2. **Other apps.** On real sites, handles also come as `Signal: @name` or `WA: name`. Extend
#    `find_handles` to return `signal:<name>` and `whatsapp:<name>` (test it on sentences you write),
#    and explain why the app must stay part of the selector.
# 3. **The job board.** The travel and job board `/jobboard/` writes its contact lines the same way.
#    Does your normaliser work there without changes? Which phones appear on both sites?
# 4. **A number through the cities.** For the most shared number, list its profiles' cities and
#    posting dates (`posted_at`) in order. Does the number move from city to city? (Module 03 follows
#    this thread.)
# 5. **Save the evidence.** Save `profiles`, `selectors` and `collection_log` as CSV files and write down
#    the SHA-256 of each file (module 01 shows how).
