"""How `make demo` ends: what the nightly did, what a person should do next, the report path.

Everything comes from the nightly's report.json, so the demo shows what the report says; the
next steps are the report's own (reports/next_steps.py), worded by reports/next_text.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reports.i18n import get_lang
from reports.next_text import plain_steps


def summarise(data: dict[str, Any]) -> list[str]:
    """What the nightly did, in a few lines: totals, then each finding code fixed and open."""
    totals = data["totals"]
    by_code: dict[str, dict[str, int]] = {}
    for finding in data["findings"]:
        counts = by_code.setdefault(finding["code"], {"open": 0, "fixed": 0})
        counts[finding["status"]] += 1
    lines = [
        f"nightly: {totals['contacts']} contacts, {totals['active_marketing']} active on"
        f" marketing lists; {totals['unsubscribed']} unsubscribed, {totals['deleted']} deleted"
        f" (plan {data['purge']['plan_id']}: {totals['purge_planned']} planned)",
    ]
    lines += [
        f"  {code:<28} {c['fixed']} fixed, {c['open']} open" for code, c in sorted(by_code.items())
    ]
    return lines


def closing(report: Path, *, code: int, language: str, zone: str) -> list[str]:
    """The summary, the next steps with their commands, and the report path as the last line."""
    report_json = report.with_name("report.json")
    if not report_json.is_file():
        return ["(no report.json written: see reports.formats)", str(report)]
    data = json.loads(report_json.read_text(encoding="utf-8"))
    return [
        *summarise(data),
        f"nightly exit code {code} (1 = findings for a person to review)",
        "",
        *plain_steps(data.get("next_steps") or [], get_lang(language, zone)),
        "",
        str(report),
    ]
