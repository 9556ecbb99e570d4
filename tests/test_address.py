"""The site built for the address it is published at (BRIEFING_SITE_URL, read by mkdocs.yml's site_url).

As GitHub Pages publishes a project: under a path, https://owner.github.io/repo/, where a page that
is not there gets the site's 404 page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from playwright.sync_api import Response

from tests.conftest import (
    DESKTOP,
    REPO_ROOT,
    SAMPLE_CONTENT,
    BuiltSite,
    QuietHandler,
    Tabs,
    build_site,
    serve_site,
    visit,
)
from tests.helpers import content_files, page_count

ADDRESS = "https://example.org/repo/"
PATH = urlsplit(ADDRESS).path  # '/repo/'
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SCREENSHOTS = REPO_ROOT / "tests" / "screenshots"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample site built for ADDRESS, in a folder served as the host's root: the site is its 'repo/'."""
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("BRIEFING_SITE_URL", ADDRESS)
        return build_site(tmp_path_factory.mktemp("host") / "repo")


def _pages(site: Path) -> dict[str, Path]:
    """Every page of the site by its address: 'https://example.org/repo/actors/russia/' -> its index.html."""
    folders = {page: page.parent.relative_to(site).as_posix() for page in site.rglob("index.html")}
    return {ADDRESS if folder == "." else f"{ADDRESS}{folder}/": page for page, folder in folders.items()}


def test_the_sitemap_lists_every_page_under_the_address(published: BuiltSite) -> None:
    sitemap = ET.parse(published.root / "sitemap.xml").getroot()
    listed = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    pages = _pages(published.root)
    assert len(pages) == page_count(SAMPLE_CONTENT)
    assert sorted(listed) == sorted(pages)


def test_every_page_names_its_own_address_as_canonical(published: BuiltSite) -> None:
    for address, page in _pages(published.root).items():
        canonical = re.findall(r'<link rel="canonical" href="([^"]*)">', page.read_text(encoding="utf-8"))
        assert canonical == [address], page


def test_the_feeds_link_absolutely_under_the_address(published: BuiltSite) -> None:
    feeds = sorted((published.root / "feeds").rglob("*.xml"))
    # the site's, each topic's, each actor's
    assert len(feeds) == 1 + content_files(SAMPLE_CONTENT, "topics") + content_files(SAMPLE_CONTENT, "actors")
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        links = [link.href for link in parsed.feed.links if link.rel in ("self", "alternate")]
        links += [link.href for entry in parsed.entries for link in entry.links if link.rel == "alternate"]
        assert links and all(link.startswith(ADDRESS) for link in links), (path, links)


def test_the_404_page_takes_its_assets_and_links_from_under_the_path(published: BuiltSite) -> None:
    html = (published.root / "404.html").read_text(encoding="utf-8")
    local = [url for url in re.findall(r'(?:href|src)="([^"]*)"', html) if not urlsplit(url).scheme]
    assert len(local) > 10
    assert all(url.startswith(PATH) for url in local), [url for url in local if not url.startswith(PATH)]


class _PagesHost(QuietHandler):
    """Serves a folder as GitHub Pages does a project site: a path under /repo/ that is not there
    gets repo/404.html, with the status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory, "repo", "404.html")
        if code != 404 or not self.path.startswith(PATH):
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def host(published: BuiltSite) -> Iterator[str]:
    with serve_site(published.root.parent, _PagesHost) as url:
        yield url


@pytest.mark.browser
def test_the_404_page_is_styled_when_the_site_is_served_under_a_path(tabs: Tabs, host: str) -> None:
    with tabs.open(DESKTOP) as (page, log):
        failed: list[str] = []

        def record(response: Response) -> None:
            if response.status >= 400 and response.request.resource_type != "document":
                failed.append(f"{response.status} {response.url}")

        page.on("response", record)
        response = visit(page, f"{host}{PATH}briefings/no-such-briefing/")
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "404 - Not found"
        assert failed == [], "the 404 page's assets did not load"
        # The theme's stylesheet and its indigo palette are applied, and the site's own CSS too.
        header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert header == "rgb(64, 81, 181)"  # indigo, #4051b5
        assert page.locator(".md-tabs__link").first.get_attribute("href") == f"{PATH}."
        assert page.evaluate(
            "[...document.styleSheets].some(s => (s.href || '').endsWith('/repo/assets/briefing.css'))"
        )
        assert not log.page_errors and not log.foreign_requests
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "404-under-a-path.png"), full_page=True)
        page.click(".md-tabs__link >> text=Actors")
        page.wait_for_url(f"{host}{PATH}actors/")
