"""fetch_* generators over mocked HTTP, fed with recorded and synthetic payloads."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
import responses
from responses import matchers

from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.errors import MalformedResponseError
from sync.activecampaign.fetch import (
    fetch_contact_pages,
    fetch_fields,
    fetch_lists,
    fetch_memberships_collection,
    fetch_tags,
)
from sync.activecampaign.models import (
    Contact,
    ContactPage,
    ContactTag,
    FieldValue,
    MailingList,
    Membership,
    Tag,
)
from tests.sync.conftest import API, load_sample

CREATED = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def _raw_contact(cid: int) -> dict[str, Any]:
    return {
        "id": str(cid), "email": f"person{cid}@example.com", "firstName": f"P{cid}",
        "lastName": "", "phone": "", "cdate": "2026-01-05T07:00:00-05:00",
        "udate": "2026-01-05 12:00:00", "bounced_hard": "0", "bounced_soft": "0",
        "bounced_date": "0000-00-00",
    }  # fmt: skip


def _contact(cid: int) -> Contact:
    return Contact(
        cid, f"person{cid}@example.com", f"P{cid}", "", "", CREATED, CREATED, False, False, None
    )


class FakeContacts:
    """GET /contacts with id_greater/limit and include side-loading, like ActiveCampaign."""

    def __init__(self, ids: list[int], *, honour_include: bool = True) -> None:
        self.ids = ids
        self.honour_include = honour_include
        self.queries: list[dict[str, str]] = []

    def __call__(self, request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        query = dict(parse_qsl(urlsplit(str(request.url)).query))
        self.queries.append(query)
        matches = [i for i in sorted(self.ids) if i > int(query["id_greater"])]
        page = matches[: int(query["limit"])]
        total = str(len(matches))  # id_greater filters, so the total counts what is left
        body: dict[str, Any] = {
            "contacts": [_raw_contact(i) for i in page],
            "meta": {"total": total},
        }
        if "include" in query and self.honour_include:
            body["contactLists"] = [
                {"id": str(i), "contact": str(i), "list": "1", "status": "1",
                 "sdate": "2026-01-05T07:00:00-05:00", "udate": None, "unsubreason": None}
                for i in page
            ]  # fmt: skip
            body["contactTags"] = [
                {"id": str(100 + i), "contact": str(i), "tag": "3"} for i in page
            ]
            body["fieldValues"] = [
                {"id": str(200 + i), "contact": str(i), "field": "2", "value": "Yes",
                 "udate": "2026-01-05T07:00:00-05:00"}
                for i in page
            ]  # fmt: skip
        return 200, {}, json.dumps(body)


def _side_loaded_page(ids: list[int]) -> ContactPage:
    return ContactPage(
        contacts=tuple(_contact(i) for i in ids),
        memberships=tuple(Membership(i, 1, 1, CREATED, None, "") for i in ids),
        contact_tags=tuple(ContactTag(100 + i, i, 3) for i in ids),
        field_values=tuple(FieldValue(200 + i, i, 2, "Yes", CREATED) for i in ids),
    )


def test_contact_pages_with_side_loaded_records(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Three contacts in pages of two arrive as two pages with their lists, tags and values."""
    fake = FakeContacts([11, 3, 7])
    api.add_callback(responses.GET, f"{API}/contacts", callback=fake)
    pages = list(fetch_contact_pages(client, page_size=2))
    assert pages == [_side_loaded_page([3, 7]), _side_loaded_page([11])]
    assert fake.queries[0] == {
        "orders[id]": "ASC",
        "id_greater": "0",
        "limit": "2",
        "include": "contactLists,contactTags,fieldValues",
    }


def test_updated_after_is_sent_as_utc_iso(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """A Helsinki-time cursor with microseconds goes out as whole-second UTC ISO 8601."""
    fake = FakeContacts([])
    api.add_callback(responses.GET, f"{API}/contacts", callback=fake)
    helsinki = timezone(timedelta(hours=2))
    cursor = datetime(2026, 11, 25, 0, 0, 0, 999_999, tzinfo=helsinki)
    assert list(fetch_contact_pages(client, updated_after=cursor, include_related=False)) == []
    assert fake.queries == [
        {
            "orders[id]": "ASC",
            "id_greater": "0",
            "limit": "100",
            "filters[updated_after]": "2026-11-24T22:00:00+00:00",
        }
    ]


def test_naive_updated_after_is_refused(client: ActiveCampaignClient) -> None:
    """A naive cursor is ambiguous and refused before any request."""
    with pytest.raises(ValueError, match="updated_after must be timezone-aware"):
        list(fetch_contact_pages(client, updated_after=datetime(2026, 1, 1)))  # noqa: DTZ001


def test_contacts_without_side_loading(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """include_related=False asks for bare contacts and yields pages of contacts only."""
    fake = FakeContacts([5])
    api.add_callback(responses.GET, f"{API}/contacts", callback=fake)
    assert list(fetch_contact_pages(client, include_related=False)) == [
        ContactPage(contacts=(_contact(5),))
    ]
    assert "include" not in fake.queries[0]


def test_ignored_include_is_refused(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Contacts without the contactLists we asked for would erase consent state: refuse."""
    api.add_callback(
        responses.GET, f"{API}/contacts", callback=FakeContacts([5], honour_include=False)
    )
    with pytest.raises(MalformedResponseError) as caught:
        list(fetch_contact_pages(client))
    assert str(caught.value) == "GET /api/3/contacts: include ignored, no contactLists in the page"


def test_fetch_lists_fields_tags_from_samples(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """The recorded samples come back parsed, one request each (meta.total reached)."""
    first_page = {"limit": "100", "offset": "0"}
    for name, sample in [
        ("lists", "lists__GET_lists__200.json"),
        ("fields", "fields__GET_fields__200.json"),
        ("tags", "tags__GET_tags__200.json"),
    ]:
        api.get(
            f"{API}/{name}",
            json=load_sample(sample),
            match=[matchers.query_param_matcher(first_page)],
        )
    lists, fields, tags = (
        list(fetch_lists(client)),
        list(fetch_fields(client)),
        list(fetch_tags(client)),
    )
    assert (lists, [f.id for f in fields], tags[:2], len(api.calls)) == (
        [
            MailingList(1, "Email Subscription", "email-subscription"),
            MailingList(2, "Robert List", "robert-list"),
            MailingList(3, "Mark List", "mark-list"),
            MailingList(4, "", ""),
        ],
        [2, 1],
        [Tag(1, "one", "contact"), Tag(2, "two", "contact")],
        3,
    )


def test_memberships_collection_pages_by_offset(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """GET /contactLists is walked by offset until meta.total, a string."""
    blank = {"sdate": None, "udate": None, "unsubreason": None}
    rows = [
        {**blank, "contact": "1", "list": "1", "status": "1", "unsubreason": ""},
        {**blank, "contact": "1", "list": "2", "status": "2", "udate": "2026-01-05 12:00:00",
         "unsubreason": "too many mails"},
        {**blank, "contact": "2", "list": "1", "status": "0"},
    ]  # fmt: skip
    for offset, chunk in ((0, rows[:2]), (2, rows[2:])):
        api.get(
            f"{API}/contactLists",
            json={"contactLists": chunk, "meta": {"total": "3"}},
            match=[matchers.query_param_matcher({"limit": "2", "offset": str(offset)})],
        )
    assert list(fetch_memberships_collection(client, page_size=2)) == [
        Membership(1, 1, 1, None, None, ""),
        Membership(1, 2, 2, None, CREATED, "too many mails"),
        Membership(2, 1, 0, None, None, ""),
    ]
