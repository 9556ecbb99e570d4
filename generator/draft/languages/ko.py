"""Korean: the words, date patterns, attribution forms and datelines the drafting steps read Korean by.

Names carry particles ('북한은'): `ko_names.stems` reads a word without them, and people are
proposed by the shape of a Korean name and the title after it (`ko_names.find_people`). Dates
count from the publication day with the same rules of tense as English: '15일' is the 15th of
this month, or of the last one when the verb looks back and the 15th is still to come. The
speaker of a quotation is the subject the sentence opens with ('김 장관은 “…”라고 말했다'), or
the one right after it ('“…”라고 그는 말했다'); a sentence with no subject goes on with the last
speaker ('아울러 “…”고 강조했다'). Datelines: '(서울=연합뉴스) 홍길동 기자 =', '【서울=뉴시스】',
'[서울=뉴스1]', '(평양 조선중앙통신)'; sign-offs: '/연합뉴스', '홍길동 기자 (x@yna.co.kr)',
'KBS 뉴스 홍길동입니다'.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..days import back, day_of, month_offset, of, within_one_month
from ..language import Dateline, DatePattern, Language, Resolver, word_set
from ..records import PartialDate, Tense
from .ko_names import HANGUL, bare, find_people, romanize, stems, surname_of

if TYPE_CHECKING:
    from ..records import Body, Span
    from ..words import Token

# ---------------------------------------------------------------------------------------------
# Words

STOPWORDS = word_set(
    """이 그 저 것 수 등 및 또 또한 이날 이번 지난 오는 올해 지난해 작년 내년 위해 대해 통해 따라 관련 대한 있다
    했다 밝혔다 말했다 전했다 했습니다 밝혔습니다 말했습니다 있는 하는 있다고 했다고 이라고 라고 그는 그녀는"""
)
SPEECH_VERBS = word_set(
    """말했다 밝혔다 강조했다 덧붙였다 전했다 주장했다 지적했다 비판했다 경고했다 설명했다 언급했다 촉구했다
    비난했다 위협했다 화답했다 답했다 말했습니다 밝혔습니다 강조했습니다 전했습니다 덧붙였습니다 말한다 밝힌다"""
)
NEWS_AGENCIES = word_set(
    """연합뉴스 연합뉴스tv 뉴시스 뉴스1 조선중앙통신 노동신문 로동신문 조선중앙tv 타스 타스통신 스푸트니크 신화통신
    교도통신 로이터 ap afp"""
)

# Publishers as the content's articles name them: 'Yonhap', not '연합뉴스'.
PUBLISHERS = {
    "연합뉴스": "Yonhap",
    "연합뉴스tv": "Yonhap News TV",
    "뉴시스": "Newsis",
    "뉴스1": "News1",
    "조선중앙통신": "KCNA",
    "노동신문": "Rodong Sinmun",
    "로동신문": "Rodong Sinmun",
    "외교부": "Ministry of Foreign Affairs (South Korea)",
    "통일부": "Ministry of Unification (South Korea)",
    "동아일보": "Dong-A Ilbo",
    "조선일보": "Chosun Ilbo",
    "중앙일보": "JoongAng Ilbo",
    "한겨레": "Hankyoreh",
    "경향신문": "Kyunghyang Shinmun",
    "한국일보": "Hankook Ilbo",
    "국민일보": "Kukmin Ilbo",
    "서울신문": "Seoul Shinmun",
    "세계일보": "Segye Ilbo",
    "문화일보": "Munhwa Ilbo",
    "한국경제": "Korea Economic Daily",
    "매일경제": "Maeil Business Newspaper",
    "파이낸셜뉴스": "Financial News",
    "채널a": "Channel A",
    "tv조선": "TV Chosun",
}
MAIL_DOMAINS = {
    "yna.co.kr": "Yonhap",
    "yonhapnews.co.kr": "Yonhap",
    "yonhapnewstv.co.kr": "Yonhap News TV",
    "newsis.com": "Newsis",
    "news1.kr": "News1",
    "kbs.co.kr": "KBS",
    "mbc.co.kr": "MBC",
    "imbc.com": "MBC",
    "sbs.co.kr": "SBS",
    "ytn.co.kr": "YTN",
    "mbn.co.kr": "MBN",
    "jtbc.co.kr": "JTBC",
    "donga.com": "Dong-A Ilbo",
    "chosun.com": "Chosun Ilbo",
    "joongang.co.kr": "JoongAng Ilbo",
    "hani.co.kr": "Hankyoreh",
    "khan.co.kr": "Kyunghyang Shinmun",
    "hankyung.com": "Korea Economic Daily",
    "mk.co.kr": "Maeil Business Newspaper",
    "fnnews.com": "Financial News",
    "seoul.co.kr": "Seoul Shinmun",
    "kmib.co.kr": "Kukmin Ilbo",
    "segye.com": "Segye Ilbo",
    "munhwa.com": "Munhwa Ilbo",
    "hankookilbo.com": "Hankook Ilbo",
    "ichannela.com": "Channel A",
}
PLACES = {
    "서울": "Seoul",
    "평양": "Pyongyang",
    "워싱턴": "Washington",
    "뉴욕": "New York",
    "도쿄": "Tokyo",
    "베이징": "Beijing",
    "모스크바": "Moscow",
    "키이우": "Kyiv",
    "제네바": "Geneva",
    "브뤼셀": "Brussels",
    "파리": "Paris",
    "런던": "London",
    "베를린": "Berlin",
    "블라디보스토크": "Vladivostok",
    "부산": "Busan",
    "인천": "Incheon",
    "세종": "Sejong",
    "판문점": "Panmunjom",
    "유엔본부": "UN headquarters",
}


def publisher_named(written: str) -> str:
    """The publisher as the content names it ('연합뉴스' -> 'Yonhap'); as written when not known."""
    key = re.sub(r"\s+", "", written).casefold()
    return PUBLISHERS.get(key, written.strip())


def is_name_token(token: Token) -> bool:
    """Hangul has no capitals: Korean names are found by their shape (ko_names); Latin words as in English."""
    return token.text[:1].isupper() and token.text[:1].isascii() and token.text[0].isalpha()


# ---------------------------------------------------------------------------------------------
# Dates


def tense_of(before: str, after: str) -> Tense | None:
    """The tense of the words around a date (None: no verb says it)."""
    return _past_or_future(f"{before} {after}")


def _past_or_future(clause: str) -> Tense | None:
    """Korean verbs end the clause: '했다' looks back, '할 것이다', '할 예정이다', '하겠다' look ahead."""
    if re.search(r"겠|예정|계획|방침|전망|앞두고", clause) or any(
        _has_final(match.group(), 8)
        for match in re.finditer(r"[가-힣](?=\s+것)", clause)  # a final ㄹ: '할 것'
    ):
        return Tense.FUTURE
    if any(_has_final(c, 20) and c != "있" for c in clause):  # a syllable ending in ㅆ: 했, 였, 됐, 었
        return Tense.PAST
    if re.search(r"[가-힣](?:다|니다|한다)\b", clause):
        return Tense.PRESENT
    return None


def _has_final(character: str, final: int) -> bool:
    code = ord(character) - 0xAC00
    return 0 <= code < 11172 and code % 28 == final


_LOCAL = r"(?:\s*\(\s*(?:현지\s*시간|한국\s*시간|미국\s*시간|현지시각)\s*\))?"
_MONTH = r"(?P<month>1[0-2]|0?[1-9])\s*월"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])\s*일(?!\s*(?:간|동안|만에|째|이내|분|치))"
_PARTICLE_OR_END = r"(?=$|[^가-힣]|[은는도의에부까])"  # '오늘은', '어제부터'; not '오늘날'
_NOT_DIGIT_BEFORE = r"(?<![\d.])"
_NO_DAY = r"(?!\s*\d{1,2}\s*일)"  # '10월' but not '10월 1일'; '10월 1만 명' is a month
_RELATIVE_YEARS = {"지난해": -1, "작년": -1, "전년": -1, "올해": 0, "금년": 0, "내년": 1, "이듬해": 1}
_WEEKDAYS = {name: number for number, name in enumerate("월화수목금토일")}


def _year_offset(word: str | None) -> int | None:
    return _RELATIVE_YEARS.get(re.sub(r"\s+", "", word)) if word else None


def _full(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    return day_of(int(match.group("year")), int(match.group("month")), int(match.group("day")))


def _year_month(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    return PartialDate(int(match.group("year")), int(match.group("month")))


def _nearest(candidates: list[PartialDate], today: dt.date, relative: str, tense: Tense) -> PartialDate | None:
    """Of the same day or month in the years or months around today, the one the words and the verb mean."""
    before = [d for d in candidates if d.first_day() <= today]
    after = [d for d in candidates if d.first_day() >= today]
    if relative == "지난" or (not relative and tense is not Tense.FUTURE):
        return before[-1] if before else None
    return after[0] if after else None


def _month_day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    month, day = int(match.group("month")), int(match.group("day"))
    relative = re.sub(r"\s+", "", match.group("relative") or "")
    offset = _year_offset(relative)
    if offset is not None or relative in ("같은해", "그해"):
        return day_of(today.year + (offset or 0), month, day)
    candidates = [d for year in (today.year - 1, today.year, today.year + 1) if (d := day_of(year, month, day))]
    return _nearest(candidates, today, relative, tense)


def _month(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    month = int(match.group("month"))
    relative = re.sub(r"\s+", "", match.group("relative") or "")
    offset = _year_offset(relative)
    if offset is not None or relative in ("같은해", "그해"):
        return PartialDate(today.year + (offset or 0), month)
    if relative == "지난":
        return PartialDate(today.year if month < today.month else today.year - 1, month)
    if relative in ("오는", "다음"):
        return PartialDate(today.year if month > today.month else today.year + 1, month)
    if tense.looks_back:
        return PartialDate(today.year if month <= today.month else today.year - 1, month)
    if tense is Tense.FUTURE:
        return PartialDate(today.year if month >= today.month else today.year + 1, month)
    return PartialDate(today.year, month)  # '6월' with no year and no tense: this year's, as Korean writes it


_MONTH_OFFSETS = {
    "지난달": -1,
    "전달": -1,
    "지난 달": -1,
    "이달": 0,
    "이번 달": 0,
    "이번달": 0,
    "다음 달": 1,
    "다음달": 1,
    "내달": 1,
}


def _day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    day = int(match.group("day"))
    relative = " ".join((match.group("relative") or "").split())
    if relative in _MONTH_OFFSETS:
        month = month_offset(today, _MONTH_OFFSETS[relative])
        assert month.month is not None
        return day_of(month.year, month.month, day)
    candidates = [
        d for offset in (-1, 0, 1) if (m := month_offset(today, offset)).month and (d := day_of(m.year, m.month, day))
    ]
    return _nearest(candidates, today, relative, tense)


def _dotted(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    month, day, weekday = int(match.group("month")), int(match.group("day")), _WEEKDAYS[match.group("weekday")]
    years = [int(match.group("year"))] if match.group("year") else [today.year - 1, today.year, today.year + 1]
    fitting = [d for year in years if (d := day_of(year, month, day)) and d.first_day().weekday() == weekday]
    if not fitting:
        return f"no {match.group('weekday')}요일 falls on {month}.{day}. near the publication date"
    return min(fitting, key=lambda d: abs((d.first_day() - today).days))


def _near_day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    offset = {"오늘": 0, "금일": 0, "어제": -1, "전날": -1, "그제": -2, "그저께": -2, "내일": 1, "모레": 2}
    date = today + dt.timedelta(days=offset[match.group("word")])
    written = match.group("day")
    if written and int(written) != date.day:
        return f"the text says the {written}th, but that is {date.isoformat()}"
    return of(date)


def _anchored_day(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    offset = {"이날": 0, "당일": 0, "같은날": 0, "이튿날": 1, "다음날": 1, "전날": -1}
    return of(today + dt.timedelta(days=offset[re.sub(r"\s+", "", match.group("word"))]))


def _relative_unit(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    word = re.sub(r"\s+", "", match.group("word"))
    if word in _RELATIVE_YEARS:
        return PartialDate(today.year + _RELATIVE_YEARS[word])
    offsets = {"지난달": -1, "전달": -1, "이달": 0, "이번달": 0, "다음달": 1, "내달": 1}
    if word in offsets:
        return month_offset(today, offsets[word])
    weeks = {"지난주": -1, "이번주": 0, "다음주": 1}[word]
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=weeks)
    return within_one_month(monday, monday + dt.timedelta(days=6), "week")


def _weekday(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    weekday = _WEEKDAYS[match.group("weekday")]
    relative = re.sub(r"\s+", "", match.group("relative") or "")
    back_days, ahead = (today.weekday() - weekday) % 7, (weekday - today.weekday()) % 7
    if relative in ("지난", "지난주"):
        return of(today - dt.timedelta(days=back_days or 7))
    if relative in ("다음", "다음주", "오는"):
        return of(today + dt.timedelta(days=ahead or 7))
    if tense is Tense.FUTURE:
        return of(today + dt.timedelta(days=ahead))
    return of(today - dt.timedelta(days=back_days))


def _year(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    year = int(match.group("year"))
    return PartialDate(year) if year <= today.year + 50 else None


def _ago(match: re.Match[str], today: dt.date, tense: Tense) -> PartialDate | str | None:
    unit = {"일": "day", "주": "week", "주일": "week", "개월": "month", "달": "month", "년": "year"}[
        match.group("unit")
    ]
    return back(today, int(match.group("number")), unit)


def _unplaced(reason: str) -> Resolver:
    def resolve(match: re.Match[str], today: dt.date, tense: Tense) -> str:
        return reason

    return resolve


_FULL_TEXT = r"(?P<year>(?:19|20)\d\d)\s*년\s*" + _MONTH + r"\s*" + _DAY
_FULL = re.compile(_NOT_DIGIT_BEFORE + _FULL_TEXT)
_ISO = re.compile(r"(?P<year>(?:19|20)\d\d)[.\-/]\s?(?P<month>1[0-2]|0?[1-9])[.\-/]\s?(?P<day>3[01]|[12]\d|0?[1-9])\b")


def read_full_date(text: str) -> PartialDate | None:
    """Read '2025년 5월 29일', '2025.05.29' or '2025-05-29' in a date line."""
    for regex in (_FULL, _ISO):
        match = regex.search(text)
        if match:
            return day_of(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return None


def read_month_day(text: str, year: int) -> PartialDate | None:
    match = re.fullmatch(_MONTH + r"\s*" + _DAY, text.strip())
    return day_of(year, int(match.group("month")), int(match.group("day"))) if match else None


def _date_patterns() -> Iterator[DatePattern]:
    def pattern(regex: str, resolve: Resolver, anchor: str = "") -> DatePattern:
        return DatePattern(re.compile(regex), resolve, anchor)

    same_year = r"(?P<relative>같은\s*해|그해)\s*"
    years = r"(?:(?P<relative>지난해|작년|전년|올해|금년|내년|지난|오는|다음|이번)\s*)?"
    yield pattern(_NOT_DIGIT_BEFORE + _FULL_TEXT + _LOCAL, _full)
    yield pattern(  # a ministry's '2025.5.29.(목)' and '5.29.(목)': the weekday says which year
        r"(?<![\d.])(?:(?P<year>(?:19|20)\d\d)\.\s?)?(?P<month>1[0-2]|0?[1-9])\.\s?(?P<day>3[01]|[12]\d|0?[1-9])\.?"
        r"\s*\((?P<weekday>[월화수목금토일])\)",
        _dotted,
    )
    yield pattern(_NOT_DIGIT_BEFORE + r"(?P<year>(?:19|20)\d\d)\s*년\s*" + _MONTH + _NO_DAY, _year_month)
    yield pattern(same_year + _NOT_DIGIT_BEFORE + _MONTH + r"\s*" + _DAY + _LOCAL, _month_day, "date")
    yield pattern(same_year + _NOT_DIGIT_BEFORE + _MONTH + _NO_DAY, _month, "date")
    yield pattern(r"(?P<relative>이듬해)\s*" + _NOT_DIGIT_BEFORE + _MONTH + _NO_DAY, _month, "date")
    yield pattern(years + _NOT_DIGIT_BEFORE + _MONTH + r"\s*" + _DAY + _LOCAL, _month_day)
    yield pattern(years + _NOT_DIGIT_BEFORE + _MONTH + _NO_DAY, _month)
    yield pattern(
        r"(?:(?P<relative>지난\s*달|전달|이달|이번\s*달|다음\s*달|내달|지난|오는|다음)\s*)?"
        + _NOT_DIGIT_BEFORE + r"(?<!월\s)(?<!월)" + _DAY + _LOCAL,
        _day,
    )  # fmt: skip
    yield pattern(
        r"(?P<word>오늘|금일|어제|그저께|그제|내일|모레)(?:\s*\(\s*(?P<day>3[01]|[12]\d|0?[1-9])\s*일?\s*\))?"
        + _PARTICLE_OR_END,
        _near_day,
    )
    yield pattern(r"(?P<word>이날|당일|같은\s*날|이튿날|다음\s*날|전날)" + _PARTICLE_OR_END, _anchored_day, "day")
    yield pattern(
        r"(?P<word>지난해|작년|올해|금년|내년|지난\s*달|전달|이달|이번\s*달|다음\s*달|내달|지난\s*주|이번\s*주|다음\s*주)"
        + _PARTICLE_OR_END,
        _relative_unit,
    )
    yield pattern(
        r"(?:(?P<relative>지난\s*주|다음\s*주|이번\s*주|지난|오는|다음)\s*)?(?P<weekday>[월화수목금토일])요일", _weekday
    )
    yield pattern(r"(?P<number>\d{1,3})\s*(?P<unit>일|주일|주|개월|달|년)\s*전(?![가-힣])", _ago)
    yield pattern(
        _NOT_DIGIT_BEFORE + r"(?P<year>(?:19|20)\d\d)\s*년(?!\s*(?:대|간|동안|생|째|만에|\d))",
        _year,
    )
    yield pattern(
        r"(?:19|20)\d0\s*년대", _unplaced("a decade, not a date: write a year with '~' if the article says more")
    )


# ---------------------------------------------------------------------------------------------
# Quotes: the subject that opens the sentence, or the one right after the quotation

# After a quotation that is someone's words: '라고', '고', '며', '이라며', '라는' ...
_QUOTATIVE = re.compile(r"(?:(?:이)?(?:라고|라며|라면서|라는|란|고|며|면서)|(?:했|됐|였|이었|었|았)?다고)(?![가-힣])")
_SUBJECT_PARTICLES = ("께서는", "께서", "은", "는", "이", "가", "도")  # '대사도 … 말했다': also
_TOPIC_PARTICLES = ("께서는", "은", "는")
_MEDIA = ("통신", "신문", "매체", "방송", "뉴스", "일보", "언론")
# Words that end like a subject and are a verb's form or an adverb: '하는', '같은', '두고는'.
_VERB_FORMS = re.compile(
    r"(?:하는|되는|있는|없는|않는|오는|가는|주는|보는|받는|내는|같은|많은|높은|작은|좋은|받은|맺은|라는|다는)$"
)
_VERB_INSIDE = re.compile(r"다고|다며|라며|라고|니다|[했였됐었았]")  # '위협했다고도': a verb, not a noun
_NOT_SUBJECTS = word_set(
    "이번에는 두고는 대해서는 관련해서는 앞서는 이는 이날은 그러나 또는 특히 한편 이어 이같이 이와"
)
# Endings of a verb that joins clauses ('따르면', '만나', '두고'): the words before a subject stop there.
_CONNECTIVE = re.compile(r"(?:면|며|고|서|게|지|해|려|도록|는데)$")
_MODIFIER = re.compile(r"(?:한|된|던|는|난|낸|온|진|힌|킨|린|운|인|은)$")
_PHRASE_WORDS = 4
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’][A-Za-z]+)*|[가-힣]+|[一-鿿]+|[^\W_]+")


def _subject_end(word: str) -> int | None:
    """Where the noun ends in a word marked as a subject ('외무상은' -> 3), or None."""
    if word in _NOT_SUBJECTS or _VERB_FORMS.search(word) or _VERB_INSIDE.search(word[:-1]):
        return None
    for particle in _SUBJECT_PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            return len(word) - len(particle)
    return None


def _subjects(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """The subjects marked in text[start:end], quotations left out: (start, end of the noun phrase, is topic)."""
    found: list[tuple[int, int, bool]] = []
    words = [m for m in _TOKEN.finditer(text, start, end)]
    for index, match in enumerate(words):
        word = match.group()
        noun_end: int | None = None
        if word in ("은", "는", "이", "가") and index and words[index - 1].end() == match.start():
            noun_end = match.start()  # 'MSMT은': a Latin name and its particle
        elif HANGUL.match(word):
            cut = _subject_end(word)
            noun_end = match.start() + cut if cut is not None else None
        if noun_end is None or _is_quoted(text, start, match.start()):
            continue
        following = words[index + 1].group() if index + 1 < len(words) else ""
        if following and _MODIFIER.search(following) and len(following) >= 3 and bare(following) == following:
            continue  # '모니터링팀이 발표한 보고서': the subject of a clause inside the sentence
        if surname_of(word) and following and _subject_end(following) is not None:
            continue  # '김정은 위원장은': a name that ends as a particle does, before its title
        first = index - 1 if word in ("은", "는", "이", "가") else index
        while (
            first > 0
            and index - first < _PHRASE_WORDS
            and text[words[first - 1].end() : words[first].start()] == " "
            and _is_part_of_name(words[first - 1].group())
            and not words[first - 1].group().isdigit()
            and (
                len(words[first - 1].group()) < 3
                or surname_of(words[first - 1].group())
                or not _MODIFIER.search(words[first - 1].group())
            )
            and not _CONNECTIVE.search(words[first - 1].group())
        ):
            first -= 1
        topic = word in ("은", "는") or word.endswith(_TOPIC_PARTICLES)
        found.append((words[first].start(), noun_end, topic))
    return found


def _is_part_of_name(word: str) -> bool:
    """A word that may go before a title in a speaker's phrase: no particle, or a name that ends as
    one does ('우크라이나', '세르게이', '김정은')."""
    return bare(word) == word or word.endswith(("이", "이나")) or surname_of(word) is not None


def _is_quoted(text: str, start: int, at: int) -> bool:
    return text.count("“", start, at) > text.count("”", start, at) or text.count('"', start, at) % 2 == 1


def _pick(subjects: list[tuple[int, int, bool]], text: str) -> tuple[int, int] | None:
    """The sentence's subject: its first topic ('X는'), past a news agency that reports it; else its first subject."""
    topics = [s for s in subjects if s[2]]
    ordered = topics + [s for s in subjects if not s[2]]
    if not ordered:
        return None
    chosen = ordered[0]
    if text[chosen[0] : chosen[1]].endswith(_MEDIA):  # '조선중앙통신은 ... 실장이 “…”': the agency reports it
        later = [s for s in subjects if s[0] > chosen[0]]
        chosen = later[0] if later else chosen
    return chosen[0], chosen[1]


