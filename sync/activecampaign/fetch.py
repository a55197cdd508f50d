"""Read-side generators: walk ActiveCampaign collections, yield parsed records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from sync.activecampaign.errors import MalformedResponseError, endpoint_label
from sync.activecampaign.models import ContactPage, Field, MailingList, Membership, Tag
from sync.activecampaign.paginate import MAX_PAGE_SIZE, Getter, iter_keyset_pages, iter_offset_pages
from sync.activecampaign.parse import (
    parse_contact,
    parse_contact_tag,
    parse_field,
    parse_field_value,
    parse_list,
    parse_membership,
    parse_tag,
    records,
)

T = TypeVar("T", covariant=True)


class _Parse(Protocol[T]):
    def __call__(self, raw: object, *, source: str) -> T: ...


RELATED = ("contactLists", "contactTags", "fieldValues")


def _walk(
    client: Getter, path: str, parse: _Parse[T], *, page_size: int = MAX_PAGE_SIZE
) -> Iterator[T]:
    source = endpoint_label("GET", path)
    for body in iter_offset_pages(client, path, key=path, page_size=page_size):
        for raw in records(body, path, source=source):
            yield parse(raw, source=source)


def fetch_lists(client: Getter) -> Iterator[MailingList]:
    return _walk(client, "lists", parse_list)


def fetch_fields(client: Getter) -> Iterator[Field]:
    return _walk(client, "fields", parse_field)


def fetch_tags(client: Getter) -> Iterator[Tag]:
    return _walk(client, "tags", parse_tag)


def fetch_memberships_collection(
    client: Getter, *, page_size: int = MAX_PAGE_SIZE
) -> Iterator[Membership]:
    """Every (contact, list) status from the ``GET contactLists`` collection."""
    return _walk(client, "contactLists", parse_membership, page_size=page_size)


def updated_after_param(moment: datetime) -> str:
    """``2026-11-24T22:00:00+00:00``: UTC, whole seconds rounded down (never later)."""
    if moment.tzinfo is None:
        raise ValueError("updated_after must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def fetch_contact_pages(
    client: Getter,
    *,
    updated_after: datetime | None = None,
    page_size: int = MAX_PAGE_SIZE,
    include_related: bool = True,
) -> Iterator[ContactPage]:
    """Contacts in ascending id order, a page at a time, with their side-loaded records."""
    params: dict[str, str] = {}
    if updated_after is not None:
        params["filters[updated_after]"] = updated_after_param(updated_after)
    if include_related:
        params["include"] = ",".join(RELATED)
    for body in iter_keyset_pages(
        client, "contacts", key="contacts", params=params, page_size=page_size
    ):
        yield parse_contact_page(body, include_related=include_related)


def parse_contact_page(body: dict[str, Any], *, include_related: bool = True) -> ContactPage:
    """A ``GET contacts`` body (``contacts`` plus side-loaded arrays) as a ``ContactPage``."""
    source = endpoint_label("GET", "contacts")
    if not isinstance(body.get("contacts"), list):
        # `{}` or `contacts: null` is no page at all; read as empty it would end a full walk
        # at once and mark every mirrored contact deleted.
        raise MalformedResponseError(f"{source}: no 'contacts' array in the answer")
    contacts = tuple(
        parse_contact(r, source=source) for r in records(body, "contacts", source=source)
    )
    if not include_related:
        return ContactPage(contacts=contacts)
    if contacts and "contactLists" not in body:
        # `include` is undocumented; were it ignored, every contact would look list-less
        # and the register would lose all consent state. Refuse instead. (Tags and field
        # values are not checked: an account may simply have none on a whole page.)
        raise MalformedResponseError(f"{source}: include ignored, no contactLists in the page")
    return ContactPage(
        contacts=contacts,
        memberships=tuple(
            parse_membership(r, source=source) for r in records(body, "contactLists", source=source)
        ),
        contact_tags=tuple(
            parse_contact_tag(r, source=source) for r in records(body, "contactTags", source=source)
        ),
        field_values=tuple(
            parse_field_value(r, source=source) for r in records(body, "fieldValues", source=source)
        ),
    )
