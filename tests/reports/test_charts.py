"""Tests for reports.charts."""

from __future__ import annotations

import base64

from reports.charts import bar_limits, basis_chart, findings_history_chart

PNG = b"\x89PNG\r\n\x1a\n"


def _png(uri: str) -> bytes:
    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix)
    return base64.b64decode(uri[len(prefix) :])


def test_history_chart_is_png_and_reproducible() -> None:
    """The same runs give byte-identical PNGs (no timestamps in the file)."""
    runs = [("1.11.", {"A": 2, "B": 1}), ("tämä ajo", {"B": 3, "NEW": 1})]
    first = findings_history_chart(
        runs,
        code_labels={"A": "Ä-koodi"},
        code_order=("A", "B"),
        y_label="Havaintoja",
        empty_text="Ei havaintoja",
    )
    second = findings_history_chart(
        runs,
        code_labels={"A": "Ä-koodi"},
        code_order=("A", "B"),
        y_label="Havaintoja",
        empty_text="Ei havaintoja",
    )
    assert _png(first).startswith(PNG)
    assert first == second


def test_empty_charts_render() -> None:
    """Charts with nothing to show still render (with their 'nothing here' text)."""
    history = findings_history_chart(
        [("this run", {})],
        code_labels={},
        code_order=(),
        y_label="Findings",
        empty_text="No findings",
    )
    basis = basis_chart(
        [("Consent", 0), ("Soft opt-in", 0)],
        x_label="Contacts",
        empty_text="No active marketing contacts",
    )
    assert _png(history).startswith(PNG) and _png(basis).startswith(PNG)


def test_few_bars_keep_their_width() -> None:
    """One run's bar is centred in room for eight bars; from eight runs on, bars fill the axis."""
    assert [bar_limits(n) for n in (1, 2, 8, 20)] == [
        (-4.0, 4.0),
        (-3.5, 4.5),
        (-0.5, 7.5),
        (-0.5, 19.5),
    ]
