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
# # Module 01 — Scraping ad sites
#
# *OSINT Lab · about 60–90 minutes · no programming experience needed*
#
# Investigators of trafficking in persons often start from online ads: a classifieds site with
# hundreds of ads, and a tip that some of them are not what they seem. Reading them one by one in a
# browser is slow and easy to get wrong. In this module you let Python do the reading — **politely,
# completely, and with a record of what you collected** — so that you can analyse the ads as data.
#
# ## What you will learn
#
# 1. Fetch a web page with Python and read its *status code*.
# 2. Read a site's `robots.txt` and follow its rules.
# 3. Slow down politely, and wait when a site asks you to (HTTP status 429).
# 4. Pick the details of an ad (title, name, phone, …) out of the page's HTML with BeautifulSoup.
# 5. Follow the "Next" links through every page of a listing.
# 6. Put everything you collected in a table, and find phone numbers used under more than one name.
# 7. Record what you collected, where and when, so that your work can be checked and used as evidence.
#
# ## How this notebook works
#
# - Run the cells **in order, from the top**: click in a cell and press **Shift + Enter**.
#   If something gets confused, use *Kernel → Restart Kernel and Run All Cells*.
# - Cells that contain `# YOUR CODE HERE` and `raise NotImplementedError()` are yours: delete those
#   two lines and write your code there.
# - After each question, a **self-check** cell tells you at once how close you are — without giving
#   the answer away. Your instructor grades with hidden tests that count the same things.
# - Please do not rename `parse_ad`, `ads` or `shared_phones`, and do not delete cells: the grader
#   looks for them.
#
# | Question | What you hand in | Points |
# |---|---|---|
# | Q1 | a function `parse_ad` that reads one ad page | 2 |
# | Q2 | a table `ads` with every ad of the brief | 4 |
# | Q3 | a list `shared_phones` | 3 |
# | Q4 | a written answer on evidence and polite collection | 3 |
# | | **Total** | **12** |

# %% [markdown]
# ## Step 0 — Start the training internet
#
# Everything you will visit in this lab is a **fake internet** that runs on your own computer: the
# sites, the people and the phone numbers are invented, and nothing you do here reaches the real
# internet. The next cell starts it (or finds it, if it is already running) and keeps its address in
# a variable called `BASE`. Every web address in this notebook starts with `BASE`.
#
# You should see something like `The training internet is running at http://127.0.0.1:8022`
# (the number at the end may differ). Starting it can take a few seconds the first time.

# %% nbgrader={"grade": false, "grade_id": "start-fake-internet", "locked": true, "schema_version": 3, "solution": false, "task": false}
from synth.web.launch import ensure_fake_internet

BASE = ensure_fake_internet()
print("The training internet is running at", BASE)
print("You can also open the ad site in your browser:", BASE + "/quickads/")

# %% [markdown]
# ## The case brief
#
# Each class gets its own generated world, so the brief — which city, which category — is read from
# the world rather than written into this notebook. Read it carefully: it defines what you collect,
# and just as importantly, what you do **not** collect.

# %% nbgrader={"grade": false, "grade_id": "case-brief", "locked": true, "schema_version": 3, "solution": false, "task": false}
import textwrap

from graders.lab.world import load_brief

brief = load_brief("01-scraping-ad-sites")
CITY = brief["city"]          # the city as written in the site's web addresses
CATEGORY = brief["category"]  # the category as written in the site's web addresses

print(textwrap.fill(brief["text"], width=90))
print()
print(f"Site: {brief['site']}   City: {brief['city_name']} ({CITY})   "
      f"Category: {brief['category_name']} ({CATEGORY})")

