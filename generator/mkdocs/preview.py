"""Under `mkdocs serve`: the content's mistakes in the browser, over the last good pages.

MkDocs' server leaves every browser on the old page when a build fails, and a contributor who
watches the browser, not the terminal, thinks the save did not take. So under serve a content
error does not fail the build: the plugin gives MkDocs the pages of the last good build again
(under --dirty, nothing is rewritten) and writes the diagnostics to PROBLEMS in the site. The
server reloads every open page after the build, as after any other; the script added to every
page under serve (preview.js, styled by preview.css) reads PROBLEMS and draws the errors over the
page, or, once the content is good again, the warnings about the page's own file as a note. It
sets every text as text, never as HTML. A page the last good build did not have (a new file with
a mistake) is MkDocs' 404 page, which carries the script too but is not reloaded by the server:
there the script asks for PROBLEMS again until the next build. A server started on content with
errors has no good build yet: the navigation's pages stand in for it (``placeholder_pages``).

Nothing of this reaches a built site: the script, its stylesheet and PROBLEMS are added, and
content errors kept from failing the build, only under serve.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from ..content.diagnostics import ContentError, Diagnostic, summarize
from ..content.load import read_lines
from ..pipeline import Build
from .serve import navigation_paths, write_if_changed

log = logging.getLogger("mkdocs.plugins.briefing")

FOLDER = "_preview"  # in the served site only
ASSETS = ("preview.js", "preview.css")  # beside this module
PROBLEMS = f"{FOLDER}/problems.json"
SHOWN = 5  # errors shown with their lines; the overlay counts the others
AROUND = 2  # lines shown before and after the one a diagnostic is on


class Preview:
    """The last good build under serve, and what the browser is to show of the last build."""

    def __init__(self) -> None:
        self.good: Build | None = None  # its pages, not its data files
        self._shown: dict[str, Any] = {"errors": [], "notes": {}}
        self._builds = 0

    def with_assets(self, config: Any) -> Any:
        """Have every page, the 404 page too, load the script and its stylesheet."""
        config.extra_css.append(f"{FOLDER}/preview.css")
        config.extra_javascript.append(f"{FOLDER}/preview.js")
        return config

    def passed(self, build: Build, config: Any, content: Path) -> None:
        """Keep ``build`` (its pages) to serve again should the next fail; show its warnings on their pages."""
        self.good = replace(build, data_files=(), warnings=())
        self._shown = {"errors": [], "notes": _notes(build, config, content)}

    def failed(self, error: ContentError, content: Path) -> Build | None:
        """Show ``error`` over the last good build's pages, and return that build (None before one)."""
        closing = summarize(error.diagnostics)
        log.error(f"the content has errors (the browser shows them over the last good pages):\n{error}\n{closing}")
        errors = error.errors
        shown = [_shown(diagnostic, content) for diagnostic in errors[:SHOWN]]
        self._shown = {"errors": shown, "more": len(errors) - len(shown), "summary": closing, "notes": {}}
        return self.good

    def placeholder_pages(self, files: Files, config: Any) -> Files:
        """Before a good build, a page for each entry of the navigation, for the errors to show over."""
        for path in navigation_paths(config.nav or []):
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, content=f"# {config.site_name}\n"))
        return files

    def write(self, site_dir: Path) -> None:
        """Write the script, its stylesheet and PROBLEMS into the served site."""
        self._builds += 1
        for name in ASSETS:
            write_if_changed(site_dir / FOLDER / name, resources.files(__package__).joinpath(name).read_bytes())
        shown = json.dumps({"build": self._builds, **self._shown}, ensure_ascii=False)
        write_if_changed(site_dir / PROBLEMS, shown.encode())


def _shown(diagnostic: Diagnostic, content: Path) -> dict[str, Any]:
    """A diagnostic as the overlay shows it: as `check` prints it, and the lines around it (of a file
    in ``content`` only, opened as the loader opens it: never through a link)."""
    return {
        "where": f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}",
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "line": diagnostic.line,
        "column": diagnostic.column,
        "lines": read_lines(content, diagnostic.path, diagnostic.line, AROUND),
    }


def _notes(build: Build, config: Any, content: Path) -> dict[str, list[dict[str, Any]]]:
    """The build's warnings by the address (in the site) of each page made from the file they are about."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for warning in build.warnings:
        by_file.setdefault(warning.path, []).append(_shown(warning, content))
    return {
        File.generated(config, page.path, content=b"").url: by_file[page.source]
        for page in build.pages
        if page.source in by_file
    }
