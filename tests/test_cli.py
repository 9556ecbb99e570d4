from __future__ import annotations

import contextlib
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

from tests.helpers import ACTORS, REPO, article, run_main, write_tree

run = run_main  # in this process: exact output and exit code, in milliseconds


def test_check_passes_on_the_sample_content() -> None:
    result = run("check", "--content", "tests/sample", cwd=REPO)
    assert result.returncode == 0
    assert result.stdout == "tests/sample: 11 articles, 26 actors, 4 topics, 21 events: ok\n"
    # Two warnings the sample keeps on purpose: reports that disagree on a date, and a scheduled event.
    assert result.stderr.splitlines()[-1] == "0 errors, 2 warnings in 2 files"


def test_check_prints_every_error_with_a_fix_and_exits_1(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            **ACTORS,
            "content/articles/a.yaml": article(extra="actors: [rusia]\ntopics: [sanction]\n"),
            "content/articles/b.yaml": article(published="15 April 2024"),
            "content/actors/china.yaml": "name: China\nkind: nation\n",
        },
    )
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "content/actors/china.yaml:2:7: error: unknown kind 'nation' (use one of: person, country, organization)",
        "content/articles/a.yaml:6:10: error: unknown actor 'rusia': did you mean 'russia' (Russia)? "
        "If not, create it with: .venv/bin/python -m generator new actor rusia",
        "content/articles/a.yaml:7:10: error: unknown topic 'sanction': did you mean 'sanctions' (Sanctions)? "
        "If not, create it with: .venv/bin/python -m generator new topic sanction",
        "content/articles/b.yaml:4:14: error: '15 April 2024' is not a date: write '2024-04-15'",
        "4 errors, 0 warnings in 3 files",
    ]


def test_warnings_are_printed_and_the_check_still_passes(tmp_path: Path) -> None:
    events = "  - date: 2024-05-01\n    title: Talks scheduled\n"
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(events=events)})
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/articles/a.yaml:7:11: warning: event 'Talks scheduled' is dated 2024-05-01, "
        "after the article was published (2024-04-15); fine for a scheduled event",
        "0 errors, 1 warning in 1 file",
    ]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    usage = "usage: .venv/bin/python -m generator [-h] COMMAND ...\n"
    unknown = run("publish", cwd=tmp_path)
    assert (unknown.returncode, unknown.stdout) == (2, "")
    assert unknown.stderr == usage + (
        ".venv/bin/python -m generator: error: argument COMMAND: invalid choice: 'publish' "
        "(choose from 'init', 'check', 'new', 'list', 'schema', 'build', 'render', 'index', 'export', 'draft')\n"
    )
    nothing = run(cwd=tmp_path)
    assert (nothing.returncode, nothing.stdout) == (2, "")
    assert (
        nothing.stderr
        == usage + ".venv/bin/python -m generator: error: the following arguments are required: COMMAND\n"
    )
    no_out = run("render", cwd=tmp_path)
    assert (no_out.returncode, no_out.stdout) == (2, "")
    assert no_out.stderr.splitlines()[-1] == (
        ".venv/bin/python -m generator render: error: the following arguments are required: --out"
    )


def test_a_missing_content_folder_is_one_clear_error(tmp_path: Path) -> None:
    result = run("check", "--content", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "nowhere:1:1: error: content folder not found",
        "1 error, 0 warnings in 1 file",
    ]


