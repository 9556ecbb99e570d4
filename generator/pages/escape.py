"""Escaping: how content text reaches Markdown, so that it shows exactly as written.

``escape_text`` is for plain-text fields (every character Markdown could read as syntax
becomes a character reference); ``escape_markdown`` for Markdown fields (Markdown kept, raw
HTML and the syntax of Markdown extensions shown as text).
"""

from __future__ import annotations

import re

_TEXT_ESCAPES = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]<>&|#"}
_TEXT_ESCAPES[ord("\n")] = " "
# What Markdown reads as a block marker only at the start of a line: '- ', '+ ', '1. '.
_LINE_START = re.compile(r"^(\s*\d*)([+.)-])")
_CODE = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_ABBREVIATION = re.compile(r"^(\s*)\*\[", re.MULTILINE)


def escape_text(value: str) -> str:
    """Make plain text show exactly as written in Markdown."""
    escaped = value.translate(_TEXT_ESCAPES)
    return _LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", escaped)


def escape_markdown(value: str) -> str:
    """Keep Markdown, but show raw HTML and extension syntax as text."""
    parts: list[str] = []
    position = 0
    for match in _CODE.finditer(value):
        parts.append(_escape_prose(value[position : match.start()]))
        parts.append(match.group())
        position = match.end()
    parts.append(_escape_prose(value[position:]))
    return "".join(parts).strip()


def _escape_prose(value: str) -> str:
    value = value.replace("<", "&lt;").replace("{", "&#123;")
    return _ABBREVIATION.sub(r"\1&#42;[", value)


def inline_markdown(value: str) -> str:
    """Markdown for a table cell or a line: one paragraph, line breaks as spaces."""
    return " ".join(escape_markdown(value).split()).replace("|", "&#124;")


def blockquote(markdown: str) -> str:
    """Put Markdown inside a block quote, line by line."""
    return "\n".join(f"> {line}".rstrip() for line in markdown.splitlines())
