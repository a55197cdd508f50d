"""Tests for reports.access.write_access: the Art. 15 letter and access.json."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reports.access import write_access
from reports.i18n import looks_like_date
from reports.ropa import Ropa, build_ropa
from tests.reports.htmlcheck import external_refs, parse
from tests.reports.samples import CONTROLLER, EEA, GENERATED_AT, LISTS, POLICY, PROCESSORS

# Values shown translated, reformatted or by name instead of verbatim (checked one by one below).
NOT_VERBATIM = {
    "status",
    "action",
    "scope",
    "purpose",
    "ip",
    "ip4",
    "ip4Sub",
    "list",
    "tag",
    "field",
    "links",
    "contact",
    "subscriberid",
    "id",
    "owner",
    "fieldValues",
}
DATA_FI = [
    "Tiina",
    "Virtanen",
    "+358 40 123 4567",
    "Luotu 2.3.2024 klo 15.15 UTC",
    "Päivitetty 1.11.2026 klo 13.00 UTC",
    "IP-osoite 192.168.1.1",
    "Kiinnostuksen kohteet joogakurssit 5.1.2025 klo 16.00 UTC",
    "Lista Uutiskirje Tila tilattu Liittynyt 2.3.2024 klo 15.15 UTC",
    "IP-osoite liityttäessä 192.168.1.1",
    "Lista Asiakaskyselyt Tila peruttu",
    "Peruutuksen syy liikaa viestejä",
    "joogaseikkailija 1.4.2024 klo 14.00 UTC",
    "Muistiinpano Soitti ja kysyi kevään kursseista",
    "Otsikko Kevätretriitti 2025",
    "Tila toteutunut",
    "Tila päättynyt",
    "Virhe mailbox full",
    "IP-osoite 66.249.90.235",
    "Kaupunki Tampere",
    "Sivustokäyntejä 3",
    "Uutiskirje (newsletter) annettu 2.3.2024 klo 15.15 UTC web_form w-2024-01 2024-02",
    "markkina- ja mielipidetutkimus 1.6.2025 klo 17.00 UTC email",
    "5.2.2025 klo 00.00 UTC kurssit",
    "Osoitteesi ei ole estolistalla.",
]
DATA_EN = [
    "Created 2024-03-02 15:15 UTC",
    "IP address 192.168.1.1",
    "Kiinnostuksen kohteet joogakurssit 2025-01-05 16:00 UTC",
    "List Uutiskirje Status subscribed",
    "List Asiakaskyselyt Status unsubscribed",
    "Status won",
    "Status completed",
    "Newsletter (newsletter) given 2024-03-02 15:15 UTC web_form w-2024-01 2024-02",
    "market and opinion research 2025-06-01 17:00 UTC email",
    "Your address is not on the suppression list.",
]


def _ropa() -> Ropa:
    return build_ropa(
        controller=CONTROLLER, lists=LISTS, processors=PROCESSORS, policy=POLICY, eea_countries=EEA
    )


def _write(tmp_path: Path, package: dict[str, Any], language: str) -> tuple[Path, Path]:
    return write_access(
        package,
        out_dir=tmp_path / "access",
        language=language,
        controller=CONTROLLER,
        ropa=_ropa(),
        generated_at=GENERATED_AT,
    )


def _verbatim_leaves(value: Any, key: str = "") -> Iterator[str]:
    """Every stored text that the letter should show exactly as stored."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in NOT_VERBATIM and not k.endswith("Names"):
                yield from _verbatim_leaves(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from _verbatim_leaves(item, key)
    elif isinstance(value, str) and value and not looks_like_date(value):
        yield value


@pytest.mark.parametrize(("language", "data"), [("fi", DATA_FI), ("en", DATA_EN)])
def test_letter_contains_every_datum(
    tmp_path: Path, package: dict[str, Any], language: str, data: list[str]
) -> None:
    """Every stored value of the package is in the letter, readable and in the language."""
    html_path, _ = _write(tmp_path, package, language)
    page = parse(html_path.read_text(encoding="utf-8"))
    missing = [v for v in _verbatim_leaves(package) if v not in page.text]
    assert missing == []
    assert [d for d in data if d not in page.text] == []
    assert page.lang == language
    assert external_refs(page) == []


def test_finnish_letter_information(tmp_path: Path, package: dict[str, Any]) -> None:
    """The Finnish letter gives the Art. 15(1)(a)-(h) and 15(2) information in proper Finnish."""
    html_path, _ = _write(tmp_path, package, "fi")
    html = html_path.read_text(encoding="utf-8")
    text = parse(html).text
    for phrase in (
        "Vastaus tarkastuspyyntöösi",
        "Koko Juju",
        "2905754-5",
        "Leena Soukkala",
        "tiina.virtanen@example.fi",
        "Kyllä. Käsittelemme sinua koskevia henkilötietoja.",
        "a) Käsittelyn tarkoitukset ja oikeusperusteet",
        "b) Henkilötietoryhmät",
        "c) Vastaanottajat",
        "ActiveCampaign, LLC, Yhdysvallat (US)",
        "Komission vakiosopimuslausekkeet (EU) 2021/914",
        "d) Säilytysajat",
        "e) Rekisteröidyn oikeudet",
        "(16 art.)",
        "(17 art.)",
        "(18 art.)",
        "(21 art.)",
        "Tietosuojavaltuutetun toimistolle (tietosuoja.fi)",
        "g) Mistä tiedot on saatu",
        "web_form",
        "h) Automaattinen päätöksenteko",
        "Emme tee sinusta automaattisia päätöksiä",
    ):
        assert phrase in text, phrase
    assert 'href="http' not in html and 'tietosuoja.fi"' not in html


def test_access_json(tmp_path: Path, package: dict[str, Any]) -> None:
    """access.json is the package itself plus controller, time, language and the information."""
    html_path, json_path = _write(tmp_path, package, "en")
    assert [stat.S_IMODE(p.stat().st_mode) for p in (html_path, json_path)] == [0o600, 0o600]
    assert stat.S_IMODE(json_path.parent.stat().st_mode) == 0o700
    document = json.loads(json_path.read_text(encoding="utf-8"))
    info = document.pop("information")
    extra = {k: document.pop(k) for k in ("controller", "generated_at", "language")}
    assert document == json.loads(json.dumps(package))
    assert extra == {
        "controller": CONTROLLER,
        "generated_at": "2026-11-25T06:30:00+00:00",
        "language": "en",
    }
    assert [p["title"] for p in info["purposes"]] == [
        "Newsletter",
        "Customer surveys",
        "Customer records and purchases",
        "Website analytics and cookies",
        "Handling data-subject requests",
        "Audit log of the register's own changes",
    ]
    assert info["transfers"] == [
        "ActiveCampaign, LLC, United States (US): Commission standard contractual clauses (EU) "
        "2021/914 (GDPR Art. 46(2)(c))",
        "Google LLC (Google Analytics), United States (US): EU–US Data Privacy Framework, "
        "Commission adequacy decision (EU) 2023/1795 (GDPR Art. 45)",
    ]
    assert set(info) == {
        "purposes",
        "categories",
        "recipients",
        "retention",
        "rights",
        "complaint",
        "source",
        "automated_decision_making",
        "transfers",
    }
    assert "Tietosuojavaltuutetun toimisto" in info["complaint"]


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "fi",
            [
                "Emme käsittele sinua koskevia henkilötietoja: osoitteeseen tuntematon@example.fi",
                "e) Rekisteröidyn oikeudet",
                "Tietosuojavaltuutetun toimistolle",
                "Tietojasi ei luovuteta kenellekään.",
                "Ei siirtoja EU:n/ETA:n ulkopuolelle.",
            ],
        ),
        (
            "en",
            [
                "We do not process personal data about you: no data linked to "
                "tuntematon@example.fi",
                "(e) Your rights",
                "Office of the Data Protection Ombudsman",
                "Your data is not disclosed to anyone.",
            ],
        ),
    ],
)
def test_not_found_letter(
    tmp_path: Path, empty_package: dict[str, Any], language: str, phrases: list[str]
) -> None:
    """An unknown address gets a letter saying no data is held, with the rights information."""
    html_path, json_path = _write(tmp_path, empty_package, language)
    text = parse(html_path.read_text(encoding="utf-8")).text
    for phrase in phrases:
        assert phrase in text, phrase
    assert "Sinusta tallennetut tiedot" not in text and "The data we hold" not in text
    info = json.loads(json_path.read_text(encoding="utf-8"))["information"]
    assert [p["title"] for p in info["purposes"]] == [
        "Rekisteröityjen pyyntöjen käsittely"
        if language == "fi"
        else "Handling data-subject requests"
    ]


