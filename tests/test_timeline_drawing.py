"""The drawn timeline: how each date is laid out (tables of cases), what the SVG says, what the
pages hold, and, in headless Chromium, what a reader gets on a desk and on a phone.

The browser tests build tests/drawing/, a small tree of their own: events known to the day,
the month and the year, an approximate one, one that two briefings report, and one whose
reports disagree (tests/test_search.py searches it too: its headlines hold actors' aliases).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from generator.content.dates import PartialDate
from generator.pages.plan import limits as plan_limits
from generator.pages.plan import plan_pages
from generator.pages.sanitize import sanitize_html
from generator.pages.timeline_drawing import (
    DOT,
    TARGET,
    WIDTH,
    Level,
    Occurrence,
    TimelineDrawing,
    date_range,
    layout_timeline_drawing,
)
from generator.pages.timeline_svg import draw_timeline_svg
from generator.pipeline import check_content
from tests.conftest import DESKTOP, DRAWING, PHONE, REPO_ROOT, BuiltSite, PageLog, Tabs, build_site, serve_site, visit
from tests.helpers import ACTORS, article, write_tree


def event(key: str, *dates: str, sources: int = 1, title: str = "") -> Occurrence:
    return Occurrence(key, title or key, tuple(PartialDate.parse(d) for d in dates), sources)


def lay_out(*occurrences: Occurrence) -> TimelineDrawing:
    return layout_timeline_drawing("Events", occurrences)


def labels(drawing: TimelineDrawing, level: Level) -> list[str]:
    return [tick.label for tick in drawing.ticks if tick.level is level and tick.label]


def widths(drawing: TimelineDrawing) -> dict[str, list[float]]:
    """The outer width of each event's shapes, by its key."""
    return {mark.occurrence.key: [s.right - s.left for s in mark.shapes] for mark in drawing.marks}


# ---------------------------------------------------------------------------------------------
# Layout: dates, the axis, widths, rows


@pytest.mark.parametrize(
    ("written", "first", "after"),
    [
        ("2024-03-28", "2024-03-28", "2024-03-29"),
        ("2024-02", "2024-02-01", "2024-03-01"),
        ("2024-12", "2024-12-01", "2025-01-01"),
        ("2024", "2024-01-01", "2025-01-01"),
        ("2009~", "2009-01-01", "2010-01-01"),
        ("2023-09~", "2023-09-01", "2023-10-01"),
    ],
)
def test_a_date_covers_the_days_it_may_mean(written: str, first: str, after: str) -> None:
    assert date_range(PartialDate.parse(written)) == (dt.date.fromisoformat(first), dt.date.fromisoformat(after))


@pytest.mark.parametrize(
    ("dates", "years", "months", "days", "breaks"),
    [
        # Two months: their names, and numbered days.
        (["2024-03-28", "2024-04-15"], ["2024"], ["March", "April"], True, []),
        # Four months: no days.
        (["2024-03", "2024-06-02"], ["2024"], ["March", "April", "May", "June"], False, []),
        # Sixteen months: their short names; the axis starts where the first event does, in whole months.
        (["2023", "2024-04-15"], ["2023", "2024"], ["Jan", "Feb", "Mar", "Apr"], False, []),
        # Fifteen years: years only, the empty ones left out.
        (["2009~", "2023", "2024-04-15"], ["2009", "2023", "2024"], [], False, [(2010, 2022)]),
        # One empty year stays on the axis; three do not.
        (["2019~", "2021-05", "2025-03-14"], ["2019", "2020", "2021", "2025"], [], False, [(2022, 2024)]),
        (["1987", "2019~", "2025-03-14", "2025-04"], ["1987", "2019", "2025"], [], False, [(1988, 2018), (2020, 2024)]),
    ],
)
def test_the_axis_covers_the_events_in_months_or_years(
    dates: list[str], years: list[str], months: list[str], days: bool, breaks: list[tuple[int, int]]
) -> None:
    drawing = lay_out(*(event(f"e{i}", d) for i, d in enumerate(dates)))
    assert labels(drawing, Level.YEAR) == years
    assert labels(drawing, Level.MONTH)[: len(months)] == months
    assert (Level.MONTH in drawing.levels) == bool(months)
    assert bool(labels(drawing, Level.DAY)) == days
    assert [(b.first, b.last) for b in drawing.breaks] == breaks
    assert len(drawing.axis) == len(breaks) + 1
    # Every mark lies on a piece of the axis.
    for mark in drawing.marks:
        for shape in mark.shapes:
            middle = (shape.left + shape.right) / 2
            assert any(start <= middle <= end for start, end in drawing.axis), (shape, drawing.axis)


