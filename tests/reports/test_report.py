"""Tests for reports.report.write_report."""

from __future__ import annotations

import csv
import json
import re
import stat
from pathlib import Path
from typing import Any

import pytest

from reports.report import ACTION_COLUMNS, write_report
from tests.reports.htmlcheck import external_refs, parse, unmasked_emails

CONTROLLER_EMAIL = "leena.soukkala@gmail.com"
FI_HEADER = [
    "Vakavuus",
    "Havainto",
    "Koodi",
    "Kontakti",
    "Sähköposti",
    "Lista",
    "Tila",
    "Lisätiedot",
]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _write(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]], language: str = "fi"
) -> Path:
    return write_report(report, out_dir=tmp_path / "run", language=language, history=history)


def test_writes_four_private_files(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]]
) -> None:
    """All four files exist with mode 0600 inside a 0700 directory; the HTML path is returned."""
    html = _write(tmp_path, report, history)
    out = tmp_path / "run"
    assert html == out / "report.html"
    assert {p.name for p in out.iterdir()} == {
        "report.html",
        "report.json",
        "findings.csv",
        "actions.csv",
    }
    assert {p.name: _mode(p) for p in out.iterdir()} == {
        "report.html": 0o600,
        "report.json": 0o600,
        "findings.csv": 0o600,
        "actions.csv": 0o600,
    }
    assert _mode(out) == 0o700


def test_report_json_round_trips(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]]
) -> None:
    """report.json holds exactly the dict handed in, UTF-8 unescaped and indented."""
    _write(tmp_path, report, history)
    raw = (tmp_path / "run" / "report.json").read_text(encoding="utf-8")
    assert json.loads(raw) == report
    assert "Ensimmäinen" in raw and raw.startswith('{\n  "run"')


def test_csv_headers_and_rows(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]]
) -> None:
    """findings.csv speaks the report's language, one row per finding; actions.csv keeps the
    contract columns."""
    _write(tmp_path, report, history)
    with (tmp_path / "run" / "findings.csv").open(encoding="utf-8", newline="") as handle:
        findings = list(csv.reader(handle))
    with (tmp_path / "run" / "actions.csv").open(encoding="utf-8", newline="") as handle:
        actions = list(csv.reader(handle))
    assert findings[0] == FI_HEADER
    assert actions[0] == list(ACTION_COLUMNS) == ["type", "contact_id", "list_id", "rule", "result"]
    assert [row[2] for row in findings[1:]] == [f["code"] for f in report["findings"]]
    assert findings[1] == [
        "Kriittinen",
        "Markkinointikieltoa ei noudatettu",
        "OBJECTION_NOT_HONOURED",
        "17",
        "m***@example.fi",
        "1 (Uutiskirje)",
        "Korjattu",
        "Aktiivinen listalla 1 (Uutiskirje), vaikka henkilö on kieltänyt käytön,"
        " jota lista palvelee.",
    ]
    assert findings[4] == [
        "Keskitaso",
        "Pyynnön määräaika lähestyy",
        "DSR_DUE_SOON",
        "",
        "",
        "",
        "Avoin",
        "Pyyntöön q-7 (Tarkastuspyyntö) on vastattava viimeistään 30.11.2026 klo 09.00 UTC;"
        " aikaa on 5 päivää.",
    ]
    assert actions[1:] == [
        ["unsubscribe", "17", "1", "OBJECTION_NOT_HONOURED", "done"],
        ["tag", "17", "", "OBJECTION_NOT_HONOURED", "done"],
        ["unsubscribe", "42", "2", "NO_MARKETING_BASIS", "failed"],
    ]


def test_csv_headers_when_empty(tmp_path: Path, report: dict[str, Any]) -> None:
    """With no findings or actions the CSVs still have their header line (en here)."""
    report.update(findings=[], actions=[])
    _write(tmp_path, report, [], "en")
    assert (
        tmp_path / "run" / "findings.csv"
    ).read_bytes() == b"Severity,Finding,Code,Contact,Email,List,Status,Detail\r\n"
    assert (
        tmp_path / "run" / "actions.csv"
    ).read_bytes() == b"type,contact_id,list_id,rule,result\r\n"


@pytest.mark.parametrize("language", ["fi", "en"])
def test_html_is_offline_and_masked(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]], language: str
) -> None:
    """No network reference, no unmasked data-subject email, both charts inline with alt text."""
    html = _write(tmp_path, report, history, language).read_text(encoding="utf-8")
    page = parse(html)
    assert external_refs(page) == []
    assert "http://" not in html and "https://" not in html
    assert unmasked_emails(page.text) == {CONTROLLER_EMAIL}
    assert unmasked_emails(html) == {CONTROLLER_EMAIL}
    assert [str(img["src"])[:22] for img in page.images] == ["data:image/png;base64,"] * 2
    assert all(img.get("alt") for img in page.images)
    assert all(ref.startswith(("#", "data:image/png;base64,")) for ref in page.refs)
    assert page.lang == language