# A broadcast's caption before what someone says: '[블라디미르 푸틴/러시아 대통령/지난 4일 : "…"]',
# '[이성권 / 국회 정보위원회 간사] "…"'.
CAPTION = re.compile(r"\[\s*(?P<name>[가-힣A-Za-z][^/\]:\"“]{1,20}?)\s*/(?P<role>[^\]\"“]*?)\s*(?:\]|:)\s*$")


def find_speaker(body: Body, span: Span) -> tuple[int, int] | None:
    """The speaker of a quotation: after it ('“…”라고 그는 말했다'), or the sentence's subject before it."""
    text = body.text
    caption = CAPTION.search(text, max(0, span.start - 80), span.start)
    if caption is not None:
        return caption.start("name"), caption.end("name")
    after = text[span.end : span.end + 200] if span.end <= len(text) else ""
    quotative = _QUOTATIVE.match(after)
    if quotative is None:
        return None  # a term in quotation marks ('“불법”을'), not someone's words
    sentence = body.sentences[body.sentence_at(span.start)]
    rest_start = span.end + quotative.end()
    rest_end = min(sentence.end, rest_start + 60) if sentence.end > rest_start else rest_start
    right_after = _subjects(text, rest_start, rest_end)
    if right_after and not text[rest_start : right_after[0][0]].strip():  # '“…”라고 그는 말했다'
        return right_after[0][0], right_after[0][1]
    return _pick(_subjects(text, sentence.start, span.start), text)


