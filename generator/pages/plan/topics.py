"""The topics: a page per topic, with its positions, events, relations and briefings, and their index."""

from __future__ import annotations

from typing import Any

from ...content.history import History
from ...content.link import Cited, Corpus
from ...content.model import Topic
from ..text import plain_text
from . import limits
from .common import (
    SCHEMA,
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
from .graphs import circle_graph, gathered_facts


def plan_topic_index(corpus: Corpus) -> PageSpec:
    topics = tuple(sorted(corpus.topics.values(), key=lambda t: (t.name.casefold(), t.id)))
    context = {
        "topics": topics,
        # Counts only: a page holds what it shows, so that serve re-renders it only when that changes.
        "briefings": {id: len(index.articles) for id, index in corpus.by_topic.items()},
        "positions": {id: len(index.positions) for id, index in corpus.by_topic.items()},
    }
    return collection_page("topics", "Topics", context, "The topics these briefings follow.")


def plan_topic(corpus: Corpus, topic: Topic, history: History) -> PageSpec:
    index = corpus.by_topic[topic.id]
    changed = last_changed(history, index.articles, ("topic", topic.id))
    relations = tuple(Cited(relation, article) for article in index.articles for relation in article.relations)
    shown: dict[str, Shown[Any]] = {
        "positions": most_recent(index.positions, cited_newness),
        "events": most_recent(index.events, lambda event: event.sort_key),
        "relations": most_recent(relations, cited_newness),
        "articles": most_recent(index.articles, newness),
    }
    description = (
        plain_text(topic.summary, limits.DESCRIPTION_LENGTH)
        if topic.summary
        else f"Topic: {topic.name}. Positions, events and briefings."
    )
    jsonld = {
        "@context": SCHEMA,
        "@type": "CollectionPage",
        "name": topic.name,
        "description": description,
        "about": {"@type": "Thing", "name": topic.name},
    }
    graph = circle_graph(topic, relations, corpus.actors)
    return PageSpec(
        page_path("topic", topic.id),
        "topic.md.j2",
        topic.name,
        {
            "topic": topic,
            "key_actors": index.key_actors,
            "changed": changed,
            "overview": overview(index.articles, index.events),
            **gathered_facts(topic.name, shown, ("positions", "relations"), graph),
        },
        source=corpus.content.source_path("topic", topic.id),
        description=description,
        search_lists=False,
        meta=with_changed({"jsonld": jsonld, **search_facets("Topic")}, changed),
        kind="topic",
        id=topic.id,
    )
