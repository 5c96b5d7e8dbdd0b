"""Account numbers, wallet addresses and handles cannot be real ones; the scanner catches real-looking ones."""

from __future__ import annotations

import numpy as np

from synth.scan import scan_text
from synth.vocab.schemes import (
    account_numbers,
    bech32_verifies,
    iban_mod97,
    is_safe_account_number,
    is_safe_handle,
    is_safe_wallet_address,
    real_identifier_violations,
    wallet_addresses,
)


def test_lab_account_numbers_never_pass_the_iban_check() -> None:
    serials = np.arange(0, 200_000, dtype=np.int64) * 7
    for code in ("THMS", "WISL", "RHWK"):
        numbers = account_numbers(code, serials)
        assert all(n.startswith("ZZ00") and iban_mod97(n) != 1 for n in numbers)
        assert all(is_safe_account_number(n) for n in numbers[:2000])


def test_lab_addresses_and_handles() -> None:
    for address in wallet_addresses(np.random.default_rng(3), 500):
        assert is_safe_wallet_address(address) and not bech32_verifies(address)
    assert is_safe_handle("~olena.k93") and not is_safe_handle("olena_k93") and not is_safe_handle("~olena")


def test_scanner_catches_real_identifiers() -> None:
    text = ("IBAN GB82 WEST 1234 5698 7654 32, DE89370400440532013000; BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, "
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq; ETH 0x52908400098527886E0F7030069857D2E4169EE7")
    kinds = [k for k, _ in real_identifier_violations(text)]
    assert kinds.count("IBAN") == 2 and {"bitcoin address", "bech32 address", "ethereum address"} <= set(kinds)
    assert {v.kind for v in scan_text(text, "x")} >= {"IBAN", "bitcoin address", "ethereum address"}


def test_scanner_leaves_lab_identifiers_alone() -> None:
    lab = " ".join(account_numbers("THMS", np.arange(1, 50)) + wallet_addresses(np.random.default_rng(1), 20))
    assert not scan_text(lab + " ~olena.k93 bc12c43ea8e74394", "x")
