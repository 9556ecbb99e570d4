"""The built site in a real browser: search ranking, clean page loads, no remote requests, phones.

Drives Debian's Chromium (/usr/bin/chromium; `make chromium` installs it) with Playwright,
against the sample site served by http.server on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.conftest import (
    DESKTOP,
    DOCUMENT_LINKS,
    PHONE,
    REPO_ROOT,
    SAMPLE_CONTENT,
    BuiltSite,
    PageLog,
    Tabs,
    search_results,
    serve_site,
    visit,
)

pytestmark = pytest.mark.browser

SCREENSHOTS = REPO_ROOT / "tests" / "screenshots"


def _first_id(kind: str) -> str:
    ids = sorted(p.stem for p in (SAMPLE_CONTENT / kind).glob("*.yaml") if not p.name.startswith(("_", ".")))
    assert ids, f"no {kind} in {SAMPLE_CONTENT}"
    return ids[0]


PAGE_KINDS = {
    "home": "/",
    # The seed briefing (Reuters, 15 April 2024), whose headline, quote and source the search and
    # reader tests look for; it has more of the page's parts than any other.
    "briefing": "/briefings/2024-04-15-us-allies-north-korea-sanctions/",
    "profile": "/actors/north-korea/",
    "topic": f"/topics/{_first_id('topics')}/",
    "timeline": "/timeline/",
    "actors-index": "/actors/",
}


@pytest.fixture(scope="module")
def base_url(built_site: BuiltSite) -> Iterator[str]:
    """Serve the built sample site on 127.0.0.1 and a free port."""
    with serve_site(built_site.root) as url:
        yield url


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Pyongyang", "/actors/north-korea/"), ("Thomas-Greenfield", "/actors/linda-thomas-greenfield/")],
)
def test_search_puts_the_profile_first(desktop: tuple[Page, PageLog], base_url: str, query: str, expected: str) -> None:
    page, log = desktop
    visit(page, base_url + "/")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query, delay=20)
    results = search_results(page, DOCUMENT_LINKS)
    ranking = "\n".join(
        f"  {i + 1}. {path}  {' '.join(title.split())[:80]}" for i, (path, title) in enumerate(results[:6])
    )
    assert results[0][0] == expected, f"searching {query!r} ranks first {results[0][0]}, not {expected}:\n{ranking}"
    assert not log.page_errors and not log.console_errors, f"{log.page_errors} {log.console_errors}"


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_loads_cleanly_and_stays_local(desktop: tuple[Page, PageLog], base_url: str, kind: str) -> None:
    page, log = desktop
    response = visit(page, base_url + PAGE_KINDS[kind])
    assert response is not None and response.status == 200, f"{PAGE_KINDS[kind]}: HTTP {response and response.status}"
    assert not log.console_errors, f"console errors on {PAGE_KINDS[kind]}: {log.console_errors}"
    assert not log.page_errors, f"uncaught errors on {PAGE_KINDS[kind]}: {log.page_errors}"
    assert not log.foreign_requests, f"{PAGE_KINDS[kind]} requested other hosts: {log.foreign_requests}"


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_sideways_scroll_on_a_phone(phone: tuple[Page, PageLog], base_url: str, kind: str) -> None:
    page, _ = phone
    visit(page, base_url + PAGE_KINDS[kind])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{PAGE_KINDS[kind]} is {width} px wide at {PHONE['width']} px: it scrolls sideways"


@pytest.mark.screenshots
def test_screenshots(tabs: Tabs, base_url: str) -> None:
    """Full-page screenshots for people to look at (tests/screenshots/, not committed): `make screenshots`."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = [
        ("briefing-1280.png", PAGE_KINDS["briefing"], DESKTOP),
        ("north-korea-1280.png", PAGE_KINDS["profile"], DESKTOP),
        ("timeline-1280.png", PAGE_KINDS["timeline"], DESKTOP),
        ("briefing-390.png", PAGE_KINDS["briefing"], PHONE),
    ]
    for name, path, viewport in shots:
        with tabs.open(viewport) as (page, _):
            visit(page, base_url + path)
            target = SCREENSHOTS / name
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000, f"{target} is suspiciously small"
