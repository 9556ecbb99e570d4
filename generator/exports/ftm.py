"""FollowTheMoney entities: the content in the exchange format of Aleph and OpenSanctions tools.

- actors: a person is a Person; an organization a PublicBody when its name says it
  is one (a ministry, a council, a UN body...), else an Organization; a country a
  PublicBody, the state as an actor (FtM has no Country schema, and its Territory is
  reference data that cannot take part in events or relations);
- briefings: Article, with the source's URL, publisher, date and authors;
- events: Event, with the actors `involved`, and every reporting article as `proof`;
- relations: the nearest FtM link (Representation, Membership, Employment, Family,
  Associate), UnknownLink where none fits, with the relation's kind as its role; a step
  taken jointly is one link with each of its actors as a subject;
- statements and quotes: Note on the actor (on each actor, when said jointly); each actor
  in a briefing: Documentation.

FtM's entities have no place for a license: their description in FtM's dataset format (what
OpenSanctions publishes as index.json) goes beside them, with the license, date, count and file.

Ids are FtM's hashed natural keys (``make_entity_id(kind, key, key_prefix="briefing")``), so the
same content gives the same ids. Entities and their properties come in a fixed order.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..content.link import Corpus, MergedEvent
from ..content.model import Actor, ActorKind, Article, Relation
from ..pages.render import Asset
from ..pages.text import plain_blocks
from .api import API, dump_json
from .common import License, plain_date, site_date, timestamp

ENTITIES_PATH = f"{API}/entities.ftm.json"
DATASET_PATH = f"{API}/entities.dataset.json"
MIME = "application/x-ndjson"
KEY_PREFIX = "briefing"
# Words that make an organization's name that of a public body.
PUBLIC_BODY_WORDS = frozenset(
    {
        "agency", "authority", "commission", "council", "court", "department", "embassy",
        "government", "ministry", "nations", "parliament", "un", "u.n",
    }
)  # fmt: skip
_WORD = re.compile(r"[\w.']+")
_ORGANIZATIONS = frozenset({"Organization", "PublicBody"})


@dataclass(frozen=True)
class LinkSchema:
    """How a relation kind becomes an FtM link: its schema and the properties it uses."""

    schema: str
    subject: str
    object: str
    role: str
    subjects: frozenset[str]  # the schemata the subject may have
    objects: frozenset[str]


_ANYONE = frozenset({"Person", "Organization", "PublicBody"})
_PEOPLE = frozenset({"Person"})
UNKNOWN_LINK = LinkSchema("UnknownLink", "subject", "object", "role", _ANYONE, _ANYONE)
# The start of a relation's kind (a verb phrase) -> the link it is; the first that fits wins.
LINKS: tuple[tuple[tuple[str, ...], LinkSchema], ...] = (
    (
        ("represents", "speaks for", "spokesperson for", "acts for", "acts on behalf of"),
        LinkSchema("Representation", "agent", "client", "role", _ANYONE, _ANYONE),
    ),
    (
        ("member of", "is a member of", "belongs to"),
        LinkSchema("Membership", "member", "organization", "role", _ANYONE, _ORGANIZATIONS),
    ),
    (
        ("works for", "employed by", "works at"),
        LinkSchema("Employment", "employee", "employer", "role", _PEOPLE, _ORGANIZATIONS),
    ),
    (
        ("spouse of", "married to", "child of", "parent of", "sibling of", "relative of"),
        LinkSchema("Family", "person", "relative", "relationship", _PEOPLE, _PEOPLE),
    ),
    (
        ("associate of", "associated with"),
        LinkSchema("Associate", "person", "associate", "relationship", _PEOPLE, _PEOPLE),
    ),
)
Entity = dict[str, Any]


@functools.lru_cache(maxsize=1 << 17)  # an actor's id is asked for by each entity that names it
def entity_id(kind: str, *ids: str) -> str:
    """Return FtM's make_entity_id(kind, '/'.join(ids), key_prefix='briefing').

    Content ids hold no '/', so joining with it keeps ('a-1', '12') apart from ('a-11', '2').
    """
    digest = hashlib.sha1(KEY_PREFIX.encode("utf-8"))
    for part in (kind, "/".join(ids)):
        digest.update(part.encode("utf-8"))
    return digest.hexdigest()


def actor_schema(actor: Actor) -> str:
    """Choose the FtM schema of an actor."""
    if actor.kind is ActorKind.PERSON:
        return "Person"
    if actor.kind is ActorKind.COUNTRY:
        return "PublicBody"
    words = {word.strip(".'") for word in _WORD.findall(actor.name.casefold())}
    return "PublicBody" if words & PUBLIC_BODY_WORDS else "Organization"


def link_schema(relation: Relation, actors: dict[str, str]) -> LinkSchema:
    """Choose the FtM link of a relation from its kind and the schemata of its two actors."""
    kind = " ".join(relation.kind.casefold().split())
    for starts, link in LINKS:
        if (
            any(kind == start or kind.startswith(start + " ") for start in starts)
            and all(actors[source] in link.subjects for source in relation.sources)
            and actors[relation.target] in link.objects
        ):
            return link
    return UNKNOWN_LINK


def _entity(schema: str, id: str, **properties: Iterable[str | None]) -> Entity:
    """Make an entity, leaving out empty values and repeats; properties in name order."""
    cleaned = {name: list(dict.fromkeys(v for v in values if v)) for name, values in sorted(properties.items())}
    return {"id": id, "schema": schema, "properties": {name: values for name, values in cleaned.items() if values}}


def ftm_entities(corpus: Corpus) -> tuple[Entity, ...]:
    """Build every entity: actors, briefings, events, relations, notes and documentation, in that order."""
    return tuple(_entities(corpus))


def _entities(corpus: Corpus) -> Iterator[Entity]:
    schemata = {actor.id: actor_schema(actor) for actor in corpus.actors.values()}
    yield from (_actor(actor, schemata[actor.id]) for actor in corpus.actors.values())
    yield from (_article(article, corpus) for article in corpus.articles)
    yield from (_event(event) for event in corpus.events)
    for article in corpus.articles:
        yield from (_relation(article, i, relation, schemata) for i, relation in enumerate(article.relations))
    for article in corpus.articles:
        yield from _notes(article, corpus)
    for article in corpus.articles:
        yield from (
            _entity(
                "Documentation",
                entity_id("documentation", article.id, appearance.actor.id),
                document=[entity_id("article", article.id)],
                entity=[entity_id("actor", appearance.actor.id)],
                role=[appearance.role],
                date=[article.source.published.iso()],
                publisher=[article.source.publisher],
                sourceUrl=[article.source.url],
            )
            for appearance in corpus.article_actors[article.id]
        )


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(entity, ensure_ascii=False) makes


def ftm_lines(corpus: Corpus) -> bytes:
    """Write every entity as one line of JSON (FtM's line-based exchange format)."""
    return "".join(_ENCODE(entity) + "\n" for entity in _entities(corpus)).encode("utf-8")


def export_ftm(corpus: Corpus, site_url: str | None, license: License | None) -> tuple[Asset, Asset]:
    """Write the entities, and their description beside them."""
    entities = ftm_lines(corpus)
    dataset = ftm_dataset(corpus, entities, ENTITIES_PATH.rsplit("/", 1)[-1], site_url, license)
    return Asset(ENTITIES_PATH, entities), Asset(DATASET_PATH, dataset)


def ftm_dataset(corpus: Corpus, entities: bytes, name: str, site_url: str | None, license: License | None) -> bytes:
    """Describe the entities (the file ``name``) in FtM's dataset format: what may be done with them, and
    how many there are, as of when. Addresses only with the site's, since FtM takes absolute ones."""
    resource = {
        "name": name,
        "url": site_url + ENTITIES_PATH if site_url else None,
        "mime_type": MIME,
        "title": "FollowTheMoney entities, one JSON object a line",
        "size": len(entities),
    }
    dataset = {
        "name": KEY_PREFIX,
        "title": "Briefing data",
        "summary": "The briefings, actors, topics and events of the site as FollowTheMoney entities.",
        "license": license.url if license else None,
        "url": site_url,
        "updated_at": timestamp(site_date(corpus)),
        "entity_count": entities.count(b"\n"),
        "resources": [{key: value for key, value in resource.items() if value is not None}],
    }
    return dump_json({key: value for key, value in dataset.items() if value is not None})


def _actor(actor: Actor, schema: str) -> Entity:
    properties: dict[str, Iterable[str | None]] = {
        "name": [actor.name],
        "alias": actor.aliases,
        "summary": [plain_blocks(actor.summary) if actor.summary else None],
        "wikidataId": [actor.identifiers.wikidata if actor.identifiers else None],
        "sourceUrl": [link.url for link in actor.links],
    }
    if schema == "Person":
        properties["position"] = [role.title for role in actor.roles]
    return _entity(schema, entity_id("actor", actor.id), **properties)


def _article(article: Article, corpus: Corpus) -> Entity:
    source = article.source
    return _entity(
        "Article",
        entity_id("article", article.id),
        title=[article.title],
        publisher=[source.publisher],
        publishedAt=[source.published.iso()],
        sourceUrl=[source.url],
        author=source.authors,
        summary=[plain_blocks(article.summary)],
        keywords=[*(corpus.topics[topic].name for topic in article.topics), *article.tags],
    )


def _event(event: MergedEvent) -> Entity:
    dates = [report.date for report in event.reports] if event.is_conflicting else [event.date]
    notes = []
    if event.date.is_approximate:
        notes.append(f"The date is approximate: {event.date.human()}.")
    if event.is_conflicting:
        accounts = ", ".join(f"{r.date.iso()} ({r.article.source.publisher})" for r in event.reports)
        notes.append(f"The sources disagree on the date: {accounts}.")
    return _entity(
        "Event",
        entity_id("event", event.key),
        name=[event.title],
        date=[plain_date(date) for date in sorted(dates)],
        involved=[entity_id("actor", actor) for actor in event.actors],
        summary=[plain_blocks(report.details) for report in event.reports if report.details],
        description=[" ".join(notes) or None],
        publisher=[report.article.source.publisher for report in event.reports],
        sourceUrl=[report.article.source.url for report in event.reports],
        proof=[entity_id("article", report.article.id) for report in event.reports],
    )


def _relation(article: Article, index: int, relation: Relation, schemata: dict[str, str]) -> Entity:
    link = link_schema(relation, schemata)
    endpoints = {
        link.subject: [entity_id("actor", source) for source in relation.sources],
        link.object: [entity_id("actor", relation.target)],
        link.role: [relation.kind],
    }
    return _entity(
        link.schema,
        entity_id("relation", article.id, str(index + 1)),
        **endpoints,
        date=[plain_date(relation.date) if relation.date else None],
        description=[relation.text],
        publisher=[article.source.publisher],
        sourceUrl=[article.source.url],
        proof=[entity_id("article", article.id)],
    )


def _notes(article: Article, corpus: Corpus) -> list[Entity]:
    source = article.source
    common: dict[str, Iterable[str | None]] = {
        "publisher": [source.publisher],
        "sourceUrl": [source.url],
        "proof": [entity_id("article", article.id)],
    }
    notes: list[Entity] = []
    for index, statement in enumerate(article.statements):
        about = f" on {corpus.topics[statement.topic].name}" if statement.topic else ""
        stance = f" ({statement.stance.value})" if statement.stance else ""
        what = "Joint statement" if len(statement.by) > 1 else "Statement"
        notes.append(
            _entity(
                "Note",
                entity_id("statement", article.id, str(index + 1)),
                entity=[entity_id("actor", id) for id in statement.by],
                name=[f"{what} by {_names(statement.by, corpus)}{about}{stance}"],
                summary=[plain_blocks(statement.text)],
                keywords=[corpus.topics[statement.topic].name if statement.topic else None],
                **common,
            )
        )
    for index, quote in enumerate(article.quotes):
        speaker = f" ({quote.speaker})" if quote.speaker else ""
        notes.append(
            _entity(
                "Note",
                entity_id("quote", article.id, str(index + 1)),
                entity=[entity_id("actor", id) for id in quote.by],
                name=[f"Quote from {_names(quote.by, corpus)}{speaker}"],
                summary=[f"“{quote.text}”"],
                description=[plain_blocks(quote.context) if quote.context else None],
                **common,
            )
        )
    return notes


def _names(ids: tuple[str, ...], corpus: Corpus) -> str:
    """The actors' names: 'Japan', 'Japan and South Korea', 'Japan, South Korea and the United States'."""
    names = [corpus.actors[id].name for id in ids]
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0]
