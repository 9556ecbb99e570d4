"""The exports, read back with real parsers: Atom, iCalendar, JSON Schema, OpenAPI, CSV, FollowTheMoney."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import json
import posixpath
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import jsonschema
import pydantic
import pytest
from followthemoney import model as ftm_model
from followthemoney.util import make_entity_id
from hypothesis import given
from hypothesis import strategies as st
from openapi_spec_validator import validate as validate_openapi

from generator.cli import STAGE
from generator.content.link import Corpus
from generator.content.model import URL_PATTERN
from generator.exports import License, export_files, export_links, feeds
from generator.exports.api_models import DOCUMENTS, document_schema
from generator.exports.calendar import escape_text, fold, span
from generator.exports.common import href
from generator.exports.ftm import entity_id, ftm_entities, ftm_lines
from generator.mkdocs.settings import read_settings
from generator.pages.text import plain_blocks
from generator.pipeline import check_content
from tests.conftest import CORPUS, REPO_ROOT, SAMPLE_CONTENT, BuiltSite, copy_project, run_generator, run_program
from tests.helpers import ACTORS, article, run_main, write_tree

SITE_URL = "https://example.org/briefing"
LICENSE = License("CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
DATASETS = ("briefings", "actors", "topics", "events")
RECORD_COUNTS = {
    "sample": {"briefings": 11, "actors": 26, "topics": 4, "events": 21},
    "corpus": {"briefings": 3, "actors": 8, "topics": 3, "events": 6},
}


@pytest.fixture(scope="module")
def sample() -> Corpus:
    return check_content(SAMPLE_CONTENT)[0]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return check_content(CORPUS)[0]


def files(corpus: Corpus, site_url: str | None = None, license: License | None = None) -> dict[str, bytes]:
    return {asset.path: asset.content for asset in export_files(corpus, site_url, license=license)}


def feed(content: bytes) -> Any:
    parsed = feedparser.parse(content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def calendar_events(content: bytes) -> list[Any]:
    return list(icalendar.Calendar.from_ical(content).walk("VEVENT"))


def event_named(events: list[Any], title: str) -> Any:
    [event] = [e for e in events if str(e["SUMMARY"]).startswith(title)]
    return event


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


# ---------------------------------------------------------------------------------------------
# Which files


def expected_paths(corpus: Corpus) -> set[str]:
    paths = {"feeds/briefings.xml", "calendar/events.ics"}
    for kind, ids in (("topics", corpus.topics), ("actors", corpus.actors)):
        paths |= {f"feeds/{kind}/{id}.xml" for id in ids} | {f"calendar/{kind}/{id}.ics" for id in ids}
    paths |= {f"api/v1/{name}.json" for name in DATASETS}
    paths |= {f"api/v1/schema/{name}.schema.json" for name in (*DATASETS, "event")}
    paths |= {f"api/v1/events/{event.key}.json" for event in corpus.events}
    paths |= {"api/v1/openapi.json", "api/v1/timeline.csv", "api/v1/statements.csv", "api/v1/entities.ftm.json"}
    paths |= {"api/v1/entities.dataset.json"}
    return paths


@pytest.mark.parametrize("which", ["sample", "corpus"])
def test_every_export_is_published_once_in_path_order(which: str, request: pytest.FixtureRequest) -> None:
    corpus: Corpus = request.getfixturevalue(which)
    paths = [asset.path for asset in export_files(corpus)]
    assert paths == sorted(expected_paths(corpus))
    assert len(paths) == {"sample": 97, "corpus": 44}[which]  # 21 and 6 events: a document each


def test_two_exports_are_byte_identical(corpus: Corpus, sample: Corpus) -> None:
    assert export_files(corpus) == export_files(check_content(CORPUS)[0])
    assert export_files(sample, SITE_URL) == export_files(check_content(SAMPLE_CONTENT)[0], SITE_URL)


# ---------------------------------------------------------------------------------------------
# Atom


def test_every_feed_is_valid_atom(sample: Corpus, corpus: Corpus) -> None:
    for which in (sample, corpus):
        for path, content in files(which).items():
            if path.endswith(".xml"):
                assert feed(content).version == "atom10", path


def test_the_site_feed_lists_every_briefing_newest_first(corpus: Corpus) -> None:
    parsed = feed(files(corpus)["feeds/briefings.xml"])
    assert parsed.feed.title == "Briefings"
    assert parsed.feed.updated == "2025-05-06T00:00:00Z"  # the newest article, not the clock
    assert [e.title for e in parsed.entries] == [
        "Omsel Commission sets date for Tarvan talks",
        "Farmers in Lutsa protest as Omsel falls",
        "Tarvan Dam: *stars* on the gauge, _underscores_ in the ledger, and grievance #1 downstream",
    ]
    entry = parsed.entries[2]
    assert entry.link == "../briefings/harbor-ledger-tarvan-filling/"  # relative to feeds/briefings.xml
    assert entry.id.startswith("urn:uuid:")
    assert entry.published == entry.updated == "2025-04-03T00:00:00Z"
    assert entry.author == "The Harbor Ledger"
    assert [link.href for link in entry.links if link.rel == "via"] == [
        "https://example.org/harbor-ledger/2025/04/03/tarvan-filling"
    ]
    assert [(t.term, t.label) for t in entry.tags] == [
        ("tarvan-dam-dispute", "Tarvan Dam dispute"),
        ("omsel-water-sharing", "Omsel River water sharing"),
    ]
    # Summary text: Markdown read as a reader sees it.
    assert entry.summary == (
        "Norvessa has begun filling the reservoir behind the Tarvan Dam, a project it started "
        "around six years ago. Kestrevia says the filling breaks the 1987 accord."
    )


def test_the_sample_feed_has_every_briefing_newest_first(sample: Corpus) -> None:
    parsed = feed(files(sample)["feeds/briefings.xml"])
    assert len(parsed.entries) == 11
    assert [e.author for e in parsed.entries[:2]] == ["dpa-AFX", "Korea JoongAng Daily"]
    assert parsed.entries[-1].title == "Putin flies to the Vostochny spaceport for talks with Kim Jong Un"
    [reuters] = [e for e in parsed.entries if e.author == "Reuters"]
    assert reuters.title == (
        "After Russia's veto, U.S. envoy says allies are working on other ways to police North Korea sanctions"
    )
    assert parsed.feed.updated == "2025-10-23T00:00:00Z"


def test_topic_and_actor_feeds_hold_their_briefings(corpus: Corpus, sample: Corpus) -> None:
    exported = files(corpus)

    def titles(path: str) -> list[str]:
        return [e.title for e in feed(exported[path]).entries]

    assert titles("feeds/topics/omsel-water-sharing.xml") == [
        "Tarvan Dam: *stars* on the gauge, _underscores_ in the ledger, and grievance #1 downstream"
    ]
    # A statement on a topic puts its article in that topic's feed.
    assert titles("feeds/topics/omsel-basin-diplomacy.xml") == [
        "Omsel Commission sets date for Tarvan talks",
        "Farmers in Lutsa protest as Omsel falls",
    ]
    # An actor named only in a quote or a relation is in the story.
    assert titles("feeds/actors/kestrevian-farmers-union.xml") == ["Farmers in Lutsa protest as Omsel falls"]
    for topic in corpus.topics:
        assert len(titles(f"feeds/topics/{topic}.xml")) == len(corpus.by_topic[topic].articles)
    for actor in corpus.actors:
        assert len(titles(f"feeds/actors/{actor}.xml")) == len(corpus.by_actor[actor].articles)
    parsed = feed(files(sample)["feeds/actors/russia.xml"])
    assert parsed.feed.title == "Briefings that involve Russia"
    assert parsed.feed.link == "../../actors/russia/"
    links = [entry.link for entry in parsed.entries]
    assert len(links) == 10  # all but the cyber report
    assert links[0] == "../../briefings/2025-05-29-msmt-first-report/"  # newest first
    assert "../../briefings/2024-04-15-us-allies-north-korea-sanctions/" in links


def test_with_a_site_url_feed_links_are_absolute(corpus: Corpus) -> None:
    parsed = feed(files(corpus, SITE_URL)["feeds/topics/tarvan-dam-dispute.xml"])
    assert parsed.feed.link == "https://example.org/briefing/topics/tarvan-dam-dispute/"
    self_link = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_link == ["https://example.org/briefing/feeds/topics/tarvan-dam-dispute.xml"]
    assert parsed.entries[0].link == "https://example.org/briefing/briefings/harbor-ledger-commission-talks/"
    # Ids do not depend on where the site is served.
    assert [e.id for e in parsed.entries] == [
        e.id for e in feed(files(corpus)["feeds/topics/tarvan-dam-dispute.xml"]).entries
    ]


# ---------------------------------------------------------------------------------------------
# iCalendar


def test_every_calendar_parses_with_one_entry_per_event(sample: Corpus, corpus: Corpus) -> None:
    for which in (sample, corpus):
        exported = files(which)
        assert len(calendar_events(exported["calendar/events.ics"])) == len(which.events)
        for topic in which.topics:
            events = calendar_events(exported[f"calendar/topics/{topic}.ics"])
            assert len(events) == len(which.by_topic[topic].events)
        for actor in which.actors:
            events = calendar_events(exported[f"calendar/actors/{actor}.ics"])
            assert len(events) == len(which.by_actor[actor].events)
    assert len(calendar_events(files(sample)["calendar/events.ics"])) == 21
    assert len(calendar_events(files(corpus)["calendar/events.ics"])) == 6


def test_partial_dates_are_all_day_or_month_long_and_a_year_is_its_first_day(sample: Corpus) -> None:
    events = calendar_events(files(sample)["calendar/events.ics"])
    veto = event_named(events, "Russia vetoes the renewal")
    assert veto["DTSTART"].dt == dt.date(2024, 3, 28)
    assert veto["DTEND"].dt == dt.date(2024, 3, 29)
    launches = event_named(events, "North Korea launches a new round of ballistic missiles")
    assert (launches["DTSTART"].dt, launches["DTEND"].dt) == (dt.date(2024, 3, 1), dt.date(2024, 4, 1))
    pledge = event_named(events, "Russia and North Korea pledge")
    # Known to the year: not a banner across the year in a calendar app, but its first day, the year said.
    assert (pledge["DTSTART"].dt, pledge["DTEND"].dt) == (dt.date(2023, 1, 1), dt.date(2023, 1, 2))
    assert str(pledge["SUMMARY"]).endswith(" (2023)")
    monitoring = event_named(events, "UN panel of experts begins monitoring")
    assert (monitoring["DTSTART"].dt, monitoring["DTEND"].dt) == (dt.date(2009, 1, 1), dt.date(2009, 1, 2))
    assert str(monitoring["SUMMARY"]).endswith(" (approx. 2009)")
    assert str(monitoring["DESCRIPTION"]).startswith("Date: approx. 2009\n\n")
    for event in events:
        assert event["DTSTAMP"].dt == dt.datetime(2025, 10, 23, tzinfo=dt.UTC)  # the newest briefing's date
        assert "URL" not in event  # no site address: no absolute URL to give


def test_a_merged_event_names_both_sources_in_its_description(corpus: Corpus) -> None:
    events = calendar_events(files(corpus)["calendar/events.ics"])
    filling = event_named(events, "Norvessa starts filling the Tarvan reservoir")
    assert filling["DTSTART"].dt == dt.date(2025, 3, 14)
    assert str(filling["DESCRIPTION"]) == (
        "Date: 14 March 2025\n\n"
        "Gates were closed at dawn, per a notice to river users.\n\n"
        "Sources:\n"
        "- The Harbor Ledger, 3 April 2025: “Tarvan Dam: *stars* on the gauge, _underscores_ in the ledger, "
        "and grievance #1 downstream” https://example.org/harbor-ledger/2025/04/03/tarvan-filling "
        "(dated March 2025, as “last month”)\n"
        "- Kestrel Wire Service, 10 April 2025: “Farmers in Lutsa protest as Omsel falls” "
        "(dated 14 March 2025, as “on March 14”)"
    )
    # The same event has the same UID in every calendar it is in.
    for path in ("calendar/actors/kestrevia.ics", "calendar/topics/tarvan-dam-dispute.ics"):
        other = event_named(calendar_events(files(corpus)[path]), "Norvessa starts filling")
        assert other["UID"] == filling["UID"]


def test_calendar_lines_are_folded_at_75_octets_with_crlf(sample: Corpus, corpus: Corpus) -> None:
    for which in (sample, corpus):
        for path, content in files(which).items():
            if path.endswith(".ics"):
                assert content.endswith(b"\r\n") and b"\n" not in content.replace(b"\r\n", b""), path
                assert max(len(line) for line in content.split(b"\r\n")) <= 75, path


def test_folding_keeps_characters_whole_and_unfolds_to_the_line() -> None:
    line = "SUMMARY:" + "Кестревия и Норвесса, 中国 " * 8
    folded = fold(line)
    physical = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "") == line


@given(st.text(alphabet=st.sampled_from("ab ;,\\\n\rЖ:"), max_size=60))
def test_a_calendar_text_reads_back_as_written_but_for_carriage_returns(text: str) -> None:
    event = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\nSUMMARY:{escape_text(text)}\r\nEND:VEVENT\r\n")
    assert str(event["SUMMARY"]) == text.replace("\r", "")


@given(st.text(alphabet=st.sampled_from("ab ;,Ж中🙂é"), max_size=400).map(lambda text: "SUMMARY:" + text))
def test_a_folded_line_fills_each_physical_line_as_far_as_a_whole_character_goes(line: str) -> None:
    physical = fold(line).split("\r\n")
    assert "".join(part.removeprefix(" ") if i else part for i, part in enumerate(physical)) == line
    for i, part in enumerate(physical):
        assert len(part.encode("utf-8")) <= 75 and (i == 0 or part.startswith(" "))
        if i + 1 < len(physical):  # full: the next line's first character would not have fitted
            following = physical[i + 1][1]
            assert len(part.encode("utf-8")) + len(following.encode("utf-8")) > 75


def test_conflicting_dates_span_every_date_and_say_so(tmp_path: Path) -> None:
    summit = "  - id: summit\n    date: {date}\n    title: Leaders meet\n    actors: [russia]\n"
    write_tree(
        tmp_path,
        {
            **ACTORS,
            "content/articles/first.yaml": article("2023-09-14", summit.format(date="2023-09-12")),
            "content/articles/second.yaml": article("2023-09-15", summit.format(date="2023-09-13")),
        },
    )
    corpus = check_content(tmp_path / "content")[0]
    [merged] = corpus.events
    assert span(merged) == (dt.date(2023, 9, 12), dt.date(2023, 9, 14))
    [event] = calendar_events(files(corpus)["calendar/events.ics"])
    description = str(event["DESCRIPTION"])
    assert description.startswith("Date: the sources disagree; each one's date is given below.")
    assert "(dated 12 September 2023)" in description and "(dated 13 September 2023)" in description


def test_text_is_escaped_and_read_back_as_written(tmp_path: Path) -> None:
    title = "    title: 'A; b, c \\ d <b>bold</b>'\n"
    events = f"  - date: 2024-03\n{title}    details: |\n      One.\n\n      Two: *three*\n"
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(events=events)})
    corpus = check_content(tmp_path / "content")[0]
    exported = files(corpus, SITE_URL)
    [event] = calendar_events(exported["calendar/events.ics"])
    assert str(event["SUMMARY"]) == "A; b, c \\ d <b>bold</b>"
    assert str(event["DESCRIPTION"]) == (
        "Date: March 2024\n\nOne.\nTwo: three\n\nSources:\n- Wire, 15 April 2024: “A report” (dated March 2024)"
    )
    assert str(event["URL"]) == "https://example.org/briefing/events/a-1/"


def test_empty_feeds_and_calendars_still_parse(tmp_path: Path) -> None:
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(extra="actors: [russia]\n")})
    corpus = check_content(tmp_path / "content")[0]
    exported = files(corpus)
    parsed = feed(exported["feeds/actors/north-korea.xml"])
    assert parsed.entries == []
    assert parsed.feed.updated == "2024-04-15T00:00:00Z"  # the site's newest article
    assert calendar_events(exported["calendar/actors/north-korea.ics"]) == []


# ---------------------------------------------------------------------------------------------
# JSON API


def load_json(exported: dict[str, bytes], path: str) -> Any:
    return json.loads(exported[path].decode("utf-8"))


@pytest.mark.parametrize("which", ["sample", "corpus"])
@pytest.mark.parametrize(("site_url", "license"), [(None, None), (SITE_URL, LICENSE)])
def test_every_json_file_matches_its_schema(
    which: str, site_url: str | None, license: License | None, request: pytest.FixtureRequest
) -> None:
    corpus: Corpus = request.getfixturevalue(which)
    exported = files(corpus, site_url, license)
    openapi = load_json(exported, "api/v1/openapi.json")
    validate_openapi(openapi)
    for name in DATASETS:
        schema = load_json(exported, f"api/v1/schema/{name}.schema.json")
        jsonschema.Draft202012Validator.check_schema(schema)
        data = load_json(exported, f"api/v1/{name}.json")
        checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
        jsonschema.Draft202012Validator(schema, format_checker=checker).validate(data)
        # The OpenAPI description holds the same schemas.
        described = {"$ref": f"#/components/schemas/{name.capitalize()}", "components": openapi["components"]}
        jsonschema.Draft202012Validator(described, format_checker=checker).validate(data)
        assert list(data) == ["version", "license", name]
        assert data["version"] == 1
        assert data["license"] == (license and {"id": license.id, "name": license.name, "url": license.url})
    counts = {name: len(load_json(exported, f"api/v1/{name}.json")[name]) for name in DATASETS}
    assert counts == RECORD_COUNTS[which]
    # Each event has a document of its own, beside its page: the record events.json holds, linking the page.
    schema = load_json(exported, "api/v1/schema/event.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    described = {"$ref": "#/components/schemas/EventDocument", "components": openapi["components"]}
    listed = {event["id"]: event for event in load_json(exported, "api/v1/events.json")["events"]}
    for event in corpus.events:
        document = load_json(exported, f"api/v1/events/{event.key}.json")
        for each in (schema, described):
            jsonschema.Draft202012Validator(
                each, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
            ).validate(document)
        assert list(document) == ["version", "license", "event"]
        links = {"url": document["event"]["url"], "timeline": document["event"]["timeline"]}
        assert document["event"] == {**listed[event.key], **links}
        page = f"{site_url.rstrip('/')}/events/{event.key}/" if site_url else f"../../../events/{event.key}/"
        assert document["event"]["url"] == page


def test_the_openapi_description_lists_every_file(sample: Corpus) -> None:
    openapi = load_json(files(sample), "api/v1/openapi.json")
    assert openapi["openapi"] == "3.1.0"
    assert openapi["servers"] == [{"url": "."}]
    assert sorted(openapi["paths"]) == [
        "/actors.json",
        "/briefings.json",
        "/entities.dataset.json",
        "/entities.ftm.json",
        "/events.json",
        "/events/{id}.json",
        "/statements.csv",
        "/timeline.csv",
        "/topics.json",
    ]
    absolute = load_json(files(sample, SITE_URL), "api/v1/openapi.json")
    assert absolute["servers"] == [{"url": "https://example.org/briefing/api/v1"}]
    schema = load_json(files(sample, SITE_URL), "api/v1/schema/events.schema.json")
    assert schema["$id"] == "https://example.org/briefing/api/v1/schema/events.schema.json"


def test_events_json_has_every_source_and_every_reported_date(corpus: Corpus) -> None:
    events = load_json(files(corpus), "api/v1/events.json")["events"]
    assert [e["date"]["value"] for e in events] == [
        "1987",
        "2019~",
        "2025-03-14",
        "2025-04",
        "2025-04-08",
        "2025-06-12",
    ]
    [filling] = [e for e in events if e["id"] == "tarvan-reservoir-filling"]
    assert filling["url"] == "../../events/tarvan-reservoir-filling/"
    assert filling["timeline"] == "../../timeline/#event-tarvan-reservoir-filling"
    assert filling["date"] == {
        "value": "2025-03-14",
        "precision": "day",
        "approximate": False,
        "first_day": "2025-03-14",
        "last_day": "2025-03-14",
    }
    assert filling["conflicting"] is False
    assert filling["actors"] == ["norvessa", "tarvan-dam-authority", "ilka-marenova", "kestrevia"]
    reports = [(r["briefing"], r["publisher"], r["date"]["value"], r["source_url"]) for r in filling["reports"]]
    assert reports == [
        (
            "harbor-ledger-tarvan-filling",
            "The Harbor Ledger",
            "2025-03",
            "https://example.org/harbor-ledger/2025/04/03/tarvan-filling",
        ),
        ("kestrel-wire-lutsa-protest", "Kestrel Wire Service", "2025-03-14", None),
    ]
    assert filling["reports"][0]["date"]["last_day"] == "2025-03-31"


def test_the_published_schemas_are_generated_from_the_models(sample: Corpus) -> None:
    """The schema files and the OpenAPI components are the models' schemas, with the same definitions."""
    exported = files(sample, SITE_URL)
    components = load_json(exported, "api/v1/openapi.json")["components"]["schemas"]
    for name, model in DOCUMENTS.items():
        schema = load_json(exported, f"api/v1/schema/{name}.schema.json")
        assert schema == {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{SITE_URL}/api/v1/schema/{name}.schema.json",
            **document_schema(model),
        }
        as_components = json.loads(json.dumps(schema).replace('"#/$defs/', '"#/components/schemas/'))
        definitions = as_components.pop("$defs")
        assert {key: components[key] for key in definitions} == definitions, name
        assert components[model.__name__] == {k: v for k, v in as_components.items() if not k.startswith("$")}
    assert {"Briefings", "Actors", "Topics", "Events", "EventDocument", "Briefing", "Date", "Report"} <= set(components)