def continues_speaker(before: str) -> bool:
    """A quotation whose sentence names no subject before it goes on with the last speaker's words."""
    return not _subjects(before, 0, len(before))


# ---------------------------------------------------------------------------------------------
# Sources

_AGENCY_WORDS = r"(?:통신|뉴스|신문|방송|일보|TV|tv)"
_DATELINE = re.compile(
    r"^\s*[(\[【〔]\s*(?P<place>[가-힣A-Za-z·. ]{1,20}?)\s*(?:=\s*(?P<agency>[^)\]】〕=]{1,24}?)|\s+(?P<wire>[가-힣A-Za-z0-9]{1,20}"
    + _AGENCY_WORDS
    + r"))\s*[)\]】〕]\s*(?:(?P<authors>[가-힣]{2,4}(?:(?:\s*[·,]\s*|\s+)[가-힣]{2,4}){0,3})\s*(?:기자|특파원|통신원)\s*)?"
    r"(?:\(?[\w.+-]+@[\w.-]+\)?\s*)?=?\s*"
)


def read_dateline(block: str) -> Dateline | None:
    """'(서울=연합뉴스) 홍길동 기자 = ...': Seoul, Yonhap, 홍길동, and the paragraph's rest."""
    match = _DATELINE.match(block)
    if not match:
        return None
    rest = block[match.end() :].strip()
    agency = match.group("agency") or match.group("wire")
    if not rest or not agency:
        return None
    place = match.group("place").strip()
    authors = tuple(re.split(r"\s*[·,]\s*|\s+", match.group("authors"))) if match.group("authors") else ()
    return Dateline(PLACES.get(place, place), publisher_named(agency), None, None, rest, authors)


