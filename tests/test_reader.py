"""What a reader gets, proven in headless Chromium: sources, graphs, the timeline's filters,
accessibility, print, and metadata (search: tests/test_search.py).

Uses the frozen sample's site (tests/sample/) and the test corpus (tests/corpus/), built once per session,
served on 127.0.0.1 like tests/test_browser.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from generator.pipeline import check_content
from tests.conftest import (
    DESKTOP,
    PHONE,
    SAMPLE_CONTENT,
    BuiltSite,
    PageLog,
    Tabs,
    build_site,
    serve_site,
    settle,
    visit,
)
from tests.helpers import ACTORS, article, write_tree
from tests.test_browser import PAGE_KINDS, SCREENSHOTS

pytestmark = pytest.mark.browser

BRIEFING = PAGE_KINDS["briefing"]
PROFILE = PAGE_KINDS["profile"]
TOPIC = "/topics/north-korea-sanctions/"
HEADLINE = "After Russia's veto, U.S. envoy says allies are working on other ways to police North Korea sanctions"


def _serve(site: BuiltSite) -> Iterator[str]:
    with serve_site(site.root) as url:
        yield url


@pytest.fixture(scope="module")
def sample_url(built_site: BuiltSite) -> Iterator[str]:
    """Serve the frozen sample's site (tests/sample/) on 127.0.0.1 and a free port."""
    yield from _serve(built_site)


@pytest.fixture(scope="module")
def corpus_url(built_corpus: BuiltSite) -> Iterator[str]:
    """Serve the built test corpus (tests/corpus/) on 127.0.0.1 and a free port."""
    yield from _serve(built_corpus)


# ---------------------------------------------------------------------------------------------
# The timeline's filters

SHOWN = "li[data-date]:not([hidden])"


def _shown(page: Page) -> list[dict[str, str]]:
    return list(
        page.eval_on_selector_all(
            SHOWN,
            "items => items.map(i => ({actors: i.dataset.actors, topics: i.dataset.topics, date: i.dataset.date,"
            " visible: i.offsetParent !== null}))",
        )
    )


def _events_of(content: Path, actor: str) -> int:
    corpus, _ = check_content(content)
    return len(corpus.by_actor[actor].events)


def test_a_filtered_timeline_shows_only_that_actors_events_and_keeps_the_filter_on_reload(
    desktop: tuple[Page, PageLog], sample_url: str
) -> None:
    page, log = desktop
    visit(page, sample_url + "/timeline/?actor=russia")
    expected = _events_of(SAMPLE_CONTENT, "russia")
    total = page.locator("li[data-date]").count()
    for attempt in ("first load", "reload"):
        shown = _shown(page)
        assert len(shown) == expected < total, f"{attempt}: {len(shown)} events shown, {expected} expected"
        assert all("russia" in e["actors"].split() and e["visible"] for e in shown), f"{attempt}: {shown}"
        assert page.locator("#timeline-filter-actor").input_value() == "russia"
        assert page.locator(".timeline-filter__status").inner_text() == f"Showing {expected} of {total} events."
        assert parse_qs(urlsplit(page.url).query) == {"actor": ["russia"]}
        page.reload(wait_until="load")
        settle(page)
    # A year without any of Russia's events hides, and so does its link in the year index.
    assert page.locator("#year-2009").is_hidden()
    assert page.locator(".year-index a[href='#year-2009']").is_hidden()
    assert page.locator(".md-sidebar--secondary .md-nav__link[href='#year-2009']").is_hidden()
    assert page.locator(".md-sidebar--secondary .md-nav__link[href='#year-2024']").is_visible()
    assert page.locator("#year-2024").is_visible()
    log.assert_clean("the filtered timeline")


def test_a_filter_narrows_the_list_in_place_and_goes_into_the_address(
    desktop: tuple[Page, PageLog], corpus_url: str
) -> None:
    page, log = desktop
    visit(page, corpus_url + "/timeline/")
    page.evaluate("window.samePage = true")
    total = page.locator("li[data-date]").count()
    assert len(_shown(page)) == total

    page.select_option("#timeline-filter-topic", "tarvan-dam-dispute")
    page.select_option("#timeline-filter-date", "approximate")
    shown = _shown(page)
    assert shown and all("tarvan-dam-dispute" in e["topics"].split() and e["date"] == "approximate" for e in shown)
    assert parse_qs(urlsplit(page.url).query) == {"topic": ["tarvan-dam-dispute"], "date": ["approximate"]}
    assert page.evaluate("window.samePage") is True, "changing a filter reloaded the page"

    page.click("text=Show all")
    assert len(_shown(page)) == total
    assert urlsplit(page.url).query == ""
    log.assert_clean("the corpus timeline")


