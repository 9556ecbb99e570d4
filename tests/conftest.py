"""Fixtures shared by the test modules."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import http.server
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import settings
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, ViewportSize, sync_playwright
from playwright.sync_api import Error as PlaywrightError

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# As root, with no network: no sandbox, and none of Chromium's own calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# Tests never pin what content/ holds: it is the user's, and changes with every contribution. They pin
# frozen corpora: the sample as it was shipped (tests/sample/), and a small one of their own (tests/corpus/).
# What any content/ must satisfy is checked in tests/test_content.py.
SAMPLE_CONTENT = REPO_ROOT / "tests" / "sample"
CORPUS = REPO_ROOT / "tests" / "corpus"
USER_CONTENT = REPO_ROOT / "content"
HOSTILE = REPO_ROOT / "tests" / "hostile"
DRAWING = REPO_ROOT / "tests" / "drawing"  # events known to the day, month or year, for the drawn timeline


# Markers given here, so that few tests have to remember them: a test that builds a whole site (with a
# fixture, or by calling a build or `serve`) is 'slow' (those that build through a helper say so); one
# that drives Chromium is 'browser'. `make test-fast` leaves both out.
_BUILT = {
    "built_site",
    "built_corpus",
    "hostile_site",
    "drawing_site",
    "site_250",
    "corpus_250",  # 250 articles: a big render
    "served",  # what `make serve` runs, building the site first (tests/test_serve.py)
}
_CHROMIUM = {"browser", "tabs", "desktop", "phone"}
_BUILDS = re.compile(r"\b(build_site|_generator_build|mkdocs_build|build)\(|\"(build|serve)\"")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & _CHROMIUM:
            item.add_marker(pytest.mark.browser)
        if (
            names & _BUILT
            or item.get_closest_marker("builders")  # Zensical and ProperDocs build whole sites
            or any(_builds(code) for code in _code_of(item))
        ):
            item.add_marker(pytest.mark.slow)


@functools.cache
def _builds(function: Any) -> bool:
    """Whether a test's or a fixture's code calls a build (read once per function, not once per test)."""
    return _BUILDS.search(inspect.getsource(function)) is not None


def _code_of(item: pytest.Item) -> list[Any]:
    """The test's function and those of the fixtures it uses (a module's fixture may build a site)."""
    info = getattr(item, "_fixtureinfo", None)
    fixtures = [d.func for defs in (info.name2fixturedefs.values() if info else ()) for d in defs]
    return [code for code in [getattr(item, "function", None), *fixtures] if inspect.isfunction(code)]


# Hypothesis gives each example 200 ms by default, and fails a property test that a loaded machine
# (two pytest-xdist workers, Chromium) slows past it once: the property tests check what the code
# does, and time is measured where it is the point (`make fuzz`'s budget per kilobyte, benchmarks/).
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


# Golden files (tests/golden/, tests/cases/): compared with, or rewritten by `make golden` alone.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files with what the code makes now, instead of comparing (what `make golden` runs)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether a golden test rewrites its golden file (`make golden`) rather than compares with it.

    UPDATE_GOLDEN, which refreshed them once, fails them: left set in a shell, it would make them
    rewrite what they are meant to check, and pass.
    """
    update = bool(request.config.getoption("--update-golden"))
    if os.environ.get("UPDATE_GOLDEN") and not update:
        pytest.fail(
            "UPDATE_GOLDEN is set in the environment, but only `make golden` rewrites the golden files: "
            "unset it (unset UPDATE_GOLDEN) to compare with them, or run `make golden` to refresh them",
            pytrace=False,
        )
    return update


