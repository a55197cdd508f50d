"""The nightly enforces the retention the ROPA states: service-list-only contacts, the audit log
and closed requests, end to end through the CLI against the simulator."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from simulator import catalog as cat
from simulator import generate
from sync.register import audit, connect, transaction
from sync.register import requests as request_store
from tests.conftest import TEST_PROCESSOR, RunCli, StartSimulator, make_config, now_anchor

DAY = timedelta(days=1)


def test_nightly_purges_service_only_contacts_and_ages_out_its_own_records(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli
) -> None:
    """A contact only on the order-confirmation list, inactive for over 24 months, is deleted;
    audit rows and closed requests older than 36 months go, younger ones and open requests stay,
    and the removal itself is on the audit log and in the report. An analytics processor with
    no DPA is DPA_MISSING, and website data with analytics = "none" opens the cookie wording
    defect."""
    state, server = simulator(state=generate(contacts=0, seed=1, anchor=now_anchor()))
    now = state.now()
    old_customer = state.add_contact("Vanha.Asiakas@Example.fi", "V", "A", at=now - 800 * DAY)
    state.set_membership(old_customer, cat.LIST_ORDER_CONFIRMATIONS, 1, at=now - 800 * DAY)
    new_customer = state.add_contact("Uusi.Asiakas@Example.fi", "U", "A", at=now - 30 * DAY)
    state.set_membership(new_customer, cat.LIST_ORDER_CONFIRMATIONS, 1, at=now - 30 * DAY)
    state.contacts[new_customer].ip = 0x5A000001  # recorded from the website
    analytics = {
        "name": "Google LLC (Google Analytics)",
        "country": "US",
        "transfer_mechanism": "adequacy",
        "purposes": ["website_analytics"],
    }
    config = make_config(
        tmp_path,
        server.url,
        policy={"enforce": "apply"},
        processors=[TEST_PROCESSOR, analytics],
    )
    assert run_cli(config, "init").code == 0
    database = tmp_path / "var" / "register.sqlite"
    conn = connect(database)
    with transaction(conn):
        for key, days in (("old", 37 * 31), ("young", 35 * 31)):
            audit.record(
                conn,
                at=now - days * DAY,
                run_id="earlier",
                action_key=key,
                phase=audit.DONE,
                type="tag",
                subject="1",
            )
        for request_id, status, days in (
            ("closed-old", "done", 37 * 31),
            ("closed-young", "done", 35 * 31),
            ("open-old", "open", 37 * 31),
        ):
            received = now - days * DAY
            request_store.add(
                conn,
                request_id=request_id,
                type="access",
                subject_key="k",
                email_masked="v***@example.fi",
                received_at=received,
                due_at=received + 30 * DAY,
            )
            if status == "done":
                request_store.close(
                    conn, request_id, status="done", answered_at=received + DAY, detail={}
                )
    conn.close()

    result = run_cli(config, "nightly")

    report = json.loads((Path(result.last_line).parent / "report.json").read_text("utf-8"))
    assert result.code == 1  # the open request from three years ago is overdue
    assert sorted((f["code"], f["severity"]) for f in report["findings"]) == [
        ("DPA_MISSING", "high"),
        # the open access request was recorded without --verified (policy default)
        ("DSR_IDENTITY_UNVERIFIED", "medium"),
        ("DSR_OVERDUE", "critical"),
    ]
    assert report["cookie_wording_open"] is True
    assert state.deleted_contact_ids == {old_customer}
    assert [(a["type"], a["contact_id"], a["rule"], a["result"]) for a in report["actions"]] == [
        ("delete", old_customer, "RETENTION_EXPIRED", "done")
    ]
    assert [n["key"] for n in report["notes"] if n["key"].endswith("_removed")] == [
        "audit_removed",
        "requests_removed",
    ]
    with sqlite3.connect(database) as db:
        keys = [row[0] for row in db.execute("SELECT action_key FROM audit_log ORDER BY seq")]
        removal = db.execute(
            "SELECT rule, detail FROM audit_log WHERE type = 'retention'"
        ).fetchall()
        requests = [row[0] for row in db.execute("SELECT id FROM requests ORDER BY id")]
    assert "old" not in keys and "young" in keys
    assert requests == ["closed-young", "open-old"]
    ((rule, detail),) = removal
    assert rule == "OWN_RECORDS_RETENTION"
    assert {k: v for k, v in json.loads(detail).items() if not k.endswith("_before")} == {
        "audit_rows_removed": 1,
        "audit_retention_months": 36,
        "requests_removed": ["closed-old"],
        "request_retention_months": 36,
    }
