"""Dates: every phrase of the body that dates something, resolved against the publication date.

"on Monday" is the Monday of the publication's week, or the next one when the verb looks
ahead ("will meet on Monday"); "in September" the last September, or the next one; "for 15
years" (with "has") about 15 years back, written `2009~`. Precision is never invented: a
month stays a month. A phrase that cannot be placed without guessing (a month with no
tense to tell which, "the next day", "the 1990s") comes back with ``date=None`` and the
reason, for the person to decide. The ways of writing a date, and how each is resolved, are
the language's (`Language.date_patterns`); here is what does not depend on it.
"""

from __future__ import annotations

import re

from .language import DatePattern, Language, fold
from .languages import ENGLISH, detect_language
from .records import Body, DatedPhrase, PartialDate, Tense

CLAUSE_REACH = 300  # characters either side of a date in which to look for its clause's verbs


def find_dates(body: Body, published: PartialDate, language: Language = ENGLISH) -> tuple[DatedPhrase, ...]:
    """Find every dating phrase in the body; resolve each against ``published`` and its verb's tense."""
    day = published.first_day()
    found: list[tuple[int, int, DatePattern, re.Match[str]]] = []
    for pattern in language.date_patterns:
        for match in pattern.regex.finditer(body.text):
            found.append((match.start(), -(match.end() - match.start()), pattern, match))
    found.sort(key=lambda item: (item[0], item[1]))
    phrases: list[DatedPhrase] = []
    taken_until = -1
    anchors = {"": day, "date": day, "day": day}  # what a phrase counts from: see DatePattern.anchor
    for start, _, pattern, match in found:
        if start < taken_until:
            continue
        tense = verb_tense(body, match.start(), match.end(), language)
        result = pattern.resolve(match, anchors[pattern.anchor], tense)
        if result is None:
            continue
        taken_until = match.end()
        written = " ".join(match.group().split())
        if isinstance(result, str):
            phrases.append(DatedPhrase(written, match.start(), match.end(), None, result))
        else:
            anchors["date"] = result.first_day()
            anchors["day"] = result.first_day() if result.is_full else anchors["day"]
            phrases.append(DatedPhrase(written, match.start(), match.end(), result))
    return tuple(phrases)


def read_full_date(text: str, language: Language = ENGLISH) -> PartialDate | None:
    """Read a full date written out ('April 15, 2024', '15 April 2024', 'Mon 15 Apr 2024', '2024-04-15')."""
    return language.read_full_date(text)


def clause_around(
    body: Body, start: int, end: int, language: Language = ENGLISH, breaks: re.Pattern[str] | None = None
) -> tuple[int, int]:
    """The clause that holds ``start:end``, within its sentence: where it begins and ends."""
    breaks = breaks or language.clause_break
    sentence = body.sentences[body.sentence_at(start)]
    window_start, window_end = max(sentence.start, start - CLAUSE_REACH), min(sentence.end, end + CLAUSE_REACH)
    left = window_start
    for match in breaks.finditer(body.text, window_start, start):
        left = match.end()
    right_match = breaks.search(body.text, end, window_end)
    return left, right_match.start() if right_match else window_end


def verb_tense(body: Body, start: int, end: int, language: Language = ENGLISH) -> Tense:
    """Tell whether the clause around ``start:end`` looks back, looks ahead, or neither."""
    sentence = body.sentences[body.sentence_at(start)]
    window_start, window_end = max(sentence.start, start - CLAUSE_REACH), min(sentence.end, end + CLAUSE_REACH)
    left, right = clause_around(body, start, end, language)
    tense = language.tense_of(body.text[left:start], body.text[end:right])
    if tense is None:  # 'Thursday at the United Nations, the envoy briefed ...': the sentence's verb
        tense = language.tense_of(body.text[window_start:start], body.text[end:window_end])
    return tense or Tense.PRESENT


def phrase_dates(phrase: str, published: PartialDate, language: Language | None = None) -> frozenset[PartialDate]:
    """The dates a phrase alone ('last month', 'on Monday', 'late last year') may mean in an article
    published on a day, whatever the tense of its verb; none when it is not a date the language reads.

    'late last year' is one of the last four months of that year, not any day of it.
    """
    language = language or detect_language(phrase)
    day = published.first_day()
    text = " ".join(phrase.split())
    meant: set[PartialDate] = set()
    for pattern in language.date_patterns:
        match = pattern.regex.search(text)
        if match is None or match.end() - match.start() < len(text) // 2 or pattern.anchor:
            continue  # an anchored phrase ('같은 해 10월') counts from another date of the text, not this day
        for tense in Tense:
            result = pattern.resolve(match, day, tense)
            if isinstance(result, PartialDate):
                meant.add(result)
    part = language.year_parts.get(fold(text.split()[0])) if text else None
    if part:
        meant = (
            {PartialDate(d.year, month) for d in meant for month in part}
            if all(d.month is None for d in meant)
            else meant
        )
    return frozenset(meant)