@pytest.mark.parametrize(
    ("dates", "is_wide"),
    [
        (["2024", "2024-03-28"], False),
        (["2023", "2024-03-28"], False),
        (["2000", "2024-03-28"], False),  # the years between are left out
        ([str(year) for year in range(2016, 2025)] + ["2024-03-28"], True),  # nine years without a gap
        ([str(year) for year in range(1990, 2025)] + ["1995-06-01"], True),
    ],
)
def test_a_year_is_drawn_at_least_ten_times_wider_than_a_day(dates: list[str], is_wide: bool) -> None:
    drawing = lay_out(*(event(d, d) for d in dates))
    drawn = widths(drawing)
    day = next(w for anchor, [w] in drawn.items() if len(anchor) == 10)
    years = [w for anchor, [w] in drawn.items() if len(anchor) == 4]
    assert day == 2 * DOT
    assert min(years) >= 11.9 * day, (min(years), day)
    # A span too long for the page's column makes a wider drawing, scrolled in its box: years keep their width.
    assert drawing.is_wide == is_wide
    assert drawing.width == WIDTH if not is_wide else drawing.width > WIDTH


@pytest.mark.parametrize(
    ("events", "rows"),
    [
        # Two days far apart share a row; the same day twice does not.
        ([("a", "2024-03-01"), ("b", "2024-03-20")], {"a": 0, "b": 0}),
        ([("a", "2024-03-01"), ("b", "2024-03-01")], {"a": 0, "b": 1}),
        # A month and a year lie on top, the days inside them below.
        ([("day", "2024-03-05"), ("month", "2024-03"), ("year", "2024")], {"year": 0, "month": 1, "day": 2}),
        # A day beside a month, not inside it, fills the month's row.
        ([("day", "2024-07-20"), ("month", "2024-03"), ("year", "2024")], {"year": 0, "month": 1, "day": 1}),
        # Three events known only to 2021: three rows.
        ([("a", "2021"), ("b", "2021"), ("c", "2021~")], {"a": 0, "b": 1, "c": 2}),
    ],
)
def test_marks_that_would_cover_each_other_go_to_the_next_row(
    events: list[tuple[str, str]], rows: dict[str, int]
) -> None:
    drawing = lay_out(*(event(anchor, date) for anchor, date in events))
    assert {mark.occurrence.key: mark.row for mark in drawing.marks} == rows
    assert drawing.rows == max(rows.values()) + 1
    by_row: dict[int, list[tuple[float, float]]] = {}
    for mark in drawing.marks:
        by_row.setdefault(mark.row, []).append((mark.left, mark.right))
    for spans in by_row.values():
        spans.sort()
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans)), spans
    ys = sorted({mark.row: mark.y for mark in drawing.marks}.items())
    assert [y for _, y in ys] == sorted(y for _, y in ys)  # row 0 on top


@pytest.mark.parametrize(
    "dates",
    [
        ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-05"],  # days side by side
        [str(year) for year in range(2016, 2025)] * 3,  # many years, three deep
        ["2024-02", "2024-03", "2024-03-04", "2023-11-30"],
        [f"2024-{month:02d}" for month in range(1, 13)],  # months narrower than a target
    ],
)
def test_every_mark_is_a_target_of_24_units_or_more_whose_box_covers_no_other(dates: list[str]) -> None:
    drawing = lay_out(*(event(f"e{i:02d}", date) for i, date in enumerate(dates)))
    boxes = []
    for mark in drawing.marks:
        for shape in mark.shapes:
            left, right = shape.target
            assert right - left >= max(TARGET - 0.1, 24) and left <= shape.left and shape.right <= right, shape
            assert left >= 0 and right <= drawing.width, (shape, drawing.width)
            boxes.append((left, right, mark.y - TARGET / 2, mark.y + TARGET / 2))
    assert all(b[2] > drawing.axis_y and b[3] <= drawing.height for b in boxes)
    for a, b in itertools.combinations(boxes, 2):
        assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)


