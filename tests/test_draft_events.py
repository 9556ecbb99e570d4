"""The events step: a drafted event takes the id of the content's event it is, and only then."""

from __future__ import annotations

import pytest

from generator.draft.events import link_known_events
from generator.draft.records import ActorKind, DraftEvent, KnownActor, KnownEvent, PartialDate

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


PLEDGE = KnownEvent(
    "military-pledge",
    PartialDate.parse("2023"),
    "Russia and North Korea pledge to deepen military relations",
    ("russia", "north-korea"),
    "Russia and North Korea pledge to deepen military relations. last year",
)
ENVOY = KnownEvent(
    "envoy-remarks",
    PartialDate.parse("2024-04-15"),
    "U.S. envoy to the UN says Washington and its partners seek new ways to enforce North Korea sanctions",
    ("united-states", "south-korea", "north-korea"),
    "U.S. envoy to the UN says Washington and its partners seek new ways to enforce North Korea sanctions",
)
ACTORS = {
    actor.id: actor
    for actor in (
        KnownActor("russia", "Russia", ActorKind.COUNTRY, ("Moscow",)),
        KnownActor("north-korea", "North Korea", ActorKind.COUNTRY, ("DPRK", "Pyongyang")),
        KnownActor("south-korea", "South Korea", ActorKind.COUNTRY, ("Seoul",)),
        KnownActor("united-states", "United States", ActorKind.COUNTRY, ("U.S.", "Washington")),
        KnownActor("ukraine", "Ukraine", ActorKind.COUNTRY, ()),
        KnownActor("un-security-council", "UN Security Council", ActorKind.ORGANIZATION, ()),
    )
}


# Seen on real reports (issue 23): the names of the countries in both events were counted as
# shared words, so that any event of the same year about Russia and North Korea merged.
@pytest.mark.parametrize(
    ("event", "linked"),
    [
        (
            _event(
                "2023-09-12",
                ("kim-jong-un", "russia", "north-korea"),
                "Kim's armored train crossed into Russia on Tuesday, North Korean state media reported.",
            ),
            None,
        ),
        (
            _event(
                "2024",
                ("south-korea", "united-states", "ukraine", "north-korea", "russia"),
                "South Korean, U.S. and Ukrainian intelligence have said that North Korea sent troops to Russia.",
            ),
            None,
        ),
        # Words about what happened still link, whatever the names around them.
        (
            _event(
                "2023", ("russia", "north-korea"), "Moscow and Pyongyang pledged last year to deepen military ties."
            ),
            "military-pledge",
        ),
        (
            _event(
                "2024-03-28", ("russia", "un-security-council"), "Russia vetoed the renewal of the panel of experts."
            ),
            "panel-veto",
        ),
    ],
)
def test_names_of_countries_and_people_are_not_close_words(event: DraftEvent, linked: str | None) -> None:
    (result,) = link_known_events([event], [VETO, PLEDGE, ENVOY], ACTORS)
    assert (result.known.id if result.known else None) == linked


LAUNCH = KnownEvent(
    "team-launch",
    PartialDate.parse("2024-10-16"),
    "Eleven countries launch a sanctions monitoring team",
    ("united-states", "japan", "monitoring-team"),
    "Eleven countries launch a sanctions monitoring team",
)


def _said(date: str, as_written: str, actors: tuple[str, ...], sentence: str, clause: str) -> DraftEvent:
    return DraftEvent(PartialDate.parse(date), as_written, "A title", actors, 0, sentence, clause=clause)


