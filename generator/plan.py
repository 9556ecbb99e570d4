"""Plan: decide which pages exist, at which path, with what to show. Sorting and grouping live here.

So do the decisions a template should not make: how a page's sources are numbered, where
a graph's actors go, what the timeline's filters match on, and the page's metadata.
"""

from __future__ import annotations

import calendar
import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Generic, TypeVar

from .graph import Edge, Graph, Node, layout_circle, layout_ego, merge_edges
from .link import Cited, Corpus, MergedEvent, Report
from .model import Actor, ActorKind, Article, Quote, Relation, Topic
from .text import plain_text

LATEST = 5
RECENT_EVENTS = 8
# Page weight at scale: past these sizes a list is split into pages or cut, and says where the rest is.
TIMELINE_PAGE_EVENTS = 300  # more events than this: a page per year, and per month in a year that has more
TIMELINE_LATEST = 20  # the latest events, on the first page of a split timeline
BRIEFINGS_PAGE = 200  # more briefings than this: a page per year
BRIEFINGS_LATEST = 50  # the newest briefings, on the first page of a split index
LIST_LIMIT = 25  # items of a long list on a profile or a topic: the most recent
GRAPH_LIMIT = 16  # actors drawn around a profile's or topic's graph: those with the most relations
DESCRIPTION_LENGTH = 200
SCHEMA = "https://schema.org"
T = TypeVar("T")

_PATHS = {
    "home": "index.md",
    "briefings": "briefings/index.md",
    "briefing": "briefings/{id}.md",
    "briefings_year": "briefings/{id}.md",  # id: '2024'; no article id is only digits (validate.py)
    "actors": "actors/index.md",
    "actor": "actors/{id}.md",
    "topics": "topics/index.md",
    "topic": "topics/{id}.md",
    "timeline": "timeline.md",
    "timeline_period": "timeline/{id}.md",  # id: '2024', or '2024/03' in a year split by month
}
KIND_HEADINGS = {ActorKind.COUNTRY: "Countries", ActorKind.ORGANIZATION: "Organizations", ActorKind.PERSON: "People"}
_SCHEMA_TYPES = {ActorKind.COUNTRY: "Country", ActorKind.ORGANIZATION: "Organization", ActorKind.PERSON: "Person"}


def page_path(kind: str, id: str = "") -> str:
    """Return the Markdown path of a page: ('actor', 'russia') -> 'actors/russia.md'."""
    return _PATHS[kind].format(id=id)


def relative_path(target: str, start: str) -> str:
    """Write site path ``target`` relative to folder ``start`` ('' is the site root).

    posixpath.relpath gives the same answer but asks the operating system for the
    working directory on every call; pages hold thousands of links.
    """
    target_parts = [part for part in target.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(target_parts), len(start_parts)) and target_parts[common] == start_parts[common]:
        common += 1
    parts = [".."] * (len(start_parts) - common) + target_parts[common:]
    return "/".join(parts) or "."


@dataclass(frozen=True)
class PageSpec:
    """One page to render: its path, template, title and the typed data it shows.

    ``meta`` is data for the theme, written into the page's front matter as JSON:
    ``jsonld`` (schema.org metadata) and, on the timeline, ``timeline_filters``.
    ``search_tags`` are words search ranks highly (a profile's names and aliases).
    Pages whose every item has a page of its own (the home page, the indexes and the
    timeline) set ``search_exclude``, so that search leads to that page rather than to a list.
    Profiles and topics gather facts that briefings report: ``search_lists=False`` has search
    index their own text only (names, summary, roles), so that a fact leads to its source.
    """

    path: str
    template: str
    title: str
    context: Mapping[str, Any] = field(repr=False)
    source: str | None = None
    description: str = ""
    search_boost: float | None = None
    search_exclude: bool = False
    search_lists: bool = True
    search_tags: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class YearGroup:
    year: int
    events: tuple[MergedEvent, ...]


def group_by_year(events: Iterable[MergedEvent]) -> tuple[YearGroup, ...]:
    return tuple(YearGroup(year, tuple(group)) for year, group in groupby(events, key=lambda e: e.date.year))


