"""Validate: raw documents -> typed, frozen records, and every problem found on the way."""

from __future__ import annotations

import types
import typing
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .diagnostics import Diagnostic, Severity, did_you_mean
from .load import Document, Key
from .model import RECORD_TYPES, Actor, ActorKind, Article, Topic

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


def validate_documents(documents: Iterable[Document]) -> tuple[Content, tuple[Diagnostic, ...]]:
    """Check every document against the model, then every reference across documents."""
    diagnostics: list[Diagnostic] = []
    records: dict[str, dict[str, Any]] = {kind: {} for kind in RECORD_TYPES}
    by_key: dict[tuple[str, str], Document] = {}
    for document in documents:
        record = _validate_document(document, diagnostics)
        by_key[(document.kind, document.id)] = document
        if record is not None:
            records[document.kind][document.id] = record
    content = Content(
        articles=dict(sorted(records["article"].items())),
        actors=dict(sorted(records["actor"].items())),
        topics=dict(sorted(records["topic"].items())),
        documents=by_key,
    )
    known_actors = {doc.id for doc in by_key.values() if doc.kind == "actor"}
    known_topics = {doc.id for doc in by_key.values() if doc.kind == "topic"}
    for article in content.articles.values():
        document = by_key[("article", article.id)]
        diagnostics.extend(_check_article(article, document, known_actors, known_topics))
    for actor in content.actors.values():
        diagnostics.extend(_check_actor(actor, by_key[("actor", actor.id)], content, known_actors))
    diagnostics.extend(_check_names(content))
    return content, tuple(sorted(diagnostics))


def _validate_document(document: Document, diagnostics: list[Diagnostic]) -> Any:
    model = RECORD_TYPES[document.kind]
    if document.id in RESERVED_IDS:
        diagnostics.append(
            Diagnostic(
                document.path,
                1,
                1,
                Severity.ERROR,
                f"'{document.id}' is reserved for the page that lists every {document.kind}: choose another file name",
            )
        )
        return None
    if "id" in document.data:
        diagnostics.append(
            Diagnostic(
                document.path,
                *document.key_at(("id",)),
                Severity.ERROR,
                f"there is no 'id' field: the file name ('{document.id}.yaml') is the id; remove this line",
            )
        )
        return None
    try:
        return model.model_validate({**document.data, "id": document.id})
    except ValidationError as error:
        diagnostics.extend(_translate(error.errors(), model, document))
        return None


def _translate(errors: list[ErrorDetails], model: type[BaseModel], document: Document) -> Iterator[Diagnostic]:
    for error in errors:
        loc: Key = tuple(error["loc"])
        if loc and isinstance(loc[-1], str) and loc[-1].startswith(("function-", "tagged-union")):
            loc = loc[:-1]
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
        return f"'{field}' has no value: write one or remove the line", position
    if kind in ("string_type", "str_type"):
        return f"'{field}' must be text, not {_a(value)}", position
    if kind in ("tuple_type", "list_type"):
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


def _model_at(model: type[BaseModel], loc: Key) -> type[BaseModel] | None:
    found = _type_at(model, loc)
    return found if isinstance(found, type) and issubclass(found, BaseModel) else None


def _enum_at(model: type[BaseModel], loc: Key) -> list[Enum]:
    found = _type_at(model, loc)
    return list(found) if isinstance(found, type) and issubclass(found, Enum) else []


def _check_article(article: Article, document: Document, actors: set[str], topics: set[str]) -> Iterator[Diagnostic]:
    """Check that every id an article uses exists, and flag events dated after publication."""
    references: list[tuple[Key, str]] = [
        (("actors", i, "id") if isinstance(document.data["actors"][i], dict) else ("actors", i), ref.id)
        for i, ref in enumerate(article.actors)
    ]
    for i, event in enumerate(article.events):
        references += [(("events", i, "actors", j), actor) for j, actor in enumerate(event.actors)]
    references += [(("quotes", i, "by"), quote.by) for i, quote in enumerate(article.quotes)]
    references += [(("statements", i, "by"), statement.by) for i, statement in enumerate(article.statements)]
    for i, relation in enumerate(article.relations):
        references += [(("relations", i, "from"), relation.source), (("relations", i, "to"), relation.target)]
    for key, actor in references:
        if actor not in actors:
            yield document.diagnostic(key, _unknown("actor", actor, actors, topics))
    topic_references: list[tuple[Key, str]] = [(("topics", i), topic) for i, topic in enumerate(article.topics)]
    topic_references += [(("statements", i, "topic"), s.topic) for i, s in enumerate(article.statements) if s.topic]
    for key, topic in topic_references:
        if topic not in topics:
            yield document.diagnostic(key, _unknown("topic", topic, topics, actors))
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


def _unknown(kind: str, value: str, known: set[str], other: set[str]) -> str:
    folder = f"{kind}s"
    other_kind = "topic" if kind == "actor" else "actor"
    if value in other:
        return (
            f"'{value}' is a {other_kind}, not an {kind}"
            if kind == "actor"
            else f"'{value}' is an {other_kind}, not a {kind}"
        )
    hint = did_you_mean(value, known) or f" (add content/{folder}/{value}.yaml to create it)"
    return f"unknown {kind} '{value}'{hint}"


def _check_actor(actor: Actor, document: Document, content: Content, known: set[str]) -> Iterator[Diagnostic]:
    if actor.country is not None:
        country = content.actors.get(actor.country)
        if actor.country not in known:
            yield document.diagnostic(("country",), _unknown("actor", actor.country, known, set(content.topics)))
        elif country is not None and country.kind is not ActorKind.COUNTRY:
            yield document.diagnostic(
                ("country",),
                f"'country' must name an actor of kind country, and '{actor.country}' is a {country.kind.value}",
            )
    for i, role in enumerate(actor.roles):
        if role.organization is not None and role.organization not in known:
            yield document.diagnostic(
                ("roles", i, "organization"), _unknown("actor", role.organization, known, set(content.topics))
            )


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
