"""Collections around contacts: contactLists, contactTags, fieldValues (read and write)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from simulator import render
from simulator.api import (
    ApiResponse,
    Context,
    Route,
    body_id,
    body_object,
    invalid,
    not_found,
    ok,
    paging,
)
from simulator.api_contacts import no_subscriber
from simulator.records import FieldValueRecord
from simulator.state import DuplicateError

T = TypeVar("T")


def page_of(ctx: Context, items: Sequence[T]) -> tuple[str, Sequence[T]]:
    """(meta.total as a string, the offset/limit slice)."""
    limit, offset = paging(ctx.request.query)
    return str(len(items)), items[offset : offset + limit]


def _id_filter(ctx: Context, name: str) -> int | None:
    raw = ctx.request.query.get(name, "").strip()
    return int(raw) if raw.isdigit() else None


# ---- contactLists -----------------------------------------------------------------------


def list_memberships(ctx: Context) -> ApiResponse:
    """GET /contactLists: every membership in id order; filters[list], filters[contact]."""
    items = list(ctx.state.memberships.values())
    for name, attribute in (("filters[list]", "list_id"), ("filters[contact]", "contact_id")):
        wanted = _id_filter(ctx, name)
        if wanted is not None:
            items = [m for m in items if getattr(m, attribute) == wanted]
    total, page = page_of(ctx, items)
    contacts = ctx.state.contacts
    rendered = [render.membership(ctx.fmt, m, contacts[m.contact_id]) for m in page]
    return ok({"contactLists": rendered, "meta": {"total": total}})


def set_membership(ctx: Context) -> ApiResponse:
    """POST /contactLists {"contactList": {"list", "contact", "status" (1 or 2)}}."""
    state = ctx.state
    body = body_object(ctx.request, "contactList")
    contact_id, list_id, status = (body_id(body, key) for key in ("contact", "list", "status"))
    if status not in (1, 2):
        raise invalid("Status must be 1 (subscribe) or 2 (unsubscribe)", "/data/attributes/status")
    if contact_id not in state.contacts:
        return no_subscriber(contact_id)
    if list_id not in state.lists:
        return not_found(f"No Result found for _List with id {list_id}")
    membership = state.set_membership(contact_id, list_id, status)
    contact = state.contacts[contact_id]
    return ok(
        {
            "contacts": [render.contact(ctx.fmt, contact)],
            "contactList": render.membership_echo(ctx.fmt, membership, contact),
        }
    )


# ---- contactTags ------------------------------------------------------------------------


def _errors_404(detail: str) -> ApiResponse:
    return ApiResponse(404, {"errors": [{"status": 404, "title": "Not Found", "detail": detail}]})


def list_contact_tags(ctx: Context) -> ApiResponse:
    """GET /contactTags: every contactTag in id order (offset paging)."""
    total, page = page_of(ctx, list(ctx.state.contact_tags.values()))
    rendered = [render.contact_tag(ctx.fmt, t) for t in page]
    return ok({"contactTags": rendered, "meta": {"total": total}})


def add_contact_tag(ctx: Context) -> ApiResponse:
    """POST /contactTags {"contactTag": {"contact", "tag"}}: 201, or 422 if already tagged."""
    body = body_object(ctx.request, "contactTag")
    contact_id, tag_id = body_id(body, "contact"), body_id(body, "tag")
    if contact_id not in ctx.state.contacts:
        return _errors_404("Contact not found")
    if tag_id not in ctx.state.tags:
        return _errors_404("Tag not found")
    try:
        record = ctx.state.add_contact_tag(contact_id, tag_id)
    except DuplicateError:
        raise invalid(
            "The contact already has this tag", "/data/attributes/tag", "duplicate"
        ) from None
    return ok({"contactTag": render.contact_tag(ctx.fmt, record)}, 201)


def remove_contact_tag(ctx: Context) -> ApiResponse:
    (contact_tag_id,) = ctx.args
    if ctx.state.remove_contact_tag(contact_tag_id):
        return ok({})
    return not_found(f"No Result found for SubscriberTag with id {contact_tag_id}")


# ---- fieldValues ------------------------------------------------------------------------


def list_field_values(ctx: Context) -> ApiResponse:
    """GET /fieldValues: all values in id order; filters[fieldid], filters[val] (exact)."""
    items = list(ctx.state.field_values.values())
    field_id = _id_filter(ctx, "filters[fieldid]")
    if field_id is not None:
        items = [v for v in items if v.field_id == field_id]
    if "filters[val]" in ctx.request.query:
        items = [v for v in items if v.value == ctx.request.query["filters[val]"]]
    total, page = page_of(ctx, items)
    rendered = [render.field_value(ctx.fmt, v) for v in page]
    return ok({"fieldValues": rendered, "meta": {"total": total}})


def get_field_value(ctx: Context) -> ApiResponse:
    (value_id,) = ctx.args
    record = ctx.state.field_values.get(value_id)
    if record is None:
        return not_found(f"No Result found for FieldValue with id {value_id}")
    return ok({"fieldValue": render.field_value(ctx.fmt, record)})


def _write_echo(ctx: Context, record: FieldValueRecord) -> ApiResponse:
    """The POST /fieldValues answer: the contact, and the value with int contact/field/owner."""
    rendered = render.field_value(ctx.fmt, record)
    rendered.update(contact=record.contact_id, field=record.field_id, owner=record.contact_id)
    contact = render.contact(ctx.fmt, ctx.state.contacts[record.contact_id])
    return ok({"contacts": [contact], "fieldValue": rendered})


def _value_of(body: Mapping[str, Any]) -> str:
    value = body.get("value")
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise invalid("Missing attribute", "/data/attributes/value", "missing")
    return str(value)


def create_field_value(ctx: Context) -> ApiResponse:
    """POST /fieldValues {"fieldValue": {"contact", "field", "value"}}: creates or overwrites."""
    body = body_object(ctx.request, "fieldValue")
    contact_id, field_id = body_id(body, "contact"), body_id(body, "field")
    value = _value_of(body)
    if contact_id not in ctx.state.contacts:
        return no_subscriber(contact_id)
    if field_id not in ctx.state.fields:
        return not_found(f"No Result found for Field with id {field_id}")
    return _write_echo(ctx, ctx.state.set_field_value(contact_id, field_id, value))


def update_field_value(ctx: Context) -> ApiResponse:
    """PUT /fieldValues/{id} {"fieldValue": {"value", ...}}: answers like POST."""
    (value_id,) = ctx.args
    record = ctx.state.field_values.get(value_id)
    if record is None:
        return not_found(f"No Result found for FieldValue with id {value_id}")
    value = _value_of(body_object(ctx.request, "fieldValue"))
    return _write_echo(ctx, ctx.state.set_field_value(record.contact_id, record.field_id, value))


ROUTES: list[Route] = [
    ("GET", r"contactLists", list_memberships),
    ("POST", r"contactLists", set_membership),
    ("GET", r"contactTags", list_contact_tags),
    ("POST", r"contactTags", add_contact_tag),
    ("DELETE", r"contactTags/(\d+)", remove_contact_tag),
    ("GET", r"fieldValues", list_field_values),
    ("POST", r"fieldValues", create_field_value),
    ("GET", r"fieldValues/(\d+)", get_field_value),
    ("PUT", r"fieldValues/(\d+)", update_field_value),
]