# ---------------------------------------------------------------------------------------------
# References: every page that gathers facts from several briefings numbers its sources.


@dataclass(frozen=True)
class Reference:
    """One numbered source of a page."""

    number: int
    article: Article

    @property
    def anchor(self) -> str:
        return f"ref-{self.number}"


@dataclass(frozen=True)
class References:
    """A page's numbered sources, oldest first: a newer briefing adds a number, it never shifts one."""

    entries: tuple[Reference, ...]
    numbers: Mapping[str, int] = field(repr=False)

    def cite(self, articles: Iterable[Article]) -> tuple[Reference, ...]:
        """The references of some articles, each once, in number order."""
        numbers = sorted({self.numbers[article.id] for article in articles})
        return tuple(self.entries[number - 1] for number in numbers)


def number_references(articles: Iterable[Article]) -> References:
    """Number each distinct article once, by publication date and then id."""
    unique = {article.id: article for article in articles}
    ordered = sorted(unique.values(), key=lambda a: (a.source.published.sort_key, a.id))
    entries = tuple(Reference(number, article) for number, article in enumerate(ordered, 1))
    return References(entries, {entry.article.id: entry.number for entry in entries})


# ---------------------------------------------------------------------------------------------
# The timeline's filters match events on ids only.


@dataclass(frozen=True)
class Facets:
    """What the timeline's filters match an event on: actor ids, topic ids, and the kind of its date."""

    actors: tuple[str, ...]
    topics: tuple[str, ...]
    date: str  # "exact" or "approximate"


def event_facets(corpus: Corpus) -> dict[str, Facets]:
    """Give each event its facets; an event belongs to every topic whose page lists it."""
    topics: dict[str, list[str]] = {event.key: [] for event in corpus.events}
    for topic_id in sorted(corpus.by_topic):
        for event in corpus.by_topic[topic_id].events:
            topics[event.key].append(topic_id)
    return {
        event.key: Facets(event.actors, tuple(topics[event.key]), "approximate" if _is_approximate(event) else "exact")
        for event in corpus.events
    }


def _is_approximate(event: MergedEvent) -> bool:
    if event.is_conflicting:
        return any(report.date.is_approximate for report in event.reports)
    return event.date.is_approximate


def _filter_options(corpus: Corpus, facets: Iterable[Facets]) -> dict[str, Any]:
    """The choices of a list's filters: [id, name, number of items], by name, for the items given."""
    facets = tuple(facets)
    actors: Counter[str] = Counter(a for f in facets for a in f.actors)
    topics: Counter[str] = Counter(t for f in facets for t in f.topics)

    def options(counts: Counter[str], names: Mapping[str, Actor] | Mapping[str, Topic]) -> list[list[Any]]:
        ordered = sorted(counts, key=lambda id: (names[id].name.casefold(), id))
        return [[id, names[id].name, counts[id]] for id in ordered]

    return {"actors": options(actors, corpus.actors), "topics": options(topics, corpus.topics)}


# ---------------------------------------------------------------------------------------------
# Long lists: split into pages (the timeline, the briefings) or cut to the most recent (profiles, topics).


@dataclass(frozen=True)
class Shown(Generic[T]):
    """The part of a long list that a page shows, in the list's order, and how long the whole list is."""

    items: tuple[T, ...]
    total: int

    @property
    def is_cut(self) -> bool:
        return len(self.items) < self.total

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def most_recent(items: Sequence[T], newness: Callable[[T], Any], limit: int | None = None) -> Shown[T]:
    """Keep the ``limit`` newest items (``newness`` sorts oldest to newest), in the order they came in.

    Ties go to the item that comes first, so the choice is as stable as the list.
    """
    limit = LIST_LIMIT if limit is None else limit
    if len(items) <= limit:
        return Shown(tuple(items), len(items))
    order = sorted(range(len(items)), key=lambda i: (newness(items[i]), -i), reverse=True)
    keep = sorted(order[:limit])
    return Shown(tuple(items[i] for i in keep), len(items))


def _published(cited: Cited[Any]) -> tuple[tuple[int, int, int, int], str]:
    return (cited.article.source.published.sort_key, cited.article.id)


