"""Korean: the steps read names with their particles, Korean dates, quotes, datelines and names of people."""

from __future__ import annotations

import pytest

from generator.draft.dates import find_dates
from generator.draft.events import draft_events
from generator.draft.gazetteer import make_gazetteer
from generator.draft.languages import KOREAN, detect_language
from generator.draft.languages.ko import read_dateline, read_signoff
from generator.draft.languages.ko_names import romanize_name, stems
from generator.draft.mentions import Cast, find_mentions
from generator.draft.quotes import find_quotes
from generator.draft.records import ActorKind, Body, KnownActor, PartialDate
from generator.draft.source import read_text
from generator.draft.words import make_body

ACTORS = [
    KnownActor("north-korea", "North Korea", ActorKind.COUNTRY, ("북한", "조선")),
    KnownActor("russia", "Russia", ActorKind.COUNTRY, ("러시아",)),
    KnownActor("united-states", "United States", ActorKind.COUNTRY, ("미국",)),
    KnownActor("south-korea", "South Korea", ActorKind.COUNTRY, ("한국",)),
    KnownActor("japan", "Japan", ActorKind.COUNTRY, ("일본",)),
    KnownActor("unsc", "United Nations Security Council", ActorKind.ORGANIZATION, ("유엔 안전보장이사회", "안보리")),
    KnownActor("msmt", "Multilateral Sanctions Monitoring Team", ActorKind.ORGANIZATION, ("MSMT",)),
    KnownActor("kim-jong-un", "Kim Jong Un", ActorKind.PERSON, ("김정은",)),
]
GAZETTEER = make_gazetteer(ACTORS, KOREAN)


def _cast(text: str) -> tuple[Body, Cast]:
    body = make_body([text], KOREAN)
    return body, find_mentions(body, "", GAZETTEER)


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("북한은", ("북한",)),
        ("러시아와", ("러시아",)),
        ("안보리에서는", ("안보리",)),
        ("북한군의", ("북한군", "북한")),
        ("러시아인들은", ("러시아인들", "러시아인", "러시아")),
        ("미국", ()),
        ("MSMT", ()),
    ],
)
def test_a_word_is_also_read_without_its_particles(word: str, forms: tuple[str, ...]) -> None:
    assert stems(word) == forms


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("북한의 미사일 발사에 러시아와 미국이 다른 반응을 보였다.", ["north-korea", "russia", "united-states"]),
        ("유엔 안전보장이사회에서는 일본이 먼저 발언했다.", ["unsc", "japan"]),
        ("MSMT은 보고서를 냈다.", ["msmt"]),
        ("김정은 위원장은 조선의 입장을 밝혔다.", ["kim-jong-un", "north-korea"]),  # '김정은' is not '김정' + '은'
        ("북러 협력과 한·미·일 공조가 논의됐다.", ["north-korea", "russia", "south-korea", "united-states", "japan"]),
        ("미 국무부는 성명을 냈다.", ["united-states"]),
        ("북한산 석탄이 거래됐다.", ["north-korea"]),
        ("한반도 정세가 긴장됐다.", []),
    ],
)
def test_known_actors_are_found_with_the_particles_they_carry(text: str, actors: list[str]) -> None:
    assert list(_cast(text)[1].actors) == actors


@pytest.mark.parametrize(
    ("text", "id", "name", "alias", "role"),
    [
        ("최선희 북한 외무상이 모스크바를 찾았다.", "choi-seon-hui", "최선희", "Choi Seon-hui", "북한 외무상"),
        ("황준국 주유엔대사는 회의에서 발언했다.", "hwang-jun-guk", "황준국", "Hwang Jun-guk", "주유엔대사"),
        ("남궁민 교수는 이렇게 설명했다.", "namgung-min", "남궁민", "Namgung Min", "교수"),
        ("박민수 외교부 1차관은 회의를 열었다.", "park-min-su", "박민수", "Park Min-su", "외교부 1차관"),
        ("세르게이 라브로프 러시아 외무장관은 답했다.", "sergei-lavrov", "세르게이 라브로프", "Sergei Lavrov", "러시아 외무장관"),
        ("아르노 뒤퐁 프랑스 대사는 답했다.", "areuno-dwipong", "아르노 뒤퐁", "Areuno Dwipong", "프랑스 대사"),
        ("자하로바 러시아 외무부 대변인은 말했다.", "maria-zakharova", "자하로바", "Maria Zakharova", "러시아 외무부 대변인"),
        ("[이성권/국회 정보위원회 간사 : “보고를 받았다”]", "lee-seong-gwon", "이성권", "Lee Seong-gwon", "국회 정보위원회 간사"),
    ],
)  # fmt: skip
def test_a_new_person_is_proposed_in_hangul_with_a_romanized_id_and_alias(
    text: str, id: str, name: str, alias: str, role: str
) -> None:
    [person] = _cast(text)[1].proposed
    assert (person.id, person.name, person.aliases, person.role) == (id, name, (alias,), role)
    assert person.note is not None and f"'{name}'" in person.note


