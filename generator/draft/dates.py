"""Dates: every phrase of the body that dates something, resolved against the publication date.

"on Monday" is the Monday of the publication's week, or the next one when the verb looks
ahead ("will meet on Monday"); "in September" the last September, or the next one; "for 15
years" (with "has") about 15 years back, written `2009~`. Precision is never invented: a
month stays a month. A phrase that cannot be placed without guessing (a month with no
tense to tell which, "the next day", "the 1990s") comes back with ``date=None`` and the
reason, for the person to decide.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .records import Body, DatedPhrase, PartialDate, Tense
from .words import word_set

CLAUSE_REACH = 300  # characters either side of a date in which to look for its clause's verbs
_MONTH_NAMES = {name: number for number, name in enumerate(calendar.month_name) if name}
_MONTH_ABBREVIATIONS = {name: number for number, name in enumerate(calendar.month_abbr) if name} | {"Sept": 9}
_WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}

_M = r"(?-i:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?))"
_WD = r"(?-i:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:1[89]|20)\d\d)"
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "half a": 0,
}  # fmt: skip
_N = r"(?P<number>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_ABOUT = r"(?:(?:more\s+than|over|nearly|almost|about|around|some|roughly|at\s+least|the\s+(?:past|last))\s+)?"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
_NOT_A_YEAR_AFTER = r"(?!\s*(?:%|percent|per\s+cent|people|troops|soldiers|units|tons|tonnes|votes|km|kilometres|kilometers|miles|metres|meters|feet|dollars|euros|yuan|yen|won|points)\b)(?![,.]\d)"

# A clause ends at these: the tense of its verbs decides "in September" and "on Monday".
_CLAUSE_BREAK = re.compile(
    r"[;:“”\"«»()]|,\s|\s(?:that|which|who|but|while|because|after|before|when|as|and|or|although|though|since|until|where|whereas)\s",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|wo\s+not|shall|would|going\s+to|plans?\s+to|expects?\s+to|expected|set\s+to|scheduled|due\s+to|"
    r"(?:is|are)\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|upcoming|coming|next|later)\b|'ll\b|’ll\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(r"\b(?:has|have|'ve|’ve|hasn't|haven't)\b", re.IGNORECASE)
_IRREGULAR_PAST = word_set(
    """was were had did said met told took made gave went came saw began held left won lost fell rose sent spent
    brought bought thought found knew became broke built caught chose drew drove ate fought flew forgot froze got
    grew heard hid hit hurt kept led let meant paid ran rang rode sang sat shot shut slept sold spoke stood stole
    struck swore taught threw understood woke wore wrote sought withdrew overtook beat fled felt laid lent
    shook sank swam swung tore wept wound ago earlier"""
)
_NOT_PAST = word_set(
    "need speed seed feed bed red shed hundred united embed proceed exceed succeed indeed breed creed greed weed "
    "bleed sled wed expected scheduled planned"
)


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date, Tense], PartialDate | str | None]  # a date, a reason, or not a date


def find_dates(body: Body, published: PartialDate) -> tuple[DatedPhrase, ...]:
    """Find every dating phrase in the body; resolve each against ``published`` and its verb's tense."""
    day = published.first_day()
    found: list[tuple[int, int, _Pattern, re.Match[str]]] = []
    for pattern in _PATTERNS:
        for match in pattern.regex.finditer(body.text):
            found.append((match.start(), -(match.end() - match.start()), pattern, match))
    found.sort(key=lambda item: (item[0], item[1]))
    phrases: list[DatedPhrase] = []
    taken_until = -1
    for start, _, pattern, match in found:
        if start < taken_until:
            continue
        tense = verb_tense(body, match.start(), match.end())
        result = pattern.resolve(match, day, tense)
        if result is None:
            continue
        taken_until = match.end()
        written = " ".join(match.group().split())
        if isinstance(result, str):
            phrases.append(DatedPhrase(written, match.start(), match.end(), None, result))
        else:
            phrases.append(DatedPhrase(written, match.start(), match.end(), result))
    return tuple(phrases)


def read_full_date(text: str) -> PartialDate | None:
    """Read a full date written out ('April 15, 2024', '15 April 2024', 'Mon 15 Apr 2024', '2024-04-15')."""
    for regex in (_FULL_MDY, _FULL_DMY, _ISO):
        match = regex.search(text)
        if match:
            result = _full(match, dt.date.min, Tense.PAST)
            if isinstance(result, PartialDate):
                return result
    return None