@pytest.mark.parametrize(
    "dates",
    [
        ["2024-05-02", "2024-05-03"],  # a day apart: 0.6 units at this scale
        ["2016-08-29", "2016-08-30", "2016-08-31"],
        ["2024-12-31", "2024-12-30"],  # at the right end of the axis
        ["2021~", "2023-02"],  # already far apart: left where they are
    ],
)
def test_the_dates_of_a_disagreement_are_a_target_apart_at_least_and_joined(dates: list[str]) -> None:
    drawing = lay_out(event("visit", *dates, sources=2), event("other", "2016-01-01"), event("last", "2024-12-31"))
    [visit] = [mark for mark in drawing.marks if mark.occurrence.key == "visit"]
    for before, after in itertools.pairwise(visit.shapes):
        assert after.target[0] - before.target[1] >= TARGET - 0.01, (before, after)
        assert after.left - before.right >= after.right - after.left  # a mark's width apart, as drawn
    assert all(s.target[0] >= 0 and s.target[1] <= drawing.width for s in visit.shapes)
    svg = draw_timeline_svg(drawing)
    assert svg.count('<g class="tl-disputed"><path class="tl-joint"') == 1


@pytest.mark.parametrize(
    ("dates", "sources", "names"),
    [
        (["2024-03-28"], 1, ["28 March 2024: The veto"]),
        (["2009~"], 1, ["c. 2009: The veto"]),
        (["2023-09"], 3, ["September 2023: The veto (3 briefings)"]),
        (
            ["2024-05-02", "2024-05-03"],
            2,
            [
                "2 May 2024 (reports disagree: 2 May 2024 or 3 May 2024): The veto (2 briefings)",
                "3 May 2024 (reports disagree: 2 May 2024 or 3 May 2024): The veto (2 briefings)",
            ],
        ),
    ],
)
def test_each_mark_is_named_by_its_date_and_title(dates: list[str], sources: int, names: list[str]) -> None:
    drawing = lay_out(event("veto", *dates, sources=sources, title="The veto"), event("other", "2024-06"))
    [mark] = [mark for mark in drawing.marks if mark.occurrence.key == "veto"]
    assert [shape.label for shape in mark.shapes] == names


def test_an_event_whose_reports_disagree_is_drawn_at_each_date_in_one_row() -> None:
    drawing = lay_out(event("a", "2024-05-02", "2024-05-20", sources=2), event("b", "2024-05-10"))
    [disputed] = [mark for mark in drawing.marks if mark.occurrence.key == "a"]
    assert [shape.date.iso() for shape in disputed.shapes] == ["2024-05-02", "2024-05-20"]
    assert {mark.occurrence.key: mark.row for mark in drawing.marks} == {"a": 0, "b": 1}
    assert set(drawing.features) == {"day", "several", "disagree"}


def test_the_same_events_give_the_same_bytes() -> None:
    events = [event("a", "2024-05-02"), event("b", "2009~"), event("c", "2023-09", "2023-10", sources=2)]
    assert draw_timeline_svg(lay_out(*events)) == draw_timeline_svg(layout_timeline_drawing("Events", events))


# ---------------------------------------------------------------------------------------------
# The SVG


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.titles: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title" and len(self._in) > 1 and self._in[-2] == "a":
            self.titles.append(data)


def parse(svg: str) -> _Elements:
    parser = _Elements()
    parser.feed(svg)
    return parser


SAMPLE = [
    event("year", "2009~", title="Monitoring begins"),
    event("month", "2023-09", sources=2, title="Leaders meet"),
    event("day", "2024-03-28", title="The veto"),
    event("disputed", "2024-05-02", "2024-05-03", sources=2, title="An envoy visits"),
]


