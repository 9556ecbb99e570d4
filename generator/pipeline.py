"""The build on one screen: a content folder in, Markdown pages and data files out.

Its stages, in order (``build_pages``): load, validate and link the content (``check_content``);
read when each file changed (content.history); plan the pages (pages.plan); render them in worker
processes, while this process makes the data files (exports) and hands each to the writer it was
given. Who called the build does the rest: MkDocs converts the pages (generator.mkdocs), or the
command line writes them (generator.cli).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .collector import rare_collections
from .content.diagnostics import ContentError, Diagnostic
from .content.history import History, read_history
from .content.link import Corpus, link_corpus
from .content.load import FileMemo, load_tree
from .content.review import misdated_reuses
from .content.validate import RecordMemo, validate_documents
from .exports import License, export_parts, with_export_links
from .pages.plan import plan_pages
from .pages.render import Asset, PageMemo, RenderedPage, make_environment, render_pages
from .parallel import fork_map

DataWriter = Callable[[Asset], Path]  # writes a data file somewhere, and says where (pages.emit.DataFolder)


@dataclass(frozen=True)
class Project:
    """What a build reads: the content and templates folders, and two of the site's settings.

    ``site_url`` is MkDocs' (links inside the data files are absolute with it); ``license`` is the
    content's, which the data files state (mkdocs.yml's ``extra.license``).
    """

    content: Path
    templates: Path
    site_url: str | None = None
    license: License | None = None


@dataclass(frozen=True)
class DataFile:
    """A data file the build wrote (a feed, a calendar, the API): its path in the site, and where it is."""

    path: str
    file: Path


@dataclass(frozen=True)
class Build:
    corpus: Corpus
    pages: tuple[RenderedPage, ...]
    data_files: tuple[DataFile, ...]  # sorted by path
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
    templates: Stamp = ()
    shared: tuple[Mapping[str, Any], Mapping[str, Any]] | None = None


def check_content(
    content_dir: Path, cache: BuildCache | None = None, jobs: int | None = None
) -> tuple[Corpus, tuple[Diagnostic, ...]]:
    """Load, validate and link; raise ContentError with every diagnostic if any is an error."""
    loaded = load_tree(content_dir, cache.files if cache else None, _spread(jobs))
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
    project: Project,
    write: DataWriter | None = None,
    *,
    cache: BuildCache | None = None,
    jobs: int | None = None,
    history: History | None = None,
) -> Build:
    """Turn a content folder into Markdown pages, and the data files published beside them.

    ``write`` puts each data file where the caller wants it (at 4,000 articles they are 185 MB,
    which need not stay in memory); without it the build makes none (`mkdocs serve` writes them
    after the pages). ``jobs`` is how many processes share the work (generator.parallel; by
    default, one per core). ``history`` is when each content file was added and last changed: by
    default, the content folder's git history (content.history), none outside a git repository.
    """
    with rare_collections():
        corpus, warnings = check_content(project.content, cache, jobs)  # load, validate, link
        history = read_history(project.content) if history is None else history
        specs = tuple(with_export_links(spec) for spec in plan_pages(corpus, history))  # plan
        environment = _environment(cache, project.templates, corpus)
        shared = {"actors_by_id": corpus.actors, "topics_by_id": corpus.topics}
        data_files: list[DataFile] = []

        def write_data_files(write: DataWriter) -> None:
            parts = export_parts(corpus, project.site_url, project.license)
            data_files.extend(DataFile(asset.path, write(asset)) for part in parts for asset in part())

        # Workers render the pages while this process writes the data files (a third of the
        # generator's time at 4,000 articles).
        meanwhile = functools.partial(write_data_files, write) if write else None
        spread = functools.partial(fork_map, jobs=jobs, meanwhile=meanwhile)
        pages = render_pages(specs, environment, shared, cache.pages if cache else None, spread)
        return Build(corpus, pages, tuple(sorted(data_files, key=_path)), warnings)


def _spread(jobs: int | None) -> functools.partial[Iterator[Any]]:
    """``map``, over as many processes as ``jobs`` says (generator.parallel)."""
    return functools.partial(fork_map, jobs=jobs)


Stamp = tuple[tuple[str, int, int], ...]


def stamp_files(paths: Iterable[Path]) -> Stamp:
    """What tells that a file changed between two rebuilds of `mkdocs serve`: its path, time and size."""
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in paths)


def _path(file: DataFile) -> str:
    return file.path


def _environment(cache: BuildCache | None, templates_dir: Path, corpus: Corpus) -> jinja2.Environment:
    """A Jinja environment; under serve, the cache's, kept with its pages while templates, actors
    and topics stay the same."""
    if cache is None:
        return make_environment(jinja2.FileSystemLoader(templates_dir))
    stamp = stamp_files(sorted(templates_dir.rglob("*.j2")))
    if cache.environment is None or stamp != cache.templates:
        cache.environment = make_environment(jinja2.FileSystemLoader(templates_dir))
        cache.templates = stamp
        cache.pages.clear()
    if cache.shared != (corpus.actors, corpus.topics):
        cache.shared = (corpus.actors, corpus.topics)
        cache.pages.clear()
    return cache.environment
