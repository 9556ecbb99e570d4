"""Search: index a built site with Pagefind, whose index a reader's browser fetches in small pieces.

Any built site: `python -m generator index SITE_DIR` runs this on what MkDocs, ProperDocs or
Zensical built; the MkDocs plugin (generator/mkdocs/search.py) runs the same while it writes
the pages. Which pages are indexed, with which weights, filters and metadata, is said by
data-pagefind-* attributes in the theme (site_templates/overrides/main.html); the reader's side
is site_templates/static/assets/search.js.

Pagefind's own Python API (``pagefind.index.PagefindIndex``) drives its indexer, a binary from
the pagefind_bin_extended wheel. It reads the pages from disk (``add_directory``), on every core:
in a full build a batch at a time, as soon as MkDocs has written them, so that it reads while
MkDocs renders the next; then it writes the index. Under `mkdocs serve`, it reads the whole site
after each build, in the background, on one core at the lowest priority, and a rebuild stops it.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import os
import re
import shutil
import threading
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Iterable, Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .content.counts import count

if TYPE_CHECKING:
    from pagefind.service import PagefindService

T = TypeVar("T")

BUNDLE = "pagefind"  # site/pagefind/, where search.js looks for it
# In the bundle: each filter's values and how many pages have each, which the search box lists.
# Pagefind has them too, in files that also list the pages: 27 kB at 4,000 articles, to fetch
# before the first query, where this file is 1 kB.
FILTERS = "filter-counts.json"
ENTRY_WAIT = 30.0  # seconds Pagefind may take to finish its entry file after it says it wrote the index
# Text that is not what a page is about: the numbered references and the citations (other pages'
# titles, publishers and dates), the "Follow and reuse" export links, what the templates mark
# data-search-exclude (graphs) and the headings' permalink signs. On a page that sets search.lists
# to false (profiles, topics: the theme marks it data-search-lists), the lists, tables and quotes
# that repeat what briefings report; a profile's roles are its own: at the top of the page, or in
# the box of the part under a heading (pages/sections.py; a site another builder made has none).
# The sanitizer keeps no data-pagefind-* attribute in a page body, so these are selectors rather
# than attributes.
LISTS = ("[data-search-lists] > ", "[data-search-lists] > .page-section > ")
# Pagefind's allocator (jemalloc; its settings come from this variable, the "_RJEM_" prefix being
# that of its Rust build): one arena, and freed memory given back at once. The indexer then peaks
# about a fifth lower (at 4,000 articles: 1.4 GB instead of 1.7 GB), in the same time.
ALLOCATOR = "narenas:1,dirty_decay_ms:0,muzzy_decay_ms:0"
THREADS = "RAYON_NUM_THREADS"  # the size of Pagefind's thread pool
IGNORED = (
    "[data-search-exclude]",
    "li[id^='ref-']",
    "a.cite",
    "#follow-and-reuse",
    "li.export",
    "a.headerlink",
    *(
        where + part
        for where in LISTS
        for part in ("ul:not(.roles)", "ol", "table", "blockquote", "figure", "p.list-cut")
    ),
)


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def _put_in_place(site_dir: Path, filters: bytes, output: Path) -> None:
    """Put the new bundle, with the filter counts (FILTERS), in place of the old one."""
    (output / FILTERS).write_bytes(filters)
    bundle, old = site_dir / BUNDLE, site_dir / f".{BUNDLE}-old"
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    output.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def serve_bundle(site_dir: Path, run: int) -> Path:
    """Where the ``run``-th indexing under `mkdocs serve` writes its bundle."""
    return site_dir / f".{BUNDLE}-next-{run}"


def sweep_stopped(site_dir: Path, run: int) -> None:
    """Delete the half-written bundles of the indexings before ``run`` that a rebuild stopped."""
    for folder in site_dir.glob(f".{BUNDLE}-next-*"):
        number = folder.name.rsplit("-", 1)[1]
        if number.isdigit() and int(number) < run:
            shutil.rmtree(folder, ignore_errors=True)


def _next_bundle(site_dir: Path) -> Path:
    return site_dir / f".{BUNDLE}-next"


class SearchIndex:
    """A Pagefind index of the site in ``site_dir``, fed pages once they are on disk, then written.

    Pagefind's Python API is asynchronous: it runs on an event loop in a thread of its own, so
    that a builder hands pages over and goes on. ``add`` returns at once; ``write`` waits for
    every page, writes the bundle and puts it in place; ``close`` lets Pagefind go.
    """

    def __init__(self, site_dir: Path, output: Path | None = None, background: bool = False) -> None:
        from pagefind.service import PagefindService

        self.site_dir, self._output = site_dir, output or _next_bundle(site_dir)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._added: list[Future[Any]] = []
        os.environ.setdefault("_RJEM_MALLOC_CONF", ALLOCATOR)  # read by Pagefind, which inherits it
        self._service: PagefindService | None = None
        try:
            launched = _launch(PagefindService, background)
            self._service = asyncio.run_coroutine_threadsafe(launched, self._loop).result()
            self._index = self._run(self._service.create_index({"exclude_selectors": list(IGNORED)}))
        except BaseException:
            self.close()
            raise

    def add(self, paths: Iterable[str] | None = None) -> None:
        """Index the pages at ``paths`` in the site (a/b/index.html), or all of it; they must be written."""
        paths = sorted(paths) if paths is not None else None
        if paths == []:
            return
        glob = None if paths is None else "{" + ",".join(_glob_escape(path) for path in paths) + "}"
        request = self._index.add_directory(str(self.site_dir), glob=glob)
        self._added.append(asyncio.run_coroutine_threadsafe(self._guarded(request), self._loop))

    def write(self, filters: bytes | None = None) -> str:
        """Write the index, with ``filters`` (FILTERS: by default, counted in the pages), in place of the old one."""
        for added in self._added:
            added.result()
        output = self._output
        shutil.rmtree(output, ignore_errors=True)
        self._run(self._index.write_files(output_path=str(output)))
        # Pagefind replies before the files it writes are whole (its writes finish on threads of its
        # own), and when it ends they stop where they are: under load a build kept an empty entry and
        # a cut pagefind.js. So it is let go only once the bundle has stopped growing, and is whole.
        entry = _settled(output, ENTRY_WAIT)
        service, self._service = self._service, None
        assert service is not None
        asyncio.run_coroutine_threadsafe(_finish(service), self._loop).result()
        entry = _whole_entry(output / "pagefind-entry.json", 0.0) or entry
        if entry is None:
            raise SearchIndexError(f"Pagefind wrote no whole index of {self.site_dir} in {ENTRY_WAIT:.0f} s")
        pages = sum(language["page_count"] for language in entry["languages"].values())
        _put_in_place(self.site_dir, filter_counts(self.site_dir) if filters is None else filters, output)
        return count(pages, "page")

    def stop(self) -> None:
        """Stop Pagefind at once, from any thread: what waits for it raises SearchIndexError."""
        service = self._service
        if service is not None and not self._loop.is_closed():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(_stop(service), self._loop).result(timeout=30)

    def close(self) -> None:
        """Let Pagefind go (it is stopped if it has not finished), and the loop with it."""
        self.stop()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    async def _guarded(self, request: Coroutine[Any, Any, T]) -> T:
        """``request``, or SearchIndexError when Pagefind stops before it replies.

        The API waits for a reply forever; the task that reads Pagefind's output ends when
        Pagefind does, and is the one sign of it (the API's own attribute).
        """
        service = self._service
        task = asyncio.ensure_future(request)
        reader = service._poll_task if service is not None else None
        done, _ = await asyncio.wait([task, reader] if reader else [task], return_when=asyncio.FIRST_COMPLETED)
        if task not in done:
            task.cancel()
            if reader is not None and not reader.cancelled():
                reader.exception()  # seen: asyncio would print it as never retrieved
            raise SearchIndexError("Pagefind stopped before it replied")
        try:
            return task.result()
        except Exception as error:  # Pagefind's own errors come as plain exceptions
            if reader is not None and reader.done():
                raise SearchIndexError("Pagefind stopped before it replied") from None
            raise SearchIndexError(f"Pagefind could not index {self.site_dir}: {error}") from None

    def _run(self, request: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(self._guarded(request), self._loop).result()


async def _launch(service: Callable[[], PagefindService], background: bool) -> PagefindService:
    """Start Pagefind: made here, on the loop that it will answer on (it takes the running one).

    In the ``background`` (under `mkdocs serve`) it runs on one thread at the lowest priority, so
    that the next rebuild, and the page a contributor is waiting for, go first. It inherits this
    process's environment, where its thread count is set for the moment it starts.
    """
    if not background:
        return await service().launch()
    threads = os.environ.get(THREADS)
    os.environ[THREADS] = "1"
    try:
        started = await service().launch()
    finally:
        if threads is None:
            del os.environ[THREADS]
        else:
            os.environ[THREADS] = threads
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, started._backend.pid, 19)
    return started


def _settled(output: Path, wait: float, quiet: float = 0.3) -> dict[str, Any] | None:
    """Pagefind's entry, once its whole bundle is unchanged for ``quiet`` seconds (at most ``wait``)."""
    deadline = time.monotonic() + wait
    before = None
    while True:
        now = {path: path.stat().st_size for path in output.rglob("*") if path.is_file()} if output.is_dir() else {}
        entry = _whole_entry(output / "pagefind-entry.json", 0.0)
        if (entry is not None and now == before) or time.monotonic() >= deadline:
            return entry
        before = now
        time.sleep(quiet)


def _whole_entry(path: Path, wait: float) -> dict[str, Any] | None:
    """Pagefind's entry file once it is whole JSON, looking again for up to ``wait`` seconds; None if it never is."""
    deadline = time.monotonic() + wait
    while True:
        with contextlib.suppress(OSError, ValueError):
            entry = json.loads(path.read_bytes())
            if isinstance(entry, dict) and "languages" in entry:
                return entry
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.05)


