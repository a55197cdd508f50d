"""Frame layouts, vocabularies and policy objects the packages share."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compliance import frames
from compliance.codes import SEVERITY, Basis, FindingCode, PurgeReason, Severity
from compliance.policy import ListPolicy, RetentionPolicy


@pytest.mark.parametrize("kind", sorted(frames.SCHEMAS))
def test_empty_frames_carry_columns_and_dtypes(kind: str) -> None:
    """empty_<kind>() has every DESIGN.md column with its dtype."""
    builder = getattr(frames, f"empty_{kind}")
    frame = builder()
    assert frame.empty
    assert {k: str(v) for k, v in frame.dtypes.items()} == frames.SCHEMAS[kind]


def test_conform_coerces_dates_ids_and_flags() -> None:
    """Naive and string dates become UTC, ids int64, a missing flag False."""
    raw = pd.DataFrame(
        {
            "contact_id": ["7"],
            "cdate": ["2025-01-01 10:00:00"],
            "bounced_hard": [None],
            "bounced_date": [pd.Timestamp("2025-01-01T12:00+02:00")],
        },
        index=[42],
    )
    got = frames.conform(raw, "contacts", ["contact_id", "cdate", "bounced_hard", "bounced_date"])
    want = pd.DataFrame(
        {
            "contact_id": pd.Series([7], dtype="int64"),
            "cdate": pd.Series([pd.Timestamp("2025-01-01T10:00", tz="UTC")]),
            "bounced_hard": [False],
            "bounced_date": pd.Series([pd.Timestamp("2025-01-01T10:00", tz="UTC")]),
        }
    )
    assert_frame_equal(got, want)


def test_conform_names_missing_columns() -> None:
    """A missing column is an error naming the frame and the column."""
    with pytest.raises(ValueError, match="consents frame lacks column"):
        frames.conform(pd.DataFrame({"email_norm": []}), "consents", ["email_norm", "at"])


def test_utc_timestamp_refuses_naive() -> None:
    """A naive `now` is refused."""
    with pytest.raises(ValueError, match="timezone-aware"):
        frames.utc_timestamp(datetime(2026, 1, 1))


def test_every_code_has_a_severity_and_value_equals_name() -> None:
    """SEVERITY covers every FindingCode (SPEC 5), DSR_DUE_SOON is medium."""
    assert set(SEVERITY) == set(FindingCode)
    assert all(code.value == code.name for code in FindingCode)
    assert all(reason.value == reason.name for reason in PurgeReason)
    assert SEVERITY[FindingCode.DSR_DUE_SOON] is Severity.MEDIUM
    assert SEVERITY[FindingCode.DSR_OVERDUE] is Severity.CRITICAL


@pytest.mark.parametrize(
    ("basis", "marketing"),
    [(Basis.CONSENT, True), (Basis.SOFT_OPT_IN, True), (Basis.SERVICE, False)],
    ids=["consent", "soft-opt-in", "service"],
)
def test_list_policy_is_marketing(basis: Basis, marketing: bool) -> None:
    """Consent and soft-opt-in lists are marketing lists; service lists are not."""
    assert ListPolicy(1, "p", basis).is_marketing is marketing


def test_retention_policy_refuses_negative_limits() -> None:
    """A negative limit would plan deletions for data that is not old yet."""
    with pytest.raises(ValueError, match="hard_bounce_days"):
        RetentionPolicy(hard_bounce_days=-1)
