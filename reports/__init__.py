"""Rendering: the review report, the record of processing activities and access letters."""

from __future__ import annotations

from reports.access import write_access
from reports.report import write_report
from reports.ropa import Ropa, build_ropa, write_ropa

__all__ = ["Ropa", "build_ropa", "write_access", "write_report", "write_ropa"]
