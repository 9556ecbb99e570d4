"""The timeline: every event by date, on one page or split by year (and by month in a busy year)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from ...content.counts import count
from ...content.link import Corpus, MergedEvent
from . import limits
from .common import (
    Facets,
    PageSpec,
    Period,
    cite_events,
    collection_page,
    facets_of,
    filter_options,
    period_links,
    period_page,
    period_pagers,
)
from .graphs import events_drawing


@dataclass(frozen=True)
class YearGroup:
    year: int
    events: tuple[MergedEvent, ...]


def group_by_year(events: Iterable[MergedEvent]) -> tuple[YearGroup, ...]:
    return tuple(YearGroup(year, tuple(group)) for year, group in groupby(events, key=lambda e: e.date.year))


@dataclass(frozen=True)
class TimelineLayout:
    """Which page shows each event: the timeline itself, or the page of its year or month."""

    years: tuple[Period, ...]  # empty when one page holds every event
    homes: Mapping[str, str] = field(repr=False)  # event key -> period id

    @property
    def pages(self) -> tuple[Period, ...]:
        """Every period's page in date order: a year split by month comes before its months."""
        return tuple(page for year in self.years for page in (year, *year.parts))

    def page_of(self, event: MergedEvent) -> tuple[str, str]:
        """The (kind, id) of the page that shows an event, for ``page_path`` and ``url``."""
        home = self.homes.get(event.key)
        return ("timeline_period", home) if home else ("timeline", "")


def layout_timeline(events: Sequence[MergedEvent]) -> TimelineLayout:
    """Split a long timeline by year, and a year with too many events by month."""
    if len(events) <= limits.TIMELINE_PAGE_EVENTS:
        return TimelineLayout((), {})
    years: list[Period] = []
    homes: dict[str, str] = {}
    for group in group_by_year(events):
        year = str(group.year)
        if len(group.events) <= limits.TIMELINE_PAGE_EVENTS:
            years.append(Period(year, year, len(group.events), group.events))
            homes.update((event.key, year) for event in group.events)
            continue
        # Events known only to the year sort before its months: they stay on the year's page.
        undated = tuple(event for event in group.events if event.date.month is None)
        homes.update((event.key, year) for event in undated)
        months = []
        for month, members in groupby((e for e in group.events if e.date.month is not None), key=_month):
            listed = tuple(members)
            period = Period(f"{year}/{month:02d}", f"{calendar.month_name[month]} {year}", len(listed), listed)
            months.append(period)
            homes.update((event.key, period.id) for event in listed)
        years.append(Period(year, year, len(group.events), undated, tuple(months)))
    return TimelineLayout(tuple(years), homes)


def _month(event: MergedEvent) -> int:
    return event.date.month or 0


def event_facets(corpus: Corpus) -> dict[str, Facets]:
    """Give each event its facets; an event belongs to every topic whose page lists it."""
    topics: dict[str, list[str]] = {event.key: [] for event in corpus.events}
    for topic_id in sorted(corpus.by_topic):
        for event in corpus.by_topic[topic_id].events:
            topics[event.key].append(topic_id)
    return {
        event.key: Facets(event.actors, tuple(topics[event.key]), "approximate" if _is_approximate(event) else "exact")
        for event in corpus.events
    }


def _is_approximate(event: MergedEvent) -> bool:
    if event.is_conflicting:
        return any(report.date.is_approximate for report in event.reports)
    return event.date.is_approximate


def plan_timeline(corpus: Corpus, layout: TimelineLayout) -> list[PageSpec]:
    """The timeline: one page, or the latest events and a page per year (and month, in a busy year)."""
    facets = event_facets(corpus)
    events = corpus.events
    context: dict[str, Any] = {
        "period": None,
        "pager": None,
        "periods": period_links(layout.years),
        "event_count": len(events),
        "facets": facets,
        "latest": (),
    }
    if not layout.years:
        first: dict[str, Any] = {
            "years": group_by_year(events),
            "references": cite_events(events),
            "drawing": events_drawing("Timeline", events),
        }
    else:
        latest = events[-limits.TIMELINE_LATEST :]
        first = {
            "years": (),
            "latest": latest,
            "references": cite_events(latest),
            "facets": facets_of(facets, (e.key for e in latest)),
            "drawing": events_drawing("Latest events", latest),
        }
    description = f"{count(len(events), 'event')} from every briefing, by date."
    filters = filter_options(corpus, facets.values())
    pages = [collection_page("timeline", "Timeline", {**context, **first}, description, filters)]
    pagers = period_pagers(layout.pages)
    for period in layout.pages:
        every = [event for part in (period, *period.parts) for event in part.items]
        listed = {
            **context,
            "periods": period_links(period.parts),
            "event_count": period.count,
            "years": group_by_year(period.items),
            "references": cite_events(period.items),
            "facets": facets_of(facets, (e.key for e in period.items)),
            "drawing": events_drawing(f"Timeline, {period.label}", period.items),
        }
        description = f"The {count(period.count, 'event')} of {period.label}, from every briefing, by date."
        filters = filter_options(corpus, (facets[e.key] for e in every))
        title = f"Timeline, {period.label}"
        pages.append(period_page("timeline_period", period, pagers[period.id], title, description, listed, filters))
    return pages
