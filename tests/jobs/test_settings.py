"""jobs/settings.py: the TOML file, environment overrides, errors that name the key, secrets."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jobs.errors import ConfigError
from jobs.settings import (
    ActiveCampaignSettings,
    PolicySettings,
    RegisterSettings,
    Secrets,
    Settings,
    load_secrets,
    load_settings,
    require_identity,
    resolve_config_path,
)
from sync.activecampaign.client import api_root

EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.toml"
TOKEN = "tok-0123456789abcdef-SECRET"
KEY = "suppression-key-0123456789abcdef-SECRET"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No REKISTERI_* variable from the caller's shell leaks into a test."""
    for name in [name for name in os.environ if name.startswith("REKISTERI_")]:
        monkeypatch.delenv(name)


def write_toml(tmp_path: Path, text: str) -> Path:
    """Write `text` to tmp_path/config.toml and return the path."""
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path) -> ConfigError:
    """The ConfigError that loading `path` raises."""
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return caught.value


def test_example_config_loads_valid_and_complete(tmp_path: Path) -> None:
    """config.example.toml is a valid config naming a whole controller; paths move to its folder."""
    path = tmp_path / "config.example.toml"
    shutil.copy(EXAMPLE, path)

    loaded = load_settings(path)
    require_identity(loaded)  # raises if the example left an identity key empty

    assert loaded.register == RegisterSettings(
        database=tmp_path / "var/register.sqlite",
        inbox=tmp_path / "var/inbox",
        suppression_key_file=tmp_path / "var/suppression.key",
    )
    assert loaded.reports.dir == tmp_path / "var/reports"


def test_the_built_in_defaults_name_no_controller() -> None:
    """Without a config the controller's identity is empty, never someone's real name."""
    controller = Settings().controller
    assert (controller.name, controller.business_id, controller.contact) == ("", "", "")


def test_no_file_gives_the_defaults_with_paths_untouched() -> None:
    """Without a config file the relative default paths are left as they are."""
    assert load_settings(None) == Settings()


def test_absolute_paths_are_not_rebased(tmp_path: Path) -> None:
    """An absolute path in the file is kept; a relative one is joined to the file's folder."""
    database = tmp_path / "elsewhere" / "register.sqlite"
    path = write_toml(tmp_path, f'[register]\ndatabase = "{database}"\ninbox = "in"\n')

    loaded = load_settings(path)

    assert loaded.register == RegisterSettings(
        database=database,
        inbox=tmp_path / "in",
        suppression_key_file=tmp_path / "var/suppression.key",
    )


def test_environment_wins_over_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """REKISTERI_<SECTION>__<KEY> overrides the TOML value; the rest of the section stays."""
    path = tmp_path / "config.toml"
    shutil.copy(EXAMPLE, path)
    monkeypatch.setenv("REKISTERI_POLICY__ENFORCE", "apply")
    monkeypatch.setenv("REKISTERI_ACTIVECAMPAIGN__PAGE_SIZE", "50")

    loaded = load_settings(path)

    assert loaded.policy == PolicySettings(enforce="apply")
    assert loaded.activecampaign == ActiveCampaignSettings(page_size=50)


