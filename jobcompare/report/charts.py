"""Inline SVG charts, drawn in Python: no script, no network, every label escaped.

A chart is sized by its container, not scaled: the SVG has no viewBox, so its text is drawn at
the pixel sizes below on a 390 px phone and on a desktop alike, and every horizontal position
is a percentage of the chart's width. Text that could be long (titles, legend entries, the
category labels above each group of bars) is wrapped to lines that fit a chart about 300 px
wide; the full text of a category is also in its tooltip. Each chart has a title, a legend
with one entry per line, a value axis with ticks and a label that names the unit, and a
label for its categories.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from decimal import Decimal

from markupsafe import Markup, escape

from jobcompare.report import formatting as fmt

PALETTE = ("#2f6f9f", "#d9822b", "#5a9e5a")
AVERAGE_COLOUR = "#222222"
GRID_COLOUR = "#dde3ea"
MUTED_COLOUR = "#5b6875"

# Font sizes in CSS pixels (the SVG is never scaled, so these are the sizes people read).
TITLE_SIZE = 15
TEXT_SIZE = 13
SMALL_SIZE = 12
LINE = 18  # the height of one line of text
# Characters per line, so that wrapped text fits a chart about 300 px wide.
TITLE_CHARACTERS = 34
LABEL_CHARACTERS = 40
LEGEND_CHARACTERS = 36

# The plot spans these percentages of the chart's width; bar charts keep the right quarter
# for the value written after each bar.
BAR_PLOT_RIGHT = 74.0
RANGE_PLOT_RIGHT = 98.0
BAR = 14
BAR_GAP = 4
SWATCH = 12
TICKS = 4


def _wrap(text: str, characters: int) -> list[str]:
    return textwrap.wrap(text, characters, break_long_words=True) or [""]


def _lines(
    lines: list[str],
    y: float,
    size: int,
    css_class: str,
    extra: str = "",
    x: str = "1",
    tooltip: str = "",
) -> str:
    """One <text> whose lines are tspans, the first baseline at ``y``."""
    spans = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    spans += "".join(
        f'<tspan x="{x}" dy="{0 if index == 0 else LINE}">{escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return f'<text class="{css_class}" x="{x}" y="{y:.0f}" font-size="{size}"{extra}>{spans}</text>'


def _nice_step(span: float) -> float:
    raw = span / TICKS
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def _ticks(low: float, high: float) -> list[float]:
    """About four round ticks covering ``low`` to ``high`` (the first at or below ``low``)."""
    if high <= low:
        high = low + 1
    step = _nice_step(high - low)
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    return [first + step * i for i in range(round((last - first) / step) + 1)]


def _money_tick(value: float) -> str:
    """'$40k', '$37.5k', '$900': short enough for four ticks on a phone."""
    if abs(value) >= 1000:
        return f"${value / 1000:,.4g}k"
    return f"${value:,.0f}"


def _percent_tick(value: float) -> str:
    return f"{value:g}%"


class _Canvas:
    """The parts of one chart, top to bottom; ``y`` is where the next part starts."""

    def __init__(self, title: str, chart: str) -> None:
        self.title = title
        self.chart = chart
        self.body: list[str] = []
        lines = _wrap(title, TITLE_CHARACTERS)
        self.body.append(_lines(lines, TITLE_SIZE, TITLE_SIZE, "chart-title", ' font-weight="600"'))
        self.y = TITLE_SIZE + LINE * (len(lines) - 1) + 10
        self.plot_top, self.plot_at = self.y, len(self.body)

    def legend(self, entries: list[tuple[str, str, str]]) -> None:
        """One entry per line: (name, colour, swatch shape 'box' or 'mark')."""
        for name, colour, shape in entries:
            lines = _wrap(name, LEGEND_CHARACTERS)
            if shape == "mark":
                swatch = (
                    f'<rect class="swatch" x="4" y="{self.y - 1:.0f}" width="3" '
                    f'height="{SWATCH + 2}" fill="{colour}"/>'
                )
            else:
                swatch = (
                    f'<rect class="swatch" x="0" y="{self.y:.0f}" width="{SWATCH}" '
                    f'height="{SWATCH}" fill="{colour}"/>'
                )
            text = _lines(lines, self.y + SWATCH - 1, TEXT_SIZE, "legend-label", x=str(SWATCH + 6))
            self.body.append(f'<g class="legend-entry">{swatch}{text}</g>')
            self.y += LINE * len(lines)
        self.y += 8

    def category_heading(self, text: str) -> None:
        self.body.append(
            _lines([text], self.y + SMALL_SIZE, SMALL_SIZE, "axis-label category-axis",
                   f' fill="{MUTED_COLOUR}" font-weight="600"')
        )  # fmt: skip
        self.y += LINE + 2

    def label(self, text: str) -> None:
        lines = _wrap(text, LABEL_CHARACTERS)
        self.body.append(_lines(lines, self.y + TEXT_SIZE, TEXT_SIZE, "category", tooltip=text))
        self.y += LINE * len(lines) + 2

    def begin_plot(self) -> None:
        """The groups start here: the axis's grid lines are drawn from here, under the bars."""
        self.plot_top = self.y
        self.plot_at = len(self.body)

    def axis(self, ticks: list[float], at: Callable[[float], float], axis_label: str) -> None:
        """Grid lines under the plot, tick labels, and the axis label with its unit."""
        grid, labels = [], []
        for tick in ticks:
            x = at(tick)
            # Centred on its tick, except where that would cross the chart's edge.
            anchor = "start" if x < 3 else "end" if x > 90 else "middle"
            label = _money_tick(tick) if axis_label.endswith("USD") else _percent_tick(tick)
            grid.append(
                f'<line class="grid" x1="{x:.2f}%" x2="{x:.2f}%" y1="{self.plot_top:.0f}" '
                f'y2="{self.y + 4:.0f}" stroke="{GRID_COLOUR}" stroke-width="1"/>'
            )
            labels.append(
                f'<text class="tick" x="{x:.2f}%" y="{self.y + 4 + SMALL_SIZE:.0f}" '
                f'font-size="{SMALL_SIZE}" text-anchor="{anchor}">{escape(label)}</text>'
            )
        self.body[self.plot_at : self.plot_at] = grid
        self.body += labels
        self.y += 4 + SMALL_SIZE + 6
        self.body.append(
            _lines([axis_label], self.y + SMALL_SIZE, SMALL_SIZE, "axis-label value-axis",
                   f' fill="{MUTED_COLOUR}" font-weight="600"')
        )  # fmt: skip
        self.y += LINE + 4

    def svg(self) -> Markup:
        return Markup(
            f'<svg class="chart" data-chart="{escape(self.chart)}" role="img" '
            f'width="100%" height="{self.y:.0f}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{escape(self.title)}</title>" + "".join(self.body) + "</svg>"
        )