def test_every_mark_is_a_link_to_its_event_named_by_a_title_in_date_order() -> None:
    svg = draw_timeline_svg(lay_out(*SAMPLE))
    parsed = parse(svg)
    links = [attrs for tag, attrs in parsed.elements if tag == "a"]
    assert [a["href"] for a in links] == [
        "#event-year",
        "#event-month",
        "#event-day",
        "#event-disputed",
        "#event-disputed",
    ]
    assert [a["class"] for a in links] == [
        "tl-bar tl-approx",
        "tl-bar tl-several",
        "tl-dot",
        "tl-dot tl-several",
        "tl-dot tl-several",
    ]
    assert parsed.titles == [
        "c. 2009: Monitoring begins",
        "September 2023: Leaders meet (2 briefings)",
        "28 March 2024: The veto",
        "2 May 2024 (reports disagree: 2 May 2024 or 3 May 2024): An envoy visits (2 briefings)",
        "3 May 2024 (reports disagree: 2 May 2024 or 3 May 2024): An envoy visits (2 briefings)",
    ]
    # Each link holds its title first, then its box and one shape; the two marks of a disputed date are joined.
    assert re.search(
        r'<a href="#event-day" data-event="event-day" class="tl-dot"><title>[^<]*</title>'
        r'<rect class="tl-target" [^>]*></rect><circle [^>]*></circle></a>',
        svg,
    )
    # Given the page's links, each mark links to its event's page, and names its entry on the page.
    linked = parse(draw_timeline_svg(lay_out(*SAMPLE), lambda kind, key: f"../{kind}s/{key}/"))
    marks = [attrs for tag, attrs in linked.elements if tag == "a"]
    assert [(a["href"], a["data-event"]) for a in marks][:2] == [
        ("../events/year/", "event-year"),
        ("../events/month/", "event-month"),
    ]
    assert re.search(r'<g class="tl-disputed"><path class="tl-joint" d="[^"]+"></path><a ', svg)


def test_the_drawing_is_a_named_group_whose_axis_screen_readers_skip() -> None:
    svg = draw_timeline_svg(lay_out(*SAMPLE))
    [(_, root)] = [(tag, attrs) for tag, attrs in parse(svg).elements if tag == "svg"]
    assert root["role"] == "group" and root["aria-labelledby"] == "timeline-drawing-title"
    assert '<title id="timeline-drawing-title">Events</title>' in svg
    assert '<g class="tl-axis" aria-hidden="true">' in svg
    assert "data-search-exclude" in root
    assert root["class"] == "timeline-svg timeline-svg--fit"
    assert root["viewbox"] == f"0 0 {root['width']} {root['height']}"  # the parser lowercases names


def test_text_from_content_is_escaped_in_the_drawing() -> None:
    hostile = event('x"><script>', "2024-03-28", title='<img src=x onerror=alert(1)> & "quotes"')
    svg = draw_timeline_svg(layout_timeline_drawing("<b>title</b>", [hostile, event("y", "2024-04")]))
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    assert "28 March 2024: &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;" in svg
    assert 'href="#event-x&quot;&gt;&lt;script&gt;"' in svg


def test_the_sanitizer_keeps_the_drawing_whole() -> None:
    svg = draw_timeline_svg(lay_out(*SAMPLE))
    assert parse(sanitize_html(svg)).elements == parse(svg).elements


def test_the_sanitizer_keeps_no_script_link_in_a_drawing() -> None:
    cleaned = sanitize_html('<svg><a href="javascript:alert(1)" onclick="alert(2)"><rect x="1"></rect></a></svg>')
    assert "javascript:" not in cleaned and "onclick" not in cleaned and "<rect" in cleaned


# ---------------------------------------------------------------------------------------------
# The pages: which have a drawing, of which events


def _specs(content: Path) -> dict[str, dict[str, object]]:
    corpus, _ = check_content(content)
    return {spec.path: dict(spec.context) for spec in plan_pages(corpus)}


def _anchors(drawing: object) -> list[str]:
    assert isinstance(drawing, TimelineDrawing)
    return [mark.occurrence.anchor for mark in drawing.marks]


