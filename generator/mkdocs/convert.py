"""Convert the generated pages' Markdown on two cores: MkDocs in this process, a forked helper beside it.

Markdown conversion is three fifths of a full build, and MkDocs does it on one core, page after
page. The generated pages are ConvertedPage; in a full build a helper (generator.fork) converts
them from the last one backwards while MkDocs goes through them from the first: each page is
converted once, by whichever process claims it first, and the two meet in the middle.

The helper runs MkDocs' own steps on a page (read the source, the plugins' on_page_markdown,
Page.render) and sends back what render sets: the HTML, the table of contents, the title, the
anchors, and the records the conversion logged. MkDocs' log gets those when it reaches the page,
in the order a build in one process logs them, so that `--strict` counts them. A page whose
Markdown here differs from the one the helper converted, or whose conversion failed there, is
converted here, where an error is reported as MkDocs reports it.
"""

from __future__ import annotations

import html
import logging
import multiprocessing
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from ..fork import Inbox, start_helper, stop_helper
from ..stops import stops_held


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
    """A generated page: its Markdown is converted here, or comes converted from the helper."""

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
    """The helper that converts ``pages`` from the back, and what it has sent so far.

    The helper also passes each page's HTML through ``finish`` (the plugin's sanitizer): a page
    it sends has ``finished`` set.
    """

    def __init__(self, pages: Sequence[ConvertedPage], config: Any, files: Files, finish: Callable[[str], str]) -> None:
        self._index = {page.file.src_uri: i for i, page in enumerate(pages)}
        # [front, back]: this process has claimed the pages before front, the helper those from back on.
        self._claims: Any = multiprocessing.get_context("fork").Array("l", [0, len(pages)])
        self._converted: Inbox[_Converted | None] = Inbox()
        self._helper, self._receiver = start_helper(_convert_from_the_back, pages, config, files, finish, self._claims)
        self._reader = threading.Thread(target=self._read, name="converted", daemon=True)
        try:
            self._reader.start()
        except BaseException:  # a stop: nobody would close this converter
            stop_helper(self._helper, self._receiver)
            raise
        for page in pages:
            page.converter = self

    def take(self, page: ConvertedPage) -> _Converted | None:
        """The page as the helper converted it; None if this process is to convert it."""
        i = self._index.get(page.file.src_uri)
        if i is None:
            return None
        with self._claims.get_lock():
            if i < self._claims[1]:
                self._claims[0] = i + 1
                return None
        return self._converted.take(i)

    def close(self) -> None:
        """Stop the helper if it still runs: at the end of a build, and after a failed one."""
        with stops_held():  # the shared claims' finalizers run here (see generator.fork)
            stop_helper(self._helper, self._receiver, self._reader)
            self._converted = Inbox()
            self._claims = None

    def _read(self) -> None:
        """Take in what the helper sends as it comes, so that it never waits on a full pipe."""
        try:
            while True:
                self._converted.put(*self._receiver.recv())
        except (EOFError, OSError):  # the helper is done, or gone: what it did not send is converted here
            pass
        finally:
            self._converted.close()


def _convert_from_the_back(
    sender: Connection,
    pages: Sequence[ConvertedPage],
    config: Any,
    files: Files,
    finish: Callable[[str], str],
    claims: Any,
) -> None:
    """The helper's work: claim the last page nobody has claimed, convert it, send it; until they meet."""
    records = _keep_log_records()
    while True:
        with claims.get_lock():
            if claims[1] - 1 < claims[0]:
                return
            claims[1] -= 1
            i = claims[1]
        records.clear()
        try:
            converted: _Converted | None = _convert(pages[i], config, files, finish, records)
        except Exception:
            converted = None
        sender.send((i, converted))


def _convert(
    page: ConvertedPage, config: Any, files: Files, finish: Callable[[str], str], records: list[logging.LogRecord]
) -> _Converted:
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
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info = record.getMessage(), None, None  # sent as text
        self.records.append(record)


def _keep_log_records() -> list[logging.LogRecord]:
    """In the helper: MkDocs' log records are kept, to be sent with their page, not written."""
    records: list[logging.LogRecord] = []
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(_Keep(records))
    logger.propagate = False
    return records
