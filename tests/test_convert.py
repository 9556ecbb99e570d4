"""A full build converts the generated pages in worker processes (generator/mkdocs/convert.py): same site, same log."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.mkdocs.convert import _RAW_BLOCK, render_with_html_aside
from generator.pages.emit import write_pages
from generator.pipeline import Project, build_pages
from tests.conftest import REPO_ROOT, SAMPLE_CONTENT, copy_project, run_program
from tests.test_safety import _tree_bytes


def _build(
    mode: str, site: Path, project: Path = REPO_ROOT, *options: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, int]]:
    if project == REPO_ROOT:
        options = ("--content", str(SAMPLE_CONTENT), *options)  # the frozen sample, never content/
    result = run_program("counted_conversion", mode, "build", "--site-dir", site, *options, cwd=project)
    counts = json.loads(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else {}
    return result, counts


def _pages(site: Path) -> dict[str, bytes]:
    """The site without Pagefind's index, whose filter files differ from run to run (Pagefind/pagefind#638)."""
    return {path: data for path, data in _tree_bytes(site).items() if not path.startswith("pagefind/")}


@pytest.fixture(scope="module")
def in_line(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    site = tmp_path_factory.mktemp("convert") / "in-line"
    result, counts = _build("in-line", site)
    assert result.returncode == 0, result.stderr
    assert counts == {"worker": 0, "here": 0}  # no workers, so nobody asked them
    return _pages(site)


@pytest.mark.slow  # builds whole sites
@pytest.mark.parametrize("mode", ["forked", "failing", "dying"])
def test_the_site_is_the_same_whoever_converted_its_pages(mode: str, in_line: dict[str, bytes], tmp_path: Path) -> None:
    """Pages converted by a worker, or left to MkDocs when the worker failed on them or died,
    give the bytes of a build in one process."""
    result, counts = _build(mode, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # The sample's 67 generated pages, each asked for once, make 34 chunks (of two, the last of one). This
    # process converts every other chunk, the odd ones (34 pages), and a worker the others (17 chunks, 33 pages).
    # Failing, the worker leaves the 12 profiles of its chunks of profiles to MkDocs; dying, all but its first chunk.
    worker = {"forked": 33, "failing": 33 - 12, "dying": 2}[mode]
    assert counts == {"worker": worker, "here": 67 - worker}
    assert _pages(tmp_path / "site") == in_line


@pytest.mark.slow  # builds whole sites
def test_a_warning_from_a_page_the_helper_converted_is_logged_once_and_counts_under_strict(tmp_path: Path) -> None:
    """A template mistake that links to a page that is not there: MkDocs warns once per page, in the
    order of a build in one process, and --strict stops the build, whichever process converted it."""
    project = copy_project(tmp_path / "project")
    for template in sorted((project / "site_templates/pages").glob("*.md.j2")):
        template.write_text(template.read_text(encoding="utf-8") + "\n[gone](missing.md)\n", encoding="utf-8")
    logs = {}
    for mode in ("forked", "in-line"):
        result, counts = _build(mode, tmp_path / mode, project, "--strict")
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        if mode == "forked":
            assert counts["worker"] == 33, counts
        logs[mode] = [line for line in result.stderr.splitlines() if "missing.md" in line]
    assert logs["forked"] == logs["in-line"]
    assert len(logs["forked"]) == 67  # one per generated page
    assert len(set(logs["forked"])) == 67
    assert not (tmp_path / "forked").exists() and not (tmp_path / "in-line").exists()


def _mkdocs_pages(tree: str, docs: Path) -> tuple[list[Page], Any, Files]:
    """The generated pages of a content tree as MkDocs pages, their Markdown read."""
    build = build_pages(Project(REPO_ROOT / tree, REPO_ROOT / "site_templates"))
    write_pages(build.pages, docs)
    config = load_config(str(REPO_ROOT / "mkdocs.yml"), docs_dir=str(docs))
    files = Files([File(page.path, str(docs), config.site_dir, config.use_directory_urls) for page in build.pages])
    pages = [Page(None, file, config) for file in files.documentation_pages()]
    for page in pages:
        page.read_source(config)
    return pages, config, files


def _between_tags(html: str) -> str:
    return re.sub(r">\s+<", "><", html)


@pytest.mark.parametrize("tree", ["tests/sample", "tests/corpus"])
def test_raw_html_set_aside_converts_to_what_markdown_makes_of_it(tree: str, tmp_path: Path) -> None:
    """Every page, converted with the templates' raw HTML set aside, has the HTML and the anchors
    that MkDocs gives it (but for whitespace between tags)."""
    pages, config, files = _mkdocs_pages(tree, tmp_path)
    asides = 0
    for page in pages:
        Page.render(page, config, files)
        expected, anchors = page.content, page.present_anchor_ids
        render_with_html_aside(page, config, files)
        assert _between_tags(page.content or "") == _between_tags(expected or ""), page.file.src_uri
        assert page.present_anchor_ids == anchors, page.file.src_uri
        asides += len(_RAW_BLOCK.findall(page.markdown or ""))
    assert asides > 50, "the test proves nothing: the pages hold no raw HTML"


def test_a_block_that_does_not_come_back_whole_is_converted_as_it_is(tmp_path: Path) -> None:
    """A line of attributes right after a block would glue onto its stand-in paragraph."""
    pages, config, files = _mkdocs_pages("tests/sample", tmp_path)
    page = next(p for p in pages if p.file.src_uri == "timeline.md")
    page.markdown = (page.markdown or "").replace("</ul>\n", "</ul>\n{ .glued }\n", 1)
    Page.render(page, config, files)
    expected = page.content
    render_with_html_aside(page, config, files)
    assert page.content == expected
    assert "briefingrawhtmlblock" not in (page.content or "")
