"""recipients_to_inform: the processors that must be told of a change (Art. 19)."""

from __future__ import annotations

from dataclasses import dataclass

from compliance.recipients import recipients_to_inform


@dataclass(frozen=True)
class P:
    name: str
    purposes: tuple[str, ...]


def test_processors_serving_the_persons_purposes_in_config_order() -> None:
    """Matching purposes select a processor; one that declares none is always named."""
    processors = [
        P("ActiveCampaign", ("newsletter", "orders")),
        P("Google Analytics", ("website_analytics",)),
        P("Kirjanpitäjä", ()),
        P("Kyselypalvelu", ("surveys",)),
    ]

    chosen = recipients_to_inform(processors, {"surveys", "newsletter"})

    assert [p.name for p in chosen] == ["ActiveCampaign", "Kirjanpitäjä", "Kyselypalvelu"]


def test_no_purposes_no_purpose_bound_recipients() -> None:
    """A person held for no purpose gets only the catch-all processors."""
    assert recipients_to_inform([P("A", ("newsletter",))], []) == []
