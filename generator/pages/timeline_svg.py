"""Timeline drawing, written: the layout of generator.pages.timeline_drawing as inline SVG.

Not an image (role="img" hides its parts): a group, named by its title, of links in date order,
each to its event's page. The axis is hidden from screen readers; the marks' names say
their dates. The look comes from classes that the site's stylesheet colours.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .timeline_drawing import DOT, LABEL_ROW, RIM, TARGET, Break, Level, Mark, Shape, TimelineDrawing

# A link to an event's page from the page the drawing is on: Pieces.href, ('event', key) -> address.
EventLink = Callable[[str, str], str]


def draw_timeline_svg(drawing: TimelineDrawing, href: EventLink | None = None) -> str:
    """Write the drawing as an SVG element whose marks are links to the events' pages (or, without
    ``href``, to their entries on the page). Each link says which entry it stands for in
    ``data-event``: the timeline's filters hide a mark with its entry.

    Not an image (role="img" hides its parts): a group, named by its title, of links in date
    order. The axis is hidden from screen readers; the marks' names say their dates. Text from
    content is HTML-escaped here, as this is raw HTML inside the Markdown.
    """
    width, height = _n(drawing.width), _n(drawing.height)
    fit = "wide" if drawing.is_wide else "fit"
    out = [
        f'<svg class="timeline-svg timeline-svg--{fit}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="group" aria-labelledby="timeline-drawing-title" data-search-exclude>',
        f'<title id="timeline-drawing-title">{escape(drawing.title)}</title>',
        '<g class="tl-axis" aria-hidden="true">',
        *_grid(drawing),
        *_labels(drawing),
        f'<path class="tl-line" d="{" ".join(f"M{_n(a)},{_n(drawing.axis_y)} H{_n(b)}" for a, b in drawing.axis)}"></path>',
        *(_break(drawing, b) for b in drawing.breaks),
        "</g>",
        '<g class="tl-marks">',
        *(_mark(mark, drawing.bar, href) for mark in drawing.marks),
        "</g>",
        "</svg>",
    ]
    return "\n".join(out)


def _grid(drawing: TimelineDrawing) -> list[str]:
    """One path of grid lines for each level: where each year (and month) begins."""
    paths = []
    bottom = _n(drawing.height)
    for level in (Level.YEAR, Level.MONTH):
        lines = " ".join(
            f"M{_n(t.x)},{_n(drawing.axis_y)} V{bottom}" for t in drawing.ticks if t.level is level and t.is_line
        )
        if lines:
            paths.append(f'<path class="tl-grid tl-grid--{level.value}" d="{lines}"></path>')
    return paths


def _labels(drawing: TimelineDrawing) -> list[str]:
    out = []
    for tick in drawing.ticks:
        if tick.label:
            y = LABEL_ROW * (drawing.levels.index(tick.level) + 1) - 1
            out.append(
                f'<text class="tl-{tick.level.value}" x="{_n(tick.label_x)}" '
                f'y="{_n(y)}" text-anchor="middle">'
                f"{escape(tick.label)}</text>"
            )
    return out


def _break(drawing: TimelineDrawing, gap: Break) -> str:
    y = drawing.axis_y
    slashes = " ".join(f"M{_n(gap.x + dx - 3)},{_n(y + 5)} L{_n(gap.x + dx + 3)},{_n(y - 5)}" for dx in (-3, 3))
    return f'<g class="tl-break"><title>{escape(gap.label)}</title><path d="{slashes}"></path></g>'


def _mark(mark: Mark, bar: float, href: EventLink | None) -> str:
    occurrence = mark.occurrence
    classes = "tl-several" if occurrence.sources > 1 else ""
    anchor = escape(occurrence.anchor)
    target = escape(href("event", occurrence.key)) if href else f"#{anchor}"
    links = []
    for shape in mark.shapes:
        css = " ".join(filter(None, ("tl-dot" if shape.is_dot else "tl-bar", "tl-approx" * shape.date.is_approximate)))
        links.append(
            f'<a href="{target}" data-event="{anchor}" class="{css}{" " + classes if classes else ""}">'
            f"<title>{escape(shape.label)}</title>{_target_svg(shape, mark.y)}{_shape_svg(shape, mark.y, bar)}</a>"
        )
    if not occurrence.is_disputed:
        return links[0]
    middles = [shape.middle for shape in mark.shapes]
    joint = f'<path class="tl-joint" d="M{_n(min(middles))},{_n(mark.y)} H{_n(max(middles))}"></path>'
    return '<g class="tl-disputed">' + joint + "".join(links) + "</g>"


def _target_svg(shape: Shape, y: float) -> str:
    """The link's box, TARGET by TARGET at least: invisible, it takes the taps around a small mark."""
    left, right = shape.target
    return (
        f'<rect class="tl-target" x="{_n(left)}" y="{_n(y - TARGET / 2)}" width="{_n(right - left)}" '
        f'height="{_n(TARGET)}"></rect>'
    )


def _shape_svg(shape: Shape, y: float, bar: float) -> str:
    """The shape inside its outer box: the rim's stroke is centred on the outline, so the outline is inset by half."""
    inset = RIM / 2
    if shape.is_dot:
        return f'<circle cx="{_n(shape.middle)}" cy="{_n(y)}" r="{_n(DOT - inset)}"></circle>'
    return (
        f'<rect x="{_n(shape.left + inset)}" y="{_n(y - bar / 2 + inset)}" '
        f'width="{_n(shape.right - shape.left - RIM)}" height="{_n(bar - RIM)}"></rect>'
    )


def _n(value: float) -> str:
    """Write a coordinate with two decimals at most: 12, 12.5, 3.25 (never -0)."""
    rounded = round(value, 2) + 0.0
    return f"{rounded:g}" if rounded != int(rounded) else str(int(rounded))
