"""The privacy notice generated from config.example.toml, section by section (SPEC 12), and its
content-hash version."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jobs.context import Context
from jobs.notice import notice_for
from jobs.settings import Secrets, Settings, load_settings
from reports.i18n import get_lang
from reports.notice_files import content_hash, documents, issued_versions, write_notice
from reports.notice_text import describe_notice
from tests.reports.htmlcheck import external_refs, parse

EXAMPLE = Path(__file__).resolve().parents[2] / "config.example.toml"
# GDPR articles each right is named by (Arts. 15-18, 20, 21, 7(3)) and the complaint (77).
RIGHT_ARTICLES = {
    "fi": [
        "15 art.",
        "16 art.",
        "17 art.",
        "18 art.",
        "20 art.",
        "21 art.",
        "7 art. 3 kohta",
        "77 art.",
    ],
    "en": [
        "Art. 15",
        "Art. 16",
        "Art. 17",
        "Art. 18",
        "Art. 20",
        "Art. 21",
        "Art. 7(3)",
        "Art. 77",
    ],
}
# The five objection purposes of the seed notice (henkilötietolaki 30 § style), in each language.
SCOPES = {
    "fi": [
        "suoramainonta",
        "etämyynti",
        "markkina- ja mielipidetutkimu",
        "henkilömatrikkel",
        "sukututkimu",
    ],
    "en": [
        "direct advertising",
        "distance selling",
        "market and opinion research",
        "person directories",
        "genealogy",
    ],
}


def _settings(**sections: dict[str, Any]) -> Settings:
    settings = load_settings(EXAMPLE)
    update = {
        name: getattr(settings, name).model_copy(update=values) for name, values in sections.items()
    }
    return settings.model_copy(update=update)


def _notice(settings: Settings) -> dict[str, Any]:
    return notice_for(
        Context(settings=settings, secrets=Secrets(api_token=None, suppression_key=None))
    )


def _sections(settings: Settings, code: str) -> dict[str, str]:
    """Section id -> all its text (paragraphs, items, subsections) in language `code`."""
    doc = describe_notice(_notice(settings), get_lang(code))
    out = {}
    for s in doc["sections"]:
        parts = [s["heading"], *s["paragraphs"], *s["items"], *s["after"]]
        for sub in s["subsections"]:
            parts += [sub["heading"], *sub["paragraphs"], *sub["items"], *sub["after"]]
            parts += [f"{label}: {'; '.join(values)}" for label, values in sub["fields"]]
        out[s["id"]] = "\n".join(parts)
    return out


@pytest.mark.parametrize("code", ["fi", "en"])
def test_every_article_13_section_is_present(code: str) -> None:
    """Controller, contact, purposes, data, sources, recipients, retention, security, cookies,
    rights, automated decisions and changes: each a section with content."""
    sections = _sections(load_settings(EXAMPLE), code)
    assert list(sections) == [
        "controller",
        "contact",
        "purposes",
        "data",
        "sources",
        "recipients",
        "retention",
        "security",
        "cookies",
        "rights",
        "automated",
        "changes",
    ]
    assert "Koko Juju" in sections["controller"] and "2905754-5" in sections["controller"]
    assert "leena.soukkala@gmail.com" in sections["contact"]


@pytest.mark.parametrize("code", ["fi", "en"])
def test_every_right_and_all_five_objection_scopes(code: str) -> None:
    """Arts. 15-18, 20, 21, 7(3) and the complaint to the authority from the config, with the
    five seed scopes and the lists each one takes the person off."""
    rights = _sections(load_settings(EXAMPLE), code)["rights"]
    for article in RIGHT_ARTICLES[code]:
        assert article in rights, article
    for scope in SCOPES[code]:
        assert scope in rights.lower(), scope
    assert "Tietosuojavaltuutetun toimisto" in rights and "https://tietosuoja.fi" in rights
    assert "leena.soukkala@gmail.com" in rights
    scope_line = next(line for line in rights.splitlines() if SCOPES[code][2] in line.lower())
    assert "Asiakaskyselyt" in scope_line and "Uutiskirje" not in scope_line


def test_finnish_notice_keeps_the_seed_headings_that_are_right() -> None:
    """A Finnish reader finds the seed's own headings."""
    html = (documents(_notice(load_settings(EXAMPLE)), language="fi", version=None, day=None))[
        "notice.fi.html"
    ]
    for heading in (
        "Rekisterinpitäjä",
        "Rekisteristä vastaava yhteyshenkilö",
        "Rekisterin tietosisältö",
        "Tietolähteet",
        "Rekisterin suojaus",
        "Evästeet",
        "Tarkastusoikeus",
        "Oikeus vaatia tiedon korjaamista",
    ):
        assert f">{heading}</h" in html, heading


