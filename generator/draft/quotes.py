"""Quotes: the words the text puts in quotation marks, and who said them.

Straight ("), curly (“ ”), single curly (‘ ’) and angle (« ») marks are read; a quotation
left open runs to the end of its paragraph, as wire copy does when the next one goes on.
The speaker comes from the attribution: '"...," X said', '"...," said X', 'X said: "..."',
'X likened it to "..."', 'according to X', 'the statement said', 'X told ..., calling it "..."'
(the subject, not the clause before the comma); 'he' or 'she' is the last
person named before the quote; an unattributed quote right after an attributed one in the
same paragraph has the same speaker. A quote whose speaker cannot be placed comes back with
``by=None`` and the reason: it is listed for the person, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .mentions import Cast
from .records import ActorKind, Body, DraftQuote, Span
from .vocabulary import SPEECH_VERBS
from .words import fold, word_set

_OPENERS = {"“": "”", "«": "»", '"': '"', "„": "“"}
_SPEECH_BEFORE = SPEECH_VERBS | word_set(
    """adding saying telling warning noting insisting arguing explaining calling describing likening likened
    called described termed dubbed branded labelled labeled"""
)
_VERB = re.compile(r"(?<![-‐])\b(?:" + "|".join(sorted(_SPEECH_BEFORE, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_BOUNDARY_WORDS = re.compile(
    r"\b(?:with|while|as|but|after|that|which|when|where|because|before|since|if|although|though|then|and)\s+",
    re.IGNORECASE,
)
_NP_END = re.compile(
    r"\s+(?:in|on|at|after|during|to|when|while|as|for|from|late|earlier|later)\b.*$", re.IGNORECASE | re.DOTALL
)
_PREPOSITION_START = re.compile(r"^(?:in|on|at|after|during|according|for|from|by|to)\b", re.IGNORECASE)
_DETERMINERS = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_CLAUSE_WORDS = re.compile(r"\b(?:that|which|is|was|were|are|and|but|if|when|because)\b", re.IGNORECASE)
_PERSON_PRONOUNS = frozenset({"he", "she"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_STATEMENT = re.compile(r"\bstatement\b", re.IGNORECASE)
MAX_SPEAKER_WORDS = 10
REACH = 300  # characters either side of a quote in which its attribution is looked for
# An article quotes tens of times; each quotation costs a search of the words around it, so that a
# text of quotation marks alone ('"a "a "a ...') would take minutes: past these, none is drafted.
MAX_QUOTES = 500


def find_quotes(body: Body, cast: Cast) -> tuple[DraftQuote, ...]:
    """Find every quotation in the body, with its speaker where the text says who it is."""
    quotes: list[DraftQuote] = []
    left_open: DraftQuote | None = None  # a quotation that ran to the end of the last paragraph
    for paragraph in body.paragraphs:
        previous = left_open
        left_open = None
        for span in _quotation_spans(body.text, paragraph):
            if len(quotes) >= MAX_QUOTES:
                return tuple(quotes)
            words = _words(body.text[span.start + 1 : span.end - 1])
            if not words:
                continue
            quote = _attribute(body, cast, span, words, previous)
            quotes.append(quote)
            previous = quote
            left_open = quote if span.end > paragraph.end else None
    return tuple(quotes)


def _words(inner: str) -> str:
    words = " ".join(inner.split()).strip()
    words = words.rstrip(",.").strip() if not words.endswith("...") else words
    return words if any(c.isalpha() for c in words) else ""


def _quotation_spans(text: str, paragraph: Span) -> Iterator[Span]:
    """Yield the spans of quotations in a paragraph, marks included; one left open ends with the paragraph."""
    opened: int | None = None
    closer = ""
    for index in range(paragraph.start, paragraph.end):
        character = text[index]
        if opened is None:
            if character in _OPENERS:
                opened, closer = index, _OPENERS[character]
            elif character == "‘" and _opens_single(text, index):
                opened, closer = index, "’"
        elif character == closer or (closer in '”"' and character in '”"') or (character == "”" and closer == "“"):
            if closer == "’" and index + 1 < len(text) and text[index + 1].isalpha():
                continue  # an apostrophe inside a word
            yield Span(opened, index + 1)
            opened = None
    if opened is not None:
        yield Span(opened, paragraph.end + 1)


def _opens_single(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([—–") and after.isalpha()


def _attribute(body: Body, cast: Cast, span: Span, words: str, previous: DraftQuote | None) -> DraftQuote:
    text = body.text
    closing = min(span.end - 1, len(text) - 1)
    sentence_after = body.sentences[body.sentence_at(closing)]
    sentence_before = body.sentences[body.sentence_at(span.start)]
    after_start = min(span.end, len(text))
    after = text[after_start : max(min(sentence_after.end, after_start + REACH), after_start)]
    before_start = max(sentence_before.start, span.start - REACH)
    before = text[before_start : span.start]
    for found in (
        _speaker_after(after, after_start),
        _speaker_before(before, before_start),
    ):
        if found is not None:
            return _resolve(body, cast, span, words, found, previous)
    if not before.strip(" “\"'"):
        if previous is not None and previous.by is not None:
            return DraftQuote(words, span.start, previous.by, previous.speaker)
        said = _said_just_before(body, span.start)
        if said is not None:  # 'Last winter the colonies lost half their bees, she said. "We opened ..."'
            return _resolve(body, cast, span, words, said, previous)
    return DraftQuote(words, span.start, None, problem="no speaker named next to it")


def _said_just_before(body: Body, start: int) -> tuple[int, int] | None:
    """Who spoke in the sentence before, in the same paragraph, when it holds no quotation itself."""
    index = body.sentence_at(start)
    if index == 0:
        return None
    sentence = body.sentences[index - 1]
    paragraph = body.paragraph_of(start)
    if body.paragraph_of(sentence.start) != paragraph or re.search(r"[“”\"]", body.text[sentence.start : sentence.end]):
        return None
    return _speaker_before(body.text[sentence.start : sentence.end].rstrip(". "), sentence.start)


def _speaker_after(after: str, offset: int) -> tuple[int, int] | None:
    """'..., X said' or '..., said X' right after the quote: the span of X."""
    stripped = after.lstrip(" ,")
    lead = len(after) - len(stripped)
    verb = _VERB.match(stripped)
    if verb is not None:  # said X
        rest = stripped[verb.end() :]
        subject = rest.lstrip()
        start = lead + verb.end() + (len(rest) - len(subject))
        phrase = re.split(r"[,;:“”\"()]|\.\s*$", subject, maxsplit=1)[0]
        phrase = _NP_END.sub("", phrase)
        return (offset + start, offset + start + len(phrase)) if phrase.strip() else None
    match = _VERB.search(stripped)
    if match is None:
        return None
    phrase = stripped[: match.start()]
    if re.search(r"[.;:“”\"]", phrase) or len(phrase.split()) > 6 or _CLAUSE_WORDS.search(phrase):
        return None
    phrase = re.sub(r"\s+(?:has|had|have|also|then|later|again)\s*$", "", phrase.rstrip())
    segment = _segment(phrase)
    return (offset + lead + segment[0], offset + lead + segment[1]) if segment else None


def _speaker_before(before: str, offset: int) -> tuple[int, int] | None:
    """'X said: "...', 'X likened it to "...', 'according to X, "...': the span of X."""
    according = list(_ACCORDING.finditer(before))
    if according and not re.search(r"[“”\"]", before[according[-1].end() :]):
        phrase = re.split(r"[,.;:]", before[according[-1].end() :], maxsplit=1)[0]
        start = according[-1].end()
        return (offset + start, offset + start + len(phrase.rstrip())) if phrase.strip() else None
    verbs = list(_VERB.finditer(before))
    for verb in reversed(verbs):
        if re.search(r"[“”\"]", before[verb.end() :]):
            return None  # another quotation comes between the verb and this one
        phrase = before[: verb.start()]
        if verb.group().lower().endswith("ing") and phrase.rstrip().endswith(","):
            # '..., saying: "...', '..., calling it "...': the speaker is the subject of the sentence,
            # before its first verb of speech, not the clause before the comma.
            return _subject(before, verbs[0], offset)
        cut = max((m.end() for m in re.finditer(r"[;:“”\"()—–]", phrase)), default=0)
        boundary = list(_BOUNDARY_WORDS.finditer(phrase, cut))
        cut = max(cut, boundary[-1].end() if boundary else 0)
        segment = _segment(phrase[cut:])
        if segment is not None:
            return offset + cut + segment[0], offset + cut + segment[1]
    return None


def _subject(before: str, verb: re.Match[str], offset: int) -> tuple[int, int] | None:
    """'Putin told reporters that ...': the few words before the sentence's first verb of speech."""
    phrase = before[: verb.start()]
    if re.search(r"[.;:“”\"]", phrase) or len(phrase.split()) > 6 or _CLAUSE_WORDS.search(phrase):
        return None
    segment = _segment(phrase)
    return (offset + segment[0], offset + segment[1]) if segment else None


