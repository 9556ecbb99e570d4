"""Days: the calendar arithmetic every language's date resolvers share."""

from __future__ import annotations

import datetime as dt

from .records import PartialDate


def day_of(year: int, month: int, day: int) -> PartialDate | None:
    """The day, or None when the calendar has no such day (30 February)."""
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def of(date: dt.date) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def back(today: dt.date, number: int, unit: str) -> PartialDate:
    """About ``number`` days, weeks, months, years or decades before ``today``."""
    if unit == "day":
        return of(today - dt.timedelta(days=number))
    if unit == "week":
        start = today - dt.timedelta(weeks=number)
        return PartialDate(start.year, start.month, start.day, is_approximate=True)
    if unit == "month":
        index = today.year * 12 + today.month - 1 - number
        return PartialDate(index // 12, index % 12 + 1, is_approximate=True)
    years = number * (10 if unit == "decade" else 1)
    return PartialDate(today.year - years, is_approximate=True)


def within_one_month(first: dt.date, last: dt.date, what: str) -> PartialDate | str:
    """The month of a span of days, or why it cannot be one date."""
    if (first.year, first.month) == (last.year, last.month):
        return PartialDate(first.year, first.month)
    return f"that {what} runs from {first.isoformat()} to {last.isoformat()}, over two months: write the day if the article gives it"


def month_offset(today: dt.date, offset: int) -> PartialDate:
    """The month ``offset`` months from today's."""
    index = today.year * 12 + today.month - 1 + offset
    return PartialDate(index // 12, index % 12 + 1)
