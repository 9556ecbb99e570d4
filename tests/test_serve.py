"""Under `mkdocs serve`, saving a YAML file rebuilds the pages from it, and a mistake shows in the
browser where the contributor is looking (generator/mkdocs/preview.py)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.mkdocs.serve import HostGuard
from tests.conftest import PageLog, copy_project
from tests.helpers import REPO, hearing_sigint, wait_until


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    return wait_until(lambda: page if needle in (page := fetch(url)) else "", f"{url} to show {needle!r}", seconds, 0.3)


def test_editing_an_actor_file_reloads_its_profile(tmp_path: Path) -> None:
    copy_project(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/actors/russia/"
        marker = "Edited while serving"
        assert marker not in wait_for(url, "Russia")
        actor = tmp_path / "content/actors/russia.yaml"
        actor.write_text(
            actor.read_text(encoding="utf-8") + f"links:\n  - title: {marker}\n    url: https://example.org/\n",
            encoding="utf-8",
        )
        page = wait_for(url, marker)
        assert 'href="https://example.org/"' in page
    finally:
        server.terminate()
        server.wait(timeout=10)


# ---------------------------------------------------------------------------------------------
# Mistakes in the browser: what `make serve` runs (`mkdocs serve --dirty`), and Chromium.

SHOWN_WITHIN_MS = (
    8_000  # issue 19: the file and the reason within 8 s of the save, the page again within 8 s of the fix
)


def _make_serve(port: int) -> tuple[dict[str, str], list[str]]:
    """The environment and the command `make serve` runs, on ``port``."""
    recipe = re.search(r"^serve: .*\n\t(.+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe is not None, "the Makefile has no serve target"
    words = shlex.split(recipe[1].replace("127.0.0.1:8000", f"127.0.0.1:{port}"))
    settings = dict(word.split("=", 1) for word in words if "=" in word and not word.startswith("-"))
    command = [word for word in words if word.split("=", 1)[0] not in settings]
    assert command[0] == "$(VENV)/bin/mkdocs", command
    return {**os.environ, **settings}, [sys.executable, "-m", "mkdocs", *command[1:]]


@contextlib.contextmanager
def _serving(project: Path) -> Iterator[tuple[str, Path]]:
    """What `make serve` runs, on ``project``: yield its address, and the file its output goes to."""
    port, log = free_port(), project / "serve.log"
    environment, command = _make_serve(port)
    with log.open("wb") as out:
        with hearing_sigint():  # stopped with it, as Ctrl-C
            server = subprocess.Popen(command, cwd=project, env=environment, stdout=out, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/actors/russia/", "Russia")
            yield base, log
        finally:
            server.send_signal(signal.SIGINT)  # as Ctrl-C: serve removes its temporary site
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@dataclass(frozen=True)
class Served:
    project: Path  # a clone of the repository's content, templates and mkdocs.yml
    base: str  # the server's address
    output: Path  # what it prints


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """What `make serve` runs, on a clone of the project."""
    copy_project(tmp_path)
    with _serving(tmp_path) as (base, output):
        yield Served(tmp_path, base, output)


def _replace(path: Path, old: str, new: str) -> int:
    """Replace ``old`` with ``new`` in the file; return the number of the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _said(page: Page) -> list[str]:
    return page.locator(".preview-errors .preview-said").all_inner_texts()


@pytest.mark.browser
def test_a_mistake_shows_over_the_page_the_contributor_looks_at_and_the_fix_takes_it_away(
    served: Served, desktop: tuple[Page, PageLog]
) -> None:
    page, log = desktop
    actor = served.project / "content/actors/russia.yaml"
    page.goto(f"{served.base}/actors/russia/")
    assert page.locator("h1").first.inner_text().startswith("Russia")

    line = _replace(actor, "kind: country", "kind: nation")
    page.wait_for_selector(".preview-errors", timeout=SHOWN_WITHIN_MS)
    expected = (
        f"content/actors/russia.yaml:{line}:7: error: unknown kind 'nation' (use one of: person, country, organization)"
    )
    assert _said(page) == [expected]
    assert page.locator(".preview-line--at").inner_text().split() == [str(line), "kind:", "nation"]
    checked = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=served.project, capture_output=True, text=True, check=False
    )
    summary = checked.stderr.splitlines()[-1]  # what `check` says of the same files: '1 error, N warnings in M files'
    assert summary.startswith("1 error, ")
    assert page.locator(".preview-more").inner_text() == f"{summary} (make check lists them all)"
    assert page.locator("h1").first.inner_text().startswith("Russia"), "the last good page, under the errors"

    _replace(actor, "kind: nation", "kind: country")
    page.wait_for_selector(".preview-errors", state="detached", timeout=SHOWN_WITHIN_MS)
    assert page.locator("h1").first.inner_text().startswith("Russia")
    log.assert_clean(page.url)
    printed = served.output.read_text(encoding="utf-8", errors="replace")
    assert expected in printed.splitlines()
    assert "WARNING" not in printed, printed
    assert "dirty" not in printed, printed


