"""The events: a page per event, with every date its sources give, what each says of it, and who spoke."""

from __future__ import annotations

from typing import Any

from ...content.dates import PartialDate
from ...content.history import History
from ...content.link import Cited, Corpus, MergedEvent
from ..text import plain_text, shorten
from . import limits
from .common import SCHEMA, PageSpec, last_changed, number_references, page_path, search_facets, with_changed
from .timeline import TimelineLayout

PRECISION_WORDS = {1: "to the year", 2: "to the month", 3: "to the day"}


def plan_event(corpus: Corpus, event: MergedEvent, timeline: TimelineLayout, history: History) -> PageSpec:
    """An event's page: its dates as each source gives them, its actors, its sources' accounts, and
    the quotes and statements of the briefings that report it."""
    quotes = tuple(Cited(quote, article) for article in event.sources for quote in article.quotes)
    statements = tuple(Cited(s, article) for article in event.sources for s in article.statements)
    topics = tuple(dict.fromkeys(topic for article in event.sources for topic in article.topics))
    description = _describe(event)
    first = event.sources[0]
    changed = last_changed(history, event.sources)
    return PageSpec(
        page_path("event", event.key),
        "event.md.j2",
        event.title,
        {
            "event": event,
            "precision": _precision(event),
            "dates_given": dates_given(event),
            "timeline_page": timeline.page_of(event),
            "quotes": quotes,
            "statements": statements,
            "event_topics": topics,
            "references": number_references(event.sources),
            "changed": changed,
        },
        source=corpus.content.source_path("article", first.id),
        description=description,
        search_lists=False,  # its title is its own; the accounts, quotes and statements lead to the briefings
        meta=with_changed(
            {
                "jsonld": _event_jsonld(event, description, corpus),
                **search_facets("Event", min(r.date for r in event.reports).iso()),
            },
            changed,
        ),
        kind="event",
        id=event.key,
    )


def dates_given(event: MergedEvent) -> tuple[PartialDate, ...]:
    """Every date the reports of an event give, each once, earliest first."""
    return tuple(sorted({report.date for report in event.reports}))


def precision_words(date: PartialDate) -> str:
    """How well a date is known, in words: 'to the day', 'to the month, approximately'."""
    return PRECISION_WORDS[date.precision] + (", approximately" if date.is_approximate else "")


def _precision(event: MergedEvent) -> str:
    dates = [event.date] if not event.is_conflicting else [r.date for r in event.reports]
    return "; ".join(dict.fromkeys(precision_words(d) for d in dates))


def _describe(event: MergedEvent) -> str:
    """The page's description: the date (each, where sources disagree) and the title, then the first details."""
    dates = " or ".join(date.human() for date in dates_given(event)) if event.is_conflicting else event.date.human()
    details = next((r.details for r in event.reports if r.details), None)
    text = f"{dates}: {event.title}."
    if details:
        text += " " + plain_text(details)
    return shorten(text, limits.DESCRIPTION_LENGTH)


def _event_jsonld(event: MergedEvent, description: str, corpus: Corpus) -> dict[str, Any]:
    """schema.org metadata, as data: an Event, with who took part and the briefings that report it."""
    jsonld: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "description": description,
        "startDate": min(r.date for r in event.reports).iso(),
    }
    if event.actors:
        jsonld["about"] = [{"@type": "Thing", "name": corpus.actors[id].name} for id in event.actors]
    jsonld["subjectOf"] = [
        {"@type": "NewsArticle", "headline": article.title, "datePublished": article.source.published.iso()}
        | ({"url": article.source.url} if article.source.url else {})
        for article in event.sources
    ]
    return jsonld
