"""Notifications after the nightly (SPEC 11) against a real SMTP server (aiosmtpd, STARTTLS
with a throwaway CA from trustme) and a real HTTP receiver, both on loopback."""

from __future__ import annotations

import email
import email.policy
import json
import logging
import re
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from jobs.notify import wanted
from tests.conftest import SIMULATOR_TOKEN, RunCli, StartSimulator, make_config
from tests.jobs.scenario import build_scenario, prepare

_WHENS = ("always", "review", "failure")
PASSWORD = "smtp-pass-9f8e7d6c5b4a"
USER = "rekisteri-bot"
RECIPIENT = "tietosuoja@testiyritys.example"
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


@dataclass
class Mailbox:
    """What the SMTP server received: (envelope from, recipients, message, logged-in user)."""

    messages: list[tuple[str, list[str], email.message.EmailMessage, str | None]] = field(
        default_factory=list
    )
    logins: list[bytes] = field(default_factory=list)  # every password the server was offered

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> Any:
        if isinstance(data, LoginPassword):
            self.logins.append(data.password)
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USER.encode(),
            PASSWORD.encode(),
        )
        return AuthResult(success=ok, handled=False, auth_data=data)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        user = session.auth_data.login.decode() if session.authenticated else None
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), message, user))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class SmtpServer:
    port: int
    mailbox: Mailbox


@pytest.fixture
def smtp_tls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SmtpServer]:
    """An SMTP server on loopback that requires STARTTLS before AUTH, with a certificate from
    a throwaway CA that the client trusts through SSL_CERT_FILE (as a system store would)."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server_context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    # The server's own log is not the product's: aiosmtpd 1.4 warns about its deprecated
    # Session.login_data on every login and logs a refused handshake as an error.
    server_log = logging.getLogger("mail.log")
    monkeypatch.setattr(server_log, "level", logging.CRITICAL + 1)
    mailbox = Mailbox()
    port = _free_port()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=port,
        tls_context=server_context,
        require_starttls=True,
        authenticator=mailbox.authenticate,
        auth_required=True,
        auth_require_tls=True,
    )
    controller.start()
    try:
        yield SmtpServer(port, mailbox)
    finally:
        controller.stop()


@dataclass
class Receiver:
    url: str
    posts: list[tuple[str, dict[str, Any]]]


@pytest.fixture
def webhook() -> Iterator[Receiver]:
    """An HTTP server on loopback that records each POSTed JSON body (path, body)."""
    posts: list[tuple[str, dict[str, Any]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers["Content-Length"])
            posts.append((self.path, json.loads(self.rfile.read(length))))
            self.send_response(500 if self.path.endswith("/broken") else 204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Receiver(f"http://127.0.0.1:{server.server_address[1]}", posts)
    finally:
        server.shutdown()
        server.server_close()


def _notify(port: int, url: str | None, **extra: Any) -> dict[str, Any]:
    section: dict[str, Any] = {
        "email_to": [RECIPIENT],
        "email_from": "rekisteri@testiyritys.example",
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "smtp_user": USER,
        "timeout_seconds": 5,
        **extra,
    }
    if url is not None:
        section["webhook_url"] = url
    return section


def test_nightly_mails_and_posts_the_next_steps(
    simulator: StartSimulator,
    tmp_path: Path,
    run_cli: RunCli,
    smtp_tls: SmtpServer,
    webhook: Receiver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One STARTTLS mail and one POST: subject, steps with commands, path; no address or secret."""
    hook = f"{webhook.url}/hooks/T0/secret-path-token"
    scenario = build_scenario(simulator, tmp_path, notify=_notify(smtp_tls.port, hook))
    prepare(scenario, run_cli)
    monkeypatch.setenv("REKISTERI_SMTP_PASSWORD", PASSWORD)

    result = run_cli(scenario.config, "nightly")

    report = json.loads((Path(result.last_line).parent / "report.json").read_text("utf-8"))
    steps = report["next_steps"]
    assert (result.code, result.stderr) == (1, "")
    [(sender, recipients, message, user)] = smtp_tls.mailbox.messages
    assert (sender, recipients, user) == ("rekisteri@testiyritys.example", [RECIPIENT], USER)
    assert smtp_tls.mailbox.logins == [PASSWORD.encode()]
    # The objector's objection not honoured is the only critical finding (scenario.py).
    assert message["Subject"] == "rekisteri, Testiyritys Oy: 1 kriittinen havainto"
    assert message["Message-ID"].endswith("@testiyritys.example>") and message["Date"]
    text = message.get_content()
    expected_lines = [f"{n}. {s['text']}" for n, s in enumerate(steps, start=1)]
    expected_lines += [f"   $ {s['command']}" for s in steps if s["command"]]
    assert [line for line in expected_lines if line not in text.splitlines()] == []
    assert [s["kind"] for s in steps] == ["apply_fixes", "approve_purge", "fix_consent_records"]
    assert f"Raportti: {result.last_line}" in text.splitlines()
    assert "kriittinen 1, korkea 3, keskitaso 1, matala 0" in text
    assert EMAIL_RE.findall(text) == []
    assert PASSWORD not in text and SIMULATOR_TOKEN not in text

    [(path, payload)] = webhook.posts
    assert path == "/hooks/T0/secret-path-token"
    assert payload == {
        "run_id": report["run"]["id"],
        "exit_code": 1,
        "subject": "rekisteri, Testiyritys Oy: 1 kriittinen havainto",
        "open_findings": {"critical": 1, "high": 3, "medium": 1, "low": 0},
        "next_steps": [
            {"kind": s["kind"], "command": s["command"], "text": s["text"]} for s in steps
        ],
        "report_path": result.last_line,
        "version": report["version"],
    }
    raw = json.dumps(payload)
    assert EMAIL_RE.findall(raw) == [] and PASSWORD not in raw and SIMULATOR_TOKEN not in raw


