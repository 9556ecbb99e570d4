"""`init`: a fresh clone becomes an empty briefing of its own, and nobody's work is deleted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.content.starter import name_site, pages_address, write_manifest
from generator.pipeline import Project, build_pages
from tests.conftest import REPO_ROOT, SAMPLE_CONTENT, copy_project
from tests.helpers import Ran, run_main

NEXT_STEPS = """\
next:
  1. a first topic:   .venv/bin/python -m generator new topic eu-ai-act
  2. a first article: .venv/bin/python -m generator draft https://example.com/a-report --new-actors
     (or a saved page or text file); write its summary, and resolve what the draft marks for review
  3. check it:        make check   (make serve shows the site at http://127.0.0.1:8000 as you edit)
  4. publish:         push to main on GitHub, with Settings > Pages > Source set to 'GitHub Actions':
     CI tests and builds every commit, and GitHub Pages publishes it at https://OWNER.github.io/REPO/
README.md, "Start your own briefing", says more.
"""


def _shipped(tmp_path: Path) -> Path:
    """A clone as it ships: the sample in content/, with its manifest."""
    project = copy_project(tmp_path / "project")
    write_manifest(project / "content")
    return project


def _init(project: Path, *args: str) -> Ran:
    return run_main("init", *args, cwd=project)


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_empties_the_sample_and_names_the_site(tmp_path: Path) -> None:
    project = _shipped(tmp_path)
    before = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    result = _init(project, "--title", "EU AI Act briefing", "--description", "How the EU's AI Act is enforced: fines")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "emptied content: removed 11 articles, 26 actors and 4 topics\n"
        "named the site 'EU AI Act briefing' in mkdocs.yml\n" + NEXT_STEPS
    )
    assert _files(project / "content") == ["actors/.gitkeep", "articles/.gitkeep", "topics/.gitkeep"]
    after = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert after[:2] == [
        'site_name: "EU AI Act briefing"',
        'site_description: "How the EU\'s AI Act is enforced: fines"',
    ]
    assert after[2:] == before[2:]  # every other setting and comment as it was


def test_init_over_changed_content_refuses_and_keeps_every_file(tmp_path: Path) -> None:
    project = _shipped(tmp_path)
    russia = project / "content/actors/russia.yaml"
    russia.write_text(russia.read_text(encoding="utf-8") + "summary: Edited by a contributor.\n", encoding="utf-8")
    (project / "content/articles/2025-11-02-mine.yaml").write_text("title: Mine\n", encoding="utf-8")
    before = {path: (project / "content" / path).read_bytes() for path in _files(project / "content")}
    config = (project / "mkdocs.yml").read_bytes()
    result = _init(project, "--title", "EU AI Act briefing")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "error: content holds 2 files that the sample did not ship, or changed:\n"
        "  content/actors/russia.yaml\n"
        "  content/articles/2025-11-02-mine.yaml\n"
        "nothing was changed. To remove them too, run: "
        ".venv/bin/python -m generator init --title 'EU AI Act briefing' --force\n"
    )
    assert {path: (project / "content" / path).read_bytes() for path in _files(project / "content")} == before
    assert (project / "mkdocs.yml").read_bytes() == config
    forced = _init(project, "--title", "EU AI Act briefing", "--force")
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout.startswith("emptied content: removed 12 articles, 26 actors and 4 topics\n")
    assert _files(project / "content") == ["actors/.gitkeep", "articles/.gitkeep", "topics/.gitkeep"]


def test_init_without_a_manifest_takes_content_for_somebodys_work(tmp_path: Path) -> None:
    """Content replaced wholesale (no manifest): every file is somebody's, and stays."""
    project = copy_project(tmp_path / "project")
    result = _init(project, "--title", "Mine")
    assert result.returncode == 1
    assert result.stderr.startswith("error: content holds 41 files that the sample did not ship, or changed:\n")
    assert "  and 31 more files\nnothing was changed." in result.stderr
    assert len(_files(project / "content")) == 41


def test_init_on_an_empty_briefing_only_renames_it(tmp_path: Path) -> None:
    project = _shipped(tmp_path)
    assert _init(project, "--title", "First").returncode == 0
    again = _init(project, "--title", "Second")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(
        "emptied content: removed 0 articles, 0 actors and 0 topics\nnamed the site 'Second'"
    )
    assert (project / "mkdocs.yml").read_text(encoding="utf-8").startswith('site_name: "Second"\n')


def test_init_needs_a_title_and_a_project(tmp_path: Path) -> None:
    assert _init(_shipped(tmp_path), "--title", "  ").stderr == (
        "error: --title is empty: give the site a name, such as --title 'EU AI Act briefing'\n"
    )
    elsewhere = _init(tmp_path, "--title", "T")
    assert (elsewhere.returncode, elsewhere.stderr) == (
        2,
        "error: mkdocs.yml not found: run init from the project folder\n",
    )


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("site_name: Old\nsite_description: Old one\nnav: []\n", 'site_name: "New: a \\"title\\""\nsite_description: "D"\nnav: []\n'),
        ("nav: []\n", 'site_name: "New: a \\"title\\""\nsite_description: "D"\nnav: []\n'),  # absent: added on top
        ("# site_name: in a comment\nsite_name: Old\n", '# site_name: in a comment\nsite_name: "New: a \\"title\\""\nsite_description: "D"\n'),
    ],
)  # fmt: skip
def test_name_site_sets_two_settings_and_keeps_the_rest(config: str, expected: str) -> None:
    assert name_site(config, 'New: a "title"', "D") == expected


