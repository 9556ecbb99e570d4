"""Page weight at scale: long lists are split into pages (the timeline, the briefings) or cut
to their most recent items (profiles, topics), and a reader can still reach every item.

The Markdown tests lower the limits (monkeypatch) and render a synthetic corpus of 250 articles
(benchmarks/make_corpus.py, deterministic: the fixture corpus_250 of tests/conftest.py); the built-site tests use the default limits.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from markupsafe import escape
from playwright.sync_api import Page

from generator.content.link import Corpus
from generator.pages import plan
from generator.pages.emit import DataFolder
from generator.pages.escape import escape_text
from generator.pages.plan import limits as plan_limits
from generator.pipeline import Project, build_pages, check_content
from tests import test_site
from tests.conftest import DESKTOP, BuiltSite, Tabs, build_once, serve_site, visit
from tests.helpers import ACTORS, REPO, article, write_tree

PAGE_BAR = 500_000  # bytes of HTML, the bar of issue 6


def _render(content: Path, monkeypatch: pytest.MonkeyPatch, **limits: int) -> tuple[dict[str, str], Corpus]:
    for name, value in limits.items():
        assert hasattr(plan_limits, name), name
        monkeypatch.setattr(plan_limits, name, value)
    build = build_pages(Project(content, REPO / "site_templates"))
    return {page.path: page.markdown for page in build.pages}, build.corpus


LINK = re.compile(r"\[((?:[^\[\]]|&#91;|&#93;)*)\]\(([^)\s]+)\)")


def _links(pages: dict[str, str], path: str) -> list[tuple[str, str]]:
    """(text, target) of each Markdown link on a page, the target a page path with its query and fragment."""
    found = []
    for text, href in LINK.findall(pages[path]):
        parts = urlsplit(href)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(path), parts.path)) if parts.path else path
        found.append(
            (
                text,
                target + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else ""),
            )
        )
    return found


def _section(markdown: str, heading: str) -> str:
    """The text of a page's section, from its '## heading' to the next heading."""
    match = re.search(rf"^## {re.escape(heading)}\b.*?$(.*?)(?=^## |\Z)", markdown, re.MULTILINE | re.DOTALL)
    assert match, f"no section '{heading}'"
    return match.group(1)


def _period_list(pages: dict[str, str], path: str, heading: str) -> list[tuple[str, str, int]]:
    """The (label, page, count) of each period listed under a heading: '- [2016](2016.md){ .filter-link } · 69 events'."""
    rows = re.findall(r"^- \[(.+?)\]\((.+?)\)\{ \.filter-link \} · (\d+) \w+$", _section(pages[path], heading), re.M)
    assert rows, f"{path} lists no {heading.lower()}"
    return [
        (label, posixpath.normpath(posixpath.join(posixpath.dirname(path), href)), int(n)) for label, href, n in rows
    ]


def _chain(pages: dict[str, str], first: str, arrow: str) -> list[str]:
    """Follow the pager's links ('Later: … →' or '← Earlier: …') from a page to the end."""
    chain = [first]
    while True:
        step = [target for text, target in _links(pages, chain[-1]) if arrow in text]
        assert len(set(step)) <= 1, f"{chain[-1]} has pager links to {step}"
        if not step:
            return chain
        assert step[0] not in chain, f"the pager goes round in a circle at {step[0]}"
        chain.append(step[0])


EVENT_ANCHOR = re.compile(r'<span id="event-([^"]+)"></span>')


# ---------------------------------------------------------------------------------------------
# The timeline


