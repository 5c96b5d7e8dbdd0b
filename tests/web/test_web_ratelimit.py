"""The polite-crawler rate limit: token bucket per client, 429 + Retry-After, exemptions."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from synth.web.app import create_app
from synth.web.ratelimit import TokenBucketLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_burst_then_refills_at_rate() -> None:
    clock = FakeClock()
    limiter = TokenBucketLimiter(rate=2.0, burst=3, clock=clock)
    assert [limiter.acquire("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.acquire("a")
    assert wait == pytest.approx(0.5)
    assert limiter.retry_after(wait) == 1
    assert limiter.acquire("b") == 0.0  # another client has its own bucket
    clock.now += 0.5
    assert limiter.acquire("a") == 0.0
    assert limiter.acquire("a") > 0
    clock.now += 60  # refills to the burst, never beyond
    assert [limiter.acquire("a") for _ in range(4)].count(0.0) == 3


def test_retry_after_is_whole_seconds_at_least_one() -> None:
    limiter = TokenBucketLimiter(rate=0.1, burst=1)
    assert limiter.retry_after(0.01) == 1
    assert limiter.retry_after(9.2) == 10


def test_bucket_is_thread_safe() -> None:
    limiter = TokenBucketLimiter(rate=1e-9, burst=50, clock=lambda: 0.0)
    allowed: list[bool] = []
    lock = threading.Lock()

    def hammer() -> None:
        for _ in range(100):
            ok = limiter.acquire("same") == 0.0
            with lock:
                allowed.append(ok)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert allowed.count(True) == 50


def test_memory_stays_bounded() -> None:
    clock = FakeClock()
    limiter = TokenBucketLimiter(rate=10, burst=2, clock=clock, max_clients=100)
    for i in range(1000):
        limiter.acquire(f"192.0.2.{i}")
        clock.now += 1
    assert len(limiter._buckets) <= 101


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        TokenBucketLimiter(rate=0, burst=5)
    with pytest.raises(ValueError):
        TokenBucketLimiter(rate=1, burst=0)


def test_app_answers_429_with_retry_after_then_recovers(world_dir: Path) -> None:
    # One token per second: the first requests may build caches on a loaded machine, and at 5 tokens/s a
    # token could refill before the fourth request (seen once under a full suite on 2 busy cores).
    client = create_app(world_dir, rate_limit=1.0, burst=3).test_client()
    assert [client.get("/quickads/").status_code for _ in range(3)] == [200, 200, 200]
    resp = client.get("/quickads/ads")
    assert resp.status_code == 429
    assert resp.headers["Retry-After"].isdigit() and int(resp.headers["Retry-After"]) >= 1
    assert "too fast" in resp.get_data(as_text=True)
    # Health checks and static files are exempt; other clients are not affected.
    assert client.get("/healthz").status_code == 200
    assert client.get("/static/lab.css").status_code == 200
    assert client.get("/quickads/", environ_base={"REMOTE_ADDR": "192.0.2.7"}).status_code == 200
    time.sleep(1.1)  # 1 token/s: one token after a second
    assert client.get("/quickads/").status_code == 200


def test_rate_limit_none_disables_it(world_dir: Path) -> None:
    client = create_app(world_dir, rate_limit=None).test_client()
    assert {client.get("/robots.txt").status_code for _ in range(60)} == {200}
