"""The command line: check, new, list, build, render and index. Exit 0 fine, 1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from .checkpoint import checkpoint
from .collector import rare_collections
from .content.catalog import HEADERS, SOURCE_KINDS, Listing, Row, list_rows
from .content.commands import PROGRAM, command
from .content.counts import count
from .content.diagnostics import ContentError, Diagnostic, printable, summarize
from .content.load import ContentFileError, display_path, id_problem, load_tree, open_content_file, suggest_id
from .content.model import URL_PATTERN, parse_full_date
from .content.names import fold
from .content.scaffold import content_path, skeleton
from .content.schema import schema_texts
from .content.starter import empty_content, name_site, next_steps, not_the_sample, pages_address
from .content.validate import validate_documents
from .exits import CONTENT_ERRORS, INTERRUPTED, OK, USAGE
from .pages.emit import DataFolder, InterruptedAfterSwap, replace_directory, write_atomically, write_pages
from .pages.render import template_problem
from .parallel import JOBS_VARIABLE, fork_map, parse_jobs
from .pipeline import Build, Project, build_pages, check_content
from .standalone import DOCS, write_standalone

if TYPE_CHECKING:
    from .mkdocs.settings import SiteSettings

# In the site folder while `build` runs: the data files, until MkDocs copies them into the site.
STAGE = ".briefing-data"


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (each sets its ``func``, below); return its exit code (generator/exits.py)."""
    args = _parser().parse_args(argv)
    # A stop (SIGTERM) ends a command as Ctrl-C does: the site or folder it replaces stays as it was.
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        code: int = args.func(args)
        return code
    except ContentError as error:
        _report(error.diagnostics, getattr(args, "format", "text"))
        return CONTENT_ERRORS
    except jinja2.TemplateError as error:
        print(template_problem(error), file=sys.stderr)
        return CONTENT_ERRORS
    except InterruptedAfterSwap as stop:
        print(f"interrupted once {stop.target} was replaced: it holds the new one, whole", file=sys.stderr)
        return INTERRUPTED
    except KeyboardInterrupt:
        print("interrupted: nothing was changed", file=sys.stderr)
        return INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)