def test_every_record_in_the_schemas_requires_each_key_and_allows_no_other(sample: Corpus) -> None:
    """A consumer can rely on every key being there (null when unknown) and on no key it does not know."""
    components = load_json(files(sample), "api/v1/openapi.json")["components"]["schemas"]
    records = {name: schema for name, schema in components.items() if schema.get("type") == "object"}
    assert len(records) == 20
    for name, schema in records.items():
        assert schema["required"] == list(schema["properties"]), name
        assert schema["additionalProperties"] is False, name


@pytest.mark.parametrize("which", ["sample", "corpus"])
def test_every_data_file_reads_back_into_its_model_and_dumps_to_the_same_bytes(
    which: str, request: pytest.FixtureRequest
) -> None:
    corpus: Corpus = request.getfixturevalue(which)
    exported = files(corpus, SITE_URL, LICENSE)
    documents = [(DOCUMENTS[name], f"api/v1/{name}.json") for name in DATASETS]
    documents += [(DOCUMENTS["event"], f"api/v1/events/{event.key}.json") for event in corpus.events]
    for model, path in documents:
        content = exported[path]
        assert model.model_validate_json(content).model_dump_json().encode("utf-8") + b"\n" == content, path


def test_the_json_export_leaves_the_cycle_collector_as_it_found_it(corpus: Corpus) -> None:
    """It pauses the collector while it makes its models, and gives it back as it was."""
    try:
        for enabled in (True, False):
            gc.enable() if enabled else gc.disable()
            export_files(corpus)
            assert gc.isenabled() is enabled
    finally:
        gc.enable()


