"""Reduced-precision dates: 2024, 2024-03, 2024-03-28, each optionally approximate (~)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?~?$"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~?)$")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_WORDS = re.compile(r"[A-Za-z]+|\d+")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; perhaps only approximately."""

    year: int
    month: int | None = None
    day: int | None = None
    is_approximate: bool = False

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' with an optional '~'; say what to write if not."""
        match = _DATE.match(text.strip())
        if not match:
            guess = _guess_iso(text)
            fix = f"write '{guess}'" if guess else "write YYYY, YYYY-MM or YYYY-MM-DD, such as 2024-03-28"
            raise ValueError(f"'{text}' is not a date: {fix}")
        year, month, day = (int(part) if part else None for part in match.group(1, 2, 3))
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}' is not a date that exists: months go from 01 to 12")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(
                    f"'{text}' is not a date that exists: {calendar.month_name[month]} {year} has {last} days"
                )
        return cls(year, month, day, bool(match.group(4)))

    @property
    def is_full(self) -> bool:
        return self.day is not None

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day."""
        return 1 + (self.month is not None) + (self.day is not None)

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        # A less precise date sorts before the more precise dates inside it.
        return (self.year, self.month or 0, self.day or 0, int(self.is_approximate))

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key < other.sort_key

    def contains(self, other: PartialDate) -> bool:
        """Tell whether ``other`` lies inside this date (2024-03 contains 2024-03-28)."""
        mine = (self.year, self.month, self.day)[: self.precision]
        return (other.year, other.month, other.day)[: self.precision] == mine

    def agrees_with(self, other: PartialDate) -> bool:
        return self.contains(other) or other.contains(self)

    def may_be(self, other: PartialDate) -> bool:
        """Tell whether two dates may mean the same happening: one inside the other, or a year
        apart when either is approximate ('2009~' may be 2010)."""
        if self.agrees_with(other):
            return True
        return (self.is_approximate or other.is_approximate) and abs(self.year - other.year) <= 1

    def is_after(self, day: PartialDate) -> bool:
        """Tell whether every day this date may mean comes after ``day``."""
        return self.first_day() > day.first_day() and not self.contains(day)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + ("~" if self.is_approximate else "")

    def human(self) -> str:
        """Write the date for readers: '28 March 2024', 'March 2024', 'c. 2009'."""
        parts = [str(self.year)]
        if self.month is not None:
            parts.insert(0, calendar.month_name[self.month])
        if self.day is not None:
            parts.insert(0, str(self.day))
        text = " ".join(parts)
        return f"c. {text}" if self.is_approximate else text

    def __str__(self) -> str:
        return self.iso()


def _guess_iso(text: str) -> str | None:
    """Turn '15 April 2024', 'April 15, 2024' or 'April 2024' into ISO form, if it is one."""
    words = _WORDS.findall(text)
    months = [_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS]
    numbers = [int(w) for w in words if w.isdigit()]
    if len(months) != 1 or len(words) != len(numbers) + 1:
        return None
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n < 1000]
    if len(years) != 1 or len(days) > 1:
        return None
    guess = f"{years[0]:04d}-{months[0]:02d}" + (f"-{days[0]:02d}" if days else "")
    try:
        PartialDate.parse(guess)
    except ValueError:
        return None
    return guess
