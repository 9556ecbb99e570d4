"""Scaffolds: the commented skeleton of a new content file, for the `new` command."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .commands import DEFAULT_CONTENT, command
from .dates import PartialDate
from .load import FOLDERS
from .schema import schema_comment

_HEADER = "# {what}. The format: CONTENT-FORMAT.md; a worked example: CONTRIBUTING.md.\n# Fill in every empty value marked 'required'; delete the optional lines you do not use.\n"


def content_path(kind: str, id: str) -> str:
    """Where a kind's file lives, relative to the content folder: 'articles/<id>.yaml'."""
    return f"{FOLDERS[kind]}/{id}.yaml"


def skeleton(
    kind: str,
    id: str,
    url: str | None = None,
    published: PartialDate | None = None,
    content: Path = DEFAULT_CONTENT,
) -> str:
    """Write the skeleton of a new article, actor or topic; the commands it names carry ``content``."""
    top = schema_comment(kind) + "\n"
    if kind == "article":
        hint = _ids_hint(content)
        return top + _HEADER.format(what="An annotated news article") + hint + _article(url, published, content)
    if kind == "actor":
        return top + _HEADER.format(what="An actor: a person, a country or an organization") + _ACTOR
    return top + _HEADER.format(what="A topic") + _TOPIC


def _ids_hint(content: Path) -> str:
    actors = _ids(content, "actor")
    word = actors[0].split("-")[0] if actors else None  # a word of a name the content has, never the sample's
    example = command("list", "actors", *([word] if word else []), content=content)
    return (
        f"# Find the ids that exist (list actors, topics, events or tags), by a word of their names:\n#   {example}\n"
    )


def _ids(content: Path, kind: str) -> list[str]:
    """The ids of a kind's files in the content, by their names alone (a skeleton is no place to check them)."""
    folder = content / FOLDERS[kind]
    if not folder.is_dir() or folder.is_symlink() or content.is_symlink():  # a link is not followed
        return []
    return sorted(path.stem for path in folder.glob("*.yaml") if not path.is_symlink())


def _article(url: str | None, published: PartialDate | None, content: Path) -> str:
    topics = _ids(content, "topic")
    topics_hint = f"such as [{topics[0]}]" if topics else f"none yet: {command('new', 'topic', 'ID', content=content)}"
    host = urlsplit(url).hostname if url else None
    publisher_hint = (
        f"  # required: who published it (the link is on {host})"
        if host
        else "  # required: who published it, such as Reuters"
    )
    return f"""title:  # required: the headline, or a title for it, in plain text
source:
  publisher:{publisher_hint}
  published: {published.iso() if published else ""}  # required: the day it was published, YYYY-MM-DD
  url: {url or ""}  # the article's web address
  # dateline: Seoul
  # authors: [First Author]
topics: []  # topic ids (file names in content/topics/), {topics_hint}
tags: []  # free tags, written like ids
summary:  # required: what the article reports, in your own words (Markdown); use '|' for several lines
key_points: []  # short points in your own words
actors: []  # who is in the story: ids, or '- id: ...' with 'role: ...' on the next line
events: []  # '- date: YYYY-MM-DD' with 'title: ...' (and 'id:', 'as_written:', 'actors: [...]')
quotes: []  # '- by: actor-id' with 'text: ...': only words the article puts in quotation marks, verbatim
statements: []  # '- by: actor-id' with 'text: ...' (and 'topic:', 'stance: supports|opposes|neutral')
relations: []  # '- from: actor-id' with 'to: actor-id' and 'kind: a short verb phrase'
# Said or done jointly: 'by: [actor-id, actor-id]' in quotes and statements, 'from: [...]' in relations.
"""


_ACTOR = """name:  # required: the usual name, in plain text
kind:  # required: person, country or organization
aliases: []  # other names: other scripts, short forms, metonyms ("Washington")
summary:  # who or what this is, in Markdown
# country:  # for a person or an organization: the id of its country (its file name in content/actors/)
roles: []  # '- title: ...' with 'organization: actor-id', 'from: YYYY-MM', 'to: YYYY-MM' (no 'to': current)
# A role known only to be held at a date (the article's, say): no 'to', and 'as_of: YYYY-MM-DD'.
# identifiers:
#   wikidata: Q30
links: []  # '- title: ...' with 'url: https://...'
"""

_TOPIC = """name:  # required: the topic's name, in plain text
summary:  # what the topic covers, in Markdown
"""
