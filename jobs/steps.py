"""The changes in ActiveCampaign the jobs make, as executor steps (audited, resumable)."""

from __future__ import annotations

import sqlite3
from typing import Any

from compliance.codes import LIST_STATUS_ACTIVE, LIST_STATUS_UNSUBSCRIBED, ActionType
from sync.activecampaign import actions as ac
from sync.activecampaign.client import ActiveCampaignClient
from sync.activecampaign.errors import endpoint_label
from sync.activecampaign.models import Tag
from sync.activecampaign.parse import parse_contact_tag, records
from sync.executor import Outcome, Step
from sync.register import mirror


def unsubscribe_step(
    client: ActiveCampaignClient,
    contact_id: int,
    list_id: int,
    rule: str,
    pull_id: int,
    clock: Any,
) -> Step:
    def send() -> Outcome:
        ac.set_list_status(
            client, contact_id=contact_id, list_id=list_id, status=LIST_STATUS_UNSUBSCRIBED
        )
        return Outcome()

    def verify() -> bool:
        _, memberships = ac.get_contact(client, contact_id)
        return all(m.status != LIST_STATUS_ACTIVE for m in memberships if m.list_id == list_id)

    def save(conn: sqlite3.Connection, outcome: Outcome) -> None:
        mirror.set_membership_status(
            conn,
            contact_id=contact_id,
            list_id=list_id,
            status=LIST_STATUS_UNSUBSCRIBED,
            at=clock(),
        )

    return Step(
        key=f"unsubscribe:{contact_id}:{list_id}:p{pull_id}",
        type=ActionType.UNSUBSCRIBE.value,
        subject=str(contact_id),
        list_id=list_id,
        rule=rule,
        send=send,
        verify=verify,
        save=save,
    )


def find_contact_tag(client: ActiveCampaignClient, contact_id: int, tag_id: int) -> int | None:
    """The id of the contactTag putting tag `tag_id` on the contact, None when it has none."""
    path = f"contacts/{contact_id}/contactTags"
    source = endpoint_label("GET", path)
    for raw in records(client.get(path), "contactTags", source=source):
        found = parse_contact_tag(raw, source=source)
        if found.tag_id == tag_id:
            return found.id
    return None


def tag_step(
    client: ActiveCampaignClient,
    contact_id: int,
    tag: str,
    rule: str,
    pull_id: int,
    tag_ids: dict[str, int],
) -> Step:
    def tag_id() -> int:
        if tag not in tag_ids:
            tag_ids[tag] = ac.ensure_tag(client, tag)
        return tag_ids[tag]

    # The contactTag's id, read back once the tag is on: the mirror is keyed by it.
    placed: list[int] = []

    def look_up() -> bool:
        found = find_contact_tag(client, contact_id, tag_id())
        placed[:] = [] if found is None else [found]
        return found is not None

    def send() -> Outcome:
        ac.add_tag(client, contact_id=contact_id, tag_id=tag_id())
        look_up()
        return Outcome(detail={"tag": tag})

    def save(conn: sqlite3.Connection, outcome: Outcome) -> None:
        # The mirror holds the tag at once, so the next reconcile plans no tag for the contact
        # even before a pull; should the read-back have missed it, the next pull brings it.
        if placed:
            mirror.save_tag(conn, Tag(id=tag_id(), tag=tag, tag_type="contact"))
            mirror.add_contact_tag(
                conn, contact_tag_id=placed[0], contact_id=contact_id, tag_id=tag_id()
            )

    return Step(
        key=f"tag:{contact_id}:{tag}:p{pull_id}",
        type=ActionType.TAG.value,
        subject=str(contact_id),
        rule=rule,
        send=send,
        verify=look_up,
        save=save,
        detail={"tag": tag},
    )


def delete_verified(client: ActiveCampaignClient, contact_id: int) -> Outcome:
    """DELETE the contact, then re-read it expecting 404 (R-RET-8, R-ERA-2)."""
    ac.delete_contact(client, contact_id)
    if ac.contact_exists(client, contact_id):
        return Outcome("failed", {"error": "contact still readable after delete"})
    return Outcome(detail={"verified": "404"})


def is_deleted(client: ActiveCampaignClient, contact_id: int) -> bool:
    return not ac.contact_exists(client, contact_id)
