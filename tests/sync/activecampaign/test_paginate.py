"""Paginators as plain objects, and the walks that drive them over mocked HTTP."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests
import responses

from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.errors import MalformedResponseError
from sync.activecampaign.paginate import (
    KeysetPaginator,
    OffsetPaginator,
    iter_keyset_pages,
    iter_offset_pages,
    read_total,
)
from tests.sync.conftest import API

SOURCE = "GET /api/3/contacts"


def _query(request: requests.PreparedRequest) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(str(request.url)).query))


class FakeCollection:
    """A callback serving ``{key: [...], meta: {total}}`` with keyset and offset paging."""

    def __init__(
        self, key: str, ids: list[int], *, cap: int = 100, keyset: bool = True, total: bool = True
    ) -> None:
        self.key, self.ids, self.cap, self.keyset, self.total = key, ids, cap, keyset, total
        self.queries: list[dict[str, str]] = []

    def __call__(self, request: requests.PreparedRequest) -> tuple[int, dict[str, str], str]:
        query = _query(request)
        self.queries.append(query)
        rows = sorted(self.ids)
        if self.keyset and "id_greater" in query:
            rows = [i for i in rows if i > int(query["id_greater"])]
        offset = int(query.get("offset", "0"))
        page = rows[offset : offset + min(int(query.get("limit", "20")), self.cap)]
        body: dict[str, Any] = {self.key: [{"id": str(i)} for i in page]}
        if self.total:
            body["meta"] = {"total": str(len(rows))}  # a string, as ActiveCampaign sends it
        return 200, {}, json.dumps(body)


def _ids(pages: list[dict[str, Any]], key: str) -> list[list[int]]:
    return [[int(r["id"]) for r in page[key]] for page in pages]


def test_keyset_paginator_walks_and_stops_on_empty_page() -> None:
    """Params follow the last id seen; an empty page finishes the walk."""
    paginator = KeysetPaginator(page_size=2, source=SOURCE)
    seen = []
    for ids in ([3, 5], [8], []):
        seen.append(paginator.params())
        paginator.advance(ids)
    assert (seen, paginator.finished, paginator.pages) == (
        [
            {"orders[id]": "ASC", "id_greater": "0", "limit": "2"},
            {"orders[id]": "ASC", "id_greater": "5", "limit": "2"},
            {"orders[id]": "ASC", "id_greater": "8", "limit": "2"},
        ],
        True,
        3,
    )


@pytest.mark.parametrize(
    "pages",
    [
        [[3, 2]],  # not increasing within a page
        [[3, 3]],  # repeated id
        [[3, 5], [5, 6]],  # next page not past id_greater
        [[3, 5], [1, 2]],  # API ignored id_greater and started over
    ],
)
def test_keyset_guard_rejects_ids_that_do_not_increase(pages: list[list[int]]) -> None:
    """Any id not above the previous one is a MalformedResponseError, not a loop."""
    paginator = KeysetPaginator(page_size=2, source=SOURCE)
    with pytest.raises(MalformedResponseError) as caught:
        for ids in pages:
            paginator.advance(ids)
    assert str(caught.value) == f"{SOURCE}: ids did not increase past id_greater (keyset ignored)"


@pytest.mark.parametrize("page_size", [0, 101])
def test_page_size_is_bounded_by_the_api_maximum(page_size: int) -> None:
    """ActiveCampaign caps limit at 100; asking for more is a configuration error."""
    with pytest.raises(ValueError, match="page_size must be between 1 and 100"):
        KeysetPaginator(page_size=page_size, source=SOURCE)


@pytest.mark.parametrize(
    ("counts", "total", "offsets"),
    [
        ([2, 2, 1], 5, [0, 2, 4]),  # stops at meta.total
        ([2, 2], 4, [0, 2]),  # exact multiple: no extra empty request
        ([1, 1, 1], 3, [0, 1, 2]),  # API capped limit below ours: total keeps it going
        ([2, 0], 9, [0, 2]),  # rows vanished mid-walk: empty page stops
        ([2, 1], None, [0, 2]),  # no total: a short page stops
    ],
)
def test_offset_paginator_stops_at_total_or_short_page(
    counts: list[int], total: int | None, offsets: list[int]
) -> None:
    """meta.total decides when known; otherwise a short page ends the walk."""
    paginator = OffsetPaginator(page_size=2, source=SOURCE)
    asked = []
    for count in counts:
        assert not paginator.finished
        asked.append(int(paginator.params()["offset"]))
        paginator.advance(count, total)
    assert (asked, paginator.finished) == (offsets, True)


def test_offset_paginator_page_cap() -> None:
    """More pages than max_pages is treated as a runaway API."""
    paginator = OffsetPaginator(page_size=1, max_pages=2, source=SOURCE)
    paginator.advance(1, 10)
    with pytest.raises(MalformedResponseError, match=r"^GET /api/3/contacts: more than 2 pages$"):
        paginator.advance(1, 10)


@pytest.mark.parametrize(
    ("body", "total"),
    [
        ({"meta": {"total": "6"}}, 6),
        ({"meta": {"total": 25}}, 25),
        ({}, None),
        ({"meta": {}}, None),
    ],
)
def test_read_total(body: dict[str, Any], total: int | None) -> None:
    """meta.total reads as int whether string or number, None when absent."""
    assert read_total(body, source=SOURCE) == total


def test_read_total_rejects_junk() -> None:
    """A non-numeric meta.total is malformed."""
    with pytest.raises(MalformedResponseError, match="meta.total is not an integer"):
        read_total({"meta": {"total": "many"}}, source=SOURCE)


def test_keyset_walk_over_several_pages(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Seven contacts in pages of three: three full-or-short pages, then one empty request."""
    fake = FakeCollection("contacts", [4, 9, 1, 12, 7, 30, 2])
    api.add_callback(responses.GET, f"{API}/contacts", callback=fake)
    pages = list(
        iter_keyset_pages(client, "contacts", key="contacts", params={"x": "y"}, page_size=3)
    )
    assert _ids(pages, "contacts") == [[1, 2, 4], [7, 9, 12], [30]]
    assert [(q["id_greater"], q["limit"], q["orders[id]"], q["x"]) for q in fake.queries] == [
        ("0", "3", "ASC", "y"),
        ("4", "3", "ASC", "y"),
        ("12", "3", "ASC", "y"),
        ("30", "3", "ASC", "y"),
    ]


