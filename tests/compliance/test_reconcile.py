"""reconcile as a whole: address matching across sources, empty input, ordering, bad input."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from compliance.emails import normalise_email
from compliance.frames import empty_actions, empty_findings
from compliance.policy import RetentionPolicy
from compliance.reconcile import reconcile
from sync.register.inputs import read_consents, read_objections
from tests.compliance import factories as f
from tests.compliance.factories import NEWSLETTER
from tests.compliance.scenarios import LEENA, OBJ, TAG, Case, expected, run, unsubscribe
from tests.compliance.test_reconcile_basis import CASES


@pytest.mark.parametrize(
    ("objection_rows", "case"),
    [
        pytest.param("", Case(memberships=((1, NEWSLETTER),)), id="consent-matches"),
        pytest.param(
            "\tleena.SOUKKALA@gmail.com,direct_marketing,2025-06-01,email\n",
            Case(
                memberships=((1, NEWSLETTER),),
                findings=((OBJ, 1, NEWSLETTER),),
                actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG),
            ),
            id="objection-matches",
        ),
    ],
)
def test_email_case_and_whitespace_do_not_matter(
    tmp_path: Path, objection_rows: str, case: Case
) -> None:
    """CSV rows match an AC contact whose address differs only in case and whitespace."""
    (tmp_path / "consents.csv").write_text(
        "email,purpose,action,at,source,wording_id,notice_version\n"
        "  LEENA.Soukkala@Gmail.COM ,newsletter,grant,2025-01-01,form,w1,2025-1\n",
        encoding="utf-8",
    )
    (tmp_path / "objections.csv").write_text(
        "email,scope,at,channel\n" + objection_rows, encoding="utf-8"
    )
    imported = ["row_hash", "line"]
    result = reconcile(
        contacts=f.contacts((1, normalise_email("Leena.Soukkala@GMAIL.com "))),
        memberships=f.memberships(*case.memberships),
        consents=read_consents(tmp_path / "consents.csv").drop(columns=imported),
        objections=read_objections(tmp_path / "objections.csv").drop(columns=imported),
        customers=f.customers(),
        suppressions=f.suppressions(),
        lists=f.LISTS,
        policy=RetentionPolicy(),
        now=f.NOW,
    )
    want = expected(case)
    assert_frame_equal(result.findings, want.findings)
    assert_frame_equal(result.actions, want.actions)


def test_everything_empty_gives_empty_frames() -> None:
    """No contacts at all: empty findings and actions with the documented dtypes."""
    result = run(Case(contacts=()))
    assert_frame_equal(result.findings, empty_findings())
    assert_frame_equal(result.actions, empty_actions())


def test_naive_now_is_refused() -> None:
    """A naive `now` hides a time-zone mistake, so it is an error."""
    with pytest.raises(ValueError, match="timezone-aware"):
        run(Case(), now=datetime(2026, 1, 1))


def test_input_row_order_does_not_change_the_result() -> None:
    """Shuffled input rows give identical frames (deterministic sort)."""
    case = CASES[-1].values[0]
    base = run(case)
    shuffled = Case(
        **{
            **case.__dict__,
            "memberships": case.memberships[::-1],
            "consents": case.consents[::-1],
            "contacts": case.contacts[::-1],
        }
    )
    again = run(shuffled)
    assert_frame_equal(again.findings, base.findings)
    assert_frame_equal(again.actions, base.actions)


def test_list_configured_twice_is_refused() -> None:
    """Two [[lists]] entries with one id would make the verdict ambiguous."""
    with pytest.raises(ValueError, match="more than once"):
        reconcile(
            contacts=f.contacts(),
            memberships=f.memberships(),
            consents=f.consents(),
            objections=f.objections(),
            customers=f.customers(),
            suppressions=f.suppressions(),
            lists=(*f.LISTS, f.LISTS[0]),
            policy=RetentionPolicy(),
            now=f.NOW,
        )


def test_missing_column_is_named() -> None:
    """A frame without a required column fails with the column's name."""
    with pytest.raises(ValueError, match="suppression_key"):
        reconcile(
            contacts=f.contacts((1, LEENA)).drop(columns=["suppression_key"]),
            memberships=f.memberships(),
            consents=f.consents(),
            objections=f.objections(),
            customers=f.customers(),
            suppressions=f.suppressions(),
            lists=f.LISTS,
            policy=RetentionPolicy(),
            now=f.NOW,
        )
