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
from ..exports import License
from ..pages.links import address_links
from ..pages.render import compiled_templates, template_problem
from ..pages.sanitize import escape_meta, sanitize_html
from ..pages.sections import wrap_sections
from ..parallel import available_jobs, can_fork
from ..pipeline import Build, Project, build_pages
from .convert import ConvertedPage, Converter
from .files import GeneratedFiles, generated_files
from .serve import HostGuard, write_data_files
from .session import ServeSession
from .settings import read_license

log = logging.getLogger("mkdocs.plugins.briefing")


def finish_html(html: str) -> str:
    """A generated page's body as readers get it: sanitized, the part under each heading boxed (pages/sections.py)."""
    return wrap_sections(sanitize_html(html))


class BriefingConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = config_options.Type(str, default="content")
    templates_dir = config_options.Type(str, default="site_templates")
    cache_dir = config_options.Type(str, default=".cache/briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    """Add one generated page per briefing, actor, topic and index, and the data files, to the site.

    Under serve, what a rebuild reuses is in generator.mkdocs.serve, content errors in the browser
    in generator.mkdocs.preview; a full build converts the pages in workers (generator.mkdocs.convert).
    """

    # Set by `python -m generator build` for its build: the content it has checked and built, and --jobs.
    prebuilt: Build | None = None
    jobs: int | None = None

    def __init__(self) -> None:
        # MkDocs keeps one instance for the process: a build without on_startup (a test's) sees these.
        self._serve: ServeSession | None = None
        self._dirty = self._with_data = False  # with_data: whether this build makes the data files
        self._converter: Converter | None = None
        self._jobs: int | None = None  # this build's: what the command line set, else BRIEFING_JOBS or one per core
        self._license: License | None = None  # the content's, stated once in mkdocs.yml (settings.py)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self._serve, self._dirty = ServeSession(dirty) if command == "serve" else None, dirty

    def on_config(self, config: Any) -> Any:
        self._license = read_license(config.extra)
        return self._serve.preview.with_assets(config) if self._serve else config

    def on_shutdown(self) -> None:
        if self._serve is not None:
            self._serve.end()
        self._serve, self._dirty = None, False  # the next build of this process (a test's) starts afresh

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        folder, serve = Path(config.config_file_path).parent, self._serve
        cache = serve.cache_for(config.config_file_path) if serve else None
        self._with_data = not (
            serve and serve.served
        )  # under serve, after the first build they follow in on_post_build
        build, self.prebuilt, self._jobs, self.jobs = self.prebuilt, None, self.jobs, None  # not kept past it
        prebuilt = build is not None
        content = folder / self.config.content_dir
        # The command line builds once, into a fresh folder: pages in memory; others keep them on disk, for --dirty.
        disk = None
        try:
            if build is None:
                disk = GeneratedFiles(folder / self.config.cache_dir, serve is not None)
                project = Project(content, folder / self.config.templates_dir, config.site_url or None, self._license)
                build = build_pages(project, disk.write if self._with_data else None, cache=cache, jobs=self._jobs)
        except ContentError as error:
            if serve is None:
                raise PluginError(f"the content has errors:\n{error}") from None
            if (build := serve.preview.failed(error, content)) is None:  # no good build yet
                return serve.preview.placeholder_pages(files, config)
        except jinja2.TemplateError as error:
            raise PluginError(template_problem(error)) from None
        else:
            if serve is not None:
                serve.preview.passed(build, config, content)
        for warning in build.warnings:
            # A review mark fails `mkdocs build --strict`; `generator build` has reported and judged them.
            is_judged = warning.is_review and serve is None and not prebuilt
            (log.warning if is_judged else log.info)(str(warning))
        for file in generated_files(build, config, disk, apart=serve is not None and not build.data_files):
            if file.is_documentation_page():
                ConvertedPage(None, file, config)  # it becomes file.page
            files.append(file)
        if serve is not None:
            serve.site.update(files, config)
        return files

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        pages = [file.page for file in files.documentation_pages() if isinstance(file.page, ConvertedPage)]
        if pages and not (self._serve or self._dirty) and (self._jobs or available_jobs()) > 1 and can_fork():
            self._converter = Converter(pages, config, files, finish_html, self._jobs)
        return nav

    def on_env(self, env: jinja2.Environment, /, *, config: Any, files: Files) -> jinja2.Environment:
        self._close_converter()  # every page is converted: MkDocs now writes them
        env.bytecode_cache = compiled_templates()  # the theme's templates, compiled by an earlier build
        return env

    def on_build_error(self, *, error: Exception) -> None:
        self._close_converter()

    def on_post_build(self, *, config: Any) -> None:
        if (serve := self._serve) is not None:
            serve.preview.write(Path(config.site_dir))
            if not self._with_data and serve.preview.good is not None:
                corpus, site = serve.preview.good.corpus, Path(config.site_dir)
                serve.data.start(write_data_files, corpus, config.site_url or None, self._license, site)
            serve.served = True

    def _close_converter(self) -> None:
        converter, self._converter = self._converter, None
        if converter is not None:
            converter.close()

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Files) -> str:
        if page.file.generated_by != "briefing":
            return markdown
        escape_meta(page.meta)
        return address_links(markdown, page.file.src_uri, config.use_directory_urls)

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Files) -> str:
        if page.file.generated_by != "briefing" or getattr(page, "finished", False):
            return html  # not ours, or sanitized by the worker that converted it
        return finish_html(html)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        for folder in (self.config.content_dir, self.config.templates_dir):
            server.watch(str(Path(config.config_file_path).parent / folder))
        server.set_app(HostGuard(server.get_app(), server))
        return server
