"""Data-subject requests end to end: the CLI against the simulator over real HTTP (SPEC 7)."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from compliance.codes import OBJECTION_TAG
from compliance.suppression import suppression_key
from reports.i18n import get_lang
from simulator.records import (
    AutomationRecord,
    BounceLogRecord,
    ContactExtras,
    DealRecord,
    GeoIpRecord,
    NoteRecord,
    TrackingLogRecord,
)
from simulator.state import SimulatorState
from tests.conftest import CliResult, RunCli, StartSimulator, make_config

EMAIL = "Maija.Testinen-Esimerkki@Example.FI"
NORM = "maija.testinen-esimerkki@example.fi"
OTHER = "ville.vieras@example.fi"  # someone else with register events of their own
CONTROLLER = {
    "name": "Koko Juju",
    "business_id": "2905754-5",
    "contact": "Tietosuoja, tietosuoja@kokojuju.example, 040 000 0000",
}
SERVICE_LIST = 4
MARKETING_LISTS = (1, 2, 3)
ISO_T = "%Y-%m-%dT%H:%M:%S+00:00"


@dataclass
class Account:
    """An account with one well-known person (two contacts) among generated others."""

    state: SimulatorState
    config: Path
    cli: RunCli
    person: list[int]  # the person's contact ids: main first, then the duplicate
    now: datetime

    def run(self, *args: str) -> CliResult:
        return self.cli(self.config, *args)

    def register(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.config.parent / "var" / "register.sqlite")
        conn.row_factory = sqlite3.Row
        return conn

    def secret(self) -> bytes:
        return (self.config.parent / "var" / "suppression.key").read_bytes().strip()


def _add_person(state: SimulatorState, now: datetime) -> list[int]:
    """The person: on every list, tagged, with custom fields and every kind of history."""
    main = state.add_contact(EMAIL, "Maija", "Testinen-Esimerkki", phone="+358 40 111 2222")
    for list_id, status in ((1, 1), (2, 1), (3, 2), (4, 1)):
        state.set_membership(main, list_id, status)
    state.add_contact_tag(main, 1)
    state.add_contact_tag(main, 3)
    state.set_field_value(main, 2, "Tampere")
    state.set_field_value(main, 1, "||Kurssit||Tarjoukset||")
    day = timedelta(days=1)
    state.extras[main] = ContactExtras(
        notes=[NoteRecord(90001, main, "Soitti ja kysyi kurssin hinnasta", now - 9 * day)],
        deals=[DealRecord(90002, main, "Koulutuspaketti Testinen", 125_000, 1, now - 40 * day)],
        automations=[AutomationRecord(90003, main, 2, 2, now - 50 * day, now - 49 * day)],
        bounce_logs=[BounceLogRecord(90004, main, EMAIL, now - 30 * day, 12, 31)],
        geo_ips=[GeoIpRecord(90005, main, 0x5A0B0C0D, now - 20 * day, 1)],
        tracking_logs=[
            TrackingLogRecord(90006, main, "sivulataus", "/tuotteet/777", now - 8 * day),
            TrackingLogRecord(90007, main, "ostoskori", "/tuotteet/778", now - 7 * day),
        ],
    )
    twin = state.add_contact(f" {EMAIL.upper()} ", "Maija", "T.")
    state.set_membership(twin, SERVICE_LIST, 1)
    state.extras[twin] = ContactExtras(
        notes=[NoteRecord(90008, twin, "Tilasi paperilaskun", now - 3 * day)]
    )
    return [main, twin]


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _stamp(moment: datetime) -> str:
    return moment.strftime(ISO_T)


def _import_ledgers(account: Account, tmp_path: Path) -> None:
    now = account.now
    consents = [
        {
            "email": EMAIL,
            "purpose": "newsletter",
            "action": "grant",
            "at": _stamp(now - timedelta(days=300)),
            "source": "web-form:uutiskirje",
            "wording_id": "w-1",
            "notice_version": "2024-03",
        },
        {
            "email": OTHER,
            "purpose": "newsletter",
            "action": "grant",
            "at": _stamp(now - timedelta(days=200)),
            "source": "kutsu-vieraalle",
            "wording_id": "w-1",
            "notice_version": "2024-03",
        },
    ]
    customers = [
        {
            "email": EMAIL,
            "last_purchase_at": _stamp(now - timedelta(days=40)),
            "product_group": "kurssit",
        },
        {
            "email": OTHER,
            "last_purchase_at": _stamp(now - timedelta(days=10)),
            "product_group": "lahjakortit-vieras",
        },
    ]
    for kind, rows in (("consents", consents), ("customers", customers)):
        result = account.run("import", kind, str(_write_csv(tmp_path / f"{kind}.csv", rows)))
        assert result.code == 0, result


def _import_objection(account: Account, tmp_path: Path, scope: str = "direct_marketing") -> None:
    rows = [
        {
            "email": EMAIL,
            "scope": scope,
            "at": _stamp(account.now - timedelta(days=2)),
            "channel": "email",
        }
    ]
    result = account.run("import", "objections", str(_write_csv(tmp_path / "obj.csv", rows)))
    assert result.code == 0, result


@pytest.fixture
def account(simulator: StartSimulator, tmp_path: Path, run_cli: RunCli) -> Iterator[Account]:
    """A pulled register of 40 generated contacts plus the person, with ledger events."""
    state, server = simulator(contacts=40, seed=5)
    now = state.now().replace(microsecond=0)
    person = _add_person(state, now)
    config = make_config(tmp_path, server.url, controller=CONTROLLER)
    acc = Account(state, config, run_cli, person, now)
    assert acc.run("init").code == 0
    _import_ledgers(acc, tmp_path)
    assert acc.run("pull", "--full").code == 0
    yield acc


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(path: Path) -> tuple[str | None, str]:
    """(the <html lang>, the visible text with whitespace collapsed)."""
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.lang, " ".join(" ".join(parser.parts).split())


def _files(result: CliResult) -> dict[str, Path]:
    paths = [Path(line) for line in result.stdout.splitlines() if line.startswith("/")]
    return {path.name: path for path in paths}


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, key)
    else:
        yield key, value


def _bundle(package: dict[str, Any], contact_id: int) -> dict[str, Any]:
    (found,) = [b for b in package["activecampaign"] if b["contact"]["id"] == str(contact_id)]
    return found


def test_access_exports_everything_held_about_the_person(account: Account) -> None:
    """access.json holds the person's contacts, lists, fields, tags, history and ledger."""
    result = account.run("request", "access", "--verified", "known_address", EMAIL)

    assert result.code == 0, result
    package = json.loads(_files(result)["access.json"].read_text(encoding="utf-8"))
    main, twin = account.person
    bundle = _bundle(package, main)
    contact = bundle["contact"]
    assert (contact["email"], contact["firstName"], contact["lastName"], contact["phone"]) == (
        EMAIL,
        "Maija",
        "Testinen-Esimerkki",
        "+358 40 111 2222",
    )
    assert {(m["list"], m["status"]) for m in bundle["contactLists"]} == {
        ("1", "1"),
        ("2", "1"),
        ("3", "2"),
        ("4", "1"),
    }
    assert {(v["field"], v["value"]) for v in bundle["fieldValues"]} == {
        ("2", "Tampere"),
        ("1", "||Kurssit||Tarjoukset||"),
    }
    assert {t["tag"] for t in bundle["contactTags"]} == {"1", "3"}
    assert [n["note"] for n in bundle["notes"]] == ["Soitti ja kysyi kurssin hinnasta"]
    assert [(d["id"], d["title"], d["value"]) for d in bundle["deals"]] == [
        ("90002", "Koulutuspaketti Testinen", "125000")
    ]
    assert [(a["id"], a["automation"]) for a in bundle["contactAutomations"]] == [("90003", "2")]
    assert [(b["id"], b["email"], b["code"]) for b in bundle["bounceLogs"]] == [
        ("90004", EMAIL, "31")
    ]
    assert [(g["id"], g["ip4"]) for g in bundle["geoIps"]] == [("90005", str(0x5A0B0C0D))]
    assert [(t["type"], t["value"]) for t in bundle["trackingLogs"]] == [
        ("sivulataus", "/tuotteet/777"),
        ("ostoskori", "/tuotteet/778"),
    ]
    assert [d["geoIp4"] for d in bundle["contactData"]] == [str(0x5A0B0C0D)]
    city = account.state.geo_addresses[1].city
    assert [(a["ip4"], a["city"]) for a in bundle["geoAddresses"]] == [(str(0x5A0B0C0D), city)]
    twin_bundle = _bundle(package, twin)
    assert [n["note"] for n in twin_bundle["notes"]] == ["Tilasi paperilaskun"]
    assert {(m["list"], m["status"]) for m in twin_bundle["contactLists"]} == {("4", "1")}
    # Status 2 on list 3 is an opt-out made in ActiveCampaign: the pull recorded it (SPEC 5.1).
    optout_at = package["register"]["consents"][-1]["at"]
    assert package["register"] == {
        "consents": [
            {
                "purpose": "newsletter",
                "action": "grant",
                "at": _stamp(account.now - timedelta(days=300)),
                "source": "web-form:uutiskirje",
                "wording_id": "w-1",
                "notice_version": "2024-03",
                "list_id": None,
                "evidence": None,
            },
            {
                "purpose": "surveys",
                "action": "withdraw",
                "at": optout_at,
                "source": "activecampaign",
                "wording_id": None,
                "notice_version": None,
                "list_id": 3,
                "evidence": {
                    "campaign": None,
                    "contact_id": main,
                    "list_id": 3,
                    "message": None,
                    "unsubreason": None,
                    "unsubscribed_at": optout_at,
                },
            },
        ],
        "objections": [],
        "purchases": [
            {
                "last_purchase_at": _stamp(account.now - timedelta(days=40)),
                "product_group": "kurssit",
            }
        ],
    }
    assert (package["found"], package["suppressed"], len(package["activecampaign"])) == (
        True,
        False,
        2,
    )


