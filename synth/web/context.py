"""Per-request access to the served world, shared by the app and every site blueprint."""

from __future__ import annotations

import sqlite3

from flask import current_app, g

from synth.web.world import World


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


def robots_lines(disallow: tuple[str, ...]) -> list[str]:
    """robots.txt rules: one ``User-agent: *`` group, a polite crawl delay, then ``disallow``."""
    return ["# OSINT Lab training internet: every site and person here is fictional.",
            "User-agent: *", "Crawl-delay: 1", *(f"Disallow: {path}" for path in disallow)]