# A change to one value of the first briefing in briefings.json; the error the published schema reports.
BAD_BRIEFINGS = [
    (("briefings", 0, "quotes", 0, "date", "value"), "2025-5-6", "$.briefings[0].quotes[0].date.value",
     r"'2025-5-6' does not match '^\\d{4}(-\\d{2}(-\\d{2})?)?~?$'"),
    (("briefings", 0, "quotes", 0, "date", "first_day"), "2025-02-30", "$.briefings[0].quotes[0].date.first_day",
     "'2025-02-30' is not a 'date'"),
    (("briefings", 0, "quotes", 0, "date", "precision"), "week", "$.briefings[0].quotes[0].date.precision",
     "'week' is not one of ['year', 'month', 'day']"),
    (("briefings", 0, "statements", 0, "stance"), "maybe", "$.briefings[0].statements[0].stance",
     "'maybe' is not one of ['supports', 'opposes', 'neutral']"),
    (("briefings", 0, "statements", 0, "by"), ["kestrevia", "kestrevia"], "$.briefings[0].statements[0].by",
     "['kestrevia', 'kestrevia'] has non-unique elements"),
    (("briefings", 0, "id"), "Bad_Id", "$.briefings[0].id", "'Bad_Id' does not match '^[a-z0-9]+(-[a-z0-9]+)*$'"),
    (("briefings", 0, "source", "url"), "ftp://example.org/", "$.briefings[0].source.url",
     "'ftp://example.org/' does not match " + repr(URL_PATTERN.pattern)),
    (("briefings", 0, "rating"), 5, "$.briefings[0]", "Additional properties are not allowed ('rating' was unexpected)"),
    (("generated",), "2025-01-01", "$", "Additional properties are not allowed ('generated' was unexpected)"),
    (("briefings", 0, "summary"), None, "$.briefings[0].summary", "None is not of type 'string'"),
    (("version",), 2, "$.version", "1 was expected"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "value", "where", "message"), BAD_BRIEFINGS)
