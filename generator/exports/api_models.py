"""The JSON API's documents as typed models: what each file under api/v1/ holds, field by field.

``api.py`` fills these models and dumps them; the JSON Schemas under api/v1/schema/ and the OpenAPI
description's components are generated from them, so a file and its description cannot drift apart.
A model's field order is its keys' order in the file. Every field is required: a value not known is null.
The rules come from where the content defines them (ids, dates, web addresses, the vocabularies).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from ..content.dates import DATE_PATTERN
from ..content.load import ID_MAX_LENGTH, ID_PATTERN
from ..content.model import URL_PATTERN, WIKIDATA_PATTERN, ActorKind, Stance
from .common import QUOTES_RIGHTS, Precision

Version = Literal[1]
VERSION: Version = 1

ContentId = Annotated[str, StringConstraints(pattern=ID_PATTERN.pattern, max_length=ID_MAX_LENGTH)]
# An event's id: its own, or '<briefing id>-<n>' for an event one briefing reports (which may be longer).
EventId = Annotated[str, StringConstraints(pattern=ID_PATTERN.pattern)]
Text = Annotated[str, StringConstraints(min_length=1)]
Markdown = Annotated[
    str, StringConstraints(min_length=1), Field(json_schema_extra={"contentMediaType": "text/markdown"})
]
# A web address, http(s), as the content's rule for one has it.
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN.pattern), Field(json_schema_extra={"format": "uri"})]
# A link into the site: relative to the file that holds it, or absolute under the site's address.
Address = Annotated[str, StringConstraints(min_length=1), Field(json_schema_extra={"format": "uri-reference"})]


def _distinct(ids: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(ids)) < len(ids):
        raise ValueError("names an actor twice")
    return ids


# Who said it or took the step, as the content file writes it: an id, or a list of ids when jointly.
ActorIds = (
    ContentId
    | Annotated[
        tuple[ContentId, ...],
        Field(min_length=2, json_schema_extra={"uniqueItems": True}),
        AfterValidator(_distinct),
    ]
)


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_by_name=True, serialize_by_alias=True)


class Date(Model):
    """A date known to the year, the month or the day, perhaps approximately."""

    value: str = Field(pattern=DATE_PATTERN, description="as written: YYYY, YYYY-MM or YYYY-MM-DD, '~' if approximate")
    precision: Precision
    approximate: bool
    first_day: dt.date = Field(description="the first day the date may mean")
    last_day: dt.date = Field(description="the last day the date may mean")


class License(Model):
    """The terms on which anyone may reuse the data."""

    id: Text = Field(description="its SPDX identifier, such as CC-BY-4.0")
    name: Text = Field(description="its name as readers know it, such as CC BY 4.0")
    url: Url = Field(description="its text")


class Source(Model):
    """Where the article was published."""

    publisher: Text
    published: dt.date
    url: Url | None
    dateline: Text | None
    authors: tuple[Text, ...]


class ActorInStory(Model):
    """An actor in the story, with its role there."""

    id: ContentId
    role: Text | None


class Quote(Model):
    """Words the article puts in quotation marks."""

    by: ActorIds = Field(description="the actor's id; a list of ids for words said jointly")
    speaker: Text | None
    text: Text = Field(description=f"the words, verbatim. {QUOTES_RIGHTS}")
    date: Date
    context: Markdown | None


class Statement(Model):
    """A position or claim, paraphrased."""

    by: ActorIds = Field(description="the actor's id; a list of ids for a joint statement")
    text: Markdown
    topic: ContentId | None
    stance: Stance | None


class Relation(Model):
    """A directed link from an actor, or from several jointly, to another."""

    sources: ActorIds = Field(alias="from", description="the actor's id; a list of ids for a step taken jointly")
    target: ContentId = Field(alias="to")
    kind: Text
    date: Date | None
    text: Text | None


class Briefing(Model):
    """One annotated news article."""

    id: ContentId
    url: Address = Field(description="the briefing's page")
    title: Text
    source: Source
    topics: tuple[ContentId, ...]
    tags: tuple[ContentId, ...]
    summary: Markdown
    key_points: tuple[Markdown, ...]
    actors: tuple[ActorInStory, ...]
    events: tuple[EventId, ...] = Field(description="ids of the events it reports (see events.json)")
    quotes: tuple[Quote, ...]
    statements: tuple[Statement, ...]
    relations: tuple[Relation, ...]


class Role(Model):
    """A position held."""

    title: Text
    organization: ContentId | None
    start: Date | None = Field(alias="from")
    end: Date | None = Field(alias="to")
    as_of: Date | None = Field(description="a date it was held on, when its end is not known")


class Identifiers(Model):
    """Ids in other databases."""

    wikidata: Annotated[str, StringConstraints(pattern=WIKIDATA_PATTERN)] | None


class Link(Model):
    """A link to elsewhere."""

    title: Text
    url: Url


class Actor(Model):
    """A person, a country or an organization."""

    id: ContentId
    url: Address = Field(description="the actor's page")
    name: Text
    kind: ActorKind
    aliases: tuple[Text, ...]
    summary: Markdown | None
    country: ContentId | None = Field(description="the id of an actor of kind country")
    roles: tuple[Role, ...]
    identifiers: Identifiers
    links: tuple[Link, ...]
    briefings: tuple[ContentId, ...] = Field(description="the briefings it is in, newest first")
    events: tuple[EventId, ...] = Field(description="the events it is involved in, in timeline order")


class Topic(Model):
    """A topic the briefings follow."""

    id: ContentId
    url: Address = Field(description="the topic's page")
    name: Text
    summary: Markdown | None
    briefings: tuple[ContentId, ...] = Field(description="the briefings on it, newest first")
    events: tuple[EventId, ...] = Field(description="events from those briefings, in timeline order")


class Report(Model):
    """One article's account of an event, with the date it gives."""

    briefing: ContentId
    publisher: Text
    published: dt.date
    headline: Text
    source_url: Url | None
    date: Date
    title: Text
    as_written: Text | None
    details: Markdown | None


