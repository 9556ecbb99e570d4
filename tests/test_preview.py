"""Under `mkdocs serve`, mistakes in the content show in the browser over the last good pages
(generator/mkdocs/preview.py); a built site has nothing of it. The browser's side, with a real
server: tests/test_serve.py."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import BuiltSite, copy_project
from tests.helpers import ACTORS, article, write_tree

URL = "http://127.0.0.1:8000/"
PROBLEMS = "_preview/problems.json"


def _project(root: Path, files: dict[str, str]) -> Path:
    return write_tree(copy_project(root, content=None), files)


class Serving:
    """The plugin as `mkdocs serve --dirty` drives it: one build at start, one per save."""

    def __init__(self, project: Path) -> None:
        self.project, self.site = project, project / "site"
        self._config = load_config(str(project / "mkdocs.yml"), site_dir=str(self.site))
        self._config.plugins.on_startup(command="serve", dirty=True)
        self._builds = 0

    def build(self) -> None:
        if self._builds:
            time.sleep(0.05)  # mtimes must be able to differ
        config = (
            self._config if not self._builds else load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        )
        build(config, serve_url=URL, dirty=True)
        self._builds += 1

    def shown(self) -> dict[str, Any]:
        """What the browser is told of the last build."""
        return dict(json.loads((self.site / PROBLEMS).read_text(encoding="utf-8")))

    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    def close(self) -> None:
        self._config.plugins.on_shutdown()


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Serving]:
    project = _project(tmp_path, {**ACTORS, "content/articles/a.yaml": article()})
    serving = Serving(project)
    try:
        yield serving
    finally:
        serving.close()


def test_an_error_shows_over_the_last_good_pages_until_it_is_fixed(
    serve: Serving, caplog: pytest.LogCaptureFixture
) -> None:
    serve.build()
    assert serve.shown() == {"build": 1, "errors": [], "notes": {}}
    profile = serve.page("actors/russia/index.html")
    actor = serve.project / "content/actors/russia.yaml"

    actor.write_text("name: Russia\nkind: nation\naliases: [Moscow]\n", encoding="utf-8")
    caplog.clear()
    serve.build()  # does not fail: MkDocs' server then reloads the browsers
    where = f"{actor}:2:7"
    message = "unknown kind 'nation' (use one of: person, country, organization)"
    assert serve.shown() == {
        "build": 2,
        "errors": [
            {
                "where": where,
                "severity": "error",
                "message": message,
                "line": 2,
                "column": 7,
                "lines": [[1, "name: Russia"], [2, "kind: nation"], [3, "aliases: [Moscow]"]],
            }
        ],
        "more": 0,
        "summary": "1 error, 0 warnings in 1 file",
        "notes": {},
    }
    assert serve.page("actors/russia/index.html") == profile, "the last good page is served as it was"
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [
        "the content has errors (the browser shows them over the last good pages):\n"
        f"{where}: error: {message}\n1 error, 0 warnings in 1 file"
    ]

    actor.write_text("name: Russian Federation\nkind: country\naliases: [Moscow]\n", encoding="utf-8")
    serve.build()
    assert serve.shown() == {"build": 3, "errors": [], "notes": {}}
    assert "Russian Federation" in serve.page("actors/russia/index.html")


def test_the_first_errors_are_shown_and_the_others_counted(serve: Serving) -> None:
    serve.build()
    for number in range(7):
        write_tree(serve.project, {f"content/actors/a{number}.yaml": "name: Someone\nkind: persn\n"})
    serve.build()
    shown = serve.shown()
    assert [error["where"] for error in shown["errors"]] == [
        f"{serve.project}/content/actors/a{number}.yaml:2:7" for number in range(5)
    ]
    assert (shown["more"], shown["summary"]) == (2, "7 errors, 0 warnings in 7 files")


def test_a_warning_shows_on_the_pages_of_its_file(serve: Serving) -> None:
    events = "  - title: Talks are due\n    date: 2024-05-02\n"
    path = serve.project / "content/articles/a.yaml"
    path.write_text(article(events=events), encoding="utf-8")
    serve.build()
    lines = path.read_text(encoding="utf-8").split("\n")
    assert serve.shown()["notes"] == {
        "briefings/a/": [
            {
                "where": f"{path}:8:11",
                "severity": "warning",
                "message": "event 'Talks are due' is dated 2024-05-02, after the article was published (2024-04-15); fine for a scheduled event",
                "line": 8,
                "column": 11,
                "lines": [[number, lines[number - 1]] for number in range(6, 9)],
            }
        ]
    }


def test_a_review_mark_shows_as_a_note_on_the_pages_of_its_file(serve: Serving) -> None:
    events = "  - title: Talks resume\n    date: 2024-04-15\n    review: reword the title in your own words\n"
    path = serve.project / "content/articles/a.yaml"
    path.write_text(article(events=events), encoding="utf-8")
    serve.build()
    notes = serve.shown()["notes"]
    assert [(note["where"], note["message"]) for note in notes["briefings/a/"]] == [
        (f"{path}:9:13", "left to review: reword the title in your own words; then remove this 'review' line")
    ]


def test_a_server_started_on_content_with_errors_shows_them_on_the_navigation_pages(serve: Serving) -> None:
    actor = serve.project / "content/actors/russia.yaml"
    actor.write_text("name: Russia\nkind: nation\n", encoding="utf-8")
    serve.build()
    assert [error["where"] for error in serve.shown()["errors"]] == [f"{actor}:2:7"]
    navigation = ("index.html", "briefings/index.html", "actors/index.html", "topics/index.html", "timeline/index.html")
    assert sorted(p.relative_to(serve.site).as_posix() for p in serve.site.rglob("*.html")) == sorted(
        [*navigation, "404.html"]
    )
    assert 'id="overview"' not in serve.page("index.html")

    actor.write_text("name: Russia\nkind: country\n", encoding="utf-8")
    serve.build()
    assert serve.shown()["errors"] == []
    assert 'id="overview"' in serve.page("index.html"), "the stand-ins are gone"
    assert "Russia" in serve.page("actors/russia/index.html")


# ---------------------------------------------------------------------------------------------
# A built site: errors fail the build, and nothing of the preview is in it.


def _preview_traces(site: Path) -> list[str]:
    found = [p.relative_to(site).as_posix() for p in site.rglob("*_preview*")]
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".css", ".json", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if "_preview" in text or "preview-errors" in text:
                found.append(path.relative_to(site).as_posix())
    return found


def test_nothing_of_the_preview_reaches_a_site_built_by_the_generator(built_site: BuiltSite) -> None:
    assert _preview_traces(built_site.root) == []


def test_mkdocs_build_fails_on_errors_and_puts_nothing_of_the_preview_in_the_site(tmp_path: Path) -> None:
    project = _project(tmp_path, {**ACTORS, "content/articles/a.yaml": article()})

    def mkdocs_build() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")]
        return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300, check=False)

    built = mkdocs_build()
    assert built.returncode == 0, built.stderr
    assert _preview_traces(project / "site") == []

    (project / "content/actors/russia.yaml").write_text("name: Russia\nkind: nation\n", encoding="utf-8")
    failed = mkdocs_build()
    assert failed.returncode == 1
    assert (
        "the content has errors:\ncontent/actors/russia.yaml:2:7: error: unknown kind 'nation' "
        "(use one of: person, country, organization)"
    ) in failed.stderr


def test_a_review_mark_fails_a_strict_mkdocs_build(tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    events = "  - title: Talks resume\n    date: 2024-04-15\n    review: reword the title in your own words\n"
    project = _project(tmp_path, {**ACTORS, "content/articles/a.yaml": article(events=events)})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode"):
        build(config)