def test_a_shared_filter_address_opens_filtered(tabs: Tabs, corpus_url: str) -> None:
    with tabs.open(PHONE) as (page, log):
        visit(page, corpus_url + "/timeline/?actor=norvessa&date=exact")
        shown = _shown(page)
        assert shown and all("norvessa" in e["actors"].split() and e["date"] == "exact" for e in shown)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        log.assert_clean("a shared filter address")


def test_the_filters_count_one_briefing_in_the_singular(tabs: Tabs, tmp_path: Path) -> None:
    content = (
        write_tree(tmp_path, {**ACTORS, "content/articles/a.yaml": article(extra="actors: [russia]\n")}) / "content"
    )
    site = build_site(tmp_path / "site", content)
    with serve_site(site.root) as url, tabs.open(DESKTOP) as (page, log):
        visit(page, url + "/briefings/")
        assert page.locator("li[data-actors]").count() == 1
        assert page.locator(".timeline-filter__status").inner_text() == "Showing the 1 briefing."
        log.assert_clean("a site of one briefing")


def test_the_filters_count_one_event_in_the_singular(desktop: tuple[Page, PageLog], sample_url: str) -> None:
    page, log = desktop
    assert _events_of(SAMPLE_CONTENT, "china") == 1
    visit(page, sample_url + "/timeline/?actor=china")
    total = page.locator("li[data-date]").count()
    assert page.locator(".timeline-filter__status").inner_text() == f"Showing 1 of {total} events."
    log.assert_clean("the sample's timeline")


def test_without_javascript_every_event_shows(browser: Browser, sample_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample_url + "/timeline/?actor=russia")
        total = page.locator("li[data-date]").count()
        assert total == len(check_content(SAMPLE_CONTENT)[0].events)
        assert all(e["visible"] for e in _shown(page)) and len(_shown(page)) == total
        assert page.locator(".timeline-filter select").count() == 0
    finally:
        context.close()


def test_each_event_carries_ids_only(desktop: tuple[Page, PageLog], corpus_url: str) -> None:
    page, _ = desktop
    visit(page, corpus_url + "/timeline/")
    ids = re.compile(r"^([a-z0-9]+(-[a-z0-9]+)*( [a-z0-9]+(-[a-z0-9]+)*)*)?$")
    for event in page.eval_on_selector_all("li[data-date]", "items => items.map(i => ({...i.dataset}))"):
        assert ids.match(event["actors"]) and ids.match(event["topics"]), event
        assert event["date"] in ("exact", "approximate"), event


# ---------------------------------------------------------------------------------------------
# Graphs and sources

EDGES_AND_ROWS = """() => {
    const figure = document.querySelector('figure.graph');
    const edges = [...figure.querySelectorAll('g.graph-edge')].map(g => g.dataset.source + ' -> ' + g.dataset.target);
    const id = a => new URL(a.href).pathname.split('/').filter(Boolean).pop();
    let table = figure.nextElementSibling;
    let cut = false;  // the table lists only the most recent relations (a note says so before it)
    while (table && !table.querySelector('table') && table.tagName !== 'TABLE') {
        cut = cut || table.classList.contains('list-cut');
        table = table.nextElementSibling;
    }
    // A relation from several actors jointly: an arrow from each.
    const rows = [...table.querySelectorAll('tbody tr')].map(tr => {
        const cells = tr.querySelectorAll('td');
        const target = id(cells[2].querySelector('a'));
        return [...cells[0].querySelectorAll('a')].map(a => id(a) + ' -> ' + target);
    });
    const svg = figure.querySelector('svg');
    return {edges, rows, cut, role: svg.getAttribute('role'), title: svg.querySelector('title').textContent,
            desc: svg.querySelector('desc').textContent, width: svg.getBoundingClientRect().width};
}"""


