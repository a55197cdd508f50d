"""generate(): deterministic, varied synthetic data."""

from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta

import pytest

from simulator import SimulatorState, generate
from simulator.catalog import (
    FIELD_INTERESTS,
    LIST_NEWSLETTER,
    LIST_ORDER_CONFIRMATIONS,
    TAG_CUSTOMER,
)
from simulator.state import email_key
from tests.simulator.support import ANCHOR


@pytest.fixture(scope="module")
def big() -> SimulatorState:
    return generate(contacts=5000, seed=3, anchor=ANCHOR)


def test_same_arguments_give_the_same_data() -> None:
    """Two runs with the same contacts, seed and anchor produce equal snapshots."""
    first = generate(contacts=500, seed=11, anchor=ANCHOR).snapshot()
    second = generate(contacts=500, seed=11, anchor=ANCHOR).snapshot()
    assert first == second


def test_another_seed_gives_other_data() -> None:
    """A different seed changes the contacts."""
    first = generate(contacts=200, seed=1, anchor=ANCHOR).snapshot()
    second = generate(contacts=200, seed=2, anchor=ANCHOR).snapshot()
    assert first.contacts != second.contacts


def test_catalog_is_fixed() -> None:
    """Lists, fields and tags have the documented ids and names."""
    snap = generate(contacts=0, seed=0, anchor=ANCHOR).snapshot()
    assert snap.lists == {
        1: "Uutiskirje",
        2: "Asiakastarjoukset",
        3: "Asiakaskyselyt",
        4: "Tilausvahvistukset",
    }
    assert snap.fields == {
        1: "Kiinnostuksen kohteet",
        2: "Kaupunki",
        3: "Syntymäpäivä",
        4: "Markkinointilupa",
    }
    assert snap.tags == {
        1: "asiakas",
        2: "vip",
        3: "webinaari-2025",
        4: "messut-2024",
        5: "arvonta-2023",
        6: "uutiskirjepohja",
    }
    assert snap.contacts == {}


def test_contact_count_and_increasing_ids_with_gaps(big: SimulatorState) -> None:
    """Exactly N contacts; ids ascend with cdate and skip some numbers."""
    ids = sorted(big.contacts)
    assert len(ids) == 5000
    assert ids[-1] > 5000
    cdates = [big.contacts[i].cdate for i in ids]
    assert cdates == sorted(cdates)


def test_dates_lie_within_five_years_before_anchor(big: SimulatorState) -> None:
    """cdate <= udate <= anchor and cdate is at most ~5 years old; memberships likewise."""
    oldest = ANCHOR - timedelta(days=5 * 365 + 1)
    for contact in big.contacts.values():
        assert oldest <= contact.cdate <= contact.udate <= ANCHOR
    for m in big.memberships.values():
        assert big.contacts[m.contact_id].cdate <= m.sdate <= m.udate <= ANCHOR
        assert m.udate <= big.contacts[m.contact_id].udate


def test_emails_are_messy_like_real_ones(big: SimulatorState) -> None:
    """Mixed case, Finnish letters, ~1% invalid and some case/whitespace duplicates."""
    emails = [c.email for c in big.contacts.values()]
    invalid = [e for e in emails if e.count("@") != 1 or " " in e.strip() or e.endswith("@")]
    assert 20 <= len(invalid) <= 90
    assert any(e != e.lower() for e in emails)
    assert any(ch in e for e in emails for ch in "äöå")
    keys = Counter(email_key(e) for e in emails)
    duplicates = [e for e in emails if keys[email_key(e)] > 1]
    assert duplicates
    assert any(e != e.strip() for e in duplicates) or any(e != e.lower() for e in duplicates)
    names = {c.last_name for c in big.contacts.values()}
    assert {"Mäkinen", "Järvinen", "Söderström", "Äijälä"} <= names


def test_memberships_cover_every_status_and_some_contacts_have_none(big: SimulatorState) -> None:
    """Statuses 0-3 all occur, every list is used, and some contacts are on no list."""
    statuses = Counter(m.status for m in big.memberships.values())
    assert set(statuses) == {0, 1, 2, 3}
    assert statuses[1] > statuses[2] > 0
    assert {m.list_id for m in big.memberships.values()} == {1, 2, 3, 4}
    on_lists = {m.contact_id for m in big.memberships.values()}
    assert 0 < len(set(big.contacts) - on_lists) < len(big.contacts) // 3
    newsletter = [m for m in big.memberships.values() if m.list_id == LIST_NEWSLETTER]
    assert len(newsletter) > len(big.contacts) // 3


def test_tags_fields_bounces_and_history_occur(big: SimulatorState) -> None:
    """Customers carry the asiakas tag, multiselects use ||a||b||, some contacts bounced."""
    customers = {
        m.contact_id for m in big.memberships.values() if m.list_id == LIST_ORDER_CONFIRMATIONS
    }
    tagged = {t.contact_id for t in big.contact_tags.values() if t.tag_id == TAG_CUSTOMER}
    assert len(customers & tagged) > 0.8 * len(customers)
    interests = [v.value for v in big.field_values.values() if v.field_id == FIELD_INTERESTS]
    assert interests and all(v.startswith("||") and v.endswith("||") for v in interests)
    hard = [c for c in big.contacts.values() if c.bounced_hard]
    soft = [c for c in big.contacts.values() if c.bounced_soft]
    assert hard and soft and all(c.bounced_date is not None for c in hard + soft)
    assert all(big.extras_of(c.id).bounce_logs for c in hard)
    extras = big.extras.values()
    for kind in ("notes", "deals", "automations", "geo_ips", "tracking_logs"):
        assert any(getattr(e, kind) for e in extras), kind


def test_generating_20000_contacts_is_fast() -> None:
    """20,000 contacts generate in well under the budget (2 s on a normal machine)."""
    started = time.perf_counter()
    state = generate(contacts=20_000, seed=1, anchor=ANCHOR)
    elapsed = time.perf_counter() - started
    assert len(state.contacts) == 20_000
    assert elapsed < 5.0  # generous: shared CI machines are slow


def test_naive_anchor_is_refused() -> None:
    """The anchor must be timezone-aware."""
    with pytest.raises(ValueError, match="anchor"):
        generate(contacts=1, seed=1, anchor=ANCHOR.replace(tzinfo=None))
