"""Roles: the words next to a name that say who a person is ("Foreign Minister", ", spokesperson
for ..."), and the country a title belongs to ("South Korea's President")."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from .gazetteer import Gazetteer, adjacent, fits, name_end
from .language import Language
from .records import ActorKind, Body
from .words import Token, fold


@dataclass(frozen=True)
class Words:
    """The body's text and tokens, which tokens open a sentence, and the language they are in."""

    text: str
    tokens: tuple[Token, ...]
    starts: frozenset[int]
    language: Language

    def name_end(self, index: int) -> int:
        return name_end(self.tokens[index])

    @cached_property
    def offsets(self) -> list[int]:
        return [token.start for token in self.tokens]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return sorted(self.starts)

    def token_at(self, offset: int) -> int:
        """The index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.offsets, offset)


def sentence_starts(body: Body, tokens: Sequence[Token]) -> set[int]:
    """Indexes of the tokens that open a sentence (or a quotation inside one)."""
    starts: set[int] = set()
    sentence_index = -1
    for index, token in enumerate(tokens):
        current = body.sentence_at(token.start)
        if current != sentence_index:
            starts.add(index)
            sentence_index = current
        elif index and body.text[tokens[index - 1].end : token.start].strip() in (
            "“",
            '"',
            "‘",
            ": “",
            ': "',
            "—",
            "–",
        ):
            starts.add(index)
    return starts


def role_near(
    words: Words,
    name: tuple[int, int],
    gazetteer: Gazetteer,
    title_tokens: Sequence[int] = (),
) -> tuple[str | None, str | None]:
    """The role written next to a name, and a country it belongs to; '' for a person with no role said.

    'Foreign Minister Cho', "South Korea's President Yoon", 'spokesperson Nate Evans',
    'Nate Evans, spokesperson for ...', 'Jane Doe, 45,'. None: nothing says it is a person.
    """
    text, tokens, starts, language = words.text, words.tokens, words.starts, words.language
    start, end = name
    if not title_tokens:
        title_tokens = title_before(text, tokens, start, language)
    heads = [i for i in title_tokens if tokens[i].norm in language.role_heads]
    if heads:
        role_tokens = [i for i in title_tokens if tokens[i].norm not in language.adjectives | language.honorifics]
        role = text[tokens[role_tokens[0]].start : title_end(text, tokens[role_tokens[-1]], language)]
        return role, country_before(text, tokens, title_tokens[0], gazetteer)
    chain = _title_chain(words, start)
    if chain is not None:  # 'U.S. Ambassador to the U.N. Robert Wood', 'Director for Korean Affairs Seth Bailey'
        first, last = chain
        return text[tokens[first].start : tokens[last].end], country_before(text, tokens, first, gazetteer)
    before = start - 1
    gap = text[tokens[before].end : tokens[start].start] if before >= 0 else ""
    if (
        before >= 0
        and tokens[before].text[:1].islower()
        and tokens[before].norm in language.role_heads
        and gap in (" ", ", ")
    ):
        first = before
        while (
            first - 1 >= 0
            and before - first < 2
            and (tokens[first - 1].text[:1].islower() or tokens[first - 1].norm in language.adjectives)
            and tokens[first - 1].norm not in language.stopwords
            and text[tokens[first - 1].end : tokens[first].start] in (" ", "-")
        ):
            first -= 1  # 'rail secretary', 'chief executive', 'secretary-general', 'her Japanese counterpart'
        for size, last in ((2, first - 1), (1, first)):  # a country's adjective in two words: 'North Korean'
            if last - 1 >= 0 and fold(f"{tokens[last - 1].text} {tokens[last].text}") in language.adjectives:
                first -= size
                break
        is_appositive = gap == ", "
        if not is_appositive or (end < len(tokens) and text[tokens[end - 1].end : tokens[end].start].startswith(",")):
            return text[tokens[first].start : tokens[before].end], None
    if end < len(tokens) and end not in starts and text[tokens[end - 1].end : tokens[end].start].strip() == ",":
        last = end
        while (
            last + 1 < len(tokens)
            and last + 1 not in starts
            and text[tokens[last].end : tokens[last + 1].start].strip() in ("", "-")
        ):
            last += 1
        following = [t.norm for t in tokens[end : last + 1]]
        if tokens[end].text.isdigit() and len(following) == 1:
            return "", None  # an age: a person, no role said
        skip = 1 if following[0] in language.articles else 0
        if any(w in language.role_heads for w in following[skip:][:5]) and not any(
            w in language.speech_verbs for w in following
        ):
            return text[tokens[end + skip].start : tokens[last].end], None
    return None, None


def _title_chain(words: Words, start: int) -> tuple[int, int] | None:
    """A title whose role is 'to', 'of' or 'for' something, right before a name: the token range
    of 'Ambassador to the U.N.' before 'Robert Wood' (the title's own words, then what it is of)."""
    text, tokens, language = words.text, words.tokens, words.language
    index = start - 1
    tail = index
    while index >= 0 and start - index <= 6 and adjacent(text, tokens[index], tokens[index + 1], language):
        token = tokens[index]
        if token.norm in language.role_links and index < tail:
            head = index - 1
            if head >= 0 and tokens[head].norm in language.role_heads and tokens[head].is_capitalized:
                first = head
                while first - 1 >= 0 and (
                    tokens[first - 1].norm in language.role_heads | language.role_modifiers
                    and tokens[first - 1].is_capitalized
                    and adjacent(text, tokens[first - 1], tokens[first], language)
                ):
                    first -= 1
                return first, tail
            return None
        if not (token.is_capitalized or token.norm in language.articles or token.norm in language.connectors):
            return None
        index -= 1
    return None


def title_end(text: str, token: Token, language: Language) -> int:
    """Where a title ends: with its period when it is written short ('Sen.')."""
    return (
        token.end + 1
        if token.norm in language.abbreviated_titles and text[token.end : token.end + 1] == "."
        else token.end
    )


def title_before(text: str, tokens: Sequence[Token], start: int, language: Language) -> list[int]:
    """The capitalized title words right before a name, in order."""
    title: list[int] = []
    index = start - 1
    while index >= 0 and adjacent(text, tokens[index], tokens[index + 1], language) and tokens[index].is_capitalized:
        norm = tokens[index].norm
        if norm in language.role_heads or norm in language.role_modifiers or norm in language.honorifics:
            title.insert(0, index)
            index -= 1
        else:
            break
    return title


def country_before(text: str, tokens: Sequence[Token], index: int, gazetteer: Gazetteer) -> str | None:
    """The known country named right before a title or a name: "South Korea's", "Japanese"."""
    for size in (1, 2, 3):
        start = index - size
        if start < 0:
            break
        for entry in gazetteer.entries.get(tokens[start].norm, ()):
            if (
                len(entry.norms) == size
                and gazetteer.actors[entry.actor].kind is ActorKind.COUNTRY
                and fits(text, tokens, start, entry, gazetteer.language)
            ):
                return entry.actor
    return None
