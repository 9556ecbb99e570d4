"""What plan decides for readers: numbered sources, timeline facets, metadata and descriptions."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

import pytest
import yaml

from generator.pages.plan import PageSpec, plan_pages
from generator.pages.plan.common import number_references
from generator.pages.render import front_matter
from generator.pages.text import plain_text
from generator.pipeline import Project, build_pages, check_content
from tests.helpers import REPO

TREES = {
    "sample": REPO / "tests" / "sample",
    "corpus": REPO / "tests" / "corpus",
    "hostile": REPO / "tests" / "hostile",
}


@cache
def specs(tree: str) -> dict[str, PageSpec]:
    corpus, _ = check_content(TREES[tree])
    return {spec.path: spec for spec in plan_pages(corpus)}


@cache
def markdown(tree: str) -> dict[str, str]:
    build = build_pages(Project(TREES[tree], REPO / "site_templates"))
    return {page.path: page.markdown for page in build.pages}


def test_sources_are_numbered_oldest_first_each_once() -> None:
    norvessa = specs("corpus")["actors/norvessa.md"].context["references"]
    assert [(r.number, r.article.id) for r in norvessa.entries] == [
        (1, "harbor-ledger-tarvan-filling"),
        (2, "kestrel-wire-lutsa-protest"),
        (3, "harbor-ledger-commission-talks"),
    ]
    assert [r.anchor for r in norvessa.entries] == ["ref-1", "ref-2", "ref-3"]


def test_numbering_does_not_depend_on_the_order_articles_are_met() -> None:
    corpus, _ = check_content(TREES["corpus"])
    forward = number_references(corpus.articles)
    backward = number_references(reversed(corpus.articles * 2))
    assert forward == backward


def test_an_event_merged_from_two_articles_cites_both() -> None:
    timeline = specs("corpus")["timeline.md"]
    [event] = [e for group in timeline.context["years"] for e in group.events if e.key == "tarvan-reservoir-filling"]
    cited = [r.article.id for r in timeline.context["references"].cite(event.sources)]
    assert cited == ["harbor-ledger-tarvan-filling", "kestrel-wire-lutsa-protest"]
    line = next(
        line
        for line in markdown("corpus")["timeline.md"].splitlines()
        if '<span id="event-tarvan-reservoir-filling">' in line
    )
    assert line.endswith('<a class="cite" href="#ref-1">[1]</a><a class="cite" href="#ref-2">[2]</a></li>'), line


def _citations(page: str) -> tuple[set[int], set[int]]:
    cited = {int(n) for n in re.findall(r'\]\(#ref-(\d+)\)|href="#ref-(\d+)"', page) for n in n if n}
    listed = {int(n) for n in re.findall(r'^<li id="ref-(\d+)">', page, re.MULTILINE)}
    return cited, listed


@pytest.mark.parametrize("tree", ["sample", "corpus"])
def test_every_citation_has_its_reference_and_every_reference_is_cited(tree: str) -> None:
    pages = {path: text for path, text in markdown(tree).items() if path.startswith(("actors/", "topics/", "timeline"))}
    with_references = {path for path, text in pages.items() if "## References" in text}
    assert "timeline.md" in with_references
    for path in sorted(with_references):
        cited, listed = _citations(pages[path])
        assert cited, f"{path} has references but no citation"
        assert cited == listed == set(range(1, len(listed) + 1)), f"{path}: cited {cited}, listed {listed}"


def test_profiles_cite_roles_quotes_statements_relations_and_events() -> None:
    page = markdown("corpus")["actors/ilka-marenova.md"]
    sections = dict(re.findall(r"^## (.+?)(?: \{.*\})?\n(.*?)(?=^## |\Z)", page, re.MULTILINE | re.DOTALL))
    for section in ("In the stories", "Quotes", "Statements", "Timeline"):
        assert _citations(sections[section])[0], f"no citation under {section}:\n{sections[section]}"
    relations = markdown("corpus")["actors/norvessa.md"]
    rows = re.findall(r"<tr>\n<td data-label=\"From\"><a href=.*?</tr>", relations, re.DOTALL)
    assert rows and all(
        re.search(r'<td data-label="Source"><a class="cite" href="#ref-\d">\[\d\]</a></td>\n</tr>$', row)
        for row in rows
    ), rows


def test_the_timeline_gives_each_event_its_actors_topics_and_kind_of_date() -> None:
    timeline = specs("corpus")["timeline.md"]
    facets = timeline.context["facets"]
    assert facets["tarvan-reservoir-filling"].actors == (
        "norvessa",
        "tarvan-dam-authority",
        "ilka-marenova",
        "kestrevia",
    )
    assert facets["tarvan-reservoir-filling"].topics == (
        "omsel-basin-diplomacy",
        "omsel-water-sharing",
        "tarvan-dam-dispute",
    )
    kinds = {e.key: facets[e.key].date for group in timeline.context["years"] for e in group.events}
    assert kinds["harbor-ledger-tarvan-filling-2"] == "approximate"  # 2019~
    assert kinds["harbor-ledger-tarvan-filling-3"] == "exact"  # 1987
    text = markdown("corpus")["timeline.md"]
    assert (
        '<li data-actors="norvessa tarvan-dam-authority ilka-marenova kestrevia" data-date="exact" '
        'data-topics="omsel-basin-diplomacy omsel-water-sharing tarvan-dam-dispute">'
    ) in text


def test_the_timeline_filters_offer_every_actor_and_topic_of_its_events_by_name() -> None:
    corpus, _ = check_content(TREES["corpus"])
    options = specs("corpus")["timeline.md"].meta["timeline_filters"]
    actors = {a for e in corpus.events for a in e.actors}
    assert [row[0] for row in options["actors"]] == sorted(actors, key=lambda id: corpus.actors[id].name.casefold())
    counts = {row[0]: row[2] for row in options["actors"]}
    assert counts["norvessa"] == sum(1 for e in corpus.events if "norvessa" in e.actors)
    assert [row[1] for row in options["topics"]] == sorted((row[1] for row in options["topics"]), key=str.casefold)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("actors/norvessa.md", "Country"),
        ("actors/ilka-marenova.md", "Person"),
        ("actors/omsel-basin-commission.md", "Organization"),
        ("briefings/harbor-ledger-tarvan-filling.md", "Article"),
        ("topics/tarvan-dam-dispute.md", "CollectionPage"),
        ("timeline.md", "CollectionPage"),
        ("index.md", "CollectionPage"),
    ],
)
def test_every_page_has_schema_org_metadata_of_its_kind(path: str, kind: str) -> None:
    spec = specs("corpus")[path]
    jsonld = spec.meta["jsonld"]
    assert jsonld["@context"] == "https://schema.org"
    assert jsonld["@type"] == kind
    assert jsonld.get("name", jsonld.get("headline")) == spec.title
    assert jsonld["description"] == spec.description


def test_a_briefing_is_an_article_based_on_the_news_article() -> None:
    jsonld = specs("corpus")["briefings/harbor-ledger-tarvan-filling.md"].meta["jsonld"]
    assert jsonld["isBasedOn"] == {
        "@type": "NewsArticle",
        "headline": "Tarvan Dam: *stars* on the gauge, _underscores_ in the ledger, and grievance #1 downstream",
        "datePublished": "2025-04-03",
        "publisher": {"@type": "Organization", "name": "The Harbor Ledger"},
        "url": "https://example.org/harbor-ledger/2025/04/03/tarvan-filling",
        "author": [{"@type": "Person", "name": "Mira Tolsk"}, {"@type": "Person", "name": "Ossian Peyr"}],
        "dateline": "Vrell",
    }
    assert {"@type": "Country", "name": "Norvessa"} in jsonld["mentions"]


def test_a_profile_links_the_same_actor_elsewhere() -> None:
    jsonld = specs("corpus")["actors/norvessa.md"].meta["jsonld"]
    assert jsonld["sameAs"] == ["https://www.wikidata.org/wiki/Q999999001", "https://example.org/countries/norvessa"]
    assert jsonld["alternateName"] == ["Republic of Norvessa", "NO", "Νορβέσσα", "Vrell"]


@pytest.mark.parametrize("tree", ["sample", "corpus", "hostile"])
def test_front_matter_gives_the_theme_back_exactly_the_planned_data(tree: str) -> None:
    for spec in specs(tree).values():
        data: Mapping[str, Any] = yaml.safe_load(front_matter(spec).strip().strip("-"))
        assert data["title"] == spec.title
        assert data.get("description", "") == spec.description
        for key, value in spec.meta.items():
            assert data[key] == json.loads(json.dumps(value)), f"{spec.path}: {key}"


def test_descriptions_are_the_summary_as_plain_text() -> None:
    pages = specs("corpus")
    assert pages["actors/norvessa.md"].description == "Upstream state on the Omsel River; builder of the Tarvan Dam."
    assert pages["topics/tarvan-dam-dispute.md"].description.startswith(
        "The quarrel between Norvessa and Kestrevia over the Tarvan Dam on the upper Omsel River. Background: dispute file."
    )
    assert all(len(spec.description) <= 200 for spec in pages.values())


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Some *emphasis*, a [link](https://example.org) and `<code>`.", "Some emphasis, a link and <code>."),
        ("<script>alert(1)</script> **bold**", "<script>alert(1)</script> bold"),
        ("- one\n- two\n\nthree", "one two three"),
        ("AT&T &amp; friends", "AT&T & friends"),
    ],
)
def test_plain_text_is_what_a_reader_sees(written: str, shown: str) -> None:
    assert plain_text(written) == shown


def test_plain_text_is_cut_at_a_word() -> None:
    assert plain_text("one two three four five", 14) == "one two …"


def test_search_leads_to_pages_not_to_lists_and_knows_an_actors_names() -> None:
    pages = specs("sample")
    excluded = sorted(path for path, spec in pages.items() if spec.search_exclude)
    assert excluded == ["actors/index.md", "briefings/index.md", "index.md", "timeline.md", "topics/index.md"]
    korea = pages["actors/north-korea.md"]
    assert korea.search_tags[0] == "North Korea" and "Pyongyang" in korea.search_tags
    assert "search:\n  boost: 10\n  lists: false\n" in front_matter(korea)  # in five briefings or more
    # Profiles, topics and events list what briefings report: search indexes their own text only.
    own_text_only = sorted(path for path, spec in pages.items() if not spec.search_lists)
    gathering = [path for path in pages if path.startswith(("actors/", "topics/", "events/"))]
    assert own_text_only == sorted(path for path in gathering if not path.endswith("/index.md"))
    assert "search:\n  lists: false\n" in front_matter(pages["topics/north-korea-sanctions.md"])
    assert "search:\n  exclude: true\n" in front_matter(pages["index.md"])


def test_search_tags_are_the_names_as_written() -> None:
    # The Markdown keeps text as text; the MkDocs glue escapes tags for the theme, which shows
    # them as HTML in search results (tests/test_safety.py checks the built search index).
    mallory = specs("hostile")["actors/mallory.md"]
    data = yaml.safe_load(front_matter(mallory).strip().strip("-"))
    assert data["tags"][:2] == ["Mallory <script>window.pwned = 1</script>", "<img src=x onerror=window.pwned=2>"]
