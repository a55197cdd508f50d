"""Writes over HTTP: contactLists, contactTags, tags, fieldValues."""

from __future__ import annotations

from datetime import timedelta

import pytest

from simulator import SimulatorState
from simulator.catalog import FIELD_CITY, FIELD_INTERESTS, LIST_NEWSLETTER, TAG_VIP
from tests.simulator.support import ANCHOR, Api, load_sample

LATER = ANCHOR + timedelta(hours=2)


@pytest.fixture
def frozen(state: SimulatorState) -> SimulatorState:
    state.clock = lambda: LATER
    return state


def active_member(state: SimulatorState, list_id: int = LIST_NEWSLETTER) -> int:
    return next(
        m.contact_id for m in state.memberships.values() if m.list_id == list_id and m.status == 1
    )


def test_unsubscribe_changes_status_and_both_udates(api: Api, frozen: SimulatorState) -> None:
    """POST /contactLists status 2 sets the membership status and udate and the contact udate."""
    contact_id = active_member(frozen)
    body = {"contactList": {"list": LIST_NEWSLETTER, "contact": contact_id, "status": 2}}
    answer = api.post("contactLists", body)
    sample = load_sample("contactList_status__POST_contactLists__200")
    assert answer.status_code == 200
    echo = answer.json()
    assert echo.keys() == sample.keys()
    assert echo["contactList"].keys() == sample["contactList"].keys()
    assert echo["contactList"]["status"] == 2
    later = LATER.astimezone(frozen.timezone).isoformat()
    assert echo["contacts"][0]["udate"] == later
    lists = api.get(f"contacts/{contact_id}/contactLists").json()["contactLists"]
    newsletter = next(m for m in lists if m["list"] == str(LIST_NEWSLETTER))
    assert (newsletter["status"], newsletter["udate"]) == ("2", later)
    assert frozen.contacts[contact_id].udate == LATER


def test_subscribe_creates_a_membership(api: Api, frozen: SimulatorState) -> None:
    """POST /contactLists status 1 for a contact on no list creates the membership."""
    contact_id = frozen.add_contact("uusi@example.fi", at=ANCHOR)
    body = {"contactList": {"list": "3", "contact": str(contact_id), "status": "1"}}
    assert api.post("contactLists", body).status_code == 200
    membership = frozen.membership(contact_id, 3)
    assert membership is not None
    assert (membership.status, membership.sdate, membership.udate) == (1, LATER, LATER)


def test_contact_lists_refuses_bad_requests(api: Api, state: SimulatorState) -> None:
    """Status other than 1/2 is 422, unknown contact or list 404; nothing changes."""
    contact_id = active_member(state)
    before = state.snapshot()
    bad_status = {"contactList": {"list": 1, "contact": contact_id, "status": 3}}
    no_contact = {"contactList": {"list": 1, "contact": 10**9, "status": 2}}
    no_list = {"contactList": {"list": 99, "contact": contact_id, "status": 2}}
    assert api.post("contactLists", bad_status).status_code == 422
    assert api.post("contactLists", no_contact).status_code == 404
    assert api.post("contactLists", no_list).status_code == 404
    assert api.post("contactLists", {"list": 1}).status_code == 422
    assert state.snapshot() == before


def test_contact_lists_collection_pages_all_memberships(api: Api, state: SimulatorState) -> None:
    """GET /contactLists with offset paging returns every membership once."""
    total = int(api.get("contactLists", limit=1).json()["meta"]["total"])
    ids = [
        int(m["id"])
        for offset in range(0, total, 100)
        for m in api.get("contactLists", limit=100, offset=offset).json()["contactLists"]
    ]
    assert ids == sorted(state.memberships)


def test_tagging_twice_is_422_and_untagging_works(api: Api, frozen: SimulatorState) -> None:
    """POST /contactTags is 201 then 422; DELETE /contactTags/{id} is 200 then 404."""
    contact_id = frozen.add_contact("tagi@example.fi", at=ANCHOR)
    body = {"contactTag": {"contact": str(contact_id), "tag": str(TAG_VIP)}}
    created = api.post("contactTags", body)
    assert created.status_code == 201
    sample = load_sample("contactTag_add__POST_contactTags__201")
    assert created.json()["contactTag"].keys() == sample["contactTag"].keys()
    assert frozen.contacts[contact_id].udate == LATER
    duplicate = api.post("contactTags", body)
    assert duplicate.status_code == 422
    assert duplicate.json()["errors"][0]["code"] == "duplicate"
    contact_tag_id = created.json()["contactTag"]["id"]
    assert api.delete(f"contactTags/{contact_tag_id}").json() == {}
    assert api.delete(f"contactTags/{contact_tag_id}").status_code == 404
    assert api.get(f"contacts/{contact_id}/contactTags").json() == {"contactTags": []}


def test_tagging_an_unknown_contact_is_404(api: Api) -> None:
    """The 404 of POST /contactTags uses the errors-array shape of the sample."""
    answer = api.post("contactTags", {"contactTag": {"contact": "999999", "tag": "1"}})
    assert answer.status_code == 404
    assert answer.json()["errors"][0]["detail"] == "Contact not found"


def test_create_and_search_tags(api: Api) -> None:
    """POST /tags creates (201), refuses a name in use (422); search= filters by contains."""
    body = {"tag": {"tag": "rekisteri-objection", "tagType": "contact", "description": ""}}
    created = api.post("tags", body)
    assert created.status_code == 201
    sample = load_sample("tag_create__POST_tags__201")
    assert created.json()["tag"].keys() == sample["tag"].keys()
    assert api.post("tags", body).status_code == 422
    found = api.get("tags", search="objection").json()
    assert [t["tag"] for t in found["tags"]] == ["rekisteri-objection"]
    assert found["meta"]["total"] == "1"
    exact = api.get("tags", **{"filters[search][eq]": "VIP"}).json()["tags"]
    assert [t["id"] for t in exact] == [str(TAG_VIP)]


def test_field_values_create_update_and_read(api: Api, frozen: SimulatorState) -> None:
    """POST /fieldValues upserts, PUT /fieldValues/{id} overwrites, both bump udate."""
    contact_id = frozen.add_contact("kentta@example.fi", at=ANCHOR)
    body = {"fieldValue": {"contact": contact_id, "field": FIELD_INTERESTS, "value": "||Vinkit||"}}
    created = api.post("fieldValues", body).json()
    sample = load_sample("fieldValue_create__POST_fieldValues__200")
    assert created.keys() == sample.keys()
    assert created["fieldValue"].keys() == sample["fieldValue"].keys()
    assert created["fieldValue"]["contact"] == contact_id
    value_id = created["fieldValue"]["id"]
    api.put(f"fieldValues/{value_id}", {"fieldValue": {"value": "||Tuotteet||Vinkit||"}})
    read = api.get(f"fieldValues/{value_id}").json()["fieldValue"]
    assert read["value"] == "||Tuotteet||Vinkit||"
    assert frozen.contacts[contact_id].udate == LATER
    by_field = api.get("fieldValues", limit=100, **{"filters[fieldid]": FIELD_CITY}).json()
    assert {v["field"] for v in by_field["fieldValues"]} == {str(FIELD_CITY)}
    assert api.put("fieldValues/999999", {"fieldValue": {"value": "x"}}).status_code == 404
