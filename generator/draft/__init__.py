"""From an article's text to a draft in the content format (`python -m generator draft`).

    source    bytes -> headline, dateline, publisher, date, body text (page furniture gone)
    mentions  -> known actors by name and alias, proposed new people and organizations
    dates     -> phrases resolved against the publication date and the verb's tense
    quotes    -> quoted words with their speaker
    statements -> positions the text reports in its own words, for the person to reword
    events    -> one event a date, linked to the content's own events
    draft     -> an article file in the content format, with comments for the person

Each step is a pure function on text; `fetch` and `known` read, `command` prints and writes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from .dates import find_dates
from .draft import Draft, suggest_topics, unplaced
from .events import draft_events, link_known_events
from .gazetteer import Gazetteer
from .mentions import find_mentions
from .quotes import find_quotes
from .records import KnownEvent, PartialDate, Source
from .statements import find_statements
from .words import make_body

EventReader = Callable[[Sequence[PartialDate], Collection[str]], Sequence[KnownEvent]]


def make_draft(
    source: Source,
    *,
    id: str,
    origin: str,
    published: PartialDate,
    publisher: str,
    gazetteer: Gazetteer,
    topics: Mapping[str, str],
    read_events: EventReader,
) -> Draft:
    """Run the steps on an article; ``read_events`` gives the content's events that may be drafted ones.

    The article is read in the gazetteer's language."""
    language = gazetteer.language
    body = make_body(source.paragraphs, language)
    cast = find_mentions(body, source.headline, gazetteer, publisher)
    dates = find_dates(body, published, language)
    quotes = find_quotes(body, cast, language)
    events = draft_events(body, dates, cast, language)
    known_events = read_events([e.date for e in events], {actor for e in events for actor in e.actors})
    events = link_known_events(events, known_events, gazetteer.actors, language, published)
    return Draft(
        id=id,
        origin=origin,
        source=source,
        published=published,
        publisher=publisher,
        actors=tuple((actor, cast.roles.get(actor, (None, None))[0]) for actor in cast.actors),
        proposed=tuple(actor for actor in cast.proposed if actor.id in cast.actors),
        events=events,
        quotes=tuple(q for q in quotes if q.by is not None),
        statements=find_statements(body, cast, language),
        topics=suggest_topics(topics, body, language),
        unplaced=unplaced(body, dates, quotes),
        language=language.name,
    )
