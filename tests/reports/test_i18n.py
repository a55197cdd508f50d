"""Tests for reports.i18n and the Finnish/English string tables."""

from __future__ import annotations

import string
from datetime import UTC, date, datetime

import pytest

from reports import lang_en, lang_fi
from reports.i18n import get_lang


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_languages_have_the_same_keys() -> None:
    """Every text exists in both languages."""
    assert set(lang_fi.STRINGS) ^ set(lang_en.STRINGS) == set()


def test_placeholders_match() -> None:
    """A text takes the same {placeholders} in Finnish and English."""
    mismatched = {
        key
        for key, text in lang_fi.STRINGS.items()
        if _fields(text) != _fields(lang_en.STRINGS[key])
    }
    assert mismatched == set()


def test_codes_and_closed_sets_are_translated() -> None:
    """Finding codes, severities, reasons, request types and results have both labels."""
    codes = (
        "OBJECTION_NOT_HONOURED",
        "SUPPRESSION_BREACH",
        "CONSENT_WITHDRAWN",
        "SOFT_OPT_IN_EXPIRED",
        "NO_MARKETING_BASIS",
        "CONSENT_INCOMPLETE",
        "DUPLICATE_CONTACT",
        "INVALID_EMAIL",
        "DSR_DUE_SOON",
        "DSR_OVERDUE",
        "DSR_IDENTITY_UNVERIFIED",
        "TRANSFER_WITHOUT_SAFEGUARD",
    )
    keys = [f"code.{c}" for c in codes] + [f"code_help.{c}" for c in codes]
    keys += [f"severity.{s}" for s in ("critical", "high", "medium", "low")]
    keys += [
        f"reason.{r}"
        for r in (
            "RETENTION_EXPIRED",
            "AFTER_WITHDRAWAL",
            "OBJECTED",
            "HARD_BOUNCE",
            "ERASURE_REQUEST",
        )
    ]
    keys += [f"request.{r}" for r in ("access", "erase", "rectify", "object", "restrict")]
    keys += [f"result.{r}" for r in ("done", "failed", "skipped", "planned")]
    keys += [f"action.{a}" for a in ("unsubscribe", "tag", "delete", "update")]
    for table in (lang_fi.STRINGS, lang_en.STRINGS):
        assert [k for k in keys if k not in table] == []
    assert lang_fi.STRINGS["code.NO_MARKETING_BASIS"] != lang_en.STRINGS["code.NO_MARKETING_BASIS"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fi",
            [
                "25.11.2026 klo 04.05 UTC",
                "25.11.2026 klo 07.05 UTC",
                "3.1.2026",
                "–",
                "0000-00-00 00:00:00",
            ],
        ),
        (
            "en",
            [
                "2026-11-25 04:05 UTC",
                "2026-11-25 07:05 UTC",
                "2026-01-03",
                "–",
                "0000-00-00 00:00:00",
            ],
        ),
    ],
)
def test_dates(language: str, expected: list[str]) -> None:
    """Dates are shown in UTC in the language's format; zero dates are shown as stored."""
    lang = get_lang(language)
    values = [
        datetime(2026, 11, 25, 4, 5, tzinfo=UTC),
        "2026-11-25T02:05:00-05:00",
        date(2026, 1, 3),
        None,
        "0000-00-00 00:00:00",
    ]
    assert [lang.dt(v) for v in values] == expected


def test_plurals_and_numbers() -> None:
    """Units take the right plural form and numbers the right thousands separator."""
    fi, en = get_lang("fi"), get_lang("en")
    assert [fi.unit("day", n) for n in (1, 5)] == ["1 päivä", "5 päivää"]
    assert [en.unit("month", n) for n in (1, 24)] == ["1 month", "24 months"]
    assert (fi.num(1234567), en.num(1234567)) == ("1\u00a0234\u00a0567", "1,234,567")


def test_unknown_values_and_language() -> None:
    """An unknown code is shown as is; an unknown language is refused."""
    assert get_lang("en").label("code", "NEW_CODE") == "NEW_CODE"
    with pytest.raises(ValueError, match="unsupported language 'sv'"):
        get_lang("sv")


def test_every_shared_vocabulary_value_has_labels() -> None:
    """Each value of compliance.codes (codes, severities, reasons, actions, scopes) is labelled."""
    from compliance import codes

    keys = [f"code.{c}" for c in codes.FindingCode] + [f"code_help.{c}" for c in codes.FindingCode]
    keys += [f"severity.{s}" for s in codes.Severity]
    keys += [f"reason.{r}" for r in codes.PurgeReason]
    keys += [f"action.{a}" for a in codes.ActionType]
    keys += [f"basis.{b}" for b in codes.Basis]
    keys += [f"scope.{s}" for s in codes.OBJECTION_SCOPES]
    keys += [f"consent_action.{a}" for a in codes.CONSENT_ACTIONS]
    assert [k for k in keys if k not in lang_fi.STRINGS or k not in lang_en.STRINGS] == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fi",
            [
                "25.10.2026 klo 02.30 EEST",
                "25.10.2026 klo 03.30 EEST",
                "25.10.2026 klo 03.30 EET",
                "25.10.2026 klo 04.30 EET",
            ],
        ),
        (
            "en",
            [
                "2026-10-25 02:30 EEST",
                "2026-10-25 03:30 EEST",
                "2026-10-25 03:30 EET",
                "2026-10-25 04:30 EET",
            ],
        ),
    ],
)
def test_times_in_the_controllers_zone_across_the_end_of_summer_time(
    language: str, expected: list[str]
) -> None:
    """Helsinki leaves summer time at 04:00 EEST on 25.10.2026: the repeated hour stays apart."""
    lang = get_lang(language, "Europe/Helsinki")
    moments = [datetime(2026, 10, 24, hour, 30, tzinfo=UTC) for hour in (23,)] + [
        datetime(2026, 10, 25, hour, 30, tzinfo=UTC) for hour in (0, 1, 2)
    ]
    assert [lang.dt(m) for m in moments] == expected


def test_dates_and_chart_labels_are_local_days() -> None:
    """A UTC evening is already the next day in Helsinki, for dates and chart labels alike."""
    lang = get_lang("fi", "Europe/Helsinki")
    late = "2026-12-31T22:30:00+00:00"
    assert (lang.dt(late), lang.short_dt(late)) == ("1.1.2027 klo 00.30 EET", "1.1. 00.30")
