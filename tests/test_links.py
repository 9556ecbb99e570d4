"""Links, named pipes and devices in the content: refused with a message, never followed or read.

The trees hold real symbolic links, to a file holding a secret and to a folder of files from
outside the content, and real named pipes: the check, the site, the preview, `new` and `draft`
show nothing of what they lead to, write nothing through them, and never wait on a pipe.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.diagnostics import ContentError
from generator.content.load import ContentFileError, open_content_file, read_content_file, read_lines
from generator.mkdocs.preview import PROBLEMS, Preview
from generator.pipeline import check_content
from tests.helpers import ACTORS, REPO, article, write_tree

SECRET = "OUTSIDE-THE-CONTENT-7f3a"
LINK_FILE = "this file is a symbolic link, and links are not followed in the content folder: copy the file here instead"
LINK_FOLDER = (
    "this folder is a symbolic link, and links are not followed in the content folder:"
    " make it a folder of its own, with the files in it"
)
PIPE = "this is a named pipe (FIFO), not a file: content files are plain YAML files"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # A pipe that is opened waits for a writer: the timeout fails the test instead of hanging it.
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose content links to a secret file and a folder outside it, and holds pipes."""
    outside = write_tree(
        tmp_path / "outside",
        {
            "secret.yaml": f"name: {SECRET}\nkind: country\n",
            "articles/leak.yaml": article(extra=f"key_points: [{SECRET}]\n"),
        },
    )
    root = write_tree(tmp_path / "project", {**ACTORS})
    content = root / "content"
    (content / "actors" / "aaa.yaml").symlink_to(outside / "secret.yaml")
    (content / "actors" / "stdin.yaml").symlink_to("/dev/stdin")
    (content / "articles").symlink_to(outside / "articles", target_is_directory=True)
    os.mkfifo(content / "topics" / "pipe.yaml")
    return root


EXPECTED = [
    f"content/actors/aaa.yaml:1:1: error: {LINK_FILE}",
    f"content/actors/stdin.yaml:1:1: error: {LINK_FILE}",
    f"content/articles:1:1: error: {LINK_FOLDER}",
    f"content/topics/pipe.yaml:1:1: error: {PIPE}",
    "4 errors, 0 warnings in 4 files",
]


