"""English: the words, patterns and name shapes the drafting steps read English by.

Places, country adjectives and news agencies are in `en_places`; everything else is here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..days import back, day_of, month_offset, of, within_one_month
from ..language import DatePattern, Language, Resolver, fold, word_set
from ..records import ActorKind, PartialDate, Tense
from .en_places import (
    ADJECTIVES,
    COUNTRIES,
    COUNTRY_ADJECTIVES,
    NEWS_AGENCIES,
    PLACES,
    STATE_MEDIA,
    WELL_KNOWN_BODIES,
    demonyms,
)

if TYPE_CHECKING:
    from ..words import Token

# ---------------------------------------------------------------------------------------------
# Words

ABBREVIATIONS = word_set(
    "mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp ltd co no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec adm maj cmdr rev hon fig ft mt messrs"
)
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
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s")
# Irregular past forms, so that 'met' compares equal to 'meet'.
BASE_FORMS = dict(
    pair.split(":")
    for pair in word_set(
        """met:meet held:hold took:take made:make gave:give went:go came:come saw:see began:begin left:leave
        won:win lost:lose fell:fall rose:rise sent:send spent:spend brought:bring bought:buy thought:think
        found:find knew:know became:become broke:break built:build chose:choose drew:draw drove:drive
        fought:fight flew:fly got:get grew:grow heard:hear kept:keep led:lead paid:pay ran:run sold:sell
        spoke:speak stood:stand struck:strike taught:teach threw:throw wrote:write sought:seek withdrew:withdraw"""
    )
)

# Nouns that make the words before or after a name a role: "Foreign Minister", "spokesperson for".
ROLE_HEADS = word_set(
    """president minister secretary ambassador envoy spokesperson spokesman spokeswoman chancellor king queen
    prince princess pope admiral general colonel lieutenant captain sergeant commander chief director chairman
    chairwoman chair governor senator congressman congresswoman representative mayor judge justice attorney
    prosecutor professor coach manager ceo cfo founder co-founder leader premier emir sheikh ayatollah cardinal
    bishop rabbi imam reverend detective inspector officer agent commissioner speaker marshal lawmaker legislator
    diplomat negotiator adviser advisor analyst economist researcher scientist strategist author novelist writer
    poet artist singer actor actress producer chef farmer teacher student doctor nurse lawyer journalist reporter
    editor photographer owner executive investor banker trader striker midfielder defender goalkeeper winger
    forward player referee driver rider champion activist official head deputy superintendent sheriff governor-general
    secretary-general vice-president mother father son daughter wife husband brother sister grandmother grandfather
    uncle aunt nephew niece cousin widow friend neighbour neighbor colleague boss partner counterpart successor
    predecessor rival sen rep gov gen lt col capt sgt adm maj cmdr supt insp det cllr councillor councilor
    councilman councilwoman alderman"""
)
ROLE_MODIFIERS = word_set(
    """foreign defense defence finance interior justice trade economy economic health education security state
    national special senior acting former first assistant associate executive supreme top vice deputy prime
    chief general attorney head lead principal permanent interim incoming outgoing then transport industry energy
    agriculture labor labour commerce culture environment housing tourism home affairs unification infrastructure
    science technology communications information treasury homeland veterans fisheries maritime land sports youth
    family welfare employment development planning digital finance budget immigration police army navy elect ex"""
)
HONORIFICS = word_set("mr mrs ms miss dr sir dame lord lady mx prof madam")
# Titles written short, with a period that does not end the sentence: 'Sen. Dana Whitfield'.
ABBREVIATED_TITLES = word_set("mr mrs ms dr prof sen rep gov gen lt col capt sgt adm maj cmdr supt insp det st cllr")
# The head noun of an organization's name.
ORGANIZATION_HEADS = word_set(
    """ministry agency council committee commission bank party corporation corp inc ltd llc plc group company co
    association union federation organization organisation institute university college court parliament assembly
    office department service fund forces army navy police foundation authority board bureau club fc league
    network alliance coalition front movement corps guard guards administration cabinet watch
    international bloc brigade brigades secretariat tribunal trust holdings partners airlines airways motors
    technologies systems laboratories labs pharmaceuticals industries enterprises command centre center
    institution society academy exchange consortium syndicate directorate inspectorate team panel mission"""
)
PLACE_HEADS = word_set(
    """street avenue road square river mountain mountains sea ocean island islands province county city district
    region airport station bridge port peninsula strait valley lake gulf bay park house hall palace tower building
    church cathedral mosque temple stadium arena hotel hospital prison camp base border coast desert plain
    games cup olympics war summit conference forum festival day week prize award act law treaty agreement accord
    plan program programme initiative operation project index report resolution declaration convention
    charter strategy doctrine protocol"""
)
SPEECH_VERBS = word_set(
    """said says say told tells added adds asked asks wrote writes stated states noted notes warned warns explained
    explains insisted insists argued argues declared declares announced announces replied replies responded
    responds continued recalled recalls complained tweeted posted shouted whispered murmured answered answers
    admitted acknowledged claimed claims concluded conceded cautioned stressed urged joked laughed sighed cried
    snapped muttered yelled demanded suggested observed remarked countered pleaded protested promised"""
)
LOCATIVES = word_set(
    "in at to from near outside inside into via toward towards across around visit visited visits visiting "
    "arrived arrive arrives reached leave left left"
)
CONNECTORS = word_set("of for the and de la le du des del da van von der den bin al el on")
PRONOUNS = word_set("he she his her him")
SENTENCE_STARTERS = word_set(
    """the a an this that these those in on at for from with by but and or if when while as after before since
    during meanwhile however still yet also then now his her their its our my your we they he she it i you some
    many most all both each every no not other another such what which who why how where there here last next
    earlier later even only just despite although though because under over amid among between according asked
    speaking meeting several one two three four five more less few much instead unlike like given once"""
)
MONTHS_AND_DAYS = word_set(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec"""
)
HE_WORDS = word_set(
    "he his mr son father husband brother king prince uncle nephew grandfather chairman spokesman congressman"
)
SHE_WORDS = word_set(
    "she her ms mrs miss daughter mother wife sister queen princess aunt niece grandmother widow chairwoman "
    "spokeswoman congresswoman actress"
)


