"""Loading the register into the frames the rules take: the contacts' tags by name."""

from __future__ import annotations

import sqlite3

import pandas as pd
from pandas.testing import assert_frame_equal

from compliance.frames import conform, empty_contact_tags
from sync.activecampaign.models import Tag
from sync.register import transaction
from sync.register.frames import load_frame
from sync.register.mirror import add_contact_tag, save_tags


def test_contact_tags_carry_the_tag_name(conn: sqlite3.Connection) -> None:
    """Each contactTag as (contact_id, tag name); one whose tag the mirror lacks is left out."""
    with transaction(conn):
        save_tags(conn, [Tag(3, "asiakas", "contact"), Tag(9, "rekisteri-objection", "contact")])
        for contact_tag_id, contact_id, tag_id in ((70, 2, 9), (71, 1, 3), (72, 2, 3), (73, 1, 8)):
            add_contact_tag(
                conn, contact_tag_id=contact_tag_id, contact_id=contact_id, tag_id=tag_id
            )

    frame = load_frame(conn, "contact_tags")

    want = pd.DataFrame(
        {"contact_id": [1, 2, 2], "tag": ["asiakas", "asiakas", "rekisteri-objection"]}
    )
    assert_frame_equal(frame, want)


def test_empty_contact_tags_conform(conn: sqlite3.Connection) -> None:
    """A register with no tags loads as a frame that conforms to the empty schema."""
    frame = conform(load_frame(conn, "contact_tags"), "contact_tags", ["contact_id", "tag"])
    assert_frame_equal(frame, empty_contact_tags())
