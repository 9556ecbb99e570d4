"""Catalog: what exists, for `list`: the ids a contributor may use, with what tells them apart.

It reads what validates and leaves out the files that do not, so that it answers while an
article in progress still has mistakes (an unknown actor, say): that is when it is needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from .link import merge_events
from .names import matches
from .validate import Content

NO_ID = "-"  # an event that its one article reports without an id


class Listing(StrEnum):
    ACTORS = "actors"
    TOPICS = "topics"
    EVENTS = "events"
    TAGS = "tags"


HEADERS = {
    Listing.ACTORS: ("id", "kind", "name", "aliases"),
    Listing.TOPICS: ("id", "name"),
    Listing.EVENTS: ("id", "date", "title"),
    Listing.TAGS: ("tag", "briefings"),
}
SOURCE_KINDS = {Listing.ACTORS: "actor", Listing.TOPICS: "topic", Listing.EVENTS: "article", Listing.TAGS: "article"}

Row = tuple[str, ...]


def list_rows(content: Content, listing: Listing, query: str | None = None) -> tuple[Row, ...]:
    """List what exists of one kind, as rows of HEADERS[listing]; with ``query``, only what it finds.

    The query is found in ids, names and aliases (titles, for events), whatever their accents
    and case: 'pyong' finds North Korea by its alias Pyongyang.
    """
    return tuple(row for row, texts in _rows(content, listing) if query is None or matches(query, texts))


def _rows(content: Content, listing: Listing) -> Iterator[tuple[Row, tuple[str, ...]]]:
    """Yield each row with the texts a query is looked for in."""
    if listing is Listing.ACTORS:
        for actor in content.actors.values():
            row = (actor.id, actor.kind.value, actor.name, ", ".join(actor.aliases))
            yield row, (actor.id, actor.name, *actor.aliases)
    elif listing is Listing.TOPICS:
        for topic in content.topics.values():
            yield (topic.id, topic.name), (topic.id, topic.name)
    elif listing is Listing.EVENTS:
        named = {event.id for article in content.articles.values() for event in article.events if event.id}
        events, _, _ = merge_events(content)
        for event in events:
            id = event.key if event.key in named else NO_ID
            dates = sorted({report.date for report in event.reports}) if event.is_conflicting else [event.date]
            yield (id, ",".join(d.iso() for d in dates), event.title), (id, *(r.title for r in event.reports))
    else:
        counts: dict[str, int] = {}
        for article in content.articles.values():
            for tag in dict.fromkeys(article.tags):
                counts[tag] = counts.get(tag, 0) + 1
        for tag, count in sorted(counts.items()):
            yield (tag, str(count)), (tag,)
