"""A language the drafter reads: every word, pattern and name shape the steps use, in one table.

The steps (source, words, mentions, dates, quotes, events) hold the rules that do not depend
on a language (spans, offsets, calendars, the content model); what a language writes them in
is a field of a `Language`. English is `languages.en.ENGLISH`; adding a language is adding a
table there (and its tests), not editing the steps. The fields say what each step asks of
a language, so a language whose names carry particles ("서울은"), that has no capital
letters, or that names the speaker before the quotation ("X는 “…”라고 말했다") fills
them with its own words and patterns:

- ``token_suffix``: what is cut off a word before it is compared, and makes it a possessive
  (English "'s"; a language with particles lists them);
- ``is_name``: whether a token may be part of a name (English: a capital letter);
- ``date_patterns``: a regex and a resolver callback for each way of writing a date;
- ``speech_verb``, ``according``: the attribution words around a quotation.

A few steps work differently in a language unlike English; the hooks at the end of the table
(``stems``, ``find_new_actors``, ``find_speaker``, ``read_dateline``, ...) default to English's
way, and Korean (`languages.ko`) fills them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from .records import ActorKind, PartialDate, Tense

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .records import Body, Mention, ProposedActor, Span
    from .words import Token

Resolver = Callable[[re.Match[str], dt.date, Tense], PartialDate | str | None]  # a date, a reason, or not a date


def word_set(words: str) -> frozenset[str]:
    """Make a set of words from a text of words separated by white space."""
    return frozenset(words.split())


@cache
def fold(word: str) -> str:
    """Compare words as a reader would: NFKC, case folded, curly apostrophes made straight."""
    return unicodedata.normalize("NFKC", word).casefold().replace("’", "'").replace("´", "'").replace("ʼ", "'")


@dataclass(frozen=True)
class DatePattern:
    """One way of writing a date, and how to read it against the publication day and the verb's tense."""

    regex: re.Pattern[str]
    resolve: Resolver
    # What it counts from: '' the publication day; 'date' the last date the text gave (Korean '같은 해
    # 10월': that date's year); 'day' the last day it gave (Korean '이날': that same day).
    anchor: str = ""


class Dateline(NamedTuple):
    """What a dateline gives: place, agency, month and day, year, the paragraph's rest, authors."""

    place: str | None
    agency: str | None
    date: str | None
    year: str | None
    rest: str
    authors: tuple[str, ...] = ()


def _no_stems(norm: str) -> tuple[str, ...]:
    return ()


def _opens_sentence(before: str) -> bool:
    """English: a quotation that opens its sentence goes on with the last speaker's words."""
    return not before.strip(" “\"'")


NewActorFinder = Callable[
    ["str", "Sequence[Token]", "set[int]", "Gazetteer"], "tuple[list[ProposedActor], list[Mention]]"
]
SpeakerFinder = Callable[["Body", "Span"], "tuple[int, int] | None"]


