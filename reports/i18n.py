"""Language support: one flat string table per language plus date, number and plural formatting."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from reports import lang_en, lang_fi

LANGUAGES: dict[str, Mapping[str, str]] = {"fi": lang_fi.STRINGS, "en": lang_en.STRINGS}

# Strings that look like the dates ActiveCampaign and the register hand us; only these are
# reformatted, anything else is shown exactly as stored.
_DATE_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
_UNITS = ("hour", "day", "month", "year")
# Babel patterns: fi '25.10.2026 klo 03.30', en '2026-10-25 03:30'; the zone's abbreviation
# (EEST / EET) follows, so the hour repeated when summer time ends is never ambiguous.
_DATETIME = {"fi": "d.M.yyyy 'klo' HH.mm", "en": "yyyy-MM-dd HH:mm"}
_SHORT = {"fi": "d.M. HH.mm", "en": "MM-dd HH:mm"}
_DATE = {"fi": "d.M.yyyy", "en": "yyyy-MM-dd"}


@dataclass(frozen=True)
class Lang:
    """Strings and formatting for one language; passed to templates as `lang`."""

    code: str
    strings: Mapping[str, str]
    # controller.timezone: every time a person reads is shown in it (JSON keeps UTC)
    zone: str = "UTC"

    def t(self, key: str, **params: Any) -> str:
        """The text for `key`; a missing key is a bug, so it raises (tests keep fi and en equal)."""
        text = self.strings[key]
        return text.format(**params) if params else text

    def label(self, group: str, value: Any) -> str:
        """Translated label of a closed-set value (finding code, severity ...); unknown values
        (a newer code than this table) are shown as they are rather than hidden."""
        if value is None:
            return self.strings["common.none"]
        return self.strings.get(f"{group}.{value}", str(value))

    def has(self, key: str) -> bool:
        return key in self.strings

    def num(self, value: Any) -> str:
        """Integer with the language's thousands separator (fi: no-break space, en: comma)."""
        if not isinstance(value, int) or isinstance(value, bool):
            return "" if value is None else str(value)
        text = f"{value:,}"
        return text.replace(",", "\u00a0") if self.code == "fi" else text

    def count(self, key: str, n: int) -> str:
        """'1 kontakti' / '5 contacts': the `key.one` or `key.other` text with `n` filled in."""
        form = "one" if abs(n) == 1 else "other"
        return self.t(f"{key}.{form}", n=self.num(n))

    def unit(self, unit: str, count: int) -> str:
        """'3 päivää' / '1 day': count with the right plural form of hour, day, month or year."""
        if unit not in _UNITS:
            raise ValueError(f"unknown unit {unit!r}")
        return self.count(f"unit.{unit}", count)

    def dt(self, value: Any) -> str:
        """A date or datetime for people, in the controller's zone: fi '24.11.2026 klo 22.00 EET',
        en '2026-11-24 22:00 EET'. Naive datetimes are UTC, as the register stores them."""
        parsed = _parse(value)
        if parsed is None:
            return self.strings["common.none"] if value in (None, "") else str(value)
        if isinstance(parsed, datetime):
            moment = self.local(parsed)
            text = format_datetime(moment, _DATETIME[self.code], locale=self.code)
            return f"{text} {moment.tzname()}"
        return format_date(parsed, _DATE[self.code], locale=self.code)

    def short_dt(self, value: Any) -> str:
        """Compact run label for chart axes, in the controller's zone: fi '24.11. 22.00'."""
        parsed = _parse(value)
        if not isinstance(parsed, datetime):
            return str(value)
        return format_datetime(self.local(parsed), _SHORT[self.code], locale=self.code)

    def local(self, moment: datetime) -> datetime:
        """`moment` in the controller's zone (naive means UTC)."""
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return aware.astimezone(ZoneInfo(self.zone))

    def value(self, value: Any) -> str:
        """Any scalar from ActiveCampaign or the register, formatted for a reader."""
        if value is None or value == "":
            return self.strings["common.none"]
        if isinstance(value, bool):
            return self.strings["common.yes" if value else "common.no"]
        if isinstance(value, datetime | date) or (
            isinstance(value, str) and looks_like_date(value)
        ):
            return self.dt(value)
        return str(value)


def zone_of(controller: Mapping[str, Any] | None) -> str:
    """The controller's time zone from a report's or letter's `controller` block."""
    return str((controller or {}).get("timezone") or "UTC")


def looks_like_date(text: str) -> bool:
    """True for ISO dates/datetimes and ActiveCampaign's 'YYYY-MM-DD HH:MM:SS' (not zero dates)."""
    return bool(_DATE_RE.match(text)) and not text.startswith("0000")


def _parse(value: Any) -> datetime | date | None:
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str) or not looks_like_date(value):
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def get_lang(language: str, zone: str | None = None) -> Lang:
    """The `Lang` for 'fi' or 'en' showing times in `zone` (an IANA name, default UTC);
    anything else is a caller bug (settings restrict both)."""
    try:
        return Lang(code=language, strings=LANGUAGES[language], zone=zone or "UTC")
    except KeyError:
        known = sorted(LANGUAGES)
        raise ValueError(f"unsupported language {language!r}; use one of {known}") from None
