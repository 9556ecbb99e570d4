"""Source: an article's bytes -> headline, dateline, publisher, date, authors and body text.

Plain text: the first non-empty line is the headline; wire datelines (``SEOUL (Reuters) –``,
``Seoul, Oct. 16 (Jiji Press)--``, ``WASHINGTON, April 3 (AP) —``, ``MOSCOW, March 5. /TASS/.``,
``BEIJING. Dec 5 (Interfax) -``), bylines, date lines,
photo credits, captions and trailers ("Reporting by ...") are read or dropped, never left in
the body. A saved page goes through trafilatura, which keeps the article and drops the
menus, "read more" boxes, captions, footers and scripts; its metadata gives the title,
the canonical address, the date and the authors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .language import Dateline, Language, fold
from .languages import ENGLISH
from .records import FORBIDDEN_CHARACTERS, INPUT, LINE_BREAKS, URL_PATTERN, DraftInputError, PartialDate, Raw, Source

_INVISIBLE = re.compile("[\u200b\ufeff]")  # zero-width spaces and stray byte-order marks
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_AGENCIES = (
    "REUTERS|Reuters|AP|AFP|EPA|EPA-EFE|Getty Images|Yonhap|Xinhua|Kyodo|Jiji|Bloomberg|Pool|Anadolu|Sputnik|TASS"
)
_CREDIT = re.compile(
    r"(?:^(?:\(?(?:" + _AGENCIES + r")\s*(?:Photo)?/|Photo(?:graph)?\s*(?:by|:|credit)|Image\s*(?:source|caption|:)|"
    r"Credit\s*:|Pictured|FILE PHOTO|FILE\s+-|File photo)"
    r"|(?:/File Photo|via Getty Images\)?|\((?:AP|AFP|Reuters|EPA|Yonhap)[^()]*(?:Photo|/)[^()]*\))\s*\.?$"
    r"|Purchase Licensing Rights|^\[\d+/\d+\]|^Item \d+ of \d+ )"
)
MAX_CREDIT = 400  # characters: a longer block is not a photo credit


def decode_text(raw: Raw) -> str:
    """Decode a plain-text source, or say why it is not one."""
    data = raw.data
    if not data.strip():
        raise DraftInputError(
            f"error: {raw.name} is empty: give the article's text, a saved web page, or its address", INPUT
        )
    if b"\x00" in data[:8192]:
        raise DraftInputError(
            f"error: {raw.name} is not text (it holds binary data): give the article as plain text (.txt) or a saved web page (.html)",
            INPUT,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftInputError(
            f"error: {raw.name} is not UTF-8 text (byte {error.start + 1} is 0x{data[error.start]:02x}): save it as UTF-8 and try again",
            INPUT,
        ) from None


def looks_like_html(raw: Raw) -> bool:
    head = raw.data[:2048].lstrip().lower()
    return raw.is_html or head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def read_source(raw: Raw, language: Language = ENGLISH) -> Source:
    """Read a plain-text article or a saved page into a Source."""
    if looks_like_html(raw):
        return read_page(raw, language)
    return read_text(decode_text(raw), language)


def read_text(text: str, language: Language = ENGLISH) -> Source:
    """Read a plain-text article: headline, dateline, byline and body, furniture dropped."""
    lines = [_clean(line) for line in LINE_BREAKS.sub("\n", text.replace("\r\n", "\n")).split("\n")]
    blocks = _blocks(lines)
    if not blocks:
        raise DraftInputError("error: the text is empty: give the article's text", INPUT)
    headline = blocks[0].lstrip("# ").strip()
    return _read_blocks(headline, blocks[1:], language)


def read_page(raw: Raw, language: Language = ENGLISH) -> Source:
    """Read a saved web page with trafilatura: the article's text and the page's metadata."""
    import trafilatura  # lazily: it takes a quarter of a second to import

    if not raw.data.strip():
        raise DraftInputError(
            f"error: {raw.name} is empty: give the article's text, a saved web page, or its address", INPUT
        )
    document = trafilatura.bare_extraction(
        raw.data,
        url=raw.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = getattr(document, "text", None) if document is not None else None
    title = _clean(getattr(document, "title", None) or "")
    if not text or not text.strip() or len(text.split()) < 30:
        raise DraftInputError(
            f"error: found no article in {raw.name}: save the article's own page (not a front page or a list), "
            "or paste its text into a .txt file and draft that",
            INPUT,
        )
    lines = [_clean(line) for line in LINE_BREAKS.sub("\n", text).split("\n")]
    blocks = [line for line in lines if line]
    if not title:
        title, blocks = blocks[0], blocks[1:]
    source = _read_blocks(title, blocks, language)
    published = _page_date(getattr(document, "date", None)) or source.published
    written = getattr(document, "author", None) or ""
    between = r";|\b(?:" + "|".join(sorted(language.and_words)) + r")\b"
    authors = tuple(_clean(a) for a in re.split(between, written) if _clean(a))
    url = getattr(document, "url", None) or raw.url
    publisher = source.publisher or _clean(getattr(document, "sitename", None) or "") or None
    return replace(
        source,
        published=published,
        authors=authors or source.authors,
        url=url if url and URL_PATTERN.match(url) else raw.url,  # a canonical address the format takes
        publisher=publisher,
    )


def _page_date(text: str | None) -> PartialDate | None:
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def _clean(line: str) -> str:
    """A line as the content format accepts it: NFC, without control characters, single spaces."""
    line = unicodedata.normalize("NFC", _INVISIBLE.sub("", FORBIDDEN_CHARACTERS.sub(" ", line)))
    return _SPACES.sub(" ", line).strip()


def _blocks(lines: list[str]) -> list[str]:
    """Group lines into paragraphs: blank lines separate them; without any, each line is one.

    The first line is the headline, a block of its own either way.
    """
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return []
    first, rest = lines[filled[0]], lines[filled[0] + 1 : filled[-1] + 1]
    if "" not in rest:
        return [first, *_unwrapped(rest)]
    blocks = [first]
    current: list[str] = []
    for line in [*rest, ""]:
        if line:
            current.append(line)
        elif current:
            blocks.append(" ".join(current))
            current = []
    return blocks


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines with no blank line between them: each is a paragraph, unless the text was wrapped at a
    width (most lines run on without ending a sentence); then a paragraph ends at a short line that does."""
    ends = [line.rstrip().endswith((".", "!", "?", '"', "”", "’", ":")) for line in lines[:-1]]
    if len(lines) < 3 or sum(ends) * 2 >= len(ends):
        return lines
    width = max(len(line) for line in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line, ends_sentence in zip(lines, [*ends, True], strict=True):
        current.append(line)
        if ends_sentence and len(line) < 0.8 * width:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs + ([" ".join(current)] if current else [])


def _read_blocks(headline: str, blocks: list[str], language: Language) -> Source:
    authors: list[str] = []
    published: PartialDate | None = None
    body: list[str] = []
    dateline = publisher = dateline_date = None
    dateline_found = False
    after_credit = False
    for block in blocks:
        if not dateline_found and len(body) < 8:
            byline = language.byline.match(block)
            if byline and not authors:
                names, byline_publisher = _byline_names(byline.group("names"), language)
                if names or byline_publisher:  # 'By Jane Roe, Reuters', 'By Xinhua'
                    authors, publisher = names, publisher or byline_publisher
                    continue
            if len(block) < 100 and language.date_line.match(block):
                published = published or language.read_full_date(block)
                continue
        if len(block) < MAX_CREDIT and _CREDIT.search(block):  # the length first: the pattern backtracks
            after_credit = True
            continue
        if after_credit and not dateline_found and not language.dateline.match(block) and _is_caption(block, language):
            after_credit = False  # the caption under a photo credit
            continue
        after_credit = False
        signoff = language.read_signoff(block) if language.read_signoff is not None else None
        if signoff is not None:  # a sign-off: '/연합뉴스', '홍길동 기자 (x@yna.co.kr)', 'KBS 뉴스 홍길동입니다'
            authors, publisher = authors or list(signoff[0]), publisher or signoff[1]
            if not signoff[2]:
                continue
            block = signoff[2]
        reporting = language.reporting.match(block)
        if reporting:
            if not authors:
                authors = _names(reporting.group("names"), language)
            continue
        if language.furniture.match(block) or (len(block) < 200 and language.trailer.search(block)):
            continue
        if not dateline_found and len(body) < 3:
            line = _dateline(block, language)
            if line is not None:
                place, agency, date, year, rest, dateline_authors = line
                authors = authors or list(dateline_authors)
                dateline_found = True
                body = []  # what came between the headline and the dateline: a standfirst, a caption
                dateline, publisher = place, agency or publisher
                if date and year:
                    published = published or language.read_month_day(date, int(year))
                elif date:
                    dateline_date = date
                if rest:
                    body.append(rest)
                continue
        body.append(block)
    if body and not publisher:  # a sign-off: '... (Yonhap)', '... --Reuters'
        body[-1], publisher = _signed_off(body[-1], language)
        body = body if body[-1] else body[:-1]
    return Source(
        headline=headline,
        paragraphs=tuple(body),
        publisher=publisher,
        published=published,
        dateline=dateline,
        authors=tuple(authors),
        dateline_date=dateline_date,
    )


def _dateline(block: str, language: Language) -> Dateline | None:
    """Split a wire dateline off a paragraph: (place, agency, month and day, year, the rest) or None."""
    if language.read_dateline is not None:
        return language.read_dateline(block)
    match = language.dateline.match(block)
    if not match:
        return None
    place, agency = match.group("place"), match.group("agency") or match.group("wire")
    letters = [c for c in (place or "").split(",")[0] if c.isalpha()]
    is_caps_place = len(letters) >= 3 and all(c.isupper() for c in letters)
    if agency is None and (not is_caps_place or (place or "").upper() in language.labels):
        return None
    if agency is not None and not re.fullmatch(r"(?:[A-Z]|dpa\b)[\w.&' -]*", agency.strip()):
        return None  # '(local time)'; but 'dpa' and 'dpa-AFX' are agencies
    rest = block[match.end() :].strip()
    if not rest:
        return None
    if place and match.group("region"):
        place = f"{place.rstrip('.')}, {match.group('region').strip()}"
    return Dateline(
        _place_name(place.rstrip(".")) if place else None,
        agency.strip() if agency else None,
        match.group("date") or match.group("date_only"),
        match.group("year") or match.group("year_only"),
        rest,
    )


def _place_name(place: str) -> str:
    """'SEOUL' -> 'Seoul', 'NEW YORK' -> 'New York', 'KYIV, Ukraine' -> 'Kyiv, Ukraine'."""
    parts = [part.strip() for part in place.split(",")]
    shown = [part.title() if part.isupper() else part for part in parts]
    return ", ".join(shown)


def _is_caption(block: str, language: Language) -> bool:
    """Tell whether the block under a photo credit describes the photo: it dates it, or credits it."""
    return language.read_full_date(block) is not None or bool(language.caption.search(block))


def _signed_off(paragraph: str, language: Language) -> tuple[str, str | None]:
    """Split the publisher's sign-off off the last paragraph: ('...', 'Yonhap') for '... (Yonhap)'."""
    match = language.sign_off.search(paragraph)
    agency = (match.group("agency") or match.group("after")) if match else None
    if match is None or agency is None or fold(agency) not in language.news_agencies:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), agency


def _byline_names(text: str, language: Language) -> tuple[list[str], str | None]:
    """Read 'Jane Doe and John Roe, Reuters', 'JANE DOE | AP' or 'Xinhua': the names, and a publisher."""
    if fold(text.strip()) in language.news_agencies:
        return [], text.strip()
    parts = re.split(r"\s*[,|]\s*", text.strip())
    names = _names(parts[0], language)
    publisher = parts[1] if len(parts) > 1 and parts[1] and len(parts[1].split()) <= 4 else None
    return names, publisher


def _names(text: str, language: Language) -> list[str]:
    names = []
    for part in language.author_separator.split(text.strip().rstrip(".")):
        name = part.title() if part.isupper() else part
        if language.author_name.match(name):
            names.append(name)
    return names
