"""Links between pages: written source-relative, to Markdown files, as every MkDocs-style builder reads them.

Pages link to each other's Markdown files (``../actors/russia.md``), in Markdown links and in raw
HTML alike. Builders that resolve links from the source file (Zensical) turn both into addresses.
MkDocs and ProperDocs rewrite only Markdown links: ``address_links`` turns the raw HTML ones into
the address the page will have, as the briefing plugin does before MkDocs reads a page.

This module needs the standard library alone: `render --standalone` copies it beside the pages as
a hook (``on_page_markdown``), so that a builder of the MkDocs family builds them without the generator.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

# A raw HTML link to a Markdown file: relative (no scheme, no query), with an optional anchor.
_MARKDOWN_HREF = re.compile(r'href="([^":?#]+\.md)(#[^"]*)?"')


def address_of(markdown_path: str, use_directory_urls: bool = True) -> str:
    """Return the address a Markdown page is published at: 'actors/russia.md' -> 'actors/russia/', 'index.md' -> ''.

    Without directory addresses: 'actors/russia.html', 'index.html'.
    """
    stem = markdown_path.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    return "" if stem == "index" else stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def relative_path(target: str, start: str) -> str:
    """Write site path ``target`` relative to folder ``start`` ('' is the site root).

    posixpath.relpath gives the same answer but asks the operating system for the
    working directory on every call; pages hold thousands of links.
    """
    target_parts = [part for part in target.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(target_parts), len(start_parts)) and target_parts[common] == start_parts[common]:
        common += 1
    parts = [".."] * (len(start_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


def address_links(markdown: str, src_path: str, use_directory_urls: bool = True) -> str:
    """Turn the raw HTML links to Markdown files of the page at ``src_path`` into addresses."""
    folder, here = posixpath.dirname(src_path), posixpath.dirname(address_of(src_path, use_directory_urls))
    known: dict[str, str] = {}

    def address(match: re.Match[str]) -> str:
        path, anchor = match.group(1), match.group(2) or ""
        if path not in known:
            target = address_of(posixpath.normpath(posixpath.join(folder, path)), use_directory_urls)
            relative = relative_path(target, here)
            known[path] = (
                ("./" if relative == "." else relative + "/") if target.endswith("/") or not target else relative
            )
        return f'href="{known[path]}{anchor}"'

    return _MARKDOWN_HREF.sub(address, markdown)


def on_page_markdown(markdown: str, /, *, page: Any, config: Any, **_: Any) -> str:
    """The MkDocs hook: the page's raw HTML links, as addresses."""
    return address_links(markdown, page.file.src_uri, config.use_directory_urls)
