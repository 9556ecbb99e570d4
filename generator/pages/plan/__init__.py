"""Plan: decide which pages exist, at which path, with what to show. Sorting and grouping live here.

So do the decisions a template should not make: how a page's sources are numbered, where a
graph's actors go, what the filters match on, and the page's metadata. One module per page
family (home, briefings, actors, topics, timeline); what they share is in ``common``, and the
sizes past which a list is split or cut in ``limits``.
"""

from __future__ import annotations

from ...content.history import History
from ...content.link import Corpus
from ..links import relative_path
from .actors import plan_actor_index, plan_profile
from .briefings import plan_briefing, plan_briefings_index
from .common import PageSpec, page_address, page_path
from .events import plan_event
from .home import plan_home
from .timeline import TimelineLayout, layout_timeline, plan_timeline
from .topics import plan_topic, plan_topic_index

__all__ = ["PageSpec", "TimelineLayout", "layout_timeline", "page_address", "page_path", "plan_pages", "relative_path"]


def plan_pages(corpus: Corpus, history: History | None = None) -> tuple[PageSpec, ...]:
    """List every page of the site, in a stable order; ``history`` says when each content file was
    added and last changed (content.history: without it, pages go by their briefings' dates)."""
    history = History() if history is None else history
    timeline = layout_timeline(corpus.events)
    return (
        plan_home(corpus, history),
        *plan_briefings_index(corpus),
        plan_actor_index(corpus),
        plan_topic_index(corpus),
        *plan_timeline(corpus, timeline),
        *(plan_briefing(corpus, article, timeline, history) for article in corpus.articles),
        *(plan_profile(corpus, actor, history) for actor in corpus.content.actors.values()),
        *(plan_topic(corpus, topic, history) for topic in corpus.content.topics.values()),
        *(plan_event(corpus, event, timeline, history) for event in corpus.events),
    )