def test_a_document_that_breaks_a_rule_is_rejected_by_its_published_schema_and_its_model(
    corpus: Corpus, path: tuple[str | int, ...], value: Any, where: str, message: str
) -> None:
    exported = files(corpus)
    schema = load_json(exported, "api/v1/schema/briefings.schema.json")
    document = load_json(exported, "api/v1/briefings.json")
    *parents, key = path
    record = document
    for step in parents:
        record = record[step]
    record[key] = value
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    assert error is not None
    assert (error.json_path, error.message) == (where, message)
    with pytest.raises(pydantic.ValidationError):
        DOCUMENTS["briefings"].model_validate(document)


def test_briefings_actors_and_topics_json(corpus: Corpus) -> None:
    exported = files(corpus)
    briefings = load_json(exported, "api/v1/briefings.json")["briefings"]
    assert [b["id"] for b in briefings] == [a.id for a in corpus.articles]  # newest first
    filling = briefings[2]
    assert filling["url"] == "../../briefings/harbor-ledger-tarvan-filling/"
    assert filling["source"]["authors"] == ["Mira Tolsk", "Ossian Peyr"]
    assert filling["events"] == [  # in timeline order; an event without an id is keyed by its article
        "harbor-ledger-tarvan-filling-3",
        "harbor-ledger-tarvan-filling-2",
        "tarvan-reservoir-filling",
    ]
    assert filling["quotes"][1]["date"]["value"] == "2025-04-03"  # a quote's date defaults to the article's
    actors = load_json(exported, "api/v1/actors.json")["actors"]
    assert [a["id"] for a in actors] == sorted(corpus.actors)
    [marenova] = [a for a in actors if a["id"] == "ilka-marenova"]
    assert marenova["roles"][0]["from"]["value"] == "2022-06" and marenova["roles"][0]["to"] is None
    assert marenova["identifiers"] == {"wikidata": "Q999999003"}
    topics = load_json(exported, "api/v1/topics.json")["topics"]
    assert [(t["id"], len(t["briefings"])) for t in topics] == [
        ("omsel-basin-diplomacy", 2),
        ("omsel-water-sharing", 1),
        ("tarvan-dam-dispute", 2),
    ]


