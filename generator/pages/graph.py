"""Graph: lay out actors and their relations, and draw them as inline SVG at build time.

Pure and deterministic: the same nodes and edges give the same bytes. Two layouts:
``layout_ego`` puts one actor in the middle, the actors whose relations point at it on
the left and those it points at on the right (a profile); ``layout_circle`` puts every
actor on a circle (a topic). The drawing needs no script and no style attribute: the
look comes from classes that the site's stylesheet colours, in light, dark and print.
"""

from __future__ import annotations

import functools
import math
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape

FONT = 12  # px, in the drawing's own units
LINE = 15  # the distance between two lines of a label
NODE = 7  # the radius of an actor's dot
CENTER = 13  # the radius of the dot of the actor a profile is about
WIDTH = 640  # the width of a profile's drawing
NAME_WIDTH = 24  # characters per line of an actor's name
WORD = 6.5  # px: about the width of a character of a label, to see whether words fit
RELATION_WIDTH = 28  # characters per line of a relation's label
# A drawing stays small however much the content grows: past these, the actors with the most
# relations are drawn and the table beside the drawing lists the rest.
MOST_PER_SIDE = 12  # actors on each side of a profile's drawing
MOST_LABELS = 3  # labels under one actor, the last saying how many more there are
MOST_ON_CIRCLE = 20  # actors on a topic's circle
_SHOWN_SOME = " The drawing shows the {shown} actors with the most relations; the table lists them all."


@dataclass(frozen=True)
class Node:
    """An actor: its id, the name to show and its kind (country, organization, person)."""

    id: str
    label: str
    kind: str


@dataclass(frozen=True)
class Edge:
    """Every relation from one actor to another, one label each ('accuses (2024)')."""

    source: str
    target: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Placed:
    """A node where it is drawn, with its label's lines as (class, text) pairs."""

    node: Node
    x: float
    y: float
    radius: float
    anchor: str  # text-anchor of the label: start, middle or end
    label_x: float
    label_y: float
    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Words:
    """An arrow's words, written at the middle of the arrow."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Link:
    """An edge as drawn: from one placed node to another, straight or bent; on a circle, with its
    words at its middle where they fit."""

    edge: Edge
    start: Placed
    end: Placed
    bend: float  # how far the middle of the curve leaves the straight line
    words: Words | None = None


@dataclass(frozen=True)
class Heading:
    x: float
    y: float
    anchor: str
    text: str


@dataclass(frozen=True)
class Graph:
    """A laid-out drawing: what it is (title, description), how big, and where everything goes."""

    key: str  # makes the ids inside the drawing unique on its page
    title: str
    description: str
    width: float
    height: float
    nodes: tuple[Placed, ...]
    links: tuple[Link, ...]
    headings: tuple[Heading, ...] = ()

    @property
    def edges(self) -> tuple[Edge, ...]:
        return tuple(link.edge for link in self.links)


def merge_edges(relations: Iterable[tuple[str, str, str]]) -> tuple[Edge, ...]:
    """Gather (source, target, label) triples into one edge per direction, labels in order, without repeats."""
    labels: dict[tuple[str, str], list[str]] = {}
    for source, target, label in relations:
        seen = labels.setdefault((source, target), [])
        if label not in seen:
            seen.append(label)
    return tuple(Edge(source, target, tuple(texts)) for (source, target), texts in labels.items())


def layout_ego(
    key: str, title: str, description: str, center: Node, nodes: Sequence[Node], edges: Sequence[Edge]
) -> Graph:
    """Lay out one actor's relations: incoming on the left, the actor in the middle, outgoing on the right."""
    return _layout_ego(key, title, description, center, tuple(nodes), tuple(edges))