def _segment(phrase: str) -> tuple[int, int] | None:
    """The part of a phrase that names the speaker: its last comma-separated part that is not an aside."""
    parts: list[tuple[int, int]] = []
    position = 0
    for piece in phrase.split(","):
        stripped = piece.strip()
        if stripped and not _PREPOSITION_START.match(stripped) and not re.match(r"^(?:who|which|whose)\b", stripped):
            start = position + piece.index(stripped)
            parts.append((start, start + len(stripped)))
        position += len(piece) + 1
    if not parts:
        return None
    last = phrase[parts[-1][0] : parts[-1][1]]
    if len(parts) > 1 and last[0].islower() and len(last.split()) > 1 and fold(last.split()[0]) not in _PRONOUNS:
        return parts[-2]  # the name before an aside: 'Nate Evans, spokesperson for the mission, said'
    return parts[-1]


def _resolve(
    body: Body, cast: Cast, span: Span, words: str, found: tuple[int, int], previous: DraftQuote | None
) -> DraftQuote:
    start, end = found
    written = " ".join(body.text[start:end].split()).strip(" ,")
    if not written or len(written.split()) > MAX_SPEAKER_WORDS:
        return DraftQuote(words, span.start, None, problem="no speaker named next to it")
    folded = fold(written)
    if folded in _PERSON_PRONOUNS:
        person = cast.last_person_before(span.start, folded)
        if person is None:
            return DraftQuote(words, span.start, None, problem=f"'{written}' is not a person the text names")
        return DraftQuote(words, span.start, person)
    mentions = cast.within(start, end)
    people = [m for m in mentions if cast.kinds.get(m.actor) is ActorKind.PERSON]
    if people:
        return DraftQuote(words, span.start, people[-1].actor)
    if mentions:
        named = body.text[mentions[0].start : mentions[0].end]
        is_itself = fold(_DETERMINERS.sub("", written)) == fold(named)
        return DraftQuote(words, span.start, mentions[0].actor, None if is_itself else written)
    if _STATEMENT.search(written):
        issuer = _statement_issuer(body, cast, span.start)
        if issuer is not None:  # the statement is the actor's own words
            return DraftQuote(words, span.start, issuer)
    head = folded.split()[-1] if folded.split() else ""
    organization = _organization_named(body, cast, span.start, head)
    if organization is not None:
        return DraftQuote(words, span.start, organization, None if folded in (head, f"the {head}") else written)
    return DraftQuote(words, span.start, None, problem=f"'{written}' is not an actor the content has")


def _statement_issuer(body: Body, cast: Cast, before: int) -> str | None:
    """Who issued the statement a quote comes from: the actor named in the last sentence about a statement."""
    index = body.sentence_at(before)
    for sentence in reversed(body.sentences[: index + 1]):
        if sentence.start >= before or not _STATEMENT.search(body.text, sentence.start, min(sentence.end, before)):
            continue
        named = cast.within(sentence.start, min(sentence.end, before))
        if named:
            return named[0].actor
        subject = re.match(r"\W*(?:the|its|a)\s+(\w+)", body.text[sentence.start : sentence.end], re.IGNORECASE)
        if subject:  # 'The department issued a statement.'
            return _organization_named(body, cast, sentence.start, fold(subject.group(1)))
    return None


def _organization_named(body: Body, cast: Cast, before: int, head: str) -> str | None:
    """'the ministry said': the last organization named before whose name has that word."""
    if not head:
        return None
    for mention in reversed(cast.within(max(0, before - 10 * REACH), before)):  # a few paragraphs back
        named = fold(body.text[mention.start : mention.end])
        if cast.kinds.get(mention.actor) is ActorKind.ORGANIZATION and head in named:
            return mention.actor
    return None
