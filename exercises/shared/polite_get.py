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