# Under `mkdocs serve` most drawings are the same from one build to the next: each is laid out once.
@functools.lru_cache(maxsize=4096)
def _layout_ego(
    key: str, title: str, description: str, center: Node, nodes: tuple[Node, ...], edges: tuple[Edge, ...]
) -> Graph:
    by_id = {node.id: node for node in nodes}
    by_id[center.id] = center
    incoming = [e for e in edges if e.target == center.id and e.source != center.id]
    outgoing = [e for e in edges if e.source == center.id]
    if len(incoming) > MOST_PER_SIDE or len(outgoing) > MOST_PER_SIDE:
        shown = min(len(incoming), MOST_PER_SIDE) + min(len(outgoing), MOST_PER_SIDE)
        description += _SHOWN_SOME.format(shown=shown)
    incoming = sorted(_strongest(incoming, by_id, "source"), key=_by_name(by_id, "source"))
    outgoing = sorted(_strongest(outgoing, by_id, "target"), key=_by_name(by_id, "target"))
    # Columns: the actor sits between its two sides, or at the edge when a side is empty.
    if incoming and outgoing:
        left_x, center_x, right_x = 190.0, WIDTH / 2, WIDTH - 190.0
    elif incoming:
        left_x, center_x, right_x = 330.0, 500.0, 0.0
    else:
        left_x, center_x, right_x = 0.0, 140.0, 300.0
    top = 44.0
    left = _column(incoming, by_id, "source", left_x, top, "end")
    right = _column(outgoing, by_id, "target", right_x, top, "start")
    bottom = max([top, *(p.label_y + LINE * (len(p.lines) - 1) for p in left + right)])
    center_lines = tuple(("graph-name graph-center", line) for line in _wrap(center.label, NAME_WIDTH))
    middle = (top + bottom) / 2 - 6
    centre = Placed(center, center_x, middle, CENTER, "middle", center_x, middle + CENTER + LINE + 2, center_lines)
    height = max(bottom, centre.label_y + LINE * (len(center_lines) - 1)) + 20
    links = [Link(edge, placed, centre, 0.0) for edge, placed in zip(incoming, left, strict=True)]
    links += [Link(edge, centre, placed, 0.0) for edge, placed in zip(outgoing, right, strict=True)]
    headings = []
    if incoming:
        headings.append(Heading(left_x, 20, "end", "Incoming"))
    if outgoing:
        headings.append(Heading(right_x, 20, "start", "Outgoing"))
    return Graph(
        key, title, description, WIDTH, math.ceil(height), (centre, *left, *right), tuple(links), tuple(headings)
    )


def _by_name(by_id: dict[str, Node], end: str) -> Callable[[Edge], tuple[str, str]]:
    def key(edge: Edge) -> tuple[str, str]:
        node = by_id[getattr(edge, end)]
        return (node.label.casefold(), node.id)

    return key


def _strongest(edges: Sequence[Edge], by_id: dict[str, Node], end: str) -> list[Edge]:
    """The edges to the actors with the most relations, at most MOST_PER_SIDE of them."""
    ranked = sorted(edges, key=lambda e: (-len(e.labels), *_by_name(by_id, end)(e)))
    return ranked[:MOST_PER_SIDE]


def _labels(edge: Edge) -> tuple[str, ...]:
    if len(edge.labels) <= MOST_LABELS:
        return edge.labels
    return (*edge.labels[: MOST_LABELS - 1], f"and {len(edge.labels) - MOST_LABELS + 1} more")


def _column(edges: Sequence[Edge], by_id: dict[str, Node], end: str, x: float, top: float, anchor: str) -> list[Placed]:
    placed = []
    y = top
    offset = -(NODE + 6) if anchor == "end" else NODE + 6
    for edge in edges:
        node = by_id[getattr(edge, end)]
        lines = [("graph-name", line) for line in _wrap(node.label, NAME_WIDTH)]
        lines += [("graph-relation", line) for label in _labels(edge) for line in _wrap(label, RELATION_WIDTH)]
        placed.append(Placed(node, x, y, NODE, anchor, x + offset, y + FONT / 3, tuple(lines)))
        y += LINE * len(lines) + 12
    return placed


def layout_circle(key: str, title: str, description: str, nodes: Sequence[Node], edges: Sequence[Edge]) -> Graph:
    """Lay out actors on a circle, in order of name, with their relations as arrows across it."""
    return _layout_circle(key, title, description, tuple(nodes), tuple(edges))