def test_render_writes_the_markdown_pages(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    result = run(
        "render",
        "--content",
        str(REPO / "tests/corpus"),
        "--templates",
        str(REPO / "site_templates"),
        "--out",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"wrote 25 pages and 44 data files to {out}\n"  # 6 event pages, their JSON documents
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.md"))
    assert len(written) == 25
    assert "actors/norvessa.md" in written and "timeline.md" in written
    assert (out / "briefings/kestrel-wire-lutsa-protest.md").read_text().startswith("---\ntitle: ")


# Counts in words: one is singular, wherever a count is printed or shown.

ONE_OF_EACH = {
    "content/actors/russia.yaml": "name: Russia\nkind: country\n",
    "content/topics/sanctions.yaml": "name: Sanctions\n",
    "content/articles/a.yaml": article(
        events="  - date: 2024-04-10\n    title: A vote\n    actors: [russia]\n", extra="topics: [sanctions]\n"
    ),
}
# A number 1 followed by a plural noun ("1 briefings"), but not "1 of 2 relations".
ONE_WITH_A_PLURAL = re.compile(r"(?<![\d,.])1 (?!of )(?:more )?[a-z]+(?<!s)s\b")


def test_counts_of_one_are_singular_in_what_the_commands_print(tmp_path: Path) -> None:
    write_tree(tmp_path, ONE_OF_EACH)
    assert run("check", cwd=tmp_path).stdout == "content: 1 article, 1 actor, 1 topic, 1 event: ok\n"
    (tmp_path / "content/articles/a.yaml").unlink()
    assert run("check", cwd=tmp_path).stdout == "content: 0 articles, 1 actor, 1 topic, 0 events: ok\n"
    exported = run("export", "ftm", "--out", "entities.ftm.json", cwd=tmp_path)
    assert (
        exported.stdout == "wrote 1 entity to entities.ftm.json, and their license and count to entities.dataset.json\n"
    )


def test_counts_of_one_are_singular_on_the_pages(tmp_path: Path) -> None:
    write_tree(tmp_path, ONE_OF_EACH)
    rendered = run("render", "--templates", str(REPO / "site_templates"), "--out", "pages", cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    pages = {p.relative_to(tmp_path / "pages").as_posix(): p.read_text() for p in (tmp_path / "pages").rglob("*.md")}
    descriptions = {
        path: found.group(1) for path, text in pages.items() if (found := re.search(r"^description: (.*)$", text, re.M))
    }
    assert descriptions["actors/index.md"] == '"1 person, country or organization in these briefings."'
    assert descriptions["briefings/index.md"] == '"1 briefing, newest first."'
    assert descriptions["timeline.md"] == '"1 event from every briefing, by date."'
    assert "1 briefing · 1 actor · 1 topic · 1 event." in pages["index.md"]
    assert "1 event, oldest first." in pages["timeline.md"]
    for path, text in pages.items():
        assert not ONE_WITH_A_PLURAL.findall(text), (path, ONE_WITH_A_PLURAL.findall(text))


# A contributor's first briefing: three new actors, each named in several places.

FOUNDING = """title: Eleven countries launch a sanctions monitoring team
source:
  publisher: Example Wire
  published: 2024-10-16
summary: A group of countries sets up its own team to track breaches of the sanctions.
actors: [north-korea, valdoria, ostmark, lirania]
events:
  - id: monitoring-team-founded
    date: 2024-10-16
    title: Eleven countries found a sanctions monitoring team
    actors: [valdoria, ostmark, lirania]
statements:
  - by: [valdoria, ostmark]
    text: Say the team will publish what it finds.
  - by: lirania
    text: Says it will pay for the team's first year.
relations:
  - from: [valdoria, ostmark, lirania]
    to: north-korea
    kind: monitor sanctions on
"""
UNKNOWN = [
    "content/articles/founding.yaml:6:23: error: unknown actor 'valdoria' (also on lines 11, 13, 18): "
    "create it with: .venv/bin/python -m generator new actor valdoria",
    "content/articles/founding.yaml:6:33: error: unknown actor 'ostmark' (also on lines 11, 13, 18): "
    "create it with: .venv/bin/python -m generator new actor ostmark",
    "content/articles/founding.yaml:6:42: error: unknown actor 'lirania' (also on lines 11, 15, 18): "
    "create it with: .venv/bin/python -m generator new actor lirania",
    "3 errors, 0 warnings in 1 file",
]


def project(root: Path) -> Path:
    """A project folder as a contributor has it after `make check`: the content, and .venv."""
    root.mkdir(parents=True, exist_ok=True)
    (root / ".venv").symlink_to(REPO / ".venv")
    return root


def in_a_fresh_shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a command as printed, in a new shell where no virtual environment is active."""
    clean = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(cwd), "LANG": "C.UTF-8"}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", command],
        cwd=cwd,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_an_unknown_actor_is_reported_once_per_file_with_a_create_command_that_runs_as_printed(tmp_path: Path) -> None:
    root = write_tree(project(tmp_path / "project"), {**ACTORS, "content/articles/founding.yaml": FOUNDING})
    result = run("check", cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == UNKNOWN
    for line in UNKNOWN[:-1]:
        created = in_a_fresh_shell(line.split("create it with: ")[1], root)
        assert created.returncode == 0, created.stderr
    assert sorted(p.name for p in (root / "content/actors").iterdir()) == [
        "lirania.yaml", "north-korea.yaml", "ostmark.yaml", "russia.yaml", "valdoria.yaml",
    ]  # fmt: skip
    again = run("check", cwd=root)
    assert "unknown actor" not in again.stderr
    assert again.stderr.splitlines()[-1] == "6 errors, 0 warnings in 3 files"  # each new file: name and kind to fill in


def test_printed_commands_carry_the_content_folder_the_contributor_named(tmp_path: Path) -> None:
    root = project(tmp_path / "project")
    write_tree(tmp_path, {"briefings/actors/north-korea.yaml": ACTORS["content/actors/north-korea.yaml"]})
    write_tree(tmp_path, {"briefings/articles/a.yaml": article(extra="actors: [valdoria, north-korea]\n")})
    result = run("check", "--content", "../briefings", cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "../briefings/articles/a.yaml:6:10: error: unknown actor 'valdoria': "
        "create it with: .venv/bin/python -m generator new actor valdoria --content ../briefings"
    )
    created = in_a_fresh_shell(result.stderr.splitlines()[0].split("create it with: ")[1], root)
    assert created.returncode == 0, created.stderr
    assert created.stdout == (
        "wrote ../briefings/actors/valdoria.yaml: fill in the values marked 'required', "
        "then run: .venv/bin/python -m generator check --content ../briefings\n"
    )
    assert (tmp_path / "briefings/actors/valdoria.yaml").is_file()
    assert not (root / "content").exists()


def test_a_wrong_guess_is_not_suggested_and_the_create_command_is_always_given(tmp_path: Path) -> None:
    write_tree(tmp_path, {**ACTORS, "content/actors/ukraine.yaml": "name: Ukraine\nkind: country\n"})
    write_tree(tmp_path, {"content/articles/a.yaml": article(extra="actors: [france, dprk, rusia]\n")})
    result = run("check", cwd=tmp_path)
    assert result.stderr.splitlines() == [
        "content/articles/a.yaml:6:10: error: unknown actor 'france': "
        "create it with: .venv/bin/python -m generator new actor france",
        "content/articles/a.yaml:6:18: error: unknown actor 'dprk': did you mean 'north-korea' (North Korea, "
        "also called DPRK)? If not, create it with: .venv/bin/python -m generator new actor dprk",
        "content/articles/a.yaml:6:24: error: unknown actor 'rusia': did you mean 'russia' (Russia)? "
        "If not, create it with: .venv/bin/python -m generator new actor rusia",
        "3 errors, 0 warnings in 1 file",
    ]


# list: what exists, to reuse its id


def test_list_actors_finds_a_name_by_part_of_an_alias(tmp_path: Path) -> None:
    write_tree(tmp_path, ACTORS)
    result = run("list", "actors", "pyong", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "north-korea\tcountry\tNorth Korea\tPyongyang, DPRK\n"
    everyone = run("list", "actors", cwd=tmp_path)
    assert everyone.stdout == ("north-korea\tcountry\tNorth Korea\tPyongyang, DPRK\nrussia\tcountry\tRussia\tMoscow\n")


def test_list_with_nothing_to_look_for_says_so_instead_of_listing_everything(tmp_path: Path) -> None:
    write_tree(tmp_path, ACTORS)
    for text in ("((((", "  ", "*.*"):
        result = run("list", "actors", text, cwd=tmp_path)
        assert (result.returncode, result.stdout) == (2, "")
        assert result.stderr == (
            f"error: '{text}' has no letter or digit to look for: give a word of a name, such as 'korea'\n"
        )


def test_list_matches_whatever_the_accents_case_and_hyphens(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        "content/actors/cote-divoire.yaml": "name: Côte d'Ivoire\nkind: country\naliases: [Ivory Coast]\n",
        "content/actors/north-korea.yaml": "name: North Korea\nkind: country\naliases: [북한]\n",
    })  # fmt: skip
    ids = {
        query: [line.split("\t")[0] for line in run("list", "actors", query, cwd=tmp_path).stdout.splitlines()]
        for query in ("COTE", "côte d", "ivory", "north korea", "north-korea", "북한", "korea north")
    }
    assert ids == {
        "COTE": ["cote-divoire"],
        "côte d": ["cote-divoire"],
        "ivory": ["cote-divoire"],
        "north korea": ["north-korea"],
        "north-korea": ["north-korea"],
        "북한": ["north-korea"],
        "korea north": [],
    }


def test_list_events_topics_and_tags(tmp_path: Path) -> None:
    events = (
        "  - id: panel-veto\n    date: 2024-03-28\n    title: Russia vetoes the panel\n"
        "  - date: 2023\n    title: Two countries pledge closer ties\n"
    )
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(events=events, extra="tags: [un, veto]\n")})
    later = "  - id: panel-veto\n    date: 2024-03-29\n    title: The panel loses its mandate\n"
    write_tree(tmp_path, {"content/articles/b.yaml": article("2024-05-02", later, extra="tags: [veto]\n")})
    assert run("list", "events", cwd=tmp_path).stdout == (  # two reports that disagree: both dates
        "-\t2023\tTwo countries pledge closer ties\npanel-veto\t2024-03-28,2024-03-29\tRussia vetoes the panel\n"
    )
    veto = "panel-veto\t2024-03-28,2024-03-29\tRussia vetoes the panel\n"
    assert run("list", "events", "VETO", cwd=tmp_path).stdout == veto
    assert run("list", "events", "mandate", cwd=tmp_path).stdout == veto  # any report's title
    assert run("list", "topics", cwd=tmp_path).stdout == "sanctions\tSanctions\n"
    assert run("list", "tags", cwd=tmp_path).stdout == "un\t1\nveto\t2\n"
    nothing = run("list", "topics", "trade", cwd=tmp_path)
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (0, "", "nothing in topics matches 'trade'\n")


def test_list_answers_while_the_content_has_mistakes(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        **ACTORS,
        "content/actors/china.yaml": "name: China\nkind: nation\n",
        "content/articles/a.yaml": article(extra="actors: [valdoria]\n"),
    })  # fmt: skip
    result = run("list", "actors", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "north-korea\tcountry\tNorth Korea\tPyongyang, DPRK",
        "russia\tcountry\tRussia\tMoscow",
    ]
    assert result.stderr == (
        "note: 1 actor file has mistakes and is left out; see what to fix with: .venv/bin/python -m generator check\n"
    )


def test_list_in_a_terminal_aligns_its_columns_under_a_header(tmp_path: Path) -> None:
    write_tree(tmp_path, ACTORS)
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "generator", "list", "actors"], cwd=tmp_path, stdout=follower, stderr=follower
    ) as process:
        os.close(follower)
        output = b""
        with contextlib.suppress(OSError):  # the terminal is gone once the program ends
            while chunk := os.read(leader, 4096):
                output += chunk
    os.close(leader)
    assert process.returncode == 0
    assert output.decode().splitlines() == [
        "ID           KIND     NAME         ALIASES",
        "north-korea  country  North Korea  Pyongyang, DPRK",
        "russia       country  Russia       Moscow",
    ]


# The two forms a contributor needed: a statement made jointly, a role known only at a date.


def test_a_joint_statement_and_a_role_as_of_a_date_pass_check_and_show_on_the_profiles(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        **ACTORS,
        "content/actors/valdoria.yaml": "name: Valdoria\nkind: country\n",
        "content/actors/mira-okonkwo.yaml": (
            "name: Mira Okonkwo\nkind: person\nroles:\n  - title: Foreign Minister\n    organization: valdoria\n"
            "    from: 2023-02\n    as_of: 2024-10-16\n"
        ),
        "content/articles/a.yaml": article(extra=(
            "statements:\n  - by: [valdoria, russia]\n    text: Say they will meet again in spring.\n"
            "quotes:\n  - by: [valdoria, russia]\n    text: a new chapter\n"
            "relations:\n  - from: [valdoria, russia]\n    to: north-korea\n    kind: write to\n"
        )),
    })  # fmt: skip
    checked = run("check", cwd=tmp_path)
    assert (checked.returncode, checked.stderr) == (0, "")
    rendered = run("render", "--templates", str(REPO / "site_templates"), "--out", "pages", cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    profile = (tmp_path / "pages/actors/mira-okonkwo.md").read_text(encoding="utf-8")
    assert (
        '<li>Foreign Minister, <a href="valdoria.md">Valdoria</a> (February 2023 – ) · as of 16 October 2024</li>'
        in profile
    )
    assert "current" not in profile
    for actor, other in (("valdoria", "russia"), ("russia", "valdoria")):
        page = (tmp_path / f"pages/actors/{actor}.md").read_text(encoding="utf-8")
        name = other.capitalize()
        joint = f'Say they will meet again in spring. (jointly with <a href="{other}.md">{name}</a>)</td>'
        assert f'<td data-label="Says">{joint}' in page
        assert f"> — 15 April 2024 (jointly with [{name}]({other}.md)) [&#91;1&#93;](#ref-1){{ .cite }}" in page
        links = {"valdoria": '<a href="{}">Valdoria</a>', "russia": '<a href="{}">Russia</a>'}
        both = [links[id].format(f"{id}.md") for id in ("valdoria", "russia")]
        assert f'<td data-label="From">{both[0]} and {both[1]}</td>' in page  # the relation, from both
    briefing = (tmp_path / "pages/briefings/a.md").read_text(encoding="utf-8")
    assert "> — [Valdoria](../actors/valdoria.md) and [Russia](../actors/russia.md), 15 April 2024" in briefing
