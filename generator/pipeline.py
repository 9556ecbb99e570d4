"""The whole generator on one screen: content folder in, Markdown pages out."""

from __future__ import annotations

import contextlib
import gc
import multiprocessing.context
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import jinja2

from .content.diagnostics import ContentError, Diagnostic
from .content.link import Corpus, link_corpus
from .content.load import FileMemo, load_tree
from .content.validate import RecordMemo, validate_documents
from .exports import Asset, export_files, with_export_links
from .fork import can_fork, start_helper, stop_helper
from .pages.emit import write_pages
from .pages.plan import plan_pages
from .pages.render import PageMemo, RenderedPage, make_environment, render_pages


@dataclass(frozen=True)
class StagedAsset:
    """A data file written to disk during the build: its path in the site, and the file that holds it."""

    path: str
    file: Path


@dataclass(frozen=True)
class Build:
    corpus: Corpus
    pages: tuple[RenderedPage, ...]
    assets: tuple[Asset, ...]  # files that are not pages: feeds, calendars, data
    warnings: tuple[Diagnostic, ...]
    staged: tuple[StagedAsset, ...] = ()  # the data files instead, when they were written to a stage


_Exported = tuple[tuple[Asset, ...], tuple[StagedAsset, ...]]


@dataclass
class BuildCache:
    """What `mkdocs serve` keeps from one build to the next, so that an edit costs what it changed.

    A file whose bytes did not change is neither parsed nor validated again, and a page
    whose spec did not change is not rendered again. New templates, or any change to an
    actor or a topic, render every page again: pages show actors and topics by id.
    """

    files: FileMemo = field(default_factory=dict)
    records: RecordMemo = field(default_factory=dict)
    pages: PageMemo = field(default_factory=dict)
    environment: jinja2.Environment | None = None
    templates: tuple[tuple[str, int, int], ...] = ()
    shared: tuple[Mapping[str, Any], Mapping[str, Any]] | None = None


def check_content(content_dir: Path, cache: BuildCache | None = None) -> tuple[Corpus, tuple[Diagnostic, ...]]:
    """Load, validate and link; raise ContentError with every diagnostic if any is an error."""
    loaded = load_tree(content_dir, cache.files if cache else None)
    content, problems = validate_documents(
        loaded.documents, loaded.present, cache.records if cache else None, content_dir
    )
    diagnostics = loaded.diagnostics + problems
    if any(d.is_error for d in diagnostics):
        raise ContentError(diagnostics)
    corpus, warnings = link_corpus(content)
    return corpus, tuple(sorted(diagnostics + warnings))


def build_pages(
    content_dir: Path,
    templates_dir: Path,
    site_url: str | None = None,
    cache: BuildCache | None = None,
    *,
    exports: bool = True,
    stage: Path | None = None,
) -> Build:
    """Turn a content folder into Markdown pages, and the data files published beside them.

    ``exports=False`` leaves the data files out (`mkdocs serve` writes them after the pages).
    With a ``stage`` folder, the data files are written under it and the build lists them
    (``staged``) instead of holding their bytes: at 4,000 articles they are 185 MB.
    """
    with rare_collections():
        return _build_pages(content_dir, templates_dir, site_url, cache, exports, stage)


@contextmanager
def rare_collections() -> Iterator[None]:
    """Let the cycle collector run less often while a build makes its many small objects.

    They hold no cycles to speak of, and the collector's passes over a heap that only grows
    took a fifth of the generator's time at 1,000 articles.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _build_pages(
    content_dir: Path,
    templates_dir: Path,
    site_url: str | None,
    cache: BuildCache | None,
    exports: bool,
    stage: Path | None,
) -> Build:
    corpus, warnings = check_content(content_dir, cache)
    with _ExportsBeside(corpus, site_url, exports, stage) as exported:
        specs = tuple(with_export_links(spec) for spec in plan_pages(corpus))
        shared = {"actors_by_id": corpus.actors, "topics_by_id": corpus.topics}
        if cache is None:
            pages = render_pages(specs, make_environment(jinja2.FileSystemLoader(templates_dir)), shared)
        else:
            pages = render_pages(specs, _environment(cache, templates_dir, corpus), shared, cache.pages)
        assets, staged = exported.result()
        return Build(corpus, pages, assets, warnings, staged)


class _ExportsBeside:
    """Write the data files in a forked helper (generator.fork) while this process renders the pages.

    The data files are a third of the generator's time at 4,000 articles. The helper sends back
    bytes, or with a stage only the names of the files it wrote there: the bytes then never pass
    through this process. Where forking is not safe they are written in line. Leaving the block
    early stops the helper.
    """

    def __init__(self, corpus: Corpus, site_url: str | None, wanted: bool, stage: Path | None) -> None:
        self._corpus, self._site_url, self._stage = corpus, site_url, stage
        self._exported: _Exported | None = None if wanted else ((), ())
        self._helper: tuple[multiprocessing.context.ForkProcess, Connection] | None = None
        if wanted and can_fork():
            self._helper = start_helper(_send_exports, corpus, site_url, stage)

    def __enter__(self) -> _ExportsBeside:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def result(self) -> _Exported:
        if self._exported is None and self._helper is not None:
            with contextlib.suppress(EOFError):  # EOF: the helper died
                self._exported = self._helper[1].recv()
            self._stop()
        if self._exported is None:  # in line, or again here if the helper failed: an error surfaces here
            self._exported = _export(self._corpus, self._site_url, self._stage)
        return self._exported

    def _stop(self) -> None:
        if self._helper is not None:
            stop_helper(*self._helper)
            self._helper = None


def _send_exports(sender: Connection, corpus: Corpus, site_url: str | None, stage: Path | None) -> None:
    """The helper's work; an error is the parent's to report (it writes them again)."""
    try:
        exported: _Exported | None = _export(corpus, site_url, stage)
    except Exception:
        exported = None
    sender.send(exported)


def _export(corpus: Corpus, site_url: str | None, stage: Path | None) -> _Exported:
    """The data files as bytes; with a stage, written under it and listed. The child's work, or the fallback."""
    assets = export_files(corpus, site_url)
    if stage is None:
        return assets, ()
    write_pages((), assets, stage)  # a child stopped halfway leaves files that the fallback writes again
    return (), tuple(StagedAsset(asset.path, stage / asset.path) for asset in assets)


def _environment(cache: BuildCache, templates_dir: Path, corpus: Corpus) -> jinja2.Environment:
    """Keep the cache's Jinja environment and pages while templates, actors and topics stay the same."""
    stamp = tuple(
        (str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(templates_dir.rglob("*.j2"))
    )
    if cache.environment is None or stamp != cache.templates:
        cache.environment = make_environment(jinja2.FileSystemLoader(templates_dir))
        cache.templates = stamp
        cache.pages.clear()
    if cache.shared != (corpus.actors, corpus.topics):
        cache.shared = (corpus.actors, corpus.topics)
        cache.pages.clear()
    return cache.environment