def test_profiles_and_topics_with_two_events_or_more_have_a_drawing_of_the_events_they_list() -> None:
    corpus, _ = check_content(REPO_ROOT / "tests" / "corpus")
    specs = _specs(REPO_ROOT / "tests" / "corpus")
    for path, context in specs.items():
        if path.startswith(("actors/", "topics/")) and "events" in context:
            listed = [event.anchor for event in context["events"]]  # type: ignore[attr-defined]
            if len(listed) >= 2:
                assert sorted(_anchors(context["drawing"])) == sorted(listed), path
            else:
                assert context["drawing"] is None, path
    assert any(len(index.events) == 1 for index in corpus.by_actor.values()), "no profile of one event to test"
    assert _anchors(specs["timeline.md"]["drawing"]) == [event.anchor for event in corpus.events]


def test_each_page_of_a_split_timeline_draws_the_events_it_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_limits, "TIMELINE_PAGE_EVENTS", 3)
    monkeypatch.setattr(plan_limits, "TIMELINE_LATEST", 2)
    corpus, _ = check_content(DRAWING)
    specs = _specs(DRAWING)
    timeline = {path: context for path, context in specs.items() if path.startswith("timeline")}
    assert len(timeline) > 2, sorted(timeline)
    assert _anchors(timeline.pop("timeline.md")["drawing"]) == [e.anchor for e in corpus.events[-2:]]
    for path, context in timeline.items():
        listed = [e.anchor for group in context["years"] for e in group.events]  # type: ignore[attr-defined]
        drawing = context["drawing"]
        assert (_anchors(drawing) if drawing else []) == (listed if len(listed) >= 2 else []), path


@pytest.mark.parametrize(
    ("reported", "drawn"),
    [
        (["2024-05-02", "2024-05-03"], ["2024-05-02", "2024-05-03"]),
        # A less precise date that agrees with a more precise one is that one.
        (["2016", "2016-08-29", "2016-08", "2016-08-30"], ["2016-08-29", "2016-08-30"]),
        (["2016-08-29", "2016-08-29", "2016-08-30"], ["2016-08-29", "2016-08-30"]),
        (["2021~", "2023-02"], ["2021~", "2023-02"]),
    ],
)
def test_an_event_whose_reports_disagree_is_drawn_at_each_date_they_give(
    tmp_path: Path, reported: list[str], drawn: list[str]
) -> None:
    files = dict(ACTORS)
    for i, date in enumerate(reported):
        events = f"  - id: visit\n    date: {date}\n    title: A visit\n  - date: 2024-01-01\n    title: Other\n"
        files[f"content/articles/a{i}.yaml"] = article(f"2024-06-{i + 10:02d}", events)
    content = write_tree(tmp_path, files) / "content"
    drawing = _specs(content)["timeline.md"]["drawing"]
    assert isinstance(drawing, TimelineDrawing)
    [visit] = [mark for mark in drawing.marks if mark.occurrence.anchor == "event-visit"]
    assert [shape.date.iso() for shape in visit.shapes] == drawn
    assert visit.occurrence.sources == len(reported)


# ---------------------------------------------------------------------------------------------
# In Chromium: tests/drawing/ built and served


@pytest.fixture(scope="module")
def drawing_url(drawing_site: BuiltSite) -> Iterator[str]:
    with serve_site(drawing_site.root) as url:
        yield url


PAGES = {"timeline": "/timeline/", "profile": "/actors/north-korea/", "topic": "/topics/peninsula-sanctions/"}
MARKS = "svg.timeline-svg a[data-event]"
YEAR_EVENT = "first-sanctions"  # dated 2006
DAY_EVENT = "partnership-signed"  # dated 2024-06-19


def _marks(page: Page) -> list[dict[str, object]]:
    """Each mark: the entry it stands for, its accessible name, whether that entry is an event listed on the page."""
    return list(
        page.eval_on_selector_all(
            MARKS,
            """marks => marks.map(m => {
                const id = m.getAttribute('data-event');
                const target = document.getElementById(id);
                const item = target && target.closest('li');
                return {id, name: m.querySelector('title').textContent, visible: m.getClientRects().length > 0,
                        listed: Boolean(item && item.closest('.md-content'))};
            })""",
        )
    )


