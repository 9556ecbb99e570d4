"""Under `mkdocs serve --dirty`, an edit rebuilds exactly the pages whose Markdown it changed,
and what a rebuild gives is what a fresh build gives."""

from __future__ import annotations

import json
import logging
import re
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.content.diagnostics import ContentError
from generator.pipeline import BuildCache, Project, build_pages
from tests.conftest import REPO_ROOT, SAMPLE_CONTENT, copy_project
from tests.helpers import wait_until


def _project(tmp_path: Path, content: Path = SAMPLE_CONTENT) -> Path:
    return copy_project(tmp_path, content)


def _build(project: Path, dirty: bool) -> None:
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")), dirty=dirty)


def _mtimes(root: Path) -> dict[str, float]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime_ns for p in root.rglob("*.html")}


def _markdown(project: Path) -> dict[str, bytes]:
    cache = project / ".cache/briefing"
    return {p.relative_to(cache).as_posix(): p.read_bytes() for p in cache.rglob("*.md")}


def _page(markdown_path: str) -> str:
    stem = markdown_path.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html".lstrip("/")


@pytest.mark.slow  # builds whole sites
def test_an_edit_rebuilds_exactly_the_pages_it_changes(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _build(project, dirty=False)
    html_before, markdown_before = _mtimes(project / "site"), _markdown(project)
    time.sleep(0.05)  # mtimes must be able to differ

    article = next((project / "content/articles").glob("*.yaml"))
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("summary: |\n", "summary: |\n  One more sentence, edited.\n", 1), encoding="utf-8")
    _build(project, dirty=True)

    markdown_after = _markdown(project)
    changed = {_page(path) for path in markdown_after if markdown_after[path] != markdown_before.get(path)}
    html_after = _mtimes(project / "site")
    # MkDocs writes its 404 page on every build; every other page is rebuilt only if its Markdown changed.
    rebuilt = {path for path in html_after if html_after[path] != html_before.get(path)} - {"404.html"}
    assert f"briefings/{article.stem}/index.html" in changed
    assert rebuilt == changed, sorted(changed)
    assert len(rebuilt) < len(html_after) / 2
    page = (project / "site/briefings" / article.stem / "index.html").read_text(encoding="utf-8")
    assert "One more sentence, edited." in page


# ---------------------------------------------------------------------------------------------
# Under `mkdocs serve` the plugin keeps a BuildCache: an edit re-reads one file and re-renders
# the pages whose spec changed. What it gives must be what a fresh build gives.


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _retitle_article(content: Path) -> None:
    _edit(content / "articles/harbor-ledger-tarvan-filling.yaml", "title: 'Tarvan Dam:", "title: 'Edited Tarvan Dam:")


def _rename_actor(content: Path) -> None:
    _edit(content / "actors/kestrevia.yaml", "name: Kestrevia", "name: Kestrevia Republic")


def _add_article(content: Path) -> None:
    source = content / "articles/harbor-ledger-commission-talks.yaml"
    (content / "articles/harbor-ledger-commission-talks-again.yaml").write_text(
        source.read_text(encoding="utf-8").replace("title: ", "title: Again ", 1), encoding="utf-8"
    )


def _remove_article(content: Path) -> None:
    (content / "articles/kestrel-wire-lutsa-protest.yaml").unlink()


def _edit_template(templates: Path) -> None:
    _edit(templates / "pages/briefing.md.j2", "\n", "\n<!-- edited template -->\n")


