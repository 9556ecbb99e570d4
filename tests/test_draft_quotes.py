"""The quotes step: each row is a text and its quotations, with who said them (None: not placed)."""

from __future__ import annotations

import pytest

from generator.draft.gazetteer import make_gazetteer
from generator.draft.mentions import find_mentions
from generator.draft.quotes import find_quotes
from generator.draft.records import ActorKind, KnownActor
from generator.draft.words import make_body

KNOWN = make_gazetteer(
    [
        KnownActor("south-korea", "South Korea", ActorKind.COUNTRY, ("Seoul",)),
        KnownActor("russia", "Russia", ActorKind.COUNTRY, ("Moscow",)),
        KnownActor("kim-ha-na", "Kim Ha-na", ActorKind.PERSON, ("Kim",)),
        KnownActor("trade-ministry", "Ministry of Trade", ActorKind.ORGANIZATION, ("trade ministry",)),
    ]
)


def _quotes(*paragraphs: str) -> list[tuple[str, str | None, str | None]]:
    body = make_body(paragraphs)
    cast = find_mentions(body, "", KNOWN)
    return [(q.text, q.by, q.speaker) for q in find_quotes(body, cast)]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (['"We will not sign," Kim said.'], [("We will not sign", "kim-ha-na", None)]),
        (["“We will not sign,” said Kim Ha-na."], [("We will not sign", "kim-ha-na", None)]),
        (["Kim said: “We will not sign.”"], [("We will not sign", "kim-ha-na", None)]),
        (["Kim told reporters, “We will not sign.”"], [("We will not sign", "kim-ha-na", None)]),
        (["“We will not sign,” she said."], [("We will not sign", None, None)]),
        (
            ["Kim Ha-na arrived. “We will not sign,” she said."],
            [("We will not sign", "kim-ha-na", None)],
        ),
        (
            [
                "Seoul criticized the veto, with a South Korean envoy likening it to “destroying a camera to avoid being seen.”"
            ],
            [("destroying a camera to avoid being seen", "south-korea", "a South Korean envoy")],
        ),
        (["“No deal yet,” the trade ministry said in a statement."], [("No deal yet", "trade-ministry", None)]),
        (
            ["The trade ministry issued a statement.", "“Talks will go on,” the statement said."],
            [("Talks will go on", "trade-ministry", None)],
        ),
        (["According to Moscow, “the vote was rigged.”"], [("the vote was rigged", "russia", None)]),
        (
            ["“We will fight,” Kim said. “We will win.”"],
            [("We will fight", "kim-ha-na", None), ("We will win", "kim-ha-na", None)],
        ),
        (
            ["“We found out from a press release,” Kim said. “That is not how it works.", "“Show us the papers.”"],
            [
                ("We found out from a press release", "kim-ha-na", None),
                ("That is not how it works", "kim-ha-na", None),
                ("Show us the papers", "kim-ha-na", None),
            ],
        ),
        # Seen on real reports (issue 23): after '..., saying' or '..., calling it' the speaker is the
        # sentence's subject, not the clause before the comma (which named Moscow here).
        (
            ["Kim told reporters that Moscow agreed, calling it “a breakthrough.”"],
            [("a breakthrough", "kim-ha-na", None)],
        ),
        (
            ["The envoy recalled that Moscow fired missiles last week, saying: “These are threats.”"],
            [("These are threats", None, None)],
        ),
        # Issue 28, seen on real reports of several wires (the texts here are ours).
        # A chain of titles, dotted abbreviations in it: the name at its end speaks.
        (
            ["“We will not sign,” South Korea’s U.N. Ambassador Kim Ha-na told the council."],
            [("We will not sign", "kim-ha-na", None)],
        ),
        # A report or an agency only passes the words on: the sentence names who said them.
        (
            ["Kim said the deal was fair, calling it “a new stage,” the report said."],
            [("a new stage", "kim-ha-na", None)],
        ),
        # 'The statement read' after an attribution: whoever spoke just before issued it.
        (
            ["Talks will resume, the trade ministry said.", "“The goal is a fair deal,” the statement read."],
            [("The goal is a fair deal", "trade-ministry", None)],
        ),
        # A state's media speak for it; another agency only reports.
        (["“The talks were useful,” TASS said."], [("The talks were useful", "russia", "TASS")]),
        (["“The talks were useful,” Reuters said."], [("The talks were useful", None, None)]),
        # A short quotation inside a sentence is its subject's, in curly or straight single marks.
        (["Seoul called the move “irresponsible” on Monday."], [("irresponsible", "south-korea", None)]),
        (["Kim dismissed the plan as 'unworkable' and left."], [("unworkable", "kim-ha-na", None)]),
        (
            ["Kim Ha-na pledged to “firmly resist” what she called “bullying.”"],
            [("firmly resist", "kim-ha-na", None), ("bullying", "kim-ha-na", None)],
        ),
        (["Russia rejected the so-called “grand bargain” outright."], [("grand bargain", None, None)]),
        # A quotation split around 'said X'; a speaker named by role; 'it added' after an organization.
        (
            ["“We will fight,” said Kim Ha-na, “and we will win.”"],
            [("We will fight", "kim-ha-na", None), ("and we will win", "kim-ha-na", None)],
        ),
        (
            ["Trade Minister Kim Ha-na arrived in Moscow.", "“Talks went well,” the minister also said."],
            [("Talks went well", "kim-ha-na", None)],
        ),
        (
            ["“Talks will go on,” the trade ministry said.", "“No date is set,” it added."],
            [("Talks will go on", "trade-ministry", None), ("No date is set", "trade-ministry", None)],
        ),
        # Not placed: no speaker, a speaker the content does not have, a scare quote.
        (["Officials said the plan was “unworkable.”"], [("unworkable", None, None)]),
        (["The so-called “grand bargain” was not discussed."], [("grand bargain", None, None)]),
        (["“Keep it,” it said."], [("Keep it", None, None)]),
        # Apostrophes are not quotation marks; nothing outside the marks is a quote.
        (["Russia’s envoy said the experts’ work was biased."], []),
    ],
)
def test_quotes_and_their_speakers(paragraphs: list[str], expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _quotes(*paragraphs) == expected


def test_an_unplaced_quote_says_why() -> None:
    body = make_body(["Officials said the plan was “unworkable.”"])
    (quote,) = find_quotes(body, find_mentions(body, "", KNOWN))
    assert quote.problem == "'Officials' is not an actor the content has"
