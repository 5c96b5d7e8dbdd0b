"""Chirp's API keys: issued for a name on the developer page, checked on every API call, never stored.

A key is ``chirp_`` + 10 hex digits derived from the name + 30 hex digits of an HMAC of those 10 under a
secret derived from the world id. So the same name always gets the same key, a key works again after
the server restarts (a graded notebook replays), a made-up key is refused, and the server keeps no
table of keys. The secret follows from the public world id: these keys teach how API keys are used
(``Authorization: Bearer …``, 401/403/429, rate-limit headers); they are not a security boundary.
"""

from __future__ import annotations

import hashlib
import hmac
import re

KEY_PREFIX = "chirp_"
KEY_FORM = re.compile(r"chirp_([0-9a-f]{10})([0-9a-f]{30})")
MAX_NAME_CHARS = 60


def api_secret(world_id: str) -> bytes:
    """The HMAC secret of one world's keys (a new world, a new set of keys)."""
    return hashlib.sha256(f"osintlab:chirp-api-keys:{world_id}".encode()).digest()


def clean_name(name: str) -> str:
    """The name a key is issued for: spaces collapsed; the key ignores case."""
    return " ".join((name or "").split())


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot have a key (in words), or None when it can."""
    name = clean_name(name)
    if not name:
        return "Type a name for your app or project, for example “Module 04 notebook”."
    if len(name) > MAX_NAME_CHARS:
        return f"Use a name of at most {MAX_NAME_CHARS} characters."
    if not name.isprintable():
        return "Use letters, digits, spaces and punctuation only."
    return None


def _mac(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, nonce.encode(), hashlib.sha256).hexdigest()[:30]


def issue_key(secret: bytes, name: str) -> str:
    """The key for ``name`` (the same every time for the same name and world)."""
    nonce = hashlib.sha256(clean_name(name).casefold().encode()).hexdigest()[:10]
    return KEY_PREFIX + nonce + _mac(secret, nonce)


def key_is_valid(secret: bytes, key: str) -> bool:
    """Whether ``key`` was issued by ``issue_key`` under ``secret`` (constant-time comparison)."""
    match = KEY_FORM.fullmatch(key or "")
    return match is not None and hmac.compare_digest(match.group(2), _mac(secret, match.group(1)))
