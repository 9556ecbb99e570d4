"""Golden diagnostics: every rule of content-format.md gives its exact message at its exact place.

Each file in tests/cases/diagnostics/ is one case:

    rule: the sentence of /work/shared/content-format.md the case tests
    files:          # path -> text, written as UTF-8 under tmp_path
      content/actors/russia.yaml: |
        name: Russia
        kind: country
    files_python:   # optional: path -> a Python bytes literal (read with ast.literal_eval), for
                    # bytes YAML text cannot hold: invalid UTF-8, a BOM, CRLF, control characters
      content/actors/x.yaml: "b'name: X\\xff\\n'"
    generate:       # optional: path -> a list of parts, joined; a part is a string, or a pair
                    # [string, count] meaning that string repeated count times (a big file,
                    # 10,000-deep nesting)
      content/actors/x.yaml: ["name: X\nkind: country\nsummary: ", ["[", 10000], ["]", 10000], "\n"]
    expected:       # every line `check` prints for the tree, in order, whole
      - "content/actors/x.yaml:3:10: error: ..."
    xfail_reason:   # optional: the generator is known to get this wrong; `expected` is what it
                    # should print, and the case is a strict xfail until the generator is fixed

The test runs check_content(Path("content")) from tmp_path and compares the printed diagnostics
(those of ContentError, or the returned warnings when the content passes) with `expected`.

Refresh: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_diagnostics.py rewrites `expected`
of every case that is not marked xfail with what the generator prints now (xfail cases keep the
hand-written line: it is the intended output, not the current one).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.diagnostics import ContentError
from generator.content.load import read_document
from generator.pipeline import check_content

CASES_DIR = Path(__file__).parent / "cases" / "diagnostics"
CASE_KEYS = {"rule", "files", "files_python", "generate", "expected", "xfail_reason"}


def _load_case(path: Path) -> dict[str, Any]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict), f"{path.name}: a case is a mapping"
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    assert case.get("rule"), f"{path.name}: name the rule the case tests"
    return case


def _params() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        reason = _load_case(path).get("xfail_reason")
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


def _generate(parts: list[Any]) -> bytes:
    chunks = []
    for part in parts:
        if isinstance(part, str):
            chunks.append(part)
        else:
            text, count = part
            chunks.append(text * count)
    return "".join(chunks).encode("utf-8")


def _write_tree(case: dict[str, Any], root: Path) -> None:
    contents: dict[str, bytes] = {}
    for name, text in (case.get("files") or {}).items():
        contents[name] = text.encode("utf-8")
    for name, literal in (case.get("files_python") or {}).items():
        value = ast.literal_eval(literal)
        assert isinstance(value, bytes), f"{name}: files_python values are bytes literals"
        contents[name] = value
    for name, parts in (case.get("generate") or {}).items():
        contents[name] = _generate(parts)
    for name, data in contents.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "content").mkdir(exist_ok=True)


def _check() -> tuple[list[str], bool]:
    """Run the check; return the printed diagnostics and whether it raised ContentError."""
    try:
        _, warnings = check_content(Path("content"))
    except ContentError as error:
        return [str(d) for d in error.diagnostics], True
    return [str(d) for d in warnings], False


class _CaseDumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """File texts as literal blocks; other text with quotes or line breaks double-quoted."""
    if "\n" in value and value.strip():
        style: str | None = "|"
    elif any(mark in value for mark in ("'", ": ", "\n")):
        style = '"'
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_CaseDumper.add_representer(str, _represent_str)


def _rewrite(path: Path, case: dict[str, Any], actual: list[str]) -> None:
    case["expected"] = actual
    text = yaml.dump(case, Dumper=_CaseDumper, sort_keys=False, allow_unicode=True, width=4096)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case_path", _params())
def test_diagnostics(case_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    case = _load_case(case_path)
    assert update_golden or "expected" in case, (
        f"{case_path.name}: write `expected` (an empty list when nothing is printed)"
    )
    _write_tree(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    actual, raised = _check()
    if update_golden and not case.get("xfail_reason"):
        if actual != case.get("expected"):
            _rewrite(case_path, case, actual)
        return
    expected = case.get("expected") or []
    assert actual == expected
    # The check fails exactly when an error is expected: warnings alone let the build go on.
    assert raised == any(": error: " in line for line in expected)


def test_cases_exist() -> None:
    """Guard against a moved folder making the parametrized test collect nothing."""
    assert len(list(CASES_DIR.glob("*.yaml"))) >= 100


# Values are read as written: the field decides the type, not YAML's guesses.


def test_values_stay_the_text_written() -> None:
    parsed = read_document(
        b"title: no\nkind: NO\ntime: 1:30\nyes_: yes\nnum: 0x1F\nflt: 1e3\nempty: ''\nnull_: ~\n"
        b"date: 2024-03-28\nyear: 2009\nquoted: '2009'\n"
    )
    assert not parsed.problems and parsed.data is not None
    data = parsed.data
    assert data == {
        "title": "no",
        "kind": "NO",
        "time": "1:30",
        "yes_": "yes",
        "num": "0x1F",
        "flt": "1e3",
        "empty": "",
        "null_": None,
        "date": "2024-03-28",
        "year": "2009",
        "quoted": "2009",
    }


VALUES_AS_WRITTEN = {
    "content/topics/cafe.yaml": "name: Cafe\u0301 diplomacy\n",  # decomposed: e + combining acute
    "content/actors/norway.yaml": "name: Norway\nkind: country\naliases: [NO, Norge]\n",
    "content/articles/a.yaml": (
        "title: no\n"
        "source:\n  publisher: Reuters\n  published: 2024-04-15\n"
        "summary: 1:30\n"
        "events:\n"
        "  - id: unquoted\n    date: 2024-03-28\n    title: yes\n"
        '  - id: quoted\n    date: "2024-03-28"\n    title: off\n'
        "  - date: 2009\n    title: 1:30\n"
        "  - date: \"2009\"\n    title: '1:30'\n"
    ),
}


def test_values_read_as_written_through_the_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, text in VALUES_AS_WRITTEN.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    corpus, warnings = check_content(Path("content"))
    assert warnings == ()
    article = corpus.content.articles["a"]
    assert article.title == "no"
    assert article.summary == "1:30"
    assert corpus.actors["norway"].aliases == ("NO", "Norge")
    assert corpus.topics["cafe"].name == "Caf\u00e9 diplomacy"  # text is normalized to NFC
    titles = [event.title for event in article.events]
    assert titles == ["yes", "off", "1:30", "1:30"]
    unquoted, quoted, year, quoted_year = (event.date for event in article.events)
    assert unquoted == quoted and str(unquoted) == "2024-03-28"
    assert year == quoted_year and str(year) == "2009"