@functools.lru_cache(maxsize=1024)
def _layout_circle(key: str, title: str, description: str, nodes: tuple[Node, ...], edges: tuple[Edge, ...]) -> Graph:
    if len(nodes) > MOST_ON_CIRCLE:
        degree = Counter(end for e in edges for end in {e.source, e.target})
        nodes = tuple(sorted(nodes, key=lambda n: (-degree[n.id], n.label.casefold(), n.id))[:MOST_ON_CIRCLE])
        kept = {node.id for node in nodes}
        edges = tuple(e for e in edges if e.source in kept and e.target in kept)
        description += _SHOWN_SOME.format(shown=MOST_ON_CIRCLE)
    ordered = sorted(nodes, key=lambda n: (n.label.casefold(), n.id))
    count = len(ordered)
    radius = max(70.0, min(230.0, count * 16.0))
    margin_x, margin_y = 150.0, 60.0
    width = 2 * (radius + margin_x)
    height = 2 * (radius + margin_y)
    cx, cy = width / 2, height / 2
    placed: dict[str, Placed] = {}
    for index, node in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * index / count
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + radius * cos, cy + radius * sin
        lines = tuple(("graph-name", line) for line in _wrap(node.label, NAME_WIDTH - 6))
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        reach = NODE + 5
        label_x = x + reach * cos
        if sin < -0.5:  # above the circle: the label grows upwards
            label_y = y - reach - LINE * (len(lines) - 1) - 2
        elif sin > 0.5:
            label_y = y + reach + FONT
        else:
            label_y = y - LINE * (len(lines) - 1) / 2 + FONT / 3
        placed[node.id] = Placed(node, x, y, NODE, anchor, label_x, label_y, lines)
    pairs = {(e.source, e.target) for e in edges}
    links = [
        Link(edge, placed[edge.source], placed[edge.target], 22.0 if (edge.target, edge.source) in pairs else 0.0)
        for edge in edges
    ]
    drawn = tuple(placed.values())
    return Graph(key, title, description, width, height, drawn, _worded(links, drawn, width, height))


Box = tuple[float, float, float, float]  # left, top, right, bottom


def _worded(links: Sequence[Link], nodes: Sequence[Placed], width: float, height: float) -> tuple[Link, ...]:
    """Give each arrow its words at its middle where they fit: on the drawing, clear of every dot,
    name and other arrow's words (the table beside the drawing has them all)."""
    taken = [(n.x - n.radius, n.y - n.radius, n.x + n.radius, n.y + n.radius) for n in nodes]
    taken += [_label_box(node) for node in nodes]
    worded = []
    for link in links:
        words = None
        if link.start is not link.end:
            text = (
                _labels(link.edge)[0]
                if len(link.edge.labels) == 1
                else f"{link.edge.labels[0]} (+{len(link.edge.labels) - 1})"
            )
            x, y = _middle(link)
            half = WORD * len(text) / 2
            box = (x - half, y - FONT + 2, x + half, y + 3)
            if (
                box[0] >= 0
                and box[2] <= width
                and box[1] >= 0
                and box[3] <= height
                and not any(_overlap(box, other) for other in taken)
            ):
                words = Words(x, y, text)
                taken.append(box)
        worded.append(Link(link.edge, link.start, link.end, link.bend, words))
    return tuple(worded)


def _label_box(placed: Placed) -> Box:
    """Where a dot's name is written, near enough: FONT tall a line, NAME a character wide."""
    wide = WORD * max(len(text) for _, text in placed.lines) + 2
    left = {"start": placed.label_x, "middle": placed.label_x - wide / 2, "end": placed.label_x - wide}[placed.anchor]
    return (left, placed.label_y - FONT, left + wide, placed.label_y + LINE * (len(placed.lines) - 1) + 3)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _middle(link: Link) -> tuple[float, float]:
    """The middle of an arrow: of its line, or of its bent curve (a quadratic's, at t = 1/2)."""
    mx, my = _control(link)
    return (link.start.x + 2 * mx + link.end.x) / 4, (link.start.y + 2 * my + link.end.y) / 4


def _control(link: Link) -> tuple[float, float]:
    """The control point of an arrow's curve: the middle of the line, moved ``bend`` to its left."""
    x1, y1, x2, y2 = link.start.x, link.start.y, link.end.x, link.end.y
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    return (x1 + x2) / 2 + link.bend * dy / length, (y1 + y2) / 2 - link.bend * dx / length


@functools.lru_cache(maxsize=65536)
def _wrap(text: str, width: int) -> tuple[str, ...]:
    """A label's lines; the same names recur in every graph they are in."""
    return tuple(textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)) or (text,)


# A link to an actor's profile from the page the drawing is on: Pieces.href, ('actor', id) -> address.
ActorLink = Callable[[str, str], str]