_SIGNOFFS = (
    re.compile(r"^/\s*(?P<publisher>[가-힣A-Za-z0-9 ]{2,20})$"),  # '/연합뉴스'
    re.compile(r"^[\w.+-]+@(?P<domain>[\w.-]+)$"),  # 'jimin@yna.co.kr'
    re.compile(r"^(?P<publisher>" + "|".join(sorted(map(re.escape, PUBLISHERS), key=len, reverse=True)) + r")$", re.I),
    re.compile(r"^(?P<publisher>KBS|MBC|SBS|YTN|MBN|JTBC)\s+(?P<names>[가-힣]{2,4})\s*\(?[\w.+-]+@[\w.-]+\)?$"),
    re.compile(
        r"^\[?\s*(?P<names>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)\s*"
        r"(?:[(\[]?\s*(?P<mail>[\w.+-]+@(?P<domain>[\w.-]+))\s*[)\]]?)?\s*\]?$"
    ),  # '홍길동 기자 (hong@yna.co.kr)', '[장덕진 기자 jdj@mbn.co.kr]'
    re.compile(
        r"^(?P<publisher>KBS|MBC|SBS|YTN|MBN|JTBC|채널A|TV조선|연합뉴스TV)\s*뉴스\s*(?P<names>[가-힣]{2,4})입니다\.?$"
    ),
    re.compile(r"^(?P<names>[가-힣]{2,4})\s*기자(?:입니다|가\s*보도합니다)\.?$"),
    re.compile(
        r"^[\[(]?\s*(?:저작권자|Copyright)\s*(?:\(c\)|ⓒ|©|Ⓒ)?\s*(?:ⓒ|©|Ⓒ)?\s*(?:by\s+)?(?P<publisher>[가-힣A-Za-z0-9]+)[^\n]*$",
        re.IGNORECASE,
    ),
)


