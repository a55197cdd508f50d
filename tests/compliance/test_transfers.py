"""transfer_findings: non-EEA processors need adequacy or SCCs (R-ROPA-2)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compliance.transfers import EEA_COUNTRIES, transfer_findings
from tests.compliance import factories as f


@dataclass(frozen=True)
class Processor:
    name: str
    country: str
    transfer_mechanism: str


CASES = [
    pytest.param(Processor("Zoner", "FI", "none"), f.findings(), id="eea-needs-nothing"),
    pytest.param(Processor("Norsk", "no", "none"), f.findings(), id="eea-outside-eu-lower-case"),
    pytest.param(Processor("ActiveCampaign", "US", "scc"), f.findings(), id="scc"),
    pytest.param(Processor("Google", "US", "adequacy"), f.findings(), id="adequacy"),
    pytest.param(
        Processor("Mailer", "US", "none"),
        f.findings(
            (
                "TRANSFER_WITHOUT_SAFEGUARD",
                *(None, None, None),
                {"processor": "Mailer", "country": "US"},
            )
        ),
        id="none",
    ),
    pytest.param(
        Processor("Helper", " in ", " "),
        f.findings(
            (
                "TRANSFER_WITHOUT_SAFEGUARD",
                *(None, None, None),
                {"processor": "Helper", "country": "IN"},
            )
        ),
        id="blank-mechanism-counts-as-none",
    ),
]


@pytest.mark.parametrize(("processor", "want"), CASES)
def test_transfer_findings(processor: Processor, want: pd.DataFrame) -> None:
    """A finding exactly for a non-EEA processor without a safeguard."""
    assert_frame_equal(transfer_findings([processor]), want)


def test_eea_is_eu_plus_iceland_liechtenstein_norway() -> None:
    """30 ISO codes: the 27 EU states and IS, LI, NO."""
    assert len(EEA_COUNTRIES) == 30
    assert {"FI", "SE", "DE", "IS", "LI", "NO"} <= EEA_COUNTRIES
    assert not {"GB", "US", "CH"} & EEA_COUNTRIES


def test_custom_country_set() -> None:
    """The caller may pass its own idea of the EEA."""
    found = transfer_findings([Processor("X", "CH", "none")], frozenset({"CH"}))
    assert found.empty
