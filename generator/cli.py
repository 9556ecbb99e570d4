"""The command line: check, build and render. Exit 0 fine, 1 content errors, 2 usage."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import jinja2

from .diagnostics import ContentError, Diagnostic, summarize
from .emit import replace_directory, write_pages
from .pipeline import build_pages, check_content
from .render import template_problem

OK, CONTENT_ERRORS, USAGE = 0, 1, 2
INTERRUPTED = 128 + signal.SIGINT


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build a briefing site from YAML content.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate the content only")
    _content_option(check)

    build = commands.add_parser("build", help="validate, generate and build the site with MkDocs")
    _content_option(build)
    build.add_argument("--site-dir", type=Path, default=Path("site"), help="where the site goes (default: site)")
    build.add_argument(
        "--config-file", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration (default: mkdocs.yml)"
    )
    build.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")

    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    _content_option(render)
    render.add_argument(
        "--templates", type=Path, default=Path("site_templates"), help="the templates folder (default: site_templates)"
    )
    render.add_argument("--out", type=Path, required=True, help="the folder to write the Markdown into")

    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        if args.command == "check":
            return _check(args.content)
        if args.command == "render":
            return _render(args.content, args.templates, args.out)
        return _build(args.content, args.site_dir, args.config_file, args.strict)
    except ContentError as error:
        _report(error.diagnostics)
        return CONTENT_ERRORS
    except jinja2.TemplateError as error:
        print(template_problem(error), file=sys.stderr)
        return CONTENT_ERRORS
    except KeyboardInterrupt:
        print("interrupted: nothing was changed", file=sys.stderr)
        return INTERRUPTED


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="the content folder (default: content)")


def _report(diagnostics: Sequence[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    if diagnostics:
        print(summarize(diagnostics), file=sys.stderr)


def _check(content: Path) -> int:
    corpus, warnings = check_content(content)
    _report(warnings)
    print(
        f"{content}: {len(corpus.articles)} articles, {len(corpus.actors)} actors, {len(corpus.topics)} topics, {len(corpus.events)} events: ok"
    )
    return OK


def _render(content: Path, templates: Path, out: Path) -> int:
    build = build_pages(content, templates)
    _report(build.warnings)
    replace_directory(out, lambda fresh: write_pages(build.pages, fresh))
    print(f"wrote {len(build.pages)} pages to {out}")
    return OK


def _build(content: Path, site_dir: Path, config_file: Path, strict: bool) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        print(f"error: {config_file} not found: run from the project folder or pass --config-file", file=sys.stderr)
        return USAGE
    corpus, warnings = check_content(content)
    _report(warnings)
    if "SOURCE_DATE_EPOCH" not in os.environ and corpus.articles:
        # Date the build by its newest article, so the same content gives the same bytes.
        newest = corpus.articles[0].source.published.first_day()
        epoch = dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(epoch.timestamp()))
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    handler.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    started = time.perf_counter()

    def fill(fresh: Path) -> None:
        config = load_config(str(config_file), site_dir=str(fresh), strict=strict)
        config.plugins["briefing"].config.content_dir = str(content.resolve())
        mkdocs_build(config)

    try:
        replace_directory(site_dir, fill)
    except MkDocsException as error:
        print(f"error: the site was not built, and {site_dir} is unchanged: {error}", file=sys.stderr)
        return CONTENT_ERRORS
    finally:
        mkdocs_log.removeHandler(handler)
    print(f"built {site_dir} in {time.perf_counter() - started:.1f} s")
    return OK
