"""Plain text from content Markdown: what a reader sees of it, for descriptions, feeds and data."""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

import markdown

from .escape import escape_markdown, inline_markdown

_MARKDOWN = markdown.Markdown()


class _TextExtractor(HTMLParser):
    """Collect the text of rendered HTML, one string per block (paragraph, list item, row)."""

    _BLOCKS = frozenset({"p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.flush()
        if tag == "li":
            self._current.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        self._current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text and text != "-":
            self.blocks.append(text)
        self._current = []


# Text that Markdown would read as nothing but paragraphs: no character that starts syntax
# (emphasis, links, code, HTML, entities, escapes), and no line that could open a block
# (a list, a heading, a quote, code indented by spaces).
_NOT_PLAIN = re.compile(r"[^\w \n,.;:?!'\"‘’“”()%/–—-]|_")
_BLOCK_START = re.compile(r"^(?:[ \t]|[-+*#>=]|\d+[.)])", re.MULTILINE)


def _is_plain(source: str) -> bool:
    return not _NOT_PLAIN.search(source) and not _BLOCK_START.search(source)


# The inline Markdown a summary commonly holds, in forms Markdown cannot read otherwise: a link
# with a plain address; strong (two asterisks) and emphasis (one) around words in a paragraph, not
# touching a letter or another asterisk outside, nor a space or a bracket inside.
_BREAK = r"\n(?![ \t]*\n)"  # a line break inside a paragraph, not a blank line
_LINK = re.compile(rf"(?<!!)\[((?:[^\[\]\n]|{_BREAK})+)\]\((?:https?://)?[\w/.~%?#=+:-]+\)")
_STRONG = re.compile(rf"(?<![\w*])\*\*(?=\S)(?:[^*\[\]\n]|{_BREAK})+?(?<=\S)\*\*(?![\w*])")
_EMPHASIS = re.compile(rf"(?<![\w*])\*(?=[^\s*])(?:[^*\[\]\n]|{_BREAK})+?(?<=[^\s*])\*(?![\w*])")


def _inside(match: re.Match[str]) -> str:
    """What emphasis holds: the match without its asterisks."""
    text = match.group()
    return text[2:-2] if text.startswith("**") else text[1:-1]


def _plain_but_inline(source: str) -> str | None:
    """The text of Markdown that is plain but for links and emphasis, or None when it is not."""
    if _is_plain(source):
        return source
    bare = source
    if "*" in bare:  # first: around a link, emphasis is the converter's to read
        bare = _EMPHASIS.sub(_inside, _STRONG.sub(_inside, bare))
    if "[" in bare:
        bare = _LINK.sub(r"\1", bare)
    return bare if _is_plain(bare) else None


@functools.lru_cache(maxsize=65536)
def plain_blocks(source: str) -> str:
    """Turn Markdown into plain text, a line per block; raw HTML stays the text it was written as."""
    # Pages, feeds, calendars and tables repeat the same summaries: each is converted once,
    # and text with no Markdown in it but links and emphasis is not converted at all.
    plain = _plain_but_inline(source)
    if plain is not None:
        blocks = (" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", plain))
        return "\n".join(block for block in blocks if block)
    extractor = _TextExtractor()
    extractor.feed(_MARKDOWN.reset().convert(escape_markdown(source)))
    extractor.close()
    extractor.flush()
    return "\n".join(extractor.blocks)


@functools.lru_cache(maxsize=65536)
def plain_text(source: str, limit: int | None = None) -> str:
    """Return Markdown as the one line of text a reader sees, cut at a word before ``limit`` characters."""
    text = " ".join(plain_blocks(source).replace("\n- ", " ").removeprefix("- ").split())
    return text if limit is None else shorten(text, limit)


def shorten(text: str, limit: int, placeholder: str = " …") -> str:
    """Cut one line of text at the last space that leaves room for the placeholder (a word
    longer than that is cut where it must be). textwrap.shorten, with words split at spaces
    only, in a tenth of the time: every page's description is cut."""
    if len(text) <= limit:
        return text
    room = limit - len(placeholder)
    space = text.rfind(" ", 0, room + 1)
    return (text[:space] if space > 0 else text[:room]).rstrip() + placeholder


# What opens a block at the start of a line: a heading, a quote, a link's definition, a list item,
# a rule. In a table cell Markdown reads none of them; converted on its own, a line would be one.
_OPENS_BLOCK = re.compile(r"^(?:#|>|\[[^\]]*\]:|[-+*](?=\s)|\d+(?=[.)]\s)|([-*_])(?=(?:\s*\1){2,}\s*$))")


@functools.lru_cache(maxsize=65536)
def inline_html(source: str) -> str:
    """A Markdown field as the HTML Markdown makes of it in a table cell (the ``md_html`` filter).

    For raw HTML tables, which convert many times faster than Markdown ones. Each distinct text
    is converted once, and text with no Markdown in it is not converted at all.
    """
    line = inline_markdown(source)
    if _is_plain(line):
        return html.escape(line, quote=False)
    if not _OPENS_BLOCK.match(line):
        return _MARKDOWN.reset().convert(line).removeprefix("<p>").removesuffix("</p>")
    # The first character as a character reference, so that it stays a character, then as itself.
    reference = f"&#{ord(line[0])};"
    converted = _MARKDOWN.reset().convert(reference + line[1:]).removeprefix("<p>").removesuffix("</p>")
    return html.escape(line[0], quote=False) + converted.removeprefix(reference)


# The language of a name written in a script that belongs mostly to one: a screen reader then reads
# '윤석열' in Korean. Ranges of code points, and the language their script says; Latin, and Han
# (Chinese, Japanese or Korean), say none.
_SCRIPTS = (
    (0xAC00, 0xD7AF, "ko"),  # Hangul syllables
    (0x1100, 0x11FF, "ko"),  # Hangul jamo
    (0x3130, 0x318F, "ko"),  # Hangul compatibility jamo
    (0x3040, 0x30FF, "ja"),  # Hiragana and Katakana
    (0x0400, 0x04FF, "ru"),  # Cyrillic
    (0x0370, 0x03FF, "el"),  # Greek
    (0x0600, 0x06FF, "ar"),  # Arabic
    (0x0590, 0x05FF, "he"),  # Hebrew
)


def script_language(text: str) -> str | None:
    """The language a name's script says, by its letters: '김정은' -> 'ko', 'Ким Чен Ын' -> 'ru', 'Kim' -> None."""
    counts: dict[str, int] = {}
    for character in text:
        point = ord(character)
        for first, last, language in _SCRIPTS:
            if first <= point <= last:
                counts[language] = counts.get(language, 0) + 1
                break
    letters = sum(1 for character in text if character.isalpha())
    if not counts:
        return None
    language, found = max(counts.items(), key=lambda item: (item[1], item[0]))
    return language if found * 2 > letters else None
