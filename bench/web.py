"""Pages per second the fake internet serves to concurrent crawlers on loopback.

The server runs in its own process, as in the lab; 8 client threads fetch a mix of listing and
detail pages for a fixed time. The rate limit is switched off here: it exists to teach politeness,
and would otherwise measure itself.

``--rate-limit 0`` switches off the per-client token bucket only; Chirp's API still allows each key
300 calls per 60-second window (synth.web.sites.chirp.api), and the server has no switch for that. So the
``chirp-api`` kind gets keys the way a trainee does (``POST /chirp/developers/keys``), one per client
thread, and a thread takes a new key (a new name) when ``X-RateLimit-Remaining`` reaches 0. Those key
requests are not counted as pages, but their time is inside the measured seconds.
"""

from __future__ import annotations

import random
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import requests

from synth.vocab.platforms import LIGHT_BY_SLUG
from synth.web.pictures import owner_site, searchable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


KINDS = {"quickads": "QuickAds pages", "api": "Companions JSON API", "images": "Seekr image search API",
         "chirp": "Chirp profile and post pages", "chirp-api": "Chirp JSON API (keyed)",
         "circle": "Circle profile, group and post pages", "light": "light-platform profile pages",
         "username": "Seekr username lookups (half missing names)",
         "explorer": "LabCoin Explorer pages (transactions, addresses)",
         "explorer-api": "LabCoin Explorer JSON API (tx, address, its transactions)"}

OK = (200, 400)  # what the first kinds have always accepted
API_KEY = re.compile(r'<code class="api-key">([^<]+)</code>')

# A chooser draws one address (path and query) and the statuses that are not errors for it.
Chooser = Callable[[random.Random], tuple[str, tuple[int, ...]]]


def _one_of(*choosers: Chooser) -> Chooser:
    """Each of ``choosers`` with the same chance."""
    return lambda rng: rng.choice(choosers)(rng)


def _missing_names(rng: random.Random, known: set[str]) -> str:
    while True:
        name = f"nobody_{rng.randrange(10**8):08d}"
        if name.casefold() not in known:
            return name


def choosers(con: sqlite3.Connection, kind: str) -> tuple[Chooser, dict]:
    """What the threads of ``kind`` fetch, read from the world's public tables; and what the first search needs."""
    setup: dict = {}

    def accounts(platform: str) -> list[str]:
        return [quote(r[0]) for r in con.execute("SELECT username FROM social_accounts WHERE platform = ?",
                                                 (platform,))]

    if kind == "quickads":
        ad_ids = [r[0] for r in con.execute("SELECT ad_id FROM quickads_ads")]
        cities = [r[0] for r in con.execute("SELECT slug FROM cities")]
        return _one_of(lambda rng: (f"/quickads/ad/{rng.choice(ad_ids)}", OK),
                       lambda rng: (f"/quickads/ads?city={rng.choice(cities)}&page={rng.randint(1, 3)}", OK)), setup
    if kind == "api":
        profile_ids = [r[0] for r in con.execute("SELECT profile_id FROM companions_profiles")]
        return _one_of(lambda rng: (f"/companions/api/v1/profiles/{rng.choice(profile_ids)}", OK),
                       lambda rng: (f"/companions/api/v1/profiles?page={rng.randint(1, 3)}&per_page=50", OK)), setup
    if kind == "images":
        # Avatars and albums are filed as "chirp-avatar", "circle-album"…, and served under their platform's path.
        rows = con.execute("SELECT site, token FROM photos").fetchall()
        pictures = [f"/{owner_site(site)}/img/{token}.jpg" for site, token in rows if searchable(site)]
        setup["first_search"] = f"/search/api/v1/image?url={pictures[0]}"
        return lambda rng: (f"/search/api/v1/image?url={rng.choice(pictures)}", (200,)), setup
    if kind == "chirp":
        users = accounts("chirp")
        statuses = [f"/chirp/{quote(u)}/status/{p}" for p, u in con.execute(
            "SELECT p.post_id, a.username FROM chirp_posts p JOIN social_accounts a "
            "ON a.platform = 'chirp' AND a.account_id = p.account_id")]
        return _one_of(lambda rng: (f"/chirp/{rng.choice(users)}", (200,)),
                       lambda rng: (rng.choice(statuses), (200,))), setup
    if kind == "chirp-api":
        users = accounts("chirp")
        api = "/chirp/api/v1/users/"
        return _one_of(lambda rng: (f"{api}{rng.choice(users)}", (200,)),
                       lambda rng: (f"{api}{rng.choice(users)}/posts", (200,)),
                       lambda rng: (f"{api}{rng.choice(users)}/followers", (200,))), setup
    if kind == "circle":
        users = accounts("circle")
        groups = [r[0] for r in con.execute("SELECT group_id FROM circle_groups")]
        posts = [r[0] for r in con.execute("SELECT post_id FROM circle_posts")]
        return _one_of(lambda rng: (f"/circle/{rng.choice(users)}", (200,)),
                       lambda rng: (f"/circle/groups/{rng.choice(groups)}", (200,)),
                       lambda rng: (f"/circle/posts/{rng.choice(posts)}", (200,))), setup
    if kind == "light":
        profiles = [(LIGHT_BY_SLUG[platform].profile_path(quote(name)), (LIGHT_BY_SLUG[platform].e_code,))
                    for platform, name in con.execute("SELECT platform, username FROM social_accounts")
                    if platform in LIGHT_BY_SLUG]
        return lambda rng: rng.choice(profiles), setup
    if kind == "username":
        names = sorted({r[0] for r in con.execute("SELECT username FROM social_accounts")})
        known = {n.casefold() for n in names}
        # A missing name is an ordinary answer (200, found 0), not an error: only other statuses count.
        return _one_of(lambda rng: (f"/search/api/v1/username?u={quote(rng.choice(names))}", (200,)),
                       lambda rng: (f"/search/api/v1/username?u={_missing_names(rng, known)}", (200,))), setup
    if kind in ("explorer", "explorer-api"):
        txids = [r[0] for r in con.execute("SELECT txid FROM chain_txs")]
        addresses = [r[0] for r in con.execute("SELECT DISTINCT address FROM chain_outputs")]
        if kind == "explorer":
            return _one_of(lambda rng: (f"/explorer/tx/{rng.choice(txids)}", (200,)),
                           lambda rng: (f"/explorer/address/{rng.choice(addresses)}", (200,))), setup
        api = "/explorer/api"
        return _one_of(lambda rng: (f"{api}/tx/{rng.choice(txids)}", (200,)),
                       lambda rng: (f"{api}/address/{rng.choice(addresses)}", (200,)),
                       lambda rng: (f"{api}/address/{rng.choice(addresses)}/txs", (200,))), setup
    raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")


