"""Saving fetched pages into the mirror: recorded payloads in, whole tables out, no network."""

from __future__ import annotations

import copy
import sqlite3
from datetime import UTC, datetime
from typing import Any

from sync.activecampaign.fetch import parse_contact_page
from sync.activecampaign.models import Tag
from sync.activecampaign.parse import parse_field, parse_list, parse_tag
from sync.register import transaction
from sync.register.mirror import (
    add_contact_tag,
    mirrored_ids,
    record_ac_deletions,
    save_fields,
    save_lists,
    save_page,
    save_tag,
    save_tags,
)
from tests.sync.conftest import load_sample
from tests.sync.register.conftest import table

MIRROR = ("contacts", "memberships", "contact_tags", "field_values")


def listing_page() -> dict[str, Any]:
    """The recorded GET contacts page with recorded side-loads (one for a contact not on it)."""
    return {
        **load_sample("contacts_list__GET_contacts__200.json"),
        "contactLists": load_sample("contact_contactLists__GET_contacts_id_contactLists__200.json")[
            "contactLists"
        ],  # contact 19: not on this page
        "fieldValues": load_sample("contact_fieldValues__GET_contacts_id_fieldValues__200.json")[
            "fieldValues"
        ],  # contact 5
    }


def bundle_page() -> dict[str, Any]:
    """Contact 1 from the recorded GET contacts/{id}, its list, and the recorded contactTag."""
    bundle = load_sample("contact__GET_contacts_id__200.json")
    return {
        "contacts": [bundle["contact"]],
        "contactLists": bundle["contactLists"],
        "contactTags": [load_sample("contactTag_add__POST_contactTags__201.json")["contactTag"]],
    }


