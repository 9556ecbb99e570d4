"""Search: index the built site with Pagefind, whose index a reader's browser fetches in small pieces.

Which pages are indexed, with which weights, filters and metadata, is said by data-pagefind-*
attributes in the theme (site_templates/overrides/main.html); the reader's side is
site_templates/static/assets/search.js. Pagefind's indexer is a binary from the
pagefind_bin_extended wheel: run it on the site after MkDocs has written it.

Under `mkdocs serve`, Pagefind runs in the background after each build and replaces the index
when it is done, so a reload never waits for it; a rebuild stops an indexing still running.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

log = logging.getLogger("mkdocs.plugins.briefing-search")

BUNDLE = "pagefind"  # site/pagefind/, where search.js looks for it
# In the bundle: each filter's values and how many pages have each, which the search box lists.
# Pagefind has them too, in files that also list the pages: 27 kB at 4,000 articles, to fetch
# before the first query, where this file is 1 kB.
FILTERS = "filter-counts.json"
# Text that is not what a page is about: the numbered references and the citations (other pages'
# titles, publishers and dates), the "Follow and reuse" export links, what the templates mark
# data-search-exclude (graphs) and the headings' permalink signs. On a page that sets search.lists
# to false (profiles, topics: the theme marks it data-search-lists), the lists, tables and quotes
# that repeat what briefings report; a profile's roles are its own. Markdown cannot wrap a section
# in an element, and the sanitizer keeps no data-pagefind-* attribute in a page body, so these are
# selectors rather than attributes.
LISTS = "[data-search-lists] > "
# Pagefind's allocator (jemalloc; its settings come from this variable, the "_RJEM_" prefix being
# that of its Rust build): one arena, and freed memory given back at once. The indexer then peaks
# about a fifth lower (at 4,000 articles: 1.4 GB instead of 1.7 GB), in the same time.
ALLOCATOR = "narenas:1,dirty_decay_ms:0,muzzy_decay_ms:0"
IGNORED = (
    "[data-search-exclude]",
    "li[id^='ref-']",
    "a.cite",
    "#follow-and-reuse",
    "li.export",
    "a.headerlink",
    *(LISTS + part for part in ("ul:not(.roles)", "ol", "table", "blockquote", "figure", "p.list-cut")),
)


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def start_indexing(site_dir: Path, background: bool = False) -> subprocess.Popen[str]:
    """Start Pagefind on ``site_dir``, writing a new bundle beside the one readers use.

    In the ``background`` (under `mkdocs serve`) it runs on one thread at the lowest priority,
    so that the next rebuild, and the page a contributor is waiting for, go first.
    """
    try:
        from pagefind_bin_extended import get_executable

        executable = get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError(f"Pagefind is not installed ({error}): run `make install`") from None
    shutil.rmtree(_next_bundle(site_dir), ignore_errors=True)
    command = [str(executable), "--site", str(site_dir), "--output-path", str(_next_bundle(site_dir))]
    command += ["--exclude-selectors", ", ".join(IGNORED)]
    environment = {**os.environ, "_RJEM_MALLOC_CONF": ALLOCATOR}
    if background:
        environment["RAYON_NUM_THREADS"] = "1"  # the size of Pagefind's thread pool
        nice = shutil.which("nice")
        command = [nice, "-n", "19", *command] if nice else command
    return subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )


def finish_indexing(process: subprocess.Popen[str], site_dir: Path, filters: bytes) -> str:
    """Wait for Pagefind, then put its bundle, with ``filters`` (FILTERS), in place of the old one.

    Return what it indexed.
    """
    try:
        output, _ = process.communicate()
    except BaseException:  # interrupted: Pagefind must not go on writing into a site being thrown away
        process.kill()
        process.wait()
        raise
    pages = re.search(r"Indexed (\d+) pages?", output)
    if process.returncode != 0 or pages is None:
        shutil.rmtree(_next_bundle(site_dir), ignore_errors=True)
        lines = [line for line in output.splitlines() if line.strip()][-12:]
        raise SearchIndexError(
            f"Pagefind could not index {site_dir} (exit status {process.returncode}):\n" + "\n".join(lines)
        )
    (_next_bundle(site_dir) / FILTERS).write_bytes(filters)
    bundle, old = site_dir / BUNDLE, site_dir / f".{BUNDLE}-old"
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    _next_bundle(site_dir).rename(bundle)
    shutil.rmtree(old, ignore_errors=True)
    return f"{pages.group(1)} pages"


def _next_bundle(site_dir: Path) -> Path:
    return site_dir / f".{BUNDLE}-next"


class SearchPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Index the built site for search with Pagefind."""

    is_serving = False
    _process: subprocess.Popen[str] | None = None
    _thread: threading.Thread | None = None

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
        return env

    def filter_counts(self) -> bytes:
        """FILTERS: each filter's values and their pages, as Pagefind's filters() gives them."""
        counts: dict[str, Counter[str]] = {}
        for filters in self._filters.values():
            for name, values in filters.items():
                counts.setdefault(name, Counter()).update(set(values))
        listed = {name: dict(sorted(values.items())) for name, values in sorted(counts.items())}
        return json.dumps(listed, ensure_ascii=False, separators=(",", ":")).encode()

    def on_pre_build(self, *, config: Any) -> None:
        self._stop()  # MkDocs is about to rewrite the site that Pagefind is reading

    def on_post_build(self, *, config: Any) -> None:
        site_dir, started = Path(config.site_dir), time.perf_counter()
        try:
            process = start_indexing(site_dir, background=self.is_serving)
            if self.is_serving:
                self._process = process
                arguments = (process, site_dir, self.filter_counts())
                self._thread = threading.Thread(target=self._finish, args=arguments, name="pagefind")
                self._thread.start()
                return
            indexed = finish_indexing(process, site_dir, self.filter_counts())
        except SearchIndexError as error:
            raise PluginError(f"search: {error}") from None
        log.info(f"search: Pagefind indexed {indexed} in {time.perf_counter() - started:.1f} s")

    def on_shutdown(self) -> None:
        self._stop()

    def _finish(self, process: subprocess.Popen[str], site_dir: Path, filters: bytes) -> None:
        try:
            log.info(f"search: Pagefind indexed {finish_indexing(process, site_dir, filters)} in the background")
        except SearchIndexError as error:
            if process.returncode >= 0:  # not stopped by a rebuild
                log.error(f"search: {error}")

    def _stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        if self._thread is not None:
            self._thread.join()
        self._process = self._thread = None
