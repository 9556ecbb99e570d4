"""The statements step: each row is a text and the positions it reports in its own words, by whom."""

from __future__ import annotations

import pytest

from generator.draft.gazetteer import make_gazetteer
from generator.draft.mentions import find_mentions
from generator.draft.records import ActorKind, KnownActor
from generator.draft.statements import find_statements
from generator.draft.words import make_body

KNOWN = make_gazetteer(
    [
        KnownActor("china", "China", ActorKind.COUNTRY, ("Beijing",)),
        KnownActor("russia", "Russia", ActorKind.COUNTRY, ("Moscow",)),
        KnownActor("north-korea", "North Korea", ActorKind.COUNTRY, ("Pyongyang",)),
        KnownActor("kim-ha-na", "Kim Ha-na", ActorKind.PERSON, ("Kim",)),
    ]
)


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # Wire styles of reported speech: 'has said', 'says that', an alias, a title before a name.
        (
            "China has said the measures were one-sided and unlawful.",
            [("china", "the measures were one-sided and unlawful")],
        ),
        (
            "North Korea says that its weapons programs are for self-defence.",
            [("north-korea", "its weapons programs are for self-defence")],
        ),
        (
            "Moscow has repeatedly said the sanctions were losing their relevance.",
            [("russia", "the sanctions were losing their relevance")],
        ),
        (
            "Foreign Minister Kim Ha-na said the talks would resume in May.",
            [("kim-ha-na", "the talks would resume in May")],
        ),
        (
            "Beijing said in a brief statement on Monday that the drills were routine.",
            [("china", "the drills were routine")],
        ),
        # Not a statement of the actor: its envoy's, no actor opening the sentence, quoted words, too short.
        ("Russia's envoy said the vote was rigged from the start.", []),
        ("In Beijing, officials said the plan would surely fail.", []),
        ("Kim said: “We will not sign the deal today.”", []),
        ("China said so.", []),
    ],
)
def test_a_position_reported_in_the_texts_words_is_drafted_for_its_actor(
    text: str, statements: list[tuple[str, str]]
) -> None:
    body = make_body([text])
    found = find_statements(body, find_mentions(body, "", KNOWN))
    assert [(s.by, s.text) for s in found] == statements