EDITS = {
    "an article's title": (_retitle_article, None),
    "an actor's name": (_rename_actor, None),
    "a new article": (_add_article, None),
    "an article removed": (_remove_article, None),
    "a template": (None, _edit_template),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_serve_rebuild_gives_what_a_fresh_build_gives(tmp_path: Path, edit: str) -> None:
    content, templates = tmp_path / "content", tmp_path / "site_templates"
    shutil.copytree(REPO_ROOT / "tests/corpus", content)
    shutil.copytree(REPO_ROOT / "site_templates", templates)
    project, cache = Project(content, templates), BuildCache()
    before = {page.path: page for page in build_pages(project, cache=cache).pages}

    change_content, change_templates = EDITS[edit]
    if change_content:
        change_content(content)
    if change_templates:
        time.sleep(0.01)  # the template's mtime must be able to differ
        change_templates(templates)
    again = build_pages(project, cache=cache)
    fresh = build_pages(project)

    assert [(p.path, p.markdown) for p in again.pages] == [(p.path, p.markdown) for p in fresh.pages]
    reused = {page.path for page in again.pages if before.get(page.path) is page}
    changed = {page.path for page in fresh.pages if page.markdown != getattr(before.get(page.path), "markdown", None)}
    if edit == "an article's title":
        assert "briefings/harbor-ledger-tarvan-filling.md" in changed
        # Pages whose data holds the article are rendered again, even where it does not show it;
        # those of another briefing and of actors it does not name are kept as they were.
        assert {"briefings/harbor-ledger-commission-talks.md", "actors/sela-orvin.md"} <= reused
    elif edit in ("an actor's name", "a template"):
        assert not reused, "pages show actors by id and come from the templates: all are rendered again"


def test_a_serve_rebuild_after_an_error_recovers(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "tests/corpus", content)
    project, cache = Project(content, REPO_ROOT / "site_templates"), BuildCache()
    build_pages(project, cache=cache)
    article = content / "articles/harbor-ledger-tarvan-filling.yaml"
    good = article.read_text(encoding="utf-8")
    _edit(article, "title: ", "titel: ")
    with pytest.raises(ContentError, match="unknown field 'titel'"):
        build_pages(project, cache=cache)
    article.write_text(good, encoding="utf-8")
    again = build_pages(project, cache=cache)
    assert [p.markdown for p in again.pages] == [p.markdown for p in build_pages(project).pages]


def test_under_serve_the_data_files_follow_the_pages(tmp_path: Path) -> None:
    """`mkdocs serve --dirty`: the rebuilt page shows the edit, then the feeds catch up in the background."""
    project = _project(tmp_path)
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        article = next((project / "content/articles").glob("*.yaml"))
        _edit(article, "title: ", "title: Edited under serve ")
        time.sleep(0.05)
        build(
            load_config(str(project / "mkdocs.yml"), site_dir=str(site)), serve_url="http://127.0.0.1:8000/", dirty=True
        )

        page = (site / "briefings" / article.stem / "index.html").read_text(encoding="utf-8")
        assert "Edited under serve " in page
        feed = site / "feeds/briefings.xml"
        wait_until(lambda: "Edited under serve " in feed.read_text(encoding="utf-8"), "the edited title in the feed")
    finally:
        config.plugins.on_shutdown()


def test_under_serve_the_search_filters_follow_an_edit(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` reads only the pages an edit changed; the counts the search box shows
    (pagefind/filter-counts.json) must still be those of the whole site."""
    project = _project(tmp_path)
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    counts = site / "pagefind/filter-counts.json"
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        wait_until(lambda: counts.is_file(), "the first search index")
        before = json.loads(counts.read_text(encoding="utf-8"))
        on_topic = before["topic"]["Russia–North Korea military ties"]
        assert on_topic > 1, before
        article = project / "content/articles/2024-04-15-us-allies-north-korea-sanctions.yaml"
        _edit(article, "  - russia-north-korea-military-ties\n", "")
        time.sleep(0.05)
        build(
            load_config(str(project / "mkdocs.yml"), site_dir=str(site)), serve_url="http://127.0.0.1:8000/", dirty=True
        )
        # One briefing left that topic; every other count, of pages not rebuilt, stays.
        expected = {**before, "topic": {**before["topic"], "Russia–North Korea military ties": on_topic - 1}}
        wait_until(lambda: json.loads(counts.read_text(encoding="utf-8")) == expected, "the counts after the edit")
    finally:
        config.plugins.on_shutdown()


def test_under_serve_a_broken_save_does_not_lose_the_data_files_of_the_edit_before(tmp_path: Path) -> None:
    """A rebuild stops the data files' writer of the build before; if the content of that rebuild
    has errors, the writer comes back, and the feeds still catch up with the last edit that built."""
    project = _project(tmp_path)
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    article = next((project / "content/articles").glob("*.yaml"))
    good_edit = article.read_text(encoding="utf-8").replace("title: ", "title: Edited before a slip ", 1)

    def rebuild() -> None:
        time.sleep(0.05)
        build(
            load_config(str(project / "mkdocs.yml"), site_dir=str(site)), serve_url="http://127.0.0.1:8000/", dirty=True
        )

    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        article.write_text(good_edit, encoding="utf-8")
        rebuild()
        article.write_text(good_edit.replace("title: ", "titel: ", 1), encoding="utf-8")
        rebuild()  # within the 2 s before the first edit's data files were to be written
        assert "unknown field 'titel'" in (site / "_preview/problems.json").read_text(encoding="utf-8")
        feed = site / "feeds/briefings.xml"
        wait_until(lambda: "Edited before a slip " in feed.read_text(encoding="utf-8"), "the first edit in the feed")
    finally:
        config.plugins.on_shutdown()


# ---------------------------------------------------------------------------------------------
# `make serve` runs `mkdocs serve --dirty`: MkDocs then rewrites only the pages whose source
# changed, and would warn that navigation and links may be wrong. They must not be.

URL = "http://127.0.0.1:8000/"


def _html(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def _tabs(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return [" ".join(tab.split()) for tab in re.findall(r'class="md-tabs__link">(.*?)</a>', html, re.S)]


def test_under_serve_dirty_every_page_is_what_a_clean_build_makes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = _project(tmp_path, REPO_ROOT / "tests/corpus")
    site, content = project / "site", project / "content"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)

    def rebuild(dirty: bool) -> dict[str, bytes]:
        time.sleep(0.05)  # mtimes must be able to differ
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)), serve_url=URL, dirty=dirty)
        return _html(site)

    try:
        build(config, serve_url=URL, dirty=True)
        # An edit that changes one page: the navigation's pages are not rewritten, nor read by MkDocs.
        _edit(content / "articles/harbor-ledger-tarvan-filling.yaml", "summary: |\n", "summary: |\n  Edited.\n")
        caplog.clear()
        dirty = rebuild(dirty=True)
        complaints = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert not complaints, complaints
        briefing = site / "briefings/harbor-ledger-tarvan-filling/index.html"
        assert "Edited." in briefing.read_text(encoding="utf-8")
        assert _tabs(briefing) == ["Home", "Briefings", "Actors", "Topics", "Timeline"]
        clean = rebuild(dirty=False)
        assert [path for path in clean if dirty[path] != clean[path]] == []

        # Pages added, removed, renamed everywhere.
        _retitle_article(content)
        _rename_actor(content)
        _add_article(content)
        _remove_article(content)
        dirty = rebuild(dirty=True)
        assert "briefings/kestrel-wire-lutsa-protest/index.html" not in dirty
        clean = rebuild(dirty=False)
        assert dirty.keys() == clean.keys()
        assert [path for path in clean if dirty[path] != clean[path]] == []

        # mkdocs.yml and the theme are on every page: a change to them is a change to every page.
        name = load_config(str(project / "mkdocs.yml")).site_name  # whatever the project calls itself
        settings = project / "mkdocs.yml"
        edited = re.sub(
            r"^site_name:.*$", f"site_name: {json.dumps('Edited ' + name)}", settings.read_text(), flags=re.M
        )
        settings.write_text(edited)
        dirty = rebuild(dirty=True)
        clean = rebuild(dirty=False)
        assert [path for path in clean if dirty[path] != clean[path]] == []
        assert f"Edited {name}" in dirty["actors/index.html"].decode()
    finally:
        config.plugins.on_shutdown()
