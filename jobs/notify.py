"""After the nightly: tell a person by email (SMTP, STARTTLS by default) and/or a webhook.

A notification is a courtesy on top of the exit code and the report, never a reason for the
run to fail: every problem sending it is one warning line and the exit code stays as it was.
Nothing sent or logged holds a full email address or a secret; the log names no recipient and
no webhook path (chat webhooks carry their secret in the path).
"""

from __future__ import annotations

import json
import logging
import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from compliance.emails import mask_email
from jobs.context import Context
from jobs.settings import NotifySettings
from reports.i18n import get_lang
from reports.notify_text import body, subject, webhook_payload

log = logging.getLogger(__name__)

# when = always | review (exit 1 or worse) | failure (exit 2 or worse)
_LOWEST_CODE = {"always": 0, "review": 1, "failure": 2}
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def wanted(when: str, exit_code: int) -> bool:
    return exit_code >= _LOWEST_CODE[when]


def configured(settings: NotifySettings) -> bool:
    return bool(settings.webhook_url) or bool(settings.email_to and settings.smtp_host)


def notify(ctx: Context, report: dict[str, Any], report_path: Path, exit_code: int) -> None:
    """Send what [notify] asks for; failures are logged, never raised."""
    settings = ctx.settings.notify
    if not configured(settings) or not wanted(settings.when, exit_code):
        return
    controller = ctx.settings.controller
    lang = get_lang(controller.language, controller.timezone)
    secrets = [
        s.get_secret_value()
        for s in (ctx.secrets.api_token, ctx.secrets.smtp_password)
        if s is not None
    ]
    if settings.email_to and settings.smtp_host:
        title = _clean(subject(report, lang), secrets)
        text = _clean(body(report, lang, report_path), secrets)
        try:
            send_email(settings, ctx, title, text)
            log.info("notify: email sent to %d recipient(s)", len(settings.email_to))
        except (smtplib.SMTPException, OSError, ValueError) as exc:
            log.warning("notify: email not sent via %s: %s", settings.smtp_host, _reason(exc))
    if settings.webhook_url:
        payload = json.loads(
            _clean(json.dumps(webhook_payload(report, lang, report_path)), secrets)
        )
        host = urlsplit(settings.webhook_url).hostname or "?"
        try:
            post_webhook(settings, payload)
            log.info("notify: webhook to %s answered", host)
        except requests.RequestException as exc:
            log.warning("notify: webhook to %s failed: %s", host, _webhook_reason(exc))


def send_email(settings: NotifySettings, ctx: Context, title: str, text: str) -> None:
    message = EmailMessage()
    message["Subject"] = title
    message["From"] = settings.email_from or settings.email_to[0]
    message["To"] = ", ".join(settings.email_to)
    # Mail filters distrust messages without these; smtplib adds neither.
    message["Date"] = formatdate()
    message["Message-ID"] = make_msgid(domain=str(message["From"]).rpartition("@")[2] or None)
    message.set_content(text)
    host = settings.smtp_host or ""  # the caller checked it is set
    with smtplib.SMTP(host, settings.smtp_port, timeout=settings.timeout_seconds) as smtp:
        if settings.smtp_starttls:
            # The system's CA store (SSL_CERT_FILE is honoured): the password never goes out
            # over a connection whose certificate does not check out.
            smtp.starttls(context=ssl.create_default_context())
        password = ctx.secrets.smtp_password
        if settings.smtp_user:
            if password is None:
                raise ValueError("REKISTERI_SMTP_PASSWORD is not set for notify.smtp_user")
            smtp.login(settings.smtp_user, password.get_secret_value())
        smtp.send_message(message)


def post_webhook(settings: NotifySettings, payload: dict[str, Any]) -> None:
    url = settings.webhook_url or ""  # the caller checked it is set
    answer = requests.post(url, json=payload, timeout=settings.timeout_seconds)
    answer.raise_for_status()


def _clean(text: str, secrets: list[str]) -> str:
    """Mask every address (an inbox error may quote one) and blank any secret, just in case."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return _EMAIL.sub(lambda match: mask_email(match.group()), text)


def _reason(exc: BaseException) -> str:
    # SMTP errors carry the server's answer (no secret); the text is masked anyway.
    detail = str(exc).strip() or type(exc).__name__
    return _EMAIL.sub(lambda match: mask_email(match.group()), f"{type(exc).__name__}: {detail}")


def _webhook_reason(exc: requests.RequestException) -> str:
    # requests' messages quote the URL, path and all; say only what kind of failure it was.
    if isinstance(exc, requests.HTTPError) and exc.response is not None:
        return f"HTTP {exc.response.status_code}"
    return type(exc).__name__