def read_month_day(text: str, year: int) -> PartialDate | None:
    """Read 'Oct. 16' or '16 October' as a day of ``year``."""
    match = re.fullmatch(_M + r"\s+" + _D, text.strip()) or re.fullmatch(_D + r"\s+" + _M, text.strip())
    if not match:
        return None
    return _day(year, _month(match.group("month")), int(match.group("day")))


def verb_tense(body: Body, start: int, end: int) -> Tense:
    """Tell whether the clause around ``start:end`` looks back, looks ahead, or neither."""
    sentence = body.sentences[body.sentence_at(start)]
    window_start, window_end = max(sentence.start, start - CLAUSE_REACH), min(sentence.end, end + CLAUSE_REACH)
    left = window_start
    for match in _CLAUSE_BREAK.finditer(body.text, window_start, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(body.text, end, window_end)
    right = right_match.start() if right_match else window_end
    clause = body.text[left:start] + " " + body.text[end:right]
    if _FUTURE.search(clause):
        return Tense.FUTURE
    if _PERFECT.search(clause):
        return Tense.PERFECT
    for word in re.findall(r"[a-z]+", clause.lower()):
        if word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST):
            return Tense.PAST
    return Tense.PRESENT


# ---------------------------------------------------------------------------------------------
# Resolvers: (match, publication day, tense) -> a date, a reason it cannot be placed, or None


def _month(text: str) -> int:
    text = text.rstrip(".")
    return _MONTH_NAMES.get(text) or _MONTH_ABBREVIATIONS[text]


