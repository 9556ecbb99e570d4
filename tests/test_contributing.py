"""The contributor's path: schemas for the editor, scaffolds, annotations on the pull request, CI files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from mkdocs.utils.yaml import yaml_load
from pydantic import ValidationError

from generator.content.load import read_document
from generator.content.model import RECORD_TYPES
from generator.content.schema import json_schema, schema_texts
from tests.conftest import CORPUS, REPO_ROOT, SAMPLE_CONTENT, build_site, copy_project
from tests.helpers import ACTORS, Ran, article, run_main, write_tree

SCHEMAS = REPO_ROOT / "schemas"
KINDS = {"articles": "article", "actors": "actor", "topics": "topic"}
TREES = [SAMPLE_CONTENT, CORPUS]  # frozen: the first-line convention is ours, not a rule check enforces
# Cases of the golden diagnostics whose one error is a field's shape: the schema must refuse them too.
# (Dates that do not exist, such as 2024-02-30, have the right shape: only the model can tell.)
BAD_FIELD_CASES = sorted(
    p for p in (REPO_ROOT / "tests/cases/diagnostics").glob("*.yaml")
    if re.match(r"(field-unknown|missing-|type-|kind-|stance-unknown|date-(slashes|us-order|written))", p.stem)
)  # fmt: skip


def run(*args: str, cwd: Path) -> Ran:
    return run_main(*args, cwd=cwd)


def content_files(root: Path) -> list[tuple[str, Path]]:
    return [(kind, path) for folder, kind in KINDS.items() for path in sorted((root / folder).glob("*.yaml"))]


def test_committed_schemas_match_the_models() -> None:
    """`python -m generator schema` rewrites schemas/; run it after changing the model."""
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert committed == schema_texts()


@pytest.mark.parametrize("kind", sorted(RECORD_TYPES))
def test_schemas_are_valid_and_documented(kind: str) -> None:
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    undocumented = [name for name, field in schema["properties"].items() if not field.get("description")]
    assert undocumented == []


@pytest.mark.parametrize("tree", TREES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_every_valid_content_file_validates_against_its_schema(tree: Path) -> None:
    for kind, path in content_files(tree):
        parsed = read_document(path.read_bytes())
        assert parsed.data is not None
        jsonschema.validate(parsed.data, json_schema(kind))


@pytest.mark.parametrize("case", BAD_FIELD_CASES, ids=lambda p: p.stem)
def test_a_bad_field_fails_both_the_model_and_the_schema(case: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    failing = [(path, text) for path, text in spec["files"].items() if any(path in line for line in spec["expected"])]
    assert failing, f"{case.name}: no file of the case is named in its expected errors"
    for path, text in failing:
        kind = KINDS[path.split("/")[1]]
        parsed = read_document(text.encode("utf-8"))
        assert parsed.data is not None and not parsed.problems
        with pytest.raises(ValidationError):
            RECORD_TYPES[kind].model_validate({**parsed.data, "id": Path(path).stem})
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(parsed.data, json_schema(kind))


@pytest.mark.parametrize("tree", TREES, ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_every_content_file_names_its_schema_on_its_first_line(tree: Path) -> None:
    for kind, path in content_files(tree):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema == SCHEMAS / f"{kind}.schema.json", path


FILLED = {
    "article": {
        "title:  #": "title: A new report  #",
        "publisher:  #": "publisher: Wire  #",
        "summary:  #": "summary: What happened, in our words.  #",
    },
    "actor": {"name:  #": "name: Belarus  #", "kind:  #": "kind: country  #"},
    "topic": {"name:  #": "name: Arms control  #"},
}


@pytest.mark.parametrize("kind", ["article", "actor", "topic"])
def test_new_writes_a_skeleton_that_passes_check_once_filled(tmp_path: Path, kind: str) -> None:
    write_tree(tmp_path, ACTORS)
    args = ["new", kind, "belarus"]
    if kind == "article":
        args += ["--from-url", "https://www.reuters.com/world/x", "--published", "2024-05-02"]
    result = run(*args, cwd=tmp_path)
    folder = {"article": "articles", "actor": "actors", "topic": "topics"}[kind]
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"wrote content/{folder}/belarus.yaml: fill in the values marked 'required', "
        "then run: .venv/bin/python -m generator check\n"
    )
    path = tmp_path / "content" / folder / "belarus.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n")
    unfilled = run("check", cwd=tmp_path)
    assert unfilled.returncode == 1 and "is required" in unfilled.stderr
    for placeholder, value in FILLED[kind].items():
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")
    filled = run("check", cwd=tmp_path)
    assert filled.returncode == 0, filled.stderr
    if kind == "article":
        assert "published: 2024-05-02" in text and "url: https://www.reuters.com/world/x" in text


def test_new_takes_several_ids_and_writes_each_that_does_not_exist(tmp_path: Path) -> None:
    write_tree(tmp_path, ACTORS)
    result = run("new", "actor", "valdoria", "ostmark", "lirania", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "wrote content/actors/valdoria.yaml, content/actors/ostmark.yaml and content/actors/lirania.yaml: "
        "fill in the values marked 'required', then run: .venv/bin/python -m generator check\n"
    )
    for id in ("valdoria", "ostmark", "lirania"):
        assert (tmp_path / f"content/actors/{id}.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")
    again = run("new", "actor", "russia", "kestria", "kestria", cwd=tmp_path)
    assert again.returncode == 1
    assert again.stderr == "error: content/actors/russia.yaml already exists: edit it, or choose another id\n"
    assert again.stdout == (
        "wrote content/actors/kestria.yaml: fill in the values marked 'required', "
        "then run: .venv/bin/python -m generator check\n"
    )


def test_new_checks_every_id_before_it_writes_any(tmp_path: Path) -> None:
    result = run("new", "actor", "valdoria", "United_Kingdom", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "error: 'United_Kingdom' is not a valid id: an id must be lowercase letters and digits, "
        "words joined by single hyphens (try 'united-kingdom')\n"
    )
    assert not (tmp_path / "content").exists()
    source = run("new", "article", "a", "b", "--published", "2024-10-16", cwd=tmp_path)
    assert (source.returncode, source.stderr) == (
        2,
        "error: --from-url and --published describe one article: give one id\n",
    )


def test_the_article_skeleton_says_how_to_find_the_ids_that_exist(tmp_path: Path) -> None:
    write_tree(tmp_path, {"briefings/actors/valdoria.yaml": "name: Valdoria\nkind: country\n"})
    write_tree(tmp_path, {"briefings/topics/water-rights.yaml": "name: Water rights\n"})
    result = run("new", "article", "a", "--content", "briefings", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "briefings/articles/a.yaml").read_text(encoding="utf-8")
    assert (
        "# Find the ids that exist (list actors, topics, events or tags), by a word of their names:\n"
        "#   .venv/bin/python -m generator list actors valdoria --content briefings\n"
    ) in text
    assert "topics: []  # topic ids (file names in content/topics/), such as [water-rights]\n" in text


def test_the_skeletons_of_an_empty_briefing_name_no_id_it_does_not_have(tmp_path: Path) -> None:
    """Just after `init`: the hints name no id of the sample, and say how to make the first topic."""
    result = run("new", "article", "a", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "content/articles/a.yaml").read_text(encoding="utf-8")
    assert "#   .venv/bin/python -m generator list actors\n" in text
    assert (
        "topics: []  # topic ids (file names in content/topics/), none yet: .venv/bin/python -m generator new topic ID\n"
    ) in text
    actor = run("new", "actor", "b", cwd=tmp_path)
    assert actor.returncode == 0, actor.stderr
    skeletons = text + (tmp_path / "content/actors/b.yaml").read_text(encoding="utf-8")
    assert not re.search(r"korea|russia|united-states|sanctions", skeletons), skeletons


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md", "CONTENT-FORMAT.md", "SECURITY.md"])
def test_the_docs_write_every_generator_command_as_it_runs_in_a_fresh_shell(doc: str) -> None:
    """A bare `python -m generator` fails where no virtual environment is active: the docs name .venv's Python."""
    text = (REPO_ROOT / doc).read_text(encoding="utf-8")
    bare = [line for line in text.splitlines() if re.search(r"(?<!\.venv/bin/)python3? -m generator", line)]
    assert bare == []
    assert "pip install" not in text.replace(".venv/bin/python -m pip install", "")


