"""Plan: decide which pages exist, at which path, with what to show. Sorting and grouping live here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from .link import Corpus, MergedEvent, Report
from .model import Actor, ActorKind, Article

LATEST = 5
RECENT_EVENTS = 8

_PATHS = {
    "home": "index.md",
    "briefings": "briefings/index.md",
    "briefing": "briefings/{id}.md",
    "actors": "actors/index.md",
    "actor": "actors/{id}.md",
    "topics": "topics/index.md",
    "topic": "topics/{id}.md",
    "timeline": "timeline.md",
}
KIND_HEADINGS = {ActorKind.COUNTRY: "Countries", ActorKind.ORGANIZATION: "Organizations", ActorKind.PERSON: "People"}


def page_path(kind: str, id: str = "") -> str:
    """Return the Markdown path of a page: ('actor', 'russia') -> 'actors/russia.md'."""
    return _PATHS[kind].format(id=id)


@dataclass(frozen=True)
class PageSpec:
    """One page to render: its path, template, title and the typed data it shows."""

    path: str
    template: str
    title: str
    context: Mapping[str, Any] = field(repr=False)
    source: str | None = None
    description: str = ""
    search_boost: float | None = None


@dataclass(frozen=True)
class YearGroup:
    year: int
    events: tuple[MergedEvent, ...]


def group_by_year(events: Iterable[MergedEvent]) -> tuple[YearGroup, ...]:
    return tuple(YearGroup(year, tuple(group)) for year, group in groupby(events, key=lambda e: e.date.year))


def plan_pages(corpus: Corpus) -> tuple[PageSpec, ...]:
    """List every page of the site, in a stable order."""
    content = corpus.content
    pages = [
        _home(corpus),
        PageSpec(
            page_path("briefings"),
            "briefings.md.j2",
            "Briefings",
            {"articles": corpus.articles},
            description=f"All {len(corpus.articles)} briefings, newest first.",
        ),
        _actor_index(corpus),
        PageSpec(
            page_path("topics"),
            "topics.md.j2",
            "Topics",
            {
                "topics": tuple(sorted(corpus.topics.values(), key=lambda t: (t.name.casefold(), t.id))),
                "by_topic": corpus.by_topic,
            },
            description="The topics these briefings follow.",
        ),
        PageSpec(
            page_path("timeline"),
            "timeline.md.j2",
            "Timeline",
            {"years": group_by_year(corpus.events), "event_count": len(corpus.events)},
            description=f"{len(corpus.events)} events from every briefing, by date.",
        ),
    ]
    for article in corpus.articles:
        pages.append(
            PageSpec(
                page_path("briefing", article.id),
                "briefing.md.j2",
                article.title,
                {
                    "article": article,
                    "reports": _reports(article, corpus.article_events[article.id]),
                    "appearances": corpus.article_actors[article.id],
                },
                source=content.source_path("article", article.id),
                description=f"{article.source.publisher}, {article.source.published.human()}: {article.title}",
            )
        )
    for actor in content.actors.values():
        pages.append(
            PageSpec(
                page_path("actor", actor.id),
                "actor.md.j2",
                actor.name,
                {"actor": actor, "index": corpus.by_actor[actor.id]},
                source=content.source_path("actor", actor.id),
                description=_describe_actor(actor, corpus.actors),
                search_boost=2,
            )
        )
    for topic in content.topics.values():
        pages.append(
            PageSpec(
                page_path("topic", topic.id),
                "topic.md.j2",
                topic.name,
                {"topic": topic, "index": corpus.by_topic[topic.id]},
                source=content.source_path("topic", topic.id),
                description=f"Topic: {topic.name}. Positions, events and briefings.",
            )
        )
    return tuple(pages)


def _home(corpus: Corpus) -> PageSpec:
    recent = tuple(reversed(corpus.events[-RECENT_EVENTS:]))
    return PageSpec(
        page_path("home"),
        "home.md.j2",
        "Home",
        {
            "latest": corpus.articles[:LATEST],
            "recent_events": recent,
            "topics": tuple(sorted(corpus.topics.values(), key=lambda t: (t.name.casefold(), t.id))),
            "counts": {
                "briefings": len(corpus.articles),
                "actors": len(corpus.actors),
                "topics": len(corpus.topics),
                "events": len(corpus.events),
            },
        },
        description="Briefings, actor profiles, topics and a timeline, every fact linked to its source.",
    )


def _actor_index(corpus: Corpus) -> PageSpec:
    groups = []
    for kind in (ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.PERSON):
        members = sorted((a for a in corpus.actors.values() if a.kind is kind), key=lambda a: (a.name.casefold(), a.id))
        if members:
            groups.append((KIND_HEADINGS[kind], tuple(members)))
    return PageSpec(
        page_path("actors"),
        "actors.md.j2",
        "Actors",
        {"groups": tuple(groups), "by_actor": corpus.by_actor},
        description=f"{len(corpus.actors)} people, countries and organizations in these briefings.",
    )


def _describe_actor(actor: Actor, actors: Mapping[str, Actor]) -> str:
    parts = [actor.name, f"({actor.kind.value})"]
    current = [role.title for role in actor.roles if role.is_current]
    if current:
        parts.append(f"– {current[0]}")
    if actor.aliases:
        parts.append(f"– also known as {', '.join(actor.aliases)}")
    return " ".join(parts)


def _reports(article: Article, events: tuple[MergedEvent, ...]) -> tuple[tuple[MergedEvent, Report], ...]:
    """Pair each event of an article with that article's own report of it, in date order."""
    pairs = [(event, report) for event in events for report in event.reports if report.article.id == article.id]
    return tuple(sorted(pairs, key=lambda pair: (pair[1].date.sort_key, pair[0].key)))