def test_no_repealed_law_and_no_browsing_consent_claim() -> None:
    """RULES part C 1, 2 and 4: no henkilötietolaki, no 'using the site means acceptance', no
    'free once a year' or 'in writing' limits, in any of the three documents."""
    docs = documents(
        _notice(load_settings(EXAMPLE)), language="fi", version="v", day=date(2026, 1, 1)
    )
    for name, text in docs.items():
        lowered = text.lower()
        for banned in (
            "henkilötietolai",
            "523/1999",
            "käyttämällä verkkosivuamme",
            "hyväksyt tietojen",
            "ehtojen hyväksymiseksi",
            "kerran vuodessa",
            "kirjallisesti",
            "by using our website",
            "once a year",
        ):
            assert banned not in lowered, (name, banned)


@pytest.mark.parametrize(
    ("analytics", "consent_claimed"),
    [("none", False), ("anonymous_no_cookies", False), ("consent_banner", True)],
)
def test_cookies_say_exactly_what_the_config_declares(
    analytics: str, consent_claimed: bool
) -> None:
    """Only a declared consent banner makes the notice speak of cookie consent; the analytics
    processor is named as a recipient only when analytics is declared."""
    settings = _settings(cookies={"analytics": analytics, "consent_log": "Cookiebot"})
    for code, word in (("fi", "suostum"), ("en", "consent")):
        cookies = _sections(settings, code)["cookies"]
        assert (word in cookies.lower()) is consent_claimed, (code, cookies)
        assert ("Google LLC" in cookies) is (analytics != "none")
        assert ("Cookiebot" in cookies) is consent_claimed


def _retention_numbers(settings: Settings) -> list[str]:
    return re.findall(
        r"\d+ (?:päivää|kuukautta|tuntia|vuotta)", _sections(settings, "fi")["retention"]
    )


def test_retention_periods_are_the_enforced_settings() -> None:
    """Each period the job enforces appears with its unit, and changes with its setting."""
    example = _retention_numbers(load_settings(EXAMPLE))
    assert example == [
        "30 päivää",
        "24 kuukautta",  # after_withdrawal_days, customer_retention_months
        "24 kuukautta",  # soft_opt_in_months
        "24 kuukautta",  # customer_retention_months
        "24 tuntia",
        "24 kuukautta",  # objection_sla_hours, customer_retention_months
        "180 päivää",  # hard_bounce_days
        "36 kuukautta",
        "36 kuukautta",  # request_ and audit_retention_months
        "90 päivää",  # reports.keep_days
        "6 vuotta",
        "10 vuotta",  # Accounting Act (vouchers, books)
    ]
    changed = _settings(
        policy={
            "after_withdrawal_days": 45,
            "soft_opt_in_months": 12,
            "customer_retention_months": 18,
            "objection_sla_hours": 48,
            "hard_bounce_days": 200,
            "request_retention_months": 24,
            "audit_retention_months": 60,
        },
        reports={"keep_days": 30},
    )
    assert _retention_numbers(changed) == [
        "45 päivää",
        "18 kuukautta",
        "12 kuukautta",
        "18 kuukautta",
        "48 tuntia",
        "18 kuukautta",
        "200 päivää",
        "24 kuukautta",
        "60 kuukautta",
        "30 päivää",
        "6 vuotta",
        "10 vuotta",
    ]


def test_version_changes_with_a_policy_value_and_only_then() -> None:
    """Same config, same hash; one policy value or the cookie declaration changes it."""
    base = content_hash(_notice(load_settings(EXAMPLE)), language="fi")
    assert content_hash(_notice(load_settings(EXAMPLE)), language="fi") == base
    assert content_hash(_notice(_settings(policy={"hard_bounce_days": 181})), language="fi") != base
    assert (
        content_hash(
            _notice(_settings(cookies={"analytics": "anonymous_no_cookies"})), language="fi"
        )
        != base
    )


def test_written_notice_is_public_offline_and_keeps_its_first_date(tmp_path: Path) -> None:
    """Three files 0644 in notice-<date>-<hash>/; no external references; writing the same
    content later keeps the first date; a changed policy gets a new dated version."""
    notice = _notice(load_settings(EXAMPLE))
    version, folder, paths = write_notice(
        notice, root=tmp_path, language="fi", today=date(2026, 12, 3)
    )
    assert version == f"2026-12-03-{content_hash(notice, language='fi')}"
    assert folder == tmp_path / f"notice-{version}"
    assert sorted(p.name for p in paths) == ["notice.en.html", "notice.fi.html", "notice.md"]
    assert {oct(p.stat().st_mode & 0o777) for p in paths} == {"0o644"}
    for path in paths:
        assert version in path.read_text(encoding="utf-8")
    page = parse((folder / "notice.fi.html").read_text(encoding="utf-8"))
    assert page.lang == "fi" and external_refs(page) == []
    again, _, _ = write_notice(notice, root=tmp_path, language="fi", today=date(2027, 2, 1))
    assert again == version
    changed = _notice(_settings(policy={"hard_bounce_days": 200}))
    newer, _, _ = write_notice(changed, root=tmp_path, language="fi", today=date(2027, 2, 1))
    assert newer.startswith("2027-02-01-") and newer != version
    assert issued_versions(tmp_path) == {version: "2026-12-03", newer: "2027-02-01"}
