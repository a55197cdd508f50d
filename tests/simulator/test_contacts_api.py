"""GET /contacts paging and filters, side-loading, PUT and DELETE, hooks mid-pull."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from simulator import SimulatorState
from simulator.catalog import FIELD_CITY, LIST_NEWSLETTER
from tests.simulator.support import ANCHOR, Api

LATER = ANCHOR + timedelta(hours=5)


def walk(api: Api, filters: dict[str, Any] | None = None, page_size: int = 100) -> list[int]:
    """Keyset walk: orders[id]=ASC&id_greater=<last>&limit=<n> until an empty page."""
    ids: list[int] = []
    last = 0
    while True:
        query = {"orders[id]": "ASC", "id_greater": last, "limit": page_size, **(filters or {})}
        page = api.get("contacts", **query).json()["contacts"]
        if not page:
            return ids
        ids.extend(int(c["id"]) for c in page)
        last = ids[-1]


def test_keyset_paging_covers_every_id_once(api: Api, state: SimulatorState) -> None:
    """The id walk returns each contact once, in increasing order."""
    ids = walk(api, page_size=37)
    assert ids == sorted(state.contacts)


def test_offset_paging_and_total(api: Api, state: SimulatorState) -> None:
    """offset/limit pages concatenate to all ids; meta.total is the count as a string."""
    first = api.get("contacts", limit=100, offset=0).json()
    assert first["meta"]["total"] == str(len(state.contacts))
    ids = [
        int(c["id"])
        for offset in range(0, 300, 100)
        for c in api.get("contacts", limit=100, offset=offset).json()["contacts"]
    ]
    assert ids == sorted(state.contacts)


def test_limit_defaults_to_20_and_is_capped_at_100(api: Api) -> None:
    """No limit gives 20 contacts; limit=500 gives 100."""
    assert len(api.get("contacts").json()["contacts"]) == 20
    assert len(api.get("contacts", limit=500).json()["contacts"]) == 100


def test_descending_order_and_id_greater_total(api: Api, state: SimulatorState) -> None:
    """orders[id]=DESC reverses; meta.total counts matches above id_greater."""
    top = max(state.contacts)
    body = api.get("contacts", **{"orders[id]": "DESC", "limit": 3}).json()
    assert int(body["contacts"][0]["id"]) == top
    middle = sorted(state.contacts)[149]
    above = api.get("contacts", id_greater=middle).json()
    assert above["meta"]["total"] == str(len(state.contacts) - 150)


def test_email_filter_is_exact_and_case_insensitive(api: Api, state: SimulatorState) -> None:
    """email= finds the contact whatever the case and surrounding spaces, not substrings."""
    contact_id = state.add_contact("Aino.Mäkelä@Example.fi")
    found = api.get("contacts", email=" aino.mäkelä@EXAMPLE.fi").json()["contacts"]
    assert [int(c["id"]) for c in found] == [contact_id]
    assert api.get("contacts", email="mäkelä@example.fi").json()["contacts"] == []


def test_list_and_status_filters(api: Api, state: SimulatorState) -> None:
    """listid+status returns exactly the contacts with that status on that list."""
    expected = sorted(
        m.contact_id
        for m in state.memberships.values()
        if m.list_id == LIST_NEWSLETTER and m.status == 2
    )
    assert walk(api, {"listid": 1, "status": 2}) == expected


def test_updated_after_is_inclusive(api: Api, state: SimulatorState) -> None:
    """filters[updated_after] returns contacts with udate >= the moment, with or without offset."""
    state.clock = lambda: LATER
    changed = sorted(state.contacts)[10:13]
    for contact_id in changed:
        state.touch(contact_id)
    assert walk(api, {"filters[updated_after]": LATER.isoformat()}) == changed
    local = LATER.astimezone(state.timezone).replace(tzinfo=None).isoformat()
    assert walk(api, {"filters[updated_after]": local}) == changed
    just_after = (LATER + timedelta(seconds=1)).isoformat().replace("+00:00", "Z")
    assert walk(api, {"filters[updated_after]": just_after}) == []
    day = LATER.astimezone(state.timezone).date().isoformat()
    assert set(changed) <= set(walk(api, {"filters[updated_after]": day}))


def test_updated_after_garbage_is_400(api: Api) -> None:
    """An unparseable moment is refused with 400, not ignored."""
    response = api.get("contacts", **{"filters[updated_after]": "yesterday"})
    assert response.status_code == 400


def test_include_side_loads_the_page_relations(api: Api, state: SimulatorState) -> None:
    """include=contactLists,contactTags,fieldValues side-loads exactly the page's relations."""
    body = api.get("contacts", limit=50, include="contactLists,contactTags,fieldValues").json()
    page_ids = {int(c["id"]) for c in body["contacts"]}
    expected_lists = {m.id for m in state.memberships.values() if m.contact_id in page_ids}
    assert {int(m["id"]) for m in body["contactLists"]} == expected_lists
    expected_tags = {t.id for t in state.contact_tags.values() if t.contact_id in page_ids}
    assert {int(t["id"]) for t in body["contactTags"]} == expected_tags
    expected_values = {v.id for v in state.field_values.values() if v.contact_id in page_ids}
    assert {int(v["id"]) for v in body["fieldValues"]} == expected_values
    for contact in body["contacts"]:
        own = [m["id"] for m in body["contactLists"] if m["contact"] == contact["id"]]
        assert contact["contactLists"] == own
    plain = api.get("contacts", limit=5).json()
    assert "contactLists" not in plain and "contactLists" not in plain["contacts"][0]


