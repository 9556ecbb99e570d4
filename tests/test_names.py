"""Close matches for an unknown id's message, and the folding `list` searches with: a row a case."""

from __future__ import annotations

import pytest

from generator.content.names import NameIndex, fold, matches

NAMES = {
    "russia": ("Russia", "Moscow"),
    "ukraine": ("Ukraine",),
    "north-korea": ("North Korea", "DPRK", "Pyongyang", "북한"),
    "south-korea": ("South Korea", "ROK"),
    "uk": ("United Kingdom",),
    "united-states": ("United States", "US"),
    "linda-thomas-greenfield": ("Linda Thomas-Greenfield", "Thomas-Greenfield"),
    "un-security-council": ("United Nations Security Council", "UNSC"),
    "hwang-joon-kook": ("Hwang Joon-kook",),
    "kim-jong-un": ("Kim Jong Un",),
    "broken": (),  # a file with mistakes of its own: its id alone
}


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("rusia", ["'russia' (Russia)"]),  # a letter left out
        ("russai", ["'russia' (Russia)"]),  # two letters swapped
        ("northkorea", ["'north-korea' (North Korea)"]),  # a hyphen left out
        ("korea-north", ["'north-korea' (North Korea)"]),  # the words the other way round
        ("moscow", ["'russia' (Russia, also called Moscow)"]),  # an alias, written as an id
        ("dprk", ["'north-korea' (North Korea, also called DPRK)"]),
        ("united-kingdom", ["'uk' (United Kingdom)"]),  # the name, written as an id
        ("us", ["'united-states' (United States, also called US)"]),
        ("thomas-greenfeld", ["'linda-thomas-greenfield' (Linda Thomas-Greenfield, also called Thomas-Greenfield)"]),
        ("korea", ["'north-korea' (North Korea)", "'south-korea' (South Korea)"]),  # either: both
        ("security-council", ["'un-security-council' (United Nations Security Council)"]),  # one word fewer
        ("brokn", ["'broken'"]),
        ("hwang-jun-kook", ["'hwang-joon-kook' (Hwang Joon-kook)"]),  # romanised another way: two letters
        ("hwang-joon-kok", ["'hwang-joon-kook' (Hwang Joon-kook)"]),
        ("kim-jong-il", []),  # two letters, but another word: another man
        ("north-koreas", ["'north-korea' (North Korea)"]),
        ("france", []),  # 'ukraine' shares letters, not a word
        ("south-koreas", ["'south-korea' (South Korea)"]),
        ("south-korea-ministry", ["'south-korea' (South Korea)"]),
        ("north-carolina", []),  # one word the same, one different: another place
        ("united-arab-emirates", []),
        ("uk-mission", []),  # a short word, and one more: too little to go on
        ("ru", []),
        ("un", []),
    ],
)
def test_close_matches(typed: str, suggested: list[str]) -> None:
    assert [str(s) for s in NameIndex(NAMES).close_matches(typed)] == suggested


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Côte d'Ivoire", "cote d ivoire"),
        ("north-korea", "north korea"),
        ("  NORTH   Korea ", "north korea"),
        ("Россия", "россия"),
        ("Straße", "strasse"),
        ("북한", "북한"),  # Hangul is not taken apart into its letters
        ("U.S.", "u s"),
        ("snake_case", "snake case"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("query", "texts", "found"),
    [
        ("pyong", ("north-korea", "North Korea", "Pyongyang"), True),
        ("PYONG", ("Pyongyang",), True),
        ("cote", ("Côte d'Ivoire",), True),
        ("côte", ("Cote d'Ivoire",), True),
        ("north korea", ("north-korea",), True),
        ("korea north", ("north-korea",), False),
        ("북", ("북한",), True),
        ("veto", ("Russia vetoes the panel",), True),
        ("vetoes", ("veto",), False),
    ],
)
def test_matches(query: str, texts: tuple[str, ...], found: bool) -> None:
    assert matches(query, texts) is found


def test_past_most_questions_it_stops_suggesting_and_keeps_its_answers() -> None:
    index = NameIndex(NAMES)
    assert [s.id for s in index.close_matches("rusia")] == ["russia"]
    for n in range(NameIndex.MOST_QUESTIONS):
        index.close_matches(f"unknown-{n}")
    assert index.close_matches("dprk") == ()  # a tree with thousands of unknown ids stays quick to check
    assert [s.id for s in index.close_matches("rusia")] == ["russia"]
