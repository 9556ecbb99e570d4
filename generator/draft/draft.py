"""Draft: the steps' findings -> an article file in the content format, with comments for the person.

The summary stays empty, with a comment that asks for it in the contributor's own words;
drafted event titles are the article's words and are marked for rewording; key points,
statements and relations are left to the person. Nothing here copies the article's
sentences into the summary or the key points.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..content.commands import command
from ..content.schema import schema_comment
from .language import Language
from .languages import ENGLISH
from .records import (
    Body,
    DatedPhrase,
    DraftEvent,
    DraftQuote,
    DraftStatement,
    PartialDate,
    ProposedActor,
    Source,
    suggest_id,
)
from .words import tokenize, word_set

UNKNOWN_PUBLISHER = "Unknown"
SLUG_WORDS = 6
REWORD_TITLE = "reword the title in your own words: these are the article's"
CHECK_ACTOR = "check the name, the kind and the role against the article"
REWORD_STATEMENT = "reword it in your own words: these are the article's"
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^\n]*$")
_YAML_WORDS = word_set("null true false yes no on off y n")


@dataclass(frozen=True)
class Draft:
    """An article drafted from a text: what goes in the file, and what is left for the person."""

    id: str
    origin: str  # the source's address or file name
    source: Source
    published: PartialDate
    publisher: str
    actors: tuple[tuple[str, str | None], ...]  # (id, role seen)
    proposed: tuple[ProposedActor, ...]
    events: tuple[DraftEvent, ...]
    quotes: tuple[DraftQuote, ...]  # with a speaker placed
    statements: tuple[DraftStatement, ...]  # positions reported in the article's words, to reword
    topics: tuple[str, ...]  # topic ids whose names share words with the text: suggestions only
    unplaced: tuple[str, ...]  # dates and quotes the steps could not place, for the person
    language: str = "English"  # the article's: what is not English, the person writes in English


def unplaced(body: Body, dates: Sequence[DatedPhrase], quotes: Sequence[DraftQuote]) -> tuple[str, ...]:
    """Say, for the person, each date and quote left out of the draft, where it is and why."""
    notes = [
        (d.start, f"date not placed (paragraph {body.paragraph_of(d.start)}): '{d.as_written}': {d.problem}")
        for d in dates
        if d.date is None
    ]
    notes += [
        (q.start, f"quote not placed (paragraph {body.paragraph_of(q.start)}): “{_shortened(q.text)}”: {q.problem}")
        for q in quotes
        if q.by is None
    ]
    return tuple(note for _, note in sorted(notes))


def _shortened(text: str, words: int = 12) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def article_id(published: PartialDate, headline: str, language: Language = ENGLISH) -> str:
    """Make an article id from its date and headline: '2024-04-15-us-allies-seek-new-ways-enforce'."""
    words = [t.norm for t in tokenize(headline, language=language) if t.norm not in language.stopwords]
    written = " ".join(words[:SLUG_WORDS])
    slug = suggest_id(language.romanize(written) if language.romanize else written) or "article"
    return f"{published.iso()}-{slug}"[:80].rstrip("-")


def publisher_of(source: Source, url: str | None) -> str | None:
    """The publisher the source names, or the site its address is on."""
    if source.publisher:
        return source.publisher
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def write_article(
    draft: Draft, new_actors_written: bool, check: str = command("check"), existing: Collection[str] = ()
) -> str:
    """Write the draft as an article file, commented for the person who completes it; ``check``
    is the command that checks it, as the person runs it; ``existing``: new actors whose file
    exists (with a mistake, or the draft would know them), not written."""
    source = draft.source
    lines = [
        schema_comment("article"),
        f"# Drafted by `python -m generator draft` from {_comment(draft.origin)}: review every line against the article,",
        f"# write what is marked 'write', do what each 'review' line says and remove it, then run: {check}",
        f"title: {_scalar(source.headline)}",
        "source:",
    ]
    publisher_note = (
        "" if draft.publisher != UNKNOWN_PUBLISHER else "  # write: who published it (not found in the text)"
    )
    lines.append(f"  publisher: {_scalar(draft.publisher)}{publisher_note}")
    lines.append(f'  published: "{draft.published.iso()}"')
    if source.url:
        lines.append(f"  url: {_scalar(source.url)}")
    if source.dateline:
        lines.append(f"  dateline: {_scalar(source.dateline)}")
    if source.authors:
        lines.append(f"  authors: {_flow(source.authors)}")
    topic_hint = f": perhaps {', '.join(draft.topics)}" if draft.topics else ""
    lines += [
        f"topics: []  # topic ids from content/topics/{topic_hint}",
        "tags: []",
        "summary:  # write: what the article reports, in your own words (2 to 5 sentences); '|' for several lines",
        "key_points: []  # write: short points in your own words, not the article's sentences",
    ]
    lines += _actors(draft, new_actors_written, existing)
    lines += _events(draft)
    lines += _quotes(draft.quotes)
    lines += _statements(draft.statements)
    lines += ["relations: []  # '- from: actor-id' with 'to: actor-id' and 'kind: a short verb phrase'"]
    return "\n".join(lines) + "\n"


def _actors(draft: Draft, new_actors_written: bool, existing: Collection[str]) -> list[str]:
    if not draft.actors:
        return ["actors: []  # who is in the story: actor ids from content/actors/"]
    new = {actor.id for actor in draft.proposed}
    lines = ["actors:"]
    for actor_id, role in draft.actors:
        note = ""
        if actor_id in existing:
            note = f"  # new: content/actors/{actor_id}.yaml exists already: fix it"
        elif actor_id in new:
            where = f"content/actors/{actor_id}.yaml" if new_actors_written else "nowhere yet (draft with --new-actors)"
            note = f"  # new: written to {where}" if new_actors_written else f"  # new: {where}"
            note += "".join(f"; {a.note}" for a in draft.proposed if a.id == actor_id and a.note)
        if role:
            lines += [f"  - id: {actor_id}{note}", f"    role: {_scalar(role)}  # the role the article gives"]
        else:
            lines.append(f"  - {actor_id}{note}")
    return lines


def _events(draft: Draft) -> list[str]:
    if not draft.events:
        return ["events: []  # dated things the article reports: '- date: YYYY-MM-DD' with 'title: ...'"]
    lines = ["events:"]
    for event in draft.events:
        known = event.known
        first = "  - "
        if known is not None:
            lines.append(
                f"  - id: {known.id}  # the content has this event ({known.date.iso()}): its sources merge on the timeline"
            )
            first = "    "
        published = draft.published.first_day()
        lines.append(
            f'{first}date: "{event.date.iso()}"  # {_comment(event.as_written)}, counted from {published:%A} {published.isoformat()}'
        )
        lines.append(f"    as_written: {_scalar(event.as_written)}")
        if known is not None:
            lines.append(f"    title: {_scalar(known.title)}  # the content's title for this event")
            check = (
                f"check that the article reports the content's event '{known.id}' ({known.date.iso()}); "
                "if not, remove the 'id' line and write a title"
            )
            lines.append(f"    review: {_scalar(check)}")
        elif event.candidates:  # not sure enough to link: the person decides
            shown = " or ".join(f"'{c.id}' ({c.date.iso()}, {c.title})" for c in event.candidates)
            lines.append(f"    title: {_scalar(event.title)}  # perhaps the content's event {_comment(shown)[1:-1]}")
            ids = " or ".join(f"'{c.id}'" for c in event.candidates)
            check = (
                f"check whether it is the content's event {ids}: if it is, write 'id:' with that id and its title; "
                "if not, reword the title in your own words"
            )
            lines.append(f"    review: {_scalar(check)}")
        else:
            lines.append(f"    title: {_scalar(event.title)}")
            reword = REWORD_TITLE if draft.language == "English" else _in_english(REWORD_TITLE, draft.language)
            lines.append(f"    review: {_scalar(reword)}")
        if event.actors:
            lines.append(f"    actors: {_flow(event.actors)}")
    return lines


def _in_english(review: str, language: str) -> str:
    """'reword the title in your own words' -> '... in English': the content is written in English."""
    return review.replace("in your own words", "in English, in your own words") + f" ({language})"


def _quotes(quotes: Sequence[DraftQuote]) -> list[str]:
    if not quotes:
        return [
            "quotes: []  # only words the article puts in quotation marks, verbatim: '- by: actor-id' with 'text: ...'"
        ]
    lines = ["quotes:"]
    for quote in quotes:
        assert quote.by is not None
        lines.append(f"  - by: {quote.by}")
        if quote.speaker:
            lines.append(f"    speaker: {_scalar(quote.speaker)}")
        lines.append(f"    text: {_scalar(quote.text)}")
    return lines


def _statements(statements: Sequence[DraftStatement]) -> list[str]:
    if not statements:
        return ["statements: []  # positions and claims, in your own words: '- by: actor-id' with 'text: ...'"]
    lines = ["statements:  # positions the article reports: reword each, and add 'topic' and 'stance' if it takes one"]
    for statement in statements:
        lines += [
            f"  - by: {statement.by}",
            f"    text: {_scalar(statement.text)}",
            f"    review: {_scalar(REWORD_STATEMENT)}",
        ]
    return lines


def write_actor(actor: ProposedActor, article: str) -> str:
    """Write a proposed actor's file: its name as written, its kind as guessed, the role the article gives."""
    lines = [
        schema_comment("actor"),
        f"# Proposed by `python -m generator draft` for {article}: check the name, the kind and the role.",
        f"name: {_scalar(actor.name)}",
        f"kind: {actor.kind.value}  # guessed from the text: person, country or organization",
        f"review: {_scalar(CHECK_ACTOR)}",
    ]
    if actor.note:
        lines.insert(2, f"# {actor.note}")
    if actor.aliases:
        lines.append(f"aliases: {_flow(actor.aliases)}")
    if actor.role and actor.kind.value == "person":
        lines += ["roles:", f"  - title: {_scalar(actor.role)}  # the role the article gives"]
        if actor.role_organization:
            lines.append(f"    organization: {actor.role_organization}")
    return "\n".join(lines) + "\n"


