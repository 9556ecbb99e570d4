"""Plain text from Markdown: text with no Markdown in it skips the converter and reads the same."""

from __future__ import annotations

import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages import text
from generator.pages.text import inline_html, plain_blocks, script_language

# Words, the punctuation the shortcut accepts, and what is close to syntax without being it.
PIECES = st.sampled_from(
    [
        *"ab Z9é한,.;:?!'\"‘’“”()%/–—-",
        "\n",
        "\n\n",
        "    ",
        "1.",
        "a. b",
        "http://x.org",
        "--",
        ":)",
        "\n- ",
        "\n# ",
        "\n2013 ",
        "\n12) ",
        "\n3.5",
    ]
)


def _converted(source: str) -> str:
    """What the Markdown converter makes of ``source``, with no shortcut."""
    extractor = text._TextExtractor()
    extractor.feed(text._MARKDOWN.reset().convert(text.escape_markdown(source)))
    extractor.close()
    extractor.flush()
    return "\n".join(extractor.blocks)


@given(st.lists(PIECES, max_size=30).map("".join))
def test_plain_text_reads_as_the_converter_reads_it(source: str) -> None:
    assert plain_blocks.__wrapped__(source) == _converted(source)


# The same with links and asterisks: simple links and emphasis take the shortcut, anything else the converter.
STARS = st.sampled_from(
    [
        *(
            "**",
            "*",
            "***",
            " **",
            "** ",
            "ab",
            "Z9",
            " ",
            "\n",
            "\n\n",
            ",",
            "é",
            "_",
            "\n- ",
            "1.",
            "[",
            "]",
            "](",
            "!",
        ),
        *("(https://x.org/a?b=1#c)", "(x.org)", ")", "[a](b)", "[^1]", "&", "<b>", "[a b](http://e.org/x_y)"),
        *("[**a**](x.org)", "[a\nb](x.org)", "\n  \n"),
    ]
)


@settings(max_examples=1000)
@given(st.lists(STARS, max_size=24).map("".join))
def test_links_and_emphasis_read_as_the_converter_reads_them(source: str) -> None:
    assert plain_blocks.__wrapped__(source) == _converted(source)


def test_links_and_emphasis_take_the_shortcut() -> None:
    assert text._plain_but_inline("The **Harbor Victory** left port.\n\nIt *did*, officials said.") is not None
    assert text._plain_but_inline("A [report](https://example.org/a?b=1) said so.") == "A report said so."
    assert text._plain_but_inline("A [report](<https://example.org>) said so.") is None  # the converter
    assert text._plain_but_inline("**a **b") is None  # a space inside: not emphasis, the converter decides


def test_markdown_still_goes_through_the_converter() -> None:
    assert plain_blocks("One *two*\n\n- three\n- [four](https://example.org)") == "One two\n- three\n- four"
    assert plain_blocks("1984. A year\n\nNext  paragraph\nwraps") == "- A year\nNext paragraph wraps"  # a list item


# Markdown, close-to-Markdown and plain pieces for a statement's text.
INLINE_PIECES = st.sampled_from(
    [
        *"ab Z9é,.;:?!'\"()%/–-*_`[]()#>+|{}<&\\",
        "\n",
        "1.",
        "2)",
        "---",
        "**",
        "<b>",
        "&amp;",
        "http://x.org",
        "[a](http://x.org)",
        "[r]:",
        "![i](x.png)",
    ]
)
_SITE_MARKDOWN = markdown.Markdown(extensions=["attr_list", "tables", "toc"])


@given(st.lists(INLINE_PIECES, max_size=20).map("".join))
def test_a_markdown_field_as_html_is_what_markdown_makes_of_it_in_a_table_cell(source: str) -> None:
    """The raw HTML tables (statements, positions) show a field as a Markdown table showed it."""
    table = _SITE_MARKDOWN.reset().convert(f"| h |\n| --- |\n| {text.inline_markdown(source)} |")
    cell = re.search(r"<td>(.*?)</td>", table, re.DOTALL)
    assert cell is not None, table
    assert inline_html.__wrapped__(source) == cell.group(1)


def test_a_description_is_cut_at_a_space_and_never_inside_a_hyphenated_name() -> None:
    summary = "Officials met to discuss the restrictions. Richard Bianchi-Thompson said nothing."
    assert text.plain_text(summary, 60) == "Officials met to discuss the restrictions. Richard …"
    assert text.plain_text(summary, 200) == summary  # short enough: kept whole
    assert text.plain_text("Supercalifragilistic", 10) == "Supercal …"  # one long word is cut where it must be


@given(st.text(alphabet="ab -", max_size=80), st.integers(min_value=3, max_value=60))
def test_a_cut_description_fits_its_limit_and_ends_on_a_whole_word(line: str, limit: int) -> None:
    line = " ".join(line.split())
    cut = text.shorten(line, limit)
    assert len(cut) <= limit
    if cut != line and " " in line[: limit - 1]:
        kept = cut.removesuffix(" …")
        assert line.startswith(kept) and line[len(kept)] == " "


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("김정은", "ko"),
        ("Ким Чен Ын", "ru"),
        ("Νορβέσσα", "el"),
        ("キム・ジョンウン", "ja"),
        ("Kim Jong Un", None),
        ("金正恩", None),  # Han: Chinese, Japanese or Korean alike
        ("DPRK (북한)", None),  # mostly Latin letters
        ("", None),
    ],
)
def test_a_names_script_gives_its_language(name: str, language: str | None) -> None:
    assert script_language(name) == language
