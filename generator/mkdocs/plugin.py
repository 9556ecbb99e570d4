"""The MkDocs glue: the briefing's pages and data files, generated on every build and under serve."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Literal

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from ..content.diagnostics import ContentError
from ..pages.render import template_problem
from ..parallel import available_jobs, can_fork
from ..pipeline import Build, BuildCache, build_pages
from .convert import ConvertedPage, Converter
from .files import GeneratedFiles, generated_files
from .preview import Preview
from .sanitize import escape_meta, sanitize_html
from .serve import QUIET_DIRTY, DataWriter, DirtySite, MemoryBytecodeCache

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = config_options.Type(str, default="content")
    templates_dir = config_options.Type(str, default="site_templates")
    cache_dir = config_options.Type(str, default=".cache/briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    """Add one generated page per briefing, actor, topic and index, and the data files, to the site.

    Under `mkdocs serve` the plugin lives as long as the server and keeps what a rebuild can
    reuse (generator.mkdocs.serve); content errors show in the browser (generator.mkdocs.preview).
    A full build converts the pages in workers (generator.mkdocs.convert).
    """

    # Set by `python -m generator build` for its build: the content it has checked and built, and --jobs.
    prebuilt: Build | None = None
    jobs: int | None = None

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        # MkDocs keeps one instance of a plugin that has on_startup for the whole process: a build
        # that does not start with on_startup (a test's, or the command line's) sees these values.
        self._serving = self._dirty = False
        self._cache: BuildCache | None = None  # under serve: what a rebuild reuses
        self._project = ""  # the mkdocs.yml the cache belongs to
        self._with_data = self._served = False  # under serve: whether this build has the data files, one has
        self._data, self._compiled = DataWriter(), MemoryBytecodeCache()
        self._preview, self._site = Preview(), DirtySite()  # under serve: errors shown, --dirty made right
        self._converter: Converter | None = None
        self._jobs: int | None = None  # this build's: what the command line set, else BRIEFING_JOBS or one per core

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._serving, self._dirty = command == "serve", dirty
        if self._serving and dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(QUIET_DIRTY)

    def on_config(self, config: Any) -> Any:
        return self._preview.with_assets(config) if self._serving else config

    def on_shutdown(self) -> None:
        self._data.stop()
        self._reset()

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        project = Path(config.config_file_path).parent
        if self._serving and self._project != config.config_file_path:
            self._cache, self._project, self._served = BuildCache(), config.config_file_path, False
        self._with_data = not self._served  # under serve, after the first build they follow in on_post_build
        build, self.prebuilt, self._jobs, self.jobs = self.prebuilt, None, self.jobs, None  # not kept past it
        # The command line builds once, into a fresh folder: pages in memory; others keep them on disk, for --dirty.
        disk = None if build else GeneratedFiles(project / self.config.cache_dir, self._serving)
        content, templates = project / self.config.content_dir, project / self.config.templates_dir
        try:
            build = build or build_pages(
                content, templates, config.site_url or None, self._cache, exports=self._with_data, jobs=self._jobs
            )
        except ContentError as error:
            if not self._serving:
                raise PluginError(f"the content has errors:\n{error}") from None
            if (build := self._preview.failed(error)) is None:  # no good build yet
                return self._preview.stand_ins(files, config)
        except jinja2.TemplateError as error:
            raise PluginError(template_problem(error)) from None
        else:
            if self._serving:
                self._preview.passed(build, config)
        for warning in build.warnings:
            log.info(str(warning))
        for file in generated_files(build, config, disk, apart=self._serving and not build.assets):
            if file.is_documentation_page():
                ConvertedPage(None, file, config)  # it becomes file.page
            files.append(file)
        if self._serving:
            self._site.update(files, config)
        return files

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        pages = [file.page for file in files.documentation_pages() if isinstance(file.page, ConvertedPage)]
        if pages and not (self._serving or self._dirty) and (self._jobs or available_jobs()) > 1 and can_fork():
            self._converter = Converter(pages, config, files, sanitize_html, self._jobs)
        return nav

    def on_env(self, env: jinja2.Environment, /, *, config: Any, files: Files) -> jinja2.Environment:
        self._close_converter()  # every page is converted: MkDocs now writes them
        if self._serving:
            env.bytecode_cache = self._compiled
        return env

    def on_build_error(self, *, error: Exception) -> None:
        self._close_converter()

    def on_post_build(self, *, config: Any) -> None:
        if self._serving:
            self._preview.write(Path(config.site_dir))
        if self._serving and not self._with_data and self._preview.good is not None:
            self._data.start(self._preview.good.corpus, config.site_url or None, Path(config.site_dir))
        self._served = self._serving

    def _close_converter(self) -> None:
        converter, self._converter = self._converter, None
        if converter is not None:
            converter.close()

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Files) -> str:
        if page.file.generated_by == "briefing":
            escape_meta(page.meta)
            # The nav holds sections only, so the left column would stand empty on every page.
            page.meta.setdefault("hide", ["navigation"])
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Files) -> str:
        if page.file.generated_by != "briefing" or getattr(page, "finished", False):
            return html  # not ours, or sanitized by the worker that converted it
        return sanitize_html(html)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        for folder in (self.config.content_dir, self.config.templates_dir):
            server.watch(str(Path(config.config_file_path).parent / folder))
        return server
