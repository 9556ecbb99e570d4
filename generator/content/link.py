"""Link: resolve ids, merge events that share an id, index everything by actor and topic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
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

    @cached_property
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
    events, article_events, diagnostics = merge_events(content)
    article_actors = {article.id: _appearances(article, content.actors) for article in articles}
    by_actor = _index_actors(articles, events, article_actors, content)
    by_topic = _index_topics(articles, article_events, article_actors, content)
    corpus = Corpus(content, articles, events, article_events, article_actors, by_actor, by_topic)
    return corpus, diagnostics


def merge_events(
    content: Content,
) -> tuple[tuple[MergedEvent, ...], dict[str, tuple[MergedEvent, ...]], tuple[Diagnostic, ...]]:
    """Merge the events that share an id, in timeline order; list each article's; warn where dates disagree."""
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


def merged_date(dates: Sequence[PartialDate]) -> PartialDate:
    """The date of an event its reports give these dates: the most precise, an exact one before an
    approximate one; the earliest when they disagree."""
    if any(not a.agrees_with(b) for a in dates for b in dates):
        return min(dates)
    return max(dates, key=lambda d: (d.precision, not d.is_approximate))


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
    date = merged_date(dates)
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
    named += [actor for quote in article.quotes for actor in quote.by]
    named += [actor for statement in article.statements for actor in statement.by]
    named += [actor for relation in article.relations for actor in (*relation.sources, relation.target)]
    for actor_id in named:
        roles.setdefault(actor_id, None)
    return tuple(Appearance(actors[actor_id], role) for actor_id, role in roles.items())


def _ranked(counts: Counter[str], actors: Mapping[str, Actor]) -> tuple[tuple[Actor, int], ...]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], actors[item[0]].name, item[0]))
    return tuple((actors[actor_id], count) for actor_id, count in ranked[:MOST_FREQUENT])


@dataclass
class _ActorLists:
    """What an actor's profile gathers, filled in one pass over the articles (newest first)."""

    articles: list[Article] = field(default_factory=list)
    roles: list[Cited[str]] = field(default_factory=list)
    events: list[MergedEvent] = field(default_factory=list)
    quotes: list[Cited[Quote]] = field(default_factory=list)
    statements: list[Cited[Statement]] = field(default_factory=list)
    relations_out: list[Cited[Relation]] = field(default_factory=list)
    relations_in: list[Cited[Relation]] = field(default_factory=list)
    companions: Counter[str] = field(default_factory=Counter)


def _index_actors(
    articles: tuple[Article, ...],
    events: tuple[MergedEvent, ...],
    article_actors: Mapping[str, tuple[Appearance, ...]],
    content: Content,
) -> dict[str, ActorIndex]:
    """Index every actor in one pass over the articles and one over the events."""
    lists = {actor_id: _ActorLists() for actor_id in content.actors}
    for article in articles:
        appearances = article_actors[article.id]
        ids = [p.actor.id for p in appearances]
        for appearance in appearances:
            entry = lists[appearance.actor.id]
            entry.articles.append(article)
            if appearance.role:
                entry.roles.append(Cited(appearance.role, article))
            entry.companions.update(ids)  # itself too: taken out below
        # Words said jointly, and steps taken jointly, are on the profile of each actor named.
        for quote in article.quotes:
            for actor_id in quote.by:
                lists[actor_id].quotes.append(Cited(quote, article))
        for statement in article.statements:
            for actor_id in statement.by:
                lists[actor_id].statements.append(Cited(statement, article))
        for relation in article.relations:
            for actor_id in relation.sources:
                lists[actor_id].relations_out.append(Cited(relation, article))
            lists[relation.target].relations_in.append(Cited(relation, article))
    for event in events:
        for actor_id in event.actors:
            lists[actor_id].events.append(event)
    for actor_id, entry in lists.items():
        del entry.companions[actor_id]
    return {
        actor_id: ActorIndex(
            articles=tuple(entry.articles),
            roles_in_stories=tuple(entry.roles),
            events=tuple(entry.events),
            quotes=tuple(entry.quotes),
            statements=tuple(entry.statements),
            relations_out=tuple(entry.relations_out),
            relations_in=tuple(entry.relations_in),
            companions=_ranked(entry.companions, content.actors),
        )
        for actor_id, entry in lists.items()
    }


def _index_topics(
    articles: tuple[Article, ...],
    article_events: Mapping[str, tuple[MergedEvent, ...]],
    article_actors: Mapping[str, tuple[Appearance, ...]],
    content: Content,
) -> dict[str, TopicIndex]:
    """Index every topic in one pass: an article is on a topic it names or one of its statements names."""
    related: dict[str, list[Article]] = {topic_id: [] for topic_id in content.topics}
    positions: dict[str, list[Cited[Statement]]] = {topic_id: [] for topic_id in content.topics}
    for article in articles:
        for statement in article.statements:
            if statement.topic:
                positions[statement.topic].append(Cited(statement, article))
        for topic_id in dict.fromkeys([*article.topics, *(s.topic for s in article.statements if s.topic)]):
            related[topic_id].append(article)
    indexes = {}
    for topic_id in content.topics:
        events = {e.key: e for a in related[topic_id] for e in article_events[a.id]}
        counts: Counter[str] = Counter(actor for p in positions[topic_id] for actor in p.item.by)
        for article in related[topic_id]:
            counts.update(p.actor.id for p in article_actors[article.id])
        indexes[topic_id] = TopicIndex(
            articles=tuple(related[topic_id]),
            events=tuple(sorted(events.values(), key=lambda e: e.sort_key)),
            positions=tuple(sorted(positions[topic_id], key=lambda p: (content.actors[p.item.by[0]].name, p.item.by))),
            key_actors=_ranked(counts, content.actors),
        )
    return indexes