@pytest.mark.parametrize(
    ("site", "path"),
    [
        ("sample", PROFILE),
        ("sample", TOPIC),
        ("sample", "/actors/linda-thomas-greenfield/"),
        ("corpus", "/actors/norvessa/"),  # with a relation from Norvessa and Kestrevia jointly
        ("corpus", "/topics/omsel-basin-diplomacy/"),
    ],
)
def test_the_graph_and_its_table_show_the_same_relations(
    desktop: tuple[Page, PageLog], sample_url: str, corpus_url: str, site: str, path: str
) -> None:
    page, log = desktop
    visit(page, (sample_url if site == "sample" else corpus_url) + path)
    graph = page.evaluate(EDGES_AND_ROWS)
    assert graph["role"] == "group" and graph["title"].startswith("Relations") and graph["desc"]
    assert graph["width"] > 300, f"the graph is drawn {graph['width']} px wide"
    assert graph["rows"], "the table of relations is empty"
    arrows = {arrow for row in graph["rows"] for arrow in row}
    if path.startswith("/actors/"):  # a profile draws the arrows to and from its actor
        center = path.strip("/").split("/")[-1]
        arrows = {arrow for arrow in arrows if center in arrow.split(" -> ")}
    if graph["cut"]:
        # A long list shows its 25 most recent relations, the graph the actors with the most: every
        # relation of the table between two actors the graph draws is drawn.
        drawn = {actor for edge in graph["edges"] for actor in edge.split(" -> ")}
        assert {arrow for arrow in arrows if set(arrow.split(" -> ")) <= drawn} <= set(graph["edges"]), graph
    else:
        assert sorted(set(graph["edges"])) == sorted(arrows), graph
    assert len(graph["edges"]) == len(set(graph["edges"])), "an edge is drawn twice"
    log.assert_clean(path)


def test_a_joint_statement_is_on_each_actors_profile_and_a_role_as_of_a_date_says_so(
    desktop: tuple[Page, PageLog], corpus_url: str
) -> None:
    page, log = desktop
    reply = "Accept the invitation in a joint reply, and ask for the talks to be held in public."
    for actor, other in (("kestrevia", "norvessa"), ("norvessa", "kestrevia")):
        visit(page, f"{corpus_url}/actors/{actor}/")
        cell = page.locator("td", has_text=reply)
        assert cell.inner_text() == f"{reply} (jointly with {other.capitalize()})"
        assert cell.locator("a").evaluate("a => new URL(a.href).pathname") == f"/actors/{other}/"
        log.assert_clean(actor)
    visit(page, f"{corpus_url}/actors/sela-orvin/")
    assert page.locator("ul.roles li").all_inner_texts() == [
        "Chair of the Omsel Basin Commission, Omsel Basin Commission (2023 – ) · as of 6 May 2025"
    ]


def test_citations_lead_to_numbered_references_that_link_the_briefing_and_the_original(
    desktop: tuple[Page, PageLog], corpus_url: str
) -> None:
    page, _ = desktop
    visit(page, corpus_url + "/actors/norvessa/")
    cited = set(page.eval_on_selector_all("a.cite[href^='#ref-']", "links => links.map(a => a.hash.slice(1))"))
    references = page.eval_on_selector_all(
        "#references + .page-section > ol > li",
        "items => items.map(li => ({id: li.id, text: li.innerText,"
        " links: [...li.querySelectorAll('a')].map(a => new URL(a.href).pathname)}))",
    )
    assert cited == {r["id"] for r in references} == {"ref-1", "ref-2", "ref-3"}
    first = references[0]
    assert first["links"][0] == "/briefings/harbor-ledger-tarvan-filling/"
    assert "https://example.org/harbor-ledger/2025/04/03/tarvan-filling" in first["text"]
    assert first["text"].startswith("The Harbor Ledger, 3 April 2025:")
    page.click("a.cite[href='#ref-2']")
    assert urlsplit(page.url).fragment == "ref-2"
    assert page.locator("#ref-2").is_visible()


