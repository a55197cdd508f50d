"""Tests for the run-level parts of report.html: header, history caption, actions, purge, notes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from reports.report import ACTION_COLUMNS, write_report
from tests.reports.htmlcheck import parse


def _html(
    tmp_path: Path,
    report: dict[str, Any],
    language: str,
    history: list[dict[str, Any]] | None = None,
) -> str:
    path = write_report(report, out_dir=tmp_path / "run", language=language, history=history or [])
    return path.read_text(encoding="utf-8")


def _part(html: str, start: str, end: str = "</section>") -> str:
    """The text of the markup from `start` up to the next `end`."""
    match = re.search(re.escape(start) + r"(.*?)" + re.escape(end), html, flags=re.DOTALL)
    assert match, start
    return parse(match.group(1)).text


def _rows(html: str, section: str) -> list[str]:
    """The text of each body row of the table in <section id=`section`>."""
    body = re.search(rf'<section id="{section}".*?<tbody>(.*?)</tbody>', html, flags=re.DOTALL)
    assert body, section
    return [parse(row).text for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.DOTALL)]


def _applied(report: dict[str, Any], results: list[str]) -> None:
    """Turn the sample into a run that applied its plan with these delete results."""
    report["purge"].update(count=len(results), applied=True, needs_approval=False)
    report["actions"] = [
        {
            "type": "delete",
            "contact_id": 100 + n,
            "list_id": None,
            "rule": "HARD_BOUNCE",
            "result": r,
        }
        for n, r in enumerate(results)
    ]


def test_header_cards_are_stacked_and_sized_by_their_content(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    """The controller card and the run card are full-width rows, not two equal-height columns;
    the run card splits its facts into two lists."""
    html = _html(tmp_path, report, "fi")
    header = html[html.index("<header>") : html.index('<nav class="toc"')]
    assert re.findall(r'<(div|section) class="([^"]+)"', header) == [
        ("div", "header-stack"),
        ("section", "box controller"),
        ("section", "box"),
        ("div", "run-columns"),
    ]
    assert header.count('<dl class="meta">') == 3


def test_run_card_shows_the_pull_mode_and_counts_in_finnish(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    """An incremental pull says so, and one contact is 'kontakti', not 'kontaktia'."""
    report["run"]["pull"] = {"contacts": 1, "requests": 5, "complete": True, "mode": "incremental"}
    html = _html(tmp_path, report, "fi")
    assert _part(html, 'aria-labelledby="run-h">') == (
        "Ajo Tilanne hetkellä 25.11.2026 klo 04.00 UTC Aloitettu 25.11.2026 klo 04.00 UTC "
        "Valmistunut 25.11.2026 klo 04.03 UTC Komento rekisteri nightly Ajon tunnus "
        "r-20261125-0400 Hakutapa muutoshaku: edellisen haun jälkeen muuttuneet kontaktit "
        "Haku ActiveCampaignista 1 kontakti, 5 API-kutsua (valmis) Lopputulos 5: turvapysäytys"
    )


def test_run_card_in_english_without_a_mode(tmp_path: Path, report: dict[str, Any]) -> None:
    """A report.json without a pull mode (older runs) leaves the mode row out."""
    report["run"]["pull"] = {"contacts": 1, "requests": 1, "complete": False}
    html = _html(tmp_path, report, "en")
    assert _part(html, 'aria-labelledby="run-h">').endswith(
        "Run ID r-20261125-0400 Pull from ActiveCampaign 1 contact, 1 API request "
        "(did not complete) Outcome 5: safety stop"
    )


def test_full_pull_is_named(tmp_path: Path, report: dict[str, Any]) -> None:
    """A full walk is named as such in English."""
    report["run"]["pull"]["mode"] = "full"
    html = _html(tmp_path, report, "en")
    assert _part(html, 'aria-labelledby="run-h">').endswith(
        "Run ID r-20261125-0400 Pull mode full walk: every contact Pull from ActiveCampaign "
        "1,523 contacts, 31 API requests (completed) Outcome 5: safety stop"
    )


def test_first_run_says_there_is_no_history_once(tmp_path: Path, report: dict[str, Any]) -> None:
    """With no earlier runs the caption says so (the chart image carries no second copy)."""
    html = _html(tmp_path, report, "fi")
    assert _part(html, "<figcaption>", "</figcaption>") == (
        "Havainnot koodeittain viimeisimmissä ajoissa. Aiempia ajoja ei vielä ole, joten "
        "kaaviossa on vain tämä ajo."
    )
    assert parse(html).text.count("Aiempia ajoja") == 1


def test_caption_with_history_has_no_note(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]]
) -> None:
    """With earlier runs the caption is the chart's title only."""
    html = _html(tmp_path, report, "en", history)
    assert _part(html, "<figcaption>", "</figcaption>") == "Findings by code over the last runs."


