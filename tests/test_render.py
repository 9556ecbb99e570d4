from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import jinja2
import markdown
import pytest

from generator.content.history import History
from generator.pages.escape import escape_markdown, escape_text
from generator.pages.plan import PageSpec
from generator.pages.render import CompiledTemplates, compiled_templates, label_cells, make_environment, render_pages
from generator.pipeline import Project, build_pages
from tests.helpers import ACTORS, REPO, article, write_tree

GOLDEN = REPO / "tests" / "golden"
EXTENSIONS = ["attr_list", "tables", "toc"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def visible_text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


@pytest.mark.parametrize(
    "plain",
    [
        "*stars* and _underscores_ and a # sign",
        "[brackets](not-a-link) and `ticks` and \\backslash",
        "- starts like a list",
        "1986. starts like a numbered list",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "{: onclick=alert(1) } and --8<-- snippet",
        "pipes | in | tables",
        "AT&T &amp; friends",
    ],
)
def test_plain_text_shows_exactly_as_written(plain: str) -> None:
    html = to_html(escape_text(plain))
    assert visible_text(html) == plain
    assert "<script" not in html and "<img" not in html


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("<b onmouseover=alert(1)>hi</b>", "<b onmouseover=alert(1)>hi</b>"),
        ("Text {: onclick=alert(1) }", "Text {: onclick=alert(1) }"),
        ("*[HTML]: Hyper Text", "*[HTML]: Hyper Text"),
        ('--8<-- "/etc/passwd"', '--8<-- "/etc/passwd"'),
    ],
)
def test_markdown_fields_show_raw_html_and_extension_syntax_as_text(written: str, shown: str) -> None:
    html = to_html(escape_markdown(written))
    assert visible_text(html) == shown
    assert "<b " not in html and 'onclick="' not in html and "<abbr" not in html


def test_markdown_fields_keep_markdown() -> None:
    html = to_html(escape_markdown("Some *emphasis*, a [link](https://example.org) and `<code>`.\n\n- a\n- b"))
    assert "<em>emphasis</em>" in html
    assert '<a href="https://example.org">link</a>' in html
    assert "<code>&lt;code&gt;</code>" in html
    assert "<li>a</li>" in html


def test_templates_come_from_the_loader_they_are_given() -> None:
    environment = make_environment(
        jinja2.DictLoader({"pages/x.md.j2": "# {{ title|text }}\n[up]({{ url('actors') }})\n"})
    )
    spec = PageSpec("actors/russia.md", "x.md.j2", "R", {"title": "A *bold* claim"})
    [page] = render_pages([spec], environment, {})
    assert page.markdown == '---\ntitle: "R"\nhide: ["navigation"]\n---\n\n# A &#42;bold&#42; claim\n[up](index.md)\n'


def test_an_undefined_name_in_a_template_is_an_error() -> None:
    environment = make_environment(jinja2.DictLoader({"pages/x.md.j2": "{{ missing }}"}))
    with pytest.raises(jinja2.UndefinedError):
        render_pages([PageSpec("index.md", "x.md.j2", "T", {})], environment, {})


TEMPLATE = {"page.md.j2": "{% for name in names %}- {{ name|text }}\n{% endfor %}"}


def _render_with(cache: jinja2.BytecodeCache | None) -> str:
    environment = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATE), bytecode_cache=cache)
    environment.filters["text"] = escape_text
    return environment.get_template("page.md.j2").render(names=["Kim *Jong* Un", "Pyongyang"])


def test_a_template_compiled_by_one_build_is_not_compiled_again_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _render_with(None)
    assert _render_with(CompiledTemplates(str(tmp_path))) == fresh
    assert len(list(tmp_path.iterdir())) == 1, "the compiled template was not kept"

    def compile_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the template was compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", compile_again)
    assert _render_with(CompiledTemplates(str(tmp_path))) == fresh


def test_a_cache_of_compiled_templates_that_cannot_be_used_only_makes_the_build_compile(tmp_path: Path) -> None:
    fresh = _render_with(None)
    assert _render_with(CompiledTemplates(str(tmp_path / "gone"))) == fresh  # no folder to write in
    _render_with(CompiledTemplates(str(tmp_path)))
    [kept] = tmp_path.iterdir()
    kept.write_bytes(kept.read_bytes()[:40])  # cut short: not bytecode any more
    assert _render_with(CompiledTemplates(str(tmp_path))) == fresh


def test_without_a_temporary_folder_of_its_own_the_build_compiles_its_templates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    (tmp_path / f"_jinja2-cache-{os.getuid()}").write_text("a file, not a folder", encoding="utf-8")
    assert compiled_templates.__wrapped__() is None
    assert _render_with(None) == "- Kim &#42;Jong&#42; Un\n- Pyongyang\n"


def _pages(content: str) -> dict[str, str]:
    # No history: the pinned pages go by their briefings' dates, not by when the tree was last committed.
    build = build_pages(Project(REPO / content, REPO / "site_templates"), history=History())
    return {page.path: page.markdown for page in build.pages}


