"""Raw ActiveCampaign records to models: numbers as strings, mixed dates, bad fields."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sync.activecampaign.errors import MalformedResponseError
from sync.activecampaign.models import Contact, Field, FieldValue, MailingList, Membership, Tag
from sync.activecampaign.parse import (
    parse_ac_datetime,
    parse_contact,
    parse_contact_tag,
    parse_field,
    parse_field_value,
    parse_list,
    parse_membership,
    parse_tag,
    records,
    to_bool,
    to_int,
)
from tests.sync.conftest import load_sample


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, sec: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, sec, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("5", 5), (" 12 ", 12), (7, 7), ("-1", -1), ("0", 0)],
)
def test_to_int_accepts_numbers_and_numeric_strings(raw: object, expected: int) -> None:
    """Ids and counts arrive as strings or numbers; both read as int."""
    assert to_int(raw) == expected


@pytest.mark.parametrize("raw", [True, "1.5", "", "x5", None, 2.0, [1]])
def test_to_int_rejects_everything_else(raw: object) -> None:
    """Booleans, decimals, blanks and other types are not integers."""
    with pytest.raises(ValueError, match="not an integer"):
        to_int(raw)


def test_to_bool_reads_flags() -> None:
    """Flags come as "0"/"1", 0/1 or JSON booleans."""
    assert [to_bool(v) for v in ("0", "1", 0, 1, True, False)] == [
        False, True, False, True, True, False,
    ]  # fmt: skip
    with pytest.raises(ValueError, match="not a 0/1 flag"):
        to_bool("2")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2018-09-12T16:53:50-05:00", utc(2018, 9, 12, 21, 53, 50)),
        ("2018-11-15T21:43:38-06:00", utc(2018, 11, 16, 3, 43, 38)),
        ("2026-01-01T10:00:00+02:00", utc(2026, 1, 1, 8, 0, 0)),
        ("2026-01-01T10:00:00Z", utc(2026, 1, 1, 10, 0, 0)),
        ("2021-04-08 11:17:44", utc(2021, 4, 8, 11, 17, 44)),
        ("2021-05-02", utc(2021, 5, 2)),
        ("0000-00-00", None),
        ("0000-00-00 00:00:00", None),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_parse_ac_datetime_mixed_formats(raw: object, expected: datetime | None) -> None:
    """Offsets convert to UTC, zone-less stamps are taken as UTC, zero-dates mean never."""
    parsed = parse_ac_datetime(raw)
    assert (parsed, parsed.tzinfo if parsed else None) == (expected, UTC if expected else None)


@pytest.mark.parametrize("raw", ["yesterday", "2021-13-45", 1700000000, ["2021-01-01"]])
def test_parse_ac_datetime_rejects_junk(raw: object) -> None:
    """Anything that is not a date is an error, not a silent None."""
    with pytest.raises(ValueError):
        parse_ac_datetime(raw)


def test_contacts_sample_parses_whole() -> None:
    """The official GET /contacts sample parses into these contacts; those with an "ip" other
    than "0" carry data recorded from the website."""
    body = load_sample("contacts_list__GET_contacts__200.json")
    tracked = {4, 2, 3}  # "ip": "2130706433"

    def unbounced(
        cid: int, email: str, first: str, phone: str, at: datetime, up: datetime
    ) -> Contact:
        return Contact(cid, email, first, "", phone, at, up, False, False, None, cid in tracked)

    assert [parse_contact(raw) for raw in body["contacts"]] == [
        unbounced(5, "adam@activecampaign.com", "", "", utc(2018, 9, 12, 21, 53, 50),
                  utc(2018, 9, 12, 22, 0, 0)),
        unbounced(4, "kconnell2@gmailc.om", "", "", utc(2018, 8, 17, 18, 46, 58),
                  utc(2018, 8, 17, 18, 46, 58)),
        unbounced(6, "test@gmail.com", "", "", utc(2018, 9, 18, 16, 2, 57),
                  utc(2018, 9, 18, 16, 2, 57)),
        unbounced(2, "test@test.com", "Test", "9813764", utc(2018, 8, 17, 14, 56, 33),
                  utc(2018, 8, 17, 14, 56, 33)),
        unbounced(3, "test@testing.com", "testing", "20405938", utc(2018, 8, 17, 18, 45, 23),
                  utc(2018, 8, 17, 18, 45, 23)),
        unbounced(7, "tjahn+test@activecampaign.com", "", "", utc(2018, 9, 20, 4, 11, 11),
                  utc(2018, 9, 20, 4, 11, 11)),
    ]  # fmt: skip


def test_bounced_contact_with_numbers_as_numbers() -> None:
    """Flags and ids given as JSON numbers and a bounce date parse like their string forms."""
    raw = {
        "id": 9, "email": "b@example.com", "firstName": None, "lastName": "L", "phone": None,
        "cdate": "2020-01-01T00:00:00-05:00", "udate": "0000-00-00 00:00:00",
        "bounced_hard": 1, "bounced_soft": "0", "bounced_date": "2024-03-01",
    }  # fmt: skip
    assert parse_contact(raw) == Contact(
        9, "b@example.com", "", "L", "", utc(2020, 1, 1, 5), None, True, False, utc(2024, 3, 1)
    )


def test_memberships_sample_parses_whole() -> None:
    """Side-loaded and per-contact contactLists parse into memberships."""
    per_contact = load_sample("contact_contactLists__GET_contacts_id_contactLists__200.json")
    side_loaded = load_sample("contact__GET_contacts_id__200.json")
    echo = load_sample("contactList_status__POST_contactLists__200.json")["contactList"]
    parsed = [
        parse_membership(r) for r in per_contact["contactLists"] + side_loaded["contactLists"]
    ]
    assert parsed + [parse_membership(echo)] == [
        Membership(19, 1, 3, utc(2021, 4, 8, 16, 17, 44), utc(2021, 5, 12, 16, 10, 6), ""),
        Membership(1, 1, 1, None, None, ""),
        Membership(1, 2, 1, utc(2018, 10, 16, 18, 52, 35), None, ""),
    ]


def test_field_values_sample_parses_whole() -> None:
    """Field values keep their text; a null value stays None."""
    body = load_sample("contact_fieldValues__GET_contacts_id_fieldValues__200.json")
    side_loaded = load_sample("contact__GET_contacts_id__200.json")["fieldValues"]
    usual = utc(2021, 5, 12, 19, 54, 57)
    assert [parse_field_value(r) for r in body["fieldValues"] + side_loaded] == [
        FieldValue(1, 5, 1, "United States", usual),
        FieldValue(2, 5, 2, "Software", usual),
        FieldValue(3, 5, 3, "Yes", usual),
        FieldValue(4, 5, 4, "Landing Page", usual),
        FieldValue(5, 5, 5, "2021-05-02", utc(2021, 5, 19, 15, 34, 19)),
        FieldValue(6, 5, 7, "Director", usual),
        FieldValue(1, 1, 1, None, utc(1975, 11, 8, 16, 31, 45)),
    ]


def test_lists_fields_tags_samples_parse_whole() -> None:
    """Lists, fields and tags samples parse into their models."""
    lists = [parse_list(r) for r in load_sample("lists__GET_lists__200.json")["lists"]]
    fields = [parse_field(r) for r in load_sample("fields__GET_fields__200.json")["fields"]]
    tags = [parse_tag(r) for r in load_sample("tags__GET_tags__200.json")["tags"]]
    assert (lists, fields, tags) == (
        [
            MailingList(1, "Email Subscription", "email-subscription"),
            MailingList(2, "Robert List", "robert-list"),
            MailingList(3, "Mark List", "mark-list"),
            MailingList(4, "", ""),
        ],
        [
            Field(2, "Another Test Title", "", "ANOTHER_TEST_TITLE"),
            Field(1, "Title", "textarea", "PERSONALIZEDTAG"),
        ],
        [
            Tag(1, "one", "contact"),
            Tag(2, "two", "contact"),
            Tag(3, "three", "contact"),
            Tag(4, "test1", "template"),
            Tag(5, "test2", "template"),
        ],
    )


def test_contact_tag_sample_parses() -> None:
    """A contactTag names its own id, the contact and the tag."""
    raw = load_sample("contactTag_add__POST_contactTags__201.json")["contactTag"]
    assert parse_contact_tag(raw).__dict__ == {"id": 1, "contact_id": 1, "tag_id": 20}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"bounced_date": "last tuesday"},
            "GET /api/3/contacts: contact.bounced_date is not a date",
        ),
        ({"id": None}, "GET /api/3/contacts: contact.id is missing"),
        ({"id": "c-5"}, "GET /api/3/contacts: contact.id is not an integer"),
        ({"bounced_hard": "yes"}, "GET /api/3/contacts: contact.bounced_hard is not a 0/1 flag"),
        ({"firstName": {"first": "Ann"}}, "GET /api/3/contacts: contact.firstName is not a string"),
    ],
)
def test_malformed_contact_names_endpoint_and_field_not_value(
    change: dict[str, object], message: str
) -> None:
    """A bad field raises MalformedResponseError naming where, never what."""
    raw = {**load_sample("contacts_list__GET_contacts__200.json")["contacts"][0], **change}
    with pytest.raises(MalformedResponseError) as caught:
        parse_contact(raw, source="GET /api/3/contacts")
    assert str(caught.value) == message
    assert "adam@activecampaign.com" not in str(caught.value)


def test_missing_email_key_and_non_object_record_are_malformed() -> None:
    """A contact without an email key, or a record that is not an object, is malformed."""
    errors = []
    for raw in ({"id": "5"}, ["5", "adam@example.com"]):
        with pytest.raises(MalformedResponseError) as caught:
            parse_contact(raw)
        errors.append(str(caught.value))
    assert errors == [
        "contacts: contact.email is missing",
        "contacts: a contact record is not a JSON object",
    ]


def test_records_reads_arrays_and_rejects_other_shapes() -> None:
    """A collection key reads as a list; absent/null is empty; an object is malformed."""
    body = {"contacts": [{"id": "1"}], "fieldValues": None}
    assert (records(body, "contacts", source="s"), records(body, "fieldValues", source="s"),
            records(body, "contactTags", source="s")) == ([{"id": "1"}], [], [])  # fmt: skip
    with pytest.raises(MalformedResponseError, match="^s: 'meta' is not a list$"):
        records({"meta": {"total": "1"}}, "meta", source="s")


def test_a_20_digit_contact_id_is_a_malformed_answer() -> None:
    """An id beyond SQLite's 64-bit integers is an API error naming the field, not a crash."""
    raw = {
        **load_sample("contacts_list__GET_contacts__200.json")["contacts"][0],
        "id": "12345678901234567890",
    }
    with pytest.raises(MalformedResponseError) as caught:
        parse_contact(raw, source="GET /api/3/contacts")
    assert str(caught.value) == (
        "GET /api/3/contacts: contact.id is not an integer in the 64-bit range"
    )
