"""Tests for reports.explain: one localised sentence per finding, from structured fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from compliance.codes import FindingCode
from compliance.hygiene import contact_findings
from compliance.requests import request_findings
from compliance.transfers import transfer_findings
from reports.explain import FindingText, explain_finding, list_names, requests_by_id
from reports.i18n import get_lang
from tests.compliance import factories as f

NAMES = list_names(
    [
        {"id": 1, "name": "Uutiskirje", "purpose": "newsletter", "basis": "consent"},
        {"id": 2, "name": " ", "purpose": "offers", "basis": "soft_opt_in"},
    ]
)
REQUESTS = requests_by_id(
    [
        {"id": "R20251208-acc-1a2b3c4d", "type": "access", "due_at": "2026-01-08", "days_left": 7},
        {"id": "R20251201-era-5e6f7a8b", "type": "erase", "due_at": "2026-01-01", "days_left": 0},
        {"id": "R20251120-era-9c0d1e2f", "type": "erase", "due_at": "2025-12-20", "days_left": -12},
        {
            "id": "R20251119-rec-00000000",
            "type": "rectify",
            "due_at": "2025-12-19",
            "days_left": None,
        },
    ]
)


@dataclass(frozen=True)
class Processor:
    name: str
    country: str
    transfer_mechanism: str


def _explain(language: str, **finding: Any) -> FindingText:
    return explain_finding(finding, lang=get_lang(language), names=NAMES, requests=REQUESTS)


def _detail(frame: Any, row: int = 0) -> str:
    return str(frame["detail"].iloc[row])


def test_list_names_skip_blank_names() -> None:
    """Only lists with a non-blank name are named; ids are keyed as text."""
    assert NAMES == {"1": "Uutiskirje"}


@pytest.mark.parametrize(
    ("language", "list_id", "want"),
    [
        ("fi", 1, "Aktiivinen listalla 1 (Uutiskirje), vaikka suostumus on peruttu."),
        ("fi", "1", "Aktiivinen listalla 1 (Uutiskirje), vaikka suostumus on peruttu."),
        ("fi", 2, "Aktiivinen listalla 2, vaikka suostumus on peruttu."),
        ("en", 7, "Active on list 7 after consent was withdrawn."),
    ],
)
def test_list_findings_name_the_list(language: str, list_id: Any, want: str) -> None:
    """A list finding names the list by id, with its configured name when there is one."""
    found = _explain(
        language, code="CONSENT_WITHDRAWN", list_id=list_id, detail="active on list 1 (x) after"
    )
    assert found == FindingText(want, "")


@pytest.mark.parametrize(
    ("language", "want"),
    [
        (
            "fi",
            [
                "Pyyntöön R20251208-acc-1a2b3c4d (Tarkastuspyyntö) on vastattava viimeistään "
                "8.1.2026; aikaa on 7 päivää.",
                "Pyyntöön R20251201-era-5e6f7a8b (Poistopyyntö) on vastattava viimeistään "
                "1.1.2026; aikaa on alle päivä.",
                "Pyyntöön R20251120-era-9c0d1e2f (Poistopyyntö) olisi pitänyt vastata "
                "viimeistään 20.12.2025; myöhässä 12 päivää.",
            ],
        ),
        (
            "en",
            [
                "Request R20251208-acc-1a2b3c4d (Access) must be answered by 2026-01-08; "
                "7 days left.",
                "Request R20251201-era-5e6f7a8b (Erasure) must be answered by 2026-01-01; "
                "less than a day left.",
                "Request R20251120-era-9c0d1e2f (Erasure) was due 2025-12-20; overdue by 12 days.",
            ],
        ),
    ],
)
def test_request_findings_from_compliance(language: str, want: list[str]) -> None:
    """compliance's DSR findings are matched to their request by the id inside the detail."""
    rows = [
        ("R20251208-acc-1a2b3c4d", "access", "2025-12-08", "2026-01-08", "open"),
        ("R20251201-era-5e6f7a8b", "erase", "2025-12-01", "2026-01-01", "open"),
        ("R20251120-era-9c0d1e2f", "erase", "2025-11-20", "2025-12-20", "failed"),
    ]
    frame = f.frame(
        "requests",
        (
            {"id": i, "type": k, "received_at": f.ts(r), "due_at": f.ts(d), "status": s}
            for i, k, r, d, s in rows
        ),
    )
    found = request_findings(frame, f.NOW)
    got = {
        _explain(language, code=code, list_id=None, detail=detail).text
        for code, detail in zip(found["code"], found["detail"], strict=True)
    }
    assert got == set(want)


