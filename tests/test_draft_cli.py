"""`python -m generator draft`: what it writes and prints, its messages and exit codes, and the round trip."""

from __future__ import annotations

import contextlib
import http.server
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from generator.draft.fetch import fetch_url
from generator.draft.records import DraftInputError
from generator.pipeline import Project, build_pages
from tests.conftest import SAMPLE_CONTENT, copy_project, run_generator, serve_site
from tests.helpers import REPO, run_main, write_tree

PAGES = Path(__file__).parent / "draft_pages"
SEED = REPO.parent / "shared" / "seed-article.txt"
STORY = """Port talks resume

TOKYO (Kyodo) -- Japan and South Korea resumed talks on port fees on Tuesday, the transport ministry said.

"We expect a deal before the summer," Transport Minister Aiko Tanabe told reporters. Tanabe said the talks had stalled in March.
"""
TREE = {
    "content/actors/japan.yaml": "name: Japan\nkind: country\naliases: [Tokyo]\n",
    "content/actors/south-korea.yaml": "name: South Korea\nkind: country\naliases: [Seoul]\n",
    "content/topics/ports.yaml": "name: Port fees\n",
}


def _run(root: Path, *args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """Run `python -m generator ARGS` in this process, from ``root``: exit code, stdout, stderr."""
    ran = run_main(*args, cwd=root, stdin=stdin)
    return ran.returncode, ran.stdout, ran.stderr


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / "content").rglob("*") if p.is_file()}


def test_a_draft_is_written_with_what_was_found_and_what_is_left(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TREE, "story.txt": STORY})
    code, out, err = _run(tmp_path, "draft", "story.txt", "--published", "2024-04-16")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "wrote content/articles/2024-04-16-port-talks-resume.yaml",
        "found: 3 actors (1 new), 2 events (0 already in the content), 1 quote, 1 statement",
        "left for you:",
        "  - write the summary, in your own words",
        "  - do what each 'review' line says, then remove it (3 lines)",
        "  - create the 1 new actor, or draft again with --new-actors: aiko-tanabe",
        "  - add statements and relations in your own words, and the topics",
        "then run: .venv/bin/python -m generator check",
    ]
    draft = yaml.safe_load((tmp_path / "content/articles/2024-04-16-port-talks-resume.yaml").read_text())
    assert draft["source"] == {"publisher": "Kyodo", "published": "2024-04-16", "dateline": "Tokyo"}
    assert draft["summary"] is None
    assert [(e["as_written"], e["date"]) for e in draft["events"]] == [
        ("on Tuesday", "2024-04-16"),
        ("in March", "2024-03"),
    ]
    assert draft["quotes"] == [{"by": "aiko-tanabe", "text": "We expect a deal before the summer"}]


def test_out_dash_prints_the_draft_and_reports_on_standard_error(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TREE, "story.txt": STORY})
    code, out, err = _run(tmp_path, "draft", "story.txt", "--published", "2024-04-16", "--out", "-")
    assert code == 0
    assert out.startswith("# yaml-language-server: $schema=../../schemas/article.schema.json\n")
    assert err.splitlines()[0] == "found: 3 actors (1 new), 2 events (0 already in the content), 1 quote, 1 statement"
    assert _files(tmp_path) == set(TREE)


@pytest.mark.parametrize(
    ("source", "named"),
    [
        ("{root}/downloads/story.txt", "story.txt"),
        ("downloads/story.txt", "story.txt"),
        ("downloads/../downloads/story.txt", "story.txt"),
        ("-", "standard input"),
    ],
)
def test_the_header_names_the_source_by_its_file_name_never_a_path(tmp_path: Path, source: str, named: str) -> None:
    write_tree(tmp_path, {**TREE, "downloads/story.txt": STORY})
    given = source.format(root=tmp_path)
    code, out, _ = _run(tmp_path, "draft", given, "--published", "2024-04-16", "--out", "-", stdin=STORY.encode())
    assert code == 0
    assert out.splitlines()[1].startswith(f"# Drafted by `python -m generator draft` from '{named}': ")
    assert str(tmp_path) not in out and "downloads" not in out


