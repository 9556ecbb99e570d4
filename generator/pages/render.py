"""Render: page specs -> Markdown, through the Jinja2 templates in site_templates/.

Content text reaches Markdown through exactly two filters: ``text`` for plain-text
fields (shown exactly as written: every character Markdown could read as syntax
becomes a character reference) and ``md`` for Markdown fields (Markdown kept; raw
HTML and the syntax of Markdown extensions shown as text). Lists and tables written
as raw HTML (they convert faster) take text through ``e`` and Markdown fields through
``md_html``, the HTML Markdown makes of them.
"""

from __future__ import annotations

import contextlib
import functools
import html
import json
import pickle
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2

from ..content.counts import count
from ..content.dates import PartialDate
from .escape import blockquote, escape_markdown, escape_text
from .graph import draw_svg
from .pieces import Pieces
from .plan import PageSpec
from .plan.events import precision_words
from .text import inline_html, script_language
from .timeline_svg import draw_timeline_svg


@dataclass(frozen=True)
class RenderedPage:
    """A page ready for a builder: its path, its Markdown, and the content file it came from."""

    path: str
    markdown: str
    source: str | None


@dataclass(frozen=True)
class Asset:
    """A file of the site that is not a page (a feed, a data file): its path in the site and its bytes."""

    path: str
    content: bytes


def front_matter(spec: PageSpec) -> str:
    """Write the page's YAML front matter (JSON strings are valid YAML)."""
    lines = ["---", f"title: {json.dumps(spec.title, ensure_ascii=False)}"]
    lines.append('hide: ["navigation"]')  # the nav holds sections only: no empty left column
    if spec.description:
        lines.append(f"description: {json.dumps(spec.description, ensure_ascii=False)}")
    if spec.search_boost is not None or spec.search_exclude or not spec.search_lists:
        lines.append("search:")
        if spec.search_boost is not None:
            lines.append(f"  boost: {spec.search_boost}")
        if spec.search_exclude:
            lines.append("  exclude: true")
        if not spec.search_lists:
            lines.append("  lists: false")
    if spec.search_tags:  # the MkDocs glue escapes them for the theme, as it does the title
        lines.append(f"tags: {json.dumps(list(spec.search_tags), ensure_ascii=False)}")
    # Data for the theme (JSON-LD, the timeline's filters): one line of JSON each, which YAML reads as is.
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in spec.meta.items()]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def human_date(value: PartialDate) -> str:
    return value.human()


_ROW = re.compile(r"<tr>.*?</tr>", re.DOTALL)
_CELL = re.compile("<td>")


def label_cells(rows: str, headings: Sequence[str]) -> str:
    """Give each cell of a raw HTML table's rows its column's heading (data-label): on a phone,
    where the rows become cards, each cell is shown under its heading. Text in cells is escaped,
    so '<td>' is only ever a cell."""
    labels = [f'<td data-label="{html.escape(heading)}">' for heading in headings]

    def label(row: re.Match[str]) -> str:
        cells = iter(labels)
        return _CELL.sub(lambda _: next(cells, "<td>"), row.group(0))

    return _ROW.sub(label, rows)


def lang_attribute(text: str) -> str:
    """' lang="ko"' for a name in Hangul, and so on (text.script_language); '' for one in Latin letters."""
    language = script_language(text)
    return f' lang="{language}"' if language else ""


def template_problem(error: jinja2.TemplateError) -> str:
    """Say where a template went wrong, compiler-style, for the people who maintain templates."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    if name is None:  # an error while rendering: find the template frame in the traceback
        frame = error.__traceback__
        while frame is not None:
            code = frame.tb_frame.f_code
            if code.co_filename.endswith(".j2"):
                name, line = code.co_filename, frame.tb_lineno
            frame = frame.tb_next
    where = f"{name}:{line}: " if name else ""
    return f"{where}template error: {error.message or type(error).__name__}"


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled by one build, kept for the next ones: Jinja's cache on disk, by default in
    a folder of the system's temporary one that only this user may write. Jinja takes a template's
    bytecode only while the template's source and Python's version are those it was compiled from.

    Each build compiled the theme's templates, and each process that renders pages compiled the
    pages' own: a fifth of a small site's build (tests/sample/: 3.2 CPU-seconds without the cache,
    2.6 with it, six builds each, taken in turns); at 250 articles it is lost in the rest (24 s).
    A cache that cannot be read or written is only a cache missed: the build goes on.
    """

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable, or not bytecode
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@functools.cache
def compiled_templates() -> CompiledTemplates | None:
    """This user's CompiledTemplates; None (each build compiles) where Jinja finds no folder safe for it."""
    try:
        return CompiledTemplates()
    except (OSError, RuntimeError):  # RuntimeError: the folder is not this user's alone
        return None


def make_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """Create the one Jinja2 environment: strict, and with every filter registered here."""
    environment = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=compiled_templates(),
    )
    environment.filters.update(
        text=escape_text,
        md=escape_markdown,
        md_html=inline_html,
        blockquote=blockquote,
        date=human_date,
        count=count,
        precision=precision_words,
        lang=lang_attribute,
        label_cells=label_cells,
        svg=draw_svg,
        timeline_svg=draw_timeline_svg,
    )
    return environment


PageMemo = dict[str, tuple[PageSpec, RenderedPage]]


def render_pages(
    specs: Iterable[PageSpec],
    environment: jinja2.Environment,
    shared: Mapping[str, Any],
    memo: PageMemo | None = None,
    run: Callable[[Callable[[PageSpec], RenderedPage], Sequence[PageSpec]], Iterable[RenderedPage]] = map,
) -> tuple[RenderedPage, ...]:
    """Render each page spec to Markdown; ``shared`` is what every template may look up.

    With ``memo`` (kept between the rebuilds of `mkdocs serve`), a page whose spec equals
    the one it had last time keeps its Markdown. Whoever keeps the memo clears it when
    the templates or ``shared`` change, since a spec does not hold them. ``run`` renders
    the pages: ``map`` by default, or one that spreads them over processes.
    """
    specs = tuple(specs)
    known = {}
    if memo is not None:
        known = {spec.path: memo[spec.path][1] for spec in specs if spec.path in memo and memo[spec.path][0] == spec}

    def render(spec: PageSpec) -> RenderedPage:
        template = environment.get_template(f"pages/{spec.template}")
        pieces = Pieces(spec.path, shared.get("actors_by_id", {}), spec.context.get("references"))
        body = template.render(page=spec, **shared, **spec.context, **pieces.functions())
        markdown = front_matter(spec) + re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
        return RenderedPage(spec.path, markdown, spec.source)

    todo = [spec for spec in specs if spec.path not in known]
    for spec, page in zip(todo, run(render, todo), strict=True):
        known[spec.path] = page
        if memo is not None:
            memo[spec.path] = (spec, page)
    return tuple(known[spec.path] for spec in specs)
