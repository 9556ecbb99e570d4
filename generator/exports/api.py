"""The JSON API under api/v1/: four data files, a document per event, a JSON Schema for each, and an
OpenAPI 3.1 description.

The documents are the typed models of ``api_models``, filled here and dumped; their schemas and the
OpenAPI description's components are generated from the same models. Every file carries ``"version": 1``
and the ``license`` the data may be reused under (null when the site states none); the OpenAPI
description says it for the CSV files too. Keys come in a fixed order; top-level lists are sorted
(briefings newest first then by id; actors and topics by id; events in timeline order: date, title, id);
lists inside a record keep the order the content gives them. Markdown fields stay Markdown, as written.
"""

from __future__ import annotations

import functools
import json
from typing import Any, NamedTuple

from ..collector import paused_collections
from ..content.dates import PartialDate
from ..content.link import Corpus, MergedEvent, Report
from ..content.model import Actor, Article, Topic
from ..pages.plan import TimelineLayout, layout_timeline, page_address
from ..pages.render import Asset
from . import api_models as m
from .api_models import COMPONENT_REF, DOCUMENTS, VERSION, component_schemas, document_schema
from .common import PRECISIONS, QUOTES_RIGHTS, License, href, last_day

API = f"api/v{VERSION}"
JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"
Json = dict[str, Any]


def data_path(name: str) -> str:
    """Return the site path of an API file: 'events' -> 'api/v1/events.json'."""
    return f"{API}/{name}.json"


def schema_path(name: str) -> str:
    """Return the site path of a data file's JSON Schema: 'events' -> 'api/v1/schema/events.schema.json'."""
    return f"{API}/schema/{name}.schema.json"


OPENAPI_PATH = f"{API}/openapi.json"


def event_path(key: str) -> str:
    """Return the site path of one event's own document: 'visit' -> 'api/v1/events/visit.json'."""
    return f"{API}/events/{key}.json"


EVENT_SCHEMA = "event"  # the schema of an event's own document: api/v1/schema/event.schema.json


def export_api(corpus: Corpus, site_url: str | None, license: License | None = None) -> tuple[Asset, ...]:
    """Write the data files, their schemas and the OpenAPI description."""
    with paused_collections():
        documents = api_documents(corpus, site_url, license)
        assets = [Asset(data_path(name), dump_document(doc)) for name, doc in documents._asdict().items()]
        events = event_documents(corpus, documents.events, site_url)
        assets += [Asset(event_path(document.event.id), dump_document(document)) for document in events]
    assets += [Asset(schema_path(name), dump_json(file_schema(name, site_url))) for name in DOCUMENTS]
    assets.append(Asset(OPENAPI_PATH, dump_json(openapi(site_url, license))))
    return tuple(assets)


def dump_document(document: m.Document) -> bytes:
    """Write a data document as compact UTF-8 JSON, its keys in its model's field order."""
    return document.__pydantic_serializer__.to_json(document) + b"\n"


def dump_json(value: Any) -> bytes:
    """Write JSON as indented UTF-8: the schemas and the OpenAPI description (the data files are compact)."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# The data


class Documents(NamedTuple):
    """The four data files: api/v1/<field>.json holds the field's document."""

    briefings: m.Briefings
    actors: m.Actors
    topics: m.Topics
    events: m.Events


DATASETS = Documents._fields  # ("briefings", "actors", "topics", "events"): api/v1/<name>.json


def api_documents(corpus: Corpus, site_url: str | None, license: License | None = None) -> Documents:
    """Build the four data documents."""
    terms = _license(license)

    def link(name: str, kind: str, id: str) -> str:
        return href(site_url, data_path(name), page_address(kind, id))

    timeline = layout_timeline(corpus.events)  # which page of the timeline shows each event
    return Documents(
        m.Briefings(
            version=VERSION,
            license=terms,
            briefings=tuple(_briefing(a, corpus, link("briefings", "briefing", a.id)) for a in corpus.articles),
        ),
        m.Actors(
            version=VERSION,
            license=terms,
            actors=tuple(_actor(a, corpus, link("actors", "actor", a.id)) for a in corpus.actors.values()),
        ),
        m.Topics(
            version=VERSION,
            license=terms,
            topics=tuple(_topic(t, corpus, link("topics", "topic", t.id)) for t in corpus.topics.values()),
        ),
        m.Events(
            version=VERSION,
            license=terms,
            events=tuple(_event(e, **_event_links(site_url, data_path("events"), e, timeline)) for e in corpus.events),
        ),
    )