def test_standard_input_is_read_with_a_dash(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    code, out, _ = _run(tmp_path, "draft", "-", "--published", "2024-04-16", "--id", "port-talks", stdin=STORY.encode())
    assert code == 0
    assert out.splitlines()[0] == "wrote content/articles/port-talks.yaml"


def test_the_round_trip_checks_but_for_the_summary_then_builds(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TREE, "story.txt": STORY})
    assert _run(tmp_path, "draft", "story.txt", "--published", "2024-04-16", "--new-actors")[0] == 0
    assert _files(tmp_path) == set(TREE) | {
        "content/articles/2024-04-16-port-talks-resume.yaml",
        "content/actors/aiko-tanabe.yaml",
    }
    code, out, err = _run(tmp_path, "check")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "content/actors/aiko-tanabe.yaml:5:9: warning: left to review: check the name, the kind and the role "
        "against the article; then remove this 'review' line",
        "content/articles/2024-04-16-port-talks-resume.yaml:11:9: error: 'summary' has no value, and it is required: "
        "write what the article reports, in your own words, in Markdown",
        "1 error, 1 warning in 2 files",
    ]
    article = tmp_path / "content/articles/2024-04-16-port-talks-resume.yaml"
    article.write_text(
        article.read_text().replace(
            "summary:  #", "summary: Japan and South Korea are talking about port fees again.  #"
        )
    )
    assert _run(tmp_path, "check")[:2] == (0, "content: 1 article, 3 actors, 1 topic, 2 events: ok\n")
    with contextlib.chdir(tmp_path):
        pages = {
            page.path: page.markdown for page in build_pages(Project(Path("content"), REPO / "site_templates")).pages
        }
    briefing = pages["briefings/2024-04-16-port-talks-resume.md"]
    assert "We expect a deal before the summer" in briefing
    assert "Aiko Tanabe" in pages["actors/aiko-tanabe.md"]


