"""Hostile and broken input: nothing from content runs, nothing outside the site is written, nothing is lost."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from playwright.sync_api import Browser

from generator import cli
from generator.pages.emit import replace_directory
from generator.pipeline import build_pages
from tests.conftest import DESKTOP, REPO_ROOT, BuiltSite, build_site, open_page, run_python, serve_site

HOSTILE = REPO_ROOT / "tests" / "hostile"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_site(tmp_path_factory.mktemp("hostile") / "site", HOSTILE)


class _ArticleScan(HTMLParser):
    """Collect what the content area of a page holds that could run: tags, handlers, URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in ("script", "style", "iframe", "object", "embed", "img", "details", "abbr", "form"):
            self.found.append(f"<{tag}>")
        # The only SVGs are the generator's own drawings (relation graphs, timelines); nothing in them may load or run anything.
        drawings = ("graph-drawing", "timeline-svg timeline-svg--fit", "timeline-svg timeline-svg--wide")
        if tag == "svg" and dict(attrs).get("class") not in drawings:
            self.found.append("<svg>")
        if tag in ("foreignobject", "use", "image", "animate", "set"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src") and value and re.match(r"\s*(javascript|data|vbscript):", value, re.I):
                self.found.append(f"{tag}[{name}={value}]")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1


def test_hostile_content_reaches_the_html_as_text_only(hostile_site: BuiltSite) -> None:
    pages = sorted(hostile_site.root.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        scan = _ArticleScan()
        scan.feed(html)
        assert scan.found == [], f"{page.relative_to(hostile_site.root)} holds {scan.found}"
        assert "<script>window.pwned" not in html, f"{page.relative_to(hostile_site.root)} holds a content script"
    # An actor's names and aliases go into its profile, hidden, for search (Pagefind) to weight: as text.
    profile = (hostile_site.root / "actors/mallory/index.html").read_text(encoding="utf-8")
    [names] = re.findall(r'<p data-pagefind-weight="10">(.*?)</p>', profile)
    assert "&lt;img src=x onerror=window.pwned=2&gt;" in names and "<" not in names, names
    assert (hostile_site.root / "pagefind/pagefind.js").is_file()
    briefing = (hostile_site.root / "briefings/hostile-report/index.html").read_text(encoding="utf-8")
    assert (
        "Hello &lt;script&gt;window.pwned = 21&lt;/script&gt; <strong>bold</strong>" in briefing
    )  # text, Markdown kept
    assert "<title>Report &lt;/title&gt;&lt;script&gt;" in briefing


def test_hostile_pages_run_no_script_of_the_content(hostile_site: BuiltSite, browser: Browser) -> None:
    dialogs: list[str] = []
    with serve_site(hostile_site.root) as base:
        for path in sorted(hostile_site.root.rglob("index.html")):
            url = base + "/" + path.parent.relative_to(hostile_site.root).as_posix() + "/"
            page, log = open_page(browser, DESKTOP)
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            try:
                page.goto(url.replace("/./", "/"), wait_until="networkidle")
                # Fire what content handlers would wait for, on every element of the page body.
                page.evaluate(
                    """() => document.querySelectorAll('article *').forEach(element => {
                        for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error']) {
                            element.dispatchEvent(new Event(type, {bubbles: true}));
                        }
                    })"""
                )
                assert page.evaluate("typeof window.pwned") == "undefined", f"{url} ran content script"
                assert not log.page_errors, f"{url}: {log.page_errors}"
                assert not log.console_errors, f"{url}: {log.console_errors}"
                assert not log.foreign_requests, f"{url} requested {log.foreign_requests}"
            finally:
                page.context.close()
    assert dialogs == []


def _tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# Pagefind writes its filter indexes in an order of its own, different on each run (Pagefind
# issue 638): those files, and the two that name them, have new names on each build.
_UNSTABLE = re.compile(r"pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)")


def _stable(tree: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in tree.items() if not _UNSTABLE.fullmatch(path)}


def _generator_build(
    site: Path, project: Path = REPO_ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m generator build` of ``project`` into ``site``, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _copy_project(project: Path) -> Path:
    """A copy of the sample project (content, templates, mkdocs.yml) to change."""
    for name in ("content", "site_templates"):
        shutil.copytree(REPO_ROOT / name, project / name)
    (project / "mkdocs.yml").write_text((REPO_ROOT / "mkdocs.yml").read_text())
    return project


def test_the_same_content_gives_byte_identical_sites(tmp_path: Path) -> None:
    sites = []
    for seed in ("1", "2"):
        site = tmp_path / f"site-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1713139200"}
        result = _generator_build(site, env=env)
        assert result.returncode == 0, result.stderr
        sites.append(_tree_bytes(site))
    counts = [len(site) - len(_stable(site)) for site in sites]
    assert counts[0] == counts[1] > 0, counts
    stable = [_stable(site) for site in sites]
    assert stable[0].keys() == stable[1].keys()
    assert [path for path in stable[0] if stable[0][path] != stable[1][path]] == []
    assert any(path.startswith("pagefind/fragment/") for path in stable[0])  # the bulk of the index is stable


def test_the_listing_order_of_the_file_system_does_not_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    templates = REPO_ROOT / "site_templates"
    forward = build_pages(REPO_ROOT / "tests/corpus", templates)
    listing = Path.iterdir
    monkeypatch.setattr(Path, "iterdir", lambda self: iter(sorted(listing(self), reverse=True)))
    backward = build_pages(REPO_ROOT / "tests/corpus", templates)
    assert backward == forward


def test_a_failed_fill_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old")

    def fail(fresh: Path) -> None:
        (fresh / "index.html").write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        replace_directory(target, fail)
    assert _tree_bytes(target) == {"index.html": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_template_that_lets_html_through_still_cannot_run_it(tmp_path: Path, command: str) -> None:
    """The sanitizer is the second layer: a template mistake that writes raw HTML into a page
    gives text and harmless tags, not a script. In a full build it runs in the helper that
    converts the last pages (the profiles among them) as well as in the build's own process, and
    every page must get its own body; under serve it runs in line."""
    project = _copy_project(tmp_path / "project")
    template = project / "site_templates/pages/actor.md.j2"
    mistake = '<p>{{ actor.id }}<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"></p>\n\n'
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{{ m.export_links(exports) }}", mistake + "{{ m.export_links(exports) }}"
        )
    )
    site = tmp_path / "site"
    if command == "build":
        result = _generator_build(site, project)
        assert result.returncode == 0, result.stderr
    else:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=True)
        try:
            mkdocs_build(config, serve_url="http://127.0.0.1:8000/")
        finally:
            config.plugins.on_shutdown()
    profiles = sorted((site / "actors").glob("*/index.html"))
    assert len(profiles) == len(list((project / "content/actors").glob("*.yaml")))
    for profile in profiles:
        html = profile.read_text(encoding="utf-8")
        scan = _ArticleScan()
        scan.feed(html)
        assert scan.found == [], f"{profile.relative_to(site)} holds {scan.found}"
        # Its own body, sanitized: the mistake's text for this actor, and the profile's heading.
        assert f"<p>{profile.parent.name}</p>" in html, profile.relative_to(site)
        assert re.search(r'<h1 id="[^"]+">', html), profile.relative_to(site)


def test_a_broken_template_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    site = build_site(tmp_path / "site").root
    before = _tree_bytes(site)
    project = _copy_project(tmp_path / "project")
    (project / "site_templates/pages/actor.md.j2").write_text("{{ undefined_name }}")
    result = _generator_build(site, project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert _tree_bytes(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


@pytest.mark.parametrize("delay", [0.3, 0.6, 0.9, 1.2])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_never_leaves_a_half_written_site(tmp_path: Path, delay: float, signum: int) -> None:
    site = build_site(tmp_path / "site").root
    before = _tree_bytes(site)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(site)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr
    after = _tree_bytes(site)
    if process.returncode == 0:  # the build finished before the signal: a whole new site
        assert _stable(after).keys() == _stable(before).keys()
    else:
        assert process.returncode in (130, -signum), stderr
        # The old site, or (the signal came after the swap) the new one, byte-identical but for Pagefind's filters.
        assert _stable(after) == _stable(before) and len(after) == len(before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_stop_while_a_helper_is_let_go_of_lands_once_that_is_done() -> None:
    """multiprocessing cleans up after a helper in finalizers, where a stop would be printed as a
    traceback and lost: there, it waits until the helper is gone, and then stops the build."""
    from generator.fork import start_helper, stop_helper

    def idle(sender: object) -> None:
        time.sleep(60)

    helper, receiver = start_helper(idle)
    terminate = helper.terminate

    def stopped_meanwhile() -> None:
        os.kill(os.getpid(), signal.SIGINT)  # Python's own handler: KeyboardInterrupt
        terminate()

    helper.terminate = stopped_meanwhile  # type: ignore[method-assign]
    with pytest.raises(KeyboardInterrupt):
        stop_helper(helper, receiver)
    assert receiver.closed
    with pytest.raises(ValueError, match="process object is closed"):
        helper.is_alive()


def test_a_stop_during_a_fork_leaves_no_helper_running(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stop lands once the helper has started, before anyone holds it: start_helper stops it.
    A data-file writer left running would write into the site folder that the stop throws away."""
    from multiprocessing.context import ForkProcess

    from generator.fork import start_helper

    started: list[ForkProcess] = []
    start = ForkProcess.start

    def stopped_meanwhile(self: ForkProcess) -> None:
        start(self)
        started.append(self)
        os.kill(os.getpid(), signal.SIGINT)  # Python's own handler: KeyboardInterrupt

    def idle(sender: object) -> None:
        time.sleep(60)

    monkeypatch.setattr(ForkProcess, "start", stopped_meanwhile)
    with pytest.raises(KeyboardInterrupt):
        start_helper(idle)
    assert len(started) == 1
    with pytest.raises(ValueError, match="process object is closed"):
        started[0].is_alive()


def test_a_stop_that_lands_while_the_handlers_go_back_leaves_no_signal_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop that reached another thread runs its handler in this one as soon as the handler is
    back, in the middle of putting them back. The signals must not stay blocked: every process
    started after would inherit the mask and ignore Ctrl-C and SIGTERM (a leak that once made
    three later tests of this suite fail, by chance)."""
    from generator.stops import STOPS, stops_held

    put_back = signal.signal

    def lands_once_back(signum: int, handler: object) -> object:
        previous = put_back(signum, handler)  # type: ignore[arg-type]
        if handler is signal.default_int_handler:
            raise KeyboardInterrupt  # what the handler, now back, raises at once
        return previous

    try:
        with pytest.raises(KeyboardInterrupt), stops_held():
            monkeypatch.setattr(signal, "signal", lands_once_back)
        monkeypatch.undo()
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)  # should this fail, the tests after still get stops
    assert not blocked & set(STOPS)


# A build during which a stop lands inside a weakref callback, where Python prints it and goes on.
_LOST_STOP = """
import os, signal, sys, time, weakref
from generator.mkdocs import plugin as mkdocs_plugin
on_nav = mkdocs_plugin.BriefingPlugin.on_nav
class Dropped: pass
def stop_in_a_callback(ref):
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.5)  # the stop's handler raises in here
def on_nav_with_a_lost_stop(self, nav, **kwargs):
    dropped = Dropped()
    watch = weakref.ref(dropped, stop_in_a_callback)
    del dropped
    return on_nav(self, nav, **kwargs)
mkdocs_plugin.BriefingPlugin.on_nav = on_nav_with_a_lost_stop
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_stop_that_lands_in_a_callback_still_stops_the_build(tmp_path: Path) -> None:
    """It cannot stop the program where it lands; it is not printed, and the build ends as
    stopped once its pages are done: the old site stays."""
    site = build_site(tmp_path / "site").root
    before = _tree_bytes(site)
    result = run_python("-c", _LOST_STOP, "build", "--site-dir", site)
    assert result.returncode == 130, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "interrupted: nothing was changed"
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert _tree_bytes(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_stop_that_python_turns_into_another_error_still_ends_as_a_stop(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stop raises KeyboardInterrupt where the program stands; inside __set_name__ (while MkDocs'
    modules load, early in a build) Python 3.11 turns it into a RuntimeError. It must still end
    as a stop: exit 130, one line, no traceback."""

    class Field:
        def __set_name__(self, owner: type, name: str) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the stop's handler raises in here

    def build(*args: object) -> int:
        type("Config", (), {"field": Field()})
        return 0

    monkeypatch.setattr(cli, "_build", build)
    before = signal.getsignal(signal.SIGTERM)
    assert cli.main(["build"]) == cli.INTERRUPTED
    assert capsys.readouterr().err == "interrupted: nothing was changed\n"
    assert signal.getsignal(signal.SIGTERM) is before  # the command line gives the handlers back