def _width(page: Page, event_id: str) -> float:
    box = page.locator(
        f"svg.timeline-svg a[data-event='event-{event_id}'] :is(circle, rect:not(.tl-target))"
    ).bounding_box()
    assert box is not None, f"no mark of {event_id} is drawn"
    return float(box["width"])


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("kind", ["timeline", "profile"])
def test_a_drawing_links_each_mark_to_an_event_on_the_page_and_a_year_is_ten_days_wide(
    tabs: Tabs, drawing_url: str, kind: str, viewport: str
) -> None:
    with tabs.open(DESKTOP if viewport == "desktop" else PHONE) as (page, log):
        visit(page, drawing_url + PAGES[kind])
        marks = _marks(page)
        assert len(marks) >= 3 and all(m["listed"] and m["visible"] for m in marks), marks
        listed = page.eval_on_selector_all(".md-content li > span[id^='event-']", "spans => spans.map(s => s.id)")
        assert {m["id"] for m in marks} == set(listed)
        # The accessible name of a mark is its date and title.
        link = page.get_by_role("link", name="2006: The Security Council first puts sanctions on North Korea")
        assert link.count() == 1 and link.get_attribute("href").endswith(f"events/{YEAR_EVENT}/")  # type: ignore[union-attr]
        year, day = _width(page, YEAR_EVENT), _width(page, DAY_EVENT)
        assert year >= 10 * day, f"the year is drawn {year} px wide, the day {day} px"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"], f"{PAGES[kind]} scrolls sideways: {width} px"  # type: ignore[index]
        log.assert_clean(PAGES[kind])


