"""What every export shares: the content's license, site paths and links, stable ids, dates and plain text."""

from __future__ import annotations

import datetime as dt
import posixpath
import uuid
from dataclasses import dataclass
from enum import StrEnum

from ..content.dates import PartialDate
from ..content.link import Corpus
from ..pages.plan import relative_path

# Fixed forever: every feed, entry and calendar id is a UUID in this namespace, so
# ids stay the same when the site moves to another address.
ID_NAMESPACE = uuid.UUID("6f0d8a52-3c0e-5b7e-9a41-2f7c1e9b5d33")
EPOCH = dt.date(1970, 1, 1)


class Precision(StrEnum):
    """How much of a date is known: what the data files and tables call a date's precision."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


PRECISIONS = {1: Precision.YEAR, 2: Precision.MONTH, 3: Precision.DAY}  # by PartialDate.precision


@dataclass(frozen=True)
class License:
    """The terms on which anyone may reuse the briefings and the data: mkdocs.yml's ``extra.license``.

    Quoted words are not the site's to license: they remain their speakers' and their sources'.
    """

    id: str  # its SPDX identifier: 'CC-BY-4.0'
    name: str  # as readers know it: 'CC BY 4.0'
    url: str  # the license's text

    def notice(self) -> str:
        """Say it in words, for a feed's rights: 'Licensed under CC BY 4.0: https://.... Quoted words ...'."""
        return f"Licensed under {self.name}: {self.url}. {QUOTES_RIGHTS}"


QUOTES_RIGHTS = "Quoted words remain their speakers' and their sources', outside this license."


def normalize_site_url(site_url: str | None) -> str | None:
    """Return the site's address ending in '/', or None when it has none."""
    if not site_url:
        return None
    return site_url if site_url.endswith("/") else site_url + "/"


def href(site_url: str | None, here: str, target: str) -> str:
    """Link from the file at site path ``here`` to site path ``target``.

    Absolute under ``site_url`` when the site has an address; otherwise relative
    to ``here``, so that the link works wherever the site is served.
    """
    if site_url is not None:
        return site_url + target
    path, _, fragment = target.partition("#")
    relative = relative_path(path, posixpath.dirname(here))
    if path == "" or path.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{fragment}" if fragment else "")


def stable_id(*parts: str) -> str:
    """Return a UUID that depends on ``parts`` only: 'article', 'x' -> the same UUID on every build."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def site_date(corpus: Corpus) -> dt.date:
    """Date the exports by the newest article (never the clock), so the same content gives the same bytes."""
    return corpus.articles[0].source.published.first_day() if corpus.articles else EPOCH


def timestamp(day: dt.date) -> str:
    """Write the start of a day in UTC, RFC 3339: '2024-04-15T00:00:00Z'."""
    return f"{day.isoformat()}T00:00:00Z"


def last_day(date: PartialDate) -> dt.date:
    """Return the last day a date may mean: 2024-02 -> 2024-02-29, 2009 -> 2009-12-31."""
    if date.day is not None:
        return date.first_day()
    if date.month is None:
        return dt.date(date.year, 12, 31)
    following = dt.date(date.year + (date.month == 12), date.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def plain_date(date: PartialDate) -> str:
    """Write a date in ISO form without the approximate mark: '2009~' -> '2009'."""
    return date.iso().removesuffix("~")
