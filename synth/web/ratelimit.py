"""A polite per-client token bucket.

Trainees learn to scrape responsibly: a crawler that ignores robots.txt's ``Request-rate`` should meet the same
HTTP 429 + ``Retry-After`` a real site would send, not silently succeed. One bucket per remote
address; ``rate`` tokens per second refill a bucket of ``burst`` tokens; a request takes one token.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class TokenBucketLimiter:
    """Thread-safe token buckets keyed by client (waitress serves requests from several threads)."""

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        if not rate > 0:
            raise ValueError(f"rate must be positive (requests per second); got {rate!r}")
        if burst < 1:
            raise ValueError(f"burst must be at least 1; got {burst!r}")
        self.rate = float(rate)
        self.burst = int(burst)
        self._clock = clock
        self._max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last refill time)
        self._lock = threading.Lock()

    def acquire(self, key: str) -> float:
        """Take a token for ``key``: 0.0 when allowed, else the seconds until a token is available."""
        with self._lock:
            now = self._clock()
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                allowed = 0.0
            else:
                self._buckets[key] = (tokens, now)
                allowed = (1.0 - tokens) / self.rate
            if len(self._buckets) > self._max_clients:
                self._prune(now)
            return allowed

    def retry_after(self, wait: float) -> int:
        """``wait`` as a ``Retry-After`` value: whole seconds, at least 1 (RFC 9110 §10.2.3)."""
        return max(1, math.ceil(wait))

    def _prune(self, now: float) -> None:
        """Forget clients whose bucket has refilled: they are indistinguishable from new ones."""
        full = [k for k, (tokens, last) in self._buckets.items()
                if tokens + (now - last) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) > self._max_clients:  # all busy: keep memory bounded anyway
            self._buckets.clear()
