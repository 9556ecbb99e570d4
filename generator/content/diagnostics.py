"""Diagnostics: what the generator says about content, in compiler form."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One message about one place in one content file."""

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    is_review: bool = False  # a 'review' line left in the content: a strict build fails on it

    def __str__(self) -> str:
        # One line, shown as it is: a title over two lines cannot pose as a diagnostic of its own.
        return f"{printable(self.path)}:{self.line}:{self.column}: {self.severity.value}: {printable(self.message)}"

    def github(self) -> str:
        """Write the diagnostic as a GitHub Actions annotation, shown on the pull request's diff."""
        properties = f"file={_escape_property(self.path)},line={self.line},col={self.column}"
        return f"::{self.severity.value} {properties}::{_escape_data(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


_LINE_BREAKS = re.compile("[\n\r\t\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text as one line that a terminal shows as written: line breaks and tabs become spaces, other
    control characters (escape sequences) and bidirectional overrides are written as their code, \\x1b."""
    text = _LINE_BREAKS.sub(" ", text)
    return _CONTROLS.sub(
        lambda found: f"\\x{ord(found.group()):02x}" if ord(found.group()) < 0x100 else f"\\u{ord(found.group()):04x}",
        text,
    )


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class ContentError(Exception):
    """Content that cannot be built; carries every diagnostic of the run."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = tuple(sorted(diagnostics))
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return ' (did you mean 'x'?)' for the closest candidate, or ''."""
    matches = difflib.get_close_matches(word, sorted(set(candidates)), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def summarize(diagnostics: Sequence[Diagnostic]) -> str:
    """Count errors and warnings as a closing line: '2 errors, 1 warning in 3 files'."""
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len({d.path for d in diagnostics})
    return f"{count(errors, 'error')}, {count(warnings, 'warning')} in {count(files, 'file')}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """Write a count in words, one singular: '1 event', '2 events', '1,200 entities' (with ``plural``)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