def _parser() -> argparse.ArgumentParser:
    """The commands and their options; each command's ``func`` runs it with the parsed arguments."""
    parser = argparse.ArgumentParser(prog=PROGRAM, description="Build a briefing site from YAML content.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser(
        "init",
        help="start a briefing of your own: empty the sample content and name the site",
        description="Remove the sample's articles, actors and topics, and set site_name and site_description in "
        "mkdocs.yml. Content that is not the untouched sample is kept, and nothing changes, unless --force.",
    )
    init.add_argument("--title", required=True, help="the site's name, as readers see it")
    init.add_argument("--description", help="one sentence on what the briefing follows")
    init.add_argument("--force", action="store_true", help="also remove content that is not the sample's")
    _content_option(init)
    _config_option(init)
    init.set_defaults(func=lambda args: _init(args.title, args.description, args.force, args.content, args.config_file))

    check = commands.add_parser("check", help="validate the content only")
    _content_option(check)
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text: path:line:col: error: ... (default); github: GitHub Actions annotations",
    )
    check.set_defaults(func=lambda args: _check(args.content, args.format))

    new = commands.add_parser("new", help="write the skeleton of a new article, actor or topic (or several)")
    new.add_argument("kind", choices=("article", "actor", "topic"))
    new.add_argument("ids", nargs="+", metavar="id", help="the new file's id: lowercase letters, digits, hyphens")
    _content_option(new)
    new.add_argument("--from-url", dest="url", help="an article's web address, to fill in its source")
    new.add_argument("--published", help="the day the article was published, YYYY-MM-DD")
    new.set_defaults(func=lambda args: _new(args.kind, args.ids, args.content, args.url, args.published))

    listing = commands.add_parser(
        "list",
        help="list the actors, topics, events or tags that exist, to find the id to use",
        description="List what exists, one line each: tab-separated in a pipe, in aligned columns in a terminal.",
    )
    listing.add_argument("listing", choices=[item.value for item in Listing], metavar="{actors,topics,events,tags}")
    listing.add_argument("text", nargs="?", help="only those whose id, name or alias (title, for events) holds TEXT")
    _content_option(listing)
    listing.set_defaults(func=lambda args: _list(Listing(args.listing), args.text, args.content))

    schema = commands.add_parser("schema", help="write the JSON Schemas of the content files")
    schema.add_argument(
        "--out", type=Path, default=Path("schemas"), help="the folder to write them to (default: schemas)"
    )
    schema.set_defaults(func=lambda args: _schema(args.out))

    build = commands.add_parser("build", help="validate, generate and build the site with MkDocs")
    _content_option(build)
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)")
    build.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration (default: mkdocs.yml)"
    )
    build.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    _jobs_option(build)
    build.set_defaults(func=lambda args: _build(args.content, args.site_dir, args.config_file, args.strict, args.jobs))

    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    _content_option(render)
    render.add_argument(
        "--templates", type=Path, default=Path("site_templates"), help="the templates folder (default: site_templates)"
    )
    render.add_argument("--out", type=Path, required=True, help="the folder to write the Markdown into")
    render.add_argument(
        "--standalone",
        action="store_true",
        help="write a folder any MkDocs-style builder builds as it is: OUT/mkdocs.yml, OUT/docs/ (the pages,"
        " data files and assets) and the theme's overrides; then `index` the site it builds, for search",
    )
    _config_option(render)
    _jobs_option(render)
    render.set_defaults(
        func=lambda args: _render(args.content, args.templates, args.out, args.jobs, args.config_file, args.standalone)
    )

    index = commands.add_parser("index", help="write the search index (Pagefind) into a built site")
    index.add_argument("site_dir", type=Path, metavar="SITE_DIR", help="the built site, as a builder wrote it")
    index.set_defaults(func=lambda args: _index(args.site_dir))

    export = commands.add_parser("export", help="write the content in a data exchange format")
    export.add_argument("format", choices=["ftm"], help="ftm: FollowTheMoney entities, one JSON object a line")
    _content_option(export)
    export.add_argument(
        "--out",
        type=Path,
        help="the file to write (default: standard output); beside it go the entities' license, date and count,"
        " in FollowTheMoney's dataset format, as NAME.dataset.json",
    )
    _config_option(export)
    export.set_defaults(func=lambda args: _export(args.content, args.out, args.config_file))

    draft = commands.add_parser(
        "draft", help="draft an article file from an article's text, a saved web page or its address"
    )
    draft.add_argument(
        "source",
        metavar="SOURCE",
        help="a text file (headline first), a saved .html page, - for standard input, or an http(s) address",
    )
    _content_option(draft)
    draft.add_argument("--published", help="the day the article was published, YYYY-MM-DD (when the text does not say)")
    draft.add_argument("--publisher", help="who published it (when the dateline does not say)")
    draft.add_argument("--url", help="the article's web address")
    draft.add_argument("--id", help="the new article's id (default: its date and headline)")
    draft.add_argument("--out", metavar="FILE", help="write the draft there instead, or - to print it")
    draft.add_argument(
        "--lang",
        metavar="CODE",
        help="the article's language, as a code: en (default: told from the letters of the text)",
    )
    draft.add_argument(
        "--new-actors", action="store_true", help="also write a file in content/actors/ for each new actor proposed"
    )
    draft.set_defaults(func=_draft)

    return parser


def _jobs(value: str) -> int:
    try:
        return parse_jobs(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _jobs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help=f"processes that share the work (default: ${JOBS_VARIABLE}, or one per core this process may use)",
    )


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config-file",
        type=Path,
        help="the mkdocs.yml that gives the site's address and its content's license (default: mkdocs.yml, if there)",
    )


def _settings(config_file: Path | None) -> SiteSettings | None:
    """The site's address and license from mkdocs.yml, as `build` has them; neither when there is no
    mkdocs.yml here. None, with the error printed, when it cannot be read or its license is wrong."""
    from .mkdocs.settings import ConfigurationError, SiteSettings, read_settings

    if config_file is None and not Path("mkdocs.yml").is_file():
        print("note: no mkdocs.yml here: the data files state no license, and link relatively", file=sys.stderr)
        return SiteSettings(None, None)
    try:
        return read_settings(config_file or Path("mkdocs.yml"))
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return None


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")


