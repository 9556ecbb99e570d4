"""What the plugin keeps while `mkdocs serve` runs: one ``ServeSession`` from its start to its end."""

from __future__ import annotations

import logging

from ..parallel import Background
from ..pipeline import BuildCache
from .preview import Preview
from .serve import QUIET_DIRTY, DirtySite


class ServeSession:
    """The build cache a rebuild reuses, and the helpers of serve (generator.mkdocs.serve, .preview).

    ``served``: whether a build of this project has written the data files; later builds leave
    them to ``data``, the writer that runs once the pages are written.
    """

    def __init__(self, dirty: bool) -> None:
        self.cache, self.project, self.served = BuildCache(), "", False
        self.data = Background("briefing-data")
        self.preview, self.site = Preview(), DirtySite()  # errors shown in the browser, --dirty made right
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(QUIET_DIRTY)

    def cache_for(self, project: str) -> BuildCache:
        """The cache of this project's builds: a new one, with nothing served yet, for another project."""
        if project != self.project:
            self.cache, self.project, self.served = BuildCache(), project, False
        return self.cache

    def end(self) -> None:
        self.data.stop()
        logging.getLogger("mkdocs.commands.build").removeFilter(QUIET_DIRTY)