async def _finish(service: PagefindService) -> None:
    """Let Pagefind end as it does when its input ends: once the files it writes are whole."""
    if service._backend.stdin is not None:
        service._backend.stdin.close()
    await service._backend.wait()
    reader = service._poll_task
    if reader.done() and not reader.cancelled():
        reader.exception()  # the end of Pagefind's output, expected here
    reader.cancel()


async def _stop(service: PagefindService) -> None:
    """Stop Pagefind at once: the API's close() waits for replies that may never come."""
    service._poll_task.cancel()
    if service._backend.returncode is None:
        service._backend.kill()
    await service._backend.wait()


def index_site(site_dir: Path, filters: bytes | None = None) -> str:
    """Index every page of a built site for search; say how many pages it indexed."""
    index = SearchIndex(site_dir)
    try:
        index.add()
        return index.write(filters)
    finally:
        index.close()


def _glob_escape(path: str) -> str:
    """A path as a glob that matches it alone."""
    return re.sub(r"([\\{}\[\]*?,!])", r"\\\1", path)


_FILTER = re.compile(r'<span data-pagefind-filter="([^"]*)">([^<]*)</span>')


def filter_counts(site_dir: Path) -> bytes:
    """FILTERS, read from the built pages: each filter's values and how many pages have each."""
    found: list[Mapping[str, Sequence[str]]] = []
    for page in sorted(site_dir.rglob("*.html")):
        if page.relative_to(site_dir).as_posix().startswith((BUNDLE + "/", f".{BUNDLE}")):
            continue
        filters: dict[str, list[str]] = {}
        for name, value in _FILTER.findall(page.read_text(encoding="utf-8", errors="replace")):
            filters.setdefault(html.unescape(name), []).append(html.unescape(value))
        if filters:
            found.append(filters)
    return count_filters(found)


def count_filters(pages: Iterable[Mapping[str, Sequence[str]]]) -> bytes:
    """FILTERS: each filter's values and their pages, as Pagefind's filters() gives them."""
    counts: dict[str, Counter[str]] = {}
    for filters in pages:
        for name, values in filters.items():
            counts.setdefault(name, Counter()).update(set(values))
    listed = {name: dict(sorted(values.items())) for name, values in sorted(counts.items())}
    return json.dumps(listed, ensure_ascii=False, separators=(",", ":")).encode()