def test_joint_statements_and_relations_and_dated_roles_in_the_json(corpus: Corpus) -> None:
    """`by` and `from` are written as the content writes them: an id, or a list of ids when said jointly."""
    exported = files(corpus)
    [talks] = [b for b in load_json(exported, "api/v1/briefings.json")["briefings"] if b["id"].endswith("-talks")]
    assert [s["by"] for s in talks["statements"]] == [
        "omsel-basin-commission",
        "ilka-marenova",
        ["kestrevia", "norvessa"],
    ]
    assert [r["from"] for r in talks["relations"]] == ["sela-orvin", ["kestrevia", "norvessa"]]
    assert talks["quotes"][0]["by"] == "omsel-basin-commission"
    [orvin] = [a for a in load_json(exported, "api/v1/actors.json")["actors"] if a["id"] == "sela-orvin"]
    assert orvin["roles"][0]["to"] is None
    assert orvin["roles"][0]["as_of"] == {
        "value": "2025-05-06",
        "precision": "day",
        "approximate": False,
        "first_day": "2025-05-06",
        "last_day": "2025-05-06",
    }


def test_a_joint_statement_is_one_note_on_every_actor_and_a_joint_relation_one_link(corpus: Corpus) -> None:
    entities = {e["id"]: e for e in ftm_entities(corpus)}
    joint = entities[entity_id("statement", "harbor-ledger-commission-talks", "3")]
    assert joint["properties"]["entity"] == [entity_id("actor", "kestrevia"), entity_id("actor", "norvessa")]
    assert joint["properties"]["name"] == [
        "Joint statement by Kestrevia and Norvessa on Omsel basin diplomacy (supports)"
    ]
    link = entities[entity_id("relation", "harbor-ledger-commission-talks", "2")]
    assert link["schema"] == "UnknownLink"
    assert link["properties"]["subject"] == [entity_id("actor", "kestrevia"), entity_id("actor", "norvessa")]
    assert link["properties"]["object"] == [entity_id("actor", "omsel-basin-commission")]


# ---------------------------------------------------------------------------------------------
# CSV


def test_the_timeline_csv(sample: Corpus, corpus: Corpus) -> None:
    header = ["date", "precision", "approximate", "title", "actors", "sources"]
    for which in (sample, corpus):
        rows = csv_rows(files(which)["api/v1/timeline.csv"])
        assert rows[0] == header
        assert len(rows) == 1 + len(which.events)
    rows = csv_rows(files(sample)["api/v1/timeline.csv"])
    assert rows[1][:5] == [
        "2009",
        "year",
        "true",
        "UN panel of experts begins monitoring enforcement of the North Korea sanctions",
        "UN Panel of Experts on North Korea; United Nations Security Council",
    ]
    [filling] = [row for row in csv_rows(files(corpus)["api/v1/timeline.csv"]) if row[0] == "2025-03-14"]
    assert filling[5].splitlines() == [
        "The Harbor Ledger, 2025-04-03: Tarvan Dam: *stars* on the gauge, _underscores_ in the ledger, and "
        "grievance #1 downstream <https://example.org/harbor-ledger/2025/04/03/tarvan-filling>",
        "Kestrel Wire Service, 2025-04-10: Farmers in Lutsa protest as Omsel falls",
    ]


