"""The nightly's review report end to end (SPEC 8): a demo-like run over real HTTP, its
report.json against a JSON Schema, report.html offline and masked, both languages."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterator, Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

from compliance.codes import FindingCode, Severity
from jobs.cli import main
from reports.i18n import get_lang
from simulator import demo, generate, serve
from simulator.state import SimulatorState
from tests.conftest import SIMULATOR_TOKEN, RunCli, StartSimulator, make_config, now_anchor
from tests.jobs.scenario import build_scenario, prepare

CONTROLLER_EMAIL = "tietosuoja@kokojuju.example"
CONTROLLER = {
    "name": "Koko Juju",
    "business_id": "2905754-5",
    "contact": f"Tietosuoja, {CONTROLLER_EMAIL}, 040 000 0000",
}
PROCESSORS = [
    {
        "name": "ActiveCampaign, LLC",
        "country": "US",
        "transfer_mechanism": "scc",
        "role": "email marketing platform",
        "purposes": ["newsletter", "customer_offers", "surveys", "orders", "customers"],
        "dpa_signed": "2024-01-15",
    },
    {
        "name": "Esimerkki SMS Inc.",
        "country": "US",
        "transfer_mechanism": "none",
        "role": "text messages",
        "purposes": ["orders"],
        "dpa_signed": "2025-02-01",
    },
]
REPORT_FILES = ["actions.csv", "findings.csv", "report.html", "report.json"]
# An address as a person would write it; masked ones (`l***@gmail.com`) have `*` before the @.
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# ---- SPEC section 8 as a JSON Schema (draft 2020-12 subset) ----------------------------

COUNT = {"type": "integer", "minimum": 0}
DATE_TIME = {"type": "string", "format": "date-time"}
ID = {"type": ["integer", "null"], "minimum": 1}
REPORT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["run", "totals", "findings", "actions", "requests"],
    "properties": {
        "run": {
            "type": "object",
            "required": ["id", "started_at", "finished_at", "as_of", "pull"],
            "properties": {
                "id": {"type": "string", "minLength": 1},
                "started_at": DATE_TIME,
                "finished_at": DATE_TIME,
                "as_of": DATE_TIME,
                "pull": {
                    "type": "object",
                    "required": ["contacts", "requests", "complete"],
                    "properties": {
                        "contacts": COUNT,
                        "requests": COUNT,
                        "complete": {"type": "boolean"},
                    },
                },
            },
        },
        "totals": {
            "type": "object",
            "required": [
                "contacts",
                "active_marketing",
                "findings",
                "unsubscribed",
                "deleted",
                "purge_planned",
            ],
            "additionalProperties": COUNT,
        },
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "severity", "contact_id", "email_masked", "list_id", "status"],
                "properties": {
                    "code": {"enum": [c.value for c in FindingCode]},
                    "severity": {"enum": [s.value for s in Severity]},
                    "contact_id": ID,
                    "email_masked": {"type": "string", "pattern": r"^$|^.\*\*\*@[^@*]+$"},
                    "list_id": ID,
                    "status": {"enum": ["open", "fixed"]},
                },
            },
        },
        "actions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "contact_id", "list_id", "rule", "result"],
                "properties": {
                    "type": {"enum": ["unsubscribe", "tag", "delete", "update"]},
                    "contact_id": {"type": "integer", "minimum": 1},
                    "list_id": ID,
                    "rule": {"type": "string", "minLength": 1},
                    "result": {"enum": ["done", "failed", "skipped", "planned"]},
                },
            },
        },
        "requests": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "type", "received_at", "due_at", "status"],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "type": {"enum": ["access", "erase", "rectify", "object"]},
                    "received_at": DATE_TIME,
                    "due_at": DATE_TIME,
                    "status": {"enum": ["open", "done", "failed"]},
                },
            },
        },
    },
}

_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _is_date_time(value: str) -> bool:
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def schema_errors(value: Any, schema: Mapping[str, Any], where: str = "$") -> list[str]:
    """The keywords of REPORT_SCHEMA, checked by hand (jsonschema is not a dependency)."""
    errors: list[str] = []
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else types
        if not any(_TYPES[name](value) for name in names):
            return [f"{where}: {value!r} is not of type {types}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{where}: {value!r} not in {schema['enum']}")
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and value < schema.get("minimum", value)
    ):
        errors.append(f"{where}: {value} < {schema['minimum']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{where}: shorter than {schema['minLength']}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: {value!r} does not match {schema['pattern']}")
        if schema.get("format") == "date-time" and not _is_date_time(value):
            errors.append(f"{where}: {value!r} is not an ISO 8601 date-time with offset")
    if isinstance(value, dict):
        errors += [
            f"{where}: '{key}' is required"
            for key in schema.get("required", ())
            if key not in value
        ]
        properties = schema.get("properties", {})
        for key, item in value.items():
            sub = properties.get(key, schema.get("additionalProperties"))
            if isinstance(sub, Mapping):
                errors += schema_errors(item, sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            errors += schema_errors(item, schema["items"], f"{where}[{index}]")
    return errors


def test_schema_checker_reports_what_is_wrong() -> None:
    """The hand-written checker finds a missing key, a wrong type, enum and format."""
    bad = {
        "run": {
            "id": "",
            "started_at": "yesterday",
            "finished_at": "2026-01-01T00:00:00",
            "as_of": "2026-01-01T00:00:00+00:00",
            "pull": {"contacts": -1, "requests": True, "complete": 1},
        },
        "totals": {"contacts": 1},
        "findings": [
            {
                "code": "NOPE",
                "severity": "low",
                "contact_id": None,
                "email_masked": "a@b.fi",
                "list_id": None,
                "status": "open",
            }
        ],
        "actions": [],
        "requests": "none",
    }

    assert schema_errors(bad, REPORT_SCHEMA) == [
        "$.run.id: shorter than 1",
        "$.run.started_at: 'yesterday' is not an ISO 8601 date-time with offset",
        "$.run.finished_at: '2026-01-01T00:00:00' is not an ISO 8601 date-time with offset",
        "$.run.pull.contacts: -1 < 0",
        "$.run.pull.requests: True is not of type integer",
        "$.run.pull.complete: 1 is not of type boolean",
        "$.totals: 'active_marketing' is required",
        "$.totals: 'findings' is required",
        "$.totals: 'unsubscribed' is required",
        "$.totals: 'deleted' is required",
        "$.totals: 'purge_planned' is required",
        f"$.findings[0].code: 'NOPE' not in {[c.value for c in FindingCode]}",
        r"$.findings[0].email_masked: 'a@b.fi' does not match ^$|^.\*\*\*@[^@*]+$",
        "$.requests: 'none' is not of type array",
    ]


# ---- reading the HTML -------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects the text, the <html lang> and every URL-bearing attribute or CSS url()."""

    URL_ATTRIBUTES = frozenset(
        {
            "href",
            "src",
            "srcset",
            "action",
            "formaction",
            "poster",
            "data",
            "background",
            "cite",
            "manifest",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.urls: list[str] = []
        self.lang: str | None = None
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in = tag
        for name, value in attrs:
            if tag == "html" and name == "lang":
                self.lang = value
            if value and name in self.URL_ATTRIBUTES:
                self.urls.append(value)
            if value and name == "style":
                self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", data)
            self.urls += re.findall(r"@import\s+['\"]([^'\"]+)", data)
            return
        if self._in == "title":
            self.title += data
        self.text.append(data)


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def external(urls: list[str]) -> list[str]:
    """URLs that would make the page fetch or link anything outside the file itself."""
    return [u for u in urls if not u.startswith(("data:", "#"))]


def unmasked(text: str) -> set[str]:
    return {m.casefold() for m in EMAIL_RE.findall(text)} - {CONTROLLER_EMAIL}


# ---- a demo-like nightly, once for the module -------------------------------------------


@dataclass
class DemoRun:
    state: SimulatorState
    config: Path
    code: int
    stdout: str
    stderr: str
    picks: dict[str, str]

    @property
    def html(self) -> Path:
        return Path(self.stdout.strip().splitlines()[-1])

    @property
    def folder(self) -> Path:
        return self.html.parent

    def json(self) -> dict[str, Any]:
        return json.loads((self.folder / "report.json").read_text(encoding="utf-8"))


def _cli(config: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(["--config", str(config), "--quiet", *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return code, out.getvalue(), err.getvalue()


def _demo_like(folder: Path, url: str, state: SimulatorState) -> DemoRun:
    """The steps of `make demo` (simulator/demo.py) with the simulator's rate limit off."""
    now = state.now().replace(microsecond=0)
    scenario = demo.build_scenario(state, now)
    config = make_config(
        folder,
        url,
        controller=CONTROLLER,
        processors=PROCESSORS,
        policy={"enforce": "apply", "max_auto_deletions": 120},
    )

    def ok(*args: str) -> None:
        code, out, err = _cli(config, *args)
        assert code == 0, (args, code, out, err)

    ok("init")
    ok("pull", "--full")
    suppressed = scenario.picks["suppressed"]
    early = folder / "objections-early.csv"
    demo.write_csv(
        early,
        [r for r in scenario.objections if r["email"] == suppressed],
        ("email", "scope", "at", "channel"),
    )
    ok("import", "objections", str(early))
    ok("request", "erase", "--verified", "known_address", suppressed)
    again = state.add_contact(suppressed.title(), "Palannut", "Tilaaja")
    state.set_membership(again, 1, 1)
    scenario.objections = [r for r in scenario.objections if r["email"] != suppressed]
    # exit 1: a processor without a transfer safeguard makes access warn (SPEC 7)
    code, out, err = _cli(
        config, "request", "access", "--verified", "in_person", scenario.picks["access"]
    )
    assert (code, "Esimerkki SMS" in err) == (1, True), (out, err)
    ok(
        "request",
        "access",
        scenario.picks["access"],
        "--record-only",
        "--received",
        (now - timedelta(days=25)).date().isoformat(),
    )
    ok(
        "request",
        "rectify",
        scenario.picks["rectify"],
        "--set",
        "Kaupunki=Tampere",
        "--record-only",
        "--received",
        (now - timedelta(days=40)).date().isoformat(),
    )
    inbox = folder / "var" / "inbox"
    demo.write_csv(
        inbox / "consents.csv",
        scenario.consents,
        ("email", "purpose", "action", "at", "source", "wording_id", "notice_version"),
    )
    demo.write_csv(
        inbox / "objections.csv", scenario.objections, ("email", "scope", "at", "channel")
    )
    demo.write_csv(
        inbox / "customers.csv", scenario.customers, ("email", "last_purchase_at", "product_group")
    )
    code, out, err = _cli(config, "nightly")
    return DemoRun(state, config, code, out, err, dict(scenario.picks))


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoRun]:
    """One demo-like nightly (120 contacts) shared by the read-only checks below."""
    folder = tmp_path_factory.mktemp("demo-like")
    state = generate(contacts=120, seed=7, anchor=now_anchor())
    with (
        pytest.MonkeyPatch.context() as patch,
        serve(state, token=SIMULATOR_TOKEN, rate=0, seed=7) as server,
    ):
        for name in [n for n in os.environ if n.startswith("REKISTERI_")]:
            patch.delenv(name)
        patch.setenv("ACTIVECAMPAIGN_API_TOKEN", SIMULATOR_TOKEN)
        yield _demo_like(folder, server.url, state)


def test_nightly_prints_the_report_path_last_and_exits_for_review(demo_run: DemoRun) -> None:
    """The demo-like nightly exits 1 (open findings) and its last line is report.html."""
    assert (demo_run.code, demo_run.stderr) == (1, "")
    assert demo_run.html.name == "report.html" and demo_run.html.is_file()
    assert sorted(p.name for p in demo_run.folder.iterdir()) == REPORT_FILES
    assert re.fullmatch(r"\d{8}T\d{6}Z-[0-9a-f]{8}", demo_run.folder.name)


def test_report_json_follows_spec_section_8(demo_run: DemoRun) -> None:
    """report.json validates against the schema and its totals agree with its rows."""
    report = demo_run.json()

    assert schema_errors(report, REPORT_SCHEMA) == []
    totals, actions = report["totals"], report["actions"]
    assert totals["findings"] == len(report["findings"])
    assert totals["unsubscribed"] == sum(
        a["type"] == "unsubscribe" and a["result"] == "done" for a in actions
    )
    assert totals["deleted"] == sum(
        a["type"] == "delete" and a["result"] == "done" for a in actions
    )
    assert totals["purge_planned"] == report["purge"]["count"] > 0
    assert report["version"] == metadata.version("rekisteri")
    assert (report["run"]["id"], report["run"]["pull"]["complete"]) == (
        demo_run.folder.name.split("-")[1],
        True,
    )


def test_demo_like_run_shows_every_kind_of_problem(demo_run: DemoRun) -> None:
    """The demo's scenario reaches each rule: the codes found, fixed and left open."""
    report = demo_run.json()
    by_status: dict[str, set[str]] = {"open": set(), "fixed": set()}
    for finding in report["findings"]:
        by_status[finding["status"]].add(finding["code"])

    assert by_status["fixed"] == {
        "OBJECTION_NOT_HONOURED",
        "SUPPRESSION_BREACH",
        "CONSENT_WITHDRAWN",
        "SOFT_OPT_IN_EXPIRED",
        "NO_MARKETING_BASIS",
    }
    assert {
        "CONSENT_INCOMPLETE",
        "TRANSFER_WITHOUT_SAFEGUARD",
        "DSR_DUE_SOON",
        "DSR_OVERDUE",
    } <= by_status["open"]
    assert sorted({r["type"] for r in report["requests"] if r["status"] == "open"}) == [
        "access",
        "rectify",
    ]
    assert len(report["ropa_errors"]) == 1 and "Esimerkki SMS Inc." in report["ropa_errors"][0]


def test_report_html_references_nothing_outside_the_file(demo_run: DemoRun) -> None:
    """report.html is readable offline: charts inline, no external URL anywhere."""
    page = read_page(demo_run.html)
    raw = demo_run.html.read_text(encoding="utf-8")

    assert external(page.urls) == []
    assert [u for u in page.urls if u.startswith("data:image/")] != []
    assert re.findall(r"(?:https?:)?//[A-Za-z0-9.-]+\.[a-z]{2,}", raw) == []


def test_report_files_mask_every_email_but_the_controllers(demo_run: DemoRun) -> None:
    """No data subject's address appears unmasked in report.html, report.json or the CSVs."""
    page = read_page(demo_run.html)
    texts = {name: (demo_run.folder / name).read_text(encoding="utf-8") for name in REPORT_FILES}
    texts["report.html (text)"] = " ".join(page.text)

    assert {name: unmasked(text) for name, text in texts.items()} == dict.fromkeys(texts, set())
    masked = {f["email_masked"] for f in demo_run.json()["findings"] if f["email_masked"]}
    assert masked and all(m in texts["report.html (text)"] for m in masked)


def test_report_and_register_files_are_private(demo_run: DemoRun) -> None:
    """Report files, the register and the suppression key file are 0600."""
    var = demo_run.config.parent / "var"
    files = [
        *(demo_run.folder / name for name in REPORT_FILES),
        var / "register.sqlite",
        var / "suppression.key",
        *sorted((var / "reports" / "plans").iterdir()),
    ]

    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {
        str(p): "0o600" for p in files
    }
    assert oct(stat.S_IMODE(demo_run.folder.stat().st_mode)) == "0o700"


def test_findings_csv_matches_report_json(demo_run: DemoRun) -> None:
    """findings.csv (in Finnish) and actions.csv hold the same rows as report.json."""
    report = demo_run.json()
    with (demo_run.folder / "findings.csv").open(encoding="utf-8") as handle:
        findings = list(csv.DictReader(handle))
    with (demo_run.folder / "actions.csv").open(encoding="utf-8") as handle:
        actions = list(csv.DictReader(handle))

    def text(row: Mapping[str, Any], keys: list[str]) -> dict[str, str]:
        return {k: "" if row[k] is None else str(row[k]) for k in keys}

    f_keys = ["code", "contact_id", "email_masked"]
    a_keys = ["type", "contact_id", "list_id", "rule", "result"]
    fi_keys = ["Koodi", "Kontakti", "Sähköposti"]
    assert [text(r, fi_keys) for r in findings] == [
        dict(zip(fi_keys, text(f, f_keys).values(), strict=True)) for f in report["findings"]
    ]
    lang = get_lang("fi")
    assert [(r["Vakavuus"], r["Tila"]) for r in findings] == [
        (lang.label("severity", f["severity"]), lang.label("finding_status", f["status"]))
        for f in report["findings"]
    ]
    assert actions == [text(a, a_keys) for a in report["actions"]]


# ---- languages and --show-emails --------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "en"])
def test_report_is_rendered_in_the_controllers_language(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli, language: str
) -> None:
    """`rekisteri report` writes the HTML in controller.language (fi and en)."""
    scenario = build_scenario(simulator, tmp_path, controller={**CONTROLLER, "language": language})
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "report")

    lang = get_lang(language)
    page = read_page(Path(result.last_line))
    text = " ".join(" ".join(page.text).split())
    assert (result.code, page.lang) == (1, language)
    assert page.title.startswith(lang.t("report.title"))
    assert lang.label("code", "CONSENT_WITHDRAWN") in text
    other = get_lang("en" if language == "fi" else "fi")
    assert other.t("report.title") not in text


def test_show_emails_writes_unmasked_addresses(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """--show-emails puts the real addresses in report.json and report.html."""
    scenario = build_scenario(simulator, tmp_path, controller=CONTROLLER)
    prepare(scenario, run_cli)

    masked = run_cli(scenario.config, "report")
    shown = run_cli(scenario.config, "report", "--show-emails")

    def emails(result: Any) -> tuple[set[str], set[str]]:
        path = Path(result.last_line)
        report = json.loads((path.parent / "report.json").read_text(encoding="utf-8"))
        page = read_page(path)
        return (
            {f["email_masked"] for f in report["findings"] if f["email_masked"]},
            unmasked(" ".join(page.text)),
        )

    expected = {
        scenario.emails[label]
        for label in ("withdrawn", "objector", "no_basis", "soft_expired", "incomplete")
    }
    assert emails(masked) == (
        {
            "E***@Example.fi",
            "O***@Example.fi",
            "N***@Example.fi",
            "S***@Example.fi",
            "I***@Example.fi",
        },
        set(),
    )
    assert emails(shown) == (expected, {e.casefold() for e in expected})


def test_show_emails_setting_unmasks_without_the_flag(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """reports.show_emails = true in the config has the effect of --show-emails."""
    scenario = build_scenario(
        simulator, tmp_path, controller=CONTROLLER, reports={"show_emails": True}
    )
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "report")

    report = json.loads((Path(result.last_line).parent / "report.json").read_text("utf-8"))
    shown = {f["email_masked"] for f in report["findings"] if f["email_masked"]}
    assert shown == {
        scenario.emails[label]
        for label in ("withdrawn", "objector", "no_basis", "soft_expired", "incomplete")
    }


def test_next_steps_for_the_demo_state(demo_run: DemoRun) -> None:
    """The demo's open items become ordered steps with commands, first in report.html."""
    report = demo_run.json()
    requests = {r["type"]: r for r in report["requests"] if r["status"] == "open"}
    late, soon = requests["rectify"], requests["access"]
    steps = report["next_steps"]

    assert [(s["kind"], s["command"]) for s in steps] == [
        ("request_overdue", "rekisteri request rectify EMAIL --set FIELD=VALUE"),
        ("fix_processor", "rekisteri ropa"),
        ("request_due", "rekisteri request access EMAIL"),
        ("fix_consent_records", "rekisteri import consents consents.csv"),
        ("merge_duplicates", None),
    ]
    assert [s["params"] for s in steps[:3]] == [
        {
            "request": late["id"],
            "type": "rectify",
            "due_at": late["due_at"],
            "days_left": late["days_left"],
            "email_masked": late["email_masked"],
        },
        {"processor": "Esimerkki SMS Inc.", "country": "US"},
        {
            "request": soon["id"],
            "type": "access",
            "due_at": soon["due_at"],
            "days_left": soon["days_left"],
            "email_masked": soon["email_masked"],
        },
    ]
    page = " ".join(" ".join(read_page(demo_run.html).text).split())
    first = page.index(steps[0]["text"])
    assert first < page.index(steps[1]["text"]) < page.index(get_lang("fi").t("summary.heading"))
    assert unmasked(json.dumps(steps)) == set()


def test_duplicates_name_the_other_contact_ids(demo_run: DemoRun) -> None:
    """Each DUPLICATE_CONTACT finding's params name the other contacts with that address."""
    duplicates = [f for f in demo_run.json()["findings"] if f["code"] == "DUPLICATE_CONTACT"]
    ids = sorted(f["contact_id"] for f in duplicates)

    assert len(ids) >= 2
    assert {f["contact_id"]: f["params"] for f in duplicates} == {
        i: {"count": len(ids), "other_ids": [o for o in ids if o != i]} for i in ids
    }
