"""The dates step: each row is a sentence, the day it was published, and the dates it gives."""

from __future__ import annotations

import pytest

from generator.draft.dates import find_dates, read_full_date
from generator.draft.records import PartialDate
from generator.draft.words import make_body

MONDAY = "2024-04-15"  # a Monday
FRIDAY = "2025-02-07"


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Weekdays: the one of that week, or the next one when the verb looks ahead.
        ("The envoy said on Monday that talks would resume.", MONDAY, [("on Monday", "2024-04-15")]),
        ("The ministers met on Thursday.", MONDAY, [("on Thursday", "2024-04-11")]),
        ("The ministers will meet on Thursday.", MONDAY, [("on Thursday", "2024-04-18")]),
        ("They will meet next Monday.", MONDAY, [("next Monday", "2024-04-22")]),
        ("They met last Monday.", MONDAY, [("last Monday", "2024-04-08")]),
        ("The store opens on a Friday and closes every Sunday.", MONDAY, []),
        # The verb nearest the date decides: a past verb reports a past day, even of a plan.
        ("The council on Friday rejected the draft.", MONDAY, [("on Friday", "2024-04-12")]),
        ("The ministers met in Tokyo on Wednesday (local time).", MONDAY, [("on Wednesday", "2024-04-10")]),
        (
            "The firm said on Monday it expected output to resume in June.",
            "2024-04-16",
            [("on Monday", "2024-04-15"), ("in June", "2024-06")],
        ),
        ("Officials said the talks will be held on Thursday.", MONDAY, [("on Thursday", "2024-04-18")]),
        ("He will tour the flood-hit towns on Saturday, aides said.", MONDAY, [("on Saturday", "2024-04-20")]),
        # No verb in the clause: the sentence's.
        (
            "Thursday at the United Nations, the envoy briefed member states.",
            "2025-07-18",
            [("Thursday", "2025-07-17")],
        ),
        ("The vote on Friday, April 12, was close.", MONDAY, [("on Friday, April 12", "2024-04-12")]),
        # Months: the last one, the next one, or the person decides.
        ("Relations warmed after the leaders met in September.", MONDAY, [("in September", "2023-09")]),
        ("The ministers will meet in September.", MONDAY, [("in September", "2024-09")]),
        ("The festival opens in September.", MONDAY, [("in September", None)]),
        ("Prices rose in April.", MONDAY, [("in April", "2024-04")]),
        (
            "It happened in April last year and again last October.",
            MONDAY,
            [("in April last year", "2023-04"), ("last October", "2023-10")],
        ),
        ("In March 2024 the group split.", "2024-06-01", [("In March 2024", "2024-03")]),
        ("Orders have been in place since September 2024.", "2024-10-16", [("since September 2024", "2024-09")]),
        ("Theresa May said so. It may rain.", MONDAY, []),
        # Days of a month.
        ("The vote is on June 15.", MONDAY, [("on June 15", "2024-06-15")]),
        ("The storm struck on Oct. 9.", "2024-10-16", [("on Oct. 9", "2024-10-09")]),
        # No verb tells: the nearest such day, so 'on May 2' in a report of 3 May is that May.
        ("In an address on May 2, the governor set a curfew.", "2024-05-03", [("on May 2", "2024-05-02")]),
        ("In a speech on Feb. 7, she confirmed the offensive.", "2025-02-26", [("on Feb. 7", "2025-02-07")]),
        ("It was signed on 3 March 2022.", MONDAY, [("on 3 March 2022", "2022-03-03")]),
        ("It was signed on Friday, March 4, 2022.", MONDAY, [("on Friday, March 4, 2022", "2022-03-04")]),
        ("It was signed on Thursday, March 4, 2022.", MONDAY, [("on Thursday, March 4, 2022", None)]),
        ("The deal was signed on June 15.", MONDAY, [("on June 15", "2023-06-15")]),
        # Relative to the publication date.
        ("Russia last month blocked the renewal.", MONDAY, [("last month", "2024-03")]),
        ("They promised last year to deepen ties.", MONDAY, [("last year", "2023")]),
        ("Earlier this month the deal fell apart.", MONDAY, [("Earlier this month", "2024-04")]),
        ("A decision is expected next month.", "2025-12-03", [("next month", "2026-01")]),
        ("The talks last week were tense.", MONDAY, [("last week", "2024-04")]),
        ("The talks last week were tense.", FRIDAY, [("last week", None)]),
        (
            "He arrived yesterday and leaves tomorrow.",
            MONDAY,
            [("yesterday", "2024-04-14"), ("tomorrow", "2024-04-16")],
        ),
        (
            "Three days ago a storm hit. Two years ago the plant closed.",
            MONDAY,
            [("Three days ago", "2024-04-12"), ("Two years ago", "2022~")],
        ),
        # Spans that reach the publication date: 'has ... for'.
        ("A panel that has for 15 years tracked compliance.", MONDAY, [("for 15 years", "2009~")]),
        ("The rebels have held the town for two decades.", MONDAY, [("for two decades", "2004~")]),
        ("He was jailed for 15 years.", MONDAY, [("for 15 years", None)]),
        ("She will serve for five years.", MONDAY, []),
        # Years.
        ("Since 2023 the group has grown.", MONDAY, [("Since 2023", "2023")]),
        ("The 2018 summit failed.", MONDAY, [("2018", "2018")]),
        (
            "Exports rose in 2024 by 2024 percent; 1,200 jobs went in 1998.",
            MONDAY,
            [("in 2024", "2024"), ("in 1998", "1998")],
        ),
        ("The 1718 Committee met.", MONDAY, []),
        # Left for the person.
        ("In the 1990s the firm was small.", MONDAY, [("In the 1990s", None)]),
        ("The next day he left.", MONDAY, [("The next day", None)]),
        (
            "In 2017 she was removed from office in March of that year.",
            MONDAY,
            [("In 2017", "2017"), ("in March of that year", None)],
        ),
        ("Last winter the hives died.", MONDAY, [("Last winter", None)]),
    ],
)
def test_dates_resolve_against_the_publication_date(
    text: str, published: str, expected: list[tuple[str, str | None]]
) -> None:
    found = find_dates(make_body([text]), PartialDate.parse(published))
    assert [(d.as_written, d.date.iso() if d.date else None) for d in found] == expected


def test_an_unplaced_date_says_why() -> None:
    (found,) = find_dates(make_body(["The festival opens in September."]), PartialDate.parse(MONDAY))
    assert found.problem == "the verb does not tell whether it is the last one or the next one: write the year"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 15, 2024", "2024-04-15"),
        ("Published 3:04 AM GMT+9, Mon 15 April 2024", "2024-04-15"),
        ("Updated 2024-04-15 10:00", "2024-04-15"),
        ("Sometime in spring", None),
    ],
)
def test_full_dates_in_a_date_line(line: str, expected: str | None) -> None:
    date = read_full_date(line)
    assert (date.iso() if date else None) == expected
