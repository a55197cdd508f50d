"""Suppression keys: HMAC-SHA256 of the normalised e-mail under a secret pepper (R-SUP-1/2)."""

from __future__ import annotations

import hashlib
import hmac

import pandas as pd

from compliance.emails import normalise_email, normalise_emails


def _keyed(secret: bytes) -> hmac.HMAC:
    # An empty pepper would make every key a plain, guessable hash of the address.
    if not secret:
        raise ValueError("the suppression secret must not be empty")
    return hmac.new(secret, digestmod=hashlib.sha256)


def suppression_key(secret: bytes, email: str) -> str:
    """Hex HMAC-SHA256 of normalise_email(email); the same address always gives the same key."""
    mac = _keyed(secret)
    mac.update(normalise_email(email).encode("utf-8"))
    return mac.hexdigest()


def suppression_keys(secret: bytes, emails: pd.Series) -> pd.Series:
    """suppression_key over a Series (same index); a missing address gives a missing key."""
    base = _keyed(secret)
    norms = normalise_emails(emails)
    keys: list[str | None] = []
    for norm in norms.tolist():
        if not isinstance(norm, str):
            keys.append(None)
            continue
        # Copying the primed HMAC skips re-deriving the key pads for every address.
        mac = base.copy()
        mac.update(norm.encode("utf-8"))
        keys.append(mac.hexdigest())
    return pd.Series(keys, index=emails.index, dtype="object")
