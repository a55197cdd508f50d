"""Payloads have the key sets and value types of the official samples."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from simulator import SimulatorServer, SimulatorState
from tests.simulator.support import Api, load_sample

ISO_WITH_OFFSET = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def keys_of(objects: Iterable[dict[str, Any]]) -> set[str]:
    return {key for obj in objects for key in obj}


CONTACT_SAMPLES = [
    *load_sample("contacts_list__GET_contacts__200")["contacts"],
    load_sample("contact__GET_contacts_id__200")["contact"],
    *load_sample("contactList_status__POST_contactLists__200")["contacts"],
    load_sample("contact_update__PUT_contacts_id__200")["contact"],
    *load_sample("fieldValue_create__POST_fieldValues__200")["contacts"],
    load_sample("contact_sync__POST_contact_sync__201")["contact"],
]
# Every key some official contact example has, minus the per-contact side-load id arrays.
KNOWN_CONTACT_KEYS = keys_of(CONTACT_SAMPLES)


def rich_contact_id(state: SimulatorState) -> int:
    """A contact with lists, field values, automations and geo IPs (for side-loads)."""
    return next(
        cid
        for cid, extras in state.extras.items()
        if extras.automations
        and extras.geo_ips
        and state.memberships_of(cid)
        and state.field_values_of(cid)
    )


def test_contact_list_matches_the_sample(api: Api) -> None:
    """GET /contacts: top-level keys, contact keys and links as in the sample."""
    sample = load_sample("contacts_list__GET_contacts__200")
    body = api.get("contacts", limit=5).json()
    assert body.keys() == sample.keys()
    assert body["meta"].keys() == sample["meta"].keys()
    assert body["meta"]["page_input"].keys() == sample["meta"]["page_input"].keys()
    assert isinstance(body["meta"]["total"], str)
    for contact in body["contacts"]:
        assert keys_of(sample["contacts"]) <= contact.keys() <= KNOWN_CONTACT_KEYS
        assert contact["links"].keys() == sample["contacts"][0]["links"].keys()
        for key in ("id", "bounced_hard", "bounced_soft", "ip", "sentcnt", "orgid"):
            assert isinstance(contact[key], str), key


def test_dates_are_iso_with_the_account_offset(api: Api) -> None:
    """cdate/udate carry Helsinki offsets (+02:00 or +03:00) and parse as aware datetimes."""
    body = api.get("contacts", limit=50, include="contactLists").json()
    stamps = [c[k] for c in body["contacts"] for k in ("cdate", "udate")]
    stamps += [m[k] for m in body["contactLists"] for k in ("sdate", "udate")]
    for stamp in stamps:
        assert ISO_WITH_OFFSET.fullmatch(stamp), stamp
        assert stamp[-6:] in ("+02:00", "+03:00")
        assert datetime.fromisoformat(stamp).tzinfo is not None


def test_links_point_at_the_simulator(api: Api, server: SimulatorServer) -> None:
    """links use the server's own host."""
    contact = api.get("contacts", limit=1).json()["contacts"][0]
    assert contact["links"]["contactLists"] == (
        f"{server.url}/api/3/contacts/{contact['id']}/contactLists"
    )


def test_single_contact_side_loads_like_the_sample(api: Api, state: SimulatorState) -> None:
    """GET /contacts/{id}: the sample's top-level arrays; the contact lists their ids."""
    sample = load_sample("contact__GET_contacts_id__200")
    contact_id = rich_contact_id(state)
    body = api.get(f"contacts/{contact_id}").json()
    assert body.keys() == sample.keys()
    assert sample["contact"].keys() <= body["contact"].keys()
    for name in ("contactAutomations", "contactLists", "fieldValues", "geoIps"):
        assert body[name], name
        assert body[name][0].keys() >= sample[name][0].keys() - {"accountContacts"}, name
        assert body["contact"][name] == [item["id"] for item in body[name]]
    assert body["geoAddresses"][0].keys() == sample["geoAddresses"][0].keys()


