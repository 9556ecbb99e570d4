"""Exports: the content as data for other tools (feeds, calendars, JSON, CSV, FollowTheMoney).

Every export is a pure function of the linked corpus and the site's address; the
same content gives the same bytes (no clock: dates come from the content).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..content.link import Corpus
from ..pages.plan import PageSpec, page_path
from ..pages.render import Asset
from . import api, calendar, feeds, ftm, tables
from .common import License, normalize_site_url

__all__ = ["License", "export_files", "export_links", "export_parts", "linked_paths", "with_export_links"]

Link = tuple[str, str, str]
Part = Callable[[], tuple[Asset, ...]]


def export_files(corpus: Corpus, site_url: str | None = None, *, license: License | None = None) -> tuple[Asset, ...]:
    """List every data file the site publishes beside its pages, sorted by path.

    With ``site_url`` (MkDocs' ``site_url``), links inside the files are absolute;
    without it, they are relative to the file that holds them. ``license`` is what the
    files say the data may be reused under.
    """
    parts = export_parts(corpus, site_url, license)
    return tuple(sorted((asset for part in parts for asset in part()), key=lambda a: a.path))


def export_parts(corpus: Corpus, site_url: str | None = None, license: License | None = None) -> tuple[Part, ...]:
    """The data files in independent parts, the largest first: each makes some of the files."""
    base = normalize_site_url(site_url)
    return (
        lambda: ftm.export_ftm(corpus, base, license),
        lambda: api.export_api(corpus, base, license),
        lambda: tuple(feeds.export_feeds(corpus, base, license)),
        lambda: tuple(calendar.export_calendars(corpus, base)),
        lambda: tables.export_tables(corpus),
    )


_SITE_FEED = ("Atom feed of new briefings", feeds.feed_path(), feeds.MIME)
_SITE_CALENDAR = ("Calendar of events (iCalendar)", calendar.calendar_path(), calendar.MIME)
_LINKS: dict[str, tuple[Link, ...]] = {
    "home": (
        _SITE_FEED,
        _SITE_CALENDAR,
        ("Data: JSON API (OpenAPI description)", api.OPENAPI_PATH, "application/json"),
        ("Data: FollowTheMoney entities", ftm.ENTITIES_PATH, ftm.MIME),
        ("Data: the entities' license and count (FollowTheMoney dataset)", ftm.DATASET_PATH, "application/json"),
    ),
    "briefings": (_SITE_FEED, ("Briefings as JSON", api.data_path("briefings"), "application/json")),
    "actors": (("Actors as JSON", api.data_path("actors"), "application/json"),),
    "topics": (
        ("Topics as JSON", api.data_path("topics"), "application/json"),
        ("Statements as CSV", tables.STATEMENTS_PATH, tables.MIME),
    ),
    "timeline": (
        _SITE_CALENDAR,
        ("Events as JSON", api.data_path("events"), "application/json"),
        ("Timeline as CSV", tables.TIMELINE_PATH, tables.MIME),
    ),
}
# A page of a split list (a year of briefings, a period of the timeline) links what its list does.
_LINKS["briefings_year"] = _LINKS["briefings"]
_LINKS["timeline_period"] = _LINKS["timeline"]


def export_links(kind: str, id: str = "") -> tuple[Link, ...]:
    """Return (label, site path, MIME type) for each export a page of ``kind`` should link.

    Paths are relative to the site root, like ``Asset.path``. Feeds
    (``application/atom+xml``) are what a page's head links as ``rel="alternate"``.
    ``id`` names the actor or topic; other kinds ignore it. A page kind with no
    exports (a briefing) gives (); a kind that is no page kind raises KeyError.
    """
    page_path(kind, id)  # raises KeyError for a kind that is not a page kind
    if kind == "actor":
        return (
            ("Atom feed of briefings that involve this actor", feeds.feed_path(kind, id), feeds.MIME),
            ("Calendar of this actor's events (iCalendar)", calendar.calendar_path(kind, id), calendar.MIME),
        )
    if kind == "event":
        return (("This event as JSON", api.event_path(id), "application/json"),)
    if kind == "topic":
        return (
            ("Atom feed of briefings on this topic", feeds.feed_path(kind, id), feeds.MIME),
            ("Calendar of this topic's events (iCalendar)", calendar.calendar_path(kind, id), calendar.MIME),
        )
    return _LINKS.get(kind, ())


def linked_paths(corpus: Corpus) -> frozenset[str]:
    """The path of every data file that some page of the site links to (``export_links``)."""
    pages = [(kind, "") for kind in _LINKS]
    pages += [("actor", id) for id in corpus.actors] + [("topic", id) for id in corpus.topics]
    pages += [("event", event.key) for event in corpus.events]
    return frozenset(path for kind, id in pages for _, path, _ in export_links(kind, id))


def with_export_links(spec: PageSpec) -> PageSpec:
    """Give a page its export links: to show (``exports`` in its context) and, for feeds, in its head."""
    links = export_links(spec.kind, spec.id)
    feeds_here = [{"title": label, "path": path, "type": mime} for label, path, mime in links if mime == feeds.MIME]
    meta = {**spec.meta, "feeds": feeds_here} if feeds_here else spec.meta
    return dataclasses.replace(spec, context={**spec.context, "exports": links}, meta=meta)
