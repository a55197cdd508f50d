"""`make demo`: the whole nightly against the built-in simulator, with a demo register.

The consent, objection and customer CSVs are made from the simulator's own contacts so that
every finding code and purge reason shows up once the nightly has run.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from compliance.emails import is_valid_email
from simulator.data import generate
from simulator.demo_end import closing
from simulator.server import serve
from simulator.state import SimulatorState

DEMO_TOKEN = "demo-token-not-a-secret"  # noqa: S105 - the simulator's, never a real account's
ACTIVE = 1
# The client's requests_per_second must be > 0 and at most this (jobs/settings.py); with the
# simulator's limit off (--rate 0) the client runs at this ceiling.
MAX_CLIENT_RATE = 1000.0
# controller.timezone in CONFIG: the closing lines show times as the report does.
DEMO_TIMEZONE = "Europe/Helsinki"


@dataclass
class Scenario:
    consents: list[dict[str, str]] = field(default_factory=list)
    objections: list[dict[str, str]] = field(default_factory=list)
    customers: list[dict[str, str]] = field(default_factory=list)
    # (label, email) pairs the demo uses for requests and the suppression story
    picks: dict[str, str] = field(default_factory=dict)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _active_lists(state: SimulatorState, contact_id: int) -> set[int]:
    return {m.list_id for m in state.memberships_of(contact_id) if m.status == ACTIVE}


def build_scenario(state: SimulatorState, now: datetime) -> Scenario:
    """Mostly lawful subscribers, plus one deliberate problem of each kind."""
    s = Scenario()
    ids = sorted(state.contacts)
    taken: set[str] = set()
    counts: dict[str, int] = {}
    for email in (state.contacts[i].email.strip().lower() for i in ids):
        counts[email] = counts.get(email, 0) + 1

    def pick(label: str, want: set[int] | None, *, inactive: bool = False) -> str | None:
        for contact_id in ids:
            contact = state.contacts[contact_id]
            email = contact.email.strip().lower()
            if email in taken or counts[email] > 1 or not is_valid_email(email):
                continue
            lists = _active_lists(state, contact_id)
            if inactive and lists:
                continue
            if want is not None and not want <= lists:
                continue
            if inactive and contact.bounced_hard:
                continue
            taken.add(email)
            s.picks[label] = email
            return email
        return None

    objector = pick("objection", {1})
    withdrawn = pick("withdrawn", {1})
    expired = pick("soft_opt_in_expired", {2})
    no_basis = pick("no_basis", {3})
    wrong_group = pick("wrong_product_group", {2})
    incomplete = pick("consent_incomplete", {1})
    suppressed = pick("suppressed", {1})
    pick("access", None)
    pick("rectify", None)
    objected_inactive = pick("objected_inactive", None, inactive=True)
    withdrew_inactive = pick("withdrew_inactive", None, inactive=True)

    def consent(
        email: str, purpose: str, action: str, at: datetime, *, complete: bool = True
    ) -> None:
        s.consents.append(
            {
                "email": email,
                "purpose": purpose,
                "action": action,
                "at": _stamp(at),
                "source": "web-form:tilaa-uutiskirje" if action == "grant" else "email-reply",
                "wording_id": "uutiskirje-2024-03" if complete else "",
                "notice_version": "2024-03" if complete else "",
            }
        )

    purposes = {1: "newsletter", 3: "surveys"}
    for contact_id in ids:
        contact = state.contacts[contact_id]
        email = contact.email.strip().lower()
        if email in taken or not is_valid_email(email):
            continue
        lists = _active_lists(state, contact_id)
        for list_id, purpose in purposes.items():
            if list_id in lists:
                consent(contact.email, purpose, "grant", contact.cdate + timedelta(minutes=5))
        if 2 in lists:
            s.customers.append(
                {
                    "email": contact.email,
                    "last_purchase_at": _stamp(now - timedelta(days=120)),
                    "product_group": "kurssit",
                }
            )

    long_ago = now - timedelta(days=400)
    if objector:
        consent(objector, "newsletter", "grant", long_ago)
        s.objections.append(
            {
                "email": f"  {objector.upper()} ",
                "scope": "direct_marketing",
                "at": _stamp(now - timedelta(days=3)),
                "channel": "email",
            }
        )
    if withdrawn:
        consent(withdrawn, "newsletter", "grant", long_ago)
        consent(withdrawn, "newsletter", "withdraw", now - timedelta(days=10))
    if expired:
        s.customers.append(
            {
                "email": expired,
                "product_group": "kurssit",
                "last_purchase_at": _stamp(now - timedelta(days=30 * 31)),
            }
        )
    if no_basis:
        consent(no_basis, "newsletter", "grant", long_ago)  # the wrong purpose for list 3
    if wrong_group:
        s.customers.append(
            {
                "email": wrong_group,
                "product_group": "lahjakortit",
                "last_purchase_at": _stamp(now - timedelta(days=60)),
            }
        )
    if incomplete:
        consent(incomplete, "newsletter", "grant", long_ago, complete=False)
    if suppressed:
        s.objections.append(
            {
                "email": suppressed,
                "scope": "all",
                "at": _stamp(now - timedelta(days=90)),
                "channel": "phone",
            }
        )
    if objected_inactive:
        s.objections.append(
            {
                "email": objected_inactive,
                "scope": "direct_marketing",
                "at": _stamp(now - timedelta(days=5)),
                "channel": "web-form",
            }
        )
    if withdrew_inactive:
        consent(withdrew_inactive, "newsletter", "grant", now - timedelta(days=700))
        consent(withdrew_inactive, "newsletter", "withdraw", now - timedelta(days=60))
    return s


def write_csv(path: Path, rows: list[dict[str, str]], columns: Sequence[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    os.chmod(path, 0o600)


CONFIG = """\
[controller]
name = "Koko Juju"
business_id = "2905754-5"
contact = "Leena Soukkala, leena.soukkala@gmail.com, 040 839 0356"
language = "{language}"
timezone = "Europe/Helsinki"

