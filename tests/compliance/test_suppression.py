"""Suppression keys: keyed, stable under normalisation, and a known address is found (R-SUP-2)."""

from __future__ import annotations

import hashlib
import hmac

import pandas as pd
import pytest
from pandas.testing import assert_series_equal

from compliance.suppression import suppression_key, suppression_keys

SECRET = b"0123456789abcdef0123456789abcdef"


def test_key_is_hmac_sha256_of_the_normalised_address() -> None:
    """The key is exactly HMAC-SHA256(secret, normalised email) in hex."""
    want = hmac.new(SECRET, b"leena.soukkala@gmail.com", hashlib.sha256).hexdigest()
    assert suppression_key(SECRET, " Leena.Soukkala@GMAIL.com ") == want


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("leena@gmail.com", "  LEENA@gmail.com", True, id="case-and-space"),
        pytest.param("leena@gmail.com", "l.eena@gmail.com", False, id="dots-not-folded"),
        pytest.param("leena@gmail.com", "leena+x@gmail.com", False, id="plus-not-folded"),
    ],
)
def test_keys_match_only_equal_normalised_addresses(a: str, b: str, same: bool) -> None:
    """Lookup hits exactly when the normalised addresses are equal."""
    assert (suppression_key(SECRET, a) == suppression_key(SECRET, b)) is same


def test_another_secret_gives_another_key() -> None:
    """Without the pepper nobody can recompute the key."""
    assert suppression_key(SECRET, "a@b.fi") != suppression_key(SECRET[::-1], "a@b.fi")


def test_empty_secret_is_refused() -> None:
    """An empty pepper would make keys a plain hash of the address."""
    with pytest.raises(ValueError, match="must not be empty"):
        suppression_key(b"", "a@b.fi")


def test_series_helper_matches_scalar_and_keeps_missing() -> None:
    """The Series helper gives the scalar key per row and None for a missing address."""
    emails = pd.Series(["A@b.fi", None, "c@d.fi "], index=[3, 4, 5], dtype="object")
    want = pd.Series(
        [suppression_key(SECRET, "a@b.fi"), None, suppression_key(SECRET, "c@d.fi")],
        index=[3, 4, 5],
        dtype="object",
    )
    assert_series_equal(suppression_keys(SECRET, emails), want)