def test_delete_then_404_and_relations_gone(api: Api, state: SimulatorState) -> None:
    """DELETE answers 200 {}; afterwards the contact and its memberships are gone for good."""
    contact_id = next(iter(m.contact_id for m in state.memberships.values()))
    assert api.delete(f"contacts/{contact_id}").json() == {}
    assert api.get(f"contacts/{contact_id}").status_code == 404
    assert api.get(f"contacts/{contact_id}/contactLists").status_code == 404
    assert api.delete(f"contacts/{contact_id}").status_code == 404
    collection = api.get("contactLists", limit=100, **{"filters[contact]": contact_id}).json()
    assert collection["contactLists"] == []
    assert contact_id in state.deleted_contact_ids
    assert contact_id not in walk(api)


def test_put_contact_updates_fields_and_udate(api: Api, state: SimulatorState) -> None:
    """PUT /contacts/{id} changes names and field values and bumps udate."""
    state.clock = lambda: LATER
    contact_id = min(state.contacts)
    body = {"contact": {"firstName": "Väinö", "fieldValues": [{"field": "2", "value": "Kemi"}]}}
    answer = api.put(f"contacts/{contact_id}", body).json()
    assert answer["contact"]["firstName"] == "Väinö"
    assert answer["contact"]["udate"] == LATER.astimezone(state.timezone).isoformat()
    assert [v["value"] for v in answer["fieldValues"]] == ["Kemi"]
    assert state.snapshot().field_values[(contact_id, FIELD_CITY)] == "Kemi"


def test_put_contact_refuses_bad_and_duplicate_emails(api: Api, state: SimulatorState) -> None:
    """An invalid or already-used email is a 422 and changes nothing."""
    first, second = sorted(state.contacts)[:2]
    state.update_contact(second, email="toinen@example.fi")
    before = state.snapshot()
    bad = api.put(f"contacts/{first}", {"contact": {"email": "x@@y.fi"}})
    taken = api.put(f"contacts/{first}", {"contact": {"email": "TOINEN@example.fi"}})
    assert (bad.status_code, taken.status_code) == (422, 422)
    assert taken.json()["errors"][0]["code"] == "duplicate"
    assert state.snapshot() == before


def test_hooks_can_delete_contacts_mid_pull(api: Api, state: SimulatorState) -> None:
    """A hook deleting contacts after the 2nd page only affects pages not yet served."""
    ids = sorted(state.contacts)
    doomed = {ids[10], ids[150], ids[250]}  # pages 1, 2 (already answered) and 3
    calls: list[str] = []

    def delete_after_second_page(method: str, path: str) -> None:
        calls.append(f"{method} {path}")
        if calls.count("GET /api/3/contacts") == 2:
            for contact_id in doomed:
                state.delete_contact(contact_id)

    state.hooks.append(delete_after_second_page)
    walked = walk(api, page_size=100)
    assert walked == [i for i in ids if i != ids[250]]
    assert state.deleted_contact_ids == doomed