def test_an_untrusted_certificate_gets_no_password(
    simulator: StartSimulator,
    tmp_path: Path,
    run_cli: RunCli,
    smtp_tls: SmtpServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """STARTTLS to a server whose certificate the client cannot verify: no login, no mail."""
    scenario = build_scenario(simulator, tmp_path, notify=_notify(smtp_tls.port, None))
    prepare(scenario, run_cli)
    monkeypatch.setenv("REKISTERI_SMTP_PASSWORD", PASSWORD)
    stranger = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(stranger))
    monkeypatch.setenv("SSL_CERT_FILE", str(stranger))

    result = run_cli(scenario.config, "nightly")

    assert result.code == 1
    assert (smtp_tls.mailbox.logins, smtp_tls.mailbox.messages) == ([], [])
    [line] = result.stderr.strip().splitlines()
    assert "WARNING notify: email not sent via 127.0.0.1: SSLCertVerificationError" in line
    assert PASSWORD not in result.stderr


def test_failed_sends_are_logged_and_leave_the_exit_code(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli, webhook: Receiver
) -> None:
    """Nobody listening on the SMTP port and a webhook answering 500: exit 1 as without notify,
    one warning line each, and neither line names the recipient or the webhook's path."""
    notify = _notify(_free_port(), f"{webhook.url}/hooks/secret-part/broken", smtp_user="")
    scenario = build_scenario(simulator, tmp_path, notify=notify)
    prepare(scenario, run_cli)

    result = run_cli(scenario.config, "nightly")

    lines = result.stderr.strip().splitlines()
    assert result.code == 1 and Path(result.last_line).name == "report.html"
    assert len(lines) == 2, lines
    assert "WARNING notify: email not sent via 127.0.0.1: ConnectionRefusedError" in lines[0]
    assert lines[1].endswith("WARNING notify: webhook to 127.0.0.1 failed: HTTP 500")
    assert "secret-part" not in result.stderr and RECIPIENT not in result.stderr
    assert len(webhook.posts) == 1


def test_when_failure_stays_quiet_on_a_review_run(
    simulator: StartSimulator, tmp_path: Path, run_cli: RunCli, webhook: Receiver
) -> None:
    """when = "failure" sends nothing for a nightly that only needs review (exit 1)."""
    scenario = build_scenario(
        simulator, tmp_path, notify={"when": "failure", "webhook_url": webhook.url}
    )
    prepare(scenario, run_cli)

    assert run_cli(scenario.config, "nightly").code == 1
    assert webhook.posts == []


def test_when_decides_by_exit_code() -> None:
    """always: every run; review (default): exit 1 or worse; failure: exit 2 or worse."""
    table = {when: [wanted(when, code) for code in range(7)] for when in _WHENS}
    assert table == {
        "always": [True] * 7,
        "review": [False] + [True] * 6,
        "failure": [False, False] + [True] * 5,
    }


@pytest.mark.parametrize(
    ("notify", "expected"),
    [
        (
            {"webhook_url": "ftp://hooks.example/secret-x"},
            "notify.webhook_url: Value error, must be an http:// or https:// URL",
        ),
        (
            {"email_to": ["secret-x"], "smtp_host": "mail.example"},
            "notify.email_to: Value error, entry 1 is not an email address",
        ),
        (
            {"email_to": ["dpo@example.fi"]},
            "notify: Value error, email_to needs smtp_host (the server that sends the mail)",
        ),
    ],
)
def test_notify_config_errors_exit_2_without_echoing(
    tmp_path: Path, run_cli: RunCli, notify: dict[str, Any], expected: str
) -> None:
    """A [notify] that could never send is a config error naming the key, not the value."""
    config = make_config(tmp_path, "http://127.0.0.1:9", notify=notify)

    result = run_cli(config, "nightly")

    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"rekisteri: {config}: {expected}\n"
    assert "secret-x" not in result.stderr
