"""End-to-end tests of the built site: URLs, links, offline assets, navigation, atomic builds."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from lxml import etree
from mkdocs.utils.yaml import yaml_load

from generator.pages.sanitize import sanitize_html
from tests.conftest import CORPUS, REPO_ROOT, SAMPLE_CONTENT, BuiltSite, run_generator

# ---------------------------------------------------------------------------------------------
# A very small DOM, built with lxml's parser: enough to find elements and their links.


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and all(e.attrs.get(k) == v for k, v in attrs.items())
        ]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def all_text(self) -> str:
        return "".join(t for e in self.iter() for t in e.text)


class _TreeBuilder:
    """Builds the small DOM from lxml's HTML parser (libxml2, in C), told each tag as it is read."""

    def __init__(self) -> None:
        self.root = Element("#document", {})
        self.current = self.root

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        self.current = element

    def end(self, tag: str) -> None:
        if self.current.parent is not None:
            self.current = self.current.parent

    def data(self, data: str) -> None:
        self.current.text.append(data)

    def comment(self, text: str) -> None:
        pass

    def close(self) -> Element:
        return self.root


@cache
def parse(path: Path) -> Element:
    root: Element = etree.parse(str(path), etree.HTMLParser(target=_TreeBuilder(), encoding="utf-8"))
    return root


def html_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert pages, f"no HTML pages in {site}"
    return pages


def page_url(site: Path, page: Path) -> str:
    """The URL path a page is served at: actors/russia/index.html -> /actors/russia/."""
    relative = page.relative_to(site).as_posix()
    return "/" + (relative.removesuffix("index.html"))


def is_external(ref: str) -> bool:
    """Tell whether a reference points to another host (http(s)://... or //...)."""
    return bool(re.match(r"^\s*(?:https?:)?//", ref, re.IGNORECASE))


@dataclass(frozen=True)
class Target:
    file: Path | None  # None: the reference leaves the site's root
    path: str  # the URL path it resolves to, such as /actors/russia/
    fragment: str


def resolve(site: Path, page: Path, ref: str) -> Target:
    """Resolve a relative or root-relative reference on ``page`` to a file in ``site``."""
    parts = urlsplit(ref)
    here = page_url(site, page)
    if not parts.path:
        path = here
    elif parts.path.startswith("/"):
        path = parts.path
    else:
        path = posixpath.join(posixpath.dirname(here), parts.path)
    trailing = path.endswith("/") or parts.path in (".", "..") or parts.path.endswith(("/.", "/.."))
    # Normalize relative to the root, so that a reference climbing above it shows as '..'.
    normal = posixpath.normpath(unquote(path).lstrip("/"))
    if normal == ".." or normal.startswith("../"):
        return Target(None, ref, parts.fragment)
    normal = "/" if normal == "." else "/" + normal + ("/" if trailing else "")
    file = site / normal.lstrip("/")
    if normal.endswith("/") or file.is_dir():
        file = file / "index.html"
    return Target(file, normal, unquote(parts.fragment))


@cache
def ids_in(page: Path) -> frozenset[str]:
    return frozenset(e.attrs["id"] for e in parse(page).iter() if "id" in e.attrs)


def content_ids(content: Path, kind: str) -> list[str]:
    ids = sorted(p.stem for p in (content / kind).glob("*.yaml") if not p.name.startswith(("_", ".")))
    assert ids, f"no {kind} in {content}"
    return ids


# ---------------------------------------------------------------------------------------------
# The sample site


def test_every_url_of_the_format_exists(built_site: BuiltSite) -> None:
    urls = ["/", "/briefings/", "/actors/", "/topics/", "/timeline/"]
    urls += [f"/briefings/{id}/" for id in content_ids(SAMPLE_CONTENT, "articles")]
    urls += [f"/actors/{id}/" for id in content_ids(SAMPLE_CONTENT, "actors")]
    urls += [f"/topics/{id}/" for id in content_ids(SAMPLE_CONTENT, "topics")]
    missing = [url for url in urls if not (built_site.root / url.lstrip("/") / "index.html").is_file()]
    assert not missing, f"pages missing from the built site: {missing}"


def test_every_internal_link_and_anchor_resolves(built_site: BuiltSite) -> None:
    checked, broken = broken_links(built_site.root)
    assert checked > 100, f"only {checked} internal links found: is the link collection broken?"
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)