def _article_newness(article: Article) -> tuple[tuple[int, int, int, int], str]:
    return (article.source.published.sort_key, article.id)


@dataclass(frozen=True)
class Period:
    """A page of a split list: a year, or a month of a busy year on the timeline.

    ``items`` are what the page itself lists; ``parts`` the month pages of a year split by
    month (the year's page then lists only the events dated to the year alone).
    """

    id: str  # '2024' or '2024/03': the page's path under timeline/ or briefings/
    label: str  # '2024' or 'March 2024'
    count: int  # every item of the period, its parts' included
    items: tuple[Any, ...] = field(repr=False)
    parts: tuple[Period, ...] = ()

    def as_link(self) -> Period:
        """The period as a link from another page: its label, address and count, without its items.

        Pages hold these, not the periods, so that an edit to one item leaves the page spec
        of every other period equal to what it was (and `mkdocs serve` does not render it again).
        """
        return Period(self.id, self.label, self.count, ())


@dataclass(frozen=True)
class Pager:
    """Links from a period's page to the one before and the one after."""

    previous: Period | None
    next: Period | None


@dataclass(frozen=True)
class TimelineLayout:
    """Which page shows each event: the timeline itself, or the page of its year or month."""

    years: tuple[Period, ...]  # empty when one page holds every event
    homes: Mapping[str, str] = field(repr=False)  # event key -> period id

    @property
    def pages(self) -> tuple[Period, ...]:
        """Every period's page in date order: a year split by month comes before its months."""
        return tuple(page for year in self.years for page in (year, *year.parts))

    def page_of(self, event: MergedEvent) -> tuple[str, str]:
        """The (kind, id) of the page that shows an event, for ``page_path`` and ``url``."""
        home = self.homes.get(event.key)
        return ("timeline_period", home) if home else ("timeline", "")


def layout_timeline(events: Sequence[MergedEvent]) -> TimelineLayout:
    """Split a long timeline by year, and a year with too many events by month."""
    if len(events) <= TIMELINE_PAGE_EVENTS:
        return TimelineLayout((), {})
    years: list[Period] = []
    homes: dict[str, str] = {}
    for group in group_by_year(events):
        year = str(group.year)
        if len(group.events) <= TIMELINE_PAGE_EVENTS:
            years.append(Period(year, year, len(group.events), group.events))
            homes.update((event.key, year) for event in group.events)
            continue
        # Events known only to the year sort before its months: they stay on the year's page.
        undated = tuple(event for event in group.events if event.date.month is None)
        homes.update((event.key, year) for event in undated)
        months = []
        for month, members in groupby((e for e in group.events if e.date.month is not None), key=_month):
            listed = tuple(members)
            period = Period(f"{year}/{month:02d}", f"{calendar.month_name[month]} {year}", len(listed), listed)
            months.append(period)
            homes.update((event.key, period.id) for event in listed)
        years.append(Period(year, year, len(group.events), undated, tuple(months)))
    return TimelineLayout(tuple(years), homes)


def _month(event: MergedEvent) -> int:
    return event.date.month or 0


def layout_briefings(articles: Sequence[Article]) -> tuple[Period, ...]:
    """Split a long index of briefings (newest first) by year of publication; () when it fits one page."""
    if len(articles) <= BRIEFINGS_PAGE:
        return ()
    years = groupby(articles, key=lambda article: article.source.published.year)
    return tuple(
        Period(str(year), str(year), len(group), group) for year, members in years if (group := tuple(members))
    )


def _of(facets: Mapping[str, Facets], keys: Iterable[str]) -> dict[str, Facets]:
    """The facets of the items a page lists: the page's spec holds no other."""
    return {key: facets[key] for key in keys}


def _links(periods: Sequence[Period]) -> tuple[Period, ...]:
    return tuple(period.as_link() for period in periods)


def _pagers(pages: Sequence[Period]) -> dict[str, Pager]:
    return {
        page.id: Pager(
            pages[i - 1].as_link() if i > 0 else None, pages[i + 1].as_link() if i + 1 < len(pages) else None
        )
        for i, page in enumerate(pages)
    }


# ---------------------------------------------------------------------------------------------
# Pages


