"""Pages per second the fake internet serves to concurrent crawlers on loopback.

The server runs in its own process, as in the lab; 8 client threads fetch a mix of listing and
detail pages for a fixed time. The rate limit is switched off here: it exists to teach politeness,
and would otherwise measure itself.
"""

from __future__ import annotations

import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


KINDS = {"quickads": "QuickAds pages", "api": "Companions JSON API", "images": "Seekr image search API"}


def bench_pages(world: Path, clients: int = 8, seconds: float = 8.0, kind: str = "quickads") -> dict:
    """Pages/s of QuickAds HTML pages, the Companions JSON API or Seekr's image search (``kind``)."""
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
        import sqlite3

        con = sqlite3.connect(f"file:{world / 'public' / 'site.sqlite'}?mode=ro", uri=True)
        ad_ids = [r[0] for r in con.execute("SELECT ad_id FROM quickads_ads")]
        profile_ids = [r[0] for r in con.execute("SELECT profile_id FROM companions_profiles")]
        cities = [r[0] for r in con.execute("SELECT slug FROM cities")]
        pictures = [f"/{site}/img/{token}.jpg" for site, token in con.execute("SELECT site, token FROM photos")]
        con.close()
        first_search = None
        if kind == "images":  # the first search hashes every picture file; measured on its own
            started = time.monotonic()
            requests.get(f"{base}/search/api/v1/image", params={"url": pictures[0]}, timeout=60)
            first_search = time.monotonic() - started
        counts = [0] * clients
        errors = [0] * clients
        stop = time.monotonic() + seconds

        def crawl(i: int) -> None:
            rng = random.Random(i)
            session = requests.Session()
            while time.monotonic() < stop:
                if kind == "images":
                    url = f"{base}/search/api/v1/image?url={rng.choice(pictures)}"
                elif kind == "api":
                    url = (f"{base}/companions/api/v1/profiles/{rng.choice(profile_ids)}" if rng.random() < 0.5
                           else f"{base}/companions/api/v1/profiles?page={rng.randint(1, 3)}&per_page=50")
                elif rng.random() < 0.5:
                    url = f"{base}/quickads/ad/{rng.choice(ad_ids)}"
                else:
                    url = f"{base}/quickads/ads?city={rng.choice(cities)}&page={rng.randint(1, 3)}"
                r = session.get(url, timeout=10)
                counts[i] += 1
                errors[i] += r.status_code not in (200, 400)

        threads = [threading.Thread(target=crawl, args=(i,)) for i in range(clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        return {"clients": clients, "pages": sum(counts), "seconds": elapsed, "errors": sum(errors),
                "pages_per_second": sum(counts) / elapsed, "what": KINDS[kind], "first_search": first_search}
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(result: dict) -> str:
    first = (f"; the first search, which hashes every picture, took {result['first_search']:.2f} s"
             if result["first_search"] is not None else "")
    return (f"Fake internet, {result['what']}: {result['pages_per_second']:.0f} pages/s to {result['clients']} "
            f"concurrent clients ({result['pages']} pages in {result['seconds']:.1f} s, {result['errors']} errors; "
            f"rate limit off{first})")
