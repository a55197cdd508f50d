"""DPA_MISSING: a processor with no signed data-processing agreement on record (GDPR 28(3))."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

import numpy as np
import pandas as pd

from compliance.codes import FindingCode
from compliance.findings import combine_findings, make_findings, object_array
from compliance.frames import utc_timestamp


class SignedProcessor(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def dpa_signed(self) -> date | None: ...


def dpa_findings(processors: Sequence[SignedProcessor], now: datetime) -> pd.DataFrame:
    """One high finding per processor without `dpa_signed`, or with a date still to come.

    Art. 28(3) requires the contract before the processor processes anything; a date after
    `now` is a plan, not a signature. One finding per processor name, in configuration order.
    """
    today = utc_timestamp(now).date()
    names: list[str] = []
    for processor in processors:
        signed = processor.dpa_signed
        if signed is not None and signed <= today:
            continue
        if processor.name not in names:
            names.append(processor.name)
    found = make_findings(
        codes=np.full(len(names), FindingCode.DPA_MISSING.value, dtype=object),
        contact_ids=None,
        email_norms=None,
        list_ids=None,
        params=object_array([{"processor": name} for name in names]),
    )
    return combine_findings([found])
