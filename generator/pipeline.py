"""The whole generator on one screen: content folder in, Markdown pages out."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .diagnostics import ContentError, Diagnostic
from .exports import Asset, export_files, with_export_links
from .link import Corpus, link_corpus
from .load import FileMemo, load_tree
from .plan import plan_pages
from .render import PageMemo, RenderedPage, make_environment, render_pages
from .validate import RecordMemo, validate_documents


@dataclass(frozen=True)
class Build:
    corpus: Corpus
    pages: tuple[RenderedPage, ...]
    assets: tuple[Asset, ...]  # files that are not pages: feeds, calendars, data
    warnings: tuple[Diagnostic, ...]


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
    content, problems = validate_documents(loaded.documents, loaded.present, cache.records if cache else None)
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
) -> Build:
    """Turn a content folder into Markdown pages, and the data files published beside them.

    ``exports=False`` leaves the data files out (`mkdocs serve` writes them after the pages).
    """
    with rare_collections():
        return _build_pages(content_dir, templates_dir, site_url, cache, exports)


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
    content_dir: Path, templates_dir: Path, site_url: str | None, cache: BuildCache | None, exports: bool
) -> Build:
    corpus, warnings = check_content(content_dir, cache)
    specs = tuple(with_export_links(spec) for spec in plan_pages(corpus))
    shared = {"actors_by_id": corpus.actors, "topics_by_id": corpus.topics}
    if cache is None:
        pages = render_pages(specs, make_environment(jinja2.FileSystemLoader(templates_dir)), shared)
    else:
        pages = render_pages(specs, _environment(cache, templates_dir, corpus), shared, cache.pages)
    return Build(corpus, pages, export_files(corpus, site_url) if exports else (), warnings)


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
