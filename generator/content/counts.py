"""A count in words, as every message, page and summary writes one."""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """Write a count in words, one singular: '1 event', '2 events', '1,200 entities' (with ``plural``)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
