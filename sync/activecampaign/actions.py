"""Single-contact reads and the writes the job makes in ActiveCampaign.

Every write is safe to repeat (an apply resumed after a crash may send it twice): list
status and field values are set, not toggled; a tag already on the contact and a contact
already deleted count as success.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compliance.codes import LIST_STATUS_ACTIVE, LIST_STATUS_UNSUBSCRIBED
from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.errors import (
    ApiValidationError,
    MalformedResponseError,
    NotFoundError,
    endpoint_label,
)
from sync.activecampaign.models import Contact, FieldValue, Membership
from sync.activecampaign.paginate import iter_offset_pages
from sync.activecampaign.parse import (
    parse_contact,
    parse_field_value,
    parse_membership,
    parse_tag,
    records,
)

# Sub-resources of a contact that hold personal data, for an Art. 15 access export.
BUNDLE_PARTS = (
    "contactLists",
    "fieldValues",
    "contactTags",
    "notes",
    "deals",
    "contactAutomations",
    "bounceLogs",
    "geoIps",
    "trackingLogs",
    "contactData",
)
# Our names and ActiveCampaign's for the contact fields a rectification may change.
CONTACT_FIELDS = {
    "first_name": "firstName",
    "last_name": "lastName",
    "phone": "phone",
    "email": "email",
    "firstName": "firstName",
    "lastName": "lastName",
}
SETTABLE_STATUSES = (LIST_STATUS_ACTIVE, LIST_STATUS_UNSUBSCRIBED)  # the API sets no others


def _object(body: Mapping[str, Any], key: str, *, source: str) -> Mapping[str, Any]:
    value = body.get(key)
    if not isinstance(value, Mapping):
        raise MalformedResponseError(f"{source}: '{key}' is missing or not an object")
    return value


def set_list_status(
    client: ActiveCampaignClient, *, contact_id: int, list_id: int, status: int
) -> None:
    """Set a contact's status on one list (2 unsubscribes)."""
    if status not in SETTABLE_STATUSES:
        raise ValueError("status must be 1 (subscribe) or 2 (unsubscribe)")
    client.post(
        "contactLists", {"contactList": {"list": list_id, "contact": contact_id, "status": status}}
    )


def ensure_tag(client: ActiveCampaignClient, name: str) -> int:
    """The id of the contact tag called ``name``, created when there is none."""
    source = endpoint_label("GET", "tags")
    wanted = name.strip()
    # `search` matches substrings, so several tags may come back: pick the exact one.
    for body in iter_offset_pages(client, "tags", key="tags", params={"search": wanted}):
        for raw in records(body, "tags", source=source):
            tag = parse_tag(raw, source=source)
            if tag.tag.strip().casefold() == wanted.casefold() and tag.tag_type in ("contact", ""):
                return tag.id
    created = client.post("tags", {"tag": {"tag": wanted, "tagType": "contact", "description": ""}})
    source = endpoint_label("POST", "tags")
    return parse_tag(_object(created, "tag", source=source), source=source).id


def add_tag(client: ActiveCampaignClient, *, contact_id: int, tag_id: int) -> bool:
    """Tag a contact; False when the tag was already there."""
    try:
        client.post("contactTags", {"contactTag": {"contact": str(contact_id), "tag": str(tag_id)}})
    except ApiValidationError as exc:
        already = any("already" in title.casefold() for title in exc.errors)
        if exc.status == 422 and (already or "duplicate" in exc.codes):
            return False
        raise
    return True


def remove_contact_tag(client: ActiveCampaignClient, contact_tag_id: int) -> bool:
    """Take one tag off a contact (by the contactTag's id); False when it was already off."""
    try:
        client.delete(f"contactTags/{contact_tag_id}")
    except NotFoundError:
        return False
    return True


def delete_contact(client: ActiveCampaignClient, contact_id: int) -> bool:
    """Delete a contact; False when ActiveCampaign no longer had it."""
    try:
        client.delete(f"contacts/{contact_id}")
    except NotFoundError:
        return False
    return True


