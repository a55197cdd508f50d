"""Configuration problems through the CLI: exit 2 and one line on stderr naming the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunCli, make_config

BASE = """\
[controller]
name = "Testiyritys Oy"
business_id = "1234567-8"
contact = "Tietosuoja, tietosuoja@testiyritys.example, 040 000 0000"

[activecampaign]
base_url = "http://127.0.0.1:9"

[register]
database = "var/register.sqlite"
inbox = "var/inbox"
suppression_key_file = "var/suppression.key"
"""
TOKEN_VALUE = "abcdef0123456789-do-not-print"  # noqa: S105 - a made-up token for the test


def _config(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(BASE + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("sections", "line"),
    [
        (
            {"policy": {"objection_sla_hours": 100}},
            "policy.objection_sla_hours: Input should be less than or equal to 72",
        ),
        ({"policy": {"enforce": "always"}}, "policy.enforce: Input should be 'report' or 'apply'"),
        ({"controller": {"language": "sv"}}, "controller.language: Input should be 'fi' or 'en'"),
        (
            {"activecampaign": {"page_size": 500}},
            "activecampaign.page_size: Input should be less than or equal to 100",
        ),
        (
            {"processors": [{"name": "X", "country": "US", "transfer_mechanism": "bcr"}]},
            "processors.0.transfer_mechanism: Input should be 'none', 'adequacy' or 'scc'",
        ),
    ],
)
def test_bad_value_exits_2_naming_the_key(
    tmp_path: Path, run_cli: RunCli, sections: dict[str, Any], line: str
) -> None:
    """A value out of range or outside its set: one line with file, dotted key and reason."""
    config = make_config(tmp_path, "http://127.0.0.1:9", **sections)

    result = run_cli(config, "report")

    assert (result.code, result.stdout, result.stderr) == (2, "", f"rekisteri: {config}: {line}\n")


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('[policy]\nenforcement = "apply"\n', "policy.enforcement"),
        ("[extras]\nx = 1\n", "extras"),
        (
            '[[lists]]\nid = 1\npurpose = "newsletter"\nbasis = "consent"\ncolour = "red"\n',
            "lists.0.colour",
        ),
    ],
)
def test_unknown_key_exits_2_naming_it(
    tmp_path: Path, run_cli: RunCli, extra: str, key: str
) -> None:
    """A key the settings do not know is an error, not silently ignored."""
    config = _config(tmp_path, extra)

    result = run_cli(config, "ropa")

    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == (
        f"rekisteri: {config}: {key}: unknown key (secrets such as the API"
        f" token belong in the environment)\n"
    )


@pytest.mark.parametrize(
    ("where", "key"),
    [
        (f'api_token = "{TOKEN_VALUE}"\n', "api_token"),
        (f'[activecampaign_secrets]\ntoken = "{TOKEN_VALUE}"\n', "activecampaign_secrets"),
    ],
)
def test_token_in_the_toml_is_refused_without_echoing_it(
    tmp_path: Path, run_cli: RunCli, where: str, key: str
) -> None:
    """An API token written into the file exits 2 naming the key, never printing the value."""
    config = tmp_path / "config.toml"
    config.write_text(where + BASE, encoding="utf-8")

    result = run_cli(config, "pull")

    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"rekisteri: {config}: {key}: unknown key")
    assert result.stderr.count("\n") == 1 and TOKEN_VALUE not in result.stderr


def test_token_key_inside_the_activecampaign_section_is_refused(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """`[activecampaign] api_token = ...` (where one would put it) is refused the same way."""
    config = tmp_path / "config.toml"
    config.write_text(
        BASE.replace("[activecampaign]\n", f'[activecampaign]\napi_token = "{TOKEN_VALUE}"\n'),
        encoding="utf-8",
    )

    result = run_cli(config, "nightly")

    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == (
        f"rekisteri: {config}: activecampaign.api_token: unknown key"
        f" (secrets such as the API token belong in the environment)\n"
    )


def test_missing_config_file_exits_2_naming_it(tmp_path: Path, run_cli: RunCli) -> None:
    """--config pointing nowhere: exit 2, one line naming the file."""
    missing = tmp_path / "nowhere" / "config.toml"

    result = run_cli(missing, "nightly")

    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        f"rekisteri: {missing}: cannot read config file (No such file or directory)\n",
    )


def test_invalid_toml_exits_2_with_one_line(tmp_path: Path, run_cli: RunCli) -> None:
    """A file that is not TOML: exit 2, one line naming the file and the position."""
    config = _config(tmp_path, "[policy\nenforce = 1\n")

    result = run_cli(config, "report")

    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"rekisteri: {config}: invalid TOML: ")
    assert result.stderr.count("\n") == 1 and "line 13" in result.stderr


def test_bad_environment_override_exits_2_naming_the_key(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """REKISTERI_POLICY__ENFORCE with a bad value is reported under its dotted key."""
    config = _config(tmp_path, "")
    monkeypatch.setenv("REKISTERI_POLICY__ENFORCE", "sometimes")

    result = run_cli(config, "report")

    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        f"rekisteri: {config}: policy.enforce: Input should be 'report' or 'apply'\n",
    )


def test_missing_api_token_exits_2_naming_the_variable(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command that needs ActiveCampaign without ACTIVECAMPAIGN_API_TOKEN: exit 2."""
    config = _config(tmp_path, "")
    monkeypatch.delenv("ACTIVECAMPAIGN_API_TOKEN")
    assert run_cli(config, "init").code == 0

    result = run_cli(config, "pull")

    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        "rekisteri: ACTIVECAMPAIGN_API_TOKEN is not set\n",
    )


def test_bad_as_of_exits_2_naming_the_option(tmp_path: Path, run_cli: RunCli) -> None:
    """--as-of that is not an ISO 8601 moment: exit 2 naming --as-of."""
    config = _config(tmp_path, "")

    result = run_cli(config, "--as-of", "next tuesday", "request", "list")

    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        "rekisteri: --as-of: not an ISO 8601 date or date-time: 'next tuesday'\n",
    )
