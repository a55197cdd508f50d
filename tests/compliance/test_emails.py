"""E-mail normalisation, validity and masking, scalar and vectorised."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pandas.testing import assert_series_equal

from compliance.emails import (
    is_valid_email,
    mask_email,
    mask_emails,
    normalise_email,
    normalise_emails,
    valid_emails,
)


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        pytest.param(
            "  Leena.Soukkala@Gmail.COM\t", "leena.soukkala@gmail.com", id="trim-and-lower"
        ),
        pytest.param("A\u0308iti@example.fi", "\u00e4iti@example.fi", id="nfc-composes"),
        pytest.param("l.e.e.n.a+news@gmail.com", "l.e.e.n.a+news@gmail.com", id="no-gmail-folding"),
        pytest.param("", "", id="empty"),
    ],
)
def test_normalise_email(raw: str, norm: str) -> None:
    """Trim, NFC and lower-case, and nothing else."""
    assert normalise_email(raw) == norm


@pytest.mark.parametrize(
    ("email", "valid"),
    [
        pytest.param("leena@gmail.com", True, id="plain"),
        pytest.param("first.last+tag@sub.example.fi", True, id="plus-and-subdomain"),
        pytest.param("\u00e4iti@esimerkki.fi", True, id="unicode-local"),
        pytest.param("leena@localhost", False, id="no-dot-in-domain"),
        pytest.param("@gmail.com", False, id="empty-local"),
        pytest.param("leena@@gmail.com", False, id="two-ats"),
        pytest.param("le ena@gmail.com", False, id="space"),
        pytest.param("leena@gmail..com", False, id="empty-label"),
        pytest.param("leena@.gmail.com", False, id="leading-dot"),
        pytest.param("leena@gmail.com.", False, id="trailing-dot"),
        pytest.param("leena\x00@gmail.com", False, id="control-character"),
        pytest.param("leena.gmail.com", False, id="no-at"),
        pytest.param("", False, id="empty"),
    ],
)
def test_is_valid_email(email: str, valid: bool) -> None:
    """A pragmatic check: one @, a local part, a dotted domain, no spaces."""
    assert is_valid_email(email) is valid


@pytest.mark.parametrize(
    ("email", "masked"),
    [
        pytest.param("leena.soukkala@gmail.com", "l***@gmail.com", id="plain"),
        pytest.param("x@example.fi", "x***@example.fi", id="one-letter-local"),
        pytest.param(" leena@gmail.com ", "l***@gmail.com", id="whitespace-trimmed"),
        pytest.param("not an address", "***", id="invalid"),
        pytest.param("", "***", id="empty"),
    ],
)
def test_mask_email(email: str, masked: str) -> None:
    """Only the first letter and the domain survive masking."""
    assert mask_email(email) == masked


def test_vectorised_helpers_handle_missing_values() -> None:
    """Series helpers keep the index and treat a missing address as missing/invalid/`***`."""
    emails = pd.Series([" A@B.fi", None, "bad"], index=[5, 6, 7], dtype="object")
    assert_series_equal(
        normalise_emails(emails), pd.Series(["a@b.fi", None, "bad"], index=[5, 6, 7])
    )
    assert_series_equal(
        valid_emails(emails.str.strip()), pd.Series([True, False, False], index=[5, 6, 7])
    )
    assert_series_equal(
        mask_emails(emails), pd.Series(["A***@B.fi", "***", "***"], index=[5, 6, 7])
    )


@given(st.lists(st.text(max_size=20) | st.emails(), max_size=20))
def test_vectorised_helpers_agree_with_scalar_ones(emails: list[str]) -> None:
    """normalise_emails/valid_emails/mask_emails equal their scalar versions element by element."""
    series = pd.Series(emails, dtype="object")
    assert normalise_emails(series).tolist() == [normalise_email(e) for e in emails]
    assert valid_emails(series).tolist() == [is_valid_email(e) for e in emails]
    assert mask_emails(series).tolist() == [mask_email(e) for e in emails]


@pytest.mark.parametrize(
    "email",
    [
        "aino\u200b@example.fi",  # zero-width space
        "aino\u200d@example.fi",  # zero-width joiner
        "\ufeffaino@example.fi",  # byte-order mark
        "aino@exam\u202eple.fi",  # right-to-left override
        "aino\u2066@example.fi",  # left-to-right isolate
        "aino\u200f@example.fi",  # right-to-left mark
        "aino\x85@example.fi",  # C1 control (next line)
        "aino\x07@example.fi",  # C0 control (bell)
    ],
)
def test_invisible_and_bidirectional_characters_make_an_address_invalid(email: str) -> None:
    """An address that could look like another one on screen is not valid (SPEC 4)."""
    assert (is_valid_email(email), valid_emails(pd.Series([email])).tolist()) == (False, [False])
