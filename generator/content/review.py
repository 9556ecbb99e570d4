"""Review: what a person must still check before a file is published, and events that look wrong.

A `review:` line (an article's, an actor's, or an event's, quote's, statement's or relation's)
says what is left to do; `draft` writes them. Each is a warning where it is, and a strict build
fails while any is left. Two more warnings catch what a draft, or a hurried person, gets wrong
without breaking a rule: two events of one article on the same day with the same actors (one
happening is one event), and an event id reused by an article whose `as_written` cannot mean
that event's date (a link to another happening).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from typing import Any

from .dates import PartialDate
from .diagnostics import Diagnostic, Severity
from .load import Document, Key
from .model import Article

# The parts of an article that may carry their own 'review' line.
_PARTS = ("events", "quotes", "statements", "relations")

# The dates a phrase such as 'last month' may mean in an article published on a day (none: cannot tell).
PhraseDates = Callable[[str, PartialDate], Collection[PartialDate]]


def review_marks(document: Document) -> Iterator[Diagnostic]:
    """A warning for each 'review' line of a valid document, where it is."""
    data = document.data
    keys: list[Key] = [("review",)] if isinstance(data.get("review"), str) else []
    for part in _PARTS:
        entries = data.get(part)
        for index, entry in enumerate(entries if isinstance(entries, list) else ()):
            if isinstance(entry, dict) and isinstance(entry.get("review"), str):
                keys.append((part, index, "review"))
    for key in keys:
        text = _value(data, key)
        line, column = document.at(key)
        message = f"left to review: {text.rstrip('.')}; then remove this 'review' line"
        yield Diagnostic(document.path, line, column, Severity.WARNING, message, is_review=True)


def _value(data: Mapping[str, Any], key: Key) -> str:
    value: Any = data
    for step in key:
        value = value[step]
    return str(value)


def same_day_events(article: Article, document: Document) -> Iterator[Diagnostic]:
    """Warn of two events of an article on the same day with the same actors: one happening is one event."""
    seen: dict[tuple[str, frozenset[str]], int] = {}
    for index, event in enumerate(article.events):
        if not event.date.is_full or not event.actors:
            continue
        key = (event.date.iso(), frozenset(event.actors))
        if key in seen:
            first = document.at(("events", seen[key]))[0]
            yield document.diagnostic(
                ("events", index),
                f"this event and the one on line {first} are both on {event.date.iso()} with the same actors: "
                "if they are one happening, keep one event; if not, make their titles say how they differ",
                Severity.WARNING,
            )
        else:
            seen[key] = index


def misdated_reuses(
    articles: Mapping[str, Article],
    documents: Mapping[tuple[str, str], Document],
    dates: Mapping[str, PartialDate],
    phrase_dates: PhraseDates,
) -> Iterator[Diagnostic]:
    """Warn of an event id reused by an article whose `as_written` cannot mean that event's date.

    ``dates`` gives each event id reported by more than one article its date on the site.
    """
    for article in articles.values():
        published = article.source.published
        for index, event in enumerate(article.events):
            if event.id is None or event.id not in dates or not event.as_written:
                continue
            meant = phrase_dates(event.as_written, published)
            date = dates[event.id]
            if meant and not any(m.may_be(date) for m in meant):
                shown = " or ".join(sorted({m.iso() for m in meant}))
                yield documents[("article", article.id)].diagnostic(
                    ("events", index, "as_written"),
                    f"'{event.as_written}' in an article of {published.iso()} means {shown}, not {date.iso()}, "
                    f"the date of event '{event.id}': if it is another happening, remove the 'id' line",
                    Severity.WARNING,
                )
