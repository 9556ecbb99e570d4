"""Measure the scale goals of issue 6 and print them as one table (`make bench`).

    python benchmarks/run.py [--sizes 250,1000,4000] [--runs 3] [--large-runs 2] [--no-serve] [--draft-only]

Corpora come from benchmarks/make_corpus.py and are generated once into
benchmarks/.cache/ (again only when make_corpus.py or the seed changes). Every
measurement runs in a fresh process, one at a time (the machine has 2 cores), on a
copy of generator/, site_templates/ and mkdocs.yml taken at the start: the work tree
may change while the benchmark runs, and the figures must all be of one state.
The table goes to stdout and to benchmarks/results.md; the raw figures to
benchmarks/.cache/results.json.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CACHE = HERE / ".cache"
WORK = CACHE / "work"
CODE = WORK / "code"  # the snapshot of the code that is measured: cwd and PYTHONPATH of every run
CODE_PARTS = ("generator", "site_templates", "mkdocs.yml")
PY = sys.executable
sys.path.insert(0, str(HERE))

from make_corpus import DEFAULT_SEED, make_corpus  # noqa: E402

from generator.content.diagnostics import count  # noqa: E402

LARGE = 4000  # the size the absolute bars are set for
SERVE_SIZE = 1000
EDITS = 3
# A measurement is repeated up to --runs times, but not once its runs have taken this long:
# keeps `make bench` bounded while the generator is slow (each cell says how many runs it had).
REPEAT_BUDGET_S = 100.0
# An edit to one article touches its briefing, its actors, its topics and a few indexes: a few
# percent of the pages. More than this share rewritten means the rebuild is not incremental.
TOUCHED = 0.05

# `python -m generator render --content C --out DIR`, in a fresh interpreter, timing build_pages
# alone (load -> Markdown): the files it then writes are the MkDocs-alone baseline's docs_dir.
GENERATOR_SNIPPET = """
import json, sys, time
import generator.cli as cli
timed = []
build_pages = cli.build_pages
def timed_build_pages(*args, **kwargs):
    started = time.perf_counter()
    build = build_pages(*args, **kwargs)
    timed.append((time.perf_counter() - started, len(build.pages)))
    return build
cli.build_pages = timed_build_pages
code = cli.main(["render", "--content", sys.argv[1], "--templates", sys.argv[2], "--out", sys.argv[3]])
print(json.dumps({"seconds": timed[0][0], "pages": timed[0][1]}) if code == 0 and timed else "{}")
sys.exit(code)
"""


# Fixed workloads of the standard library alone, timed in a fresh interpreter at the start and the
# end of a run. They do not change with the code, so they tell how fast the machine was: this VM's
# speed varies by a third from one day to the next (the same 4,000-article build took 53 s one day
# and 61 to 79 s another), and figures from two runs compare only beside their reference times.
# "small" stays in the processor's caches; "large" sorts and indexes a million items (about 230 MB),
# as the 4,000-article runs walk a heap of hundreds of MB.
REFERENCE_SNIPPET = """
import json, re, time
words = re.compile(r"[a-z]+")
def small():
    records = [{"id": f"actor-{i}", "name": f"Actor {i} of {i % 97}", "tags": [str(j) for j in range(i % 9)]} for i in range(30000)]
    total = len(json.loads(json.dumps(records)))
    total += sum(len(words.findall(record["name"].lower())) for record in records)
    total += len("".join(f"<li>{record['name']}</li>" for record in sorted(records, key=lambda r: (r["name"], r["id"]))))
    return total
def large():
    items = [(i * 7919 % 1000003, str(i)) for i in range(1000000)]
    items.sort()
    index = dict(items)
    return sum(len(index.get(key, "")) for key in range(0, 1000003, 7))
def best(work, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)
print(json.dumps({"small": best(small, 5), "large": best(large, 3)}))
"""

Reference = dict[str, float]


def reference_seconds() -> Reference:
    """Time REFERENCE_SNIPPET's workloads (best of several) in a fresh interpreter; {} if it could not run."""
    completed = subprocess.run([PY, "-c", REFERENCE_SNIPPET], capture_output=True, text=True)
    if completed.returncode != 0:
        return {}
    return {name: float(seconds) for name, seconds in json.loads(completed.stdout).items()}


def describe_reference(reference: Reference) -> str:
    return " and ".join(f"{name} {fmt(reference.get(name), 3, ' s')}" for name in ("small", "large"))


def snapshot_code() -> str:
    """Copy the code and templates to measure into CODE; return their fingerprint."""
    shutil.rmtree(CODE, ignore_errors=True)
    CODE.mkdir(parents=True)
    for name in CODE_PARTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, CODE / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(REPO / name, CODE / name)
    return fingerprint(CODE)


def fingerprint(root: Path) -> str:
    """A short hash of the code and templates, to tell results of different states apart."""
    digest = hashlib.sha256()
    for name in CODE_PARTS:
        paths = sorted((root / name).rglob("*")) if (root / name).is_dir() else [root / name]
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def code_env() -> dict[str, str]:
    """The environment of every measured process: the snapshot's `generator` comes first."""
    return {**os.environ, "PYTHONPATH": str(CODE)}


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # user + system: less sensitive than wall time to other work on the machine
    max_rss_mb: float
    returncode: int