@pytest.mark.parametrize(
    "text",
    [
        "박지민 기자가 전했다.",  # a reporter, not an actor
        "정부는 대책을 발표했다.",
        "이번 조치는 이상 없다고 밝혔다.",
        "그러면서 어제 김정은 국무위원장이 연설했다.",  # the title is the known person's
        "회담에 앞서 뒤퐁 장관과 만났다.",  # not a name of two words
        "정부 대변인은 말했다.",
    ],
)
def test_nobody_is_proposed_without_a_name_and_a_title(text: str) -> None:
    assert _cast(text)[1].proposed == ()


@pytest.mark.parametrize(
    ("name", "romanized"),
    [("홍길동", "Hong Gil-dong"), ("김정은", "Kim Jeong-eun"), ("이수진", "Lee Su-jin"), ("박", "Bak")],
)
def test_names_are_romanized_syllable_by_syllable_with_customary_surnames(name: str, romanized: str) -> None:
    assert romanize_name(name) == romanized


@pytest.mark.parametrize(
    ("text", "published", "dates"),
    [
        ("북한은 15일 미사일을 쐈다.", "2025-05-16", {"15일": "2025-05-15"}),
        ("북한은 20일 미사일을 쐈다.", "2025-05-16", {"20일": "2025-04-20"}),  # still to come this month: last month's
        ("회담은 20일 열릴 예정이다.", "2025-05-16", {"20일": "2025-05-20"}),
        ("안보리는 지난해 3월 28일 표결했다.", "2025-05-16", {"지난해 3월 28일": "2024-03-28"}),
        ("안보리는 28일(현지시간) 표결했다.", "2024-03-29", {"28일(현지시간)": "2024-03-28"}),
        ("패널은 지난해 4월 해체됐고 같은 해 10월 새 팀이 출범했다.", "2025-06-01",
         {"지난해 4월": "2024-04", "같은 해 10월": "2024-10"}),
        ("정상들은 지난 1월 9일 만났다.", "2025-05-16", {"지난 1월 9일": "2025-01-09"}),
        ("보고서는 오는 6월 나온다.", "2025-05-16", {"오는 6월": "2025-06"}),
        ("보고서는 올해 2월 나왔다.", "2025-05-16", {"올해 2월": "2025-02"}),
        ("팀은 작년에 출범했다.", "2025-05-16", {"작년": "2024"}),
        ("회의는 내년에 열린다.", "2025-05-16", {"내년": "2026"}),
        ("보고서는 지난달 나왔다.", "2025-05-16", {"지난달": "2025-04"}),
        ("보고서는 다음 달 나온다.", "2025-05-16", {"다음 달": "2025-06"}),
        ("보고서는 지난달 29일 나왔다.", "2025-06-01", {"지난달 29일": "2025-05-29"}),
        ("통신은 어제(4일) 비준서가 교환됐다고 밝혔다.", "2024-12-05", {"어제(4일)": "2024-12-04"}),
        ("외교부는 오늘 성명을 냈다.", "2025-06-01", {"오늘": "2025-06-01"}),
        ("차관은 오늘(16) 성명을 냈다.", "2024-10-16", {"오늘(16)": "2024-10-16"}),
        ("MSMT는 5.29.(목) 첫 보고서를 발간하였다.", "2025-05-30", {"5.29.(목)": "2025-05-29"}),
        ("MSMT는 2024.10.16.(수) 출범하였다.", "2025-05-30", {"2024.10.16.(수)": "2024-10-16"}),
        ("군은 월요일 훈련을 했다.", "2025-03-15", {"월요일": "2025-03-10"}),
        ("회담은 다음 주 화요일 열린다.", "2025-03-15", {"다음 주 화요일": "2025-03-18"}),
        ("조약은 2024년 6월 19일 체결됐다.", "2025-01-01", {"2024년 6월 19일": "2024-06-19"}),
        ("패널은 2009년 설치됐다.", "2024-03-29", {"2009년": "2009"}),
        ("대표단은 15일 도착했고 이날 회담을 열었다.", "2025-05-16", {"15일": "2025-05-15", "이날": "2025-05-15"}),
        ("대화는 3일간 이어졌고 11개국이 참여했다.", "2025-05-16", {}),
    ],
)  # fmt: skip
def test_korean_dates_are_resolved_against_the_publication_day(
    text: str, published: str, dates: dict[str, str]
) -> None:
    found = find_dates(make_body([text], KOREAN), PartialDate.parse(published), KOREAN)
    assert {d.as_written: d.date.iso() for d in found if d.date} == dates


