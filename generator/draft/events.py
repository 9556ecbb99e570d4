"""Events: one drafted event for each date the text gives; linked to the content's own events.

A drafted event takes its title from the clause its date is in (the article's words, for the
person to reword) and its actors from the sentence. It is the same event as one the content
already has when the dates agree, they share an actor and their words are close: then the
draft reuses that event's id, so that both sources merge on the timeline. Close words are words
about what happened: the names of the people and countries in either event (Russia, North
Korea, Kim) are not counted, or any two events about the same countries in one year would merge.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from .mentions import Cast
from .places import demonyms
from .records import ActorKind, Body, DatedPhrase, DraftEvent, KnownActor, KnownEvent, PartialDate
from .vocabulary import SPEECH_VERBS
from .words import content_words, fold

MAX_TITLE_WORDS = 14
REACH = 400  # characters of a long sentence either side of its date that the event is drafted from
MIN_SHARED_WORDS = 2
MAX_WORDS = 8 * 2 * REACH  # characters of the text an event is linked by: eight long sentences
_CLAUSES = re.compile(r",\s+|;\s+|\s+[—–]\s+|:\s+")
_RELATIVE = re.compile(r"\s+(?:that|which|who)\s+", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:and|but|while|as|amid|with|after|before|when|that|which|who|has|have|had)\s+", re.IGNORECASE
)


def draft_events(body: Body, dates: Sequence[DatedPhrase], cast: Cast) -> tuple[DraftEvent, ...]:
    """Draft an event for every resolved date; the same date written the same way twice is one event."""
    events: dict[tuple[str, str], DraftEvent] = {}
    for phrase in dates:
        if phrase.date is None:
            continue
        sentence = body.sentences[body.sentence_at(phrase.start)]
        start, end = max(sentence.start, phrase.start - REACH), min(sentence.end, phrase.end + REACH)
        actors = tuple(dict.fromkeys(m.actor for m in cast.within(start, end)))
        sentence_text = body.text[start:end]
        key = (phrase.date.iso(), fold(phrase.as_written))
        if key in events:
            seen = events[key]
            events[key] = replace(
                seen,
                actors=tuple(dict.fromkeys(seen.actors + actors)),
                # At most a few sentences' words: a date written a thousand times is not a thousand.
                words=f"{seen.words} {sentence_text}" if len(seen.words) < MAX_WORDS else seen.words,
            )
            continue
        title = _title(sentence_text, phrase.start - start, phrase.end - start)
        events[key] = DraftEvent(phrase.date, phrase.as_written, title, actors, phrase.start, sentence_text)
    return tuple(events.values())


def _title(sentence: str, start: int, end: int) -> str:
    """The clause a date is in, without the date: a first draft of a title, in the article's words."""
    clauses = _split(sentence)
    inside = next((c for c in clauses if c[0] <= start < c[1]), clauses[0])
    text = sentence[inside[0] : start] + " " + sentence[end : inside[1]]
    words = _cleaned(text)
    if _is_attribution(words) or len(words.split()) < 4:
        reported = next((_cleaned(sentence[s:e]) for s, e in clauses if len(sentence[s:e].split()) >= 5), words)
        words = reported if not _is_attribution(reported) else words
    cut = words.split()[:MAX_TITLE_WORDS]
    title = " ".join(cut).rstrip(",;:")
    return title[:1].upper() + title[1:] if title else "What happened (write a title)"


def _split(sentence: str) -> list[tuple[int, int]]:
    cuts = sorted(
        {0, len(sentence)}
        | {m.start() for m in _CLAUSES.finditer(sentence)}
        | {m.start() for m in _RELATIVE.finditer(sentence)}
    )
    return [(a, b) for a, b in itertools.pairwise(cuts) if sentence[a:b].strip(" ,;:—–")]


def _cleaned(text: str) -> str:
    text = re.sub(r"[“”\"]", "", text)
    text = " ".join(text.replace(" ,", ",").split()).strip(" ,;:—–.")
    previous = None
    while previous != text:
        previous, text = text, _LEADING.sub("", _RELATIVE.sub(" ", " " + text).strip())
    return text


def _is_attribution(words: str) -> bool:
    """'Washington's envoy to the United Nations said': who spoke, not what happened."""
    last = words.split()[-1].lower() if words.split() else ""
    return last in SPEECH_VERBS


def link_known_events(
    events: Sequence[DraftEvent], known: Sequence[KnownEvent], actors: Mapping[str, KnownActor] | None = None
) -> tuple[DraftEvent, ...]:
    """Give each drafted event the content's event it is, if any: date agrees, an actor shared, words close.

    ``actors`` (the content's, by id) tells whose names are not words about what happened.
    """
    scored: list[tuple[float, int, int]] = []
    known_words = [content_words(event.words) for event in known]
    for index, event in enumerate(events):
        words = content_words(event.words)
        for other, candidate in enumerate(known):
            if not dates_agree(event.date, candidate.date):
                continue
            shared_actors = len(set(event.actors) & set(candidate.actors))
            names = _name_words({*event.actors, *candidate.actors}, actors or {})
            shared_words = len((words & known_words[other]) - names)
            # Close words: two in common, or one when every actor of the known event is there too.
            if shared_actors == 0 or shared_words < MIN_SHARED_WORDS - (shared_actors >= len(candidate.actors) >= 2):
                continue
            same_precision = event.date.precision == candidate.date.precision
            scored.append((2 * shared_actors + shared_words + same_precision, index, other))
    linked: dict[int, KnownEvent] = {}
    used: set[int] = set()
    for _, index, other in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if index not in linked and other not in used:
            linked[index] = known[other]
            used.add(other)
    return tuple(replace(event, known=linked.get(index)) for index, event in enumerate(events))


def _name_words(ids: Iterable[str], actors: Mapping[str, KnownActor]) -> frozenset[str]:
    """The words of the names of the people and countries among these actors (by id, for a new one)."""
    names: list[str] = []
    for id in ids:
        actor = actors.get(id)
        if actor is None:
            names.append(id.replace("-", " "))  # a person the draft proposes: 'kim-jong-un'
        elif actor.kind is not ActorKind.ORGANIZATION:
            names += [actor.name, *actor.aliases, *(demonyms(actor.name) if actor.kind is ActorKind.COUNTRY else ())]
    return content_words(" ".join(names))


def dates_agree(drafted: PartialDate, known: PartialDate) -> bool:
    """Tell whether two dates may be the same: one inside the other, or a year apart when either is approximate."""
    if drafted.agrees_with(known):
        return True
    if drafted.is_approximate or known.is_approximate:
        return abs(drafted.year - known.year) <= 1
    return False
