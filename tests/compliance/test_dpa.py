"""dpa_findings: a processor needs a data-processing agreement signed by now (GDPR 28(3))."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compliance.dpa import dpa_findings
from tests.compliance import factories as f

# NOW is 2026-01-01T00:00Z


@dataclass(frozen=True)
class Processor:
    name: str
    dpa_signed: date | None


def missing(*names: str) -> pd.DataFrame:
    return f.findings(*(("DPA_MISSING", None, None, None, {"processor": n}) for n in names))


CASES = [
    pytest.param([Processor("Zoner", date(2025, 3, 1))], missing(), id="signed"),
    pytest.param([Processor("Zoner", date(2026, 1, 1))], missing(), id="signed-today"),
    pytest.param([Processor("Mailer", None)], missing("Mailer"), id="never-signed"),
    pytest.param([Processor("Mailer", date(2026, 1, 2))], missing("Mailer"), id="a-plan"),
    pytest.param(
        [Processor("B", None), Processor("A", None), Processor("B", date(2027, 1, 1))],
        missing("B", "A"),
        id="one-per-name-in-configuration-order",
    ),
]


@pytest.mark.parametrize(("processors", "want"), CASES)
def test_dpa_findings(processors: list[Processor], want: pd.DataFrame) -> None:
    """A finding exactly for each processor name without an agreement signed by now."""
    assert_frame_equal(dpa_findings(processors, f.NOW), want)