def test_the_statements_csv(sample: Corpus, corpus: Corpus) -> None:
    header = ["actor", "topic", "stance", "text", "source article", "publisher", "date", "url"]
    for which, count in ((sample, 30), (corpus, 6)):
        rows = csv_rows(files(which)["api/v1/statements.csv"])
        assert rows[0] == header
        assert len(rows) == 1 + count
    rows = csv_rows(files(corpus)["api/v1/statements.csv"])
    assert [row[0] for row in rows[1:]] == [
        "Ilka Marenova",
        "Kestrevia",
        "Kestrevia; Norvessa",  # a joint statement: one row, every actor
        "Norvessa",
        "Omsel Basin Commission",
        "Teodor Vasc",
    ]
    assert rows[4] == [
        "Norvessa",
        "Tarvan Dam dispute",
        "supports",
        "Says the dam is essential for its power grid.",
        "Tarvan Dam: *stars* on the gauge, _underscores_ in the ledger, and grievance #1 downstream",
        "The Harbor Ledger",
        "2025-04-03",
        "https://example.org/harbor-ledger/2025/04/03/tarvan-filling",
    ]
    assert rows[6][2] == "" and rows[6][7] == ""  # no stance; no source URL


# ---------------------------------------------------------------------------------------------
# FollowTheMoney


def check_ftm_entities(lines: list[str]) -> Counter[str]:
    """Validate every entity with followthemoney: schema, properties, values and references."""
    entities = [json.loads(line) for line in lines]
    schemata = {entity["id"]: entity["schema"] for entity in entities}
    assert len(schemata) == len(entities), "entity ids repeat"
    for entity in entities:
        schema = ftm_model.get(entity["schema"])
        assert schema is not None and not schema.abstract, entity
        assert list(entity) == ["id", "schema", "properties"]
        assert list(entity["properties"]) == sorted(entity["properties"])
        proxy = ftm_model.get_proxy(entity, cleaned=False)
        # Nothing was dropped or changed by cleaning: every property exists and every value is valid.
        assert proxy.to_dict()["properties"] == entity["properties"], entity
        assert schema.validate(entity) is None
        assert all(name in entity["properties"] for name in schema.required), entity
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            assert prop is not None and not prop.stub, (entity["schema"], name)
            if prop.type.name == "entity":
                for value in values:
                    assert value in schemata, (entity["schema"], name, value)
                    assert ftm_model.get(schemata[value]).is_a(prop.range), (entity["schema"], name)
    return Counter(schemata.values())


def test_the_ftm_export_of_the_sample_validates(sample: Corpus) -> None:
    counts = check_ftm_entities(ftm_lines(sample).decode("utf-8").splitlines())
    assert counts == {
        "Person": 13,
        "PublicBody": 11,
        "Organization": 2,
        "Article": 11,
        "Event": 21,
        "UnknownLink": 49,
        "Representation": 5,
        "Note": 39,
        "Documentation": 84,
    }


def test_the_ftm_export_of_the_corpus_validates(corpus: Corpus) -> None:
    counts = check_ftm_entities(ftm_lines(corpus).decode("utf-8").splitlines())
    assert counts == {
        "Person": 3,
        "PublicBody": 4,
        "Organization": 1,
        "Article": 3,
        "Event": 6,
        "UnknownLink": 6,
        "Note": 11,
        "Documentation": 16,
    }


def test_ftm_schemata_and_ids(sample: Corpus, corpus: Corpus) -> None:
    entities = {e["id"]: e for e in ftm_entities(sample) + ftm_entities(corpus)}

    def actor(id: str) -> dict[str, Any]:
        return entities[entity_id("actor", id)]

    assert entity_id("actor", "russia") == make_entity_id("actor", "russia", key_prefix="briefing")
    assert entity_id("relation", "a-1", "12") != entity_id("relation", "a-11", "2")
    assert actor("linda-thomas-greenfield")["schema"] == "Person"
    assert actor("linda-thomas-greenfield")["properties"]["position"] == ["U.S. Ambassador to the United Nations"]
    assert actor("russia")["schema"] == "PublicBody"  # a country: the state as an actor
    assert actor("russia")["properties"]["wikidataId"] == ["Q159"]
    assert actor("un-security-council")["schema"] == "PublicBody"
    assert actor("south-korea-ministry-of-national-defense")["schema"] == "PublicBody"
    assert actor("kestrevian-farmers-union")["schema"] == "Organization"
    assert actor("norvessa")["properties"]["sourceUrl"] == ["https://example.org/countries/norvessa"]

    article = entities[entity_id("article", "harbor-ledger-tarvan-filling")]
    assert article["schema"] == "Article"
    assert article["properties"]["sourceUrl"] == ["https://example.org/harbor-ledger/2025/04/03/tarvan-filling"]
    assert article["properties"]["publisher"] == ["The Harbor Ledger"]
    assert article["properties"]["publishedAt"] == ["2025-04-03"]
    assert article["properties"]["author"] == ["Mira Tolsk", "Ossian Peyr"]

    event = entities[entity_id("event", "tarvan-reservoir-filling")]
    assert event["properties"]["date"] == ["2025-03-14"]
    assert event["properties"]["involved"] == [
        entity_id("actor", id) for id in ("norvessa", "tarvan-dam-authority", "ilka-marenova", "kestrevia")
    ]
    assert event["properties"]["publisher"] == ["The Harbor Ledger", "Kestrel Wire Service"]
    assert event["properties"]["proof"] == [
        entity_id("article", "harbor-ledger-tarvan-filling"),
        entity_id("article", "kestrel-wire-lutsa-protest"),
    ]
    approximate = entities[entity_id("event", "panel-of-experts-monitoring")]
    assert approximate["properties"]["date"] == ["2009"]
    assert approximate["properties"]["description"] == ["The date is approximate: c. 2009."]

    represents = [e for e in entities.values() if e["schema"] == "Representation"]
    assert sorted((e["properties"]["role"], e["properties"]["agent"]) for e in represents) == sorted(
        [
            (["represents"], [entity_id("actor", "masataka-okano")]),
            (["represents"], [entity_id("actor", "kurt-campbell")]),
            (["represents"], [entity_id("actor", "kim-hong-kyun")]),
            (["represents at the UN"], [entity_id("actor", "linda-thomas-greenfield")]),
            (["speaks for"], [entity_id("actor", "nate-evans")]),
        ]
    )
    accuses = entities[entity_id("relation", "harbor-ledger-tarvan-filling", "1")]
    assert accuses == {
        "id": accuses["id"],
        "schema": "UnknownLink",
        "properties": {
            "date": ["2025-03"],
            "description": ["of breaching the 1987 Omsel Water Accord"],
            "object": [entity_id("actor", "norvessa")],
            "proof": [entity_id("article", "harbor-ledger-tarvan-filling")],
            "publisher": ["The Harbor Ledger"],
            "role": ["accuses"],
            "sourceUrl": ["https://example.org/harbor-ledger/2025/04/03/tarvan-filling"],
            "subject": [entity_id("actor", "kestrevia")],
        },
    }


