"""The languages the drafter reads, one table each; `detect_language` picks one for a text.

A new language is a module here with its `Language` table, added to LANGUAGES, and its tests.
"""

from __future__ import annotations

from ..language import Language
from .en import ENGLISH
from .ko import KOREAN

__all__ = ["ENGLISH", "KOREAN", "LANGUAGES", "Language", "detect_language"]

LANGUAGES: dict[str, Language] = {language.code: language for language in (ENGLISH, KOREAN)}


def detect_language(text: str) -> Language:
    """The language whose letters the text is mostly written in (English when none is)."""
    counts = {code: len(language.script.findall(text[:20_000])) for code, language in LANGUAGES.items()}
    best = max(counts, key=lambda code: counts[code])
    return LANGUAGES[best] if counts[best] else ENGLISH