def test_a_long_timeline_shows_each_event_on_exactly_one_page_of_its_year_or_month(
    corpus_250: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, corpus = _render(corpus_250, monkeypatch, TIMELINE_PAGE_EVENTS=40, TIMELINE_LATEST=7)
    events = {event.key: event for event in corpus.events}
    shown: Counter[str] = Counter()
    for path, markdown in pages.items():
        if not path.startswith("timeline/"):
            continue
        match = re.fullmatch(r"timeline/(\d{4})(?:/(\d{2}))?\.md", path)
        assert match, f"unexpected timeline page {path}"
        year, month = int(match.group(1)), match.group(2)
        for key in EVENT_ANCHOR.findall(markdown):
            shown[key] += 1
            date = events[key].date
            assert date.year == year, f"{key} ({date}) is on {path}"
            if month is not None:
                assert date.month == int(month), f"{key} ({date}) is on {path}"
    # The first page holds the anchors of its latest events only, for the marks of its drawing.
    latest_keys = [event.key for event in corpus.events[-7:]]
    assert EVENT_ANCHOR.findall(pages["timeline.md"]) == latest_keys
    assert set(shown) == set(events), f"events on no page: {sorted(set(events) - set(shown))[:5]}"
    assert [key for key, n in shown.items() if n > 1] == []
    months = [path for path in pages if re.fullmatch(r"timeline/\d{4}/\d{2}\.md", path)]
    assert months, "no year has more events than the limit: the test proves nothing about months"

    # The first page: the years with their counts, and the latest events.
    years = _period_list(pages, "timeline.md", "Years")
    assert [label for label, _, _ in years] == sorted({str(e.date.year) for e in corpus.events})
    for label, path, count in years:
        on_pages = sum(len(EVENT_ANCHOR.findall(pages[p])) for p in pages if p == path or p.startswith(path[:-3] + "/"))
        assert count == on_pages == sum(1 for e in corpus.events if str(e.date.year) == label), label
    assert sum(count for _, _, count in years) == len(corpus.events)
    latest = _items(_section(pages["timeline.md"], "Latest events"))
    assert len(latest) == 7
    assert f"{len(corpus.events)} events, on a page for each year." in pages["timeline.md"]

    # A year split by month lists its months, with counts that add up to the year's.
    split = sorted({posixpath.dirname(path) + ".md" for path in months})
    for year_page in split:
        rows = _period_list(pages, year_page, "Months")
        assert [path for _, path, _ in rows] == sorted(p for p in months if p.startswith(year_page[:-3] + "/"))
        for _, path, count in rows:
            assert count == len(EVENT_ANCHOR.findall(pages[path])), path
        total = dict((path, count) for _, path, count in years)[year_page]
        assert sum(count for _, _, count in rows) + len(EVENT_ANCHOR.findall(pages[year_page])) == total


def test_the_pages_of_a_long_timeline_link_each_to_the_next_in_date_order(
    corpus_250: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, _ = _render(corpus_250, monkeypatch, TIMELINE_PAGE_EVENTS=40)
    periods = sorted(path for path in pages if path.startswith("timeline/"))  # '2016.md' sorts before '2016/01.md'
    first = _period_list(pages, "timeline.md", "Years")[0][1]
    forward = _chain(pages, first, "Later:")
    assert forward == periods
    assert _chain(pages, periods[-1], "← Earlier:") == list(reversed(periods))


def test_a_briefing_links_each_event_to_the_timeline_page_that_shows_it(
    corpus_250: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(plan_limits, "TIMELINE_PAGE_EVENTS", 40)
    build = build_pages(Project(corpus_250, REPO / "site_templates", "https://example.org/"), DataFolder(tmp_path))
    pages = {page.path: page.markdown for page in build.pages}
    checked = 0
    for article_ in build.corpus.articles[:60]:
        for text, target in _links(pages, f"briefings/{article_.id}.md"):
            if text == "on the timeline":
                path, _, anchor = target.partition("#")
                assert f'<span id="{anchor}"></span>' in pages[path], f"{article_.id}: {target}"
                checked += 1
    assert checked > 50
    api = next(data.file for data in build.data_files if data.path == "api/v1/events.json")
    event = json.loads(api.read_bytes())["events"][0]
    year = event["date"]["value"][:4]
    assert re.fullmatch(
        rf"https://example\.org/timeline/{year}/(\d\d/)?#event-{re.escape(event['id'])}", event["timeline"]
    )
    assert event["url"] == f"https://example.org/events/{event['id']}/"


def test_a_short_timeline_stays_one_page(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus, _ = check_content(REPO / "tests" / "sample")
    paths = {spec.path for spec in plan.plan_pages(corpus)}
    assert "timeline.md" in paths and not [path for path in paths if path.startswith("timeline/")]
    monkeypatch.setattr(plan_limits, "TIMELINE_PAGE_EVENTS", len(corpus.events) - 1)
    paths = {spec.path for spec in plan.plan_pages(corpus)}
    years = {f"timeline/{event.date.year}.md" for event in corpus.events}
    assert {path for path in paths if path.startswith("timeline/")} == years, "one event over the limit splits it"


# ---------------------------------------------------------------------------------------------
# The briefings index

BRIEFING_ROW = re.compile(r'^<li data-actors="[^"]*" data-topics="[^"]*">.+? · <a href="([^"]+)\.md">.+?</a> · ', re.M)


def test_a_long_index_of_briefings_shows_the_newest_and_each_briefing_on_the_page_of_its_year(
    corpus_250: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, corpus = _render(corpus_250, monkeypatch, BRIEFINGS_PAGE=50, BRIEFINGS_LATEST=10)
    by_id = {a.id: a for a in corpus.articles}
    latest = BRIEFING_ROW.findall(_section(pages["briefings/index.md"], "Latest briefings"))
    assert [posixpath.basename(href) for href in latest] == [a.id for a in corpus.articles[:10]]
    years = _period_list(pages, "briefings/index.md", "Years")
    assert [label for label, _, _ in years] == sorted(
        {str(a.source.published.year) for a in corpus.articles}, reverse=True
    )
    listed: Counter[str] = Counter()
    for label, path, count in years:
        rows = [posixpath.basename(href) for href in BRIEFING_ROW.findall(pages[path])]
        assert len(rows) == count, path
        assert all(str(by_id[id].source.published.year) == label for id in rows), path
        assert rows == [a.id for a in corpus.articles if str(a.source.published.year) == label], "newest first"
        listed.update(rows)
    assert listed == Counter(list(by_id)), "each briefing on exactly one year's page"
    pages_in_order = [path for _, path, _ in years]
    assert _chain(pages, pages_in_order[0], "Older:") == pages_in_order
    assert _chain(pages, pages_in_order[-1], "← Newer:") == list(reversed(pages_in_order))


def test_an_article_id_made_of_digits_is_reserved_for_a_years_briefings(tmp_path: Path) -> None:
    from generator.content.diagnostics import ContentError

    root = write_tree(tmp_path, {**ACTORS, "content/articles/2024.yaml": article()})
    with pytest.raises(ContentError) as raised:
        check_content(root / "content")
    assert [str(d) for d in raised.value.diagnostics] == [
        f"{root / 'content/articles/2024.yaml'}:1:1: error: '2024' is reserved for the page of a year's briefings: "
        "choose another file name, such as '2024-<slug>' or '<date>-<slug>'"
    ]


# ---------------------------------------------------------------------------------------------
# Profiles and topics


def _items(section: str) -> list[str]:
    """The items of a list, as Markdown or as HTML."""
    return re.findall(r"^(?:- |<li\b).*$", section, re.M)


def test_a_profile_shows_the_most_recent_items_of_each_long_list_and_links_to_the_rest(
    corpus_250: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, corpus = _render(corpus_250, monkeypatch, LIST_LIMIT=5, GRAPH_LIMIT=6)
    actor = max(corpus.actors.values(), key=lambda a: (len(corpus.by_actor[a.id].events), a.id))
    index = corpus.by_actor[actor.id]
    page = pages[f"actors/{actor.id}.md"]

    events = _section(page, "Timeline")
    assert (
        f"The 5 most recent of {len(index.events)} events. [All of them on the timeline](../timeline.md?actor={actor.id})."
        in events
    )
    items = _items(events)
    assert len(items) == 5
    for item, event in zip(items, index.events[-5:], strict=True):
        assert str(escape(event.title)) in item

    briefings = _section(page, "Briefings")
    assert (
        f"The 5 most recent of {len(index.articles)} briefings. [All of them](../briefings/index.md?actor={actor.id})."
        in briefings
    )
    listed = re.findall(r'<li><a href="([^"]+)">', briefings)
    assert listed == [f"../briefings/{a.id}.md" for a in index.articles[:5]]

    quotes = _section(page, "Quotes")
    assert f"The 5 most recent of {len(index.quotes)} quotes." in quotes
    assert quotes.count("> “") == 5
    statements = _section(page, "Statements")
    assert f"The 5 most recent of {len(index.statements)} statements." in statements
    assert "(../api/v1/statements.csv)" in statements
    assert statements.count("<tr>\n<td ") == 5
    assert len(_items(_section(page, "In the stories"))) == 5

    relations = _section(page, "Relations")
    rows = re.findall(r"^<tr>\n<td data-label=\"From\"><a ", relations, re.M)
    assert len(rows) == 5
    every = index.relations_out + index.relations_in
    assert f"The 5 most recent of {len(every)} relations." in relations
    neighbours = Counter(c.item.target if actor.id in c.item.sources else c.item.sources[0] for c in every)
    neighbours.pop(actor.id, None)
    assert len(neighbours) > 6, "the test proves nothing about the graph"
    assert (
        f"Drawn: the 6 of {len(neighbours)} actors with the most relations with {escape_text(actor.name)}." in relations
    )
    drawn = set(re.findall(r'data-actor="([^"]+)"', relations)) - {actor.id}
    expected = sorted(neighbours, key=lambda id: (-neighbours[id], corpus.actors[id].name.casefold(), id))[:6]
    assert drawn == set(expected)

    # Numbered references: only what the page shows, each cited at least once.
    body, _, references = page.partition("## References")
    numbers = {int(n) for n in re.findall(r'^<li id="ref-(\d+)">', references, re.M)}
    cited = {int(n) for n in re.findall(r'\]\(#ref-(\d+)\)|href="#ref-(\d+)"', body) for n in n if n}
    assert numbers == cited == set(range(1, len(numbers) + 1))
    assert len(numbers) < len(index.articles)


def test_a_topic_shows_the_most_recent_items_of_each_long_list_and_links_to_the_rest(
    corpus_250: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages, corpus = _render(corpus_250, monkeypatch, LIST_LIMIT=5, GRAPH_LIMIT=6)
    topic = max(corpus.topics.values(), key=lambda t: (len(corpus.by_topic[t.id].articles), t.id))
    index = corpus.by_topic[topic.id]
    page = pages[f"topics/{topic.id}.md"]
    assert (
        f"The 5 most recent of {len(index.events)} events. [All of them on the timeline](../timeline.md?topic={topic.id})."
        in page
    )
    assert (
        f"The 5 most recent of {len(index.articles)} briefings. [All of them](../briefings/index.md?topic={topic.id})."
        in page
    )
    assert f"The 5 most recent of {len(index.positions)} positions." in page
    assert _section(page, "Positions").count("<tr>\n<td ") == 5
    assert len(_items(_section(page, "Key actors"))) <= 10
    assert re.search(r"Drawn: the 6 of \d+ actors with the most relations in the briefings on this topic\.", page)


# ---------------------------------------------------------------------------------------------
# The built site, with the default limits


@pytest.fixture(scope="module")
def site_250(corpus_250: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return build_once(tmp_path_factory, "corpus-250", corpus_250)


def test_no_page_of_a_250_article_site_passes_500_kb_and_every_link_resolves(site_250: BuiltSite) -> None:
    sizes = {page.relative_to(site_250.root).as_posix(): page.stat().st_size for page in site_250.root.rglob("*.html")}
    heavy = {path: size for path, size in sizes.items() if size > PAGE_BAR}
    assert not heavy, f"pages over {PAGE_BAR} bytes: {heavy}"
    assert "timeline/2020/index.html" in sizes and "briefings/2020/index.html" in sizes, "the lists were not split"
    cut = [
        path for path in sizes if path.startswith("actors/") and "most recent of" in (site_250.root / path).read_text()
    ]
    assert cut, "no profile cuts a list: the links to the rest are not checked"
    test_site.test_every_internal_link_and_anchor_resolves(site_250)


@pytest.fixture(scope="module")
def url_250(site_250: BuiltSite) -> Iterator[str]:
    with serve_site(site_250.root) as url:
        yield url


def _status(page: Page) -> str:
    return page.locator(".timeline-filter__status").inner_text()


def _matching(page: Page, actor: str) -> int:
    return int(page.locator(f"li[data-actors~='{actor}']").count())


def test_a_filter_goes_along_from_year_to_year(tabs: Tabs, url_250: str, site_250: BuiltSite) -> None:
    corpus, _ = check_content(site_250.content)
    actor = max(corpus.actors, key=lambda id: (len(corpus.by_actor[id].events), id))
    years = sorted({event.date.year for event in corpus.events})
    with tabs.open(DESKTOP) as (page, _):
        visit(page, f"{url_250}/timeline/?actor={actor}")
        assert page.locator("#timeline-filter-actor").input_value() == actor
        page.click(f"a.filter-link:text-is('{years[0]}')")
        page.wait_for_url(f"**/timeline/{years[0]}/?actor={actor}")
        for year in years[1:4]:
            page.click(f"a.filter-link:has-text('Later: {year} →')")
            page.wait_for_url(f"**/timeline/{year}/?actor={actor}")
            assert page.locator("#timeline-filter-actor").input_value() == actor
            total = page.locator("li[data-actors]").count()
            shown = _matching(page, actor)
            assert page.locator("li[data-actors]:visible").count() == shown
            assert _status(page) == f"Showing {shown} of {total} events."
        # A page that holds none of the actor's events keeps the filter, names the actor, and says so.
        other = next(
            id
            for id in sorted(corpus.actors)
            if not any(id in e.actors for e in corpus.events if e.date.year == years[0])
        )
        visit(page, f"{url_250}/timeline/?actor={other}")
        visit(page, f"{url_250}/timeline/{years[0]}/?actor={other}")
        assert page.locator("#timeline-filter-actor").input_value() == other
        assert page.locator("#timeline-filter-actor option:checked").inner_text() == f"{corpus.actors[other].name} (0)"
        assert _status(page).startswith("Showing 0 of ")
        assert f"?actor={other}" in (page.locator("a.filter-link:has-text('Later:')").first.get_attribute("href") or "")


def test_the_briefings_filter_goes_along_to_the_page_of_a_year(tabs: Tabs, url_250: str, site_250: BuiltSite) -> None:
    corpus, _ = check_content(site_250.content)
    actor = max(corpus.actors, key=lambda id: (len(corpus.by_actor[id].articles), id))
    year = corpus.articles[-1].source.published.year
    with tabs.open(DESKTOP) as (page, _):
        visit(page, f"{url_250}/briefings/?actor={actor}")
        assert page.locator("#timeline-filter-date").count() == 0
        page.click(f"a.filter-link:text-is('{year}')")
        page.wait_for_url(f"**/briefings/{year}/?actor={actor}")
        expected = sum(1 for a in corpus.by_actor[actor].articles if a.source.published.year == year)
        total = sum(1 for a in corpus.articles if a.source.published.year == year)
        assert page.locator("li[data-actors]:visible").count() == expected
        assert _status(page) == f"Showing {expected} of {total} briefings."
