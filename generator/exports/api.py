"""The JSON API under api/v1/: four data files, a JSON Schema for each, and an OpenAPI 3.1 description.

Every file carries ``"version": 1`` and the ``license`` the data may be reused under (null when the
site states none); the OpenAPI description says it for the CSV files too. Keys come in a fixed order; top-level lists are
sorted (briefings newest first then by id; actors and topics by id; events in
timeline order: date, title, id); lists inside a record keep the order the content
gives them. Markdown fields stay Markdown, as written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..content.dates import DATE_PATTERN, PartialDate
from ..content.link import Corpus, MergedEvent, Report
from ..content.load import ID_MAX_LENGTH, ID_PATTERN
from ..content.model import Actor, Article, Topic
from ..pages.plan import TimelineLayout, layout_timeline, page_address
from ..pages.render import Asset
from .common import PRECISIONS, QUOTES_RIGHTS, License, href, last_day

VERSION = 1
API = f"api/v{VERSION}"
DATASETS = ("briefings", "actors", "topics", "events")
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
    documents = api_documents(corpus, site_url, license)
    assets = [Asset(data_path(name), dump_json(documents[name], compact=True)) for name in DATASETS]
    assets += event_documents(corpus, site_url, documents["events"]["license"])
    assets += [Asset(schema_path(name), dump_json(file_schema(name, site_url))) for name in (*DATASETS, EVENT_SCHEMA)]
    assets.append(Asset(OPENAPI_PATH, dump_json(openapi(site_url, license))))
    return tuple(assets)


def dump_json(value: Any, compact: bool = False) -> bytes:
    """Write JSON as UTF-8: the data files compact (they grow with the site, and Python's
    encoder is many times slower when it indents), schemas and the OpenAPI file indented."""
    text = (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        if compact
        else json.dumps(value, ensure_ascii=False, indent=2)
    )
    return (text + "\n").encode("utf-8")


# The data


def event_documents(corpus: Corpus, site_url: str | None, terms: Json | None) -> list[Asset]:
    """Each event's own document, beside its page: the record events.json holds, linked from where it is."""
    timeline = layout_timeline(corpus.events)
    return [
        Asset(
            event_path(e.key),
            dump_json(
                {
                    "version": VERSION,
                    "license": terms,
                    EVENT_SCHEMA: _event(e, *_event_links(site_url, event_path(e.key), e, timeline)),
                },
                compact=True,
            ),
        )
        for e in corpus.events
    ]


def api_documents(corpus: Corpus, site_url: str | None, license: License | None = None) -> dict[str, Json]:
    """Build the four data documents, keyed by dataset name."""
    terms = license.json() if license else None

    def link(name: str, kind: str, id: str) -> str:
        return href(site_url, data_path(name), page_address(kind, id))

    timeline = layout_timeline(corpus.events)  # which page of the timeline shows each event
    records = {
        "briefings": [_briefing(a, corpus, link("briefings", "briefing", a.id)) for a in corpus.articles],
        "actors": [_actor(a, corpus, link("actors", "actor", a.id)) for a in corpus.actors.values()],
        "topics": [_topic(t, corpus, link("topics", "topic", t.id)) for t in corpus.topics.values()],
        "events": [_event(e, *_event_links(site_url, data_path("events"), e, timeline)) for e in corpus.events],
    }
    return {name: {"version": VERSION, "license": terms, name: records[name]} for name in DATASETS}


def _event_links(site_url: str | None, start: str, event: MergedEvent, timeline: TimelineLayout) -> tuple[str, str]:
    """The event's page and its entry on the timeline, from the data file at ``start``."""
    entry = page_address(*timeline.page_of(event)) + f"#{event.anchor}"
    return href(site_url, start, page_address("event", event.key)), href(site_url, start, entry)


def date_json(date: PartialDate | None) -> Json | None:
    """Describe a date for machines: as written, its precision, and the days it may mean."""
    if date is None:
        return None
    return {
        "value": date.iso(),
        "precision": PRECISIONS[date.precision],
        "approximate": date.is_approximate,
        "first_day": date.first_day().isoformat(),
        "last_day": last_day(date).isoformat(),
    }


