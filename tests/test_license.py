"""Who may reuse what: the code's license, and the content's and the data's, stated once and said everywhere."""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import feedparser
import pytest
from followthemoney.dataset import Dataset
from mkdocs.exceptions import ConfigurationError

from generator.exports import License
from generator.exports.tables import STATEMENTS_HEADER, TIMELINE_HEADER
from generator.mkdocs.settings import read_license, read_settings
from tests.conftest import REPO_ROOT, SAMPLE_CONTENT, BuiltSite, copy_project, run_python
from tests.helpers import content_files, page_count

CONTENT_LICENSE = License("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
OTHER_LICENSE = License("CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/")
LICENSE_BLOCK = re.compile(r"^  license:\n(?:    .*\n)+", re.MULTILINE)
DATASETS = ("briefings", "actors", "topics", "events")


def _project(root: Path, license: License | None) -> Path:
    """A copy of the sample project whose mkdocs.yml states ``license``, or none."""
    project = copy_project(root)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    block = f"  license:\n    id: {license.id}\n    name: {license.name}\n    url: {license.url}\n" if license else ""
    replaced, found = LICENSE_BLOCK.subn(block, config)
    assert found == 1, "mkdocs.yml states the license in extra.license"
    if license is None:
        replaced = replaced.replace("extra:\n", "")
    (project / "mkdocs.yml").write_text(replaced, encoding="utf-8")
    return project


def _generator(project: Path, *args: str | Path) -> Any:
    return run_python("-m", "generator", *args, cwd=project)


# ---------------------------------------------------------------------------------------------
# Where the licenses are stated


def test_the_code_has_a_permissive_license_and_pyproject_names_it() -> None:
    assert (REPO_ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n\nCopyright (c) 2026 ")
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"  # an SPDX expression (PEP 639)
    assert pyproject["project"]["license-files"] == ["LICENSE"]
    assert pyproject["build-system"]["requires"] == ["setuptools>=77"]  # the first to read them


def test_the_content_license_is_stated_once_in_mkdocs_yml() -> None:
    """Nothing else states it: the code names licenses only as examples, without their address, and
    the templates not at all (they read mkdocs.yml's)."""
    assert read_settings(REPO_ROOT / "mkdocs.yml").license == CONTENT_LICENSE
    code = list((REPO_ROOT / "generator").rglob("*.py"))
    templates = [path for path in (REPO_ROOT / "site_templates").rglob("*") if path.is_file()]
    assert [path for path in code if "creativecommons.org" in path.read_text(encoding="utf-8")] == []
    stating = ("CC BY", "CC-BY", "creativecommons.org")
    assert [path for path in templates if any(s in path.read_text(encoding="utf-8") for s in stating)] == []


def test_readme_and_contributing_say_both_licenses_and_what_a_contributor_grants() -> None:
    readme, contributing = (
        " ".join((REPO_ROOT / doc).read_text(encoding="utf-8").split()) for doc in ("README.md", "CONTRIBUTING.md")
    )
    for text in (readme, contributing):
        assert f"[{CONTENT_LICENSE.name}]({CONTENT_LICENSE.url})" in text
        assert "[MIT](LICENSE)" in text
        assert "their speakers' and their sources'" in text
    assert "By opening a pull request" in contributing


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {"name": "CC BY 4.0"},
            "extra.license in mkdocs.yml takes an id, a name and a url: "
            "license: {id: <its SPDX identifier>, name: <its name>, url: <the address of its text>}",
        ),
        (
            "CC BY 4.0",
            "extra.license in mkdocs.yml takes an id, a name and a url: license: {id: <its SPDX identifier>,",
        ),
        (
            {"id": "", "name": None, "url": "https://x.org/"},
            "extra.license in mkdocs.yml: write its id and its name, as text",
        ),
        (
            {"id": "CC-BY-4.0", "name": "CC BY 4.0", "url": "creativecommons.org"},
            "extra.license in mkdocs.yml: 'creativecommons.org' is not a web address: write its http(s) URL",
        ),
    ],
)
def test_a_license_written_wrong_is_one_message_that_says_what_to_write(value: object, message: str) -> None:
    with pytest.raises(ConfigurationError) as raised:
        read_license({"license": value})
    assert str(raised.value).startswith(message)


def test_no_license_stated_is_none() -> None:
    assert read_license({}) is None
    assert read_license({"license": None}) is None


# ---------------------------------------------------------------------------------------------
# The site says it: every page's footer, beside quotes, and in the data


def _footer(html: str) -> str:
    [footer] = re.findall(r'<footer class="md-footer">.*?</footer>', html, re.DOTALL)
    return footer


def test_every_page_names_the_content_license_in_its_footer(built_site: BuiltSite) -> None:
    pages = [*built_site.root.rglob("index.html"), built_site.root / "404.html"]
    assert len(pages) == page_count(SAMPLE_CONTENT) + 1
    link = f'<a href="{CONTENT_LICENSE.url}" rel="license">{CONTENT_LICENSE.name}</a>'
    for page in pages:
        footer = " ".join(_footer(page.read_text(encoding="utf-8")).split())
        assert f"The briefings and the data are licensed under {link}." in footer, page
        assert "Quoted words remain their speakers' and their sources'." in footer, page