def run_generator(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator ARGS` from the repository root, capturing its output."""
    return run_python("-m", "generator", *args, timeout=timeout)


def run_python(
    *args: str | Path, cwd: Path = REPO_ROOT, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python ARGS`, with ``env`` added to the environment, capturing its output."""
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def run_program(name: str, *args: str | Path, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m tests.programs.NAME ARGS` (tests/programs/), from ``cwd``, capturing its output."""
    return run_python("-m", f"tests.programs.{name}", *args, cwd=cwd, env={"PYTHONPATH": str(REPO_ROOT)})


def copy_project(root: Path, content: Path | None = SAMPLE_CONTENT) -> Path:
    """Make ``root`` a project of its own: mkdocs.yml, the templates, and ``content`` as its content/ (None: none)."""
    shutil.copytree(REPO_ROOT / "site_templates", root / "site_templates")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if content is not None:
        shutil.copytree(content, root / "content")
    return root


@dataclass(frozen=True)
class BuiltSite:
    """A site built by `python -m generator build --strict`, and what the build said."""

    root: Path
    content: Path
    stdout: str
    stderr: str


def build_site(site_dir: Path, content: Path | None = None, project: Path = REPO_ROOT) -> BuiltSite:
    """Build ``content`` (default: the frozen sample, tests/sample/) into ``site_dir`` with --strict.

    With ``project`` and no ``content``, build that project as it is, its own content/ included.
    Fails the calling test if the build exits non-zero or prints a MkDocs WARNING.
    """
    if project != REPO_ROOT and content is None:
        what, options = project / "content", []
    else:
        what = content or SAMPLE_CONTENT
        options = ["--content", what]
    result = run_python("-m", "generator", "build", "--strict", *options, "--site-dir", site_dir, cwd=project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"building {what} exited {result.returncode}:\n{output}"
    assert "WARNING" not in output, f"building {what} printed warnings:\n{output}"
    assert (site_dir / "index.html").is_file(), f"building {what} wrote no {site_dir}/index.html:\n{output}"
    return BuiltSite(site_dir, what, result.stdout, result.stderr)


def build_once(tmp_path_factory: pytest.TempPathFactory, name: str, content: Path) -> BuiltSite:
    """``content``'s site, built once per test run: the first worker (pytest-xdist) to ask builds it
    while the others wait, then every one reads it. Tests read a shared site and never change it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    shared = root / f"built-{name}"
    with (root / f"built-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        record = shared / "built.json"
        if not record.is_file():
            built = build_site(shared / "site", content)
            record.write_text(json.dumps({"stdout": built.stdout, "stderr": built.stderr}), encoding="utf-8")
    said = json.loads(record.read_text(encoding="utf-8"))
    return BuiltSite(shared / "site", content, said["stdout"], said["stderr"])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The frozen sample's site (tests/sample/), built once per test run."""
    return build_once(tmp_path_factory, "sample", SAMPLE_CONTENT)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The hostile content's site (tests/hostile/): what it holds must reach the pages as text only."""
    return build_once(tmp_path_factory, "hostile", HOSTILE)


@pytest.fixture(scope="session")
def drawing_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """tests/drawing/'s site: the drawn timelines, and headlines that hold actors' aliases."""
    return build_once(tmp_path_factory, "drawing", DRAWING)


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The test corpus (tests/corpus/), built once per test run."""
    return build_once(tmp_path_factory, "corpus", CORPUS)


@pytest.fixture(scope="session")
def corpus_250() -> Path:
    """The benchmarks' synthetic corpus of 250 articles (benchmarks/make_corpus.py, deterministic).

    Made once, into .cache/, for every test and every worker of this run and the next ones: again
    only when make_corpus.py changes. Tests read it and never change it.
    """
    recipe = REPO_ROOT / "benchmarks" / "make_corpus.py"
    cached = REPO_ROOT / ".cache" / f"corpus-250-{hashlib.sha256(recipe.read_bytes()).hexdigest()[:16]}"
    if not cached.is_dir():
        cached.parent.mkdir(exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=".corpus-250-", dir=cached.parent))
        subprocess.run([sys.executable, str(recipe), "250", str(partial / "content")], check=True, timeout=120)
        with contextlib.suppress(OSError):  # another worker was first: its copy is the same bytes
            partial.rename(cached)
        shutil.rmtree(partial, ignore_errors=True)
    return cached / "content"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves quietly, and never lets the browser keep an answer: the tests' pages share one browser
    context (`tabs`), and a site rebuilt, or another served on a port used before, must be fetched anew."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


@contextlib.contextmanager
def serve_site(root: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 and a free port; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright: one for the whole test session."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` to install Debian's Chromium", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


# ---------------------------------------------------------------------------------------------
# Pages in Chromium, as a reader at a desk or on a phone opens them

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}
HOST = "127.0.0.1"


@dataclass
class PageLog:
    """What a page did while loading: console errors, uncaught errors, requests elsewhere."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("request", self._request)

    def assert_clean(self, where: str) -> None:
        assert not self.console_errors, f"console errors on {where}: {self.console_errors}"
        assert not self.page_errors, f"uncaught errors on {where}: {self.page_errors}"
        assert not self.foreign_requests, f"{where} requested other hosts: {self.foreign_requests}"

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def _request(self, request: Request) -> None:
        host = urlsplit(request.url).hostname
        if host is not None and host != HOST:  # data: and blob: URLs have no host
            self.foreign_requests.append(request.url)


# A page has settled once it has loaded and drawn every part under its headings (assets/sections.js
# draws them one per idle frame after load): what a test reads or measures then is what a reader sees.
# Waiting for that, not for the network to fall quiet for half a second, is both exact and quicker.
SETTLED = "document.readyState === 'complete' && !document.querySelector('.page-section:not(.page-section--drawn)')"


def settle(page: Page) -> None:
    """Wait until ``page`` has settled (SETTLED)."""
    page.wait_for_function(SETTLED)


def visit(page: Page, url: str) -> Response | None:
    """Open ``url`` in ``page`` and wait until it has settled; the answer to its request."""
    response = page.goto(url, wait_until="load")
    settle(page)
    return response


# Search results: every link of a result (the page's, then its best sections'), or the pages' alone.
RESULT_LINKS = ".md-search-result__item a.md-search-result__link"
DOCUMENT_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"


def search_results(page: Page, selector: str = RESULT_LINKS) -> list[tuple[str, str]]:
    """The search results once the latest query's are all shown (assets/search.js keeps the list
    aria-busy until then), as (path#fragment, text) pairs, best first. Fails if none come."""
    page.wait_for_selector(f".md-search-result__list:not([aria-busy]) {selector}")
    read = page.locator(selector).evaluate_all("links => links.map(l => [l.getAttribute('href'), l.innerText])")
    return [(_path_and_fragment(href), text) for href, text in read]


def _path_and_fragment(href: str) -> str:
    url = urlsplit(href)
    return url.path + (f"#{url.fragment}" if url.fragment else "")


class Tabs:
    """Pages opened as tabs of one browser context, a fresh page for each test.

    A page in a new context costs 0.82 CPU-seconds to load, a tab of a context kept open 0.21 to 0.43
    (the test corpus's pages in Debian's Chromium 156: a renderer process started and warmed each time).
    A blank tab stays open as long as the context: a tab opened into a context with none open costs
    about twice as much (a profile page, loaded and searched: 2.4 CPU-seconds against 1.4).
    Tabs share no answer (the test server forbids keeping one) and no storage (cleared as a tab closes);
    a test that needs a context of its own (scripts off, say) makes one with ``browser.new_context``.
    """

    def __init__(self, browser: Browser) -> None:
        self.context = browser.new_context()
        self._blank = self.context.new_page()

    @contextlib.contextmanager
    def open(self, viewport: ViewportSize) -> Iterator[tuple[Page, PageLog]]:
        """A new tab at ``viewport``, logging what it does; closed, its site's storage cleared, on leaving."""
        page = self.context.new_page()
        page.set_viewport_size(viewport)
        page.set_default_timeout(15_000)
        log = PageLog()
        log.attach(page)
        try:
            yield page, log
        finally:
            if page.url.startswith("http"):
                with contextlib.suppress(PlaywrightError):  # a page that crashed or never loaded holds nothing
                    page.evaluate("localStorage.clear()")
            page.close()


@pytest.fixture(scope="session")
def tabs(browser: Browser) -> Iterator[Tabs]:
    """The session's browser context, in which each test opens its pages (`Tabs.open`)."""
    opened = Tabs(browser)
    yield opened
    opened.context.close()


@pytest.fixture
def desktop(tabs: Tabs) -> Iterator[tuple[Page, PageLog]]:
    with tabs.open(DESKTOP) as opened:
        yield opened


@pytest.fixture
def phone(tabs: Tabs) -> Iterator[tuple[Page, PageLog]]:
    with tabs.open(PHONE) as opened:
        yield opened