# %% [markdown]
# ## Before you start: the law, the people, and your notes
#
# - **Only the lab's fictional sites.** Run this notebook's code against `BASE` only. On a real case,
#   automated collection needs a legal basis (your mandate, data-protection law, often an
#   authorisation from a supervisor, a prosecutor or a judge), and the platform's terms matter.
#   Ask before you scrape.
# - **The people in these ads may be victims.** Someone advertised for personal services may be
#   controlled by others. Your aim is to find who controls them — not to judge, expose or punish the
#   people in the ads. Nobody should be approached on the strength of a scraped table alone: an
#   intervention is planned with victim-support services. Use neutral words in your notes
#   ("the person advertised", "the ad", "the number") and keep the data to yourself and your team.
# - **Collect only what the brief needs**: one city, one category. More data is more risk for the
#   people in it and more work for you.
# - **Record what you collect.** For every page: its address, the time you fetched it (in UTC) and a
#   fingerprint of its content. The `polite_get` function below does this for you, in
#   `collection_log`. A court, a colleague or a defence lawyer may ask how you got your data.

# %% [markdown]
# ## Step 1 — Fetch a page
#
# The `requests` library asks a web server for a page, exactly as your browser does. The server
# answers with a **status code** and the page's content:
#
# | Status code | Meaning |
# |---|---|
# | 200 | OK: here is the page |
# | 404 | Not found: there is no page at this address |
# | 403 | Forbidden: you may not see this page (for example, it needs a log-in) |
# | 429 | Too many requests: slow down, and wait as long as the `Retry-After` header says |
# | 500 | The server itself has a problem |
#
# Run the next cell. You should see `Status code: 200`, the type `text/html; charset=utf-8`, and the
# first lines of the page's HTML — the text your browser turns into a web page.

# %%
import requests

response = requests.get(BASE + "/quickads/")
print("Status code:", response.status_code)
print("Content type:", response.headers["Content-Type"])
print("Length of the page:", len(response.text), "characters")
print()
print(response.text[:400])

# %% [markdown]
# Now ask for an ad that does not exist. You should see `Status code: 404`. A scraper must always
# check the status code: a 404 page is still a page, and without the check you would save the
# "Page not found" text as if it were an ad.

# %%
missing = requests.get(BASE + "/quickads/ad/999999999")
print("Status code:", missing.status_code)

# %% [markdown]
# ## Step 2 — Read the site's rules: robots.txt
#
# Most sites publish a file called `robots.txt` that tells automated visitors ("robots") which parts
# of the site they may visit and how fast. It is not a law, but respecting it is what distinguishes
# careful collection from an attack on a site — and ignoring it can get you blocked, or your evidence
# challenged. Python's `urllib.robotparser` reads these rules for you.
#
# You should see the rules, then `allowed` for the listing and the ad pages and `NOT allowed` for
# the account and posting pages (they need a log-in, and the site asks robots to stay out).

# %%
from urllib.robotparser import RobotFileParser

USER_AGENT = "OSINT-Lab-trainee"  # how our scraper introduces itself to the site

robots_txt = requests.get(BASE + "/robots.txt").text
print(robots_txt)

robots = RobotFileParser()
robots.parse(robots_txt.splitlines())

for path in ["/quickads/ads", "/quickads/ad/1", "/quickads/account/", "/quickads/post"]:
    allowed = robots.can_fetch(USER_AGENT, BASE + path)
    print(f"{path:22} {'allowed' if allowed else 'NOT allowed'}")

# %% [markdown]
# The rules can also say how fast you may go: `Request-rate: 10/1` means at most 10 requests per
# second, and `Crawl-delay: 1` means one second between requests. We turn whichever rule the site
# gives into `DELAY`, the number of seconds to wait between two requests. You should see that
# number, for example `We will wait 0.1 seconds between requests.`

# %%
rate = robots.request_rate(USER_AGENT)
crawl_delay = robots.crawl_delay(USER_AGENT)
if rate:
    DELAY = rate.seconds / rate.requests
elif crawl_delay is not None:
    DELAY = float(crawl_delay)
else:
    DELAY = 1.0  # no rule published: one request per second is a safe choice

print("We will wait", DELAY, "seconds between requests.")