@pytest.mark.parametrize(
    ("files", "args", "code", "message"),
    [
        (
            {"empty.txt": ""},
            ["empty.txt"],
            1,
            "error: empty.txt is empty: give the article's text, a saved web page, or its address",
        ),
        (
            {"photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"},
            ["photo.jpg"],
            1,
            "error: photo.jpg is not text (it holds binary data): give the article as plain text (.txt) or a saved web page (.html)",
        ),
        (
            {"latin.txt": "Caf\xe9 talks\n\nText.".encode("latin-1")},
            ["latin.txt"],
            1,
            "error: latin.txt is not UTF-8 text (byte 4 is 0xe9): save it as UTF-8 and try again",
        ),
        (
            {"big.txt": b"Headline\n\n" + b"word " * (6 * 1024 * 1024 // 5)},
            ["big.txt"],
            1,
            "error: big.txt is 6.0 MiB; the limit is 5 MiB: save only the article's own page, or paste its text into a .txt file",
        ),
        (
            {"front.html": (PAGES / "front-page.html").read_bytes()},
            ["front.html", "--published", "2025-03-04"],
            1,
            "error: found no article in front.html: save the article's own page (not a front page or a list), "
            "or paste its text into a .txt file and draft that",
        ),
        (
            {"headline.txt": "Only a headline\n"},
            ["headline.txt", "--published", "2025-03-04"],
            1,
            "error: found no article text in headline.txt after its headline: give the whole article, not its headline alone",
        ),
        (
            {"story.txt": STORY},
            ["story.txt"],
            2,
            "error: story.txt gives no publication date: pass --published YYYY-MM-DD (the day the article came out)",
        ),
        (
            {"jiji.txt": "Talks\n\nTokyo, Oct. 16 (Jiji Press)--Japan agreed."},
            ["jiji.txt"],
            2,
            "error: the dateline of jiji.txt gives 'Oct. 16' but not the year: pass --published YYYY-MM-DD",
        ),
        (
            {},
            ["nowhere.txt"],
            2,
            "error: nowhere.txt not found: give a text file, a saved web page, - for standard input, or an http(s) address",
        ),
        (
            {"story.txt": STORY},
            ["story.txt", "--published", "16 April 2024"],
            2,
            "error: --published '16 April 2024' is not a date: write '2024-04-16'",
        ),
        (
            {"story.txt": STORY},
            ["story.txt", "--published", "2024-04"],
            2,
            "error: --published '2024-04' must be a full date such as 2024-04-15",
        ),
        (
            {"story.txt": STORY},
            ["story.txt", "--id", "Port_Talks"],
            2,
            "error: --id 'Port_Talks' is not a valid id: an id must be lowercase letters and digits, words joined by single hyphens (try 'port-talks')",
        ),
        (
            {"story.txt": STORY},
            ["story.txt", "--url", "www.example.org"],
            2,
            "error: --url 'www.example.org' is not a web address: write a full http:// or https:// URL",
        ),
        (
            {"story.txt": STORY},
            ["story.txt", "--published", "2024-04-16", "--lang", "xx"],
            2,
            "error: --lang 'xx' is not a language the draft reads: use one of en, ko",
        ),
        (
            {},
            ["ftp://example.org/story.txt"],
            2,
            "error: cannot fetch 'ftp://example.org/story.txt': only http:// and https:// addresses are fetched",
        ),
        (
            {"story.txt": STORY, "content/articles/2024-04-16-port-talks-resume.yaml": "title: Taken\n"},
            ["story.txt", "--published", "2024-04-16"],
            1,
            "error: content/articles/2024-04-16-port-talks-resume.yaml already exists: pass --id to choose another id, or --out FILE",
        ),
    ],
)
def test_bad_input_is_one_message_an_exit_code_and_nothing_written(
    tmp_path: Path, files: dict[str, Any], args: list[str], code: int, message: str
) -> None:
    write_tree(tmp_path, {**TREE, **files})
    before = _files(tmp_path)
    assert _run(tmp_path, "draft", *args) == (code, "", message + "\n")
    assert _files(tmp_path) == before


def test_a_content_folder_without_actors_gets_one_for_the_new_actors(tmp_path: Path) -> None:
    write_tree(tmp_path, {"story.txt": STORY})
    code, out, _ = _run(
        tmp_path, "draft", "story.txt", "--published", "2024-04-16", "--new-actors", "--id", "port-talks"
    )
    assert code == 0
    assert out.splitlines()[:4] == [
        "wrote content/articles/port-talks.yaml",
        "wrote content/actors/south-korea.yaml (a new actor)",
        "wrote content/actors/aiko-tanabe.yaml (a new actor)",
        "wrote content/actors/japan.yaml (a new actor)",
    ]
    assert (tmp_path / "content/actors/japan.yaml").read_text(encoding="utf-8").splitlines()[2:4] == [
        "name: Japan",
        "kind: country  # guessed from the text: person, country or organization",
    ]


def test_a_folder_that_cannot_be_written_leaves_nothing_behind(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TREE, "story.txt": STORY, "content/articles": "a file where the folder goes"})
    code, out, err = _run(
        tmp_path, "draft", "story.txt", "--published", "2024-04-16", "--new-actors", "--id", "port-talks"
    )
    assert (code, out) == (2, "")
    assert err == "error: content/articles: this is a file, not a folder: move it out of the way: nothing was written\n"
    assert not (tmp_path / "content/actors/aiko-tanabe.yaml").exists()


def test_the_command_runs_as_a_program_with_its_exit_code(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TREE, "story.txt": STORY})
    result = subprocess.run(
        [sys.executable, "-m", "generator", "draft", "story.txt"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == "error: story.txt gives no publication date: pass --published YYYY-MM-DD (the day the article came out)\n"
    )


# ---------------------------------------------------------------------------------------------
# An address, fetched from a server on 127.0.0.1


_ROUTES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/article": (200, "text/html; charset=utf-8", (PAGES / "port-strike.html").read_bytes(), {}),
    "/story.txt": (200, "text/plain; charset=utf-8", STORY.encode(), {}),
    "/moved": (302, "text/html", b"", {"Location": "/article"}),
    "/photo.png": (200, "image/png", b"\x89PNG\r\n", {}),
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        if self.path == "/slow":
            time.sleep(2)
        status, content_type, body, headers = _ROUTES.get(self.path, (404, "text/html", b"", {}))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client that gave up waiting
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    _Handler.requests.clear()
    with serve_site(tmp_path, _Handler) as address:
        yield address


def test_an_address_is_fetched_once_and_drafted_from_its_page(tmp_path: Path, server: str) -> None:
    write_tree(tmp_path, TREE)
    code, out, err = _run(tmp_path, "draft", f"{server}/article", "--new-actors")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "wrote content/articles/2025-03-04-port-workers-end-strike-pay-deal.yaml"
    draft = yaml.safe_load((tmp_path / "content/articles/2025-03-04-port-workers-end-strike-pay-deal.yaml").read_text())
    assert draft["source"] == {
        "publisher": "Coastline Daily",
        "published": "2025-03-04",
        "url": "https://www.coastline-daily.example/business/2025/03/04/port-workers-end-strike/",
        "dateline": "Gothenburg",
        "authors": ["Oskar Lindqvist"],
    }
    assert _Handler.requests == ["/article"]  # nothing else: no image, no script, no tracker


def test_a_plain_text_address_is_drafted_as_text(tmp_path: Path, server: str) -> None:
    write_tree(tmp_path, TREE)
    code, out, _ = _run(tmp_path, "draft", f"{server}/story.txt", "--published", "2024-04-16", "--out", "-")
    assert code == 0
    assert f"  url: {server}/story.txt\n" in out


def test_addresses_that_fail_are_one_message_each(tmp_path: Path, server: str) -> None:
    write_tree(tmp_path, TREE)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/article"
    advice = "check the address, or save the page and draft the file"
    for address, message in [
        (f"{server}/missing", f"error: {server}/missing answered 404 Not Found: {advice}"),
        (f"{server}/moved", f"error: {server}/moved redirects to /article: draft that address instead"),
        (
            f"{server}/photo.png",
            f"error: {server}/photo.png is image/png, not a web page or a text: save the article's text and draft the file",
        ),
        (closed, f"error: could not fetch {closed} (connection refused): {advice}"),
    ]:
        assert _run(tmp_path, "draft", address) == (1, "", message + "\n")
    assert _files(tmp_path) == set(TREE)
    assert "/article" not in _Handler.requests  # a redirect is not followed


def test_an_address_that_does_not_answer_in_time(server: str) -> None:
    with pytest.raises(DraftInputError) as error:
        fetch_url(f"{server}/slow", timeout=0.5)
    assert error.value.message == (
        f"error: {server}/slow did not answer within 0.5 s: try again later, or save the page and draft the file"
    )
    assert error.value.exit_code == 1


# ---------------------------------------------------------------------------------------------
# The first real test: the seed article against the frozen sample (the article is read at run time, never copied)


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed-article.txt is not there")
def test_the_seed_article_drafts_like_the_sample_briefing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    code, out, err = _run(project, "draft", str(SEED), "--published", "2024-04-15", "--out", "-")
    assert code == 0, err
    draft = yaml.safe_load(out)
    sample = yaml.safe_load((SAMPLE_CONTENT / "articles/2024-04-15-us-allies-north-korea-sanctions.yaml").read_text())
    drafted_actors = {a if isinstance(a, str) else a["id"] for a in draft["actors"]}
    sample_actors = {a if isinstance(a, str) else a["id"] for a in sample["actors"]}
    assert drafted_actors - sample_actors == {"united-nations"}  # a well-known body the sample lacks
    assert sample_actors - drafted_actors == {
        "south-korea-ministry-of-national-defense"
    }  # named only as 'the ministry'
    assert [(e["id"], e["date"], e["as_written"]) for e in draft["events"]] == [
        ("thomas-greenfield-seoul-remarks", "2024-04-15", "on Monday"),
        ("panel-of-experts-veto", "2024-03", "last month"),
        ("panel-of-experts-monitoring", "2009~", "for 15 years"),
        ("russia-north-korea-summit-2023", "2023-09", "in September"),
        ("russia-north-korea-military-pledge", "2023", "last year"),
    ]
    assert [(e["date"], e["as_written"]) for e in sample["events"]][1:] == [
        ("2024-03-28", "last month"),
        ("2009~", "for 15 years"),
        ("2023-09", "in September"),
        ("2023", "last year"),
    ]
    assert draft["quotes"] == [
        {"by": "south-korea", "speaker": "a South Korean envoy", "text": sample["quotes"][0]["text"]}
    ]
    assert draft["source"] == {"publisher": "Reuters", "published": "2024-04-15", "dateline": "Seoul"}


SEED_TREE = {
    **{
        f"content/actors/{id}.yaml": f"name: {name}\nkind: {kind}\n" + (f"aliases: [{aliases}]\n" if aliases else "")
        for id, name, kind, aliases in [
            ("united-states", "United States", "country", "U.S., Washington"),
            ("north-korea", "North Korea", "country", "Pyongyang"),
            ("south-korea", "South Korea", "country", "Seoul"),
            ("russia", "Russia", "country", "Moscow"),
            ("china", "China", "country", ""),
            ("japan", "Japan", "country", "Tokyo"),
            ("un-security-council", "UN Security Council", "organization", "U.N. Security Council"),
        ]
    },
    "content/articles/2024-03-28-panel-veto.yaml": (
        "title: Russia vetoes the renewal of the UN panel on North Korea sanctions\n"
        "source:\n  publisher: Example Wire\n  published: 2024-03-28\n"
        "summary: Russia blocked the renewal of the experts' mandate.\n"
        "events:\n  - id: panel-of-experts-veto\n    date: 2024-03-28\n"
        "    title: Russia vetoes renewal of the UN panel of experts\n    actors: [russia, un-security-council]\n"
    ),
}


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed-article.txt is not there")
def test_an_unreviewed_draft_warns_and_fails_a_strict_build_until_its_marks_are_resolved(tmp_path: Path) -> None:
    write_tree(tmp_path, SEED_TREE)
    code, out, err = _run(tmp_path, "draft", str(SEED), "--published", "2024-04-15", "--new-actors")
    assert code == 0, err
    article = tmp_path / "content/articles/2024-04-15-us-allies-seek-ways-enforce-north.yaml"
    text = article.read_text(encoding="utf-8")
    summary = "The US envoy to the UN said in Seoul that the allies look for other ways to enforce the sanctions."
    article.write_text(re.sub(r"(?m)^summary: .*$", f"summary: {summary}", text), encoding="utf-8")
    marks = [
        (path, number)
        for path in sorted((tmp_path / "content").rglob("*.yaml"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip().startswith("review:")
    ]
    assert len(marks) == 12  # five events (one linked to the content's), two statements, four new people, the UN

    code, out, err = _run(tmp_path, "check")
    assert (code, out) == (0, "content: 2 articles, 12 actors, 0 topics, 5 events: ok\n")
    warned = [line for line in err.splitlines() if ": warning: left to review: " in line]
    assert [line.split(":")[:2] for line in warned] == [
        [path.relative_to(tmp_path).as_posix(), str(number)] for path, number in marks
    ]
    assert err.splitlines()[-1] == "0 errors, 12 warnings in 6 files"
    site = tmp_path / "site"
    built = run_generator("build", "--strict", "--content", tmp_path / "content", "--site-dir", site)
    assert built.returncode == 1
    assert built.stderr.splitlines()[-1] == (
        f"error: the site was not built, and {site} is unchanged: 12 review marks left in the content (listed above):"
        " do what each says and remove its 'review' line, or build without --strict to preview"
    )
    assert not site.exists()

    for path, _ in marks:  # the person did what each says
        path.write_text(re.sub(r"(?m)^\s*review: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert _run(tmp_path, "check")[:3] == (0, "content: 2 articles, 12 actors, 0 topics, 5 events: ok\n", "")
    built = run_generator("build", "--strict", "--content", tmp_path / "content", "--site-dir", site)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stdout + built.stderr
    assert (site / "briefings/2024-04-15-us-allies-seek-ways-enforce-north/index.html").is_file()


def test_an_event_the_draft_is_not_sure_of_is_listed_for_the_person_not_linked(tmp_path: Path) -> None:
    launch = (
        "title: A team is launched\nsource:\n  publisher: Example Wire\n  published: 2024-10-16\n"
        "summary: Eleven countries set up a team.\nevents:\n  - id: team-launch\n    date: 2024-10-16\n"
        "    title: Eleven countries launch a sanctions monitoring team\n    actors: [japan]\n"
        "  - date: 2024-10-17\n    title: Seoul welcomes the team\n    actors: [south-korea]\n"
    )
    story = (
        "Team presents its findings\n\nNEW YORK (Kyodo) -- The monitoring body that South Korea joined "
        "was established in October last year.\n"
    )
    write_tree(tmp_path, {**TREE, "content/articles/2024-10-16-launch.yaml": launch, "story.txt": story})
    code, out, err = _run(tmp_path, "draft", "story.txt", "--published", "2025-07-18", "--out", "-")
    assert code == 0, err
    events = yaml.safe_load(out)["events"]
    assert [(e.get("id"), e["date"]) for e in events] == [(None, "2024-10")]
    assert events[0]["review"] == (
        "check whether it is the content's event 'team-launch': if it is, write 'id:' with that id and its title; "
        "if not, reword the title in your own words"
    )
    assert "# perhaps the content's event 'team-launch' (2024-10-16, Eleven countries launch" in out


def test_the_publisher_option_is_cleaned_as_the_text_is(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TREE, "story.txt": STORY})
    publisher = "Kyodo\x1b[2J\nNews\x07"
    code, out, err = _run(tmp_path, "draft", "story.txt", "--published", "2024-04-16", "--publisher", publisher)
    assert (code, err) == (0, "")
    drafted = tmp_path / "content/articles/2024-04-16-port-talks-resume.yaml"
    assert yaml.safe_load(drafted.read_text())["source"]["publisher"] == "Kyodo [2J News"
    assert not [line for line in out.splitlines() if line.startswith("  - fix:")]


def test_new_actors_says_which_files_it_wrote_and_which_it_left(tmp_path: Path) -> None:
    broken = "name: Aiko Tanabe\nkind: persona\n"
    write_tree(tmp_path, {**TREE, "story.txt": STORY, "content/actors/aiko-tanabe.yaml": broken})
    code, out, _ = _run(tmp_path, "draft", "story.txt", "--published", "2024-04-16", "--new-actors")
    assert code == 0
    assert "(a new actor)" not in out
    drafted = (tmp_path / "content/articles/2024-04-16-port-talks-resume.yaml").read_text()
    assert "written to content/actors/aiko-tanabe.yaml" not in drafted
    assert "  - id: aiko-tanabe  # new: content/actors/aiko-tanabe.yaml exists already: fix it\n" in drafted
    assert (tmp_path / "content/actors/aiko-tanabe.yaml").read_text() == broken


TALKS = """Port talks resume

TOKYO (Kyodo) -- Japan and South Korea resumed talks on port fees on Tuesday, the transport ministry said.
"""
TALKS_SET = (
    "title: Port talks set\nsource:\n  publisher: Example Wire\n  published: 2024-04-10\n"
    "summary: Talks on port fees are set for April.\n"
    "events:\n  - id: port-talks\n    date: 2024-04\n    title: Japan and South Korea resume talks on port fees\n"
    "    actors: [japan, south-korea]\n"
)
# The day itself, in an article whose event names no actor: the event is still one, on the timeline.
TALKS_OPEN = (
    "title: Port talks open\nsource: {publisher: Example Wire, published: 2024-04-17}\n"
    "summary: The talks opened in Tokyo.\nactors: [japan]\n"
    "events:\n  - id: port-talks\n    date: 2024-04-16\n    title: Port talks open in Tokyo\n"
)
LINKED = "  - id: port-talks  # the content has this event ({date}): its sources merge on the timeline"
NOT_LINKED = "  - date: \"2024-04-16\"  # 'on Tuesday', counted from Wednesday 2024-04-17"


@pytest.mark.parametrize(
    ("articles", "first_line"),
    [
        ({"2024-04-10-port-talks.yaml": TALKS_SET}, LINKED.format(date="2024-04")),
        # As the site merges it: the most precise date of all its reports.
        (
            {"2024-04-10-port-talks.yaml": TALKS_SET, "2024-04-17-port-talks-open.yaml": TALKS_OPEN},
            LINKED.format(date="2024-04-16"),
        ),
        # A key in quotes is the same key to the loader.
        ({"2024-04-10-port-talks.yaml": TALKS_SET.replace("events:", '"events":')}, LINKED.format(date="2024-04")),
        # A file the loader does not read (its name is not an id) has no event the site shows.
        ({"Port Talks.yaml": TALKS_SET}, NOT_LINKED),
        # Nor has an article the validator refuses.
        ({"2024-04-10-port-talks.yaml": TALKS_SET.replace("summary:", "summry:")}, NOT_LINKED),
    ],
    ids=["one-report", "merged-from-two", "quoted-key", "file-not-read", "article-not-valid"],
)
def test_the_content_s_events_are_those_the_loader_reads_merged_as_the_site_merges_them(
    tmp_path: Path, articles: dict[str, str], first_line: str
) -> None:
    files = {f"content/articles/{name}": text for name, text in articles.items()}
    write_tree(tmp_path, {**TREE, **files, "story.txt": TALKS})
    code, out, err = _run(tmp_path, "draft", "story.txt", "--published", "2024-04-17", "--out", "-")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[lines.index("events:") + 1] == first_line
