"""Search: index the built site with Pagefind, whose index a reader's browser fetches in small pieces.

Which pages are indexed, with which weights, filters and metadata, is said by data-pagefind-*
attributes in the theme (site_templates/overrides/main.html); the reader's side is
site_templates/static/assets/search.js. Pagefind's indexer is a binary from the
pagefind_bin_extended wheel.

In a full build Pagefind runs as a service (`pagefind --service`): it is handed each page as
MkDocs writes it, and reads it on the second core while MkDocs renders the next; once the
site is written it writes its index. Under `mkdocs serve`, Pagefind reads the site after each
build, in the background, and replaces the index when it is done, so a reload never waits
for it; a rebuild stops an indexing still running.
"""

from __future__ import annotations

import base64
import contextlib
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
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..content.counts import count

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


def _executable() -> str:
    try:
        from pagefind_bin_extended import get_executable

        return str(get_executable())
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError(f"Pagefind is not installed ({error}): run `make install`") from None


def start_indexing(site_dir: Path, output: Path | None = None, background: bool = False) -> subprocess.Popen[str]:
    """Start Pagefind on ``site_dir``, writing a new bundle to ``output``, beside the one readers use.

    In the ``background`` (under `mkdocs serve`) it runs on one thread at the lowest priority,
    so that the next rebuild, and the page a contributor is waiting for, go first.
    """
    executable = _executable()
    output = output or _next_bundle(site_dir)
    shutil.rmtree(output, ignore_errors=True)
    command = [executable, "--site", str(site_dir), "--output-path", str(output)]
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


def finish_indexing(process: subprocess.Popen[str], site_dir: Path, filters: bytes, output: Path | None = None) -> str:
    """Wait for Pagefind, then put its bundle (in ``output``), with ``filters`` (FILTERS), in place of the old one.

    Return what it indexed. The bundle of a Pagefind that was stopped (a signal) is left where
    it is, for ``sweep_stopped`` to delete later.
    """
    output = output or _next_bundle(site_dir)
    try:
        text, _ = process.communicate()
    except BaseException:  # interrupted: Pagefind must not go on writing into a site being thrown away
        process.kill()
        process.wait()
        raise
    pages = re.search(r"Indexed (\d+) pages?", text)
    if process.returncode != 0 or pages is None:
        if process.returncode >= 0:
            shutil.rmtree(output, ignore_errors=True)
        lines = [line for line in text.splitlines() if line.strip()][-12:]
        raise SearchIndexError(
            f"Pagefind could not index {site_dir} (exit status {process.returncode}):\n" + "\n".join(lines)
        )
    _put_in_place(site_dir, filters, output)
    return f"{pages.group(1)} pages"


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