def suggest_topics(
    topics: Mapping[str, str], body: Body, language: Language = ENGLISH, limit: int = 3
) -> tuple[str, ...]:
    """Topic ids whose names share the most words with the text (at least two): for the comment only."""
    stopwords = language.stopwords
    words = {t.norm for t in tokenize(body.text, language=language)} - stopwords
    scored = []
    for topic_id, name in topics.items():
        shared = len({t.norm for t in tokenize(name, language=language)} - stopwords & words)
        if shared >= 2:
            scored.append((-shared, topic_id))
    return tuple(topic_id for _, topic_id in sorted(scored)[:limit])


def _scalar(text: str) -> str:
    """Write a text as a YAML value: plain where it reads back the same, double-quoted where not."""
    if (
        _PLAIN.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and text.lower() not in _YAML_WORDS
        and not re.fullmatch(r"[\d.:\-+eE~]+", text)
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Sequence[str]) -> str:
    """Write a list on one line; in a flow list, a comma or a bracket needs quotes too."""
    shown = [json.dumps(item, ensure_ascii=False) if re.search(r"[,\[\]{}]", item) else _scalar(item) for item in items]
    return "[" + ", ".join(shown) + "]"


def _comment(text: str) -> str:
    return "'" + " ".join(text.split()).replace("#", "") + "'"
