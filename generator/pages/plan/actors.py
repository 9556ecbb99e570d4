"""The actors: a profile per person, country and organization, and the index of them all by kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...content.counts import count
from ...content.history import History
from ...content.link import Cited, Corpus
from ...content.model import Actor, ActorKind, Quote
from ..text import plain_text
from . import limits
from .common import (
    SCHEMA,
    SCHEMA_TYPES,
    PageSpec,
    Shown,
    cited_newness,
    collection_page,
    last_changed,
    most_recent,
    newness,
    overview,
    page_path,
    search_facets,
    with_changed,
)
from .graphs import ego_graph, gathered_facts

KIND_HEADINGS = {ActorKind.COUNTRY: "Countries", ActorKind.ORGANIZATION: "Organizations", ActorKind.PERSON: "People"}


def plan_actor_index(corpus: Corpus) -> PageSpec:
    groups = []
    for kind in (ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.PERSON):
        members = sorted((a for a in corpus.actors.values() if a.kind is kind), key=lambda a: (a.name.casefold(), a.id))
        if members:
            groups.append((KIND_HEADINGS[kind], tuple(members)))
    return collection_page(
        "actors",
        "Actors",
        {"groups": tuple(groups), "briefings": {id: len(index.articles) for id, index in corpus.by_actor.items()}},
        f"{count(len(corpus.actors), 'person, country or organization', 'people, countries and organizations')}"
        " in these briefings.",
    )


def plan_profile(corpus: Corpus, actor: Actor, history: History) -> PageSpec:
    index = corpus.by_actor[actor.id]
    changed = last_changed(history, index.articles, ("actor", actor.id))
    relations = index.relations_out + index.relations_in
    shown: dict[str, Shown[Any]] = {
        "roles_in_stories": most_recent(index.roles_in_stories, cited_newness),
        "quotes": most_recent(index.quotes, _quoted),
        "statements": most_recent(index.statements, cited_newness),
        "relations": most_recent(relations, cited_newness),
        "events": most_recent(index.events, lambda event: event.sort_key),
        "articles": most_recent(index.articles, newness),
    }
    description = plain_text(actor.summary, limits.DESCRIPTION_LENGTH) if actor.summary else _describe(actor)
    graph = ego_graph(actor, relations, corpus.actors)
    return PageSpec(
        page_path("actor", actor.id),
        "actor.md.j2",
        actor.name,
        {
            "actor": actor,
            "companions": index.companions,
            "changed": changed,
            "overview": overview(index.articles, index.events),
            "current_roles": tuple(role for role in actor.roles if role.is_open),
            **gathered_facts(actor.name, shown, ("roles_in_stories", "quotes", "statements", "relations"), graph),
        },
        source=corpus.content.source_path("actor", actor.id),
        description=description,
        search_boost=search_weight(len(index.articles)),
        search_lists=False,
        search_tags=(actor.name, *actor.aliases),
        meta=with_changed(
            {
                "jsonld": _actor_jsonld(actor, description, corpus.actors),
                **search_facets("Actor profile", kind=[actor.kind.value]),
            },
            changed,
        ),
        kind="actor",
        id=actor.id,
    )


def search_weight(briefings: int) -> int:
    """How much search weighs a profile's names (Pagefind's 0 to 10): more for an actor in more
    briefings, so that 'Kim' puts Kim Jong Un, in five, before a Kim in one."""
    return 5 + min(briefings, 5)


def _quoted(cited: Cited[Quote]) -> tuple[tuple[int, int, int, int], str]:
    return ((cited.item.date or cited.article.source.published).sort_key, cited.article.id)


def _describe(actor: Actor) -> str:
    parts = [actor.name, f"({actor.kind.value})"]
    current = [role.title for role in actor.roles if role.is_open]
    if current:
        parts.append(f"– {current[0]}")
    if actor.aliases:
        parts.append(f"– also known as {', '.join(actor.aliases)}")
    return " ".join(parts)


def _actor_jsonld(actor: Actor, description: str, actors: Mapping[str, Actor]) -> dict[str, Any]:
    """schema.org metadata, as data: the theme writes it into the page with Jinja's tojson."""
    jsonld: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": SCHEMA_TYPES[actor.kind],
        "name": actor.name,
        "description": description,
    }
    if actor.aliases:
        jsonld["alternateName"] = list(actor.aliases)
    same_as = (
        [f"https://www.wikidata.org/wiki/{actor.identifiers.wikidata}"]
        if actor.identifiers and actor.identifiers.wikidata
        else []
    )
    same_as += [link.url for link in actor.links]
    if same_as:
        jsonld["sameAs"] = same_as
    current = [role.title for role in actor.roles if role.is_open]
    if actor.kind is ActorKind.PERSON:
        if current:
            jsonld["jobTitle"] = current[0]
        if actor.country:
            jsonld["nationality"] = {"@type": "Country", "name": actors[actor.country].name}
    elif actor.country:
        jsonld["location"] = {"@type": "Country", "name": actors[actor.country].name}
    return jsonld