def plan_pages(corpus: Corpus) -> tuple[PageSpec, ...]:
    """List every page of the site, in a stable order."""
    content = corpus.content
    topics = tuple(sorted(corpus.topics.values(), key=lambda t: (t.name.casefold(), t.id)))
    timeline = layout_timeline(corpus.events)
    pages = [
        _home(corpus),
        *_briefings_index(corpus),
        _actor_index(corpus),
        _collection(
            "topics",
            "Topics",
            {
                "topics": topics,
                # Counts only: a page holds what it shows, so that serve re-renders it only when that changes.
                "briefings": {id: len(index.articles) for id, index in corpus.by_topic.items()},
                "positions": {id: len(index.positions) for id, index in corpus.by_topic.items()},
            },
            "The topics these briefings follow.",
        ),
        *_timeline(corpus, timeline),
    ]
    pages += [_briefing(corpus, article, timeline) for article in corpus.articles]
    pages += [_profile(corpus, actor) for actor in content.actors.values()]
    pages += [_topic(corpus, topic) for topic in content.topics.values()]
    return tuple(pages)


def _collection(kind: str, title: str, context: Mapping[str, Any], description: str) -> PageSpec:
    return PageSpec(
        page_path(kind),
        f"{kind}.md.j2",
        title,
        context,
        description=description,
        search_exclude=True,
        meta=_collection_jsonld(title, description),
    )


def _collection_jsonld(name: str, description: str) -> dict[str, Any]:
    return {"jsonld": {"@context": SCHEMA, "@type": "CollectionPage", "name": name, "description": description}}


def _home(corpus: Corpus) -> PageSpec:
    recent = tuple(reversed(corpus.events[-RECENT_EVENTS:]))
    description = "Briefings, actor profiles, topics and a timeline, every fact linked to its source."
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
        description=description,
        search_exclude=True,
        meta=_collection_jsonld("Home", description),
    )


def _actor_index(corpus: Corpus) -> PageSpec:
    groups = []
    for kind in (ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.PERSON):
        members = sorted((a for a in corpus.actors.values() if a.kind is kind), key=lambda a: (a.name.casefold(), a.id))
        if members:
            groups.append((KIND_HEADINGS[kind], tuple(members)))
    return _collection(
        "actors",
        "Actors",
        {"groups": tuple(groups), "briefings": {id: len(index.articles) for id, index in corpus.by_actor.items()}},
        f"{len(corpus.actors)} people, countries and organizations in these briefings.",
    )


def _timeline(corpus: Corpus, layout: TimelineLayout) -> list[PageSpec]:
    """The timeline: one page, or the latest events and a page per year (and month, in a busy year)."""
    facets = event_facets(corpus)
    events = corpus.events
    description = f"{len(events)} events from every briefing, by date."
    meta = _collection_jsonld("Timeline", description)
    meta["timeline_filters"] = _filter_options(corpus, facets.values())
    context: dict[str, Any] = {
        "period": None,
        "pager": None,
        "periods": _links(layout.years),
        "event_count": len(events),
        "facets": facets,
        "latest": (),
    }
    if not layout.years:
        first: dict[str, Any] = {"years": group_by_year(events), "references": _cite_events(events)}
    else:
        latest = events[-TIMELINE_LATEST:]
        first = {
            "years": (),
            "latest": latest,
            "references": _cite_events(latest),
            "facets": _of(facets, (e.key for e in latest)),
        }
    pages = [
        PageSpec(
            page_path("timeline"),
            "timeline.md.j2",
            "Timeline",
            {**context, **first},
            description=description,
            search_exclude=True,
            meta=meta,
        )
    ]
    pagers = _pagers(layout.pages)
    for period in layout.pages:
        every = [event for part in (period, *period.parts) for event in part.items]
        title = f"Timeline, {period.label}"
        description = f"The {_count(period.count, 'event')} of {period.label}, from every briefing, by date."
        meta = _collection_jsonld(title, description)
        meta["timeline_filters"] = {**_filter_options(corpus, (facets[e.key] for e in every)), "partial": True}
        listed = {
            "period": period.as_link(),
            "pager": pagers[period.id],
            "periods": _links(period.parts),
            "event_count": period.count,
            "years": group_by_year(period.items),
            "references": _cite_events(period.items),
            "facets": _of(facets, (e.key for e in period.items)),
        }
        pages.append(
            PageSpec(
                page_path("timeline_period", period.id),
                "timeline.md.j2",
                title,
                {**context, **listed},
                description=description,
                search_exclude=True,
                meta=meta,
            )
        )
    return pages


