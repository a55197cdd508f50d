"""The one place a ``requests.Session`` for ActiveCampaign is built."""

from __future__ import annotations

import requests

USER_AGENT = "rekisteri/0.1"


def apply_auth_headers(
    session: requests.Session, token: str, *, user_agent: str = USER_AGENT
) -> requests.Session:
    """Put the token, JSON Accept and our User-Agent on a session; return it."""
    if not token or any(c in token for c in "\r\n"):
        # Say nothing about the value: a near-miss token is still a secret.
        raise ValueError("the ActiveCampaign API token is empty or malformed")
    session.headers["Api-Token"] = token
    session.headers["Accept"] = "application/json"
    session.headers["User-Agent"] = user_agent
    return session


def build_session(token: str, *, user_agent: str = USER_AGENT) -> requests.Session:
    """A session that authenticates every request with the ``Api-Token`` header.

    Timeouts are per request (the client passes ``timeout_seconds``); requests has no
    session-wide default.
    """
    return apply_auth_headers(requests.Session(), token, user_agent=user_agent)
