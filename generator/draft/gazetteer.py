"""The gazetteer: every name, alias, short form and country adjective of the content's actors,
and where the text names them."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .language import Language
from .languages import ENGLISH
from .records import ActorKind, KnownActor, Mention
from .words import Token, fold, tokenize


@dataclass(frozen=True)
class _Entry:
    """One way of writing a known actor, as tokens."""

    actor: str
    norms: tuple[str, ...]
    capitals: tuple[bool, ...]  # which tokens must start with a capital in the text
    is_caps: bool  # an all-capital alias: only in capitals
    is_city: bool  # an alias that is also a place ("Seoul"): not a mention after "in", "to"...
    gaps: tuple[str, ...]  # the punctuation between its words: 'Ministry of Trade, Industry and Energy'
    possessives: tuple[bool, ...]  # which words end in 's: "People's Republic of China"


@dataclass(frozen=True)
class Gazetteer:
    """The content's actors, indexed by the first word of every name they go by."""

    actors: Mapping[str, KnownActor]
    entries: Mapping[str, tuple[_Entry, ...]]
    names: Mapping[str, str]  # every name and alias, folded -> the actor it names
    language: Language = ENGLISH  # the language of the text the names are looked for in


def make_gazetteer(actors: Iterable[KnownActor], language: Language = ENGLISH) -> Gazetteer:
    """Index every name, alias and country adjective of the content's actors."""
    by_id = {actor.id: actor for actor in actors}
    forms: dict[str, list[tuple[str, str]]] = {}  # folded form -> [(actor, form)]
    for known in by_id.values():
        written = [known.name, *known.aliases]
        if known.name.endswith(")") and " (" in known.name:  # 'Ministry of National Defense (South Korea)'
            written.append(known.name.rsplit(" (", 1)[0])
        if known.kind is ActorKind.COUNTRY:
            written += language.demonyms(known.name)
        for name in written:
            forms.setdefault(fold(name), []).append((known.id, name))
    countries = {
        fold(a): c.name for c in by_id.values() if c.kind is ActorKind.COUNTRY for a in language.demonyms(c.name)
    }
    for form, candidates in list(forms.items()):
        words = form.split(" ")
        for size in (2, 1):  # 'Ukrainian energy ministry' is also "Ukraine's energy ministry"
            country = countries.get(" ".join(words[:size]))
            if country and len(words) > size and by_id[candidates[0][0]].kind is not ActorKind.COUNTRY:
                variant = f"{country}'s {candidates[0][1].split(' ', size)[size]}"
                forms.setdefault(fold(variant), []).extend((actor, variant) for actor, _ in candidates)
                break
    entries: dict[str, list[_Entry]] = {}
    for candidates in forms.values():
        if len({actor for actor, _ in candidates}) > 1:
            continue  # a form two actors share names neither
        actor, name = candidates[0]
        tokens = tokenize(name, language=language)
        if not tokens:
            continue
        letters = [c for c in name if c.isalpha()]
        is_caps = len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6
        capitals = tuple(t.is_capitalized and len(tokens) < 3 for t in tokens)
        is_city = len(tokens) == 1 and fold(name) in language.places and name != by_id[actor].name
        gaps = tuple(name[a.end : b.start].strip() for a, b in itertools.pairwise(tokens))
        possessives = tuple(t.is_possessive for t in tokens)
        entry = _Entry(actor, tuple(t.norm for t in tokens), capitals, is_caps, is_city, gaps, possessives)
        entries.setdefault(entry.norms[0], []).append(entry)
    names = {form: candidates[0][0] for form, candidates in forms.items()}
    ordered = {first: tuple(sorted(found, key=lambda e: -len(e.norms))) for first, found in entries.items()}
    return Gazetteer(by_id, ordered, names, language)


def adjacent(text: str, left: Token, right: Token, language: Language) -> bool:
    gap = text[left.end : right.start]
    if gap in ("", " ", "-", "‐", "\u00a0"):
        return True
    if gap in ("' ", "’ ") and left.text.endswith("s") and left.is_capitalized and right.is_capitalized:
        return True  # a plural possessive inside a name: "Workers' Party"
    # An initial ('John F. Kennedy') or a short title ('Sen. Dana Whitfield').
    return gap == ". " and ((len(left.text) == 1 and left.text.isupper()) or left.norm in language.abbreviated_titles)


