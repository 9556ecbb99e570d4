"""The typed content model: the one place that says what a valid file holds.

Records are frozen pydantic models (``extra="forbid"``). Field descriptions are the
field docs: validation messages quote them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from .dates import DATE_PATTERN, PartialDate
from .load import ID_MAX_LENGTH, ID_PATTERN, id_problem, suggest_id

# Where a link target starts: an inline link '](', a reference definition ']:' (anywhere:
# inside lists and quotes too), or an autolink '<scheme:'.
_LINK_START = re.compile(r"\]\(|\]:|<(?=[A-Za-z][A-Za-z0-9+.\-]*:)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
# An http(s) address with a host name and no character that could end a link or start markup.
URL_PATTERN = re.compile(r"^https?://[^\s/?#<>\"'`{}|\\^]+\.[^\s<>\"'`{}|\\^]*$")


class FieldError(ValueError):
    """A record-level rule broken by one field: the message points at that field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _check_id(value: str) -> str:
    problem = id_problem(value)
    if problem:
        fix = suggest_id(value)
        hint = f" (write '{fix}')" if fix and fix != value else ""
        raise ValueError(f"'{value}' is not a valid id: an id {problem}{hint}")
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty: write some text or remove the field")
    return value


def link_targets(text: str) -> Iterator[str]:
    """Yield every link target in Markdown text, as written."""
    for match in _LINK_START.finditer(text):
        rest = text[match.end() :]
        if match.group() == "<":
            yield re.split(r"[>\s]", rest, maxsplit=1)[0]
            continue
        rest = rest.lstrip(" \t")
        if rest.startswith("<"):
            yield rest[1:].split(">", 1)[0]
        elif match.group() == "]:":
            yield rest.split(None, 1)[0] if rest.strip() else ""
        else:
            yield _balanced(rest)


def _balanced(text: str) -> str:
    """Read an inline link target: up to white space or the ')' that closes the link."""
    depth = 0
    for index, character in enumerate(text):
        if character.isspace() or (character == ")" and depth == 0):
            return text[:index]
        depth += {"(": 1, ")": -1}.get(character, 0)
    return text


def link_scheme(target: str) -> str | None:
    """Return the scheme a browser would see in a link target ('javascript'), or None."""
    # Browsers decode character references and drop control characters and white space.
    cleaned = re.sub(r"[\x00-\x20\\]", "", html.unescape(target))
    scheme = _SCHEME.match(cleaned)
    return scheme.group(1).lower() if scheme else None


def _check_markdown(value: str) -> str:
    _check_text(value)
    for target in link_targets(value):
        if link_scheme(target) not in (None, "http", "https"):
            raise ValueError(f"has a link to '{target}': links must start with http: or https:, or be relative")
    return value


def _check_url(value: str) -> str:
    if not URL_PATTERN.fullmatch(value):  # not match(): its '$' lets a final line break through
        if value.endswith("\n") and URL_PATTERN.fullmatch(value.rstrip("\n")):
            raise ValueError(
                f"'{value.rstrip()}' ends in a line break: write the address on its key's line, without '|'"
            )
        bad = sorted(set(re.findall(r"[\s<>\"'`{}|\\^]", value)))
        if value.startswith(("http://", "https://")) and bad:
            shown = " ".join(repr(c) for c in bad)
            raise ValueError(f"'{value}' holds characters a web address cannot: {shown}; percent-encode them")
        raise ValueError(f"'{value}' is not a web address: write a full http:// or https:// URL")
    return value


def _parse_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if not isinstance(value, str):
        raise ValueError("must be a date such as 2024-03-28, 2024-03 or 2024")
    return PartialDate.parse(value)


def parse_full_date(value: Any) -> PartialDate:
    date = _parse_date(value)
    if not date.is_full or date.is_approximate:
        raise ValueError(f"'{date}' must be a full, exact date such as 2024-04-15")
    return date


def _check_wikidata(value: str) -> str:
    if not re.fullmatch(WIKIDATA_PATTERN, value):
        raise ValueError(f"'{value}' is not a Wikidata id: write Q followed by digits, such as Q423")
    return value


def one_or_more(value: Any) -> Any:
    """Read one actor id as a list of one."""
    return (value,) if isinstance(value, str) else value


