"""Link: resolve ids, merge events that share an id, index everything by actor and topic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from .dates import PartialDate
from .diagnostics import Diagnostic, Severity
from .model import Actor, Article, Quote, Relation, Statement, Topic
from .validate import Content

MOST_FREQUENT = 10
T = TypeVar("T")


@dataclass(frozen=True)
class Report:
    """One article's account of an event: its date, title and details as that article gave them."""

    article: Article
    date: PartialDate
    title: str
    as_written: str | None
    details: str | None


@dataclass(frozen=True)
class MergedEvent:
    """An event as the site shows it: one entry, with every article that reported it."""

    key: str
    date: PartialDate
    title: str
    actors: tuple[str, ...]
    reports: tuple[Report, ...]
    is_conflicting: bool

    @property
    def anchor(self) -> str:
        return f"event-{self.key}"

    @property
    def sources(self) -> tuple[Article, ...]:
        return tuple(report.article for report in self.reports)

    @property
    def sort_key(self) -> tuple[tuple[int, int, int, int], str, str]:
        return (self.date.sort_key, self.title, self.key)


@dataclass(frozen=True)
class Cited(Generic[T]):
    """A quote, statement or relation with the article it came from."""

    item: T
    article: Article


@dataclass(frozen=True)
class Appearance:
    """An actor in one story, with the role the article gives it there."""

    actor: Actor
    role: str | None


@dataclass(frozen=True)
class ActorIndex:
    articles: tuple[Article, ...]
    roles_in_stories: tuple[Cited[str], ...]
    events: tuple[MergedEvent, ...]
    quotes: tuple[Cited[Quote], ...]
    statements: tuple[Cited[Statement], ...]
    relations_out: tuple[Cited[Relation], ...]
    relations_in: tuple[Cited[Relation], ...]
    companions: tuple[tuple[Actor, int], ...]


@dataclass(frozen=True)
class TopicIndex:
    articles: tuple[Article, ...]
    events: tuple[MergedEvent, ...]
    positions: tuple[Cited[Statement], ...]
    key_actors: tuple[tuple[Actor, int], ...]


@dataclass(frozen=True)
class Corpus:
    """The linked site: records, merged events and indexes, all in display order."""

    content: Content
    articles: tuple[Article, ...]  # newest first
    events: tuple[MergedEvent, ...]  # timeline order
    article_events: Mapping[str, tuple[MergedEvent, ...]]
    article_actors: Mapping[str, tuple[Appearance, ...]]
    by_actor: Mapping[str, ActorIndex]
    by_topic: Mapping[str, TopicIndex]

    @property
    def actors(self) -> Mapping[str, Actor]:
        return self.content.actors

    @property
    def topics(self) -> Mapping[str, Topic]:
        return self.content.topics


def newest_first(articles: Iterable[Article]) -> tuple[Article, ...]:
    by_id = sorted(articles, key=lambda article: article.id)
    return tuple(sorted(by_id, key=lambda article: article.source.published.sort_key, reverse=True))


def link_corpus(content: Content) -> tuple[Corpus, tuple[Diagnostic, ...]]:
    """Build the linked corpus; warn where reports of one event disagree on its date."""
    articles = newest_first(content.articles.values())
    events, article_events, diagnostics = _merge_events(content)
    article_actors = {article.id: _appearances(article, content.actors) for article in articles}
    by_actor = {
        actor_id: _index_actor(actor_id, articles, events, article_actors, content) for actor_id in content.actors
    }
    by_topic = {
        topic_id: _index_topic(topic_id, articles, article_events, article_actors, content)
        for topic_id in content.topics
    }
    corpus = Corpus(content, articles, events, article_events, article_actors, by_actor, by_topic)
    return corpus, diagnostics


def _merge_events(
    content: Content,
) -> tuple[tuple[MergedEvent, ...], dict[str, tuple[MergedEvent, ...]], tuple[Diagnostic, ...]]:
    groups: dict[str, list[tuple[Article, int]]] = {}
    oldest_first = sorted(content.articles.values(), key=lambda a: (a.source.published.sort_key, a.id))
    for article in oldest_first:
        for index, reported in enumerate(article.events):
            key = reported.id if reported.id is not None else f"{article.id}-{index + 1}"
            groups.setdefault(key, []).append((article, index))
    merged: dict[str, MergedEvent] = {}
    diagnostics: list[Diagnostic] = []
    for key, members in groups.items():
        event, warning = _merge(key, members, content)
        merged[key] = event
        if warning:
            diagnostics.append(warning)
    events = tuple(sorted(merged.values(), key=lambda e: e.sort_key))
    article_events: dict[str, list[MergedEvent]] = {article_id: [] for article_id in content.articles}
    for event in events:
        for article_id in dict.fromkeys(report.article.id for report in event.reports):
            article_events[article_id].append(event)
    return events, {k: tuple(v) for k, v in article_events.items()}, tuple(diagnostics)