# Issue 28: known events described in other words (the texts are ours). The date must agree at
# the event's precision, and the date's own clause must say what the event is, a synonym counting.
@pytest.mark.parametrize(
    ("event", "published", "linked", "candidates"),
    [
        # The clause with the date is about the launch; the veto is only the sentence's background.
        (
            _said(
                "2024",
                "in 2024",
                ("monitoring-team", "russia"),
                "The team, which watches the sanctions, was launched in 2024 after Russia vetoed the panel's renewal.",
                "was launched  ",
            ),
            "2025-07-18",
            "team-launch",
            [],
        ),
        # 'established' says 'launch'; but no actor in common: listed for the person, not linked.
        (
            _said(
                "2024-10",
                "in October last year",
                ("united-nations",),
                "The monitoring body was established in October last year after the UN panel was dissolved.",
                "The monitoring body was established  ",
            ),
            "2025-07-18",
            None,
            ["team-launch"],
        ),
        # 'late last year' is not March, though the year agrees.
        (
            _said(
                "2024",
                "late last year",
                ("russia", "un-security-council"),
                "Russia vetoed the renewal of the panel of experts late last year, officials said.",
                "Russia vetoed the renewal of the panel of experts  ",
            ),
            "2025-05-02",
            None,
            [],
        ),
        # The dates agree, but the clause says something else: neither linked nor listed.
        (
            _said(
                "2024-03",
                "last month",
                ("russia",),
                "Russia last month held an election, and vetoed the renewal of the panel.",
                "Russia held an election",
            ),
            "2024-04-15",
            None,
            [],
        ),
    ],
)
def test_an_event_in_other_words_links_only_when_its_clause_says_what_it_is(
    event: DraftEvent, published: str, linked: str | None, candidates: list[str]
) -> None:
    (result,) = link_known_events([event], [VETO, LAUNCH], ACTORS, published=PartialDate.parse(published))
    assert (result.known.id if result.known else None, [c.id for c in result.candidates]) == (linked, candidates)


TREATY = KnownEvent(
    "treaty",
    PartialDate.parse("2024-06-19"),
    "Russia and North Korea sign a partnership treaty in Pyongyang",
    ("russia", "north-korea"),
    "Russia and North Korea sign a partnership treaty in Pyongyang",
)


@pytest.mark.parametrize(
    ("text", "published", "linked"),
    [
        # A date that opens the sentence: the clause after it says what happened.
        ("In March, Moscow vetoed the annual renewal of the panel of experts.", "2024-04-15", "panel-veto"),
        # 'and' joins the names of a clause, it does not end it; 'pact' is 'treaty'.
        ("The pact was signed by Moscow and Pyongyang during a visit in June.", "2024-11-18", "treaty"),
        ("Moscow and Pyongyang signed a defence pact earlier this year.", "2024-10-16", "treaty"),
    ],
)
def test_the_clause_of_a_date_is_what_the_text_says_happened_then(text: str, published: str, linked: str) -> None:
    from generator.draft.dates import find_dates
    from generator.draft.events import draft_events
    from generator.draft.gazetteer import make_gazetteer
    from generator.draft.mentions import find_mentions
    from generator.draft.words import make_body

    body = make_body([text])
    day = PartialDate.parse(published)
    events = draft_events(body, find_dates(body, day), find_mentions(body, "", make_gazetteer(ACTORS.values())))
    (result,) = link_known_events(events, [VETO, TREATY], ACTORS, published=day)
    assert result.known is not None and result.known.id == linked


def test_one_day_is_one_drafted_event_however_the_text_writes_it() -> None:
    from generator.draft.dates import find_dates
    from generator.draft.events import draft_events
    from generator.draft.gazetteer import make_gazetteer
    from generator.draft.mentions import find_mentions
    from generator.draft.words import make_body

    body = make_body(["Moscow and Pyongyang met on Monday.", "Monday's meeting lasted two hours, Moscow said."])
    cast = find_mentions(body, "", make_gazetteer(ACTORS.values()))
    events = draft_events(body, find_dates(body, PartialDate.parse("2024-04-16")), cast)
    assert [(e.date.iso(), e.as_written, e.actors) for e in events] == [
        ("2024-04-15", "on Monday", ("russia", "north-korea"))
    ]