def _check_actor_ids(ids: tuple[str, ...]) -> tuple[str, ...]:
    if not ids:
        raise ValueError(
            "names no actor: write an actor id, or a list of actor ids in brackets, as [one-id, another-id]"
        )
    for id in ids:
        if ids.count(id) > 1:
            raise ValueError(f"names '{id}' twice: list each actor once")
    return ids


_ID_SCHEMA = {"type": ["string", "integer"], "pattern": ID_PATTERN.pattern, "maxLength": ID_MAX_LENGTH}
Id = Annotated[str, AfterValidator(_check_id), WithJsonSchema(_ID_SCHEMA)]
# One actor's id, or a list of them for words said or a step taken jointly: always a tuple here.
ActorIds = Annotated[
    tuple[Id, ...],
    BeforeValidator(one_or_more),
    AfterValidator(_check_actor_ids),
    WithJsonSchema({"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA, "minItems": 1, "uniqueItems": True}]}),
]
# Editors read YAML 1.2, where `title: 1984` is a number: the generator reads it as the text "1984".
Text = Annotated[str, AfterValidator(_check_text), WithJsonSchema({"type": ["string", "number"], "minLength": 1})]
Markdown = Annotated[
    str,
    AfterValidator(_check_markdown),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1, "contentMediaType": "text/markdown"}),
]
Url = Annotated[
    str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})
]
Date = Annotated[
    PartialDate,
    PlainValidator(_parse_date),
    WithJsonSchema({"type": ["string", "integer"], "pattern": DATE_PATTERN}),
]
FullDate = Annotated[
    PartialDate,
    PlainValidator(parse_full_date),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
WikidataId = Annotated[
    str, AfterValidator(_check_wikidata), WithJsonSchema({"type": "string", "pattern": WIKIDATA_PATTERN})
]


# A 'review' line says what a person must still check or do (a draft writes them): `check` warns of
# each, and a strict build fails while any is left.
REVIEW = "what is left to check or do before it is published; remove the line once done"


class ActorKind(StrEnum):
    PERSON = "person"
    COUNTRY = "country"
    ORGANIZATION = "organization"


class Stance(StrEnum):
    SUPPORTS = "supports"
    OPPOSES = "opposes"
    NEUTRAL = "neutral"


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=False, arbitrary_types_allowed=True)


class Source(Record):
    publisher: Text = Field(description="who published the article, such as Reuters")
    published: FullDate = Field(description="the day it was published, a full date such as 2024-04-15")
    url: Url | None = Field(None, description="the article's web address, http(s)")
    dateline: Text | None = Field(None, description="where it was reported from, such as Seoul")
    authors: tuple[Text, ...] = Field((), description="a list of the authors' names")


class ActorInStory(Record):
    id: Id = Field(description="the actor's id (its file name in content/actors/)")
    role: Text | None = Field(None, description="the actor's role in this story")

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str) else value


class Event(Record):
    id: Id | None = Field(None, description="an id shared by every article that reports this event")
    date: Date = Field(description="when it happened: YYYY, YYYY-MM or YYYY-MM-DD, '~' for approximately")
    as_written: Text | None = Field(None, description="how the article dated it, such as 'last month'")
    title: Text = Field(description="what happened, in plain text")
    actors: tuple[Id, ...] = Field((), description="a list of the ids of the actors involved")
    details: Markdown | None = Field(None, description="more about the event, in Markdown")
    review: Text | None = Field(None, description=REVIEW)


class Quote(Record):
    by: ActorIds = Field(
        description="the id of the actor who said it, or for whom the speaker spoke; a list of ids for words said jointly"
    )
    speaker: Text | None = Field(None, description="who spoke, when not the actor itself")
    text: Text = Field(description="the words, verbatim, without quotation marks")
    date: Date | None = Field(None, description="when it was said; defaults to the article's date")
    context: Markdown | None = Field(None, description="what the words were about, in Markdown")
    review: Text | None = Field(None, description=REVIEW)


class Statement(Record):
    by: ActorIds = Field(description="the id of the actor whose position this is; a list of ids for a joint statement")
    text: Markdown = Field(description="the position or claim, paraphrased, in Markdown")
    topic: Id | None = Field(None, description="the id of the topic it is about")
    stance: Stance | None = Field(None, description="supports, opposes or neutral (needs a topic)")
    review: Text | None = Field(None, description=REVIEW)

    @model_validator(mode="after")
    def _stance_needs_topic(self) -> Statement:
        if self.stance is not None and self.topic is None:
            raise FieldError("stance", "has a stance but no topic: add 'topic:' with the topic the stance is on")
        return self