def test_membership_and_field_value_shapes(api: Api, state: SimulatorState) -> None:
    """contactLists and fieldValues items have the sample keys, ids as strings."""
    contact_id = rich_contact_id(state)
    lists = api.get(f"contacts/{contact_id}/contactLists").json()
    sample_lists = load_sample("contact_contactLists__GET_contacts_id_contactLists__200")
    assert lists["contactLists"][0].keys() == sample_lists["contactLists"][0].keys()
    assert isinstance(lists["contactLists"][0]["status"], str)
    values = api.get(f"contacts/{contact_id}/fieldValues").json()
    sample_values = load_sample("contact_fieldValues__GET_contacts_id_fieldValues__200")
    assert values["fieldValues"][0].keys() == sample_values["fieldValues"][0].keys()
    collection = api.get("fieldValues", limit=3).json()
    sample_collection = load_sample("fieldValues__GET_fieldValues__200")
    assert collection.keys() == sample_collection.keys()
    assert collection["fieldValues"][0].keys() == sample_collection["fieldValues"][0].keys()
    assert isinstance(collection["meta"]["total"], str)


def test_account_endpoints_match_the_samples(api: Api) -> None:
    """users/me, lists, tags and fields have the sample keys."""
    for path, name, key in (
        ("users/me", "users_me__GET_users_me__200", "user"),
        ("lists", "lists__GET_lists__200", "lists"),
        ("tags", "tags__GET_tags__200", "tags"),
        ("fields", "fields__GET_fields__200", "fields"),
    ):
        sample = load_sample(name)
        body = api.get(path).json()
        assert body.keys() == sample.keys(), path
        ours = body[key][0] if isinstance(body[key], list) else body[key]
        theirs = sample[key][0] if isinstance(sample[key], list) else sample[key]
        assert ours.keys() == theirs.keys(), path
    fields = api.get("fields").json()
    assert fields["fieldOptions"] and fields["fieldRels"]


def test_history_sub_resources_match_the_samples(api: Api, state: SimulatorState) -> None:
    """notes, deals, contactAutomations, bounceLogs, geoIps, trackingLogs, contactData."""
    cases = [
        ("notes", "contact_notes__GET_contacts_id_notes__200"),
        ("deals", "contact_deals__GET_contacts_id_deals__200"),
        ("automations", "contact_contactAutomations__GET_contacts_id_contactAutomations__200"),
        ("bounce_logs", "contact_bounceLogs__GET_contacts_id_bounceLogs__200"),
        ("geo_ips", "contact_geoIps__GET_contacts_id_geoIps__200"),
        ("tracking_logs", "contact_trackingLogs_events__GET_contacts_contactId_trackingLogs__200"),
    ]
    for attribute, name in cases:
        sample = load_sample(name)
        (key,) = sample.keys()
        owner = next(cid for cid, e in state.extras.items() if getattr(e, attribute))
        body = api.get(f"contacts/{owner}/{key}").json()
        assert body.keys() == sample.keys(), key
        assert body[key][0].keys() == sample[key][0].keys(), key
    datum = api.get(f"contacts/{min(state.contacts)}/contactData").json()
    sample = load_sample("contact_contactData__GET_contacts_id_contactData__200")
    assert datum["contactDatum"].keys() == sample["contactDatum"].keys()


def test_not_found_bodies_match_the_samples(api: Api, state: SimulatorState) -> None:
    """404 messages are the samples' (contact, delete, contactTag, list)."""
    state.delete_contact(1)
    assert api.get("contacts/1").json() == load_sample("contact__GET_contacts_id__404")
    delete_404 = load_sample("contact_delete__DELETE_contacts_id__404")
    assert api.delete("contacts/1").json() == delete_404
    tag_404 = load_sample("contactTag_remove__DELETE_contactTags_id__404")
    state.remove_contact_tag(1)
    assert api.delete("contactTags/1").json() == tag_404
    assert api.get("lists/7").json() == load_sample("list__GET_lists_id__404")
    assert api.get("nothing/here").json() == {"message": "Not Found"}
