"""A small SVG chart per compared metric: one row per source, the value it reports on a shared scale.

A dot is a single value (hollow when approximate or strictly "over"/"under"), a bar a range, an arrow an
open-ended value ("at least", "over", "up to"), a dashed arrow a vague amount ("thousands"). Each row names the
brief, its outlet and date, and the value as written. Values in another unit, or that cannot be read as numbers,
are listed as text instead of being drawn.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from markupsafe import Markup

from ..model import FigureReport
from ..text.figvalues import FigureValue, plain
from .svg import number, shorten, tag

MAX_ROWS = 20  # a chart is for seeing the spread; the table beside it lists every report
TOPIC_ROWS = 10  # on topic pages, where every metric of the topic's briefs gets one
# Pictures stay out of the search indexes (Material's and Pagefind's): their words are in the tables beside them.
SEARCH_IGNORE = {"data-search-exclude": "picture", "data-pagefind-ignore": "all"}
# Each row stacks its label (brief, then outlet and date) over its mark, so the plot runs the chart's whole width
# and the chart can be drawn narrow: at 400 units its smallest text (12.5) is still 11 px on a 390 px phone, where
# the picture shrinks to the column's 358 px (a side-by-side layout needs 640 units and ends up at 6 px).
WIDTH = 400
PLOT_LEFT, PLOT_RIGHT = 10.0, 390.0
ROW = 66.0
TOP = 26.0
TITLE_Y, META_Y, VALUE_Y, MARK_Y = 15.0, 31.0, 46.0, 55.0  # within a row, from its top
BAND = (MARK_Y - 9, MARK_Y + 9)  # the grid's stretch in each row: about the mark, clear of the words above
TITLE_CHARS, META_CHARS = 56, 60
_OPEN_ABOVE = ("at_least", "more_than", "vague")
_OPEN_BELOW = ("at_most", "less_than")
LEGEND = (
    "Each row is one source. A dot is a single value (hollow: approximate, or strictly more or less than it); "
    "a bar is a range; an arrow runs on from a value that is open-ended (“at least”, “over”, “up to”); "
    "a dashed arrow is a vague amount (“thousands”)."
)


def metric_chart(label: str, reports: Sequence[FigureReport], max_rows: int = MAX_ROWS) -> Markup | None:
    """The chart for one metric, or None with fewer than two reports or nothing to draw."""
    if len(reports) < 2:
        return None
    shown = list(reports[:max_rows])
    unit = _common_unit(shown)
    drawn = [r.figure.parsed for r in shown if r.figure.parsed.charted and r.figure.parsed.unit == unit]
    if not drawn:
        return None
    scale = _Scale(drawn)
    height = TOP + ROW * len(shown)
    rows = [_row(index, report, scale, unit) for index, report in enumerate(shown)]
    guides = "".join(f"M{number(PLOT_LEFT)} {number(_y(i) + MARK_Y)}H{number(PLOT_RIGHT)}" for i in range(len(shown)))
    # what the picture shows, briefly: the table beside every chart lists each source in full
    description = f"Chart of {label}: {len(shown)} sources report " + "; ".join(r.figure.value for r in shown)
    svg = tag(
        "svg",
        {
            "viewBox": f"0 0 {WIDTH} {int(height)}",
            "width": WIDTH,
            "height": int(height),
            "role": "img",
            "aria-label": description,
            "class": "bf-chart-svg",
        },
        tag("title", None, f"{label}: the value each source reports"),
        scale.axis(len(shown), unit),
        tag("path", {"d": guides, "class": "bf-guide"}),
        *rows,
    )
    note = LEGEND
    if len(reports) > len(shown):
        note += f" The first {len(shown)} of {len(reports)} reports, newest first; the table lists all."
    return tag("figure", {"class": "bf-chart", **SEARCH_IGNORE}, svg, tag("figcaption", None, note))


def _common_unit(reports: Sequence[FigureReport]) -> str | None:
    units = Counter(r.figure.parsed.unit for r in reports if r.figure.parsed.charted)
    if not units:
        return None
    best = max(units.values())
    return next(
        r.figure.parsed.unit for r in reports if r.figure.parsed.charted and units[r.figure.parsed.unit] == best
    )


def _y(index: int) -> float:
    """The top of row `index`."""
    return TOP + ROW * index


class _Scale:
    """A linear scale over every drawn bound, padded, with round ticks."""

    def __init__(self, values: Sequence[FigureValue]) -> None:
        bounds = [v for value in values for v in (value.low, value.high) if v is not None]
        low, high = min(bounds), max(bounds)
        whole = all(float(b).is_integer() for b in bounds)  # counts get whole-number ticks
        pad = (high - low) * 0.12 if high > low else max(abs(low) * 0.1, 1.0 if whole else 0.0) or 1.0
        low, high = low - pad, high + pad
        if min(bounds) >= 0:
            low = max(low, 0.0)
        self.step = max(_nice_step((high - low) / 4), 1.0 if whole else 0.0)
        self.low = math.floor(low / self.step) * self.step
        self.high = math.ceil(high / self.step) * self.step

    @classmethod
    def between(cls, low: float, high: float) -> _Scale:
        """The scale from `low` to `high` (a made scale's own bounds), for drawing marks on it."""
        scale = cls.__new__(cls)
        scale.low, scale.high = low, high
        return scale

    def x(self, value: float) -> float:
        return PLOT_LEFT + (value - self.low) / (self.high - self.low) * (PLOT_RIGHT - PLOT_LEFT)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]

    def axis(self, rows: int, unit: str | None) -> Markup:
        top = max(abs(self.low), abs(self.high))
        grid = "".join(
            f"M{number(self.x(t))} {number(_y(i) + BAND[0])}V{number(_y(i) + BAND[1])}"
            for t in self.ticks()
            for i in range(rows)
        )
        parts = [tag("path", {"d": grid, "class": "bf-grid"})]
        for tick in self.ticks():
            x = self.x(tick)
            parts.append(
                tag(
                    "text",
                    {"x": x, "y": TOP - 10, "text-anchor": _anchor(x), "class": "bf-tick"},
                    _fmt(tick, unit, top),
                )
            )
        return tag("g", {"aria-hidden": "true"}, *parts)


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _fmt(value: float, unit: str | None, top: float) -> str:
    """A tick label, in the style the axis's largest tick needs (9k, 10k, 11k rather than 9,000, 10k, 11k)."""
    number = plain(round(value, 6))
    if top >= 1e9:
        text = f"{value / 1e9:g}bn"
    elif top >= 1e6:
        text = f"{value / 1e6:g}m"
    elif top >= 1e4:
        text = f"{value / 1e3:g}k"
    else:
        text = f"{number:,}" if isinstance(number, int) else f"{value:g}"
    return {"USD": f"${text}", "EUR": f"€{text}", "GBP": f"£{text}", "%": f"{text}%"}.get(unit or "", text)


