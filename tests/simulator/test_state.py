"""The Python-side API of SimulatorState that tests use to shape and inspect the account."""

from __future__ import annotations

from datetime import timedelta

import pytest

from simulator import DuplicateError, MembershipSnapshot, SimulatorState
from simulator.catalog import FIELD_CITY, LIST_NEWSLETTER, LIST_OFFERS, TAG_VIP
from tests.simulator.support import ANCHOR

LATER = ANCHOR + timedelta(days=1)


@pytest.fixture
def frozen(state: SimulatorState) -> SimulatorState:
    state.clock = lambda: LATER
    return state


def test_clock_defaults_to_anchor_plus_elapsed(state: SimulatorState) -> None:
    """now() starts at the anchor and never goes back."""
    assert ANCHOR <= state.now() < ANCHOR + timedelta(minutes=5)


def test_add_contact_gets_next_id_and_now(frozen: SimulatorState) -> None:
    """A new contact gets an id above every existing one and cdate = udate = now()."""
    top = max(frozen.contacts)
    new_id = frozen.add_contact("Uusi.Henkilö@Example.fi", "Uusi", "Henkilö")
    contact = frozen.contacts[new_id]
    assert new_id == top + 1
    assert (contact.cdate, contact.udate) == (LATER, LATER)
    assert frozen.contact_ids_by_email("  uusi.henkilö@example.FI ") == [new_id]


def test_set_membership_creates_updates_and_touches(frozen: SimulatorState) -> None:
    """Creating and changing a membership sets its dates and the contact's udate."""
    contact_id = frozen.add_contact("a@example.fi", at=ANCHOR)
    frozen.set_membership(contact_id, LIST_NEWSLETTER, 1, at=ANCHOR)
    frozen.set_membership(contact_id, LIST_NEWSLETTER, 2, unsubreason="Liikaa viestejä")
    unsubscribed = frozen.membership(contact_id, LIST_NEWSLETTER)
    assert unsubscribed is not None
    assert (unsubscribed.status, unsubscribed.sdate, unsubscribed.udate) == (2, ANCHOR, LATER)
    assert unsubscribed.unsubreason == "Liikaa viestejä"
    assert frozen.contacts[contact_id].udate == LATER
    resubscribed = frozen.set_membership(contact_id, LIST_NEWSLETTER, 1, at=LATER + timedelta(1))
    assert resubscribed.sdate == LATER + timedelta(1)
    assert resubscribed.unsubreason is None


def test_set_membership_of_unknown_contact_or_list_raises(state: SimulatorState) -> None:
    """KeyError for a contact or list that does not exist."""
    with pytest.raises(KeyError):
        state.set_membership(10**9, LIST_NEWSLETTER, 1)
    with pytest.raises(KeyError):
        state.set_membership(min(state.contacts), 99, 1)


def test_delete_contact_removes_everything_about_it(state: SimulatorState) -> None:
    """Memberships, tags, field values and history go; the id is recorded as deleted."""
    contact_id = state.add_contact("poistettava@example.fi")
    state.set_membership(contact_id, LIST_OFFERS, 1)
    state.set_field_value(contact_id, FIELD_CITY, "Oulu")
    state.add_contact_tag(contact_id, TAG_VIP)
    assert state.delete_contact(contact_id)
    assert contact_id not in state.contacts
    assert contact_id not in state.contact_order
    assert state.memberships_of(contact_id) == []
    assert state.contact_tags_of(contact_id) == []
    assert state.field_values_of(contact_id) == []
    assert all(m.contact_id != contact_id for m in state.memberships.values())
    assert state.deleted_contact_ids == {contact_id}
    assert not state.delete_contact(contact_id)


def test_tagging_twice_is_refused(frozen: SimulatorState) -> None:
    """A second contactTag for the same tag raises DuplicateError; removal touches."""
    contact_id = frozen.add_contact("b@example.fi", at=ANCHOR)
    record = frozen.add_contact_tag(contact_id, TAG_VIP)
    with pytest.raises(DuplicateError):
        frozen.add_contact_tag(contact_id, TAG_VIP)
    frozen.contacts[contact_id].udate = ANCHOR
    assert frozen.remove_contact_tag(record.id)
    assert frozen.contacts[contact_id].udate == LATER
    assert not frozen.remove_contact_tag(record.id)


def test_add_tag_refuses_a_name_in_use(state: SimulatorState) -> None:
    """Tag names are unique, case-insensitively."""
    created = state.add_tag("rekisteri-objection")
    assert state.tags[created.id].tag == "rekisteri-objection"
    with pytest.raises(DuplicateError):
        state.add_tag("VIP")


def test_set_field_value_upserts(frozen: SimulatorState) -> None:
    """The second value for the same field overwrites the first record."""
    contact_id = frozen.add_contact("c@example.fi")
    first = frozen.set_field_value(contact_id, FIELD_CITY, "Turku")
    second = frozen.set_field_value(contact_id, FIELD_CITY, "Pori")
    assert first.id == second.id
    assert frozen.snapshot().field_values[(contact_id, FIELD_CITY)] == "Pori"


def test_snapshot_is_a_plain_comparable_copy(frozen: SimulatorState) -> None:
    """Snapshots compare by value and do not change when the state changes later."""
    before = frozen.snapshot()
    assert before == frozen.snapshot()
    contact_id = min(frozen.contacts)
    frozen.touch(contact_id)
    after = frozen.snapshot()
    assert after != before
    assert after.contacts[contact_id].udate == LATER
    assert before.contacts[contact_id].udate != LATER
    expected = {
        MembershipSnapshot(m.contact_id, m.list_id, m.status, m.sdate, m.udate, m.unsubreason)
        for m in frozen.memberships.values()
    }
    assert after.memberships == expected
