"""Reserved ranges for everything that could otherwise reach a real person (docs/design.md §5).

Phones
  - UK: Ofcom reserves 07700 900000–900999 for drama and fiction
    (Ofcom, "Telephone numbers for drama purposes", https://www.ofcom.org.uk/phones-and-broadband/
    phone-numbers/numbers-for-drama). Only 1,000 numbers, so UK overflow uses a block below.
  - Elsewhere, and for UK overflow: national-format numbers from blocks that libphonenumber's
    metadata does not allocate (``is_possible_number`` True, ``is_valid_number`` False with
    phonenumbers 9.0.43, the pinned version). Such a number has the right length and shape for the
    country but is not assigned to any operator, so it cannot ring anyone. The safety test checks
    every generated phone against exactly this rule.
E-mail and web domains
  - Only names reserved by RFC 2606 / RFC 6761: the ``.example``, ``.test`` and ``.invalid``
    top-level domains and example.com/.net/.org.
Bank accounts, wallet addresses, payment handles
  - See synth.vocab.schemes: IBAN-shaped numbers with the user-assigned country code ZZ that fail the
    MOD 97 check, ``lab1…`` addresses of no registered chain without a valid checksum, ``~word.word`` handles
    of the app at zapply.example. synth.scan flags anything that could be a real IBAN, Bitcoin or Ethereum
    address.
IP addresses
  - Only the documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) and
    RFC 3849 (2001:db8::/32).
"""

from __future__ import annotations

import ipaddress
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import phonenumbers

from synth.vocab.places import country_field


@dataclass(frozen=True)
class PhoneBlock:
    """A block of national numbers: ``prefix`` followed by ``digits`` free digits."""

    region: str
    prefix: str
    digits: int
    source: str

    @property
    def size(self) -> int:
        return 10**self.digits


UK_FICTION = PhoneBlock("GB", "07700900", 3, "Ofcom drama range 07700 900000-900999")

# Blocks checked unallocated with phonenumbers 9.0.43 (every number possible, none valid), per country of the
# table of places (synth/presets/places.toml ``phones``; a designer's country is checked by synth.scenario).
UNALLOCATED_BLOCKS: Mapping[str, list[PhoneBlock]] = country_field(
    lambda c: [PhoneBlock(c.code, r.prefix, r.digits, r.source) for r in c.phones])

RESERVED_DOMAIN_SUFFIXES = (".example", ".test", ".invalid", "example.com", "example.net", "example.org")
DOCUMENTATION_NETWORKS = tuple(
    ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
)


class PhoneAllocator:
    """Hands out distinct reserved phone numbers per country, as E.164 strings.

    UK numbers come from the fiction range first; every other draw comes from the unallocated blocks.
    ``taken`` holds numbers (E.164) handed out earlier by another allocator: a later stage of the
    generator passes everyone's numbers, so no two holders ever share a number by accident.
    """

    def __init__(self, rng: random.Random, taken: Iterable[str] = ()) -> None:
        self._rng = rng
        self._used: set[str] = set(taken)
        self._uk_fiction = list(range(UK_FICTION.size))
        rng.shuffle(self._uk_fiction)

    def allocate(self, region: str) -> str:
        """A fresh number for ``region`` (GB, UA, PL, RO, DE, NL) in E.164 form."""
        while region == "GB" and self._uk_fiction:
            national = UK_FICTION.prefix + str(self._uk_fiction.pop()).zfill(UK_FICTION.digits)
            if to_e164(national, region) not in self._used:
                return self._remember(national, region)
        blocks = UNALLOCATED_BLOCKS[region]
        for _ in range(1000):
            block = self._rng.choice(blocks)
            national = block.prefix + str(self._rng.randrange(block.size)).zfill(block.digits)
            e164 = to_e164(national, region)
            if e164 not in self._used:
                return self._remember(national, region)
        raise RuntimeError(f"ran out of reserved phone numbers for {region}")

    def _remember(self, national: str, region: str) -> str:
        e164 = to_e164(national, region)
        self._used.add(e164)
        return e164


def to_e164(number: str, region: str | None = None) -> str:
    parsed = phonenumbers.parse(number, region)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def is_safe_phone(e164_or_national: str, region: str | None = None) -> bool:
    """True when the number is in a fiction range (UK 07700 900xxx, NANP 555-01xx) or is not valid."""
    try:
        parsed = phonenumbers.parse(e164_or_national, region)
    except phonenumbers.NumberParseException:
        return True  # not a phone number at all
    national = str(parsed.national_number)
    if parsed.country_code == 44 and national.startswith("7700900"):
        return True
    if parsed.country_code == 1 and len(national) == 10 and national[3:6] == "555" and national[6:8] == "01":
        return True  # NANP 555-0100..0199, reserved for fiction by the NANPA
    return not phonenumbers.is_valid_number(parsed)


_DOMAIN_RE = re.compile(r"^[a-z0-9.-]+$")


def is_reserved_domain(domain: str) -> bool:
    """True for domains under a reserved top-level domain or exactly example.com/.net/.org (and subdomains)."""
    domain = domain.lower().rstrip(".")
    if not _DOMAIN_RE.match(domain):
        return False
    for suffix in RESERVED_DOMAIN_SUFFIXES:
        if suffix.startswith("."):
            if domain.endswith(suffix) or domain == suffix[1:]:
                return True
        elif domain == suffix or domain.endswith("." + suffix):
            return True
    return False


def is_documentation_ip(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    return any(address in net for net in DOCUMENTATION_NETWORKS)
