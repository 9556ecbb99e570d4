"""Known: what the content already has, read with the generator's own loader and model.

The draft matches against the content's actors (every name and alias) and the events its
articles give an id. Only the actors are read whole: an article file is parsed only when
its bytes could hold an event that a drafted one may be (a date that agrees and an actor in
common), which keeps a draft under a second against a large content tree. A file with a
mistake is skipped, not reported: `check` is the place for that. The draft itself is then
checked by the same loader and validator as a hand-written file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..content.diagnostics import Diagnostic, Severity
from ..content.link import merged_date
from ..content.load import (
    ContentFileError,
    Document,
    Positions,
    content_files,
    display_path,
    read_content_file,
    read_document,
)
from ..content.model import ActorKind, Event
from ..content.schema import FOLDERS
from ..content.validate import validate_documents
from ..parallel import fork_map
from .records import KnownActor, KnownEvent, PartialDate


@dataclass(frozen=True)
class KnownContent:
    """The content's actors, the ids of every actor and topic file, and the actors' documents."""

    actors: tuple[KnownActor, ...]
    actor_ids: frozenset[str]  # every file in content/actors/, valid or not
    topics: Mapping[str, str]  # id -> name
    documents: tuple[Document, ...]


def read_known(content_dir: Path) -> KnownContent:
    """Read the actors (and the topics' names) of a content folder; a folder that is not there has none."""
    documents = tuple(_documents(content_dir, "actor")) + tuple(_documents(content_dir, "topic"))
    present = {(document.kind, document.id) for document in documents}
    content, _ = validate_documents(documents, present)
    actors = tuple(
        KnownActor(actor.id, actor.name, ActorKind(actor.kind), tuple(actor.aliases))
        for actor in content.actors.values()
    )
    topics = {topic.id: topic.name for topic in content.topics.values()}
    ids = frozenset(path.stem for path in _files(content_dir, "actor"))
    return KnownContent(actors, ids, topics, tuple(d for d in documents if d.kind == "actor"))


def read_known_events(content_dir: Path, dates: Iterable[PartialDate], actors: Iterable[str]) -> tuple[KnownEvent, ...]:
    """Read the events with an id that may be one of the drafted ones: a date that agrees, an actor in common."""
    screen = _screen(dates, actors)
    if screen is None:
        return ()
    date_pattern, actor_pattern = screen
    reports: dict[str, list[tuple[str, Event]]] = {}
    for path in _files(content_dir, "article"):
        raw = _read(content_dir, path)
        block = _events_block(raw)
        if not (date_pattern.search(block) and actor_pattern.search(block)):
            continue
        parsed = read_document(raw)
        if parsed.data is None:
            continue
        published = str((parsed.data.get("source") or {}).get("published") or "")
        for item in parsed.data.get("events") or ():
            if not isinstance(item, dict) or not item.get("id"):
                continue
            try:
                event = Event.model_validate(item)
            except ValidationError:
                continue
            assert event.id is not None
            reports.setdefault(event.id, []).append((published, event))
    return tuple(_merged(key, found) for key, found in sorted(reports.items()))


_EVENTS = re.compile(rb"^events:", re.MULTILINE)
_NEXT_KEY = re.compile(rb"^[A-Za-z_]+:", re.MULTILINE)


def _events_block(raw: bytes) -> bytes:
    """The lines of an article file under its 'events:' key (empty without one)."""
    start = _EVENTS.search(raw)
    if start is None:
        return b""
    after = _NEXT_KEY.search(raw, start.end())
    return raw[start.end() : after.start() if after else len(raw)]


def _merged(key: str, found: list[tuple[str, Event]]) -> KnownEvent:
    """One event from every article that reports it: the earliest article's title, the most precise date."""
    found.sort(key=lambda item: item[0])
    events = [event for _, event in found]
    date = merged_date([e.date for e in events])
    actors = tuple(dict.fromkeys(actor for e in events for actor in e.actors))
    words = " ".join(" ".join(filter(None, (e.title, e.details, e.as_written))) for e in events)
    return KnownEvent(key, date, events[0].title, actors, words)


def _screen(dates: Iterable[PartialDate], actors: Iterable[str]) -> tuple[re.Pattern[bytes], re.Pattern[bytes]] | None:
    """Byte patterns an article must match to hold an event that may be a drafted one."""
    alternatives = set()
    for date in dates:
        years = range(date.year - 1, date.year + 2) if date.is_approximate else (date.year,)
        for year in years:
            if date.is_approximate or date.month is None:
                alternatives.add(rf"{year:04d}(?:-\d\d(?:-\d\d)?)?")
            elif date.day is None:
                alternatives.add(rf"{year:04d}(?:-{date.month:02d}(?:-\d\d)?)?")
            else:
                alternatives.add(rf"{year:04d}(?:-{date.month:02d}(?:-{date.day:02d})?)?")
    ids = sorted(set(actors))
    if not alternatives or not ids:
        return None
    date_pattern = rb"date:\s*[\"']?(?:" + "|".join(sorted(alternatives)).encode() + rb")~?[\"']?\s*(?:#|$|[,}])"
    actor_pattern = rb"(?<![\w-])(?:" + b"|".join(re.escape(i.encode()) for i in ids) + rb")(?![\w-])"
    return re.compile(date_pattern, re.MULTILINE), re.compile(actor_pattern)


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
    actors = known.actor_ids | set(promised)
    present = {("actor", actor_id) for actor_id in actors} | {("topic", t) for t in known.topics}
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


def _documents(content_dir: Path, kind: str) -> list[Document]:
    """Parse the files of a kind, over the cores when there are many (as a build does)."""
    paths = _files(content_dir, kind)
    folder = display_path(content_dir / FOLDERS[kind])
    parsed = list(fork_map(_parse, [(content_dir, path) for path in paths]))
    return [
        Document(f"{folder}/{path.name}", kind, path.stem, data, values, keys)
        for path, (data, values, keys) in zip(paths, parsed, strict=True)
        if data is not None
    ]


def _parse(where: tuple[Path, Path]) -> tuple[dict[str, Any] | None, Positions, Positions]:
    parsed = read_document(_read(*where))
    return parsed.data, parsed.values, parsed.keys


def _read(content_dir: Path, path: Path) -> bytes:
    """A content file's bytes as `load` reads them; none (so no data) for one it refuses."""
    try:
        return read_content_file(content_dir, path.relative_to(content_dir))
    except ContentFileError:
        return b""


def _files(content_dir: Path, kind: str) -> Sequence[Path]:
    """The content files of a kind, as `load` reads them."""
    return content_files(content_dir, kind)
