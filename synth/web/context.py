"""Per-request access to the served world, shared by the app and every site blueprint."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from types import ModuleType

from flask import Blueprint, current_app, g

from synth.web.pace import POLITE_REQUEST_RATE
from synth.web.world import World


@dataclass(frozen=True)
class SiteSpec:
    """What the app needs to mount one site: its blueprint, robots.txt lines, and its JSON API's path prefixes.

    Errors under ``json_prefixes`` are JSON, not HTML pages. Most sites are one module each
    (``SiteSpec.of(module)`` reads ``bp``, ``ROBOTS_DISALLOW`` and ``JSON_PREFIXES``); the light
    platforms are several sites made by one module.
    """

    bp: Blueprint
    robots_disallow: tuple[str, ...] = ()
    json_prefixes: tuple[str, ...] = ()

    @classmethod
    def of(cls, module: ModuleType) -> SiteSpec:
        return cls(module.bp, tuple(module.ROBOTS_DISALLOW), tuple(getattr(module, "JSON_PREFIXES", ())))


def content_security_policy(script_src: str = "'none'") -> str:
    """The CSP every page carries: same-origin resources only, so a browser loads nothing from outside.

    Scripts are off (``'none'``) except on pages that need the site's own JavaScript (``'self'``):
    never inline scripts, never another origin.
    """
    return (f"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src {script_src}; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def lab_world() -> World:
    """The world the current app serves (set by ``create_app``)."""
    return current_app.extensions["osintlab.world"]


def db() -> sqlite3.Connection:
    """This request's read-only connection, opened on first use and closed at teardown."""
    if "db" not in g:
        g.db = lab_world().connect()
    return g.db


def close_db(_exc: BaseException | None = None) -> None:
    """Teardown hook: close the request's connection, if one was opened."""
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


def robots_lines(disallow: tuple[str, ...], request_rate: int = POLITE_REQUEST_RATE) -> list[str]:
    """robots.txt rules: one ``User-agent: *`` group, the polite request rate, then ``disallow``.

    The advertised rate (requests per second) stays below the enforced rate limit, so a scraper that
    obeys robots.txt never meets a 429. ``Request-rate`` rather than ``Crawl-delay`` because Python's
    robotparser reads only whole seconds from the latter.
    """
    return ["# OSINT Lab training internet: every site and person here is fictional.",
            "User-agent: *", f"Request-rate: {request_rate}/1", *(f"Disallow: {path}" for path in disallow)]