def test_export_ftm_writes_json_lines_to_stdout_or_a_file(corpus: Corpus, tmp_path: Path) -> None:
    published = files(corpus)["api/v1/entities.ftm.json"]
    assert published == ftm_lines(corpus)
    result = run_main("export", "ftm", "--content", CORPUS, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.encode("utf-8") == published
    assert result.stderr.endswith("0 errors, 1 warning in 1 file\n")  # the scheduled event
    out = tmp_path / "entities.ftm.json"
    result = run_main("export", "ftm", "--content", CORPUS, "--out", out, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    described = tmp_path / "entities.dataset.json"
    assert result.stdout == f"wrote 50 entities to {out}, and their license and count to {described}\n"
    assert out.read_bytes() == published
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entities.dataset.json", "entities.ftm.json"]


def test_export_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run_main("export", "--content", CORPUS, cwd=REPO_ROOT).returncode == 2  # no format
    assert run_main("export", "csv", "--content", CORPUS, cwd=REPO_ROOT).returncode == 2
    result = run_main("export", "ftm", "--content", CORPUS, "--out", tmp_path / "missing" / "x.json", cwd=REPO_ROOT)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == f"error: cannot write {tmp_path}/missing/x.json: No such file or directory"


def test_export_of_broken_content_prints_the_errors_and_exits_1(tmp_path: Path) -> None:
    write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(extra="actors: [rusia]\n")})
    result = run_main("export", "ftm", "--content", tmp_path / "content", cwd=REPO_ROOT)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "unknown actor 'rusia': did you mean 'russia' (Russia)?" in result.stderr


# ---------------------------------------------------------------------------------------------
# Links for the templates, helpers, and the built site


def test_export_links_name_existing_files(sample: Corpus) -> None:
    assert export_links("actor", "russia") == (
        ("Atom feed of briefings that involve this actor", "feeds/actors/russia.xml", "application/atom+xml"),
        ("Calendar of this actor's events (iCalendar)", "calendar/actors/russia.ics", "text/calendar"),
    )
    assert export_links("home", "") == (
        ("Atom feed of new briefings", "feeds/briefings.xml", "application/atom+xml"),
        ("Calendar of events (iCalendar)", "calendar/events.ics", "text/calendar"),
        ("Data: JSON API (OpenAPI description)", "api/v1/openapi.json", "application/json"),
        ("Data: FollowTheMoney entities", "api/v1/entities.ftm.json", "application/x-ndjson"),
        (
            "Data: the entities' license and count (FollowTheMoney dataset)",
            "api/v1/entities.dataset.json",
            "application/json",
        ),
    )
    assert export_links("briefing", "2024-04-15-us-allies-north-korea-sanctions") == ()
    with pytest.raises(KeyError):
        export_links("feed", "")
    exported = files(sample)
    for kind, id in [("home", ""), ("timeline", ""), ("briefings", ""), ("actors", ""), ("topics", "")] + [
        ("topic", topic) for topic in sample.topics
    ]:
        for _label, path, _mime in export_links(kind, id):
            assert path in exported, (kind, path)
    for actor in sample.actors:
        assert all(path in exported for _, path, _ in export_links("actor", actor))


def test_relative_links_resolve_from_the_file_that_holds_them() -> None:
    assert href(None, "feeds/briefings.xml", "briefings/x/") == "../briefings/x/"
    assert href(None, "feeds/topics/t.xml", "") == "../../"
    assert href(None, "feeds/briefings.xml", "feeds/briefings.xml") == "briefings.xml"
    assert href(None, "api/v1/events.json", "timeline/#event-x") == "../../timeline/#event-x"
    assert href("https://example.org/", "api/v1/events.json", "timeline/#event-x") == (
        "https://example.org/timeline/#event-x"
    )


def test_plain_blocks_show_markdown_as_a_reader_sees_it() -> None:
    assert plain_blocks("Some **bold** and a [link](https://example.org).") == "Some bold and a link."
    assert plain_blocks("Raw <b>html</b> & `code`") == "Raw <b>html</b> & code"
    assert plain_blocks("One.\n\n- two\n- three") == "One.\n- two\n- three"


def test_the_built_site_serves_every_export(built_site: BuiltSite, sample: Corpus) -> None:
    for path, content in files(sample, license=read_settings(REPO_ROOT / "mkdocs.yml").license).items():
        built = built_site.root / path
        assert built.is_file(), path
        assert built.read_bytes() == content, path
    parsed = feed((built_site.root / "feeds" / "briefings.xml").read_bytes())
    assert len(parsed.entries) == len(sample.articles)


