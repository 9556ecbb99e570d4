"""The parts of a page under its headings, boxed for the browser to skip off screen (generator/pages/sections.py).

In a browser: tests/test_reader.py (a long page renders its first screen only, and nothing it holds is clipped).
"""

from __future__ import annotations

import re

import pytest

from generator.mkdocs.plugin import finish_html
from generator.pages.sections import wrap_sections

BOX = '<div class="page-section">'


def boxes(html: str) -> list[str]:
    """The text of each part boxed, tags dropped and spaces squeezed: what a reader sees of it."""
    parts = re.findall(r'<div class="page-section">(.*?)\n</div>\n', html, re.DOTALL)
    return [" ".join(re.sub(r"<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", " ", part).split()) for part in parts]


@pytest.mark.parametrize(
    ("html", "parts"),
    [
        # The title and the summary before the first heading are the first screen: not boxed.
        ("<h1>Name</h1>\n<p>Summary</p>", []),
        (
            "<h1>Name</h1>\n<p>Summary</p>\n<h2 id='a'>A</h2>\n<p>one</p>\n<h2 id='b'>B</h2>\n<ul><li>two</li></ul>",
            ["one", "two"],
        ),
        # A heading with nothing under it gets no box.
        ("<h2 id='a'>A</h2>\n<h2 id='b'>B</h2>\n<p>two</p>", ["two"]),
        # A heading written in a quote (a Markdown field) is the quote's: the part goes on past it.
        ("<h2>A</h2><blockquote><h2>Said</h2><p>it</p></blockquote><p>more</p>", ["Said it more"]),
        # A drawing's SVG (closed elements, a <br> with no end tag) stays inside its part.
        (
            "<h2>A</h2><figure><svg><g><circle r='1'></circle><text>2009</text></g></svg></figure><p>a<br>b</p>",
            ["2009 a b"],
        ),
        # A ">" or a heading's tag in an attribute's value, or a tag in a comment, is no tag.
        ("<h2>A</h2><p title='x>y <h2>'>one</p><!-- <div> --><h2>B</h2><p>two</p>", ["one", "two"]),
        # Headings of a lower rank stay inside the part of the h2 above them.
        ("<h2>A</h2><p>one</p><h3>A.1</h3><p>two</p>", ["one A.1 two"]),
    ],
)
def test_the_part_under_each_top_level_heading_is_boxed_and_nothing_else(html: str, parts: list[str]) -> None:
    wrapped = wrap_sections(html)
    assert boxes(wrapped) == parts
    assert wrapped.count(BOX) == len(parts)
    # Nothing is lost or moved: without the boxes, the page is what it was.
    assert wrapped.replace(BOX, "").replace("\n</div>\n", "").replace("\n", "") == html.replace("\n", "")


def test_headings_stay_outside_the_boxes_for_the_table_of_contents() -> None:
    wrapped = wrap_sections('<h2 id="quotes">Quotes <a class="headerlink" href="#quotes">¶</a></h2>\n<p>“Words”</p>')
    assert wrapped.startswith('<h2 id="quotes">Quotes <a class="headerlink" href="#quotes">¶</a></h2>\n' + BOX)


def test_a_page_body_is_sanitized_then_boxed() -> None:
    finished = finish_html('<h2 id="a">A</h2>\n<p onclick="alert(1)">one<script>alert(2)</script></p>')
    assert finished == f'<h2 id="a">A</h2>\n{BOX}\n<p>one</p>\n</div>\n'


def test_a_page_boxed_already_stays_as_it_is() -> None:
    once = wrap_sections("<h1>T</h1><h2>A</h2><p>one</p><h2>B</h2><table><tr><td>two</td></tr></table>")
    assert wrap_sections(once) == once
