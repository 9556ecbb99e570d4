"""The small pieces pages repeat, as template functions: links, citations, table rows.

Templates call ``actor_a(actor)``, ``cite(article)`` or ``row(cells)`` dozens of times a page,
a profile hundreds. A Jinja macro call costs about ten times a Python one, so these are Python:
the methods of one ``Pieces`` for each page, which knows where the page is and what it cites.
They are plain functions to Jinja: a function that asks for the template's context gets a copy
of it made for each call inside a loop, which cost more than the rest of the call.

Plain text goes through ``escape_text`` in Markdown and ``escape`` in raw HTML, links through
``url`` (Markdown) or ``href`` (raw HTML): both name the Markdown file, relative to this one
(links.py says why).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from markupsafe import escape

from .escape import escape_text
from .links import relative_path
from .plan import page_path


class Pieces:
    """The pieces for the page at ``path``, whose actors are looked up in ``actors`` and whose
    numbered sources (on pages that end with References) are ``references``."""

    NAMES = (
        *("url", "href", "site_link"),
        *("actor_link", "actor_links", "joint_link", "topic_link", "briefing_link", "cite", "cite_all", "ref", "refs"),
        *("actor_a", "joint_a", "jointly", "topic_a", "briefing_a", "cite_html", "refs_html", "event_date", "row"),
        "stance",
    )

    def __init__(self, path: str, actors: Mapping[str, Any], references: Any = None) -> None:
        self._folder = posixpath.dirname(path)
        self._actors = actors
        self._references = references

    def functions(self) -> dict[str, Callable[..., str]]:
        """What the page's template may call, by name."""
        return {name: getattr(self, name) for name in self.NAMES}

    # Links from this page to another page or file.

    def url(self, kind: str, id: str = "", anchor: str = "") -> str:
        """Link to another page, as a relative Markdown path."""
        relative = relative_path(page_path(kind, id), self._folder)
        return f"{relative}#{anchor}" if anchor else relative

    def href(self, kind: str, id: str = "") -> str:
        """Link to another page from raw HTML: its Markdown file, as in Markdown links.

        Builders that read links from the source file rewrite it; for MkDocs, which leaves raw
        HTML as it is, the plugin (or the standalone hook) makes it an address (links.py).
        """
        return self.url(kind, id)

    def site_link(self, path: str) -> str:
        """Link to a file of the site (a feed, a data file)."""
        return relative_path(path, self._folder)

    # Markdown links: to an actor's profile, a topic, a briefing; a briefing cited by its source.

    def _markdown_link(self, kind: str, id: str, text: str) -> str:
        return f"[{escape_text(text)}]({self.url(kind, id)})"

    def actor_link(self, actor: Any) -> str:
        return self._markdown_link("actor", actor.id, actor.name)

    def actor_links(self, ids: Iterable[str]) -> str:
        return ", ".join(self.actor_link(self._actors[id]) for id in ids)

    def joint_link(self, ids: Iterable[str]) -> str:
        """The actors of words said or a step taken jointly: 'A', 'A and B', 'A, B and C'."""
        return _and([self.actor_link(self._actors[id]) for id in ids])

    def topic_link(self, topic: Any) -> str:
        return self._markdown_link("topic", topic.id, topic.name)

    def briefing_link(self, article: Any) -> str:
        return self._markdown_link("briefing", article.id, article.title)

    def cite(self, article: Any) -> str:
        source, where = article.source, self.url("briefing", article.id)
        return f"[{escape_text(source.publisher)}, {source.published.human()}]({where}){{ .cite }}"

    def cite_all(self, articles: Iterable[Any]) -> str:
        return "; ".join(self.cite(article) for article in articles)

    # Numbered citations: [1] links to #ref-1, in the page's References.

    def refs(self, articles: Iterable[Any]) -> str:
        return "".join(
            f"[&#91;{reference.number}&#93;](#{reference.anchor}){{ .cite }}"
            for reference in self._references.cite(articles)
        )

    def ref(self, article: Any) -> str:
        return self.refs((article,))

    # The same in raw HTML, for lists and tables written as HTML.

    def _html_link(self, kind: str, id: str, text: str) -> str:
        return f'<a href="{self.href(kind, id)}">{escape(text)}</a>'

    def actor_a(self, actor: Any) -> str:
        return self._html_link("actor", actor.id, actor.name)

    def joint_a(self, ids: Iterable[str]) -> str:
        return _and([self.actor_a(self._actors[id]) for id in ids])

    def jointly(self, ids: Sequence[str], actor_id: str, markdown: bool = False) -> str:
        """On an actor's profile, the others that said it too: ' (jointly with B and C)', or ''."""
        others = [self._actors[id] for id in ids if id != actor_id]
        links = [self.actor_link(a) if markdown else self.actor_a(a) for a in others]
        return f" (jointly with {_and(links)})" if links else ""

    def topic_a(self, topic: Any) -> str:
        return self._html_link("topic", topic.id, topic.name)

    def briefing_a(self, article: Any) -> str:
        return self._html_link("briefing", article.id, article.title)

    def cite_html(self, article: Any) -> str:
        source, where = article.source, self.href("briefing", article.id)
        return f'<a class="cite" href="{where}">{escape(source.publisher)}, {escape(source.published.human())}</a>'

    def refs_html(self, articles: Iterable[Any]) -> str:
        return "".join(
            f'<a class="cite" href="#{reference.anchor}">[{reference.number}]</a>'
            for reference in self._references.cite(articles)
        )

    def event_date(self, event: Any, numbered: bool) -> str:
        """An event's date; when reports disagree, each date with its source (numbered, or cited)."""
        if not event.is_conflicting:
            return str(escape(event.date.human()))
        return " or ".join(
            f"{escape(report.date.human())} "
            + (self.refs_html((report.article,)) if numbered else f"({self.cite_html(report.article)})")
            for report in event.reports
        )

    @staticmethod
    def row(cells: Sequence[Any]) -> str:
        """A row of a raw HTML table (the ``table`` macro): cells already HTML."""
        return "<tr>\n" + "".join(f"<td>{cell}</td>\n" for cell in cells) + "</tr>"

    @staticmethod
    def stance(value: Any) -> str:
        return f"<strong>{escape(value.value)}</strong>" if value else "–"


def _and(parts: Sequence[str]) -> str:
    return f"{', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else "".join(parts)
