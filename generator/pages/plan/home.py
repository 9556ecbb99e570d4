"""The home page: the latest briefings and events, the topics, and how much the briefing holds."""

from __future__ import annotations

from ...content.commands import command
from ...content.link import Corpus
from . import limits
from .common import PageSpec, collection_page


def plan_home(corpus: Corpus) -> PageSpec:
    context = {
        "latest": corpus.articles[: limits.LATEST],
        "recent_events": tuple(reversed(corpus.events[-limits.RECENT_EVENTS :])),
        "topics": tuple(sorted(corpus.topics.values(), key=lambda t: (t.name.casefold(), t.id))),
        # An empty briefing (just after `init`) says how to add the first article instead of empty lists.
        "start": {
            "topic": command("new", "topic", "TOPIC-ID"),
            "draft": command("draft", "ADDRESS-OR-FILE", "--new-actors"),
        },
        "counts": {
            "briefings": len(corpus.articles),
            "actors": len(corpus.actors),
            "topics": len(corpus.topics),
            "events": len(corpus.events),
        },
    }
    description = "Briefings, actor profiles, topics and a timeline, every fact linked to its source."
    return collection_page("home", "Home", context, description)
