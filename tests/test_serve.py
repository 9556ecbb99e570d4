"""Under `mkdocs serve`, saving a YAML file rebuilds the pages from it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.helpers import REPO


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
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if needle in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {needle!r}")


def test_editing_an_actor_file_reloads_its_profile(tmp_path: Path) -> None:
    for name in ("content", "site_templates"):
        shutil.copytree(REPO / name, tmp_path / name)
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
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