def draw_svg(graph: Graph, href: ActorLink | None = None) -> str:
    """Write the graph as an SVG element with a title and a description.

    Without ``href``, an image, which holds no links: an image's parts are not announced or
    focusable. With it, a group whose actors are links to their profiles, named by their names;
    the arrows are left to the table of the same relations that the page puts beside it.
    Text from content is HTML-escaped here, as this is raw HTML inside the Markdown.
    """
    title_id, desc_id, arrow_id = f"{graph.key}-title", f"{graph.key}-desc", f"{graph.key}-arrow"
    role = f'role="group" aria-labelledby="{title_id}" aria-describedby="{desc_id}"'
    if href is None:
        role = f'role="img" aria-labelledby="{title_id} {desc_id}"'
    out = [
        f'<svg class="graph-drawing" viewBox="0 0 {_n(graph.width)} {_n(graph.height)}" '
        f'width="{_n(graph.width)}" height="{_n(graph.height)}" {role} data-search-exclude>',
        f'<title id="{title_id}">{escape(graph.title)}</title>',
        f'<desc id="{desc_id}">{escape(graph.description)}</desc>',
        f'<defs><marker id="{arrow_id}" class="graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,1 L9,5 L0,9 z"></path></marker></defs>',
    ]
    for heading in graph.headings:
        out.append(
            f'<text class="graph-heading" x="{_n(heading.x)}" y="{_n(heading.y)}" '
            f'text-anchor="{heading.anchor}">{escape(heading.text)}</text>'
        )
    names = {p.node.id: p.node.label for p in graph.nodes}
    for link in graph.links:
        edge = link.edge
        tip = f"{names[edge.source]} {'; '.join(_labels(edge))} {names[edge.target]}"
        hidden = ' aria-hidden="true"' if href else ""
        out.append(
            f'<g class="graph-edge" data-source="{escape(edge.source)}" data-target="{escape(edge.target)}"{hidden}>'
            f"<title>{escape(tip)}</title>"
            f'<path d="{_curve(link)}" marker-end="url(#{arrow_id})"></path>'
            + (
                f'<text class="graph-relation" x="{_n(link.words.x)}" y="{_n(link.words.y)}" text-anchor="middle">'
                f"{escape(link.words.text)}</text>"
                if link.words
                else ""
            )
            + "</g>"
        )
    for placed in graph.nodes:
        node = placed.node
        lines = "".join(
            f'<tspan class="{css}" x="{_n(placed.label_x)}" dy="{0 if i == 0 else LINE}">{escape(text)}</tspan>'
            for i, (css, text) in enumerate(placed.lines)
        )
        tag, target = ("a", f' href="{escape(href("actor", node.id))}"') if href else ("g", "")
        out.append(
            f'<{tag}{target} class="graph-node graph-node--{escape(node.kind)}" data-actor="{escape(node.id)}">'
            f"<title>{escape(node.label)} ({escape(node.kind)})</title>"
            f'<circle cx="{_n(placed.x)}" cy="{_n(placed.y)}" r="{_n(placed.radius)}"></circle>'
            f'<text x="{_n(placed.label_x)}" y="{_n(placed.label_y)}" text-anchor="{placed.anchor}">{lines}</text></{tag}>'
        )
    out.append("</svg>")
    return "\n".join(out)


def _curve(link: Link) -> str:
    """A path from the rim of one dot to the rim of the other, bent to the left of its direction if asked."""
    (x1, y1, r1), (x2, y2, r2) = (
        (link.start.x, link.start.y, link.start.radius),
        (link.end.x, link.end.y, link.end.radius),
    )
    if link.start is link.end:  # a relation of an actor with itself: a small loop above its dot
        return f"M{_n(x1 - 4)},{_n(y1 - r1)} C{_n(x1 - 18)},{_n(y1 - 34)} {_n(x1 + 18)},{_n(y1 - 34)} {_n(x1 + 4)},{_n(y1 - r1 - 1)}"
    mx, my = _control(link)
    sx, sy = _toward(x1, y1, mx, my, r1 + 1)
    ex, ey = _toward(x2, y2, mx, my, r2 + 2)
    if not link.bend:
        return f"M{_n(sx)},{_n(sy)} L{_n(ex)},{_n(ey)}"
    return f"M{_n(sx)},{_n(sy)} Q{_n(mx)},{_n(my)} {_n(ex)},{_n(ey)}"


def _toward(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    length = math.hypot(tx - x, ty - y) or 1.0
    return x + (tx - x) * distance / length, y + (ty - y) * distance / length


def _n(value: float) -> str:
    """Write a coordinate with one decimal at most: 12, 12.5 (never -0)."""
    rounded = round(value, 1) + 0.0
    return f"{rounded:g}" if rounded != int(rounded) else str(int(rounded))
