"""Run-level texts of the review report: the pull line, action reasons, purge results, notes.

Jobs hand these over as structured values (a mode, a rule code, `{"key", "params"}` notes) so
the report can say them in the controller's language; report.json keeps them as given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reports.i18n import Lang

# Note parameters measured in a unit are shown with it: {"months": 24} -> "24 kuukautta".
NOTE_UNITS = {"hours": "hour", "days": "day", "months": "month"}
DELETE_RESULTS = ("done", "skipped", "failed")


@dataclass(frozen=True)
class PullText:
    """What the run card says about the pull from ActiveCampaign."""

    mode: str  # "" when the report does not say which kind of pull it was
    amounts: str  # "1 kontakti, 5 API-kutsua"
    complete: bool


def pull_text(pull: Mapping[str, Any], lang: Lang) -> PullText:
    """The pull's mode (full walk or incremental) and its counts with the right plural forms."""
    mode = pull.get("mode")
    amounts = lang.t(
        "run.pull_value",
        contacts=lang.count("count.contact", _int(pull.get("contacts"))),
        requests=lang.count("count.api_request", _int(pull.get("requests"))),
    )
    return PullText(
        mode=lang.label("pull_mode", mode) if mode else "",
        amounts=amounts,
        complete=bool(pull.get("complete", True)),
    )


def rule_label(rule: Any, lang: Lang) -> str:
    """Why an action was taken, in words: a finding code, a purge reason or a request rule.
    Unknown rules are shown as they are (the template then shows the code only once)."""
    if rule is None:
        return lang.t("common.none")
    for group in ("code", "reason", "rule"):
        if lang.has(f"{group}.{rule}"):
            return lang.label(group, rule)
    return str(rule)


def delete_results(actions: Iterable[Mapping[str, Any]]) -> list[tuple[str, int]]:
    """(result, count) of the deletions carried out in this run, in a fixed order; [] when the
    run deleted nothing (a plan that was only made or awaits approval)."""
    counts = Counter(a.get("result") for a in actions if a.get("type") == "delete")
    if not any(counts[result] for result in DELETE_RESULTS):
        return []
    return [(result, counts[result]) for result in DELETE_RESULTS]


def note_text(note: Any, lang: Lang) -> str:
    """A note in the report's language. Jobs write `{"key": ..., "params": {...}}`; a plain
    string is shown as it is, and a key this version has no text for is shown with its
    parameters rather than dropped."""
    if not isinstance(note, Mapping):
        return str(note)
    key = str(note.get("key"))
    params = note.get("params")
    params = params if isinstance(params, Mapping) else {}
    shown = {str(name): _param(str(name), value, lang) for name, value in params.items()}
    count = params.get("count")
    keys = [f"note.{key}"]
    if isinstance(count, int) and not isinstance(count, bool):
        keys.insert(0, f"note.{key}.{'one' if abs(count) == 1 else 'other'}")
    for candidate in keys:
        if lang.has(candidate):
            try:
                return lang.strings[candidate].format(**shown)
            except (KeyError, IndexError):
                break  # the params do not fit this version's text: show them as they are
    listed = ", ".join(f"{name}={value}" for name, value in shown.items())
    return f"{key}: {listed}" if listed else key


def _param(name: str, value: Any, lang: Lang) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        unit = NOTE_UNITS.get(name)
        return lang.unit(unit, value) if unit else lang.num(value)
    return str(value)


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
