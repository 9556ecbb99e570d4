"""The source step: headline, dateline, publisher, date, authors and body, with the furniture gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.draft.records import DraftInputError, Raw
from generator.draft.source import read_source, read_text

PAGES = Path(__file__).parent / "draft_pages"
BODY = "The ministers agreed to meet again."


@pytest.mark.parametrize(
    ("text", "dateline", "publisher", "published", "authors"),
    [
        (f"Talks\n\nSEOUL (Reuters) – {BODY}", "Seoul", "Reuters", None, ()),
        (f"Talks\n\nSEOUL (Reuters) - {BODY}", "Seoul", "Reuters", None, ()),
        (f"Talks\n\nSeoul, Oct. 16 (Jiji Press)--{BODY}", "Seoul", "Jiji Press", None, ()),
        (f"Talks\n\nWASHINGTON, April 3 (AP) — {BODY}", "Washington", "AP", None, ()),
        (f"Talks\n\nSEOUL, Oct. 1 (Yonhap) -- {BODY}", "Seoul", "Yonhap", None, ()),
        (f"Talks\n\nSAN FRANCISCO, April 24, 2025 (Reuters) - {BODY}", "San Francisco", "Reuters", "2025-04-24", ()),
        (f"Talks\n\nParis (AFP) - {BODY}", "Paris", "AFP", None, ()),
        (f"Talks\n\nLONDON/PARIS (Reuters) - {BODY}", "London/Paris", "Reuters", None, ()),
        (f"Talks\n\n(Reuters) - {BODY}", None, "Reuters", None, ()),
        (f"Talks\n\nDec 14, 2024 (Reuters) - {BODY}", None, "Reuters", "2024-12-14", ()),
        (f"Talks\n\nNEW YORK, Dec. 14, 2024 /PRNewswire/ -- {BODY}", "New York", "PRNewswire", "2024-12-14", ()),
        (f"Talks\n\nKYIV, Ukraine (AP) — {BODY}", "Kyiv, Ukraine", "AP", None, ()),
        # Seen on real reports (issue 23): TASS's dateline, with a region and the agency between slashes;
        # Interfax's, with a period after the place; dpa-AFX's, a name that starts in lower case.
        (
            f"Talks\n\nVOSTOCHNY COSMODROME /Amur Region/, September 13. /TASS/. {BODY}",
            "Vostochny Cosmodrome, Amur Region",
            "TASS",
            None,
            (),
        ),
        (f"Talks\n\nMOSCOW, March 5. /TASS/. {BODY}", "Moscow", "TASS", None, ()),
        (f"Talks\n\nBEIJING. Dec 5 (Interfax) - {BODY}", "Beijing", "Interfax", None, ()),
        (f"Talks\n\nWASHINGTON (dpa-AFX) - {BODY}", "Washington", "dpa-AFX", None, ()),
        (f"Talks\n\nBERLIN (dpa) - {BODY}", "Berlin", "dpa", None, ()),
        (f"Talks\n\nWASHINGTON — {BODY}", "Washington", None, None, ()),
        (f"Talks\n\nNEW DELHI: {BODY}", "New Delhi", None, None, ()),
        (
            f"Talks\nBy JANE DOE and John Roe, Associated Press\n{BODY}",
            None,
            "Associated Press",
            None,
            ("Jane Doe", "John Roe"),
        ),
        (f"Talks\n\nBy Priya Natarajan\n\nMay 6, 2025\n\n{BODY}", None, None, "2025-05-06", ("Priya Natarajan",)),
        (f"Talks\n\nWritten: 2024-04-04 16:33:07Updated: 2024-04-04 17:49:00\n\n{BODY}", None, None, "2024-04-04", ()),
        (f"Talks\n\n{BODY}\n\n(Reporting by Mina Cho; Editing by Tom Reed)", None, None, None, ("Mina Cho",)),
        (f"Talks\n\nThe U.S. - and its allies - agreed.\n\n{BODY}", None, None, None, ()),
        # Issue 28: sign-offs and datelines that name the publisher, and a byline that is an agency.
        (f"Talks\n\nSEOUL -- {BODY} (Yonhap)", "Seoul", "Yonhap", None, ()),
        (f"Talks\n\nTOKYO -- {BODY} (Kyodo)", "Tokyo", "Kyodo", None, ()),
        (f"Talks\n\n{BODY} --Reuters", None, "Reuters", None, ()),
        (f"Talks\n\nBEIJING, May 2 /Xinhua/ {BODY}", "Beijing", "Xinhua", None, ()),
        (f"Talks\n\nBy Xinhua\n\n{BODY}", None, "Xinhua", None, ()),
    ],
)
def test_datelines_bylines_and_date_lines(
    text: str, dateline: str | None, publisher: str | None, published: str | None, authors: tuple[str, ...]
) -> None:
    source = read_text(text)
    assert source.headline == "Talks"
    assert (source.dateline, source.publisher, source.authors) == (dateline, publisher, authors)
    assert (source.published.iso() if source.published else None) == published
    assert source.paragraphs[-1] == BODY


@pytest.mark.parametrize(
    ("dateline", "date"),
    [
        ("Seoul, Oct. 16 (Jiji Press)--", "Oct. 16"),
        ("VOSTOCHNY COSMODROME /Amur Region/, September 13. /TASS/.", "September 13"),
        ("BEIJING. Dec 5 (Interfax) -", "Dec 5"),
    ],
)
def test_a_dateline_month_and_day_without_a_year_is_kept_for_the_message(dateline: str, date: str) -> None:
    assert read_text(f"Talks\n\n{dateline} {BODY}").dateline_date == date


def test_a_lower_case_word_in_brackets_is_not_an_agency() -> None:
    source = read_text(f"Talks\n\nSEOUL (local time) - {BODY}")
    assert (source.dateline, source.publisher) == (None, None)


def test_photo_credits_captions_and_trailers_never_reach_the_body() -> None:
    text = "\n\n".join(
        [
            "Envoy seeks new tools",
            "REUTERS/Jane Roe/File Photo",
            "The envoy speaks to reporters at the U.N. in New York, U.S., February 20, 2024.",
            f"SEOUL (Reuters) – {BODY}",
            "A caption under a photo. (AP Photo/Ahn Young-joon)",
            "[1/3] Workers at the port on Monday. REUTERS/Jane Roe Purchase Licensing Rights, opens new tab",
            "Advertisement",
            "Read more: Other story",
            "Second paragraph.",
            "Associated Press writer Kim Tong-hyung contributed to this report.",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ]
    )
    assert read_text(text).paragraphs == (BODY, "Second paragraph.")


def test_hard_wrapped_paragraphs_are_joined_and_lines_without_blank_lines_are_paragraphs() -> None:
    assert read_text("Talks\n\nOne line\nwrapped.\n\nTwo.").paragraphs == ("One line wrapped.", "Two.")
    assert read_text("Talks\nOne.\nTwo.").paragraphs == ("One.", "Two.")
    wrapped = "Talks\nThe ministers of the two countries met in\nthe capital to agree on fishing quotas for\nthe season.\nThey will meet again in the spring, the\nministry said.\n"
    assert read_text(wrapped).paragraphs == (
        "The ministers of the two countries met in the capital to agree on fishing quotas for the season.",
        "They will meet again in the spring, the ministry said.",
    )


def test_a_label_in_capitals_is_not_a_dateline() -> None:
    assert read_text("Talks\n\nBREAKING: The ministers agreed.").dateline is None


def test_a_saved_page_gives_its_article_and_metadata_without_the_furniture() -> None:
    source = read_source(Raw((PAGES / "port-strike.html").read_bytes(), "port-strike.html", is_html=True))
    assert source.headline == "Port workers end strike after pay deal"
    assert source.url == "https://www.coastline-daily.example/business/2025/03/04/port-workers-end-strike/"
    assert (source.publisher, source.dateline, source.authors) == (
        "Coastline Daily",
        "Gothenburg",
        ("Oskar Lindqvist",),
    )
    assert source.published is not None and source.published.iso() == "2025-03-04"
    assert source.paragraphs[0].startswith("Dock workers at the country's largest container port returned")
    body = " ".join(source.paragraphs)
    for furniture in (
        "Subscribe now",
        "Cranes stand idle",
        "Read more",
        "Shipping rates",
        "All rights reserved",
        "Injected",
        "tracker",
    ):
        assert furniture not in body


def test_a_page_with_no_article_is_one_clear_error() -> None:
    with pytest.raises(DraftInputError) as error:
        read_source(Raw((PAGES / "front-page.html").read_bytes(), "front-page.html", is_html=True))
    assert error.value.message == (
        "error: found no article in front-page.html: save the article's own page (not a front page or a list), "
        "or paste its text into a .txt file and draft that"
    )
    assert error.value.exit_code == 1


@pytest.mark.parametrize(
    ("under_the_credit", "kept"),
    [
        ("The envoy speaks to reporters in New York, U.S., February 20, 2024.", False),
        ("Seoul's foreign ministry has vowed to respond to the measures firmly.", True),
    ],
)
def test_the_block_under_a_photo_credit_is_dropped_when_it_is_the_caption(under_the_credit: str, kept: bool) -> None:
    source = read_text(f"Talks\n\nPhoto : YONHAP News\n\n{under_the_credit}\n\n{BODY}")
    assert source.paragraphs == ((under_the_credit, BODY) if kept else (BODY,))
