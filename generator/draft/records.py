"""The records the draft steps pass along: source, body, mentions, dates, quotes, events.

The draft package reaches the rest of the generator in two places only: here (the date
type, actor kinds and the id rule it shares with the content model) and in ``known.py``
(reading the content it matches against, and checking a draft the way `check` does).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import StrEnum

from ..content.dates import PartialDate
from ..content.load import FORBIDDEN_CHARACTERS, LINE_BREAKS, id_problem, suggest_id
from ..content.model import URL_PATTERN, ActorKind

__all__ = [
    "FORBIDDEN_CHARACTERS",
    "INPUT",
    "LINE_BREAKS",
    "URL_PATTERN",
    "USAGE",
    "ActorKind",
    "Body",
    "DatedPhrase",
    "DraftEvent",
    "DraftInputError",
    "DraftQuote",
    "DraftStatement",
    "KnownActor",
    "KnownEvent",
    "Mention",
    "PartialDate",
    "ProposedActor",
    "Raw",
    "Source",
    "Span",
    "Tense",
    "id_problem",
    "suggest_id",
]


USAGE, INPUT = 2, 1  # exit codes: a problem with how the command was called, with what it was given


class DraftInputError(Exception):
    """Input the draft cannot be made from: one message that says what to do, and the exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.message, self.exit_code = message, exit_code


@dataclass(frozen=True)
class Raw:
    """The bytes of a source as read: a file, standard input or an address."""

    data: bytes
    name: str  # as the person gave it: a path, '-' or the address
    url: str | None = None  # the address it was fetched from
    is_html: bool = False


@dataclass(frozen=True)
class Source:
    """An article as the steps read it: headline, where it came from, and its body text."""

    headline: str
    paragraphs: tuple[str, ...]
    publisher: str | None = None
    published: PartialDate | None = None
    dateline: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    dateline_date: str | None = None  # a month and day the dateline gives without its year ('Oct. 16')


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Body:
    """The body as one text (paragraphs joined by blank lines), with its paragraphs and sentences."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]

    def sentence_at(self, offset: int) -> int:
        """Return the index of the sentence that holds ``offset`` (the last one that starts before it)."""
        return max(bisect.bisect_right(self.sentences, offset, key=lambda span: span.start) - 1, 0)

    def paragraph_of(self, offset: int) -> int:
        """Return the number (from 1) of the paragraph that holds ``offset``."""
        return min(bisect.bisect_right(self.paragraphs, offset, key=lambda span: span.end) + 1, len(self.paragraphs))

    def sentence_text(self, index: int) -> str:
        span = self.sentences[index]
        return self.text[span.start : span.end]


@dataclass(frozen=True)
class KnownActor:
    """An actor of the content, with every name it may be written by."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownEvent:
    """An event the content already has under an id: what a drafted event may turn out to be."""

    id: str
    date: PartialDate
    title: str
    actors: tuple[str, ...]
    words: str  # its titles, details and dates as written, for comparing words


@dataclass(frozen=True)
class Mention:
    """Where the text names an actor."""

    actor: str
    start: int
    end: int


@dataclass(frozen=True)
class ProposedActor:
    """A person or organization the text names and the content does not have yet."""

    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    role_organization: str | None = None  # a known country the role belongs to ('South Korean' minister)
    aliases: tuple[str, ...] = ()
    note: str | None = None  # how its id was made, when not from its name as written: a comment for the person


class Tense(StrEnum):
    """What the verbs of a clause say of its time: 'met', 'has monitored', 'meets', 'will meet'."""

    PAST = "past"
    PERFECT = "perfect"  # has/have: a span that reaches the publication date
    PRESENT = "present"
    FUTURE = "future"

    @property
    def looks_back(self) -> bool:
        return self in (Tense.PAST, Tense.PERFECT)


@dataclass(frozen=True)
class DatedPhrase:
    """A phrase of the text that dates something, and the date it means (None: the person decides)."""

    as_written: str
    start: int
    end: int
    date: PartialDate | None
    problem: str | None = None  # why it was not resolved


@dataclass(frozen=True)
class DraftQuote:
    """Words in quotation marks, and who said them when the text says so."""

    text: str
    start: int
    by: str | None  # an actor id; None: the speaker could not be placed
    speaker: str | None = None  # who spoke, as written, when not the actor itself
    problem: str | None = None


@dataclass(frozen=True)
class DraftStatement:
    """A position the text reports in its own words: who holds it, and those words (to be reworded)."""

    by: str
    text: str
    start: int


@dataclass(frozen=True)
class DraftEvent:
    """A dated thing the article reports, drafted from one of its dates."""

    date: PartialDate
    as_written: str
    title: str  # drafted from the article's words: for the person to reword
    actors: tuple[str, ...]
    start: int
    words: str  # the words around it, for matching events the content already has
    known: KnownEvent | None = None
    clause: str = ""  # the clause its date is in, which says what happened ('' : the words)
    candidates: tuple[KnownEvent, ...] = ()  # the content's events it may be, not sure enough to link