def test_quotes_say_they_remain_their_speakers_and_sources(built_site: BuiltSite) -> None:
    with_quotes = [p for p in built_site.root.rglob("index.html") if 'id="quotes"' in p.read_text(encoding="utf-8")]
    # Among them the seed briefing's, and the profile of South Korea, whose envoy it quotes.
    assert {"briefings/2024-04-15-us-allies-north-korea-sanctions", "actors/south-korea"} <= {
        p.parent.relative_to(built_site.root).as_posix() for p in with_quotes
    }
    for page in with_quotes:
        html = page.read_text(encoding="utf-8")
        after = html[html.index('id="quotes"') :]
        assert re.search(
            r"</h2>\s*<div class=\"page-section\">\s*<p class=\"quote-rights\">Quoted words remain the property of their speakers and of the "
            r"sources that reported them; this site's license does not cover them\.</p>\s*<blockquote>",
            after,
        ), page


def test_the_data_states_the_license(built_site: BuiltSite) -> None:
    api = built_site.root / "api/v1"
    stated = {"id": CONTENT_LICENSE.id, "name": CONTENT_LICENSE.name, "url": CONTENT_LICENSE.url}
    for name in DATASETS:
        assert json.loads((api / f"{name}.json").read_bytes())["license"] == stated
    openapi = json.loads((api / "openapi.json").read_bytes())
    assert openapi["info"]["license"] == {"name": CONTENT_LICENSE.name, "url": CONTENT_LICENSE.url}
    assert f"licensed under {CONTENT_LICENSE.name} ({CONTENT_LICENSE.url})" in openapi["info"]["description"]
    # The CSV files keep a header of column names only: /api/v1/ says their license (openapi.json, above).
    for path, header in (("timeline.csv", TIMELINE_HEADER), ("statements.csv", STATEMENTS_HEADER)):
        assert next(csv.reader(io.StringIO((api / path).read_text(encoding="utf-8")))) == list(header)
    feeds = sorted((built_site.root / "feeds").rglob("*.xml"))
    assert len(feeds) == 1 + content_files(SAMPLE_CONTENT, "topics") + content_files(SAMPLE_CONTENT, "actors")
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert parsed.feed.rights == (
            f"Licensed under {CONTENT_LICENSE.name}: {CONTENT_LICENSE.url}. "
            "Quoted words remain their speakers' and their sources', outside this license."
        ), path
        assert [link.href for link in parsed.feed.links if link.rel == "license"] == [CONTENT_LICENSE.url], path
    # FollowTheMoney: the entities' description in its own dataset format, beside them.
    dataset = Dataset(json.loads((api / "entities.dataset.json").read_bytes()))
    assert dataset.model.license == CONTENT_LICENSE.url
    assert dataset.model.entity_count == len((api / "entities.ftm.json").read_bytes().splitlines())
    assert [(r.name, r.mime_type) for r in dataset.model.resources] == [("entities.ftm.json", "application/x-ndjson")]


def test_render_and_export_take_the_license_from_mkdocs_yml(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", OTHER_LICENSE)
    rendered = _generator(project, "render", "--out", "pages")
    assert rendered.returncode == 0, rendered.stderr
    briefings = json.loads((project / "pages/api/v1/briefings.json").read_bytes())
    assert briefings["license"] == {"id": OTHER_LICENSE.id, "name": OTHER_LICENSE.name, "url": OTHER_LICENSE.url}
    assert feedparser.parse((project / "pages/feeds/briefings.xml").read_bytes()).feed.rights.startswith(
        f"Licensed under {OTHER_LICENSE.name}: {OTHER_LICENSE.url}."
    )
    exported = _generator(project, "export", "ftm", "--out", "out.ftm.json")
    assert exported.returncode == 0, exported.stderr
    dataset = Dataset(json.loads((project / "out.dataset.json").read_bytes()))
    assert dataset.model.license == OTHER_LICENSE.url
    assert [r.name for r in dataset.model.resources] == ["out.ftm.json"]
    # Elsewhere, another mkdocs.yml is named with --config-file.
    elsewhere = _generator(tmp_path, "export", "ftm", "--content", project / "content", "--out", "x.json",
                           "--config-file", project / "mkdocs.yml")  # fmt: skip
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert Dataset(json.loads((tmp_path / "x.dataset.json").read_bytes())).model.license == OTHER_LICENSE.url


def test_a_site_that_states_no_license_claims_none(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", None)
    built = _generator(project, "build", "--strict")
    assert built.returncode == 0, built.stderr
    site = project / "site"
    assert 'rel="license"' not in _footer((site / "index.html").read_text(encoding="utf-8"))
    assert json.loads((site / "api/v1/briefings.json").read_bytes())["license"] is None
    assert "license" not in json.loads((site / "api/v1/openapi.json").read_bytes())["info"]
    assert "<rights>" not in (site / "feeds/briefings.xml").read_text(encoding="utf-8")
    assert "license" not in json.loads((site / "api/v1/entities.dataset.json").read_bytes())


def test_a_license_written_wrong_stops_every_command_with_its_message(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", CONTENT_LICENSE)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace(f"    url: {CONTENT_LICENSE.url}\n", ""), encoding="utf-8")
    message = "extra.license in mkdocs.yml takes an id, a name and a url: license: {id: <its SPDX identifier>, "
    built = _generator(project, "build")
    assert built.returncode == 1
    assert built.stderr.splitlines()[-1].startswith(f"error: the site was not built, and site is unchanged: {message}")
    assert not (project / "site").exists()
    for command in (["render", "--out", "pages"], ["export", "ftm", "--out", "x.json"]):
        result = _generator(project, *command)
        assert (result.returncode, result.stdout) == (2, ""), command
        assert result.stderr.startswith(f"error: {message}"), command
