"""Which contacts GET /contacts returns: filters, keyset and offset paging, id order.

Semantics:
- `id_greater=N` / `id_less=N`: ids strictly above / below N.
- `email`: exact match, case-insensitive, surrounding whitespace ignored; `email_like`: contains.
- `listid` and `status` (-1 = any): a membership on that list (any list if no listid) with
  that status.
- `tagid`: has the tag. `search`: contains, in email or names.
- `filters[updated_after]` / `filters[created_after]`: udate / cdate >= the moment (inclusive);
  `filters[updated_before]` / `filters[created_before]`: strictly before. A moment is ISO 8601
  (`2026-11-24T22:00:00+00:00`, `...Z`, or a date); without an offset it is account-local time.
- `orders[id]=ASC|DESC` (default ASC). `meta.total` counts every match before offset/limit.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from datetime import UTC, datetime
from operator import attrgetter
from zoneinfo import ZoneInfo

from simulator.api import BadRequest, int_param, paging
from simulator.records import ContactRecord
from simulator.state import SimulatorState, email_key

_MOMENT_FILTERS = (
    ("filters[updated_after]", "udate", True),
    ("filters[updated_before]", "udate", False),
    ("filters[created_after]", "cdate", True),
    ("filters[created_before]", "cdate", False),
)


def parse_moment(raw: str, tz: ZoneInfo, name: str) -> datetime:
    """An ISO 8601 datetime or date; naive values are read in the account's zone."""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise BadRequest({"message": f"Invalid value for {name}"}) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def select_contacts(
    state: SimulatorState, query: Mapping[str, str]
) -> tuple[int, list[ContactRecord]]:
    """(total matches, the page of contacts); the caller holds `state.lock`.

    Filters named in `state.ignored_filters` are dropped first, as an account that ignores
    them would; the answer's `page_input` still echoes what was asked (the worst case).
    """
    if state.ignored_filters:
        query = {k: v for k, v in query.items() if k not in state.ignored_filters}
    limit, offset = paging(query)
    contacts = state.contacts
    ids: list[int] = state.contact_order
    if query.get("email", "").strip():
        ids = state.contact_ids_by_email(query["email"])
    start, end = 0, len(ids)
    if query.get("id_greater", "").strip():
        start = bisect.bisect_right(ids, int_param(query, "id_greater", 0))
    if query.get("id_less", "").strip():
        end = bisect.bisect_left(ids, int_param(query, "id_less", 0))
    ids = ids[start:end]
    for name, attribute, after in _MOMENT_FILTERS:
        if query.get(name, "").strip():
            moment = parse_moment(query[name], state.timezone, name)
            when = attrgetter(attribute)
            if after:
                ids = [i for i in ids if when(contacts[i]) >= moment]
            else:
                ids = [i for i in ids if when(contacts[i]) < moment]
    ids = _filter_lists(state, ids, query)
    if query.get("tagid", "").strip():
        tag_id = int_param(query, "tagid", 0)
        tagged = {t.contact_id for t in state.contact_tags.values() if t.tag_id == tag_id}
        ids = [i for i in ids if i in tagged]
    if query.get("email_like", "").strip():
        needle = email_key(query["email_like"])
        ids = [i for i in ids if needle in contacts[i].email.lower()]
    if query.get("search", "").strip():
        needle = query["search"].strip().lower()
        ids = [i for i in ids if needle in _searchable(contacts[i])]
    if query.get("orders[id]", "ASC").strip().upper() == "DESC":
        ids = ids[::-1]
    return len(ids), [contacts[i] for i in ids[offset : offset + limit]]


def _filter_lists(state: SimulatorState, ids: list[int], query: Mapping[str, str]) -> list[int]:
    list_id = int_param(query, "listid", 0)
    status = int_param(query, "status", -1)
    if list_id == 0 and status == -1:
        return ids
    matching = {
        m.contact_id
        for m in state.memberships.values()
        if (list_id == 0 or m.list_id == list_id) and (status == -1 or m.status == status)
    }
    return [i for i in ids if i in matching]


def _searchable(contact: ContactRecord) -> str:
    return f"{contact.email} {contact.first_name} {contact.last_name}".lower()