def test_suppressed_only_letter(tmp_path: Path, empty_package: dict[str, Any]) -> None:
    """An erased objector is told that only the keyed hash on the suppression list remains."""
    empty_package["suppressed"] = True
    html_path, json_path = _write(tmp_path, empty_package, "en")
    text = parse(html_path.read_text(encoding="utf-8")).text
    assert "The only entry is on our suppression list" in text
    assert "Your address is on our suppression list" in text and "HMAC-SHA256" in text
    info = json.loads(json_path.read_text(encoding="utf-8"))["information"]
    assert [p["title"] for p in info["purposes"]] == [
        "Suppression list (objections and erased addresses)",
        "Handling data-subject requests",
    ]


def test_data_overrides_found_flag(tmp_path: Path, package: dict[str, Any]) -> None:
    """If the package holds data, the letter confirms processing even when found is False."""
    package["found"] = False
    html_path, _ = _write(tmp_path, package, "en")
    text = parse(html_path.read_text(encoding="utf-8")).text
    assert "Yes. We process personal data about you." in text
    assert "Kevätretriitti 2025" in text


def test_letter_states_only_the_periods_the_job_enforces(
    tmp_path: Path, package: dict[str, Any]
) -> None:
    """(d) storage periods: the [policy] periods the purge and the nightly enforce, nothing
    about analytics retention the job cannot enforce, no per-list period."""
    _, json_path = _write(tmp_path, package, "en")
    info = json.loads(json_path.read_text(encoding="utf-8"))["information"]
    assert info["retention"] == [
        {
            "title": "Newsletter",
            "retention": [
                "Until consent is withdrawn; deleted once 30 days have passed since the "
                "withdrawal (only a suppression entry may remain)",
                "A hard-bouncing address is deleted once 180 days have passed since the bounce",
            ],
        },
        {
            "title": "Customer surveys",
            "retention": [
                "Until consent is withdrawn; deleted once 30 days have passed since the "
                "withdrawal (only a suppression entry may remain)",
                "A hard-bouncing address is deleted once 180 days have passed since the bounce",
            ],
        },
        {
            "title": "Customer records and purchases",
            "retention": [
                "24 months after the last customer activity (purchase, consent or sign-up)",
                "Bookkeeping material (invoices and vouchers) is kept for the periods required "
                "by the Accounting Act in the bookkeeping system, not in the marketing register",
            ],
        },
        {
            "title": "Website analytics and cookies",
            "retention": [
                "Site-tracking data in ActiveCampaign are deleted together with the contact, by "
                "the periods above"
            ],
        },
        {
            "title": "Handling data-subject requests",
            "retention": [
                "36 months after the request was answered; a restriction is kept while it is in "
                "force (general limitation period; accountability, GDPR Art. 5(2))"
            ],
        },
        {
            "title": "Audit log of the register's own changes",
            "retention": ["36 months, then removed by the nightly run"],
        },
    ]