def test_a_decade_is_left_for_the_person() -> None:
    [found] = find_dates(make_body(["2000년대 초 협상이 있었다."], KOREAN), PartialDate(2025, 5, 16), KOREAN)
    assert (found.date, found.problem) == (None, "a decade, not a date: write a year with '~' if the article says more")


def test_that_day_is_the_event_of_the_day_it_points_back_to() -> None:
    body, cast = _cast("북한은 15일 미사일을 쐈다. 일본은 이날 항의했다.")
    dates = find_dates(body, PartialDate(2025, 5, 16), KOREAN)
    [event] = draft_events(body, dates, cast, KOREAN)
    assert (event.as_written, event.date.iso(), event.actors) == ("15일", "2025-05-15", ("north-korea", "japan"))


@pytest.mark.parametrize(
    ("paragraphs", "speakers"),
    [
        (["최선희 북한 외무상은 “러시아를 지지한다”고 말했다."], ["choi-seon-hui"]),
        (["러시아를 방문한 최선희 북한 외무상은 이날 “조약을 지킨다”며 “협력은 계속된다”라고 밝혔다."],
         ["choi-seon-hui", "choi-seon-hui"]),
        (["최선희 북한 외무상이 도착했다. 최 외무상은 “준비가 됐다”고 밝혔다."], ["choi-seon-hui"]),
        (["김정은 위원장이 연설했다. 그는 “물러서지 않겠다”고 말했다."], ["kim-jong-un"]),
        (["“물러서지 않겠다”라고 김정은 위원장은 말했다."], ["kim-jong-un"]),
        (["MSMT은 공동성명을 내고 “결의를 지켜야 한다”고 강조했다.", "아울러 “모든 나라가 동참해야 한다”고 촉구했다."],
         ["msmt", "msmt"]),
        (["조선중앙통신은 외무성 대변인이 “불법 집단”이라며 비난했다고 전했다."], ["north-korea"]),
        (["모니터링팀이 발표한 보고서는 “심각한 위반”을 지적했다."], []),  # a term in quotation marks
        (["정부는 ‘북러 조약’을 우려했다."], []),  # ‘…’ marks a name
        (['[김정은/국무위원장/지난 4일 : "물러서지 않겠다"]'], ["kim-jong-un"]),  # a broadcast's caption
        (["최선희 북한 외무상이 도착했다. 이들은 “협력한다”고 밝혔다."], ["choi-seon-hui"]),  # 'they': the last named
        (["최선희 북한 외무상은 ″준비됐다″고 말했다."], ["choi-seon-hui"]),  # MBC's marks
        (["최선희 북한 외무상은 “준비됐다”고 말했다. 또 “우리는 간다”며 “길은 하나”라고 언급한 김정은 위원장의 말을 전했다."],
         ["choi-seon-hui", "choi-seon-hui", "choi-seon-hui"]),  # a quote inside a clause: the sentence goes on
        (["최선희 북한 외무상은 “준비됐다”며 “경고한다”고 위협했다고도 말했다."], ["choi-seon-hui", "choi-seon-hui"]),
    ],
)  # fmt: skip
def test_quotes_are_given_the_subject_that_says_them(paragraphs: list[str], speakers: list[str]) -> None:
    body = make_body(paragraphs, KOREAN)
    cast = find_mentions(body, "", GAZETTEER)
    assert [q.by for q in find_quotes(body, cast, KOREAN) if q.by] == speakers


