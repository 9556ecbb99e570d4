"""The home page: the latest briefings and events, what was added lately, the topics, and how much the briefing holds."""

from __future__ import annotations

from dataclasses import dataclass

from ...content.commands import command
from ...content.dates import PartialDate
from ...content.history import History
from ...content.link import Corpus
from . import limits
from .common import PageSpec, collection_page, day_date

LABELS = {"article": "Briefing", "actor": "Profile", "topic": "Topic"}
PAGE_KINDS = {"article": "briefing", "actor": "actor", "topic": "topic"}


@dataclass(frozen=True)
class Addition:
    """A page added lately: the day its content file was added, and what it is."""

    day: PartialDate
    kind: str  # the page's kind, for url(): 'briefing', 'actor' or 'topic'
    id: str
    name: str
    label: str  # 'Briefing', 'Profile' or 'Topic'


def latest_additions(corpus: Corpus, history: History) -> tuple[Addition, ...]:
    """The pages most lately added, newest first: by the day their file was added to the content's
    history (a briefing with none, by its publication date; a profile or topic with none is left out)."""
    found = [
        (history.added.get(("article", a.id)) or a.source.published.first_day(), "article", a.id, a.title)
        for a in corpus.articles
    ]
    found += [
        (history.added[("actor", a.id)], "actor", a.id, a.name)
        for a in corpus.actors.values()
        if ("actor", a.id) in history.added
    ]
    found += [
        (history.added[("topic", t.id)], "topic", t.id, t.name)
        for t in corpus.topics.values()
        if ("topic", t.id) in history.added
    ]
    # Of a day's additions, briefings first, then topics and profiles, each by id.
    order = {"article": 0, "topic": 1, "actor": 2}
    newest = sorted(found, key=lambda item: (-item[0].toordinal(), order[item[1]], item[2]))
    newest = newest[: limits.LATEST_ADDITIONS]
    return tuple(Addition(day_date(day), PAGE_KINDS[kind], id, name, LABELS[kind]) for day, kind, id, name in newest)


def plan_home(corpus: Corpus, history: History) -> PageSpec:
    context = {
        "latest": corpus.articles[: limits.LATEST],
        "additions": latest_additions(corpus, history),
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
