"""Convert the generated pages' Markdown: in forked workers during a full build, else as MkDocs does.

Markdown conversion is three fifths of a full build, and MkDocs does it on one core, page after
page, while it reads the pages (between on_nav and on_env). In a full build the generated pages
(ConvertedPage) are converted by workers (generator.parallel) as soon as the navigation is known;
MkDocs then takes each page's result when it reaches the page.

A worker runs MkDocs' own steps on a page (read the source, the plugins' on_page_markdown,
Page.render, the plugin's finish_html) and sends back what render sets: the HTML, the table of
contents, the title, the anchors, and the records the conversion logged. MkDocs' log gets those
when it reaches the page, in the order a build in one process logs them, so that `--strict`
counts them. A page whose Markdown here differs from the one the worker converted, or that the
worker could not convert, is converted here, where an error is reported as MkDocs reports it.

Why not leave the conversion in MkDocs' own process, which would need none of this: measured with
benchmarks/conversion.py (a full `build` of 1,000 generated articles, each way in turn, median of
three on this two-core machine, 2026-12-07), the build took 39.1 s with the workers and 47.4 s
without them (0.82x; runs 38.9-46.7 s against 44.1-53.2 s). With one core, under `mkdocs serve`
and for fewer than generator.parallel.LEAST_TO_SHARE pages, MkDocs converts every page itself.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from ..parallel import fork_map, in_worker

CHUNK = 16  # pages a worker converts at a time: MkDocs waits for the first chunk before it goes on


@dataclass(frozen=True)
class _Converted:
    markdown: int  # the hash of the Markdown converted
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None  # links to other pages' anchors, by the page's src_uri
    records: tuple[logging.LogRecord, ...]


class ConvertedPage(Page):
    """A generated page: its Markdown is converted here, or comes converted from a worker."""

    converter: Converter | None = None
    finished = False  # whether its HTML has been through the converter's ``finish``

    def render(self, config: Any, files: Files) -> None:
        converted = self.converter.take(self) if self.converter is not None else None
        if converted is None or converted.markdown != hash(self.markdown):
            render_with_html_aside(self, config, files)
            return
        self.content, self.toc, self._title_from_render = converted.content, converted.toc, converted.title
        self.present_anchor_ids, self.finished = converted.anchors, True
        if converted.links is not None:
            self.links_to_anchors = {files.src_uris[uri]: links for uri, links in converted.links.items()}
        for record in converted.records:
            logging.getLogger(record.name).handle(record)


class Converter:
    """The pages' conversion by workers, from the moment it is made; ``take`` each page's result in turn.

    The workers also pass each page's HTML through ``finish`` (the plugin's finish_html): a page they
    converted has ``finished`` set. ``close`` lets them go (at the end of a build, or a failed one).
    """

    def __init__(
        self, pages: Sequence[ConvertedPage], config: Any, files: Files, finish: Callable[[str], str], jobs: int | None
    ) -> None:
        def convert(page: ConvertedPage) -> tuple[str, _Converted | None]:
            # Where the work falls back to this process, MkDocs converts the page when it reaches it.
            return page.file.src_uri, _convert(page, config, files, finish) if in_worker() else None

        self._results: Iterator[tuple[str, _Converted | None]] = fork_map(convert, pages, jobs, chunk=CHUNK)
        self._early: dict[str, _Converted | None] = {}  # results that came before their page was asked for
        for page in pages:
            page.converter = self

    def take(self, page: ConvertedPage) -> _Converted | None:
        """The page as a worker converted it; None if it is to be converted here."""
        uri = page.file.src_uri
        while uri not in self._early:
            done = next(self._results, None)
            if done is None:
                return None
            self._early[done[0]] = done[1]
        return self._early.pop(uri)

    def close(self) -> None:
        close = getattr(self._results, "close", None)
        if close is not None:
            close()
        self._early.clear()


def _convert(page: ConvertedPage, config: Any, files: Files, finish: Callable[[str], str]) -> _Converted:
    """A worker's work on one page; MkDocs' log records are kept, to be sent with the page."""
    records = _keep_log_records()
    config._current_page = page
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    render_with_html_aside(page, config, files)
    assert page.markdown is not None and page.content is not None
    links = page.links_to_anchors
    return _Converted(
        hash(page.markdown),
        finish(page.content),
        page.toc,
        page._title_from_render,
        page.present_anchor_ids,
        None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
        tuple(records),
    )


# A block of raw HTML that the templates wrote (a list, a table, the references, a graph): from a
# line that opens it to the line that closes it. Content text never starts a line with "<" (it is
# escaped), and these blocks hold no block of the same tag.
_RAW_BLOCK = re.compile(r"^<(ul|ol|table|figure)\b[^>]*>\n.*?^</\1>$", re.MULTILINE | re.DOTALL)
_ASIDE = "briefingrawhtmlblock{}x"  # a paragraph of one word, which Markdown leaves as it is
_PUT_BACK = re.compile(r"<p>briefingrawhtmlblock(\d+)x</p>")
_ANCHOR = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"')


def render_with_html_aside(page: Page, config: Any, files: Files) -> None:
    """Page.render, with the templates' blocks of raw HTML set aside and put back afterwards.

    Markdown reads raw HTML with Python's html.parser twice (to find where a block ends, and
    for MkDocs, its ids), which made up three quarters of a profile's conversion. Set aside,
    a block is a one-word paragraph; its ids are added to the page's anchors, as MkDocs would.
    Should a block not come back as that paragraph, the page is converted as it is.
    """
    source = page.markdown
    assert source is not None
    blocks: list[str] = []

    def aside(match: re.Match[str]) -> str:
        blocks.append(match.group())
        return _ASIDE.format(len(blocks) - 1)

    page.markdown = _RAW_BLOCK.sub(aside, source)
    try:
        Page.render(page, config, files)
    finally:
        page.markdown = source
    if not blocks:
        return
    content, count = _PUT_BACK.subn(lambda match: blocks[int(match.group(1))], page.content or "")
    if count != len(blocks):
        Page.render(page, config, files)
        return
    page.content = content
    page.present_anchor_ids = (page.present_anchor_ids or set()) | {
        html.unescape(anchor) for block in blocks for anchor in _ANCHOR.findall(block)
    }


class _Keep(logging.Handler):
    """In a worker: MkDocs' log records are kept, to be sent with their page, not written."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info = record.getMessage(), None, None  # sent as text
        self.records.append(record)


def _keep_log_records() -> list[logging.LogRecord]:
    """The list that collects MkDocs' log records in this worker, emptied for the next page."""
    logger = logging.getLogger("mkdocs")
    kept = [handler for handler in logger.handlers if isinstance(handler, _Keep)]
    if not kept:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        kept = [_Keep()]
        logger.addHandler(kept[0])
        logger.propagate = False
    kept[0].records.clear()
    return kept[0].records
