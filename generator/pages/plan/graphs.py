"""The drawings of pages: the relation graphs of profiles and topics (which actors are drawn, and
what the drawing says), and the drawn timeline above a list of events."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ...content.counts import count
from ...content.dates import PartialDate
from ...content.link import Cited, MergedEvent
from ...content.model import Actor, Relation, Topic
from ..graph import Edge, Graph, Node, layout_circle, layout_ego, merge_edges
from ..timeline_drawing import Occurrence, TimelineDrawing, layout_timeline_drawing
from . import limits
from .common import Shown, number_references


def relation_label(relation: Relation) -> str:
    """How a relation reads on a graph's arrow: 'accuses (2024)'."""
    return f"{relation.kind} ({relation.date.human()})" if relation.date else relation.kind


# One arrow of a drawing: from an actor to another, and the relation (its index in the page's list) it draws.
# A relation from several actors (a step taken jointly) is an arrow from each.
Arrow = tuple[str, str, int]


def _arrows(relations: Sequence[Cited[Relation]]) -> list[Arrow]:
    return [(source, c.item.target, i) for i, c in enumerate(relations) for source in c.item.sources]


def ego_graph(
    actor: Actor, relations: Sequence[Cited[Relation]], actors: Mapping[str, Actor]
) -> tuple[Graph | None, str]:
    """Draw an actor's relations; past GRAPH_LIMIT neighbours, only those with the most relations."""
    if not relations:
        return None, ""
    arrows = [arrow for arrow in _arrows(relations) if actor.id in arrow[:2]]
    counts = Counter(target if source == actor.id else source for source, target, _ in arrows)
    counts.pop(actor.id, None)  # an actor's relation to itself
    arrows, note = _most_related(arrows, counts, actors, f"with {actor.name}", also={actor.id})
    outgoing = len({i for source, _, i in arrows if source == actor.id})
    incoming = len({i for _, _, i in arrows}) - outgoing
    ids = {end for source, target, _ in arrows for end in (source, target)}
    between = f"{count(outgoing, 'relation')} from {actor.name} to other actors and {incoming} from other actors to {actor.name}"
    if note:
        between = (
            f"{note} {count(outgoing, 'relation')} from {actor.name} to them and {incoming} from them to {actor.name}"
        )
    description = f"{between}; {_table_note(bool(note), 'each one')}"
    nodes = tuple(_node(actors[id]) for id in sorted(ids))
    edges = _edges(arrows, relations)
    graph = layout_ego("graph", f"Relations of {actor.name}", description, _node(actor), nodes, edges)
    return graph, note


def circle_graph(
    topic: Topic, relations: Sequence[Cited[Relation]], actors: Mapping[str, Actor]
) -> tuple[Graph | None, str]:
    """Draw the relations between a topic's actors; past GRAPH_LIMIT actors, those with the most relations."""
    if not relations:
        return None, ""
    counts = Counter(end for c in relations for end in {*c.item.sources, c.item.target})
    arrows, note = _most_related(_arrows(relations), counts, actors, "in the briefings on this topic")
    ids = sorted({end for source, target, _ in arrows for end in (source, target)})
    drawn = len({i for _, _, i in arrows})
    between = f"{count(len(ids), 'actor')} and {count(drawn, 'relation')} from the briefings on this topic"
    if note:
        between = f"{note} {count(drawn, 'relation')} between them"
    description = f"{between}; {_table_note(bool(note), 'each relation')}"
    title = f"Relations between the actors of {topic.name}"
    nodes = tuple(_node(actors[id]) for id in ids)
    return layout_circle("graph", title, description, nodes, _edges(arrows, relations)), note


def _table_note(is_cut: bool, each: str) -> str:
    if is_cut:
        return "the table after the drawing lists the most recent relations with their date and source."
    return f"the table after the drawing lists {each} with its date and source."


def _most_related(
    arrows: list[Arrow],
    counts: Counter[str],
    actors: Mapping[str, Actor],
    where: str,
    also: frozenset[str] | set[str] = frozenset(),
) -> tuple[list[Arrow], str]:
    """Keep the arrows between the GRAPH_LIMIT actors with the most relations (ties by name) and
    ``also``, and a note that says so when that cuts."""
    if len(counts) <= limits.GRAPH_LIMIT:
        return arrows, ""
    ranked = sorted(counts, key=lambda id: (-counts[id], actors[id].name.casefold(), id))
    drawn = set(ranked[: limits.GRAPH_LIMIT]) | set(also)
    note = f"Drawn: the {limits.GRAPH_LIMIT} of {len(counts)} actors with the most relations {where}."
    return [arrow for arrow in arrows if {arrow[0], arrow[1]} <= drawn], note


def _node(actor: Actor) -> Node:
    return Node(actor.id, actor.name, actor.kind.value)


def _edges(arrows: Sequence[Arrow], relations: Sequence[Cited[Relation]]) -> tuple[Edge, ...]:
    return merge_edges((source, target, relation_label(relations[i].item)) for source, target, i in arrows)


def events_drawing(what: str, events: Sequence[MergedEvent]) -> TimelineDrawing | None:
    """Draw the events a list shows on a time axis, above it; a list of fewer than two has no drawing."""
    if len(events) < 2:
        return None
    occurrences = tuple(_occurrence(event) for event in events)
    first = min(date for o in occurrences for date in o.dates)
    last = max(date for o in occurrences for date in o.dates)
    years = f"in {first.year}" if first.year == last.year else f"from {first.year} to {last.year}"
    return layout_timeline_drawing(f"{what}: {count(len(events), 'event')} {years}, on a time axis", occurrences)


def _occurrence(event: MergedEvent) -> Occurrence:
    """An event with the dates to draw: its own, or where reports disagree, each date they give that
    another does not narrow down (2024-03 and 2024-03-28 are one date, drawn as 2024-03-28)."""
    dates: tuple[PartialDate, ...] = (event.date,)
    if event.is_conflicting:
        given = {report.date for report in event.reports}
        dates = tuple(
            sorted(d for d in given if not any(d.precision < other.precision and d.contains(other) for other in given))
        )
    return Occurrence(event.key, event.title, dates, len(event.sources))  # an article reports an event once


def gathered_facts(
    what: str, shown: Mapping[str, Shown[Any]], cited: Iterable[str], graph: tuple[Graph | None, str]
) -> dict[str, Any]:
    """What a profile or a topic shows of the facts briefings report: its lists, each cut to its most
    recent items, the relation ``graph`` and its note, its events drawn, and the numbered sources of
    the lists named in ``cited`` and of the events."""
    articles = [c.article for key in cited for c in shown[key]]
    articles += [article for event in shown["events"] for article in event.sources]
    return {
        **shown,
        "graph": graph[0],
        "graph_note": graph[1],
        "drawing": events_drawing(f"Events of {what}", shown["events"].items),
        "references": number_references(articles),
    }
