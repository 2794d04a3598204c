"""Inline SVG charts, drawn in Python: no script, no network, every label escaped."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from markupsafe import Markup, escape

from jobcompare.report import formatting as fmt

PALETTE = ("#2f6f9f", "#d9822b", "#5a9e5a")
WIDTH = 640
LABEL_WIDTH = 250
LABEL_CHARACTERS = 38
ROW = 22


def _svg(height: int, title: str, body: list[str], chart: str) -> Markup:
    return Markup(
        f'<svg class="chart" data-chart="{escape(chart)}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def _label(text: str) -> str:
    """A category label that fits its column (the full text stays in a tooltip)."""
    short = text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "\u2026"
    return f"<title>{escape(text)}</title>{escape(short)}"


def _legend(series: list[str], y: int) -> list[str]:
    parts = []
    x = LABEL_WIDTH
    for index, name in enumerate(series):
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{PALETTE[index]}"/>'
            f'<text x="{x + 16}" y="{y + 11}" font-size="12">{escape(name)}</text>'
        )
        x += 24 + 7 * len(name)
    return parts


def bar_chart(
    title: str,
    categories: list[str],
    series: list[tuple[str, list[Decimal | None]]],
    maximum: Decimal | None = None,
    value_text: Callable[[Decimal | None], str] = fmt.percent,
) -> Markup | None:
    """Horizontal bars, one group per category and one bar per series, values in percent."""
    values = [v for _, vs in series for v in vs if v is not None]
    if not categories or not values:
        return None
    top = maximum or max(values) or Decimal(1)
    bar_room = WIDTH - LABEL_WIDTH - 60
    group = ROW * len(series) + 6
    height = 30 + group * len(categories)
    body = _legend([name for name, _ in series], 4)
    for c_index, category in enumerate(categories):
        y0 = 24 + c_index * group
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y0 + group / 2 + 2}" font-size="12" '
            f'text-anchor="end">{_label(category)}</text>'
        )
        for s_index, (name, series_values) in enumerate(series):
            value = series_values[c_index]
            y = y0 + s_index * ROW
            length = 0 if value is None else max(1.0, float(value / top) * bar_room)
            body.append(
                f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" '
                f'height="{ROW - 6}" fill="{PALETTE[s_index]}">'
                f"<title>{escape(name)}: {escape(category)} {value_text(value)}</title></rect>"
                f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + ROW - 10}" '
                f'font-size="11">{value_text(value)}</text>'
            )
    return _svg(height, title, body, "bars")


def range_chart(
    title: str, rows: list[tuple[str, Decimal | None, Decimal | None, Decimal | None]]
) -> Markup | None:
    """Salary ranges: for each role a bar from the low to the high end, a mark at the average."""
    known = [(n, lo, avg, hi) for n, lo, avg, hi in rows if lo is not None and hi is not None]
    if not known:
        return None
    low = min(lo for _, lo, _, _ in known)
    high = max(hi for _, _, _, hi in known)
    span = (high - low) or Decimal(1)
    bar_room = WIDTH - LABEL_WIDTH - 20

    def x(value: Decimal) -> float:
        return LABEL_WIDTH + float((value - low) / span) * bar_room

    height = 40 + 34 * len(known)
    body: list[str] = []
    for index, (name, lo, avg, hi) in enumerate(known):
        y = 10 + index * 34
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" font-size="12" text-anchor="end">'
            f"{_label(name)}</text>"
            f'<rect class="bar" x="{x(lo):.1f}" y="{y}" width="{max(2.0, x(hi) - x(lo)):.1f}" '
            f'height="20" fill="{PALETTE[index]}" opacity="0.75">'
            f"<title>{escape(name)}: {escape(fmt.money_range(lo, hi))}</title></rect>"
        )
        if avg is not None:
            body.append(
                f'<rect class="average" x="{x(avg) - 1.5:.1f}" y="{y - 3}" width="3" '
                f'height="26" fill="#222"><title>Average {fmt.money(avg)}</title></rect>'
            )
    axis_y = 14 + 34 * len(known)
    body.append(
        f'<text x="{LABEL_WIDTH}" y="{axis_y + 12}" font-size="11">{fmt.money(low)}</text>'
        f'<text x="{WIDTH - 20}" y="{axis_y + 12}" font-size="11" text-anchor="end">'
        f"{fmt.money(high)}</text>"
    )
    return _svg(height, title, body, "salary-range")
