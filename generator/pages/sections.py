"""Sections: the parts of a page under its headings, boxed so that a browser may skip them off screen.

As the theme's script starts, it restyles the whole page several times (it sets the colour
scheme, measures the header, wraps each table in a scrolling box), and each pass costs in
proportion to the elements on the page: on a long profile (tables, a graph, a drawn timeline)
a phone spent a quarter of a second on it before the page answered (Lighthouse: total blocking
time). The content under each top-level ``<h2>`` goes into a ``<div class="page-section">``,
which briefing.css draws with ``content-visibility: auto``: while a part is off screen the
browser skips its style and layout, so that a page starts at the cost of its first screen,
however long it is. It stays in the page, for search, find in page, links to its anchors and
screen readers. The headings stay outside the boxes: the table of contents measures them.
"""

from __future__ import annotations

import re
from typing import Any

SECTION_CLASS = "page-section"
_OPEN = f'<div class="{SECTION_CLASS}">'
# A comment, or a tag: its slash if it ends an element, its name, then its attributes (quoted values
# may hold ">"). Text holds no "<" (it is escaped), so that every "<" starts one of these.
_TAG = re.compile(r"""<!--.*?-->|<(/?)([a-zA-Z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>""", re.DOTALL)
# Elements without an end tag.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


def _top_headings(html: str) -> list[tuple[int, int]]:
    """Where each top-level <h2> starts and where its end tag ends, as offsets into the HTML."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, -1
    for tag in _TAG.finditer(html):
        ending, name = tag.group(1), (tag.group(2) or "").lower()
        if not name or name in _VOID or tag.group(0).endswith("/>"):
            continue  # a comment, or an element with no end tag
        if ending:
            depth -= 1
            if name == "h2" and depth == 0 and start >= 0:
                spans.append((start, tag.end()))
                start = -1
        else:
            if name == "h2" and depth == 0:
                start = tag.start()
            depth += 1
    return spans


def wrap_sections(html: str) -> str:
    """Put what follows each top-level <h2>, up to the next one or the end, in a page-section box.

    What comes before the first heading (the title, a summary) is the first screen: it stays as
    it is. ``html`` is a page body as Markdown or the sanitizer writes it (every element closed); a
    part boxed already stays as it is.
    """
    spans = _top_headings(html)
    if not spans:
        return html
    pieces = [html[: spans[0][0]]]
    for index, (start, end) in enumerate(spans):
        following = spans[index + 1][0] if index + 1 < len(spans) else len(html)
        body = html[end:following]
        pieces.append(html[start:end])
        if body.strip() and not body.lstrip().startswith(_OPEN):  # boxed already: as it is
            pieces.append(f"\n{_OPEN}{body.rstrip()}\n</div>\n")
        else:
            pieces.append(body)
    return "".join(pieces)


def on_page_content(html: str, /, **_: Any) -> str:
    """As an MkDocs hook (``hooks:`` in mkdocs.yml): the boxes in a site that MkDocs alone builds
    from pre-rendered pages (``render --out``), as the briefing plugin puts them in its own."""
    return wrap_sections(html)
