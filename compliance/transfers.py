"""TRANSFER_WITHOUT_SAFEGUARD: a processor outside the EEA with no transfer mechanism (R-ROPA-2)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import pandas as pd

from compliance.codes import FindingCode
from compliance.findings import combine_findings, make_findings, object_array

# EU member states plus Iceland, Liechtenstein and Norway, as ISO 3166-1 alpha-2 codes.
EEA_COUNTRIES = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO",
    }
)  # fmt: skip

NO_MECHANISM = "none"


class ProcessorLike(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def country(self) -> str: ...

    @property
    def transfer_mechanism(self) -> str: ...


def transfer_findings(
    processors: Sequence[ProcessorLike], eea_countries: frozenset[str] = EEA_COUNTRIES
) -> pd.DataFrame:
    """One critical finding per non-EEA processor whose transfer mechanism is "none" (or blank)."""
    eea = {country.strip().upper() for country in eea_countries}
    params: list[dict[str, str]] = []
    for processor in processors:
        country = processor.country.strip().upper()
        mechanism = processor.transfer_mechanism.strip().lower()
        if country in eea or mechanism not in (NO_MECHANISM, ""):
            continue
        params.append({"processor": processor.name, "country": country})
    found = make_findings(
        codes=np.full(len(params), FindingCode.TRANSFER_WITHOUT_SAFEGUARD.value, dtype=object),
        contact_ids=None,
        email_norms=None,
        list_ids=None,
        params=object_array(params),
    )
    return combine_findings([found])
