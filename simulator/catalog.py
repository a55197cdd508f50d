"""The fixed part of the synthetic account: lists, custom fields, tags and geo addresses."""

from __future__ import annotations

from datetime import datetime, timedelta

from simulator.names import CITIES, INTERESTS
from simulator.records import FieldRecord, GeoAddressRecord, ListRecord, TagRecord

DEFAULT_TIMEZONE = "Europe/Helsinki"

LIST_NEWSLETTER = 1
LIST_OFFERS = 2
LIST_SURVEYS = 3
LIST_ORDER_CONFIRMATIONS = 4

FIELD_INTERESTS = 1
FIELD_CITY = 2
FIELD_BIRTHDAY = 3
FIELD_MARKETING_PERMISSION = 4

TAG_CUSTOMER = 1
TAG_VIP = 2
TAG_WEBINAR_2025 = 3
TAG_FAIR_2024 = 4
TAG_RAFFLE_2023 = 5
TAG_TEMPLATE = 6

# (id, name, stringid, sender_reminder)
_LISTS = (
    (LIST_NEWSLETTER, "Uutiskirje", "uutiskirje", "Tilasit uutiskirjeemme verkkosivuilta."),
    (LIST_OFFERS, "Asiakastarjoukset", "asiakastarjoukset", "Olet asiakkaamme."),
    (LIST_SURVEYS, "Asiakaskyselyt", "asiakaskyselyt", "Olet asiakkaamme."),
    (LIST_ORDER_CONFIRMATIONS, "Tilausvahvistukset", "tilausvahvistukset", "Tilasit meiltä."),
)

# (id, title, type, perstag, options)
_FIELDS: tuple[tuple[int, str, str, str, tuple[str, ...]], ...] = (
    (FIELD_INTERESTS, "Kiinnostuksen kohteet", "multiselect", "KIINNOSTUKSEN_KOHTEET", INTERESTS),
    (FIELD_CITY, "Kaupunki", "text", "KAUPUNKI", ()),
    (FIELD_BIRTHDAY, "Syntymäpäivä", "date", "SYNTYMAPAIVA", ()),
    (FIELD_MARKETING_PERMISSION, "Markkinointilupa", "checkbox", "MARKKINOINTILUPA", ("Kyllä",)),
)

# (id, tag, tagType, description)
_TAGS = (
    (TAG_CUSTOMER, "asiakas", "contact", "Ostanut verkkokaupasta"),
    (TAG_VIP, "vip", "contact", ""),
    (TAG_WEBINAR_2025, "webinaari-2025", "contact", "Ilmoittautui webinaariin"),
    (TAG_FAIR_2024, "messut-2024", "contact", ""),
    (TAG_RAFFLE_2023, "arvonta-2023", "contact", "Osallistui arvontaan"),
    (TAG_TEMPLATE, "uutiskirjepohja", "template", ""),
)


def build_lists(anchor: datetime) -> dict[int, ListRecord]:
    """The four lists, created a little over five years before `anchor`."""
    start = anchor - timedelta(days=5 * 365 + 30)
    return {
        list_id: ListRecord(list_id, name, stringid, start + timedelta(days=list_id), reminder)
        for list_id, name, stringid, reminder in _LISTS
    }


def build_fields(anchor: datetime) -> dict[int, FieldRecord]:
    """The custom fields, created with the lists."""
    start = anchor - timedelta(days=5 * 365 + 20)
    return {
        field_id: FieldRecord(
            field_id, title, kind, perstag, start + timedelta(hours=field_id), opts
        )
        for field_id, title, kind, perstag, opts in _FIELDS
    }


def build_tags(anchor: datetime) -> dict[int, TagRecord]:
    """The tags that exist before the job runs (the job creates its own with POST /tags)."""
    start = anchor - timedelta(days=4 * 365)
    return {
        tag_id: TagRecord(tag_id, tag, kind, description, start + timedelta(days=30 * tag_id))
        for tag_id, tag, kind, description in _TAGS
    }


def build_geo_addresses() -> dict[int, GeoAddressRecord]:
    """One geo address per city in `names.CITIES`, ids from 1."""
    return {
        index: GeoAddressRecord(index, city, region, zip_code, lat, lon)
        for index, (city, region, zip_code, lat, lon) in enumerate(CITIES, start=1)
    }