@dataclass
class SizeResult:
    size: int
    corpus: dict[str, int] = field(default_factory=dict)
    generator_s: list[float] = field(default_factory=list)
    pages: int = 0
    render_s: float | None = None
    build_s: list[float] = field(default_factory=list)
    build_cpu_s: list[float] = field(default_factory=list)
    build_rss_mb: list[float] = field(default_factory=list)
    # The build's own peak and its search indexer's (Pagefind, a child process), as the build prints them.
    build_own_rss_mb: list[float] = field(default_factory=list)
    indexer_rss_mb: list[float] = field(default_factory=list)
    mkdocs_s: list[float] = field(default_factory=list)
    mkdocs_cpu_s: list[float] = field(default_factory=list)
    mkdocs_rss_mb: list[float] = field(default_factory=list)
    html_pages: int = 0
    search_query: str | None = None
    search_bytes: int | None = None  # what a reader's browser fetches for one query, gzip for text
    search_requests: int = 0
    search_results: int = 0
    largest_briefing: tuple[int, str] | None = None
    largest_page: tuple[int, str] | None = None
    # The drawn timelines (issue 18): bytes of drawing and bytes of page, summed by folder (timeline,
    # actors, topics), and the largest timeline page with its drawing's bytes.
    drawings: dict[str, tuple[int, int]] = field(default_factory=dict)
    largest_timeline: tuple[int, int, str] | None = None
    site_bytes: int = 0
    sections: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # folder: pages, bytes, largest
    errors: list[str] = field(default_factory=list)


@dataclass
class ServeResult:
    reload_s: list[float] = field(default_factory=list)  # edit saved -> page shows it and the build is over
    page_s: list[float] = field(default_factory=list)  # edit saved -> the briefing page shows it
    rebuilt: list[int] = field(default_factory=list)  # HTML files written by the rebuild
    total_html: int = 0
    startup_s: float | None = None
    dirty: bool = False
    error: str | None = None


# ---------------------------------------------------------------------------------------------
# Drafting an article (issue 16): `python -m generator draft`, process start included, against a
# content tree of 1,000 actors (those of the 5,000-article corpus) and 1,000 of its articles


DRAFT_ACTORS_CORPUS = 5000  # make_corpus writes an actor for every five articles
DRAFT_ARTICLES = 1000
DRAFT_WORDS = 1000
DRAFT_RUNS = 7
DRAFT_BAR_S = 1.0


@dataclass
class DraftResult:
    words: int
    actors: int
    articles: int
    seconds: list[float] = field(default_factory=list)


def draft_text() -> str:
    """A wire story of at least DRAFT_WORDS words: the bodies of the golden test texts, one headline."""
    import yaml

    bodies = []
    for case in sorted((REPO / "tests" / "cases" / "draft").glob("*.yaml")):
        text = yaml.safe_load(case.read_text(encoding="utf-8")).get("text") or ""
        bodies.append(text.split("\n", 1)[1].strip() if "\n" in text else "")
        if len(" ".join(bodies).split()) >= DRAFT_WORDS:
            break
    return "Ministers meet as talks resume across the region\n\n" + "\n\n".join(bodies) + "\n"


def measure_draft(seed: int, log_dir: Path) -> DraftResult:
    """Time `draft` on a 1,000-word text against 1,000 actors and 1,000 articles, DRAFT_RUNS times."""
    corpus = corpus_dir(DRAFT_ACTORS_CORPUS, seed)
    tree = WORK / "draft-content"
    shutil.rmtree(tree, ignore_errors=True)
    for folder in ("actors", "topics"):
        shutil.copytree(corpus / folder, tree / folder)
    (tree / "articles").mkdir(parents=True)
    for path in sorted((corpus / "articles").glob("*.yaml"))[:DRAFT_ARTICLES]:
        shutil.copy2(path, tree / "articles" / path.name)
    text = draft_text()
    article = WORK / "draft-article.txt"
    article.write_text(text, encoding="utf-8")
    result = DraftResult(len(text.split()), len(list((tree / "actors").glob("*.yaml"))), DRAFT_ARTICLES)
    command = [PY, "-m", "generator", "draft", str(article), "--content", str(tree), "--published", "2025-03-10"]
    for i in range(DRAFT_RUNS):
        log = log_dir / f"draft-{i + 1}.log"
        run = run_process([*command, "--out", str(WORK / f"draft-{i + 1}.yaml")], log)
        check(run, "draft", log)
        result.seconds.append(run.seconds)
    return result


def describe_draft(result: DraftResult) -> str:
    middle = median(result.seconds)
    verdict_text = verdict(middle is not None and middle < DRAFT_BAR_S)
    return (
        f"Draft a {result.words:,}-word article (`python -m generator draft`, process start included) against "
        f"{result.actors:,} actors and {result.articles:,} articles: median {fmt(middle)} s of "
        f"{count(len(result.seconds), 'run')} (slowest {fmt(max(result.seconds, default=None))} s); bar {DRAFT_BAR_S:.0f} s: {verdict_text}"
    )