def test_an_event_merged_from_two_articles_cites_both_on_the_timeline(
    desktop: tuple[Page, PageLog], corpus_url: str
) -> None:
    page, _ = desktop
    visit(page, corpus_url + "/timeline/")
    item = page.locator("li:has(#event-tarvan-reservoir-filling)")
    cites = item.locator("a.cite").evaluate_all("links => links.map(a => a.hash)")
    assert cites == ["#ref-1", "#ref-2"]
    briefings = [
        page.locator(f"{hash} a").first.evaluate("a => new URL(a.href).pathname") for hash in ("#ref-1", "#ref-2")
    ]
    assert briefings == ["/briefings/harbor-ledger-tarvan-filling/", "/briefings/kestrel-wire-lutsa-protest/"]


# ---------------------------------------------------------------------------------------------
# Accessibility, phones and print

AXE_PAGES = {"home": "/", "briefing": BRIEFING, "profile": PROFILE, "topic": TOPIC, "timeline": "/timeline/"}


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("kind", list(AXE_PAGES))
def test_axe_finds_no_accessibility_violations(
    tabs: Tabs,
    sample_url: str,
    kind: str,
    viewport: str,
) -> None:
    with tabs.open(DESKTOP if viewport == "desktop" else PHONE) as (page, _):
        visit(page, sample_url + AXE_PAGES[kind])
        violations = Axe().run(page).response["violations"]
        found = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in violations
        ]
        assert not found, f"{AXE_PAGES[kind]} at {viewport}:\n" + "\n".join(found)


CORPUS_PAGES = {
    "home": "/",
    "briefing": "/briefings/harbor-ledger-tarvan-filling/",
    "profile": "/actors/norvessa/",
    "topic": "/topics/tarvan-dam-dispute/",
    "timeline": "/timeline/",
    "event": "/events/tarvan-reservoir-filling/",
}


def _luminance(css: str) -> float:
    """The relative luminance (WCAG) of a CSS rgb() colour."""
    channels = [int(part) / 255 for part in re.findall(r"\d+", css)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(CORPUS_PAGES))
def test_each_scheme_follows_the_system_and_axe_finds_no_violations_in_it(
    tabs: Tabs, corpus_url: str, kind: str, scheme: str
) -> None:
    """The system's scheme chooses the page's (dark: a dark background); contrast and the rest pass axe in both."""
    with tabs.open(DESKTOP) as (page, log):
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        visit(page, corpus_url + CORPUS_PAGES[kind])
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (_luminance(background) < 0.05) == (scheme == "dark"), background
        violations = Axe().run(page).response["violations"]
        found = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}" for v in violations]
        assert not found, f"{CORPUS_PAGES[kind]} in the {scheme} scheme:\n" + "\n".join(found)
        log.assert_clean(CORPUS_PAGES[kind])


def test_the_scheme_button_switches_and_takes_the_focus_instead_of_a_hidden_radio(tabs: Tabs, corpus_url: str) -> None:
    with tabs.open(DESKTOP) as (page, _):
        page.emulate_media(color_scheme="dark")
        visit(page, corpus_url + "/")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert page.eval_on_selector_all("input[name='__palette']", "radios => radios.map(r => r.tabIndex)") == [-1, -1]
        button = page.get_by_role("button", name="Switch to the light scheme")
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Switch to the dark scheme"
        assert _luminance(page.evaluate("getComputedStyle(document.body).backgroundColor")) > 0.9


