"""Sanitize: the second layer of defence, on the HTML that Markdown made of a page.

Content is escaped before it reaches Markdown (render.py); this pass keeps only the
tags and attributes that our templates and Markdown produce, so that a mistake in
the first layer still cannot put a script, an event handler or a remote resource
into a reader's browser. It runs on the page body only: the theme's own HTML
(its scripts and search) is not content and is not touched.
"""

from __future__ import annotations

import nh3

TAGS = frozenset(
    {
        "a", "abbr", "blockquote", "br", "caption", "code", "del", "div", "em", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "span", "strong", "sub", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "td": {"style"},
    "th": {"style"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https"})


def sanitize_html(html: str) -> str:
    """Keep the safe subset of a page body's HTML: no scripts, handlers, styles or embeds."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,
        strip_comments=True,
    )