def event_documents(corpus: Corpus, listed: m.Events, site_url: str | None) -> list[m.EventDocument]:
    """Each event's own document, beside its page: the record events.json holds, linked from where it is."""
    timeline = layout_timeline(corpus.events)
    return [
        m.EventDocument(
            version=VERSION,
            license=listed.license,
            # The same record, its links written from the event's own file.
            event=m.Event(**{**dict(record), **_event_links(site_url, event_path(e.key), e, timeline)}),
        )
        for e, record in zip(corpus.events, listed.events, strict=True)
    ]


def _license(license: License | None) -> m.License | None:
    return m.License(id=license.id, name=license.name, url=license.url) if license else None


def _event_links(site_url: str | None, start: str, event: MergedEvent, timeline: TimelineLayout) -> dict[str, str]:
    """The event's page and its entry on the timeline, from the data file at ``start``."""
    entry = page_address(*timeline.page_of(event)) + f"#{event.anchor}"
    return {"url": href(site_url, start, page_address("event", event.key)), "timeline": href(site_url, start, entry)}


@functools.lru_cache(maxsize=16384)  # the same dates recur in every file; a frozen model can be shared
def _date(date: PartialDate) -> m.Date:
    """Describe a date for machines: as written, its precision, and the days it may mean."""
    return m.Date(
        value=date.iso(),
        precision=PRECISIONS[date.precision],
        approximate=date.is_approximate,
        first_day=date.first_day(),
        last_day=last_day(date),
    )


def _maybe_date(date: PartialDate | None) -> m.Date | None:
    return None if date is None else _date(date)


def _briefing(article: Article, corpus: Corpus, url: str) -> m.Briefing:
    source = article.source
    return m.Briefing(
        id=article.id,
        url=url,
        title=article.title,
        source=m.Source(
            publisher=source.publisher,
            published=source.published.first_day(),
            url=source.url,
            dateline=source.dateline,
            authors=source.authors,
        ),
        topics=article.topics,
        tags=article.tags,
        summary=article.summary,
        key_points=article.key_points,
        actors=tuple(m.ActorInStory(id=p.actor.id, role=p.role) for p in corpus.article_actors[article.id]),
        events=tuple(event.key for event in corpus.article_events[article.id]),
        quotes=tuple(
            m.Quote(
                by=_actor_ids(q.by),
                speaker=q.speaker,
                text=q.text,
                date=_date(q.date or source.published),
                context=q.context,
            )
            for q in article.quotes
        ),
        statements=tuple(
            m.Statement(by=_actor_ids(s.by), text=s.text, topic=s.topic, stance=s.stance) for s in article.statements
        ),
        relations=tuple(
            m.Relation(
                sources=_actor_ids(r.sources), target=r.target, kind=r.kind, date=_maybe_date(r.date), text=r.text
            )
            for r in article.relations
        ),
    )


def _actor_ids(ids: tuple[str, ...]) -> str | tuple[str, ...]:
    """Who said it or took the step, as the content file writes it: an id, or a list of ids when jointly."""
    return ids[0] if len(ids) == 1 else ids


def _actor(actor: Actor, corpus: Corpus, url: str) -> m.Actor:
    index = corpus.by_actor[actor.id]
    return m.Actor(
        id=actor.id,
        url=url,
        name=actor.name,
        kind=actor.kind,
        aliases=actor.aliases,
        summary=actor.summary,
        country=actor.country,
        roles=tuple(
            m.Role(
                title=r.title,
                organization=r.organization,
                start=_maybe_date(r.start),
                end=_maybe_date(r.end),
                as_of=_maybe_date(r.as_of),
            )
            for r in actor.roles
        ),
        identifiers=m.Identifiers(wikidata=actor.identifiers.wikidata if actor.identifiers else None),
        links=tuple(m.Link(title=link.title, url=link.url) for link in actor.links),
        briefings=tuple(article.id for article in index.articles),
        events=tuple(event.key for event in index.events),
    )


