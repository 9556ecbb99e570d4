"""Words: the body as sentences and tokens, shared by the steps that read it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .records import Body, Span


def word_set(words: str) -> frozenset[str]:
    """Make a set of words from a text of words separated by white space."""
    return frozenset(words.split())


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp ltd co no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec adm maj cmdr rev hon fig ft mt messrs"
)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[.!?][\"”’')\]]*\s+$")
_LONGEST_WORD = 40  # letters and dots: longer, a word before a period is not an abbreviation
# A token: a dotted abbreviation (U.N., U.S.), or letters and digits with inner apostrophes.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)

STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself said says say
    told tell new one two three last next this year years month months week day days monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september october
    november december since ago may might must shall its it's mr ms mrs"""
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    norm: str  # casefolded, dots and a possessive 's removed: 'U.N.' -> 'un', "Russia's" -> 'russia'
    is_possessive: bool

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_caps(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def make_body(paragraphs: Iterable[str]) -> Body:
    """Join paragraphs into one text and find its sentences."""
    spans: list[Span] = []
    parts: list[str] = []
    offset = 0
    for paragraph in paragraphs:
        if parts:
            parts.append("\n\n")
            offset += 2
        parts.append(paragraph)
        spans.append(Span(offset, offset + len(paragraph)))
        offset += len(paragraph)
    text = "".join(parts)
    sentences = tuple(sentence for span in spans for sentence in split_sentences(text, span))
    return Body(text, tuple(spans), sentences or (Span(0, 0),))


def split_sentences(text: str, span: Span) -> list[Span]:
    """Split one paragraph into sentences, keeping abbreviations (Mr., Oct., U.N.) inside them."""
    sentences: list[Span] = []
    start = span.start
    for match in _BOUNDARY.finditer(text, span.start, span.end):
        # The word before the boundary, looked for in the few characters before it: searched from
        # the sentence's start, a run of abbreviations ("Mr. Mr. Mr. ...") made the split quadratic.
        before = _WORD_BEFORE.search(text, max(start, match.start() - _LONGEST_WORD), match.end())
        word = before.group(1) if before else ""
        if _is_abbreviation(word):
            continue
        sentences.append(Span(start, match.start() + len(match.group().rstrip())))
        start = match.end()
    if start < span.end:
        sentences.append(Span(start, span.end))
    return [_trimmed(text, s) for s in sentences if text[s.start : s.end].strip()]


def _is_abbreviation(word: str) -> bool:
    bare = word.strip(".")
    if "." in bare:  # U.S, U.N, a.m
        return True
    return (len(bare) == 1 and bare.isupper()) or bare.lower() in _ABBREVIATIONS


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text into word tokens with their offsets; hyphenated words give one token a part."""
    tokens = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        bare = _POSSESSIVE.sub("", word) if len(word) > 2 else word
        norm = fold(bare.replace(".", ""))
        tokens.append(Token(word, match.start(), match.end(), norm, bare != word))
    return tokens


@cache
def fold(word: str) -> str:
    """Compare words as a reader would: NFKC, case folded, curly apostrophes made straight."""
    return unicodedata.normalize("NFKC", word).casefold().replace("’", "'")


_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s")


# Irregular past forms, so that 'met' compares equal to 'meet'.
_BASE_FORMS = dict(
    pair.split(":")
    for pair in word_set(
        """met:meet held:hold took:take made:make gave:give went:go came:come saw:see began:begin left:leave
        won:win lost:lose fell:fall rose:rise sent:send spent:spend brought:bring bought:buy thought:think
        found:find knew:know became:become broke:break built:build chose:choose drew:draw drove:drive
        fought:fight flew:fly got:get grew:grow heard:hear kept:keep led:lead paid:pay ran:run sold:sell
        spoke:speak stood:stand struck:strike taught:teach threw:throw wrote:write sought:seek withdrew:withdraw"""
    )
)


@cache
def stem(word: str) -> str:
    """Cut common English endings, so that 'vetoed', 'vetoes' and 'veto' compare equal (and 'met', 'meet')."""
    word = fold(word)
    word = _BASE_FORMS.get(word, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_words(text: str) -> frozenset[str]:
    """The stems of the words that carry meaning: no stopwords, no numbers."""
    return frozenset(
        stem(token.norm) for token in tokenize(text) if token.norm not in STOPWORDS and not token.norm.isdigit()
    )