def test_actions_name_their_reason_with_the_code_beside(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    """Finding codes, purge reasons and request rules are all in words, the code small beside."""
    rows = [
        ("unsubscribe", 1, 1, "NO_MARKETING_BASIS", "done"),
        ("delete", 2, None, "RETENTION_EXPIRED", "skipped"),
        ("delete", 3, None, "ERASURE_REQUEST", "done"),
        ("unsubscribe", 4, 3, "OBJECTION_REQUEST", "done"),
        ("update", 5, None, "RECTIFICATION_REQUEST", "failed"),
        ("tag", 6, None, "NEW_RULE", "done"),
    ]
    report["actions"] = [dict(zip(ACTION_COLUMNS, row, strict=True)) for row in rows]
    assert _rows(_html(tmp_path, report, "fi"), "actions") == [
        "Poisto listalta 1 #1 Uutiskirje Ei markkinointiperustetta NO_MARKETING_BASIS Tehty",
        "Kontaktin poisto 2 – Säilytysaika päättynyt RETENTION_EXPIRED Ohitettu",
        "Kontaktin poisto 3 – Poistopyyntö ERASURE_REQUEST Tehty",
        "Poisto listalta 4 #3 Asiakaskyselyt Markkinointikielto (rekisteröidyn pyyntö) "
        "OBJECTION_REQUEST Tehty",
        "Tietojen päivitys 5 – Oikaisupyyntö RECTIFICATION_REQUEST Epäonnistui",
        "Tunnisteen lisäys 6 – NEW_RULE Tehty",
    ]
    assert _rows(_html(tmp_path, report, "en"), "actions")[1:3] == [
        "Delete contact 2 – Retention period ended RETENTION_EXPIRED Skipped",
        "Delete contact 3 – Erasure request ERASURE_REQUEST Done",
    ]


def test_purge_with_skipped_deletions_says_what_happened(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    """An applied plan counts its deletions by result and explains the skipped ones."""
    _applied(report, ["done", "done", "skipped"])
    html = _html(tmp_path, report, "fi")
    assert _part(html, 'aria-labelledby="purge-h">', "<table>") == (
        "Poistot säilytysaikojen perusteella Poistosuunnitelma p-3f9a1c: 3 kontaktia. "
        "Suunnitelman poistot tässä ajossa: Tehty 2 · Ohitettu 1 · Epäonnistui 0 "
        "Ohitetut kontaktit olivat muuttuneet ActiveCampaignissa suunnitelman laatimisen "
        "jälkeen, joten niitä ei poistettu. Seuraava yöajo suunnittelee ne uudelleen, jos "
        "poistoperuste on yhä voimassa."
    )
    assert "toteutettu" not in parse(html).text


def test_purge_with_failed_deletions_in_english(tmp_path: Path, report: dict[str, Any]) -> None:
    """A failed deletion is counted and pointed to; one contact is 'contact'."""
    _applied(report, ["failed"])
    html = _html(tmp_path, report, "en")
    assert _part(html, 'aria-labelledby="purge-h">', "<table>") == (
        "Deletions under the retention policy Purge plan p-3f9a1c: 1 contact. "
        "Deletions under the plan in this run: Done 0 · Skipped 0 · Failed 1 "
        "Failed deletions are listed under Actions. The next nightly run plans them again if "
        "the reason for deletion still holds."
    )


def test_purge_awaiting_approval_has_no_results(tmp_path: Path, report: dict[str, Any]) -> None:
    """A plan above the limit is only waiting: no result counts, the approval command instead."""
    html = _html(tmp_path, report, "en")
    assert _part(html, 'aria-labelledby="purge-h">', "<table>") == (
        "Deletions under the retention policy Purge plan p-3f9a1c: 40 contacts. "
        "The plan awaits approval."
    )


def test_applied_plan_without_actions_keeps_the_short_sentence(
    tmp_path: Path, report: dict[str, Any]
) -> None:
    """With no delete actions in the report an applied plan is only said to be applied."""
    _applied(report, [])
    report["purge"]["count"] = 2
    html = _html(tmp_path, report, "en")
    assert _part(html, 'aria-labelledby="purge-h">', "<table>") == (
        "Deletions under the retention policy Purge plan p-3f9a1c: 2 contacts. "
        "The plan has been applied."
    )


def test_notes_are_localised_and_kept_as_given(tmp_path: Path, report: dict[str, Any]) -> None:
    """Structured notes read in the report's language; report.json keeps them unchanged."""
    report["notes"] = [
        {"key": "inbox_imported", "params": {"file": "consents.csv"}},
        {"key": "outputs_removed", "params": {"count": 4, "days": 90}},
        "Käsin lisätty huomautus.",
    ]
    html = _html(tmp_path, report, "fi")
    assert _part(html, 'aria-labelledby="notes-h">') == (
        "Huomautukset Saapuneet-kansiosta tuotiin tiedosto consents.csv. Säilytysaika: "
        "poistettiin 4 yli 90 päivää vanhaa raporttia, poistosuunnitelmaa tai tiedostoa "
        "(reports.keep_days). Käsin lisätty huomautus."
    )
    saved = json.loads((tmp_path / "run" / "report.json").read_text(encoding="utf-8"))
    assert saved["notes"] == report["notes"]
