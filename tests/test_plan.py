from __future__ import annotations

from generator.pages.plan import plan_pages
from generator.pipeline import check_content
from tests.helpers import REPO


def test_every_url_of_the_format_has_a_page() -> None:
    corpus, _ = check_content(REPO / "tests" / "sample")
    paths = {spec.path for spec in plan_pages(corpus)}
    expected = {"index.md", "briefings/index.md", "actors/index.md", "topics/index.md", "timeline.md"}
    expected |= {f"briefings/{id}.md" for id in corpus.content.articles}
    expected |= {f"actors/{id}.md" for id in corpus.content.actors}
    expected |= {f"topics/{id}.md" for id in corpus.content.topics}
    assert paths == expected


def test_pages_name_the_content_file_they_come_from() -> None:
    corpus, _ = check_content(REPO / "tests" / "corpus")
    sources = {spec.path: spec.source for spec in plan_pages(corpus)}
    assert sources["actors/norvessa.md"].endswith("tests/corpus/actors/norvessa.yaml")
    assert sources["briefings/kestrel-wire-lutsa-protest.md"].endswith(
        "tests/corpus/articles/kestrel-wire-lutsa-protest.yaml"
    )
    assert sources["timeline.md"] is None


def test_the_timeline_groups_events_by_year_and_actors_by_kind() -> None:
    corpus, _ = check_content(REPO / "tests" / "corpus")
    specs = {spec.path: spec for spec in plan_pages(corpus)}
    years = specs["timeline.md"].context["years"]
    assert [group.year for group in years] == [1987, 2019, 2025]
    assert sum(len(group.events) for group in years) == len(corpus.events)
    groups = specs["actors/index.md"].context["groups"]
    assert [(heading, [a.id for a in members]) for heading, members in groups] == [
        ("Countries", ["kestrevia", "norvessa"]),
        ("Organizations", ["kestrevian-farmers-union", "omsel-basin-commission", "tarvan-dam-authority"]),
        ("People", ["ilka-marenova", "sela-orvin", "teodor-vasc"]),
    ]
