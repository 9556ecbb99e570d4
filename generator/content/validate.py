"""Validate: raw documents -> typed, frozen records, and every problem found on the way."""

from __future__ import annotations

import difflib
import types
import typing
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .commands import DEFAULT_CONTENT, command
from .diagnostics import Diagnostic, Severity, did_you_mean
from .load import Document, Key, id_problem
from .model import RECORD_TYPES, Actor, ActorInStory, ActorKind, Article, FieldError, Topic, one_or_more
from .names import NameIndex
from .review import review_marks, same_day_events

RESERVED_IDS = frozenset({"index"})
_SINGULAR = {
    "actors": "actor",
    "aliases": "alias",
    "authors": "author",
    "events": "event",
    "key_points": "key point",
    "links": "link",
    "quotes": "quote",
    "relations": "relation",
    "roles": "role",
    "statements": "statement",
    "tags": "tag",
    "topics": "topic",
}


@dataclass(frozen=True)
class Content:
    """Every valid record, by id, in id order; and the document each came from."""

    articles: Mapping[str, Article]
    actors: Mapping[str, Actor]
    topics: Mapping[str, Topic]
    documents: Mapping[tuple[str, str], Document]

    def source_path(self, kind: str, id: str) -> str:
        return self.documents[(kind, id)].path


RecordMemo = dict[str, tuple[Document, Any, tuple[Diagnostic, ...]]]


def validate_documents(
    documents: Iterable[Document],
    present: Iterable[tuple[str, str]] = (),
    memo: RecordMemo | None = None,
    content_dir: Path = DEFAULT_CONTENT,
) -> tuple[Content, tuple[Diagnostic, ...]]:
    """Check every document against the model, then every reference across documents.

    ``present`` names every content file found, read or not, so that a file with a
    mistake of its own still counts as existing when others refer to it. With ``memo``
    (kept between the rebuilds of `mkdocs serve`), a Document seen before keeps its record.
    ``content_dir`` is the folder as the contributor named it: the commands that messages
    print carry it.
    """
    documents = tuple(documents)
    diagnostics: list[Diagnostic] = []
    records: dict[str, dict[str, Any]] = {kind: {} for kind in RECORD_TYPES}
    by_key: dict[tuple[str, str], Document] = {}
    for document in documents:
        seen = memo.get(document.path) if memo is not None else None
        if seen is not None and seen[0] is document:
            record, problems = seen[1], seen[2]
        else:
            found: list[Diagnostic] = []
            record = _validate_document(document, found)
            problems = tuple(found)
            if memo is not None:
                memo[document.path] = (document, record, problems)
        diagnostics.extend(problems)
        by_key[(document.kind, document.id)] = document
        if record is not None:
            records[document.kind][document.id] = record
    content = Content(
        articles=dict(sorted(records["article"].items())),
        actors=dict(sorted(records["actor"].items())),
        topics=dict(sorted(records["topic"].items())),
        documents=by_key,
    )
    known = set(present) | set(by_key)
    ids = {kind: NameIndex(_names(kind, {id for k, id in known if k == kind}, content)) for kind in ("actor", "topic")}
    for document in documents:
        diagnostics.extend(_check_references(document, ids, content, content_dir))
    for article in content.articles.values():
        diagnostics.extend(_check_events(article, by_key[("article", article.id)]))
        diagnostics.extend(same_day_events(article, by_key[("article", article.id)]))
    for kind, records_of_kind in records.items():
        for id in records_of_kind:
            diagnostics.extend(review_marks(by_key[(kind, id)]))
    diagnostics.extend(_check_names(content))
    return content, tuple(sorted(diagnostics))


def _names(kind: str, ids: Iterable[str], content: Content) -> dict[str, tuple[str, ...]]:
    """Map each id of a kind to its name and aliases; a file with mistakes of its own has none."""
    actors, topics = content.actors, content.topics
    names: dict[str, tuple[str, ...]] = {}
    for id in sorted(ids):
        if kind == "actor" and id in actors:
            names[id] = (actors[id].name, *actors[id].aliases)
        elif kind == "topic" and id in topics:
            names[id] = (topics[id].name,)
        else:
            names[id] = ()
    return names


