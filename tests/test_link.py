from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.diagnostics import Severity
from generator.content.link import Corpus, link_corpus
from generator.content.load import load_tree
from generator.content.validate import validate_documents
from generator.pipeline import check_content
from tests.helpers import ACTORS, REPO, article, write_tree


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return check_content(REPO / "tests" / "corpus")[0]


def test_an_event_reported_by_two_articles_is_one_event_with_both_sources(corpus: Corpus) -> None:
    [event] = [e for e in corpus.events if e.key == "tarvan-reservoir-filling"]
    assert event.date.iso() == "2025-03-14"  # the more precise of 2025-03 and 2025-03-14
    assert [a.id for a in event.sources] == ["harbor-ledger-tarvan-filling", "kestrel-wire-lutsa-protest"]
    assert event.title == "Norvessa starts filling the Tarvan reservoir"  # the earliest article's title leads
    assert event.actors == ("norvessa", "tarvan-dam-authority", "ilka-marenova", "kestrevia")
    assert not event.is_conflicting
    for article_id in ("harbor-ledger-tarvan-filling", "kestrel-wire-lutsa-protest"):
        assert event in corpus.article_events[article_id]


def test_events_without_an_id_belong_to_their_article_alone(corpus: Corpus) -> None:
    single = [e for e in corpus.events if e.key != "tarvan-reservoir-filling"]
    assert all(len(e.reports) == 1 for e in single)
    assert len({e.key for e in corpus.events}) == len(corpus.events)


def test_the_timeline_is_in_date_order_less_precise_first(corpus: Corpus) -> None:
    keys = [e.date.sort_key for e in corpus.events]
    assert keys == sorted(keys)


def test_an_actor_named_only_in_a_quote_or_relation_is_in_the_story(corpus: Corpus) -> None:
    union = corpus.by_actor["kestrevian-farmers-union"]
    assert [a.id for a in union.articles] == ["kestrel-wire-lutsa-protest"]
    assert union.quotes and union.relations_out


def test_articles_are_newest_first(corpus: Corpus) -> None:
    dates = [a.source.published.sort_key for a in corpus.articles]
    assert dates == sorted(dates, reverse=True)


def test_conflicting_dates_are_a_warning_naming_every_source(tmp_path: Path) -> None:
    summit = "  - id: summit\n    date: {date}\n    title: {title}\n    actors: [russia, north-korea]\n"
    write_tree(
        tmp_path,
        {
            **ACTORS,
            "content/articles/first.yaml": article(
                "2023-09-14", summit.format(date="2023-09-12", title="Leaders meet")
            ),
            "content/articles/second.yaml": article("2023-09-20", summit.format(date="2023-09-13", title="Summit")),
        },
    )
    content, problems = validate_documents(load_tree(tmp_path / "content").documents)
    assert problems == ()
    corpus, warnings = link_corpus(content)
    [event] = corpus.events
    assert event.is_conflicting
    assert [r.date.iso() for r in event.reports] == ["2023-09-12", "2023-09-13"]
    assert [w.severity for w in warnings] == [Severity.WARNING]
    assert warnings[0].message == (
        "the articles that report event 'summit' disagree on its date "
        f"(2023-09-12 in {tmp_path}/content/articles/first.yaml; 2023-09-13 in {tmp_path}/content/articles/second.yaml); "
        "the site shows each date with its source"
    )


def test_a_joint_statement_and_a_joint_relation_are_on_the_profile_of_every_actor_they_name(corpus: Corpus) -> None:
    reply = "Accept the invitation in a joint reply, and ask for the talks to be held in public."
    for actor_id in ("kestrevia", "norvessa"):
        index = corpus.by_actor[actor_id]
        assert [c.item.text for c in index.statements if len(c.item.by) > 1] == [reply]
        assert [c.item.kind for c in index.relations_out if len(c.item.sources) > 1] == ["accept the mediation of"]
        assert "harbor-ledger-commission-talks" in [a.id for a in index.articles]
    commission = corpus.by_actor["omsel-basin-commission"]
    assert [c.item.kind for c in commission.relations_in] == ["accept the mediation of", "asks to mediate"]
    # On the topic, the joint statement is one position, not one for each actor.
    positions = corpus.by_topic["omsel-basin-diplomacy"].positions
    assert [p.item.by for p in positions] == [("kestrevia", "norvessa"), ("teodor-vasc",)]


def test_a_single_by_reads_as_a_list_of_one(corpus: Corpus) -> None:
    article = corpus.content.articles["harbor-ledger-commission-talks"]
    assert [s.by for s in article.statements] == [
        ("omsel-basin-commission",),
        ("ilka-marenova",),
        ("kestrevia", "norvessa"),
    ]
    assert [r.sources for r in article.relations] == [("sela-orvin",), ("kestrevia", "norvessa")]


def test_a_role_held_as_of_a_date_is_not_current_but_still_open(corpus: Corpus) -> None:
    [chair] = corpus.actors["sela-orvin"].roles
    assert chair.as_of is not None and chair.as_of.human() == "6 May 2025"
    assert not chair.is_current and chair.is_open
    minister, director = corpus.actors["ilka-marenova"].roles
    assert minister.is_current and minister.is_open
    assert not director.is_current and not director.is_open
