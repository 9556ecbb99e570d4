"""Statements: positions the text reports in its own words, 'Russia has said the work was biased'.

A sentence without quotation marks that opens with an actor and a verb of speech ('China has
said', 'North Korea says that') reports that actor's position. It is drafted as a statement
by that actor, in the article's words, marked for the person to reword; the stance is theirs
to decide. Nothing is drafted when the sentence does not open with the actor.
"""

from __future__ import annotations

import re

from .language import Language
from .languages import ENGLISH
from .mentions import Cast
from .quotes import subject_of
from .records import Body, DraftStatement

MIN_WORDS = 4  # a reported position shorter than this is not one ('he said so')


def find_statements(body: Body, cast: Cast, language: Language = ENGLISH) -> tuple[DraftStatement, ...]:
    """Draft a statement for every sentence that reports an actor's position in the article's words."""
    statements: list[DraftStatement] = []
    for sentence in body.sentences:
        text = body.text[sentence.start : sentence.end]
        if re.search(r"[“”\"«»]", text):
            continue  # its words are quoted: the quotes step has them
        subject = subject_of(cast, sentence.start, sentence.end, language, body.text)
        if subject is None:
            continue
        first = cast.within(sentence.start, sentence.end)[0]
        said = language.reported_speech.match(body.text, first.end, sentence.end)
        if said is None:
            continue
        clause = said.group("clause").strip().rstrip(".")
        if len(clause.split()) >= MIN_WORDS:
            statements.append(DraftStatement(subject, clause, sentence.start))
    return tuple(statements)