# ---------------------------------------------------------------------------------------------
# Processes


def run_process(command: Sequence[str], log: Path) -> Run:
    """Run a command on the snapshot to its end; return its wall time and peak memory (its own rusage)."""
    with log.open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=CODE, stdout=out, stderr=subprocess.STDOUT, env=code_env())
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024 * 1.048576, process.returncode)  # KiB -> MB


def check(run: Run, what: str, log: Path) -> None:
    if run.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(f"{what} failed with exit code {run.returncode}:\n  " + "\n  ".join(tail))


def step(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Corpora


def corpus_dir(size: int, seed: int) -> Path:
    """Return the cached corpus of ``size`` articles, generating it when missing or stale."""
    target = CACHE / f"corpus-{size}"
    stamp = CACHE / f"corpus-{size}.stamp"
    recipe = hashlib.sha256((HERE / "make_corpus.py").read_bytes() + str(seed).encode()).hexdigest()
    if target.is_dir() and stamp.is_file():
        saved = json.loads(stamp.read_text())
        if saved.get("recipe") == recipe:
            return target
    step(f"generating the {size:,}-article corpus in {target.relative_to(REPO)}")
    counts = make_corpus(size, target, seed)
    stamp.write_text(json.dumps({"recipe": recipe, "counts": counts}))
    return target


def corpus_counts(size: int) -> dict[str, int]:
    stamp = CACHE / f"corpus-{size}.stamp"
    return dict(json.loads(stamp.read_text())["counts"])


# ---------------------------------------------------------------------------------------------
# The MkDocs-alone baseline: the same config, docs_dir at the pre-rendered Markdown, no briefing plugin


def baseline_config(docs_dir: Path, target: Path) -> Path:
    """Write a copy of mkdocs.yml that builds ``docs_dir`` with MkDocs alone."""
    import yaml
    from mkdocs.utils.yaml import yaml_load

    with (CODE / "mkdocs.yml").open("rb") as source:
        config: dict[str, Any] = yaml_load(source)
    original_docs = CODE / config.get("docs_dir", "docs")
    plugins = config.get("plugins", ["search"])
    if isinstance(plugins, dict):
        config["plugins"] = {k: v for k, v in plugins.items() if k != "briefing"}
    else:
        config["plugins"] = [p for p in plugins if p != "briefing" and not (isinstance(p, dict) and "briefing" in p)]
    config["docs_dir"] = str(docs_dir)
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str(CODE / theme["custom_dir"])
    for key in ("hooks", "watch"):
        if key in config:
            config[key] = [str(CODE / item) for item in config[key]]
    # What the plugin does to each page, as the hook of `render --standalone` does it: raw HTML links made addresses;
    # and each page's parts boxed for the browser (generator/pages/sections.py).
    config["hooks"] = [
        *config.get("hooks", []),
        *(str(CODE / hook) for hook in ("generator/pages/links.py", "generator/pages/sections.py")),
    ]
    # The static files the real build takes from its own docs_dir (CSS, images).
    if original_docs.is_dir():
        shutil.copytree(original_docs, docs_dir, dirs_exist_ok=True)
    try:
        target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    except yaml.representer.RepresenterError as error:
        raise RuntimeError(f"mkdocs.yml holds values that cannot be copied as plain YAML: {error}") from None
    return target


# ---------------------------------------------------------------------------------------------
# Measurements on one size


def repeats(runs: int, spent: Sequence[float]) -> bool:
    """Whether to run a measurement again: fewer than ``runs`` so far, and within the budget."""
    return len(spent) < runs and (not spent or sum(spent) < REPEAT_BUDGET_S)


def measure_size(size: int, seed: int, runs: int, log_dir: Path) -> SizeResult:
    result = SizeResult(size)
    corpus = corpus_dir(size, seed)
    result.corpus = corpus_counts(size)
    templates = CODE / "site_templates"

    def attempt(what: str, action: Callable[[], None]) -> None:
        try:
            action()
        except Exception as error:  # one broken measurement must not hide the others
            step(f"{size}: {what}: {error}")
            result.errors.append(f"{what}: {error}")

    markdown = WORK / f"markdown-{size}"

    def generator() -> None:
        i = 0
        while repeats(runs, result.generator_s):
            i += 1
            log = log_dir / f"generator-{size}-{i}.log"
            started = time.perf_counter()
            completed = subprocess.run(
                [PY, "-c", GENERATOR_SNIPPET, str(corpus), str(templates), str(markdown)],
                cwd=CODE,
                env=code_env(),
                capture_output=True,
                text=True,
            )
            result.render_s = time.perf_counter() - started
            log.write_text(completed.stdout + completed.stderr, encoding="utf-8")
            if completed.returncode != 0:
                raise RuntimeError(f"render failed: {completed.stderr.strip().splitlines()[-3:]}")
            figures = json.loads(completed.stdout.strip().splitlines()[-1])
            if "seconds" not in figures:
                raise RuntimeError("generator.cli no longer calls build_pages: cannot time it")
            result.generator_s.append(figures["seconds"])
            result.pages = figures["pages"]

    site = WORK / f"site-{size}"

    def full_build() -> None:
        i = 0
        while repeats(runs, result.build_s):
            i += 1
            shutil.rmtree(site, ignore_errors=True)
            log = log_dir / f"build-{size}-{i}.log"
            run = run_process([PY, "-m", "generator", "build", "--content", str(corpus), "--site-dir", str(site)], log)
            check(run, "generator build", log)
            result.build_s.append(run.seconds)
            result.build_cpu_s.append(run.cpu_seconds)
            result.build_rss_mb.append(run.max_rss_mb)
            printed = re.search(
                r"peak memory ([\d,]+) MB; largest helper process ([\d,]+) MB", log.read_text("utf-8", "replace")
            )
            if printed:
                result.build_own_rss_mb.append(float(printed.group(1).replace(",", "")))
                result.indexer_rss_mb.append(float(printed.group(2).replace(",", "")))

    def mkdocs_alone() -> None:
        if not markdown.is_dir():
            raise RuntimeError("no pre-rendered Markdown (the generator failed)")
        config = baseline_config(markdown, WORK / f"mkdocs-alone-{size}.yml")
        base_site = WORK / f"site-alone-{size}"
        i = 0
        while repeats(runs, result.mkdocs_s):
            i += 1
            shutil.rmtree(base_site, ignore_errors=True)
            log = log_dir / f"mkdocs-alone-{size}-{i}.log"
            run = run_process([PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(base_site)], log)
            check(run, "mkdocs build (alone)", log)
            result.mkdocs_s.append(run.seconds)
            result.mkdocs_cpu_s.append(run.cpu_seconds)
            result.mkdocs_rss_mb.append(run.max_rss_mb)
        shutil.rmtree(base_site, ignore_errors=True)

    def weights() -> None:
        if not site.is_dir():
            raise RuntimeError("no built site (build failed)")
        measure_site(site, result)

    def search_weight() -> None:
        if not site.is_dir():
            raise RuntimeError("no built site (build failed)")
        measure_search(site, f"{frequent_actor(corpus)} sanctions", result)

    step(f"{size:,} articles: generator only (render --out), up to {runs} run(s)")
    attempt("generator", generator)
    step(f"{size:,} articles: full build, up to {runs} run(s)")
    attempt("full build", full_build)
    step(f"{size:,} articles: MkDocs alone, up to {runs} run(s)")
    attempt("mkdocs alone", mkdocs_alone)
    attempt("page weight", weights)
    step(f"{size:,} articles: search, one query in Chromium")
    attempt("search weight", search_weight)
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(markdown, ignore_errors=True)
    return result


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))  # a web server's usual level


