"""`rekisteri simulate --misbehave NAME[:ENDPOINT[:TIMES]]` as the simulator arms it."""

from __future__ import annotations

import pytest

from simulator.misbehave import parse_spec


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("empty_body", ("empty_body", "contacts", 1)),
        ("html:lists", ("html", "lists", 1)),
        ("repeated_page:/contacts/:3", ("repeated_page", "contacts", 3)),
        ("wrong_total::2", ("wrong_total", "contacts", 2)),
    ],
)
def test_a_spec_names_the_misbehaviour_its_endpoint_and_how_often(
    text: str, expected: tuple[str, str, int]
) -> None:
    """Endpoint defaults to contacts and times to once; slashes around the endpoint are dropped."""
    assert parse_spec(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("slow_death", "unknown misbehaviour 'slow_death'"),
        ("html:contacts:0", "times must be a whole number of at least 1, not '0'"),
        ("html:contacts:x", "times must be a whole number of at least 1, not 'x'"),
    ],
)
def test_a_bad_spec_says_what_is_wrong(text: str, message: str) -> None:
    """An unknown name or a count below one is refused with the reason."""
    with pytest.raises(ValueError, match=message):
        parse_spec(text)
