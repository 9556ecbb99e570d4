"""The MkDocs glue: generate the briefing pages in memory on every build and serve."""

from __future__ import annotations

import contextlib
import html
import logging
import os
import threading
from pathlib import Path
from typing import Any, Literal

import jinja2
import jinja2.bccache
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..content.diagnostics import ContentError
from ..content.link import Corpus
from ..exports import Asset, export_parts
from ..fork import can_fork
from ..pages.render import template_problem
from ..pipeline import Build, BuildCache, build_pages, rare_collections
from .convert import ConvertedPage, Converter
from .sanitize import sanitize_html

log = logging.getLogger("mkdocs.plugins.briefing")

EXPORTS_DELAY = 2.0  # s after a rebuild under serve before its data files are written


class BriefingConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = config_options.Type(str, default="content")
    templates_dir = config_options.Type(str, default="site_templates")
    cache_dir = config_options.Type(str, default=".cache/briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    """Add one generated page per briefing, actor, topic and index to the site.

    Under `mkdocs serve` the plugin lives as long as the server (it has ``on_startup``),
    and keeps what a rebuild can reuse: parsed files, records and rendered pages (a
    BuildCache). The data files (feeds, calendars, JSON, CSV) are written at the first
    build; after an edit they are rewritten in the background, EXPORTS_DELAY seconds after
    the pages are built unless another edit comes first, so that the page a contributor is
    looking at reloads first. A full build converts the pages' Markdown on two cores
    (generator.convert).
    """

    _generated_by = "briefing"
    prebuilt: Build | None = None  # set by `python -m generator build`, which has checked the content

    def __init__(self) -> None:
        self._cache: BuildCache | None = None
        self._written: dict[Path, bytes] = {}  # under serve: what each generated file holds on disk
        self._assets: tuple[Asset, ...] = ()
        self._pending: Corpus | None = None  # under serve: whose data files are still to write
        self._exports = threading.Lock()
        self._generation = 0  # of the data files' writer: a build that starts makes it stale
        self._unwritten: tuple[Corpus, str | None, Path, Path] | None = None  # the writer's work, until done
        self._later: threading.Timer | None = None
        self._project: str | None = None  # the mkdocs.yml the cache belongs to
        self._compiled = _MemoryBytecodeCache()
        self._converter: Converter | None = None
        self._dirty = False
        self._rebuilding = contextlib.ExitStack()  # under serve: what a rebuild sets until it ends

    def _path(self, config: Any, value: str) -> Path:
        return Path(config.config_file_path).parent / value

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._cache = BuildCache() if command == "serve" else None
        self._written, self._assets, self._project = {}, (), None
        self._dirty = dirty

    def on_shutdown(self) -> None:
        if self._later is not None:
            self._later.cancel()
        self._generation += 1  # a writer at work stops: the served site is going away
        self._cache = None
        self._written, self._assets, self._project = {}, (), None

    # Under serve, a rebuild also keeps the theme's compiled templates (MkDocs makes a new Jinja
    # environment each time) and runs the cycle collector rarely, as `python -m generator build` does.

    def on_pre_build(self, *, config: Any) -> None:
        if self._later is not None:
            self._later.cancel()  # a newer build writes them
        # A writer at work stops before its next kind of file: it would hold the interpreter's
        # lock for half the rebuild (at 1,000 articles, the data files take 2.3 s).
        self._generation += 1
        if self._cache is not None:
            self._rebuilding.enter_context(rare_collections())

    def on_env(self, env: jinja2.Environment, /, *, config: Any, files: Files) -> jinja2.Environment:
        if self._cache is not None:
            env.bytecode_cache = self._compiled
        return env

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_helpers()
        if self._unwritten is not None:  # the last good build's data files, which this one stopped
            self._write_later(*self._unwritten)

    def _stop_helpers(self) -> None:
        if self._converter is not None:
            self._converter.close()
            self._converter = None
        self._rebuilding.close()

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        if self._cache is not None and self._project != config.config_file_path:
            self._cache, self._written, self._assets = BuildCache(), {}, ()
            self._project = config.config_file_path
        serving_again = self._cache is not None and bool(self._assets)
        build, self.prebuilt = self.prebuilt, None  # the generator's data is not kept past this
        # `python -m generator build` builds once, into a fresh folder: its pages stay in memory,
        # and its data files wait in a stage on disk, for MkDocs to copy.
        # `mkdocs serve` and `mkdocs build` keep them on disk, for --dirty to see what changed.
        on_disk = build is None
        try:
            build = build or build_pages(
                self._path(config, self.config.content_dir),
                self._path(config, self.config.templates_dir),
                config.site_url or None,
                self._cache,
                exports=not serving_again,
            )
        except ContentError as error:
            raise PluginError(f"the content has errors:\n{error}") from None
        except jinja2.TemplateError as error:
            raise PluginError(template_problem(error)) from None
        for warning in build.warnings:
            log.info(str(warning))
        cache = self._path(config, self.config.cache_dir)
        for page in build.pages:
            file = (
                File.generated(config, page.path, abs_src_path=self._keep(cache / page.path, page.markdown.encode()))
                if on_disk
                else File.generated(config, page.path, content=page.markdown)
            )
            file.generated_by = self._generated_by
            # Edit links open the YAML file a page came from, as a path in the repository.
            file.edit_uri = (
                Path(os.path.relpath(Path(page.source).resolve(), self._path(config, "."))).as_posix()
                if page.source and config.repo_url
                else None
            )
            # It becomes file.page (it reads the edit link): its Markdown converts with the
            # templates' raw HTML set aside, and in a full build may come converted from a helper.
            ConvertedPage(None, file, config)
            files.append(file)
        if serving_again:
            self._pending = build.corpus  # the data files follow in on_post_build
        elif self._cache is not None:
            self._assets = build.assets
        for asset in self._assets if self._cache is not None else build.assets:
            files.append(
                File.generated(config, asset.path, abs_src_path=self._keep(cache / asset.path, asset.content))
                if on_disk
                else File.generated(config, asset.path, content=asset.content)
            )
        site = Path(config.site_dir)
        for staged in build.staged:
            # MkDocs has cleaned the site: the data file moves to its place there, where MkDocs
            # finds it already and leaves it (185 MB not copied at 4,000 articles).
            placed = site / staged.path
            placed.parent.mkdir(parents=True, exist_ok=True)
            staged.file.replace(placed)
            files.append(File.generated(config, staged.path, abs_src_path=str(placed)))
        return files

    @property
    def _full_build(self) -> bool:
        """A build of the whole site, not one under serve or --dirty: its pages convert on two cores."""
        return self._cache is None and not self._dirty

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        pages = [file.page for file in files.documentation_pages() if isinstance(file.page, ConvertedPage)]
        if pages and self._full_build and can_fork():
            self._converter = Converter(pages, config, files, finish=sanitize_html)
        return nav

    def on_post_build(self, *, config: Any) -> None:
        self._stop_helpers()
        corpus, self._pending = self._pending, None
        if corpus is not None:
            self._write_later(
                corpus, config.site_url or None, self._path(config, self.config.cache_dir), Path(config.site_dir)
            )

    def _write_later(self, corpus: Corpus, site_url: str | None, cache: Path, site: Path) -> None:
        """Write the data files EXPORTS_DELAY s from now; while a contributor saves again and again,
        only the last rebuild's data files get written."""
        self._generation += 1
        self._unwritten = (corpus, site_url, cache, site)
        self._later = threading.Timer(EXPORTS_DELAY, self._write_exports, args=(*self._unwritten, self._generation))
        self._later.daemon = True
        self._later.start()

    def _write_exports(self, corpus: Corpus, site_url: str | None, cache: Path, site: Path, generation: int) -> None:
        """Write the data files of a rebuild into the cache and the served site, unless a newer build started."""
        made: list[Asset] = []
        for part in export_parts(corpus, site_url):
            if generation != self._generation:
                return
            made += part
        assets = tuple(sorted(made, key=lambda asset: asset.path))
        with self._exports:
            if generation != self._generation:
                return
            self._unwritten = None
            for asset in assets:
                if self._written.get(cache / asset.path) != asset.content:
                    self._keep(cache / asset.path, asset.content)
                    (site / asset.path).parent.mkdir(parents=True, exist_ok=True)
                    (site / asset.path).write_bytes(asset.content)
            self._assets = assets

    def _keep(self, path: Path, content: bytes) -> str:
        """Keep a generated file on disk, rewritten only when its bytes change.

        MkDocs counts a file held in memory as modified on every build; one on disk only when
        it is newer than its page in the site. So `mkdocs serve --dirty` rebuilds exactly the
        pages an edit changed. Under serve, what was written is remembered, not read back.
        """
        if self._cache is not None:
            if self._written.get(path) != content or not path.is_file():
                _write_if_changed(path, content)
                self._written[path] = content
        else:
            _write_if_changed(path, content)
        return str(path)

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Files) -> str:
        # The theme puts the title and description into HTML unescaped; content is text.
        if page.file.generated_by == self._generated_by:
            # The nav holds sections only, so the left column would stand empty on every page.
            page.meta.setdefault("hide", ["navigation"])
            for key in ("title", "description"):
                if key in page.meta:
                    page.meta[key] = html.escape(str(page.meta[key]), quote=True)
            if isinstance(page.meta.get("tags"), list):  # shown as HTML in search results
                page.meta["tags"] = [html.escape(str(tag), quote=True) for tag in page.meta["tags"]]
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Files) -> str:
        if page.file.generated_by != self._generated_by or getattr(page, "finished", False):
            return html  # not ours, or sanitized by the converter's helper
        return sanitize_html(html)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        server.watch(str(self._path(config, self.config.content_dir)))
        server.watch(str(self._path(config, self.config.templates_dir)))
        return server


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each against its template's source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _write_if_changed(path: Path, content: bytes) -> None:
    if not path.is_file() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
