"""`rekisteri notice` through the CLI, and what the review report says about the notice: its
version, the versions consents in force were given under, and only the defects left open."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import RunCli, make_config

LISTS = [
    {"id": 1, "name": "Uutiskirje", "purpose": "newsletter", "basis": "consent"},
    {"id": 4, "name": "Tilaukset", "purpose": "orders", "basis": "service"},
]
PROCESSORS = [
    {
        "name": "ActiveCampaign, LLC",
        "country": "US",
        "transfer_mechanism": "scc",
        "role": "email marketing platform",
        "purposes": ["newsletter", "orders"],
    }
]


def _config(tmp_path: Path, **policy: Any) -> Path:
    return make_config(
        tmp_path,
        "http://127.0.0.1:9",
        lists=LISTS,
        processors=PROCESSORS,
        policy={"enforce": "apply", **policy},
    )


def _notice(run_cli: RunCli, config: Path, as_of: str) -> tuple[str, list[Path]]:
    result = run_cli(config, "--as-of", as_of, "notice")
    assert (result.code, result.stderr) == (0, "")
    first, *files = result.stdout.splitlines()
    return first.removeprefix("version "), [Path(f) for f in files]


def test_notice_command_writes_three_public_files_and_keeps_its_version(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """Exit 0 with nothing open; reports.dir/notice-<date>-<hash>/ holds fi, en and md (0644);
    the same config a month later is the same version; a policy change is a new one."""
    config = _config(tmp_path)
    version, files = _notice(run_cli, config, "2026-12-03T10:00:00")
    folder = tmp_path / "var" / "reports" / f"notice-{version}"
    assert version.startswith("2026-12-03-")
    assert sorted(files) == sorted(
        folder / n for n in ("notice.fi.html", "notice.en.html", "notice.md")
    )
    assert {f.stat().st_mode & 0o777 for f in files} == {0o644}
    assert "Tietosuojaseloste" in (folder / "notice.md").read_text(encoding="utf-8")
    assert _notice(run_cli, config, "2027-01-05")[0] == version
    newer, _ = _notice(run_cli, _config(tmp_path, hard_bounce_days=90), "2027-01-05")
    assert newer.startswith("2027-01-05-") and newer != version


def test_open_defects_go_to_stderr_and_exit_1(tmp_path: Path, run_cli: RunCli) -> None:
    """A US processor without a mechanism: the notice is written, the defect named, exit 1."""
    unsafe = {**PROCESSORS[0], "transfer_mechanism": "none"}
    config = make_config(
        tmp_path,
        "http://127.0.0.1:9",
        lists=LISTS,
        processors=[unsafe],
        policy={"enforce": "apply"},
        controller={"language": "en"},
    )
    result = run_cli(config, "notice")
    assert result.code == 1
    assert result.stderr == (
        "notice: Transfers outside the EU/EEA: processor ActiveCampaign, LLC (US) is outside "
        "the EU/EEA with no transfer mechanism.\n"
    )


def _consents(path: Path, rows: list[tuple[str, str, str, str, str]]) -> Path:
    lines = ["email,purpose,action,at,source,wording_id,notice_version"]
    lines += [f"{e},newsletter,{a},{at},form,w1,{v}" for e, a, at, v, _ in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_report_flags_consents_given_under_an_older_notice(tmp_path: Path, run_cli: RunCli) -> None:
    """Consents in force counted per notice version: current, older (issued before), unknown
    (the seed's), missing; a withdrawn consent is not counted; only open defects listed."""
    config = _config(tmp_path)
    assert run_cli(config, "init").code == 0
    old, _ = _notice(run_cli, config, "2026-06-01")
    config = _config(tmp_path, hard_bounce_days=90)
    current, _ = _notice(run_cli, config, "2026-12-01")
    rows = [
        ("a@example.fi", "grant", "2026-06-02", old, ""),
        ("b@example.fi", "grant", "2026-06-03", old, ""),
        ("c@example.fi", "grant", "2026-12-02", current, ""),
        ("d@example.fi", "grant", "2021-05-01", "seed-2021", ""),
        ("e@example.fi", "grant", "2026-06-04", old, ""),
        ("e@example.fi", "withdraw", "2026-07-01", "", ""),
        ("f@example.fi", "grant", "2026-12-03", "", ""),
    ]
    csv = _consents(tmp_path / "consents.csv", rows)
    assert run_cli(config, "import", "consents", str(csv)).code == 0

    result = run_cli(config, "--as-of", "2026-12-10", "report")

    html = Path(result.last_line)
    report = json.loads((html.parent / "report.json").read_text(encoding="utf-8"))
    notice = report["notice"]
    assert (notice["version"], notice["written"]) == (current, True)
    assert notice["consent_versions"] == [
        {"notice_version": current, "consents": 1, "status": "current"},
        {"notice_version": old, "consents": 2, "status": "older"},
        {"notice_version": "seed-2021", "consents": 1, "status": "unknown"},
        {"notice_version": None, "consents": 1, "status": "missing"},
    ]
    assert notice["consents_under_older"] == 3
    assert (report["notice_defects"], notice["open_defects"]) == ([], [])
    page = html.read_text(encoding="utf-8")
    assert "Voimassa olevista suostumuksista 3 on annettu" in page
    assert old in page and current in page


def test_report_says_when_the_current_notice_is_not_written(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """Before `rekisteri notice` the report names the version to generate; report mode leaves
    the retention defect open, and nothing else."""
    config = _config(tmp_path, enforce="report")
    assert run_cli(config, "init").code == 0
    result = run_cli(config, "--as-of", "2026-12-10", "report")
    report = json.loads((Path(result.last_line).parent / "report.json").read_text(encoding="utf-8"))
    assert report["notice"]["written"] is False
    assert report["notice"]["version"].startswith("2026-12-10-")
    assert report["notice_defects"] == ["no_retention"]
    assert "rekisteri notice" in Path(result.last_line).read_text(encoding="utf-8")


def test_custom_fields_the_mirror_holds_are_named_and_change_the_version(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """A custom field pulled from ActiveCampaign is a data category the notice names; a new
    field means a new notice version."""
    from sync.activecampaign.models import Field
    from sync.register import connect
    from sync.register.mirror import save_fields

    config = _config(tmp_path)
    assert run_cli(config, "init").code == 0
    before, _ = _notice(run_cli, config, "2026-12-03")
    conn = connect(tmp_path / "var" / "register.sqlite")
    save_fields(conn, [Field(id=1, title="Kaupunki", type="text", perstag="KAUPUNKI")])
    conn.close()

    after, files = _notice(run_cli, config, "2026-12-04")

    assert after != before and after.startswith("2026-12-04-")
    md = next(f for f in files if f.name == "notice.md").read_text(encoding="utf-8")
    assert "lisäkentät: Kaupunki" in md


def test_notice_needs_the_controllers_identity(tmp_path: Path, run_cli: RunCli) -> None:
    """No built-in controller: an empty controller.name exits 2 naming the key, writes nothing."""
    config = make_config(tmp_path, "http://127.0.0.1:9", controller={"name": ""})
    result = run_cli(config, "notice")
    assert result.code == 2 and "controller.name" in result.stderr
    assert not list((tmp_path / "var").glob("reports/notice-*"))