_SIGNED = re.compile(r"[가-힣]{2,4}\s*(?:기자|특파원)\s*[(\[]?\s*[\w.+-]+@[\w.-]+|저작권자|Copyright|ⓒ|©|Ⓒ")


_BROADCASTERS = "KBS|MBC|SBS|YTN|MBN|JTBC|채널A|TV조선|연합뉴스TV"
# Sign-offs inside a paragraph of a broadcast script (its lines often come joined): cut out.
_INLINE_SIGNOFFS = (
    re.compile(
        r"\s*(?P<publisher>" + _BROADCASTERS + r")\s*뉴스\s*(?P<names>[가-힣]{2,4})입니다\.?.*$"
    ),  # credits follow
    re.compile(r"\s*(?P<names>[가-힣]{2,4})\s*(?:기자|특파원)(?:가\s*보도합니다|입니다)\.?"),
    re.compile(r"^\s*\[(?:앵커|리포트|기자|앵커\s*멘트)\]\s*"),
)


def read_signoff(block: str) -> tuple[tuple[str, ...], str | None, str] | None:
    """The authors and the publisher a sign-off gives, and what is left of its paragraph; None: none.

    '/연합뉴스', '홍길동 기자 (x@yna.co.kr)' and copyright lines are whole paragraphs; a broadcast's
    '홍길동 기자입니다', 'KBS 뉴스 홍길동입니다' and '[앵커]' are cut out of theirs."""
    whole = _whole_signoff(block)
    if whole is not None:
        return (*whole, "")
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    rest = block
    for regex in _INLINE_SIGNOFFS:
        match = regex.search(rest)
        if match is None:
            continue
        found = match.groupdict()
        authors = authors or ((found["names"],) if found.get("names") else ())
        publisher = publisher or (publisher_named(found["publisher"]) if found.get("publisher") else None)
        rest = f"{rest[: match.start()]} {rest[match.end() :]}".strip()
    return (authors, publisher, rest) if rest != block else None