@pytest.mark.browser
def test_a_mark_opens_its_events_page(desktop: tuple[Page, PageLog], drawing_url: str) -> None:
    page, log = desktop
    visit(page, drawing_url + PAGES["profile"])
    page.locator(f"svg.timeline-svg a[data-event='event-{DAY_EVENT}']").click()
    page.wait_for_url(f"**/events/{DAY_EVENT}/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Russia and North Korea sign a partnership agreement"
    log.assert_clean(f"events/{DAY_EVENT}/")


def _boxes(page: Page, selector: str) -> list[dict[str, float]]:
    return list(
        page.eval_on_selector_all(
            selector,
            """els => els.filter(e => e.getClientRects().length).map(e => {
                const r = e.getBoundingClientRect();
                return {x: r.x, y: r.y, width: r.width, height: r.height,
                        font: parseFloat(getComputedStyle(e).fontSize), text: e.textContent};
            })""",
        )
    )


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_every_mark_is_a_24_px_target_and_no_two_labels_overlap(
    tabs: Tabs, drawing_url: str, kind: str, viewport: str
) -> None:
    """WCAG 2.5.8: a link box of 24 × 24 CSS px at least, on a phone too (the drawing scrolls, it is not
    shrunk); the axis labels 11 px at least, none over another."""
    with tabs.open(DESKTOP if viewport == "desktop" else PHONE) as (page, log):
        visit(page, drawing_url + PAGES[kind])
        marks = _boxes(page, MARKS)
        assert len(marks) >= 3
        small = [m for m in marks if m["width"] < 24 or m["height"] < 24]
        assert not small, small
        labels = _boxes(page, "svg.timeline-svg .tl-axis text")
        assert labels and min(label["font"] for label in labels) >= 11, labels
        for a, b in itertools.combinations(labels, 2):
            apart = a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            assert apart or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"], (a, b)
        log.assert_clean(PAGES[kind])


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_dates_of_a_disagreement_are_a_mark_apart_and_joined(tabs: Tabs, drawing_url: str, viewport: str) -> None:
    with tabs.open(DESKTOP if viewport == "desktop" else PHONE) as (page, _):
        visit(page, drawing_url + PAGES["timeline"])
        group = "svg.timeline-svg .tl-disputed"
        dots = sorted(_boxes(page, f"{group} a circle"), key=lambda box: box["x"])
        links = sorted(_boxes(page, f"{group} a"), key=lambda box: box["x"])
        assert len(dots) == len(links) == 2
        assert dots[1]["x"] - (dots[0]["x"] + dots[0]["width"]) >= dots[0]["width"], dots
        assert links[1]["x"] - (links[0]["x"] + links[0]["width"]) >= links[0]["width"], links
        [joint] = _boxes(page, f"{group} .tl-joint")
        assert joint["x"] <= dots[0]["x"] + dots[0]["width"] and joint["x"] + joint["width"] >= dots[1]["x"]


@pytest.mark.browser
def test_the_drawing_shows_what_the_filtered_list_shows(tabs: Tabs, drawing_url: str) -> None:
    with tabs.open(DESKTOP) as (page, log):
        visit(page, drawing_url + "/timeline/?actor=south-korea")
        shown = page.eval_on_selector_all(
            "li[data-actors]:not([hidden]) > span[id^='event-']", "spans => spans.map(s => s.id)"
        )
        drawn = [m["id"] for m in _marks(page) if m["visible"]]
        assert sorted(set(drawn)) == sorted(shown) and 0 < len(shown) < len(_marks(page)), (drawn, shown)
        # The axis shows the stretch that holds the marks left (2006 and 2009 are gone), at the same scale.
        box = page.eval_on_selector(
            "svg.timeline-svg",
            "svg => [svg.viewBox.baseVal.x, svg.viewBox.baseVal.width, svg.getAttribute('data-full-box')]",
        )
        full = [float(n) for n in box[2].split()]
        assert box[0] > full[0] and box[1] < full[2], box
        years = page.eval_on_selector_all(
            "svg.timeline-svg .tl-year",
            "ts => ts.filter(t => { const r = t.getBoundingClientRect(); const s = t.ownerSVGElement.getBoundingClientRect(); return r.right > s.left && r.left < s.right; }).map(t => t.textContent)",
        )
        assert "2006" not in years and "2024" in years, years
        page.select_option("#timeline-filter-actor", "")
        assert all(m["visible"] for m in _marks(page))
        assert page.eval_on_selector(
            "svg.timeline-svg", "svg => svg.getAttribute('viewBox') === svg.getAttribute('data-full-box')"
        )
        page.select_option("#timeline-filter-date", "approximate")
        drawn = [m["id"] for m in _marks(page) if m["visible"]]
        assert drawn == ["event-monitoring-starts", "event-seoul-reacts-to-partnership-4"], drawn
        log.assert_clean("filtering the timeline")


@pytest.mark.browser
def test_without_javascript_the_drawing_shows_every_event(browser: Browser, drawing_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(drawing_url + "/timeline/?actor=south-korea")  # loaded: with no script, nothing follows
        marks = _marks(page)
        assert len({m["id"] for m in marks}) == 7 and all(m["visible"] for m in marks)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", list(PAGES))
def test_a_drawing_prints_within_the_page(desktop: tuple[Page, PageLog], drawing_url: str, kind: str) -> None:
    page, _ = desktop
    page.emulate_media(media="print")
    visit(page, drawing_url + PAGES[kind])
    svg = page.locator("svg.timeline-svg").bounding_box()
    assert svg is not None and svg["x"] >= 0 and DESKTOP["width"] / 2 < svg["x"] + svg["width"] <= DESKTOP["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]


@pytest.mark.browser
def test_a_long_span_scrolls_in_its_own_box_on_a_phone(tabs: Tabs, tmp_path_factory: pytest.TempPathFactory) -> None:
    files = dict(ACTORS)
    events = "".join(
        f"  - date: {year}\n    title: Event of {year}\n    actors: [russia]\n" for year in range(2000, 2025)
    )
    files["content/articles/a.yaml"] = article("2024-06-01", events)
    content = write_tree(tmp_path_factory.mktemp("long"), files) / "content"
    site = build_site(content.parent / "site", content)
    with tabs.open(PHONE) as (page, log), serve_site(site.root) as url:
        visit(page, url + "/actors/russia/")
        box = page.locator(".timeline-drawing__box")
        inner = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        assert inner[0] > inner[1], f"a 25-year drawing does not scroll in its box: {inner}"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert _width(page, "a-1") >= 10 * 2 * DOT * 0.99  # drawn at its own size, not shrunk
        log.assert_clean("a wide drawing on a phone")