def test_check_refuses_links_and_pipes_with_a_message_and_shows_nothing_behind_them(project: Path) -> None:
    result = run("check", cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == EXPECTED
    assert SECRET not in result.stderr


def test_the_site_is_not_built_and_shows_nothing_behind_the_links(project: Path) -> None:
    result = run("render", "--out", "pages", "--templates", str(REPO / "site_templates"), cwd=project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[1:] == EXPECTED  # after the note that there is no mkdocs.yml
    assert not (project / "pages").exists()


def test_the_preview_shows_the_errors_and_not_a_line_behind_the_links(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)  # diagnostics name files as a contributor in the project types them
    with pytest.raises(ContentError) as raised:
        check_content(Path("content"))
    preview = Preview()
    preview.failed(raised.value, Path("content"))
    preview.write(tmp_path / "site")
    shown = json.loads((tmp_path / "site" / PROBLEMS).read_text(encoding="utf-8"))
    assert [(error["where"], error["message"], error["lines"]) for error in shown["errors"]] == [
        ("content/actors/aaa.yaml:1:1", LINK_FILE, []),
        ("content/actors/stdin.yaml:1:1", LINK_FILE, []),
        ("content/articles:1:1", LINK_FOLDER, []),
        ("content/topics/pipe.yaml:1:1", PIPE, []),
    ]
    assert SECRET not in json.dumps(shown)


def test_the_preview_reads_no_line_of_a_link_a_pipe_or_a_file_outside_the_content(project: Path) -> None:
    content = project / "content"
    assert read_lines(content, str(content / "actors" / "russia.yaml"), 1, 0) == ((1, "name: Russia"),)
    for shown in (
        "actors/aaa.yaml",
        "actors/stdin.yaml",
        "articles/leak.yaml",
        "topics/pipe.yaml",
        "../../outside/secret.yaml",
    ):
        assert read_lines(content, str(content / shown), 1, 2) == ()


@pytest.mark.parametrize(
    ("relative", "where", "message"),
    [
        ("actors/aaa.yaml", "actors/aaa.yaml", LINK_FILE),
        ("actors/stdin.yaml", "actors/stdin.yaml", LINK_FILE),
        ("articles/leak.yaml", "articles", LINK_FOLDER),
        ("topics/pipe.yaml", "topics/pipe.yaml", PIPE),
        ("topics", "topics", "this is a folder, not a file: content files are plain YAML files"),
        ("../outside/secret.yaml", "../outside/secret.yaml", "this is not inside the content folder"),
        ("actors/gone.yaml", "actors/gone.yaml", "not found: check the path"),
    ],
)
def test_the_content_opener_refuses_all_but_a_regular_file_inside_the_content(
    project: Path, relative: str, where: str, message: str
) -> None:
    content = project / "content"
    with pytest.raises(ContentFileError) as raised:
        read_content_file(content, relative)
    assert (raised.value.path, raised.value.message) == (content / where, message)


def test_the_content_opener_creates_no_file_through_a_link_or_over_one(project: Path, tmp_path: Path) -> None:
    content = project / "content"
    (content / "actors" / "dangling.yaml").symlink_to(tmp_path / "outside" / "made.yaml")
    for relative, message in [
        ("articles/new.yaml", LINK_FOLDER),
        ("actors/dangling.yaml", LINK_FILE),
        ("actors/russia.yaml", "this file already exists: edit it, or choose another id"),
    ]:
        with pytest.raises(ContentFileError) as raised:
            open_content_file(content, relative, create=True)
        assert raised.value.message == message
    assert sorted(p.name for p in (tmp_path / "outside").rglob("*")) == ["articles", "leak.yaml", "secret.yaml"]
    with open_content_file(content, "people/new.yaml", create=True) as file:
        file.write(b"name: New\n")
    assert (content / "people" / "new.yaml").read_text() == "name: New\n"
    assert (content / "people" / "new.yaml").stat().st_mode & 0o111 == 0  # a file to edit, not to run


def test_new_and_draft_write_nothing_through_a_linked_folder(project: Path, tmp_path: Path) -> None:
    result = run("new", "article", "fresh", cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: content/articles: {LINK_FOLDER}\n"
    (project / "content" / "actors").rename(project / "actors-real")
    (project / "content" / "actors").symlink_to(project / "actors-real", target_is_directory=True)
    (project / "story.txt").write_text(
        "Port talks resume\n\nTOKYO (Kyodo) -- Transport Minister Aiko Tanabe met Jonah Pell on Tuesday.\n",
        encoding="utf-8",
    )
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = run("draft", "story.txt", "--published", "2024-04-16", "--new-actors", "--out", "-", cwd=project)
    assert result.returncode == 2
    assert result.stderr == f"error: content/actors: {LINK_FOLDER}: nothing was written\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("kind", ["file", "loop"])
def test_a_content_option_that_is_not_a_folder_gives_a_message(tmp_path: Path, kind: str) -> None:
    if kind == "file":
        (tmp_path / "notes").write_text("not a folder\n")
        expected = "error: notes: this is a file, not a folder: move it out of the way\n"
    else:
        (tmp_path / "notes").symlink_to(tmp_path / "loop")
        (tmp_path / "loop").symlink_to(tmp_path / "notes")
        expected = f"error: notes: {LINK_FOLDER}\n"
    result = run("new", "actor", "x", "--content", "notes", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)
    result = run("check", "--content", "notes", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines()[0] == f"notes:1:1: error: {CHECKED[kind]}"


CHECKED = {"file": "this is a file, not the content folder: pass a folder with --content", "loop": LINK_FOLDER}


def test_draft_names_what_its_source_is_when_it_is_not_a_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder").mkdir()
    advice = "give a text file, a saved web page, - for standard input, or an http(s) address"
    for source, what in [
        ("pipe.txt", "is a named pipe (FIFO), not a file"),
        ("folder", "is a folder, not a file"),
        ("/dev/null", "is a device, not a file"),
        ("gone.txt", "not found"),
    ]:
        result = run("draft", source, "--published", "2024-04-15", cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: {source} {what}: {advice}\n")
