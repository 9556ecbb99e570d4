"""What every page family's plan shares: page specs and paths, numbered sources, filters, long lists."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ...content.dates import PartialDate
from ...content.history import History, Key
from ...content.link import Cited, Corpus, MergedEvent
from ...content.model import Actor, ActorKind, Article, Topic
from ..links import address_of
from . import limits

SCHEMA = "https://schema.org"
SCHEMA_TYPES = {ActorKind.COUNTRY: "Country", ActorKind.ORGANIZATION: "Organization", ActorKind.PERSON: "Person"}
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
    "event": "events/{id}.md",
    "timeline": "timeline.md",
    "timeline_period": "timeline/{id}.md",  # id: '2024', or '2024/03' in a year split by month
}


def page_path(kind: str, id: str = "") -> str:
    """Return the Markdown path of a page: ('actor', 'russia') -> 'actors/russia.md'."""
    return _PATHS[kind].format(id=id)


def page_address(kind: str, id: str = "") -> str:
    """Return a page's path in the built site: ('actor', 'russia') -> 'actors/russia/', ('home',) -> ''."""
    return address_of(page_path(kind, id))


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
    kind: str = ""  # what page_path was given: ('actor', 'russia'), ('timeline_period', '2024'), ('home', '')
    id: str = ""


def collection_page(
    kind: str, title: str, context: Mapping[str, Any], description: str, filters: Mapping[str, Any] | None = None
) -> PageSpec:
    """A page that lists others (an index, the timeline), with the ``filters`` of its list: search
    leads to the pages it lists."""
    meta = collection_jsonld(title, description)
    if filters is not None:
        meta["timeline_filters"] = filters
    return PageSpec(
        page_path(kind),
        f"{kind}.md.j2",
        title,
        context,
        description=description,
        search_exclude=True,
        meta=meta,
        kind=kind,
    )


def collection_jsonld(name: str, description: str) -> dict[str, Any]:
    return {"jsonld": {"@context": SCHEMA, "@type": "CollectionPage", "name": name, "description": description}}


def search_facets(page_type: str, date: str | None = None, **filters: Sequence[str]) -> dict[str, Any]:
    """Say what search filters a page by (its type, an actor's kind, a briefing's topics) and sorts it by."""
    facets: dict[str, Any] = {
        "search_filters": {"type": [page_type], **{name: list(values) for name, values in filters.items()}}
    }
    if date is not None:
        facets["search_sort"] = {"date": date}
    return facets


# ---------------------------------------------------------------------------------------------
# When a page last changed: its own file's last commit, or that of a briefing it shows.


def last_changed(history: History, articles: Iterable[Article], own: Key | None = None) -> PartialDate | None:
    """The day a page last changed: the newest of its own file's last change and its articles'
    (an article with no history counts from its publication date); None with neither."""
    days = [history.changed.get(("article", a.id)) or a.source.published.first_day() for a in articles]
    if own is not None and own in history.changed:
        days.append(history.changed[own])
    return day_date(max(days)) if days else None


def day_date(day: dt.date) -> PartialDate:
    return PartialDate(day.year, day.month, day.day)


def with_changed(meta: dict[str, Any], changed: PartialDate | None) -> dict[str, Any]:
    """The page's metadata, its JSON-LD saying when it last changed."""
    if changed is not None:
        meta["jsonld"] = {**meta["jsonld"], "dateModified": changed.iso()}
    return meta


# ---------------------------------------------------------------------------------------------
# What a profile or a topic says first: how many briefings, its first and last events, the latest.


@dataclass(frozen=True)
class Overview:
    """The summary at the top of a profile or a topic."""

    briefings: int
    first_event: MergedEvent | None
    last_event: MergedEvent | None
    latest: Article | None  # the newest briefing: the latest development


def overview(articles: Sequence[Article], events: Sequence[MergedEvent]) -> Overview:
    """Sum up ``articles`` (newest first) and ``events`` (in timeline order)."""
    return Overview(
        len(articles),
        events[0] if events else None,
        events[-1] if len(events) > 1 else None,
        articles[0] if articles else None,
    )


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
    ordered = sorted(unique.values(), key=newness)
    entries = tuple(Reference(number, article) for number, article in enumerate(ordered, 1))
    return References(entries, {entry.article.id: entry.number for entry in entries})


def cite_events(events: Iterable[MergedEvent]) -> References:
    return number_references(a for e in events for a in e.sources)


# ---------------------------------------------------------------------------------------------
# Filters (the timeline's and the briefings index's) match items on ids only.


@dataclass(frozen=True)
class Facets:
    """What a list's filters match an item on: actor ids, topic ids, and the kind of its date."""

    actors: tuple[str, ...]
    topics: tuple[str, ...]
    date: str  # "exact" or "approximate"


def filter_options(corpus: Corpus, facets: Iterable[Facets]) -> dict[str, Any]:
    """The choices of a list's filters: [id, name, number of items], by name, for the items given."""
    facets = tuple(facets)
    actors: Counter[str] = Counter(a for f in facets for a in f.actors)
    topics: Counter[str] = Counter(t for f in facets for t in f.topics)

    def options(counts: Counter[str], names: Mapping[str, Actor] | Mapping[str, Topic]) -> list[list[Any]]:
        ordered = sorted(counts, key=lambda id: (names[id].name.casefold(), id))
        return [[id, names[id].name, counts[id]] for id in ordered]

    return {"actors": options(actors, corpus.actors), "topics": options(topics, corpus.topics)}


def facets_of(facets: Mapping[str, Facets], keys: Iterable[str]) -> dict[str, Facets]:
    """The facets of the items a page lists: the page's spec holds no other."""
    return {key: facets[key] for key in keys}


# ---------------------------------------------------------------------------------------------
# Long lists: cut to the most recent (profiles, topics), or split into pages by period (the
# timeline, the briefings index).


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
    limit = limits.LIST_LIMIT if limit is None else limit
    if len(items) <= limit:
        return Shown(tuple(items), len(items))
    order = sorted(range(len(items)), key=lambda i: (newness(items[i]), -i), reverse=True)
    keep = sorted(order[:limit])
    return Shown(tuple(items[i] for i in keep), len(items))


def newness(article: Article) -> tuple[tuple[int, int, int, int], str]:
    """Sort articles oldest first: by publication date, then id."""
    return (article.source.published.sort_key, article.id)


def cited_newness(cited: Cited[Any]) -> tuple[tuple[int, int, int, int], str]:
    """Sort what briefings report by the briefing's newness."""
    return newness(cited.article)


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


def period_links(periods: Sequence[Period]) -> tuple[Period, ...]:
    return tuple(period.as_link() for period in periods)


def period_pagers(pages: Sequence[Period]) -> dict[str, Pager]:
    return {
        page.id: Pager(
            pages[i - 1].as_link() if i > 0 else None, pages[i + 1].as_link() if i + 1 < len(pages) else None
        )
        for i, page in enumerate(pages)
    }


def period_page(
    kind: str,
    period: Period,
    pager: Pager,
    title: str,
    description: str,
    context: Mapping[str, Any],
    filters: Mapping[str, Any],
) -> PageSpec:
    """The page of one period of a split list: it lists that period's items, filters among them."""
    meta = collection_jsonld(title, description)
    meta["timeline_filters"] = {**filters, "partial": True}
    return PageSpec(
        page_path(kind, period.id),
        f"{kind.partition('_')[0]}.md.j2",
        title,
        {**context, "period": period.as_link(), "pager": pager},
        description=description,
        search_exclude=True,
        meta=meta,
        kind=kind,
        id=period.id,
    )