def test_the_link_check_names_each_link_that_breaks(tmp_path: Path) -> None:
    """The check every built site goes through: a missing page, a missing anchor and a link out of
    the site are each named with the page and the element; a link that resolves is not."""
    (tmp_path / "actors" / "russia").mkdir(parents=True)
    (tmp_path / "actors" / "russia" / "index.html").write_text('<h2 id="quotes">Quotes</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<p><a href="actors/russia/#quotes">ok</a> <a href="actors/china/">no page</a>'
        '<br><a href="actors/russia/#events">no anchor</a><img src="../../logo.png" alt=""></p>',
        encoding="utf-8",
    )
    checked, broken = broken_links(tmp_path)
    assert checked == 4
    assert broken == [
        "index.html: <a href='actors/china/'>: no such file actors/china/index.html",
        "index.html: <a href='actors/russia/#events'>: no id 'events' in actors/russia/index.html",
        "index.html: <img src='../../logo.png'>: leaves the site's root (../../logo.png)",
    ]


def broken_links(site: Path) -> tuple[int, list[str]]:
    """Check every internal link and anchor of a built site: how many were checked, and those that break."""
    pages = set(html_pages(site))
    broken: list[str] = []
    checked = 0
    for page in sorted(pages):
        name = page.relative_to(site)
        for element in parse(page).iter():
            for attribute in ("href", "src"):
                ref = element.attrs.get(attribute, "").strip()
                if not ref or is_external(ref):
                    continue
                scheme = urlsplit(ref).scheme.lower()
                if scheme in ("mailto", "tel"):
                    continue
                where = f"{name}: <{element.tag} {attribute}={ref!r}>"
                if scheme:
                    broken.append(f"{where}: unexpected URL scheme '{scheme}:'")
                    continue
                target = resolve(site, page, ref)
                checked += 1
                if target.file is None:
                    broken.append(f"{where}: leaves the site's root ({target.path})")
                elif not target.file.is_file():
                    broken.append(f"{where}: no such file {target.file.relative_to(site)}")
                elif (
                    target.fragment
                    and not target.fragment.startswith("__")
                    and target.file in pages
                    and target.fragment not in ids_in(target.file)
                ):
                    broken.append(f"{where}: no id '{target.fragment}' in {target.file.relative_to(site)}")
    return checked, broken


# Link relations that make the browser fetch something; canonical, next, prev... do not.
_NON_LOADING_RELS = {"canonical", "next", "prev", "alternate", "author", "license", "help", "search", "me"}
_CSS_REMOTE = re.compile(
    r"@import\s+(?:url\(\s*)?['\"]?\s*(?:https?:)?//|url\(\s*['\"]?\s*(?:https?:)?//", re.IGNORECASE
)


def test_no_page_loads_anything_from_another_host(built_site: BuiltSite) -> None:
    site = built_site.root
    remote: list[str] = []
    for page in html_pages(site):
        for element in parse(page).iter():
            loads: list[tuple[str, str]] = []
            for attribute in ("src", "data", "poster"):
                if attribute in element.attrs and element.tag != "a":
                    loads.append((attribute, element.attrs[attribute]))
            for attribute in ("srcset", "imagesrcset"):
                for candidate in element.attrs.get(attribute, "").split(","):
                    if candidate.strip():
                        loads.append((attribute, candidate.split()[0]))
            if element.tag == "link":
                rels = set(element.attrs.get("rel", "").lower().split())
                if rels - _NON_LOADING_RELS or not rels:
                    loads.append(("href", element.attrs.get("href", "")))
            if element.tag in ("use", "image"):
                loads += [(k, v) for k, v in element.attrs.items() if k in ("href", "xlink:href")]
            for attribute, value in loads:
                if is_external(value):
                    remote.append(f"{page.relative_to(site)}: <{element.tag} {attribute}={value!r}>")
            styles = element.attrs.get("style", "") + ("".join(element.text) if element.tag == "style" else "")
            if _CSS_REMOTE.search(styles):
                remote.append(f"{page.relative_to(site)}: <{element.tag}> style loads from another host")
    stylesheets = sorted(site.rglob("*.css"))
    assert stylesheets, "no stylesheets in the site"
    for stylesheet in stylesheets:
        for match in _CSS_REMOTE.finditer(stylesheet.read_text(encoding="utf-8", errors="replace")):
            remote.append(f"{stylesheet.relative_to(site)}: {match.group()!r}")
    assert not remote, "the site loads from other hosts:\n" + "\n".join(remote)


