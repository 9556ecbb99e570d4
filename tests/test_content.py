"""What must hold of any content: the project's content/ as it is now, and content/ replaced.

The rest of the suite pins frozen corpora (tests/sample/, tests/corpus/), never content/: content/ is
the user's, and every contribution changes it. These tests check what a valid change to it must
keep true (it validates, builds strictly, every promised page is there, every internal link resolves,
every data file parses), so that `make test` passes after one article is added, after the whole tree
is replaced by another subject, or after `init` empties it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from generator.content.load import FOLDERS as KIND_FOLDERS
from generator.content.load import read_document
from generator.content.schema import json_schema
from generator.content.starter import write_manifest
from tests import test_site
from tests.conftest import CORPUS, SAMPLE_CONTENT, USER_CONTENT, build_site, copy_project
from tests.helpers import article, write_tree

FOLDERS = {"articles": "briefings", "actors": "actors", "topics": "topics"}


def assert_content_holds(project: Path, site: Path) -> None:
    """Check ``project``'s content/ as CI does for any content, building it into ``site``."""
    content = project / "content"
    checked = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, f"check failed on {content}:\n{checked.stderr}"
    for kind, folder in KIND_FOLDERS.items():
        for path in sorted((content / folder).glob("[!._]*.yaml")):
            parsed = read_document(path.read_bytes())
            jsonschema.validate(parsed.data, json_schema(kind))
    built = build_site(site, project=project).root  # --strict, no warning
    promised = ["", "briefings/", "actors/", "topics/", "timeline/"]
    for folder, section in FOLDERS.items():
        promised += [f"{section}/{p.stem}/" for p in sorted((content / folder).glob("[!._]*.yaml"))]
    missing = [page for page in promised if not (built / page / "index.html").is_file()]
    assert not missing, f"pages missing from the site of {content}: {missing}"
    _, broken = test_site.broken_links(built)
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)
    _assert_data_files_parse(built)


def _assert_data_files_parse(site: Path) -> None:
    files = [p for folder in ("api", "feeds", "calendar") for p in sorted((site / folder).rglob("*")) if p.is_file()]
    assert files, f"no data files in {site}"
    for path in files:
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(site)
        if path.name.endswith(".ftm.json"):  # FollowTheMoney: one entity a line
            for line in text.splitlines():
                assert isinstance(json.loads(line), dict), where
        elif path.suffix == ".json":
            json.loads(text)
        elif path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(text)))
            assert rows and all(len(row) == len(rows[0]) for row in rows), f"{where}: ragged rows"
        elif path.suffix == ".xml":
            ElementTree.fromstring(text.encode("utf-8"))
        elif path.suffix == ".ics":
            lines = text.splitlines()
            assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR", where


@pytest.mark.slow  # builds whole sites
def test_the_projects_content_holds(tmp_path: Path) -> None:
    """content/ as the repository has it now, whatever subject it is on."""
    project = copy_project(tmp_path / "project", USER_CONTENT)
    assert_content_holds(project, tmp_path / "site")


# A contributor's pull request: a new briefing, with a person the content did not have.
NEW_ARTICLE = {
    "content/actors/mara-quillon.yaml": "name: Mara Quillon\nkind: person\n",
    "content/articles/2025-11-02-port-inspections.yaml": article(
        published="2025-11-02",
        events="  - date: 2025-11-01\n    title: Inspectors board a cargo ship\n    actors: [mara-quillon]\n",
        extra="actors: [mara-quillon]\nquotes:\n  - by: mara-quillon\n    text: We found nothing on board.\n",
    ),
}


@pytest.mark.slow  # builds whole sites
@pytest.mark.parametrize("change", ["one article added", "another subject", "emptied by init"])
def test_any_valid_change_to_the_content_holds(tmp_path: Path, change: str) -> None:
    """The loop a contributor or a new briefing goes through: the same checks pass after each change."""
    project = copy_project(tmp_path / "project", SAMPLE_CONTENT)
    content = project / "content"
    if change == "one article added":
        write_tree(project, NEW_ARTICLE)
    elif change == "another subject":
        shutil.rmtree(content)
        shutil.copytree(CORPUS, content)
    else:
        write_manifest(content)  # as the sample ships
        result = subprocess.run(
            [sys.executable, "-m", "generator", "init", "--title", "Port inspections"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*")) == [
            "actors", "actors/.gitkeep", "articles", "articles/.gitkeep", "topics", "topics/.gitkeep",
        ]  # fmt: skip
    assert_content_holds(project, tmp_path / "site")