[activecampaign]
base_url = "{base_url}"
timeout_seconds = 10
requests_per_second = {client_rate!r}

[register]
database = "var/register.sqlite"
inbox = "var/inbox"
suppression_key_file = "var/suppression.key"

[[lists]]
id = 1
name = "Uutiskirje"
purpose = "newsletter"
basis = "consent"

[[lists]]
id = 2
name = "Asiakastarjoukset"
purpose = "customer_offers"
basis = "soft_opt_in"
product_groups = ["kurssit", "verkkokauppa"]

[[lists]]
id = 3
name = "Asiakaskyselyt"
purpose = "surveys"
basis = "consent"
objection_scopes = ["market_research", "all"]

[[lists]]
id = 4
name = "Tilausvahvistukset"
purpose = "orders"
basis = "service"

[policy]
enforce = "apply"
max_auto_deletions = {max_auto}

[reports]
dir = "var/reports"

[[processors]]
name = "ActiveCampaign, LLC"
country = "US"
transfer_mechanism = "scc"
role = "email marketing platform"
purposes = ["newsletter", "customer_offers", "surveys", "orders"]

[[processors]]
name = "Google LLC (Google Analytics)"
country = "US"
transfer_mechanism = "adequacy"
role = "website analytics"
purposes = ["website_analytics"]

[[processors]]
name = "Esimerkki SMS Inc."
country = "US"
transfer_mechanism = "none"
role = "text message reminders (demo: no safeguard on file)"
purposes = ["orders"]

[cookies]
analytics = "consent_banner"
consent_log = "evästebannerin suostumusloki"
"""


class Runner:
    def __init__(self, folder: Path, *, quiet: bool) -> None:
        self.folder = folder
        self.quiet = quiet
        self.env = {**os.environ, "ACTIVECAMPAIGN_API_TOKEN": DEMO_TOKEN}
        self.env.pop("REKISTERI_SUPPRESSION_KEY", None)

    def __call__(self, *args: str, expect: Sequence[int] = (0,)) -> tuple[int, str]:
        command = [
            sys.executable,
            "-m",
            "jobs",
            "--config",
            str(self.folder / "config.toml"),
            "--quiet",
            *args,
        ]
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, check=False)
        shown = " ".join(args)
        print(f"$ rekisteri {shown}  -> exit {done.returncode}")
        if not self.quiet:
            for line in done.stdout.strip().splitlines():
                print(f"    {line}")
        for line in done.stderr.strip().splitlines():
            print(f"    {line}")
        if done.returncode not in expect:
            raise SystemExit(f"demo: 'rekisteri {shown}' exited {done.returncode}")
        return done.returncode, done.stdout


def client_rate(rate: float) -> float:
    """The client's requests_per_second for a simulator limited to `rate` (<= 0: no limit)."""
    return rate if 0 < rate <= MAX_CLIENT_RATE else MAX_CLIENT_RATE