def _cite_events(events: Iterable[MergedEvent]) -> References:
    return number_references(a for e in events for a in e.sources)


def _briefings_index(corpus: Corpus) -> list[PageSpec]:
    """The briefings, newest first: one page, or the newest on the first page and a page per year."""
    articles = corpus.articles
    facets = briefing_facets(corpus)
    years = layout_briefings(articles)
    every = _filter_options(corpus, facets.values())
    context = {"period": None, "pager": None, "periods": _links(years), "facets": facets, "total": len(articles)}
    if not years:
        description = f"All {len(articles)} briefings, newest first."
        page = _collection("briefings", "Briefings", {**context, "articles": articles}, description)
        return [dataclasses.replace(page, meta={**page.meta, "timeline_filters": {**every, **_BRIEFING_FILTERS}})]
    description = f"The newest of {len(articles)} briefings, and a page for each year's."
    first = _collection("briefings", "Briefings", {**context, "articles": articles[:BRIEFINGS_LATEST]}, description)
    pages = [dataclasses.replace(first, meta={**first.meta, "timeline_filters": {**every, **_BRIEFING_FILTERS}})]
    pagers = _pagers(years)
    for year in years:
        title = f"Briefings, {year.label}"
        description = f"The {_count(year.count, 'briefing')} published in {year.label}, newest first."
        options = _filter_options(corpus, (facets[article.id] for article in year.items))
        meta = _collection_jsonld(title, description)
        meta["timeline_filters"] = {**options, **_BRIEFING_FILTERS, "partial": True}
        listing = {
            **context,
            "period": year.as_link(),
            "pager": pagers[year.id],
            "articles": year.items,
            "facets": _of(facets, (article.id for article in year.items)),
        }
        pages.append(
            PageSpec(
                page_path("briefings_year", year.id),
                "briefings.md.j2",
                title,
                listing,
                description=description,
                search_exclude=True,
                meta=meta,
            )
        )
    return pages


# What the briefings' filters differ in from the timeline's: what they count, and no kind of date.
_BRIEFING_FILTERS = {"items": "briefings", "dates": False}


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


def _briefing(corpus: Corpus, article: Article, timeline: TimelineLayout) -> PageSpec:
    description = plain_text(article.summary, DESCRIPTION_LENGTH)
    events = corpus.article_events[article.id]
    return PageSpec(
        page_path("briefing", article.id),
        "briefing.md.j2",
        article.title,
        {
            "article": article,
            "reports": _reports(article, events),
            "event_pages": {event.key: timeline.page_of(event) for event in events},
            "appearances": corpus.article_actors[article.id],
        },
        source=corpus.content.source_path("article", article.id),
        description=description,
        meta={
            "jsonld": _briefing_jsonld(article, description, corpus),
            **_search_facets(
                "Briefing", article.source.published.iso(), topic=[corpus.topics[id].name for id in article.topics]
            ),
        },
    )


def _profile(corpus: Corpus, actor: Actor) -> PageSpec:
    index = corpus.by_actor[actor.id]
    relations = index.relations_out + index.relations_in
    shown: dict[str, Shown[Any]] = {
        "roles_in_stories": most_recent(index.roles_in_stories, _published),
        "quotes": most_recent(index.quotes, _quoted),
        "statements": most_recent(index.statements, _published),
        "relations": most_recent(relations, _published),
        "events": most_recent(index.events, _event_newness),
        "articles": most_recent(index.articles, _article_newness),
    }
    cited = [c.article for key in ("roles_in_stories", "quotes", "statements", "relations") for c in shown[key]]
    cited += [article for event in shown["events"] for article in event.sources]
    description = plain_text(actor.summary, DESCRIPTION_LENGTH) if actor.summary else _describe_actor(actor)
    graph, graph_note = _ego_graph(actor, relations, corpus.actors)
    return PageSpec(
        page_path("actor", actor.id),
        "actor.md.j2",
        actor.name,
        {
            "actor": actor,
            "companions": index.companions,
            **shown,
            "graph": graph,
            "graph_note": graph_note,
            "references": number_references(cited),
        },
        source=corpus.content.source_path("actor", actor.id),
        description=description,
        search_boost=2,
        search_lists=False,
        search_tags=(actor.name, *actor.aliases),
        meta={
            "jsonld": _actor_jsonld(actor, description, corpus.actors),
            **_search_facets("Actor profile", kind=[actor.kind.value]),
        },
    )


