"""The generated pages and data files of a build, as MkDocs files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from ..exports import linked_paths
from ..pipeline import Build
from .serve import write_if_changed


class GeneratedFiles:
    """Generated files kept on disk under ``folder``, rewritten only when their bytes change.

    MkDocs counts a file held in memory as modified on every build, one on disk only when it is
    newer than its page in the site. With ``remember`` (under serve), what was written is
    remembered, not read back.
    """

    def __init__(self, folder: Path, remember: bool) -> None:
        self.folder = folder
        self._written: dict[str, bytes] | None = {} if remember else None

    def keep(self, path: str, content: bytes) -> str:
        """Write the file at site path ``path`` unless it already holds ``content``; return where it is."""
        target = self.folder / path
        if self._written is None or self._written.get(path) != content or not target.is_file():
            write_if_changed(target, content)
            if self._written is not None:
                self._written[path] = content
        return str(target)


def generated_files(build: Build, config: Any, disk: GeneratedFiles | None, apart: bool = False) -> Iterator[File]:
    """The build's pages and data files as MkDocs files: from memory, or kept on ``disk``.

    A page's edit link opens the YAML file it came from, as a path in the repository. Data files
    written to a stage move to their place in the site, which MkDocs has cleaned, and stay there.
    Data files written ``apart`` from the build (under serve) are those the pages link to.
    """
    project = Path(config.config_file_path).parent
    generated = [(page.path, page.markdown.encode(), page.source) for page in build.pages]
    for path, content, source in generated + [(asset.path, asset.content, None) for asset in build.assets]:
        where = {"abs_src_path": disk.keep(path, content)} if disk else {"content": content}
        file = File.generated(config, path, **where)
        file.generated_by = "briefing"
        file.edit_uri = Path(os.path.relpath(source, project)).as_posix() if source and config.repo_url else None
        yield file
    for staged in build.staged:
        placed = Path(config.site_dir) / staged.path
        placed.parent.mkdir(parents=True, exist_ok=True)
        staged.file.replace(placed)
        yield File.generated(config, staged.path, abs_src_path=str(placed))
    for path in sorted(linked_paths(build.corpus)) if apart else ():
        yield DataFileWrittenLater(path, None, config.site_dir, config.use_directory_urls)


class DataFileWrittenLater(File):
    """A data file that `mkdocs serve` writes into the site after the pages (generator.mkdocs.serve).

    MkDocs knows of it, so that the links to it are checked as in a full build, and copies nothing.
    """

    def copy_file(self, dirty: bool = False) -> None:
        pass

    def is_modified(self) -> bool:
        return False
