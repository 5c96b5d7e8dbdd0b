"""A polite per-client token bucket.

Trainees learn to scrape responsibly: a crawler that ignores robots.txt's ``Request-rate`` should meet the same
HTTP 429 + ``Retry-After`` a real site would send, not silently succeed. One bucket per remote
address; ``rate`` tokens per second refill a bucket of ``burst`` tokens; a request takes one token.
``WindowLimiter`` is the other kind real APIs use, per API key: so many calls per fixed window.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


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


@dataclass(frozen=True)
class WindowState:
    """One request's place in its key's window, as the ``X-RateLimit-*`` headers report it."""

    limit: int
    remaining: int
    reset: float  # when the window ends, in the limiter's clock (Unix seconds by default)
    allowed: bool


class WindowLimiter:
    """A fixed window per key: ``limit`` requests per ``window`` seconds, counted from the key's first request.

    What public APIs do per API key (and report in ``X-RateLimit-Limit/Remaining/Reset``): simpler for a
    trainee to reason about than a token bucket: "300 calls, then wait until the reset time".
    """

    def __init__(self, limit: int, window: float, *, clock: Callable[[], float] = time.time,
                 max_keys: int = 10_000) -> None:
        if limit < 1 or not window > 0:
            raise ValueError(f"limit must be at least 1 and window positive; got {limit!r}, {window!r}")
        self.limit = int(limit)
        self.window = float(window)
        self._clock = clock
        self._max_keys = max_keys
        self._windows: dict[str, tuple[float, int]] = {}  # key -> (window end, requests counted)
        self._lock = threading.Lock()

    def hit(self, key: str) -> WindowState:
        """Count one request for ``key``; ``allowed`` is False once the window's limit is used up."""
        with self._lock:
            now = self._clock()
            end, used = self._windows.get(key, (0.0, 0))
            if now >= end:
                end, used = now + self.window, 0
                if len(self._windows) >= self._max_keys:
                    self._windows = {k: v for k, v in self._windows.items() if v[0] > now}
            allowed = used < self.limit
            used += 1 if allowed else 0
            self._windows[key] = (end, used)
            return WindowState(self.limit, self.limit - used, end, allowed)

    def seconds_left(self, state: WindowState) -> int:
        """Whole seconds until ``state``'s window resets (at least 1), for ``Retry-After``."""
        return max(1, math.ceil(state.reset - self._clock()))