def run_demo(
    folder: Path, *, contacts: int, seed: int, language: str, quiet: bool, rate: float = 5.0
) -> Path:
    now = datetime.now(UTC).replace(microsecond=0)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, mode=0o700)
    state = generate(contacts=contacts, seed=seed, anchor=now)
    scenario = build_scenario(state, now)
    # The strict stand-in for a real account: rolling window, Retry-After 30, jitter.
    strict: dict[str, Any] = {"limit": "window", "latency": 0.03, "jitter": 0.02}
    with serve(state, port=0, token=DEMO_TOKEN, rate=rate, seed=seed, **strict) as server:
        print(f"ActiveCampaign simulator on {server.url} ({contacts} contacts, seed {seed})")
        (folder / "config.toml").write_text(
            CONFIG.format(
                base_url=server.url,
                language=language,
                max_auto=contacts,
                client_rate=client_rate(rate),
            ),
            encoding="utf-8",
        )
        run = Runner(folder, quiet=quiet)
        run("init")
        run("notice", expect=(0, 1))  # the privacy notice the consents should refer to
        run("pull", "--full")
        inbox = folder / "var" / "inbox"
        # The suppression story: an objector is erased, then comes back through an import.
        suppressed = scenario.picks.get("suppressed")
        if suppressed:
            write_csv(
                folder / "objections-early.csv",
                [r for r in scenario.objections if r["email"] == suppressed],
                ("email", "scope", "at", "channel"),
            )
            run("import", "objections", str(folder / "objections-early.csv"))
            run("request", "erase", "--verified", "known_address", suppressed)
            again = state.add_contact(suppressed.title(), "Palannut", "Tilaaja")
            state.set_membership(again, 1, ACTIVE)
            scenario.objections = [r for r in scenario.objections if r["email"] != suppressed]
        if "access" in scenario.picks:
            # exit 1: the demo's SMS processor has no transfer safeguard, and access says so
            run(
                "request",
                "access",
                "--verified",
                "known_address",
                scenario.picks["access"],
                expect=(1,),
            )
            run(
                "request",
                "access",
                scenario.picks["access"],
                "--record-only",
                "--received",
                (now - timedelta(days=25)).date().isoformat(),
            )
        if "rectify" in scenario.picks:
            run(
                "request",
                "rectify",
                scenario.picks["rectify"],
                "--set",
                "Kaupunki=Tampere",
                "--record-only",
                "--received",
                (now - timedelta(days=40)).date().isoformat(),
            )
        write_csv(
            inbox / "consents.csv",
            scenario.consents,
            ("email", "purpose", "action", "at", "source", "wording_id", "notice_version"),
        )
        write_csv(
            inbox / "objections.csv", scenario.objections, ("email", "scope", "at", "channel")
        )
        write_csv(
            inbox / "customers.csv",
            scenario.customers,
            ("email", "last_purchase_at", "product_group"),
        )
        code, out = run("nightly", expect=(0, 1, 5))
        run("ropa", expect=(0, 1))
        run("request", "list")
    report = Path(out.strip().splitlines()[-1])
    print("\n".join(closing(report, code=code, language=language, zone=DEMO_TIMEZONE)))
    return report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m simulator.demo", description=__doc__)
    parser.add_argument("--dir", type=Path, default=Path("demo"))
    parser.add_argument("--contacts", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--language", choices=("fi", "en"), default="fi")
    parser.add_argument(
        "--rate",
        type=float,
        default=5.0,
        help="requests per second the simulator allows and the client uses,"
        " like ActiveCampaign (default 5); 0 lifts the limit",
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    run_demo(
        args.dir.resolve(),
        contacts=args.contacts,
        seed=args.seed,
        language=args.language,
        quiet=not args.verbose,
        rate=args.rate,
    )


if __name__ == "__main__":
    main()