class Relation(Record):
    sources: ActorIds = Field(
        alias="from", description="the id of the actor the relation goes from; a list of ids for a step taken jointly"
    )
    target: Id = Field(alias="to", description="the id of the actor the relation goes to")
    kind: Text = Field(description="a short verb phrase, such as 'accuses'")
    date: Date | None = Field(None, description="when the relation held or began")
    text: Text | None = Field(None, description="what the relation is about, in plain text")
    review: Text | None = Field(None, description=REVIEW)


class Article(Record):
    id: SkipJsonSchema[str] = Field("", exclude=True)
    title: Text = Field(description="the article's headline or a title for it, in plain text")
    source: Source = Field(description="where the article was published: publisher, published, url...")
    topics: tuple[Id, ...] = Field((), description="a list of topic ids")
    tags: tuple[Id, ...] = Field((), description="a list of free tags, written like ids")
    summary: Markdown = Field(description="what the article reports, in your own words, in Markdown")
    key_points: tuple[Markdown, ...] = Field((), description="a list of short points, in Markdown")
    actors: tuple[ActorInStory, ...] = Field((), description="who is in the story: ids, or id and role")
    events: tuple[Event, ...] = Field((), description="dated things the article reports")
    quotes: tuple[Quote, ...] = Field((), description="words the article puts in quotation marks")
    statements: tuple[Statement, ...] = Field((), description="positions and claims, paraphrased")
    relations: tuple[Relation, ...] = Field((), description="directed links between actors")
    review: Text | None = Field(None, description=REVIEW)


class Role(Record):
    title: Text = Field(description="the position held, such as 'Foreign Minister'")
    organization: Id | None = Field(None, description="the id of the actor it is held in")
    start: Date | None = Field(None, alias="from", description="when it began")
    end: Date | None = Field(None, alias="to", description="when it ended; absent means current, or see 'as_of'")
    as_of: Date | None = Field(
        None,
        description="a date it is known to have been held on, when its end is not known (the profile says 'as of')",
    )

    @model_validator(mode="after")
    def _starts_before_end(self) -> Role:
        if self.start and self.end and self.end < self.start and not self.start.agrees_with(self.end):
            raise FieldError("from", f"starts ({self.start}) after it ends ({self.end}): swap 'from' and 'to'")
        if self.as_of and self.end:
            raise FieldError(
                "as_of", "has both 'to' and 'as_of': 'to' says it ended; keep 'as_of' only for a role not known to end"
            )
        if self.as_of and self.start and self.as_of < self.start and not self.start.agrees_with(self.as_of):
            raise FieldError("as_of", f"is held as of {self.as_of}, before it starts ({self.start}): check both dates")
        return self

    @property
    def is_current(self) -> bool:
        """Held, with no end known and not dated by 'as_of': the profile says "current"."""
        return self.end is None and self.as_of is None

    @property
    def is_open(self) -> bool:
        """Held, as far as the content knows: current, or held as of a date."""
        return self.end is None


class Identifiers(Record):
    wikidata: WikidataId | None = Field(None, description="the Wikidata item, Q followed by digits")


class Link(Record):
    title: Text = Field(description="what the link leads to")
    url: Url = Field(description="an http(s) address")


class Actor(Record):
    id: SkipJsonSchema[str] = Field("", exclude=True)
    name: Text = Field(description="the actor's usual name, in plain text")
    kind: ActorKind = Field(description="person, country or organization")
    aliases: tuple[Text, ...] = Field((), description="other names: other scripts, short forms, metonyms")
    summary: Markdown | None = Field(None, description="who or what the actor is, in Markdown")
    country: Id | None = Field(None, description="the id of an actor of kind country")
    roles: tuple[Role, ...] = Field((), description="positions held, with dates")
    identifiers: Identifiers | None = Field(None, description="ids in other databases")
    links: tuple[Link, ...] = Field((), description="links to elsewhere: title and url")
    review: Text | None = Field(None, description=REVIEW)


class Topic(Record):
    id: SkipJsonSchema[str] = Field("", exclude=True)
    name: Text = Field(description="the topic's name, in plain text")
    summary: Markdown | None = Field(None, description="what the topic covers, in Markdown")


RECORD_TYPES: dict[str, type[Article] | type[Actor] | type[Topic]] = {
    "article": Article,
    "actor": Actor,
    "topic": Topic,
}