@pytest.mark.parametrize(
    ("block", "dateline", "agency", "authors", "rest"),
    [
        ("(서울=연합뉴스) 홍길동 기자 = 북한이 15일 미사일을 쐈다.", "Seoul", "Yonhap", ("홍길동",), "북한이 15일 미사일을 쐈다."),
        ("【서울=뉴시스】홍길동 기자 = 정부가 밝혔다.", "Seoul", "Newsis", ("홍길동",), "정부가 밝혔다."),
        ("[서울=뉴스1] 홍길동 김철수 기자 = 정부가 밝혔다.", "Seoul", "News1", ("홍길동", "김철수"), "정부가 밝혔다."),
        ("(워싱턴=연합뉴스) 김동현 특파원 = 국무부가 밝혔다.", "Washington", "Yonhap", ("김동현",), "국무부가 밝혔다."),
        ("(평양 조선중앙통신) 조약이 체결되였다.", "Pyongyang", "KCNA", (), "조약이 체결되였다."),
    ],
)  # fmt: skip
def test_korean_datelines_give_the_place_the_publisher_and_the_authors(
    block: str, dateline: str, agency: str, authors: tuple[str, ...], rest: str
) -> None:
    assert read_dateline(block) == (dateline, agency, None, None, rest, authors)


@pytest.mark.parametrize(
    ("block", "signoff"),
    [
        ("/연합뉴스", ((), "Yonhap", "")),
        ("홍길동 기자 (hong@yna.co.kr)", (("홍길동",), "Yonhap", "")),
        ("[장덕진 기자 jdj@mbn.co.kr]", (("장덕진",), "MBN", "")),
        ("KBS 뉴스 정하늘입니다.", (("정하늘",), "KBS", "")),
        ("정하늘 기자입니다.", (("정하늘",), None, "")),
        ("[저작권자(c) 연합뉴스TV 무단전재 및 재배포 금지]", ((), "Yonhap News TV", "")),
        ("Copyright by JTBC All Rights Reserved.", ((), "JTBC", "")),
        ("[앵커] 북한이 미사일을 쐈습니다. 정하늘 기자입니다.", (("정하늘",), None, "북한이 미사일을 쐈습니다.")),
        (
            "군은 경계를 높였습니다. 채널A 뉴스 남영주입니다. 영상취재 : 김명철",
            (("남영주",), "Channel A", "군은 경계를 높였습니다."),
        ),
        ("북한이 15일 미사일을 쐈다고 합동참모본부가 밝혔다.", None),
    ],
)
def test_sign_offs_give_the_authors_and_the_publisher_and_are_cut_out(
    block: str, signoff: tuple[tuple[str, ...], str | None, str] | None
) -> None:
    assert read_signoff(block) == signoff


def test_a_korean_report_reads_with_its_dateline_and_without_its_furniture() -> None:
    text = (
        "북한, 미사일 발사\n\n(서울=연합뉴스) 홍길동 기자 = 북한이 15일 미사일을 쐈다.\n\n"
        "군은 대비 태세를 높였다.\n\n#북한 #미사일\n\n(끝)\n\n홍길동 기자 (hong@yna.co.kr)"
    )
    source = read_text(text, KOREAN)
    assert (source.dateline, source.publisher, source.authors) == ("Seoul", "Yonhap", ("홍길동",))
    assert source.paragraphs == ("북한이 15일 미사일을 쐈다.", "군은 대비 태세를 높였다.")


@pytest.mark.parametrize(
    ("text", "code"),
    [("북한이 15일 동해상으로 미사일을 쐈다고 밝혔다.", "ko"), ("MSMT은 보고서를 냈다.", "ko"), ("MSMT report", "en")],
)
def test_a_korean_text_is_told_by_its_hangul(text: str, code: str) -> None:
    assert detect_language(text).code == code
