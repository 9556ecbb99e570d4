"""The whole generator on one screen: content folder in, Markdown pages and data files out."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from .content.diagnostics import ContentError, Diagnostic
from .content.link import Corpus, link_corpus
from .content.load import FileMemo, load_tree
from .content.review import misdated_reuses
from .content.validate import RecordMemo, validate_documents
from .exports import Asset, License, Part, export_parts, with_export_links
from .pages.emit import write_pages
from .pages.plan import plan_pages
from .pages.render import PageMemo, RenderedPage, make_environment, render_pages
from .parallel import fork_map

T = TypeVar("T")
R = TypeVar("R")


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


def check_content(
    content_dir: Path, cache: BuildCache | None = None, jobs: int | None = None
) -> tuple[Corpus, tuple[Diagnostic, ...]]:
    """Load, validate and link; raise ContentError with every diagnostic if any is an error."""
    loaded = load_tree(content_dir, cache.files if cache else None, _run(jobs))
    content, problems = validate_documents(
        loaded.documents, loaded.present, cache.records if cache else None, content_dir
    )
    diagnostics = loaded.diagnostics + problems
    if any(d.is_error for d in diagnostics):
        raise ContentError(diagnostics)
    corpus, warnings = link_corpus(content)
    # Events that several articles report and that no conflict warning is about already.
    reused = {e.key: e.date for e in corpus.events if len(set(e.sources)) > 1 and not e.is_conflicting}
    if reused:
        from .draft.dates import phrase_dates  # the draft's date reader, loaded only when needed

        warnings += tuple(misdated_reuses(content.articles, content.documents, reused, phrase_dates))
    return corpus, tuple(sorted(diagnostics + warnings))


def build_pages(
    content_dir: Path,
    templates_dir: Path,
    site_url: str | None = None,
    cache: BuildCache | None = None,
    *,
    exports: bool = True,
    stage: Path | None = None,
    jobs: int | None = None,
    license: License | None = None,
) -> Build:
    """Turn a content folder into Markdown pages, and the data files published beside them.

    ``exports=False`` leaves the data files out (`mkdocs serve` writes them after the pages).
    With a ``stage`` folder, the data files are written under it and the build lists them
    (``staged``) instead of holding their bytes: at 4,000 articles they are 185 MB. ``jobs``
    is how many processes share the work (generator.parallel; by default, one per core).
    ``license`` is the content's, which the data files state (mkdocs.yml's ``extra.license``).
    """
    with rare_collections():
        corpus, warnings = check_content(content_dir, cache, jobs)
        specs = tuple(with_export_links(spec) for spec in plan_pages(corpus))
        environment = _environment(cache, templates_dir, corpus)
        shared = {"actors_by_id": corpus.actors, "topics_by_id": corpus.topics}
        data = _DataFiles(export_parts(corpus, site_url, license) if exports else (), stage)
        pages = render_pages(specs, environment, shared, cache.pages if cache else None, data.beside(jobs))
        files = tuple(sorted(data.made(), key=_path))
        return Build(corpus, pages, (), warnings, files) if stage else Build(corpus, pages, files, warnings)


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


def _run(jobs: int | None) -> functools.partial[Iterator[Any]]:
    """``map``, over as many processes as ``jobs`` says (generator.parallel)."""
    return functools.partial(fork_map, jobs=jobs)


class _DataFiles:
    """The data files, made in this process while workers render the pages (they take a third of
    the generator's time at 4,000 articles); with a ``stage``, written under it and listed."""

    def __init__(self, parts: Sequence[Part], stage: Path | None) -> None:
        self._parts, self._stage = parts, stage
        self._made: list[Any] | None = None

    def beside(self, jobs: int | None) -> Callable[[Callable[[T], R], Sequence[T]], Iterator[R]]:
        """A ``map`` for render_pages: the workers start on the pages, then this process makes the data files."""

        def run(function: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
            pages = fork_map(function, items, jobs, here=not self._parts)
            self.made()
            return pages

        return run

    def made(self) -> list[Any]:
        """The data files (Assets, or StagedAssets with a stage), made the first time they are asked for."""
        if self._made is None:
            self._made = [file for part in self._parts for file in self._make(part)]
        return self._made

    def _make(self, part: Part) -> tuple[Asset, ...] | tuple[StagedAsset, ...]:
        assets = part()
        if self._stage is None:
            return assets
        write_pages((), assets, self._stage)
        return tuple(StagedAsset(asset.path, self._stage / asset.path) for asset in assets)


def _path(file: Asset | StagedAsset) -> str:
    return file.path


def _environment(cache: BuildCache | None, templates_dir: Path, corpus: Corpus) -> jinja2.Environment:
    """A Jinja environment; under serve, the cache's, kept with its pages while templates, actors
    and topics stay the same."""
    if cache is None:
        return make_environment(jinja2.FileSystemLoader(templates_dir))
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
