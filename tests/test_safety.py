"""Hostile and broken input: nothing from content runs, nothing outside the site is written, nothing is lost."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator import checkpoint
from generator.pages.emit import DataFolder, replace_directory
from generator.pipeline import Project, build_pages
from tests.conftest import (
    DESKTOP,
    REPO_ROOT,
    SAMPLE_CONTENT,
    BuiltSite,
    Tabs,
    copy_project,
    serve_site,
    visit,
)
from tests.helpers import hearing_sigint, wait_until


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
    [names] = re.findall(r'<p data-pagefind-weight="\d+">(.*?)</p>', profile)  # more for more briefings
    assert "&lt;img src=x onerror=window.pwned=2&gt;" in names and "<" not in names, names
    assert (hostile_site.root / "pagefind/pagefind.js").is_file()
    briefing = (hostile_site.root / "briefings/hostile-report/index.html").read_text(encoding="utf-8")
    assert (
        "Hello &lt;script&gt;window.pwned = 21&lt;/script&gt; <strong>bold</strong>" in briefing
    )  # text, Markdown kept
    assert "<title>Report &lt;/title&gt;&lt;script&gt;" in briefing


def test_hostile_pages_run_no_script_of_the_content(hostile_site: BuiltSite, tabs: Tabs) -> None:
    dialogs: list[str] = []
    with serve_site(hostile_site.root) as base:
        for path in sorted(hostile_site.root.rglob("index.html")):
            url = base + "/" + path.parent.relative_to(hostile_site.root).as_posix() + "/"
            with tabs.open(DESKTOP) as (page, log):
                page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
                visit(page, url.replace("/./", "/"))
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
    assert dialogs == []


def _tree_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# Pagefind writes its filter indexes in an order of its own, different on each run (Pagefind
# issue 638): those files, and the two that name them, have new names on each build.
_UNSTABLE = re.compile(r"pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)")


def _stable(tree: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in tree.items() if not _UNSTABLE.fullmatch(path)}


def _generator_build(site: Path, project: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator build` of ``project`` into ``site``, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_same_content_gives_byte_identical_sites(tmp_path: Path) -> None:
    sites = []
    project = copy_project(tmp_path / "project")
    for seed in ("1", "2"):
        site = tmp_path / f"site-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1713139200"}
        result = _generator_build(site, project, env=env)
        assert result.returncode == 0, result.stderr
        sites.append(_tree_bytes(site))
    counts = [len(site) - len(_stable(site)) for site in sites]
    assert counts[0] == counts[1] > 0, counts
    stable = [_stable(site) for site in sites]
    assert stable[0].keys() == stable[1].keys()
    assert [path for path in stable[0] if stable[0][path] != stable[1][path]] == []
    assert any(path.startswith("pagefind/fragment/") for path in stable[0])  # the bulk of the index is stable


def test_the_listing_order_of_the_file_system_does_not_matter(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    project = Project(REPO_ROOT / "tests/corpus", REPO_ROOT / "site_templates")
    forward = build_pages(project, DataFolder(tmp_path / "forward"))
    listing = Path.iterdir
    monkeypatch.setattr(Path, "iterdir", lambda self: iter(sorted(listing(self), reverse=True)))
    backward = build_pages(project, DataFolder(tmp_path / "backward"))
    assert (backward.corpus, backward.pages, backward.warnings) == (forward.corpus, forward.pages, forward.warnings)
    assert [data.path for data in backward.data_files] == [data.path for data in forward.data_files]
    assert [data.file.read_bytes() for data in backward.data_files] == [
        data.file.read_bytes() for data in forward.data_files
    ]


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
    project = copy_project(tmp_path / "project")
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


def test_a_broken_template_leaves_the_site_as_it_was(built_site: BuiltSite, tmp_path: Path) -> None:
    site = Path(shutil.copytree(built_site.root, tmp_path / "site"))
    before = _tree_bytes(site)
    project = copy_project(tmp_path / "project")
    (project / "site_templates/pages/actor.md.j2").write_text("{{ undefined_name }}")
    result = _generator_build(site, project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert _tree_bytes(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def _interrupted_at(
    point: str, signum: int, command: list[str], tmp_path: Path, **popen: object
) -> tuple[subprocess.Popen[str], str]:
    """Run ``command`` until the build reaches the checkpoint ``point`` (generator/checkpoint.py), send
    ``signum`` there, let it go on; return the process, ended, and what it printed on stderr."""
    tmp_path.mkdir()
    held = tmp_path / "held"
    env = {**os.environ, checkpoint.AT: point, checkpoint.FILE: str(held)}
    with hearing_sigint():
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stderr=subprocess.PIPE, text=True, **popen)  # type: ignore[call-overload]
    wait_until(lambda: held.exists() or process.poll() is not None, f"the build to reach {point}", seconds=120)
    assert process.poll() is None, f"the build ended before {point}: {process.communicate()[1]}"
    process.send_signal(signum)
    held.unlink()
    _, stderr = process.communicate(timeout=60)
    return process, stderr


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize(
    ("point", "new_site"),
    [("generated", False), ("swapped", True)],
    ids=["before-mkdocs-the-old-site", "after-the-swap-the-new-site"],
)
def test_an_interrupted_build_never_leaves_a_half_written_site(
    built_site: BuiltSite, tmp_path: Path, point: str, new_site: bool, signum: int
) -> None:
    """Stopped while it makes the pages, the build leaves the old site; stopped while it swaps the
    new site in, it finishes the swap first (the signals are held) and the new site is whole."""
    site = tmp_path / "site"
    shutil.copytree(built_site.root, site)
    (site / "stale.html").write_text("from the old build", encoding="utf-8")  # only the old site has it
    before = _tree_bytes(site)
    command = [sys.executable, "-m", "generator", "build", "--content", str(SAMPLE_CONTENT), "--site-dir", str(site)]
    process, stderr = _interrupted_at(point, signum, command, tmp_path / "signal")
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    after = _tree_bytes(site)
    if new_site:
        assert stderr.splitlines()[-1] == f"interrupted once {site} was replaced: it holds the new one, whole"
        assert "stale.html" not in after
        assert _stable(after) == _stable(_tree_bytes(built_site.root))
    else:
        assert stderr.splitlines()[-1] == "interrupted: nothing was changed"
        assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["signal", "site"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_of_many_pages_leaves_the_site_and_no_process_behind(
    corpus_250: Path, tmp_path: Path, signum: int
) -> None:
    """Past a few hundred pages, parsing, rendering, the data files and the conversion go to worker
    processes: a stop while they work leaves the old site, and stops every one of them."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the old site", encoding="utf-8")
    command = [sys.executable, "-m", "generator", "build", "--content", str(corpus_250), "--site-dir", str(site)]
    process, stderr = _interrupted_at(
        "workers", signum, [*command, "--jobs", "2"], tmp_path / "signal", start_new_session=True
    )
    assert process.returncode == 130, stderr
    assert stderr.splitlines()[-1] == "interrupted: nothing was changed"
    assert _tree_bytes(site) == {"index.html": b"the old site"}
    assert "Traceback" not in stderr
    # The workers, Pagefind: all in the build's process group.
    wait_until(lambda: not _group_alive(process.pid), "every process of the build to end", seconds=5)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["signal", "site"]


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True
