"""Small helpers shared by the tests: write a content tree from a {path: text} dict, wait for something,
run a command of the generator in this process."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator.cli import main

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write each file under ``root``; return ``root``."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


ACTORS = {
    "content/actors/russia.yaml": "name: Russia\nkind: country\naliases: [Moscow]\n",
    "content/actors/north-korea.yaml": "name: North Korea\nkind: country\naliases: [Pyongyang, DPRK]\n",
    "content/topics/sanctions.yaml": "name: Sanctions\n",
}


def article(published: str = "2024-04-15", events: str = "", extra: str = "") -> str:
    """A minimal valid article, with optional events and other fields appended."""
    text = f"title: A report\nsource:\n  publisher: Wire\n  published: {published}\nsummary: What happened.\n"
    if events:
        text += "events:\n" + events
    return text + extra


def content_files(content: Path, kind: str) -> int:
    """How many files of a kind ('articles', 'actors', 'topics') a content tree has."""
    return len(list((content / kind).glob("*.yaml")))


def page_count(content: Path) -> int:
    """How many pages a content tree makes: one per article, actor, topic and event, and five indexes
    (home, briefings, actors, topics, timeline) while no list is long enough to be split."""
    from generator.pipeline import check_content

    events = len(check_content(content)[0].events)
    return 5 + events + sum(content_files(content, kind) for kind in ("articles", "actors", "topics"))


def wait_until(check: Callable[[], T], what: str, seconds: float = 60, every: float = 0.1) -> T:
    """Call ``check`` every ``every`` seconds until it returns something true, and return that.

    Fails the test, naming ``what`` it waited for, if nothing true came within ``seconds``: a
    poll that times out never hands back what it had so far.
    """
    deadline = time.monotonic() + seconds
    while not (found := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds:g} s for {what}: it never came")
        time.sleep(every)
    return found


@dataclass(frozen=True)
class Ran:
    """What a command said and how it ended, as a process would show it."""

    returncode: int
    stdout: str
    stderr: str


def run_main(*args: str | Path, cwd: Path, stdin: bytes = b"") -> Ran:
    """Run ``python -m generator ARGS`` in this process, from ``cwd``: its exact output and exit code.

    As sqlite-utils' CLI tests do: no process is started, so a test takes milliseconds, not the
    second an interpreter and the imports take. Tests that need a real process (a terminal, a
    signal, a shell that runs what was printed) start one.
    """
    # Text streams over bytes, as a process has: a command may write bytes to sys.stdout.buffer.
    stdout, stderr = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    here, typed = Path.cwd(), sys.stdin
    os.chdir(cwd)
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                code = main([str(arg) for arg in args])
            except SystemExit as exit:  # argparse's usage errors and --help
                code = exit.code if isinstance(exit.code, int) else 1
    finally:
        os.chdir(here)
        sys.stdin = typed
    return Ran(code, _written(stdout), _written(stderr))


def _written(stream: io.TextIOWrapper) -> str:
    stream.flush()
    written = stream.buffer
    assert isinstance(written, io.BytesIO)
    return written.getvalue().decode("utf-8")


@contextlib.contextmanager
def hearing_sigint() -> Iterator[None]:
    """Start a child process that hears SIGINT, as a command run from a terminal does. A shell that
    runs a command in the background without job control (`make test &`, some CI runners) ignores
    SIGINT in it, and what that starts inherits it: the child would never see the Ctrl-C a test sends.
    Call it from the main thread (where Python sets signal handlers)."""
    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