def _briefing(article: Article, corpus: Corpus, url: str) -> Json:
    source = article.source
    return {
        "id": article.id,
        "url": url,
        "title": article.title,
        "source": {
            "publisher": source.publisher,
            "published": source.published.iso(),
            "url": source.url,
            "dateline": source.dateline,
            "authors": list(source.authors),
        },
        "topics": list(article.topics),
        "tags": list(article.tags),
        "summary": article.summary,
        "key_points": list(article.key_points),
        "actors": [{"id": p.actor.id, "role": p.role} for p in corpus.article_actors[article.id]],
        "events": [event.key for event in corpus.article_events[article.id]],
        "quotes": [
            {
                "by": _actor_ids(q.by),
                "speaker": q.speaker,
                "text": q.text,
                "date": date_json(q.date or source.published),
                "context": q.context,
            }
            for q in article.quotes
        ],
        "statements": [
            {"by": _actor_ids(s.by), "text": s.text, "topic": s.topic, "stance": s.stance.value if s.stance else None}
            for s in article.statements
        ],
        "relations": [
            {"from": _actor_ids(r.sources), "to": r.target, "kind": r.kind, "date": date_json(r.date), "text": r.text}
            for r in article.relations
        ],
    }


def _actor_ids(ids: tuple[str, ...]) -> str | list[str]:
    """Who said it or took the step, as the content file writes it: an id, or a list of ids when jointly."""
    return ids[0] if len(ids) == 1 else list(ids)


def _actor(actor: Actor, corpus: Corpus, url: str) -> Json:
    index = corpus.by_actor[actor.id]
    return {
        "id": actor.id,
        "url": url,
        "name": actor.name,
        "kind": actor.kind.value,
        "aliases": list(actor.aliases),
        "summary": actor.summary,
        "country": actor.country,
        "roles": [
            {
                "title": r.title,
                "organization": r.organization,
                "from": date_json(r.start),
                "to": date_json(r.end),
                "as_of": date_json(r.as_of),
            }
            for r in actor.roles
        ],
        "identifiers": {"wikidata": actor.identifiers.wikidata if actor.identifiers else None},
        "links": [{"title": link.title, "url": link.url} for link in actor.links],
        "briefings": [article.id for article in index.articles],
        "events": [event.key for event in index.events],
    }


def _topic(topic: Topic, corpus: Corpus, url: str) -> Json:
    index = corpus.by_topic[topic.id]
    return {
        "id": topic.id,
        "url": url,
        "name": topic.name,
        "summary": topic.summary,
        "briefings": [article.id for article in index.articles],
        "events": [event.key for event in index.events],
    }


def _event(event: MergedEvent, url: str, timeline: str) -> Json:
    return {
        "id": event.key,
        "url": url,
        "timeline": timeline,
        "title": event.title,
        "date": date_json(event.date),
        "conflicting": event.is_conflicting,
        "actors": list(event.actors),
        "reports": [_report(report) for report in event.reports],
    }


def _report(report: Report) -> Json:
    source = report.article.source
    return {
        "briefing": report.article.id,
        "publisher": source.publisher,
        "published": source.published.iso(),
        "headline": report.article.title,
        "source_url": source.url,
        "date": date_json(report.date),
        "title": report.title,
        "as_written": report.as_written,
        "details": report.details,
    }


# The schemas: one set of definitions, referenced from files ('#/$defs/X') or OpenAPI ('#/components/schemas/X').

_TITLES = {
    "briefings": "Briefings, newest first",
    "actors": "Actors: people, countries and organizations, by id",
    "topics": "Topics, by id",
    "events": "Events from every briefing, merged by id, in timeline order",
}
_ITEMS = {"briefings": "Briefing", "actors": "Actor", "topics": "Topic", "events": "Event"}
_TITLES[EVENT_SCHEMA] = "One event, with every source that reported it: its own document, beside its page"


