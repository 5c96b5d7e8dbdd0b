"""The selector normaliser: every written form synth.vocab.selectors produces meets every other form.

Pure functions, so these run without a world. The phones are drawn from the same fiction ranges and
unallocated blocks the generator uses; the normaliser never sees them except as text.
"""

from __future__ import annotations

import random

import pytest

from synth.vocab.selectors import DIGIT_WORDS, PHONE_STYLES, handle_text, obscured_email, obscured_phone, plain_phone
from synth.web.textnorm import (
    encode_key,
    find_selectors,
    parse_query,
    phone_keys,
    selector_tokens,
    split_country_code,
)

PHONES = ["+447700900123", "+447700900999", "+48491815127", "+40715697530", "+380742072306", "+380709090306"]


def query_tokens(q: str) -> set[str]:
    return {t for _, tokens in parse_query(q).selectors for t in tokens}


def test_country_codes_are_split_by_prefix() -> None:
    assert split_country_code("447700900123") == ("44", "7700900123")
    assert split_country_code("380742072306") == ("380", "742072306")
    assert split_country_code("15550100") == ("1", "5550100")


def test_phone_keys_meet_across_national_and_international_forms() -> None:
    national = phone_keys("07700900123")
    assert national & phone_keys("447700900123", plus=True)
    assert national & phone_keys("00447700900123")
    assert national & phone_keys("7700900123")
    assert "7700900123" in phone_keys("4407700900123", plus=True)  # +44 (0) 7700 900123
    assert phone_keys("123") == frozenset()  # too short to be a phone


@pytest.mark.parametrize("phone", PHONES)
def test_every_written_style_meets_every_other(phone: str) -> None:
    rng = random.Random(phone)
    written = [obscured_phone(phone, style, rng, lang, country)
               for style in PHONE_STYLES for lang in DIGIT_WORDS for country in (None, "GB", "PL", "UA")]
    written += [plain_phone(phone, s) for s in ("national", "international", "compact", "dashed")]
    for form in written:
        index = set(selector_tokens(f"Hello, I am new in town. Call {form} after 18:00, 24/7!"))
        assert query_tokens(phone) & index, (form, phone)
        assert query_tokens(form) & set(selector_tokens(f"Phone: {phone}")), form


def test_examples_from_the_brief() -> None:
    target = query_tokens("+44 7700 900123")
    for form in ["07700 900123", "seven seven zero zero nine zero zero one two three", "O77OO 9OO123",
                 "0️⃣7️⃣7️⃣0️⃣0️⃣ 9️⃣0️⃣0️⃣1️⃣2️⃣3️⃣", "0044-770-090-012-3", "+44 . 770 . 090 . 012 . 3",
                 "+447700 … and then 900123", "+447700 … a potem 900123", "+447700 … далі 900123",
                 "сім сім нуль нуль дев’ять нуль нуль один два три", "+ 4 4 7 7 0 0 9 0 0 1 2 3"]:
        assert target & set(selector_tokens(f"Text me: {form}.")), form


def test_emails_in_obscured_forms() -> None:
    key = {encode_key("email", "anna@postbox.example")}
    for form in ["anna@postbox.example", "anna at postbox dot example", "anna(at)postbox(dot)example",
                 "anna [at] postbox.example", "ANNA (AT) POSTBOX (DOT) EXAMPLE", "anna@postbox.example."]:
        assert key <= set(selector_tokens(f"Write to {form} today")), form
        assert query_tokens(form) == key, form
    rng = random.Random(3)
    for _ in range(30):
        assert key <= set(selector_tokens(obscured_email("anna@postbox.example", rng)))


def test_handles_in_their_forms() -> None:
    rng = random.Random(4)
    for app in ("telegram", "signal", "whatsapp"):
        for _ in range(10):
            text = handle_text(app, "@Mila_Lon", rng)
            assert set(selector_tokens(text)) == {encode_key("handle", "mila_lon")}, text
    assert query_tokens("@mila_lon") == query_tokens("t.me/mila_lon") == query_tokens("TG: mila_lon")


def test_no_false_selectors_in_ordinary_text() -> None:
    text = ("Meet me at the hotel. Call after 18:00, 24/7, €3,500/month, age 25, 100% real. "
            "Telegram only. Room 101 on floor 3. Posted 2026.")
    kinds = {f.kind for f in find_selectors(text)}
    assert "email" not in kinds and "handle" not in kinds
    assert not [f for f in find_selectors("WhatsApp 07700 900123") if f.kind == "handle"]


def test_digits_of_an_email_are_not_a_phone() -> None:
    found = find_selectors("olena1987120345@postbox.example")
    assert [f.kind for f in found] == ["email"]


def test_query_keeps_other_words() -> None:
    q = parse_query("massage 07700 900123 Łódź")
    assert q.words == ("massage", "łodz")
    assert len(q.selectors) == 1 and q.selectors[0][0] == "07700 900123"
