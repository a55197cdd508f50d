"""Config that lies (issue 9 item 7): credentials in base_url, a rate a real account refuses,
a missing controller identity. Exit 2, one line naming the key, no secret echoed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TEST_CONTROLLER, RunCli, make_config


@pytest.mark.parametrize(
    ("base_url", "secret", "message"),
    [
        (
            "http://user:pw-Secret-123@acct.api-us1.com",
            "pw-Secret-123",
            "must not hold a user name or password (the token is an env var)",
        ),
        (
            "https://acct.api-us1.com/api/3?api_key=Secret-456",
            "Secret-456",
            "must not hold a query (?...) or fragment (#...)",
        ),
        (
            "https://acct.api-us1.com/#Secret-789",
            "Secret-789",
            "must not hold a query (?...) or fragment (#...)",
        ),
    ],
)
def test_base_url_with_credentials_query_or_fragment_is_refused_without_echo(
    tmp_path: Path, run_cli: RunCli, base_url: str, secret: str, message: str
) -> None:
    """Exit 2 naming activecampaign.base_url; the secret part is nowhere in the output."""
    config = make_config(tmp_path, base_url, activecampaign={"requests_per_second": 5})

    result = run_cli(config, "pull")

    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        f"rekisteri: {config}: activecampaign.base_url: Value error, {message}\n",
    )
    assert secret not in result.stderr


@pytest.mark.parametrize(
    ("base_url", "accepted"),
    [
        ("https://acct.api-us1.com", False),
        ("http://127.0.0.1:9", True),
        ("http://127.8.9.10:9", True),
        ("http://localhost:9", True),
        ("http://[::1]:9", True),
        ("http://128.0.0.1:9", False),
    ],
)
def test_more_than_five_per_second_only_against_loopback(
    tmp_path: Path, run_cli: RunCli, base_url: str, accepted: bool
) -> None:
    """requests_per_second = 50 is a config error unless the host is a loopback address."""
    config = make_config(tmp_path, base_url, activecampaign={"requests_per_second": 50})

    result = run_cli(config, "ropa")

    refused = (
        f"rekisteri: {config}: activecampaign.requests_per_second: Value error, at most 5"
        " (ActiveCampaign's limit per account); more is only allowed against a simulator on a"
        " loopback address\n"
    )
    assert (result.code == 2 and result.stderr == refused) == (not accepted)


@pytest.mark.parametrize("command", [("report",), ("ropa",), ("nightly",), ("request", "list")])
@pytest.mark.parametrize("key", ["name", "business_id", "contact"])
def test_commands_that_name_the_controller_need_its_identity(
    tmp_path: Path, run_cli: RunCli, command: tuple[str, ...], key: str
) -> None:
    """Without controller.<key>: exit 2 naming the key, nothing written or contacted."""
    config = make_config(tmp_path, "http://127.0.0.1:9")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"{key} = {_quoted(TEST_CONTROLLER[key])}\n", ""), "utf-8")

    result = run_cli(config, *command)

    assert (
        result.code,
        result.stdout,
        result.stderr.startswith(f"rekisteri: controller.{key} is not set"),
    ) == (2, "", True)
    assert not (tmp_path / "var" / "reports").exists()


@pytest.mark.parametrize("command", [("init",), ("pull", "--help"), ("report", "--help")])
def test_commands_that_do_not_name_the_controller_run_without_it(
    tmp_path: Path, run_cli: RunCli, command: tuple[str, ...]
) -> None:
    """init and any --help work on a config with no [controller] section."""
    config = make_config(tmp_path, "http://127.0.0.1:9")
    text = config.read_text(encoding="utf-8")
    config.write_text("[activecampaign]" + text.split("[activecampaign]", 1)[1], "utf-8")

    result = run_cli(config, *command)

    assert (result.code, result.stderr) == (0, "")


def _quoted(value: object) -> str:
    return '"' + str(value) + '"'
