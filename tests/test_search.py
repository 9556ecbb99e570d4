"""Search (Pagefind, in the theme's search box), proven in headless Chromium: names and aliases
find profiles, filters narrow the results, the keyboard drives it, nothing loads before a reader
opens it, and hostile content stays text.

Uses the frozen sample's site (tests/sample/) and the hostile content (tests/hostile/), served on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import json
import shlex
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Page, Request

from generator.search import SearchIndex, SearchIndexError, index_site, serve_bundle, sweep_stopped
from tests.conftest import (
    DESKTOP,
    DOCUMENT_LINKS,
    PHONE,
    REPO_ROOT,
    RESULT_LINKS,
    SAMPLE_CONTENT,
    BuiltSite,
    PageLog,
    Tabs,
    build_site,
    run_python,
    search_results,
    serve_site,
    visit,
)
from tests.helpers import article, write_tree
from tests.test_browser import PAGE_KINDS

pytestmark = pytest.mark.browser

BRIEFING = PAGE_KINDS["briefing"]
PROFILE = PAGE_KINDS["profile"]
TITLES = {
    "/actors/north-korea/": "North Korea",
    "/actors/linda-thomas-greenfield/": "Linda Thomas-Greenfield",
    "/actors/yoon-suk-yeol/": "Yoon Suk Yeol",
    "/actors/russia/": "Russia",
}
HEADLINE = "After Russia's veto, U.S. envoy says allies are working on other ways to police North Korea sanctions"


@pytest.fixture(scope="module")
def sample_url(built_site: BuiltSite) -> Iterator[str]:
    with serve_site(built_site.root) as url:
        yield url


def search(page: Page, query: str, selector: str = RESULT_LINKS) -> list[tuple[str, str]]:
    """Type a query into the site's search and return the results as (path#fragment, text), best first."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    return search_results(page, selector)


def _pages(results: list[tuple[str, str]]) -> list[str]:
    return [path for path, _ in results if "#" not in path]


def _ranking(results: list[tuple[str, str]]) -> str:
    return "\n".join(f"  {i + 1}. {path}  {' '.join(text.split())[:70]}" for i, (path, text) in enumerate(results[:8]))


def _count(page: Page) -> int:
    text = page.locator(".md-search-result__meta").inner_text()
    return 0 if text.startswith("No matching") else int(text.split()[0])


@pytest.mark.parametrize(
    ("query", "profile"),
    [
        ("Pyongyang", "/actors/north-korea/"),
        ("Thomas-Greenfield", "/actors/linda-thomas-greenfield/"),
        ("윤석열", "/actors/yoon-suk-yeol/"),
        ("DPRK", "/actors/north-korea/"),
        ("Moscow", "/actors/russia/"),
        ("North Korea", "/actors/north-korea/"),
    ],
)
def test_searching_a_name_or_alias_puts_the_profile_first(
    desktop: tuple[Page, PageLog], sample_url: str, query: str, profile: str
) -> None:
    page, log = desktop
    visit(page, sample_url + BRIEFING)
    results = search(page, query)
    assert results[0][0] == profile, f"searching {query!r} does not rank {profile} first:\n{_ranking(results)}"
    assert page.locator(DOCUMENT_LINKS).first.locator("h1").inner_text() == TITLES[profile]
    log.assert_clean(f"search for {query!r}")


def test_searching_a_headline_finds_its_briefing_first(desktop: tuple[Page, PageLog], sample_url: str) -> None:
    page, _ = desktop
    visit(page, sample_url + "/")
    results = search(page, HEADLINE)
    assert results[0][0] == BRIEFING, f"the headline does not find its briefing first:\n{_ranking(results)}"
    assert " ".join(results[0][1].split()).startswith(HEADLINE)


