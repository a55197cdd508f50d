"""Raw ActiveCampaign JSON to ``sync.activecampaign.models`` records.

ActiveCampaign sends numbers as strings ("5"), sometimes as numbers; dates as ISO 8601
with the account's offset, as zone-less "YYYY-MM-DD HH:MM:SS" (taken as UTC), or as
zero-dates / "" / null for "never". A record that cannot be read raises
``MalformedResponseError`` naming the endpoint and field, never the value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sync.activecampaign.errors import MalformedResponseError
from sync.activecampaign.models import (
    Contact,
    ContactTag,
    Field,
    FieldValue,
    MailingList,
    Membership,
    Tag,
)

_INT = re.compile(r"[+-]?\d+")


# The register stores ids and counts as SQLite INTEGERs: signed 64-bit. A 20-digit "id" is
# not an id ActiveCampaign issues, so it is a malformed answer, not a crash in the store.
INT_LIMIT = 2**63 - 1


def to_int(value: object) -> int:
    """An integer sent as a JSON number or a numeric string; ``ValueError`` otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _INT.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        raise ValueError("not an integer")
    if not -INT_LIMIT <= number <= INT_LIMIT:
        raise ValueError("not an integer in the 64-bit range")
    return number


def to_bool(value: object) -> bool:
    """ActiveCampaign flags: "0"/"1", 0/1 or JSON booleans."""
    if isinstance(value, bool):
        return value
    number = to_int(value)
    if number not in (0, 1):
        raise ValueError("not a 0/1 flag")
    return number == 1


def parse_ac_datetime(value: object) -> datetime | None:
    """An aware UTC datetime, or None for "never"; ``ValueError`` for anything else."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("not a date string")
    text = value.strip()
    if not text or text.startswith("0000-00-00"):
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        # Zone-less stamps (*_timestamp, bare dates) carry no offset to honour.
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


class _Record:
    """Typed reads of one raw record; failures name endpoint, record kind and field."""

    def __init__(self, raw: object, *, source: str, kind: str) -> None:
        self.source = source
        self.kind = kind
        if not isinstance(raw, Mapping):
            raise MalformedResponseError(f"{source}: a {kind} record is not a JSON object")
        self.raw: Mapping[str, Any] = raw

    def _error(self, name: str, what: str) -> MalformedResponseError:
        return MalformedResponseError(f"{self.source}: {self.kind}.{name} {what}")

    def integer(self, name: str) -> int:
        if self.raw.get(name) is None:
            raise self._error(name, "is missing")
        try:
            return to_int(self.raw[name])
        except ValueError as exc:
            raise self._error(name, f"is {exc}") from None

    def flag(self, name: str) -> bool:
        """Missing flags read as False: ActiveCampaign omits some on older records."""
        if self.raw.get(name) is None:
            return False
        try:
            return to_bool(self.raw[name])
        except ValueError:
            raise self._error(name, "is not a 0/1 flag") from None

    def optional_text(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise self._error(name, "is not a string")

    def text(self, name: str) -> str:
        return self.optional_text(name) or ""

    def required_text(self, name: str) -> str:
        if name not in self.raw:
            raise self._error(name, "is missing")
        return self.text(name)

    def when(self, name: str) -> datetime | None:
        try:
            return parse_ac_datetime(self.raw.get(name))
        except ValueError:
            raise self._error(name, "is not a date") from None


def parse_contact(raw: object, *, source: str = "contacts") -> Contact:
    r = _Record(raw, source=source, kind="contact")
    return Contact(
        id=r.integer("id"),
        email=r.required_text("email"),
        first_name=r.text("firstName"),
        last_name=r.text("lastName"),
        phone=r.text("phone"),
        cdate=r.when("cdate"),
        udate=r.when("udate"),
        bounced_hard=r.flag("bounced_hard"),
        bounced_soft=r.flag("bounced_soft"),
        bounced_date=r.when("bounced_date"),
        # "ip" is an IPv4 address as an integer string, "0" when none was recorded.
        web_tracked=r.text("ip").strip() not in ("", "0") or bool(r.text("ua").strip()),
    )


def parse_membership(raw: object, *, source: str = "contactLists") -> Membership:
    r = _Record(raw, source=source, kind="contactList")
    return Membership(
        contact_id=r.integer("contact"),
        list_id=r.integer("list"),
        status=r.integer("status"),
        sdate=r.when("sdate"),
        udate=r.when("udate"),
        unsubreason=r.text("unsubreason"),
        campaign=r.text("campaign"),
        message=r.text("message"),
    )


def parse_tag(raw: object, *, source: str = "tags") -> Tag:
    r = _Record(raw, source=source, kind="tag")
    return Tag(id=r.integer("id"), tag=r.required_text("tag"), tag_type=r.text("tagType"))


def parse_contact_tag(raw: object, *, source: str = "contactTags") -> ContactTag:
    r = _Record(raw, source=source, kind="contactTag")
    return ContactTag(id=r.integer("id"), contact_id=r.integer("contact"), tag_id=r.integer("tag"))


def parse_field(raw: object, *, source: str = "fields") -> Field:
    r = _Record(raw, source=source, kind="field")
    return Field(
        id=r.integer("id"),
        title=r.required_text("title"),
        type=r.text("type"),
        perstag=r.text("perstag"),
    )


def parse_field_value(raw: object, *, source: str = "fieldValues") -> FieldValue:
    r = _Record(raw, source=source, kind="fieldValue")
    return FieldValue(
        id=r.integer("id"),
        contact_id=r.integer("contact"),
        field_id=r.integer("field"),
        value=r.optional_text("value"),
        udate=r.when("udate"),
    )


def parse_list(raw: object, *, source: str = "lists") -> MailingList:
    r = _Record(raw, source=source, kind="list")
    return MailingList(id=r.integer("id"), name=r.text("name"), stringid=r.text("stringid"))


def records(body: Mapping[str, Any], key: str, *, source: str) -> list[Any]:
    """``body[key]`` as a list; absent or null reads as empty, anything else is malformed."""
    value = body.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise MalformedResponseError(f"{source}: '{key}' is not a list")
    return value