class Event(Model):
    """A dated event, with every article that reported it."""

    id: EventId = Field(description="the event's id, or '<briefing id>-<n>' for an event one briefing reports")
    url: Address = Field(description="the event's page")
    timeline: Address = Field(description="the event on the timeline page")
    title: Text = Field(description="the title the earliest report gave")
    date: Date = Field(description="the most precise date the reports agree on (the earliest, if they disagree)")
    conflicting: bool = Field(description="true when the reports disagree on the date")
    actors: tuple[ContentId, ...]
    reports: tuple[Report, ...] = Field(min_length=1)


# The documents: each file's version, its license and its records (or, for an event's own document, its one
# record). A document's title is its file's summary in the OpenAPI description.


class Document(Model):
    version: Version
    license: License | None = Field(
        description="the terms on which the data may be reused; null when the site states none"
    )


class Briefings(Document):
    model_config = ConfigDict(title="Briefings, newest first")
    briefings: tuple[Briefing, ...]


class Actors(Document):
    model_config = ConfigDict(title="Actors: people, countries and organizations, by id")
    actors: tuple[Actor, ...]


class Topics(Document):
    model_config = ConfigDict(title="Topics, by id")
    topics: tuple[Topic, ...]


class Events(Document):
    model_config = ConfigDict(title="Events from every briefing, merged by id, in timeline order")
    events: tuple[Event, ...]


class EventDocument(Document):
    model_config = ConfigDict(title="One event, with every source that reported it: its own document, beside its page")
    event: Event


# Each schema file's name (api/v1/schema/<name>.schema.json) and the document it describes.
DOCUMENTS: dict[str, type[Document]] = {
    "briefings": Briefings,
    "actors": Actors,
    "topics": Topics,
    "events": Events,
    "event": EventDocument,
}


class _ApiSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema without a title on every field (the field's name says it)."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def document_schema(model: type[Document]) -> dict[str, Any]:
    """Generate the JSON Schema of one document, with the definitions it uses under '$defs'."""
    return model.model_json_schema(mode="serialization", schema_generator=_ApiSchema)


COMPONENT_REF = "#/components/schemas/{model}"  # where the OpenAPI description keeps a model's schema


def component_schemas() -> dict[str, Any]:
    """Generate the schema of every document and every record, as the OpenAPI description's components."""
    _, schemas = models_json_schema(
        [(model, "serialization") for model in DOCUMENTS.values()],
        ref_template=COMPONENT_REF,
        schema_generator=_ApiSchema,
    )
    return dict(schemas["$defs"])