# %% [markdown]
# ## Step 3 — A polite way to fetch pages
#
# From now on we fetch every page through one function, `polite_get(url)`, so that good behaviour is
# automatic. You do not need to change it, but read what it does:
#
# 1. It **refuses** any address that `robots.txt` does not allow.
# 2. It **waits** `DELAY` seconds after the previous request, so we never go faster than the site asks.
# 3. If the site still answers **429 Too Many Requests**, it waits as long as the `Retry-After`
#    header says and tries again; after six refusals for the same page it stops with an error.
#    Carrying on regardless would overload the site — on a real case it could also tip off the people
#    you investigate, or get your office's address blocked.
# 4. It **records** every request in `collection_log`: the address, the time (UTC), the status code and
#    a SHA-256 fingerprint of the content. If anyone later asks "where does this come from, and has it
#    been changed?", this log answers.

# %% shared="polite_get"
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
# Let's use it on the first page of the listing the brief asks for. The address has the city and the
# category in it, after the `?` — open the same address in your browser to compare. You should see
# `Status code: 200` and one line in the collection log.

# %%
listing_url = f"{BASE}/quickads/ads?city={CITY}&category={CATEGORY}"
first_page = polite_get(listing_url)
print("Address:", listing_url)
print("Status code:", first_page.status_code)
print("Entries in the collection log:", len(collection_log))
collection_log[-1]

# %% [markdown]
# ## Step 4 — Read an ad with BeautifulSoup
#
# HTML is made of *tags* such as `<h1 class="ad-title">Evening appointments</h1>`. The *class* names
# say what each piece is, and BeautifulSoup finds pieces by those names with *CSS selectors*:
#
# | Selector | Finds |
# |---|---|
# | `"article.ad-card"` | every `<article>` tag with the class `ad-card` (one per ad in a listing) |
# | `".field-phone"` | the tag with the class `field-phone`, whatever the tag |
# | `".field-posted time"` | a `<time>` tag inside the tag with the class `field-posted` |
#
# Tip: in your browser, right-click on a part of a page and choose **Inspect** to see its HTML and
# its class names.
#
# First, the listing page we just fetched. You should see 20 ads on the page (fewer if the whole
# listing has fewer than 20), and a line like `535 ads · showing 1–20 · page 1 of 27` — the numbers
# depend on your world.

# %%
from bs4 import BeautifulSoup

soup = BeautifulSoup(first_page.text, "html.parser")
cards = soup.select("article.ad-card")
print("Ads on this page:", len(cards))
print(soup.select_one(".result-count").get_text(" ", strip=True))

expected_total = int(soup.select_one(".result-count .total")["data-total"])
print("The listing says it holds", expected_total, "ads in total.")

# %% [markdown]
# Each card links to the ad's own page, which holds every detail, including the phone number (the
# cards in the listing do not show it). A link's address is in its `href` *attribute*; `urljoin`
# turns a link relative to the page (`/quickads/ad/123`) into a full address.
# You should see the address of an ad page, then its details as a list of HTML `<dt>` (label) and
# `<dd>` (value) tags.

# %%
from urllib.parse import urljoin

first_link = cards[0].select_one("a.ad-title")
first_ad_url = urljoin(listing_url, first_link["href"])
print(first_ad_url)

ad_page = polite_get(first_ad_url)
ad_soup = BeautifulSoup(ad_page.text, "html.parser")
print(ad_soup.select_one(".ad-fields").prettify()[:1500])

# %% [markdown]
# Here is how to read three fields from that page:
#
# - `select_one(...)` finds the first matching tag;
# - `.get_text(strip=True)` takes the text inside it, without spaces around it;
# - `["datetime"]` reads an *attribute* of the tag. The page shows the posting time for humans
#   ("4 Mar 2026, 21:15"), but the `datetime` attribute holds it exactly, in UTC, in a standard form
#   (`2026-03-04T21:15:00Z`). Always prefer that form: no guessing about time zones or date order.
#
# You should see the ad's title, its number and its posting time.

# %%
title = ad_soup.select_one("h1.ad-title").get_text(strip=True)
ad_number = int(ad_soup.select_one(".field-id").get_text(strip=True))
posted = ad_soup.select_one(".field-posted time")["datetime"]
print("Title:     ", title)
print("Ad number: ", ad_number)
print("Posted at: ", posted)


