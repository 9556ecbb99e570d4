"""Profile the generator or the full MkDocs build on a cached benchmark corpus (cProfile).

    python benchmarks/hotspots.py generator [--size 1000] [--top 25]
    python benchmarks/hotspots.py build [--size 1000] [--top 25]
    python benchmarks/hotspots.py dirty [--size 1000] [--top 25]
    python benchmarks/hotspots.py pages [--size 1000]

`generator` profiles build_pages (load -> Markdown) and shows each stage's share;
`build` profiles the whole `mkdocs build` with the briefing plugin, as `python -m
generator build` runs it, and splits the time into the parts of a MkDocs build
(generator, Markdown conversion, sanitizing, theme templates, search index, writing).
`dirty` builds once, changes one article's title, then profiles the `--dirty` rebuild
that `mkdocs serve --dirty` would run (the edit -> reload goal).
`pages` converts each generated page with the site's Markdown extensions (no profiler)
and sums the time and the bytes by kind of page: which pages make the build heavy.
It runs the code of the work tree as it is. Times under cProfile are inflated, often by
half: read the shares, not the seconds.
The profile is saved to benchmarks/.cache/profile-KIND-SIZE.prof for snakeviz or pstats.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from make_corpus import DEFAULT_SEED  # noqa: E402
from run import CACHE, corpus_dir, retitle  # noqa: E402

# (label, file suffix, function name, only when called by): cumulative times to show for a full
# build. They nest as indented: a part's own line includes the lines indented under it.
BUILD_PARTS = (
    ("mkdocs build, total", "mkdocs/commands/build.py", "build", None),
    ("  on_files: the briefing generator (build_pages)", "generator/mkdocs/plugin.py", "on_files", None),
    ("  reading pages (_populate_page)", "mkdocs/commands/build.py", "_populate_page", None),
    ("    Markdown -> HTML (Page.render)", "mkdocs/structure/pages.py", "render", None),
    ("    sanitizing HTML (on_page_content, nh3)", "generator/mkdocs/plugin.py", "on_page_content", None),
    ("  writing pages (_build_page)", "mkdocs/commands/build.py", "_build_page", None),
    ("    theme templates (Template.render)", "jinja2/environment.py", "render", "_build_page"),
    ("    search: indexing each page (on_page_context)", "material/plugins/search/plugin.py", "on_page_context", None),
    ("    writing files (write_file)", "mkdocs/utils/__init__.py", "write_file", "_build_page"),
    ("  search: writing the index (on_post_build)", "material/plugins/search/plugin.py", "on_post_build", None),
    ("  navigation (get_navigation)", "mkdocs/structure/nav.py", "get_navigation", None),
    ("  static files (copy_static_files)", "mkdocs/structure/files.py", "copy_static_files", None),
    (
        "  theme templates: sitemap, 404 (_build_theme_template)",
        "mkdocs/commands/build.py",
        "_build_theme_template",
        None,
    ),
)


def find(stats: pstats.Stats, suffix: str, name: str, caller: str | None) -> tuple[float, int] | None:
    """Return the cumulative time and call count of a function (from one caller, if given)."""
    total, calls, found = 0.0, 0, False
    for (filename, _, function), (_, ncalls, _, cumtime, callers) in stats.stats.items():  # type: ignore[attr-defined]
        if function != name or not filename.replace(os.sep, "/").endswith(suffix):
            continue
        if caller is None:
            total, calls, found = total + cumtime, calls + ncalls, True
            continue
        for (_, _, caller_name), figures in callers.items():
            if caller_name == caller:
                total, calls, found = total + figures[3], calls + figures[1], True
    return (total, calls) if found else None


def stage_lines(stats: pstats.Stats, parents: Sequence[str], total: float) -> list[str]:
    """Time of every generator function called directly by one of ``parents`` (the pipeline's stages)."""
    rows = []
    for (filename, _line, function), (_, ncalls, _, cumtime, callers) in stats.stats.items():  # type: ignore[attr-defined]
        caller_names = {caller[2] for caller in callers if "/generator/" in caller[0].replace(os.sep, "/")}
        if "/generator/" in filename.replace(os.sep, "/") and caller_names & set(parents):
            rows.append((cumtime, f"{Path(filename).name}:{function}", ncalls))
    rows.sort(reverse=True)
    return [f"  {name:<45} {seconds:8.2f} s  {seconds / total:6.1%}  ({calls} calls)" for seconds, name, calls in rows]


def top_lines(stats: pstats.Stats, key: str, count: int) -> list[str]:
    entries = []
    for (filename, line, function), (_, ncalls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = filename.replace(os.sep, "/")
        for marker in ("site-packages/", "/work/main/", str(REPO) + "/"):
            where = where.split(marker, 1)[-1]
        entries.append(
            (tottime if key == "tottime" else cumtime, tottime, cumtime, ncalls, f"{where}:{line}({function})")
        )
    entries.sort(reverse=True)
    out = [f"  {'tottime':>8} {'cumtime':>8} {'calls':>9}  function"]
    out += [f"  {tt:8.2f} {ct:8.2f} {n:>9}  {name}" for _, tt, ct, n, name in entries[:count]]
    return out


def profile_generator(corpus: Path, output: Path) -> tuple[pstats.Stats, float]:
    from generator.pages.emit import DataFolder
    from generator.pipeline import Project, build_pages

    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as data:
        started = time.perf_counter()
        profiler.enable()
        build_pages(Project(corpus, REPO / "site_templates"), DataFolder(Path(data)))
        profiler.disable()
    wall = time.perf_counter() - started
    profiler.dump_stats(output)
    return pstats.Stats(profiler), wall


def site_config(corpus: Path, site: Path) -> Any:
    """The site's MkDocs config, on ``corpus``, building into ``site``, its caches beside it."""
    from mkdocs.config import load_config

    config: Any = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["briefing"].config
    plugin.content_dir = str(corpus)
    if "cache_dir" in plugin:  # the plugin's on-disk copy of the pages: not in the work tree
        plugin.cache_dir = str(site.parent / f"{site.name}-pages")
    return config


def profile_build(corpus: Path, output: Path, dirty: bool = False) -> tuple[pstats.Stats, float]:
    import logging

    from mkdocs.commands.build import build

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    work = Path(tempfile.mkdtemp(prefix="profile-", dir=CACHE))
    try:
        if dirty:  # as `mkdocs serve --dirty`: a first, full build; the rebuild after one edit is profiled
            shutil.copytree(corpus, work / "content")
            corpus = work / "content"
            first = site_config(corpus, work / "site")
            first.plugins.on_startup(command="serve", dirty=True)  # plugins then live across builds
            build(first, serve_url="http://127.0.0.1:8000/")
            articles = sorted((corpus / "articles").glob("*.yaml"))
            retitle(articles[len(articles) // 2], "Profiled edit")
        config = site_config(corpus, work / "site")
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        build(config, dirty=dirty, serve_url="http://127.0.0.1:8000/" if dirty else None)
        profiler.disable()
        wall = time.perf_counter() - started
    finally:
        if dirty:
            config.plugins.on_shutdown()  # stops the search indexing that serve runs in the background
        shutil.rmtree(work, ignore_errors=True)
    profiler.dump_stats(output)
    return pstats.Stats(profiler), wall


def convert_pages(corpus: Path) -> list[str]:
    """Time Markdown -> HTML for every generated page, by folder; the Markdown and HTML sizes."""
    import markdown
    from mkdocs.config import load_config

    from generator.pipeline import Project, build_pages

    config: Any = load_config(str(REPO / "mkdocs.yml"))
    build = build_pages(Project(corpus, REPO / "site_templates"))
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    kinds: dict[str, list[float]] = {}
    largest: dict[str, tuple[float, str]] = {}
    for page in build.pages:
        kind = page.path.split("/", 1)[0] if "/" in page.path else page.path
        kind = "briefings/index.md" if page.path == "briefings/index.md" else kind
        kind = "actors/index.md" if page.path == "actors/index.md" else kind
        kind = "topics/index.md" if page.path == "topics/index.md" else kind
        body = page.markdown.split("\n---\n", 1)[-1]  # without the front matter
        started = time.perf_counter()
        html = converter.reset().convert(body)
        seconds = time.perf_counter() - started
        row = kinds.setdefault(kind, [0, 0.0, 0, 0])
        row[0] += 1
        row[1] += seconds
        row[2] += len(body.encode())
        row[3] += len(html.encode())
        if seconds > largest.get(kind, (0.0, ""))[0]:
            largest[kind] = (seconds, page.path)
    total = sum(row[1] for row in kinds.values())
    lines = [
        f"  {'pages':<20} {'count':>6} {'convert s':>10} {'share':>7} {'Markdown MB':>12} {'HTML MB':>8}  slowest page"
    ]
    for kind, (count, seconds, md_bytes, html_bytes) in sorted(kinds.items(), key=lambda item: -item[1][1]):
        slowest = largest[kind]
        lines.append(
            f"  {kind:<20} {count:>6} {seconds:>10.2f} {seconds / total:>7.1%} {md_bytes / 1e6:>12.2f} "
            f"{html_bytes / 1e6:>8.2f}  {slowest[1]} ({slowest[0]:.2f} s)"
        )
    lines.append(f"  {'all':<20} {len(build.pages):>6} {total:>10.2f}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("generator", "build", "dirty", "pages"))
    parser.add_argument("--size", type=int, default=1000, help="corpus size (default: 1000)")
    parser.add_argument("--top", type=int, default=25, help="how many functions to list (default: 25)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    CACHE.mkdir(exist_ok=True)
    corpus = corpus_dir(args.size, args.seed)
    output = CACHE / f"profile-{args.kind}-{args.size}.prof"
    os.chdir(REPO)
    if args.kind == "pages":
        print(f"Markdown -> HTML of the generated pages, {args.size:,} articles (no profiler):")
        print("\n".join(convert_pages(corpus)))
        return 0
    if args.kind == "generator":
        stats, wall = profile_generator(corpus, output)
    else:
        stats, wall = profile_build(corpus, output, dirty=args.kind == "dirty")
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    lines = [f"{args.kind} on {args.size:,} articles: {wall:.1f} s wall under cProfile ({total:.1f} s profiled)", ""]
    if args.kind == "generator":
        lines.append("Stages (functions the pipeline calls, cumulative):")
        lines += stage_lines(stats, ("build_pages", "check_content"), total)
    else:
        whole = find(stats, "mkdocs/commands/build.py", "build", None)
        total = whole[0] if whole else total  # shares of the build itself
        lines.append("Where the build goes (cumulative; indented lines are inside the line above):")
        for label, suffix, name, caller in BUILD_PARTS:
            found = find(stats, suffix, name, caller)
            if found:
                lines.append(f"  {label:<62} {found[0]:8.2f} s  {found[0] / total:6.1%}  ({found[1]} calls)")
            else:
                lines.append(f"  {label:<62} {'–':>8}")
    lines += ["", f"Top {args.top} by own time (tottime, seconds):", *top_lines(stats, "tottime", args.top)]
    lines += ["", f"Top {args.top} by cumulative time:", *top_lines(stats, "cumtime", args.top)]
    lines += ["", f"Saved: {output.relative_to(REPO)}"]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