def _topic(corpus: Corpus, topic: Topic) -> PageSpec:
    index = corpus.by_topic[topic.id]
    relations = tuple(Cited(relation, article) for article in index.articles for relation in article.relations)
    shown: dict[str, Shown[Any]] = {
        "positions": most_recent(index.positions, _published),
        "events": most_recent(index.events, _event_newness),
        "relations": most_recent(relations, _published),
        "articles": most_recent(index.articles, _article_newness),
    }
    cited = [c.article for key in ("positions", "relations") for c in shown[key]]
    cited += [article for event in shown["events"] for article in event.sources]
    description = (
        plain_text(topic.summary, DESCRIPTION_LENGTH)
        if topic.summary
        else f"Topic: {topic.name}. Positions, events and briefings."
    )
    jsonld = {
        "@context": SCHEMA,
        "@type": "CollectionPage",
        "name": topic.name,
        "description": description,
        "about": {"@type": "Thing", "name": topic.name},
    }
    graph, graph_note = _circle_graph(topic, relations, corpus.actors)
    return PageSpec(
        page_path("topic", topic.id),
        "topic.md.j2",
        topic.name,
        {
            "topic": topic,
            "key_actors": index.key_actors,
            **shown,
            "graph": graph,
            "graph_note": graph_note,
            "references": number_references(cited),
        },
        source=corpus.content.source_path("topic", topic.id),
        description=description,
        search_lists=False,
        meta={"jsonld": jsonld, **_search_facets("Topic")},
    )


def _quoted(cited: Cited[Quote]) -> tuple[tuple[int, int, int, int], str]:
    return ((cited.item.date or cited.article.source.published).sort_key, cited.article.id)


def _event_newness(event: MergedEvent) -> tuple[tuple[int, int, int, int], str, str]:
    return event.sort_key


def _search_facets(page_type: str, date: str | None = None, **filters: Sequence[str]) -> dict[str, Any]:
    """Say what search filters a page by (its type, an actor's kind, a briefing's topics) and sorts it by."""
    facets: dict[str, Any] = {
        "search_filters": {"type": [page_type], **{name: list(values) for name, values in filters.items()}}
    }
    if date is not None:
        facets["search_sort"] = {"date": date}
    return facets


def _describe_actor(actor: Actor) -> str:
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


# ---------------------------------------------------------------------------------------------
# Graphs


def relation_label(relation: Relation) -> str:
    """How a relation reads on a graph's arrow: 'accuses (2024)'."""
    return f"{relation.kind} ({relation.date.human()})" if relation.date else relation.kind


def _node(actor: Actor) -> Node:
    return Node(actor.id, actor.name, actor.kind.value)


def _edges(relations: Sequence[Cited[Relation]]) -> tuple[Edge, ...]:
    return merge_edges((c.item.source, c.item.target, relation_label(c.item)) for c in relations)