@pytest.mark.parametrize(
    ("origin", "address"),
    [
        ("https://github.com/newsroom/ai-act.git", "https://newsroom.github.io/ai-act/"),
        ("git@github.com:Newsroom/ai-act.git", "https://newsroom.github.io/ai-act/"),
        ("ssh://git@github.com/newsroom/ai-act", "https://newsroom.github.io/ai-act/"),
        ("https://github.com/newsroom/newsroom.github.io", "https://newsroom.github.io/"),
        ("https://gitlab.com/newsroom/ai-act.git", None),
        ("", None),
    ],
)
def test_the_published_address_comes_from_a_github_origin(origin: str, address: str | None) -> None:
    assert pages_address(origin) == address


def test_an_empty_briefings_home_page_says_how_to_add_the_first_article(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    home = {
        page.path: page.markdown
        for page in build_pages(Project(tmp_path / "content", REPO_ROOT / "site_templates")).pages
    }
    text = home["index.md"]
    assert "## Start here" in text and "## Latest briefings" not in text and "<ul>\n</ul>" not in text
    assert "`.venv/bin/python -m generator draft ADDRESS-OR-FILE --new-actors`" in text
    full = {p.path: p.markdown for p in build_pages(Project(SAMPLE_CONTENT, REPO_ROOT / "site_templates")).pages}[
        "index.md"
    ]
    assert "## Start here" not in full and "## Latest briefings" in full


def test_init_takes_a_link_or_a_pipe_for_somebodys_and_never_reads_it(tmp_path: Path) -> None:
    project = _shipped(tmp_path)
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: Secret\nkind: person\n", encoding="utf-8")
    (project / "content/actors/linked.yaml").symlink_to(secret)
    os.mkfifo(project / "content/articles/pipe.yaml")
    result = _init(project, "--title", "T")
    assert result.returncode == 1
    assert "  content/actors/linked.yaml\n  content/articles/pipe.yaml\n" in result.stderr
    forced = _init(project, "--title", "T", "--force")
    assert forced.returncode == 0, forced.stderr
    assert secret.read_text(encoding="utf-8") == "name: Secret\nkind: person\n"  # the link went, not its target
    assert _files(project / "content") == ["actors/.gitkeep", "articles/.gitkeep", "topics/.gitkeep"]
