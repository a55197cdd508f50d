"""/contacts endpoints: list (filters, paging, side-loading), read, update, delete, sub-lists."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any

from simulator import render
from simulator import render_history as history
from simulator.api import (
    ApiResponse,
    Context,
    Handler,
    Route,
    body_id,
    body_object,
    invalid,
    not_found,
    ok,
    paging,
)
from simulator.query import select_contacts
from simulator.records import ContactRecord
from simulator.render import Json

SIDE_LOADS = ("contactLists", "contactTags", "fieldValues")
_VALID_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def no_subscriber(contact_id: int) -> ApiResponse:
    return not_found(f"No Result found for Subscriber with id {contact_id}")


def _related(ctx: Context, name: str, contact_id: int) -> list[tuple[int, Json]]:
    """(id, JSON) of the contact's contactLists, contactTags or fieldValues."""
    state, fmt = ctx.state, ctx.fmt
    if name == "contactLists":
        contact = state.contacts[contact_id]
        return [
            (m.id, render.membership(fmt, m, contact)) for m in state.memberships_of(contact_id)
        ]
    if name == "contactTags":
        return [(t.id, render.contact_tag(fmt, t)) for t in state.contact_tags_of(contact_id)]
    return [(v.id, render.field_value(fmt, v)) for v in state.field_values_of(contact_id)]


def list_contacts(ctx: Context) -> ApiResponse:
    query = ctx.request.query
    total, page = select_contacts(ctx.state, query)
    body: Json = {"scoreValues": [], "contacts": [render.contact(ctx.fmt, c) for c in page]}
    wanted = {name.strip() for name in query.get("include", "").split(",")}
    if ctx.state.ignore_include:
        wanted = set()
    for name in SIDE_LOADS:
        if name not in wanted:
            continue
        body[name] = []
        for contact, rendered in zip(page, body["contacts"], strict=True):
            related = _related(ctx, name, contact.id)
            rendered[name] = [str(item_id) for item_id, _ in related]
            body[name].extend(item for _, item in related)
    body["meta"] = {"total": str(total), "page_input": _page_input(query)}
    return ok(body)


def _page_input(query: Mapping[str, str]) -> Json:
    limit, offset = paging(query)
    cache_key = "&".join(f"{k}={v}" for k, v in sorted(query.items()))
    return {
        "segmentid": 0,
        "formid": 0,
        "listid": int(query.get("listid") or 0),
        "tagid": int(query.get("tagid") or 0),
        "limit": limit,
        "offset": offset,
        "search": query.get("search"),
        "sort": None,
        "seriesid": 0,
        "waitid": 0,
        "status": int(query.get("status") or -1),
        "forceQuery": 0,
        "cacheid": hashlib.md5(cache_key.encode(), usedforsecurity=False).hexdigest(),
    }


def get_contact(ctx: Context) -> ApiResponse:
    """One contact with its automations, lists, deals, field values and geo data side-loaded."""
    (contact_id,) = ctx.args
    state, fmt = ctx.state, ctx.fmt
    contact = state.contacts.get(contact_id)
    if contact is None:
        return no_subscriber(contact_id)
    extras = state.extras_of(contact_id)
    memberships = state.memberships_of(contact_id)
    values = state.field_values_of(contact_id)
    addresses = {g.geo_address_id: g for g in extras.geo_ips}
    rendered = render.contact(fmt, contact)
    rendered.update(
        {
            "contactAutomations": [str(a.id) for a in extras.automations],
            "contactLists": [str(m.id) for m in memberships],
            "fieldValues": [str(v.id) for v in values],
            "geoIps": [str(g.id) for g in extras.geo_ips],
            "deals": [str(d.id) for d in extras.deals],
            "accountContacts": [],
        }
    )
    return ok(
        {
            "contactAutomations": [history.automation(fmt, a) for a in extras.automations],
            "contactLists": [render.membership(fmt, m, contact) for m in memberships],
            "deals": [history.deal(fmt, d) for d in extras.deals],
            "fieldValues": [render.field_value(fmt, v) for v in values],
            "geoAddresses": [
                history.geo_address(fmt, state.geo_addresses[address_id], geo_ip)
                for address_id, geo_ip in sorted(addresses.items())
            ],
            "geoIps": [history.geo_ip(fmt, g) for g in extras.geo_ips],
            "contact": rendered,
        }
    )


def update_contact(ctx: Context) -> ApiResponse:
    """PUT /contacts/{id}: email, firstName, lastName, phone and fieldValues [{field, value}]."""
    (contact_id,) = ctx.args
    state = ctx.state
    if contact_id not in state.contacts:
        return no_subscriber(contact_id)
    changes = body_object(ctx.request, "contact")
    email = changes.get("email")
    if email is not None:
        if not isinstance(email, str) or not _VALID_EMAIL.fullmatch(email.strip()):
            raise invalid(
                "Contact Email Address is not valid.", "/data/attributes/email", "email_invalid"
            )
        if any(i != contact_id for i in state.contact_ids_by_email(email)):
            raise invalid(
                "Email address already exists in the system", "/data/attributes/email", "duplicate"
            )
    values = _field_values_of_body(ctx, changes.get("fieldValues", []))
    contact = state.update_contact(
        contact_id,
        email=email,
        first_name=_text(changes, "firstName"),
        last_name=_text(changes, "lastName"),
        phone=_text(changes, "phone"),
    )
    records = [state.set_field_value(contact_id, field_id, value) for field_id, value in values]
    return ok(
        {
            "fieldValues": [render.field_value(ctx.fmt, v) for v in records],
            "contact": render.contact(ctx.fmt, contact),
        }
    )


