"""build_pages with one job or two, its data files written under a folder: ``JOBS FOLDER MODE``.

Prints the data files (path and text) and where the build says it wrote them, as JSON; or, in
MODE ``broken``, where the API's export raises, the error the build raised.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator import exports
from generator.content.link import Corpus
from generator.exports import License
from generator.pages.emit import DataFolder
from generator.pages.render import Asset
from generator.pipeline import Project, build_pages


def broken(corpus: Corpus, site_url: str | None, license: License | None = None) -> tuple[Asset, ...]:
    raise ValueError("a bug in an export")


def main(jobs: int, folder: Path, mode: str) -> None:
    if mode == "broken":
        exports.api.export_api = broken
    project = Project(Path("tests/corpus"), Path("site_templates"), "https://example.org/briefing/")
    try:
        build = build_pages(project, DataFolder(folder), jobs=jobs)
    except ValueError as error:
        print(json.dumps({"error": str(error)}))
        return
    files = {data.path: data.file.read_text(encoding="utf-8") for data in build.data_files}
    print(json.dumps({"files": files, "written": [str(data.file) for data in build.data_files]}))


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