@pytest.mark.parametrize("words", ["caught red-handed", "destroying CCTV"])
def test_searching_a_quotes_words_finds_the_quote(desktop: tuple[Page, PageLog], sample_url: str, words: str) -> None:
    page, _ = desktop
    visit(page, sample_url + "/")
    results = search(page, words)
    quote = "destroying a CCTV to avoid being caught red-handed"
    first_page = results[0][0].split("#")[0]
    # South Korea's profile lists the quote too, but search leads to the briefing that reports it.
    assert first_page == BRIEFING and "/actors/south-korea/" not in _pages(results), _ranking(results)
    sections = [text for path, text in results if path.startswith(first_page + "#quotes")]
    assert sections and quote in " ".join(sections[0].split()), _ranking(results)
    marked = page.locator(".md-search-result__item").first.locator("mark")
    assert marked.count() >= 2 and {m.lower().strip("“”") for m in marked.all_inner_texts()} >= set(
        words.lower().split()
    ), marked.all_inner_texts()


def test_the_results_list_is_busy_until_the_latest_querys_results_are_shown(
    desktop: tuple[Page, PageLog], sample_url: str
) -> None:
    """Screen readers announce the results once, whole: the list is aria-busy from the keystroke on."""
    page, log = desktop
    visit(page, sample_url + "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("Russia")
    results_list = page.locator(".md-search-result__list")
    assert results_list.get_attribute("aria-busy") == "true"
    box.fill("Moscow")  # typed on before the first results came: only the latest query's are shown
    shown = search_results(page, DOCUMENT_LINKS)
    assert results_list.get_attribute("aria-busy") is None
    assert len(shown) == min(10, _count(page)), shown  # the first ten, all there
    assert page.locator("input.md-search__input").input_value() == "Moscow"
    assert "/actors/russia/" in _pages(shown)  # Moscow is an alias of Russia
    box.fill("")
    page.wait_for_selector(".md-search-result__list:not([aria-busy])", state="attached")
    assert page.locator(".md-search-result__item").count() == 0
    log.assert_clean("typing a query")


def test_lists_the_home_page_and_references_are_not_search_results(
    desktop: tuple[Page, PageLog], sample_url: str
) -> None:
    page, _ = desktop
    visit(page, sample_url + "/")
    results = search(page, "Russia")
    paths = {path.split("#")[0] for path, _ in results}
    assert paths and not paths & {"/", "/actors/", "/topics/", "/briefings/", "/timeline/"}, paths
    # The numbered references and the export links are not what a page is about.
    sections = {path.split("#")[1] for path, _ in results if "#" in path}
    assert not sections & {"references", "follow-and-reuse"}, sections
    page.locator("input.md-search__input").fill("iCalendar")  # words of the export links only
    page.wait_for_function("document.querySelector('.md-search-result__meta').innerText.startsWith('No matching')")
    assert page.locator(".md-search-result__item").count() == 0


def test_a_profile_is_found_by_its_roles_not_by_the_facts_it_lists(
    desktop: tuple[Page, PageLog], sample_url: str
) -> None:
    page, _ = desktop
    visit(page, sample_url + "/")
    # Her role, in her profile's own text.
    profile = "/actors/linda-thomas-greenfield/"
    results = search(page, "Ambassador to the United Nations")
    assert profile in _pages(results), _ranking(results)
    # An event her profile lists under Timeline: found in the briefing that reports it, not in the list.
    results = search(page, "fresh means")
    assert BRIEFING in _pages(results) and profile not in _pages(results), _ranking(results)


def test_a_shared_name_puts_the_actor_in_more_briefings_first(
    desktop: tuple[Page, PageLog], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """'Kim' finds three people: Kim Jong Un, in five briefings, comes before two Kims in one each."""
    root = tmp_path_factory.mktemp("kims")
    files = {
        "content/actors/kim-jong-un.yaml": "name: Kim Jong Un\nkind: person\naliases: [김정은]\n",
        "content/actors/kim-hong-kyun.yaml": "name: Kim Hong-kyun\nkind: person\n",
        "content/actors/kim-jong-gyu.yaml": "name: Kim Jong Gyu\nkind: person\n",
    }
    for day, who in enumerate(["kim-jong-un"] * 5 + ["kim-hong-kyun", "kim-jong-gyu"], 1):
        files[f"content/articles/a{day}.yaml"] = article(f"2024-04-{day:02d}", extra=f"actors: [{who}]\n")
    site = build_site(root / "site", write_tree(root, files) / "content")
    page, log = desktop
    with serve_site(site.root) as url:
        visit(page, url + "/")
        results = search(page, "Kim")
        pages = _pages(results)
        assert pages[0] == "/actors/kim-jong-un/", _ranking(results)
        assert {"/actors/kim-hong-kyun/", "/actors/kim-jong-gyu/"} <= set(pages[1:]), _ranking(results)
        log.assert_clean("a search for 'Kim'")


@pytest.fixture(scope="module")
def headlines_url(drawing_site: BuiltSite) -> Iterator[str]:
    """tests/drawing/: its briefings' headlines hold actors' aliases ("Pyongyang hosts a Moscow delegation")."""
    with serve_site(drawing_site.root) as url:
        yield url


@pytest.mark.parametrize(
    ("query", "profile"),
    [
        ("Pyongyang", "/actors/north-korea/"),
        ("Moscow", "/actors/russia/"),
        ("Seoul", "/actors/south-korea/"),
        ("Security Council", "/actors/security-council/"),
    ],
)
def test_an_alias_in_a_briefings_headline_still_puts_the_profile_first(
    desktop: tuple[Page, PageLog], headlines_url: str, query: str, profile: str
) -> None:
    # Pagefind boosts a page whose title holds the words searched: a profile's names and aliases get a larger boost.
    page, log = desktop
    visit(page, headlines_url + "/")
    results = search(page, query)
    pages = _pages(results)
    assert pages[0] == profile, f"searching {query!r} does not rank {profile} first:\n{_ranking(results)}"
    assert any(path.startswith("/briefings/") for path in pages[1:]), _ranking(results)  # the headline comes next
    log.assert_clean(f"a search for {query!r}")


# ---------------------------------------------------------------------------------------------
# Filters


def test_the_filters_list_pagefinds_values_and_counts_without_fetching_them(
    desktop: tuple[Page, PageLog], sample_url: str, built_site: BuiltSite
) -> None:
    page, log = desktop
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    visit(page, sample_url + "/")
    search(page, "Korea")
    # Until a reader filters, the search box loads none of Pagefind's filter files.
    assert not [url for url in fetched if url.endswith(".pf_filter")], fetched
    counts = json.loads((built_site.root / "pagefind" / "filter-counts.json").read_text(encoding="utf-8"))
    pagefind = page.evaluate(
        "async () => (await import(new URL('pagefind/pagefind.js', location.href).href)).filters()"
    )
    assert counts == pagefind and set(counts) == {"type", "kind", "topic"}, (counts, pagefind)
    shown = page.locator(".md-search-filters select[name=type] option").all_inner_texts()
    assert shown == ["Type: all", *(f"{value} ({n})" for value, n in sorted(counts["type"].items()))], shown
    log.assert_clean("search filters")


def _choose(page: Page, name: str, value: str) -> None:
    select = page.locator(f".md-search-filters select[name={name}]")
    options = select.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert value in options, f"the {name} filter offers {options}, not {value!r}"
    before = page.locator(".md-search-result__meta").inner_text()
    select.select_option(value)
    page.wait_for_function(
        "before => document.querySelector('.md-search-result__meta').innerText !== before", arg=before
    )


def test_the_type_filter_keeps_only_pages_of_that_type(desktop: tuple[Page, PageLog], sample_url: str) -> None:
    page, log = desktop
    visit(page, sample_url + "/")
    everything = _pages(search(page, "panel"))
    total = _count(page)
    kinds = {path.split("/")[1] for path in everything}
    assert {"briefings", "actors", "topics"} <= kinds, everything
    _choose(page, "type", "Actor profile")
    profiles = _pages(search_results(page))
    assert profiles and all(p.startswith("/actors/") for p in profiles), profiles
    assert 0 < _count(page) < total
    assert set(page.locator(".md-search-result__item .md-tag").all_inner_texts()) >= {"Actor profile"}
    _choose(page, "type", "Briefing")
    briefings = _pages(search_results(page))
    assert BRIEFING in briefings and all(p.startswith("/briefings/") for p in briefings), briefings
    log.assert_clean("filtering search by type")


def test_the_kind_filter_keeps_only_actors_of_that_kind(desktop: tuple[Page, PageLog], sample_url: str) -> None:
    page, _ = desktop
    visit(page, sample_url + "/")
    assert "/actors/north-korea/" in _pages(search(page, "Korea"))
    _choose(page, "kind", "person")
    people = _pages(search_results(page))
    assert "/actors/yoon-suk-yeol/" in people and "/actors/north-korea/" not in people, people
    tags = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(i => [...i.querySelectorAll('.md-tag')].map(t => t.textContent))"
    )
    assert tags and all("person" in item for item in tags), tags


def test_the_topic_filter_keeps_the_briefings_on_that_topic(desktop: tuple[Page, PageLog], sample_url: str) -> None:
    page, _ = desktop
    visit(page, sample_url + "/")
    search(page, "sanctions")
    _choose(page, "topic", "UN sanctions on North Korea")
    on_topic = {
        f"/briefings/{path.stem}/"
        for path in (SAMPLE_CONTENT / "articles").glob("*.yaml")
        if "north-korea-sanctions" in (yaml.safe_load(path.read_text(encoding="utf-8")).get("topics") or [])
    }
    found = _pages(search_results(page))
    assert BRIEFING in found and set(found) <= on_topic, found
    _choose(page, "topic", "")
    assert len(_pages(search_results(page))) > 1


# ---------------------------------------------------------------------------------------------
# Opening, the keyboard, phones, and what loads when


def _isopen_page(page: Page) -> bool:
    return (
        bool(page.evaluate("document.getElementById('__search').checked"))
        and page.locator(".md-search__output").is_visible()
    )


@pytest.mark.parametrize("key", ["/", "s"])
def test_the_keyboard_opens_moves_through_and_closes_search(
    desktop: tuple[Page, PageLog], sample_url: str, key: str
) -> None:
    page, log = desktop
    visit(page, sample_url + PAGE_KINDS["timeline"])
    assert not _isopen_page(page)
    page.keyboard.press(key)
    assert _isopen_page(page)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("Moscow", delay=20)
    results = search_results(page)
    assert page.locator("input.md-search__input").input_value() == "Moscow"  # the key opened, it was not typed
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert (
        urlsplit(focused).path + (f"#{urlsplit(focused).fragment}" if urlsplit(focused).fragment else "")
        == (results[1][0])
    )
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")
    assert not _isopen_page(page)
    page.keyboard.press(key)
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == results[0][0].split("#")[0]
    log.assert_clean("searching with the keyboard")


def test_search_loads_nothing_until_it_is_opened_and_nothing_from_elsewhere(
    desktop: tuple[Page, PageLog], sample_url: str
) -> None:
    page, log = desktop
    requests: list[str] = []

    def record(request: Request) -> None:
        requests.append(urlsplit(request.url).path)

    page.on("request", record)
    visit(page, sample_url + BRIEFING)
    page.wait_for_timeout(500)
    assert requests and not [path for path in requests if "/pagefind/" in path], requests
    search(page, "Pyongyang")
    fetched = [path for path in requests if "/pagefind/" in path]
    assert "/pagefind/pagefind.js" in fetched, fetched
    assert any(path.endswith(".pf_index") for path in fetched) and any(
        path.endswith(".pf_fragment") for path in fetched
    )
    log.assert_clean("a search")


def test_search_on_a_phone(tabs: Tabs, sample_url: str) -> None:
    with tabs.open(PHONE) as (page, log):
        visit(page, sample_url + PROFILE)
        assert not _isopen_page(page)
        page.locator("label.md-header__button[for=__search]").click()
        assert _isopen_page(page)
        page.keyboard.type("Pyongyang", delay=20)
        results = search_results(page)
        assert results[0][0] == PROFILE
        first = page.locator(".md-search-result__item").first.bounding_box()
        assert first is not None and first["x"] >= 0 and first["x"] + first["width"] <= PHONE["width"], first
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for select in page.locator(".md-search-filters select").all():
            box = select.bounding_box()
            assert box is not None and box["x"] + box["width"] <= PHONE["width"], box
        log.assert_clean("a search on a phone")


def test_search_works_when_the_site_is_not_at_the_root_of_its_host(tabs: Tabs, built_site: BuiltSite) -> None:
    # A project's GitHub Pages site lives under /<repository>/: results must link there.
    with tabs.open(DESKTOP) as (page, log), serve_site(built_site.root.parent) as url:
        prefix = f"/{built_site.root.name}"
        visit(page, url + prefix + BRIEFING)
        results = search(page, "Pyongyang")
        assert results[0][0] == prefix + PROFILE, _ranking(results)
        log.assert_clean("a search under a path")


# ---------------------------------------------------------------------------------------------
# Hostile content


@pytest.fixture(scope="module")
def hostile_url(hostile_site: BuiltSite) -> Iterator[str]:
    with serve_site(hostile_site.root) as url:
        yield url


@pytest.mark.parametrize("query", ["Mallory", "Trudonia", "img", "script", "onerror"])
def test_searching_hostile_content_shows_it_as_text(tabs: Tabs, hostile_url: str, query: str) -> None:
    # Titles, names, aliases, filters and excerpts come from content: they must stay text.
    with tabs.open(DESKTOP) as (page, log):
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        visit(page, hostile_url + "/")
        results = search(page, query)
        assert results, f"no results for {query!r}"
        page.hover(".md-search-result__item")
        for select in page.locator(".md-search-filters select").all():
            select.click()
            page.keyboard.press("Escape")
        found = page.locator(".md-search, .md-search-filters").locator(
            "img, script, iframe, object, embed, svg a, b, strong, a:not(.md-search-result__link)"
        )
        assert found.count() == 0, found.evaluate_all("elements => elements.map(e => e.outerHTML)")
        allowed = page.locator(".md-search-result__list *").evaluate_all(
            "elements => [...new Set(elements.map(e => e.tagName.toLowerCase()))]"
        )
        assert set(allowed) <= {"li", "a", "article", "div", "h1", "h2", "p", "mark", "nav", "span"}, allowed
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert dialogs == []
        log.assert_clean(f"a search for {query!r} in hostile content")


def test_a_hostile_alias_is_shown_as_written(tabs: Tabs, hostile_url: str) -> None:
    with tabs.open(DESKTOP) as (page, _):
        visit(page, hostile_url + "/")
        search(page, "onerror")
        text = page.locator(".md-search-result__list").inner_text()
        assert "<img src=x onerror=window.pwned=2>" in text, text


# In a full build Pagefind reads the pages a batch at a time, as MkDocs writes them (generator/search.py).


def _fragments(bundle: Path) -> dict[str, dict[str, object]]:
    """What Pagefind keeps of each page it indexed (text, title, filters, anchors), by URL."""
    fragments = {}
    for file in (bundle / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(file.read_bytes())[len(b"pagefind_dcd") :])
        fragments[fragment["url"]] = fragment
    return fragments


def test_pagefind_handed_the_pages_indexes_what_it_would_read_on_disk(built_site: BuiltSite, tmp_path: Path) -> None:
    site = shutil.copytree(built_site.root, tmp_path / "site")
    handed = _fragments(site / "pagefind")
    assert index_site(site) == "62 pages"  # 11 briefings, 26 profiles, 4 topics, 21 events
    read = _fragments(site / "pagefind")
    assert sorted(handed) == sorted(read)
    assert handed == read
    # 11 briefings, 26 profiles, 4 topics, 21 events; not the lists, the timeline or the home page
    assert len(handed) == 62
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 62


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("at once", "ERROR - search: Pagefind stopped before it replied"),
        ("after the first reply", "ERROR - search: Pagefind stopped before it replied"),
    ],
)
def test_a_pagefind_that_stops_fails_the_build_and_leaves_the_site(
    when: str, message: str, built_site: BuiltSite, tmp_path: Path
) -> None:
    site = shutil.copytree(built_site.root, tmp_path / "site")
    before = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    stand_in = tmp_path / "pagefind"
    replies = 0 if when == "at once" else 1
    stand_in.write_text(
        f"#!/bin/sh\nPYTHONPATH={shlex.quote(str(REPO_ROOT))} exec {shlex.quote(sys.executable)}"
        f" -m tests.programs.pagefind_stand_in {replies}\n"
    )
    stand_in.chmod(0o755)
    # Pagefind's Python API runs the binary PAGEFIND_BINARY_PATH names.
    result = run_python("-m", "generator", "build", "--site-dir", site, env={"PAGEFIND_BINARY_PATH": str(stand_in)})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert message in lines
    assert lines[-1] == f"error: the site was not built, and {site} is unchanged: Aborted with a BuildError!"
    assert {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()} == before


