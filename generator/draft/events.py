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

from .dates import clause_around, phrase_dates
from .language import Language
from .languages import ENGLISH
from .mentions import Cast
from .records import ActorKind, Body, DatedPhrase, DraftEvent, KnownActor, KnownEvent, PartialDate
from .words import content_words, fold

MAX_TITLE_WORDS = 14
REACH = 400  # characters of a long sentence either side of its date that the event is drafted from
MIN_SHARED_WORDS = 2
MAX_WORDS = 8 * 2 * REACH  # characters of the text an event is linked by: eight long sentences


def draft_events(
    body: Body, dates: Sequence[DatedPhrase], cast: Cast, language: Language = ENGLISH
) -> tuple[DraftEvent, ...]:
    """Draft an event for every resolved date; the same day, or the same date written the same way, is one event."""
    events: dict[tuple[str, str], DraftEvent] = {}
    for phrase in dates:
        if phrase.date is None:
            continue
        index = body.sentence_at(phrase.start)
        sentence = body.sentences[index]
        start, end = max(sentence.start, phrase.start - REACH), min(sentence.end, phrase.end + REACH)
        context = body.sentences[index - 1].start if language.drops_subjects and index else start
        actors = tuple(dict.fromkeys(m.actor for m in cast.within(context, end)))
        sentence_text = body.text[context:end]
        # One happening is one event: 'the meeting on Monday' and 'Monday's meeting' are one day's.
        key = (phrase.date.iso(), "" if phrase.date.is_full else fold(phrase.as_written))
        if key in events:
            seen = events[key]
            events[key] = replace(
                seen,
                actors=tuple(dict.fromkeys(seen.actors + actors)),
                # At most a few sentences' words: a date written a thousand times is not a thousand.
                words=f"{seen.words} {sentence_text}" if len(seen.words) < MAX_WORDS else seen.words,
            )
            continue
        title = _title(body.text[start:end], phrase.start - start, phrase.end - start, language)
        left, right = clause_around(body, phrase.start, phrase.end, language, language.event_clause_break)
        if len(f"{body.text[left : phrase.start]} {body.text[phrase.end : right]}".split()) < 2:
            # 'In March, Moscow vetoed ...': the date opens the sentence; the next clause says what happened.
            right = clause_around(body, right + 2, right + 2, language, language.event_clause_break)[1]
        clause = f"{body.text[left : phrase.start]} {body.text[phrase.end : right]}"
        events[key] = DraftEvent(
            phrase.date, phrase.as_written, title, actors, phrase.start, sentence_text, clause=clause
        )
    return tuple(events.values())


def _title(sentence: str, start: int, end: int, language: Language) -> str:
    """The clause a date is in, without the date: a first draft of a title, in the article's words."""
    clauses = _split(sentence, language)
    inside = next((c for c in clauses if c[0] <= start < c[1]), clauses[0])
    text = sentence[inside[0] : start] + " " + sentence[end : inside[1]]
    words = _cleaned(text, language)
    if _is_attribution(words, language) or len(words.split()) < 4:
        reported = next(
            (_cleaned(sentence[s:e], language) for s, e in clauses if len(sentence[s:e].split()) >= 5), words
        )
        words = reported if not _is_attribution(reported, language) else words
    cut = words.split()[:MAX_TITLE_WORDS]
    title = " ".join(cut).rstrip(",;:")
    return title[:1].upper() + title[1:] if title else "What happened (write a title)"


def _split(sentence: str, language: Language) -> list[tuple[int, int]]:
    cuts = sorted(
        {0, len(sentence)}
        | {m.start() for m in language.event_clauses.finditer(sentence)}
        | {m.start() for m in language.relative_clause.finditer(sentence)}
    )
    return [(a, b) for a, b in itertools.pairwise(cuts) if sentence[a:b].strip(" ,;:—–")]


def _cleaned(text: str, language: Language) -> str:
    text = re.sub(r"[“”\"]", "", text)
    text = " ".join(text.replace(" ,", ",").split()).strip(" ,;:—–.")
    previous = None
    while previous != text:
        previous, text = text, language.leading_words.sub("", language.relative_clause.sub(" ", " " + text).strip())
    return text


def _is_attribution(words: str, language: Language) -> bool:
    """'Washington's envoy to the United Nations said': who spoke, not what happened."""
    last = words.split()[-1].lower() if words.split() else ""
    return last in language.speech_verbs


def link_known_events(
    events: Sequence[DraftEvent],
    known: Sequence[KnownEvent],
    actors: Mapping[str, KnownActor] | None = None,
    language: Language = ENGLISH,
    published: PartialDate | None = None,
) -> tuple[DraftEvent, ...]:
    """Give each drafted event the content's event it is, if any; list the ones it may be.

    It is that event when the dates agree, the clause of its date says what the event is (a
    word of its title, a synonym counting: 'set up' is 'launched'), and the sentence shares an
    actor and words with it. When the dates agree and less is
    shared, the event is a candidate, listed for the person: a wrong link would add the article
    to another happening's sources without anyone noticing. ``actors`` (the content's, by id)
    tells whose names are not words about what happened; ``published`` narrows what a phrase may
    mean ('late last year' is not March).
    """
    scored: list[tuple[float, int, int]] = []
    maybe: dict[int, list[KnownEvent]] = {}
    known_words = [content_words(f"{event.title} {event.words}", language) for event in known]
    for index, event in enumerate(events):
        words = content_words(event.words, language)
        clause_words = content_words(event.clause, language) if event.clause else words
        meant = phrase_dates(event.as_written, published, language) if published else frozenset()
        for other, candidate in enumerate(known):
            if not event.date.may_be(candidate.date) or (meant and not any(m.may_be(candidate.date) for m in meant)):
                continue
            shared_actors = len(set(event.actors) & set(candidate.actors))
            names = _name_words({*event.actors, *candidate.actors}, actors or {}, language)
            shared_words = len((words & known_words[other]) - names)
            says_it = len((clause_words & known_words[other]) - names)
            # Close words: two in common, or one when every actor of the known event is there too.
            needed = MIN_SHARED_WORDS - (shared_actors >= len(candidate.actors) >= 2)
            is_same = says_it >= 1 and shared_actors >= 1 and shared_words >= needed
            if is_same:
                same_precision = event.date.precision == candidate.date.precision
                scored.append((2 * shared_actors + shared_words + says_it + same_precision, index, other))
            elif says_it:
                maybe.setdefault(index, []).append(candidate)
    linked: dict[int, KnownEvent] = {}
    used: set[int] = set()
    for _, index, other in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if index not in linked and other not in used:
            linked[index] = known[other]
            used.add(other)
    return tuple(
        replace(
            event,
            known=linked.get(index),
            candidates=() if index in linked else tuple(maybe.get(index, ())),
        )
        for index, event in enumerate(events)
    )


def _name_words(ids: Iterable[str], actors: Mapping[str, KnownActor], language: Language) -> frozenset[str]:
    """The words of the names of the people and countries among these actors (by id, for a new one)."""
    names: list[str] = []
    for id in ids:
        actor = actors.get(id)
        if actor is None:
            names.append(id.replace("-", " "))  # a person the draft proposes: 'kim-jong-un'
        elif actor.kind is not ActorKind.ORGANIZATION:
            adjectives = language.demonyms(actor.name) if actor.kind is ActorKind.COUNTRY else ()
            names += [actor.name, *actor.aliases, *adjectives]
    return content_words(" ".join(names), language)