def test_html_escapes_untrusted_text(tmp_path: Path, report: dict[str, Any]) -> None:
    """A list name or a processor's name with markup is shown as text, never as a tag."""
    report["lists"][1]["name"] = "<b>Tarjoukset</b>"
    report["findings"].append(
        {
            **report["findings"][3],
            "code": "DPA_MISSING",
            "params": {"processor": "x <script>alert(1)</script>"},
        }
    )
    html = _write(tmp_path, report, []).read_text(encoding="utf-8")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Tarjoukset&lt;/b&gt;" in html
    assert "script" not in parse(html).tags and "b" not in parse(html).tags


def test_finnish_summary(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]]
) -> None:
    """The Finnish report leads with the summary and names what needs a person."""
    html = _write(tmp_path, report, history, "fi").read_text(encoding="utf-8")
    text = parse(html).text
    assert "1\u00a0523" in html  # Finnish thousands separator, a no-break space
    for phrase in (
        "Tietosuojaraportti",
        "Yhteenveto",
        "Havainnot",
        "Toimenpiteet",
        "Rekisteröityjen pyynnöt",
        "Käytetyt asetukset",
        "Vaatii ihmisen päätöksen",
        "Poistot markkinointilistoilta 3",
        "rekisteri purge --apply --plan p-3f9a1c",
        "Tarkastuspyyntö q-7 30.11.2026 klo 09.00 UTC 5 päivää",
        "Ei markkinointiperustetta",
        "Kriittinen",
        "24 tuntia",
        "30 päivää",
        "Tietosuojaselosteen korjattavat kohdat",
        "henkilötietolakiin",
        "Ensimmäinen täysi haku tällä viikolla.",
    ):
        assert phrase in text, phrase
    assert (
        text.index("Yhteenveto")
        < text.index("Kriittinen 1 kpl")
        < text.index("Korkea 1 kpl")
        < text.index("Keskitaso 2 kpl")
        < text.index("Matala 1 kpl")
    )
    assert (
        text.index("Matala 1 kpl")
        < text.index("Poisto listalta")
        < text.index("Markkinointikiellon toteutusaika")
    )


def test_english_summary(
    tmp_path: Path, report: dict[str, Any], history: list[dict[str, Any]]
) -> None:
    """The English report uses English labels for codes, severities and requests."""
    text = parse(_write(tmp_path, report, history, "en").read_text(encoding="utf-8")).text
    for phrase in (
        "Data protection report",
        "Summary",
        "Needs a person",
        "Open findings by severity",
        "No basis for marketing",
        "Critical",
        "Access q-7",
        "5 days",
        "Unsubscribed from marketing lists 3",
        "24 hours",
        "rekisteri purge --apply --plan p-3f9a1c",
        "1,523",
        "Retention period ended RETENTION_EXPIRED 31",
    ):
        assert phrase in text, phrase
    assert "Tietosuojaraportti" not in text and "Havainnot" not in text


def test_all_clear_without_history(tmp_path: Path, report: dict[str, Any]) -> None:
    """Nothing open and no earlier runs: the report says so and the chart notes no history."""
    report.update(
        findings=[],
        actions=[],
        requests=[],
        ropa_errors=[],
        notes=[],
        purge={
            "plan_id": None,
            "count": 0,
            "applied": False,
            "needs_approval": False,
            "reasons": {},
        },
    )
    html = _write(tmp_path, report, [], "en").read_text(encoding="utf-8")
    text = parse(html).text
    assert "Nothing needs review" in text
    assert "No history yet: the chart shows this run only" in text
    assert "This run: No findings." in str(parse(html).images[0]["alt"])
    assert "No contacts are due for deletion." in text
    assert "rekisteri purge --apply" not in text


def test_overdue_and_incomplete_pull(tmp_path: Path, report: dict[str, Any]) -> None:
    """An overdue request shows how late it is and a partial pull is flagged at the top."""
    report["requests"][0].update(days_left=-3, due_at="2026-11-22T09:00:00+00:00")
    report["run"]["pull"]["complete"] = False
    text = parse(_write(tmp_path, report, [], "fi").read_text(encoding="utf-8")).text
    assert "myöhässä 3 päivää" in text
    assert text.index("Haku jäi kesken") < text.index("Korjattu tässä ajossa")


