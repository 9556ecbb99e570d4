"""The events step: a drafted event takes the id of the content's event it is, and only then."""

from __future__ import annotations

import pytest

from generator.draft.events import link_known_events
from generator.draft.records import DraftEvent, KnownEvent, PartialDate

VETO = KnownEvent(
    "panel-veto",
    PartialDate.parse("2024-03-28"),
    "Russia vetoes the renewal of the UN panel of experts",
    ("russia", "un-security-council"),
    "Russia vetoes the renewal of the UN panel of experts; China abstains. last month",
)
SUMMIT = KnownEvent(
    "summit-2023",
    PartialDate.parse("2023-09"),
    "Leaders of Russia and North Korea meet",
    ("russia", "north-korea"),
    "Leaders of Russia and North Korea meet",
)


def _event(date: str, actors: tuple[str, ...], words: str) -> DraftEvent:
    return DraftEvent(PartialDate.parse(date), "as written", "A title", actors, 0, words)


@pytest.mark.parametrize(
    ("event", "linked"),
    [
        (
            _event("2024-03", ("russia",), "Russia last month vetoed the annual renewal of a panel of experts."),
            "panel-veto",
        ),
        (_event("2024-03-28", ("russia", "china"), "Moscow vetoed renewing the panel's mandate."), "panel-veto"),
        (_event("2024", ("russia",), "Russia vetoed the panel of experts' renewal."), "panel-veto"),
        (_event("2023-09", ("north-korea", "russia"), "Ties strengthened after their leaders met."), "summit-2023"),
        # The date disagrees, no actor is shared, or the words are not close: a new event.
        (_event("2024-02", ("russia",), "Russia vetoed the renewal of a panel of experts."), None),
        (_event("2024-03", ("japan",), "Japan vetoed the renewal of a panel of experts."), None),
        (_event("2024-03", ("russia",), "Russia held a presidential election."), None),
    ],
)
def test_a_drafted_event_takes_the_id_of_the_same_known_event(event: DraftEvent, linked: str | None) -> None:
    (result,) = link_known_events([event], [VETO, SUMMIT])
    assert (result.known.id if result.known else None) == linked


def test_each_known_event_is_taken_once_by_the_closest_drafted_event() -> None:
    close = _event(
        "2024-03", ("russia", "un-security-council"), "Russia vetoed the renewal of the UN panel of experts."
    )
    far = _event("2024-03", ("russia",), "Russia criticized the panel of experts and vetoed more.")
    assert [e.known.id if e.known else None for e in link_known_events([far, close], [VETO])] == [None, "panel-veto"]


def test_an_approximate_date_agrees_with_a_year_either_side() -> None:
    monitoring = KnownEvent(
        "monitoring",
        PartialDate.parse("2009"),
        "Panel begins monitoring sanctions",
        ("panel",),
        "Panel begins monitoring sanctions",
    )
    event = _event("2010~", ("panel",), "a panel that has for 15 years monitored sanctions")
    assert link_known_events([event], [monitoring])[0].known == monitoring