def test_the_bundles_of_stopped_indexings_go_once_one_finishes(built_site: BuiltSite, tmp_path: Path) -> None:
    """Under serve, a rebuild stops Pagefind without waiting for its half-written bundle to be
    deleted; the next indexing that finishes deletes it, and leaves its own in place."""
    site = shutil.copytree(built_site.root, tmp_path / "site")
    stopped = SearchIndex(site, serve_bundle(site, 1), background=True)
    stopped.add()
    stopped.stop()
    with pytest.raises(SearchIndexError, match="Pagefind stopped before it replied"):
        stopped.write(b"{}")
    stopped.close()
    (serve_bundle(site, 1) / "fragment").mkdir(parents=True, exist_ok=True)  # as far as it got
    assert serve_bundle(site, 1).is_dir()  # left for later: the rebuild did not wait

    finished = SearchIndex(site, serve_bundle(site, 2), background=True)
    finished.add()
    assert finished.write(b"{}") == "62 pages"  # 21 of them events
    finished.close()
    sweep_stopped(site, 2)
    assert sorted(p.name for p in site.glob(".pagefind*")) == []
    assert (site / "pagefind/pagefind-entry.json").is_file()


def test_the_index_is_read_only_once_pagefind_has_written_its_entry_whole(tmp_path: Path) -> None:
    """Pagefind says it wrote the index before its files are whole: the entry is read once it is."""
    from generator.search import _whole_entry

    entry = tmp_path / "pagefind-entry.json"
    entry.write_bytes(b"")  # created, not yet written
    late = threading.Timer(0.3, lambda: entry.write_text('{"languages": {"en": {"page_count": 3}}}'))
    late.start()
    assert _whole_entry(entry, 10.0) == {"languages": {"en": {"page_count": 3}}}
    late.join()
    entry.write_bytes(b'{"languages": ')  # never whole
    assert _whole_entry(entry, 0.2) is None


def test_pagefind_is_let_go_only_once_its_bundle_has_stopped_growing(tmp_path: Path) -> None:
    """Its writes finish after its reply, and stop where they are when it ends: wait until they are done."""
    from generator.search import _settled

    (tmp_path / "pagefind-entry.json").write_text('{"languages": {}}')
    script = tmp_path / "pagefind.js"

    def write_slowly() -> None:
        for _ in range(6):
            with script.open("a") as file:
                file.write("x" * 1000)
            time.sleep(0.15)

    writer = threading.Thread(target=write_slowly)
    writer.start()
    assert _settled(tmp_path, 10.0, quiet=0.3) == {"languages": {}}
    assert script.stat().st_size == 6000  # not returned while it still grew
    writer.join()