def _row(index: int, report: FigureReport, scale: _Scale, unit: str | None) -> Markup:
    """One source's row. Its parts are drawn from y=0 and the row moved into place, so the label and the mark
    are the same markup wherever the report appears (several topic pages and the figures page) and are made once."""
    source = report.brief.source
    meta = f"{source.name or 'Outlet not stated'} · {source.published.human() if source.published else 'undated'}"
    label = _label(report.brief.title, meta)
    value = report.figure.parsed
    if not value.charted or value.unit != unit:
        drawn = _undrawn(value.written, "not a number" if not value.charted else "another unit")
    else:
        drawn = _drawn(value, scale.low, scale.high)
    return tag("g", {"class": "bf-row", "transform": f"translate(0 {number(_y(index))})"}, label, drawn)


@lru_cache(maxsize=65536)
def _label(title: str, meta: str) -> Markup:
    return tag(
        "g",
        {"class": "bf-label"},
        tag("text", {"x": 0, "y": TITLE_Y, "class": "bf-source"}, shorten(title, TITLE_CHARS)),
        tag("text", {"x": 0, "y": META_Y, "class": "bf-meta"}, shorten(meta, META_CHARS)),
    )


@lru_cache(maxsize=65536)
def _undrawn(written: str, why: str) -> Markup:
    return tag("text", {"x": PLOT_LEFT, "y": VALUE_Y + 4, "class": "bf-value bf-undrawn"}, f"{written} ({why})")


@lru_cache(maxsize=65536)
def _drawn(value: FigureValue, low: float, high: float) -> Markup:
    """The mark for a value on the scale from `low` to `high`, and the value as written beside it."""
    mark, anchor_x, anchor = _mark(value, _Scale.between(low, high), MARK_Y)
    written = tag("text", {"x": anchor_x, "y": VALUE_Y, "text-anchor": anchor, "class": "bf-value"}, value.written)
    return Markup(mark + written)


def _mark(value: FigureValue, scale: _Scale, y: float) -> tuple[Markup, float, str]:
    """The shape for a value, and where its written form goes (x and text-anchor)."""
    hollow = value.approximate or value.kind in ("more_than", "less_than")
    dot_class = "bf-dot bf-hollow" if hollow else "bf-dot"
    if value.kind in ("exact", "range"):
        assert value.low is not None and value.high is not None
        x1, x2 = scale.x(value.low), scale.x(value.high)
        shape = (
            tag("circle", {"cx": x1, "cy": y, "r": 5.5, "class": dot_class})
            if x1 == x2
            else tag("line", {"x1": x1, "x2": x2, "y1": y, "y2": y, "class": "bf-range"})
        )
        return shape, _clamp((x1 + x2) / 2), _anchor((x1 + x2) / 2)
    dashed = " bf-dashed" if value.kind == "vague" else ""
    if value.kind in _OPEN_ABOVE:
        assert value.low is not None
        start, end, tip = scale.x(value.low), PLOT_RIGHT - 8, PLOT_RIGHT
        anchor_x, anchor = start, "start" if start < PLOT_RIGHT - 60 else "end"
    else:
        assert value.high is not None
        start, end, tip = scale.x(value.high), PLOT_LEFT + 8, PLOT_LEFT
        anchor_x, anchor = start, "end" if start > PLOT_LEFT + 60 else "start"
    arrow = f"M{number(tip)} {number(y)} L{number(end)} {number(y - 5)} L{number(end)} {number(y + 5)} Z"
    shape = tag(
        "g",
        None,
        tag("line", {"x1": start, "x2": end, "y1": y, "y2": y, "class": "bf-open" + dashed}),
        tag("path", {"d": arrow, "class": "bf-arrow"}),
        tag("circle", {"cx": start, "cy": y, "r": 5.5, "class": dot_class}),
    )
    return shape, anchor_x, anchor


def _clamp(x: float) -> float:
    return min(max(x, PLOT_LEFT), PLOT_RIGHT)


def _anchor(x: float) -> str:
    if x > PLOT_RIGHT - 40:
        return "end"
    if x < PLOT_LEFT + 40:
        return "start"
    return "middle"