# %% [markdown]
# ### Question 1 (2 points) — `parse_ad`
#
# Complete the function `parse_ad(html)`. It receives the HTML of **one ad page** and returns a
# dictionary with exactly these keys:
#
# | Key | What | Where on the page |
# |---|---|---|
# | `"ad_id"` | the ad number, as a whole number (`int`) | the tag with class `field-id` |
# | `"title"` | the ad's title | the `<h1>` with class `ad-title` |
# | `"name"` | the name the ad shows | class `field-name` |
# | `"phone"` | the phone number **exactly as written** in the ad | class `field-phone` |
# | `"city"` | the city, as the page shows it | class `field-city` |
# | `"posted_at"` | the posting time in UTC | the `datetime` attribute of the `<time>` tag inside class `field-posted` |
#
# Keep the phone exactly as written: cleaning it up comes later (Step 6), and the raw form is part
# of the evidence.

# %% nbgrader={"grade": false, "grade_id": "q1-parse-ad-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
def parse_ad(html):
    """Read one QuickAds ad page and return its details as a dictionary."""
    soup = BeautifulSoup(html, "html.parser")
    ### BEGIN SOLUTION
    return {
        "ad_id": int(soup.select_one(".field-id").get_text(strip=True)),
        "title": soup.select_one("h1.ad-title").get_text(strip=True),
        "name": soup.select_one(".field-name").get_text(strip=True),
        "phone": soup.select_one(".field-phone").get_text(strip=True),
        "city": soup.select_one(".field-city").get_text(strip=True),
        "posted_at": soup.select_one(".field-posted time")["datetime"],
    }
    ### END SOLUTION


# %% [markdown]
# Try your function on the ad page we fetched. You should see a dictionary with the six keys.

# %%
parse_ad(ad_page.text)

# %% [markdown]
# **Self-check for Question 1.** This cell tries your function on a few ad pages and tells you which
# fields differ from the site. Run it as often as you like.

# %% nbgrader={"grade": true, "grade_id": "q1-parse-ad", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check_parse_ad

check_parse_ad(parse_ad)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("01-scraping-ad-sites", "q1-parse-ad", parse_ad)
### END HIDDEN TESTS

# %% [markdown]
# ## Step 5 — Every page of the listing
#
# The listing shows 20 ads per page. At the bottom of each page, a **Next ›** link
# (`<a class="page-next" …>`) leads to the following page; on the last page there is no such link.
# To collect everything, repeat until there is no "Next" link:
#
# ```
# start with the listing's first address
# while there is an address:
#     fetch the page (with polite_get)
#     add the address of every ad on it (the href of "article.ad-card a.ad-title") to a list
#     find the "a.page-next" link: if there is one, its address is the next one; if not, stop
# ```
#
# Two tools you will need:
#
# - `soup.select_one("a.page-next")` gives the link, or `None` when there is none;
# - `urljoin(current_address, link["href"])` gives the link's full address.
#
# Write this loop in the next cell. At the end, `ad_urls` must be a list with the address of every
# ad page of the brief's listing. It should hold as many addresses as the listing said
# (`expected_total`, above).

# %% nbgrader={"grade": false, "grade_id": "q2-collect-links", "locked": false, "schema_version": 3, "solution": true, "task": false}
ad_urls = []
### BEGIN SOLUTION
url = listing_url
while url is not None:
    page = BeautifulSoup(polite_get(url).text, "html.parser")
    for link in page.select("article.ad-card a.ad-title"):
        ad_urls.append(urljoin(url, link["href"]))
    next_link = page.select_one("a.page-next")
    url = urljoin(url, next_link["href"]) if next_link else None
### END SOLUTION
print("Ad pages found:", len(ad_urls), "- the listing said:", expected_total)

# %% [markdown]
# ### Question 2 (4 points) — the table `ads`
#
# Now fetch every ad page in `ad_urls` with `polite_get`, read it with your `parse_ad`, and put the
# results in a pandas **DataFrame** called `ads`: one row per ad, one column per key of `parse_ad`
# (`ad_id`, `title`, `name`, `phone`, `city`, `posted_at`).
#
# Hints:
#
# - start with an empty list, and `append` the dictionary of each ad to it;
# - parse a page only if its `status_code` is 200, and `print` the address of any page that is not
#   (you will need it for your report);
# - `pd.DataFrame(list_of_dictionaries)` turns the list into a table;
# - an ad could appear on two pages if the site changed while you were collecting:
#   `.drop_duplicates(subset="ad_id")` removes repeated ads.
#
# This cell fetches one page per ad, so it takes a while: about `DELAY` seconds per ad (with 535 ads
# and a tenth of a second per request, about a minute). While it runs, the `[*]` on the left of
# the cell shows that it is busy: a good moment to read Step 6.