def test_no_google_fonts_anywhere(built_site: BuiltSite) -> None:
    mentions = [
        f"{path.relative_to(built_site.root)}: {needle.decode()}"
        for path in sorted(built_site.root.rglob("*"))
        if path.is_file()
        for needle in (b"fonts.googleapis", b"fonts.gstatic")
        if needle in path.read_bytes()
    ]
    assert not mentions, f"Google Fonts are referenced: {mentions}"


def test_nav_lists_sections_and_indexes_only(built_site: BuiltSite) -> None:
    site = built_site.root
    home = site / "index.html"
    navs = [e for e in parse(home).find_all("nav") if {"md-nav", "md-nav--primary"} <= e.classes]
    assert len(navs) == 1, f"expected one <nav class='md-nav md-nav--primary'> on the home page, found {len(navs)}"
    targets = {
        resolve(site, home, a.attrs["href"]).path
        for a in navs[0].find_all("a")
        if "href" in a.attrs and not is_external(a.attrs["href"])
    }
    for section in ("/briefings/", "/actors/", "/topics/", "/timeline/"):
        assert section in targets, f"the nav has no link to {section}: {sorted(targets)}"
    per_item = sorted(t for t in targets if re.fullmatch(r"/(briefings|actors|topics)/[^/]+/", t))
    assert not per_item, f"the nav links to individual pages, not only sections: {per_item}"


# ---------------------------------------------------------------------------------------------
# The test corpus, written from the format alone


def test_corpus_merges_an_event_reported_by_two_articles(built_corpus: BuiltSite) -> None:
    site = built_corpus.root
    timeline = site / "timeline" / "index.html"
    marked = parse(timeline).find_all(id="event-tarvan-reservoir-filling")
    assert len(marked) == 1, f"expected one element with id 'event-tarvan-reservoir-filling', found {len(marked)}"
    item = next((a for a in marked[0].ancestors() if a.tag == "li"), None)
    assert item is not None, "the event's anchor is not inside a list item"
    # Each citation [n] points at the page's References list, whose entry links the briefing.
    refs = [a.attrs["href"][1:] for a in item.find_all("a") if a.attrs.get("href", "").startswith("#ref-")]
    cited = {
        resolve(site, timeline, a.attrs["href"]).path
        for ref in refs
        for a in parse(timeline).find_all(id=ref)[0].find_all("a")
        if "href" in a.attrs
    }
    for article in ("harbor-ledger-tarvan-filling", "kestrel-wire-lutsa-protest"):
        assert f"/briefings/{article}/" in cited, f"the merged event does not cite {article}: {sorted(cited)}"
    text = " ".join(item.all_text().split())
    # The earliest-published article's title leads; the most precise date wins.
    assert "Norvessa starts filling the Tarvan reservoir" in text, text
    assert "14 March 2025" in text, text
    assert "Tarvan Dam Authority closes the spillway gates" not in text, text


def test_content_error_leaves_the_site_untouched(built_corpus: BuiltSite, tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    shutil.copytree(built_corpus.root, site)  # the site a good build of CORPUS left

    def snapshot() -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    before = snapshot()
    assert "index.html" in before

    broken = tmp_path / "broken"
    shutil.copytree(CORPUS, broken)
    article = broken / "articles" / "kestrel-wire-lutsa-protest.yaml"
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.rstrip() == "  - id: teodor-vasc")
    lines[number] = lines[number].replace("teodor-vasc", "teodor-vask")
    article.write_text("".join(lines), encoding="utf-8")
    column = lines[number].index("teodor-vask") + 1

    result = run_generator("build", "--strict", "--content", broken, "--site-dir", site)
    expected = (
        f"{article}:{number + 1}:{column}: error: unknown actor 'teodor-vask': did you mean 'teodor-vasc' (Teodor Vasc)? "
        f"If not, create it with: .venv/bin/python -m generator new actor teodor-vask --content {broken}"
    )
    assert result.returncode == 1, f"exit {result.returncode}\n{result.stdout}{result.stderr}"
    assert expected in result.stderr.splitlines(), f"expected the line\n{expected}\nin stderr:\n{result.stderr}"
    after = snapshot()
    assert after.keys() == before.keys(), f"files changed: {sorted(after.keys() ^ before.keys())}"
    changed = sorted(name for name in before if before[name] != after[name])
    assert not changed, f"files rewritten by a failed build: {changed}"
    leftovers = sorted(p.name for p in site.parent.iterdir() if p != site)
    assert not leftovers, f"a failed build left folders beside the site: {leftovers}"


