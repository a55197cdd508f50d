"""Pagination: two small state machines (no I/O) and the loops that drive them.

A paginator that trusts a misbehaving API can walk forever or stop early without a word;
each one here has a loop guard that turns such an API into ``MalformedResponseError``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

from sync.activecampaign.errors import MalformedResponseError, endpoint_label
from sync.activecampaign.parse import records, to_int

MAX_PAGE_SIZE = 100  # ActiveCampaign's documented maximum `limit`
DEFAULT_MAX_PAGES = 100_000


class Getter(Protocol):
    def get(self, path: str, params: Mapping[str, str | int] | None = None) -> dict[str, Any]: ...


def _check_page_size(page_size: int) -> int:
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    return page_size


class KeysetPaginator:
    """``orders[id]=ASC&id_greater=<last>&limit=<n>``, as ActiveCampaign advises for contacts.

    Finishes on an empty page, not on a short one: an API that quietly caps ``limit`` below
    what we asked would otherwise end the walk early, and a truncated full walk reads as
    mass deletion downstream.
    """

    def __init__(
        self, *, page_size: int = MAX_PAGE_SIZE, start_after: int = 0, source: str
    ) -> None:
        self.page_size = _check_page_size(page_size)
        self.last_id = start_after
        self.source = source
        self.finished = False
        self.pages = 0

    def params(self) -> dict[str, str]:
        return {"orders[id]": "ASC", "id_greater": str(self.last_id), "limit": str(self.page_size)}

    def advance(self, ids: Sequence[int]) -> None:
        """Take in one page's ids, in order; they must all exceed the previous ones."""
        for record_id in ids:
            if record_id <= self.last_id:
                # The API ignored id_greater or ordering: following it would loop forever.
                raise MalformedResponseError(
                    f"{self.source}: ids did not increase past id_greater (keyset ignored)"
                )
            self.last_id = record_id
        self.pages += 1
        self.finished = not ids


class OffsetPaginator:
    """``limit``/``offset`` until ``meta.total`` (or, without it, a short page)."""

    def __init__(
        self, *, page_size: int = MAX_PAGE_SIZE, max_pages: int = DEFAULT_MAX_PAGES, source: str
    ) -> None:
        self.page_size = _check_page_size(page_size)
        self.max_pages = max_pages
        self.source = source
        self.offset = 0
        self.pages = 0
        self.finished = False

    def params(self) -> dict[str, str]:
        return {"limit": str(self.page_size), "offset": str(self.offset)}

    def advance(self, count: int, total: int | None) -> None:
        """Take in one page's record count and the ``meta.total`` it reported."""
        self.pages += 1
        self.offset += count
        if total is not None:
            # Trust the total over page length: ActiveCampaign may cap `limit` below ours.
            self.finished = count == 0 or self.offset >= total
        else:
            self.finished = count < self.page_size
        if not self.finished and self.pages >= self.max_pages:
            raise MalformedResponseError(f"{self.source}: more than {self.max_pages} pages")


def read_total(body: Mapping[str, Any], *, source: str) -> int | None:
    """``meta.total`` (a string in ActiveCampaign's answers) as int, None when absent."""
    meta = body.get("meta")
    if not isinstance(meta, Mapping) or meta.get("total") is None:
        return None
    try:
        return to_int(meta["total"])
    except ValueError:
        raise MalformedResponseError(f"{source}: meta.total is not an integer") from None


def _ids(items: list[Any], *, source: str) -> list[int]:
    try:
        return [to_int(item["id"]) for item in items]
    except (TypeError, KeyError, ValueError):
        raise MalformedResponseError(f"{source}: a record has no integer id") from None


def iter_keyset_pages(
    client: Getter,
    path: str,
    *,
    key: str,
    params: Mapping[str, str] | None = None,
    page_size: int = MAX_PAGE_SIZE,
    start_after: int = 0,
) -> Iterator[dict[str, Any]]:
    """Raw page bodies of a keyset walk over ``path`` whose records sit under ``key``."""
    source = endpoint_label("GET", path)
    paginator = KeysetPaginator(page_size=page_size, start_after=start_after, source=source)
    while not paginator.finished:
        body = client.get(path, {**(params or {}), **paginator.params()})
        if not isinstance(body.get(key), list):
            # Missing or null is not an empty page: an empty page ends the walk.
            raise MalformedResponseError(f"{source}: no '{key}' array in the answer")
        items = records(body, key, source=source)
        # id_greater is a filter, so meta.total counts this page and every one after it. An
        # empty page that still announces records would end the walk early, and a walk cut
        # short reads as deletions downstream.
        total = read_total(body, source=source)
        if total is not None and (total < len(items) or (not items and total > 0)):
            raise MalformedResponseError(
                f"{source}: meta.total {total} disagrees with the {len(items)} records on the page"
            )
        paginator.advance(_ids(items, source=source))
        if not paginator.finished:
            yield body


def iter_offset_pages(
    client: Getter,
    path: str,
    *,
    key: str,
    params: Mapping[str, str] | None = None,
    page_size: int = MAX_PAGE_SIZE,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Iterator[dict[str, Any]]:
    """Raw page bodies of an offset walk; a page repeating the last one stops the walk."""
    source = endpoint_label("GET", path)
    paginator = OffsetPaginator(page_size=page_size, max_pages=max_pages, source=source)
    previous: list[Any] | None = None
    while not paginator.finished:
        body = client.get(path, {**(params or {}), **paginator.params()})
        items = records(body, key, source=source)
        if items and items == previous:
            raise MalformedResponseError(
                f"{source}: the same page came back twice (offset ignored)"
            )
        previous = items
        paginator.advance(len(items), read_total(body, source=source))
        if items:
            yield body