# %% nbgrader={"grade": false, "grade_id": "q2-city-ads-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
import pandas as pd

### BEGIN SOLUTION
rows = []
for ad_url in ad_urls:
    response = polite_get(ad_url)
    if response.status_code == 200:
        rows.append(parse_ad(response.text))
    else:
        print("Could not collect", ad_url, "- status", response.status_code)
ads = pd.DataFrame(rows).drop_duplicates(subset="ad_id")
### END SOLUTION

# %% [markdown]
# Look at your table: you should see as many rows as the listing said, and the first five ads.

# %%
print(len(ads), "ads collected; the listing said", expected_total)
ads.head()

# %% [markdown]
# **Self-check for Question 2.** It counts how many of the brief's ads your table holds, and how many
# it holds that it should not.

# %% nbgrader={"grade": true, "grade_id": "q2-city-ads", "locked": true, "points": 4, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("01-scraping-ad-sites/q2-city-ads", ads)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("01-scraping-ad-sites", "q2-city-ads", ads)
### END HIDDEN TESTS

# %% [markdown]
# ## Step 6 — Phone numbers used under more than one name
#
# The brief asks for the phone numbers that appear under more than one name: the sign that the same
# people may answer the phone for several of the persons advertised. In data terms: **one phone
# number that appears in ads under different names**.
#
# There is a catch: people write the same number in different ways. Look at the `phone` column —
# you should see some numbers with spaces, some with dashes, some with a `+` and a country code:

# %%
ads[["name", "phone"]].head(12)

# %% [markdown]
# To compare numbers, we **normalise** them: keep the digits only, and then keep the **last nine
# digits**. A number written with its country code (`+48 490 123 456`), without it (`490 123 456`)
# or with dashes (`49-012-34-56`) gives the same nine digits — `490123456` — so each number gets one
# *key*. (Nine digits are enough to tell numbers apart in this lab's countries; module 02 shows a
# more precise way.)
#
# The next cell adds that key to the table as a new column, `phone_key`. You should see the
# `phone_key` column next to the phones as written.

# %%
import re


def phone_key(phone):
    """The last nine digits of a phone number, however it was written."""
    digits = re.sub(r"\D", "", str(phone))  # \D means "any character that is not a digit"
    return digits[-9:]


ads["phone_key"] = ads["phone"].map(phone_key)
ads[["name", "phone", "phone_key"]].head(12)

# %% [markdown]
# ### Question 3 (3 points) — `shared_phones`
#
# Make a list called `shared_phones` with **every phone number that appears in your table under two
# or more different names**: one entry per number, written as it appears in one of its ads.
#
# Hints:
#
# - `ads.groupby("phone_key")["name"].nunique()` counts, for each key, how many *different* names use it;
# - keep the keys whose count is 2 or more;
# - for each of those keys, take one phone as written, for example with
#   `ads.loc[ads["phone_key"] == key, "phone"].iloc[0]`.

# %% nbgrader={"grade": false, "grade_id": "q3-shared-phones-solution", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
names_per_number = ads.groupby("phone_key")["name"].nunique()
shared_keys = names_per_number[names_per_number >= 2].index
shared_phones = [ads.loc[ads["phone_key"] == key, "phone"].iloc[0] for key in shared_keys]
### END SOLUTION

# %% [markdown]
# Look at what you found: for each shared number, the names it appears under and how many ads use
# it. A shared number is a **lead, not proof**: a receptionist, an agency or a friend may answer for
# several people who work independently. It tells you where to look next (module 03 compares the
# ads' text, and follows numbers from city to city).