def _topic(topic: Topic, corpus: Corpus, url: str) -> m.Topic:
    index = corpus.by_topic[topic.id]
    return m.Topic(
        id=topic.id,
        url=url,
        name=topic.name,
        summary=topic.summary,
        briefings=tuple(article.id for article in index.articles),
        events=tuple(event.key for event in index.events),
    )


def _event(event: MergedEvent, url: str, timeline: str) -> m.Event:
    return m.Event(
        id=event.key,
        url=url,
        timeline=timeline,
        title=event.title,
        date=_date(event.date),
        conflicting=event.is_conflicting,
        actors=event.actors,
        reports=tuple(_report(report) for report in event.reports),
    )


def _report(report: Report) -> m.Report:
    source = report.article.source
    return m.Report(
        briefing=report.article.id,
        publisher=source.publisher,
        published=source.published.first_day(),
        headline=report.article.title,
        source_url=source.url,
        date=_date(report.date),
        title=report.title,
        as_written=report.as_written,
        details=report.details,
    )


# The schemas, generated from the models: one file per document, and the OpenAPI description's components.


def file_schema(name: str, site_url: str | None) -> Json:
    """Write the JSON Schema (2020-12) of one document, with the definitions it uses."""
    head: Json = {"$schema": JSON_SCHEMA}
    if site_url is not None:
        head["$id"] = site_url + schema_path(name)
    return {**head, **document_schema(DOCUMENTS[name])}


# The files that are not JSON documents: path, operation, summary, media type, and the type of their body.
_OTHER_FILES = (
    ("/timeline.csv", "getTimelineCsv", "The timeline as CSV: date, precision, approximate, title, actors, sources",
     "text/csv", "string"),
    ("/statements.csv", "getStatementsCsv",
     "Every statement as CSV: actor, topic, stance, text, source article, publisher, date, url", "text/csv", "string"),
    ("/entities.ftm.json", "getEntities", "Everything as FollowTheMoney entities, one JSON object a line",
     "application/x-ndjson", "string"),
    ("/entities.dataset.json", "getEntitiesDataset",
     "The entities' description in FollowTheMoney's dataset format: their license, date, count and file",
     "application/json", "object"),
)  # fmt: skip


def openapi(site_url: str | None, license: License | None = None) -> Json:
    """Describe every file of the API in OpenAPI 3.1, with the same schemas as the files, and their license."""

    paths: Json = {}
    for name in DATASETS:
        paths[f"/{name}.json"] = _get_document(f"get{name.capitalize()}", DOCUMENTS[name])
    paths["/events/{id}.json"] = _get_document("getEvent", DOCUMENTS[EVENT_SCHEMA])
    paths["/events/{id}.json"]["parameters"] = [
        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "description": "the event's id"}
    ]
    for path, operation, summary, media_type, kind in _OTHER_FILES:
        paths[path] = _get(operation, summary, media_type, {"type": kind})
    info: Json = {
        "title": "Briefing data",
        "version": str(VERSION),
        "description": "The briefings, actors, topics and events of this site as static JSON and CSV files.",
    }
    if license is not None:
        info["description"] += (
            f" Every file here, JSON, CSV and FollowTheMoney entities alike, is licensed under {license.name}"
            f" ({license.url}): the JSON files say so in their `license`, the entities in entities.dataset.json."
            f" {QUOTES_RIGHTS}"
        )
        info["license"] = {"name": license.name, "url": license.url}
    return {
        "openapi": "3.1.0",
        "info": info,
        "jsonSchemaDialect": JSON_SCHEMA,
        # A relative server URL is resolved against this document's own address.
        "servers": [{"url": (site_url + API) if site_url is not None else "."}],
        "paths": paths,
        "components": {"schemas": component_schemas()},
    }


def _get_document(operation: str, model: type[m.Document]) -> Json:
    """A JSON document's entry: its model's title as summary, its model's component as schema."""
    schema = {"$ref": COMPONENT_REF.format(model=model.__name__)}
    return _get(operation, model.model_config.get("title") or model.__name__, "application/json", schema)


def _get(operation: str, summary: str, media_type: str, schema: Json) -> Json:
    return {
        "get": {
            "operationId": operation,
            "summary": summary,
            "responses": {"200": {"description": summary, "content": {media_type: {"schema": schema}}}},
        }
    }
