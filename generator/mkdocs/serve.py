"""What `mkdocs serve` keeps between rebuilds, so that an edit reloads in about a second.

- The generated files are kept on disk (generator.mkdocs.files), so that `--dirty` rebuilds
  exactly the pages an edit changed.
- After a rebuild, the data files (feeds, calendars, JSON, CSV) are written by a process of their
  own (``DataWriter``): at 1,000 articles they take 2 s, which the page a contributor is waiting
  for does not wait for. A process, not a thread: it shares no interpreter lock with the next
  rebuild. It is spawned, not forked, since the server runs threads.
- The theme's compiled templates are kept in memory (``MemoryBytecodeCache``): MkDocs makes a new
  Jinja environment for each build.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
from pathlib import Path

import jinja2
import jinja2.bccache

from ..content.link import Corpus
from ..exports import License, export_files


class DataWriter:
    """The data files of the last good build, written into the served site by a process of their own.

    A newer build's writer replaces the one at work; a build that fails leaves it to finish, so the
    data files still follow the last edit that built.
    """

    def __init__(self) -> None:
        self._process: multiprocessing.context.SpawnProcess | None = None

    def start(self, corpus: Corpus, site_url: str | None, license: License | None, site_dir: Path) -> None:
        self.stop()
        self._process = multiprocessing.get_context("spawn").Process(
            target=write_data_files, args=(corpus, site_url, license, site_dir), name="briefing-data", daemon=True
        )
        self._process.start()

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process.close()
            self._process = None

    def join(self, timeout: float | None = None) -> None:
        """Wait for the writer at work (tests)."""
        if self._process is not None:
            self._process.join(timeout)


def write_data_files(corpus: Corpus, site_url: str | None, license: License | None, site_dir: Path) -> None:
    """Write every data file that changed into the site folder, each whole or not at all."""
    for asset in export_files(corpus, site_url, license=license):
        write_if_changed(site_dir / asset.path, asset.content)


def write_if_changed(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` unless it holds it already; a reader sees the old bytes or the new."""
    if path.is_file() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(content)
    partial.replace(path)


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each against its template's source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
