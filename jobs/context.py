"""What every command needs, built once from the global options and the settings."""

from __future__ import annotations

import secrets as pysecrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from compliance.codes import Basis
from compliance.policy import ListPolicy, RetentionPolicy
from jobs.errors import ConfigError, LockHeld

# Every command module imports this one, `--help` included: what only a running command needs
# (settings models, HTTP client, register, file lock) is imported where it is used.
if TYPE_CHECKING:
    import sqlite3

    from filelock import FileLock

    from jobs.settings import Secrets, Settings
    from sync.activecampaign.client import ActiveCampaignClient

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def parse_moment(value: str | None, *, option: str) -> datetime | None:
    """An ISO 8601 date or date-time from the command line; no offset means UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{option}: not an ISO 8601 date or date-time: {value!r}", key=option
        ) from None
    # Outside these years a date is a typo (0225 for 2025), and far dates overflow the rules.
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ConfigError(
            f"{option}: {value!r} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}", key=option
        )
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def new_run_id() -> str:
    return pysecrets.token_hex(4)


@dataclass
class Context:
    settings: Settings
    secrets: Secrets
    as_of: datetime | None = None
    json_logs: bool = False
    quiet: bool = False
    run_id: str = field(default_factory=new_run_id)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    _client: ActiveCampaignClient | None = None

    def now(self) -> datetime:
        """The moment the rules are evaluated at (--as-of, else the wall clock)."""
        return self.as_of if self.as_of is not None else datetime.now(UTC)

    @staticmethod
    def wall_now() -> datetime:
        return datetime.now(UTC)

    def open_register(self) -> sqlite3.Connection:
        from sync.register import connect

        return connect(self.settings.register.database)

    def lock(self) -> FileLock:
        from filelock import FileLock

        path = Path(str(self.settings.register.database) + ".lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        return FileLock(str(path), timeout=0)

    def client(self) -> ActiveCampaignClient:
        if self._client is None:
            from jobs.settings import TOKEN_ENV
            from sync.activecampaign.client import ActiveCampaignClient, api_root
            from sync.activecampaign.throttle import shared_throttle

            token = self.secrets.api_token
            if token is None:
                raise ConfigError(f"{TOKEN_ENV} is not set", key=TOKEN_ENV)
            ac = self.settings.activecampaign
            # One throttle per account for the whole process: every client shares its window.
            throttle = shared_throttle(api_root(ac.base_url), ac.requests_per_second)
            self._client = ActiveCampaignClient(
                base_url=ac.base_url,
                throttle=throttle,
                token=token.get_secret_value(),
                requests_per_second=ac.requests_per_second,
                timeout_seconds=ac.timeout_seconds,
                max_attempts=ac.max_attempts,
            )
        return self._client

    def suppression_secret(self) -> bytes:
        from jobs.settings import SUPPRESSION_KEY_ENV

        if self.secrets.suppression_key is not None:
            return self.secrets.suppression_key.get_secret_value().encode()
        path = self.settings.register.suppression_key_file
        try:
            value = path.read_bytes().strip()
        except FileNotFoundError:
            raise ConfigError(
                f"register.suppression_key_file: {path} does not exist (run 'rekisteri init'"
                f" or set {SUPPRESSION_KEY_ENV})",
                key="register.suppression_key_file",
            ) from None
        if len(value) < 32:
            raise ConfigError(
                f"register.suppression_key_file: {path} holds fewer than 32 bytes",
                key="register.suppression_key_file",
            )
        return value

    def list_policies(self) -> tuple[ListPolicy, ...]:
        return tuple(
            ListPolicy(
                id=item.id,
                purpose=item.purpose,
                basis=Basis(item.basis),
                product_groups=tuple(item.product_groups),
                objection_scopes=tuple(item.covered_by()),
            )
            for item in self.settings.lists
        )

    def retention_policy(self) -> RetentionPolicy:
        policy = self.settings.policy
        return RetentionPolicy(
            objection_sla_hours=policy.objection_sla_hours,
            soft_opt_in_months=policy.soft_opt_in_months,
            customer_retention_months=policy.customer_retention_months,
            after_withdrawal_days=policy.after_withdrawal_days,
            hard_bounce_days=policy.hard_bounce_days,
            incomplete_consent=policy.incomplete_consent,
        )


class held:
    """`with held(ctx):` one writer at a time; a second run exits 6."""

    def __init__(self, ctx: Context) -> None:
        self._lock = ctx.lock()

    def __enter__(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            raise LockHeld(f"another rekisteri run holds the lock {self._lock.lock_file}") from None

    def __exit__(self, *exc: object) -> None:
        self._lock.release()