def test_current_run_not_counted_twice(tmp_path: Path, report: dict[str, Any]) -> None:
    """A history that already holds this run still shows it once (one bar per run)."""
    same = [
        {
            "run_id": report["run"]["id"],
            "started_at": report["run"]["started_at"],
            "findings_by_code": {"NO_MARKETING_BASIS": 1},
        }
    ]
    page = parse(_write(tmp_path, report, same, "en").read_text(encoding="utf-8"))
    assert "runs shown: 1." in str(page.images[0]["alt"])


def test_long_tables_point_to_csv(
    tmp_path: Path, report: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the row limit the HTML shows the first rows and the CSV keeps every row."""
    monkeypatch.setattr("reports.report.MAX_ROWS", 2)
    finding = {**report["findings"][1], "status": "open"}
    report["findings"] = [{**finding, "contact_id": n} for n in range(5)]
    html = _write(tmp_path, report, [], "en").read_text(encoding="utf-8")
    text = parse(html).text
    assert "The table shows the first 2 of 5 rows; every row is in findings.csv." in text
    assert "The table shows the first 2 of 3 rows; every row is in actions.csv." in text
    with (tmp_path / "run" / "findings.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == 6


def test_minimal_report_renders(tmp_path: Path) -> None:
    """A report with only the run section still renders (optional parts shown as empty)."""
    minimal = {"run": {"id": "r-0", "started_at": "2026-11-25T04:00:00+00:00"}}
    text = parse(_write(tmp_path, minimal, [], "en").read_text(encoding="utf-8")).text
    assert "No findings in this run." in text and "No requests recorded." in text
    assert json.loads((tmp_path / "run" / "report.json").read_text()) == minimal


def _finding_cells(html: str) -> list[str]:
    """The text of each findings-table row, in order (rows carry an open/fixed class)."""
    rows = re.findall(r'<tr class="(?:open|fixed)">(.*?)</tr>', html, flags=re.DOTALL)
    return [parse(row).text for row in rows]


def test_finnish_findings_have_no_english_detail(tmp_path: Path, report: dict[str, Any]) -> None:
    """The Finnish table explains each finding in Finnish with the list's name, not in English."""
    html = _write(tmp_path, report, [], "fi").read_text(encoding="utf-8")
    text = parse(html).text
    assert (
        "Aktiivinen listalla 2 (Asiakastarjoukset) ilman suostumusta tai asiakassuhteeseen "
        "perustuvaa markkinointioikeutta." in text
    )
    assert [f["detail"] for f in report["findings"] if f["detail"] in text] == []
    for english in ("with no consent", "Active on list", "must be answered", "share this"):
        assert english not in text, english
    assert _finding_cells(html) == [
        "Markkinointikieltoa ei noudatettu OBJECTION_NOT_HONOURED 17 m***@example.fi #1 "
        "Uutiskirje Korjattu Aktiivinen listalla 1 (Uutiskirje), vaikka henkilö on kieltänyt "
        "käytön, jota lista palvelee.",
        "Ei markkinointiperustetta NO_MARKETING_BASIS 42 t***@gmail.com #2 Asiakastarjoukset "
        "Avoin Aktiivinen listalla 2 (Asiakastarjoukset) ilman suostumusta tai "
        "asiakassuhteeseen perustuvaa markkinointioikeutta.",
        "Suostumustieto puutteellinen CONSENT_INCOMPLETE 42 t***@gmail.com #1 Uutiskirje Avoin "
        "Listan 1 (Uutiskirje) perusteena olevasta suostumuksesta puuttuu suostumustekstin "
        "tunnus tai tietosuojaselosteen versio.",
        "Pyynnön määräaika lähestyy DSR_DUE_SOON – – – Avoin Pyyntöön q-7 (Tarkastuspyyntö) on "
        "vastattava viimeistään 30.11.2026 klo 09.00 UTC; aikaa on 5 päivää.",
        "Kaksoiskontakti DUPLICATE_CONTACT 99 a***@yritys.fi – Avoin Sama sähköpostiosoite on "
        "2 kontaktilla ActiveCampaignissa; muut kontaktit: 98.",
    ]


def test_english_findings_use_english_sentences(tmp_path: Path, report: dict[str, Any]) -> None:
    """The English table has the English sentence with the configured list name."""
    text = parse(_write(tmp_path, report, [], "en").read_text(encoding="utf-8")).text
    for phrase in (
        "Active on list 2 (Asiakastarjoukset) with no consent and no soft opt-in.",
        "Request q-7 (Access) must be answered by 2026-11-30 09:00 UTC; 5 days left.",
        "2 contacts in ActiveCampaign share this email address; the others: 98.",
    ):
        assert phrase in text, phrase
    assert "Aktiivinen listalla" not in text


def test_raw_detail_stays_in_json(tmp_path: Path, report: dict[str, Any]) -> None:
    """Machines still get the English detail in report.json; the CSV is for people."""
    _write(tmp_path, report, [], "fi")
    saved = json.loads((tmp_path / "run" / "report.json").read_text(encoding="utf-8"))
    with (tmp_path / "run" / "findings.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    expected = [f["detail"] for f in report["findings"]]
    assert [f["detail"] for f in saved["findings"]] == expected
    assert not {r["Lisätiedot"] for r in rows} & set(expected)
    assert expected[1] == "Active on list 2 (Asiakastarjoukset) with no consent and no soft opt-in."


def test_without_lists_shows_the_list_id(tmp_path: Path, report: dict[str, Any]) -> None:
    """With no report["lists"] the sentence and the list column name the list by id only."""
    del report["lists"]
    html = _write(tmp_path, report, [], "fi").read_text(encoding="utf-8")
    text = parse(html).text
    assert (
        "Aktiivinen listalla 2 ilman suostumusta tai asiakassuhteeseen perustuvaa "
        "markkinointioikeutta." in text
    )
    assert "Uutiskirje" not in text and "Asiakastarjoukset" not in text
    assert _finding_cells(html)[1].startswith(
        "Ei markkinointiperustetta NO_MARKETING_BASIS 42 t***@gmail.com #2 Avoin"
    )


def test_fixed_findings_are_dimmed_and_counted(tmp_path: Path, report: dict[str, Any]) -> None:
    """Fixed rows are marked apart from open ones, and groups and summary count both kinds."""
    report["findings"].append({**report["findings"][0], "contact_id": 18, "status": "open"})
    report["actions"][2]["result"] = "failed"
    html = _write(tmp_path, report, [], "en").read_text(encoding="utf-8")
    text = parse(html).text
    assert re.findall(r'<tr class="(open|fixed)">', html) == [
        "open",
        "fixed",
        "open",
        "open",
        "open",
        "open",
    ]
    assert "Critical 2 in total (1 open, 1 fixed)" in text
    assert "Needs a person Open findings 5 Failed actions 1" in text
    assert "Findings fixed 1" in text
    assert "report only" not in text


def test_report_only_mode_says_nothing_was_changed(tmp_path: Path, report: dict[str, Any]) -> None:
    """In report-only mode the summary explains why findings stay open."""
    report["policy"]["enforce"] = "report"
    text = parse(_write(tmp_path, report, [], "fi").read_text(encoding="utf-8")).text
    assert "ActiveCampaigniin ei tehty muutoksia" in text


@pytest.mark.parametrize(
    ("formats", "files", "opened"),
    [
        (("json",), {"report.json"}, "report.json"),
        (("csv", "json"), {"report.json", "findings.csv", "actions.csv"}, "report.json"),
        (("csv",), {"findings.csv", "actions.csv"}, "findings.csv"),
        (
            ("html", "json", "csv"),
            {"report.html", "report.json", "findings.csv", "actions.csv"},
            "report.html",
        ),
    ],
    ids=["json-only", "csv-and-json", "csv-only", "all"],
)
def test_only_the_configured_formats_are_written(
    tmp_path: Path,
    report: dict[str, Any],
    formats: tuple[str, ...],
    files: set[str],
    opened: str,
) -> None:
    """reports.formats decides the files; the returned path is the one a person opens."""
    path = write_report(report, out_dir=tmp_path / "r", language="en", history=[], formats=formats)
    assert ({p.name for p in (tmp_path / "r").iterdir()}, path.name) == (files, opened)


def test_an_unknown_format_is_refused(tmp_path: Path, report: dict[str, Any]) -> None:
    """A format other than html, json or csv is a ValueError before anything is written."""
    with pytest.raises(ValueError, match="pdf"):
        write_report(report, out_dir=tmp_path / "r", language="en", history=[], formats=("pdf",))
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize(("open_", "shown"), [(True, True), (False, False)])
def test_cookie_wording_is_a_notice_defect_only_while_open(
    tmp_path: Path, report: dict[str, Any], open_: bool, shown: bool
) -> None:
    """The notice-defects section carries the cookie wording (917/2014 section 205) exactly
    while the job says it is open, after the Part C defects."""
    report["cookie_wording_open"] = open_
    html = _write(tmp_path, report, [], "en").read_text(encoding="utf-8")
    text = parse(html).text
    assert ("917/2014 section 205" in text and "consent_banner" in text) is shown
    assert text.index("Privacy notice: items to correct") < text.index("Transfers outside the EU")