# %%
shared = ads[ads["phone_key"].isin([phone_key(p) for p in shared_phones])]
shared.groupby("phone_key").agg(
    phone_as_written=("phone", "first"),
    names=("name", lambda names: ", ".join(sorted(set(names)))),
    number_of_ads=("ad_id", "count"),
)

# %% [markdown]
# **Self-check for Question 3.**

# %% nbgrader={"grade": true, "grade_id": "q3-shared-phones", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false}
from graders.lab.selfcheck import check

check("01-scraping-ad-sites/q3-shared-phones", shared_phones)
### BEGIN HIDDEN TESTS
from graders.grading.hidden import hidden_check

hidden_check("01-scraping-ad-sites", "q3-shared-phones", shared_phones)
### END HIDDEN TESTS

# %% [markdown]
# ## Step 7 — Your collection record
#
# Every request you made is in `collection_log`. You should see one row per request (the 429 answers
# included), with its time, address, status code and fingerprint.

# %%
log = pd.DataFrame(collection_log)
print(len(log), "requests;", (log["status"] == 429).sum(), "times the site asked us to slow down")
log.tail()

# %% [markdown]
# ### Question 4 (3 points) — written answer
#
# Your supervisor will pass your table to a prosecutor. In **5 to 10 sentences**, answer both parts:
#
# **(a)** What would you record and keep about this collection so that it can be checked and used as
# evidence? Think of *what*, *where*, *when*, *how* and *who*, and how someone could check later that
# the data was not changed.
#
# **(b)** Why did this notebook read `robots.txt`, wait between requests and obey the 429 answers —
# even though the site is only an ad site? Give at least two reasons.
#
# Write your answer in the cell below (double-click it to edit, Shift + Enter to finish).

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4-evidence-and-politeness", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false}
# ### BEGIN SOLUTION
# **(a)** I would keep the brief and the legal basis for the collection, and a log of every request:
# the full address, the time in UTC, the HTTP status and a SHA-256 hash of the page exactly as
# received (`collection_log`). I would keep the raw pages, not only the table, so the table can be
# rebuilt and compared; save the table and the log with a hash of each file; note the tool and its
# version (this notebook, Python, the libraries), who ran it, on which computer and from which
# network address; and record any problems (pages missing, 429 answers, changes during the
# collection). Screenshots of a few pages help a court see what the site looked like. Anything
# done to the data afterwards (cleaning phones, removing duplicates) is recorded as a separate,
# repeatable step, keeping the phone as originally written.
#
# **(b)** The site's owner sets the rules for automated visitors: following robots.txt and the rate
# limit keeps the collection proportionate and defensible, whereas ignoring them can be unlawful or
# break the platform's terms, and weakens the evidence. Going too fast can overload the site (harming
# its other users) and gets the investigator's address blocked, which stops the collection half-way
# and leaves gaps. A burst of fast requests is also noticeable and could alert the people being
# investigated, putting the persons advertised at risk. Finally, a polite, logged collection is
# complete and repeatable: 429 answers that were ignored would mean missing pages.
# ### END SOLUTION

# %% [markdown]
# ## Going further (not graded)
#
# If you have time left, try one of these:
#
# 1. **Save your evidence.** Save `ads` and `log` to CSV files (`ads.to_csv("ads.csv", index=False)`)
#    and compute the SHA-256 of each file with `hashlib`. Write the hashes in your notes.
# 2. **The same numbers elsewhere.** Do the shared numbers appear in ads in *other cities* on
#    QuickAds? Change `CITY` and collect again (politely!), or use the site's keyword search
#    (`/quickads/ads?q=...`). A number moving from city to city is one of the indicators module 03
#    looks at.
# 3. **Read the ads of one shared number side by side.** Fetch their bodies (class `ad-body`). Are
#    the texts nearly the same, with only the name and age changed? What does that suggest — and
#    what else could explain it?
# 4. **Myths and indicators.** Count how many ads say "new in town". Is that phrase more common
#    among the ads of shared numbers than among the others? (Research on ads with known outcomes
#    found that it is not a reliable sign of trafficking.)
# 5. **Check your work.** Does `len(ads)` equal the total the listing announced? Are there ads with
#    an empty phone? What would you write in your report about them?
