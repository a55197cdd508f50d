"""How stored values read in the access letter."""

from __future__ import annotations

import pytest

from reports.access_tables import display
from reports.i18n import get_lang


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("value", "||Kurssit||Tarjoukset||", "Kurssit, Tarjoukset"),
        ("value", "||Kyllä||", "Kyllä"),
        ("value", "Tampere", "Tampere"),
        ("value", "||", "||"),
        ("ip", "2130706433", "127.0.0.1"),
    ],
    ids=["multiselect", "checkbox", "text", "empty-marker-kept", "ip-as-integer"],
)
def test_display_reads_like_a_person_would_write_it(key: str, value: str, shown: str) -> None:
    """Multi-select markers become a list, IPs stored as integers become dotted."""
    assert display(key, value, get_lang("fi")) == shown
