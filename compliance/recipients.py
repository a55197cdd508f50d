"""Art. 19: the recipients who must hear of a person's rectification, erasure or restriction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol


class Recipient(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def purposes(self) -> Sequence[str]: ...


def recipients_to_inform(
    processors: Iterable[Recipient], purposes: Iterable[str]
) -> list[Recipient]:
    """The processors serving any of `purposes`, in config order.

    A processor that declares no purposes may serve any of them, so it is named too: telling
    one recipient too many costs a message, leaving one out breaks Art. 19.
    """
    wanted = set(purposes)
    return [p for p in processors if not p.purposes or wanted & set(p.purposes)]
