"""The Seekr index: SQLite FTS5 over every document of the fake internet, built in memory at start-up.

Each ad, profile, post, comment, group and account is one row (``synth.web.sites.search.sources``): ``title``
and ``body`` (words, for ordinary searches) and ``sel``, the canonical tokens of every phone, e-mail,
messaging handle, Zapply handle and LabCoin address written in it (``synth.web.textnorm``), so a selector
is found whatever form it was written in.
The index lives in memory: the world's ``public/`` stays untouched and read-only, and nothing under
``key/`` is ever read.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from synth.web.sites.search.sources import SOURCES
from synth.web.textnorm import Query, encode_key, find_selectors, fold, selector_tokens
from synth.web.wmn import PROFILE_RULES
from synth.web.world import SOCIAL_TABLES, World, connect_readonly

SCHEMA = """CREATE VIRTUAL TABLE docs USING fts5(
  title, body, sel, site UNINDEXED, kind UNINDEXED, doc_id UNINDEXED, path UNINDEXED,
  tokenize = "unicode61 remove_diacritics 2")"""
SNIPPET_CHARS = 220
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Hit:
    """One search result, ready for the template (title and snippet are safe markup with <mark>)."""

    site: str
    kind: str
    doc_id: int
    path: str
    title: Markup
    snippet: Markup


def fts_expression(query: Query) -> str | None:
    """The FTS5 MATCH expression for ``query``: every selector (any of its tokens) and every word."""
    parts = [f"sel : ({' OR '.join(sorted(f'{chr(34)}{t}{chr(34)}' for t in tokens))})"
             for _, tokens in query.selectors]
    parts += ['{title body} : "' + w.replace('"', '""') + '"' for w in query.words]
    return " AND ".join(parts) or None


def highlight(text: str, query: Query, *, window: int | None = None) -> Markup:
    """``text`` escaped, with the query's selectors (in any written form) and words in ``<mark>``.

    With ``window``, only about that many characters around the first match are kept (a snippet).
    """
    wanted = {t for _, tokens in query.selectors for t in tokens}
    spans = [(f.start, f.end) for f in find_selectors(text) if wanted & {encode_key(f.kind, k) for k in f.keys}]
    words = set(query.words)
    spans += [(m.start(), m.end()) for m in _WORD.finditer(text) if fold(m.group()) in words]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    lo, hi = 0, len(text)
    if window is not None:
        focus = merged[0][0] if merged else 0
        lo = max(0, focus - window // 3)
        lo = text.rfind(" ", 0, lo) + 1 if lo else 0
        hi = min(len(text), max(lo + window, merged[0][1] if merged else 0))
        if hi < len(text):  # end at a space: a cut word (an e-mail, a number) would read as another one
            space = text.find(" ", hi)
            hi = len(text) if space < 0 else space
    out, pos = [], lo
    for start, end in merged:
        if end <= lo or start >= hi:
            continue
        start, end = max(start, lo), min(end, hi)
        out += [escape(text[pos:start]), Markup("<mark>"), escape(text[start:end]), Markup("</mark>")]
        pos = end
    out.append(escape(text[pos:hi]))
    html = Markup("").join(out)
    return (Markup("… ") if lo else Markup("")) + html + (Markup(" …") if hi < len(text) else Markup(""))


class SearchIndex:
    """An in-memory FTS5 index; safe to query from waitress's threads (one connection, one lock)."""

    def __init__(self) -> None:
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute(SCHEMA)
        self._lock = threading.Lock()
        self.sites: tuple[str, ...] = ()

    @classmethod
    def build(cls, world: World) -> SearchIndex:
        """Index every site the world serves and Seekr knows, reading site.sqlite read-only.

        A site counts when the world lists it and has its tables (old worlds lack the social ones);
        accounts are indexed for the platforms among those.
        """
        index = cls()
        served = {s.slug for s in world.sites if world.has_tables(*SOCIAL_TABLES.get(s.slug, ()))}
        src = connect_readonly(world.db_uri)
        indexed: set[str] = set()
        try:
            for name, source in SOURCES.items():
                if not world.has_tables(*source.tables) or (source.site and source.site not in served):
                    continue
                allowed = served if source.site else served & set(PROFILE_RULES)
                indexed |= index.add(name, (r for r in src.execute(source.sql) if source.site_of(r) in allowed))
        finally:
            src.close()
        index.sites = tuple(s.slug for s in world.sites if s.slug in indexed)
        return index

    def add(self, name: str, rows: Iterable[sqlite3.Row]) -> set[str]:
        """Index ``rows`` of source ``name`` (each row's first column is its id); the sites they belong to."""
        source = SOURCES[name]
        batch = []
        for r in rows:
            title, body = source.title(r), source.body(r)
            sel = " ".join(selector_tokens(title + "\n" + body))
            batch.append((title, body, sel, source.site_of(r), source.kind, int(r[0]), source.path(r)))
        with self._lock:
            self._conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", batch)
        return {b[3] for b in batch}

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0])

    def matches(self, query: Query, kind: str | None = None) -> set[tuple[str, int]]:
        """(site, id) of every document (of ``kind``, if given) matching ``query``, unranked (for checks)."""
        expr = fts_expression(query)
        if expr is None:
            return set()
        sql = "SELECT site, doc_id FROM docs WHERE docs MATCH ?" + (" AND kind = ?" if kind else "")
        with self._lock:
            rows = self._conn.execute(sql, (expr, kind) if kind else (expr,)).fetchall()
        return {(r["site"], int(r["doc_id"])) for r in rows}

    def search(self, query: Query, page: int, per_page: int) -> tuple[int, list[Hit]]:
        """(total matches, the hits of ``page``), best match first (bm25), then by site and id."""
        expr = fts_expression(query)
        if expr is None:
            return 0, []
        with self._lock:
            total = int(self._conn.execute("SELECT COUNT(*) FROM docs WHERE docs MATCH ?", (expr,)).fetchone()[0])
            rows = self._conn.execute(
                "SELECT site, kind, doc_id, path, title, body FROM docs WHERE docs MATCH ? "
                "ORDER BY bm25(docs), site, kind, doc_id LIMIT ? OFFSET ?",
                (expr, per_page, (page - 1) * per_page)).fetchall()
        hits = [Hit(r["site"], r["kind"], int(r["doc_id"]), r["path"], highlight(r["title"], query),
                    highlight(r["body"], query, window=SNIPPET_CHARS)) for r in rows]
        return total, hits
