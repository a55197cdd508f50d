"""Tests for reports.run_text: the pull line, action reasons, purge results and notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reports import lang_en, lang_fi
from reports.i18n import get_lang
from reports.run_text import PullText, delete_results, note_text, pull_text, rule_label

FI, EN = get_lang("fi"), get_lang("en")
NIGHTLY = Path(__file__).parents[2] / "jobs" / "nightly.py"


def test_count_picks_the_plural_form() -> None:
    """Counted nouns take the singular only for one, in both languages."""
    assert [FI.count("count.contact", n) for n in (0, 1, 2, 1500)] == [
        "0 kontaktia",
        "1 kontakti",
        "2 kontaktia",
        "1\u00a0500 kontaktia",
    ]
    assert [EN.count("count.api_request", n) for n in (0, 1, 2)] == [
        "0 API requests",
        "1 API request",
        "2 API requests",
    ]


@pytest.mark.parametrize(
    ("language", "pull", "expected"),
    [
        (
            "fi",
            {"contacts": 1, "requests": 5, "complete": True, "mode": "incremental"},
            PullText(
                "muutoshaku: edellisen haun jälkeen muuttuneet kontaktit",
                "1 kontakti, 5 API-kutsua",
                True,
            ),
        ),
        (
            "en",
            {"contacts": 1, "requests": 1, "complete": False, "mode": "full"},
            PullText("full walk: every contact", "1 contact, 1 API request", False),
        ),
        (
            "en",
            {"contacts": 1523, "requests": 31, "complete": True},
            PullText("", "1,523 contacts, 31 API requests", True),
        ),
    ],
)
def test_pull_text(language: str, pull: dict[str, object], expected: PullText) -> None:
    """The pull says which kind it was (when known) and counts with the right plural forms."""
    assert pull_text(pull, get_lang(language)) == expected


def test_rule_labels() -> None:
    """Finding codes, purge reasons and request rules all have words; unknown rules stay raw."""
    rules = [
        "NO_MARKETING_BASIS",
        "RETENTION_EXPIRED",
        "OBJECTED",
        "HARD_BOUNCE",
        "AFTER_WITHDRAWAL",
        "ERASURE_REQUEST",
        "OBJECTION_REQUEST",
        "RECTIFICATION_REQUEST",
        "NEW_RULE",
        None,
    ]
    assert [rule_label(r, FI) for r in rules] == [
        "Ei markkinointiperustetta",
        "Säilytysaika päättynyt",
        "Markkinointikielto",
        "Osoite ei ole käytössä (pysyvä palautus)",
        "Suostumus peruttu, säilytysaika päättynyt",
        "Poistopyyntö",
        "Markkinointikielto (rekisteröidyn pyyntö)",
        "Oikaisupyyntö",
        "NEW_RULE",
        "–",
    ]
    assert [rule_label(r, EN) for r in rules] == [
        "No basis for marketing",
        "Retention period ended",
        "Objected to marketing",
        "Address not in use (hard bounce)",
        "Consent withdrawn, retention ended",
        "Erasure request",
        "Objection (data subject's request)",
        "Rectification request",
        "NEW_RULE",
        "–",
    ]


def test_delete_results_count_this_runs_deletions() -> None:
    """Done, skipped and failed deletions are counted (zeros included); other actions are not."""
    actions = [
        {"type": "delete", "result": "done"},
        {"type": "delete", "result": "done"},
        {"type": "delete", "result": "skipped"},
        {"type": "unsubscribe", "result": "failed"},
    ]
    assert delete_results(actions) == [("done", 2), ("skipped", 1), ("failed", 0)]


def test_delete_results_are_empty_for_a_plan_not_carried_out() -> None:
    """Planned deletions (a plan awaiting approval) and no deletions give no result line."""
    planned = [{"type": "delete", "result": "planned"}]
    assert (delete_results(planned), delete_results([])) == ([], [])


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fi",
            [
                "Saapuneet-kansiosta tuotiin tiedosto consents.csv.",
                "Saapuneet-kansion tiedostoa bad.csv ei tuotu: bad.csv:3: column 'at': date is "
                "out of range",
                "Haku ActiveCampaignista epäonnistui, joten muutoksia ei tehty: HTTP 403",
                "Korjausten tekeminen ActiveCampaigniin keskeytyi: HTTP 503",
                "Poistot keskeytyivät: HTTP 500",
                "Poistoja ei suunniteltu, koska tässä ajossa ei saatu täydellistä hakua "
                "ActiveCampaignista.",
                "Säilytysaika: rekisteristä poistettiin 1 henkilö, jonka tiedot olivat vain "
                "rekisterissä (ei kontaktia ActiveCampaignissa, passiivisena 24 kuukautta).",
                "Säilytysaika: rekisteristä poistettiin 3 henkilöä, joiden tiedot olivat vain "
                "rekisterissä (ei kontaktia ActiveCampaignissa, passiivisena 1 kuukausi).",
                "Säilytysaika: poistettiin 1 yli 90 päivää vanha raportti, poistosuunnitelma tai "
                "tiedosto (reports.keep_days).",
                "Säilytysaika: poistettiin 2\u00a0000 yli 1 päivä vanhaa raporttia, "
                "poistosuunnitelmaa tai tiedostoa (reports.keep_days).",
                "Säilytysaika: tapahtumalokista poistettiin 1 yli 36 kuukautta vanha rivi "
                "(policy.audit_retention_months).",
                "Säilytysaika: poistettiin 2 yli 1 kuukausi sitten käsiteltyä rekisteröidyn "
                "pyyntöä (policy.request_retention_months).",
            ],
        ),
        (
            "en",
            [
                "Imported consents.csv from the inbox.",
                "bad.csv in the inbox was not imported: bad.csv:3: column 'at': date is out of "
                "range",
                "The pull from ActiveCampaign failed, so nothing was applied: HTTP 403",
                "Applying fixes in ActiveCampaign stopped: HTTP 503",
                "Deletions stopped: HTTP 500",
                "No deletions were planned: this run has no complete pull from ActiveCampaign.",
                "Retention: forgot 1 person held only in the register (no contact in "
                "ActiveCampaign, inactive for 24 months).",
                "Retention: forgot 3 people held only in the register (no contact in "
                "ActiveCampaign, inactive for 1 month).",
                "Retention: removed 1 report, purge plan or file older than 90 days "
                "(reports.keep_days).",
                "Retention: removed 2,000 reports, purge plans or files older than 1 day "
                "(reports.keep_days).",
                "Retention: removed 1 audit-log row older than 36 months "
                "(policy.audit_retention_months).",
                "Retention: removed 2 closed data-subject requests older than 1 month "
                "(policy.request_retention_months).",
            ],
        ),
    ],
)
def test_structured_notes_are_localised(language: str, expected: list[str]) -> None:
    """Each note the nightly writes reads as a sentence in the report's language."""
    notes = [
        {"key": "inbox_imported", "params": {"file": "consents.csv"}},
        {
            "key": "inbox_rejected",
            "params": {"file": "bad.csv", "error": "bad.csv:3: column 'at': date is out of range"},
        },
        {"key": "pull_failed", "params": {"error": "HTTP 403"}},
        {"key": "reconcile_stopped", "params": {"error": "HTTP 503"}},
        {"key": "purge_stopped", "params": {"error": "HTTP 500"}},
        {"key": "purge_skipped", "params": {}},
        {"key": "retention_forgot", "params": {"count": 1, "months": 24}},
        {"key": "retention_forgot", "params": {"count": 3, "months": 1}},
        {"key": "outputs_removed", "params": {"count": 1, "days": 90}},
        {"key": "outputs_removed", "params": {"count": 2000, "days": 1}},
        {"key": "audit_removed", "params": {"count": 1, "months": 36}},
        {"key": "requests_removed", "params": {"count": 2, "months": 1}},
    ]
    assert [note_text(n, get_lang(language)) for n in notes] == expected


