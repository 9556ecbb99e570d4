"""Korean names: particles cut off a word, Revised Romanization, and people proposed by their shape.

A noun carries its particles in the same word ('북한은', '러시아와', '유엔 안보리에서는'), so a
word is also read without the particle that ends it, longest first. A hand-made list does it:
the names the draft looks for are the content's, so only the ends of nouns matter, and a
list of about a hundred endings reads them in microseconds with nothing to install (the
morphological analyser Kiwi, kiwipiepy 0.24.1, downloads as an 11.7 MB wheel, an 87.9 MB
model and numpy's 16.9 MB). The whole word is always tried first, so '김정은' stays '김정은'.

A Korean person is named as a surname and a given name in one word, then what they are:
'최선희 북한 외무상은', '황준국 주유엔대사는'; a foreign person in two words: '세르게이
라브로프 러시아 외무장관은'. Later the surname (or the family name) with the title stands
for them: '최 외무상은', '라브로프 장관은'. Their id is the Revised Romanization of the name,
syllable by syllable ('hong-gil-dong'), with the common surnames in their customary spelling
(김 Kim, 이 Lee, 박 Park, 최 Choi, 정 Jung ...), as the content's own Korean ids are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from ..language import fold, word_set
from ..records import ActorKind, Mention, ProposedActor, suggest_id

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from ..words import Token

HANGUL = re.compile(r"[가-힣]")

# Particles and endings a noun takes, cut off the end of a word (longest first), then the
# suffixes that make a noun of a name: '북한군' (its army), '러시아인들' (its people), '북러간'.
PARTICLES = tuple(
    sorted(
        word_set(
            """에서부터 에게서는 으로부터 에서는 에서도 에서의 에서만 에게는 에게도 에게만 으로서 으로써 으로는
            으로도 으로의 이라고 이라는 이라며 이라면 이라서 께서는 께서도 로부터 로서는 에서 에게 한테 께서
            까지 부터 보다 처럼 만큼 마저 조차 에는 에도 에의 에만 와의 과의 와는 과는 와도 과도 이나 이며
            이고 이자 이란 라고 라는 라며 로는 로도 로의 로서 로써 으로 은 는 이 가 을 를 의 에 와 과 도 로
            만 랑"""
        ),
        key=len,
        reverse=True,
    )
)
NOUN_SUFFIXES = ("들", "인", "군", "측", "산", "제", "간", "내")


@cache
def stems(norm: str) -> tuple[str, ...]:
    """The word without the particles and noun suffixes that end it: '북한군의' -> ('북한군', '북한')."""
    forms: list[str] = []
    word = norm
    for _ in range(3):
        if not HANGUL.search(word[-1:]):
            break
        cut = next((p for p in PARTICLES if word.endswith(p) and len(word) > len(p)), None)
        if cut is None:
            cut = next((s for s in NOUN_SUFFIXES if word.endswith(s) and len(word) > 1 + len(s)), None)
        if cut is None:
            break
        word = word[: -len(cut)]
        forms.append(word)
    return tuple(forms)


def bare(norm: str) -> str:
    """The word without one particle: '외무상은' -> '외무상'."""
    cut = next((p for p in PARTICLES if norm.endswith(p) and len(norm) > len(p)), "")
    return norm[: len(norm) - len(cut)]


# ---------------------------------------------------------------------------------------------
# Revised Romanization, syllable by syllable (a name's syllables are written apart: Gil-dong)

_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "-", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "-",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]
SURNAMES = dict(
    pair.split(":")
    for pair in word_set(
        """김:Kim 이:Lee 리:Ri 박:Park 최:Choi 정:Jung 강:Kang 조:Cho 윤:Yoon 장:Jang 임:Lim 한:Han 오:Oh 서:Seo
        신:Shin 권:Kwon 황:Hwang 안:Ahn 송:Song 류:Ryu 유:Yoo 홍:Hong 전:Jeon 고:Ko 문:Moon 양:Yang 손:Son
        배:Bae 백:Baek 허:Heo 남:Nam 심:Shim 노:Noh 하:Ha 곽:Kwak 성:Sung 차:Cha 주:Joo 우:Woo 구:Koo 민:Min
        나:Na 진:Jin 지:Ji 엄:Eom 채:Chae 원:Won 천:Cheon 방:Bang 공:Kong 현:Hyun 함:Ham 변:Byun 염:Yeom
        여:Yeo 추:Choo 도:Do 소:So 석:Seok 선:Sun 설:Seol 마:Ma 길:Gil 연:Yeon 위:Wi 표:Pyo 명:Myung 기:Ki
        반:Ban 왕:Wang 금:Keum 옥:Ok 육:Yook 인:In 맹:Maeng 제:Je 모:Mo 탁:Tak 국:Kook 은:Eun 편:Pyun
        용:Yong 두:Doo 남궁:Namgung 황보:Hwangbo 제갈:Jegal 선우:Sunwoo 독고:Dokgo 사공:Sagong"""
    )
)


def romanize_syllable(character: str) -> str:
    code = ord(character) - 0xAC00
    if not 0 <= code < 11172:
        return character
    initial, medial, final = code // 588, code % 588 // 28, code % 28
    return "".join(part for part in (_INITIALS[initial], _MEDIALS[medial], _FINALS[final]) if part != "-")


def romanize(text: str) -> str:
    """Write Hangul in Latin letters by the Revised Romanization: '제재 보고서' -> 'jejae bogoseo'."""
    return "".join(romanize_syllable(character) for character in text)


def surname_of(name: str) -> str | None:
    """The surname a Korean name in one word starts with ('남궁' before '남'), if it is one.

    A name is three syllables, or four after a surname of two: '정부' and '국회' are words."""
    if not 3 <= len(name) <= 4 or not all(HANGUL.match(c) for c in name):
        return None
    for size in (2, 1):
        if name[:size] in SURNAMES and 1 <= len(name) - size <= 2:
            return name[:size]
    return None


# Foreign names as Korean writes them, word by word, in their usual spelling: what the Revised
# Romanization of '세르게이 라브로프' ('Sereugei Rabeuropeu') would not give back.
FOREIGN_NAMES = dict(
    pair.split(":")
    for pair in word_set(
        """세르게이:Sergei 블라디미르:Vladimir 드미트리:Dmitry 마리야:Maria 마리아:Maria 안드레이:Andrei
        알렉산드르:Alexander 알렉세이:Alexei 니콜라이:Nikolai 유리:Yuri 빅토르:Viktor 올레그:Oleg 이고르:Igor
        발레리:Valery 안드리:Andrii 볼로디미르:Volodymyr 안토니우:António 도널드:Donald 조:Joe 존:John 토니:Tony
        마코:Marco 제이크:Jake 로이드:Lloyd 커트:Kurt 린다:Linda 마크:Mark 카멀라:Kamala 피트:Pete 마이크:Mike
        라브로프:Lavrov 쇼이구:Shoigu 자하로바:Zakharova 페스코프:Peskov 벨로우소프:Belousov 메드베데프:Medvedev
        루덴코:Rudenko 게라시모프:Gerasimov 코즐로프:Kozlov 마체고라:Matsegora 네벤자:Nebenzya 우샤코프:Ushakov
        트럼프:Trump 바이든:Biden 블링컨:Blinken 루비오:Rubio 설리번:Sullivan 오스틴:Austin 커비:Kirby
        캠벨:Campbell 구테흐스:Guterres 뤼터:Rutte 젤렌스키:Zelensky 시비하:Sybiha 쿨레바:Kuleba 헤그세스:Hegseth
        왈츠:Waltz 해리스:Harris 밀러:Miller 토머스-그린필드:Thomas-Greenfield 셰이:Shea 푸틴:Putin"""
    )
)


# People the Korean news names by their family name alone ('자하로바 대변인은'), in full.
WELL_KNOWN_PEOPLE = dict(
    pair.split(":")
    for pair in word_set(
        """라브로프:Sergei_Lavrov 자하로바:Maria_Zakharova 페스코프:Dmitry_Peskov 쇼이구:Sergei_Shoigu
        벨로우소프:Andrei_Belousov 메드베데프:Dmitry_Medvedev 마체고라:Alexander_Matsegora 네벤자:Vasily_Nebenzya
        우샤코프:Yuri_Ushakov 젤렌스키:Volodymyr_Zelensky 시비하:Andrii_Sybiha 블링컨:Antony_Blinken
        루비오:Marco_Rubio 트럼프:Donald_Trump 바이든:Joe_Biden 설리번:Jake_Sullivan 커비:John_Kirby
        헤그세스:Pete_Hegseth 구테흐스:António_Guterres 뤼터:Mark_Rutte 시진핑:Xi_Jinping 왕이:Wang_Yi
        기시다:Fumio_Kishida 이시바:Shigeru_Ishiba"""
    )
)


def romanize_name(name: str) -> str:
    """'홍길동' -> 'Hong Gil-dong'; a foreign name word by word: '세르게이 라브로프' -> 'Sergei Lavrov'."""
    if name in WELL_KNOWN_PEOPLE:
        return WELL_KNOWN_PEOPLE[name].replace("_", " ")
    surname = surname_of(name)
    if surname is None:
        return " ".join(FOREIGN_NAMES.get(word) or romanize(word).capitalize() for word in name.split())
    given = "-".join(romanize_syllable(c) for c in name[len(surname) :])
    return f"{SURNAMES[surname]} {given.capitalize()}"


# ---------------------------------------------------------------------------------------------
# People: proposed from the shape of their name and the title after it

# What a person is, written after the name: the end of the title's word ('외무장관', '주유엔대사').
ROLE_ENDINGS = tuple(
    sorted(
        word_set(
            """대통령 장관 외무상 대사 대변인 위원장 총리 의원 차관 부상 실장 국장 대표 총장 교수 연구원 연구위원
            위원 사령관 보좌관 비서관 수석 특사 주석 비서 청장 원장 처장 의장 부장 총재 단장 회장 조정관 담당관
            고문 박사 상 국무위원장 부위원장 사무총장 차관보 공사 영사 참사관 서기관 주임 조사관 정무관 참모장
            총비서 간사 국가주석 국방장관 국무장관 안보보좌관"""
        ),
        key=len,
        reverse=True,
    )
)
# Words that end like a title and are not one ('이상', '사상', '현상', '대상').
NOT_ROLES = word_set("이상 사상 현상 대상 정상 이하 세상 양상 상상 수상 예상 진상 일상 손상 협상 항상 보상 의상")
# Heads of an organization's name, between a name and its title: '외교부', '백악관', '국무부'.
ORGANIZATION_ENDINGS = (
    "부",
    "성",
    "청",
    "처",
    "원",
    "관",
    "실",
    "국",
    "위원회",
    "위",
    "당",
    "군",
    "팀",
    "궁",
    "회",
    "청사",
)
REPORTER_WORDS = word_set("기자 특파원 통신원 앵커 기자들")
TITLE_WORDS = word_set("신임 전 현 초대 차기 당시 전임 후임 신임인")  # '신임 국정원장': the new director
VERB_MODIFIERS = ("한", "된", "던", "는", "은", "난", "낸", "온", "린", "힌", "킨", "운")  # '출석한', '만난'
# Words that open a clause or say when, never part of a name: '그러면서 어제', '회담에 앞서'.
NOT_NAMES = word_set(
    """그러면서 어제 오늘 내일 이날 앞서 또 또한 이어 이어서 한편 특히 다만 이후 최근 당시 현재 지난 오는 이번 이에
    아울러 그리고 하지만 그러나 이와 함께 모두 다시 이미 아직 직접 공동 각각 양국 양측"""
)


def _is_not_a_name(norm: str) -> bool:
    return norm in NOT_NAMES or (len(norm) >= 2 and norm.endswith(VERB_MODIFIERS)) or norm.endswith(("서", "고", "며"))


# Countries written short, by one syllable: '북러' (North Korea and Russia), '한·미·일', '미 국무부'.
SHORT_COUNTRIES = {
    "북": "북한", "남": "한국", "한": "한국", "미": "미국", "일": "일본", "중": "중국", "러": "러시아", "우": "우크라이나",
    "北": "북한", "美": "미국", "中": "중국", "日": "일본", "韓": "한국", "露": "러시아",
}  # fmt: skip
ALONE = frozenset("러미北美露中日韓")  # the syllables that stand alone for a country before a noun: '러 외무부'
# Institutions that speak for a country: the speaker '외무성 대외정책실장' is North Korea's.
INSTITUTIONS = {
    "외무성": "북한", "국방성": "북한", "노동당": "북한", "로동당": "북한", "조선중앙통신": "북한", "노동신문": "북한",
    "외교부": "한국", "통일부": "한국", "국정원": "한국", "국가정보원": "한국", "합참": "한국", "합동참모본부": "한국",
    "대통령실": "한국", "국무부": "미국", "백악관": "미국", "펜타곤": "미국", "크렘린": "러시아", "크렘린궁": "러시아",
}  # fmt: skip


def is_role(norm: str) -> bool:
    word = bare(norm)
    return word.endswith(ROLE_ENDINGS) and word not in NOT_ROLES and word not in REPORTER_WORDS


def _is_hangul(token: Token) -> bool:
    return all(HANGUL.match(c) for c in token.text)


def _is_plain(token: Token, first_name: bool = False) -> bool:
    """A Hangul word with no particle at its end: part of a name or a title ('세르게이' may end as '이' does)."""
    return _is_hangul(token) and (bare(token.norm) == token.norm or (first_name and token.norm.endswith("이")))


CAPTION_NAME = re.compile(
    r"\[\s*(?P<name>[가-힣]{1,6}(?: [가-힣]{2,6})?)\s*/\s*(?P<role>[^\]/:\"“]{2,40}?)\s*(?:/[^\]:]*)?(?:\]|:)"
)


def _note(name: str) -> str:
    if name in WELL_KNOWN_PEOPLE or (surname_of(name) is None and all(w in FOREIGN_NAMES for w in name.split())):
        return f"id and alias: '{name}' in its usual spelling: check it"
    return (
        f"id and alias: '{name}' in the Revised Romanization (a common surname in its usual spelling): "
        "check the person's own spelling"
    )


def find_people(
    text: str, tokens: Sequence[Token], taken: set[int], gazetteer: Gazetteer
) -> tuple[list[ProposedActor], list[Mention]]:
    """Propose the people named with a title after them; find them again by surname and title."""
    proposed: dict[str, ProposedActor] = {}
    mentions: list[Mention] = []
    short_forms: list[tuple[int, str, str]] = []  # (where named, surname or family name, actor id)

    def spaced(index: int) -> bool:
        return index + 1 < len(tokens) and text[tokens[index].end : tokens[index + 1].start] == " "

    def title_after(index: int, free: int = 0) -> int | None:
        """The token of the title that follows a name ending at ``index``, past at most two words of whose
        (the content's actors or organizations, or ``free`` other words: '프랑스 대사')."""
        for step in range(1, 5):
            at = index + step
            if at >= len(tokens) or not (spaced(at - 1) or tokens[at - 1].norm.isdigit()):
                return None
            if is_role(tokens[at].norm) and _is_hangul(tokens[at]):
                return at
            known = gazetteer.names.get(tokens[at].norm)
            if known is not None and gazetteer.actors[known].kind is ActorKind.PERSON:
                return None  # '그러면서 어제 김정은 국무위원장': the title is that person's
            if at in taken or (_is_plain(tokens[at]) and tokens[at].norm.endswith(ORGANIZATION_ENDINGS)):
                continue
            if tokens[at].norm.isdigit() and at + 1 < len(tokens) and tokens[at + 1].start == tokens[at].end:
                continue  # '외교부 1차관': an ordinal written on the title
            if free and _is_plain(tokens[at]):
                free -= 1
                continue
            return None
        return None

    def _is_before_title(index: int) -> bool:
        """'이종석 신임 국정원장': a word that says which holder of the title comes between."""
        return index + 1 < len(tokens) and tokens[index + 1].norm in TITLE_WORDS

    for index, token in enumerate(tokens):
        if index in taken or not _is_plain(token, first_name=True):
            continue
        names: list[int] | None = None
        title: int | None = None
        if (
            _is_plain(token)
            and surname_of(token.norm)
            and token.norm[1:] not in gazetteer.entries  # '주유엔 대사' is the envoy to the UN
            and token.norm not in INSTITUTIONS
            and not token.norm.endswith("당")  # '노동당 총비서'
        ):
            names = [index]
            title = title_after(index, free=1 if _is_before_title(index) else 0)
        elif (
            index + 1 < len(tokens)
            and spaced(index)
            and index + 1 not in taken
            and _is_plain(tokens[index + 1])
            and not surname_of(token.norm)
            and not surname_of(tokens[index + 1].norm)
            and not any(tokens[i].norm.endswith(ORGANIZATION_ENDINGS) for i in (index, index + 1))
            and not any(_is_not_a_name(tokens[i].norm) for i in (index, index + 1))  # '출석한 이종석', '앞서 라브로프'
            and not (index and text[tokens[index - 1].end : token.start].strip(" ") in ('"', "”", "“"))
            and len(tokens[index + 1].norm) >= 2
            and (index == 0 or not _is_plain(tokens[index - 1]) or not spaced(index - 1))
        ):
            names = [index, index + 1]  # a foreign name: '세르게이 라브로프'
            title = title_after(index + 1, free=1)
        if (names is None or title is None) and token.norm in WELL_KNOWN_PEOPLE and _is_plain(token):
            names, title = [index], title_after(index, free=2)  # '마체고라 주북한 러시아 대사는'
        if names is None or title is None or any(m.start <= token.start < m.end for m in mentions):
            continue
        name = text[tokens[names[0]].start : tokens[names[-1]].end]
        known = gazetteer.names.get(fold(name))
        actor_id = known or suggest_id(romanize_name(name))
        if not actor_id:
            continue
        if known is None and actor_id not in proposed and actor_id not in gazetteer.actors:
            role = bare(text[tokens[names[-1] + 1].start : tokens[title].end])
            country = next(
                (
                    gazetteer.names[form]
                    for i in range(names[-1] + 1, title)
                    for form in (tokens[i].norm, *stems(tokens[i].norm))
                    if form in gazetteer.names and gazetteer.actors[gazetteer.names[form]].kind is ActorKind.COUNTRY
                ),
                None,
            )
            proposed[actor_id] = ProposedActor(
                actor_id,
                name,
                ActorKind.PERSON,
                role,
                country,
                (romanize_name(name),),
                note=_note(name),
            )
        mentions.append(Mention(actor_id, tokens[names[0]].start, tokens[names[-1]].end))
        short = surname_of(token.norm) if len(names) == 1 else None
        short = short or tokens[names[-1]].norm
        if short:
            short_forms.append((tokens[names[0]].start, short, actor_id))
    for caption in CAPTION_NAME.finditer(text):  # '[이성권/국회 정보위원회 국민의힘 간사 : "…"]'
        name, role = caption.group("name"), caption.group("role").strip()
        words = name.split()
        if not is_role(role.split()[-1]) or not (len(words) == 2 or (len(words) == 1 and surname_of(name))):
            continue
        known = gazetteer.names.get(fold(name)) or gazetteer.names.get(fold(words[-1]))
        actor_id = known or suggest_id(romanize_name(name))
        if not actor_id:
            continue
        if known is None and actor_id not in proposed and actor_id not in gazetteer.actors:
            proposed[actor_id] = ProposedActor(
                actor_id, name, ActorKind.PERSON, role, None, (romanize_name(name),), note=_note(name)
            )
        mentions.append(Mention(actor_id, caption.start("name"), caption.end("name")))
        short_forms.append((caption.start("name"), surname_of(name) or words[-1], actor_id))
    for actor in gazetteer.actors.values():  # the content's people named in full: '김정은' before '김 위원장'
        if actor.kind is not ActorKind.PERSON:
            continue
        for alias in actor.aliases:
            surname = surname_of(alias)
            at = text.find(alias)
            if at >= 0 and (surname or " " in alias):
                short_forms.append((at, surname or alias.split()[-1], actor.id))
    short_forms.sort()
    mentions += _countries_in_short(text, tokens, taken, gazetteer)
    for index, token in enumerate(tokens):
        if index in taken or not _is_hangul(token):
            continue
        word = token.norm if token.norm in {s for _, s, _ in short_forms} else bare(token.norm)
        meant = [actor for at, short, actor in short_forms if short == word and at < token.start]
        if not meant:
            continue
        if (len(word) == 1 or surname_of(word)) and title_after(index) != index + 1:
            continue  # a surname alone: only with a title right after it
        if any(m.start <= token.start < m.end for m in mentions):
            continue
        mentions.append(Mention(meant[-1], token.start, token.start + len(word)))
    return list(proposed.values()), mentions


def _countries_in_short(text: str, tokens: Sequence[Token], taken: set[int], gazetteer: Gazetteer) -> list[Mention]:
    """The countries named by a syllable ('북러', '한·미·일', '미 국무부') or by their institutions ('외무성')."""

    def country(korean: str) -> str | None:
        return gazetteer.names.get(fold(korean))

    mentions: list[Mention] = []
    for index, token in enumerate(tokens):
        if index in taken:
            continue
        word = next((form for form in (token.norm, *stems(token.norm)) if form in INSTITUTIONS), None)
        if word is not None:
            actor = country(INSTITUTIONS[word])
            mentions += [Mention(actor, token.start, token.start + len(word))] if actor else []
            continue
        word = next(
            (f for f in (token.norm, *stems(token.norm)) if 2 <= len(f) <= 4 and all(c in SHORT_COUNTRIES for c in f)),
            None,
        )
        dotted = text[token.end : token.end + 1] == "·" or text[token.start - 1 : token.start] == "·"
        alone = (
            token.norm in ALONE
            and index + 1 < len(tokens)
            and text[token.end : tokens[index + 1].start] == " "
            and HANGUL.match(tokens[index + 1].text)
        )
        if word is None and len(token.norm) == 1 and token.norm in SHORT_COUNTRIES and (dotted or alone):
            word = token.norm
        if word is None:
            continue
        for syllable in dict.fromkeys(word):
            actor = country(SHORT_COUNTRIES[syllable])
            if actor:
                mentions.append(Mention(actor, token.start, token.start + len(word)))
    return mentions
