"""Plan: decide which pages exist, at which path, with what to show. Sorting and grouping live here.

So do the decisions a template should not make: how a page's sources are numbered, where
a graph's actors go, what the timeline's filters match on, and the page's metadata.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from .graph import Edge, Graph, Node, layout_circle, layout_ego, merge_edges
from .link import Cited, Corpus, MergedEvent, Report
from .model import Actor, ActorKind, Article, Relation, Topic
from .text import plain_text

LATEST = 5
RECENT_EVENTS = 8
DESCRIPTION_LENGTH = 200
SCHEMA = "https://schema.org"

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
    Pages whose every item has a page of its own (the home page and the indexes) set
    ``search_exclude``, so that search leads to that page rather than to a list.
    """

    path: str
    template: str
    title: str
    context: Mapping[str, Any] = field(repr=False)
    source: str | None = None
    description: str = ""
    search_boost: float | None = None
    search_exclude: bool = False
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


def _filter_options(corpus: Corpus, facets: Mapping[str, Facets]) -> dict[str, list[list[Any]]]:
    """The choices of the timeline's filters: [id, name, number of events], by name."""
    actors: Counter[str] = Counter(a for f in facets.values() for a in f.actors)
    topics: Counter[str] = Counter(t for f in facets.values() for t in f.topics)

    def options(counts: Counter[str], names: Mapping[str, Actor] | Mapping[str, Topic]) -> list[list[Any]]:
        ordered = sorted(counts, key=lambda id: (names[id].name.casefold(), id))
        return [[id, names[id].name, counts[id]] for id in ordered]

    return {"actors": options(actors, corpus.actors), "topics": options(topics, corpus.topics)}


# ---------------------------------------------------------------------------------------------
# Pages


def plan_pages(corpus: Corpus) -> tuple[PageSpec, ...]:
    """List every page of the site, in a stable order."""
    content = corpus.content
    topics = tuple(sorted(corpus.topics.values(), key=lambda t: (t.name.casefold(), t.id)))
    pages = [
        _home(corpus),
        _collection(
            "briefings",
            "Briefings",
            {"articles": corpus.articles},
            f"All {len(corpus.articles)} briefings, newest first.",
        ),
        _actor_index(corpus),
        _collection(
            "topics", "Topics", {"topics": topics, "by_topic": corpus.by_topic}, "The topics these briefings follow."
        ),
        _timeline(corpus),
    ]
    pages += [_briefing(corpus, article) for article in corpus.articles]
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
        {"groups": tuple(groups), "by_actor": corpus.by_actor},
        f"{len(corpus.actors)} people, countries and organizations in these briefings.",
    )


def _timeline(corpus: Corpus) -> PageSpec:
    facets = event_facets(corpus)
    description = f"{len(corpus.events)} events from every briefing, by date."
    meta = _collection_jsonld("Timeline", description)
    meta["timeline_filters"] = _filter_options(corpus, facets)
    return PageSpec(
        page_path("timeline"),
        "timeline.md.j2",
        "Timeline",
        {
            "years": group_by_year(corpus.events),
            "event_count": len(corpus.events),
            "facets": facets,
            "references": number_references(a for e in corpus.events for a in e.sources),
        },
        description=description,
        meta=meta,
    )


def _briefing(corpus: Corpus, article: Article) -> PageSpec:
    description = plain_text(article.summary, DESCRIPTION_LENGTH)
    return PageSpec(
        page_path("briefing", article.id),
        "briefing.md.j2",
        article.title,
        {
            "article": article,
            "reports": _reports(article, corpus.article_events[article.id]),
            "appearances": corpus.article_actors[article.id],
        },
        source=corpus.content.source_path("article", article.id),
        description=description,
        meta={"jsonld": _briefing_jsonld(article, description, corpus)},
    )


def _profile(corpus: Corpus, actor: Actor) -> PageSpec:
    index = corpus.by_actor[actor.id]
    relations = index.relations_out + index.relations_in
    cited = [c.article for c in index.roles_in_stories] + [c.article for c in index.quotes]
    cited += [c.article for c in index.statements] + [c.article for c in relations]
    cited += [article for event in index.events for article in event.sources]
    description = plain_text(actor.summary, DESCRIPTION_LENGTH) if actor.summary else _describe_actor(actor)
    return PageSpec(
        page_path("actor", actor.id),
        "actor.md.j2",
        actor.name,
        {
            "actor": actor,
            "index": index,
            "relations": relations,
            "graph": _ego_graph(actor, relations, corpus.actors),
            "references": number_references(cited),
        },
        source=corpus.content.source_path("actor", actor.id),
        description=description,
        search_boost=2,
        search_tags=(actor.name, *actor.aliases),
        meta={"jsonld": _actor_jsonld(actor, description, corpus.actors)},
    )


def _topic(corpus: Corpus, topic: Topic) -> PageSpec:
    index = corpus.by_topic[topic.id]
    relations = tuple(Cited(relation, article) for article in index.articles for relation in article.relations)
    cited = [c.article for c in index.positions] + [c.article for c in relations]
    cited += [article for event in index.events for article in event.sources]
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
    return PageSpec(
        page_path("topic", topic.id),
        "topic.md.j2",
        topic.name,
        {
            "topic": topic,
            "index": index,
            "relations": relations,
            "graph": _circle_graph(topic, relations, corpus.actors),
            "references": number_references(cited),
        },
        source=corpus.content.source_path("topic", topic.id),
        description=description,
        meta={"jsonld": jsonld},
    )


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


def _ego_graph(actor: Actor, relations: Sequence[Cited[Relation]], actors: Mapping[str, Actor]) -> Graph | None:
    if not relations:
        return None
    outgoing = sum(1 for c in relations if c.item.source == actor.id)
    incoming = len(relations) - outgoing
    ids = {end for c in relations for end in (c.item.source, c.item.target)}
    return layout_ego(
        "graph",
        f"Relations of {actor.name}",
        f"{_count(outgoing, 'relation')} from {actor.name} to other actors and {incoming} from other actors "
        f"to {actor.name}; the table after the drawing lists each one with its date and source.",
        _node(actor),
        [_node(actors[id]) for id in sorted(ids)],
        _edges(relations),
    )


def _circle_graph(topic: Topic, relations: Sequence[Cited[Relation]], actors: Mapping[str, Actor]) -> Graph | None:
    if not relations:
        return None
    ids = sorted({end for c in relations for end in (c.item.source, c.item.target)})
    return layout_circle(
        "graph",
        f"Relations between the actors of {topic.name}",
        f"{_count(len(ids), 'actor')} and {_count(len(relations), 'relation')} from the briefings on this topic; "
        "the table after the drawing lists each relation with its date and source.",
        [_node(actors[id]) for id in ids],
        _edges(relations),
    )


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
