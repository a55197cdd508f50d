"""JSON shapes of account-level objects: tags, lists, custom fields and the API user."""

from __future__ import annotations

from simulator.records import FieldRecord, ListRecord, TagRecord
from simulator.render import Formatter, Json


def tag(fmt: Formatter, t: TagRecord) -> Json:
    return {
        "tagType": t.tag_type,
        "tag": t.tag,
        "description": t.description,
        "cdate": fmt.iso(t.cdate),
        "links": fmt.links("tags", t.id, ("contactGoalTags",)),
        "id": str(t.id),
    }


_LIST_SETTINGS: Json = {
    "p_use_tracking": "1",
    "p_use_analytics_read": "0",
    "p_use_analytics_link": "0",
    "p_use_twitter": "0",
    "p_use_facebook": "0",
    "p_embed_image": "1",
    "p_use_captcha": "1",
    "send_last_broadcast": "0",
    "private": "0",
    "analytics_domains": None,
    "analytics_source": "",
    "analytics_ua": "",
    "twitter_token": "",
    "twitter_token_secret": "",
    "facebook_session": None,
    "carboncopy": None,
    "subscription_notify": None,
    "unsubscription_notify": None,
    "require_name": "0",
    "get_unsubscribe_reason": "1",
    "to_name": "Tilaaja",
    "optinoptout": "1",
    "sender_name": "Koko Juju",
    "sender_addr1": "",
    "sender_addr2": "",
    "sender_city": "Helsinki",
    "sender_state": "",
    "sender_zip": "",
    "sender_country": "Finland",
    "sender_phone": "",
    "sender_url": "https://kokojuju.example",
}


def mailing_list(fmt: Formatter, r: ListRecord) -> Json:
    return {
        "stringid": r.stringid,
        "userid": "1",
        "name": r.name,
        "cdate": fmt.iso(r.cdate),
        **_LIST_SETTINGS,
        "sender_reminder": r.sender_reminder,
        "fulladdress": "",
        "optinmessageid": "0",
        "optoutconf": "0",
        "deletestamp": None,
        "udate": None,
        "links": fmt.links("lists", r.id, ("contactGoalLists", "user", "addressLists")),
        "id": str(r.id),
        "user": "1",
    }


def field_option_id(field_id: int, index: int) -> int:
    """Field options get ids field_id * 100 + position (1-based)."""
    return field_id * 100 + index


def field(fmt: Formatter, r: FieldRecord) -> Json:
    return {
        "title": r.title,
        "descript": None,
        "type": r.type,
        "isrequired": "0",
        "perstag": r.perstag,
        "defval": None,
        "show_in_list": "0",
        "rows": "0",
        "cols": "0",
        "visible": "1",
        "service": "",
        "ordernum": str(r.id),
        "cdate": fmt.iso(r.cdate),
        "udate": fmt.iso(r.cdate),
        "options": [str(field_option_id(r.id, i)) for i in range(1, len(r.options) + 1)],
        "relations": [str(r.id)],
        "links": fmt.links("fields", r.id, ("options", "relations")),
        "id": str(r.id),
    }


def field_options(fmt: Formatter, r: FieldRecord) -> list[Json]:
    """fieldOptions of a dropdown/multiselect/checkbox field (shape not in the samples)."""
    return [
        {
            "field": str(r.id),
            "orderid": str(index),
            "value": option,
            "label": option,
            "isdefault": "0",
            "cdate": fmt.iso(r.cdate),
            "udate": fmt.iso(r.cdate),
            "links": fmt.links("fieldOptions", field_option_id(r.id, index), ("field",)),
            "id": str(field_option_id(r.id, index)),
        }
        for index, option in enumerate(r.options, start=1)
    ]


def field_rel(fmt: Formatter, r: FieldRecord) -> Json:
    """The field's relation to "all lists" (relid 0); shape not in the samples."""
    return {
        "field": str(r.id),
        "relid": "0",
        "dorder": str(r.id),
        "cdate": fmt.iso(r.cdate),
        "links": [],
        "id": str(r.id),
    }


def user_me(fmt: Formatter) -> Json:
    return {
        "username": "admin",
        "firstName": "Kaisa",
        "lastName": "Ylläpitäjä",
        "email": "admin@kokojuju.example",
        "phone": "",
        "signature": None,
        "links": fmt.links(
            "users", 1, ("lists", "userGroup", "dealGroupTotals", "dealGroupUsers", "configs")
        ),
        "id": "1",
    }