SAMPLE = _pages("tests/sample")
CORPUS = _pages("tests/corpus")
CASES = [("sample", path) for path in sorted(SAMPLE)] + [("corpus", path) for path in sorted(CORPUS)]


@pytest.mark.parametrize(("tree", "path"), CASES, ids=[f"golden-{t}-{p}" for t, p in CASES])
def test_golden_pages(tree: str, path: str, update_golden: bool) -> None:
    """The rendered Markdown of every page is pinned; `make golden` refreshes it."""
    rendered = (SAMPLE if tree == "sample" else CORPUS)[path]
    golden = GOLDEN / tree / path
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == rendered


DRAWINGS = [("sample", "timeline.md"), ("corpus", "timeline.md"), ("sample", "actors/russia.md")]
DRAWING = re.compile(r'<svg class="timeline-svg.*?</svg>', re.DOTALL)


def _drawing_golden(tree: str, path: str) -> Path:
    return GOLDEN / "drawings" / f"{tree}-{path.removesuffix('.md').replace('/', '-')}.svg"


@pytest.mark.parametrize(("tree", "path"), DRAWINGS, ids=[f"drawing-{t}-{p}" for t, p in DRAWINGS])
def test_golden_drawings(tree: str, path: str, update_golden: bool) -> None:
    """The drawn timeline of a page is pinned on its own too, as a file that opens in a browser
    (with the SVG namespace, which inline SVG does without); `make golden` refreshes it."""
    [svg] = DRAWING.findall((SAMPLE if tree == "sample" else CORPUS)[path])
    drawing = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) + "\n"
    golden = _drawing_golden(tree, path)
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(drawing, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == drawing


def test_every_golden_file_is_still_a_page() -> None:
    pinned = {(p.parts[0], "/".join(p.parts[1:])) for p in (f.relative_to(GOLDEN) for f in GOLDEN.rglob("*.md"))}
    assert pinned == set(CASES)
    assert sorted((GOLDEN / "drawings").glob("*.svg")) == sorted(_drawing_golden(t, p) for t, p in DRAWINGS)


@pytest.mark.slow  # runs pytest in a process of its own
def test_a_stray_update_golden_fails_the_golden_tests_and_rewrites_nothing(tmp_path: Path) -> None:
    """UPDATE_GOLDEN left set in a shell must not turn the golden tests into rewrites that pass:
    only `make golden` (pytest --update-golden) rewrites them."""
    project = tmp_path / "project"
    for folder in ("site_templates", "tests/sample", "tests/corpus", "tests/golden"):
        shutil.copytree(REPO / folder, project / folder)
    for file in ("__init__.py", "conftest.py", "helpers.py", "test_render.py"):
        shutil.copy(REPO / "tests" / file, project / "tests" / file)
    pinned = project / "tests/golden/sample/index.md"
    pinned.write_text(pinned.read_text(encoding="utf-8") + "stale\n", encoding="utf-8")
    shell = {name: value for name, value in os.environ.items() if name != "UPDATE_GOLDEN"}

    def golden_test(*options: str, **environment: str) -> subprocess.CompletedProcess[str]:
        test = "tests/test_render.py::test_golden_pages[golden-sample-index.md]"
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options, test]
        return subprocess.run(
            command, cwd=project, env={**shell, **environment}, capture_output=True, text=True, check=False
        )

    stray = golden_test(UPDATE_GOLDEN="1")
    assert stray.returncode == 1, stray.stdout
    assert (
        "UPDATE_GOLDEN is set in the environment, but only `make golden` rewrites the golden files: "
        "unset it (unset UPDATE_GOLDEN) to compare with them, or run `make golden` to refresh them"
    ) in stray.stdout
    assert pinned.read_text(encoding="utf-8").endswith("stale\n")
    assert golden_test().returncode == 1  # compared: the golden file is stale
    assert golden_test("--update-golden", UPDATE_GOLDEN="1").returncode == 0  # what `make golden` runs
    assert pinned.read_text(encoding="utf-8") == (REPO / "tests/golden/sample/index.md").read_text(encoding="utf-8")


def test_rendering_is_deterministic() -> None:
    assert _pages("tests/sample") == SAMPLE


SUMMIT = "  - id: summit\n    date: {date}\n    as_written: {written}\n    title: Leaders meet\n    actors: [russia]\n"


