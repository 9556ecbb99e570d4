"""CSV for spreadsheets: the timeline and the statements, UTF-8 with a header row.

Text is plain (Markdown read as a reader sees it). A cell with several values
separates them with '; ' (actors) or a line break (sources, each a long text).
A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
carriage return) is written as text, with a single quote before it, as OWASP recommends
against CSV injection: the spreadsheet shows the text and hides the quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..content.link import Corpus, MergedEvent
from ..pages.text import plain_blocks
from .api import API
from .common import PRECISIONS, Asset, plain_date

TIMELINE_PATH = f"{API}/timeline.csv"
STATEMENTS_PATH = f"{API}/statements.csv"
TIMELINE_HEADER = ("date", "precision", "approximate", "title", "actors", "sources")
STATEMENTS_HEADER = ("actor", "topic", "stance", "text", "source article", "publisher", "date", "url")
MIME = "text/csv"


def export_tables(corpus: Corpus) -> tuple[Asset, ...]:
    """Write the timeline and the statements as CSV."""
    return (
        Asset(TIMELINE_PATH, write_csv(TIMELINE_HEADER, timeline_rows(corpus))),
        Asset(STATEMENTS_PATH, write_csv(STATEMENTS_HEADER, statement_rows(corpus))),
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([as_text(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def as_text(cell: str) -> str:
    """A cell a spreadsheet shows as the text it is, never runs: '=1+1' -> "'=1+1"."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def timeline_rows(corpus: Corpus) -> tuple[tuple[str, ...], ...]:
    """One row per merged event, in timeline order."""
    return tuple(_timeline_row(event, corpus) for event in corpus.events)


def _timeline_row(event: MergedEvent, corpus: Corpus) -> tuple[str, ...]:
    sources = []
    for report in event.reports:
        source = report.article.source
        line = f"{source.publisher}, {source.published.iso()}: {report.article.title}"
        if source.url:
            line += f" <{source.url}>"
        if event.is_conflicting:
            line += f" (dated {report.date.iso()})"
        sources.append(line)
    return (
        plain_date(event.date),
        PRECISIONS[event.date.precision],
        "true" if event.date.is_approximate else "false",
        event.title,
        "; ".join(corpus.actors[actor].name for actor in event.actors),
        "\n".join(sources),
    )


def statement_rows(corpus: Corpus) -> tuple[tuple[str, ...], ...]:
    """One row per statement, by actor name, then topic name, then newest source first."""
    rows = []
    for position, article in enumerate(corpus.articles):
        for index, statement in enumerate(article.statements):
            names = "; ".join(corpus.actors[id].name for id in statement.by)  # a joint statement: every actor
            topic = corpus.topics[statement.topic].name if statement.topic else ""
            key = (names.casefold(), statement.by, topic.casefold(), statement.topic or "", position, index)
            row = (
                names,
                topic,
                statement.stance.value if statement.stance else "",
                plain_blocks(statement.text),
                article.title,
                article.source.publisher,
                article.source.published.iso(),
                article.source.url or "",
            )
            rows.append((key, row))
    return tuple(row for _, row in sorted(rows))
