from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.load import holding, id_problem, load_tree, read_document, read_lines, suggest_id
from tests.helpers import ACTORS, write_tree


def test_scalars_are_the_text_that_was_written() -> None:
    parsed = read_document(
        b"title: no\nwhen: 1:30\ncode: NO\nswitch: on\noctal: 0o17\nyear: 2009\nday: 2024-03-28\nflag: true\n"
    )
    assert not parsed.problems and parsed.data is not None
    data = parsed.data
    assert data == {
        "title": "no",
        "when": "1:30",
        "code": "NO",
        "switch": "on",
        "octal": "0o17",
        "year": "2009",
        "day": "2024-03-28",
        "flag": "true",
    }


def test_every_value_and_key_has_its_line_and_column() -> None:
    parsed = read_document(b"source:\n  publisher: Reuters\nactors:\n  - russia\n  - id: china\n")
    assert not parsed.problems and parsed.data is not None
    data = parsed.data
    assert data == {"source": {"publisher": "Reuters"}, "actors": ["russia", {"id": "china"}]}
    assert parsed.values[("source", "publisher")] == (2, 14)
    assert parsed.keys[("source", "publisher")] == (2, 3)
    assert parsed.values[("actors", 0)] == (4, 5)
    assert parsed.values[("actors", 1, "id")] == (5, 9)


def test_empty_plain_values_are_absent_but_quoted_ones_are_text() -> None:
    parsed = read_document(b'a:\nb: ~\nc: null\nd: "~"\ne: ""\n')
    assert not parsed.problems and parsed.data is not None
    data = parsed.data
    assert data == {"a": None, "b": None, "c": None, "d": "~", "e": ""}


def test_bom_and_crlf_are_accepted_and_positions_stay_right() -> None:
    parsed = read_document("\ufefftitle: A\r\nname: B\r\n".encode())
    assert not parsed.problems and parsed.data is not None
    data = parsed.data
    assert data == {"title": "A", "name": "B"}
    assert parsed.values[("name",)] == (2, 7)


def test_text_is_normalized_to_nfc() -> None:
    parsed = read_document("name: Cafe\u0301\n".encode())
    assert not parsed.problems and parsed.data is not None
    data = parsed.data
    assert data["name"] == "Caf\u00e9"


def test_drafts_and_hidden_files_are_ignored_and_order_is_stable(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            **ACTORS,
            "content/actors/_draft.yaml": "not: [valid",
            "content/actors/.swap.yaml": "\x00",
            "content/actors/china.yaml": "name: China\nkind: country\n",
        },
    )
    result = load_tree(tmp_path / "content")
    assert result.diagnostics == ()
    assert [(d.kind, d.id) for d in result.documents] == [
        ("actor", "china"),
        ("actor", "north-korea"),
        ("actor", "russia"),
        ("topic", "sanctions"),
    ]


def test_suggested_ids_follow_the_rule() -> None:
    assert suggest_id("North_Korea") == "north-korea"
    assert suggest_id("Société Générale") == "societe-generale"
    assert suggest_id("--x--") == "x"


WINDOWS = "con, prn, aux, nul, com1 to com9, lpt1 to lpt9"


@pytest.mark.parametrize(
    ("id", "problem"),
    [
        ("north-korea", None),
        ("con-2", None),
        ("com10", None),
        ("North_Korea", "must be lowercase letters and digits, words joined by single hyphens"),
        *(
            (
                name,
                f"is a device name on Windows ({WINDOWS}), which no file there can have: add a word, such as '{name}-1'",
            )
            for name in ("con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9")
        ),
    ],
)
def test_ids_follow_the_rule_and_windows_device_names_are_refused(id: str, problem: str | None) -> None:
    assert id_problem(id) == problem


def test_a_file_named_as_a_device_is_refused_with_what_to_do(tmp_path: Path) -> None:
    write_tree(tmp_path, {"content/actors/nul.yaml": "name: Nul\nkind: country\n"})
    loaded = load_tree(tmp_path / "content")
    assert [d.message for d in loaded.diagnostics] == [
        "file name 'nul.yaml' is not a valid id: it is a device name on Windows"
        f" ({WINDOWS}), which no file there can have: add a word, such as 'nul-1'"
    ]


FIVE_LINES = "one: 1\ntwo: 2\nthree: 3\nfour: 4\nfive: 5\n"


@pytest.mark.parametrize(
    ("text", "line", "around", "expected"),
    [
        (FIVE_LINES, 3, 1, ((2, "two: 2"), (3, "three: 3"), (4, "four: 4"))),
        (FIVE_LINES, 1, 2, ((1, "one: 1"), (2, "two: 2"), (3, "three: 3"))),
        (FIVE_LINES, 5, 2, ((3, "three: 3"), (4, "four: 4"), (5, "five: 5"))),
        ("a: 1\r\nb: <b>2</b>\r\n", 2, 1, ((1, "a: 1"), (2, "b: <b>2</b>"))),
        ("no newline at the end", 1, 2, ((1, "no newline at the end"),)),
        ("a: \xe9t\xe9\n", 1, 0, ((1, "a: \xe9t\xe9"),)),
    ],
)
def test_read_lines_gives_a_diagnostic_its_line_and_those_around(
    tmp_path: Path, text: str, line: int, around: int, expected: tuple[tuple[int, str], ...]
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    assert read_lines(tmp_path, str(path), line, around) == expected


def test_read_lines_of_a_file_that_is_gone_is_nothing(tmp_path: Path) -> None:
    assert read_lines(tmp_path, str(tmp_path / "gone.yaml"), 3, 2) == ()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("events:\n  - date: 2024-03-05\n    actors: [north-korea]\n", True),
        ('events: [{date: "2024-03", actors: [north-korea]}]\n', True),
        ("events:\n  - date: 2024-03-05\n    actors: [south-korea]\n", False),  # no drafted actor
        ("events:\n  - date: 2023-03-05\n    actors: [north-korea]\n", False),  # no drafted year
        ("events:\n  - id: summit-2024\n    actors: [north-korea]\n", False),  # a year inside an id
        ("actors: [north-korea-navy]\nsource: {published: 2024-03-05}\n", True),  # an id and its suffix: parsed
        ("actors: [democratic-north-korea]\nsource: {published: 2024-03-05}\n", False),
        ('actors: ["\\x6eorth-korea"]\nsource: {published: 2024-03-05}\n', True),  # an escape may spell it
    ],
)
def test_the_pre_filter_keeps_every_file_a_value_could_come_from(text: str, kept: bool) -> None:
    assert holding({"2024"}, {"north-korea", "japan"})(text.encode()) is kept


def test_the_pre_filter_of_no_words_keeps_nothing() -> None:
    assert holding({"2024"}, set())(b"published: 2024-03-05\n") is False


def test_a_tree_read_with_a_pre_filter_parses_what_it_keeps_and_knows_every_file(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            **ACTORS,
            "content/articles/kept.yaml": "title: Kept 2024\n",
            "content/articles/left.yaml": "title: Left 2023\n",
            "content/articles/Not An Id.yaml": "title: Not read 2024\n",
        },
    )
    loaded = load_tree(tmp_path / "content", kinds=("article",), keep=holding({"2024"}))
    assert [(d.kind, d.id) for d in loaded.documents] == [("article", "kept")]
    assert loaded.present == {("article", "kept"), ("article", "left")}