def _validate_document(document: Document, diagnostics: list[Diagnostic]) -> Any:
    model = RECORD_TYPES[document.kind]
    if document.id in RESERVED_IDS:
        message = f"'{document.id}' is reserved for the page that lists every {document.kind}: choose another file name"
        diagnostics.append(Diagnostic(document.path, 1, 1, Severity.ERROR, message))
        return None
    if document.kind == "article" and document.id.isdigit():  # /briefings/2024/ lists the briefings of 2024
        message = (
            f"'{document.id}' is reserved for the page of a year's briefings: "
            f"choose another file name, such as '{document.id}-<slug>' or '<date>-<slug>'"
        )
        diagnostics.append(Diagnostic(document.path, 1, 1, Severity.ERROR, message))
        return None
    data = dict(document.data)
    if "id" in data:
        del data["id"]
        message = f"there is no 'id' field: the file name ('{document.id}.yaml') is the id; remove this line"
        diagnostics.append(Diagnostic(document.path, *document.key_at(("id",)), Severity.ERROR, message))
    try:
        record = model.model_validate({**data, "id": document.id})
    except ValidationError as error:
        diagnostics.extend(_translate(error.errors(), model, document))
        return None
    return None if "id" in document.data else record


def _translate(errors: list[ErrorDetails], model: type[BaseModel], document: Document) -> Iterator[Diagnostic]:
    # A typo ('titel') is one mistake: say "unknown field, did you mean 'title'", not also "missing 'title'".
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            parent = _model_at(model, loc[:-1])
            for name in difflib.get_close_matches(str(loc[-1]), _field_aliases(parent) if parent else [], n=1):
                misspelt.add((*loc[:-1], name))
    for error in errors:
        loc = tuple(error["loc"])
        if loc and isinstance(loc[-1], str) and loc[-1].startswith(("function-", "tagged-union")):
            loc = loc[:-1]
        if error["type"] == "missing" and loc in misspelt:
            continue
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, FieldError):
            loc = (*loc, cause.field)
        message, position = _describe(error, loc, model, document)
        yield Diagnostic(document.path, *position, Severity.ERROR, message)


def _describe(error: ErrorDetails, loc: Key, model: type[BaseModel], document: Document) -> tuple[str, tuple[int, int]]:
    kind = error["type"]
    value = error.get("input")
    field = _label(loc)
    if kind == "missing":
        parent = _model_at(model, loc[:-1])
        info = parent.model_fields.get(_field_name(parent, str(loc[-1]))) if parent else None
        what = f": {info.description}" if info and info.description else ""
        return f"missing required field '{loc[-1]}'{what}", document.at(loc[:-1])
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        names = _field_aliases(parent) if parent else []
        hint = did_you_mean(str(loc[-1]), names) or f" (fields here: {', '.join(names)})"
        return f"unknown field '{loc[-1]}'{hint}", document.key_at(loc)
    position = document.at(loc)
    if value is None:
        parent = _model_at(model, loc[:-1])
        info = parent.model_fields.get(_field_name(parent, str(loc[-1]))) if parent and loc else None
        if info is not None and info.is_required():
            return f"'{field}' has no value, and it is required: write {info.description}", position
        return f"'{field}' has no value: write one or remove the line", position
    if kind in ("string_type", "str_type"):
        return f"'{field}' must be text, not {_a(value)}", position
    if kind in ("tuple_type", "list_type"):
        if _takes_one_or_more(model, loc):
            return f"'{field}' must be an actor id or a list of actor ids, not {_a(value)}", position
        item = _type_at(model, (*loc, 0))
        if isinstance(item, type) and issubclass(item, BaseModel) and item is not ActorInStory:
            required = [a for a in _field_aliases(item) if item.model_fields[_field_name(item, a)].is_required()]
            fix = f": write each {_SINGULAR.get(str(loc[-1]), 'entry')} as '- {required[0]}: ...' with its other fields under it"
        else:
            fix = f": write [{value}]" if isinstance(value, str) else ""
        return f"'{field}' must be a list, not {_a(value)}{fix}", position
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if loc and loc[-2:-1] == ("actors",) and isinstance(loc[-1], int):
            return f"each entry in 'actors' must be an actor id or 'id:' with 'role:', not {_a(value)}", position
        return f"'{field}' must be a mapping of fields ('name: value'), not {_a(value)}", position
    if kind == "enum":
        choices = ", ".join(member.value for member in _enum_at(model, loc))
        return f"unknown {field} '{value}' (use one of: {choices})", position
    if kind in ("value_error", "assertion_error"):
        context = error.get("ctx") or {}
        text = str(context.get("error", error["msg"]))
        if text.startswith("'"):
            return text, position
        if isinstance(context.get("error"), FieldError):
            return f"this {_SINGULAR.get(str(loc[-3]), 'entry')} {text}", position
        if loc and isinstance(loc[-1], int):
            return f"this {field} {text}", position
        return f"'{field}' {text}", position
    return f"'{field}': {error['msg']}", position


