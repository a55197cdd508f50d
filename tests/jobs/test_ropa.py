"""`rekisteri ropa` and ROPA errors in the review report, through the CLI."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from reports.i18n import get_lang
from tests.conftest import RunCli, make_config

SAFE = [
    {
        "name": "ActiveCampaign, LLC",
        "country": "US",
        "transfer_mechanism": "scc",
        "role": "email marketing platform",
        "purposes": ["newsletter", "customer_offers", "surveys", "orders", "customers"],
        "dpa_signed": "2024-01-15",
    },
    {
        "name": "Hosting Oy",
        "country": "FI",
        "transfer_mechanism": "none",
        "role": "hosting",
        "purposes": ["newsletter", "customers"],
        "dpa_signed": "2023-06-01",
    },
]
UNSAFE = {
    "name": "Esimerkki SMS Inc.",
    "country": "US",
    "transfer_mechanism": "none",
    "role": "text messages",
    "purposes": ["orders"],
    "dpa_signed": "2025-02-01",
}


def _ropa_files(stdout: str) -> tuple[Path, Path]:
    data, html = (Path(line) for line in stdout.splitlines())
    return data, html


@pytest.mark.parametrize("language", ["fi", "en"])
def test_non_eea_processor_without_mechanism_is_a_ropa_error(
    tmp_path: Path, run_cli: RunCli, language: str
) -> None:
    """A US processor with transfer_mechanism none: exit 1, the error on stderr, in
    ropa.json and at the top of ropa.html."""
    config = make_config(
        tmp_path,
        "http://127.0.0.1:9",
        processors=[*SAFE, UNSAFE],
        controller={"language": language},
    )

    result = run_cli(config, "ropa")

    data, html = _ropa_files(result.stdout)
    ropa = json.loads(data.read_text(encoding="utf-8"))
    (error,) = ropa["errors"]
    assert (result.code, result.stderr) == (1, f"ROPA error: {error}\n")
    assert "Esimerkki SMS Inc." in error and "transfer_mechanism = none" in error
    page = html.read_text(encoding="utf-8")
    assert page.index(error.split(" (")[0]) < page.index("ActiveCampaign, LLC")
    assert f'<html lang="{language}"' in page
    assert get_lang(language).t("ropa.title") in page
    assert {p["name"]: p["eea"] for p in ropa["processors"]} == {
        "ActiveCampaign, LLC": False,
        "Hosting Oy": True,
        "Esimerkki SMS Inc.": False,
    }


def test_safeguarded_processors_give_a_clean_ropa(tmp_path: Path, run_cli: RunCli) -> None:
    """Every transfer safeguarded (or inside the EEA): exit 0, no errors, files 0600."""
    config = make_config(tmp_path, "http://127.0.0.1:9", processors=SAFE)

    result = run_cli(config, "ropa")

    data, html = _ropa_files(result.stdout)
    assert (result.code, result.stderr) == (0, "")
    assert json.loads(data.read_text(encoding="utf-8"))["errors"] == []
    assert [oct(stat.S_IMODE(p.stat().st_mode)) for p in (data, html)] == ["0o600", "0o600"]
    assert (data.parent, html.parent) == (tmp_path / "var" / "reports" / "ropa",) * 2


def test_report_carries_the_transfer_finding_and_the_ropa_error(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """The review report has TRANSFER_WITHOUT_SAFEGUARD (critical, open) and the ROPA error."""
    config = make_config(tmp_path, "http://127.0.0.1:9", processors=[*SAFE, UNSAFE])
    assert run_cli(config, "init").code == 0

    result = run_cli(config, "report")

    html = Path(result.last_line)
    report = json.loads((html.parent / "report.json").read_text(encoding="utf-8"))
    ropa_stdout = run_cli(config, "ropa").stderr
    assert result.code == 1
    assert [
        (f["code"], f["severity"], f["contact_id"], f["list_id"], f["status"])
        for f in report["findings"]
    ] == [("TRANSFER_WITHOUT_SAFEGUARD", "critical", None, None, "open")]
    assert [f"ROPA error: {e}\n" for e in report["ropa_errors"]] == [ropa_stdout]
    assert report["ropa_errors"][0] in html.read_text(encoding="utf-8")
