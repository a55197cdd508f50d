"""The r2 request workflow end to end over HTTP: identity gate, extension, refusal, restriction,
rectified address (SPEC 7)."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from compliance.codes import OBJECTION_TAG, RESTRICTED_TAG
from compliance.emails import normalise_email
from simulator import catalog as cat
from tests.conftest import CliResult, RunCli, StartSimulator
from tests.jobs.scenario import (
    CUSTOMER_HEADER,
    Scenario,
    build_scenario,
    memberships_in,
    prepare,
    record_requests,
    write_csv,
    writes,
)
from tests.jobs.test_requests import html_text

DAY = timedelta(days=1)
AUTHORITY = "Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja.fi"
CONTROLLER = {
    "name": "Koko Juju",
    "business_id": "2905754-5",
    "contact": "tietosuoja@kokojuju.example",
    "complaint_authority": AUTHORITY,
}


@pytest.fixture
def scenario(simulator: StartSimulator, tmp_path: Path, run_cli: RunCli) -> Scenario:
    """The scenario account, pulled and imported, with enforce = apply."""
    built = build_scenario(simulator, tmp_path, policy={"enforce": "apply"}, controller=CONTROLLER)
    prepare(built, run_cli)
    return built


def _rows(database: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as conn:
        return [tuple(row) for row in conn.execute(sql, args)]


def _request_id(result: CliResult) -> str:
    return result.stdout.split()[1]


def _files(result: CliResult) -> dict[str, Path]:
    paths = [Path(line) for line in result.stdout.splitlines() if line.startswith("/")]
    return {path.name: path for path in paths}


def _report(result: CliResult) -> dict[str, Any]:
    path = Path(result.last_line)
    return json.loads((path.parent / "report.json").read_text(encoding="utf-8"))


def _tags_of(scenario: Scenario, contact_id: int) -> set[str]:
    state = scenario.state
    return {state.tags[t.tag_id].tag for t in state.contact_tags_of(contact_id)}


# ---- identity ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["access", "erase", "rectify"])
def test_unverified_request_is_recorded_and_discloses_or_changes_nothing(
    scenario: Scenario, run_cli: RunCli, kind: str
) -> None:
    """Without --verified: the request is on record, nothing is written or disclosed, exit 1
    with one line naming --verified."""
    email = scenario.emails["consented"]
    seen = record_requests(scenario.state)
    before = scenario.state.snapshot()
    extra = ("--set", "phone=+358 40 000 0000") if kind == "rectify" else ()

    result = run_cli(scenario.config, "request", kind, email, *extra)

    requests = _rows(scenario.database, "SELECT type, status FROM requests")
    events = _rows(scenario.database, "SELECT kind FROM request_events")
    folder = scenario.config.parent / "var" / "reports" / "requests"
    assert (result.code, result.stderr.count("\n"), "--verified" in result.stderr) == (1, 1, True)
    assert (requests, events) == ([(kind, "open")], [("identity_unverified",)])
    assert (writes(seen), scenario.state.snapshot() == before, folder.exists()) == ([], True, False)


def test_verified_access_answers_the_recorded_request_and_records_how(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """Running again with --verified carries out the same request and records the method."""
    email = scenario.emails["consented"]
    waiting = run_cli(scenario.config, "request", "access", email)
    report = _report(run_cli(scenario.config, "report"))

    listed = run_cli(scenario.config, "request", "list")
    done = run_cli(
        scenario.config, "request", "access", email, "--verified", "strong_auth", "--language", "en"
    )

    request_id = _request_id(waiting)
    assert (waiting.code, done.code, _request_id(done)) == (1, 0, request_id)
    assert [(f["code"], f["severity"]) for f in report["findings"] if "DSR" in f["code"]] == [
        ("DSR_IDENTITY_UNVERIFIED", "medium")
    ]
    assert sorted(_files(done)) == ["access.html", "access.json"]
    assert html_text(_files(done)["access.html"])[0] == "en"
    assert listed.stdout.rstrip().endswith("waiting for --verified")
    assert _rows(scenario.database, "SELECT status FROM requests") == [("done",)]
    history = _rows(
        scenario.database,
        "SELECT kind, detail FROM request_events WHERE request_id = ?",
        request_id,
    )
    assert history == [("identity_unverified", "{}"), ("verified", '{"method": "strong_auth"}')]


def test_object_and_restrict_never_wait_for_an_identity_check(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """An objection and a restriction only stop processing: they go ahead unverified."""
    objected = run_cli(scenario.config, "request", "object", scenario.emails["consented"])
    restricted = run_cli(scenario.config, "request", "restrict", scenario.emails["withdrawn"])

    assert (objected.code, restricted.code) == (0, 0)
    assert _rows(scenario.database, "SELECT type, status FROM requests ORDER BY type") == [
        ("object", "done"),
        ("restrict", "done"),
    ]


def test_verification_can_be_switched_off(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """policy.require_verified_identity = false: access goes ahead without --verified."""
    built = build_scenario(
        simulator, tmp_path, policy={"require_verified_identity": False}, controller=CONTROLLER
    )
    prepare(built, run_cli)

    result = run_cli(built.config, "request", "access", built.emails["consented"])

    assert (result.code, sorted(_files(result))) == (0, ["access.html", "access.json"])


def test_a_processor_without_a_safeguard_makes_access_exit_1(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """The letter is written and states the facts; a warning line names the processor."""
    processor = {"name": "Kyselypalvelu Inc", "country": "US", "transfer_mechanism": "none"}
    built = build_scenario(simulator, tmp_path, controller=CONTROLLER, processors=[processor])
    prepare(built, run_cli)

    result = run_cli(
        built.config, "request", "access", built.emails["consented"], "--verified", "in_person"
    )

    assert (result.code, sorted(_files(result))) == (1, ["access.html", "access.json"])
    assert [line for line in result.stderr.splitlines() if "Kyselypalvelu Inc" in line] == [
        result.stderr.strip()
    ]


# ---- extension --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "as_of", "old_due", "new_due", "shown"),
    [
        ("2026-12-31", "2027-01-20T10:00:00", "2027-01-31", "2027-03-31", "31.3.2027"),
        ("2027-01-31", "2027-02-10T10:00:00", "2027-02-28", "2027-04-30", "30.4.2027"),
        ("2027-11-30", "2027-12-29T10:00:00", "2027-12-30", "2028-02-29", "29.2.2028"),
    ],
)
def test_extension_moves_the_deadline_and_writes_the_letter(
    scenario: Scenario,
    run_cli: RunCli,
    received: str,
    as_of: str,
    old_due: str,
    new_due: str,
    shown: str,
) -> None:
    """Three calendar months from receipt, clamped to the month's end, told in a letter."""
    email = scenario.emails["consented"]
    recorded = run_cli(
        scenario.config, "request", "access", email, "--record-only", "--received", received
    )
    request_id = _request_id(recorded)

    result = run_cli(
        scenario.config,
        "--as-of",
        as_of,
        "request",
        "extend",
        request_id,
        "--reason",
        "Tietoja on haettava kolmesta järjestelmästä.",
    )

    letter = _files(result)["extension.html"]
    lang, text = html_text(letter)
    due = _rows(scenario.database, "SELECT due_at FROM requests WHERE id = ?", request_id)
    assert (result.code, due) == (0, [(f"{new_due}T00:00:00+00:00",)])
    assert (lang, stat.S_IMODE(letter.stat().st_mode)) == ("fi", 0o600)
    assert shown in text and "Tietoja on haettava kolmesta järjestelmästä." in text
    assert AUTHORITY in text and old_due not in text


