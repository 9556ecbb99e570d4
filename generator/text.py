"""Plain text from content Markdown: what a reader sees of it, for descriptions and metadata."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

import markdown

_CODE = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(value: str, limit: int | None = None) -> str:
    """Return Markdown as the one line of text a reader sees, cut at a word before ``limit`` characters."""
    # Raw HTML in content is shown as text on the page (see render.escape_markdown): here too.
    parts, position = [], 0
    for match in _CODE.finditer(value):
        parts += [value[position : match.start()].replace("<", "&lt;"), match.group()]
        position = match.end()
    parts.append(value[position:].replace("<", "&lt;"))
    parser = _Text()
    parser.feed(markdown.markdown("".join(parts)))
    parser.close()
    text = " ".join("".join(parser.parts).split())
    if limit is not None and len(text) > limit:
        text = textwrap.shorten(text, limit, placeholder=" …")
    return text
