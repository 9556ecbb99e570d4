"""What reaches a terminal is shown as written: no escape sequence runs, no line poses as a diagnostic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.diagnostics import Diagnostic, Severity, printable
from tests.helpers import ACTORS, article, write_tree


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words, ünïcode, 한국어", "plain words, ünïcode, 한국어"),
        ("two\nlines", "two lines"),
        ("tab\tand\r\nbreak\u2028here", "tab and  break here"),
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),
        ("title\x1b]0;owned\x07", "title\\x1b]0;owned\\x07"),
        ("nul\x00 del\x7f csi\x9b", "nul\\x00 del\\x7f csi\\x9b"),
        ("\u202egnp.exe", "\\u202egnp.exe"),
    ],
)
def test_printable_keeps_text_on_one_line_and_writes_control_characters_as_codes(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_a_diagnostic_is_one_line_whatever_its_message_quotes() -> None:
    fake = "Talks\ncontent/actors/x.yaml:1:1: error: \x1b[31mfake"
    diagnostic = Diagnostic("content/articles/a.yaml", 7, 11, Severity.WARNING, f"event '{fake}' is dated later")
    assert str(diagnostic) == (
        "content/articles/a.yaml:7:11: warning: event 'Talks content/actors/x.yaml:1:1: error: \\x1b[31mfake'"
        " is dated later"
    )


def test_check_prints_a_title_over_two_lines_on_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    events = '  - date: 2024-05-01\n    title: "Talks\\ncontent/actors/x.yaml:1:1: error: fake"\n'
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(events=events)})
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 0
    assert capsys.readouterr().err.splitlines() == [
        "content/articles/a.yaml:7:11: warning: event 'Talks content/actors/x.yaml:1:1: error: fake' is dated"
        " 2024-05-01, after the article was published (2024-04-15); fine for a scheduled event",
        "0 errors, 1 warning in 1 file",
    ]


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path) -> None:
    """`list actors | head -1`: the pipe closes early; the command stops quietly with 141, as other tools do."""
    actors = {f"content/actors/a{n:04}.yaml": f"name: Actor {n} {'x' * 60}\nkind: person\n" for n in range(2000)}
    write_tree(tmp_path, actors)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "list", "actors"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"a0000\tperson\tActor 0 ")
    process.stdout.close()
    error = process.stderr.read().decode()
    assert (process.wait(timeout=60), error) == (141, "")
