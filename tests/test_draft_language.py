"""The language table: the steps read a language's words from it, and `detect_language` picks one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from generator.draft.dates import find_dates
from generator.draft.gazetteer import make_gazetteer
from generator.draft.language import DatePattern, Language
from generator.draft.languages import ENGLISH, LANGUAGES, detect_language
from generator.draft.mentions import find_mentions
from generator.draft.quotes import find_quotes
from generator.draft.records import ActorKind, KnownActor, PartialDate, Tense
from generator.draft.words import make_body


def _speaker(language: Language, text: str) -> str | None:
    gazetteer = make_gazetteer([KnownActor("kim-ha-na", "Kim Ha-na", ActorKind.PERSON)], language)
    body = make_body([text], language)
    return next(q.by for q in find_quotes(body, find_mentions(body, "", gazetteer), language))


def _fortnight(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate:
    earlier = today - dt.timedelta(days=14)
    return PartialDate(earlier.year, earlier.month, earlier.day)


# A table that differs from English in one word of speech and one way of writing a date: the
# steps follow it, which is what a second language's table relies on.
QUOTH = dataclasses.replace(
    ENGLISH,
    code="en-x",
    speech_verbs=ENGLISH.speech_verbs | {"quoth"},
    speech_verb=re.compile(r"\b(?:quoth|said)\b", re.IGNORECASE),
    date_patterns=(DatePattern(re.compile(r"\ba\s+fortnight\s+since\b"), _fortnight),),
)


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        (ENGLISH, "“We will not sign,” Kim Ha-na said.", "kim-ha-na"),
        (ENGLISH, "“We will not sign,” quoth Kim Ha-na.", None),
        (QUOTH, "“We will not sign,” quoth Kim Ha-na.", "kim-ha-na"),
    ],
)
def test_the_quotes_step_reads_the_verbs_of_speech_from_the_table(
    language: Language, text: str, speaker: str | None
) -> None:
    assert _speaker(language, text) == speaker


@pytest.mark.parametrize(
    ("language", "text", "dates"),
    [
        (ENGLISH, "The talks began on Monday a fortnight since.", {"on Monday": "2024-04-15"}),
        (QUOTH, "The talks began on Monday a fortnight since.", {"a fortnight since": "2024-04-02"}),
    ],
)
def test_the_dates_step_reads_the_patterns_from_the_table(language: Language, text: str, dates: dict[str, str]) -> None:
    found = find_dates(make_body([text], language), PartialDate(2024, 4, 16), language)
    assert {d.as_written: d.date.iso() for d in found if d.date} == dates


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Japan and South Korea resumed talks on port fees.", "en"),
        ("", "en"),
        ("12 345 678", "en"),
    ],
)
def test_the_language_is_told_from_the_letters_of_the_text(text: str, code: str) -> None:
    assert detect_language(text).code == code


def test_every_language_is_listed_under_its_own_code() -> None:
    assert {code: language.code for code, language in LANGUAGES.items()} == {"en": "en", "ko": "ko"}
