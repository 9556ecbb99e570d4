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

from .language import Language
from .languages import ENGLISH
from .mentions import Cast
from .records import ActorKind, Body, DraftQuote, Span, suggest_id
from .words import fold

MAX_SPEAKER_WORDS = 10
REACH = 300  # characters either side of a quote in which its attribution is looked for
# An article quotes tens of times; each quotation costs a search of the words around it, so that a
# text of quotation marks alone ('"a "a "a ...') would take minutes: past these, none is drafted.
MAX_QUOTES = 500


def find_quotes(body: Body, cast: Cast, language: Language = ENGLISH) -> tuple[DraftQuote, ...]:
    """Find every quotation in the body, with its speaker where the text says who it is."""
    quotes: list[DraftQuote] = []
    left_open: DraftQuote | None = None  # a quotation that ran to the end of the last paragraph
    previous: DraftQuote | None = None
    for paragraph in body.paragraphs:
        previous = previous if language.quotes_run_across_paragraphs else left_open
        left_open = None
        for span in _quotation_spans(body.text, paragraph, language):
            if len(quotes) >= MAX_QUOTES:
                return tuple(quotes)
            words = _words(body.text[span.start + 1 : span.end - 1])
            if not words:
                continue
            quote = _attribute(body, cast, span, words, previous, language)
            quotes.append(quote)
            previous = quote
            left_open = quote if span.end > paragraph.end else None
    return tuple(quotes)


def _words(inner: str) -> str:
    words = " ".join(inner.split()).strip()
    words = words.rstrip(",.").strip() if not words.endswith("...") else words
    return words if any(c.isalpha() for c in words) else ""


def _quotation_spans(text: str, paragraph: Span, language: Language) -> Iterator[Span]:
    """Yield the spans of quotations in a paragraph, marks included; one left open ends with the paragraph."""
    opened: int | None = None
    closer = ""
    for index in range(paragraph.start, paragraph.end):
        character = text[index]
        if opened is None:
            if character in language.quote_openers:
                opened, closer = index, language.quote_openers[character]
            elif character == "‘" and language.single_quotes and _opens_single(text, index):
                opened, closer = index, "’"
            elif (
                character == "'"
                and language.single_quotes
                and _opens_single(text, index)
                and _closes_single(text, index, paragraph.end)
            ):
                opened, closer = index, "'"  # 'unfriendly measure': straight marks, closed in the paragraph
        elif character == closer or (closer in '”"' and character in '”"') or (character == "”" and closer == "“"):
            if closer in "’'" and index + 1 < len(text) and text[index + 1].isalpha():
                continue  # an apostrophe inside a word
            yield Span(opened, index + 1)
            opened = None
    if opened is not None:
        yield Span(opened, paragraph.end + 1)


def _closes_single(text: str, index: int, end: int) -> bool:
    """Tell whether a straight single mark at ``index`` has its closing mark within a few words of it."""
    for close in range(index + 2, min(end, index + 120)):
        if text[close] == "'" and not (close + 1 < len(text) and text[close + 1].isalpha()):
            return text[close - 1].isalnum() or text[close - 1] in ".,!?"
        if text[close] in '\n“”"':
            return False
    return False


