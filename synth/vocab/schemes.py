"""Identifier schemes for money that cannot reach a real account, wallet or payment user (docs/design.md §5).

Bank accounts: IBAN-shaped ``ZZ00 BBBB NNNN NNNN NN``.
  - ``ZZ`` is a user-assigned code in ISO 3166-1 (AA, QM-QZ, XA-XZ and ZZ are never given to a country;
    ISO 3166 Maintenance Agency, "Reserved code elements"), so no IBAN registry entry (SWIFT IBAN Registry)
    starts with it: a bank system rejects the number on its country code alone.
  - Check digits ``00``, and the serial is chosen so that the ISO 7064 MOD 97-10 check (ISO 13616-1,
    the IBAN check: the rearranged number mod 97 must be 1) fails. Valid IBAN check digits lie in 02-98.
    So the number fails the IBAN check twice over, and any validator says "invalid".
  - ``BBBB`` is the fictional bank's four-letter code (synth.vocab.institutions); ``N`` ten digits.
Wallet addresses: ``lab1`` + 38 characters of the bech32 alphabet (BIP-173's data charset) with no valid
  checksum. No chain uses the human-readable part ``lab`` (SLIP-0173 lists the registered ones: bc, tb, ltc,
  …), and the checksum is never valid, so no wallet software accepts it as an address of any chain.
Payment-app handles (the app Zapply, ``zapply.example``): ``~`` + lower-case words joined by dots, e.g.
  ``~olena.k93``. Real apps' public identifiers (Cash App ``$cashtag``, Venmo ``@user``, Revolut
  ``@revtag``, PayPal.me links) do not allow a tilde or a dot as we read their username rules, and the
  only link form is under the reserved ``.example`` domain (RFC 2606).
Transaction hashes on the ledger are 64 random hex digits: a 256-bit random value names no real transaction.
"""

from __future__ import annotations

import re

import numpy as np

BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"  # BIP-173 data characters
ACCOUNT_RE = re.compile(r"^ZZ00[A-Z]{4}\d{10}$")
WALLET_RE = re.compile(r"^lab1[" + BECH32 + r"]{38}$")
HANDLE_RE = re.compile(r"^~[a-z0-9]+(?:\.[a-z0-9]+)+$")
# A wallet address written in free text (an ad, a query): any case, as bech32 allows, and not inside a
# longer run of letters and digits. Seekr's index and its explorer answer both read addresses with it.
WALLET_IN_TEXT = re.compile(r"(?<![0-9a-z])lab1[" + BECH32 + r"]{38}(?![0-9a-z])", re.IGNORECASE | re.ASCII)


def iban_mod97(number: str) -> int:
    """The ISO 7064 MOD 97-10 remainder of an IBAN-shaped string (1 means "valid")."""
    text = number.replace(" ", "").upper()
    text = text[4:] + text[:4]
    digits = "".join(str(int(ch, 36)) for ch in text)
    return int(digits) % 97


def _letters_value(code: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in code))


# The rearranged account number is  <bank letters as digits> <10-digit serial> "3535" "00"  (Z=35).
_TAIL = 353500


def account_numbers(bank_code: str, serials: np.ndarray) -> list[str]:
    """Account numbers for ``serials`` (10-digit integers) at ``bank_code``; none passes the IBAN check.

    A serial whose number would pass MOD 97 (one in 97) is moved up by one, which makes it fail; callers
    draw serials with gaps, so the moved serial never meets another.
    """
    serials = np.asarray(serials, dtype=np.int64)
    bank_rem = _letters_value(bank_code) % 97
    rem = ((bank_rem * pow(10, 10, 97) + serials % 97) % 97 * pow(10, 6, 97) + _TAIL) % 97
    serials = np.where(rem == 1, serials + 1, serials)
    return [f"ZZ00{bank_code}{s:010d}" for s in serials.tolist()]


def is_safe_account_number(number: str) -> bool:
    """True when ``number`` is in the lab's scheme and fails the IBAN check."""
    compact = number.replace(" ", "")
    return bool(ACCOUNT_RE.match(compact)) and iban_mod97(compact) != 1


def format_account(number: str) -> str:
    """The number in groups of four, as a bank prints it: ``ZZ00 THMS 0123 4567 89``."""
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


def wallet_addresses(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` addresses ``lab1…``; a valid bech32 checksum is impossible for the unregistered HRP to matter,
    and we also make sure it never verifies (see ``bech32_verifies``)."""
    alphabet = np.array(list(BECH32))
    picks = rng.integers(0, 32, size=(n, 38))
    out = []
    for row in picks:
        address = "lab1" + "".join(alphabet[row])
        if bech32_verifies(address):
            address = address[:-1] + ("q" if address[-1] != "q" else "p")
        out.append(address)
    return out


def is_safe_wallet_address(address: str) -> bool:
    return bool(WALLET_RE.match(address)) and not bech32_verifies(address)


def is_safe_handle(handle: str) -> bool:
    return bool(HANDLE_RE.match(handle)) and 4 <= len(handle) <= 32


def _polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32_verifies(address: str) -> bool:
    """True when ``address`` has a valid bech32 or bech32m checksum (BIP-173, BIP-350), whatever its HRP."""
    address = address.lower()
    if "1" not in address:
        return False
    hrp, data = address.rsplit("1", 1)
    if not hrp or len(data) < 6 or any(ch not in BECH32 for ch in data):
        return False
    values = [ord(ch) >> 5 for ch in hrp] + [0] + [ord(ch) & 31 for ch in hrp] + [BECH32.index(ch) for ch in data]
    return _polymod(values) in (1, 0x2BC830A3)


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check_verifies(text: str) -> bool:
    """True when ``text`` decodes as Base58Check with a valid double-SHA-256 checksum (Bitcoin legacy/P2SH)."""
    import hashlib

    value = 0
    for ch in text:
        if ch not in B58:
            return False
        value = value * 58 + B58.index(ch)
    raw = value.to_bytes((value.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(text) - len(text.lstrip("1"))) + raw
    if len(raw) < 5:
        return False
    body, check = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == check


# Patterns the scanner hunts for: anything that could be a real bank account or a real chain's address.
REAL_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b")
REAL_BTC_LEGACY = re.compile(r"(?<![\w])([13][1-9A-HJ-NP-Za-km-z]{25,34})(?![\w])")
REAL_BECH32 = re.compile(r"(?<![\w])((?:bc|tb|ltc|bcrt)1[02-9ac-hj-np-z]{6,87})(?![\w])", re.IGNORECASE)
REAL_ETH = re.compile(r"(?<![\w])(0x[0-9a-fA-F]{40})(?![\w])")


def real_identifier_violations(text: str) -> list[tuple[str, str]]:
    """(kind, value) for every string in ``text`` that could be a real IBAN or a real BTC/ETH address."""
    found = []
    for m in REAL_IBAN.finditer(text):
        value = m.group(1).replace(" ", "")
        if value[:2] != "ZZ" and 15 <= len(value) <= 34 and iban_mod97(value) == 1:
            found.append(("IBAN", m.group(1)))
    for m in REAL_BTC_LEGACY.finditer(text):
        if base58check_verifies(m.group(1)):
            found.append(("bitcoin address", m.group(1)))
    found += [("bech32 address", m.group(1)) for m in REAL_BECH32.finditer(text) if bech32_verifies(m.group(1))]
    found += [("ethereum address", m.group(1)) for m in REAL_ETH.finditer(text)]
    return found