def is_name_token(token: Token) -> bool:
    return token.is_capitalized and token.text[0].isalpha() and token.norm not in MONTHS_AND_DAYS


def is_common_word(norm: str) -> bool:
    """A word that opens a sentence by its form, not a name: 'Speaking', 'Separately', 'Asked'."""
    return norm.endswith(("ing", "ly")) or (norm.endswith("ed") and len(norm) > 4)


# ---------------------------------------------------------------------------------------------
# Dates: patterns, and resolvers (match, publication day, tense) -> a date, a reason it cannot
# be placed, or None (not a date after all)

# The clause that says what happened: 'and' and 'or' join its names ('Putin and Kim signed'), they do not end it.
EVENT_CLAUSE_BREAK = re.compile(
    r"[;:“”\"«»()]|,\s|\s(?:that|which|who|but|while|because|after|before|when|as|although|though|since|until|where|whereas)\s",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
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


_PRESENT = re.compile(r"\b(?:is|are|am)\b", re.IGNORECASE)


def tense_of(before: str, after: str) -> Tense | None:
    """Tell whether the words before and after a date in its clause look back, look ahead, or neither
    (None: no verb tells). A verb that looks ahead and one that looks back: the nearer one decides,
    so that 'said on Monday it expected a deal' is the last Monday and 'said it will meet on Monday'
    the next one; 'has' makes a look back a span that reaches the publication ('has ... for 15 years')."""
    markers: list[tuple[int, Tense]] = []  # (distance from the date, what the marker says)
    for side, text in ((0, before), (1, after)):
        futures = list(_FUTURE.finditer(text))
        markers += [(_distance(side, text, match), Tense.FUTURE) for match in futures]
        # What follows 'will' up to the date is its verb: 'will be held on Monday', 'will visit the worst-hit areas'.
        governed = futures[-1].end() if side == 0 and futures else len(text) + 1
        for match in re.finditer(r"[A-Za-z]+", text):
            word = match.group().lower()
            is_past = word in _IRREGULAR_PAST or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST)
            if is_past and match.start() < governed:
                markers.append((_distance(side, text, match), Tense.PAST))
    is_perfect = bool(_PERFECT.search(before) or _PERFECT.search(after))
    if markers:
        nearest = min(markers, key=lambda marker: marker[0])[1]
        return Tense.PERFECT if nearest is Tense.PAST and is_perfect else nearest
    if is_perfect:
        return Tense.PERFECT
    if _PRESENT.search(before) or _PRESENT.search(after):
        return Tense.PRESENT
    return None


def _distance(side: int, text: str, match: re.Match[str]) -> int:
    """How far a word is from the date: from its end to the date before it, from its start after it."""
    return 2 * (len(text) - match.end()) if side == 0 else 2 * match.start() + 1  # a tie goes to the word before


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


