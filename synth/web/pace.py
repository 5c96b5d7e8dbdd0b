"""The class's pace on the fake internet: what robots.txt asks, and what the server enforces.

robots.txt asks POLITE_REQUEST_RATE requests per second; the server enforces RATE_LIMIT per client with
bursts of BURST and answers 429 beyond that. Module 03 collects well over a thousand ad pages, so the
pace is chosen for a collection of a few minutes; the enforced limit stays at twice the polite one, so a
scraper that obeys robots.txt never meets a 429. Flask-free, so the CLI can read it without loading Flask.
"""

POLITE_REQUEST_RATE = 10
RATE_LIMIT = 20.0
BURST = 40
