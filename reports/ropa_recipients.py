"""Which processors receive the data of which ROPA activity: `[[processors]] purposes` decides.

Art. 30(1)(d) and 13(1)(e) ask for the recipients of each processing activity; naming an SMS
provider as a recipient of the newsletter, or leaving the email platform out of it, makes the
record and every letter built from it untrue. So a processor is a recipient of exactly the
activities whose purpose it names: a list purpose ("newsletter") or a fixed activity below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

# The purposes a processor can name besides the list purposes. The suppression list, request
# records and the audit log never leave the controller's register, so no processor serves them.
ACTIVITY_PURPOSES = {"customers": "customers", "analytics": "website_analytics"}
Issue = Callable[..., None]


def activity_purpose(activity: Mapping[str, Any]) -> str | None:
    """The purpose a processor names to serve this activity; None for one held only locally."""
    if activity.get("purpose"):
        return str(activity["purpose"])
    return ACTIVITY_PURPOSES.get(str(activity.get("kind")))


def check_purposes(
    processors: Sequence[Mapping[str, Any]], activities: Sequence[Mapping[str, Any]], issue: Issue
) -> None:
    """A processor without purposes, or naming one that nothing here has, is an error."""
    known = {p for p in (activity_purpose(a) for a in activities) if p}
    for processor in processors:
        purposes = list(processor.get("purposes") or [])
        if not purposes:
            issue("ropa.err.processor_no_purposes", name=processor.get("name") or "?")
        for purpose in purposes:
            if purpose not in known:
                issue(
                    "ropa.err.processor_purpose",
                    name=processor.get("name") or "?",
                    purpose=purpose,
                    known=", ".join(sorted(known)),
                )


def serves(processor: Mapping[str, Any], activity: Mapping[str, Any]) -> bool:
    """Whether the processor receives this activity's data.

    A processor that names no purposes is shown under every activity that leaves the
    register (and the record lists that as an error): a recipient left out is worse than one
    named too often, as the person could not know their data went there.
    """
    purpose = activity_purpose(activity)
    if purpose is None:
        return False
    purposes = list(processor.get("purposes") or [])
    return not purposes or purpose in purposes
