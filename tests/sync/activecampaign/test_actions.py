"""Single-contact reads and idempotent writes, against recorded ActiveCampaign answers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import responses
from responses import matchers

from sync.activecampaign.actions import (
    BUNDLE_PARTS,
    add_tag,
    contact_exists,
    delete_contact,
    ensure_tag,
    fetch_contact_bundle,
    find_contacts_by_email,
    get_contact,
    set_field_value,
    set_list_status,
    update_contact,
)
from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.errors import ApiValidationError, NotFoundError
from sync.activecampaign.models import Contact, FieldValue, Membership
from tests.sync.conftest import API, load_sample

NOT_FOUND = load_sample("contact_delete__DELETE_contacts_id__404.json")


def _json(body: dict[str, Any]) -> list[Any]:
    return [matchers.json_params_matcher(body)]


def test_set_list_status_posts_the_membership(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Unsubscribing posts contactList with list, contact and status 2."""
    api.post(
        f"{API}/contactLists",
        json=load_sample("contactList_status__POST_contactLists__200.json"),
        match=_json({"contactList": {"list": 2, "contact": 1, "status": 2}}),
    )
    set_list_status(client, contact_id=1, list_id=2, status=2)
    assert len(api.calls) == 1


@pytest.mark.parametrize("status", [0, 3, -1])
def test_set_list_status_refuses_other_statuses(status: int, client: ActiveCampaignClient) -> None:
    """Only subscribe (1) and unsubscribe (2) can be set; nothing is sent otherwise."""
    with pytest.raises(ValueError, match="status must be 1"):
        set_list_status(client, contact_id=1, list_id=2, status=status)


