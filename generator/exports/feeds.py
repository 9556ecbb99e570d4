"""Atom feeds of briefings (RFC 4287): the whole site, each topic and each actor, newest first.

A feed holds the newest FEED_ENTRIES briefings, as feeds do: a reader polls it for what is new,
and the site's pages and data files hold the rest. A feed states the content's license in its
``rights``, and links it (``rel="license"``, RFC 4946).
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.link import Corpus
from ..content.model import Article
from ..pages.plan import page_address
from ..pages.render import Asset
from ..pages.text import plain_blocks
from .common import License, href, site_date, stable_id, timestamp

ATOM = "http://www.w3.org/2005/Atom"
MIME = "application/atom+xml"
FEED_ENTRIES = 50


@dataclass(frozen=True)
class Feed:
    """One feed: where it lives, what it is called, the page it follows and its briefings."""

    path: str
    title: str
    subtitle: str | None
    page: str
    articles: tuple[Article, ...]


def feed_path(kind: str = "site", id: str = "") -> str:
    """Return a feed's site path: ('site',) -> 'feeds/briefings.xml', ('topic', 'x') -> 'feeds/topics/x.xml'."""
    return "feeds/briefings.xml" if kind == "site" else f"feeds/{kind}s/{id}.xml"


def plan_feeds(corpus: Corpus) -> tuple[Feed, ...]:
    """List the site's feed, then one per topic and one per actor, in id order."""
    feeds = [Feed(feed_path(), "Briefings", None, page_address("home"), corpus.articles)]
    feeds += [
        Feed(
            feed_path("topic", topic.id),
            f"Briefings on {topic.name}",
            plain_blocks(topic.summary) if topic.summary else None,
            page_address("topic", topic.id),
            corpus.by_topic[topic.id].articles,
        )
        for topic in corpus.topics.values()
    ]
    feeds += [
        Feed(
            feed_path("actor", actor.id),
            f"Briefings that involve {actor.name}",
            None,
            page_address("actor", actor.id),
            corpus.by_actor[actor.id].articles,
        )
        for actor in corpus.actors.values()
    ]
    return tuple(feeds)


def export_feeds(corpus: Corpus, site_url: str | None, license: License | None = None) -> Iterator[Asset]:
    """Write every feed as Atom XML, one after the other."""
    entries: dict[tuple[str, str], str] = {}  # a briefing stands in many feeds: write its entry once per folder
    return (Asset(feed.path, write_feed(feed, corpus, site_url, entries, license)) for feed in plan_feeds(corpus))


def write_feed(
    feed: Feed,
    corpus: Corpus,
    site_url: str | None,
    entries: dict[tuple[str, str], str] | None = None,
    license: License | None = None,
) -> bytes:
    """Write one feed; it is as new as its newest briefing (an empty one takes the site's date).

    ``entries`` keeps each entry's XML by briefing and folder (its links are relative to the
    feed's folder), for the next feed that lists the same briefing.
    """
    entries = {} if entries is None else entries
    updated = feed.articles[0].source.published.first_day() if feed.articles else site_date(corpus)
    root = ET.Element("feed", {"xmlns": ATOM})
    _text(root, "id", f"urn:uuid:{stable_id('feed', feed.path)}")
    _text(root, "title", feed.title)
    if feed.subtitle:
        _text(root, "subtitle", feed.subtitle)
    if license is not None:
        _text(root, "rights", license.notice())
    _text(root, "updated", timestamp(updated))
    ET.SubElement(root, "link", {"rel": "self", "type": MIME, "href": href(site_url, feed.path, feed.path)})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": href(site_url, feed.path, feed.page)})
    if license is not None:
        ET.SubElement(root, "link", {"rel": "license", "href": license.url})
    ET.indent(root)
    head = ET.tostring(root, encoding="unicode").removesuffix("</feed>")
    folder = posixpath.dirname(feed.path)
    parts = [_XML_DECLARATION, head]
    for article in feed.articles[:FEED_ENTRIES]:
        key = (article.id, folder)
        if key not in entries:
            entries[key] = _entry(article, corpus, feed.path, site_url)
        parts.append(entries[key])
    parts.append("</feed>\n")
    return "".join(parts).encode()


_XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _entry(article: Article, corpus: Corpus, here: str, site_url: str | None) -> str:
    """One briefing's entry, indented as the second level of its feed."""
    entry = ET.Element("entry")
    published = timestamp(article.source.published.first_day())
    _text(entry, "id", f"urn:uuid:{stable_id('article', article.id)}")
    _text(entry, "title", article.title)
    page = page_address("briefing", article.id)
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": href(site_url, here, page)})
    if article.source.url:
        ET.SubElement(entry, "link", {"rel": "via", "href": article.source.url})
    _text(entry, "published", published)
    _text(entry, "updated", published)
    author = ET.SubElement(entry, "author")
    _text(author, "name", article.source.publisher)
    for topic in article.topics:
        ET.SubElement(entry, "category", {"term": topic, "label": corpus.topics[topic].name})
    _text(entry, "summary", plain_blocks(article.summary))
    ET.indent(entry, level=1)
    return "  " + ET.tostring(entry, encoding="unicode") + "\n"
