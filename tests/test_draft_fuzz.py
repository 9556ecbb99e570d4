"""Property test: whatever text it is given, `draft` writes a file that `check` passes but for its summary.

`make test` runs a bounded, derandomized number of examples; `make fuzz` more (FUZZ_EXAMPLES).
Drafting time grows linearly with the text: `make test` compares a text with four times it, and
`make fuzz` holds texts of 128 KB, any piece repeated, to a time budget per kilobyte.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.draft import make_draft
from generator.draft.draft import write_actor, write_article
from generator.draft.gazetteer import make_gazetteer
from generator.draft.known import DraftedFile, KnownContent, check_draft, read_known
from generator.draft.records import DraftInputError, PartialDate
from generator.draft.source import read_text
from tests.helpers import REPO
from tests.test_fuzz import FUZZ

# A third of the content checker's examples: each drafts a whole article.
DRAFT_FUZZ = settings(FUZZ, max_examples=max(1, FUZZ.max_examples // 3))
KNOWN: KnownContent = read_known(REPO / "tests" / "sample")
GAZETTEER = make_gazetteer(KNOWN.actors)
BUDGET_KB = 128  # the size of each repeated text under `make fuzz`
SECONDS_PER_KB = 0.05  # 300 KB in 15 s, on a slow shared machine: linear steps take a fifth of it

# Pieces of wire copy, and the characters that make YAML and quotation marks hard.
piece = st.sampled_from(
    [
        "SEOUL (Reuters) –", "Tokyo, Oct. 16 (Jiji Press)--", "WASHINGTON (AP) —", "By JANE DOE", "said",
        "Russia's", "U.N.", "Pyongyang", "Foreign Minister", "Cho Tae-yul", "Ms.", "Mr", "Kim", "Jonah Pell",
        "on Monday", "last month", "in September", "for 15 years", "has", "will", "since 2023", "the 1990s",
        "“", "”", '"', "‘", "’", "'", ":", ": ", " #", "#", "-", "|", ">", "*", "&", "!", "%", "@", "`",
        "{", "}", "[", "]", ",", ".", "\n", "\n\n", "no", "NO", "on", "yes", "null", "~", "1:30", "2024-02-30",
        "Ministry of Defense", "Bank of Japan", "(IAEA)", "he", "she", "told reporters", "the statement said",
    ]
)  # fmt: skip
text = st.lists(piece | st.text(max_size=12), min_size=1, max_size=60).map(" ".join)


@DRAFT_FUZZ
@given(headline=st.text(min_size=1, max_size=30).filter(lambda t: t.strip() and "\n" not in t), body=text)
def test_any_text_drafts_a_file_that_checks_but_for_its_summary(headline: str, body: str) -> None:
    try:
        source = read_text(f"{headline}\n\n{body}")
    except Exception as error:  # only the one error a person is told about
        assert type(error).__name__ == "DraftInputError"
        return
    if not source.paragraphs:
        return
    published = PartialDate.parse("2024-04-15")
    draft = make_draft(
        source,
        id="2024-04-15-fuzz",
        origin="fuzz.txt",
        published=published,
        publisher=source.publisher or "Wire",
        gazetteer=GAZETTEER,
        topics=KNOWN.topics,
        read_events=lambda dates, actors: (),
    )
    files = [
        DraftedFile("article", draft.id, Path("content/articles/2024-04-15-fuzz.yaml"), write_article(draft, True))
    ]
    files += [
        DraftedFile("actor", a.id, Path(f"content/actors/{a.id}.yaml"), write_actor(a, draft.id))
        for a in draft.proposed
    ]
    problems = [
        str(d) for d in check_draft(KNOWN, files) if not d.is_review and "'summary' has no value" not in d.message
    ]
    assert problems == [], files[0].text


def _draft_seconds(text: str) -> float:
    """Processor seconds to read and draft ``text``, the best of two runs: the time of this process
    alone, which other processes on a shared machine change little."""
    times = []
    for _ in range(2):
        started = time.process_time()
        source = read_text(text)
        make_draft(
            source,
            id="2024-04-15-speed",
            origin="speed.txt",
            published=PartialDate.parse("2024-04-15"),
            publisher="Wire",
            gazetteer=GAZETTEER,
            topics=KNOWN.topics,
            read_events=lambda dates, actors: (),
        )
        times.append(time.process_time() - started)
    return min(times)


# Texts that made a step quadratic, as a start and a piece repeated: abbreviations one after another
# (the sentence splitter searched back to the sentence's start at each), a photo credit's pattern over
# a long paragraph, a date written again and again (each added its sentence to the event's words).
PATHOLOGICAL = {
    "abbreviations": ("SEOUL (Reuters) - A first sentence. ", "Mr. ", 1000),
    "initials": ("", "A. ", 1000),
    "abbreviations on lines": ("", "Mr.\n", 1000),
    "credit": ("(AP ", "a/ ", 3000),
    "dates": ("Kim met Lee. ", "He said on Monday, in September 2024, that it rained. ", 80),
    # One run of capitalized words joined by 'and' a thousand times: split once, not recursively.
    "names joined": ("", "Director for Korean and Mongolian Affairs ", 500),
}


@pytest.mark.parametrize(("start", "piece", "times"), PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_drafting_time_grows_linearly_with_the_text(start: str, piece: str, times: int) -> None:
    _draft_seconds(f"A headline\n\n{start}{piece * times}")  # imports and caches warm
    small, large = (_draft_seconds(f"A headline\n\n{start}{piece * times * k}") for k in (1, 4))
    # Four times the text: four times the time when linear, sixteen when quadratic.
    assert large < 8 * small + 0.05, f"{small:.3f} s, then {large:.3f} s for four times the text"


piece_or_text = piece | st.text(min_size=1, max_size=12)


@pytest.mark.skipif("FUZZ_EXAMPLES" not in os.environ, reason="a time budget: `make fuzz` measures it")
@settings(FUZZ, max_examples=max(1, FUZZ.max_examples // 200))  # each drafts 128 KB twice
@given(unit=st.lists(piece_or_text, min_size=1, max_size=4).map(" ".join).filter(str.strip))
def test_a_repeated_text_drafts_within_a_budget_per_kilobyte(unit: str) -> None:
    body = unit * max(1, BUDGET_KB * 1024 // len(unit))
    with contextlib.suppress(DraftInputError):
        seconds = _draft_seconds(f"A headline\n\n{body}")
        kilobytes = len(body.encode()) / 1024
        assert seconds < SECONDS_PER_KB * kilobytes + 0.5, f"{seconds:.1f} s for {kilobytes:.0f} KB of {unit!r}"
