"""Golden drafts: each text in tests/cases/draft/ drafted against its own small content tree.

Each file in tests/cases/draft/ is one case, in our own words:

    about: the style of copy it stands for and what it tests
    options: {published: ..., publisher: ..., url: ...}   # options of `draft`, as a person would pass them
    text: |             # the article as plain text (or `html:` for a saved page)
    files:              # the content tree it is drafted against: path -> text
    expected:           # what `draft --new-actors` writes and prints (the golden part)
      article: |        #   the drafted content/articles/<id>.yaml
      actors: {}        #   path -> text of every actor file it writes
      report: []        #   the lines it prints
    annotation:         # what a careful person marks in the text, written by hand (not refreshed):
      known_actors: []  #   ids of the content's actors the text names
      new_people: []    #   ids of the people it names that the content does not have
      dates: {}         #   as written -> the date it means
      quotes: {}        #   the start of each quotation -> the id of its speaker
      linked_events: [] #   ids of the content's events the text reports

Every case is drafted, then checked as `check` would: the only error allowed is the empty
summary. test_draft_scores compares all the drafts with the annotations, with the bars of
issue 16.

Refresh `expected` after an intended change, and only then (the annotations stay as written):
UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_draft_golden.py  (or `make golden`).
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import main
from generator.content.diagnostics import ContentError
from generator.pipeline import check_content
from tests.helpers import write_tree

CASES_DIR = Path(__file__).parent / "cases" / "draft"
CASE_KEYS = {"about", "options", "text", "html", "files", "expected", "annotation"}


@dataclass(frozen=True)
class Drafted:
    article_path: str
    article: str
    actors: dict[str, str]
    report: list[str]
    errors: list[str] = field(default_factory=list)


def _case(path: Path) -> dict[str, Any]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict) and case.get("about"), f"{path.name}: a case is a mapping with 'about'"
    unknown = set(case) - CASE_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    return case


def _draft(case: dict[str, Any], root: Path, monkeypatch: pytest.MonkeyPatch) -> Drafted:
    """Write the case's tree, draft its text with --new-actors, and check the result."""
    name = "article.html" if "html" in case else "article.txt"
    write_tree(root, {**(case.get("files") or {}), name: case.get("html") or case["text"]})
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(root)
    before = {p.as_posix() for p in Path("content").rglob("*.yaml")}
    args = [name, "--new-actors"]
    for option, value in (case.get("options") or {}).items():
        args += [f"--{option}", str(value)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["draft", *args])
    assert code == 0, err.getvalue()
    written = sorted({p.as_posix() for p in Path("content").rglob("*.yaml")} - before)
    articles = [p for p in written if p.startswith("content/articles/")]
    assert len(articles) == 1, written
    actors = {p: Path(p).read_text(encoding="utf-8") for p in written if p.startswith("content/actors/")}
    try:
        check_content(Path("content"))
        errors: list[str] = []
    except ContentError as error:
        errors = [str(d) for d in error.errors]
    return Drafted(
        articles[0], Path(articles[0]).read_text(encoding="utf-8"), actors, out.getvalue().splitlines(), errors
    )


def _params() -> list[Any]:
    return [pytest.param(path, id=path.stem) for path in sorted(CASES_DIR.glob("*.yaml"))]


class _CaseDumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and value.strip() else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_CaseDumper.add_representer(str, _represent_str)


