from __future__ import annotations

import pytest

from generator.content.dates import PartialDate


@pytest.mark.parametrize(
    ("written", "human"),
    [
        ("2024", "2024"),
        ("2024-03", "March 2024"),
        ("2024-03-28", "28 March 2024"),
        ("2009~", "c. 2009"),
        ("2023-09~", "c. September 2023"),
        ("2024-02-29", "29 February 2024"),
    ],
)
def test_dates_read_and_print_for_humans(written: str, human: str) -> None:
    date = PartialDate.parse(written)
    assert date.human() == human
    assert date.iso() == written


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2024-02-30", "'2024-02-30' is not a date that exists: February 2024 has 29 days"),
        ("2023-02-29", "'2023-02-29' is not a date that exists: February 2023 has 28 days"),
        ("2024-13", "'2024-13' is not a date that exists: months go from 01 to 12"),
        ("15 April 2024", "'15 April 2024' is not a date: write '2024-04-15'"),
        ("April 15, 2024", "'April 15, 2024' is not a date: write '2024-04-15'"),
        ("April 2024", "'April 2024' is not a date: write '2024-04'"),
        ("last month", "'last month' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, such as 2024-03-28"),
        ("2024-3-5", "'2024-3-5' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, such as 2024-03-28"),
    ],
)
def test_bad_dates_say_what_to_write(written: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        PartialDate.parse(written)
    assert str(error.value) == message


def test_a_less_precise_date_sorts_before_the_dates_inside_it() -> None:
    written = ["2024-03-01", "2024", "2023-12-31", "2024-03", "2024-03~", "2023"]
    ordered = sorted((PartialDate.parse(w) for w in written), key=lambda d: d.sort_key)
    assert [d.iso() for d in ordered] == ["2023", "2023-12-31", "2024", "2024-03", "2024-03~", "2024-03-01"]


def test_dates_agree_when_one_lies_inside_the_other() -> None:
    march, day, other_day = (PartialDate.parse(w) for w in ("2024-03", "2024-03-28", "2024-03-27"))
    assert march.agrees_with(day) and day.agrees_with(march)
    assert not day.agrees_with(other_day)
    assert PartialDate.parse("2009~").agrees_with(PartialDate.parse("2009-06"))


def test_after_means_every_day_the_date_may_mean_is_later() -> None:
    published = PartialDate.parse("2024-04-15")
    assert PartialDate.parse("2024-04-16").is_after(published)
    assert not PartialDate.parse("2024-04").is_after(published)
    assert not PartialDate.parse("2024").is_after(published)
    assert PartialDate.parse("2025").is_after(published)
