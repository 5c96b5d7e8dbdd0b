"""Every address of the social sites and of Seekr is documented in docs/web.md (a new route without docs fails)."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask

from synth.vocab.platforms import LIGHT_PLATFORMS

DOCS = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
ANY = re.compile(r"<any\(([^)]*)\):\w+>")


def spellings(rule: str) -> list[str]:
    """How docs/web.md writes ``rule``: converters dropped, ``any(a, b)`` expanded, API paths as ``GET /…``."""
    rule = re.sub(r"<(?:int|string):(\w+)>", r"<\1>", rule)
    rule = rule.split("<path:")[0].split("<token>")[0]  # catch-alls and pictures: documented by their prefix
    match = ANY.search(rule)
    forms = [rule[:match.start()] + alt.strip() + rule[match.end():] for alt in match.group(1).split(",")] \
        if match else [rule]
    return [f"GET {f.removeprefix('/chirp/api/v1')}" if f.startswith("/chirp/api/v1/") else f for f in forms]


def test_every_route_is_documented(social_app: Flask) -> None:
    missing = []
    for rule in social_app.url_map.iter_rules():
        if not rule.rule.startswith(("/chirp/", "/circle/", "/search/")) or rule.rule.endswith("/robots.txt") \
                or rule.endpoint.endswith(".unknown"):
            continue
        missing += [form for form in spellings(rule.rule) if form not in DOCS]
    assert not missing, f"document these in docs/web.md: {missing}"


def test_every_light_platform_is_documented() -> None:
    for p in LIGHT_PLATFORMS:
        assert f"| {p.name} | `{p.profile}` | {p.e_code}, \"{p.e_string}\" |" in DOCS, p.slug
        assert p.m_string in DOCS