def _definitions(ref: Callable[[str], Json]) -> dict[str, Json]:
    string: Json = {"type": "string", "minLength": 1}
    optional: Json = {"type": ["string", "null"], "minLength": 1}
    markdown: Json = {"type": "string", "minLength": 1, "contentMediaType": "text/markdown"}
    optional_markdown: Json = {**markdown, "type": ["string", "null"]}
    content_id: Json = {"type": "string", "pattern": ID_PATTERN.pattern, "maxLength": ID_MAX_LENGTH}
    optional_id: Json = {**content_id, "type": ["string", "null"]}
    event_id: Json = {"type": "string", "pattern": ID_PATTERN.pattern}
    day: Json = {"type": "string", "format": "date"}
    url: Json = {"type": "string", "format": "uri-reference", "minLength": 1}
    web: Json = {"type": "string", "format": "uri", "pattern": "^https?://"}
    optional_web: Json = {**web, "type": ["string", "null"]}
    optional_date: Json = {"oneOf": [ref("Date"), {"type": "null"}]}

    def ids(item: Json = content_id) -> Json:
        return {"type": "array", "items": item}

    def one_or_more(description: str) -> Json:
        several = {"type": "array", "items": content_id, "minItems": 2, "uniqueItems": True}
        return {"oneOf": [content_id, several], "description": description}

    def texts(item: Json = string) -> Json:
        return {"type": "array", "items": item}

    return {
        "Date": _record(
            "A date known to the year, the month or the day, perhaps approximately.",
            value={
                "type": "string",
                "pattern": DATE_PATTERN,
                "description": "as written: YYYY, YYYY-MM or YYYY-MM-DD, '~' if approximate",
            },
            precision={"enum": list(PRECISIONS.values())},
            approximate={"type": "boolean"},
            first_day={**day, "description": "the first day the date may mean"},
            last_day={**day, "description": "the last day the date may mean"},
        ),
        "License": _record(
            "The terms on which anyone may reuse the data.",
            id={**string, "description": "its SPDX identifier, such as CC-BY-4.0"},
            name={**string, "description": "its name as readers know it, such as CC BY 4.0"},
            url={**web, "description": "its text"},
        ),
        "Briefing": _record(
            "One annotated news article.",
            id=content_id,
            url={**url, "description": "the briefing's page"},
            title=string,
            source=_record(
                "Where the article was published.",
                publisher=string,
                published={"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                url=optional_web,
                dateline=optional,
                authors=texts(),
            ),
            topics=ids(),
            tags=ids(),
            summary=markdown,
            key_points=texts(markdown),
            actors={
                "type": "array",
                "items": _record("An actor in the story, with its role there.", id=content_id, role=optional),
            },
            events={**ids(event_id), "description": "ids of the events it reports (see events.json)"},
            quotes={
                "type": "array",
                "items": _record(
                    "Words the article puts in quotation marks.",
                    by=one_or_more("the actor's id; a list of ids for words said jointly"),
                    speaker=optional,
                    text={**string, "description": f"the words, verbatim. {QUOTES_RIGHTS}"},
                    date=ref("Date"),
                    context=optional_markdown,
                ),
            },
            statements={
                "type": "array",
                "items": _record(
                    "A position or claim, paraphrased.",
                    by=one_or_more("the actor's id; a list of ids for a joint statement"),
                    text=markdown,
                    topic=optional_id,
                    stance={"enum": ["supports", "opposes", "neutral", None]},
                ),
            },
            relations={
                "type": "array",
                "items": _record(
                    "A directed link from an actor, or from several jointly, to another.",
                    **{"from": one_or_more("the actor's id; a list of ids for a step taken jointly"), "to": content_id},
                    kind=string,
                    date=optional_date,
                    text=optional,
                ),
            },
        ),
        "Actor": _record(
            "A person, a country or an organization.",
            id=content_id,
            url={**url, "description": "the actor's page"},
            name=string,
            kind={"enum": ["person", "country", "organization"]},
            aliases=texts(),
            summary=optional_markdown,
            country={**optional_id, "description": "the id of an actor of kind country"},
            roles={
                "type": "array",
                "items": _record(
                    "A position held.",
                    title=string,
                    organization=optional_id,
                    **{"from": optional_date, "to": optional_date},
                    as_of={**optional_date, "description": "a date it was held on, when its end is not known"},
                ),
            },
            identifiers=_record(
                "Ids in other databases.",
                wikidata={"type": ["string", "null"], "pattern": r"^Q[1-9][0-9]*$"},
            ),
            links={"type": "array", "items": _record("A link to elsewhere.", title=string, url=web)},
            briefings={**ids(), "description": "the briefings it is in, newest first"},
            events={**ids(event_id), "description": "the events it is involved in, in timeline order"},
        ),
        "Topic": _record(
            "A topic the briefings follow.",
            id=content_id,
            url={**url, "description": "the topic's page"},
            name=string,
            summary=optional_markdown,
            briefings={**ids(), "description": "the briefings on it, newest first"},
            events={**ids(event_id), "description": "events from those briefings, in timeline order"},
        ),
        "Event": _record(
            "A dated event, with every article that reported it.",
            id={**event_id, "description": "the event's id, or '<briefing id>-<n>' for an event one briefing reports"},
            url={**url, "description": "the event's page"},
            timeline={**url, "description": "the event on the timeline page"},
            title={**string, "description": "the title the earliest report gave"},
            date={
                **ref("Date"),
                "description": "the most precise date the reports agree on (the earliest, if they disagree)",
            },
            conflicting={"type": "boolean", "description": "true when the reports disagree on the date"},
            actors=ids(),
            reports={"type": "array", "minItems": 1, "items": ref("Report")},
        ),
        "Report": _record(
            "One article's account of an event, with the date it gives.",
            briefing=content_id,
            publisher=string,
            published={"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            headline=string,
            source_url=optional_web,
            date=ref("Date"),
            title=string,
            as_written=optional,
            details=optional_markdown,
        ),
    }


def _record(description: str, **properties: Json) -> Json:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _document(name: str, ref: Callable[[str], Json]) -> Json:
    """A data file's schema: its version, its license and its records (or, for an event's own
    document, its one record)."""
    body = ref("Event") if name == EVENT_SCHEMA else {"type": "array", "items": ref(_ITEMS[name])}
    return {
        "type": "object",
        "properties": {
            "version": {"const": VERSION},
            "license": {
                "oneOf": [ref("License"), {"type": "null"}],
                "description": "the terms on which the data may be reused; null when the site states none",
            },
            name: body,
        },
        "required": ["version", "license", name],
        "additionalProperties": False,
    }


def _references(value: Any) -> Iterator[str]:
    if isinstance(value, Mapping):
        if isinstance(value.get("$ref"), str):
            yield value["$ref"].rsplit("/", 1)[-1]
        for item in value.values():
            yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)


def file_schema(name: str, site_url: str | None) -> Json:
    """Write the JSON Schema (2020-12) of one data file, with the definitions it uses."""
    definitions = _definitions(lambda target: {"$ref": f"#/$defs/{target}"})
    body = _document(name, lambda target: {"$ref": f"#/$defs/{target}"})
    used: dict[str, None] = {}
    pending = list(_references(body))
    while pending:
        target = pending.pop(0)
        if target not in used:
            used[target] = None
            pending += _references(definitions[target])
    schema: Json = {"$schema": JSON_SCHEMA}
    if site_url is not None:
        schema["$id"] = site_url + schema_path(name)
    schema["title"] = _TITLES[name]
    schema.update(body)
    schema["$defs"] = {target: definitions[target] for target in sorted(used)}
    return schema


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

    def ref(target: str) -> Json:
        return {"$ref": f"#/components/schemas/{target}"}

    schemas = {name.capitalize(): _document(name, ref) for name in DATASETS}
    schemas.update(_definitions(ref))
    paths: Json = {}
    for name in DATASETS:
        paths[f"/{name}.json"] = _get(
            f"get{name.capitalize()}", _TITLES[name], "application/json", ref(name.capitalize())
        )
    schemas["EventDocument"] = _document(EVENT_SCHEMA, ref)
    paths["/events/{id}.json"] = _get("getEvent", _TITLES[EVENT_SCHEMA], "application/json", ref("EventDocument"))
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
        "components": {"schemas": schemas},
    }


def _get(operation: str, summary: str, media_type: str, schema: Json) -> Json:
    return {
        "get": {
            "operationId": operation,
            "summary": summary,
            "responses": {"200": {"description": summary, "content": {media_type: {"schema": schema}}}},
        }
    }
