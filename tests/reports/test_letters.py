"""The letters about a request: fi/en HTML that works offline, 0600, with the facts it owes."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reports.i18n import get_lang
from reports.letters import KINDS, local_date, write_letter
from tests.jobs.test_requests import html_text

CONTROLLER = {
    "name": "Koko Juju",
    "business_id": "2905754-5",
    "contact": "tietosuoja@kokojuju.example",
    "timezone": "Europe/Helsinki",
    "complaint_authority": "Tietosuojavaltuutetun toimisto, tietosuoja.fi",
}
REQUEST = {
    "id": "R20270131-acc-0123abcd",
    "type": "access",
    "received_at": datetime(2027, 1, 31, 9, tzinfo=UTC),
    "due_at": datetime(2027, 2, 28, 9, tzinfo=UTC),
    "email_masked": "m***@example.fi",
}
FACTS: dict[str, dict[str, Any]] = {
    "extension": {
        "reason": "Tietoja haetaan kolmesta järjestelmästä.",
        "original_due": datetime(2027, 2, 28, 9, tzinfo=UTC),
        "new_due": datetime(2027, 4, 30, 9, tzinfo=UTC),
    },
    "refusal": {"reason": "manifestly_unfounded", "details": "Pyyntö koski toista henkilöä."},
    "erasure": {"contacts_deleted": 2, "suppression_row": True, "recipients": ["AC, US – x"]},
    "rectification": {"changes": [("Puhelinnumero", "+358 40 1")], "recipients": []},
}


def _write(tmp_path: Path, kind: str, language: str) -> Path:
    return write_letter(
        kind,
        out_dir=tmp_path / "requests" / REQUEST["id"],
        language=language,
        controller=CONTROLLER,
        request=REQUEST,
        facts=FACTS[kind],
        generated_at=datetime(2027, 2, 10, 12, tzinfo=UTC),
    )


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_letter_is_private_offline_html_in_its_language(
    tmp_path: Path, kind: str, language: str
) -> None:
    """0600 in a 0700 folder, <html lang>, a CSP that loads nothing, the controller and the
    authority named, the request's reference and masked address shown."""
    path = _write(tmp_path, kind, language)

    html = path.read_text(encoding="utf-8")
    lang, text = html_text(path)
    modes = (stat.S_IMODE(path.stat().st_mode), stat.S_IMODE(path.parent.stat().st_mode))
    assert (path.name, lang, modes) == (f"{kind}.html", language, (0o600, 0o700))
    assert "default-src 'none'" in html and "<script" not in html and 'src="http' not in html
    assert get_lang(language).t(f"{kind}.title") in text
    for fact in ("Koko Juju", CONTROLLER["complaint_authority"], REQUEST["id"], "m***@example.fi"):
        assert fact in text


def test_extension_letter_gives_both_deadlines_and_the_reason(tmp_path: Path) -> None:
    """The person learns the old and the new deadline and why (Art. 12(3))."""
    _, text = html_text(_write(tmp_path, "extension", "fi"))

    assert "28.2.2027" in text and "30.4.2027" in text
    assert "Tietoja haetaan kolmesta järjestelmästä." in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", ("ilmeisen perusteeton", "tuomioistuimen", "Pyyntö koski toista henkilöä.")),
        ("en", ("manifestly unfounded", "judicial remedy", "Pyyntö koski toista henkilöä.")),
    ],
)
def test_refusal_letter_gives_the_reason_and_every_remedy(
    tmp_path: Path, language: str, words: tuple[str, ...]
) -> None:
    """Art. 12(4): the reason, the complaint to the authority and a judicial remedy."""
    _, text = html_text(_write(tmp_path, "refusal", language))

    assert [w for w in words if w not in text] == []


def test_erasure_and_rectification_letters_name_the_recipients(tmp_path: Path) -> None:
    """Art. 19: the recipients told of the change are listed, or that there are none."""
    _, erasure = html_text(_write(tmp_path, "erasure", "en"))
    _, rectification = html_text(_write(tmp_path, "rectification", "en"))

    assert "AC, US – x" in erasure
    assert get_lang("en").t("letter.no_recipients") in rectification
    assert "+358 40 1" in rectification


def test_dates_are_the_controllers_local_days() -> None:
    """23:30 UTC on 31 March is already 1 April in Helsinki."""
    moment = datetime(2027, 3, 31, 23, 30, tzinfo=UTC)

    assert (local_date(moment, CONTROLLER), local_date(moment, {"timezone": "UTC"})) == (
        datetime(2027, 4, 1).date(),
        datetime(2027, 3, 31).date(),
    )
