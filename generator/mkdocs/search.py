"""The search plugin: MkDocs' side of generator/search.py (Pagefind, through its Python API).

In a full build Pagefind reads the pages a batch at a time, once MkDocs has written them, while
MkDocs renders the next; once the site is written it writes its index. Under `mkdocs serve`,
Pagefind reads the site after each build, in the background, and replaces the index when it is
done, so a reload never waits for it; a rebuild stops an indexing still running.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..search import (
    BUNDLE,
    SearchIndex,
    SearchIndexError,
    count_filters,
    serve_bundle,
    sweep_stopped,
)

log = logging.getLogger("mkdocs.plugins.briefing-search")

BATCH = 64  # pages written that go to Pagefind together: one request, read on every core


class SearchPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Index the built site for search with Pagefind."""

    is_serving = False
    _background: BackgroundIndexing | None = None  # under serve, the indexing after the last build
    _index: SearchIndex | None = None  # in a full build, from on_env to on_post_build
    _written: list[str]  # the pages MkDocs has written since the last batch went to Pagefind
    _handed: set[str]  # the pages that went to Pagefind
    _runs = 0  # under serve: each indexing writes its own bundle (.pagefind-next-N)

    def __init__(self) -> None:
        # The filters of each indexed page, by source path; kept under serve, where a --dirty
        # rebuild reads only the pages that changed.
        self._filters: dict[str, Mapping[str, Sequence[str]]] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"
        self._filters = {}

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
        search = page.meta.get("search") or {}
        filters = page.meta.get("search_filters")
        if isinstance(filters, dict) and not (isinstance(search, dict) and search.get("exclude")):
            self._filters[page.file.src_uri] = filters
        else:
            self._filters.pop(page.file.src_uri, None)
        return markdown

    def on_env(self, env: Any, /, *, config: Any, files: Any) -> Any:
        present = {file.src_uri for file in files.documentation_pages()}
        self._filters = {uri: filters for uri, filters in self._filters.items() if uri in present}
        if not self.is_serving:  # the pages are read; they are about to be written
            self._written, self._handed = [], set()
            try:
                self._index = SearchIndex(Path(config.site_dir))
            except SearchIndexError as error:
                raise PluginError(f"search: {error}") from None
        return env

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        # MkDocs writes a page after this event: the pages before it are on disk.
        if self._index is not None:
            if len(self._written) >= BATCH:
                self._hand_over()
            self._written.append(page.file.dest_uri)
        return output

    def _hand_over(self) -> None:
        assert self._index is not None
        self._index.add(self._written)
        self._handed.update(self._written)
        self._written = []

    def filter_counts(self) -> bytes:
        """FILTERS, from the pages' front matter."""
        return count_filters(self._filters.values())

    def on_pre_build(self, *, config: Any) -> None:
        # MkDocs is about to rewrite the site that Pagefind is reading. The rebuild does not wait
        # for the stopped Pagefind's half-written bundle to be deleted: at 1,000 articles that took
        # 0.7 s. The next indexing that finishes deletes it.
        self._stop(wait=False)

    def on_post_build(self, *, config: Any) -> None:
        site_dir, started = Path(config.site_dir), time.perf_counter()
        index = self._index
        try:
            if index is not None:
                self._hand_over()
                others = (path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
                index.add(path for path in others if path not in self._handed and not path.startswith(BUNDLE + "/"))
                indexed = index.write(self.filter_counts())
                log.info(
                    f"search: Pagefind indexed {indexed}, {time.perf_counter() - started:.1f} s after the last page"
                )
                return
            # Under serve (a full build has its index from on_env): Pagefind reads the site in the background.
            self._runs += 1
            self._background = BackgroundIndexing(site_dir, self._runs, self.filter_counts())
        except SearchIndexError as error:
            raise PluginError(f"search: {error}") from None
        finally:
            self._close_index()

    def on_build_error(self, *, error: Exception) -> None:
        self._close_index()

    def _close_index(self) -> None:
        index, self._index = self._index, None
        if index is not None:
            index.close()

    def on_shutdown(self) -> None:
        self._stop(wait=True)

    def _stop(self, wait: bool) -> None:
        """Stop the indexing that runs in the background; ``wait`` for its thread to end."""
        background, self._background = self._background, None
        if background is not None:
            background.stop(wait)


class BackgroundIndexing:
    """Under serve: the whole site indexed in a thread of its own, which a rebuild stops.

    Pagefind runs at the lowest priority, on one core (generator/search.py). Each indexing writes
    its own bundle (``serve_bundle``); one that finishes deletes those that were stopped.
    """

    def __init__(self, site_dir: Path, run: int, filters: bytes) -> None:
        self._site_dir, self._run, self._filters = site_dir, run, filters
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._thread = threading.Thread(target=self._work, name="pagefind", daemon=True)
        self._thread.start()

    def stop(self, wait: bool) -> None:
        """Stop Pagefind: it reads the site no more once this returns; ``wait`` for the thread too."""
        with self._lock:
            self._stopped.set()
            index = self._index
        if index is not None:
            index.stop()
        if wait:
            self._thread.join()

    def _work(self) -> None:
        site_dir, run = self._site_dir, self._run
        try:
            index = SearchIndex(site_dir, serve_bundle(site_dir, run), background=True)
        except SearchIndexError as error:
            log.error(f"search: {error}")
            return
        with self._lock:
            if self._stopped.is_set():
                index.close()
                return
            self._index = index
        try:
            index.add()
            indexed = index.write(self._filters)
        except SearchIndexError as error:
            if not self._stopped.is_set():  # not stopped by a rebuild
                log.error(f"search: {error}")
            return
        finally:
            index.close()
        sweep_stopped(site_dir, run)
        log.info(f"search: Pagefind indexed {indexed} in the background")