def _opens_single(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([—–") and after.isalpha()


def _attribute(
    body: Body, cast: Cast, span: Span, words: str, previous: DraftQuote | None, language: Language
) -> DraftQuote:
    text = body.text
    closing = min(span.end - 1, len(text) - 1)
    sentence_after = body.sentences[body.sentence_at(closing)]
    sentence_before = body.sentences[body.sentence_at(span.start)]
    after_start = min(span.end, len(text))
    after = text[after_start : max(min(sentence_after.end, after_start + REACH), after_start)]
    before_start = max(sentence_before.start, span.start - REACH)
    before = text[before_start : span.start]
    if language.find_speaker is not None:  # a language's own attribution: Korean
        found = language.find_speaker(body, span)
        if found is not None:
            return _resolve(body, cast, span, words, found, language)
    else:
        after_found = _speaker_after(after, after_start, language)
        before_found = _speaker_before(before, before_start, language)
        if after_found is not None and _is_conduit(text[after_found[0] : after_found[1]], language):
            # '..., calling it “...,” the report said': the report passes on the words of whoever the sentence names.
            after_found, before_found = before_found, after_found
        for found in (after_found, before_found):
            if found is not None:
                return _resolve(body, cast, span, words, found, language)
        sentence = body.sentences[body.sentence_at(span.start)]
        opening = text[sentence.start : span.start]
        if opening.strip(" “\"'‘") and not language.scare_quote.search(opening):
            subject = subject_of(cast, sentence.start, span.start, language, text)
            if subject is not None:  # 'Zakharova criticized the sanctions as an “unfriendly measure”'
                return DraftQuote(words, span.start, subject)
    if language.continues_speaker(before):
        if previous is not None and previous.by is not None:
            return DraftQuote(words, span.start, previous.by, previous.speaker)
        said = _said_just_before(body, span.start, language)
        if said is not None:  # 'Last winter the colonies lost half their bees, she said. "We opened ..."'
            return _resolve(body, cast, span, words, said, language)
    return DraftQuote(words, span.start, None, problem="no speaker named next to it")


def _is_conduit(phrase: str, language: Language) -> bool:
    """'the report', 'state media', 'the KCNA': who passes words on rather than says them."""
    bare = fold(language.determiners.sub("", phrase.strip()))
    return bool(language.conduit.match(phrase.strip())) or bare in language.news_agencies


def subject_of(cast: Cast, start: int, quote: int, language: Language, text: str) -> str | None:
    """The actor a sentence opens with, when a few words name it before its verb: the speaker of
    a short quotation inside the sentence ('Lim called the cooperation “illegal”')."""
    named = cast.within(start, quote)
    if not named:
        return None
    first = named[0]
    lead = text[start : first.start]
    titles = language.articles | language.role_heads | language.role_modifiers | language.organization_heads
    if re.search(r"[,;:“”\"]", lead) or any(w[:1].islower() and fold(w) not in titles for w in lead.split()):
        return None  # 'In Seoul, officials ...', 'The envoy criticized Russia's “...”': not the subject
    return first.actor


def _said_just_before(body: Body, start: int, language: Language) -> tuple[int, int] | None:
    """Who spoke in the sentence before, in the same paragraph, when it holds no quotation itself."""
    index = body.sentence_at(start)
    if index == 0:
        return None
    sentence = body.sentences[index - 1]
    paragraph = body.paragraph_of(start)
    if body.paragraph_of(sentence.start) != paragraph or re.search(r"[“”\"]", body.text[sentence.start : sentence.end]):
        return None
    return _speaker_before(body.text[sentence.start : sentence.end].rstrip(". "), sentence.start, language)


def _speaker_after(after: str, offset: int, language: Language) -> tuple[int, int] | None:
    """'..., X said' or '..., said X' right after the quote: the span of X."""
    stripped = after.lstrip(" ,")
    lead = len(after) - len(stripped)
    verb = language.speech_verb.match(stripped)
    if verb is not None:  # said X
        rest = stripped[verb.end() :]
        subject = rest.lstrip()
        start = lead + verb.end() + (len(rest) - len(subject))
        phrase = re.split(r"[,;:“”\"()]|\.\s*$", subject, maxsplit=1)[0]
        phrase = language.speaker_end.sub("", phrase)
        return (offset + start, offset + start + len(phrase)) if phrase.strip() else None
    match = language.speech_verb.search(stripped)
    if match is None:
        return None
    phrase = stripped[: match.start()]
    if not _is_speaker_phrase(phrase, language) or language.relative_start.match(phrase.strip()):
        return None  # 'what he called': it names the next quotation, not this one
    phrase = language.auxiliaries.sub("", phrase.rstrip())
    segment = _segment(phrase, language)
    return (offset + lead + segment[0], offset + lead + segment[1]) if segment else None


def _speaker_before(before: str, offset: int, language: Language) -> tuple[int, int] | None:
    """'X said: "...', 'X likened it to "...', 'according to X, "...': the span of X."""
    according = list(language.according.finditer(before))
    if according and not re.search(r"[“”\"]", before[according[-1].end() :]):
        phrase = re.split(r"[,.;:]", before[according[-1].end() :], maxsplit=1)[0]
        start = according[-1].end()
        return (offset + start, offset + start + len(phrase.rstrip())) if phrase.strip() else None
    verbs = list(language.speech_verb.finditer(before))
    for verb in reversed(verbs):
        between = before[verb.end() :]
        named = between.strip(" ,:")
        if re.search(r"[“”\"]", before[: verb.start()]) and named and _is_speaker_phrase(named, language):
            # The second half of a split quotation: '“We will fight,” said Kim Ha-na, “and win.”'
            start = verb.end() + between.index(named)
            return offset + start, offset + start + len(named)
        if re.search(r"[“”\"]", between):
            return None  # another quotation comes between the verb and this one
        phrase = before[: verb.start()]
        if verb.group().lower().endswith("ing") and phrase.rstrip().endswith(","):
            # '..., saying: "...', '..., calling it "...': the speaker is the subject of the sentence,
            # before its first verb of speech, not the clause before the comma.
            return _subject(before, verbs[0], offset, language)
        cut = max((m.end() for m in re.finditer(r"[;:“”\"()—–]", phrase)), default=0)
        boundary = list(language.quote_boundary_words.finditer(phrase, cut))
        cut = max(cut, boundary[-1].end() if boundary else 0)
        segment = _segment(phrase[cut:], language)
        if segment is not None:
            return offset + cut + segment[0], offset + cut + segment[1]
    return None


def _subject(before: str, verb: re.Match[str], offset: int, language: Language) -> tuple[int, int] | None:
    """'Putin told reporters that ...': the few words before the sentence's first verb of speech."""
    phrase = before[: verb.start()]
    if not _is_speaker_phrase(phrase, language):
        return None
    segment = _segment(phrase, language)
    return (offset + segment[0], offset + segment[1]) if segment else None


def _is_speaker_phrase(phrase: str, language: Language) -> bool:
    """Tell whether a phrase may name a speaker: a few words, no clause, no sentence's end ('U.S.' is not one)."""
    plain = language.abbreviation.sub(lambda m: m.group().replace(".", "_"), phrase)
    return not (
        re.search(r"[.;:“”\"]", plain) or len(plain.split()) > MAX_SPEAKER_WORDS or language.clause_words.search(plain)
    )


def _segment(phrase: str, language: Language) -> tuple[int, int] | None:
    """The part of a phrase that names the speaker: its last comma-separated part that is not an aside."""
    parts: list[tuple[int, int]] = []
    position = 0
    for piece in phrase.split(","):
        stripped = piece.strip()
        if stripped and not language.preposition_start.match(stripped):
            start = position + piece.index(stripped)
            parts.append((start, start + len(stripped)))
        position += len(piece) + 1
    if not parts:
        return None
    last = phrase[parts[-1][0] : parts[-1][1]]
    if (
        len(parts) > 1
        and last[0].islower()
        and len(last.split()) > 1
        and fold(last.split()[0]) not in language.subject_words
    ):
        return parts[-2]  # the name before an aside: 'Nate Evans, spokesperson for the mission, said'
    return parts[-1]


def _resolve(body: Body, cast: Cast, span: Span, words: str, found: tuple[int, int], language: Language) -> DraftQuote:
    start, end = found
    written = " ".join(body.text[start:end].split()).strip(" ,")
    if not written or len(written.split()) > MAX_SPEAKER_WORDS:
        return DraftQuote(words, span.start, None, problem="no speaker named next to it")
    folded = language.relative_start.sub("", fold(written)).strip()  # 'what he called': he
    if folded in language.speaker_pronouns:
        person = cast.last_person_before(span.start, language.subject_pronouns.get(folded, folded))
        if person is None:
            return DraftQuote(words, span.start, None, problem=f"'{written}' is not a person the text names")
        return DraftQuote(words, span.start, person)
    if folded in language.thing_pronouns:  # '“...,” it added': the organization or country last named
        earlier = cast.within(max(0, span.start - REACH), span.start)
        bodies = [m.actor for m in earlier if cast.kinds.get(m.actor) not in (None, ActorKind.PERSON)]
        if bodies:
            return DraftQuote(words, span.start, bodies[-1])
    mentions = cast.within(start, end)
    people = [m for m in mentions if cast.kinds.get(m.actor) is ActorKind.PERSON]
    if people:
        return DraftQuote(words, span.start, people[-1].actor)
    role_holder = _holder_of(cast, span.start, folded, language) if not mentions else None
    if role_holder is not None:  # '“...,” the envoy also said': the person the text gave that role
        return DraftQuote(words, span.start, role_holder)
    if mentions:
        named = body.text[mentions[0].start : mentions[0].end]
        is_itself = fold(language.determiners.sub("", written)) == fold(named)
        return DraftQuote(words, span.start, mentions[0].actor, None if is_itself else written)
    country = language.state_media.get(fold(language.determiners.sub("", written)))
    if country is not None and suggest_id(country) in cast.kinds:  # '“...,” the KCNA said': North Korea's words
        return DraftQuote(words, span.start, suggest_id(country), written)
    if language.statement.search(written):
        issuer = _statement_issuer(body, cast, span.start, language)
        if issuer is not None:  # the statement is the actor's own words
            return DraftQuote(words, span.start, issuer)
    head = folded.split()[-1] if folded.split() else ""
    organization = _organization_named(body, cast, span.start, head)
    if organization is not None:
        return DraftQuote(words, span.start, organization, None if folded in (head, f"the {head}") else written)
    return DraftQuote(words, span.start, None, problem=f"'{written}' is not an actor the content has")


def _holder_of(cast: Cast, before: int, written: str, language: Language) -> str | None:
    """The person last named before ``before`` whose role has the phrase's head: 'the envoy', 'the minister'."""
    words = written.split()
    head = words[-1] if words else ""
    if head not in language.role_heads:
        return None
    for mention in reversed(cast.within(0, before)):
        role = cast.roles.get(mention.actor, (None, None))[0]
        if cast.kinds.get(mention.actor) is ActorKind.PERSON and role and head in fold(role).split():
            return mention.actor
    return None


def _statement_issuer(body: Body, cast: Cast, before: int, language: Language) -> str | None:
    """Who issued the statement a quote comes from: the actor named in the last sentence about a statement."""
    index = body.sentence_at(before)
    for sentence in reversed(body.sentences[: index + 1]):
        if sentence.start >= before or not language.statement.search(
            body.text, sentence.start, min(sentence.end, before)
        ):
            continue
        named = cast.within(sentence.start, min(sentence.end, before))
        if named:
            return named[0].actor
        subject = language.issuer_subject.match(body.text[sentence.start : sentence.end])
        if subject:  # 'The department issued a statement.'
            return _organization_named(body, cast, sentence.start, fold(subject.group(1)))
    if index > 0:  # '..., the State Department said. “...,” the statement read.': who spoke just before
        previous = body.sentences[index - 1]
        tail = re.search(r",\s+([^,]+)$", body.text[previous.start : previous.end].rstrip(". "))
        if tail is not None and language.speech_verb.search(tail.group(1)):
            named = cast.within(previous.start + tail.start(1), previous.end)
            if named:
                return named[0].actor
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