def test_an_event_has_a_page_with_each_date_and_account_and_every_source_linked(tmp_path: Path) -> None:
    first = article("2023-09-14", SUMMIT.format(date="2023-09-12", written="on Tuesday"))
    first = first.replace("  published: 2023-09-14\n", "  published: 2023-09-14\n  url: https://example.org/a\n")
    quote = "quotes:\n  - by: russia\n    text: We talked\n    context: At the *summit*.\n"
    second = article(
        "2023-09-20", SUMMIT.format(date="2023-09-13", written="last week") + "    details: In *Vladivostok*.\n"
    )
    second = second.replace("publisher: Wire", "publisher: Post")
    files = {**ACTORS, "content/articles/first.yaml": first + quote, "content/articles/second.yaml": second}
    pages = {
        page.path: page.markdown
        for page in build_pages(Project(write_tree(tmp_path, files) / "content", REPO / "site_templates")).pages
    }
    event = pages["events/summit.md"]
    body = visible_text(to_html(event.partition("\n---\n")[2]))
    assert body.startswith(
        "Leaders meet\n12 September 2023 or 13 September 2023 (reports disagree) · known to the day · 2 sources · on the timeline"
    )
    for row in (
        "Wire, 14 September 2023\n12 September 2023\n“on Tuesday”\nto the day",
        "Post, 20 September 2023\n13 September 2023\n“last week”\nto the day",
    ):
        assert row in body, body
    assert "Post, 20 September 2023 [2]. In Vladivostok." in body  # each source's account
    assert "“We talked”\n— Russia, 14 September 2023 [1]\nAt the summit." in body  # quotes, with their context
    assert '<a class="cite" href="../briefings/first.md">Wire, 14 September 2023</a>' in event
    assert '<a class="cite" href="../briefings/second.md">Post, 20 September 2023</a>' in event
    assert '<a class="ref-url" href="https://example.org/a">' in event
    assert "[Russia](../actors/russia.md)" in event
    [jsonld] = [json.loads(line[8:]) for line in event.splitlines() if line.startswith("jsonld: ")]
    assert (jsonld["@type"], jsonld["name"], jsonld["startDate"]) == ("Event", "Leaders meet", "2023-09-12")
    # The lists that show the event link to its page: the timeline, the profile, the briefings.
    assert '<a href="events/summit.md">Leaders meet</a>' in pages["timeline.md"]
    assert '<a href="../events/summit.md">Leaders meet</a>' in pages["actors/russia.md"]
    assert "[Leaders meet](../events/summit.md)" in pages["briefings/first.md"]


def test_a_profile_starts_with_a_summary_and_says_who_and_what_was_said_about(tmp_path: Path) -> None:
    actors = {
        **ACTORS,
        "content/actors/kim.yaml": (
            "name: Kim Jong Un\nkind: person\naliases: [Kim, 김정은, Ким Чен Ын]\n"
            "roles:\n  - title: Leader\n    organization: north-korea\n    from: 2011-12\n  - title: Vice-chair\n    from: 2009\n    to: 2011\n"
        ),
    }
    events = "  - id: visit\n    date: 2023-09-12\n    title: Kim arrives\n    actors: [kim]\n"
    extra = (
        "actors:\n  - id: kim\n    role: Visiting by train\n"
        "quotes:\n  - by: kim\n    text: A sacred struggle\n    context: At a *banquet*.\n"
        "relations:\n  - from: kim\n    to: russia\n    kind: visits\n    text: on his first trip abroad\n"
    )
    files = {**actors, "content/articles/a.yaml": article("2023-09-13", events, extra)}
    pages = {
        page.path: page.markdown
        for page in build_pages(Project(write_tree(tmp_path, files) / "content", REPO / "site_templates")).pages
    }
    profile = pages["actors/kim.md"].partition("\n---\n")[2]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', profile)
    assert [(heading, re.sub("<[^>]+>", "", cell)) for heading, cell in rows] == [
        ("Kind", "Person"),
        ("Now", "Leader, North Korea (since December 2011)"),
        ("Also known as", "Kim, 김정은, Ким Чен Ын"),
        ("Briefings", "1"),
        ("Event", "12 September 2023: Kim arrives"),
        ("Latest development", "13 September 2023: A report"),
    ]
    assert '<strong>Kim</strong>, <strong lang="ko">김정은</strong>, <strong lang="ru">Ким Чен Ын</strong>' in profile
    body = visible_text(to_html(profile))
    assert "Kim Jong Un: Visiting by train [1]" in body  # in the stories: who
    assert "“A sacred struggle”\n— 13 September 2023 [1]\nAt a banquet." in body  # a quote keeps its context
    # A relation's note is a column of its own, apart from its verb.
    assert '<td data-label="Relation"><em>visits</em></td>\n<td data-label="To"><a' in profile
    assert '<td data-label="About">on his first trip abroad</td>' in profile


@pytest.mark.parametrize(
    ("rows", "labelled"),
    [
        (
            "<tr>\n<td>a</td>\n<td>b</td>\n</tr>",
            '<tr>\n<td data-label="Who">a</td>\n<td data-label="Says &amp; why">b</td>\n</tr>',
        ),
        # Each row starts again from the first heading; a cell past the headings keeps no label.
        (
            "<tr><td>a</td></tr><tr><td>b</td><td>c</td><td>d</td></tr>",
            '<tr><td data-label="Who">a</td></tr><tr><td data-label="Who">b</td><td data-label="Says &amp; why">c</td><td>d</td></tr>',
        ),
        ("", ""),
    ],
)
def test_each_cell_carries_its_columns_heading_for_a_phone(rows: str, labelled: str) -> None:
    assert label_cells(rows, ["Who", "Says & why"]) == labelled
