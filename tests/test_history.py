"""When pages last changed and what was added lately: from the content's git history, or its dates."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest

from generator.content.history import History, parse_history, read_history
from generator.pipeline import Project, build_pages
from tests.helpers import ACTORS, REPO, article, write_tree

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("log", "changed", "added"),
    [
        ("", {}, {}),
        # Newest commit first: the first date of a file is its last change, the last its addition.
        (
            "\0002026-12-07\n\narticles/a.yaml\nactors/russia.yaml\n\0002026-11-02\n\narticles/a.yaml\n",
            {("article", "a"): D("2026-12-07"), ("actor", "russia"): D("2026-12-07")},
            {("article", "a"): D("2026-11-02"), ("actor", "russia"): D("2026-12-07")},
        ),
        # Files that are not content: other folders, other names, a folder inside a kind's.
        (
            "\0002026-12-07\n\nREADME.md\nnotes/a.yaml\narticles/a.txt\narticles/old/a.yaml\ntopics/t.yaml\n",
            {("topic", "t"): D("2026-12-07")},
            {("topic", "t"): D("2026-12-07")},
        ),
    ],
)
def test_one_pass_over_the_log_gives_each_files_last_change_and_addition(
    log: str, changed: dict[tuple[str, str], dt.date], added: dict[tuple[str, str], dt.date]
) -> None:
    assert parse_history(log) == History(changed, added)


def _git(root: Path, *args: str, day: str = "2026-01-01") -> None:
    stamp = f"{day}T12:00:00+00:00"
    environment = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for name in ("NAME", "EMAIL"):
        environment[f"GIT_AUTHOR_{name}"] = environment[f"GIT_COMMITTER_{name}"] = "t@example.org"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=environment)


def _jsonld(markdown: str) -> dict[str, object]:
    [line] = [line for line in markdown.splitlines() if line.startswith("jsonld: ")]
    return dict(json.loads(line.removeprefix("jsonld: ")))


EVENT = "  - id: visit\n    date: 2024-03-01\n    title: A visit\n    actors: [russia]\n"


def _tree(root: Path) -> Path:
    files = {
        **ACTORS,
        "content/articles/old.yaml": article("2024-03-02", EVENT),
        "content/articles/new.yaml": article("2024-03-05", EVENT),
    }
    return write_tree(root, files) / "content"


def test_pages_say_when_their_content_last_changed_in_git(tmp_path: Path) -> None:
    content = _tree(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "content/actors", "content/topics", "content/articles/old.yaml")
    _git(tmp_path, "commit", "-qm", "first", day="2026-10-01")
    _git(tmp_path, "add", "content/articles/new.yaml")
    _git(tmp_path, "commit", "-qm", "second", day="2026-11-15")
    (content / "actors/russia.yaml").write_text("name: Russia\nkind: country\naliases: [Moscow, RF]\n")
    _git(tmp_path, "commit", "-qam", "an alias", day="2026-12-07")
    assert read_history(content).changed[("actor", "russia")] == D("2026-12-07")
    pages = {page.path: page.markdown for page in build_pages(Project(content, REPO / "site_templates")).pages}
    modified = {path: _jsonld(pages[path]).get("dateModified") for path in pages if not path.endswith("index.md")}
    assert modified["briefings/old.md"] == "2026-10-01"
    assert modified["briefings/new.md"] == "2026-11-15"
    assert modified["actors/russia.md"] == "2026-12-07"  # its own file, newer than its briefings
    assert modified["actors/north-korea.md"] == "2026-10-01"  # in no briefing: when its file was added
    assert modified["events/visit.md"] == "2026-11-15"  # the newest of its briefings
    assert "Last changed 7 December 2026.\n{ .page-changed }" in pages["actors/russia.md"]
    # The home page lists what was added, by when it was added (not when it was published).
    home = pages["index.md"].partition("## Latest additions")[2].partition("## ")[0]
    assert [line for line in home.splitlines() if line.startswith("- ")] == [
        "- 15 November 2026 · Briefing: [A report](briefings/new.md)",
        "- 1 October 2026 · Briefing: [A report](briefings/old.md)",
        "- 1 October 2026 · Topic: [Sanctions](topics/sanctions.md)",
        "- 1 October 2026 · Profile: [North Korea](actors/north-korea.md)",
        "- 1 October 2026 · Profile: [Russia](actors/russia.md)",
    ]


def test_without_git_pages_go_by_their_briefings_dates(tmp_path: Path) -> None:
    content = _tree(tmp_path)
    assert read_history(content) == History()
    builds = [build_pages(Project(content, REPO / "site_templates")) for _ in range(2)]
    pages = {page.path: page.markdown for page in builds[0].pages}
    assert builds[0].pages == builds[1].pages  # the same, build to build
    assert _jsonld(pages["briefings/old.md"])["dateModified"] == "2024-03-02"
    assert _jsonld(pages["actors/russia.md"])["dateModified"] == "2024-03-05"
    assert _jsonld(pages["events/visit.md"])["dateModified"] == "2024-03-05"
    assert "dateModified" not in _jsonld(pages["actors/north-korea.md"])
    home = pages["index.md"].partition("## Latest additions")[2].partition("## ")[0]
    assert [line for line in home.splitlines() if line.startswith("- ")] == [
        "- 5 March 2024 · Briefing: [A report](briefings/new.md)",
        "- 2 March 2024 · Briefing: [A report](briefings/old.md)",
    ]