@pytest.mark.browser
def test_a_new_file_with_a_mistake_shows_its_errors_instead_of_a_404(
    served: Served, phone: tuple[Page, PageLog]
) -> None:
    page, _ = phone
    envoy, base = served.project / "content/actors/new-envoy.yaml", served.base
    # A value with HTML in it is text, in the overlay as everywhere.
    envoy.write_text("name: A New Envoy\nkind: <img src=x onerror=window.hacked=1>\n", encoding="utf-8")
    wait_for(f"{base}/_preview/problems.json", "new-envoy.yaml")
    page.goto(f"{base}/actors/new-envoy/")
    page.wait_for_selector(".preview-errors", timeout=SHOWN_WITHIN_MS)
    assert _said(page) == [
        "content/actors/new-envoy.yaml:2:7: error: unknown kind '<img src=x onerror=window.hacked=1>' "
        "(use one of: person, country, organization)"
    ]
    assert page.locator(".preview-errors img").count() == 0
    assert page.evaluate("window.hacked") is None
    # Legible on a phone: nothing wider than the screen, text at a readable size.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.evaluate("innerWidth")
    box = page.locator(".preview-errors").bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] <= 390
    size = page.locator(".preview-said").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 13

    _replace(envoy, "kind: <img src=x onerror=window.hacked=1>", "kind: person")
    page.wait_for_selector("h1:has-text('A New Envoy')", timeout=SHOWN_WITHIN_MS)
    assert page.locator(".preview-errors").count() == 0


@pytest.mark.browser
def test_a_warning_shows_as_a_quieter_note_on_the_page_of_its_file(
    served: Served, desktop: tuple[Page, PageLog]
) -> None:
    page, log = desktop
    name = "2024-04-15-us-allies-north-korea-sanctions"
    page.goto(f"{served.base}/briefings/{name}/")
    assert page.locator(".preview-note").count() == 0
    line = _replace(served.project / f"content/articles/{name}.yaml", 'date: "2024-04-15"', 'date: "2024-05-20"')
    page.wait_for_selector(".preview-note", timeout=SHOWN_WITHIN_MS)
    [said] = page.locator(".preview-note .preview-said").all_inner_texts()
    assert said.startswith(f"content/articles/{name}.yaml:{line}:11: warning: event '")
    assert said.endswith(
        "is dated 2024-05-20, after the article was published (2024-04-15); fine for a scheduled event"
    )
    assert page.locator(".preview-errors").count() == 0
    page.goto(f"{served.base}/actors/russia/")
    assert page.locator(".preview-note").count() == 0, "a note shows on the pages of its file only"
    log.assert_clean(page.url)


def _status(url: str, host: str) -> tuple[int, str]:
    """The status and body of a GET of ``url`` sent with the Host header ``host``."""
    request = urllib.request.Request(url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_the_preview_answers_only_for_the_address_it_serves(served: Served) -> None:
    port = served.base.rsplit(":", 1)[1]
    problems = f"{served.base}/_preview/problems.json"
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        assert _status(problems, host)[0] == 200
    # A page elsewhere that points a name of its own at 127.0.0.1 (DNS rebinding) sends that name.
    for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1:{int(port) + 1}", ""):
        status, body = _status(problems, host)
        assert (status, body) == (421, "421 Misdirected Request: this server answers only for the address it serves\n")
        assert _status(f"{served.base}/actors/russia/", host)[0] == 421


@pytest.mark.parametrize(
    ("address", "host", "answered"),
    [
        (("127.0.0.1", 8000), "127.0.0.1:8000", True),
        (("127.0.0.1", 8000), "localhost:8000", True),
        (("127.0.0.1", 8000), "[::1]:8000", True),
        (("127.0.0.1", 8000), "LOCALHOST:8000", True),
        (("127.0.0.1", 8000), "127.0.0.1:8001", False),
        (("127.0.0.1", 8000), "127.0.0.1", False),
        (("127.0.0.1", 8000), "rebound.example:8000", False),
        (("127.0.0.1", 8000), "127.0.0.1:8000@evil", False),
        (("127.0.0.1", 8000), "", False),
        (("127.0.0.1", 80), "localhost", True),
        (("192.168.1.5", 8000), "192.168.1.5:8000", True),
        (("192.168.1.5", 8000), "localhost:8000", False),
        (("0.0.0.0", 8000), "192.168.1.5:8000", True),
        (("0.0.0.0", 8000), "localhost:8000", True),
        (("0.0.0.0", 8000), "rebound.example:8000", False),
        (("::1", 8000, 0, 0), "[::1]:8000", True),
        (("::1", 8000, 0, 0), "::1:8000", False),
    ],
)
def test_the_host_guard_knows_the_names_of_the_address_served(
    address: tuple[object, ...], host: str, answered: bool
) -> None:
    server = type("Server", (), {"server_address": address})()
    assert HostGuard(lambda environ, start: [b""], server).is_served(host) is answered


def test_the_preview_shows_nothing_behind_a_link_and_never_waits_on_a_pipe(served: Served, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text("name: OUTSIDE-THE-CONTENT-7f3a\nkind: country\n", encoding="utf-8")
    (served.project / "content/actors/aaa.yaml").symlink_to(secret)
    (served.project / "content/actors/stdin.yaml").symlink_to("/dev/stdin")
    os.mkfifo(served.project / "content/topics/pipe.yaml")
    shown = json.loads(wait_for(f"{served.base}/_preview/problems.json", "pipe.yaml"))
    assert [(error["where"], error["lines"]) for error in shown["errors"]] == [
        ("content/actors/aaa.yaml:1:1", []),
        ("content/actors/stdin.yaml:1:1", []),
        ("content/topics/pipe.yaml:1:1", []),
    ]
    assert "OUTSIDE-THE-CONTENT" not in json.dumps(shown)
    assert "Russia" in fetch(f"{served.base}/actors/russia/")  # the last good pages, still answered