class PagefindService:
    """`pagefind --service`: pages handed over one by one as they are written, then the index.

    Requests and replies are JSON, base64-encoded, each followed by a comma, on Pagefind's
    standard input and output. A thread reads the replies as they come; the pages are handed
    over without waiting for theirs, and a page Pagefind could not read fails the build at the end.
    """

    def __init__(self) -> None:
        environment = {**os.environ, "_RJEM_MALLOC_CONF": ALLOCATOR}
        self._process = subprocess.Popen(
            [_executable(), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        self._waiting: dict[int, Future[dict[str, Any]]] = {}  # the replies that a request waits for, by its id
        self._lock = threading.Lock()
        self._reading = True  # until the reader reaches the end of Pagefind's output
        self._errors: list[str] = []  # read once the reader has ended
        self._sent = 0
        self.handed: set[str] = set()  # the files handed over, by their path in the site
        self._reader = threading.Thread(target=self._read, name="pagefind", daemon=True)
        self._reader.start()
        try:
            self._index = self._ask({"type": "NewIndex", "config": {"exclude_selectors": list(IGNORED)}})["index_id"]
        except SearchIndexError:
            self.close()
            raise

    def add(self, path: str, html: str) -> None:
        """Hand over the page that will be written at ``path`` in the site (a/b/index.html)."""
        self._send({"type": "AddFile", "index_id": self._index, "file_path": path, "file_contents": html})
        self.handed.add(path)

    def write(self, site_dir: Path, filters: bytes) -> str:
        """Hand over the site's other HTML files, write the index, put it in place; say what it indexed."""
        for file in sorted(site_dir.rglob("*.html")):
            path = file.relative_to(site_dir).as_posix()
            if path not in self.handed and not path.startswith((BUNDLE + "/", f".{BUNDLE}")):
                self.add(path, file.read_text(encoding="utf-8", errors="replace"))
        output = _next_bundle(site_dir)
        shutil.rmtree(output, ignore_errors=True)
        try:
            reply = self._ask({"type": "WriteFiles", "index_id": self._index, "output_path": str(output)})
        except BaseException:  # stopped: Pagefind must not go on writing into a site being thrown away
            self._process.kill()
            self.close()
            raise
        self.close()
        if self._errors or reply.get("type") != "WriteFiles":
            shutil.rmtree(output, ignore_errors=True)
            raise SearchIndexError("Pagefind could not index the site:\n" + "\n".join(self._errors[-12:]))
        _put_in_place(site_dir, filters, output)
        return count(len(self.handed), "page")

    def close(self) -> None:
        """Let Pagefind go: it ends with its standard input."""
        with contextlib.suppress(OSError):
            self._process.stdin.close()  # type: ignore[union-attr]
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join()

    def _send(self, payload: dict[str, Any], reply: Future[dict[str, Any]] | None = None) -> None:
        """Send a request; with a ``reply`` to wait for, at once (not left in the pipe's buffer)."""
        self._sent += 1
        if reply is not None:
            with self._lock:
                if self._reading:
                    self._waiting[self._sent] = reply
                else:
                    reply.set_exception(SearchIndexError("Pagefind stopped before it replied"))
        message = json.dumps({"message_id": self._sent, "payload": payload}, ensure_ascii=False)
        pipe = self._process.stdin
        assert pipe is not None
        try:
            pipe.write(base64.b64encode(message.encode()) + b",")
            if reply is not None:
                pipe.flush()
        except OSError:
            raise SearchIndexError("Pagefind stopped while pages were handed over") from None

    def _ask(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send a request and wait for its reply."""
        reply: Future[dict[str, Any]] = Future()
        self._send(payload, reply)
        return reply.result()

    def _read(self) -> None:
        pending = b""
        try:
            while chunk := self._process.stdout.read1(1 << 16):  # type: ignore[union-attr]
                *messages, pending = (pending + chunk).split(b",")
                for message in messages:
                    try:
                        reply = json.loads(base64.b64decode(message))
                        message_id, payload = reply.get("message_id") or 0, reply.get("payload") or {}
                    except (ValueError, AttributeError):
                        message_id, payload = 0, {"type": "Error", "message": f"an unreadable reply: {message[:80]!r}"}
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    with self._lock:
                        waiter = self._waiting.pop(message_id, None)
                    if waiter is not None:  # not a page's: nobody waits for those
                        waiter.set_result(payload)
        finally:
            with self._lock:
                self._reading = False
                for waiter in self._waiting.values():
                    waiter.set_exception(SearchIndexError("Pagefind stopped before it replied"))
                self._waiting.clear()


def _next_bundle(site_dir: Path) -> Path:
    return site_dir / f".{BUNDLE}-next"


class SearchPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Index the built site for search with Pagefind."""

    is_serving = False
    _process: subprocess.Popen[str] | None = None
    _thread: threading.Thread | None = None
    _service: PagefindService | None = None  # in a full build, from on_env to on_post_build
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
            try:
                self._service = PagefindService()
            except SearchIndexError as error:
                raise PluginError(f"search: {error}") from None
        return env

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        if self._service is not None:
            try:
                self._service.add(page.file.dest_uri, output)
            except SearchIndexError as error:
                raise PluginError(f"search: {error}") from None
        return output

    def filter_counts(self) -> bytes:
        """FILTERS: each filter's values and their pages, as Pagefind's filters() gives them."""
        counts: dict[str, Counter[str]] = {}
        for filters in self._filters.values():
            for name, values in filters.items():
                counts.setdefault(name, Counter()).update(set(values))
        listed = {name: dict(sorted(values.items())) for name, values in sorted(counts.items())}
        return json.dumps(listed, ensure_ascii=False, separators=(",", ":")).encode()

    def on_pre_build(self, *, config: Any) -> None:
        # MkDocs is about to rewrite the site that Pagefind is reading. The rebuild does not wait
        # for the stopped Pagefind's half-written bundle to be deleted: at 1,000 articles that took
        # 0.7 s. The next indexing that finishes deletes it.
        self._stop(wait=False)

    def on_post_build(self, *, config: Any) -> None:
        site_dir, started = Path(config.site_dir), time.perf_counter()
        service, self._service = self._service, None
        try:
            if service is not None:
                indexed = service.write(site_dir, self.filter_counts())
                log.info(
                    f"search: Pagefind indexed {indexed}, {time.perf_counter() - started:.1f} s after the last page"
                )
                return
            # Under serve (a full build has its service from on_env): Pagefind reads the site in the background.
            self._runs += 1
            output = serve_bundle(site_dir, self._runs)
            self._process = process = start_indexing(site_dir, output, background=True)
            arguments = (process, site_dir, self.filter_counts(), self._runs)
            self._thread = threading.Thread(target=self._finish, args=arguments, name="pagefind")
            self._thread.start()
        except SearchIndexError as error:
            raise PluginError(f"search: {error}") from None

    def on_build_error(self, *, error: Exception) -> None:
        if self._service is not None:
            self._service.close()
            self._service = None

    def on_shutdown(self) -> None:
        self._stop(wait=True)

    def _finish(self, process: subprocess.Popen[str], site_dir: Path, filters: bytes, run: int) -> None:
        try:
            indexed = finish_indexing(process, site_dir, filters, serve_bundle(site_dir, run))
        except SearchIndexError as error:
            if process.returncode >= 0:  # not stopped by a rebuild
                log.error(f"search: {error}")
            return
        sweep_stopped(site_dir, run)
        log.info(f"search: Pagefind indexed {indexed} in the background")

    def _stop(self, wait: bool) -> None:
        """Stop the indexing that runs in the background; ``wait`` for its thread to end."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait()  # gone before MkDocs writes: it reads the site no more
        if self._thread is not None and wait:
            self._thread.join()
        self._process = self._thread = None
