"""Known: what the content already has, as the generator's own loader, validator and linker read it.

The draft matches against the content's actors (every name and alias) and the events its
articles give an id. Only the actors are read whole. Of the articles, the loader parses only
those its quick pre-filter (`holding`) keeps, the ones that name a drafted actor and a drafted
year: against 4,000 generated articles, on two busy cores, reading them all took 5.6 s (4.2 to
parse, with processes no quicker, 1.4 to validate), the pre-filtered read 0.3 to 0.7 s. Their
events are merged as `link` merges them for the site. A file with a mistake is skipped, not reported:
`check` is the place for that. The draft itself is then checked by the same loader and
validator as a hand-written file.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..content.diagnostics import Diagnostic, Severity
from ..content.link import MergedEvent, merge_events
from ..content.load import Document, FileRead, display_path, holding, load_tree, read_document
from ..content.model import ActorKind, Article
from ..content.validate import validate_documents
from .records import KnownActor, KnownEvent, PartialDate

Spread = Callable[[Callable[[Any], FileRead], Sequence[Any]], Iterable[FileRead]]


@dataclass(frozen=True)
class KnownContent:
    """The content's actors, its topics' names, the actors' documents and every actor and topic file."""

    actors: tuple[KnownActor, ...]
    topics: Mapping[str, str]  # id -> name
    documents: tuple[Document, ...]
    present: frozenset[tuple[str, str]]  # (kind, id) of every actor and topic file the loader finds, valid or not

    @property
    def actor_ids(self) -> frozenset[str]:
        return frozenset(id for kind, id in self.present if kind == "actor")


def read_known(content_dir: Path, spread: Spread = map) -> KnownContent:
    """Read the actors (and the topics' names) of a content folder; a folder that is not there has none.

    ``spread`` parses the files: ``map`` by default, or one that spreads them over processes (the
    CLI passes generator.parallel's, as a build does)."""
    loaded = load_tree(content_dir, spread=spread, kinds=("actor", "topic"))
    content, _ = validate_documents(loaded.documents, loaded.present)
    actors = tuple(
        KnownActor(actor.id, actor.name, ActorKind(actor.kind), tuple(actor.aliases))
        for actor in content.actors.values()
    )
    topics = {topic.id: topic.name for topic in content.topics.values()}
    documents = tuple(d for d in loaded.documents if d.kind == "actor")
    return KnownContent(actors, topics, documents, loaded.present)


def read_known_events(
    content_dir: Path,
    dates: Collection[PartialDate],
    actors: Collection[str],
    spread: Spread = map,
    present: Collection[tuple[str, str]] = (),
) -> tuple[KnownEvent, ...]:
    """Read the events with an id of the articles that may report drafted ones (an event on a date
    that may be a drafted one, a drafted actor in their events), merged as `link` merges them.

    ``present``: the actor and topic files (`KnownContent.present`), which the articles name."""
    # A year either side: an approximate date ('2023~') may be any day of the years around it.
    years = {f"{year:04d}" for date in dates for year in range(date.year - 1, date.year + 2)}
    loaded = load_tree(content_dir, spread=spread, kinds=("article",), keep=holding(actors, years))
    content, _ = validate_documents(loaded.documents, loaded.present | set(present))
    wanted = {
        event.id
        for article in content.articles.values()
        if _may_report(article, dates, actors)
        for event in article.events
        if event.id is not None
    }
    merged, _, _ = merge_events(content)
    return tuple(
        KnownEvent(event.key, event.date, event.title, event.actors, _words(event))
        for event in sorted(merged, key=lambda event: event.key)
        if event.key in wanted
    )


def _may_report(article: Article, dates: Collection[PartialDate], actors: Collection[str]) -> bool:
    events = article.events
    return any(date.may_be(event.date) for event in events for date in dates) and not set(actors).isdisjoint(
        actor for event in events for actor in event.actors
    )


def _words(event: MergedEvent) -> str:
    """Every report's title, details and date as written: the words a drafted event is compared by."""
    return " ".join(" ".join(filter(None, (r.title, r.details, r.as_written))) for r in event.reports)


@dataclass(frozen=True)
class DraftedFile:
    """A file the draft writes: its kind and id, where it goes, and its text."""

    kind: str
    id: str
    path: Path
    text: str


def check_draft(
    known: KnownContent, files: Sequence[DraftedFile], promised: Iterable[str] = ()
) -> tuple[Diagnostic, ...]:
    """Check drafted files as `check` would, beside the content's actors: every diagnostic, in order.

    ``promised`` actors count as present: the person is told to create them.
    """
    documents: list[Document] = list(known.documents)
    diagnostics: list[Diagnostic] = []
    present = set(known.present) | {("actor", actor_id) for actor_id in promised}
    for file in files:
        parsed = read_document(file.text.encode("utf-8"))
        shown = display_path(file.path)
        diagnostics += [
            Diagnostic(shown, line, column, Severity.ERROR, message) for line, column, message in parsed.problems
        ]
        present.add((file.kind, file.id))
        if parsed.data is not None:
            documents = [d for d in documents if (d.kind, d.id) != (file.kind, file.id)]
            documents.append(Document(shown, file.kind, file.id, parsed.data, parsed.values, parsed.keys))
    _, problems = validate_documents(documents, present)
    drafted = {display_path(file.path) for file in files}
    return tuple(sorted(diagnostics + [d for d in problems if d.path in drafted]))