def _report(diagnostics: Sequence[Diagnostic], style: str = "text") -> None:
    if style == "github":  # annotations are read from standard output
        for diagnostic in diagnostics:
            print(diagnostic.github())
        if diagnostics:
            print(summarize(diagnostics))
        return
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    if diagnostics:
        print(summarize(diagnostics), file=sys.stderr)


def _init(title: str, description: str | None, force: bool, content: Path, config_file: Path | None) -> int:
    title, description = " ".join(title.split()), description and " ".join(description.split())
    config = config_file or Path("mkdocs.yml")
    if not title:
        print("error: --title is empty: give the site a name, such as --title 'EU AI Act briefing'", file=sys.stderr)
        return USAGE
    if not config.is_file():
        print(f"error: {display_path(config)} not found: run init from the project folder", file=sys.stderr)
        return USAGE
    not_shipped = not_the_sample(content) if content.is_dir() else []
    if not_shipped and not force:
        shown = "\n".join(f"  {display_path(content / name)}" for name in not_shipped[:10])
        more = f"\n  and {count(len(not_shipped) - 10, 'more file')}" if len(not_shipped) > 10 else ""
        print(
            f"error: {display_path(content)} holds {count(len(not_shipped), 'file')} that the sample did not ship, or "
            f"changed:\n{shown}{more}\nnothing was changed. To remove them too, run: "
            f"{command('init', '--title', title, *(['--description', description] if description else []), '--force', content=content)}",
            file=sys.stderr,
        )
        return CONTENT_ERRORS
    removed = empty_content(content)
    write_atomically(config, name_site(config.read_text(encoding="utf-8"), title, description).encode("utf-8"))
    print(
        f"emptied {display_path(content)}: removed {count(removed['articles'], 'article')}, "
        f"{count(removed['actors'], 'actor')} and {count(removed['topics'], 'topic')}"
    )
    print(f"named the site '{title}' in {display_path(config)}")
    print(next_steps(title, content, _published_address()))
    return OK


