"""Under `mkdocs serve --dirty`, an edit rebuilds exactly the pages whose Markdown it changed."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import REPO_ROOT


def _project(tmp_path: Path) -> Path:
    for name in ("content", "site_templates"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name)
    shutil.copy(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


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