def contact_exists(client: ActiveCampaignClient, contact_id: int) -> bool:
    try:
        client.get(f"contacts/{contact_id}")
    except NotFoundError:
        return False
    return True


def get_contact(client: ActiveCampaignClient, contact_id: int) -> tuple[Contact, list[Membership]]:
    """A contact and its list statuses, from the side-loaded ``GET contacts/{id}``."""
    path = f"contacts/{contact_id}"
    source = endpoint_label("GET", path)
    body = client.get(path)
    contact = parse_contact(_object(body, "contact", source=source), source=source)
    memberships = [
        parse_membership(raw, source=source) for raw in records(body, "contactLists", source=source)
    ]
    return contact, memberships


def find_contacts_by_email(client: ActiveCampaignClient, email: str) -> list[Contact]:
    """Contacts whose email is ``email`` (case and surrounding space ignored)."""
    source = endpoint_label("GET", "contacts")
    wanted = email.strip().casefold()
    body = client.get("contacts", {"email": email.strip(), "limit": 100})
    found = (parse_contact(raw, source=source) for raw in records(body, "contacts", source=source))
    # ActiveCampaign has been seen to ignore filters and answer with other contacts.
    return [contact for contact in found if contact.email.strip().casefold() == wanted]


def update_contact(
    client: ActiveCampaignClient, contact_id: int, fields: Mapping[str, str]
) -> Contact:
    """Change a contact's standard fields (``first_name``/``firstName``, ``phone``, ...)."""
    unknown = sorted(set(fields) - set(CONTACT_FIELDS))
    if unknown:
        raise ValueError(f"cannot update contact fields: {', '.join(unknown)}")
    change = {CONTACT_FIELDS[name]: value for name, value in fields.items()}
    path = f"contacts/{contact_id}"
    source = endpoint_label("PUT", path)
    body = client.put(path, {"contact": change})
    return parse_contact(_object(body, "contact", source=source), source=source)


def set_field_value(
    client: ActiveCampaignClient, *, contact_id: int, field_id: int, value: str
) -> FieldValue:
    """Set one custom field of a contact."""
    source = endpoint_label("POST", "fieldValues")
    body = client.post(
        "fieldValues", {"fieldValue": {"contact": contact_id, "field": field_id, "value": value}}
    )
    return parse_field_value(_object(body, "fieldValue", source=source), source=source)


def _part(body: Mapping[str, Any], name: str) -> list[Any]:
    """A sub-resource answer as a list (``contactData`` comes as one ``contactDatum``)."""
    value = body.get(name)
    if value is None:
        others = [v for k, v in body.items() if k != "meta"]
        value = others[0] if len(others) == 1 else (dict(body) if body else [])
    return value if isinstance(value, list) else [value]


def fetch_contact_bundle(client: ActiveCampaignClient, contact_id: int) -> dict[str, Any]:
    """Everything ActiveCampaign holds on one contact, raw, keyed by sub-resource name.

    ``"contact"`` is the contact object of ``GET contacts/{id}``, ``"geoAddresses"`` its
    side-loaded addresses; each of ``BUNDLE_PARTS`` is a list (empty when ActiveCampaign answers
    404 for that part).
    """
    answer = client.get(f"contacts/{contact_id}")
    contact = answer.get("contact")
    if not isinstance(contact, dict):
        raise MalformedResponseError("GET /api/3/contacts/{id}: no 'contact' object")
    # geoAddresses exist only side-loaded on the contact; the other side-loads are re-read below.
    bundle: dict[str, Any] = {"contact": contact, "geoAddresses": _list(answer, "geoAddresses")}
    for name in BUNDLE_PARTS:
        try:
            bundle[name] = _part(client.get(f"contacts/{contact_id}/{name}"), name)
        except NotFoundError:
            bundle[name] = []
    return bundle


def _list(answer: dict[str, Any], key: str) -> list[Any]:
    value = answer.get(key, [])
    return value if isinstance(value, list) else []