def _month(text: str) -> int:
    text = text.rstrip(".")
    return _MONTH_NAMES.get(text) or _MONTH_ABBREVIATIONS[text]


def _full(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    groups = match.groupdict()
    month = int(groups["month_number"]) if groups.get("month_number") else _month(groups["month"])
    date = day_of(int(groups["year"]), month, int(groups["day"]))
    if date is None:
        return None
    weekday = groups.get("weekday")
    if weekday and date.first_day().weekday() != _WEEKDAYS[weekday]:
        return f"the text says {weekday}, but {date.iso()} is a {date.first_day():%A}"
    return date


def _month_day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    month, day = _month(match.group("month")), int(match.group("day"))
    candidates = [d for year in (today.year - 1, today.year, today.year + 1) if (d := day_of(year, month, day))]
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
    if tense is Tense.FUTURE:
        return after[0] if after else None
    # No verb tells ('in an address on Feb. 7,'; 'the vote is on June 15'): the nearest one, as a reader takes it.
    return min(candidates, key=lambda d: (abs((d.first_day() - today).days), d.first_day() < today))


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
    back_days = (today.weekday() - weekday) % 7
    ahead = (weekday - today.weekday()) % 7
    if relative == "last":
        return of(today - dt.timedelta(days=back_days or 7))
    if relative == "next":
        return of(today + dt.timedelta(days=ahead or 7))
    if relative == "earlier" or (tense.looks_back and relative != "later"):
        return of(today - dt.timedelta(days=back_days))
    return of(today + dt.timedelta(days=ahead))


def _near_day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    word = match.group().lower()
    offset = -1 if "yesterday" in word else 1 if "tomorrow" in word else 0
    return of(today + dt.timedelta(days=offset))


def _relative_unit(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    relative, unit = match.group("relative").lower(), match.group("unit").lower()
    offset = {"last": -1, "this": 0, "next": 1}[relative]
    if unit == "year":
        return PartialDate(today.year + offset)
    if unit == "month":
        return month_offset(today, offset)
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
    if unit == "weekend":
        return within_one_month(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "weekend")
    early = match.group("early") or ""
    first_day, last_day = monday, monday + dt.timedelta(days=6)
    if offset == 0 and early.lower().startswith("earlier"):
        last_day = today
    elif offset == 0 and early.lower().startswith("later"):
        first_day = today
    return within_one_month(first_day, last_day, "week")


def _the_weekend(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    if tense is Tense.FUTURE:
        saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
    else:
        saturday = today - dt.timedelta(days=(today.weekday() - 5) % 7 or 7)
    return within_one_month(saturday, saturday + dt.timedelta(days=1), "weekend")


def _number(match: re.Match[str]) -> int | None:
    word = match.group("number").lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _ago(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    number = _number(match)
    if not number:
        return None
    return back(today, number, match.group("unit").lower().rstrip("s"))


def _duration(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    number = _number(match)
    if not number:
        return None
    if tense is Tense.FUTURE:
        return None  # how long something will last: no date
    if tense is not Tense.PERFECT:
        return "says how long it lasted, not when it began: write the date it began if the article gives it"
    return back(today, number, match.group("unit").lower().rstrip("s"))


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


def _unplaced(reason: str) -> Resolver:
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
    return day_of(year, _month(match.group("month")), int(match.group("day")))


def _date_patterns() -> Iterator[DatePattern]:
    def pattern(regex: str, resolve: Resolver) -> DatePattern:
        return DatePattern(re.compile(regex, re.IGNORECASE), resolve)

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


# ---------------------------------------------------------------------------------------------
# Quotes

_SPEECH_BEFORE = SPEECH_VERBS | word_set(
    """adding saying telling warning noting insisting arguing explaining calling describing likening likened
    called described termed dubbed branded labelled labeled reported reports quoted quotes read reads"""
)

# ---------------------------------------------------------------------------------------------
# Sources

_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_PLACE_WORD = r"[A-Z][A-Za-z.'’\-/]*"  # 'SEOUL', 'KYIV', 'LONDON/PARIS'
DATELINE = re.compile(
    r"^(?:(?P<place>(?!" + _MONTH_DAY + r")" + _PLACE_WORD + r"(?:\s+" + _PLACE_WORD + r"){0,3}"
    r"(?:,\s*(?!" + _MONTH_DAY + r")" + _PLACE_WORD + r"(?:\s+" + _PLACE_WORD + r"){0,2})?)"
    r"(?:\s+/(?P<region>[A-Z][A-Za-z .'’-]{1,40})/)?"  # TASS: 'VOSTOCHNY COSMODROME /Amur Region/'
    r"(?:(?:,|(?<=\.))\s*(?P<date>" + _MONTH_DAY + r")(?:,\s*(?P<year>\d{4}))?)?"  # Interfax: 'BEIJING. Dec 5'
    r"|(?P<date_only>" + _MONTH_DAY + r")(?:,\s*(?P<year_only>\d{4}))?)?"
    r"\.?\s*(?:\((?P<agency>[^()]{2,40})\)|/(?P<wire>[A-Za-z ]{2,30})/)?"
    r"\s*(?:(?P<dash>--|—|–|-|:|(?<=/)\.)|(?<=/))\s*(?=\S)"  # TASS: 'September 13. /TASS/. ', Xinhua: 'May 2. /Xinhua/ '
)  # fmt: skip


ENGLISH = Language(
    code="en",
    name="English",
    script=re.compile(r"[A-Za-z]"),
    abbreviations=ABBREVIATIONS,
    sentence_boundary=re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])"),
    word_before_boundary=re.compile(r"([A-Za-z.]+)[.!?][\"”’')\]]*\s+$"),
    # A dotted abbreviation (U.N., U.S.), or letters and digits with inner apostrophes.
    token=re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’´ʼ][^\W_]+)*"),  # ´ and ʼ: apostrophes typed as accents
    token_suffix=re.compile(r"['’´ʼ]s$", re.IGNORECASE),
    stopwords=STOPWORDS,
    suffixes=SUFFIXES,
    base_forms=BASE_FORMS,
    synonyms=tuple(
        word_set(group)
        for group in (
            "launch establish create found form inaugurate start set",
            "veto block",
            "sign conclude ink",
            "meet summit talks",
            "dissolve disband expire end scrap",
            "publish release issue",
            "send deploy dispatch",
            "vow pledge promise",
            "treaty pact agreement accord",
            "sanction blacklist",
            "attack strike",
        )
    ),
    is_name=is_name_token,
    role_heads=ROLE_HEADS,
    role_modifiers=ROLE_MODIFIERS,
    honorifics=HONORIFICS,
    abbreviated_titles=ABBREVIATED_TITLES,
    organization_heads=ORGANIZATION_HEADS,
    name_links=word_set("of for"),
    role_links=word_set("of for to at"),
    compass_words=word_set("north south east west"),
    token_plural=re.compile(r"s$"),
    place_heads=PLACE_HEADS,
    speech_verbs=SPEECH_VERBS,
    locatives=LOCATIVES,
    source_words=word_set("according"),
    connectors=CONNECTORS,
    and_words=word_set("and"),
    articles=word_set("a an the its his her their"),
    pronouns=PRONOUNS,
    subject_pronouns={"he": "he", "she": "she"},
    sentence_starters=SENTENCE_STARTERS,
    months_and_days=MONTHS_AND_DAYS,
    he_words=HE_WORDS,
    she_words=SHE_WORDS,
    is_common_word=is_common_word,
    country_adjectives=COUNTRY_ADJECTIVES,
    places=PLACES,
    adjectives=ADJECTIVES,
    news_agencies=NEWS_AGENCIES,
    state_media=STATE_MEDIA,
    demonyms=demonyms,
    well_known={
        fold(form): (name, ActorKind.ORGANIZATION, aliases)
        for name, aliases in WELL_KNOWN_BODIES.items()
        for form in (name, *aliases)
    }
    | {folded: (name, ActorKind.COUNTRY, ()) for folded, name in COUNTRIES.items()},
    date_patterns=tuple(_date_patterns()),
    read_full_date=read_full_date,
    read_month_day=read_month_day,
    clause_break=CLAUSE_BREAK,
    event_clause_break=EVENT_CLAUSE_BREAK,
    tense_of=tense_of,
    year_parts={"early": (1, 2, 3, 4), "mid": (5, 6, 7, 8), "late": (9, 10, 11, 12)},
    quote_openers={"“": "”", "«": "»", '"': '"', "„": "“"},
    speech_verb=re.compile(
        r"(?<![-‐])\b(?:" + "|".join(sorted(_SPEECH_BEFORE, key=len, reverse=True)) + r")\b", re.IGNORECASE
    ),
    according=re.compile(r"\baccording\s+to\s+", re.IGNORECASE),
    quote_boundary_words=re.compile(
        r"\b(?:with|while|as|but|after|that|which|when|where|because|before|since|if|although|though|then|and)\s+",
        re.IGNORECASE,
    ),
    speaker_end=re.compile(
        r"\s+(?:in|on|at|after|during|to|when|while|as|for|from|late|earlier|later)\b.*$", re.IGNORECASE | re.DOTALL
    ),
    preposition_start=re.compile(
        r"^(?:in|on|at|after|during|according|for|from|by|to|(?-i:who|which|whose))\b", re.IGNORECASE
    ),
    determiners=re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE),
    clause_words=re.compile(r"\b(?:that|which|is|was|were|are|and|but|if|when|because)\b", re.IGNORECASE),
    speaker_pronouns=word_set("he she"),
    subject_words=word_set("he she it they we i you"),
    thing_pronouns=word_set("it"),
    auxiliaries=re.compile(r"\s+(?:has|had|have|also|then|later|again)\s*$"),
    abbreviation=re.compile(
        r"\b(?:[A-Za-z]\.){2,}|\b(?:" + "|".join(sorted(ABBREVIATED_TITLES | ABBREVIATIONS)) + r")\.", re.IGNORECASE
    ),
    relative_start=re.compile(r"(?:what|which|who|whom)\b", re.IGNORECASE),
    conduit=re.compile(
        r"(?:the\s+|its\s+|a\s+)?(?:report|reports|state\s+media|(?:official\s+|state\s+)?(?:news\s+)?agency|media)$",
        re.IGNORECASE,
    ),
    scare_quote=re.compile(r"\b(?:so-called|so\s+called|dubbed|termed)\s*$", re.IGNORECASE),
    statement=re.compile(r"\bstatement\b", re.IGNORECASE),
    reported_speech=re.compile(
        r"\s+(?:(?:has|have|had)\s+)?(?:also\s+|repeatedly\s+|previously\s+)?"
        r"(?:said|says|stated|states|argued|argues|insisted|insists|maintained|maintains|claimed|claims|"
        r"stressed|stresses|warned|warns|noted|notes)\s+"
        r"(?:(?:in\s+(?:a|its|an)\s+(?:\w+\s+){0,2}statement|on\s+[A-Z]\w+|to\s+reporters),?\s+)*"
        r"(?:that\s+)?(?P<clause>[^,;].*)$",
        re.DOTALL,
    ),
    issuer_subject=re.compile(r"\W*(?:the|its|a)\s+(\w+)", re.IGNORECASE),
    dateline=DATELINE,
    labels=word_set("BREAKING UPDATE UPDATED EXCLUSIVE ANALYSIS OPINION FACTBOX EXPLAINER LIVE"),
    byline=re.compile(r"^By\s+(?P<names>[^\n]{3,120})$", re.IGNORECASE),
    author_name=re.compile(r"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3}$"),
    author_separator=re.compile(r"\s*(?:,|\band\b|&)\s*"),
    reporting=re.compile(r"^\(?\s*(?:Reporting|Writing)\s+by\s+(?P<names>[^;)]+)", re.IGNORECASE),
    furniture=re.compile(
        r"^(?:Advertisement|ADVERTISEMENT|Read more|READ MORE|Related|RELATED|Share|Share this|Sign up|Subscribe|Follow us|"
        r"Listen to this article|Click here|Trending|Most read|Recommended|Our Standards|Editing by|Additional reporting|"
        r"Copyright|©|All rights reserved|\d+\s+min(?:ute)?s?\s+read|Skip to (?:main )?content|Story continues|"
        r"Newsletter|Get the latest|Sign up here)\b",
        re.IGNORECASE,
    ),
    trailer=re.compile(r"(?:contributed (?:to )?(?:this )?report(?:ing)?|Editing by|Writing by)", re.IGNORECASE),
    date_line=re.compile(
        r"^(?:(?:Published|Updated|Posted|Last updated|First published|Written)\b[^\n]{0,80}|"
        r"(?:\w+,?\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}[^\n]{0,40}|\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}[^\n]{0,40}|\d{4}-\d{2}-\d{2}[^\n]{0,30})$"
    ),
    sign_off=re.compile(
        r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\)|(?:--|[—–])\s*(?P<after>[A-Z][\w.&-]{1,30}))\.?\s*$"
    ),
    caption=re.compile(r"\b(?:Photo|photo|File|FILE|pictured|Pictured)\b|\((?:AP|AFP|Reuters|EPA|Yonhap)\b"),
    event_clauses=re.compile(r",\s+|;\s+|\s+[—–]\s+|:\s+"),
    relative_clause=re.compile(r"\s+(?:that|which|who)\s+", re.IGNORECASE),
    leading_words=re.compile(
        r"^(?:and|but|while|as|amid|with|after|before|when|that|which|who|has|have|had)\s+", re.IGNORECASE
    ),
)