def _published_address() -> str | None:
    """The GitHub Pages address of this clone's origin (https://owner.github.io/repo/), if it is on GitHub."""
    try:
        origin = subprocess.run(
            ["git", "config", "--get", "remote.origin.url"], capture_output=True, text=True, timeout=10, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return pages_address(origin)


def _check(content: Path, style: str = "text") -> int:
    corpus, warnings = check_content(content)
    _report(warnings, style)
    print(
        f"{content}: {count(len(corpus.articles), 'article')}, {count(len(corpus.actors), 'actor')}, "
        f"{count(len(corpus.topics), 'topic')}, {count(len(corpus.events), 'event')}: ok"
    )
    return OK


def _new(kind: str, ids: Sequence[str], content: Path, url: str | None, published: str | None) -> int:
    ids = list(dict.fromkeys(ids))
    for id in ids:
        problem = id_problem(id)
        if problem:
            fix = suggest_id(id)
            hint = f" (try '{fix}')" if fix and fix != id else ""
            print(printable(f"error: '{id}' is not a valid id: an id {problem}{hint}"), file=sys.stderr)
            return USAGE
    if kind != "article" and (url or published):
        print("error: --from-url and --published go with 'new article'", file=sys.stderr)
        return USAGE
    if len(ids) > 1 and (url or published):
        print("error: --from-url and --published describe one article: give one id", file=sys.stderr)
        return USAGE
    date = None
    if published is not None:
        try:
            date = parse_full_date(published)
        except ValueError as error:
            print(f"error: --published {error}", file=sys.stderr)
            return USAGE
    if url is not None and not URL_PATTERN.match(url):
        print(
            printable(f"error: --from-url '{url}' is not a web address: write a full http:// or https:// URL"),
            file=sys.stderr,
        )
        return USAGE
    # Like mkdir with several names: each file that can be written is, and each that exists is reported.
    written, code = [], OK
    for id in ids:
        path = content / content_path(kind, id)
        twins = (
            [p for p in path.parent.glob("*.yaml") if p.name.casefold() == path.name.casefold()]
            if path.parent.is_dir()
            else []
        )
        if path.exists() or twins:
            print(
                f"error: {display_path(twins[0] if twins else path)} already exists: edit it, or choose another id",
                file=sys.stderr,
            )
            code = CONTENT_ERRORS
            continue
        try:
            with open_content_file(content, content_path(kind, id), create=True) as file:
                file.write(skeleton(kind, id, url, date, content).encode("utf-8"))
        except ContentFileError as error:
            print(printable(f"error: {error}"), file=sys.stderr)
            code = CONTENT_ERRORS
            continue
        written.append(display_path(path))
    if written:
        files = ", ".join(written[:-1]) + f" and {written[-1]}" if len(written) > 1 else written[0]
        print(f"wrote {files}: fill in the values marked 'required', then run: {command('check', content=content)}")
    return code


def _list(listing: Listing, text: str | None, content: Path) -> int:
    if text is not None and not fold(text):
        print(
            printable(f"error: '{text}' has no letter or digit to look for: give a word of a name, such as 'korea'"),
            file=sys.stderr,
        )
        return USAGE
    loaded = load_tree(content)
    if not content.is_dir():
        _report(loaded.diagnostics)
        return CONTENT_ERRORS
    valid, _ = validate_documents(loaded.documents, loaded.present, content_dir=content)
    rows = list_rows(valid, listing, text)
    _print_rows(HEADERS[listing], rows)
    kind = SOURCE_KINDS[listing]
    kept = {"actor": valid.actors, "topic": valid.topics, "article": valid.articles}[kind]
    left_out = sum(1 for k, id in loaded.present if k == kind and id not in kept)
    if left_out:
        print(
            f"note: {left_out} {kind} {'file has' if left_out == 1 else 'files have'} mistakes and "
            f"{'is' if left_out == 1 else 'are'} left out; see what to fix with: {command('check', content=content)}",
            file=sys.stderr,
        )
    if not rows and text is not None:
        print(printable(f"nothing in {listing.value} matches '{text}'"), file=sys.stderr)
    return OK


def _print_rows(header: Row, rows: Sequence[Row]) -> None:
    """Print rows tab-separated for a pipe (cut, sort, awk -F'\t'); in aligned columns under a header for a terminal."""
    cleaned = [tuple(printable(" ".join(cell.split())) for cell in row) for row in rows]
    if not sys.stdout.isatty():
        for row in cleaned:
            print("\t".join(row))
        return
    if not cleaned:
        return
    table = [tuple(name.upper() for name in header), *cleaned]
    widths = [max(_columns(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        padded = [cell + " " * (width - _columns(cell)) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*padded, row[-1]]).rstrip())


def _columns(text: str) -> int:
    """How many columns of a terminal text takes: wide characters (CJK, Hangul) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _schema(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"wrote {out / name}")
    return OK


def _render(
    content: Path, templates: Path, out: Path, jobs: int | None, config_file: Path | None, standalone: bool = False
) -> int:
    settings = _settings(config_file)
    if settings is None:
        return USAGE
    if standalone and settings.config is None:
        print(
            "error: --standalone writes the site's settings: run from the project folder or pass --config-file",
            file=sys.stderr,
        )
        return USAGE
    built: list[Build] = []

    def fill(fresh: Path) -> None:
        docs = fresh / DOCS if standalone else fresh
        project = Project(content, templates, settings.url, settings.license)
        build = build_pages(project, DataFolder(docs), jobs=jobs)
        _report(build.warnings)
        if standalone:
            assert settings.config is not None
            write_standalone(build, settings.config, fresh)
        else:
            write_pages(build.pages, fresh)
        built.append(build)

    replace_directory(out, fill)
    pages, data_files = len(built[0].pages), len(built[0].data_files)
    print(f"wrote {count(pages, 'page')} and {count(data_files, 'data file')} to {out}")
    return OK


def _index(site_dir: Path) -> int:
    from .search import SearchIndexError, index_site

    if not (site_dir / "index.html").is_file():
        print(f"error: {site_dir} is not a built site (it has no index.html): build it first", file=sys.stderr)
        return USAGE
    started = time.perf_counter()
    try:
        indexed = index_site(site_dir)
    except SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return CONTENT_ERRORS
    print(f"indexed {indexed} of {site_dir} for search in {time.perf_counter() - started:.1f} s")
    return OK


def _export(content: Path, out: Path | None, config_file: Path | None) -> int:
    from .exports.common import normalize_site_url
    from .exports.ftm import ftm_dataset, ftm_lines

    settings = _settings(config_file)
    if settings is None:
        return USAGE
    corpus, warnings = check_content(content)
    _report(warnings)
    data = ftm_lines(corpus)
    if out is None:  # a stream of entities: FollowTheMoney's format has no place for their license
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return OK
    name = out.name.removesuffix(".json").removesuffix(".ftm")
    described = out.with_name(f"{name}.dataset.json")
    dataset = ftm_dataset(corpus, data, out.name, normalize_site_url(settings.url), settings.license)
    for path, text in ((out, data), (described, dataset)):
        try:
            write_atomically(path, text)
        except OSError as error:
            print(f"error: cannot write {path}: {error.strerror}", file=sys.stderr)
            return USAGE
    entities = data.count(b"\n")  # one a line
    print(f"wrote {count(entities, 'entity', 'entities')} to {out}, and their license and count to {described}")
    return OK


def _draft(args: argparse.Namespace) -> int:
    from .draft.command import DraftOptions, run_draft

    return run_draft(
        DraftOptions(
            args.source,
            args.content,
            args.published,
            args.publisher,
            args.url,
            args.id,
            args.out,
            args.new_actors,
            args.lang,
            fork_map,
        )
    )


def _build(content: Path, site_dir: Path, config_file: Path, strict: bool, jobs: int | None) -> int:
    from .mkdocs.plugin import BriefingPlugin  # first: it sees that MkDocs or ProperDocs answers MkDocs' imports
    from .mkdocs.settings import read_license

    from mkdocs.commands.build import build as mkdocs_build  # isort: skip
    from mkdocs.config import load_config  # isort: skip
    from mkdocs.exceptions import MkDocsException  # isort: skip

    if not config_file.is_file():
        print(f"error: {config_file} not found: run from the project folder or pass --config-file", file=sys.stderr)
        return USAGE
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    started = time.perf_counter()

    def fill(fresh: Path) -> None:
        config = load_config(str(config_file), site_dir=str(fresh), strict=strict)
        plugin = config.plugins["briefing"]
        assert isinstance(plugin, BriefingPlugin), "mkdocs.yml must list the 'briefing' plugin"
        templates = Path(config.config_file_path).parent / plugin.config.templates_dir
        # The data files are written here, not held in memory. Hidden, the folder outlives MkDocs'
        # cleaning of the site folder; a failed build takes it away with the rest.
        stage = fresh / STAGE
        stage.mkdir()
        # Generate once, here: content errors stop the build before MkDocs starts.
        license = read_license(config.extra)  # a mistake in it stops the build as MkDocs' own config errors do
        project = Project(content, templates, config.site_url or None, license)
        build = build_pages(project, DataFolder(stage), jobs=jobs)
        _report(build.warnings)
        marks = sum(warning.is_review for warning in build.warnings)
        if strict and marks:  # what a person must still check is not published
            raise MkDocsException(
                f"{count(marks, 'review mark')} left in the content (listed above): do what each says and "
                "remove its 'review' line, or build without --strict to preview"
            )
        if "SOURCE_DATE_EPOCH" not in os.environ and build.corpus.articles:
            # Date the build by its newest article, so the same content gives the same bytes.
            newest = build.corpus.articles[0].source.published.first_day()
            epoch = dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)
            os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch.timestamp()))
        plugin.prebuilt, plugin.jobs = build, jobs
        del build  # the plugin lets go of it once MkDocs has the pages: the build needs the memory
        checkpoint("generated")
        mkdocs_build(config)
        shutil.rmtree(stage)  # MkDocs has copied the data files into the site

    try:
        with rare_collections():  # MkDocs too makes many small objects and few cycles
            replace_directory(site_dir, fill)
    except MkDocsException as error:
        print(f"error: the site was not built, and {site_dir} is unchanged: {error}", file=sys.stderr)
        return CONTENT_ERRORS
    finally:
        mkdocs_log.removeHandler(handler)
    # Linux counts ru_maxrss in KiB, and for the children gives the largest: the search indexer
    # (Pagefind), the forked helpers that write the data files and convert half of the pages.
    own, helper = (
        resource.getrusage(who).ru_maxrss * 1024 / 1e6 for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    print(
        f"built {site_dir} in {time.perf_counter() - started:.1f} s"
        f" (peak memory {own:,.0f} MB; largest helper process {helper:,.0f} MB)"
    )
    return OK