def _text(changes: Mapping[str, Any], key: str) -> str | None:
    value = changes.get(key)
    return None if value is None else str(value)


def _field_values_of_body(ctx: Context, raw: Any) -> list[tuple[int, str]]:
    if not isinstance(raw, list):
        raise invalid("Invalid attribute", "/data/attributes/fieldValues")
    values: list[tuple[int, str]] = []
    for item in raw:
        if not isinstance(item, dict):
            raise invalid("Invalid attribute", "/data/attributes/fieldValues")
        field_id = body_id(item, "field")
        if field_id not in ctx.state.fields:
            raise invalid(
                f"No Result found for Field with id {field_id}", "/data/attributes/fieldValues"
            )
        values.append((field_id, str(item.get("value") or "")))
    return values


def delete_contact(ctx: Context) -> ApiResponse:
    (contact_id,) = ctx.args
    if ctx.state.delete_contact(contact_id):
        return ok({})
    return not_found(f"No result found for contact with id {contact_id}")


def _sub_resource(render_items: Callable[[Context, ContactRecord], Json]) -> Handler:
    """GET /contacts/{id}/<name>: 404 for an unknown contact, else the rendered items."""

    def handler(ctx: Context) -> ApiResponse:
        (contact_id,) = ctx.args
        contact = ctx.state.contacts.get(contact_id)
        if contact is None:
            return no_subscriber(contact_id)
        return ok(render_items(ctx, contact))

    return handler


def _contact_lists(ctx: Context, c: ContactRecord) -> Json:
    return {"contactLists": [item for _, item in _related(ctx, "contactLists", c.id)]}


def _contact_tags(ctx: Context, c: ContactRecord) -> Json:
    return {"contactTags": [item for _, item in _related(ctx, "contactTags", c.id)]}


def _field_values(ctx: Context, c: ContactRecord) -> Json:
    values = ctx.state.field_values_of(c.id)
    return {"fieldValues": [render.field_value(ctx.fmt, v, authors=True) for v in values]}


def _notes(ctx: Context, c: ContactRecord) -> Json:
    return {"notes": [history.note(ctx.fmt, n) for n in ctx.state.extras_of(c.id).notes]}


def _deals(ctx: Context, c: ContactRecord) -> Json:
    return {"deals": [history.deal(ctx.fmt, d) for d in ctx.state.extras_of(c.id).deals]}


def _automations(ctx: Context, c: ContactRecord) -> Json:
    items = ctx.state.extras_of(c.id).automations
    return {"contactAutomations": [history.automation(ctx.fmt, a) for a in items]}


def _bounce_logs(ctx: Context, c: ContactRecord) -> Json:
    items = ctx.state.extras_of(c.id).bounce_logs
    return {"bounceLogs": [history.bounce_log(ctx.fmt, b) for b in items]}


def _geo_ips(ctx: Context, c: ContactRecord) -> Json:
    return {"geoIps": [history.geo_ip(ctx.fmt, g) for g in ctx.state.extras_of(c.id).geo_ips]}


def _tracking_logs(ctx: Context, c: ContactRecord) -> Json:
    items = ctx.state.extras_of(c.id).tracking_logs
    return {"trackingLogs": [history.tracking_log(ctx.fmt, t) for t in items]}


def _contact_data(ctx: Context, c: ContactRecord) -> Json:
    geo_ips = ctx.state.extras_of(c.id).geo_ips
    geo = (geo_ips[0], ctx.state.geo_addresses[geo_ips[0].geo_address_id]) if geo_ips else None
    return {"contactDatum": history.contact_datum(ctx.fmt, c, geo)}


_SUB_RESOURCES: dict[str, Callable[[Context, ContactRecord], Json]] = {
    "contactLists": _contact_lists,
    "fieldValues": _field_values,
    "contactTags": _contact_tags,
    "notes": _notes,
    "deals": _deals,
    "contactAutomations": _automations,
    "bounceLogs": _bounce_logs,
    "geoIps": _geo_ips,
    "trackingLogs": _tracking_logs,
    "contactData": _contact_data,
}

ROUTES: list[Route] = [
    ("GET", r"contacts", list_contacts),
    ("GET", r"contacts/(\d+)", get_contact),
    ("PUT", r"contacts/(\d+)", update_contact),
    ("DELETE", r"contacts/(\d+)", delete_contact),
    *(("GET", rf"contacts/(\d+)/{name}", _sub_resource(fn)) for name, fn in _SUB_RESOURCES.items()),
]
