"""Canonical forms: the same meaning gives the same form, whoever wrote it and however."""

from __future__ import annotations

import pytest

from synth.vocab.canon import canonical_ad_id, canonical_phone, canonical_text, item_hash, phone_candidates

LAB_REGIONS = ["GB", "DE", "NL", "PL", "RO", "UA"]


@pytest.mark.parametrize("written", ["07700 900123", "+44 7700 900123", "07700-900123", "00447700900123",
                                     "(0)7700 900 123", "447700900123"])
def test_canonical_phone_uk_fiction_range(written: str) -> None:
    assert canonical_phone(written, "GB") == "+447700900123"


def test_canonical_phone_falls_back_to_digits() -> None:
    assert canonical_phone("call me", "GB") == ""
    assert canonical_phone("12", None) == "12"


@pytest.mark.parametrize(("value", "expected"), [(42, "42"), ("0042", "42"), (42.0, "42"), (" 42 ", "42"),
                                                 ("ad-x", "ad-x")])
def test_canonical_ad_id(value: object, expected: str) -> None:
    assert canonical_ad_id(value) == expected


def test_canonical_text() -> None:
    assert canonical_text("  Kraków   Old  Town ") == canonical_text("kraków old town")


def test_item_hash_depends_on_salt_question_and_item() -> None:
    base = item_hash("s", "q", "1")
    assert len(base) == 20
    assert base == item_hash("s", "q", "1")
    assert len({base, item_hash("t", "q", "1"), item_hash("s", "r", "1"), item_hash("s", "q", "2")}) == 4


@pytest.mark.parametrize("written", ["490 972 860", "49-097-28-60", "+48 490 972 860", "48490972860",
                                     "0048 490 972 860"])
def test_phone_candidates_read_a_polish_number_in_a_london_ad(written: str) -> None:
    """The ring's Polish numbers are written in Polish national format in London ads."""
    assert "+48490972860" in phone_candidates(written, "GB", LAB_REGIONS)


def test_phone_candidates_put_the_home_reading_first_and_handle_lookalikes() -> None:
    assert phone_candidates("07700 900123", "GB", LAB_REGIONS)[0] == "+447700900123"
    assert "+447700900123" in phone_candidates("O77OO 9OO I23", "GB")
    assert phone_candidates("", "GB") == []
    assert phone_candidates("no phone", "GB", LAB_REGIONS) == []