def test_extension_after_the_deadline_exits_2_and_changes_nothing(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """Past the due date an extension can no longer be told in time: exit 2, no letter."""
    email = scenario.emails["consented"]
    recorded = run_cli(
        scenario.config, "request", "access", email, "--record-only", "--received", "2027-01-31"
    )
    request_id = _request_id(recorded)

    late = run_cli(
        scenario.config, "--as-of", "2027-03-01T00:00:00", "request", "extend", request_id,
        "--reason", "kiire",
    )  # fmt: skip

    due = _rows(scenario.database, "SELECT due_at FROM requests WHERE id = ?", request_id)
    events = _rows(scenario.database, "SELECT kind FROM request_events")
    assert (late.code, late.stderr.count("\n"), "2027-02-28" in late.stderr) == (2, 1, True)
    assert (due, events, _files(late)) == ([("2027-02-28T00:00:00+00:00",)], [], {})


def test_a_second_extension_exits_2(scenario: Scenario, run_cli: RunCli) -> None:
    """Art. 12(3) allows two further months once."""
    email = scenario.emails["consented"]
    request_id = _request_id(
        run_cli(
            scenario.config, "request", "erase", email, "--record-only", "--received", "2027-01-10"
        )
    )
    extend = ("--as-of", "2027-02-01T00:00:00", "request", "extend", request_id, "--reason", "x")

    first, second = run_cli(scenario.config, *extend), run_cli(scenario.config, *extend)

    due = _rows(scenario.database, "SELECT due_at FROM requests WHERE id = ?", request_id)
    assert (first.code, second.code, due) == (0, 2, [("2027-04-10T00:00:00+00:00",)])


# ---- refusal ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "en"])
def test_refusal_letter_names_the_authority_and_closes_the_request(
    scenario: Scenario, run_cli: RunCli, language: str
) -> None:
    """The letter gives the reason, the justification and the right to complain (Art. 12(4))."""
    email = scenario.emails["consented"]
    request_id = _request_id(run_cli(scenario.config, "request", "access", email, "--record-only"))

    result = run_cli(
        scenario.config, "request", "refuse", request_id, "--reason", "excessive",
        "--details", "Neljäs samanlainen pyyntö viikon sisällä.", "--language", language,
    )  # fmt: skip

    lang, text = html_text(_files(result)["refusal.html"])
    listed = run_cli(scenario.config, "request", "list")
    reason = {"fi": "toistuvuutensa vuoksi", "en": "repetitive character"}[language]
    assert (result.code, lang, listed.stdout) == (0, language, "no open requests\n")
    assert AUTHORITY in text and reason in text and "Neljäs samanlainen pyyntö" in text
    assert _rows(scenario.database, "SELECT status FROM requests") == [("refused",)]


def test_an_objection_cannot_be_refused(scenario: Scenario, run_cli: RunCli) -> None:
    """Art. 21(3) is absolute: refusing an objection exits 2 and the request stays as it was."""
    email = scenario.emails["consented"]
    request_id = _request_id(run_cli(scenario.config, "request", "object", email, "--record-only"))

    result = run_cli(
        scenario.config, "request", "refuse", request_id, "--reason", "manifestly_unfounded"
    )

    assert (result.code, _rows(scenario.database, "SELECT status FROM requests")) == (
        2,
        [("open",)],
    )


# ---- restriction ------------------------------------------------------------------------


def test_restriction_survives_a_purge_qualifying_nightly_until_lifted(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """A restricted person is unsubscribed and tagged once, then neither deleted nor written
    to by a nightly with enforce = apply; after --lift the next nightly purges as usual."""
    stale, no_basis = scenario.id("stale"), scenario.id("no_basis")
    for label in ("stale", "no_basis"):
        assert run_cli(scenario.config, "request", "restrict", scenario.emails[label]).code == 0
    state_after_restrict = (_tags_of(scenario, stale), _tags_of(scenario, no_basis))
    unsubscribed = (no_basis, cat.LIST_SURVEYS, 2) in memberships_in(scenario.state)
    # Someone re-adds the restricted person to the list: reconcile must still leave them alone.
    scenario.state.set_membership(no_basis, cat.LIST_SURVEYS, 1)
    ((audited,),) = _rows(scenario.database, "SELECT MAX(seq) FROM audit_log")

    nightly = run_cli(scenario.config, "nightly")

    touched = _rows(
        scenario.database,
        "SELECT subject, type FROM audit_log WHERE seq > ? AND subject IN (?, ?)",
        audited,
        str(stale),
        str(no_basis),
    )
    customer = scenario.state.tags[cat.TAG_CUSTOMER].tag
    assert state_after_restrict == ({customer, RESTRICTED_TAG}, {RESTRICTED_TAG})
    assert unsubscribed is True
    assert nightly.code in (0, 1) and touched == []
    assert {stale, no_basis} & scenario.state.deleted_contact_ids == set()
    assert (no_basis, cat.LIST_SURVEYS, 1) in memberships_in(scenario.state)

    lifted = run_cli(scenario.config, "request", "restrict", scenario.emails["stale"], "--lift")
    again = run_cli(scenario.config, "nightly")

    assert (lifted.code, again.code in (0, 1)) == (0, True)
    assert _rows(scenario.database, "SELECT COUNT(*) FROM restrictions") == [(1,)]
    assert stale in scenario.state.deleted_contact_ids


def test_erase_and_rectify_wait_while_restricted(scenario: Scenario, run_cli: RunCli) -> None:
    """Under restriction an erasure or rectification is recorded, changes nothing, exit 1."""
    email = scenario.emails["consented"]
    assert run_cli(scenario.config, "request", "restrict", email).code == 0
    seen = record_requests(scenario.state)

    erase = run_cli(scenario.config, "request", "erase", email, "--verified", "known_address")

    assert (erase.code, "--lift" in erase.stderr, writes(seen)) == (1, True, [])
    assert scenario.id("consented") in scenario.state.contacts


def test_lifting_an_unrestricted_address_exits_2(scenario: Scenario, run_cli: RunCli) -> None:
    """Nothing to lift is a usage error, and nothing is written."""
    result = run_cli(scenario.config, "request", "restrict", scenario.emails["consented"], "--lift")

    assert (result.code, result.stderr.count("\n")) == (2, 1)


# ---- rectified address ------------------------------------------------------------------


def test_rectified_address_carries_the_objection_that_the_next_nightly_enforces(
    scenario: Scenario, run_cli: RunCli, tmp_path: Path
) -> None:
    """The objection, consents and purchases move to the new address; the next nightly still
    unsubscribes and tags the objector on the newsletter; erase-style recipients are named."""
    objector, old = scenario.id("objector"), scenario.emails["objector"]
    new = "Olli.Uusi@Example.fi"
    # A recent purchase keeps the objector out of the purge, so the nightly has to unsubscribe.
    purchase = write_csv(
        tmp_path / "purchase.csv",
        CUSTOMER_HEADER,
        [(old, (scenario.now - 10 * DAY).isoformat(), "kurssit")],
    )
    assert run_cli(scenario.config, "import", "customers", str(purchase)).code == 0

    result = run_cli(
        scenario.config, "request", "rectify", old, "--verified", "known_address",
        "--set", f"email={new}",
    )  # fmt: skip

    counts = {
        (table, label): _rows(
            scenario.database,
            f"SELECT COUNT(*) FROM {table} WHERE email_norm = ?",  # noqa: S608
            normalise_email(address),
        )[0][0]
        for table in ("objection_events", "consent_events", "purchases")
        for label, address in (("old", old), ("new", new))
    }
    assert result.code == 0, result
    assert "recipients to inform (Art. 19): ActiveCampaign, LLC (US)" in result.stdout
    assert "rectification.html" in _files(result)
    assert counts == {
        ("objection_events", "old"): 0,
        ("objection_events", "new"): 1,
        ("consent_events", "old"): 0,
        ("consent_events", "new"): 1,
        ("purchases", "old"): 0,
        ("purchases", "new"): 1,
    }

    nightly = run_cli(scenario.config, "nightly")

    report = _report(nightly)
    found = {(f["code"], f["contact_id"], f["status"]) for f in report["findings"]}
    assert ("OBJECTION_NOT_HONOURED", objector, "fixed") in found
    assert (objector, cat.LIST_NEWSLETTER, 2) in memberships_in(scenario.state)
    assert OBJECTION_TAG in _tags_of(scenario, objector)
    assert scenario.state.contacts[objector].email == new


def test_lift_takes_the_tag_off_and_rejoins_no_list(scenario: Scenario, run_cli: RunCli) -> None:
    """--lift ends the restriction: the tag goes, the lists stay as they are."""
    consented, email = scenario.id("consented"), scenario.emails["consented"]
    assert run_cli(scenario.config, "request", "restrict", email).code == 0
    tagged = _tags_of(scenario, consented)

    lifted = run_cli(scenario.config, "request", "restrict", email, "--lift")

    assert (lifted.code, tagged, _tags_of(scenario, consented)) == (0, {RESTRICTED_TAG}, set())
    assert (consented, cat.LIST_NEWSLETTER, 2) in memberships_in(scenario.state)
    assert _rows(scenario.database, "SELECT COUNT(*) FROM restrictions") == [(0,)]


def test_erase_names_the_recipients_and_writes_the_letter(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """Art. 19: the output and the erasure letter list the processors serving the person."""
    result = run_cli(
        scenario.config, "request", "erase", scenario.emails["consented"], "--verified", "in_person"
    )

    _, text = html_text(_files(result)["erasure.html"])
    assert result.code == 0, result
    assert "recipients to inform (Art. 19): ActiveCampaign, LLC (US)" in result.stdout
    assert "ActiveCampaign, LLC" in text and "Google" not in text
    assert scenario.id("consented") in scenario.state.deleted_contact_ids


def test_an_approved_plan_skips_a_person_restricted_after_planning(
    scenario: Scenario, run_cli: RunCli
) -> None:
    """Restricting someone after the plan was made keeps them: apply skips the entry."""
    planned = run_cli(scenario.config, "purge")
    plan_id = planned.stdout.split()[1].rstrip(":")  # first line: `plan <ID>: ...`
    assert run_cli(scenario.config, "request", "restrict", scenario.emails["stale"]).code == 0

    applied = run_cli(scenario.config, "purge", "--apply", "--plan", plan_id)

    skipped = _rows(
        scenario.database,
        "SELECT action_key, detail FROM audit_log WHERE phase = 'skipped'",
    )
    assert applied.code == 0, applied
    assert scenario.id("stale") in scenario.state.contacts
    assert scenario.id("stale_objector") in scenario.state.deleted_contact_ids
    assert skipped == [
        (
            f"delete:{scenario.id('stale')}:{plan_id}",
            '{"note": "processing restricted since the plan was made"}',
        )
    ]