def _a(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"the text '{value}'"


def _label(loc: Key) -> str:
    """Name the field a location points at: ('events', 0, 'date') -> 'date'; ('tags', 1) -> 'tag'."""
    if not loc:
        return "file"
    last = loc[-1]
    if isinstance(last, int):
        return _SINGULAR.get(str(loc[-2]), str(loc[-2])) if len(loc) > 1 else "entry"
    return str(last)


def _field_name(model: type[BaseModel], key: str) -> str:
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            return name
    return key


def _field_aliases(model: type[BaseModel]) -> list[str]:
    return [
        info.alias or name
        for name, info in model.model_fields.items()
        if name != "id" or model.__name__ in ("Event", "ActorInStory")
    ]


def _inner_types(annotation: Any) -> Iterator[Any]:
    """Yield the classes inside an annotation: tuple[X, ...], X | None, Annotated[X, ...]."""
    origin = typing.get_origin(annotation)
    if origin is None:
        yield annotation
        return
    if origin is typing.Annotated:
        yield from _inner_types(typing.get_args(annotation)[0])
        return
    if origin in (typing.Union, types.UnionType, tuple, list):
        for argument in typing.get_args(annotation):
            if argument is not Ellipsis:
                yield from _inner_types(argument)


def _type_at(model: type[BaseModel], loc: Key) -> Any:
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(_field_name(current, step))
        if info is None:
            return None
        inner = [t for t in _inner_types(info.annotation) if t is not type(None)]
        current = inner[0] if inner else None
    return current


def _takes_one_or_more(model: type[BaseModel], loc: Key) -> bool:
    """Tell whether the field at ``loc`` takes one actor id or a list of them ('by', a relation's 'from')."""
    parent = _model_at(model, loc[:-1]) if loc else None
    info = parent.model_fields.get(_field_name(parent, str(loc[-1]))) if parent else None
    return info is not None and any(getattr(m, "func", None) is one_or_more for m in info.metadata)


def _model_at(model: type[BaseModel], loc: Key) -> type[BaseModel] | None:
    found = _type_at(model, loc)
    return found if isinstance(found, type) and issubclass(found, BaseModel) else None


def _enum_at(model: type[BaseModel], loc: Key) -> list[Enum]:
    found = _type_at(model, loc)
    return list(found) if isinstance(found, type) and issubclass(found, Enum) else []


def _raw_ids(document: Document) -> Iterator[tuple[Key, str, Any]]:
    """Yield (key, kind, id) for every id a document refers to, read from its raw data."""
    data = document.data

    def items(name: str) -> Iterator[tuple[int, Any]]:
        value = data.get(name)
        return enumerate(value) if isinstance(value, list) else iter(())

    def field(entry: Any, name: str) -> Any:
        return entry.get(name) if isinstance(entry, dict) else None

    def one_or_more(key: Key, value: Any) -> Iterator[tuple[Key, str, Any]]:
        """An actor id, or a list of them (a joint statement)."""
        if isinstance(value, list):
            yield from (((*key, j), "actor", actor) for j, actor in enumerate(value))
        else:
            yield key, "actor", value

    if document.kind == "article":
        for i, entry in items("actors"):
            yield (
                (("actors", i, "id"), "actor", entry.get("id"))
                if isinstance(entry, dict)
                else (("actors", i), "actor", entry)
            )
        for i, event in items("events"):
            actors = field(event, "actors")
            for j, actor in enumerate(actors if isinstance(actors, list) else ()):
                yield ("events", i, "actors", j), "actor", actor
        for i, quote in items("quotes"):
            yield from one_or_more(("quotes", i, "by"), field(quote, "by"))
        for i, statement in items("statements"):
            yield from one_or_more(("statements", i, "by"), field(statement, "by"))
            yield ("statements", i, "topic"), "topic", field(statement, "topic")
        for i, relation in items("relations"):
            yield from one_or_more(("relations", i, "from"), field(relation, "from"))
            yield ("relations", i, "to"), "actor", field(relation, "to")
        for i, topic in items("topics"):
            yield ("topics", i), "topic", topic
    elif document.kind == "actor":
        yield ("country",), "actor", data.get("country")
        for i, role in items("roles"):
            yield ("roles", i, "organization"), "actor", field(role, "organization")


def _check_references(
    document: Document, ids: Mapping[str, NameIndex], content: Content, content_dir: Path
) -> Iterator[Diagnostic]:
    """Check that every actor and topic id a document uses names an existing file.

    An unknown id is reported once, where it first appears, with the other lines it is on:
    as a compiler reports an undeclared name once.
    """
    uses: dict[tuple[str, str], list[tuple[tuple[int, int], Key]]] = {}
    for key, kind, value in _raw_ids(document):
        if not isinstance(value, str) or id_problem(value):
            continue  # a missing or malformed id is the model's to report
        if value not in ids[kind]:
            uses.setdefault((kind, value), []).append((document.at(key), key))
        elif key == ("country",) and (country := content.actors.get(value)) and country.kind is not ActorKind.COUNTRY:
            yield document.diagnostic(
                key,
                f"'country' must name an actor of kind country, and '{value}' is {_article_for(country.kind.value)} "
                f"{country.kind.value}: name a country, or move it to 'roles:' as an organization",
            )
    for (kind, value), places in uses.items():
        (line, column), key = min(places)
        others = sorted({place[0] for place, _ in places} - {line})
        also = f" (also on {'line' if len(others) == 1 else 'lines'} {', '.join(map(str, others))})" if others else ""
        yield Diagnostic(document.path, line, column, Severity.ERROR, _unknown(kind, value, also, ids, content_dir))


def _article_for(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _check_events(article: Article, document: Document) -> Iterator[Diagnostic]:
    """Flag an event id used twice in one article, and events dated after publication."""
    seen: dict[str, int] = {}
    published = article.source.published
    for i, event in enumerate(article.events):
        if event.id is not None:
            if event.id in seen:
                first = document.at(("events", seen[event.id]))[0]
                yield document.diagnostic(
                    ("events", i, "id"),
                    f"event id '{event.id}' is used twice in this article (first on line {first}): give each event its own id",
                )
            seen.setdefault(event.id, i)
        if event.date.is_after(published):
            yield document.diagnostic(
                ("events", i, "date"),
                f"event '{event.title}' is dated {event.date}, after the article was published ({published}); fine for a scheduled event",
                Severity.WARNING,
            )


def _unknown(kind: str, value: str, also: str, ids: Mapping[str, NameIndex], content_dir: Path) -> str:
    other_kind = "topic" if kind == "actor" else "actor"
    if value in ids[other_kind]:
        if kind == "topic":
            return (
                f"'{value}' is an actor, not a topic{also}: write the id of a topic (a file name in content/topics/), "
                "and list actors under 'actors:'"
            )
        return f"'{value}' is a topic, not an actor{also}: write the id of an actor (a file name in content/actors/)"
    create = f"create it with: {command('new', kind, value, content=content_dir)}"
    suggestions = ids[kind].close_matches(value)
    if not suggestions:
        return f"unknown {kind} '{value}'{also}: {create}"
    return f"unknown {kind} '{value}'{also}: did you mean {' or '.join(map(str, suggestions))}? If not, {create}"


def _check_names(content: Content) -> Iterator[Diagnostic]:
    """No two actors may share a name or an alias (case-insensitively, after NFKC)."""
    owners: dict[str, tuple[str, str]] = {}
    for actor in content.actors.values():
        document = content.documents[("actor", actor.id)]
        names: list[tuple[Key, str]] = [(("name",), actor.name)] + [
            (("aliases", i), alias) for i, alias in enumerate(actor.aliases)
        ]
        for key, name in names:
            folded = unicodedata.normalize("NFKC", name).casefold().strip()
            owner = owners.get(folded)
            if owner is None:
                owners[folded] = (actor.id, name)
            elif owner[0] == actor.id:
                yield document.diagnostic(key, f"'{name}' is already a name of this actor: remove the repeat")
            else:
                yield document.diagnostic(
                    key,
                    f"'{name}' is already a name of actor '{owner[0]}' ('{owner[1]}'): a name must lead to one actor",
                )
