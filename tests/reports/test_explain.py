"""Tests for reports.explain: one localised sentence per finding, from code, columns and params."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import pytest

from compliance.codes import FINDING_PARAMS, FindingCode
from compliance.dpa import dpa_findings
from compliance.hygiene import contact_findings
from compliance.requests import request_findings
from compliance.transfers import transfer_findings
from reports.explain import WORDS, finding_detail, finding_text, list_names
from reports.i18n import get_lang
from tests.compliance import factories as f

NAMES = list_names(
    [
        {"id": 1, "name": "Uutiskirje", "purpose": "newsletter", "basis": "consent"},
        {"id": 2, "name": " ", "purpose": "offers", "basis": "soft_opt_in"},
    ]
)
# One params dict per code, as compliance writes them (codes.FINDING_PARAMS).
SAMPLE_PARAMS: dict[str, Any] = {
    "list_id": 1,
    "purpose": "newsletter",
    "product_groups": ["kurssit"],
    "request_id": "R20251208-acc-1a2b3c4d",
    "type": "access",
    "due_at": "2026-01-08T00:00:00+00:00",
    "processor": "Esimerkki SMS Inc.",
    "country": "US",
    "count": 3,
    "other_ids": [2, 3],
    "days_left": 3,
}


@dataclass(frozen=True)
class Processor:
    name: str
    country: str = "US"
    transfer_mechanism: str = "none"
    dpa_signed: date | None = None


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Findings as report.json rows (NA ids as None), the way reports/ receives them."""
    return [
        {key: (None if value is pd.NA else value) for key, value in row.items()}
        for row in frame.to_dict("records")
    ]


def _texts(language: str, frame: pd.DataFrame) -> list[str]:
    lang = get_lang(language)
    return [finding_text(row, lang=lang, names=NAMES) for row in _rows(frame)]


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
    finding = {
        "code": "CONSENT_WITHDRAWN",
        "list_id": list_id,
        "params": {"list_id": list_id, "purpose": "newsletter"},
    }
    assert finding_text(finding, lang=get_lang(language), names=NAMES) == want


@pytest.mark.parametrize(
    ("language", "want"),
    [
        (
            "fi",
            [
                "Pyyntöön R20251201-era-5e6f7a8b (Poistopyyntö) on vastattava viimeistään "
                "1.1.2026 klo 00.00 UTC; aikaa on alle päivä.",
                "Pyyntöön R20251208-acc-1a2b3c4d (Tarkastuspyyntö) on vastattava viimeistään "
                "8.1.2026 klo 00.00 UTC; aikaa on 7 päivää.",
                "Pyyntö R20251208-acc-1a2b3c4d (Tarkastuspyyntö) odottaa henkilöllisyyden "
                "tarkistusta (--verified); vastattava viimeistään 8.1.2026 klo 00.00 UTC.",
                "Pyyntöön R20251120-era-9c0d1e2f (Poistopyyntö) olisi pitänyt vastata "
                "viimeistään 20.12.2025 klo 00.00 UTC; myöhässä 12 päivää.",
            ],
        ),
        (
            "en",
            [
                "Request R20251201-era-5e6f7a8b (Erasure) must be answered by 2026-01-01 "
                "00:00 UTC; less than a day left.",
                "Request R20251208-acc-1a2b3c4d (Access) must be answered by 2026-01-08 "
                "00:00 UTC; 7 days left.",
                "Request R20251208-acc-1a2b3c4d (Access) waits for an identity check "
                "(--verified); answer by 2026-01-08 00:00 UTC.",
                "Request R20251120-era-9c0d1e2f (Erasure) was due 2025-12-20 00:00 UTC; "
                "overdue by 12 days.",
            ],
        ),
    ],
)
def test_request_findings_from_compliance(language: str, want: list[str]) -> None:
    """compliance's DSR findings are worded from their params alone."""
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
    frame = frame.assign(verified=[False, True, True])
    found = request_findings(frame, f.NOW, require_verified=True)
    assert _texts(language, found) == want


def test_processor_findings_from_compliance() -> None:
    """Transfer and DPA findings name the processor (and its country) from params."""
    mailer = Processor("Esimerkki SMS Inc.")
    found = pd.concat([transfer_findings([mailer]), dpa_findings([mailer], f.NOW)])
    assert _texts("fi", found) == [
        "Henkilötietoja siirretään käsittelijälle Esimerkki SMS Inc. (US) EU:n/ETA:n "
        "ulkopuolelle ilman riittävyyspäätöstä tai vakiolausekkeita.",
        "Käsittelijän Esimerkki SMS Inc. allekirjoitettua käsittelysopimusta ei ole kirjattu "
        "(tietosuoja-asetuksen 28 artiklan 3 kohta): allekirjoita sopimus ja merkitse "
        "dpa_signed sen [[processors]]-kohtaan.",
    ]


def test_contact_findings_from_compliance() -> None:
    """A duplicate names how many share the address and the other contacts' ids."""
    found = contact_findings(f.contacts((1, "a@x.fi"), (2, "a@x.fi"), (3, "a@x.fi"), (4, "nope")))
    assert _texts("en", found) == [
        "3 contacts in ActiveCampaign share this email address; the others: 2, 3.",
        "3 contacts in ActiveCampaign share this email address; the others: 1, 3.",
        "3 contacts in ActiveCampaign share this email address; the others: 1, 2.",
        "The address is not a valid email address.",
    ]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_every_code_has_a_sentence(language: str) -> None:
    """Each FindingCode has its own sentence, filled in from its params with nothing left over."""
    lang = get_lang(language)
    assert set(WORDS) == set(FindingCode) == set(FINDING_PARAMS)
    texts = {}
    for code in FindingCode:
        params = {key: SAMPLE_PARAMS[key] for key in FINDING_PARAMS[code]}
        if code == FindingCode.DSR_OVERDUE:
            params["days_left"] = -2
        finding = {"code": code.value, "list_id": params.get("list_id"), "params": params}
        texts[code] = finding_text(finding, lang=lang, names=NAMES)
    assert {code: t for code, t in texts.items() if not t or "{" in t} == {}
    assert len(set(texts.values())) == len(FindingCode)


def test_detail_is_the_english_sentence_in_utc() -> None:
    """report.json's detail: English, times in UTC whatever the controller's zone."""
    finding = _rows(request_findings(f.frame("requests", [_request()]), f.NOW))[0]
    assert finding_detail(finding, NAMES) == (
        "Request r1 (Erasure) was due 2025-12-20 00:00 UTC; overdue by 12 days."
    )


def _request() -> dict[str, Any]:
    return {
        "id": "r1",
        "type": "erase",
        "received_at": f.ts("2025-11-20"),
        "due_at": f.ts("2025-12-20"),
        "status": "open",
    }
