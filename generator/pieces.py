"""The small pieces pages repeat, as template functions: links, citations, table rows.

Templates call ``actor_a(actor)``, ``cite(article)`` or ``row(cells)`` dozens of times a page,
a profile hundreds. A Jinja macro call costs about ten times a Python one, so these are Python.
Each writes what its macro wrote: plain text goes through ``escape_text`` in Markdown and
``escape`` in raw HTML, links through ``url`` (Markdown) or ``href`` (raw HTML).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from typing import Any

import jinja2
from markupsafe import escape

from .escape import escape_text
from .plan import page_path, relative_path

# Links from the page being rendered (context["page"]) to another page or file.


@jinja2.pass_context
def url(context: Any, kind: str, id: str = "", anchor: str = "") -> str:
    """Link from the page being rendered to another page, as a relative Markdown path."""
    target = page_path(kind, id)
    here = posixpath.dirname(context["page"].path)
    relative = relative_path(target, here)
    return f"{relative}#{anchor}" if anchor else relative


@jinja2.pass_context
def href(context: Any, kind: str, id: str = "") -> str:
    """Link from the page being rendered to another page as its address, for raw HTML.

    Markdown links name Markdown files and MkDocs turns them into addresses; raw HTML is
    left as it is, so it links the address itself (pages live at folder addresses).
    """
    here = _address(context["page"].path)
    target = _address(page_path(kind, id))
    relative = relative_path(target, here)
    return "./" if relative == "." else relative + "/"


def _address(markdown_path: str) -> str:
    """The folder address of a page: 'actors/russia.md' -> 'actors/russia', 'index.md' -> ''."""
    stem = markdown_path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index")


@jinja2.pass_context
def site_link(context: Any, path: str) -> str:
    """Link from the page being rendered to a file of the site (a feed, a data file)."""
    return relative_path(path, posixpath.dirname(context["page"].path))


# Markdown links: to an actor's profile, a topic, a briefing; a briefing cited by its source.


def _markdown_link(context: Any, kind: str, id: str, text: str) -> str:
    return f"[{escape_text(text)}]({url(context, kind, id)})"


@jinja2.pass_context
def actor_link(context: Any, actor: Any) -> str:
    return _markdown_link(context, "actor", actor.id, actor.name)


@jinja2.pass_context
def actor_links(context: Any, ids: Iterable[str]) -> str:
    actors = context["actors_by_id"]
    return ", ".join(actor_link(context, actors[id]) for id in ids)


@jinja2.pass_context
def topic_link(context: Any, topic: Any) -> str:
    return _markdown_link(context, "topic", topic.id, topic.name)


@jinja2.pass_context
def briefing_link(context: Any, article: Any) -> str:
    return _markdown_link(context, "briefing", article.id, article.title)


@jinja2.pass_context
def cite(context: Any, article: Any) -> str:
    source = article.source
    return f"[{escape_text(source.publisher)}, {source.published.human()}]({url(context, 'briefing', article.id)}){{ .cite }}"


@jinja2.pass_context
def cite_all(context: Any, articles: Iterable[Any]) -> str:
    return "; ".join(cite(context, article) for article in articles)


# Numbered citations, on pages that end with References (context["references"]): [1] links to #ref-1.


@jinja2.pass_context
def refs(context: Any, articles: Iterable[Any]) -> str:
    return "".join(
        f"[&#91;{reference.number}&#93;](#{reference.anchor}){{ .cite }}"
        for reference in context["references"].cite(articles)
    )


@jinja2.pass_context
def ref(context: Any, article: Any) -> str:
    return refs(context, (article,))


# The same in raw HTML, for lists and tables written as HTML.


def _html_link(context: Any, kind: str, id: str, text: str) -> str:
    return f'<a href="{href(context, kind, id)}">{escape(text)}</a>'


@jinja2.pass_context
def actor_a(context: Any, actor: Any) -> str:
    return _html_link(context, "actor", actor.id, actor.name)


@jinja2.pass_context
def topic_a(context: Any, topic: Any) -> str:
    return _html_link(context, "topic", topic.id, topic.name)


@jinja2.pass_context
def briefing_a(context: Any, article: Any) -> str:
    return _html_link(context, "briefing", article.id, article.title)


@jinja2.pass_context
def cite_html(context: Any, article: Any) -> str:
    source = article.source
    where = href(context, "briefing", article.id)
    return f'<a class="cite" href="{where}">{escape(source.publisher)}, {escape(source.published.human())}</a>'


@jinja2.pass_context
def refs_html(context: Any, articles: Iterable[Any]) -> str:
    return "".join(
        f'<a class="cite" href="#{reference.anchor}">[{reference.number}]</a>'
        for reference in context["references"].cite(articles)
    )


@jinja2.pass_context
def event_date(context: Any, event: Any, numbered: bool) -> str:
    """An event's date; when reports disagree, each date with its source (numbered, or cited)."""
    if not event.is_conflicting:
        return str(escape(event.date.human()))
    return " or ".join(
        f"{escape(report.date.human())} "
        + (refs_html(context, (report.article,)) if numbered else f"({cite_html(context, report.article)})")
        for report in event.reports
    )


def row(cells: Sequence[Any]) -> str:
    """A row of a raw HTML table (the ``table`` macro): cells already HTML."""
    return "<tr>\n" + "".join(f"<td>{cell}</td>\n" for cell in cells) + "</tr>"


def stance(value: Any) -> str:
    return f"<strong>{escape(value.value)}</strong>" if value else "–"


FUNCTIONS = {
    "url": url,
    "href": href,
    "site_link": site_link,
    "actor_link": actor_link,
    "actor_links": actor_links,
    "topic_link": topic_link,
    "briefing_link": briefing_link,
    "cite": cite,
    "cite_all": cite_all,
    "ref": ref,
    "refs": refs,
    "actor_a": actor_a,
    "topic_a": topic_a,
    "briefing_a": briefing_a,
    "cite_html": cite_html,
    "refs_html": refs_html,
    "event_date": event_date,
    "row": row,
    "stance": stance,
}
