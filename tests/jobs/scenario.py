"""A small, deterministic account plus the CSV files that go with it, for job-level tests.

    scenario = build_scenario(simulator, tmp_path)   # simulator, run_cli: conftest fixtures
    result = run_cli(scenario.config, "pull", "--full")
    scenario.id("withdrawn")                           # -> ActiveCampaign contact id
    scenario.files["consents"]                         # -> tmp_path/inputs/consents.csv

The account starts empty (the simulator's four lists, fields and tags only); `PEOPLE` below
are added one by one, so every contact id, list status and date is known. Dates are relative
to the moment the scenario is built (`scenario.now`, the simulator's clock, close to the
wall clock the jobs use). The default `[[lists]]` of the settings match the simulator:
1 newsletter (consent), 2 customer_offers (soft opt-in, kurssit/verkkokauppa), 3 surveys
(consent), 4 orders (service).

What each person is for, with the default policy (AC = ActiveCampaign, L1..L4 = lists):

- consented: AC L1 active; complete newsletter grant. Reconcile: nothing. Purge: kept.
- withdrawn: AC L1 active; grant, withdrawal 10 days ago. CONSENT_WITHDRAWN: unsubscribe L1.
  Purge: kept (withdrawal within after_withdrawal_days).
- objector: AC L1 and L4 (service) active; grant, then objection (direct_marketing) 5 days
  ago. OBJECTION_NOT_HONOURED: unsubscribe L1 (never L4), tag. Purge: kept the first night
  (active on L1 when planned); OBJECTED the next, as L4 (service) protects nobody (SPEC 6 r2).
- no_basis: AC L3 active; no register rows. NO_MARKETING_BASIS: unsubscribe L3. Purge: kept.
- soft_ok: AC L2 active; purchase (kurssit) 30 days ago. Nothing. Purge: kept.
- soft_expired: AC L2 active; purchase (kurssit) 3 years ago. SOFT_OPT_IN_EXPIRED: unsubscribe
  L2. Purge: kept (created 100 days ago).
- service_only: AC L4 active; no rows. Nothing (service lists are never touched). Kept
  (created 100 days ago, inside customer_retention_months).
- incomplete: AC L1 active; grant without wording_id/notice_version. CONSENT_INCOMPLETE (report
  only, stays subscribed). Kept.
- stale: AC L1 unsubscribed (an opt-out made in ActiveCampaign 3 years ago, which the first
  pull records as a newsletter withdrawal, SPEC 5.1), a tag and a custom field; purchase 3
  years ago. Reconcile: nothing. Purge: AFTER_WITHDRAWAL.
- stale_objector: AC no list, a tag and a custom field; objection (scope all) 400 days ago.
  Reconcile: no finding; tag (an objector lacking the objection tag). Purge: OBJECTED, leaves
  a suppression row (scope "all").
- recent_idle: AC no list, created 10 days ago; no rows. Nothing. Purge: kept.

Every contact created 100 days ago except `stale*` (3 years) and `recent_idle` (10 days).
Emails in ActiveCampaign are mixed case; the CSV files use other casings, so matching
relies on the normalisation of SPEC 4.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from simulator import SimulatorServer, SimulatorState, generate
from simulator import catalog as cat
from tests.conftest import (
    STRICT_LIMIT,
    STRICT_RATE,
    RunCli,
    StartSimulator,
    make_config,
    now_anchor,
)

# Written to the config's suppression_key_file: suppression keys are HMAC-SHA256 under it.
SUPPRESSION_KEY = "scenario-suppression-key-0123456789abcdef"
ACTIVE, UNSUBSCRIBED = 1, 2
DAY = timedelta(days=1)

CONSENT_HEADER = ("email", "purpose", "action", "at", "source", "wording_id", "notice_version")
OBJECTION_HEADER = ("email", "scope", "at", "channel")
CUSTOMER_HEADER = ("email", "last_purchase_at", "product_group")


@dataclass(frozen=True)
class PersonSpec:
    """One person of the scenario: how they look in ActiveCampaign and in the CSV files."""

    label: str
    email: str  # as stored in ActiveCampaign
    first_name: str
    last_name: str
    phone: str
    created_days_ago: int
    lists: tuple[tuple[int, int], ...] = ()  # (list_id, status)
    extras: bool = False  # a tag and a custom field value in ActiveCampaign
    # CSV rows without the email column; `at`-like cells are days ago (int) or text
    consents: tuple[tuple[str, str, int, str, str, str], ...] = ()
    objections: tuple[tuple[str, int, str], ...] = ()
    purchases: tuple[tuple[int, str], ...] = ()


PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        "consented",
        "Aino.Suostui@Example.fi",
        "Aino",
        "Suostui",
        "+358401000001",
        100,
        lists=((cat.LIST_NEWSLETTER, ACTIVE),),
        consents=(("newsletter", "grant", 100, "web-form", "W1", "N1"),),
    ),
    PersonSpec(
        "withdrawn",
        "Eino.Perui@Example.fi",
        "Eino",
        "Perui",
        "+358401000002",
        100,
        lists=((cat.LIST_NEWSLETTER, ACTIVE),),
        consents=(
            ("newsletter", "grant", 100, "web-form", "W1", "N1"),
            ("newsletter", "withdraw", 10, "email-link", "", ""),
        ),
    ),
    PersonSpec(
        "objector",
        "Olli.Kielsi@Example.fi",
        "Olli",
        "Kielsi",
        "+358401000003",
        100,
        lists=((cat.LIST_NEWSLETTER, ACTIVE), (cat.LIST_ORDER_CONFIRMATIONS, ACTIVE)),
        consents=(("newsletter", "grant", 100, "web-form", "W1", "N1"),),
        objections=(("direct_marketing", 5, "email"),),
    ),
    PersonSpec(
        "no_basis",
        "Niina.Pohjaton@Example.fi",
        "Niina",
        "Pohjaton",
        "+358401000004",
        100,
        lists=((cat.LIST_SURVEYS, ACTIVE),),
    ),
    PersonSpec(
        "soft_ok",
        "Sanna.Asiakas@Example.fi",
        "Sanna",
        "Asiakas",
        "+358401000005",
        100,
        lists=((cat.LIST_OFFERS, ACTIVE),),
        purchases=((30, "kurssit"),),
    ),
    PersonSpec(
        "soft_expired",
        "Seppo.Vanha@Example.fi",
        "Seppo",
        "Vanha",
        "+358401000006",
        100,
        lists=((cat.LIST_OFFERS, ACTIVE),),
        purchases=((3 * 365, "kurssit"),),
    ),
    PersonSpec(
        "service_only",
        "Tiina.Tilaaja@Example.fi",
        "Tiina",
        "Tilaaja",
        "+358401000007",
        100,
        lists=((cat.LIST_ORDER_CONFIRMATIONS, ACTIVE),),
    ),
    PersonSpec(
        "incomplete",
        "Ilkka.Vajaa@Example.fi",
        "Ilkka",
        "Vajaa",
        "+358401000008",
        100,
        lists=((cat.LIST_NEWSLETTER, ACTIVE),),
        consents=(("newsletter", "grant", 100, "paper", "", ""),),
    ),
    PersonSpec(
        "stale",
        "Kalle.Unohdettu@Example.fi",
        "Kalle",
        "Unohdettu",
        "+358401000009",
        3 * 365,
        lists=((cat.LIST_NEWSLETTER, UNSUBSCRIBED),),
        extras=True,
        purchases=((3 * 365, "verkkokauppa"),),
    ),
    PersonSpec(
        "stale_objector",
        "Ville.Vastustaja@Example.FI",
        "Ville",
        "Vastustaja",
        "+358401000010",
        3 * 365,
        extras=True,
        objections=(("all", 400, "phone"),),
    ),
    PersonSpec(
        "recent_idle",
        "Riikka.Uusi@Example.fi",
        "Riikka",
        "Uusi",
        "+358401000011",
        10,
    ),
)


@dataclass
class Scenario:
    """The running account, its config and input files; see the module docstring."""

    state: SimulatorState
    server: SimulatorServer
    config: Path
    now: datetime
    ids: dict[str, int]  # label -> contact id
    emails: dict[str, str]  # label -> email as stored in ActiveCampaign
    files: dict[str, Path]  # "consents" | "objections" | "customers" -> CSV path

    def id(self, label: str) -> int:
        return self.ids[label]

    @property
    def database(self) -> Path:
        return self.config.parent / "var" / "register.sqlite"

    @property
    def imports(self) -> list[tuple[str, str, str]]:
        """The three `import KIND FILE` argument tuples, consents first."""
        return [("import", kind, str(path)) for kind, path in self.files.items()]


def memberships_in(state: SimulatorState) -> set[tuple[int, int, int]]:
    """Every (contact_id, list_id, status) the simulated account holds."""
    with state.lock:
        return {(m.contact_id, m.list_id, m.status) for m in state.memberships.values()}


def record_requests(state: SimulatorState) -> list[tuple[str, str]]:
    """Start recording (method, path) of every request the simulator routes; returns the list."""
    seen: list[tuple[str, str]] = []
    state.hooks.append(lambda method, path: seen.append((method, path)))
    return seen


def writes(seen: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The requests among `seen` that change something (POST, PUT, DELETE)."""
    return [(method, path) for method, path in seen if method != "GET"]


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    """Write a UTF-8 CSV file with a header row; returns `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _when(now: datetime, days_ago: int) -> str:
    return (now - days_ago * DAY).isoformat()


def _csv_email(email: str) -> str:
    """The address as a CSV export would carry it: other case, spaces around."""
    return f" {email.lower()} " if email[0].isupper() else email.upper()


def build_scenario(
    simulator: StartSimulator,
    tmp_path: Path,
    *,
    strict: bool = False,
    **config_sections: dict[str, object],
) -> Scenario:
    """Start a simulator holding `PEOPLE`, write config.toml and the three CSV files.

    `config_sections` are passed to `make_config` (e.g. `policy={"max_auto_deletions": 1}`).
    `strict` serves through the strict rolling window with latency jitter (`STRICT_LIMIT`)
    and configures the client at that rate.
    Nothing is pulled or imported: tests run `pull` and `import` themselves.
    """
    state = generate(contacts=0, seed=1, anchor=now_anchor())
    state, server = simulator(state=state, **(STRICT_LIMIT if strict else {}))
    if strict:
        limits = {"requests_per_second": STRICT_RATE, **config_sections.get("activecampaign", {})}
        config_sections = {**config_sections, "activecampaign": limits}
    now = state.now()
    ids: dict[str, int] = {}
    consents: list[tuple[object, ...]] = []
    objections: list[tuple[object, ...]] = []
    customers: list[tuple[object, ...]] = []
    for person in PEOPLE:
        created = now - person.created_days_ago * DAY
        contact_id = state.add_contact(
            person.email, person.first_name, person.last_name, phone=person.phone, at=created
        )
        ids[person.label] = contact_id
        for list_id, status in person.lists:
            state.set_membership(contact_id, list_id, status, at=created + DAY)
        if person.extras:
            state.add_contact_tag(contact_id, cat.TAG_CUSTOMER)
            state.set_field_value(contact_id, cat.FIELD_CITY, "Oulu")
        email = _csv_email(person.email)
        consents += [
            (email, purpose, action, _when(now, days), source, wording, notice)
            for purpose, action, days, source, wording, notice in person.consents
        ]
        objections += [
            (email, scope, _when(now, days), channel) for scope, days, channel in person.objections
        ]
        customers += [(email, _when(now, days), group) for days, group in person.purchases]
    inputs = tmp_path / "inputs"
    files = {
        "consents": write_csv(inputs / "consents.csv", CONSENT_HEADER, consents),
        "objections": write_csv(inputs / "objections.csv", OBJECTION_HEADER, objections),
        "customers": write_csv(inputs / "customers.csv", CUSTOMER_HEADER, customers),
    }
    config = make_config(tmp_path, server.url, **config_sections)
    key_file = tmp_path / "var" / "suppression.key"  # make_config's register.suppression_key_file
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_text(SUPPRESSION_KEY + "\n", encoding="utf-8")
    key_file.chmod(0o600)
    return Scenario(
        state=state,
        server=server,
        config=config,
        now=now,
        ids=ids,
        emails={person.label: person.email for person in PEOPLE},
        files=files,
    )


def prepare(scenario: Scenario, run_cli: RunCli) -> None:
    """`pull --full` and the three imports through the CLI; fails the test if any exits non-0."""
    for args in [("pull", "--full"), *scenario.imports]:
        result = run_cli(scenario.config, *args)
        assert result.code == 0, (args, result)


class Crash(BaseException):
    """The process dies here (a BaseException, so no `except Exception` swallows it)."""


def crash_after(original: Callable[..., Any], nth: int) -> Callable[..., Any]:
    """`original` that dies right after its `nth` call has reached ActiveCampaign."""
    calls = 0

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        result = original(*args, **kwargs)
        if calls == nth:
            raise Crash
        return result

    return wrapper
