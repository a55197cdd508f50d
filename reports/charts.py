"""Charts as base64 PNG data URIs, so the HTML report works offline and as a single file."""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

# Calm, print-safe colours. Findings charts take them in report.CODE_ORDER order (most severe
# first), so critical codes are the reds and a code keeps its colour from report to report.
PALETTE = (
    "#8c1c13",  # dark red
    "#c0504d",  # red
    "#e07b39",  # orange
    "#b8860b",  # ochre
    "#1f4e79",  # navy
    "#4bacc6",  # teal
    "#5b7fbf",  # blue
    "#8064a2",  # purple
    "#7f9f3f",  # olive
    "#9aa5b1",  # blue-grey
    "#6b6b6b",  # grey
    "#2e8b57",  # green
)
BASIS_COLOURS = ("#1f4e79", "#4bacc6", "#7f9f3f")  # neutral: a basis is not a problem
INK = "#1d2733"
GRID = "#d9dee5"
FONT = "DejaVu Sans"  # bundled with matplotlib: Finnish letters render with no system fonts
DPI = 110
# The history chart always has room for this many bars, so a first run's single bar (or a
# young register's few) keeps the width it will have once the history fills in.
MIN_BAR_SLOTS = 8


def _new_figure(width: float, height: float) -> Figure:
    # Figure + FigureCanvasAgg directly (no pyplot): no global state, safe in any thread.
    figure = Figure(figsize=(width, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def _style_axes(axes: Axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(GRID)
    axes.tick_params(colors=INK, labelsize=8)
    axes.grid(axis="y", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)


def to_data_uri(figure: Figure) -> str:
    """PNG bytes of `figure` as a data: URI (no creation metadata, so output is reproducible)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def bar_limits(bars: int) -> tuple[float, float]:
    """x-axis limits for `bars` bars at 0, 1, ...: room for at least MIN_BAR_SLOTS, centred."""
    spare = max(MIN_BAR_SLOTS - bars, 0) / 2
    return (-0.5 - spare, bars - 0.5 + spare)


def findings_history_chart(
    runs: Sequence[tuple[str, Mapping[str, int]]],
    *,
    code_labels: Mapping[str, str],
    code_order: Sequence[str],
    y_label: str,
    empty_text: str,
) -> str:
    """Stacked bars: one bar per run (oldest left), one colour per finding code. `code_order`
    fixes both the stacking (first at the bottom) and each code's colour, so a code looks the
    same in every report; codes it does not know follow in name order. Fewer runs than
    MIN_BAR_SLOTS are centred at their usual width."""
    figure = _new_figure(8.0, 3.4)
    axes = figure.add_subplot()
    _style_axes(axes)
    present = {code for _, counts in runs for code, n in counts.items() if n}
    order = [*code_order, *sorted(present - set(code_order))]
    codes = [code for code in order if code in present]
    positions = list(range(len(runs)))
    bottoms = [0] * len(runs)
    for code in codes:
        heights = [int(counts.get(code, 0)) for _, counts in runs]
        axes.bar(
            positions,
            heights,
            bottom=bottoms,
            width=0.65,
            color=PALETTE[order.index(code) % len(PALETTE)],
            label=code_labels.get(code, code),
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_xticks(positions, [label for label, _ in runs], fontfamily=FONT)
    axes.set_xlim(*bar_limits(len(runs)))
    if len(runs) > 8:
        for tick in axes.get_xticklabels():
            tick.set_rotation(45)
            tick.set_horizontalalignment("right")
    axes.set_ylabel(y_label, color=INK, fontsize=9, fontfamily=FONT)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if codes:
        handles, labels = axes.get_legend_handles_labels()
        # reversed: the legend reads top-down in the same order as the stacks
        axes.legend(
            handles[::-1],
            labels[::-1],
            fontsize=7,
            frameon=False,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
        )
    else:
        axes.set_ylim(0, 1)
        axes.text(
            0.5,
            0.5,
            empty_text,
            transform=axes.transAxes,
            ha="center",
            va="center",
            color=INK,
            fontsize=10,
            fontfamily=FONT,
        )
    return to_data_uri(figure)


def basis_chart(counts: Sequence[tuple[str, int]], *, x_label: str, empty_text: str) -> str:
    """Horizontal bars: active marketing contacts per lawful basis, each bar labelled."""
    figure = _new_figure(6.0, 0.6 + 0.55 * max(len(counts), 1))
    axes = figure.add_subplot()
    _style_axes(axes)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    labels = [label for label, _ in counts]
    values = [int(value) for _, value in counts]
    bars = axes.barh(labels, values, color=BASIS_COLOURS[: len(values)], height=0.55)
    axes.invert_yaxis()  # first basis on top, like the table next to it
    axes.set_xlabel(x_label, color=INK, fontsize=9, fontfamily=FONT)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    total = sum(values)
    if total:
        axes.bar_label(bars, labels=[f"{v}" for v in values], padding=3, fontsize=8, color=INK)
        axes.set_xlim(0, max(values) * 1.15)
    else:
        axes.set_xlim(0, 1)
        axes.text(
            0.5,
            0.5,
            empty_text,
            transform=axes.transAxes,
            ha="center",
            va="center",
            color=INK,
            fontsize=10,
            fontfamily=FONT,
        )
    return to_data_uri(figure)
