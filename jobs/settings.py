"""Settings: TOML file overridden by REKISTERI_<SECTION>__<KEY>, secrets from the environment."""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
import warnings
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
)

from compliance.emails import is_valid_email
from jobs.errors import ConfigError

DEFAULT_CONFIG = Path("config.toml")
EXAMPLE_CONFIG = Path("config.example.toml")
TOKEN_ENV = "ACTIVECAMPAIGN_API_TOKEN"  # noqa: S105 - a variable name, not a secret
SUPPRESSION_KEY_ENV = "REKISTERI_SUPPRESSION_KEY"
SMTP_PASSWORD_ENV = "REKISTERI_SMTP_PASSWORD"  # noqa: S105 - a variable name, not a secret
ENV_PREFIX = "REKISTERI_"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# The controller's identity is never defaulted: a ROPA, notice or report naming someone else's
# business would be worse than none (SPEC 2). Commands that print it call `require_identity`.
IDENTITY_KEYS = ("name", "business_id", "contact")


class ControllerSettings(_Section):
    name: str = ""
    business_id: str = ""
    contact: str = ""
    language: Literal["fi", "en"] = "fi"
    # Every time a person reads is shown in this zone; JSON keeps UTC.
    timezone: str = "Europe/Helsinki"
    complaint_authority: str = (
        "Tietosuojavaltuutetun toimisto / Office of the Data Protection Ombudsman,"
        " PL 800, 00531 Helsinki, https://tietosuoja.fi"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("not a known IANA time zone (e.g. Europe/Helsinki)") from None
        return value


ACCOUNT_LIMIT = 5.0


def is_loopback(url: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: where only the simulator can be listening."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ActiveCampaignSettings(_Section):
    base_url: str = "http://127.0.0.1:8765"
    # ActiveCampaign allows 5 per account; more only makes sense against the simulator.
    requests_per_second: float = Field(default=5.0, gt=0, le=1000)
    page_size: int = Field(default=100, ge=1, le=100)
    timeout_seconds: float = Field(default=30.0, gt=0)
    max_attempts: int = Field(default=6, ge=1, le=20)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        # Messages never quote the value: it may hold a password someone pasted into it.
        try:
            parts = urlsplit(value.strip())
            parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError:
            raise ValueError("is not a valid URL") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must look like https://<account>.api-us1.com")
        if parts.username is not None or parts.password is not None:
            raise ValueError("must not hold a user name or password (the token is an env var)")
        if parts.query or parts.fragment or value.strip().endswith(("?", "#")):
            raise ValueError("must not hold a query (?...) or fragment (#...)")
        return value.strip().rstrip("/")

    @field_validator("requests_per_second")
    @classmethod
    def _real_accounts_allow_five(cls, value: float, info: ValidationInfo) -> float:
        base_url = info.data.get("base_url")  # validated first; absent when it was invalid
        if value > ACCOUNT_LIMIT and base_url is not None and not is_loopback(base_url):
            raise ValueError(
                f"at most {ACCOUNT_LIMIT:g} (ActiveCampaign's limit per account); more is only"
                " allowed against a simulator on a loopback address"
            )
        return value


class RegisterSettings(_Section):
    database: Path = Path("var/register.sqlite")
    inbox: Path = Path("var/inbox")
    suppression_key_file: Path = Path("var/suppression.key")


ObjectionScope = Literal[
    "direct_marketing",
    "distance_selling",
    "market_research",
    "person_directory",
    "genealogy",
    "all",
]
DEFAULT_MARKETING_SCOPES: tuple[ObjectionScope, ...] = (
    "direct_marketing",
    "distance_selling",
    "all",
)


class ListSettings(_Section):
    id: int = Field(ge=1)
    name: str | None = None
    purpose: str = Field(min_length=1)
    basis: Literal["consent", "soft_opt_in", "service"]
    product_groups: tuple[str, ...] = ()
    retention_months: int | None = Field(default=None, ge=1)
    # Which objection scopes cover this list (SPEC 5.2); None means the default for its basis.
    objection_scopes: tuple[ObjectionScope, ...] | None = None

    def covered_by(self) -> tuple[str, ...]:
        """The objection scopes that cover this list, defaults applied."""
        if self.objection_scopes is not None:
            return self.objection_scopes
        return () if self.basis == "service" else DEFAULT_MARKETING_SCOPES


class PolicySettings(_Section):
    enforce: Literal["report", "apply"] = "report"
    objection_sla_hours: int = Field(default=24, ge=1, le=72)
    soft_opt_in_months: int = Field(default=24, ge=1)
    customer_retention_months: int = Field(default=24, ge=1)
    after_withdrawal_days: int = Field(default=30, ge=0)
    hard_bounce_days: int = Field(default=180, ge=0)
    max_auto_deletions: int = Field(default=25, ge=0)
    incomplete_consent: Literal["report", "unsubscribe"] = "report"
    require_verified_identity: bool = True
    audit_retention_months: int = Field(default=36, ge=1)
    request_retention_months: int = Field(default=36, ge=1)
    # A full walk that would mark more than this share of the mirror deleted is a safety stop.
    mass_disappearance_stop: float = Field(default=0.2, ge=0, le=1)


class SyncSettings(_Section):
    full_every_days: int = Field(default=7, ge=1)
    overlap_minutes: int = Field(default=60, ge=0)
    stale_after_hours: int = Field(default=36, ge=1)
    membership_strategy: Literal["auto", "include", "documented"] = "auto"


class ReportSettings(_Section):
    dir: Path = Path("var/reports")
    keep_days: int = Field(default=90, ge=1)
    formats: tuple[Literal["html", "json", "csv"], ...] = ("html", "json", "csv")
    show_emails: bool = False


class ProcessorSettings(_Section):
    name: str
    country: str = Field(min_length=2, max_length=2)
    transfer_mechanism: Literal["none", "adequacy", "scc"]
    role: str | None = None
    # The list purposes or activities it serves: where the ROPA and the notice name it.
    purposes: tuple[str, ...] = ()
    dpa_signed: date | None = None

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str) -> str:
        return value.upper()


class CookieSettings(_Section):
    """What the site does about cookies and analytics; the notice never claims more."""

    analytics: Literal["none", "consent_banner", "anonymous_no_cookies"] = "none"
    consent_log: str | None = None


class NotifySettings(_Section):
    """Who hears about a nightly that needs a person (SPEC 11); password from the environment."""

    email_to: tuple[str, ...] = ()
    email_from: str | None = None
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_starttls: bool = True
    smtp_user: str | None = None
    when: Literal["always", "review", "failure"] = "review"
    webhook_url: str | None = None
    timeout_seconds: float = Field(default=10.0, gt=0, le=120)

    @field_validator("email_to")
    @classmethod
    def _addresses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for position, address in enumerate(value, start=1):
            if not is_valid_email(address.strip()):
                raise ValueError(f"entry {position} is not an email address")
        return tuple(address.strip() for address in value)

    @field_validator("webhook_url")
    @classmethod
    def _webhook(cls, value: str | None) -> str | None:
        # Never quoted back: chat webhooks carry their secret in the path.
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http:// or https:// URL")
        return value.strip()

    @model_validator(mode="after")
    def _server_for_email(self) -> NotifySettings:
        if self.email_to and not self.smtp_host:
            raise ValueError("email_to needs smtp_host (the server that sends the mail)")
        return self


def _default_lists() -> tuple[ListSettings, ...]:
    return (
        ListSettings(id=1, name="Uutiskirje", purpose="newsletter", basis="consent"),
        ListSettings(
            id=2,
            name="Asiakastarjoukset",
            purpose="customer_offers",
            basis="soft_opt_in",
            product_groups=("kurssit", "verkkokauppa"),
        ),
        ListSettings(
            id=3,
            name="Asiakaskyselyt",
            purpose="surveys",
            basis="consent",
            objection_scopes=("market_research", "all"),
        ),
        ListSettings(id=4, name="Tilausvahvistukset", purpose="orders", basis="service"),
    )


def _default_processors() -> tuple[ProcessorSettings, ...]:
    return (
        ProcessorSettings(
            name="ActiveCampaign, LLC",
            country="US",
            transfer_mechanism="scc",
            role="email marketing platform",
            purposes=("newsletter", "customer_offers", "surveys", "orders", "customers"),
            dpa_signed=date(2024, 1, 15),
        ),
        ProcessorSettings(
            name="Google LLC (Google Analytics)",
            country="US",
            transfer_mechanism="adequacy",
            role="website analytics",
            purposes=("website_analytics",),
        ),
    )


# `register` is the name SPEC gives the section; it shadows ABCMeta.register, which
# nothing here calls.
warnings.filterwarnings("ignore", message='Field name "register"', category=UserWarning)


class Settings(BaseSettings):
    """Everything the jobs need; built once in jobs/ and passed down as plain values."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    controller: ControllerSettings = ControllerSettings()
    activecampaign: ActiveCampaignSettings = ActiveCampaignSettings()
    register: RegisterSettings = RegisterSettings()
    lists: tuple[ListSettings, ...] = Field(default_factory=_default_lists)
    policy: PolicySettings = PolicySettings()
    sync: SyncSettings = SyncSettings()
    reports: ReportSettings = ReportSettings()
    processors: tuple[ProcessorSettings, ...] = Field(default_factory=_default_processors)
    cookies: CookieSettings = CookieSettings()
    notify: NotifySettings = NotifySettings()

    @field_validator("lists")
    @classmethod
    def _unique_lists(cls, value: tuple[ListSettings, ...]) -> tuple[ListSettings, ...]:
        ids = [item.id for item in value]
        if len(ids) != len(set(ids)):
            raise ValueError("list ids must be unique")
        for item in value:
            if item.basis == "soft_opt_in" and not item.product_groups:
                raise ValueError(f"list {item.id}: soft_opt_in needs product_groups")
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment wins over the TOML values, which arrive as init kwargs.
        return (env_settings, init_settings)


class Secrets(BaseModel):
    """Secrets never live in the TOML file, only in the environment or a key file."""

    api_token: SecretStr | None
    suppression_key: SecretStr | None
    smtp_password: SecretStr | None = None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc.strerror})", key=None) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}", key=None) from None


def _key_of(error: dict[str, Any]) -> str:
    parts = [str(part) for part in error.get("loc", ())]
    return ".".join(parts) if parts else "(root)"


def resolve_config_path(explicit: Path | None, cwd: Path | None = None) -> Path | None:
    """The file to read: --config, else ./config.toml, else ./config.example.toml, else none."""
    if explicit is not None:
        return explicit
    base = cwd or Path.cwd()
    for candidate in (base / DEFAULT_CONFIG, base / EXAMPLE_CONFIG):
        if candidate.is_file():
            return candidate
    return None


def require_identity(settings: Settings) -> None:
    """ConfigError naming the first identity key (controller.name, ...) left empty."""
    for key in IDENTITY_KEYS:
        if not getattr(settings.controller, key).strip():
            raise ConfigError(
                f"controller.{key} is not set (the controller's identity goes into reports,"
                " the ROPA, the notice and replies to data subjects)",
                key=f"controller.{key}",
            )


def load_settings(path: Path | None) -> Settings:
    """Read and validate the configuration; a problem raises ConfigError naming the key."""
    data = _read_toml(path) if path is not None else {}
    source = str(path) if path is not None else "defaults"
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = _key_of(dict(first))
        message = first.get("msg", "invalid value")
        if first.get("type") == "extra_forbidden":
            message = "unknown key (secrets such as the API token belong in the environment)"
        raise ConfigError(f"{source}: {key}: {message}", key=key) from None
    except SettingsError as exc:
        raise _environment_error(exc) from None
    return _relative_to(settings, path.parent if path is not None else None)


def _environment_error(exc: SettingsError) -> ConfigError:
    """An override whose text cannot be parsed (a list or table that is not JSON)."""
    found = re.search(r'field "(\w+)"', str(exc))
    section = found.group(1) if found else "(root)"
    prefix = f"{ENV_PREFIX}{section}".upper()
    names = sorted(name for name in os.environ if name.upper().partition("__")[0] == prefix)
    key = names[0][len(ENV_PREFIX) :].lower().replace("__", ".") if len(names) == 1 else section
    where = ", ".join(names) or prefix
    return ConfigError(
        f"environment: {key}: cannot parse {where} (write lists and tables as JSON)", key=key
    )


def _relative_to(settings: Settings, base: Path | None) -> Settings:
    """Relative paths in a config file are relative to that file's folder."""
    if base is None:
        return settings

    def fix(value: Path) -> Path:
        return value if value.is_absolute() else base / value

    register = settings.register.model_copy(
        update={
            "database": fix(settings.register.database),
            "inbox": fix(settings.register.inbox),
            "suppression_key_file": fix(settings.register.suppression_key_file),
        }
    )
    reports = settings.reports.model_copy(update={"dir": fix(settings.reports.dir)})
    return settings.model_copy(update={"register": register, "reports": reports})


def load_secrets(environ: dict[str, str] | None = None) -> Secrets:
    env = dict(os.environ) if environ is None else environ
    token = env.get(TOKEN_ENV) or None
    key = env.get(SUPPRESSION_KEY_ENV) or None
    smtp = env.get(SMTP_PASSWORD_ENV) or None
    return Secrets(
        api_token=SecretStr(token) if token else None,
        suppression_key=SecretStr(key) if key else None,
        smtp_password=SecretStr(smtp) if smtp else None,
    )