def bar_chart(
    title: str,
    categories: list[str],
    series: list[tuple[str, list[Decimal | None]]],
    maximum: Decimal | None = None,
    value_text: Callable[[Decimal | None], str] = fmt.percent,
    axis_label: str = "Share, %",
    category_label: str = "",
) -> Markup | None:
    """Horizontal bars: one group per category (its label above), one bar per series.

    ``axis_label`` names the values and their unit; it ends "USD" for money (ticks like
    "$40k") and "%" for percentages.
    """
    values = [float(v) for _, vs in series for v in vs if v is not None]
    if not categories or not values:
        return None
    ticks = _ticks(0.0, float(maximum) if maximum is not None else max(values))
    top = ticks[-1] or 1.0

    def at(value: float) -> float:
        return value / top * BAR_PLOT_RIGHT

    canvas = _Canvas(title, "bars")
    canvas.legend([(name, PALETTE[index], "box") for index, (name, _) in enumerate(series)])
    if category_label:
        canvas.category_heading(category_label)
    canvas.begin_plot()
    for c_index, category in enumerate(categories):
        canvas.label(category)
        for s_index, (name, series_values) in enumerate(series):
            value = series_values[c_index]
            length = 0.0 if value is None else max(0.3, at(float(value)))
            canvas.body.append(
                f'<rect class="bar" x="0" y="{canvas.y:.0f}" width="{length:.2f}%" '
                f'height="{BAR}" fill="{PALETTE[s_index]}">'
                f"<title>{escape(name)}: {escape(category)} {value_text(value)}</title></rect>"
                f'<text class="value" x="{length:.2f}%" dx="4" y="{canvas.y + BAR - 2:.0f}" '
                f'font-size="{SMALL_SIZE}">{value_text(value)}</text>'
            )
            canvas.y += BAR + BAR_GAP
        canvas.y += 6
    canvas.axis(ticks, at, axis_label)
    return canvas.svg()


def range_chart(
    title: str,
    rows: list[tuple[str, Decimal | None, Decimal | None, Decimal | None]],
    axis_label: str = "Yearly salary, USD",
    average_label: str = "Average",
) -> Markup | None:
    """Ranges: for each row a bar from the low to the high end, a dark mark at the average.

    Each row's label above its bar says the range and the average in words too.
    """
    known = [(n, lo, avg, hi) for n, lo, avg, hi in rows if lo is not None and hi is not None]
    if not known:
        return None
    ticks = _ticks(float(min(lo for _, lo, _, _ in known)), float(max(hi for _, _, _, hi in known)))
    low, span = ticks[0], (ticks[-1] - ticks[0]) or 1.0

    def at(value: float) -> float:
        return (value - low) / span * RANGE_PLOT_RIGHT

    canvas = _Canvas(title, "salary-range")
    entries = [(name, PALETTE[index], "box") for index, (name, *_) in enumerate(known)]
    if any(avg is not None for _, _, avg, _ in known):
        entries.append((average_label, AVERAGE_COLOUR, "mark"))
    canvas.legend(entries)
    canvas.begin_plot()
    for index, (name, lo, avg, hi) in enumerate(known):
        canvas.label(name)
        summary = f"{fmt.money(lo)} to {fmt.money(hi)}"
        if avg is not None:
            summary += f", {average_label.lower()} {fmt.money(avg)}"
        canvas.body.append(
            _lines([summary], canvas.y + SMALL_SIZE, SMALL_SIZE, "value", f' fill="{MUTED_COLOUR}"')
        )
        canvas.y += LINE + 2
        left, right = at(float(lo)), at(float(hi))
        canvas.body.append(
            f'<rect class="bar" x="{left:.2f}%" y="{canvas.y + 3:.0f}" '
            f'width="{max(0.5, right - left):.2f}%" height="{BAR + 2}" '
            f'fill="{PALETTE[index]}" opacity="0.8">'
            f"<title>{escape(name)}: {escape(fmt.money_range(lo, hi))}</title></rect>"
        )
        if avg is not None:
            canvas.body.append(
                f'<rect class="average" x="{at(float(avg)):.2f}%" y="{canvas.y:.0f}" '
                f'width="3" height="{BAR + 8}" fill="{AVERAGE_COLOUR}" '
                f'transform="translate(-1.5 0)"><title>{escape(average_label)} '
                f"{fmt.money(avg)}</title></rect>"
            )
        canvas.y += BAR + 8 + 10
    canvas.axis(ticks, at, axis_label)
    return canvas.svg()
