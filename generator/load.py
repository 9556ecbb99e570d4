"""Load: read the content tree into raw documents, every value with its line and column.

YAML is read as events, not constructed: no tag is resolved, so every scalar stays the
text that was written (``no`` is "no", ``1:30`` is "1:30"), and the builder below sees
every anchor, alias, tag and duplicate key that PyYAML's constructors would hide.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity, did_you_mean

KINDS = {"articles": "article", "actors": "actor", "topics": "topic"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX_LENGTH = 80
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# Control characters other than tab and newline, bidirectional overrides and isolates,
# and the invisible line separators that YAML would read as line breaks.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Key = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """One content file as plain data, with the position of every value and key in it."""

    path: str
    kind: str
    id: str
    data: dict[str, Any]
    values: dict[Key, tuple[int, int]] = field(repr=False)
    keys: dict[Key, tuple[int, int]] = field(repr=False)

    def at(self, key: Key) -> tuple[int, int]:
        """Return the line and column of the value at ``key`` or of its nearest parent."""
        while key not in self.values and key:
            key = key[:-1]
        return self.values.get(key, (1, 1))

    def key_at(self, key: Key) -> tuple[int, int]:
        """Return the line and column of the key that names ``key``."""
        return self.keys.get(key) or self.at(key)

    def diagnostic(self, key: Key, message: str, severity: Severity = Severity.ERROR) -> Diagnostic:
        line, column = self.at(key)
        return Diagnostic(self.path, line, column, severity, message)


@dataclass(frozen=True)
class LoadResult:
    documents: tuple[Document, ...]
    diagnostics: tuple[Diagnostic, ...]


class _FileError(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def display_path(path: Path) -> str:
    """Name a file as a contributor would type it: relative to the working directory."""
    relative = os.path.relpath(path)
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


def suggest_id(stem: str) -> str:
    """Turn a file stem into the nearest valid id: 'North_Korea' -> 'north-korea'."""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_stem.lower()))[:ID_MAX_LENGTH].strip("-")


def id_problem(value: str) -> str | None:
    """Say what is wrong with an id, or None when it follows the rule."""
    if len(value) > ID_MAX_LENGTH:
        return f"is {len(value)} characters long; ids are at most {ID_MAX_LENGTH}"
    if not ID_PATTERN.match(value):
        return "must be lowercase letters and digits, words joined by single hyphens"
    return None


def load_tree(content_dir: Path) -> LoadResult:
    """Read every content file under ``content_dir``; report layout and YAML problems."""
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for path, kind in _content_files(content_dir, diagnostics):
        shown = display_path(path)
        stem = path.stem
        problem = id_problem(stem)
        if problem:
            fix = suggest_id(stem)
            hint = f" (rename the file to '{fix}.yaml')" if fix else ""
            diagnostics.append(
                Diagnostic(
                    shown, 1, 1, Severity.ERROR, f"file name '{path.name}' is not a valid id: it {problem}{hint}"
                )
            )
            continue
        try:
            data, values, keys = parse_document(path.read_bytes())
        except _FileError as error:
            diagnostics.append(Diagnostic(shown, error.line, error.column, Severity.ERROR, error.message))
            continue
        documents.append(Document(shown, kind, stem, data, values, keys))
    return LoadResult(tuple(documents), tuple(diagnostics))


def _content_files(content_dir: Path, diagnostics: list[Diagnostic]) -> Iterator[tuple[Path, str]]:
    """Yield (path, kind) for every content file, in a stable order; report misplaced files."""
    if not content_dir.is_dir():
        diagnostics.append(Diagnostic(display_path(content_dir), 1, 1, Severity.ERROR, "content folder not found"))
        return
    for entry in sorted(content_dir.iterdir()):
        if _is_ignored(entry):
            continue
        if entry.is_dir() and entry.name in KINDS:
            yield from _kind_files(entry, KINDS[entry.name], diagnostics)
        elif entry.is_dir():
            diagnostics.append(
                _misplaced(
                    entry,
                    f"unknown folder '{entry.name}'{did_you_mean(entry.name, KINDS)}: content goes in articles/, actors/ or topics/",
                )
            )
        elif entry.suffix in (".yaml", ".yml"):
            diagnostics.append(
                _misplaced(
                    entry, "content files go in articles/, actors/ or topics/, not at the top of the content folder"
                )
            )


def _kind_files(folder: Path, kind: str, diagnostics: list[Diagnostic]) -> Iterator[tuple[Path, str]]:
    seen: dict[str, Path] = {}
    for entry in sorted(folder.iterdir()):
        if _is_ignored(entry):
            continue
        if entry.is_dir():
            diagnostics.append(
                _misplaced(entry, f"folders inside {folder.name}/ are not read: move its files up into {folder.name}/")
            )
        elif entry.is_symlink():
            diagnostics.append(_misplaced(entry, "symbolic links are not read: copy the file instead"))
        elif entry.suffix == ".yml":
            diagnostics.append(_misplaced(entry, f"content files end in .yaml: rename to '{entry.stem}.yaml'"))
        elif entry.suffix == ".yaml":
            folded = entry.name.casefold()
            if folded in seen:
                diagnostics.append(
                    _misplaced(entry, f"'{entry.name}' and '{seen[folded].name}' differ only in case: keep one")
                )
                continue
            seen[folded] = entry
            yield entry, kind


def _is_ignored(entry: Path) -> bool:
    return entry.name.startswith(("_", "."))


def _misplaced(path: Path, message: str) -> Diagnostic:
    return Diagnostic(display_path(path), 1, 1, Severity.ERROR, message)


def parse_document(raw: bytes) -> tuple[dict[str, Any], dict[Key, tuple[int, int]], dict[Key, tuple[int, int]]]:
    """Parse one file's bytes into plain data (strings, lists, dicts) and positions."""
    if len(raw) > MAX_FILE_BYTES:
        raise _FileError(
            1, 1, f"file is {len(raw):,} bytes; the limit is 1 MiB (1,048,576 bytes): split it into several files"
        )
    text = _decode(raw)
    _check_characters(text)
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        raise _FileError(1, 1, "file is empty: write a mapping of fields, such as 'name: ...'")
    try:
        return _build(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _FileError(line, column, _yaml_message(error, text, mark)) from None
    except yaml.YAMLError as error:  # a reader error has no problem_mark
        raise _FileError(1, 1, f"this is not valid YAML: {error}") from None


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = raw[error.start]
        raise _FileError(line, column, f"byte 0x{byte:02x} is not UTF-8: save the file as UTF-8") from None
    return text.replace("\r\n", "\n")


def _check_characters(text: str) -> None:
    match = FORBIDDEN_CHARACTERS.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        code = f"U+{ord(match.group()):04X}"
        name = unicodedata.name(match.group(), "a control character")
        raise _FileError(
            line, column, f"invisible or control character {code} ({name.lower()}) is not allowed: delete it"
        )


_YAML_HINTS = (
    ("mapping values are not allowed", "a ': ' inside a value starts a new key: put the value in quotes"),
    ("did not find expected key", "this line is not indented like the keys around it: line it up with them"),
    ("found undefined alias", "aliases (*name) are not allowed: write the value out"),
    ("could not find expected ':'", "expected 'key: value' here: check the indentation and quotes"),
    ("found unexpected end of stream", "the file ends inside a quoted value: close the quotes"),
)


def _yaml_message(error: yaml.MarkedYAMLError, text: str, mark: yaml.Mark | None) -> str:
    problem = error.problem or str(error)
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return "a tab is not allowed here: indent with spaces"
    for needle, message in _YAML_HINTS:
        if needle in problem:
            return message
    return f"this is not valid YAML: {problem}"


def _position(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _build(
    events: Iterator[yaml.Event],
) -> tuple[dict[str, Any], dict[Key, tuple[int, int]], dict[Key, tuple[int, int]]]:
    """Turn a YAML event stream into data and positions, iteratively (deep input cannot recurse)."""
    values: dict[Key, tuple[int, int]] = {}
    keys: dict[Key, tuple[int, int]] = {}
    # Each frame: (container, its key path, pending mapping key or None, seen keys).
    stack: list[tuple[Any, Key, list[Any], dict[str, tuple[int, int]]]] = []
    root: Any = None
    documents = 0

    def attach(value: Any, event: yaml.Event) -> Key | None:
        nonlocal root
        position = _position(event)
        if not stack:
            root = value
            values[()] = position
            return ()
        container, path, pending, seen = stack[-1]
        if isinstance(container, list):
            key: Key = (*path, len(container))
            container.append(value)
            values[key] = position
            return key
        if not pending:
            if not isinstance(value, str):
                raise _FileError(*position, "a key must be a plain name such as 'title'")
            if value in seen:
                first = seen[value][0]
                raise _FileError(
                    *position, f"key '{value}' appears twice in this mapping (first on line {first}): keep one"
                )
            seen[value] = position
            pending.append(value)
            return None
        name = pending.pop()
        key = (*path, name)
        container[name] = value
        keys[key] = seen[name]
        values[key] = position
        return key

    for event in events:
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _FileError(*_position(event), f"anchors (&{anchor}) are not allowed: write each value out")
        tag = getattr(event, "tag", None)
        if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
            raise _FileError(*_position(event), f"YAML tags ({tag}) are not allowed: remove the tag")
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _FileError(
                    *_position(event),
                    "a file holds one YAML document: remove the '---' and what follows, or move it to its own file",
                )
        elif isinstance(event, yaml.AliasEvent):
            raise _FileError(*_position(event), f"aliases (*{event.anchor}) are not allowed: write the value out")
        elif isinstance(event, yaml.ScalarEvent):
            value = event.value
            is_null = event.implicit[0] and value in NULLS  # plain (unquoted) only
            attach(None if is_null else unicodedata.normalize("NFC", value), event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _FileError(*_position(event), f"values are nested more than {MAX_DEPTH} levels deep")
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            if stack and isinstance(stack[-1][0], dict) and not stack[-1][2]:
                raise _FileError(*_position(event), "a key must be a plain name such as 'title'")
            path = attach(container, event)
            assert path is not None
            stack.append((container, path, [], {}))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    if root is None:
        raise _FileError(1, 1, "file is empty: write a mapping of fields, such as 'name: ...'")
    if not isinstance(root, dict):
        raise _FileError(
            *values[()], "the file must be a mapping of fields ('name: value' lines), not a single value or a list"
        )
    return root, values, keys