def test_environment_overrides_a_value_the_file_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key present in the TOML still loses to the environment."""
    path = write_toml(tmp_path, '[policy]\nenforce = "report"\nobjection_sla_hours = 48\n')
    monkeypatch.setenv("REKISTERI_POLICY__ENFORCE", "apply")

    loaded = load_settings(path)

    assert (loaded.policy.enforce, loaded.policy.objection_sla_hours) == ("apply", 48)


@pytest.mark.parametrize(
    ("text", "key", "message"),
    [
        pytest.param(
            "[policy]\nobjection_sla_hours = 100\n",
            "policy.objection_sla_hours",
            "policy.objection_sla_hours: Input should be less than or equal to 72",
            id="sla-above-72",
        ),
        pytest.param(
            '[policy]\nenforce = "always"\n',
            "policy.enforce",
            "policy.enforce: Input should be 'report' or 'apply'",
            id="enforce-unknown",
        ),
        pytest.param(
            "[activecampaign]\npage_size = 500\n",
            "activecampaign.page_size",
            "activecampaign.page_size: Input should be less than or equal to 100",
            id="page-size-above-100",
        ),
        pytest.param(
            '[activecampaign]\nbase_url = "ftp://acct.api-us1.com"\n',
            "activecampaign.base_url",
            "activecampaign.base_url: Value error, must look like https://<account>.api-us1.com",
            id="base-url-scheme",
        ),
        pytest.param(
            '[reports]\nformats = ["html", "pdf"]\n',
            "reports.formats.1",
            "reports.formats.1: Input should be 'html', 'json' or 'csv'",
            id="report-format",
        ),
    ],
)
def test_bad_value_names_the_dotted_key(tmp_path: Path, text: str, key: str, message: str) -> None:
    """A value out of range raises ConfigError whose message and .key name the dotted key."""
    path = write_toml(tmp_path, text)

    error = config_error(path)

    assert (error.key, str(error)) == (key, f"{path}: {message}")


def test_bad_environment_value_names_the_dotted_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """An override from the environment is validated like the file and names the same key."""
    monkeypatch.setenv("REKISTERI_POLICY__OBJECTION_SLA_HOURS", "0")

    with pytest.raises(ConfigError) as caught:
        load_settings(None)

    assert (caught.value.key, str(caught.value)) == (
        "policy.objection_sla_hours",
        "defaults: policy.objection_sla_hours: Input should be greater than or equal to 1",
    )


UNKNOWN = "unknown key (secrets such as the API token belong in the environment)"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        pytest.param("[policy]\nenforce_harder = true\n", "policy.enforce_harder", id="policy"),
        pytest.param(
            f'[activecampaign]\napi_token = "{TOKEN}"\n',
            "activecampaign.api_token",
            id="token-in-section",
        ),
        pytest.param(f'api_token = "{TOKEN}"\n', "api_token", id="token-at-top"),
        pytest.param(f'[secrets]\ntoken = "{TOKEN}"\n', "secrets", id="unknown-section"),
    ],
)
def test_unknown_key_is_rejected_without_its_value(tmp_path: Path, text: str, key: str) -> None:
    """An unknown key (a token above all) is refused by name; its value never shows."""
    path = write_toml(tmp_path, text)

    error = config_error(path)

    assert (error.key, str(error)) == (key, f"{path}: {key}: {UNKNOWN}")
    assert TOKEN not in repr(error)


@pytest.mark.parametrize(
    "base_url",
    [
        "https://acct.api-us1.com",
        "https://acct.api-us1.com/",
        "https://acct.api-us1.com/api/3",
        "https://acct.api-us1.com/api/3/",
    ],
)
def test_base_url_with_or_without_api_suffix(tmp_path: Path, base_url: str) -> None:
    """base_url is accepted with or without /api/3 and leads the client to the same API root."""
    path = write_toml(tmp_path, f'[activecampaign]\nbase_url = "{base_url}"\n')

    loaded = load_settings(path).activecampaign.base_url

    assert (loaded, api_root(loaded)) == (base_url.rstrip("/"), "https://acct.api-us1.com/api/3")


def test_soft_opt_in_list_needs_product_groups(tmp_path: Path) -> None:
    """A soft_opt_in list without product_groups is refused, naming `lists`."""
    path = write_toml(
        tmp_path,
        '[[lists]]\nid = 1\npurpose = "newsletter"\nbasis = "consent"\n\n'
        '[[lists]]\nid = 2\npurpose = "customer_offers"\nbasis = "soft_opt_in"\n',
    )

    error = config_error(path)

    assert (error.key, str(error)) == (
        "lists",
        f"{path}: lists: Value error, list 2: soft_opt_in needs product_groups",
    )


def test_duplicate_list_ids_are_rejected(tmp_path: Path) -> None:
    """Two [[lists]] tables with the same id are refused, naming `lists`."""
    path = write_toml(
        tmp_path,
        '[[lists]]\nid = 1\npurpose = "newsletter"\nbasis = "consent"\n\n'
        '[[lists]]\nid = 1\npurpose = "surveys"\nbasis = "consent"\n',
    )

    error = config_error(path)

    assert (error.key, str(error)) == (
        "lists",
        f"{path}: lists: Value error, list ids must be unique",
    )


def test_invalid_toml_has_no_key(tmp_path: Path) -> None:
    """A file that is not TOML raises ConfigError without a key."""
    path = write_toml(tmp_path, "[policy\nenforce = 1\n")

    error = config_error(path)

    assert (error.key, str(error).startswith(f"{path}: invalid TOML: ")) == (None, True)


def test_missing_file_has_no_key(tmp_path: Path) -> None:
    """An explicit config file that does not exist raises ConfigError without a key."""
    path = tmp_path / "nowhere.toml"

    error = config_error(path)

    assert (error.key, str(error)) == (
        None,
        f"{path}: cannot read config file (No such file or directory)",
    )


@pytest.mark.parametrize(
    ("explicit", "present", "expected"),
    [
        pytest.param(
            "given.toml", {"config.toml", "config.example.toml"}, "given.toml", id="explicit-first"
        ),
        pytest.param(None, {"config.toml", "config.example.toml"}, "config.toml", id="config"),
        pytest.param(None, {"config.example.toml"}, "config.example.toml", id="example"),
        pytest.param(None, set(), None, id="none"),
    ],
)
def test_resolve_config_path_order(
    tmp_path: Path, explicit: str | None, present: set[str], expected: str | None
) -> None:
    """--config, else ./config.toml, else ./config.example.toml, else no file."""
    for name in present:
        (tmp_path / name).write_text("", encoding="utf-8")
    given = tmp_path / explicit if explicit is not None else None

    found = resolve_config_path(given, cwd=tmp_path)

    assert found == (tmp_path / expected if expected is not None else None)


def test_resolve_config_path_defaults_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `cwd` the search runs in the current working directory."""
    (tmp_path / "config.example.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    assert resolve_config_path(None) == tmp_path / "config.example.toml"


def test_resolve_config_path_ignores_a_folder_named_config_toml(tmp_path: Path) -> None:
    """A directory called config.toml is not a config file."""
    (tmp_path / "config.toml").mkdir()

    assert resolve_config_path(None, cwd=tmp_path) is None


def test_load_secrets_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The token and the suppression key come from their environment variables."""
    monkeypatch.setenv("ACTIVECAMPAIGN_API_TOKEN", TOKEN)
    monkeypatch.setenv("REKISTERI_SUPPRESSION_KEY", KEY)

    secrets = load_secrets()

    assert secrets.api_token is not None and secrets.suppression_key is not None
    assert (secrets.api_token.get_secret_value(), secrets.suppression_key.get_secret_value()) == (
        TOKEN,
        KEY,
    )


def test_secrets_never_show_in_repr_or_str() -> None:
    """repr() and str() of the secrets mask both values."""
    secrets = load_secrets({"ACTIVECAMPAIGN_API_TOKEN": TOKEN, "REKISTERI_SUPPRESSION_KEY": KEY})

    shown = [
        repr(secrets),
        str(secrets),
        repr(secrets.api_token),
        str(secrets.api_token),
        repr(secrets.suppression_key),
        str(secrets.suppression_key),
    ]

    assert [TOKEN in text or KEY in text for text in shown] == [False] * len(shown)


@pytest.mark.parametrize(
    "environ",
    [
        pytest.param({}, id="unset"),
        pytest.param({"ACTIVECAMPAIGN_API_TOKEN": "", "REKISTERI_SUPPRESSION_KEY": ""}, id="empty"),
    ],
)
def test_missing_or_empty_secrets_are_none(environ: dict[str, str]) -> None:
    """An unset or empty variable gives no secret rather than an empty one."""
    assert load_secrets(environ) == Secrets(api_token=None, suppression_key=None)


def test_suppression_key_in_environment_is_not_a_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """REKISTERI_SUPPRESSION_KEY shares the prefix yet is not read as an unknown setting."""
    monkeypatch.setenv("REKISTERI_SUPPRESSION_KEY", KEY)
    path = tmp_path / "config.toml"
    shutil.copy(EXAMPLE, path)

    expected = load_settings(path).model_dump(exclude={"register", "reports"})
    monkeypatch.delenv("REKISTERI_SUPPRESSION_KEY")
    assert load_settings(path).model_dump(exclude={"register", "reports"}) == expected


@pytest.mark.parametrize(
    ("variable", "key"),
    [
        pytest.param("REKISTERI_REPORTS__FORMATS", "reports.formats", id="list-in-section"),
        pytest.param("REKISTERI_LISTS", "lists", id="array-of-tables"),
        pytest.param("REKISTERI_POLICY", "policy", id="whole-section"),
    ],
)
def test_unparsable_environment_value_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch, variable: str, key: str
) -> None:
    """A list or table override that is not JSON names its key and variable, not its value."""
    monkeypatch.setenv(variable, TOKEN)

    with pytest.raises(ConfigError) as caught:
        load_settings(None)

    assert (caught.value.key, str(caught.value)) == (
        key,
        f"environment: {key}: cannot parse {variable} (write lists and tables as JSON)",
    )
