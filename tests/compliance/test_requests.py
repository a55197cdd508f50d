"""request_findings: DSR_DUE_SOON within seven days, DSR_OVERDUE past due (R-DSR-3)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compliance.frames import empty_findings
from compliance.requests import request_findings
from tests.compliance import factories as f

# NOW is 2026-01-01T00:00Z


def requests(*rows: tuple[str, str, str, str | None, str]) -> pd.DataFrame:
    """(id, type, received_at, due_at, status) rows."""
    return f.frame(
        "requests",
        (
            {
                "id": r[0],
                "type": r[1],
                "received_at": f.ts(r[2]),
                "due_at": f.ts(r[3]),
                "status": r[4],
            }
            for r in rows
        ),
    )


def dsr(code: str, request_id: str, kind: str, due: str, left: int) -> tuple[Any, ...]:
    """An expected request finding with its params (the deadline is midnight UTC)."""
    params = {
        "request_id": request_id,
        "type": kind,
        "due_at": f"{due}T00:00:00+00:00",
        "days_left": left,
    }
    return (code, None, None, None, params)


CASES = [
    pytest.param(
        requests(("r1", "access", "2025-12-20", "2026-01-20", "open")),
        f.findings(),
        id="plenty-of-time",
    ),
    pytest.param(
        requests(("r1", "access", "2025-12-08", "2026-01-08", "open")),
        f.findings(
            dsr(
                "DSR_DUE_SOON",
                "r1",
                "access",
                "2026-01-08",
                7,
            )
        ),
        id="seven-days-left",
    ),
    pytest.param(
        requests(("r1", "erase", "2025-12-01", "2026-01-01", "open")),
        f.findings(
            dsr(
                "DSR_DUE_SOON",
                "r1",
                "erase",
                "2026-01-01",
                0,
            )
        ),
        id="due-now",
    ),
    pytest.param(
        requests(("r1", "erase", "2025-11-20", "2025-12-20", "failed")),
        f.findings(
            dsr(
                "DSR_OVERDUE",
                "r1",
                "erase",
                "2025-12-20",
                -12,
            )
        ),
        id="failed-request-overdue",
    ),
    pytest.param(
        requests(("r1", "erase", "2025-11-20", "2025-12-20", "done")),
        f.findings(),
        id="done-request-ignored",
    ),
    pytest.param(
        requests(("r1", "object", "2025-12-05", None, "open")),
        f.findings(
            dsr(
                "DSR_DUE_SOON",
                "r1",
                "object",
                "2026-01-05",
                4,
            )
        ),
        id="missing-due-date-computed",
    ),
    pytest.param(
        requests(
            ("r3", "access", "2025-12-06", "2026-01-06", "open"),
            ("r2", "access", "2025-11-01", "2025-12-01", "open"),
            ("r1", "rectify", "2025-12-03", "2026-01-03", "open"),
        ),
        f.findings(
            dsr(
                "DSR_DUE_SOON",
                "r1",
                "rectify",
                "2026-01-03",
                2,
            ),
            dsr(
                "DSR_DUE_SOON",
                "r3",
                "access",
                "2026-01-06",
                5,
            ),
            dsr(
                "DSR_OVERDUE",
                "r2",
                "access",
                "2025-12-01",
                -31,
            ),
        ),
        id="sorted-by-code-then-due-date",
    ),
]


@pytest.mark.parametrize(("frame", "want"), CASES)
def test_request_findings(frame: pd.DataFrame, want: pd.DataFrame) -> None:
    """Each set of requests gives exactly the expected findings."""
    assert_frame_equal(request_findings(frame, f.NOW), want)


def test_no_requests() -> None:
    """No requests, no findings."""
    assert_frame_equal(request_findings(requests(), f.NOW), empty_findings())


def test_requests_waiting_for_an_identity_check() -> None:
    """Open access/erase/rectify requests without --verified are DSR_IDENTITY_UNVERIFIED."""
    frame = f.frame(
        "requests",
        [
            {"id": i, "type": t, "received_at": f.ts("2025-12-20"), "status": s, "verified": v}
            for i, t, s, v in (
                ("r1", "access", "open", False),
                ("r2", "erase", "open", True),
                ("r3", "object", "open", False),
                ("r4", "rectify", "done", False),
                ("r5", "restrict", "open", False),
                ("r6", "rectify", "open", False),
            )
        ],
    )
    frame["due_at"] = f.ts("2026-01-20")

    gated = request_findings(frame, f.NOW, require_verified=True)
    ungated = request_findings(frame, f.NOW)

    due = "2026-01-20T00:00:00+00:00"
    assert_frame_equal(
        gated,
        f.findings(
            (
                "DSR_IDENTITY_UNVERIFIED",
                None,
                None,
                None,
                {"request_id": "r1", "type": "access", "due_at": due},
            ),
            (
                "DSR_IDENTITY_UNVERIFIED",
                None,
                None,
                None,
                {"request_id": "r6", "type": "rectify", "due_at": due},
            ),
        ),
    )
    assert_frame_equal(ungated, empty_findings())
