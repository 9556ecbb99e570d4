"""iCalendar files of events (RFC 5545): the whole timeline, each topic and each actor.

Every event is an all-day entry: a day, a month-long or a year-long span, as precise
as the sources date it. An approximate date says "approx." in the summary and the
description; the description lists every source with its own date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator

from ..content.dates import PartialDate
from ..content.link import Corpus, MergedEvent, Report
from ..pages.plan import page_address
from ..pages.render import Asset
from ..pages.text import plain_blocks
from .common import last_day, site_date, stable_id

MIME = "text/calendar"
PRODUCT = "-//briefing-generator//Briefing calendar 1//EN"
_LINE_OCTETS = 75


LONGEST_ENTRY = 31  # days: a longer entry is written as its first day alone (entry_days)


def calendar_path(kind: str = "site", id: str = "") -> str:
    """Return a calendar's site path: ('site',) -> 'calendar/events.ics', ('actor', 'x') -> 'calendar/actors/x.ics'."""
    return "calendar/events.ics" if kind == "site" else f"calendar/{kind}s/{id}.ics"


def export_calendars(corpus: Corpus, site_url: str | None) -> Iterator[Asset]:
    """Write the site's calendar, then one per topic and one per actor, in id order, one after the other."""
    stamp = site_date(corpus)
    calendars = [(calendar_path(), "Events", corpus.events)]
    calendars += [
        (calendar_path("topic", topic.id), f"Events: {topic.name}", corpus.by_topic[topic.id].events)
        for topic in corpus.topics.values()
    ]
    calendars += [
        (calendar_path("actor", actor.id), f"Events: {actor.name}", corpus.by_actor[actor.id].events)
        for actor in corpus.actors.values()
    ]
    written: dict[str, str] = {}  # an event stands in many calendars: write each once
    return (Asset(path, write_calendar(name, events, stamp, site_url, written)) for path, name, events in calendars)


def write_calendar(
    name: str,
    events: Iterable[MergedEvent],
    stamp: dt.date,
    site_url: str | None,
    written: dict[str, str] | None = None,
) -> bytes:
    """Write one calendar; ``stamp`` is the DTSTAMP of every event (a date from the content, not the clock)."""
    written = {} if written is None else written
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{escape_text(name)}",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    head = "".join(fold(line) + "\r\n" for line in lines)
    body = []
    for event in events:
        if event.key not in written:
            written[event.key] = "".join(fold(line) + "\r\n" for line in _event(event, stamp, site_url))
        body.append(written[event.key])
    return (head + "".join(body) + "END:VCALENDAR\r\n").encode("utf-8")


def escape_text(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newline.

    Replaced one after the other, backslashes first: str.translate with a table of strings
    goes a character at a time, twenty times slower on a description.
    """
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n").replace("\r", "")


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    if line.isascii():
        if len(line) <= _LINE_OCTETS:
            return line
        # A continuation line starts with one space, which counts toward its 75 octets.
        rest = range(_LINE_OCTETS, len(line), _LINE_OCTETS - 1)
        return "\r\n ".join([line[:_LINE_OCTETS], *(line[i : i + _LINE_OCTETS - 1] for i in rest)])
    data = line.encode("utf-8")
    parts: list[str] = []
    start, limit = 0, _LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a byte inside a character: cut before the character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, _LINE_OCTETS - 1
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def span(event: MergedEvent) -> tuple[dt.date, dt.date]:
    """Return the first day and the day after the last day an event may mean.

    Where the sources disagree on the date, the entry covers every date they give.
    """
    dates = [report.date for report in event.reports] if event.is_conflicting else [event.date]
    first = min(date.first_day() for date in dates)
    last = max(last_day(date) for date in dates)
    return first, last + dt.timedelta(days=1)


def entry_days(event: MergedEvent) -> tuple[dt.date, dt.date]:
    """The days a calendar entry takes: the event's span, or, where that is longer than a month (a date
    known to the year, reports that disagree by months), its first day alone, as a calendar shows a
    day rather than a banner across a year; the summary says the date as known."""
    first, after = span(event)
    return (first, first + dt.timedelta(days=1)) if _is_long(first, after) else (first, after)


def _is_long(first: dt.date, after: dt.date) -> bool:
    return (after - first).days > LONGEST_ENTRY


def summary(event: MergedEvent) -> str:
    if _is_long(*span(event)):
        return f"{event.title} ({'dates disagree' if event.is_conflicting else _human(event.date)})"
    return f"{event.title} (approx.)" if event.date.is_approximate else event.title


def description(event: MergedEvent) -> str:
    """Say when, what, and who reported it: every source with its publisher, date, headline and URL."""
    if event.is_conflicting:
        when = "Date: the sources disagree; each one's date is given below."
    else:
        when = f"Date: {_human(event.date)}"
    details = tuple(dict.fromkeys(plain_blocks(r.details) for r in event.reports if r.details))
    sources = tuple(_source(report) for report in event.reports)
    return "\n\n".join((when, *details, "Sources:\n" + "\n".join(sources)))


def _human(date: PartialDate) -> str:
    exact = dataclasses.replace(date, is_approximate=False).human()
    return f"approx. {exact}" if date.is_approximate else exact


def _source(report: Report) -> str:
    source = report.article.source
    line = f"- {source.publisher}, {source.published.human()}: “{report.article.title}”"
    if source.url:
        line += f" {source.url}"
    dated = _human(report.date) + (f", as “{report.as_written}”" if report.as_written else "")
    return f"{line} (dated {dated})"


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _event(event: MergedEvent, stamp: dt.date, site_url: str | None) -> list[str]:
    start, end = entry_days(event)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{stable_id('event', event.key)}",
        f"DTSTAMP:{_date(stamp)}T000000Z",
        f"DTSTART;VALUE=DATE:{_date(start)}",
        f"DTEND;VALUE=DATE:{_date(end)}",
        f"SUMMARY:{escape_text(summary(event))}",
        f"DESCRIPTION:{escape_text(description(event))}",
    ]
    if site_url is not None:
        # URL takes an absolute URI: without the site's address there is none to give.
        lines.append(f"URL:{site_url}{page_address('event', event.key)}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines
