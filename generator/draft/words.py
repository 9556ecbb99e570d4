"""Words: the body as sentences and tokens, shared by the steps that read it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .language import Language, fold, word_set
from .languages import ENGLISH
from .records import Body, Span

__all__ = ["Token", "content_words", "fold", "make_body", "split_sentences", "stem", "tokenize", "word_set"]
_LONGEST_WORD = 40  # letters and dots: longer, a word before a period is not an abbreviation


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


def make_body(paragraphs: Iterable[str], language: Language = ENGLISH) -> Body:
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
    sentences = tuple(sentence for span in spans for sentence in split_sentences(text, span, language))
    return Body(text, tuple(spans), sentences or (Span(0, 0),))


def split_sentences(text: str, span: Span, language: Language = ENGLISH) -> list[Span]:
    """Split one paragraph into sentences, keeping abbreviations (Mr., Oct., U.N.) inside them."""
    sentences: list[Span] = []
    start = span.start
    for match in language.sentence_boundary.finditer(text, span.start, span.end):
        # The word before the boundary, looked for in the few characters before it: searched from
        # the sentence's start, a run of abbreviations ("Mr. Mr. Mr. ...") made the split quadratic.
        before = language.word_before_boundary.search(text, max(start, match.start() - _LONGEST_WORD), match.end())
        word = before.group(1) if before else ""
        if _is_abbreviation(word, language):
            continue
        sentences.append(Span(start, match.start() + len(match.group().rstrip())))
        start = match.end()
    if start < span.end:
        sentences.append(Span(start, span.end))
    return [_trimmed(text, s) for s in sentences if text[s.start : s.end].strip()]


def _is_abbreviation(word: str, language: Language) -> bool:
    bare = word.strip(".")
    if "." in bare:  # U.S, U.N, a.m
        return True
    return (len(bare) == 1 and bare.isupper()) or bare.lower() in language.abbreviations


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def tokenize(text: str, start: int = 0, end: int | None = None, language: Language = ENGLISH) -> list[Token]:
    """Split text into word tokens with their offsets; hyphenated words give one token a part."""
    tokens = []
    for match in language.token.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        bare = language.token_suffix.sub("", word) if len(word) > 2 else word
        norm = fold(bare.replace(".", ""))
        tokens.append(Token(word, match.start(), match.end(), norm, bare != word))
    return tokens


@cache
def stem(word: str, language: Language = ENGLISH) -> str:
    """Cut common endings, so that 'vetoed', 'vetoes' and 'veto' compare equal (and 'met', 'meet')."""
    word = fold(word)
    word = language.base_forms.get(word, word)
    for suffix in language.suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_words(text: str, language: Language = ENGLISH) -> frozenset[str]:
    """The stems of the words that carry meaning, a synonym as its group's first word: no stopwords, no numbers."""
    if language.content_words is not None:
        return language.content_words(text)
    same = _synonyms(language)
    stems = (
        stem(token.norm, language)
        for token in tokenize(text, language=language)
        if token.norm not in language.stopwords and not token.norm.isdigit()
    )
    return frozenset(same.get(word, word) for word in stems)


@cache
def _synonyms(language: Language) -> dict[str, str]:
    """Each stem of a group of synonyms -> the stem of its group's first word."""
    return {stem(word, language): stem(sorted(group)[0], language) for group in language.synonyms for word in group}