def _whole_signoff(block: str) -> tuple[tuple[str, ...], str | None] | None:
    """A paragraph that only signs the story off; lines pasted without a blank line between them
    come as one, so a short one that holds an address or a copyright is read from there
    ('최지원 기자 (x@yna.co.kr) #북러 ... (끝)')."""
    signed = _SIGNED.search(block) if len(block) < 300 else None
    if signed is not None:
        block = block[signed.start() :].split(" #")[0].split(" (끝)")[0]
        block = re.sub(r"(?<=[)\]])\s.*$", "", block) if "@" in block else block
    for regex in _SIGNOFFS:
        match = regex.match(block.strip())
        if match is None:
            continue
        found = match.groupdict()
        names = tuple(re.split(r"\s*[·,]\s*", found["names"])) if found.get("names") else ()
        domain = (found.get("domain") or "").lower().removeprefix("www.")
        publisher = publisher_named(found["publisher"]) if found.get("publisher") else MAIL_DOMAINS.get(domain)
        return names, publisher
    return None


# ---------------------------------------------------------------------------------------------
# Events: Korean words compared with the content's English ones, through a glossary

GLOSSARY = {
    "제재": "sanctions", "거부권": "veto", "패널": "panel", "전문가": "experts", "임기": "mandate",
    "연장": "renewal", "종료": "end", "해체": "disbanded", "해산": "disbanded", "결의": "resolution",
    "보고서": "report", "출범": "launched", "발족": "launched", "조약": "treaty", "서명": "signed",
    "체결": "signed", "비준": "ratified", "효력": "force", "발효": "force", "정상회담": "summit",
    "회담": "talks", "파병": "troops", "병력": "troops", "군대": "troops", "미사일": "missile",
    "발사": "launch", "탄도": "ballistic", "무기": "arms", "포탄": "shells", "탄약": "ammunition",
    "모니터링": "monitoring", "감시": "monitoring", "사이버": "cyber", "해킹": "hacking",
    "가상자산": "crypto", "암호화폐": "cryptocurrency", "탈취": "theft", "동반자": "partnership",
    "전략적": "strategic", "포괄적": "comprehensive", "인정": "confirms", "확인": "confirms",
    "쿠르스크": "kursk", "탈환": "retaken", "해방": "retaken", "우주기지": "cosmodrome",
    "보스토치니": "vostochny", "성명": "statement", "판치르": "pantsir", "방공": "defense",
    "노동자": "workers", "정제유": "petroleum", "이전": "transfers", "기권": "abstains",
    "표결": "vote", "부결": "vetoes", "첫": "first", "도착": "arrives", "방문": "visit", "마무리": "end",
}  # fmt: skip