def test_ensure_tag_finds_the_exact_existing_tag(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Substring hits are skipped; the exact contact tag's id is returned without a POST."""
    found = {
        "tags": [
            {"id": "8", "tag": "rekisteri-objection-old", "tagType": "contact"},
            {"id": "9", "tag": "rekisteri-objection", "tagType": "template"},
            {"id": "12", "tag": "Rekisteri-Objection", "tagType": "contact"},
        ],
        "meta": {"total": "3"},
    }
    api.get(
        f"{API}/tags",
        json=found,
        match=[
            matchers.query_param_matcher(
                {"search": "rekisteri-objection", "limit": "100", "offset": "0"}
            )
        ],
    )
    assert ensure_tag(client, "rekisteri-objection") == 12


def test_ensure_tag_creates_a_missing_tag(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """With no exact match the tag is created as a contact tag and its new id returned."""
    api.get(f"{API}/tags", json={"tags": [], "meta": {"total": "0"}})
    api.post(
        f"{API}/tags",
        status=201,
        json=load_sample("tag_create__POST_tags__201.json"),
        match=_json({"tag": {"tag": "My Tag", "tagType": "contact", "description": ""}}),
    )
    assert ensure_tag(client, " My Tag ") == 16


def test_add_tag_new_and_already_present(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Adding returns True; a 422 saying the tag is already there returns False."""
    body = {"contactTag": {"contact": "1", "tag": "20"}}
    added = load_sample("contactTag_add__POST_contactTags__201.json")
    already = {"errors": [{"title": "The contact already has this tag"}]}
    api.post(f"{API}/contactTags", status=201, json=added, match=_json(body))
    api.post(f"{API}/contactTags", status=422, json=already)
    api.post(
        f"{API}/contactTags",
        status=422,
        json={"errors": [{"title": "Duplicate", "code": "duplicate"}]},
    )
    assert [add_tag(client, contact_id=1, tag_id=20) for _ in range(3)] == [True, False, False]


def test_add_tag_other_validation_errors_propagate(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """A 422 that is not about a duplicate is a real error."""
    api.post(
        f"{API}/contactTags",
        status=422,
        json=load_sample("contactTag_add__POST_contactTags__422.json"),
    )
    with pytest.raises(ApiValidationError, match="Missing attribute"):
        add_tag(client, contact_id=1, tag_id=20)


def test_delete_contact_is_idempotent(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """The first delete returns True, a repeat that meets 404 returns False."""
    api.delete(f"{API}/contacts/1", json={})
    api.delete(f"{API}/contacts/1", status=404, json=NOT_FOUND)
    assert [delete_contact(client, 1), delete_contact(client, 1)] == [True, False]


def test_contact_exists(api: responses.RequestsMock, client: ActiveCampaignClient) -> None:
    """200 means present, 404 means gone."""
    api.get(f"{API}/contacts/1", json=load_sample("contact__GET_contacts_id__200.json"))
    api.get(f"{API}/contacts/2", status=404, json=load_sample("contact__GET_contacts_id__404.json"))
    assert [contact_exists(client, 1), contact_exists(client, 2)] == [True, False]


def test_get_contact_reads_side_loaded_memberships(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """GET contacts/{id} yields the contact and its list statuses."""
    api.get(f"{API}/contacts/1", json=load_sample("contact__GET_contacts_id__200.json"))
    assert get_contact(client, 1) == (
        Contact(1, "selmer.koss@example.com", "Charles", "Reynolds", "",
                datetime(2007, 5, 5, 17, 49, 9, tzinfo=UTC), None, False, False, None),
        [Membership(1, 1, 1, None, None, "")],
    )  # fmt: skip


def test_get_contact_404_raises(api: responses.RequestsMock, client: ActiveCampaignClient) -> None:
    """A missing contact is a NotFoundError for the caller to decide on."""
    api.get(f"{API}/contacts/9", status=404, json=load_sample("contact__GET_contacts_id__404.json"))
    with pytest.raises(NotFoundError):
        get_contact(client, 9)


def test_find_by_email_keeps_only_true_matches(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """When the filter is ignored, only contacts whose email really matches are returned."""
    body = load_sample("contacts_list__GET_contacts__200.json")
    api.get(
        f"{API}/contacts",
        json=body,
        match=[matchers.query_param_matcher({"email": "Test@Test.com", "limit": "100"})],
    )
    found = find_contacts_by_email(client, "  Test@Test.com ")
    assert [(c.id, c.email) for c in found] == [(2, "test@test.com")]


def test_update_contact_maps_field_names(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Our field names become ActiveCampaign's in the PUT body; the answer is parsed."""
    api.put(
        f"{API}/contacts/113",
        json=load_sample("contact_update__PUT_contacts_id__200.json"),
        match=_json({"contact": {"firstName": "John", "lastName": "Doe", "phone": "040 1"}}),
    )
    updated = update_contact(
        client, 113, {"first_name": "John", "lastName": "Doe", "phone": "040 1"}
    )
    created = datetime(2018, 9, 28, 18, 50, 41, tzinfo=UTC)
    changed = datetime(2018, 9, 28, 18, 55, 59, tzinfo=UTC)
    assert updated == Contact(
        113, "johndoe@example.com", "John", "Doe", "", created, changed, False, False, None
    )


def test_update_contact_refuses_unknown_fields(client: ActiveCampaignClient) -> None:
    """Unknown field names fail before anything is sent, naming the fields only."""
    with pytest.raises(ValueError, match=r"^cannot update contact fields: city, ssn$"):
        update_contact(client, 1, {"ssn": "010101-123X", "city": "Oulu", "email": "a@b.fi"})


def test_set_field_value(api: responses.RequestsMock, client: ActiveCampaignClient) -> None:
    """Setting a custom field posts fieldValue and returns the stored value."""
    api.post(
        f"{API}/fieldValues",
        json=load_sample("fieldValue_create__POST_fieldValues__200.json"),
        match=_json({"fieldValue": {"contact": 2, "field": 3, "value": "Blue"}}),
    )
    assert set_field_value(client, contact_id=2, field_id=3, value="Blue") == FieldValue(
        15, 2, 3, "Blue", datetime(2018, 10, 1, 22, 18, 40, tzinfo=UTC)
    )


def test_contact_bundle_collects_every_part(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """The bundle: the contact object, its geo addresses, each part as a list (404 -> empty)."""
    contact = load_sample("contact__GET_contacts_id__200.json")
    lists = load_sample("contact_contactLists__GET_contacts_id_contactLists__200.json")
    values = load_sample("contact_fieldValues__GET_contacts_id_fieldValues__200.json")
    notes = load_sample("contact_notes__GET_contacts_id_notes__200.json")
    data = load_sample("contact_contactData__GET_contacts_id_contactData__200.json")
    api.get(f"{API}/contacts/1", json=contact)
    answers = {
        "contactLists": lists,
        "fieldValues": values,
        "notes": notes,
        "contactData": data,
        "contactTags": {"contactTags": []},
        "trackingLogs": {"trackingLogs": []},
    }
    for part in BUNDLE_PARTS:
        if part in answers:
            api.get(f"{API}/contacts/1/{part}", json=answers[part])
        else:
            api.get(f"{API}/contacts/1/{part}", status=404, json={"message": "No Result found"})
    assert fetch_contact_bundle(client, 1) == {
        "contact": contact["contact"],
        "geoAddresses": contact["geoAddresses"],
        "contactLists": lists["contactLists"],
        "fieldValues": values["fieldValues"],
        "contactTags": [],
        "notes": notes["notes"],
        "deals": [],
        "contactAutomations": [],
        "bounceLogs": [],
        "geoIps": [],
        "trackingLogs": [],
        "contactData": [data["contactDatum"]],
    }


def test_contact_bundle_of_a_missing_contact_raises(
    api: responses.RequestsMock, client: ActiveCampaignClient
) -> None:
    """Without the contact itself there is no bundle: NotFoundError, no sub-resource calls."""
    api.get(f"{API}/contacts/4", status=404, json=load_sample("contact__GET_contacts_id__404.json"))
    with pytest.raises(NotFoundError):
        fetch_contact_bundle(client, 4)
    assert len(api.calls) == 1