def _ego_graph(
    actor: Actor, relations: Sequence[Cited[Relation]], actors: Mapping[str, Actor]
) -> tuple[Graph | None, str]:
    """Draw an actor's relations; past GRAPH_LIMIT neighbours, only those with the most relations."""
    if not relations:
        return None, ""
    counts = Counter(c.item.target if c.item.source == actor.id else c.item.source for c in relations)
    counts.pop(actor.id, None)  # an actor's relation to itself
    drawn, note = _most_related(counts, actors, f"with {actor.name}")
    if note:
        relations = [c for c in relations if {c.item.source, c.item.target} <= drawn | {actor.id}]
    outgoing = sum(1 for c in relations if c.item.source == actor.id)
    incoming = len(relations) - outgoing
    ids = {end for c in relations for end in (c.item.source, c.item.target)}
    if note:
        description = (
            f"{note} {_count(outgoing, 'relation')} from {actor.name} to them and {incoming} from them "
            f"to {actor.name}; the table after the drawing lists the most recent relations with their date "
            "and source."
        )
    else:
        description = (
            f"{_count(outgoing, 'relation')} from {actor.name} to other actors and {incoming} from other actors "
            f"to {actor.name}; the table after the drawing lists each one with its date and source."
        )
    graph = layout_ego(
        "graph",
        f"Relations of {actor.name}",
        description,
        _node(actor),
        tuple(_node(actors[id]) for id in sorted(ids)),
        _edges(relations),
    )
    return graph, note


def _circle_graph(
    topic: Topic, relations: Sequence[Cited[Relation]], actors: Mapping[str, Actor]
) -> tuple[Graph | None, str]:
    """Draw the relations between a topic's actors; past GRAPH_LIMIT actors, those with the most relations."""
    if not relations:
        return None, ""
    counts = Counter(end for c in relations for end in {c.item.source, c.item.target})
    drawn, note = _most_related(counts, actors, "in the briefings on this topic")
    if note:
        relations = [c for c in relations if {c.item.source, c.item.target} <= drawn]
    ids = sorted({end for c in relations for end in (c.item.source, c.item.target)})
    if note:
        description = (
            f"{note} {_count(len(relations), 'relation')} between them; the table after the drawing lists "
            "the most recent relations with their date and source."
        )
    else:
        description = (
            f"{_count(len(ids), 'actor')} and {_count(len(relations), 'relation')} from the briefings on this topic; "
            "the table after the drawing lists each relation with its date and source."
        )
    graph = layout_circle(
        "graph",
        f"Relations between the actors of {topic.name}",
        description,
        tuple(_node(actors[id]) for id in ids),
        _edges(relations),
    )
    return graph, note


def _most_related(counts: Counter[str], actors: Mapping[str, Actor], where: str) -> tuple[set[str], str]:
    """The GRAPH_LIMIT actors with the most relations (ties by name), and a note saying so when that cuts."""
    if len(counts) <= GRAPH_LIMIT:
        return set(counts), ""
    ranked = sorted(counts, key=lambda id: (-counts[id], actors[id].name.casefold(), id))
    note = f"Drawn: the {GRAPH_LIMIT} of {len(counts)} actors with the most relations {where}."
    return set(ranked[:GRAPH_LIMIT]), note


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


# ---------------------------------------------------------------------------------------------
# schema.org metadata, as data: the theme writes it into the page with Jinja's tojson.


def _briefing_jsonld(article: Article, description: str, corpus: Corpus) -> dict[str, Any]:
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
        jsonld["mentions"] = [{"@type": _SCHEMA_TYPES[p.actor.kind], "name": p.actor.name} for p in appearances]
    return jsonld


def _actor_jsonld(actor: Actor, description: str, actors: Mapping[str, Actor]) -> dict[str, Any]:
    jsonld: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": _SCHEMA_TYPES[actor.kind],
        "name": actor.name,
        "description": description,
    }
    if actor.aliases:
        jsonld["alternateName"] = list(actor.aliases)
    same_as = (
        [f"https://www.wikidata.org/wiki/{actor.identifiers.wikidata}"]
        if actor.identifiers and actor.identifiers.wikidata
        else []
    )
    same_as += [link.url for link in actor.links]
    if same_as:
        jsonld["sameAs"] = same_as
    current = [role.title for role in actor.roles if role.is_current]
    if actor.kind is ActorKind.PERSON:
        if current:
            jsonld["jobTitle"] = current[0]
        if actor.country:
            jsonld["nationality"] = {"@type": "Country", "name": actors[actor.country].name}
    elif actor.country:
        jsonld["location"] = {"@type": "Country", "name": actors[actor.country].name}
    return jsonld