def test_every_export_is_linked_where_a_reader_looks(built_site: BuiltSite) -> None:
    """Feeds in each page's head and visibly on it; data files on the pages they hold."""
    site = built_site.root

    def hrefs(page: str) -> set[str]:
        html = (site / page).read_text(encoding="utf-8")
        base = posixpath.dirname("/" + page)
        return {posixpath.normpath(posixpath.join(base, h)) for h in re.findall(r'href="([^"#:]+)"', html)}

    def head_feeds(page: str) -> list[str]:
        html = (site / page).read_text(encoding="utf-8")
        return re.findall(r'<link rel="alternate feed" type="application/atom\+xml" title="[^"]*" href="([^"]+)"', html)

    assert {
        "/feeds/briefings.xml",
        "/calendar/events.ics",
        "/api/v1/openapi.json",
        "/api/v1/entities.ftm.json",
    } <= hrefs("index.html")
    assert {"/feeds/actors/russia.xml", "/calendar/actors/russia.ics"} <= hrefs("actors/russia/index.html")
    assert head_feeds("actors/russia/index.html") == ["../../feeds/actors/russia.xml"]
    assert {"/feeds/topics/north-korea-sanctions.xml"} <= hrefs("topics/north-korea-sanctions/index.html")
    assert {"/api/v1/events.json", "/api/v1/timeline.csv", "/calendar/events.ics"} <= hrefs("timeline/index.html")
    assert {"/api/v1/statements.csv", "/api/v1/topics.json"} <= hrefs("topics/index.html")
    linked = set().union(*(hrefs(p.relative_to(site).as_posix()) for p in site.rglob("index.html")))
    for asset in export_files(check_content(SAMPLE_CONTENT)[0]):
        if asset.path.startswith(("feeds/", "calendar/")) or asset.path.count("/") == 2:
            assert "/" + asset.path in linked, f"{asset.path} is linked from no page"


def test_a_feed_holds_the_newest_briefings_only(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    """A feed reader polls for what is new: the feed keeps the newest FEED_ENTRIES briefings."""
    monkeypatch.setattr(feeds, "FEED_ENTRIES", 2)
    parsed = feed(files(corpus)["feeds/briefings.xml"])
    newest = [article.title for article in corpus.articles[:2]]
    assert [entry.title for entry in parsed.entries] == newest
    assert len(corpus.articles) > 2
    assert parsed.feed.updated == "2025-05-06T00:00:00Z"


def _data_files_made(jobs: int, folder: Path, mode: str = "works") -> dict[str, Any]:
    result = run_program("data_files", str(jobs), folder, mode)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_data_files_are_the_same_bytes_made_by_one_process_or_two(tmp_path: Path) -> None:
    """The data files are written where the build is told, while workers render the pages: the same files."""
    one = _data_files_made(1, tmp_path / "1")
    assert (
        len(one["files"]) == 44
    )  # 12 feeds, 12 calendars (site, 3 topics, 8 actors), 16 API files (6 events), 2 CSV, 2 FtM
    two = _data_files_made(2, tmp_path / "2")
    assert two["files"] == one["files"]
    assert two["written"] == [str(tmp_path / "2" / path) for path in sorted(one["files"])]


def test_a_data_file_that_fails_fails_the_build_with_its_own_error(tmp_path: Path) -> None:
    assert _data_files_made(2, tmp_path, "broken") == {"error": "a bug in an export"}


def _data_files(site: Path, corpus: Corpus) -> dict[str, bytes]:
    return {asset.path: (site / asset.path).read_bytes() for asset in export_files(corpus)}


def test_the_built_site_has_the_same_data_files_written_forked_or_in_line(corpus: Corpus, tmp_path: Path) -> None:
    """The site's data files are those of export_files, whichever way they were written; no stage stays."""
    forked = run_generator("build", "--content", CORPUS, "--site-dir", tmp_path / "forked")
    in_line = run_program("generator_beside_thread", "build", "--content", CORPUS, "--site-dir", tmp_path / "in-line")
    for result in (forked, in_line):
        assert result.returncode == 0, result.stderr
    expected = files(corpus, license=read_settings(REPO_ROOT / "mkdocs.yml").license)
    assert _data_files(tmp_path / "forked", corpus) == expected
    assert _data_files(tmp_path / "in-line", corpus) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forked", "in-line"]
    for site in ("forked", "in-line"):
        assert not (tmp_path / site / STAGE).exists()
        assert [p.name for p in (tmp_path / site).iterdir() if p.name.startswith(".")] == []


def test_a_failed_build_leaves_no_staged_data_files_behind(tmp_path: Path) -> None:
    """MkDocs fails after the data files moved into the site (a broken link under --strict): the old site stays, nothing else."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    build = [sys.executable, "-m", "generator", "build", "--strict", "--site-dir", str(site)]
    assert subprocess.run(build, cwd=project, capture_output=True, check=False, timeout=300).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (project / "site_templates/static/broken.md").write_text("[a page that is not there](missing.md)\n")
    result = subprocess.run(build, cwd=project, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "missing.md" in result.stderr
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]
    assert not list(project.rglob(f"*{STAGE}*"))


def test_no_cell_of_any_csv_starts_as_a_formula(tmp_path: Path) -> None:
    formula = '=HYPERLINK("https://example.org/x","click")'
    write_tree(
        tmp_path,
        {
            "content/actors/russia.yaml": "name: '@SUM(1+1)'\nkind: country\n",
            "content/topics/sanctions.yaml": "name: '+cmd|calc'\n",
            "content/articles/a.yaml": article(
                events=f"  - date: 2024-03-28\n    title: '{formula}'\n    actors: [russia]\n"
                "  - date: 2024-03-29\n    title: '-2+3'\n",
                extra="statements:\n  - by: russia\n    topic: sanctions\n    text: '=1+1'\n",
            ).replace("publisher: Wire", "publisher: '-Wire'"),
        },
    )
    exported = files(check_content(tmp_path / "content")[0])
    tables = {path: csv_rows(content) for path, content in exported.items() if path.endswith(".csv")}
    assert sorted(tables) == ["api/v1/statements.csv", "api/v1/timeline.csv"]
    cells = [cell for rows in tables.values() for row in rows for cell in row]
    assert [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))] == []
    assert tables["api/v1/timeline.csv"][1][3:5] == ["'" + formula, "'@SUM(1+1)"]
    assert tables["api/v1/statements.csv"][1][:4] == ["'@SUM(1+1)", "'+cmd|calc", "", "'=1+1"]