def mirror(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {name: table(conn, name) for name in MIRROR}


# The last column is web_tracked: the samples give contacts 2, 3 and 4 an "ip".
SAVED = {
    "contacts": [
        (1, "selmer.koss@example.com", "selmer.koss@example.com", "Charles", "Reynolds", "",
         "2007-05-05T17:49:09+00:00", None, 0, 0, None, 0),
        (2, "test@test.com", "test@test.com", "Test", "", "9813764",
         "2018-08-17T14:56:33+00:00", "2018-08-17T14:56:33+00:00", 0, 0, None, 1),
        (3, "test@testing.com", "test@testing.com", "testing", "", "20405938",
         "2018-08-17T18:45:23+00:00", "2018-08-17T18:45:23+00:00", 0, 0, None, 1),
        (4, "kconnell2@gmailc.om", "kconnell2@gmailc.om", "", "", "",
         "2018-08-17T18:46:58+00:00", "2018-08-17T18:46:58+00:00", 0, 0, None, 1),
        (5, "adam@activecampaign.com", "adam@activecampaign.com", "", "", "",
         "2018-09-12T21:53:50+00:00", "2018-09-12T22:00:00+00:00", 0, 0, None, 0),
        (6, "test@gmail.com", "test@gmail.com", "", "", "",
         "2018-09-18T16:02:57+00:00", "2018-09-18T16:02:57+00:00", 0, 0, None, 0),
        (7, "tjahn+test@activecampaign.com", "tjahn+test@activecampaign.com", "", "", "",
         "2018-09-20T04:11:11+00:00", "2018-09-20T04:11:11+00:00", 0, 0, None, 0),
    ],
    "memberships": [(1, 1, 1, None, None, "", None, None)],
    "contact_tags": [(1, 1, 20)],
    "field_values": [
        (1, 5, 1, "United States", "2021-05-12T19:54:57+00:00"),
        (2, 5, 2, "Software", "2021-05-12T19:54:57+00:00"),
        (3, 5, 3, "Yes", "2021-05-12T19:54:57+00:00"),
        (4, 5, 4, "Landing Page", "2021-05-12T19:54:57+00:00"),
        (5, 5, 5, "2021-05-02", "2021-05-19T15:34:19+00:00"),
        (6, 5, 7, "Director", "2021-05-12T19:54:57+00:00"),
    ],
}  # fmt: skip


def save_recorded_pages(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        save_page(conn, parse_contact_page(listing_page()))
        save_page(conn, parse_contact_page(bundle_page()))


def test_save_page_stores_recorded_contacts_with_their_related_records(
    conn: sqlite3.Connection,
) -> None:
    """Contacts, lists, tags and field values land as parsed; other contacts' records do not."""
    save_recorded_pages(conn)

    assert mirror(conn) == SAVED


def test_saving_the_same_pages_again_changes_nothing(conn: sqlite3.Connection) -> None:
    """Re-saving is idempotent: no duplicates, same rows."""
    save_recorded_pages(conn)
    save_recorded_pages(conn)

    assert mirror(conn) == SAVED


def test_save_page_replaces_what_a_contact_held_before(conn: sqlite3.Connection) -> None:
    """A later page is the whole truth about its contacts: dropped values and tags go."""
    save_recorded_pages(conn)
    listing = listing_page()
    listing["contacts"][3]["firstName"] = "Testi"  # contact 2
    listing["fieldValues"] = [v for v in listing["fieldValues"] if v["field"] in ("1", "7")]
    bundle = copy.deepcopy(bundle_page())
    bundle["contactLists"][0]["status"] = "2"
    bundle["contactTags"] = []

    with transaction(conn):
        save_page(conn, parse_contact_page(listing))
        save_page(conn, parse_contact_page(bundle))

    contacts = list(SAVED["contacts"])
    contacts[1] = (2, "test@test.com", "test@test.com", "Testi", *contacts[1][4:])
    assert mirror(conn) == {
        "contacts": contacts,
        "memberships": [(1, 1, 2, None, None, "", None, None)],
        "contact_tags": [],
        "field_values": [SAVED["field_values"][0], SAVED["field_values"][5]],
    }


def test_record_ac_deletions_removes_contacts_and_keeps_only_their_ids(
    conn: sqlite3.Connection,
) -> None:
    """A contact gone from ActiveCampaign leaves the mirror whole; only its id is noted."""
    save_recorded_pages(conn)
    at = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)

    with transaction(conn):
        removed = record_ac_deletions(conn, {5, 1}, detected_at=at, pull_id=3)

    assert removed == 2
    assert mirror(conn) == {
        "contacts": [c for c in SAVED["contacts"] if c[0] not in (1, 5)],
        "memberships": [],
        "contact_tags": [],
        "field_values": [],
    }
    assert mirrored_ids(conn) == {2, 3, 4, 6, 7}
    assert table(conn, "ac_deletions") == [
        (1, "2026-11-25T03:00:00+00:00", 3),
        (5, "2026-11-25T03:00:00+00:00", 3),
    ]


def test_catalogues_are_replaced_whole(conn: sqlite3.Connection) -> None:
    """Lists, fields and tags from recorded payloads replace what was there."""
    lists = [parse_list(r) for r in load_sample("lists__GET_lists__200.json")["lists"]]
    fields = [parse_field(r) for r in load_sample("fields__GET_fields__200.json")["fields"]]
    tags = [parse_tag(r) for r in load_sample("tags__GET_tags__200.json")["tags"]]
    with transaction(conn):
        save_lists(conn, lists)
        save_fields(conn, fields)
        save_tags(conn, tags)
        save_lists(conn, lists[:2])
        save_tags(conn, tags[3:])

    assert (table(conn, "lists"), table(conn, "fields"), table(conn, "tags")) == (
        [(1, "Email Subscription", "email-subscription"), (2, "Robert List", "robert-list")],
        [(1, "Title", "textarea", "PERSONALIZEDTAG"),
         (2, "Another Test Title", "", "ANOTHER_TEST_TITLE")],
        [(4, "test1", "template"), (5, "test2", "template")],
    )  # fmt: skip


def test_save_tag_adds_one_tag_and_keeps_the_others(conn: sqlite3.Connection) -> None:
    """A tag an apply created joins the pulled catalogue; saving it again changes nothing."""
    tags = [parse_tag(r) for r in load_sample("tags__GET_tags__200.json")["tags"]]
    with transaction(conn):
        save_tags(conn, tags[3:])
        save_tag(conn, Tag(id=9, tag="rekisteri-objection", tag_type="contact"))
        save_tag(conn, Tag(id=9, tag="rekisteri-objection", tag_type="contact"))
        add_contact_tag(conn, contact_tag_id=70, contact_id=1, tag_id=9)

    assert (table(conn, "tags"), table(conn, "contact_tags")) == (
        [(4, "test1", "template"), (5, "test2", "template"), (9, "rekisteri-objection", "contact")],
        [(70, 1, 9)],
    )
