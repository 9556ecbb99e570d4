"""Search: index the built site with Pagefind, whose index a reader's browser fetches in small pieces.

Which pages are indexed, with which weights, filters and metadata, is said by data-pagefind-*
attributes in the theme (site_templates/overrides/main.html); the reader's side is
site_templates/static/assets/search.js. Pagefind's indexer is a binary from the
pagefind_bin_extended wheel: run it on the site after MkDocs has written it.

Under `mkdocs serve`, Pagefind runs in the background after each build and replaces the index
when it is done, so a reload never waits for it; a rebuild stops an indexing still running.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

log = logging.getLogger("mkdocs.plugins.briefing-search")

BUNDLE = "pagefind"  # site/pagefind/, where search.js looks for it
# Text that is not what a page is about: the numbered references (other pages' titles), the
# "Follow and reuse" export links, what the templates mark data-search-exclude (graphs) and the
# headings' permalink signs. Markdown cannot wrap a section in an element, and the sanitizer keeps
# no data-pagefind-* attribute in a page body, so these are selectors rather than attributes.
IGNORED = ("[data-search-exclude]", "li[id^='ref-']", "#follow-and-reuse", "li.export", "a.headerlink")


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
    environment = None
    if background:
        environment = {**os.environ, "RAYON_NUM_THREADS": "1"}  # the size of Pagefind's thread pool
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


def finish_indexing(process: subprocess.Popen[str], site_dir: Path) -> str:
    """Wait for Pagefind, then put its bundle in place of the old one; return what it indexed."""
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

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"

    def on_pre_build(self, *, config: Any) -> None:
        self._stop()  # MkDocs is about to rewrite the site that Pagefind is reading

    def on_post_build(self, *, config: Any) -> None:
        site_dir, started = Path(config.site_dir), time.perf_counter()
        try:
            process = start_indexing(site_dir, background=self.is_serving)
            if self.is_serving:
                self._process = process
                self._thread = threading.Thread(target=self._finish, args=(process, site_dir), name="pagefind")
                self._thread.start()
                return
            indexed = finish_indexing(process, site_dir)
        except SearchIndexError as error:
            raise PluginError(f"search: {error}") from None
        log.info(f"search: Pagefind indexed {indexed} in {time.perf_counter() - started:.1f} s")

    def on_shutdown(self) -> None:
        self._stop()

    def _finish(self, process: subprocess.Popen[str], site_dir: Path) -> None:
        try:
            log.info(f"search: Pagefind indexed {finish_indexing(process, site_dir)} in the background")
        except SearchIndexError as error:
            if process.returncode >= 0:  # not stopped by a rebuild
                log.error(f"search: {error}")

    def _stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
        if self._thread is not None:
            self._thread.join()
        self._process = self._thread = None