def _merge(key: str, members: list[tuple[Article, int]], content: Content) -> tuple[MergedEvent, Diagnostic | None]:
    reports = tuple(
        Report(
            article,
            article.events[i].date,
            article.events[i].title,
            article.events[i].as_written,
            article.events[i].details,
        )
        for article, i in members
    )
    dates = [report.date for report in reports]
    is_conflicting = any(not a.agrees_with(b) for a in dates for b in dates)
    # The most precise date wins; among equals, an exact date beats an approximate one.
    date = max(dates, key=lambda d: (d.precision, not d.is_approximate)) if not is_conflicting else min(dates)
    actors = tuple(dict.fromkeys(actor for article, i in members for actor in article.events[i].actors))
    event = MergedEvent(key, date, reports[0].title, actors, reports, is_conflicting)
    warning = None
    if is_conflicting:
        article, index = members[-1]
        document = content.documents[("article", article.id)]
        accounts = "; ".join(f"{r.date} in {content.source_path('article', r.article.id)}" for r in reports)
        warning = document.diagnostic(
            ("events", index, "date"),
            f"the articles that report event '{key}' disagree on its date ({accounts}); the site shows each date with its source",
            Severity.WARNING,
        )
    return event, warning


def _appearances(article: Article, actors: Mapping[str, Actor]) -> tuple[Appearance, ...]:
    """List who is in a story: its declared actors first, then anyone else it names."""
    roles: dict[str, str | None] = {}
    for ref in article.actors:
        roles.setdefault(ref.id, ref.role)
    named = [actor for event in article.events for actor in event.actors]
    named += [quote.by for quote in article.quotes]
    named += [statement.by for statement in article.statements]
    named += [actor for relation in article.relations for actor in (relation.source, relation.target)]
    for actor_id in named:
        roles.setdefault(actor_id, None)
    return tuple(Appearance(actors[actor_id], role) for actor_id, role in roles.items())


def _ranked(counts: Counter[str], actors: Mapping[str, Actor]) -> tuple[tuple[Actor, int], ...]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], actors[item[0]].name, item[0]))
    return tuple((actors[actor_id], count) for actor_id, count in ranked[:MOST_FREQUENT])


def _index_actor(
    actor_id: str,
    articles: tuple[Article, ...],
    events: tuple[MergedEvent, ...],
    article_actors: Mapping[str, tuple[Appearance, ...]],
    content: Content,
) -> ActorIndex:
    mentioned = tuple(a for a in articles if any(p.actor.id == actor_id for p in article_actors[a.id]))
    companions: Counter[str] = Counter()
    for article in mentioned:
        companions.update(p.actor.id for p in article_actors[article.id] if p.actor.id != actor_id)
    return ActorIndex(
        articles=mentioned,
        roles_in_stories=tuple(
            Cited(p.role, a) for a in mentioned for p in article_actors[a.id] if p.actor.id == actor_id and p.role
        ),
        events=tuple(e for e in events if actor_id in e.actors),
        quotes=tuple(Cited(q, a) for a in mentioned for q in a.quotes if q.by == actor_id),
        statements=tuple(Cited(s, a) for a in mentioned for s in a.statements if s.by == actor_id),
        relations_out=tuple(Cited(r, a) for a in mentioned for r in a.relations if r.source == actor_id),
        relations_in=tuple(Cited(r, a) for a in mentioned for r in a.relations if r.target == actor_id),
        companions=_ranked(companions, content.actors),
    )


def _index_topic(
    topic_id: str,
    articles: tuple[Article, ...],
    article_events: Mapping[str, tuple[MergedEvent, ...]],
    article_actors: Mapping[str, tuple[Appearance, ...]],
    content: Content,
) -> TopicIndex:
    positions = tuple(Cited(s, a) for a in articles for s in a.statements if s.topic == topic_id)
    related = tuple(a for a in articles if topic_id in a.topics or any(s.topic == topic_id for s in a.statements))
    events = {e.key: e for a in related for e in article_events[a.id]}
    counts: Counter[str] = Counter(p.item.by for p in positions)
    for article in related:
        counts.update(p.actor.id for p in article_actors[article.id])
    return TopicIndex(
        articles=related,
        events=tuple(sorted(events.values(), key=lambda e: e.sort_key)),
        positions=tuple(sorted(positions, key=lambda p: (content.actors[p.item.by].name, p.item.by))),
        key_actors=_ranked(counts, content.actors),
    )