_FOCUSED = """() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    const hidden = e.closest("[aria-hidden='true'], [hidden], [inert]");
    const s = getComputedStyle(e);
    return {name: e.tagName + "." + (e.getAttribute("class") || "") + " " + (e.textContent || "").trim().slice(0, 30),
            offscreen: r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.width * r.height === 0,
            hidden: Boolean(hidden) || s.visibility === "hidden", search: document.getElementById("__search").checked,
            inSearch: Boolean(e.closest(".md-search"))};
}"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_tabbing_reaches_only_what_shows_and_search_closes_when_focus_leaves_it(
    tabs: Tabs, corpus_url: str, viewport: str
) -> None:
    with tabs.open(DESKTOP if viewport == "desktop" else PHONE) as (page, log):
        visit(page, corpus_url + CORPUS_PAGES["event"])
        page.wait_for_timeout(300)  # the drawer's slide
        stops = []
        for _ in range(30):
            page.keyboard.press("Tab")
            stops.append(page.evaluate(_FOCUSED))
        unseen = [stop["name"] for stop in stops if stop["hidden"] or stop["offscreen"]]
        assert not unseen, unseen
        opened = [i for i, stop in enumerate(stops) if stop["search"]]
        assert opened, "tabbing into the search box does not open search"
        after = stops[opened[-1] + 1]
        assert not after["inSearch"] and not after["search"], "search stays open once focus has left it"
        # Escape closes it too.
        page.focus(".md-search__input")
        assert page.evaluate("document.getElementById('__search').checked")
        page.keyboard.press("Escape")
        assert not page.evaluate("document.getElementById('__search').checked")
        log.assert_clean("tabbing")


@pytest.mark.parametrize("path", ["briefing", "profile", "event"])
def test_pages_say_in_their_metadata_when_they_last_changed(
    desktop: tuple[Page, PageLog], corpus_url: str, path: str
) -> None:
    page, _ = desktop
    visit(page, corpus_url + CORPUS_PAGES[path])
    modified = str(_jsonld(page)["dateModified"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", modified), modified
    shown = page.locator(".page-changed").inner_text()
    assert shown.startswith("Last changed ") and shown.endswith(".")


@pytest.mark.parametrize(
    ("site", "path"),
    [
        ("sample", TOPIC),
        ("sample", "/timeline/?actor=russia"),
        ("corpus", "/actors/norvessa/"),
        ("corpus", "/timeline/"),
    ],
)
def test_graphs_filters_and_references_fit_a_phone(
    tabs: Tabs,
    sample_url: str,
    corpus_url: str,
    site: str,
    path: str,
) -> None:
    with tabs.open(PHONE) as (page, log):
        visit(page, (sample_url if site == "sample" else corpus_url) + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide at {PHONE['width']} px: it scrolls sideways"
        log.assert_clean(path)


# Each part of a page under a heading (generator/pages/sections.py): whether the browser has drawn it.
PARTS_DRAWN = "() => [...document.querySelectorAll('.page-section > :first-child')].map(e => e.checkVisibility({contentVisibilityAuto: true}))"
# Each table's scrolling box and each drawing, and the box of the part that holds it: left and right edges.
HELD_BOXES = """() => [...document.querySelectorAll('.page-section :is(.md-typeset__scrollwrap, figure)')].map(e => {
    const box = e.getBoundingClientRect(), part = e.closest('.page-section').getBoundingClientRect();
    return {what: e.className, box: [box.left, box.right], part: [part.left, part.right]};
})"""


def test_a_long_page_starts_with_its_first_screen_then_is_drawn_whole_with_nothing_clipped(
    browser: Browser, tabs: Tabs, sample_url: str
) -> None:
    # Without the page's scripts, the parts off the first screen of a phone stay undrawn, as the
    # theme's start finds them (it restyles the whole page several times); the summary is drawn.
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(sample_url + PROFILE, wait_until="load")
        drawn = page.evaluate(PARTS_DRAWN)
        assert len(drawn) >= 5 and not drawn[-1], drawn
        assert page.locator("table.page-summary").evaluate("t => t.checkVisibility({contentVisibilityAuto: true})")
    finally:
        context.close()
    # With them, once loaded, every part is drawn: the page is whole for find in page and checkers.
    with tabs.open(PHONE) as (page, log):
        page.goto(sample_url + PROFILE, wait_until="load")
        page.wait_for_function(f"({PARTS_DRAWN})().every(Boolean)", timeout=10_000)
        held = page.evaluate(HELD_BOXES)
        assert {"graph", "timeline-drawing", "md-typeset__scrollwrap"} <= {e["what"] for e in held}, held
        for element in held:  # a table's box reaches into the margin on a phone: its part's does too
            assert element["part"][0] <= element["box"][0] and element["box"][1] <= element["part"][1], element
        log.assert_clean(PROFILE)


PRINT_HIDDEN = [".md-header", ".md-tabs", ".md-search", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]


@pytest.mark.parametrize("path", [BRIEFING, PROFILE])
def test_printing_gives_a_clean_brief_in_one_column(desktop: tuple[Page, PageLog], sample_url: str, path: str) -> None:
    page, _ = desktop
    page.emulate_media(media="print")
    visit(page, sample_url + path)
    for selector in PRINT_HIDDEN:
        display = page.eval_on_selector(selector, "e => getComputedStyle(e).display")
        assert display == "none", f"{selector} prints ({display})"
    column = page.eval_on_selector(".md-content", "e => e.getBoundingClientRect().width")
    assert column >= 0.95 * DESKTOP["width"], f"the content prints {column} px wide, not one full column"
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    if path == PROFILE:
        references = page.locator("#references + .page-section > ol").inner_text()
        assert "https://japannews.yomiuri.co.jp/news-services/reuters/20240416-180806/" in references
    else:
        after = page.eval_on_selector(".briefing-source a[href^='http']", "a => getComputedStyle(a, '::after').content")
        assert "https://japannews.yomiuri.co.jp/news-services/reuters/20240416-180806/" in after, after


# ---------------------------------------------------------------------------------------------
# Metadata


def _jsonld(page: Page) -> dict[str, object]:
    [text] = page.eval_on_selector_all("script[type='application/ld+json']", "scripts => scripts.map(s => s.text)")
    data: dict[str, object] = json.loads(text)
    return data


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (BRIEFING, "Article"),
        (PROFILE, "Country"),
        ("/actors/linda-thomas-greenfield/", "Person"),
        ("/actors/un-security-council/", "Organization"),
        (TOPIC, "CollectionPage"),
    ],
)
def test_each_page_carries_a_description_and_schema_org_metadata(
    desktop: tuple[Page, PageLog], sample_url: str, path: str, kind: str
) -> None:
    page, _ = desktop
    visit(page, sample_url + path)
    data = _jsonld(page)
    assert data["@context"] == "https://schema.org" and data["@type"] == kind, data
    description = page.eval_on_selector("meta[name='description']", "m => m.content")
    assert description and description == data["description"]
    if kind == "Article":
        assert data["headline"] == HEADLINE


def test_a_hostile_title_cannot_break_out_of_the_metadata(hostile_site: BuiltSite) -> None:
    pattern = re.compile(r'<script type="application/(?:ld\+)?json"[^>]*>(.*?)</script>', re.DOTALL)
    checked = 0
    for page in sorted(hostile_site.root.rglob("index.html")):
        for text in pattern.findall(page.read_text(encoding="utf-8")):
            assert "<" not in text and ">" not in text and "&" not in text, f"{page}: {text[:200]}"
            json.loads(text)
            checked += 1
    assert checked >= 8
    briefing = (hostile_site.root / "briefings" / "hostile-report" / "index.html").read_text(encoding="utf-8")
    [text] = pattern.findall(briefing)
    assert json.loads(text)["headline"] == "Report </title><script>window.pwned=16</script>"


# ---------------------------------------------------------------------------------------------
# Pictures for people to look at (tests/screenshots/, not committed): `make screenshots`


@pytest.mark.screenshots
def test_screenshots_for_review(tabs: Tabs, sample_url: str, corpus_url: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = [
        ("reader-briefing-1280.png", sample_url + BRIEFING, DESKTOP, "screen"),
        ("reader-profile-graph-1280.png", sample_url + PROFILE, DESKTOP, "screen"),
        ("reader-topic-graph-1280.png", sample_url + TOPIC, DESKTOP, "screen"),
        ("reader-timeline-russia-1280.png", sample_url + "/timeline/?actor=russia", DESKTOP, "screen"),
        ("reader-profile-390.png", sample_url + PROFILE, PHONE, "screen"),
        ("reader-corpus-timeline-390.png", corpus_url + "/timeline/", PHONE, "screen"),
        ("reader-briefing-print.png", sample_url + BRIEFING, DESKTOP, "print"),
        ("reader-profile-print.png", sample_url + PROFILE, DESKTOP, "print"),
    ]
    for name, url, viewport, media in shots:
        with tabs.open(viewport) as (page, _):
            page.emulate_media(media=media)
            visit(page, url)
            target = SCREENSHOTS / name
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000, f"{target} is suspiciously small"
            if media == "print":
                pdf = target.with_suffix(".pdf")
                page.pdf(path=str(pdf), format="A4", print_background=False)
                assert pdf.stat().st_size > 10_000
