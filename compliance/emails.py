"""E-mail normalisation, validity and masking: the one place these rules are written down."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

# The Series helpers only call methods of the Series they are given; importing pandas here
# would make every settings load (and so `rekisteri --help`) pay for it.
if TYPE_CHECKING:
    import pandas as pd

# Pragmatic, not RFC 5322: exactly one "@", a non-empty local part, a dotted domain without
# empty labels, no whitespace, control, zero-width or bidirectional characters (SPEC 4: an
# address that looks like another one on screen is not an address). Anything stricter rejects
# real addresses.
_BAD = (
    r"@\s\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
_VALID = rf"[^{_BAD}]+@[^{_BAD}.]+(?:\.[^{_BAD}.]+)+"
_VALID_RE = re.compile(_VALID)


def normalise_email(email: str) -> str:
    """Trim, Unicode NFC, lower-case; nothing else is folded (SPEC 4: no Gmail dot/plus rules)."""
    return unicodedata.normalize("NFC", email.strip()).lower()


def normalise_emails(emails: pd.Series) -> pd.Series:
    """normalise_email over a Series; missing values stay missing."""
    return emails.astype("object").str.strip().str.normalize("NFC").str.lower()


def is_valid_email(email: str) -> bool:
    return _VALID_RE.fullmatch(email) is not None


def valid_emails(emails: pd.Series) -> pd.Series:
    """is_valid_email over a Series; a missing address is not valid."""
    return emails.astype("object").str.fullmatch(_VALID, na=False).astype(bool)


def mask_email(email: str) -> str:
    """`leena.soukkala@gmail.com` -> `l***@gmail.com`; anything not an address -> `***`.

    Only a letter or digit is kept as the first character: `=...@x.fi` masks to `****@x.fi`,
    never to a cell a spreadsheet would run as a formula.
    """
    email = email.strip()
    if not is_valid_email(email):
        return "***"
    local, domain = email.split("@")
    first = local[0] if local[0].isalnum() else "*"
    return f"{first}***@{domain}"


def mask_emails(emails: pd.Series) -> pd.Series:
    """mask_email over a Series; missing or invalid addresses -> `***`."""
    stripped = emails.astype("object").str.strip()
    valid = valid_emails(stripped)
    parts = stripped.str.extract(r"^(?P<first>.)[^@]*@(?P<domain>.*)$", expand=True)
    keep = parts["first"].map(lambda c: isinstance(c, str) and c.isalnum()).astype(bool)
    first = parts["first"].where(keep, "*")
    masked = first + "***@" + parts["domain"]
    return masked.where(valid, "***").astype("object")