def test_access_package_holds_nothing_about_anyone_else(account: Account) -> None:
    """No other contact's email, name or id appears in access.json or access.html."""
    others = [c for cid, c in account.state.contacts.items() if cid not in account.person]
    result = account.run("request", "access", "--verified", "known_address", EMAIL)

    files = _files(result)
    data = files["access.json"].read_text(encoding="utf-8")
    _, letter = html_text(files["access.html"])
    texts = (data.casefold(), letter.casefold())
    assert [c.email for c in others if any(c.email.strip().casefold() in t for t in texts)] == []
    full_names = {f"{c.first_name} {c.last_name}" for c in others if c.first_name}
    assert [n for n in full_names if any(n.casefold() in t for t in texts)] == []
    assert [w for w in (OTHER, "kutsu-vieraalle", "lahjakortit-vieras") if w in data + letter] == []
    person = {str(cid) for cid in account.person}
    package = json.loads(data)
    linked = {
        str(v)
        for k, v in _walk(package["activecampaign"])
        if k in ("contact", "subscriberid", "relid") and str(v).isdigit()
    }
    linked |= set(re.findall(r"/contacts/(\d+)", data))
    assert linked == person


@pytest.mark.parametrize("language", ["fi", "en"])
def test_access_letter_in_the_controllers_language(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli, language: str
) -> None:
    """The letter is written in controller.language; the JSON says which one."""
    state, server = simulator(contacts=5, seed=2)
    person = _add_person(state, state.now())
    config = make_config(tmp_path, server.url, controller={**CONTROLLER, "language": language})
    assert run_cli(config, "init").code == 0
    assert run_cli(config, "pull", "--full").code == 0

    result = run_cli(config, "request", "access", "--verified", "known_address", EMAIL)

    files = _files(result)
    lang_attr, text = html_text(files["access.html"])
    lang = get_lang(language)
    package = json.loads(files["access.json"].read_text(encoding="utf-8"))
    assert (lang_attr, package["language"], len(person)) == (language, language, 2)
    assert lang.t("access.greeting") in text and lang.t("access.confirm_yes").split(".")[0] in text
    assert "Soitti ja kysyi kurssin hinnasta" in text


