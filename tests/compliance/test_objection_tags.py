"""reconcile given the contacts' tags: the objection tag heals itself (SPEC 5, R-OBJ)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from compliance.codes import OBJECTION_TAG
from compliance.frames import empty_actions
from compliance.reconcile import Reconciliation, reconcile
from tests.compliance import factories as f
from tests.compliance.factories import NEWSLETTER, OFFERS
from tests.compliance.scenarios import (
    LEENA,
    MATTI,
    OBJ,
    TAG,
    Case,
    applied,
    expected,
    inputs,
    run,
    unsubscribe,
)

Tags = tuple[tuple[int, str], ...]  # (contact_id, tag name) as the mirror holds them

DUP = "DUPLICATE_CONTACT"
OBJECTED = ((LEENA, "direct_marketing", "2025-01-01"),)
TAGGED: Tags = ((1, OBJECTION_TAG),)
ON_NEWSLETTER = Case(
    memberships=((1, NEWSLETTER),),
    consents=((LEENA, "newsletter", "grant", "2024-01-01"),),
    objections=OBJECTED,
    findings=((OBJ, 1, NEWSLETTER),),
)

CASES = [
    pytest.param(Case(objections=OBJECTED, actions=(TAG,)), (), id="untagged-objector-no-list"),
    pytest.param(Case(objections=OBJECTED), TAGGED, id="tagged-objector-no-list"),
    pytest.param(
        replace(ON_NEWSLETTER, actions=(unsubscribe(OBJ, 1, NEWSLETTER), TAG)),
        (),
        id="untagged-objector-on-a-list-one-tag-and-the-unsubscribe",
    ),
    pytest.param(
        replace(ON_NEWSLETTER, actions=(unsubscribe(OBJ, 1, NEWSLETTER),)),
        TAGGED,
        id="tagged-objector-on-a-list-only-the-unsubscribe",
    ),
    pytest.param(
        Case(
            objections=OBJECTED,
            consents=((LEENA, "surveys", "grant", "2025-03-01"),),
            actions=(TAG,),
        ),
        (),
        id="later-grant-of-another-purpose-lifts-nothing",
    ),
    pytest.param(
        Case(
            objections=OBJECTED,
            consents=((LEENA, "newsletter", "grant", "2025-03-01"),),
            actions=(TAG,),
        ),
        (),
        id="lifted-for-one-covered-list-still-stands-for-the-other",
    ),
    pytest.param(
        Case(
            objections=OBJECTED,
            consents=(
                (LEENA, "newsletter", "grant", "2025-03-01"),
                (LEENA, "offers", "grant", "2025-03-01"),
            ),
        ),
        (),
        id="complete-later-grants-for-every-covered-list-lift",
    ),
    pytest.param(
        Case(
            objections=OBJECTED,
            consents=(
                (LEENA, "newsletter", "grant", "2025-03-01", "", "2025-1"),
                (LEENA, "offers", "grant", "2025-03-01", "w1", None),
            ),
            actions=(TAG,),
        ),
        (),
        id="incomplete-grants-lift-nothing",
    ),
    pytest.param(
        Case(
            memberships=((1, OFFERS),),
            consents=((LEENA, "newsletter", "grant", "2025-03-01"),),
            objections=OBJECTED,
            customers=((LEENA, "2025-06-01", "shoes"),),
            findings=((OBJ, 1, OFFERS),),
            actions=(unsubscribe(OBJ, 1, OFFERS), TAG),
        ),
        (),
        id="lifted-for-the-person-but-the-finding-on-a-list-still-tags",
    ),
    pytest.param(
        Case(
            objections=(
                (LEENA, "genealogy", "2025-01-01"),
                (LEENA, "market_research", "2025-01-01"),
            )
        ),
        (),
        id="scope-outside-direct-marketing",
    ),
    pytest.param(
        Case(
            objections=OBJECTED,
            consents=((LEENA, "newsletter", "grant", "2025-01-01"),),
            actions=(TAG,),
        ),
        (),
        id="grant-at-the-same-instant-does-not-lift",
    ),
    pytest.param(
        Case(
            objections=(*OBJECTED, (LEENA, "all", "2025-06-01")),
            consents=((LEENA, "surveys", "grant", "2025-03-01"),),
            actions=(TAG,),
        ),
        (),
        id="objection-after-the-grant-stands",
    ),
    pytest.param(
        Case(
            objections=OBJECTED,
            consents=((LEENA, "newsletter", "withdraw", "2025-03-01"),),
            actions=(TAG,),
        ),
        (),
        id="withdrawal-does-not-lift",
    ),
    pytest.param(
        Case(objections=OBJECTED, actions=(TAG,)),
        ((1, "asiakas"),),
        id="another-tag-does-not-count",
    ),
    pytest.param(
        Case(objections=OBJECTED),
        ((1, "asiakas"), (1, " Rekisteri-Objection ")),
        id="tag-name-ignores-case-and-padding",
    ),
    pytest.param(
        Case(
            contacts=((1, LEENA), (2, LEENA)),
            memberships=((2, NEWSLETTER),),
            objections=OBJECTED,
            findings=((DUP, 1, None), (OBJ, 2, NEWSLETTER), (DUP, 2, None)),
            actions=(TAG, unsubscribe(OBJ, 2, NEWSLETTER), ("tag", 2, None, OBJ)),
        ),
        (),
        id="every-contact-of-the-person-once",
    ),
    pytest.param(
        Case(contacts=((1, LEENA), (2, MATTI)), objections=OBJECTED, actions=(TAG,)),
        ((2, OBJECTION_TAG),),
        id="a-tag-on-someone-else-does-not-count",
    ),
]


def run_tagged(case: Case, tags: Tags) -> Reconciliation:
    return reconcile(**inputs(case), contact_tags=f.contact_tags(*tags))


@pytest.mark.parametrize(("case", "tags"), CASES)
def test_objection_tags(case: Case, tags: Tags) -> None:
    """Each scenario yields exactly the expected findings and actions, in order."""
    result, want = run_tagged(case, tags), expected(case)
    assert_frame_equal(result.findings, want.findings)
    assert_frame_equal(result.actions, want.actions)


@pytest.mark.parametrize(("case", "tags"), CASES)
def test_without_contact_tags_output_is_unchanged(case: Case, tags: Tags) -> None:
    """contact_tags=None gives exactly what a call without the argument gives."""
    given, omitted = reconcile(**inputs(case), contact_tags=None), run(case)
    assert_frame_equal(given.findings, omitted.findings)
    assert_frame_equal(given.actions, omitted.actions)


def test_without_contact_tags_only_objectors_on_a_list_are_tagged() -> None:
    """Without the tags an objector on no list gets no tag action, as before."""
    assert_frame_equal(run(Case(objections=OBJECTED)).actions, empty_actions())


@pytest.mark.parametrize(("case", "tags"), CASES)
def test_applying_twice_changes_nothing(case: Case, tags: Tags) -> None:
    """After the unsubscribes and tags are applied, reconciling again plans no action."""
    result = run_tagged(case, tags)
    added = [
        (int(a.contact_id), str(a.tag)) for a in result.actions.itertuples() if a.type == "tag"
    ]
    again = run_tagged(applied(case, result), (*tags, *added))
    assert_frame_equal(again.actions, empty_actions())


def test_contact_tags_columns_are_coerced() -> None:
    """contact_id as text and extra columns are accepted, as with the other frames."""
    tags = pd.DataFrame({"contact_id": ["1"], "tag": [OBJECTION_TAG], "tag_id": [7]})
    result = reconcile(**inputs(Case(objections=OBJECTED)), contact_tags=tags)
    assert_frame_equal(result.actions, empty_actions())
