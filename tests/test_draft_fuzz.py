"""Property test: whatever text it is given, `draft` writes a file that `check` passes but for its summary.

`make test` runs a bounded, derandomized number of examples; `make fuzz` more (FUZZ_EXAMPLES).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.draft import make_draft
from generator.draft.draft import write_actor, write_article
from generator.draft.gazetteer import make_gazetteer
from generator.draft.known import DraftedFile, KnownContent, check_draft, read_known
from generator.draft.records import PartialDate
from generator.draft.source import read_text
from tests.helpers import REPO
from tests.test_fuzz import FUZZ

# A third of the content checker's examples: each drafts a whole article.
DRAFT_FUZZ = settings(FUZZ, max_examples=max(1, FUZZ.max_examples // 3))
KNOWN: KnownContent = read_known(REPO / "tests" / "sample")
GAZETTEER = make_gazetteer(KNOWN.actors)

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
    problems = [str(d) for d in check_draft(KNOWN, files) if "'summary' has no value" not in d.message]
    assert problems == [], files[0].text