def test_make_check_fails_with_makes_own_code_and_says_the_generators(tmp_path: Path) -> None:
    """README: `make check` exits 2 when the content has errors, as make does for any failed step,
    and its last line names the generator's own code (1); the generator run directly exits 1."""
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(extra="actors: [valdoria]\n")})

    def make_check() -> subprocess.CompletedProcess[str]:
        arguments = f"CHECK_ARGS=--content {tmp_path / 'content'}"
        command = ["make", "-s", "-o", ".venv/.site-installed", "check", arguments]
        # As a contributor types it, not as a step of `make test` (which would make it 'make[1]').
        env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
        return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False)

    failed = make_check()
    assert failed.returncode == 2
    assert "error: unknown actor 'valdoria'" in failed.stderr
    assert re.search(r"^make: \*\*\* \[Makefile:\d+: check\] Error 1$", failed.stderr, re.MULTILINE)
    assert run("check", cwd=tmp_path).returncode == 1
    (tmp_path / "content/articles/a.yaml").unlink()
    passed = make_check()
    assert (passed.returncode, passed.stderr) == (0, "")


def test_new_refuses_a_bad_id_with_the_rule(tmp_path: Path) -> None:
    result = run("new", "actor", "North_Korea", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "error: 'North_Korea' is not a valid id: an id must be lowercase letters and digits, "
        "words joined by single hyphens (try 'north-korea')\n"
    )
    assert not (tmp_path / "content").exists()