@dataclass(frozen=True, eq=False)  # compared and hashed as itself: one table a language
class Language:
    """Everything the drafting steps know of one language."""

    code: str  # 'en'
    name: str  # 'English'
    script: re.Pattern[str]  # the letters its texts are written in: `detect_language` counts them

    # Words: sentences, tokens, stems.
    abbreviations: frozenset[str]  # after which a period does not end a sentence
    sentence_boundary: re.Pattern[str]  # where a sentence may end (then checked against abbreviations)
    word_before_boundary: re.Pattern[str]  # the word right before such a place
    token: re.Pattern[str]  # one word
    token_suffix: re.Pattern[str]  # a possessive or a particle, cut off before words are compared
    stopwords: frozenset[str]
    suffixes: tuple[str, ...]  # endings cut to compare words: 'vetoed', 'vetoes', 'veto'
    base_forms: Mapping[str, str]  # irregular forms: 'met' -> 'meet'
    synonyms: tuple[frozenset[str], ...]  # words that say the same happening: 'launched', 'set up', 'established'
    is_name: Callable[[Token], bool]  # whether a word may be part of a name

    # Names: people, titles, organizations, places.
    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    honorifics: frozenset[str]
    abbreviated_titles: frozenset[str]  # titles written short with a period: 'Sen.'
    organization_heads: frozenset[str]
    name_links: frozenset[str]  # words between an organization's head and its country: 'Bank of Japan'
    role_links: frozenset[str]  # between a title and what it is of: 'Ambassador to the U.N.'
    compass_words: frozenset[str]  # 'North', 'South': with a demonym, still people of a country
    token_plural: re.Pattern[str]  # a plural ending: 'Russians' -> 'russian'
    place_heads: frozenset[str]
    speech_verbs: frozenset[str]
    locatives: frozenset[str]  # words before a city used as a place, not its country: 'in Seoul'
    source_words: frozenset[str]  # before such words a city is a source, not a place: 'according to Moscow'
    connectors: frozenset[str]  # words inside a name: 'Bank of Korea'
    and_words: frozenset[str]  # between two names: 'Yoon and Cho'
    articles: frozenset[str]  # before a role after a name: ', the spokesperson for'
    pronouns: frozenset[str]  # that stand for a person
    subject_pronouns: Mapping[str, str]  # a pronoun that opens a sentence -> 'he' or 'she'
    sentence_starters: frozenset[str]
    months_and_days: frozenset[str]
    he_words: frozenset[str]
    she_words: frozenset[str]
    is_common_word: Callable[[str], bool]  # an ordinary word by its form: 'Having', 'Reportedly'
    country_adjectives: Mapping[str, tuple[str, ...]]  # country -> its adjectives
    places: frozenset[str]  # folded: never proposed as actors
    adjectives: frozenset[str]  # folded country adjectives
    news_agencies: frozenset[str]  # folded: a source of the story, not an actor in it
    state_media: Mapping[str, str]  # folded agency -> the country whose state speaks through it: 'KCNA'
    demonyms: Callable[[str], tuple[str, ...]]  # 'South Korea' -> ('South Korean',)
    well_known: Mapping[str, tuple[str, ActorKind, tuple[str, ...]]]  # folded name or short form -> the
    # country or international body it names, proposed when the content does not have it: name, kind, aliases

    # Dates.
    date_patterns: tuple[DatePattern, ...]
    read_full_date: Callable[[str], PartialDate | None]  # 'April 15, 2024' in a date line
    read_month_day: Callable[[str, int], PartialDate | None]  # 'Oct. 16' in a dateline, and its year
    clause_break: re.Pattern[str]  # where a clause ends, for the tense of its verbs
    event_clause_break: re.Pattern[str]  # where the clause that says what happened on a date ends
    tense_of: Callable[[str, str], Tense | None]  # the tense of the words before and after a date (None: no verb)
    year_parts: Mapping[str, tuple[int, ...]]  # 'late' (last year) -> its months

    # Quotes.
    quote_openers: Mapping[str, str]  # opening mark -> its closing mark
    speech_verb: re.Pattern[str]  # a verb of speech, before or after a quotation
    according: re.Pattern[str]  # 'according to'
    quote_boundary_words: re.Pattern[str]  # words that open a clause before a speaker
    speaker_end: re.Pattern[str]  # what follows a speaker's name and is not part of it
    preposition_start: re.Pattern[str]  # a part of a phrase that is an aside, not a speaker
    determiners: re.Pattern[str]
    clause_words: re.Pattern[str]  # words a speaker's name does not hold
    speaker_pronouns: frozenset[str]  # 'he', 'she': the last person named
    subject_words: frozenset[str]  # pronouns that may be a speaker
    thing_pronouns: frozenset[str]  # 'it': the organization or country last named
    auxiliaries: re.Pattern[str]  # between a speaker and the verb: 'X has said'
    abbreviation: re.Pattern[str]  # a word whose period does not end a phrase: 'U.S.', 'Sen.'
    relative_start: re.Pattern[str]  # 'what he called': a phrase that names what follows, not a speaker
    conduit: re.Pattern[str]  # who only passes words on: 'the report said', 'state media reported'
    scare_quote: re.Pattern[str]  # words before a quotation that make it the writer's: 'so-called'
    statement: re.Pattern[str]  # 'statement': the words of whoever issued it
    reported_speech: re.Pattern[str]  # after an actor: ' has said that <clause>' (group 'clause')
    issuer_subject: re.Pattern[str]  # 'The department issued a statement': its head word

    # Sources: datelines, bylines, page furniture.
    dateline: re.Pattern[str]
    labels: frozenset[str]  # 'BREAKING': a label, not a dateline's place
    byline: re.Pattern[str]
    author_name: re.Pattern[str]
    author_separator: re.Pattern[str]
    reporting: re.Pattern[str]
    furniture: re.Pattern[str]
    trailer: re.Pattern[str]
    date_line: re.Pattern[str]
    sign_off: re.Pattern[str]  # the publisher named at the end: '(Kyodo)', '--Reuters' (group 'agency' or 'after')
    caption: re.Pattern[str]  # words that make a block under a photo credit its caption

    # Events.
    event_clauses: re.Pattern[str]
    relative_clause: re.Pattern[str]
    leading_words: re.Pattern[str]

    # Hooks: how a language unlike English reads names, quotes and sources (None or the default:
    # English's way, in the steps themselves).
    stems: Callable[[str], tuple[str, ...]] = _no_stems  # other forms a word is read as: '북한은' -> '북한'
    find_new_actors: NewActorFinder | None = None  # (text, tokens, known tokens, gazetteer) -> people
    find_speaker: SpeakerFinder | None = None  # (body, quotation) -> the span of its speaker
    continues_speaker: Callable[[str], bool] = _opens_sentence  # the words before a quote that goes on
    quotes_run_across_paragraphs: bool = False  # a quote with no speaker goes on from the last paragraph's
    single_quotes: bool = True  # whether ‘…’ marks a quotation (Korean marks names and terms with it)
    read_dateline: Callable[[str], Dateline | None] | None = None  # a paragraph -> its dateline
    # A paragraph -> the authors and publisher a sign-off in it gives, and the paragraph without it.
    read_signoff: Callable[[str], tuple[tuple[str, ...], str | None, str] | None] | None = None
    content_words: Callable[[str], frozenset[str]] | None = None  # words to compare with the content's events
    romanize: Callable[[str], str] | None = None  # a name or headline in Latin letters, for ids
    drops_subjects: bool = False  # a sentence leaves out who did it: an event's actors include the last sentence's