def test_keyset_walk_survives_a_capped_limit(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """An API returning fewer rows than asked does not end the walk early."""
    fake = FakeCollection("contacts", list(range(1, 8)), cap=2)
    api.add_callback(responses.GET, f"{API}/contacts", callback=fake)
    pages = list(iter_keyset_pages(client, "contacts", key="contacts", page_size=5))
    assert _ids(pages, "contacts") == [[1, 2], [3, 4], [5, 6], [7]]


def test_keyset_walk_stops_when_id_greater_is_ignored(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """An API that ignores id_greater raises after the second page instead of looping."""
    fake = FakeCollection("contacts", [1, 2, 3, 4], keyset=False)
    api.add_callback(responses.GET, f"{API}/contacts", callback=fake)
    walk = iter_keyset_pages(client, "contacts", key="contacts", page_size=2)
    first = next(walk)
    with pytest.raises(MalformedResponseError, match="keyset ignored"):
        next(walk)
    assert (_ids([first], "contacts"), len(fake.queries)) == ([[1, 2]], 2)


def test_offset_walk_stops_at_string_total(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Five tags in pages of two: three requests, the walk ends at meta.total "5"."""
    fake = FakeCollection("tags", [1, 2, 3, 4, 5], keyset=False)
    api.add_callback(responses.GET, f"{API}/tags", callback=fake)
    pages = list(iter_offset_pages(client, "tags", key="tags", page_size=2))
    assert (_ids(pages, "tags"), [q["offset"] for q in fake.queries]) == (
        [[1, 2], [3, 4], [5]],
        ["0", "2", "4"],
    )


def test_offset_walk_without_total_stops_on_short_page(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Without meta.total the first short page is the last."""
    fake = FakeCollection("lists", [1, 2, 3], keyset=False, total=False)
    api.add_callback(responses.GET, f"{API}/lists", callback=fake)
    pages = list(iter_offset_pages(client, "lists", key="lists", page_size=2))
    assert (_ids(pages, "lists"), len(fake.queries)) == ([[1, 2], [3]], 2)


def test_offset_walk_detects_an_ignored_offset(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """The same full page twice means offset is ignored: stop with an error, not loop."""
    api.get(f"{API}/contactLists", json={"contactLists": [{"id": "1"}, {"id": "2"}]})
    walk = iter_offset_pages(client, "contactLists", key="contactLists", page_size=2)
    next(walk)
    with pytest.raises(MalformedResponseError, match="the same page came back twice"):
        next(walk)
