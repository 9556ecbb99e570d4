"""The briefings: one page per article, and the index of them all, newest first (split by year when long)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import Any

from ...content.counts import count
from ...content.history import History
from ...content.link import Corpus, MergedEvent, Report
from ...content.model import Article
from ..text import plain_text
from . import limits
from .common import (
    SCHEMA,
    SCHEMA_TYPES,
    Facets,
    PageSpec,
    Period,
    collection_page,
    facets_of,
    filter_options,
    last_changed,
    page_path,
    period_links,
    period_page,
    period_pagers,
    search_facets,
    with_changed,
)
from .timeline import TimelineLayout

# What the briefings' filters differ in from the timeline's: what they count, and no kind of date.
_BRIEFING_FILTERS = {"items": "briefings", "dates": False}


def layout_briefings(articles: Sequence[Article]) -> tuple[Period, ...]:
    """Split a long index of briefings (newest first) by year of publication; () when it fits one page."""
    if len(articles) <= limits.BRIEFINGS_PAGE:
        return ()
    years = groupby(articles, key=lambda article: article.source.published.year)
    return tuple(
        Period(str(year), str(year), len(group), group) for year, members in years if (group := tuple(members))
    )


def briefing_facets(corpus: Corpus) -> dict[str, Facets]:
    """What the filters match a briefing on: who is in the story, and every topic whose page lists it."""
    topics: dict[str, list[str]] = {article.id: [] for article in corpus.articles}
    for topic_id in sorted(corpus.by_topic):
        for article in corpus.by_topic[topic_id].articles:
            topics[article.id].append(topic_id)
    return {
        article.id: Facets(
            tuple(p.actor.id for p in corpus.article_actors[article.id]), tuple(topics[article.id]), "exact"
        )
        for article in corpus.articles
    }


def plan_briefings_index(corpus: Corpus) -> list[PageSpec]:
    """The briefings, newest first: one page, or the newest on the first page and a page per year."""
    articles = corpus.articles
    facets = briefing_facets(corpus)
    years = layout_briefings(articles)
    every = {**filter_options(corpus, facets.values()), **_BRIEFING_FILTERS}
    context = {"period": None, "pager": None, "periods": period_links(years), "facets": facets, "total": len(articles)}
    if not years:
        description = f"{count(len(articles), 'briefing')}, newest first."
        return [collection_page("briefings", "Briefings", {**context, "articles": articles}, description, every)]
    description = f"The newest of {count(len(articles), 'briefing')}, and a page for each year's."
    first = {**context, "articles": articles[: limits.BRIEFINGS_LATEST]}
    pages = [collection_page("briefings", "Briefings", first, description, every)]
    pagers = period_pagers(years)
    for year in years:
        listing = {**context, "articles": year.items, "facets": facets_of(facets, (a.id for a in year.items))}
        description = f"The {count(year.count, 'briefing')} published in {year.label}, newest first."
        filters = {**filter_options(corpus, (facets[article.id] for article in year.items)), **_BRIEFING_FILTERS}
        title = f"Briefings, {year.label}"
        pages.append(period_page("briefings_year", year, pagers[year.id], title, description, listing, filters))
    return pages


def plan_briefing(corpus: Corpus, article: Article, timeline: TimelineLayout, history: History) -> PageSpec:
    description = plain_text(article.summary, limits.DESCRIPTION_LENGTH)
    events = corpus.article_events[article.id]
    changed = last_changed(history, (article,))
    return PageSpec(
        page_path("briefing", article.id),
        "briefing.md.j2",
        article.title,
        {
            "article": article,
            "reports": _reports(article, events),
            "event_pages": {event.key: timeline.page_of(event) for event in events},
            "appearances": corpus.article_actors[article.id],
            "changed": changed,
        },
        source=corpus.content.source_path("article", article.id),
        description=description,
        meta=with_changed(
            {
                "jsonld": _briefing_jsonld(article, description, corpus),
                **search_facets(
                    "Briefing", article.source.published.iso(), topic=[corpus.topics[id].name for id in article.topics]
                ),
            },
            changed,
        ),
        kind="briefing",
        id=article.id,
    )


def _reports(article: Article, events: tuple[MergedEvent, ...]) -> tuple[tuple[MergedEvent, Report], ...]:
    """Pair each event of an article with that article's own report of it, in date order."""
    pairs = [(event, report) for event in events for report in event.reports if report.article.id == article.id]
    return tuple(sorted(pairs, key=lambda pair: (pair[1].date.sort_key, pair[0].key)))


def _briefing_jsonld(article: Article, description: str, corpus: Corpus) -> dict[str, Any]:
    """schema.org metadata, as data: the theme writes it into the page with Jinja's tojson."""
    source = article.source
    original: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": source.published.iso(),
        "publisher": {"@type": "Organization", "name": source.publisher},
    }
    if source.url:
        original["url"] = source.url
    if source.authors:
        original["author"] = [{"@type": "Person", "name": name} for name in source.authors]
    if source.dateline:
        original["dateline"] = source.dateline
    jsonld: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": article.title,
        "description": description,
        "isBasedOn": original,
    }
    if article.topics:
        jsonld["about"] = [{"@type": "Thing", "name": corpus.topics[id].name} for id in article.topics]
    appearances = corpus.article_actors[article.id]
    if appearances:
        jsonld["mentions"] = [{"@type": SCHEMA_TYPES[p.actor.kind], "name": p.actor.name} for p in appearances]
    return jsonld
