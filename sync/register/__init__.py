"""The local register: an SQLite file mirroring ActiveCampaign plus the controller's own records."""

from sync.register.db import connect, transaction

__all__ = ["connect", "transaction"]
