"""The way out of MkDocs: `render --standalone` builds with Zensical and ProperDocs, and `index` adds search.

`make builders` runs these alone. Each builder builds the same standalone folder of the test
corpus, as it is; `python -m generator index` then writes the search index into what it built.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import CORPUS, DESKTOP, REPO_ROOT, Tabs, run_generator, run_program, serve_site, visit
from tests.test_search import search
from tests.test_site import broken_links

pytestmark = pytest.mark.builders

BIN = Path(sys.executable).parent
HOSTILE = REPO_ROOT / "tests" / "hostile"
# Each builder, run in the standalone folder: it writes the site to site/.
BUILDERS = {
    "zensical": [BIN / "zensical", "build", "--clean"],
    "properdocs": [BIN / "properdocs", "build", "--strict", "-q", "-f", "mkdocs.yml", "-d", "site"],
}


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("standalone") / "out"
    result = run_generator("render", "--content", CORPUS, "--out", out, "--standalone")
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def built(request: pytest.FixtureRequest, standalone: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The standalone folder as one builder built it, with the search index `index` wrote."""
    folder = shutil.copytree(standalone, tmp_path_factory.mktemp(request.param) / "out")
    result = subprocess.run(BUILDERS[request.param], cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    indexed = run_generator("index", folder / "site")
    assert indexed.returncode == 0, indexed.stderr
    # 3 briefings, 8 profiles, 3 topics, 6 events: not the lists, the timeline or the home page.
    assert indexed.stdout.startswith(f"indexed 20 pages of {folder / 'site'} for search in ")
    return folder / "site"


def test_the_standalone_folder_holds_the_settings_without_our_plugins(standalone: Path) -> None:
    config = yaml.safe_load((standalone / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == []
    assert config["hooks"] == ["hooks/links.py"]
    assert config["docs_dir"] == "docs"
    assert config["theme"]["custom_dir"] == "overrides"
    assert config["extra"]["search"] is True
    assert (standalone / "overrides/main.html").is_file()
    assert (standalone / "docs/assets/search.js").is_file()
    assert (standalone / "docs/api/v1/openapi.json").is_file()


def test_every_page_is_built(built: Path) -> None:
    docs = built.parent / "docs"
    pages = [p.relative_to(docs).with_suffix("") for p in docs.rglob("*.md")]
    assert len(pages) == 25  # 3 briefings, 8 profiles, 3 topics, 6 events and 5 lists
    missing = [
        str(page)
        for page in pages
        if not (built / (page.parent if page.name == "index" else page) / "index.html").is_file()
    ]
    assert missing == []


def test_every_internal_link_resolves(built: Path) -> None:
    checked, broken = broken_links(built)
    assert checked > 300, f"only {checked} internal links found"
    assert broken == [], f"{len(broken)} broken internal links:\n" + "\n".join(broken[:40])


@pytest.fixture
def built_url(built: Path) -> Iterator[str]:
    with serve_site(built) as url:
        yield url


@pytest.mark.browser
def test_search_finds_an_actor_by_its_alias(tabs: Tabs, built_url: str) -> None:
    with tabs.open(DESKTOP) as (page, log):
        visit(page, built_url + "/")
        results = search(page, "Кестревия")
        assert results and results[0][0] == "/actors/kestrevia/", results
        log.assert_clean("a search on a site another builder built")


def test_the_build_runs_on_properdocs_without_mkdocs(tmp_path: Path) -> None:
    """ProperDocs answers MkDocs' imports when MkDocs is not installed (generator/mkdocs/__init__.py)."""
    result = run_program(
        "generator_without_mkdocs", "build", "--strict", "--content", CORPUS, "--site-dir", tmp_path / "site"
    )
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="mkdocs-ProperDocs ' in home
    _, broken = broken_links(tmp_path / "site")
    assert broken == []
    assert (tmp_path / "site/pagefind/pagefind-entry.json").is_file()


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_hostile_content_runs_nothing_on_a_site_another_builder_built(builder: str, tmp_path: Path) -> None:
    """Sanitized and escaped before the Markdown is written: no builder can skip it (generator/standalone.py)."""
    out = tmp_path / "out"
    result = run_generator("render", "--content", HOSTILE, "--out", out, "--standalone")
    assert result.returncode == 0, result.stderr
    built = subprocess.run(BUILDERS[builder], cwd=out, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    pages = sorted((out / "site").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for payload in ("<script>window.pwned", "<img src=x onerror", "<b onmouseover", "<iframe", "<details open"):
            assert payload not in html, f"{page.relative_to(out)} holds {payload!r}"


def test_index_says_when_the_folder_is_not_a_built_site(tmp_path: Path) -> None:
    result = run_generator("index", tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"error: {tmp_path} is not a built site (it has no index.html): build it first\n"
