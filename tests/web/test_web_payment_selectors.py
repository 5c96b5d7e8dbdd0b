"""Payment selectors: Zapply handles and LabCoin addresses are found in every written form, and by Seekr.

The normaliser tests are pure; the Seekr tests index a handful of hand-made QuickAds rows in a
``SearchIndex`` (no world is generated), which is all the index needs to show that the forms meet.
"""

from __future__ import annotations

import sqlite3

import pytest
from bs4 import BeautifulSoup

from synth.vocab.schemes import BECH32, HANDLE_RE, WALLET_RE
from synth.web.sites.search.index import SearchIndex, highlight
from synth.web.textnorm import KINDS, encode_key, find_selectors, parse_query, selector_tokens

HANDLE = "~olena.k93"
HANDLE_FORMS = ["~olena.k93", "~Olena.K93", "~OLENA.K93", "zapply.example/~olena.k93",
                "https://zapply.example/~olena.k93", "HTTPS://ZAPPLY.EXAMPLE/~Olena.K93", "Zapply: ~olena.k93",
                "Zapply ~olena.k93"]
# An address with a long run of digits, as an address may well have: a phone reader would take it.
ADDRESS = "lab1" + "2345678902345678" + BECH32[:22]
PHONE_IN_HANDLE = "~anna.07700900123"


def query_tokens(q: str) -> set[str]:
    return {t for _, tokens in parse_query(q).selectors for t in tokens}


def kinds(text: str) -> list[str]:
    return [f.kind for f in find_selectors(text)]


def test_the_examples_are_in_the_lab_schemes() -> None:
    assert HANDLE_RE.match(HANDLE) and HANDLE_RE.match(PHONE_IN_HANDLE) and HANDLE_RE.match("~lux.booking.1")
    assert WALLET_RE.match(ADDRESS)


@pytest.mark.parametrize("form", HANDLE_FORMS)
def test_every_written_form_of_a_handle_has_one_key(form: str) -> None:
    key = {encode_key("zapply", HANDLE)}
    assert set(selector_tokens(f"Deposit first, {form} thanks")) == key, form
    assert query_tokens(form) == key, form
    assert parse_query(form).words == (), form  # the link and the app's name are part of the selector


def test_a_sentence_dot_ends_the_handle() -> None:
    assert set(selector_tokens("Zapply ~anna.k93.")) == {encode_key("zapply", "~anna.k93")}
    assert set(selector_tokens("Pay ~lux.booking.1. Then text me")) == {encode_key("zapply", "~lux.booking.1")}
    assert set(selector_tokens("Pay ~lux.booking.1.")) == {encode_key("zapply", "~lux.booking.1")}


def test_what_is_not_a_handle() -> None:
    for text in ["~anna", "~anna.k93_x", "~anna.k93.x_y", "see other.example/~anna.k93", "a~anna.k93", "~.anna"]:
        assert "zapply" not in kinds(text), text


def test_a_handle_is_no_messaging_handle_and_no_phone() -> None:
    for text in [HANDLE, f"Telegram {HANDLE}", f"Signal: {HANDLE}", f"Zapply {HANDLE}."]:
        assert kinds(text) == ["zapply"], text
    assert kinds(f"Zapply {PHONE_IN_HANDLE}") == ["zapply"]
    assert kinds(f"zapply.example/{PHONE_IN_HANDLE} or call 07700 900124") == ["zapply", "phone"]


def test_an_address_in_any_case_and_its_digits_are_no_phone() -> None:
    key = {encode_key("wallet", ADDRESS)}
    for form in [ADDRESS, ADDRESS.upper(), ADDRESS[:10].upper() + ADDRESS[10:]]:
        assert set(selector_tokens(f"Send LBC to {form}.")) == key, form
        assert query_tokens(form) == key, form
    assert kinds(f"wallet: {ADDRESS}, call 07700 900124") == ["wallet", "phone"]


def test_an_address_inside_a_longer_run_is_none() -> None:
    assert "wallet" not in kinds("x" + ADDRESS) and "wallet" not in kinds(ADDRESS + "q")
    assert "wallet" not in kinds(ADDRESS[:-1])  # 37 characters after lab1
    assert kinds(f"/explorer/address/{ADDRESS}") == ["wallet"]


def test_kinds_have_distinct_token_prefixes() -> None:
    assert len({k[0] for k in KINDS}) == len(KINDS)
    tokens = [encode_key(kind, key) for kind, key in [("phone", "447700900123"), ("email", "a@b.example"),
                                                       ("handle", "olena.k93"), ("zapply", HANDLE),
                                                       ("wallet", ADDRESS)]]
    assert len({t[0] for t in tokens}) == len(tokens) and all(t.isalnum() for t in tokens)
    with pytest.raises(ValueError):
        encode_key("iban", "ZZ00TEST0123456789")


# --- Seekr ------------------------------------------------------------------------------------------------

ADS = [
    (1, "Rooms for workers", "Deposit via HTTPS://ZAPPLY.EXAMPLE/~OLENA.K93 before you travel.", None),
    (2, "Massage, new in town", "Booking fee first: Zapply ~Olena.K93.", "Telegram @olena_k"),
    (3, "Cheap tickets", "Pay at zapply.example/~olena.k9 (another person).", None),
    (4, "Visa help", f"Fees in LabCoin only: {ADDRESS.upper()}", None),
    (5, "Warehouse work", f"Pay the agency at {ADDRESS}. Call 07700 900124.", None),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    conn.execute("CREATE TABLE quickads_ads (ad_id, title, body, display_name, phone, email, messenger)")
    conn.executemany("INSERT INTO quickads_ads VALUES (?, ?, ?, 'Olena', NULL, NULL, ?)", ADS)
    idx = SearchIndex()
    idx.add("quickads", conn.execute("SELECT * FROM quickads_ads ORDER BY ad_id"))
    conn.close()
    return idx


@pytest.mark.parametrize("form", HANDLE_FORMS)
def test_seekr_finds_a_handle_written_as_a_link_and_in_upper_case(index: SearchIndex, form: str) -> None:
    assert index.matches(parse_query(form)) == {("quickads", 1), ("quickads", 2)}, form


def test_seekr_finds_an_address_in_any_case(index: SearchIndex) -> None:
    for form in (ADDRESS, ADDRESS.upper()):
        assert index.matches(parse_query(form)) == {("quickads", 4), ("quickads", 5)}, form
    assert index.matches(parse_query(f"agency {ADDRESS.upper()}")) == {("quickads", 5)}  # words still count
    assert index.matches(parse_query("07700 900124")) == {("quickads", 5)}  # the address gave no phone


def test_seekr_highlight_marks_the_written_form(index: SearchIndex) -> None:
    _, hits = index.search(parse_query(HANDLE), 1, 10)
    marked = {h.doc_id: [m.get_text() for m in BeautifulSoup(h.snippet, "html.parser").select("mark")]
              for h in hits}
    assert marked == {1: ["HTTPS://ZAPPLY.EXAMPLE/~OLENA.K93"], 2: ["Zapply ~Olena.K93"]}
    html = highlight(f"Fees: {ADDRESS.upper()}.", parse_query(ADDRESS))
    assert [m.get_text() for m in BeautifulSoup(html, "html.parser").select("mark")] == [ADDRESS.upper()]
