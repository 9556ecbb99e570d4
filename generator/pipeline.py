"""The whole generator on one screen: content folder in, Markdown pages out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from .diagnostics import ContentError, Diagnostic
from .exports import Asset, export_files, with_export_links
from .link import Corpus, link_corpus
from .load import load_tree
from .plan import plan_pages
from .render import RenderedPage, make_environment, render_pages
from .validate import validate_documents


@dataclass(frozen=True)
class Build:
    corpus: Corpus
    pages: tuple[RenderedPage, ...]
    assets: tuple[Asset, ...]  # files that are not pages: feeds, calendars, data
    warnings: tuple[Diagnostic, ...]


def check_content(content_dir: Path) -> tuple[Corpus, tuple[Diagnostic, ...]]:
    """Load, validate and link; raise ContentError with every diagnostic if any is an error."""
    loaded = load_tree(content_dir)
    content, problems = validate_documents(loaded.documents, loaded.present)
    diagnostics = loaded.diagnostics + problems
    if any(d.is_error for d in diagnostics):
        raise ContentError(diagnostics)
    corpus, warnings = link_corpus(content)
    return corpus, tuple(sorted(diagnostics + warnings))


def build_pages(content_dir: Path, templates_dir: Path, site_url: str | None = None) -> Build:
    """Turn a content folder into Markdown pages, and the data files published beside them."""
    corpus, warnings = check_content(content_dir)
    specs = tuple(with_export_links(spec) for spec in plan_pages(corpus))
    environment = make_environment(jinja2.FileSystemLoader(templates_dir))
    shared = {"actors_by_id": corpus.actors, "topics_by_id": corpus.topics}
    return Build(corpus, render_pages(specs, environment, shared), export_files(corpus, site_url), warnings)
