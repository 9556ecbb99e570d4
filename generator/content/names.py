"""Matching what a contributor typed against the ids, names and aliases that exist.

Two uses: the close matches an unknown id's message suggests, and the search of `list`.
A suggestion must be close enough to be the same thing misspelt or shortened: 'rusia' is
Russia, 'dprk' is North Korea by its alias, 'thomas-greenfeld' is Linda Thomas-Greenfield;
'france' is not Ukraine, and 'south-korea' is not North Korea.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .load import suggest_id

MOST_SUGGESTIONS = 3
_NOT_LETTERS = re.compile(r"[^\w]+|_+")


def fold(text: str) -> str:
    """Fold text for searching: no accents, no case, words split by one space ('Côte-d'Ivoire' -> 'cote d ivoire')."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return " ".join(_NOT_LETTERS.split(bare.casefold())).strip()


def matches(query: str, texts: Iterable[str]) -> bool:
    """Say whether any of ``texts`` holds ``query``, folded: 'pyong' is in 'Pyongyang'."""
    wanted = fold(query)
    return any(wanted in fold(text) for text in texts)


@dataclass(frozen=True)
class Suggestion:
    """An existing id that an unknown one may mean, and the alias that matched, if it was one."""

    id: str
    name: str | None
    alias: str | None = None

    def __str__(self) -> str:
        if self.name is None:
            return f"'{self.id}'"
        alias = f", also called {self.alias}" if self.alias else ""
        return f"'{self.id}' ({self.name}{alias})"


class NameIndex:
    """The ids of one kind, with their names and aliases written as ids, to find close matches in.

    ``names`` maps every existing id to its name and aliases (empty for a file that holds
    mistakes of its own). The index is built on the first question (content without an
    unknown id never pays for it), and finds its candidates through the words and letters
    they share, as a spelling checker does, so that each question costs little however
    many actors there are. Past MOST_QUESTIONS different ids it stops suggesting: a tree
    with thousands of unknown ids still gets every message, each with its create command.
    """

    MOST_QUESTIONS = 200

    def __init__(self, names: Mapping[str, Sequence[str]]) -> None:
        self._names = names
        self._keys: list[tuple[str, Suggestion]] = []
        self._by_word: dict[str, set[int]] = {}
        self._by_letters: dict[str, set[int]] = {}
        self._answers: dict[str, tuple[Suggestion, ...]] = {}

    def __contains__(self, id: object) -> bool:
        return id in self._names

    def close_matches(self, value: str) -> tuple[Suggestion, ...]:
        """Find the ids that ``value`` may mean: by id, by name or by alias, closest first."""
        if value not in self._answers:
            if len(self._answers) >= self.MOST_QUESTIONS:
                return ()
            if not self._keys:
                self._build()
            self._answers[value] = self._find(value)
        return self._answers[value]

    def _build(self) -> None:
        variants: dict[str, set[str]] = {}  # names share words: each word's variants are made once
        for id, written in self._names.items():
            name = written[0] if written else None
            keys = [(id, None), *((suggest_id(text), text) for text in written[1:])]
            if name is not None:
                keys.insert(1, (suggest_id(name), None))
            for key, alias in keys:
                if not key:
                    continue  # a name in another script: no id is written like it
                index = len(self._keys)
                self._keys.append((key, Suggestion(id, name, alias)))
                for variant in _deletions(key.replace("-", ""), 1):
                    self._by_letters.setdefault(variant, set()).add(index)
                for word in key.split("-"):
                    if word not in variants:
                        variants[word] = _deletions(word, 2 if len(word) >= 6 else 1)
                    for variant in variants[word]:
                        self._by_word.setdefault(variant, set()).add(index)

    def _find(self, value: str) -> tuple[Suggestion, ...]:
        candidates: set[int] = set()
        for variant in _deletions(value.replace("-", ""), 1):
            candidates |= self._by_letters.get(variant, set())
        for word in value.split("-"):
            for variant in _deletions(word, _allowed(word)):
                candidates |= self._by_word.get(variant, set())
        found: dict[str, tuple[tuple[int, int], Suggestion]] = {}
        for index in candidates:
            key, suggestion = self._keys[index]
            distance = _distance(value, key)
            if distance is None:
                continue
            rank = (distance, 0 if suggestion.alias is None else 1)
            if suggestion.id not in found or rank < found[suggestion.id][0]:
                found[suggestion.id] = (rank, suggestion)
        ranked = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
        return tuple(suggestion for _, (_, suggestion) in ranked[:MOST_SUGGESTIONS])


def _deletions(word: str, most: int) -> set[str]:
    """The word with up to ``most`` letters taken out: two words within that many slips share one."""
    variants = {word}
    for _ in range(most):
        variants |= {variant[:i] + variant[i + 1 :] for variant in variants for i in range(len(variant))}
    return variants


def _distance(value: str, key: str) -> int | None:
    """How far an id is from a key, when it is close enough to mean it; else None.

    Close: the same letters with one slip ('rusia', 'russai', 'northkorea'), two slips in a long
    name of several words that start alike ('hwang-jun-kook'), or the same words, each with at most the slips its length allows, and at most one word more or
    fewer on one side ('thomas-greenfeld' for 'linda-thomas-greenfield').
    """
    if value == key:
        return 0
    joined_value, joined_key = value.replace("-", ""), key.replace("-", "")
    if min(len(joined_value), len(joined_key)) >= 4 and _edits(joined_value, joined_key, 1) <= 1:
        return 1
    words, others = value.split("-"), key.split("-")
    if _is_spelling_variant(words, others) and _edits(joined_value, joined_key, 2) <= 2:
        return 2
    total, matched, length = 0, 0, 0
    unused = list(others)
    for word in words:
        best = min(((_edits(word, other, _allowed(word)), other) for other in unused), default=None)
        if best is not None and best[0] <= _allowed(word):
            unused.remove(best[1])
            total, matched, length = total + best[0], matched + 1, length + len(word)
    extra = (len(words) - matched) + len(unused)
    one_sided = matched == len(words) or not unused
    if matched and length >= 4 and one_sided and extra <= 1:
        return 1 + total + extra
    return None


def _is_spelling_variant(words: list[str], others: list[str]) -> bool:
    """Say whether two long names may be one name spelt two ways ('hwang-jun-kook', 'hwang-joon-kook').

    Romanised names differ by two letters in a short word, where each word alone allows none; the
    words still start alike. 'south-korea' is not 'north-korea', nor 'kim-jong-il' 'kim-jong-un'.
    """
    long_enough = sum(map(len, words)) >= 8
    return (
        long_enough
        and len(words) == len(others) > 1
        and all(a[0] == b[0] for a, b in zip(words, others, strict=True) if a and b)
    )


def _allowed(word: str) -> int:
    """The slips a word may hold and still be the same word: none in a short one."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


def _edits(a: str, b: str, limit: int) -> int:
    """Count the insertions, deletions, substitutions and swaps of neighbours from a to b (past limit: limit + 1)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[len(b)], limit + 1)
