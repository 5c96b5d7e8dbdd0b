"""Seekr: results markup, highlighting, pagination, selector search in every written form, errors."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from synth.vocab.selectors import DIGIT_WORDS, PHONE_STYLES, obscured_phone
from synth.web.sites.search.index import SearchIndex
from synth.web.sites.search.pages import PER_PAGE
from synth.web.textnorm import find_selectors, parse_query

from .conftest import FIXTURE_HANDLES, FIXTURE_PHONES


def results(client: FlaskClient, q: str) -> list[tuple[str, int]]:
    """(site, id) of every result of ``q``, following rel="next"."""
    found: list[tuple[str, int]] = []
    resp = client.get("/search/", query_string={"q": q})
    while True:
        assert resp.status_code == 200, q
        page = BeautifulSoup(resp.data, "html.parser")
        found += [(li["data-site"], int(li["data-id"])) for li in page.select("li.result")]
        nxt = page.select_one('a[rel="next"]')
        if nxt is None:
            return found
        resp = client.get(nxt["href"])


def docs_with(world: Path, e164: str) -> set[tuple[str, int]]:
    """Which fixture documents carry ``e164``, worked out from the canonical phone the fixture wrote."""
    conn = sqlite3.connect(world / "public" / "site.sqlite")
    try:
        out: set[tuple[str, int]] = set()
        for site, sql in [("companions", "SELECT profile_id, contact FROM companions_profiles"),
                          ("jobboard", "SELECT post_id, contact FROM jobboard_posts"),
                          ("quickads", "SELECT ad_id, phone FROM quickads_ads")]:
            for doc_id, text in conn.execute(sql):
                want = parse_query(e164).selectors[0][1]
                if any(want & {f"p{k}" for k in f.keys} for f in find_selectors(text or "") if f.kind == "phone"):
                    out.add((site, doc_id))
        return out
    finally:
        conn.close()


def test_home_page_lists_what_is_indexed(fixture_client: FlaskClient) -> None:
    page = BeautifulSoup(fixture_client.get("/search/").data, "html.parser")
    assert {s["data-site"] for s in page.select(".indexed-site")} == {"quickads", "companions", "jobboard"}
    assert int(page.select_one(".documents")["data-documents"]) == 137 + 61 + 251
    assert page.select_one('form[role="search"] input[name="q"]') is not None


def test_result_markup_and_highlight(fixture_client: FlaskClient) -> None:
    page = BeautifulSoup(fixture_client.get("/search/?q=warehouse").data, "html.parser")
    first = page.select_one("li.result")
    link = first.select_one("a.result-title")
    assert link["href"].startswith(("/quickads/ad/", "/jobboard/post/"))
    assert first.select_one("cite.result-url").get_text().split(" › ")[0] in ("quickads.example", "workabroad.example")
    assert [m.get_text().casefold() for m in first.select(".result-snippet mark, .result-title mark")][0] == "warehouse"
    assert len(page.select("li.result")) == PER_PAGE
    assert int(page.select_one(".total")["data-total"]) > PER_PAGE


def test_every_phone_in_every_written_form(fixture_client: FlaskClient, fixture_world: Path) -> None:
    """Each form as a query finds every document that wrote the number, in whatever form it did."""
    index: SearchIndex = fixture_client.application.extensions["osintlab.search"]
    rng = random.Random(8)
    for e164 in FIXTURE_PHONES:
        expected = docs_with(fixture_world, e164)
        assert expected, e164
        forms = {e164} | {obscured_phone(e164, style, rng, lang, country) for style in PHONE_STYLES
                          for lang in sorted(DIGIT_WORDS)[:3] for country in (None, "PL")}
        for form in sorted(forms):
            assert expected <= index.matches(parse_query(form)), form
        total = len(index.matches(parse_query(form)))
        page = BeautifulSoup(fixture_client.get("/search/", query_string={"q": form}).data, "html.parser")
        assert int(page.select_one(".total")["data-total"]) == total


def test_handles_and_emails(fixture_client: FlaskClient, fixture_world: Path) -> None:
    for handle in FIXTURE_HANDLES:
        by_at = set(results(fixture_client, "@" + handle))
        assert by_at and by_at == set(results(fixture_client, f"TG: {handle.upper()}"))
        if "." not in handle:  # Telegram names have no dots, so t.me/ links end at one
            assert set(results(fixture_client, f"t.me/{handle}")) == by_at
    conn = sqlite3.connect(fixture_world / "public" / "site.sqlite")
    email = conn.execute("SELECT email FROM quickads_ads WHERE ad_id = 10").fetchone()[0]
    conn.close()
    local, domain = email.split("@")
    assert results(fixture_client, f"{local} at {domain.replace('.', ' dot ')}") == [("quickads", 10)]
    assert results(fixture_client, f"{local.upper()}(at){domain.replace('.', '(dot)')}") == [("quickads", 10)]


def test_selector_highlight_marks_the_obscured_text(fixture_client: FlaskClient, fixture_world: Path) -> None:
    conn = sqlite3.connect(fixture_world / "public" / "site.sqlite")
    contact = conn.execute("SELECT contact FROM companions_profiles WHERE profile_id = 3").fetchone()[0]
    conn.close()
    written = contact.split(" · ")[0]
    index: SearchIndex = fixture_client.application.extensions["osintlab.search"]
    _, hits = index.search(parse_query(FIXTURE_PHONES[3]), 1, 1000)
    hit = next(h for h in hits if (h.site, h.doc_id) == ("companions", 3))
    assert written in [m.get_text() for m in BeautifulSoup(hit.snippet, "html.parser").select("mark")]


def test_words_and_selectors_combine(fixture_client: FlaskClient) -> None:
    both = set(results(fixture_client, f"Ioana {FIXTURE_PHONES[0]}"))
    assert both and all(site == "companions" for site, _ in both)
    assert both < set(results(fixture_client, FIXTURE_PHONES[0]))


@pytest.mark.parametrize(("url", "status"), [
    ("/search/?q=zzzqxnothing", 200), ("/search/?q=warehouse&page=999", 404), ("/search/?q=a&page=0", 400),
    ("/search/?q=" + "a" * 201, 400), ('/search/?q="', 200), ("/search/?q=NEAR(a b)", 200),
    ("/search/?q=*", 200), ("/search/?q=title:x OR", 200), ("/search/?q=%2B", 200),
])
def test_odd_queries_never_500(fixture_client: FlaskClient, url: str, status: int) -> None:
    assert fixture_client.get(url).status_code == status


def test_no_results_state(fixture_client: FlaskClient) -> None:
    page = BeautifulSoup(fixture_client.get("/search/?q=zzzqxnothing").data, "html.parser")
    assert page.select_one(".no-results h2").get_text() == "No results"
    assert page.select_one(".total")["data-total"] == "0" and page.select_one("nav.pagination") is None
