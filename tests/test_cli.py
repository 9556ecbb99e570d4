from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import ACTORS, REPO, article, write_tree


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_check_passes_on_the_sample_content() -> None:
    result = run("check", cwd=REPO)
    assert result.returncode == 0
    assert result.stdout == "content: 1 articles, 14 actors, 4 topics, 5 events: ok\n"
    assert result.stderr == ""


def test_check_prints_every_error_with_a_fix_and_exits_1(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            **ACTORS,
            "content/articles/a.yaml": article(extra="actors: [rusia]\ntopics: [sanction]\n"),
            "content/articles/b.yaml": article(published="15 April 2024"),
            "content/actors/china.yaml": "name: China\nkind: nation\n",
        },
    )
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "content/actors/china.yaml:2:7: error: unknown kind 'nation' (use one of: person, country, organization)",
        "content/articles/a.yaml:6:10: error: unknown actor 'rusia' (did you mean 'russia'?)",
        "content/articles/a.yaml:7:10: error: unknown topic 'sanction' (did you mean 'sanctions'?)",
        "content/articles/b.yaml:4:14: error: '15 April 2024' is not a date: write '2024-04-15'",
        "4 errors, 0 warnings in 3 files",
    ]


def test_warnings_are_printed_and_the_check_still_passes(tmp_path: Path) -> None:
    events = "  - date: 2024-05-01\n    title: Talks scheduled\n"
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(events=events)})
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/articles/a.yaml:7:11: warning: event 'Talks scheduled' is dated 2024-05-01, "
        "after the article was published (2024-04-15); fine for a scheduled event",
        "0 errors, 1 warning in 1 file",
    ]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("publish", cwd=tmp_path).returncode == 2
    assert run(cwd=tmp_path).returncode == 2
    assert run("render", cwd=tmp_path).returncode == 2  # --out is required


def test_a_missing_content_folder_is_one_clear_error(tmp_path: Path) -> None:
    result = run("check", "--content", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "nowhere:1:1: error: content folder not found",
        "1 error, 0 warnings in 1 file",
    ]


def test_render_writes_the_markdown_pages(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    result = run(
        "render",
        "--content",
        str(REPO / "tests/corpus"),
        "--templates",
        str(REPO / "site_templates"),
        "--out",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote 19 pages and 36 data files to {out}\n"
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.md"))
    assert len(written) == 19
    assert "actors/norvessa.md" in written and "timeline.md" in written
    assert (out / "briefings/kestrel-wire-lutsa-protest.md").read_text().startswith("---\ntitle: ")