def test_request_without_days_left_gives_the_due_date() -> None:
    """A matched request without days_left (not open) still shows its id, type and due date."""
    found = _explain(
        "en", code="DSR_OVERDUE", detail="rectify request R20251119-rec-00000000 was due ..."
    )
    assert found == FindingText(
        "Request R20251119-rec-00000000 (Rectification) was due 2025-12-19.", ""
    )


def test_unknown_request_keeps_the_raw_detail() -> None:
    """A DSR finding whose request is not in the report keeps its facts in the raw detail."""
    detail = "erase request q-99 was due 2025-12-20, 12 days ago"
    assert _explain("fi", code="DSR_OVERDUE", detail=detail) == FindingText(
        "Rekisteröidyn pyynnön määräaika on ohitettu.", detail
    )


def test_transfer_names_the_processor() -> None:
    """compliance's transfer detail is read for the processor's name and country."""
    detail = _detail(transfer_findings([Processor("Esimerkki SMS Inc.", "US", "none")]))
    assert _explain("fi", code="TRANSFER_WITHOUT_SAFEGUARD", detail=detail) == FindingText(
        "Henkilötietoja siirretään käsittelijälle Esimerkki SMS Inc. (US) EU:n/ETA:n "
        "ulkopuolelle ilman riittävyyspäätöstä tai vakiolausekkeita.",
        "",
    )


def test_unrecognised_transfer_detail_is_kept() -> None:
    """If the wording changes, the sentence is generic and the raw detail is shown with it."""
    assert _explain("en", code="TRANSFER_WITHOUT_SAFEGUARD", detail="Foo (US): no SCC") == (
        FindingText(
            "Personal data goes outside the EU/EEA without an adequacy decision or standard "
            "contractual clauses.",
            "Foo (US): no SCC",
        )
    )


def test_contact_findings_from_compliance() -> None:
    """Duplicate counts come from compliance's detail; invalid addresses need no detail."""
    found = contact_findings(f.contacts((1, "a@x.fi"), (2, "a@x.fi"), (3, "a@x.fi"), (4, "nope")))
    got = [
        _explain("fi", code=code, detail=detail)
        for code, detail in zip(found["code"], found["detail"], strict=True)
    ]
    duplicate = FindingText("Sama sähköpostiosoite on 3 kontaktilla ActiveCampaignissa.", "")
    invalid = FindingText("Osoite ei ole kelvollinen sähköpostiosoite.", "")
    assert got == [duplicate, duplicate, duplicate, invalid]


def test_unknown_code_shows_its_detail() -> None:
    """A code newer than this table has no sentence, so its raw detail is all there is."""
    assert _explain("fi", code="NEW_CODE", detail="something new") == FindingText(
        "", "something new"
    )


@pytest.mark.parametrize("language", ["fi", "en"])
def test_every_code_has_a_sentence(language: str) -> None:
    """Each FindingCode gets a sentence of its own in both languages (no raw-detail fallback)."""
    details = {
        "DSR_DUE_SOON": "access request R20251208-acc-1a2b3c4d is due 2026-01-08, 7 days left",
        "DSR_OVERDUE": "erase request R20251120-era-9c0d1e2f was due 2025-12-20, 12 days ago",
        "DSR_IDENTITY_UNVERIFIED": "access request R20251208-acc-1a2b3c4d waits for an identity"
        " check (--verified)",
        "TRANSFER_WITHOUT_SAFEGUARD": "processor X (US) receives personal data outside the EEA",
        "DPA_MISSING": "processor X has no signed data-processing agreement",
        "DUPLICATE_CONTACT": "2 contacts in ActiveCampaign share this address",
    }
    texts = {
        code: _explain(language, code=str(code), list_id=1, detail=details.get(code, "english"))
        for code in FindingCode
    }
    assert {code: t for code, t in texts.items() if not t.text or t.raw} == {}
    assert len({t.text for t in texts.values()}) == len(FindingCode)
