"""The generated pages and data files of a build, as MkDocs files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from ..exports import linked_paths
from ..pages.render import Asset
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

    def keep(self, path: str, content: bytes) -> Path:
        """Write the file at site path ``path`` unless it already holds ``content``; return where it is."""
        target = self.folder / path
        if self._written is None or self._written.get(path) != content or not target.is_file():
            write_if_changed(target, content)
            if self._written is not None:
                self._written[path] = content
        return target

    def write(self, asset: Asset) -> Path:
        """The writer of a build's data files (generator.pipeline) that keeps them here."""
        return self.keep(asset.path, asset.content)


def generated_files(build: Build, config: Any, disk: GeneratedFiles | None, apart: bool = False) -> Iterator[File]:
    """The build's pages, from memory or kept on ``disk``, and its data files, as MkDocs files.

    A page's edit link opens the YAML file it came from, as a path in the repository. MkDocs
    copies each data file from where the build wrote it. Data files written ``apart`` from the
    build (under serve) are those the pages link to.
    """
    project = Path(config.config_file_path).parent
    for page in build.pages:
        content = page.markdown.encode()
        where = {"abs_src_path": str(disk.keep(page.path, content))} if disk else {"content": content}
        file = File.generated(config, page.path, **where)
        file.generated_by = "briefing"
        file.edit_uri = (
            Path(os.path.relpath(page.source, project)).as_posix() if page.source and config.repo_url else None
        )
        yield file
    for data in build.data_files:
        yield File.generated(config, data.path, abs_src_path=str(data.file))
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
