from __future__ import annotations

from pathlib import Path

from generator.content.load import load_tree, read_document, suggest_id
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