def test_new_never_overwrites(tmp_path: Path) -> None:
    write_tree(tmp_path, ACTORS)
    before = (tmp_path / "content/actors/russia.yaml").read_bytes()
    result = run("new", "actor", "russia", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "error: content/actors/russia.yaml already exists: edit it, or choose another id\n"
    assert (tmp_path / "content/actors/russia.yaml").read_bytes() == before


def test_new_article_checks_its_date_and_url(tmp_path: Path) -> None:
    bad_date = run("new", "article", "x", "--published", "15 April 2024", cwd=tmp_path)
    assert (bad_date.returncode, bad_date.stderr) == (
        2,
        "error: --published '15 April 2024' is not a date: write '2024-04-15'\n",
    )
    bad_url = run("new", "article", "x", "--from-url", "javascript:alert(1)", cwd=tmp_path)
    assert bad_url.returncode == 2
    assert "is not a web address" in bad_url.stderr


# GitHub's workflow command syntax: ::error file=F,line=L,col=C::MESSAGE (properties and data escaped).
ANNOTATION = re.compile(r"^::(error|warning) file=[^,:%\n]+,line=\d+,col=\d+::[^\r\n]+$")


def test_check_format_github_prints_annotations(tmp_path: Path) -> None:
    write_tree(tmp_path, {
        **ACTORS,
        "content/articles/a.yaml": "title: A\nsource:\n  publisher: Wire\n  published: 2024-04-15\nsummary: 100% sure\n"
                                   "actors: [rusia]\nevents:\n  - date: 2024-05-01\n    title: Later\n",
    })  # fmt: skip
    result = run("check", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "::error file=content/articles/a.yaml,line=6,col=10::unknown actor 'rusia': did you mean 'russia' (Russia)? "
        "If not, create it with: .venv/bin/python -m generator new actor rusia",
        "::warning file=content/articles/a.yaml,line=8,col=11::event 'Later' is dated 2024-05-01, "
        "after the article was published (2024-04-15); fine for a scheduled event",
        "1 error, 1 warning in 1 file",
    ]
    for line in result.stdout.splitlines()[:-1]:
        assert ANNOTATION.match(line), line


def test_github_annotations_escape_what_github_reads_as_syntax() -> None:
    from generator.content.diagnostics import Diagnostic, Severity

    diagnostic = Diagnostic("content/a,b:c.yaml", 2, 3, Severity.WARNING, "50% done\nnext line")
    assert diagnostic.github() == "::warning file=content/a%2Cb%3Ac.yaml,line=2,col=3::50%25 done%0Anext line"


def test_the_workflows_follow_githubs_schema() -> None:
    workflows = sorted((REPO_ROOT / ".github/workflows").glob("*.yml"))
    assert workflows
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", *map(str, workflows)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_build_read_only_and_only_main_deploys() -> None:
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    others = [job.get("permissions", {}) for name, job in workflow["jobs"].items() if name != "deploy"]
    assert all(set(permissions.values()) <= {"read"} for permissions in others), others


def test_main_is_built_for_the_address_github_pages_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI asks GitHub Pages for the site's address, on main, and builds with it (README: the published address)."""
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    [pages] = [step for step in steps if step.get("uses", "").startswith("actions/configure-pages@")]
    [build] = [step for step in steps if step.get("run") == "make site"]
    assert steps.index(pages) < steps.index(build)
    assert pages["if"] == workflow["jobs"]["deploy"]["if"]  # what is deployed; a preview stays relative
    assert build["env"] == {"BRIEFING_SITE_URL": "${{ steps." + pages["id"] + ".outputs.base_url }}"}
    for value, site_url in (("https://owner.github.io/repo", "https://owner.github.io/repo"), ("", None)):
        monkeypatch.setenv("BRIEFING_SITE_URL", value)  # an empty value: the step did not run
        with (REPO_ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
            assert yaml_load(config)["site_url"] == site_url
    monkeypatch.delenv("BRIEFING_SITE_URL")
    with (REPO_ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        assert yaml_load(config)["site_url"] is None


def test_the_pre_commit_hook_runs_the_content_check() -> None:
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert hook["entry"] == ".venv/bin/python -m generator check"  # runs without an active virtual environment
    assert re.match(hook["files"], "content/articles/x.yaml") and not re.match(hook["files"], "generator/x.py")
    checker = Path(sys.executable).parent / "pre-commit"
    result = subprocess.run([str(checker), "validate-config", ".pre-commit-config.yaml"], cwd=REPO_ROOT,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_edit_links_open_the_yaml_file_a_page_came_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_REPO_URL", "https://github.com/example/briefings")
    site = build_site(tmp_path / "site", project=copy_project(tmp_path / "project")).root
    edit = "https://github.com/example/briefings/edit/main/"

    def edit_links(page: str) -> list[str]:
        html = (site / page).read_text(encoding="utf-8")
        return re.findall(r'href="(https://github.com/example/briefings/edit/[^"]+)"', html)

    article = next((SAMPLE_CONTENT / "articles").glob("*.yaml")).stem
    assert edit_links(f"briefings/{article}/index.html") == [f"{edit}content/articles/{article}.yaml"]
    assert edit_links("actors/russia/index.html") == [f"{edit}content/actors/russia.yaml"]
    assert edit_links("topics/north-korea-sanctions/index.html") == [f"{edit}content/topics/north-korea-sanctions.yaml"]
    assert edit_links("index.html") == [] and edit_links("timeline/index.html") == []
    assert 'data-md-component="source"' not in (site / "index.html").read_text(encoding="utf-8")


def _pins(path: Path) -> dict[str, str]:
    lines = (REPO_ROOT / path).read_text(encoding="utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in pairs}


def test_building_and_testing_have_two_exact_lock_files_that_do_not_overlap() -> None:
    site, test = _pins(Path("requirements/site.lock")), _pins(Path("requirements/test.lock"))
    assert not site.keys() & test.keys()
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {re.sub(r"[-_.]+", "-", re.split(r"[<>=\[;! ]", r)[0]).lower() for r in requirements}

    assert names(project["dependencies"]) <= site.keys()
    assert names(project["optional-dependencies"]["test"]) <= test.keys()
    # make site stays light: no test or lint tool, nothing that compiles (pyicu builds ICU from source)
    assert not {"pytest", "playwright", "mypy", "ruff", "hypothesis", "followthemoney", "pyicu"} & site.keys()
    assert "pyicu" not in test


def test_ci_checks_content_first_with_the_sites_set_and_caches_installs() -> None:
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    runs = [step["run"] for step in jobs["check"]["steps"] if "run" in step]
    assert runs == ['make check CHECK_ARGS="--format github"']
    assert jobs["test"]["needs"] == "check" and jobs["build"]["needs"] == "check"
    for name in ("check", "test", "build"):
        [cache] = [step for step in jobs[name]["steps"] if step.get("uses", "").startswith("actions/cache@")]
        assert "~/.cache/uv" in cache["with"]["path"] and "requirements/" in cache["with"]["key"], name
    makefile = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^check: install$", makefile, re.MULTILINE)
    assert re.search(r"^site: install$", makefile, re.MULTILINE)