def _day(year: int, month: int, day: int) -> PartialDate | None:
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def _of(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def _full(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    groups = match.groupdict()
    month = int(groups["month_number"]) if groups.get("month_number") else _month(groups["month"])
    date = _day(int(groups["year"]), month, int(groups["day"]))
    if date is None:
        return None
    weekday = groups.get("weekday")
    if weekday and date.first_day().weekday() != _WEEKDAYS[weekday]:
        return f"the text says {weekday}, but {date.iso()} is a {date.first_day():%A}"
    return date


def _month_day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    month, day = _month(match.group("month")), int(match.group("day"))
    candidates = [d for year in (today.year - 1, today.year, today.year + 1) if (d := _day(year, month, day))]
    if not candidates:
        return None
    weekday = match.groupdict().get("weekday")
    if weekday:
        fitting = [d for d in candidates if d.first_day().weekday() == _WEEKDAYS[weekday]]
        if not fitting:
            return f"no {weekday} falls on that day near the publication date"
        return min(fitting, key=lambda d: abs((d.first_day() - today).days))
    before = [d for d in candidates if d.first_day() <= today]
    after = [d for d in candidates if d.first_day() >= today]
    if tense.looks_back:
        return before[-1] if before else None
    return after[0] if after else None  # 'will meet on June 15', and 'the vote is on June 15': ahead


def _month_year(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    return PartialDate(int(match.group("year")), _month(match.group("month")))


def _month_relative_year(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    offset = {"last": -1, "this": 0, "next": 1}[match.group("relative").lower()]
    return PartialDate(today.year + offset, _month(match.group("month")))


def _relative_month(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    month = _month(match.group("month"))
    relative = match.group("relative").lower()
    if relative == "this":
        return PartialDate(today.year, month)
    if relative in ("last", "past"):
        return PartialDate(today.year if month < today.month else today.year - 1, month)
    return PartialDate(today.year if month > today.month else today.year + 1, month)


def _month_alone(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    month = _month(match.group("month"))
    if match.group("month") == "May" and match.group("preposition").lower() in ("to", "and", "of", "between"):
        return None  # "to May" may be a person
    preposition = match.group("preposition").lower()
    if month == today.month:
        return PartialDate(today.year, month)
    if preposition == "since":
        tense = Tense.PAST
    elif preposition in ("until", "till", "by") and tense is Tense.PRESENT:
        tense = Tense.FUTURE
    if tense.looks_back:
        return PartialDate(today.year if month < today.month else today.year - 1, month)
    if tense is Tense.FUTURE:
        return PartialDate(today.year if month > today.month else today.year + 1, month)
    return "the verb does not tell whether it is the last one or the next one: write the year"


def _weekday(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    weekday = _WEEKDAYS[match.group("weekday")]
    relative = (match.group("relative") or "").lower()
    back = (today.weekday() - weekday) % 7
    ahead = (weekday - today.weekday()) % 7
    if relative == "last":
        return _of(today - dt.timedelta(days=back or 7))
    if relative == "next":
        return _of(today + dt.timedelta(days=ahead or 7))
    if relative == "earlier" or (tense.looks_back and relative != "later"):
        return _of(today - dt.timedelta(days=back))
    return _of(today + dt.timedelta(days=ahead))


def _near_day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    word = match.group().lower()
    offset = -1 if "yesterday" in word else 1 if "tomorrow" in word else 0
    return _of(today + dt.timedelta(days=offset))


def _relative_unit(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    relative, unit = match.group("relative").lower(), match.group("unit").lower()
    offset = {"last": -1, "this": 0, "next": 1}[relative]
    if unit == "year":
        return PartialDate(today.year + offset)
    if unit == "month":
        first = dt.date(today.year, today.month, 1)
        month_index = first.year * 12 + first.month - 1 + offset
        return PartialDate(month_index // 12, month_index % 12 + 1)
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
    if unit == "weekend":
        return _within_one_month(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "weekend")
    early = match.group("early") or ""
    first_day, last_day = monday, monday + dt.timedelta(days=6)
    if offset == 0 and early.lower().startswith("earlier"):
        last_day = today
    elif offset == 0 and early.lower().startswith("later"):
        first_day = today
    return _within_one_month(first_day, last_day, "week")


def _the_weekend(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    if tense is Tense.FUTURE:
        saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
    else:
        saturday = today - dt.timedelta(days=(today.weekday() - 5) % 7 or 7)
    return _within_one_month(saturday, saturday + dt.timedelta(days=1), "weekend")


def _within_one_month(first: dt.date, last: dt.date, what: str) -> PartialDate | str:
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return f"that {what} runs from {first.isoformat()} to {last.isoformat()}, over two months: write the day if the article gives it"


def _number(match: re.Match[str]) -> int | None:
    word = match.group("number").lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _ago(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    number = _number(match)
    if not number:
        return None
    return _back(today, number, match.group("unit").lower().rstrip("s"))


def _back(today: dt.date, number: int, unit: str) -> PartialDate:
    if unit == "day":
        return _of(today - dt.timedelta(days=number))
    if unit == "week":
        start = today - dt.timedelta(weeks=number)
        return PartialDate(start.year, start.month, start.day, is_approximate=True)
    if unit == "month":
        index = today.year * 12 + today.month - 1 - number
        return PartialDate(index // 12, index % 12 + 1, is_approximate=True)
    years = number * (10 if unit == "decade" else 1)
    return PartialDate(today.year - years, is_approximate=True)


def _duration(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    number = _number(match)
    if not number:
        return None
    if tense is Tense.FUTURE:
        return None  # how long something will last: no date
    if tense is not Tense.PERFECT:
        return "says how long it lasted, not when it began: write the date it began if the article gives it"
    return _back(today, number, match.group("unit").lower().rstrip("s"))


def _year(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    year = int(match.group("year"))
    if year > today.year + 50:
        return None
    return PartialDate(year)


def _season(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    season = match.group("season").lower()
    year = match.group("year")
    if season == "winter":
        return "a winter runs over two years: write the year or the month"
    if year:
        return PartialDate(int(year))
    offset = {"last": -1, "this": 0, "next": 1}[match.group("relative").lower()]
    return PartialDate(today.year + offset)


def _unplaced(reason: str) -> Callable[[re.Match[str], dt.date, Tense], str]:
    def resolve(match: re.Match[str], today: dt.date, tense: Tense) -> str:
        return reason

    return resolve


_M_FULL = (
    r"(?-i:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Sept\.))"
)
_FULL_MDY_TEXT = r"(?:" + _WD + r",?\s+)?" + _M + r"\s+" + _D + r",?\s+" + _Y + r"\b"
_FULL_DMY_TEXT = r"(?:" + _WD + r",?\s+)?(?:the\s+)?" + _D + r"\s+(?:of\s+)?" + _M + r",?\s+" + _Y + r"\b"
_ISO_TEXT = r"(?P<year>(?:1[89]|20)\d\d)-(?P<month_number>[01]\d)-(?P<day>[0-3]\d)\b"
_FULL_MDY, _FULL_DMY, _ISO = (re.compile(r"\b" + text) for text in (_FULL_MDY_TEXT, _FULL_DMY_TEXT, _ISO_TEXT))
_ON = r"\b(?:(?:on|from|until|by|since)\s+)?"
_RELATIVE = r"(?P<relative>last|this|next)"


def _patterns() -> Iterator[_Pattern]:
    def pattern(regex: str, resolve: Callable[[re.Match[str], dt.date, Tense], PartialDate | str | None]) -> _Pattern:
        return _Pattern(re.compile(regex, re.IGNORECASE), resolve)

    yield pattern(_ON + _FULL_MDY_TEXT, _full)
    yield pattern(_ON + _FULL_DMY_TEXT, _full)
    yield pattern(_ON + _ISO_TEXT, _full)
    yield pattern(_ON + r"(?:" + _WD + r",?\s+)?" + _M + r"\s+" + _D + r"\b(?!,?\s*\d)", _month_day)
    yield pattern(
        _ON + r"(?:" + _WD + r",?\s+)?(?:the\s+)?" + _D + r"\s+(?:of\s+)?" + _M + r"\b(?!,?\s*\d)", _month_day
    )
    yield pattern(
        r"\b(?:(?:in|since|from|until|by|during|through|before|after)\s+)?"
        r"(?:(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
        + _M + r",?\s+(?:of\s+)?" + _Y + r"\b",
        _month_year,
    )  # fmt: skip
    yield pattern(r"\b(?:in\s+)?" + _M_FULL + r"\s+" + _RELATIVE + r"\s+year\b", _month_relative_year)
    yield pattern(r"\b(?P<relative>last|this|next|past)\s+" + _M_FULL + r"\b", _relative_month)
    yield pattern(
        r"\b(?P<preposition>in|since|from|until|till|through|during|by|before|after|"
        r"early|late|mid|of|between|and|to|throughout)[\s-]+(?:(?:early|mid|late)[\s-]+)?"
        + _M_FULL + r"\b(?!\s+\d)",
        _month_alone,
    )  # fmt: skip
    yield pattern(
        r"(?<!\ba\s)(?<!\bevery\s)(?<!\beach\s)(?<!\bany\s)(?<!\bone\s)"
        r"\b(?:(?P<relative>last|next|this|on|early|late|earlier|later)\s+(?:on\s+)?)?"
        + _WD + r"(?:\s+(?:morning|afternoon|evening|night))?\b(?!,?\s+" + _M + r")",
        _weekday,
    )  # fmt: skip
    yield pattern(
        r"\b(?:yesterday|tomorrow|earlier\s+today|later\s+today|tonight|this\s+(?:morning|afternoon|evening))\b",
        _near_day,
    )
    yield pattern(
        r"(?<!the\s)(?<!that\s)\b(?P<early>(?:earlier|later|early|late)\s+)?"
        + _RELATIVE
        + r"\s+(?P<unit>week|weekend|month|year)\b",
        _relative_unit,
    )
    yield pattern(r"\b(?:over|during|at)\s+the\s+weekend\b", _the_weekend)
    yield pattern(r"\b" + _ABOUT + _N + r"\s+" + _UNIT + r"\s+ago\b", _ago)
    yield pattern(r"\bfor\s+" + _ABOUT + _N + r"\s+(?P<unit>years?|decades?|months?)\b(?!\s+old)", _duration)
    yield pattern(
        r"\b(?:in|since|by|from|until|till|through|during|before|after|around|between|"
        r"early|late|mid)[\s-]+(?:(?:early|mid|late)[\s-]+)?" + _Y + r"\b" + _NOT_A_YEAR_AFTER,
        _year,
    )  # fmt: skip
    yield pattern(
        r"(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s)|(?<=\bhis\s)|(?<=\bher\s))"
        + _Y
        + r"(?=\s+(?-i:[a-z]))"
        + _NOT_A_YEAR_AFTER,
        _year,
    )
    yield pattern(_RELATIVE + r"\s+(?P<season>spring|summer|autumn|fall|winter)\b(?P<year>)", _season)
    yield pattern(
        r"\b(?:in\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _Y + r"\b",
        _season,
    )
    yield pattern(
        r"\b(?:(?:in|on|by|since|until)\s+)?(?:(?:early|mid|late)[\s-]+)?" + _M + r"(?:\s+" + _D + r")?,?\s+(?:of\s+)?"
        r"(?:that|the\s+same|the\s+following|the\s+previous|the\s+next)\s+year\b",
        _unplaced("counts from another date in the story, not from the publication date"),
    )
    yield pattern(
        r"\b(?:in\s+)?the\s+(?:early\s+|mid-?|late\s+)?(?:1[89]|20)\d0s\b",
        _unplaced("a decade, not a date: write a year with '~' if the article says more"),
    )
    yield pattern(
        r"\b(?:the\s+(?:previous|following|next)\s+(?:day|week|month|year)|the\s+day\s+(?:before|after)|"
        r"(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:later|earlier))\b",
        _unplaced("counts from another date in the story, not from the publication date"),
    )
    yield pattern(
        r"\b(?:several|a\s+few|many)\s+(?:days|weeks|months|years|decades)\s+ago\b",
        _unplaced("says how long ago only roughly: write a date with '~' if you can place it"),
    )


_PATTERNS = tuple(_patterns())
