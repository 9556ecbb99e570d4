"""Timeline drawing: events on a time axis, laid out at build time (timeline_svg.py writes the SVG).

Pure and deterministic, like graph.py: the same events give the same bytes. How well each
date is known is drawn, not hidden. A date known to the day is a dot; one known to the month
or the year is a bar across that month or year; an approximate date (``~``) is faded, with a
dashed rim; an event whose reports disagree on its date is drawn at each date, its marks
joined by a line; an event that several briefings report has a dark rim. Marks that would
cover each other go to the next row down.

The axis covers the events drawn: their months in a short span, their years in a long one,
where two or more empty years in a row are left out (a break in the axis says which). A year
is never narrower than MIN_YEAR, twelve dots wide: a long span makes a wider drawing, which
the page scrolls in its own box, rather than a year that looks like a day.

Every mark is a link to the event's page, named (for screen readers, and as its tooltip) by
its date and title. The look comes from classes that the site's stylesheet colours; a rim's
stroke lies inside its mark, so the outer size of every mark is what the layout says.

A drawing is shown at its own size, one unit a CSS pixel, never shrunk: on a phone its box
scrolls sideways. So every mark is a tap target of TARGET × TARGET at least (an invisible box
around the dot or bar, which rows keep apart), and the marks of dates that disagree are spread
apart by a target's width at least, however close the dates, and joined by a line.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum

from ..content.dates import PartialDate

DOT = 5.0  # the radius of a day's dot, its rim included
TARGET = 26.0  # the least width and height of a mark's link box: WCAG 2.5.8's 24 CSS px, and room for rounding
RIM = 1.5  # the width of a mark's rim (the stylesheet's stroke-width), drawn inside the mark
BAR = 7.0  # the height of a month's or a year's bar
MIN_YEAR = 12 * 2 * DOT  # the narrowest a year is drawn: twelve dots
WIDTH = 900.0  # the width a drawing takes when its span allows: about a page's column at 1280 px
MARGIN = 14.0  # left and right of the axis
GAP = 2.0  # between two marks in a row
BREAK = 22.0  # the room an axis break takes
EMPTY_YEARS = 2  # this many empty years in a row, or more, are left out of a long axis
SHORT_SPAN = 3 * 365  # days: a span this short has an axis of months; a longer one, of years
LABEL_ROW = 16.0  # the height of a row of tick labels
ROW = TARGET + 2  # the height of a row of marks: their link boxes and a gap
SPREAD = TARGET + 2  # the least room between the link boxes of two dates of an event that reports disagree on
YEAR_LABEL = 30.0  # the room a year's label needs
MONTH_LABEL = 26.0  # the room a month's short name needs ('Sep'): narrower months have no label
MONTH_NAME = 80.0  # the room a month's whole name needs ('September')
MONTH_LINE = 12.0  # the room a month needs for a grid line of its own
DAY_LABEL = 18.0  # the room a day's number needs
_MONTH_NAMES = tuple(calendar.month_name)  # calendar.month_name formats a name again at each lookup
_MONTH_ABBREVIATIONS = tuple(calendar.month_abbr)


class Feature(StrEnum):
    """What a drawing shows, for its key: only what is drawn is explained."""

    DAY = "day"
    SPAN = "span"
    APPROXIMATE = "approximate"
    SEVERAL = "several"
    DISAGREE = "disagree"
    BREAK = "break"


@dataclass(frozen=True)
class Occurrence:
    """An event as the drawing needs it: where its mark links, what it is called, its dates."""

    key: str  # the event's id: its page is events/<key>/, its entry in a list #event-<key>
    title: str
    dates: tuple[PartialDate, ...]  # one; or, where its reports disagree, each date they give
    sources: int  # how many briefings report it

    @property
    def anchor(self) -> str:
        return f"event-{self.key}"

    @property
    def is_disputed(self) -> bool:
        return len(self.dates) > 1


@dataclass(frozen=True)
class Shape:
    """One date of an event as drawn: a dot (a day) or a bar (a month or a year), from left to right."""

    date: PartialDate
    left: float
    right: float
    label: str  # the mark's accessible name and tooltip

    @property
    def is_dot(self) -> bool:
        return self.date.day is not None

    @property
    def middle(self) -> float:
        return (self.left + self.right) / 2

    @property
    def target(self) -> tuple[float, float]:
        """The left and right of the mark's link box: the shape, widened to TARGET."""
        if self.right - self.left >= TARGET:
            return (self.left, self.right)
        return (_round(self.middle - TARGET / 2), _round(self.middle + TARGET / 2))


