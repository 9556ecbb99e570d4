"""Mentions: the actors the text names, known to the content or proposed as new.

Known actors are found by name, alias, possessive ("Russia's"), dotted or not ("U.N." is
"UN"), and for countries by adjective ("South Korean"). An alias in capitals ("US", "ROK")
matches only as a whole word in capitals, so "us" is never the United States. A capital
used as a place ("in Seoul") is not a mention of its country.

New people and organizations are proposed only on evidence: a title before the name
("Foreign Minister Cho Tae-yul"), a role after it (", spokesperson for ..."), the name
used again in short ("Cho said"), or a speaker with a pronoun after; an organization by
the noun at its head ("... Ministry", "Bank of ..."). Places, the publisher and news
agencies are never actors. When in doubt, nothing is proposed: the person adds it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .gazetteer import Gazetteer, adjacent, match_known
from .language import Language
from .records import ActorKind, Body, Mention, ProposedActor, suggest_id
from .roles import Words, country_before, role_near, sentence_starts
from .words import Token, fold, tokenize


@dataclass(frozen=True)
class Cast:
    """Who the text names: mentions in the body, actors proposed, and the roles seen."""

    mentions: tuple[Mention, ...]
    headline_actors: tuple[str, ...]
    proposed: tuple[ProposedActor, ...]
    roles: Mapping[str, tuple[str, str | None]]  # actor id -> (role as written, a country id it belongs to)
    kinds: Mapping[str, ActorKind]
    pronouns: Mapping[str, str] = field(default_factory=dict)  # person -> 'he' or 'she', where the text shows it

    @property
    def actors(self) -> tuple[str, ...]:
        """Every actor in the story, in the order the body first names them (then the headline's)."""
        return tuple(dict.fromkeys([m.actor for m in self.mentions] + list(self.headline_actors)))

    @cached_property
    def _starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions between two offsets of the body."""
        first = bisect.bisect_left(self._starts, start)
        return [m for m in self.mentions[first : bisect.bisect_left(self._starts, end)] if m.end <= end]

    def last_person_before(self, offset: int, pronoun: str | None = None) -> str | None:
        """The person last named before ``offset`` that 'he' or 'she' may stand for."""
        for mention in reversed(self.mentions[: bisect.bisect_left(self._starts, offset)]):
            if self.kinds.get(mention.actor) is not ActorKind.PERSON:
                continue
            if pronoun is None or self.pronouns.get(mention.actor, pronoun) == pronoun:
                return mention.actor
        return None


@dataclass
class _Candidate:
    """A name that may be a new actor, with the evidence gathered over its occurrences."""

    name: str
    norms: tuple[str, ...]
    occurrences: list[tuple[int, int]] = field(default_factory=list)  # token index ranges
    role: str | None = None
    role_organization: str | None = None
    is_person: bool = False  # a title, an honorific or a role next to it
    is_speaker: bool = False  # next to 'said', with 'he' or 'she' after it
    is_mid_sentence: bool = False  # written with a capital where a sentence does not start
    is_organization: bool = False
    aliases: tuple[str, ...] = ()
    fixed_kind: ActorKind | None = None  # a country or an international body, known by name


def find_mentions(body: Body, headline: str, gazetteer: Gazetteer, publisher: str | None = None) -> Cast:
    """Find the known actors the text names and propose the people and organizations it adds.

    The text is read in the gazetteer's language."""
    language = gazetteer.language
    excluded = {fold(publisher)} if publisher else set()
    tokens = tuple(tokenize(body.text, language=language))
    words = Words(body.text, tokens, frozenset(sentence_starts(body, tokens)), language)
    known, taken = match_known(body.text, tokens, gazetteer, excluded)
    if language.find_new_actors is not None:
        proposed, found = language.find_new_actors(body.text, tokens, taken, gazetteer)
    else:
        candidates = _candidates(words, taken, known, gazetteer, excluded)
        proposed, found = _propose(words, candidates, known, gazetteer)
    mentions = sorted(known + found, key=lambda m: m.start)
    kinds = {actor.id: actor.kind for actor in gazetteer.actors.values()} | {p.id: p.kind for p in proposed}
    roles: dict[str, tuple[str, str | None]] = {p.id: (p.role, p.role_organization) for p in proposed if p.role}
    for mention in known:
        if kinds.get(mention.actor) is ActorKind.PERSON and mention.actor not in roles:
            role, organization = role_near(words, _token_range(words, mention), gazetteer)
            if role:
                roles[mention.actor] = (role, organization)
    headline_known, _ = match_known(headline, tokenize(headline, language=language), gazetteer, excluded, True)
    headline_actors = tuple(dict.fromkeys(m.actor for m in headline_known))
    pronouns = _pronouns(words, mentions, kinds)
    return Cast(tuple(mentions), headline_actors, tuple(proposed), roles, kinds, pronouns)


def _pronouns(words: Words, mentions: Sequence[Mention], kinds: Mapping[str, ActorKind]) -> dict[str, str]:
    """Whether each person is 'he' or 'she', where the text shows it: a title or a family word before
    the name (Mr., Ms., 'his daughter'), or 'He' or 'She' opening the sentence after it."""
    tokens, starts, language = words.tokens, words.sentence_starts, words.language
    votes: dict[str, list[str]] = {}
    for mention in mentions:
        if kinds.get(mention.actor) is not ActorKind.PERSON:
            continue
        first = words.token_at(mention.start)
        before = [tokens[i].norm for i in range(max(0, first - 2), first)]
        following = bisect.bisect_left(starts, words.token_at(mention.end))
        opening = tokens[starts[following]].norm if following < len(starts) else ""
        for word in [*before[-1:], opening if opening in language.subject_pronouns else ""]:
            if word in language.he_words or word in language.she_words:
                votes.setdefault(mention.actor, []).append("he" if word in language.he_words else "she")
    return {actor: max(set(v), key=v.count) for actor, v in votes.items() if v.count("he") != v.count("she")}


# ---------------------------------------------------------------------------------------------
# New actors


def _candidates(
    words: Words, taken: set[int], known: list[Mention], gazetteer: Gazetteer, excluded: set[str]
) -> dict[tuple[str, ...], _Candidate]:
    """Gather every run of capitalized words the content does not know, with its evidence."""
    text, tokens, starts, language = words.text, words.tokens, words.starts, words.language
    lowercase_words = {t.norm for t in tokens if t.text[:1].islower()}
    known_at = {m.start: m for m in known}
    candidates: dict[tuple[str, ...], _Candidate] = {}
    index = 0
    while index < len(tokens):
        if index in taken or not language.is_name(tokens[index]):
            index += 1
            continue
        end = index + 1
        while (
            end < len(tokens)
            and end not in taken
            and end not in starts
            and not tokens[end - 1].is_possessive
            and adjacent(text, tokens[end - 1], tokens[end], language)
        ):
            if language.is_name(tokens[end]) or (
                text[tokens[end - 1].end : tokens[end].start] == "-" and tokens[end].text[0].isalpha()
            ):
                end += 1  # a name, or the rest of a hyphenated one: 'Tae-yul'

            elif (
                tokens[end].norm in language.connectors
                and end + 1 < len(tokens)
                and end + 1 not in taken
                and language.is_name(tokens[end + 1])
                and adjacent(text, tokens[end], tokens[end + 1], language)
            ):
                end += 2
            else:
                break
        span = list(range(index, end))
        # "Bank of Japan": an organization's head, 'of', and a country the content knows.
        if (
            end + 1 < len(tokens)
            and tokens[end].norm in language.name_links
            and tokens[end - 1].norm in language.organization_heads
            and tokens[end + 1].start in known_at
            and gazetteer.actors[known_at[tokens[end + 1].start].actor].kind is ActorKind.COUNTRY
        ):
            country = known_at[tokens[end + 1].start]
            last = next(i for i in range(end + 1, len(tokens)) if tokens[i].end >= country.end)
            span = list(range(index, last + 1))
            known.remove(country)
        index = max(end, span[-1] + 1)
        _consider(words, span, lowercase_words, candidates, gazetteer, excluded)
    return candidates


def _consider(
    words: Words,
    span: list[int],
    lowercase_words: set[str],
    candidates: dict[tuple[str, ...], _Candidate],
    gazetteer: Gazetteer,
    excluded: set[str],
) -> None:
    """Strip a run of capitalized words down to a name; record it and its evidence."""
    text, tokens, starts, language = words.text, words.tokens, words.starts, words.language
    at_start = span[0] in starts
    first = tokens[span[0]]
    is_title = (
        first.norm in language.role_heads or first.norm in language.role_modifiers or first.norm in language.honorifics
    )
    if at_start and _is_common(first, lowercase_words, language) and not (is_title and len(span) > 1):
        span.pop(0)
        at_start = False
    while span and tokens[span[-1]].norm in language.connectors:
        span.pop()
    titled = _name_after_title(tokens, span, language)
    is_organization = not titled and len(span) >= 2 and _is_organization(tuple(tokens[i].norm for i in span), language)
    if not titled and not is_organization and any(tokens[i].norm in language.and_words for i in span):
        # names joined: 'Yoon and Cho'; split at every 'and' at once (a long run must not recurse deep)
        parts: list[list[int]] = [[]]
        for i in span:
            if tokens[i].norm in language.and_words:
                parts.append([])
            else:
                parts[-1].append(i)
        for part in parts:
            if part:
                _consider(words, part, lowercase_words, candidates, gazetteer, excluded)
        return
    if titled:  # 'Department of State Director for Korean Affairs Seth Bailey': the name after the titles
        title_tokens = span[:titled]
        del span[:titled]
    else:
        title_tokens = [] if is_organization else _strip_title(tokens, span, language)
    while span and tokens[span[0]].norm in language.connectors:
        span.pop(0)  # 'for Korean' left of 'Director for Korean Affairs'
    if not span or len(span) > (8 if is_organization else 5):
        return
    if not is_organization and all(_is_demonym(tokens[i].norm, language) for i in span):
        return  # 'the Russians', 'North Koreans', 'Korean': people of a country, never a person
    name_tokens = [tokens[i] for i in span]
    norms = tuple(t.norm for t in name_tokens)
    name = _shown(text[name_tokens[0].start : words.name_end(span[-1])])
    folded = fold(name)
    known_as = language.well_known.get(folded)
    written = text[name_tokens[0].start : words.name_end(span[-1])]
    if known_as is not None and not written.isupper():  # 'WHO' is the body, 'Who' a word
        known_as = None if any(f.isupper() and fold(f) == folded for f in (known_as[0], *known_as[2])) else known_as
    if known_as is not None and folded not in excluded:  # 'France', 'NATO': a country or a body the content lacks
        candidate = candidates.setdefault(norms, _Candidate(known_as[0], norms))
        candidate.occurrences.append((span[0], span[-1] + 1))
        candidate.fixed_kind, candidate.aliases = known_as[1], known_as[2]
        return
    if (
        folded in language.places
        or folded in language.news_agencies
        or folded in excluded
        or any(t.norm in language.months_and_days or not t.text[0].isalpha() for t in name_tokens)
        or name_tokens[-1].norm in language.place_heads
        or all(t.is_caps for t in name_tokens)
        or (
            len(span) == 1
            and (name_tokens[0].norm in language.stopwords or name_tokens[0].norm in language.sentence_starters)
        )
    ):
        return
    if is_organization:
        name = _organization_name(words, span, name, gazetteer)
    candidate = candidates.setdefault(norms, _Candidate(name, norms))
    candidate.occurrences.append((span[0], span[-1] + 1))
    candidate.is_mid_sentence = candidate.is_mid_sentence or not (at_start and not title_tokens)
    if is_organization:
        candidate.is_organization = True
        candidate.aliases = candidate.aliases or _acronym(text, words.name_end(span[-1]))
        return
    if any(t.norm in language.organization_heads for t in name_tokens):
        return
    if any(tokens[i].norm in language.honorifics for i in title_tokens):
        candidate.is_person = True
    role, organization = role_near(words, (span[0], span[-1] + 1), gazetteer, title_tokens)
    if role is not None:
        candidate.is_person = True
        if candidate.role is None and role:
            candidate.role, candidate.role_organization = role, organization
    if _is_speaker(tokens, span[0], span[-1] + 1, language) and _pronoun_follows(words, span[-1] + 1):
        candidate.is_speaker = True


def _name_after_title(tokens: Sequence[Token], span: list[int], language: Language) -> int:
    """Where a person's name begins after a chain of titles in one run of capitalized words (0: none):
    the last two or three plain words, after a title word, with a role's head before them."""
    titles = language.role_heads | language.role_modifiers
    plain = 0
    while plain < len(span) and plain < 3:
        norm = tokens[span[-1 - plain]].norm
        if norm in titles or norm in language.organization_heads or norm in language.connectors:
            break
        if norm in language.adjectives or norm in language.place_heads:
            break
        plain += 1
    cut = len(span) - plain
    if plain < 2 or cut < 2 or tokens[span[cut - 1]].norm not in titles:
        return 0
    return cut if any(tokens[i].norm in language.role_heads for i in span[:cut]) else 0


def _is_demonym(norm: str, language: Language) -> bool:
    plural = language.token_plural.sub("", norm)
    return norm in language.adjectives or plural in language.adjectives or norm in language.compass_words


def _is_organization(norms: tuple[str, ...], language: Language) -> bool:
    """'... Ministry', '... Agency', 'Bank of ...': the noun at the head of the name says so."""
    heads = language.organization_heads
    return norms[-1] in heads or any(
        norm in heads and following in language.name_links for norm, following in itertools.pairwise(norms)
    )


def _strip_title(tokens: Sequence[Token], span: list[int], language: Language) -> list[int]:
    """Take titles, honorifics and country adjectives off the front of a name: 'Foreign Minister Cho'."""
    title: list[int] = []
    while span and (
        tokens[span[0]].norm in language.role_heads
        or tokens[span[0]].norm in language.role_modifiers
        or tokens[span[0]].norm in language.honorifics
        or tokens[span[0]].norm in language.adjectives
        or (title and tokens[span[0]].norm in language.name_links and len(span) > 2)
    ):
        title.append(span.pop(0))
    # A title with words of its own before its role: 'Supreme Court Justice Sonia Sotomayor'.
    heads = [k for k, i in enumerate(span[:-1]) if tokens[i].norm in language.role_heads and tokens[i].is_capitalized]
    if heads and 1 <= len(span) - heads[-1] - 1 <= 4:
        title += span[: heads[-1] + 1]
        del span[: heads[-1] + 1]
    return title


def _shown(name: str) -> str:
    return name.title() if name.isupper() else name


def _is_common(token: Token, lowercase_words: set[str], language: Language) -> bool:
    """Tell whether a capitalized word that opens a sentence is an ordinary word, not a name."""
    norm = token.norm
    return (
        norm in language.sentence_starters
        or norm in language.stopwords
        or norm in lowercase_words
        or language.is_common_word(norm)
    )


def _organization_name(words: Words, span: list[int], name: str, gazetteer: Gazetteer) -> str:
    """Name an organization so that it stands alone: the 'Foreign Ministry' after 'Chinese' is the Chinese one."""
    tokens = words.tokens
    country = country_before(words.text, tokens, span[0], gazetteer)
    if country is None or not adjacent(words.text, tokens[span[0] - 1], tokens[span[0]], words.language):
        return name
    if tokens[span[0] - 1].is_possessive:  # "South Korea's Defense Ministry"
        return f"{name} ({gazetteer.actors[country].name})"
    return f"{tokens[span[0] - 1].text} {name}"  # 'Chinese Foreign Ministry'


def _acronym(text: str, end: int) -> tuple[str, ...]:
    """The acronym a text gives in brackets after a name: 'the International Atomic Energy Agency (IAEA)'."""
    match = re.match(r" \(([A-Z]{2,8})\)", text[end : end + 12])
    return (match.group(1),) if match else ()


def _is_speaker(tokens: Sequence[Token], start: int, end: int, language: Language) -> bool:
    after = tokens[end].norm if end < len(tokens) else ""
    before = tokens[start - 1].norm if start > 0 else ""
    return after in language.speech_verbs or before in language.speech_verbs


def _pronoun_follows(words: Words, index: int) -> bool:
    """Tell whether 'he', 'she', 'his' or 'her' comes in the rest of this sentence or the next."""
    sentences = 0
    for position in range(index, min(len(words.tokens), index + 60)):
        if position in words.starts:
            sentences += 1
            if sentences > 1:
                return False
        if words.tokens[position].norm in words.language.pronouns:
            return True
    return False


def _propose(
    words: Words, candidates: dict[tuple[str, ...], _Candidate], known: list[Mention], gazetteer: Gazetteer
) -> tuple[list[ProposedActor], list[Mention]]:
    """Keep the candidates with enough evidence; resolve short forms ('Cho') to the full names they stand for."""
    language = words.language
    single = {norms[0] for norms in candidates if len(norms) == 1}
    proposed: dict[str, ProposedActor] = {}
    mentions: list[Mention] = []
    people: dict[str, set[str]] = {}  # a first or last name -> the people it may stand for
    full_names: list[tuple[tuple[str, ...], str]] = []  # the people's names, as tokens
    for candidate in sorted(candidates.values(), key=lambda c: -len(c.norms)):
        if candidate.fixed_kind is not None:
            actor_id = gazetteer.names.get(fold(candidate.name)) or suggest_id(candidate.name)
            if actor_id not in gazetteer.actors and actor_id not in proposed:
                proposed[actor_id] = ProposedActor(
                    actor_id, candidate.name, candidate.fixed_kind, aliases=candidate.aliases
                )
            mentions += [_mention(words, actor_id, occurrence) for occurrence in candidate.occurrences]
            continue
        if len(candidate.norms) == 1:
            continue
        shorter_of = {
            actor
            for norms, actor in full_names
            if norms[-len(candidate.norms) :] == candidate.norms or norms[: len(candidate.norms)] == candidate.norms
        }
        if len(shorter_of) == 1:  # 'Thomas-Greenfield' after 'Linda Thomas-Greenfield'
            actor_id = next(iter(shorter_of))
            mentions += [_mention(words, actor_id, occurrence) for occurrence in candidate.occurrences]
            continue
        kind = _kind(candidate, single)
        actor_id = gazetteer.names.get(fold(candidate.name)) or (suggest_id(candidate.name) if kind else "")
        if not actor_id:
            continue
        if actor_id not in gazetteer.actors and actor_id not in proposed:
            proposed[actor_id] = ProposedActor(
                actor_id,
                candidate.name,
                kind or ActorKind.PERSON,
                candidate.role,
                candidate.role_organization,
                candidate.aliases,
            )
        if kind is ActorKind.PERSON:
            full_names.append((candidate.norms, actor_id))
            for norm in (candidate.norms[0], candidate.norms[-1]):
                people.setdefault(norm, set()).add(actor_id)
        mentions += [_mention(words, actor_id, occurrence) for occurrence in candidate.occurrences]
    named = {m.actor for m in known}
    surnames: dict[str, set[str]] = {}  # the last name of every person the content has
    for actor in gazetteer.actors.values():
        name_tokens = tokenize(actor.name, language=language) if actor.kind is ActorKind.PERSON else []
        if name_tokens:
            surnames.setdefault(name_tokens[-1].norm, set()).add(actor.id)
        if actor.id in named and name_tokens:
            for token in (name_tokens[0], name_tokens[-1]):
                people.setdefault(token.norm, set()).add(actor.id)
    for surname, actors in surnames.items():  # 'President Biden' for the content's one 'Joe Biden'
        if len(actors) == 1 and surname not in people and surname not in language.places:
            people[surname] = set(actors)
    introduced: dict[str, int] = {}  # person -> where the text first names them in full
    for mention in sorted(mentions + known, key=lambda m: m.start):
        introduced.setdefault(mention.actor, mention.start)
    for candidate in candidates.values():
        if len(candidate.norms) != 1:
            continue
        meant = people.get(candidate.norms[0], set())
        if not meant and candidate.is_mid_sentence and (candidate.is_person or candidate.is_speaker):
            actor_id = suggest_id(candidate.name)
            if actor_id and actor_id not in gazetteer.actors and actor_id not in proposed:
                proposed[actor_id] = ProposedActor(actor_id, candidate.name, ActorKind.PERSON, candidate.role)
            if actor_id:
                mentions += [_mention(words, actor_id, occurrence) for occurrence in candidate.occurrences]
            continue
        if len(meant) == 1 and next(iter(meant)) not in introduced:  # named by surname alone
            if candidate.is_mid_sentence or candidate.is_person or candidate.is_speaker:
                mentions += [_mention(words, next(iter(meant)), occurrence) for occurrence in candidate.occurrences]
            continue
        for occurrence in candidate.occurrences:
            # A surname two people share is the one the text named first ('Brenner', then his daughter 'Lena Brenner').
            offset = words.tokens[occurrence[0]].start
            earlier = sorted((introduced[a], a) for a in meant if a in introduced and introduced[a] < offset)
            if earlier:
                mentions.append(_mention(words, earlier[0][1], occurrence))
    return list(proposed.values()), mentions


def _mention(words: Words, actor: str, occurrence: tuple[int, int]) -> Mention:
    start, end = occurrence
    return Mention(actor, words.tokens[start].start, words.name_end(end - 1))


def _kind(candidate: _Candidate, single: set[str]) -> ActorKind | None:
    if candidate.is_organization:
        return ActorKind.ORGANIZATION
    if len(candidate.norms) > 4:
        return None
    is_reused = candidate.norms[0] in single or candidate.norms[-1] in single
    if candidate.is_person or is_reused or candidate.is_speaker:
        return ActorKind.PERSON
    return None


def _token_range(words: Words, mention: Mention) -> tuple[int, int]:
    start = words.token_at(mention.start)
    return start, max(start + 1, words.token_at(mention.end))
