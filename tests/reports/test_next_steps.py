"""reports.next_steps and reports.next_text: the order of the steps and the subject line."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from reports.i18n import get_lang
from reports.next_steps import next_steps
from reports.next_text import headline, rendered_steps

NOW = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)
FI = get_lang("fi", "Europe/Helsinki")


def overdue(request_id: str, due: str) -> dict[str, Any]:
    return {
        "code": "DSR_OVERDUE",
        "severity": "critical",
        "status": "open",
        "params": {"request_id": request_id, "type": "erase", "due_at": due, "days_left": -1},
    }


OBJECTION = {"code": "OBJECTION_NOT_HONOURED", "severity": "critical", "status": "open",
             "contact_id": 7, "list_id": 1}  # fmt: skip
NO_BASIS = {"code": "NO_MARKETING_BASIS", "severity": "high", "status": "open", "contact_id": 8,
            "list_id": 1}  # fmt: skip


def report(**parts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "controller": {"name": "Koko Juju"},
        "policy": {"enforce": "report"},
        "totals": {"active_marketing": 10, "consent_records": 9},
        "findings": [],
        "requests": [],
        "purge": {"plan_id": None, "count": 0, "applied": False, "needs_approval": False},
        "notes": [],
    }
    return {**base, **parts}


def test_most_urgent_first_with_exact_commands() -> None:
    """A failed pull, then the missed deadline, the objection, the plan, the other fixes."""
    data = report(
        notes=[{"key": "pull_failed", "params": {"error": "HTTP 503"}}],
        findings=[NO_BASIS, overdue("R1", "2026-11-20T00:00:00+00:00"), OBJECTION],
        requests=[{"id": "R1", "type": "erase", "email_masked": "l***@gmail.com"}],
        purge={"plan_id": "abc123", "count": 3, "applied": False, "needs_approval": True},
    )

    steps = [step.as_dict() for step in next_steps(data, NOW)]

    assert [(s["kind"], s["command"]) for s in steps] == [
        ("pull_failed", "rekisteri pull"),
        ("request_overdue", "rekisteri request erase EMAIL"),
        ("apply_fixes", "rekisteri reconcile --apply"),
        ("approve_purge", "rekisteri purge --apply --plan abc123"),
    ]
    # days left come from `now`, not from when the finding was made
    assert steps[1]["params"]["days_left"] == -6
    assert [s["text"] for s in rendered_steps(steps[1:2], FI)] == [
        "Vastaa pyyntöön R1 (poistopyyntö, l***@gmail.com) heti: määräaika 20.11.2026 klo"
        " 02.00 EET meni umpeen 6 päivää sitten."
    ]


def test_nothing_open_means_no_steps() -> None:
    """A clean run has no steps, and its subject says all is in order."""
    data = report()
    data["next_steps"] = [s.as_dict() for s in next_steps(data, NOW)]
    assert (data["next_steps"], headline(data, FI)) == ([], "kaikki kunnossa")


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ([overdue("R1", "2026-11-20T00:00:00+00:00")], "pyyntö myöhässä"),
        (
            [
                overdue("R1", "2026-11-20T00:00:00+00:00"),
                overdue("R2", "2026-11-21T00:00:00+00:00"),
            ],
            "2 pyyntöä myöhässä",
        ),
        ([OBJECTION, {**OBJECTION, "contact_id": 9}], "2 kriittistä havaintoa"),
        ([NO_BASIS], "1 avoin havainto"),
    ],
)
def test_subject_names_the_most_urgent_item(findings: list[dict[str, Any]], expected: str) -> None:
    """Overdue requests before critical findings before the rest (SPEC 11's examples)."""
    data = report(findings=findings)
    data["next_steps"] = [s.as_dict() for s in next_steps(data, NOW)]
    assert headline(data, FI) == expected


def test_a_stopped_apply_is_one_step() -> None:
    """Fixes that stopped half way are one step to resume, not two with the same command."""
    data = report(
        notes=[{"key": "reconcile_stopped", "params": {"error": "HTTP 503"}}],
        findings=[OBJECTION, NO_BASIS],
    )
    steps = [step.as_dict() for step in next_steps(data, NOW)]
    assert [(s["kind"], s["command"]) for s in steps] == [
        ("reconcile_stopped", "rekisteri reconcile --apply")
    ]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_every_step_has_its_words(language: str) -> None:
    """Each kind of step renders in both languages with the params the decision gives it."""
    lang = get_lang(language, "Europe/Helsinki")
    data = report(
        totals={"active_marketing": 4, "consent_records": 0},
        notes=[
            {"key": key, "params": {"error": "E", "file": "f.csv", "gone": 5, "mirrored": 9}}
            for key in ("pull_failed", "mass_disappearance", "inbox_rejected", "purge_stopped")
        ],
        findings=[
            *({**NO_BASIS, "contact_id": n} for n in range(1, 4)),
            overdue("R1", "2026-11-20T00:00:00+00:00"),
            {**overdue("R2", "2026-11-27T00:00:00+00:00"), "code": "DSR_DUE_SOON"},
            {
                "code": "TRANSFER_WITHOUT_SAFEGUARD",
                "status": "open",
                "params": {"processor": "P", "country": "US"},
            },
            {"code": "CONSENT_INCOMPLETE", "status": "open", "contact_id": 5},
            {"code": "DUPLICATE_CONTACT", "status": "open", "contact_id": 6},
            {"code": "INVALID_EMAIL", "status": "open", "contact_id": 7},
        ],  # fmt: skip
    )
    steps = [step.as_dict() for step in next_steps(data, NOW)]

    texts = rendered_steps(steps, lang)

    assert [s["kind"] for s in texts] == [
        "import_consents",
        "pull_failed",
        "mass_disappearance",
        "inbox_rejected",
        "purge_stopped",
        "request_overdue",
        "fix_processor",
        "request_due",
        "rerun",
        "fix_consent_records",
        "merge_duplicates",
        "fix_invalid",
    ]
    assert all(s["text"] and "{" not in s["text"] for s in texts)
