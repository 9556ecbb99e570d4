"""The mentions step: each row is a text and the actors it names, known or proposed."""

from __future__ import annotations

import pytest

from generator.draft.gazetteer import make_gazetteer
from generator.draft.mentions import find_mentions
from generator.draft.records import ActorKind, KnownActor
from generator.draft.words import make_body

KNOWN = make_gazetteer(
    [
        KnownActor("united-states", "United States", ActorKind.COUNTRY, ("U.S.", "US", "Washington")),
        KnownActor("united-nations", "United Nations", ActorKind.ORGANIZATION, ("UN", "U.N.")),
        KnownActor(
            "un-security-council",
            "United Nations Security Council",
            ActorKind.ORGANIZATION,
            ("UN Security Council", "Security Council"),
        ),
        KnownActor("russia", "Russia", ActorKind.COUNTRY, ("Moscow", "Russian Federation")),
        KnownActor("south-korea", "South Korea", ActorKind.COUNTRY, ("Seoul", "ROK")),
        KnownActor("north-korea", "North Korea", ActorKind.COUNTRY, ("Pyongyang", "DPRK")),
        KnownActor("japan", "Japan", ActorKind.COUNTRY, ("Tokyo",)),
        KnownActor("yoon-suk-yeol", "Yoon Suk Yeol", ActorKind.PERSON, ("Yoon",)),
        KnownActor("john-thomas", "John Thomas", ActorKind.PERSON, ("Thomas",)),
        KnownActor("ana-weber", "Ana Weber", ActorKind.PERSON),
        KnownActor(
            "defense-ministry",
            "Ministry of National Defense (South Korea)",
            ActorKind.ORGANIZATION,
            ("South Korean defense ministry",),
        ),
        KnownActor("china", "China", ActorKind.COUNTRY, ("People's Republic of China",)),
        KnownActor("panel", "UN Panel of Experts", ActorKind.ORGANIZATION, ("panel of experts on North Korea",)),
    ]
)


def _cast(text: str, publisher: str | None = None) -> tuple[list[str], list[tuple[str, str, str | None]]]:
    cast = find_mentions(make_body([text]), "", KNOWN, publisher)
    return list(cast.actors), [(p.id, p.kind.value, p.role) for p in cast.proposed]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Russia's veto angered Washington.", ["russia", "united-states"]),
        ("The U.N. Security Council met. The UN said nothing.", ["un-security-council", "united-nations"]),
        ("Let us know what the US and the U.S. think.", ["united-states"]),
        ("Seoul and Tokyo criticized Pyongyang.", ["south-korea", "japan", "north-korea"]),
        ("A South Korean envoy and Russian diplomats spoke.", ["south-korea", "russia"]),
        ("The envoy is in Seoul and will visit Japan.", ["japan"]),
        ("The Ministry of National Defense said so.", ["defense-ministry"]),
        ("South Korea's defense ministry said so.", ["defense-ministry"]),
        ("The People’s Republic of China objected.", ["china"]),
        ("The panel of experts on North Korea reported.", ["panel"]),
        ("President Yoon Suk Yeol met Yoon's aides.", ["yoon-suk-yeol"]),
        ("Reuters reported that Russia agreed.", ["russia"]),
        ("The Washington Post reported it first.", []),
        ("Spokesperson Weber said so, and Weber left.", ["ana-weber"]),
    ],
)
def test_known_actors_by_name_alias_possessive_dots_and_adjective(text: str, actors: list[str]) -> None:
    assert _cast(text)[0] == actors


def test_the_publisher_is_not_an_actor() -> None:
    gazetteer = make_gazetteer([KnownActor("reuters", "Reuters", ActorKind.ORGANIZATION)])
    assert find_mentions(make_body(["Reuters reported it."]), "", gazetteer, "Reuters").actors == ()


@pytest.mark.parametrize("apostrophe", ["'", "’", "´", "ʼ"])
def test_a_typographic_apostrophe_is_an_apostrophe(apostrophe: str) -> None:
    cast = find_mentions(make_body([f"Japan{apostrophe}s Defence Minister Nakatani Gen arrived."]), "", KNOWN)
    assert [(m.actor, m.start, m.end) for m in cast.mentions][:1] == [("japan", 0, 5)]
    assert [(p.id, p.role, p.role_organization) for p in cast.proposed] == [
        ("nakatani-gen", "Defence Minister", "japan")
    ]


