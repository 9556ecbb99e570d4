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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .places import ADJECTIVES, NEWS_AGENCIES, PLACES, demonyms
from .records import ActorKind, Body, KnownActor, Mention, ProposedActor, suggest_id
from .words import STOPWORDS, Token, fold, tokenize, word_set

# Nouns that make the words before or after a name a role: "Foreign Minister", "spokesperson for".
ROLE_HEADS = word_set(
    """president minister secretary ambassador envoy spokesperson spokesman spokeswoman chancellor king queen
    prince princess pope admiral general colonel lieutenant captain sergeant commander chief director chairman
    chairwoman chair governor senator congressman congresswoman representative mayor judge justice attorney
    prosecutor professor coach manager ceo cfo founder co-founder leader premier emir sheikh ayatollah cardinal
    bishop rabbi imam reverend detective inspector officer agent commissioner speaker marshal lawmaker legislator
    diplomat negotiator adviser advisor analyst economist researcher scientist strategist author novelist writer
    poet artist singer actor actress producer chef farmer teacher student doctor nurse lawyer journalist reporter
    editor photographer owner executive investor banker trader striker midfielder defender goalkeeper winger
    forward player referee driver rider champion activist official head deputy superintendent sheriff governor-general
    secretary-general vice-president mother father son daughter wife husband brother sister grandmother grandfather
    uncle aunt nephew niece cousin widow friend neighbour neighbor colleague boss partner counterpart successor
    predecessor rival sen rep gov gen lt col capt sgt adm maj cmdr supt insp det cllr councillor councilor
    councilman councilwoman alderman"""
)
ROLE_MODIFIERS = word_set(
    """foreign defense defence finance interior justice trade economy economic health education security state
    national special senior acting former first assistant associate executive supreme top vice deputy prime
    chief general attorney head lead principal permanent interim incoming outgoing then transport industry energy
    agriculture labor labour commerce culture environment housing tourism home affairs unification infrastructure
    science technology communications information treasury homeland veterans fisheries maritime land sports youth
    family welfare employment development planning digital finance budget immigration police army navy elect ex"""
)
HONORIFICS = word_set("mr mrs ms miss dr sir dame lord lady mx prof madam")
# Titles written short, with a period that does not end the sentence: 'Sen. Dana Whitfield'.
_ABBREVIATED_TITLES = word_set("mr mrs ms dr prof sen rep gov gen lt col capt sgt adm maj cmdr supt insp det st cllr")
# The head noun of an organization's name.
ORGANIZATION_HEADS = word_set(
    """ministry agency council committee commission bank party corporation corp inc ltd llc plc group company co
    association union federation organization organisation institute university college court parliament assembly
    office department service fund forces army navy police foundation authority board bureau club fc league
    network alliance coalition front movement corps guard guards administration cabinet watch
    international bloc brigade brigades secretariat tribunal trust holdings partners airlines airways motors
    technologies systems laboratories labs pharmaceuticals industries enterprises command centre center
    institution society academy exchange consortium syndicate directorate inspectorate"""
)
PLACE_HEADS = word_set(
    """street avenue road square river mountain mountains sea ocean island islands province county city district
    region airport station bridge port peninsula strait valley lake gulf bay park house hall palace tower building
    church cathedral mosque temple stadium arena hotel hospital prison camp base border coast desert plain
    games cup olympics war summit conference forum festival day week prize award act law treaty agreement accord
    plan program programme initiative operation project index report resolution declaration convention
    charter strategy doctrine protocol"""
)
SPEECH_VERBS = word_set(
    """said says say told tells added adds asked asks wrote writes stated states noted notes warned warns explained
    explains insisted insists argued argues declared declares announced announces replied replies responded
    responds continued recalled recalls complained tweeted posted shouted whispered murmured answered answers
    admitted acknowledged claimed claims concluded conceded cautioned stressed urged joked laughed sighed cried
    snapped muttered yelled demanded suggested observed remarked countered pleaded protested promised"""
)
LOCATIVES = word_set(
    "in at to from near outside inside into via toward towards across around visit visited visits visiting "
    "arrived arrive arrives reached leave left left"
)
_CONNECTORS = word_set("of for the and de la le du des del da van von der den bin al el on")
_PRONOUNS = word_set("he she his her him")
_SENTENCE_STARTERS = word_set(
    """the a an this that these those in on at for from with by but and or if when while as after before since
    during meanwhile however still yet also then now his her their its our my your we they he she it i you some
    many most all both each every no not other another such what which who why how where there here last next
    earlier later even only just despite although though because under over amid among between according asked
    speaking meeting several one two three four five more less few much instead unlike like given once"""
)
_MONTHS_AND_DAYS = word_set(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec"""
)


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


def make_gazetteer(actors: Iterable[KnownActor]) -> Gazetteer:
    """Index every name, alias and country adjective of the content's actors."""
    by_id = {actor.id: actor for actor in actors}
    forms: dict[str, list[tuple[str, str]]] = {}  # folded form -> [(actor, form)]
    for known in by_id.values():
        written = [known.name, *known.aliases]
        if known.name.endswith(")") and " (" in known.name:  # 'Ministry of National Defense (South Korea)'
            written.append(known.name.rsplit(" (", 1)[0])
        if known.kind is ActorKind.COUNTRY:
            written += demonyms(known.name)
        for name in written:
            forms.setdefault(fold(name), []).append((known.id, name))
    countries = {fold(a): c.name for c in by_id.values() if c.kind is ActorKind.COUNTRY for a in demonyms(c.name)}
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
        tokens = tokenize(name)
        if not tokens:
            continue
        letters = [c for c in name if c.isalpha()]
        is_caps = len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 6
        capitals = tuple(t.is_capitalized and len(tokens) < 3 for t in tokens)
        is_city = len(tokens) == 1 and fold(name) in PLACES and name != by_id[actor].name
        gaps = tuple(name[a.end : b.start].strip() for a, b in itertools.pairwise(tokens))
        possessives = tuple(t.is_possessive for t in tokens)
        entry = _Entry(actor, tuple(t.norm for t in tokens), capitals, is_caps, is_city, gaps, possessives)
        entries.setdefault(entry.norms[0], []).append(entry)
    names = {form: candidates[0][0] for form, candidates in forms.items()}
    ordered = {first: tuple(sorted(found, key=lambda e: -len(e.norms))) for first, found in entries.items()}
    return Gazetteer(by_id, ordered, names)


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


@dataclass(frozen=True)
class _Text:
    """The body's text and tokens, and which tokens open a sentence."""

    text: str
    tokens: tuple[Token, ...]
    starts: frozenset[int]

    def name_end(self, index: int) -> int:
        return _end(self.tokens[index])

    @cached_property
    def offsets(self) -> list[int]:
        return [token.start for token in self.tokens]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return sorted(self.starts)

    def token_at(self, offset: int) -> int:
        """The index of the first token that starts at or after ``offset``."""
        return bisect.bisect_left(self.offsets, offset)


def find_mentions(body: Body, headline: str, gazetteer: Gazetteer, publisher: str | None = None) -> Cast:
    """Find the known actors the text names and propose the people and organizations it adds."""
    excluded = {fold(publisher)} if publisher else set()
    tokens = tuple(tokenize(body.text))
    words = _Text(body.text, tokens, frozenset(_sentence_starts(body, tokens)))
    known, taken = _match_known(body.text, tokens, gazetteer, excluded)
    candidates = _candidates(words, taken, known, gazetteer, excluded)
    proposed, found = _propose(words, candidates, known, gazetteer)
    mentions = sorted(known + found, key=lambda m: m.start)
    kinds = {actor.id: actor.kind for actor in gazetteer.actors.values()} | {p.id: p.kind for p in proposed}
    roles: dict[str, tuple[str, str | None]] = {p.id: (p.role, p.role_organization) for p in proposed if p.role}
    for mention in known:
        if kinds.get(mention.actor) is ActorKind.PERSON and mention.actor not in roles:
            role, organization = _role_near(words, _token_range(words, mention), gazetteer)
            if role:
                roles[mention.actor] = (role, organization)
    headline_known, _ = _match_known(headline, tokenize(headline), gazetteer, excluded, is_headline=True)
    headline_actors = tuple(dict.fromkeys(m.actor for m in headline_known))
    pronouns = _pronouns(words, mentions, kinds)
    return Cast(tuple(mentions), headline_actors, tuple(proposed), roles, kinds, pronouns)


_HE = word_set(
    "he his mr son father husband brother king prince uncle nephew grandfather chairman spokesman congressman"
)
_SHE = word_set(
    "she her ms mrs miss daughter mother wife sister queen princess aunt niece grandmother widow chairwoman "
    "spokeswoman congresswoman actress"
)


def _pronouns(words: _Text, mentions: Sequence[Mention], kinds: Mapping[str, ActorKind]) -> dict[str, str]:
    """Whether each person is 'he' or 'she', where the text shows it: a title or a family word before
    the name (Mr., Ms., 'his daughter'), or 'He' or 'She' opening the sentence after it."""
    tokens, starts = words.tokens, words.sentence_starts
    votes: dict[str, list[str]] = {}
    for mention in mentions:
        if kinds.get(mention.actor) is not ActorKind.PERSON:
            continue
        first = words.token_at(mention.start)
        before = [tokens[i].norm for i in range(max(0, first - 2), first)]
        following = bisect.bisect_left(starts, words.token_at(mention.end))
        opening = tokens[starts[following]].norm if following < len(starts) else ""
        for word in [*before[-1:], opening if opening in ("he", "she") else ""]:
            if word in _HE or word in _SHE:
                votes.setdefault(mention.actor, []).append("he" if word in _HE else "she")
    return {actor: max(set(v), key=v.count) for actor, v in votes.items() if v.count("he") != v.count("she")}


# ---------------------------------------------------------------------------------------------
# Known actors


def _adjacent(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if gap in ("", " ", "-", "‐", "\u00a0"):
        return True
    # An initial ('John F. Kennedy') or a short title ('Sen. Dana Whitfield').
    return gap == ". " and ((len(left.text) == 1 and left.text.isupper()) or left.norm in _ABBREVIATED_TITLES)


def _match_known(
    text: str, tokens: Sequence[Token], gazetteer: Gazetteer, excluded: set[str], is_headline: bool = False
) -> tuple[list[Mention], set[int]]:
    mentions: list[Mention] = []
    taken: set[int] = set()
    index = 0
    while index < len(tokens):
        entry = next((e for e in gazetteer.entries.get(tokens[index].norm, ()) if _fits(text, tokens, index, e)), None)
        if entry is None or (len(entry.norms) == 1 and not is_headline and _is_inside_name(text, tokens, index)):
            index += 1
            continue
        size = len(entry.norms)
        taken.update(range(index, index + size))
        actor = gazetteer.actors[entry.actor]
        is_place = (
            entry.is_city
            and index > 0
            and tokens[index - 1].norm in LOCATIVES
            and not (index > 1 and tokens[index - 2].norm == "according")  # 'according to Moscow' is a source
        )
        if not is_place and fold(actor.name) not in excluded:
            mentions.append(Mention(entry.actor, tokens[index].start, _end(tokens[index + size - 1])))
        index += size
    return mentions, taken


def _is_inside_name(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Tell whether one word is part of a longer name: 'Thomas' in 'Linda Thomas-Greenfield', 'China' in 'China Daily'."""

    def is_name_part(other: Token) -> bool:
        norm = other.norm
        return (
            _is_name_token(other)
            and norm not in ROLE_HEADS
            and norm not in ROLE_MODIFIERS
            and norm not in HONORIFICS
            and norm not in ADJECTIVES
            and norm not in _SENTENCE_STARTERS
            and norm not in STOPWORDS
        )

    token = tokens[index]
    if (
        index + 1 < len(tokens)
        and not token.is_possessive
        and _adjacent(text, token, tokens[index + 1])
        and is_name_part(tokens[index + 1])
    ):
        return True
    if index > 0 and not tokens[index - 1].is_possessive and _adjacent(text, tokens[index - 1], token):
        return is_name_part(tokens[index - 1])
    return False


def _end(token: Token) -> int:
    """Where a name ends: before a possessive 's."""
    return token.end - 2 if token.is_possessive else token.end


def _fits(text: str, tokens: Sequence[Token], index: int, entry: _Entry) -> bool:
    if index + len(entry.norms) > len(tokens):
        return False
    for offset, norm in enumerate(entry.norms):
        token = tokens[index + offset]
        if token.norm != norm:
            return False
        if offset and not (
            _adjacent(text, tokens[index + offset - 1], token)
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


# ---------------------------------------------------------------------------------------------
# New actors


def _sentence_starts(body: Body, tokens: Sequence[Token]) -> set[int]:
    """Indexes of the tokens that open a sentence (or a quotation inside one)."""
    starts: set[int] = set()
    sentence_index = -1
    for index, token in enumerate(tokens):
        current = body.sentence_at(token.start)
        if current != sentence_index:
            starts.add(index)
            sentence_index = current
        elif index and body.text[tokens[index - 1].end : token.start].strip() in (
            "“",
            '"',
            "‘",
            ": “",
            ': "',
            "—",
            "–",
        ):
            starts.add(index)
    return starts


def _is_name_token(token: Token) -> bool:
    return token.is_capitalized and token.text[0].isalpha() and token.norm not in _MONTHS_AND_DAYS


def _candidates(
    words: _Text, taken: set[int], known: list[Mention], gazetteer: Gazetteer, excluded: set[str]
) -> dict[tuple[str, ...], _Candidate]:
    """Gather every run of capitalized words the content does not know, with its evidence."""
    text, tokens, starts = words.text, words.tokens, words.starts
    lowercase_words = {t.norm for t in tokens if t.text[:1].islower()}
    known_at = {m.start: m for m in known}
    candidates: dict[tuple[str, ...], _Candidate] = {}
    index = 0
    while index < len(tokens):
        if index in taken or not _is_name_token(tokens[index]):
            index += 1
            continue
        end = index + 1
        while (
            end < len(tokens)
            and end not in taken
            and end not in starts
            and not tokens[end - 1].is_possessive
            and _adjacent(text, tokens[end - 1], tokens[end])
        ):
            if _is_name_token(tokens[end]) or (
                text[tokens[end - 1].end : tokens[end].start] == "-" and tokens[end].text[0].isalpha()
            ):
                end += 1  # a name, or the rest of a hyphenated one: 'Tae-yul'

            elif (
                tokens[end].norm in _CONNECTORS
                and end + 1 < len(tokens)
                and end + 1 not in taken
                and _is_name_token(tokens[end + 1])
                and _adjacent(text, tokens[end], tokens[end + 1])
            ):
                end += 2
            else:
                break
        span = list(range(index, end))
        # "Bank of Japan": an organization's head, 'of', and a country the content knows.
        if (
            end + 1 < len(tokens)
            and tokens[end].norm in ("of", "for")
            and tokens[end - 1].norm in ORGANIZATION_HEADS
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
    words: _Text,
    span: list[int],
    lowercase_words: set[str],
    candidates: dict[tuple[str, ...], _Candidate],
    gazetteer: Gazetteer,
    excluded: set[str],
) -> None:
    """Strip a run of capitalized words down to a name; record it and its evidence."""
    text, tokens, starts = words.text, words.tokens, words.starts
    at_start = span[0] in starts
    first = tokens[span[0]]
    is_title = first.norm in ROLE_HEADS or first.norm in ROLE_MODIFIERS or first.norm in HONORIFICS
    if at_start and _is_common(first, lowercase_words) and not (is_title and len(span) > 1):
        span.pop(0)
        at_start = False
    while span and tokens[span[-1]].norm in _CONNECTORS:
        span.pop()
    is_organization = len(span) >= 2 and _is_organization(tuple(tokens[i].norm for i in span))
    if not is_organization and any(tokens[i].norm == "and" for i in span):  # two names: 'Yoon and Cho'
        cut = next(k for k, i in enumerate(span) if tokens[i].norm == "and")
        for part in (span[:cut], span[cut + 1 :]):
            if part:
                _consider(words, part, lowercase_words, candidates, gazetteer, excluded)
        return
    title_tokens = [] if is_organization else _strip_title(tokens, span)
    if not span or len(span) > (8 if is_organization else 5):
        return
    name_tokens = [tokens[i] for i in span]
    norms = tuple(t.norm for t in name_tokens)
    name = _shown(text[name_tokens[0].start : words.name_end(span[-1])])
    folded = fold(name)
    if (
        folded in PLACES
        or folded in NEWS_AGENCIES
        or folded in excluded
        or any(t.norm in _MONTHS_AND_DAYS or not t.text[0].isalpha() for t in name_tokens)
        or name_tokens[-1].norm in PLACE_HEADS
        or all(t.is_caps for t in name_tokens)
        or (len(span) == 1 and (name_tokens[0].norm in STOPWORDS or name_tokens[0].norm in _SENTENCE_STARTERS))
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
    if any(t.norm in ORGANIZATION_HEADS for t in name_tokens):
        return
    if any(tokens[i].norm in HONORIFICS for i in title_tokens):
        candidate.is_person = True
    role, organization = _role_near(words, (span[0], span[-1] + 1), gazetteer, title_tokens)
    if role is not None:
        candidate.is_person = True
        if candidate.role is None and role:
            candidate.role, candidate.role_organization = role, organization
    if _is_speaker(tokens, span[0], span[-1] + 1) and _pronoun_follows(words, span[-1] + 1):
        candidate.is_speaker = True


def _is_organization(norms: tuple[str, ...]) -> bool:
    """'... Ministry', '... Agency', 'Bank of ...': the noun at the head of the name says so."""
    return norms[-1] in ORGANIZATION_HEADS or (norms[0] in ORGANIZATION_HEADS and norms[1] in ("of", "for"))


def _strip_title(tokens: Sequence[Token], span: list[int]) -> list[int]:
    """Take titles, honorifics and country adjectives off the front of a name: 'Foreign Minister Cho'."""
    title: list[int] = []
    while span and (
        tokens[span[0]].norm in ROLE_HEADS
        or tokens[span[0]].norm in ROLE_MODIFIERS
        or tokens[span[0]].norm in HONORIFICS
        or tokens[span[0]].norm in ADJECTIVES
        or (title and tokens[span[0]].norm in ("of", "for") and len(span) > 2)
    ):
        title.append(span.pop(0))
    # A title with words of its own before its role: 'Supreme Court Justice Sonia Sotomayor'.
    heads = [k for k, i in enumerate(span[:-1]) if tokens[i].norm in ROLE_HEADS and tokens[i].is_capitalized]
    if heads and 1 <= len(span) - heads[-1] - 1 <= 4:
        title += span[: heads[-1] + 1]
        del span[: heads[-1] + 1]
    return title


def _shown(name: str) -> str:
    return name.title() if name.isupper() else name


def _is_common(token: Token, lowercase_words: set[str]) -> bool:
    """Tell whether a capitalized word that opens a sentence is an ordinary word, not a name."""
    norm = token.norm
    return (
        norm in _SENTENCE_STARTERS
        or norm in STOPWORDS
        or norm in lowercase_words
        or norm.endswith(("ing", "ly"))
        or (norm.endswith("ed") and len(norm) > 4)
    )


def _organization_name(words: _Text, span: list[int], name: str, gazetteer: Gazetteer) -> str:
    """Name an organization so that it stands alone: the 'Foreign Ministry' after 'Chinese' is the Chinese one."""
    tokens = words.tokens
    country = _country_before(words.text, tokens, span[0], gazetteer)
    if country is None or not _adjacent(words.text, tokens[span[0] - 1], tokens[span[0]]):
        return name
    if tokens[span[0] - 1].is_possessive:  # "South Korea's Defense Ministry"
        return f"{name} ({gazetteer.actors[country].name})"
    return f"{tokens[span[0] - 1].text} {name}"  # 'Chinese Foreign Ministry'


def _acronym(text: str, end: int) -> tuple[str, ...]:
    """The acronym a text gives in brackets after a name: 'the International Atomic Energy Agency (IAEA)'."""
    match = re.match(r" \(([A-Z]{2,8})\)", text[end : end + 12])
    return (match.group(1),) if match else ()


def _country_before(text: str, tokens: Sequence[Token], index: int, gazetteer: Gazetteer) -> str | None:
    """The known country named right before a title or a name: "South Korea's", "Japanese"."""
    for size in (1, 2, 3):
        start = index - size
        if start < 0:
            break
        for entry in gazetteer.entries.get(tokens[start].norm, ()):
            if (
                len(entry.norms) == size
                and gazetteer.actors[entry.actor].kind is ActorKind.COUNTRY
                and _fits(text, tokens, start, entry)
            ):
                return entry.actor
    return None


def _role_near(
    words: _Text,
    name: tuple[int, int],
    gazetteer: Gazetteer,
    title_tokens: Sequence[int] = (),
) -> tuple[str | None, str | None]:
    """The role written next to a name, and a country it belongs to; '' for a person with no role said.

    'Foreign Minister Cho', "South Korea's President Yoon", 'spokesperson Nate Evans',
    'Nate Evans, spokesperson for ...', 'Jane Doe, 45,'. None: nothing says it is a person.
    """
    text, tokens, starts = words.text, words.tokens, words.starts
    start, end = name
    if not title_tokens:
        title_tokens = _title_before(text, tokens, start)
    heads = [i for i in title_tokens if tokens[i].norm in ROLE_HEADS]
    if heads:
        role_tokens = [i for i in title_tokens if tokens[i].norm not in ADJECTIVES | HONORIFICS]
        role = text[tokens[role_tokens[0]].start : _title_end(text, tokens[role_tokens[-1]])]
        return role, _country_before(text, tokens, title_tokens[0], gazetteer)
    before = start - 1
    gap = text[tokens[before].end : tokens[start].start] if before >= 0 else ""
    if before >= 0 and tokens[before].text[:1].islower() and tokens[before].norm in ROLE_HEADS and gap in (" ", ", "):
        first = before
        while (
            first - 1 >= 0
            and before - first < 2
            and (tokens[first - 1].text[:1].islower() or tokens[first - 1].norm in ADJECTIVES)
            and tokens[first - 1].norm not in STOPWORDS
            and text[tokens[first - 1].end : tokens[first].start] in (" ", "-")
        ):
            first -= 1  # 'rail secretary', 'chief executive', 'secretary-general', 'her Japanese counterpart'
        is_appositive = gap == ", "
        if not is_appositive or (end < len(tokens) and text[tokens[end - 1].end : tokens[end].start].startswith(",")):
            return text[tokens[first].start : tokens[before].end], None
    if end < len(tokens) and end not in starts and text[tokens[end - 1].end : tokens[end].start].strip() == ",":
        last = end
        while (
            last + 1 < len(tokens)
            and last + 1 not in starts
            and text[tokens[last].end : tokens[last + 1].start].strip() in ("", "-")
        ):
            last += 1
        following = [t.norm for t in tokens[end : last + 1]]
        if tokens[end].text.isdigit() and len(following) == 1:
            return "", None  # an age: a person, no role said
        skip = 1 if following[0] in ("a", "an", "the", "its", "his", "her", "their") else 0
        if any(w in ROLE_HEADS for w in following[skip:][:5]) and not any(w in SPEECH_VERBS for w in following):
            return text[tokens[end + skip].start : tokens[last].end], None
    return None, None


def _title_end(text: str, token: Token) -> int:
    """Where a title ends: with its period when it is written short ('Sen.')."""
    return token.end + 1 if token.norm in _ABBREVIATED_TITLES and text[token.end : token.end + 1] == "." else token.end


def _title_before(text: str, tokens: Sequence[Token], start: int) -> list[int]:
    """The capitalized title words right before a name, in order."""
    title: list[int] = []
    index = start - 1
    while index >= 0 and _adjacent(text, tokens[index], tokens[index + 1]) and tokens[index].is_capitalized:
        norm = tokens[index].norm
        if norm in ROLE_HEADS or norm in ROLE_MODIFIERS or norm in HONORIFICS:
            title.insert(0, index)
            index -= 1
        else:
            break
    return title


def _is_speaker(tokens: Sequence[Token], start: int, end: int) -> bool:
    after = tokens[end].norm if end < len(tokens) else ""
    before = tokens[start - 1].norm if start > 0 else ""
    return after in SPEECH_VERBS or before in SPEECH_VERBS


def _pronoun_follows(words: _Text, index: int) -> bool:
    """Tell whether 'he', 'she', 'his' or 'her' comes in the rest of this sentence or the next."""
    sentences = 0
    for position in range(index, min(len(words.tokens), index + 60)):
        if position in words.starts:
            sentences += 1
            if sentences > 1:
                return False
        if words.tokens[position].norm in _PRONOUNS:
            return True
    return False


def _propose(
    words: _Text, candidates: dict[tuple[str, ...], _Candidate], known: list[Mention], gazetteer: Gazetteer
) -> tuple[list[ProposedActor], list[Mention]]:
    """Keep the candidates with enough evidence; resolve short forms ('Cho') to the full names they stand for."""
    single = {norms[0] for norms in candidates if len(norms) == 1}
    proposed: dict[str, ProposedActor] = {}
    mentions: list[Mention] = []
    people: dict[str, set[str]] = {}  # a first or last name -> the people it may stand for
    full_names: list[tuple[tuple[str, ...], str]] = []  # the people's names, as tokens
    for candidate in sorted(candidates.values(), key=lambda c: -len(c.norms)):
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
        name_tokens = tokenize(actor.name) if actor.kind is ActorKind.PERSON else []
        if name_tokens:
            surnames.setdefault(name_tokens[-1].norm, set()).add(actor.id)
        if actor.id in named and name_tokens:
            for token in (name_tokens[0], name_tokens[-1]):
                people.setdefault(token.norm, set()).add(actor.id)
    for surname, actors in surnames.items():  # 'President Biden' for the content's one 'Joe Biden'
        if len(actors) == 1 and surname not in people and surname not in PLACES:
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


def _mention(words: _Text, actor: str, occurrence: tuple[int, int]) -> Mention:
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


def _token_range(words: _Text, mention: Mention) -> tuple[int, int]:
    start = words.token_at(mention.start)
    return start, max(start + 1, words.token_at(mention.end))