def match_known(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer, excluded: set[str], is_headline: bool = False
) -> tuple[list[Mention], set[int]]:
    language = gazetteer.language
    mentions: list[Mention] = []
    taken: set[int] = set()
    index = 0
    while index < len(tokens):
        entry = next((e for e in _entries_at(tokens[index], gazetteer) if fits(text, tokens, index, e, language)), None)
        if entry is None or (
            len(entry.norms) == 1
            and not entry.is_caps  # 'U.N. Robert Wood': an acronym before a name is not part of it
            and not is_headline
            and _is_inside_name(text, tokens, index, language)
        ):
            index += 1
            continue
        size = len(entry.norms)
        taken.update(range(index, index + size))
        actor = gazetteer.actors[entry.actor]
        is_place = (
            entry.is_city
            and index > 0
            and tokens[index - 1].norm in language.locatives
            and not (index > 1 and tokens[index - 2].norm in language.source_words)  # 'according to Moscow'
        )
        if not is_place and fold(actor.name) not in excluded:
            mentions.append(Mention(entry.actor, tokens[index].start, _end(tokens[index + size - 1], entry.norms[-1])))
        index += size
    return mentions, taken


def _is_inside_name(text: str, tokens: Sequence[Token], index: int, language: Language) -> bool:
    """Tell whether one word is part of a longer name: 'Thomas' in 'Linda Thomas-Greenfield', 'China' in 'China Daily'."""

    def is_name_part(other: Token) -> bool:
        norm = other.norm
        return (
            language.is_name(other)
            and norm not in language.role_heads
            and norm not in language.role_modifiers
            and norm not in language.honorifics
            and norm not in language.adjectives
            and norm not in language.sentence_starters
            and norm not in language.stopwords
        )

    token = tokens[index]
    if (
        index + 1 < len(tokens)
        and not token.is_possessive
        and adjacent(text, token, tokens[index + 1], language)
        and is_name_part(tokens[index + 1])
    ):
        return True
    if index > 0 and not tokens[index - 1].is_possessive and adjacent(text, tokens[index - 1], token, language):
        return is_name_part(tokens[index - 1])
    return False


def name_end(token: Token) -> int:
    """Where a name ends: before a possessive 's."""
    return token.end - 2 if token.is_possessive else token.end


def _entries_at(token: Token, gazetteer: Gazetteer) -> tuple[_Entry, ...]:
    """The names that may start at a token: by the word, then by its other forms ('북한은' is '북한')."""
    found = gazetteer.entries.get(token.norm, ())
    for form in gazetteer.language.stems(token.norm):
        found += gazetteer.entries.get(form, ())
    return found


def _end(token: Token, norm: str) -> int:
    """Where a name whose last word is ``norm`` ends in a token: before a particle it carries."""
    return name_end(token) if token.norm == norm else token.start + len(norm)


def fits(text: str, tokens: Sequence[Token], index: int, entry: _Entry, language: Language) -> bool:
    if index + len(entry.norms) > len(tokens):
        return False
    for offset, norm in enumerate(entry.norms):
        token = tokens[index + offset]
        if token.norm != norm and not (offset == len(entry.norms) - 1 and norm in language.stems(token.norm)):
            return False
        if offset and not (
            adjacent(text, tokens[index + offset - 1], token, language)
            or (
                entry.gaps[offset - 1]
                and text[tokens[index + offset - 1].end : token.start].strip() == entry.gaps[offset - 1]
            )
        ):
            return False
        if token.is_possessive != entry.possessives[offset] and offset < len(entry.norms) - 1:
            return False
        if entry.is_caps and not (token.text[:-2] if token.is_possessive else token.text).replace(".", "").isupper():
            return False
        if entry.capitals[offset] and not token.is_capitalized:
            return False
    return True