def chirp_key(session: requests.Session, base: str, name: str) -> str:
    """A Chirp API key for ``name``, from the developer page's form, as a trainee gets one."""
    r = session.post(f"{base}/chirp/developers/keys", data={"name": name}, timeout=10)
    r.raise_for_status()
    found = API_KEY.search(r.text)
    if found is None:
        raise RuntimeError("the Chirp developer page showed no key in code.api-key")
    return found.group(1)


def bench_pages(world: Path, clients: int = 8, seconds: float = 8.0, kind: str = "quickads") -> dict:
    """Pages/s of one ``kind`` of page (see KINDS): QuickAds, the Companions API, Seekr's image search,
    Chirp pages or its keyed API, Circle pages, the light platforms' profiles or Seekr's username lookup."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "synth.web", "--world", str(world), "--port", str(port),
                               "--rate-limit", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if requests.get(f"{base}/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        con = sqlite3.connect(f"file:{world / 'public' / 'site.sqlite'}?mode=ro", uri=True)
        try:
            choose, setup = choosers(con, kind)
        finally:
            con.close()
        first_search = None
        if "first_search" in setup:  # the first image search hashes every picture file; measured on its own
            started = time.monotonic()
            requests.get(f"{base}{setup['first_search']}", timeout=60)
            first_search = time.monotonic() - started
        sessions = [requests.Session() for _ in range(clients)]
        keys_used = [0] * clients
        if kind == "chirp-api":  # each thread's first key before the clock starts
            for i, session in enumerate(sessions):
                session.headers["Authorization"] = f"Bearer {chirp_key(session, base, f'bench client {i} key 0')}"
                keys_used[i] = 1
        counts = [0] * clients
        errors = [0] * clients
        stop = time.monotonic() + seconds

        def crawl(i: int) -> None:
            rng = random.Random(i)
            session = sessions[i]
            while time.monotonic() < stop:
                path, expected = choose(rng)
                r = session.get(f"{base}{path}", timeout=10)
                counts[i] += 1
                errors[i] += r.status_code not in expected
                if kind == "chirp-api" and (r.status_code == 429 or r.headers.get("X-RateLimit-Remaining") == "0"):
                    key = chirp_key(session, base, f"bench client {i} key {keys_used[i]}")
                    session.headers["Authorization"] = f"Bearer {key}"
                    keys_used[i] += 1

        threads = [threading.Thread(target=crawl, args=(i,)) for i in range(clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        return {"clients": clients, "pages": sum(counts), "seconds": elapsed, "errors": sum(errors),
                "pages_per_second": sum(counts) / elapsed, "what": KINDS[kind], "first_search": first_search,
                "api_keys": sum(keys_used) if kind == "chirp-api" else None}
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(result: dict) -> str:
    first = (f"; the first search, which hashes every picture, took {result['first_search']:.2f} s"
             if result["first_search"] is not None else "")
    keys = (f"; {result['api_keys']} API keys, as the key window allows 300 calls per key a minute"
            if result.get("api_keys") is not None else "")
    return (f"Fake internet, {result['what']}: {result['pages_per_second']:.0f} pages/s to {result['clients']} "
            f"concurrent clients ({result['pages']} pages in {result['seconds']:.1f} s, {result['errors']} errors; "
            f"rate limit off{first}{keys})")