@pytest.mark.parametrize("language", ["fi", "en"])
def test_access_for_an_unknown_address_says_no_data_is_held(
    account: Account, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An address nobody holds gets a letter saying so, and an empty package."""
    monkeypatch.setenv("REKISTERI_CONTROLLER__LANGUAGE", language)
    result = account.run(
        "request", "access", "--verified", "known_address", "Nobody.Here@example.org"
    )

    assert result.code == 0, result
    files = _files(result)
    package = json.loads(files["access.json"].read_text(encoding="utf-8"))
    _, text = html_text(files["access.html"])
    expected = get_lang(language).t("access.confirm_no", email="nobody.here@example.org")
    assert {
        k: package[k] for k in ("subject", "found", "activecampaign", "register", "suppressed")
    } == {
        "subject": {"email": "nobody.here@example.org"},
        "found": False,
        "activecampaign": [],
        "register": {"consents": [], "objections": [], "purchases": []},
        "suppressed": False,
    }
    assert expected in text


def test_access_package_files_are_private(account: Account) -> None:
    """access.json and access.html are 0600 in a 0700 folder."""
    files = _files(account.run("request", "access", "--verified", "known_address", EMAIL))

    modes = {name: stat.S_IMODE(path.stat().st_mode) for name, path in files.items()}
    folder = stat.S_IMODE(files["access.json"].parent.stat().st_mode)
    assert (modes, folder) == ({"access.json": 0o600, "access.html": 0o600}, 0o700)


def _person_rows(conn: sqlite3.Connection, ids: list[int]) -> dict[str, int]:
    marks = ",".join("?" * len(ids))
    counts = {}
    for table, column in (
        ("contacts", "id"),
        ("memberships", "contact_id"),
        ("contact_tags", "contact_id"),
        ("field_values", "contact_id"),
    ):
        sql = f"SELECT COUNT(*) FROM {table} WHERE {column} IN ({marks})"  # noqa: S608
        counts[table] = conn.execute(sql, ids).fetchone()[0]
    for table in ("consent_events", "objection_events", "purchases", "pending_erasures"):
        sql = f"SELECT COUNT(*) FROM {table} WHERE email_norm = ?"  # noqa: S608
        counts[table] = conn.execute(sql, (NORM,)).fetchone()[0]
    return counts


NOTHING = dict.fromkeys(
    (
        "contacts",
        "memberships",
        "contact_tags",
        "field_values",
        "consent_events",
        "objection_events",
        "purchases",
        "pending_erasures",
    ),
    0,
)


@pytest.mark.parametrize("objected", [False, True])
def test_erase_leaves_only_the_allowed_suppression_row(
    account: Account, tmp_path: Path, objected: bool
) -> None:
    """Erase deletes every contact (verified), empties the register of the person and keeps a
    suppression row only for an objector."""
    if objected:
        _import_objection(account, tmp_path, scope="all")
    access = _files(account.run("request", "access", "--verified", "known_address", EMAIL))[
        "access.json"
    ].parent

    result = account.run("request", "erase", "--verified", "known_address", EMAIL)

    assert result.code == 0, result
    assert account.state.contact_ids_by_email(EMAIL) == []
    assert set(account.person) <= account.state.deleted_contact_ids
    key = suppression_key(account.secret(), NORM)
    with account.register() as conn:
        rows = _person_rows(conn, account.person)
        suppressions = [
            tuple(r) for r in conn.execute("SELECT key, scope, reason FROM suppressions")
        ]
        dump = "\n".join(conn.iterdump()).casefold()
        requests = [
            tuple(r)
            for r in conn.execute(
                "SELECT type, subject_key, email_masked, status FROM requests ORDER BY type"
            )
        ]
    assert rows == NOTHING
    assert suppressions == ([(key, "all", "erasure-with-objection")] if objected else [])
    assert NORM not in dump and "testinen-esimerkki" not in dump
    assert requests == [
        ("access", key, "m***@example.fi", "done"),
        ("erase", key, "m***@example.fi", "done"),
    ]
    assert not access.exists()


def test_rectify_is_verified_by_rereading_and_audited(account: Account) -> None:
    """Standard and custom fields change in ActiveCampaign; the audit log has old and new."""
    main, twin = account.person

    result = account.run(
        "request",
        "rectify",
        EMAIL,
        "--verified",
        "known_address",
        "--set",
        "firstName=Maria",
        "--set",
        "phone=+358 50 999 8888",
        "--set",
        "Kaupunki=Oulu",
        "--set",
        "SYNTYMAPAIVA=1990-05-17",
    )

    assert result.code == 0, result
    contact = account.state.contacts[main]
    values = {v.field_id: v.value for v in account.state.field_values_of(main)}
    assert (contact.first_name, contact.phone) == ("Maria", "+358 50 999 8888")
    assert values == {1: "||Kurssit||Tarjoukset||", 2: "Oulu", 3: "1990-05-17"}
    with account.register() as conn:
        audit = [
            (r["action_key"].split(":")[1], r["phase"], json.loads(r["detail"]))
            for r in conn.execute("SELECT * FROM audit_log WHERE type = 'update' ORDER BY seq")
        ]
        mirrored = tuple(
            conn.execute("SELECT first_name, phone FROM contacts WHERE id = ?", (main,)).fetchone()
        )
    twin_changes = [
        {"field": "firstName", "old": "Maija", "new": "Maria"},
        {"field": "phone", "old": "", "new": "+358 50 999 8888"},
        {"field": "field:2", "old": "", "new": "Oulu"},
        {"field": "field:3", "old": "", "new": "1990-05-17"},
    ]
    main_changes = [
        {"field": "firstName", "old": "Maija", "new": "Maria"},
        {"field": "phone", "old": "+358 40 111 2222", "new": "+358 50 999 8888"},
        {"field": "field:2", "old": "Tampere", "new": "Oulu"},
        {"field": "field:3", "old": "", "new": "1990-05-17"},
    ]
    assert audit == [
        (str(main), "intent", {}),
        (str(main), "done", {"changes": main_changes, "verified": True}),
        (str(twin), "intent", {}),
        (str(twin), "done", {"changes": twin_changes, "verified": True}),
    ]
    assert mirrored == ("Maria", "+358 50 999 8888")


def test_object_unsubscribes_every_marketing_list_and_tags(account: Account) -> None:
    """Object: marketing lists unsubscribed at once, the service list kept, the tag added."""
    main, twin = account.person
    others_before = {
        m for m in account.state.snapshot().memberships if m.contact_id not in account.person
    }

    result = account.run("request", "object", EMAIL)

    assert result.code == 0, result
    statuses = {
        (m.contact_id, m.list_id): m.status
        for m in account.state.snapshot().memberships
        if m.contact_id in account.person
    }
    assert statuses == {(main, 1): 2, (main, 2): 2, (main, 3): 2, (main, 4): 1, (twin, 4): 1}
    (tag_id,) = [i for i, t in account.state.tags.items() if t.tag == OBJECTION_TAG]
    tagged = {t.contact_id for t in account.state.contact_tags.values() if t.tag_id == tag_id}
    assert tagged == {main, twin}
    others_after = {
        m for m in account.state.snapshot().memberships if m.contact_id not in account.person
    }
    assert others_after == others_before
    with account.register() as conn:
        objections = [
            tuple(r)
            for r in conn.execute("SELECT email_norm, scope, channel FROM objection_events")
        ]
    assert objections == [(NORM, "direct_marketing", "request")]


@pytest.mark.parametrize(
    ("scope", "left", "tagged"),
    [
        ("market_research", {3}, True),
        ("all", {1, 2, 3}, True),
        ("person_directory", set(), False),
        ("genealogy", set(), False),
    ],
)
def test_object_leaves_exactly_the_lists_its_scope_covers(
    account: Account, scope: str, left: set[int], tagged: bool
) -> None:
    """Object --scope: only the lists that scope covers are left (SPEC 5.2); a person-directory
    or genealogy objection is recorded and leaves every list and adds no tag."""
    main, twin = account.person
    account.state.set_membership(main, 3, 1)  # on the surveys list again

    result = account.run("request", "object", EMAIL, "--scope", scope)

    assert result.code == 0, result
    statuses = {
        (m.contact_id, m.list_id): m.status
        for m in account.state.snapshot().memberships
        if m.contact_id in account.person
    }
    want = {(main, lst): (2 if lst in left else 1) for lst in (1, 2, 3)}
    assert statuses == {**want, (main, 4): 1, (twin, 4): 1}
    tags = [i for i, t in account.state.tags.items() if t.tag == OBJECTION_TAG]
    carried = {t.contact_id for t in account.state.contact_tags.values() if t.tag_id in tags}
    assert carried == ({main, twin} if tagged else set())
    with account.register() as conn:
        rows = [tuple(r) for r in conn.execute("SELECT scope, channel FROM objection_events")]
    assert rows == [(scope, "request")]


@pytest.mark.parametrize(
    "args",
    [
        ("access", EMAIL),
        ("erase", EMAIL),
        ("object", EMAIL),
        ("rectify", EMAIL, "--set", "firstName=Maria", "--set", "Kaupunki=Oulu"),
    ],
)
def test_dry_run_changes_nothing(account: Account, args: tuple[str, ...]) -> None:
    """--dry-run prints the plan and changes nothing in ActiveCampaign or the register."""
    before = account.state.snapshot()
    reports = account.config.parent / "var" / "reports"
    files_before = sorted(reports.rglob("*"))

    result = account.run("request", *args, "--dry-run")

    assert result.code == 0, result
    assert "would:" in result.stdout and "(dry run)" in result.stdout
    assert account.state.snapshot() == before
    with account.register() as conn:
        counts = [
            conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # noqa: S608
            for t in ("requests", "audit_log", "objection_events", "suppressions")
        ]
    assert counts == [0, 0, 0, 0]
    assert sorted(reports.rglob("*")) == files_before


def test_record_only_is_listed_with_days_left_then_carried_out(account: Account) -> None:
    """--record-only records an open request; `request list` shows it with days left."""
    before = account.state.snapshot()

    recorded = account.run(
        "request",
        "erase",
        "--verified",
        "known_address",
        EMAIL,
        "--record-only",
        "--received",
        "2027-01-31",
    )
    listed = account.run("--as-of", "2027-02-20T12:00:00", "request", "list")

    assert recorded.code == 0 and account.state.snapshot() == before
    (request_id,) = re.findall(r"request (\S+) \(erase\), due 2027-02-28: open", recorded.stdout)
    assert listed.stdout.split() == [
        request_id,
        "erase",
        "m***@example.fi",
        "received",
        "2027-01-31",
        "due",
        "2027-02-28",
        "7",
        "days",
        "left",
    ]
    done = account.run("request", "erase", "--verified", "known_address", EMAIL)
    assert f"request {request_id} (erase), due 2027-02-28: done" in done.stdout
    assert account.run("request", "list").stdout == "no open requests\n"


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2027-01-31", "2027-02-28"),
        ("2028-01-31", "2028-02-29"),
        ("2027-03-31", "2027-04-30"),
        ("2027-12-15", "2028-01-15"),
    ],
)
def test_due_date_is_one_calendar_month_later(account: Account, received: str, due: str) -> None:
    """--received DATE gives due = one calendar month later, clamped to the month's end."""
    result = account.run(
        "request",
        "access",
        "--verified",
        "known_address",
        EMAIL,
        "--record-only",
        "--received",
        received,
    )

    assert result.code == 0, result
    assert re.fullmatch(
        rf"request R{received.replace('-', '')}-acc-[0-9a-f]{{8}} \(access\),"
        rf" due {due}: open\n",
        result.stdout,
    )


def test_request_list_orders_open_requests_and_counts_down(account: Account) -> None:
    """Several open requests are listed oldest first; an overdue one shows negative days."""
    account.run(
        "request",
        "access",
        "--verified",
        "known_address",
        EMAIL,
        "--record-only",
        "--received",
        "2027-01-31",
    )
    account.run("request", "object", OTHER, "--record-only", "--received", "2026-12-01")

    listed = account.run("--as-of", "2027-01-05T00:00:00+00:00", "request", "list")

    rows = [line.split() for line in listed.stdout.splitlines()]
    assert [(r[1], r[2], r[6], " ".join(r[7:])) for r in rows] == [
        ("object", "v***@example.fi", "2027-01-01", "-4 days left"),
        ("access", "m***@example.fi", "2027-02-28", "54 days left"),
    ]


def test_invalid_email_is_a_usage_error(account: Account) -> None:
    """A request for something that is not an address exits 2 with one line."""
    result = account.run("request", "access", "--verified", "known_address", "not-an-address")

    assert (result.code, result.stderr) == (2, "rekisteri: EMAIL: not a valid email address\n")


def test_rectify_of_an_address_nobody_holds_fails_for_review(account: Account) -> None:
    """Nothing to rectify is a failed request: exit 1 and the request closed as failed."""
    result = account.run(
        "request",
        "rectify",
        "--verified",
        "known_address",
        "nobody.here@example.org",
        "--set",
        "phone=1",
    )

    with account.register() as conn:
        rows = [tuple(r) for r in conn.execute("SELECT type, status, detail FROM requests")]
    assert (result.code, result.stderr.count("\n")) == (1, 1)
    assert rows == [
        ("rectify", "failed", '{"contacts": 0, "fields": ["phone"], "recipients_to_inform": []}')
    ]


def test_erase_after_rectify_leaves_no_old_or_new_value_in_the_audit_log(
    account: Account,
) -> None:
    """The rectification events stay, but an erasure blanks the values they recorded."""
    assert (
        account.run(
            "request", "rectify", "--verified", "known_address", EMAIL, "--set", "lastName=Uusinimi"
        ).code
        == 0
    )
    assert account.run("request", "erase", "--verified", "known_address", EMAIL).code == 0
    with account.register() as conn:
        dump = "\n".join(conn.iterdump()).casefold()
        updates = [
            (r["phase"], r["detail"])
            for r in conn.execute("SELECT phase, detail FROM audit_log WHERE type = 'update'")
        ]
    assert [name for name in ("testinen-esimerkki", "uusinimi", "maija") if name in dump] == []
    assert updates == [(phase, '{"redacted": "erasure"}') for phase in ("intent", "done") * 2]


@pytest.mark.parametrize(
    ("args", "option", "value"),
    [
        (
            (
                "request",
                "access",
                "--verified",
                "known_address",
                EMAIL,
                "--record-only",
                "--received",
                "0225-11-20",
            ),
            "--received",
            "0225-11-20",
        ),
        (
            (
                "request",
                "access",
                "--verified",
                "known_address",
                EMAIL,
                "--record-only",
                "--received",
                "9999-12-31",
            ),
            "--received",
            "9999-12-31",
        ),
        (
            ("--as-of", "9999-12-31T23:59:59-12:00", "request", "list"),
            "--as-of",
            "9999-12-31T23:59:59-12:00",
        ),
        (("--as-of", "1899-12-31", "report"), "--as-of", "1899-12-31"),
    ],
)
def test_dates_outside_1900_to_2200_are_refused_and_nothing_is_stored(
    account: Account, args: tuple[str, ...], option: str, value: str
) -> None:
    """A typo'd or absurd date: exit 2 naming the option, no request stored, next runs fine."""
    result = account.run(*args)

    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        f"rekisteri: {option}: {value!r} is outside the years 1900-2200\n",
    )
    with account.register() as conn:
        assert conn.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 0
    assert account.run("request", "list").code == 0