@dataclass(frozen=True)
class Mark:
    """An event as drawn: its shapes (one for each date it has), in one row, centred on ``y``."""

    occurrence: Occurrence
    shapes: tuple[Shape, ...]
    row: int
    y: float

    @property
    def left(self) -> float:
        """Where its link boxes begin: no other mark's in its row comes closer."""
        return min(shape.target[0] for shape in self.shapes)

    @property
    def right(self) -> float:
        return max(shape.target[1] for shape in self.shapes)


class Level(Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class Tick:
    """A place on the axis: where a year or a month begins (a grid line), or a day; and its label."""

    level: Level
    x: float  # where a year or a month begins; the middle of a day
    label: str  # '' when there is no room for one
    label_x: float
    is_line: bool = False  # a grid line at x: a year's or a month's first day (a year's only, where both)


@dataclass(frozen=True)
class Break:
    """Empty years left out of the axis, at ``x`` (the middle of the room the break takes)."""

    x: float
    first: int
    last: int

    @property
    def label(self) -> str:
        years = f"in {self.first}" if self.first == self.last else f"from {self.first} to {self.last}"
        return f"No events {years}: left out of the axis"


@dataclass(frozen=True)
class TimelineDrawing:
    """A laid-out timeline: what it is, how big, the axis and its ticks, and the marks in their rows."""

    title: str
    width: float
    height: float
    axis_y: float  # the axis line; the grid lines run from it to the bottom
    levels: tuple[Level, ...]  # the rows of labels above the axis, from the top
    axis: tuple[tuple[float, float], ...]  # the axis line's pieces, broken where years are left out
    ticks: tuple[Tick, ...]
    breaks: tuple[Break, ...]
    marks: tuple[Mark, ...]
    rows: int
    bar: float = BAR  # the height of a bar

    @property
    def is_wide(self) -> bool:
        """Wider than a page's column: the page scrolls it in its own box instead of shrinking it."""
        return self.width > WIDTH

    @property
    def features(self) -> frozenset[Feature]:
        shapes = [shape for mark in self.marks for shape in mark.shapes]
        found = {Feature.DAY if shape.is_dot else Feature.SPAN for shape in shapes}
        if any(shape.date.is_approximate for shape in shapes):
            found.add(Feature.APPROXIMATE)
        if any(mark.occurrence.sources > 1 for mark in self.marks):
            found.add(Feature.SEVERAL)
        if any(mark.occurrence.is_disputed for mark in self.marks):
            found.add(Feature.DISAGREE)
        if self.breaks:
            found.add(Feature.BREAK)
        return frozenset(found)


def date_range(date: PartialDate) -> tuple[dt.date, dt.date]:
    """The days a date may mean, as [first, after): 2024-03 -> (2024-03-01, 2024-04-01)."""
    first = date.first_day()
    if date.day is not None:
        return first, first + dt.timedelta(days=1)
    if date.month is not None:
        return first, _next_month(first)
    return first, dt.date(date.year + 1, 1, 1)


def mark_label(date: PartialDate, occurrence: Occurrence) -> str:
    """A mark's name: '28 March 2024: Russia vetoes …', with what else the drawing shows of it."""
    label = date.human()
    if occurrence.is_disputed:
        label += f" (reports disagree: {' or '.join(d.human() for d in occurrence.dates)})"
    label += f": {occurrence.title}"
    if occurrence.sources > 1:
        label += f" ({occurrence.sources} briefings)"
    return label


def layout_timeline_drawing(title: str, occurrences: Sequence[Occurrence]) -> TimelineDrawing:
    """Lay out events on an axis scaled to them, each in the first row where it covers no other mark."""
    return _layout(title, tuple(occurrences))


# Under `mkdocs serve` most drawings are the same from one build to the next: each is laid out once.
@functools.lru_cache(maxsize=1024)
def _layout(title: str, occurrences: tuple[Occurrence, ...]) -> TimelineDrawing:
    ranges = [date_range(date) for occurrence in occurrences for date in occurrence.dates]
    axis = _Axis.covering(ranges)
    top = LABEL_ROW * len(axis.levels) + 6
    placed = _rows([(occurrence, _shapes(axis, occurrence)) for occurrence in occurrences])
    rows = 1 + max(row for _, _, row in placed)
    marks = tuple(
        Mark(occurrence, shapes, row, top + 4 + ROW * row + ROW / 2)
        for occurrence, shapes, row in sorted(placed, key=lambda item: _chronological(item[0]))
    )
    return TimelineDrawing(
        title=title,
        width=axis.width,
        height=_round(top + 4 + ROW * rows + 2),
        axis_y=top,
        levels=axis.levels,
        axis=axis.pieces(),
        ticks=axis.ticks(),
        breaks=axis.breaks(),
        marks=marks,
        rows=rows,
    )


def _chronological(occurrence: Occurrence) -> tuple[tuple[int, int, int, int], str]:
    return (min(occurrence.dates).sort_key, occurrence.key)


def _shapes(axis: _Axis, occurrence: Occurrence) -> tuple[Shape, ...]:
    """The shapes of an event's dates; where they disagree, spread so that SPREAD lies between
    their link boxes (two days a day apart would otherwise cover each other), centred on where
    they belong and kept on the drawing."""
    shapes = [_shape(axis, date, occurrence) for date in occurrence.dates]
    if len(shapes) < 2:
        return tuple(shapes)
    moved = [0.0]
    for before, after in itertools.pairwise(shapes):
        end = before.target[1] + moved[-1]
        moved.append(max(0.0, end + SPREAD - after.target[0]))
    shift = -sum(moved) / len(moved)
    lowest = min(shape.target[0] + m for shape, m in zip(shapes, moved, strict=True)) + shift
    highest = max(shape.target[1] + m for shape, m in zip(shapes, moved, strict=True)) + shift
    shift += max(0.0, -lowest) - max(0.0, highest - axis.width)
    return tuple(
        Shape(shape.date, _round(shape.left + m + shift), _round(shape.right + m + shift), shape.label)
        for shape, m in zip(shapes, moved, strict=True)
    )


def _shape(axis: _Axis, date: PartialDate, occurrence: Occurrence) -> Shape:
    first, after = date_range(date)
    left, right = axis.x(first), axis.x(after)
    if date.day is not None or right - left < 2 * DOT:
        middle = (left + right) / 2
        left, right = middle - DOT, middle + DOT
    return Shape(date, _round(left), _round(right), mark_label(date, occurrence))


def _rows(
    marks: Iterable[tuple[Occurrence, tuple[Shape, ...]]],
) -> list[tuple[Occurrence, tuple[Shape, ...], int]]:
    """Put each event in the first row where its link boxes cover no other's: the years first, then
    the months, then the days, each from the earliest; so the longest marks lie on top and the dots
    fill in."""

    def extent(shapes: tuple[Shape, ...]) -> tuple[float, float]:
        return min(s.target[0] for s in shapes), max(s.target[1] for s in shapes)

    def order(item: tuple[Occurrence, tuple[Shape, ...]]) -> tuple[int, float, float, str]:
        occurrence, shapes = item
        left, right = extent(shapes)
        return (max(s.date.precision for s in shapes), left, left - right, occurrence.key)

    ends: list[float] = []  # the right end of each row's last mark
    placed = []
    for occurrence, shapes in sorted(marks, key=order):
        left, right = extent(shapes)
        row = next((i for i, end in enumerate(ends) if end + GAP <= left), len(ends))
        if row == len(ends):
            ends.append(right)
        ends[row] = right
        placed.append((occurrence, shapes, row))
    return placed


@dataclass(frozen=True)
class _Segment:
    """A stretch of the axis without a break: the days [first, after), drawn from ``x`` on."""

    first: dt.date
    after: dt.date
    x: float

    @property
    def days(self) -> int:
        return (self.after - self.first).days


@dataclass(frozen=True)
class _Axis:
    segments: tuple[_Segment, ...]
    scale: float  # units per day
    width: float

    @classmethod
    def covering(cls, ranges: Sequence[tuple[dt.date, dt.date]]) -> _Axis:
        """The axis for these ranges of days: whole months in a short span, whole years with breaks in a long one."""
        first, after = min(r[0] for r in ranges), max(r[1] for r in ranges)
        if (after - first).days <= SHORT_SPAN:
            spans = [(first.replace(day=1), after if after.day == 1 else _next_month(after))]
        else:
            years = sorted({year for start, end in ranges for year in range(start.year, _last_day(end).year + 1)})
            spans = []
            for year in years:
                if spans and year - spans[-1][1].year < EMPTY_YEARS:
                    spans[-1] = (spans[-1][0], dt.date(year + 1, 1, 1))
                else:
                    spans.append((dt.date(year, 1, 1), dt.date(year + 1, 1, 1)))
        days = sum((end - start).days for start, end in spans)
        room = WIDTH - 2 * MARGIN - BREAK * (len(spans) - 1)
        scale = max(room / days, MIN_YEAR / 366)
        segments = []
        x = MARGIN
        for start, end in spans:
            segments.append(_Segment(start, end, x))
            x += (end - start).days * scale + BREAK
        return cls(tuple(segments), scale, _round(x - BREAK + MARGIN))

    @property
    def levels(self) -> tuple[Level, ...]:
        """The rows of labels: years always; months, and days, when there is room for them."""
        levels = [Level.YEAR]
        if 28 * self.scale >= MONTH_LABEL:
            levels.append(Level.MONTH)
        if self.scale >= 10:
            levels.append(Level.DAY)
        return tuple(levels)

    def x(self, day: dt.date) -> float:
        for segment in self.segments:
            if segment.first <= day <= segment.after:
                return segment.x + (day - segment.first).days * self.scale
        raise ValueError(f"{day} is not on the axis")  # every date drawn is on it: a bug if reached

    def pieces(self) -> tuple[tuple[float, float], ...]:
        return tuple((_round(s.x), _round(s.x + s.days * self.scale)) for s in self.segments)

    def breaks(self) -> tuple[Break, ...]:
        return tuple(
            Break(_round(self.x(a.after) + BREAK / 2), a.after.year, b.first.year - 1)
            for a, b in itertools.pairwise(self.segments)
        )

    def ticks(self) -> tuple[Tick, ...]:
        """Where each year begins, and each month and day where there is room, with their labels."""
        levels = self.levels
        ticks = []
        for segment in self.segments:
            for year in range(segment.first.year, _last_day(segment.after).year + 1):
                start = max(segment.first, dt.date(year, 1, 1))
                end = min(segment.after, dt.date(year + 1, 1, 1))
                is_line = start == dt.date(year, 1, 1)
                ticks.append(self._tick(Level.YEAR, start, end, str(year), YEAR_LABEL, is_line))
            if 28 * self.scale >= MONTH_LINE:
                month = segment.first
                while month < segment.after:
                    end = min(_next_month(month), segment.after)
                    name = self._month_name(month) if Level.MONTH in levels else ""
                    ticks.append(self._tick(Level.MONTH, month, end, name, 0.0, month.month != 1))
                    month = end
            if Level.DAY in levels:
                ticks.extend(self._days(segment))
        return tuple(ticks)

    def _tick(self, level: Level, start: dt.date, end: dt.date, label: str, room: float, is_line: bool) -> Tick:
        left, right = self.x(start), self.x(end)
        if right - left < room:
            label = ""
        return Tick(level, _round(left), label, _round((left + right) / 2), is_line)

    def _month_name(self, month: dt.date) -> str:
        width = (_next_month(month) - month).days * self.scale
        if width >= MONTH_NAME:
            return _MONTH_NAMES[month.month]
        return _MONTH_ABBREVIATIONS[month.month] if width >= MONTH_LABEL else ""

    def _days(self, segment: _Segment) -> list[Tick]:
        """Numbered days: every day, or every 2nd, 5th or 10th, as room allows, and the 1st of each month."""
        step = next(n for n in (1, 2, 5, 10) if n * self.scale >= DAY_LABEL)
        ticks = []
        day = segment.first
        while day < segment.after:
            left_in_month = (_next_month(day) - day).days
            if (day.day == 1 or day.day % step == 0) and (day.day == 1 or left_in_month * self.scale >= DAY_LABEL):
                middle = _round(self.x(day) + self.scale / 2)
                ticks.append(Tick(Level.DAY, middle, str(day.day), middle))
            day += dt.timedelta(days=1)
        return ticks


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _last_day(after: dt.date) -> dt.date:
    return after - dt.timedelta(days=1)


def _round(value: float) -> float:
    return round(value, 1) + 0.0