def content_words(text: str) -> frozenset[str]:
    """The words of a text that carry meaning, as English's: Hangul through the glossary, Latin as English."""
    from ..words import content_words as english_words
    from .en import ENGLISH

    latin, glossed = [], []
    for match in _TOKEN.finditer(text):
        word = match.group().casefold()
        if not HANGUL.match(word):
            latin.append(word)
            continue
        forms = (word, *stems(word))
        glossed += [english for korean, english in GLOSSARY.items() if any(korean in form for form in forms)]
    return english_words(" ".join(latin + glossed), ENGLISH)


_NEVER = re.compile(r"(?!x)x")
_CLAUSE_BREAK = re.compile(r"[;“”\"]")
HE_OR_SHE = word_set("그 그녀 이들")  # '그는 “…”라고 말했다', '이들은 “…”': the last person named

KOREAN = Language(
    code="ko",
    name="Korean",
    script=re.compile(r"[가-힣]"),
    abbreviations=frozenset(),
    sentence_boundary=re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[가-힣A-Za-z0-9])"),
    word_before_boundary=re.compile(r"([A-Za-z.]+)[.!?][\"”’')\]]*\s+$"),
    token=_TOKEN,
    token_suffix=_NEVER,  # particles are read by `stems`, the word itself first
    stopwords=STOPWORDS,
    suffixes=(),
    base_forms={},
    synonyms=(),
    is_name=is_name_token,
    role_heads=frozenset(),
    role_modifiers=frozenset(),
    honorifics=frozenset(),
    abbreviated_titles=frozenset(),
    organization_heads=frozenset(),
    name_links=frozenset(),
    place_heads=frozenset(),
    speech_verbs=SPEECH_VERBS,
    role_links=frozenset(),
    compass_words=frozenset(),
    token_plural=_NEVER,
    locatives=frozenset(),
    source_words=frozenset(),
    connectors=frozenset(),
    and_words=frozenset(),
    articles=frozenset(),
    pronouns=HE_OR_SHE,
    subject_pronouns={},
    sentence_starters=frozenset(),
    months_and_days=frozenset(),
    he_words=frozenset(),
    she_words=frozenset(),
    is_common_word=lambda norm: False,
    country_adjectives={},
    places=frozenset(PLACES),
    adjectives=frozenset(),
    news_agencies=NEWS_AGENCIES,
    state_media={"조선중앙통신": "North Korea", "노동신문": "North Korea", "로동신문": "North Korea"},
    well_known={},
    demonyms=lambda name: (),
    date_patterns=tuple(_date_patterns()),
    read_full_date=read_full_date,
    read_month_day=read_month_day,
    clause_break=_CLAUSE_BREAK,
    event_clause_break=_CLAUSE_BREAK,  # the verb ends the sentence: the clause of a date is its sentence
    tense_of=tense_of,
    year_parts={},  # Korean puts the part after the year ('지난해 말'): not read yet
    quote_openers={"“": "”", '"': '"', "「": "」", "″": "″"},  # MBC writes ″…″
    speech_verb=re.compile("|".join(sorted(SPEECH_VERBS, key=len, reverse=True))),
    according=_NEVER,
    quote_boundary_words=_NEVER,
    speaker_end=_NEVER,
    preposition_start=_NEVER,
    determiners=_NEVER,
    clause_words=_NEVER,
    speaker_pronouns=HE_OR_SHE,
    subject_words=HE_OR_SHE,
    thing_pronouns=frozenset(),
    auxiliaries=_NEVER,
    abbreviation=_NEVER,
    relative_start=_NEVER,
    conduit=_NEVER,
    scare_quote=_NEVER,
    statement=re.compile(r"성명|담화|보도문|발표문"),
    reported_speech=_NEVER,  # statements are not drafted from Korean yet
    issuer_subject=_NEVER,
    dateline=_NEVER,  # read by `read_dateline`
    labels=frozenset(),
    byline=re.compile(r"^(?P<names>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원)$"),
    author_name=re.compile(r"^[가-힣]{2,4}$"),
    author_separator=re.compile(r"\s*[·,]\s*"),
    reporting=_NEVER,
    furniture=re.compile(
        r"^(?:\(끝\)|#\S+|[^\n]{0,40}기사문의 및 제보|[^\n]*무단\s*전재[^\n]*|[^\n]*재배포\s*금지[^\n]*|"
        r"\[(?:앵커|기자|리포트|앵커 멘트|앵커멘트|인터뷰|녹취|자막뉴스|영상|뉴스리뷰)\]$|▶|☞|관련\s*기사|많이 본 뉴스|▲|"
        r"구독하기|기자 프로필|좋아요|공유하기|\[email\s*protected\]$|※|\[(?:카카오톡|전화|메일)\]|"
        r"\(?(?:취재|구성|영상취재|영상편집|촬영기자|그래픽|제작)\s*:|"
        r"[^\n]{0,200}(?:19|20)\d\d\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*(?:\[?[\w.+-]+@[\w.-]+\]?|\[email\s*protected\])?$)"
    ),  # the last: a photo's caption, which ends with its date and the photographer's address
    trailer=_NEVER,
    sign_off=_NEVER,  # read by `read_signoff`
    caption=_NEVER,
    date_line=re.compile(
        r"^(?:(?:입력|수정|승인|등록|기사입력|최종수정|송고시간)\s*:?\s*)?(?:19|20)\d\d\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?[^\n]{0,40}$"
    ),
    event_clauses=re.compile(r",\s+|;\s+|\s+[—–]\s+|:\s+"),
    relative_clause=_NEVER,
    leading_words=_NEVER,
    stems=stems,
    find_new_actors=find_people,
    find_speaker=find_speaker,
    continues_speaker=continues_speaker,
    quotes_run_across_paragraphs=True,
    single_quotes=False,
    read_dateline=read_dateline,
    read_signoff=read_signoff,
    drops_subjects=True,
    content_words=content_words,
    romanize=romanize,
)