def test_request_list_reads_while_a_long_pull_holds_the_write_transaction(
    account: Account,
) -> None:
    """Another run's open write transaction does not stop `request list` (WAL snapshot)."""
    account.run(
        "request",
        "access",
        "--verified",
        "known_address",
        EMAIL,
        "--record-only",
        "--received",
        "2027-01-31",
    )
    writer = sqlite3.connect(account.config.parent / "var" / "register.sqlite", timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
        listed = account.run("request", "list")
    finally:
        writer.rollback()
        writer.close()
    assert (listed.code, listed.stderr, "received 2027-01-31" in listed.stdout) == (0, "", True)


def test_a_write_behind_a_long_pull_waits_then_exits_6_not_70(
    account: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request that must write while another run writes waits, then exits 6 in one line."""
    from sync.register import db

    monkeypatch.setattr(db, "BUSY_TIMEOUT_SECONDS", 0.2)
    writer = sqlite3.connect(account.config.parent / "var" / "register.sqlite", timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
        result = account.run(
            "request",
            "access",
            "--verified",
            "known_address",
            EMAIL,
            "--record-only",
            "--received",
            "2027-01-31",
        )
    finally:
        writer.rollback()
        writer.close()
    assert (result.code, result.stderr.count("\n"), "another run" in result.stderr) == (6, 1, True)


class _Labels(HTMLParser):
    """The texts of <th> and <dt> cells: the labels a letter puts on its values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.labels: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("th", "dt"):
            self._inside = True
            self.labels.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "dt"):
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.labels[-1] += data


@pytest.mark.parametrize("language", ["fi", "en"])
def test_access_letter_labels_every_field_for_a_person(
    account: Account, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No raw API field name (orgid, hash, gravatar, fb_id ...) as a label and no 'IP address
    0' in the letter: every field has a label in its language; raw names stay in access.json."""
    monkeypatch.setenv("REKISTERI_CONTROLLER__LANGUAGE", language)
    files = _files(account.run("request", "access", "--verified", "known_address", EMAIL))

    package = json.loads(files["access.json"].read_text(encoding="utf-8"))
    parser = _Labels()
    parser.feed(files["access.html"].read_text(encoding="utf-8"))
    labels = {" ".join(label.split()) for label in parser.labels}
    _, letter = html_text(files["access.html"])
    names = ("fieldNames", "listNames", "tagNames")  # lookups by id, not fields
    bundles = [{k: v for k, v in b.items() if k not in names} for b in package["activecampaign"]]
    raw = {key for key, _ in _walk(bundles) if key and not key.isdigit()}
    ip_label = get_lang(language).t("acfield.ip4")
    assert {"orgid", "hash", "gravatar", "fb_id", "geoIp4"} <= raw
    assert sorted(label for label in labels if label in raw or "." in label) == []
    assert re.findall(rf"{re.escape(ip_label)} 0\b", letter) == []