def _rewrite(path: Path, case: dict[str, Any], drafted: Drafted) -> None:
    case["expected"] = {"article": drafted.article, "actors": drafted.actors, "report": drafted.report}
    ordered = {
        key: case[key] for key in ("about", "options", "text", "html", "files", "expected", "annotation") if key in case
    }
    path.write_text(
        yaml.dump(ordered, Dumper=_CaseDumper, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )


@pytest.mark.parametrize("case_path", _params())
def test_draft(case_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool) -> None:
    case = _case(case_path)
    drafted = _draft(case, tmp_path, monkeypatch)
    summary_only = [f"{drafted.article_path}:"]
    assert len(drafted.errors) == 1 and drafted.errors[0].startswith(tuple(summary_only)), drafted.errors
    assert "'summary' has no value, and it is required" in drafted.errors[0]
    if update_golden:
        _rewrite(case_path, case, drafted)
        return
    expected = case.get("expected") or {}
    assert drafted.article == expected.get("article")
    assert drafted.actors == (expected.get("actors") or {})
    assert drafted.report == expected.get("report")


@dataclass
class _Score:
    """Counts over every case: found out of wanted, as issue 16 scores drafts."""

    known: list[int] = field(default_factory=lambda: [0, 0])
    people: list[int] = field(default_factory=lambda: [0, 0])
    precise: list[int] = field(default_factory=lambda: [0, 0])
    dates: list[int] = field(default_factory=lambda: [0, 0])
    quotes: list[int] = field(default_factory=lambda: [0, 0])
    linked: list[int] = field(default_factory=lambda: [0, 0])
    wrong_dates: list[str] = field(default_factory=list)
    invented_quotes: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, tally: list[int], wanted: set[str], found: set[str], what: str) -> None:
        tally[0] += len(wanted & found)
        tally[1] += len(wanted)
        self.misses += [f"{what}: {item}" for item in sorted(wanted - found)]

    @staticmethod
    def ratio(tally: list[int]) -> float:
        return tally[0] / tally[1] if tally[1] else 1.0


def _score(case: dict[str, Any], drafted: Drafted, score: _Score, name: str) -> None:
    annotation = case["annotation"]
    article = yaml.safe_load(drafted.article)
    actors = {a if isinstance(a, str) else a["id"] for a in article.get("actors") or ()}
    new = {Path(p).stem: yaml.safe_load(t) for p, t in drafted.actors.items()}
    known_wanted = set(annotation.get("known_actors") or ())
    people_wanted = set(annotation.get("new_people") or ())
    allowed = known_wanted | people_wanted | set(annotation.get("new_organizations") or ())
    score.add(score.known, known_wanted, actors - set(new), f"{name}: known actor not found")
    score.add(
        score.people,
        people_wanted,
        {i for i, a in new.items() if a["kind"] == "person"},
        f"{name}: person not proposed",
    )
    score.precise[0] += len(actors & allowed)
    score.precise[1] += len(actors)
    score.misses += [f"{name}: not an actor: {a}" for a in sorted(actors - allowed)]
    dates = {str(k).casefold(): str(v) for k, v in (annotation.get("dates") or {}).items()}
    drafted_dates = {str(e["as_written"]).casefold(): str(e["date"]) for e in article.get("events") or ()}
    right = {k for k, v in dates.items() if drafted_dates.get(k) == v}
    score.add(score.dates, set(dates), right, f"{name}: date not right")
    score.wrong_dates += [f"{name}: {k} -> {v}" for k, v in drafted_dates.items() if dates.get(k) != v]
    quotes = annotation.get("quotes") or {}
    drafted_quotes = article.get("quotes") or []
    source = case.get("text") or case.get("html") or ""
    score.invented_quotes += [
        f"{name}: {q['text']}" for q in drafted_quotes if q["text"] not in " ".join(source.split())
    ]
    placed = {
        prefix
        for prefix, by in quotes.items()
        if any(q["text"].startswith(prefix) and q["by"] == by for q in drafted_quotes)
    }
    score.add(score.quotes, set(quotes), placed, f"{name}: quote without its speaker")
    events = {e.get("id") for e in article.get("events") or ()}
    score.add(score.linked, set(annotation.get("linked_events") or ()), events, f"{name}: event not linked")


def test_draft_scores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over every case, the drafts reach the bars of issue 16 against the hand-written annotations."""
    score = _Score()
    for path in sorted(CASES_DIR.glob("*.yaml")):
        case = _case(path)
        drafted = _draft(case, tmp_path / path.stem, monkeypatch)
        _score(case, drafted, score, path.stem)
    report = "\n".join(score.misses + score.wrong_dates + score.invented_quotes)
    assert score.ratio(score.known) >= 0.95, report
    assert score.ratio(score.people) >= 0.80, report
    assert score.ratio(score.precise) >= 0.85, report
    assert score.ratio(score.dates) >= 0.90, report
    assert len(score.wrong_dates) <= 1, report
    assert score.ratio(score.quotes) >= 0.90, report
    assert score.invented_quotes == [], report
    assert score.ratio(score.linked) >= 0.80, report