@pytest.mark.parametrize(
    ("text", "proposed"),
    [
        ("Meeting Foreign Minister Cho Tae-yul, the envoy agreed.", [("cho-tae-yul", "person", "Foreign Minister")]),
        (
            "The visit is to deepen ties, said Nate Evans, spokesperson for the U.S. mission to the U.N.",
            [("nate-evans", "person", "spokesperson for the U.S. mission to the U.N.")],
        ),
        ("Sen. Dana Whitfield objected.", [("dana-whitfield", "person", "Sen.")]),
        ("Supreme Court Justice Ana Ortiz dissented.", [("ana-ortiz", "person", "Supreme Court Justice")]),
        ("President-elect Omar Haddad won.", [("omar-haddad", "person", "President-elect")]),
        ("Pope Leo spoke, and Leo prayed.", [("leo", "person", "Pope")]),
        ("CGT rail secretary Amandine Roux spoke.", [("amandine-roux", "person", "rail secretary")]),
        # Seen on real reports (issue 23): a country's adjective in two words stays whole in the role,
        # and a team, a panel or a mission is an organization.
        ("North Korean leader Kim Jong Un arrived.", [("kim-jong-un", "person", "North Korean leader")]),
        ("His South African counterpart Ana Mbeki agreed.", [("ana-mbeki", "person", "South African counterpart")]),
        (
            "The Multilateral Sanctions Monitoring Team (MSMT) released its report.",
            [("multilateral-sanctions-monitoring-team", "organization", None)],
        ),
        (
            "The Multilateral Sanctions Monitoring Team will publish reports.",
            [("multilateral-sanctions-monitoring-team", "organization", None)],
        ),
        ("Kenji Arakawa arrived late. Arakawa said little.", [("kenji-arakawa", "person", None)]),
        (
            "Envoy Linda Thomas-Greenfield spoke, and Thomas-Greenfield left.",
            [("linda-thomas-greenfield", "person", "Envoy")],
        ),
        (
            "The International Atomic Energy Agency (IAEA) sent inspectors.",
            [("international-atomic-energy-agency", "organization", None)],
        ),
        ("Russia's Defense Ministry said so.", [("defense-ministry-russia", "organization", None)]),
        ("The Bank of Japan held rates.", [("bank-of-japan", "organization", None)]),
        (
            "The Fire and Disaster Management Agency counted the dead.",
            [("fire-and-disaster-management-agency", "organization", None)],
        ),
        # Issue 28 (texts ours): a chain of titles before a name; the name at its end is the person.
        (
            "The vote failed, deputy U.S. Ambassador to the U.N. Maria Lind told the council.",
            [("maria-lind", "person", "Ambassador to the U.N.")],
        ),
        (
            "U.S. State Department Director for Korean and Mongolian Affairs Ana Reyes briefed members.",
            [("ana-reyes", "person", "State Department Director for Korean and Mongolian Affairs")],
        ),
        ("Japan’s Defence Minister Nakatani Gen arrived.", [("nakatani-gen", "person", "Defence Minister")]),
        ("Japan´s Defence Minister Nakatani Gen arrived.", [("nakatani-gen", "person", "Defence Minister")]),
        (
            "Russian Deputy Foreign Minister Andrei Rudenko met him.",
            [("andrei-rudenko", "person", "Deputy Foreign Minister")],
        ),
        # Countries and well-known bodies the content lacks, with their kind; an organization's name
        # with a plural possessive in it.
        ("France and Germany backed the plan.", [("france", "country", None), ("germany", "country", None)]),
        (
            "NATO and the European Union met.",
            [("european-union", "organization", None), ("nato", "organization", None)],
        ),
        ("Who would object? The WHO did.", [("world-health-organization", "organization", None)]),
        ("The Workers' Party of Korea met.", [("workers-party-of-korea", "organization", None)]),
        # Demonyms are never people.
        ("The Russians and North Koreans met. Ukrainians said so.", []),
        # Not actors: places, months, a name with no evidence, a news agency, capitals of a sentence.
        ("Talks in Busan and Kumamoto Prefecture began in March.", []),
        ("Goldman Sachs said the market would rise.", []),
        ("Meanwhile, Analysts Expect More.", []),
        ("The Associated Press could not confirm it.", []),
    ],
)
def test_new_people_and_organizations_are_proposed_on_evidence(
    text: str, proposed: list[tuple[str, str, str | None]]
) -> None:
    assert _cast(text)[1] == proposed


def test_a_surname_in_a_longer_name_is_not_the_known_person_who_has_it() -> None:
    actors, proposed = _cast("Envoy Linda Thomas spoke.")
    assert "john-thomas" not in actors
    assert proposed == [("linda-thomas", "person", "Envoy")]


def test_he_and_she_go_with_the_person_the_text_shows() -> None:
    text = ["Mara Quill sold tickets. She was tired.", "Captain Jonah Pell waited. He said nothing to Mara."]
    cast = find_mentions(make_body(text), "", KNOWN)
    assert cast.pronouns == {"mara-quill": "she", "jonah-pell": "he"}