def _events_per_item(site: BuiltSite) -> list[str]:
    """Check each briefing's Events list: one item per event, each with one link to the timeline."""
    problems = []
    for article_id in content_ids(site.content, "articles"):
        source = yaml.safe_load((site.content / "articles" / f"{article_id}.yaml").read_text(encoding="utf-8"))
        expected = len(source.get("events") or [])
        page = site.root / "briefings" / article_id / "index.html"
        heading = parse(page).find_all("h2", id="events")
        if not expected:
            continue
        if len(heading) != 1 or heading[0].parent is None:
            problems.append(f"{article_id}: no 'Events' heading (h2 id='events')")
            continue
        siblings = heading[0].parent.children
        following = siblings[siblings.index(heading[0]) + 1 :]
        if following and "page-section" in following[0].classes:  # the part under the heading (sections.py)
            following = following[0].children
        lists = [e for e in following if e.tag in ("ul", "ol", "h2")]
        if not lists or lists[0].tag == "h2":
            problems.append(f"{article_id}: no list after the 'Events' heading")
            continue
        items = [e for e in lists[0].children if e.tag == "li"]
        if len(items) != expected:
            problems.append(f"{article_id}: {expected} events in the article, {len(items)} items in its Events list")
        for number, item in enumerate(items, 1):
            to_timeline = [
                a
                for a in item.find_all("a")
                if "href" in a.attrs and resolve(site.root, page, a.attrs["href"]).path == "/timeline/"
            ]
            if len(to_timeline) != 1:
                problems.append(f"{article_id}: event item {number} has {len(to_timeline)} links to the timeline")
    return problems


def test_each_event_of_a_briefing_is_its_own_list_item(built_site: BuiltSite, built_corpus: BuiltSite) -> None:
    # An event with details must not swallow the next event into its paragraph.
    problems = _events_per_item(built_site) + _events_per_item(built_corpus)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind", ["articles", "actors", "topics"])
def test_corpus_urls_exist(built_corpus: BuiltSite, kind: str) -> None:
    section = "briefings" if kind == "articles" else kind
    missing = [
        id for id in content_ids(CORPUS, kind) if not (built_corpus.root / section / id / "index.html").is_file()
    ]
    assert not missing, f"{section} pages missing from the corpus site: {missing}"


# ---------------------------------------------------------------------------------------------
# The same pages, whichever way they reach MkDocs


def _article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner md-typeset">')
    return " ".join(sanitize_html(html[start : html.index("</article>", start)]).split())


def test_pre_rendered_pages_build_to_the_html_the_plugin_builds(built_corpus: BuiltSite, tmp_path: Path) -> None:
    """`render --out` then MkDocs alone gives each page the article `generator build` gives it.

    The pre-rendered build is the benchmark's reference for MkDocs' own time (make bench):
    it must be building the same pages. Both articles are compared through the sanitizer,
    which the plugin runs and MkDocs alone does not.
    """
    pages = tmp_path / "pages"
    rendered = run_generator("render", "--content", CORPUS, "--out", pages)
    assert rendered.returncode == 0, rendered.stderr
    with (REPO_ROOT / "mkdocs.yml").open("rb") as source:
        config = yaml_load(source)  # MkDocs' loader: it reads the !ENV tags
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "briefing" in p)]
    config["docs_dir"] = str(pages)
    config["edit_uri"] = ""  # the plugin's edit links open YAML files, and none without a repo_url
    config["theme"]["custom_dir"] = str(REPO_ROOT / config["theme"]["custom_dir"])
    # What the plugin does to raw HTML links, and to each page's parts (boxed for the browser).
    config["hooks"] = [str(REPO_ROOT / "generator/pages/links.py"), str(REPO_ROOT / "generator/pages/sections.py")]
    shutil.copytree(REPO_ROOT / "site_templates/static", pages, dirs_exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    alone = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", tmp_path / "mkdocs.yml", "-d", tmp_path / "site"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert alone.returncode == 0, alone.stderr

    generated = sorted(p.relative_to(pages).with_suffix("").as_posix() for p in pages.rglob("*.md"))
    assert len(generated) == 25  # 19, and a page for each of the 6 events
    for stem in generated:
        html = stem.removesuffix("index").rstrip("/") + "/index.html" if stem != "index" else "index.html"
        html = html.lstrip("/")
        assert _article(tmp_path / "site" / html) == _article(built_corpus.root / html), html
