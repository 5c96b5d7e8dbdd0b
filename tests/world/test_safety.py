"""Nothing generated can reach a real person: reserved phones, domains and IPs only (docs/design.md §5)."""

from __future__ import annotations

import random
from pathlib import Path

import phonenumbers
import pytest

from synth.scan import scan_text, scan_world
from synth.vocab.safety import UK_FICTION, UNALLOCATED_BLOCKS, PhoneAllocator, is_reserved_domain, is_safe_phone


@pytest.mark.parametrize("preset,seed", [("default", 2026), ("tiny", 7)])
def test_scan_world_finds_nothing(world_factory, preset: str, seed: int) -> None:
    violations = scan_world(world_factory(seed, preset))
    assert not violations, "\n".join(map(str, violations[:20]))


def test_every_generated_phone_is_reserved(built_world) -> None:
    world = built_world(2026, "default")
    phones = {p.phone for p in world.people} | {a.contact_phone for a in world.ads}
    phones |= {ph for o in world.operations for ph in o.phones}
    phones |= {ph for listing in world.listings for ph in listing.phones}
    for e164 in phones:
        parsed = phonenumbers.parse(e164)
        assert is_safe_phone(e164), e164
        assert phonenumbers.is_possible_number(parsed), e164  # realistic shape for the country


def test_unallocated_blocks_are_invalid_everywhere_in_the_block() -> None:
    rng = random.Random(1)
    for region, blocks in UNALLOCATED_BLOCKS.items():
        for block in blocks:
            for _ in range(300):
                number = block.prefix + str(rng.randrange(block.size)).zfill(block.digits)
                parsed = phonenumbers.parse(number, region)
                assert phonenumbers.is_possible_number(parsed) and not phonenumbers.is_valid_number(parsed), number


def test_uk_fiction_range_is_used_first() -> None:
    alloc = PhoneAllocator(random.Random(3))
    first = [alloc.allocate("GB") for _ in range(UK_FICTION.size)]
    assert all(p.startswith("+447700900") for p in first) and len(set(first)) == UK_FICTION.size
    assert not alloc.allocate("GB").startswith("+447700900")  # overflow goes to an unallocated block


def test_scanner_catches_real_looking_data() -> None:
    text = "call 07911 123456 or +48 601 234 567, mail bob@gmail.com, see http://evil.com/x and 8.8.8.8"
    kinds = {v.kind for v in scan_text(text, "sample", "GB")}
    assert kinds >= {"phone", "e-mail domain", "URL host", "IP address"}
    assert not scan_text("+44 7700 900123, +1 202 555 0142, a@b.example, http://quickads.example/ 192.0.2.7",
                         "ok", "GB")


def test_reserved_domains() -> None:
    assert is_reserved_domain("quickads.example") and is_reserved_domain("mail.example.com")
    assert not is_reserved_domain("example.com.evil.org") and not is_reserved_domain("gmail.com")


def test_no_explicit_words_in_ads(default_world: Path) -> None:
    import sqlite3

    banned = ("sex", "nude", "naked", "porn", "erotic", "xxx", "fetish", "minor", "teen", "schoolgirl")
    con = sqlite3.connect(default_world / "public/site.sqlite")
    text = " ".join(r[0] + " " + r[1] for r in con.execute("SELECT title, body FROM quickads_ads")).lower()
    assert not [w for w in banned if f" {w}" in text]


def test_scanner_reads_obscured_numbers_whole() -> None:
    """An obscured reserved number is read as one number, and a real one is still caught."""
    from synth.scan import read_as_digits

    assert read_as_digits("zero one 6 five - 9 seven zero 8 eight 8 3") == "01659708883"
    assert read_as_digits("OO48 49 O12 34 56") == "0048490123456"
    assert read_as_digits("+484901 … and then 23456") == "+48490123456"
    assert scan_text("call zero seven nine one one - one two three four five six", "x", "GB")  # 07911 123456


@pytest.mark.parametrize("seed", [1, 4, 12345])
def test_other_seeds_are_safe(world_factory, seed: int) -> None:
    violations = scan_world(world_factory(seed, "default"))
    assert not violations, "\n".join(map(str, violations[:20]))
