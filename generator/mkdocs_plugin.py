"""The MkDocs glue: generate the briefing pages in memory on every build and serve."""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .diagnostics import ContentError
from .pipeline import Build, build_pages
from .render import template_problem
from .sanitize import sanitize_html

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = config_options.Type(str, default="content")
    templates_dir = config_options.Type(str, default="site_templates")
    cache_dir = config_options.Type(str, default=".cache/briefing")


class BriefingPlugin(BasePlugin[BriefingConfig]):  # type: ignore[no-untyped-call]
    """Add one generated page per briefing, actor, topic and index to the site."""

    _generated_by = "briefing"
    prebuilt: Build | None = None  # set by `python -m generator build`, which has checked the content

    def _path(self, config: Any, value: str) -> Path:
        return Path(config.config_file_path).parent / value

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        try:
            build = self.prebuilt or build_pages(
                self._path(config, self.config.content_dir),
                self._path(config, self.config.templates_dir),
                config.site_url or None,
            )
        except ContentError as error:
            raise PluginError(f"the content has errors:\n{error}") from None
        except jinja2.TemplateError as error:
            raise PluginError(template_problem(error)) from None
        for warning in build.warnings:
            log.info(str(warning))
        cache = self._path(config, self.config.cache_dir)
        for page in build.pages:
            file = File.generated(config, page.path, abs_src_path=_cached(cache / page.path, page.markdown.encode()))
            file.generated_by = self._generated_by
            # Edit links open the YAML file a page came from, as a path in the repository.
            file.edit_uri = (
                Path(os.path.relpath(Path(page.source).resolve(), self._path(config, "."))).as_posix()
                if page.source and config.repo_url
                else None
            )
            files.append(file)
        for asset in build.assets:
            files.append(File.generated(config, asset.path, abs_src_path=_cached(cache / asset.path, asset.content)))
        return files

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
        return sanitize_html(html) if page.file.generated_by == self._generated_by else html

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        server.watch(str(self._path(config, self.config.content_dir)))
        server.watch(str(self._path(config, self.config.templates_dir)))
        return server


def _cached(path: Path, content: bytes) -> str:
    """Keep a generated file on disk, rewritten only when its bytes change.

    MkDocs counts a file held in memory as modified on every build; one on disk only when it
    is newer than its page in the site. So `mkdocs serve --dirty` rebuilds exactly the pages
    an edit changed.
    """
    if not path.is_file() or path.read_bytes() != content:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return str(path)