def test_other_notes_are_shown_rather_than_dropped() -> None:
    """Plain strings pass through; unknown keys or params that do not fit show key and params."""
    notes = [
        "Ensimmäinen täysi haku tällä viikolla.",
        {"key": "from_a_newer_version", "params": {"count": 2, "file": "x.csv"}},
        {"key": "inbox_imported", "params": {"name": "x.csv"}},
        {"key": "purge_skipped"},
        {"key": "bare"},
        {"key": "inbox_imported", "params": ["x.csv"]},
        42,
    ]
    assert [note_text(n, FI) for n in notes] == [
        "Ensimmäinen täysi haku tällä viikolla.",
        "from_a_newer_version: count=2, file=x.csv",
        "inbox_imported: name=x.csv",
        "Poistoja ei suunniteltu, koska tässä ajossa ei saatu täydellistä hakua "
        "ActiveCampaignista.",
        "bare",
        "inbox_imported",
        "42",
    ]


def test_every_note_the_nightly_writes_has_both_texts() -> None:
    """Each note("<key>", ...) in jobs/nightly.py has its Finnish and English text."""
    keys = set(re.findall(r'note\(\s*"(\w+)"', NIGHTLY.read_text(encoding="utf-8")))
    assert keys == {
        "pull_failed",
        "inbox_imported",
        "inbox_rejected",
        "reconcile_stopped",
        "purge_stopped",
        "retention_forgot",
        "purge_skipped",
        "outputs_removed",
        "mass_disappearance",
        "audit_removed",
        "requests_removed",
    }
    texts = {k.split(".")[1] for k in lang_fi.STRINGS if k.startswith("note.")}
    assert keys == texts == {k.split(".")[1] for k in lang_en.STRINGS if k.startswith("note.")}