def frequent_actor(corpus: Path) -> str:
    """The name of the actor the most articles of ``corpus`` name."""
    import yaml

    counts: dict[str, int] = {}
    for path in (corpus / "articles").glob("*.yaml"):
        for actor in yaml.safe_load(path.read_text(encoding="utf-8")).get("actors", []):
            actor_id = actor["id"] if isinstance(actor, dict) else actor
            counts[actor_id] = counts.get(actor_id, 0) + 1
    top = max(sorted(counts), key=lambda actor_id: counts[actor_id])
    return str(yaml.safe_load((corpus / "actors" / f"{top}.yaml").read_text(encoding="utf-8"))["name"])


# Pagefind's index files are compressed already: a server sends them as they are.
PRECOMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")


def measure_search(site: Path, query: str, result: SizeResult) -> None:
    """Open search on a briefing in Chromium, type ``query``, and count the bytes fetched from then on.

    Text counts gzipped (level 6), as a server would send it; Pagefind's own files count as they are.
    """
    import functools
    import http.server
    import threading

    from playwright.sync_api import Response, sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    briefing = sorted((site / "briefings").glob("*/index.html"))[-1].parent.name
    fetched: dict[str, int] = {}

    def count(response: Response) -> None:
        if not search_opened:
            return
        body = response.body()
        path = response.url.split("?")[0]
        fetched[path] = len(body) if path.endswith(PRECOMPRESSED) else gzipped(body)

    search_opened = False
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--no-first-run",
                ],
            )
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("response", count)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/briefings/{briefing}/", wait_until="networkidle")
            search_opened = True
            page.locator("input.md-search__input").click()
            page.keyboard.type(query, delay=20)
            page.wait_for_selector(".md-search-result__item", timeout=60_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            result.search_results = len(page.locator(".md-search-result__item").all())
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    result.search_query = query
    result.search_bytes = sum(fetched.values())
    result.search_requests = len(fetched)


def measure_site(site: Path, result: SizeResult) -> None:
    """Page weights, from a built site."""
    pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")]
    result.html_pages = len(pages)
    result.site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    for size, path in pages:
        section = path.split("/", 1)[0] if "/" in path else "(top)"
        count, total, largest = result.sections.get(section, (0, 0, 0))
        result.sections[section] = (count + 1, total + size, max(largest, size))
    # A briefing's page, not the index nor a year of it (briefings/2024/index.html).
    briefings = [page for page in pages if re.fullmatch(r"briefings/(?!\d+/)[^/]+/index\.html", page[1])]
    result.largest_briefing = max(briefings) if briefings else None
    result.largest_page = max(pages) if pages else None
    measure_drawings(site, pages, result)


DRAWING = re.compile(rb'<figure class="timeline-drawing">.*?</figure>', re.DOTALL)
DRAWN_FOLDERS = ("timeline", "actors", "topics")


def measure_drawings(site: Path, pages: Sequence[tuple[int, str]], result: SizeResult) -> None:
    """The drawn timelines' share of the pages that have them: the timeline's, profiles, topics."""
    for size, path in pages:
        folder = path.split("/", 1)[0]
        if folder not in DRAWN_FOLDERS:
            continue
        drawing = DRAWING.search((site / path).read_bytes())
        drawn = len(drawing.group()) if drawing else 0
        total_drawn, total = result.drawings.get(folder, (0, 0))
        result.drawings[folder] = (total_drawn + drawn, total + size)
        if folder == "timeline" and (result.largest_timeline is None or size > result.largest_timeline[0]):
            result.largest_timeline = (size, drawn, path)


# ---------------------------------------------------------------------------------------------
# Edit -> reload under mkdocs serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except OSError:
        return ""


def retitle(path: Path, marker: str) -> None:
    """Add ``marker`` to the article's title: a harmless edit that every page citing it shows."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if line.startswith("title: "):
            value = line[len("title: ") :]
            lines[i] = f'title: {value[:-1]} {marker}"' if value.startswith('"') else f"title: {value} {marker}"
            break
    else:
        raise RuntimeError(f"{path}: no 'title:' line")
    path.write_text("\n".join(lines), encoding="utf-8")


def measure_serve(size: int, seed: int, log_dir: Path, dirty: bool = False) -> ServeResult:
    """Start `mkdocs serve`, edit three articles one after the other, time each reload."""
    result = ServeResult(dirty=dirty)
    project = WORK / f"serve-{size}"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(corpus_dir(size, seed), project / "content")
    shutil.copytree(CODE / "site_templates", project / "site_templates")
    shutil.copy(CODE / "mkdocs.yml", project / "mkdocs.yml")
    tmp = project / ".tmp"  # serve builds into a mkdocs_* folder here, so its files can be counted
    tmp.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = log_dir / f"serve-{size}{'-dirty' if dirty else ''}.log"
    command = [PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    env = {**code_env(), "TMPDIR": str(tmp)}
    articles = sorted((project / "content" / "articles").glob("*.yaml"))
    chosen = [articles[len(articles) * k // (EDITS + 1)] for k in range(1, EDITS + 1)]
    with log.open("wb") as out:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + 900
            while "Serving on" not in log.read_text(errors="replace"):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("mkdocs serve did not start: " + log.read_text(errors="replace")[-800:])
                time.sleep(0.2)
            first = f"{base}/briefings/{chosen[0].stem}/"
            while not fetch(first):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{first} was never served")
                time.sleep(0.2)
            result.startup_s = time.perf_counter() - started
            site_dirs = list(tmp.glob("mkdocs_*"))
            site = site_dirs[0] if len(site_dirs) == 1 else None
            for number, article in enumerate(chosen, start=1):
                time.sleep(1.0)  # let the watcher settle
                url = f"{base}/briefings/{article.stem}/"
                marker = f"Benchmark edit {number}"
                if marker in fetch(url):
                    raise RuntimeError(f"{url} shows {marker!r} before the edit")
                builds_before = log.read_text(errors="replace").count("Reloading browsers")
                wall = time.time()
                retitle(article, marker)
                saved = time.perf_counter()
                page_at = done_at = None
                limit = saved + 600
                while (page_at is None or done_at is None) and time.perf_counter() < limit:
                    if page_at is None and marker in fetch(url):
                        page_at = time.perf_counter()
                    if done_at is None and log.read_text(errors="replace").count("Reloading browsers") > builds_before:
                        done_at = time.perf_counter()
                    time.sleep(0.05)
                if page_at is None or done_at is None:
                    raise RuntimeError(f"edit {number}: {url} never showed the change")
                result.page_s.append(page_at - saved)
                result.reload_s.append(max(page_at, done_at) - saved)
                if site is not None:
                    html = [p for p in site.rglob("*.html")]
                    result.total_html = len(html)
                    result.rebuilt.append(sum(1 for p in html if p.stat().st_mtime >= wall - 0.01))
        except Exception as error:
            result.error = str(error)
            step(f"serve: {error}")
        finally:
            server.send_signal(signal.SIGINT)  # serve cleans up its temporary site on Ctrl-C
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    shutil.rmtree(project, ignore_errors=True)
    return result


# ---------------------------------------------------------------------------------------------
# The table


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def fmt(value: float | None, digits: int = 2, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{unit}"


def verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("pass" if ok else "**FAIL**")


def kb(value: int | None) -> float | None:
    return None if value is None else value / 1000


def build_table(
    results: dict[int, SizeResult], serve: ServeResult | None, serve_size: int, sizes: Sequence[int]
) -> list[str]:
    def row(goal: str, bar: str, cells: dict[int, str], ok: bool | None) -> str:
        return "| " + " | ".join([goal, bar, *(cells.get(s, "–") for s in sizes), verdict(ok)]) + " |"

    def per_size(value: Callable[[SizeResult], float | None], digits: int, unit: str = "") -> dict[int, str]:
        return {s: fmt(value(r), digits, unit) for s, r in results.items()}

    def counted(
        value: Callable[[SizeResult], float | None], samples: Callable[[SizeResult], list[float]], digits: int
    ) -> dict[int, str]:
        """A median with its number of runs: '12.3 (3)'."""
        return {s: f"{fmt(value(r), digits)} ({len(samples(r))})" if samples(r) else "–" for s, r in results.items()}

    large = results.get(LARGE)
    header = ["goal", "bar", *(f"{s:,}" for s in sizes), "verdict"]
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(["---", "---"] + ["---:"] * len(sizes) + ["---"]) + " |",
    ]

    def ms_per_article(r: SizeResult) -> float | None:
        m = median(r.generator_s)
        return None if m is None else m * 1000 / r.size

    value = ms_per_article(large) if large else None
    lines.append(
        row(
            "Generator only, load → Markdown (ms per article)",
            "≤ 1 ms at 4,000",
            counted(ms_per_article, lambda r: r.generator_s, 2),
            None if value is None else value <= 1,
        )
    )

    def build(r: SizeResult) -> float | None:
        return median(r.build_s)

    value = build(large) if large else None
    lines.append(
        row(
            "Full build `python -m generator build` (s)",
            "< 60 s at 4,000",
            counted(build, lambda r: r.build_s, 1),
            None if value is None else value < 60,
        )
    )
    lines.append(
        row(
            "MkDocs alone on the pre-rendered Markdown (s)",
            "reference",
            counted(lambda r: median(r.mkdocs_s), lambda r: r.mkdocs_s, 1),
            None,
        )
    )

    def ratio(r: SizeResult) -> float | None:
        b, m = median(r.build_s), median(r.mkdocs_s)
        return None if b is None or not m else b / m

    ratios = [x for x in (ratio(r) for r in results.values()) if x is not None]
    lines.append(
        row(
            "Full build ÷ MkDocs alone",
            "≤ 1.15",
            per_size(ratio, 2, "×"),
            None if not ratios else all(x <= 1.15 for x in ratios),
        )
    )

    linear: float | None = None
    large_build, middle_build = build(large) if large else None, build(results[1000]) if 1000 in results else None
    if large_build and middle_build:
        linear = large_build / middle_build
    lines.append(
        row(
            "Linearity: build(4,000) ÷ build(1,000)",
            "≤ 4.4",
            {LARGE: fmt(linear, 2, "×")},
            None if linear is None else linear <= 4.4,
        )
    )

    def rss(r: SizeResult) -> float | None:
        return max(r.build_rss_mb) if r.build_rss_mb else None

    value = rss(large) if large else None
    lines.append(
        row(
            "Peak memory of the full build (MB)",
            "< 1,000 MB",
            per_size(rss, 0),
            None if value is None else value < 1000,
        )
    )

    if serve is not None:
        reload_value = median(serve.reload_s)
        cell = fmt(reload_value, 2, " s") if not serve.error else "error"
        lines.append(
            row(
                f"Edit → reload under `mkdocs serve{' --dirty' if serve.dirty else ''}`, median of {len(serve.reload_s)} edits (s)",
                "≤ 2 s at 1,000",
                {serve_size: cell},
                None if reload_value is None else reload_value <= 2,
            )
        )
        if serve.rebuilt:
            rebuilt = f"{int(statistics.median(serve.rebuilt)):,} of {serve.total_html:,}"
            lines.append(
                row(
                    "Pages rewritten per edit (HTML files)",
                    "only those the edit touches",
                    {serve_size: rebuilt},
                    statistics.median(serve.rebuilt) <= serve.total_html * TOUCHED,
                )
            )

    def search(r: SizeResult) -> float | None:
        return kb(r.search_bytes)

    value = search(large) if large else None
    lines.append(
        row(
            "Search: bytes fetched for one query (kB)",
            "≤ 300 kB at 4,000",
            per_size(search, 0),
            None if value is None else value <= 300,
        )
    )

    def briefing(r: SizeResult) -> float | None:
        return kb(r.largest_briefing[0]) if r.largest_briefing else None

    value = briefing(large) if large else None
    lines.append(
        row(
            "Largest briefing page (kB of HTML)",
            "< 60 kB",
            per_size(briefing, 1),
            None if value is None else value < 60,
        )
    )

    def largest(r: SizeResult) -> float | None:
        return kb(r.largest_page[0]) if r.largest_page else None

    value = largest(large) if large else None
    lines.append(
        row(
            "Largest page of the site (kB of HTML)",
            "< 500 kB",
            per_size(largest, 0),
            None if value is None else value < 500,
        )
    )

    def drawn(r: SizeResult) -> str:
        if not r.largest_timeline:
            return "–"
        size, drawing, _ = r.largest_timeline
        return f"{drawing / 1000:,.0f} of {size / 1000:,.0f} ({drawing / size:.0%})"

    lines.append(
        row(
            "Drawn timeline: its kB in the largest timeline page",
            "within the page's bar",
            {s: drawn(r) for s, r in results.items()},
            None if not large or not large.largest_timeline else large.largest_timeline[0] < 500_000,
        )
    )
    return lines


def notes(
    results: dict[int, SizeResult],
    serve: ServeResult | None,
    serve_size: int,
    runs: int,
    large_runs: int,
    measured: str,
    loads: tuple[float, float],
    reference: tuple[Reference, Reference],
) -> list[str]:
    from importlib.metadata import version

    import mkdocs

    out = [
        "",
        f"Medians of up to {runs} run(s) below 4,000 articles and up to {large_runs} at 4,000, the number of runs in "
        f"brackets (a measurement is not repeated once its runs took {REPEAT_BUDGET_S:.0f} s); each run is a fresh "
        f"process, one at a time. {os.cpu_count()} cores, Python {platform.python_version()}, MkDocs "
        f"{mkdocs.__version__}, mkdocs-material {version('mkdocs-material')}. Measured: a copy of generator/, "
        f"site_templates/ and mkdocs.yml taken at the start, fingerprint `{measured}` (sha256, 12 digits)"
        f"{'' if fingerprint(REPO) == measured else ', changed in the work tree since'}. Verdicts are taken at 4,000 articles (edit → "
        f"reload at {serve_size:,}; the build ratio at every size). "
        f"Load average of the machine at the start and the end: {loads[0]:.1f} and {loads[1]:.1f} "
        f"({os.cpu_count()} cores): other work on the machine slows the runs down. "
        "Reference workloads (fixed standard-library loops in a fresh interpreter, best of several; the lower, the "
        f"faster the machine): {describe_reference(reference[0])} at the start, "
        f"{describe_reference(reference[1])} at the end. "
        "Compare times from two runs only beside their reference times. kB and MB are 1,000 and 1,000,000 bytes; "
        "search weight is what Chromium fetches once a reader opens search on a briefing and types a two-word "
        "query (the name of the actor most articles name, and 'sanctions'), until the results show: Pagefind's "
        "script, its WebAssembly, the index pieces and the excerpts of the results shown; text counted gzipped "
        "(level 6) as a server would send it, Pagefind's already compressed files as they are. Edit → reload is "
        "the time from saving a title change in one article's YAML until `mkdocs serve` serves the briefing page "
        "with it and has finished the rebuild (its HTTP server holds pages until then); pages rewritten are the "
        f"HTML files of the served site with a newer modification time (the verdict allows {TOUCHED:.0%}).",
        "",
    ]
    for size, r in sorted(results.items()):
        c = r.corpus
        parts = [
            f"{size:,} articles: {c.get('actors', 0):,} actors, {c.get('topics', 0)} topics, "
            f"{r.pages:,} generated pages, {r.html_pages:,} HTML files, site {r.site_bytes / 1e6:,.0f} MB"
        ]
        if r.generator_s:
            parts.append("generator runs " + ", ".join(f"{s:.2f}" for s in r.generator_s) + " s")
        if r.render_s is not None:
            parts.append(f"`render --out` {r.render_s:.1f} s wall (last run)")
        if r.build_s:
            parts.append(
                "builds "
                + ", ".join(f"{s:.1f}" for s in r.build_s)
                + " s (CPU "
                + ", ".join(f"{s:.1f}" for s in r.build_cpu_s)
                + " s)"
            )
        if r.build_own_rss_mb:
            parts.append(
                f"peak memory of the build process {max(r.build_own_rss_mb):,.0f} MB"
                f" and of its largest child (Pagefind, or a forked helper) {max(r.indexer_rss_mb):,.0f} MB"
            )
        if r.mkdocs_s:
            parts.append(
                "MkDocs alone "
                + ", ".join(f"{s:.1f}" for s in r.mkdocs_s)
                + " s (CPU "
                + ", ".join(f"{s:.1f}" for s in r.mkdocs_cpu_s)
                + f" s, peak {max(r.mkdocs_rss_mb):,.0f} MB)"
            )
        if r.search_bytes is not None:
            parts.append(
                f"search for “{r.search_query}”: {r.search_results} results shown, "
                f"{r.search_requests} requests, {r.search_bytes / 1e3:,.0f} kB"
            )
        if r.largest_briefing:
            parts.append(f"largest briefing `{r.largest_briefing[1]}`")
        if r.largest_page:
            parts.append(f"largest page `{r.largest_page[1]}`")
        if r.largest_timeline:
            parts.append(f"largest timeline page `{r.largest_timeline[2]}`")
        out.append("- " + "; ".join(parts) + ".")
        if r.sections:
            by_size = sorted(r.sections.items(), key=lambda item: -item[1][1])
            out.append(
                "  - HTML by folder (pages, total, largest): "
                + "; ".join(
                    f"{name}/ {n:,}, {total / 1e6:,.1f} MB, {big / 1e3:,.0f} kB" for name, (n, total, big) in by_size
                )
                + "."
            )
        if r.drawings:
            out.append(
                "  - Drawn timelines, their share of the HTML of the pages that hold them: "
                + "; ".join(
                    f"{name}/ {drawn / 1e6:,.2f} of {total / 1e6:,.1f} MB ({drawn / total:.0%})"
                    for name, (drawn, total) in sorted(r.drawings.items())
                    if total
                )
                + "."
            )
        for error in r.errors:
            out.append(f"  - error: {error}")
    if serve is not None:
        if serve.error:
            out.append(f"- serve: error: {serve.error}")
        else:
            out.append(
                f"- `mkdocs serve{' --dirty' if serve.dirty else ''}` at {serve_size:,} articles: ready in "
                f"{fmt(serve.startup_s, 1)} s; per edit (saved → page shows it and the build is over): "
                + ", ".join(f"{s:.2f}" for s in serve.reload_s)
                + " s; the briefing page alone showed it after "
                + ", ".join(f"{s:.2f}" for s in serve.page_s)
                + " s; HTML files rewritten: "
                + ", ".join(str(n) for n in serve.rebuilt)
                + f" of {serve.total_html:,}."
            )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,1000,4000", help="corpus sizes (default: 250,1000,4000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement below 4,000 articles (default: 3)")
    parser.add_argument("--large-runs", type=int, default=2, help="runs per measurement at 4,000 articles (default: 2)")
    parser.add_argument("--no-serve", action="store_true", help="skip the edit → reload measurement")
    parser.add_argument("--serve-only", action="store_true", help="only the edit → reload measurement")
    parser.add_argument("--draft-only", action="store_true", help="only the time to draft an article (issue 16)")
    parser.add_argument(
        "--dirty",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="measure `mkdocs serve --dirty`, as `make serve` runs it (default), or plain `mkdocs serve`",
    )
    parser.add_argument("--serve-size", type=int, default=SERVE_SIZE, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=HERE / "results.md", help="where the table goes")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    started = time.perf_counter()
    shutil.rmtree(WORK, ignore_errors=True)
    log_dir = WORK / "logs"
    log_dir.mkdir(parents=True)
    measured = snapshot_code()
    step(f"measuring a copy of the code in {CODE.relative_to(REPO)}, fingerprint {measured}")
    if args.draft_only:
        step(f"drafting a {DRAFT_WORDS:,}-word article against 1,000 actors, {DRAFT_RUNS} runs")
        print(describe_draft(measure_draft(args.seed, log_dir)), flush=True)
        return 0
    load_start = os.getloadavg()[0]
    reference_start = reference_seconds()
    reference_end: Reference = {}
    for size in sizes:
        corpus_dir(size, args.seed)
    results: dict[int, SizeResult] = {}
    serve: ServeResult | None = None
    drafted: DraftResult | None = None

    def report(final: bool) -> None:
        """Write the table; also after each size, so that a run cut short still leaves its figures."""
        table = build_table(results, serve, args.serve_size, sizes)
        loads = (load_start, os.getloadavg()[0])
        references = (reference_start, reference_end)
        closing = notes(results, serve, args.serve_size, args.runs, args.large_runs, measured, loads, references)
        if drafted is not None:
            closing += ["", describe_draft(drafted)]
        status = [] if final else ["**Incomplete: the run was cut short or is still going.**", ""]
        text = "\n".join(
            [
                "# Scale benchmarks (issue 6)",
                "",
                "Made by `make bench` (benchmarks/run.py).",
                "",
                *status,
                *table,
                *closing,
                "",
            ]
        )
        args.out.write_text(text, encoding="utf-8")
        raw = {
            "sizes": {s: r.__dict__ for s, r in results.items()},
            "serve": serve.__dict__ if serve else None,
            "reference_s": references,
        }
        (CACHE / "results.json").write_text(json.dumps(raw, indent=1, default=str), encoding="utf-8")
        if final:
            print("\n".join([*table, *closing]), flush=True)

    for size in [] if args.serve_only else sizes:
        runs = args.large_runs if size >= LARGE else args.runs
        results[size] = measure_size(size, args.seed, runs, log_dir)
        report(final=False)
    if not args.no_serve and args.serve_size in sizes:
        step(
            f"{args.serve_size:,} articles: edit → reload under mkdocs serve{' --dirty' if args.dirty else ''}, {EDITS} edits"
        )
        serve = measure_serve(args.serve_size, args.seed, log_dir, dirty=args.dirty)
    if not args.serve_only:
        step(f"drafting a {DRAFT_WORDS:,}-word article against 1,000 actors, {DRAFT_RUNS} runs")
        drafted = measure_draft(args.seed, log_dir)
    reference_end = reference_seconds()
    report(final=True)
    step(f"done in {(time.perf_counter() - started) / 60:.1f} min; table written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
