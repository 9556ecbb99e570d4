"""Sanitize: the second layer of defence, on the HTML that Markdown made of a page.

Content is escaped before it reaches Markdown (render.py); this pass keeps only the
tags and attributes that our templates and Markdown produce, so that a mistake in
the first layer still cannot put a script, an event handler or a remote resource
into a reader's browser. It runs on the page body only: the theme's own HTML
(its scripts and search) is not content and is not touched.

The graphs (graph.py) and the drawn timelines (timeline_svg.py) are inline SVG: the
SVG elements they draw are kept, with their geometry and classes, and nothing that runs or
loads (no script, style, foreignObject, use or image; no event handler). A timeline's marks
are links, kept as links are anywhere: http(s) or relative (they link to '#event-…' on
their page). The data-* attributes kept hold ids only: the timeline's filters read them,
and tests match a graph's edges with its table.
"""

from __future__ import annotations

import html
from collections.abc import MutableMapping
from typing import Any

import nh3

TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "caption", "code", "del", "div", "em", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "span", "strong", "sub", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
SVG_TAGS = frozenset({"svg", "title", "desc", "defs", "marker", "g", "path", "circle", "rect", "text", "tspan"})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "data-event", "data-actor"},
    "td": {"style", "data-label"},
    "th": {"style"},
    "ol": {"start"},
    "h2": {"data-search-exclude"},
    "li": {"data-actors", "data-topics", "data-date"},
    # SVG attribute names are case-sensitive: viewBox, refX, markerWidth.
    "svg": {"viewBox", "width", "height", "role", "aria-labelledby", "aria-describedby", "data-search-exclude"},
    "marker": {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient"},
    "g": {"data-source", "data-target", "data-actor", "aria-hidden"},
    "path": {"d", "marker-end"},
    "circle": {"cx", "cy", "r"},
    "rect": {"x", "y", "width", "height"},
    "text": {"x", "y", "text-anchor"},
    "tspan": {"x", "dy"},
}
URL_SCHEMES = frozenset({"http", "https"})


def sanitize_html(html: str) -> str:
    """Keep the safe subset of a page body's HTML: no scripts, handlers, styles or embeds."""
    return nh3.clean(
        html,
        tags=set(TAGS | SVG_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape what the theme puts into a page's HTML unescaped: its title, description and (in
    search results) tags. Content is text."""
    for key in ("title", "description"):
        if key in meta:
            meta[key] = html.escape(str(meta[key]), quote=True)
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [html.escape(str(tag), quote=True) for tag in meta["tags"]]
