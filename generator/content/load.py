"""Load: read the content tree into raw documents, every value with its line and column.

YAML is read as events, not constructed: no tag is resolved, so every scalar stays the
text that was written (``no`` is "no", ``1:30`` is "1:30"), and the builder below sees
every anchor, alias, tag and duplicate key that PyYAML's constructors would hide.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from .counts import count
from .diagnostics import Diagnostic, Severity, did_you_mean

KINDS = {"articles": "article", "actors": "actor", "topics": "topic"}  # a folder of content/ -> the kind of its files
FOLDERS = {kind: folder for folder, kind in KINDS.items()}  # 'article' -> 'articles'
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX_LENGTH = 80
# Names Windows keeps for devices, whatever follows the dot: a page or a file so named cannot be checked out there.
RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))]
)
RESERVED_SHOWN = "con, prn, aux, nul, com1 to com9, lpt1 to lpt9"
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# Control characters other than tab and newline, bidirectional overrides and isolates,
# and the invisible line separators that YAML would read as line breaks.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")

LINE_BREAKS = re.compile("[\r\x85\u2028\u2029]")

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
    present: frozenset[tuple[str, str]] = frozenset()  # (kind, id) of every file, read or not


class _FileError(Exception):
    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def display_path(path: Path) -> str:
    """Name a file as a contributor would type it: relative to the working directory."""
    relative = os.path.relpath(path)
    return Path(relative).as_posix() if not relative.startswith("..") else path.as_posix()


def read_lines(content_dir: Path, shown: str, line: int, around: int) -> tuple[tuple[int, str], ...]:
    """Lines ``line - around`` to ``line + around`` of the file ``shown`` (as display_path names it),
    each with its number, as an editor counts them; none when it is not a content file that can be read."""
    try:
        relative = Path(os.path.abspath(shown)).relative_to(os.path.abspath(content_dir))
        with open_content_file(content_dir, relative) as file:
            text = file.read(MAX_FILE_BYTES).decode("utf-8", "replace")
    except (ValueError, OSError, ContentFileError):
        return ()
    lines = [each.rstrip("\r") for each in text.removesuffix("\n").split("\n")]
    first = max(line - around, 1)
    return tuple((number, lines[number - 1]) for number in range(first, min(line + around, len(lines)) + 1))


class ContentFileError(Exception):
    """A content file that is not opened: the path at fault (the file, or a folder on the way) and why."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{display_path(path)}: {message}")
        self.path, self.message = path, message


def _link_problem(is_folder: bool) -> str:
    if is_folder:
        return "this folder is a symbolic link, and links are not followed in the content folder: make it a folder of its own, with the files in it"
    return "this file is a symbolic link, and links are not followed in the content folder: copy the file here instead"


_KINDS_OF_FILE = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def kind_of_file(mode: int) -> str:
    """Name what a file's mode (st_mode) says it is, when it is not a regular file: 'a named pipe (FIFO)'."""
    return _KINDS_OF_FILE.get(stat.S_IFMT(mode), "not a regular file")


def open_content_file(content_dir: Path, relative: Path | str, *, create: bool = False) -> BinaryIO:
    """Open a file inside ``content_dir``: a regular file, reached through no symbolic link (the file or
    a folder on the way), never a device or a named pipe. With ``create``, make a new file (and its
    folders), never one that exists.

    Every step is opened relative to the folder opened before it, without following a link, so that
    nothing swapped in between a check and the open is followed either.
    """
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts:
        raise ContentFileError(content_dir / relative, "this is not inside the content folder")
    if content_dir.is_symlink():
        raise ContentFileError(content_dir, _link_problem(True))
    if create:
        with contextlib.suppress(OSError):  # what is in the way is said below
            content_dir.mkdir(parents=True, exist_ok=True)
    folder = _open_step(None, content_dir, os.fspath(content_dir), os.O_RDONLY | os.O_DIRECTORY)
    try:
        path = content_dir
        for part in parts[:-1]:
            path = path / part
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, dir_fd=folder)
            inner = _open_step(folder, path, part, os.O_RDONLY | os.O_DIRECTORY)
            os.close(folder)
            folder = inner
        path = path / parts[-1]
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL if create else os.O_RDONLY | os.O_NONBLOCK
        descriptor = _open_step(folder, path, parts[-1], flags)
    finally:
        os.close(folder)
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        what = kind_of_file(mode)
        raise ContentFileError(path, f"this is {what}, not a file: content files are plain YAML files")
    os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "wb" if create else "rb")


def _open_step(folder: int | None, path: Path, name: str, flags: int) -> int:
    """Open ``name`` in the open ``folder`` without following a link; say what is wrong with ``path``."""
    try:
        return os.open(name, flags | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666, dir_fd=folder)  # rw for all, less the umask
    except OSError as error:
        if os.path.islink(path):
            raise ContentFileError(path, _link_problem(bool(flags & os.O_DIRECTORY))) from None
        if error.errno == errno.EEXIST:
            raise ContentFileError(path, "this file already exists: edit it, or choose another id") from None
        if error.errno == errno.ENOTDIR:
            raise ContentFileError(path, "this is a file, not a folder: move it out of the way") from None
        if error.errno == errno.ENOENT:
            raise ContentFileError(path, "not found: check the path") from None
        raise ContentFileError(path, f"cannot be opened ({error.strerror}): check its permissions") from None


def read_content_file(content_dir: Path, relative: Path | str) -> bytes:
    """The bytes of a content file, opened as ``open_content_file`` opens it."""
    with open_content_file(content_dir, relative) as file:
        return file.read()


def suggest_id(stem: str) -> str:
    """Turn a file stem into the nearest valid id: 'North_Korea' -> 'north-korea'."""
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_stem.lower()))[:ID_MAX_LENGTH].strip("-")


def id_problem(value: str) -> str | None:
    """Say what is wrong with an id, or None when it follows the rule."""
    if len(value) > ID_MAX_LENGTH:
        return f"is {len(value)} characters long; ids are at most {ID_MAX_LENGTH}"
    if not ID_PATTERN.fullmatch(value):
        return "must be lowercase letters and digits, words joined by single hyphens"
    if value in RESERVED_NAMES:
        return f"is a device name on Windows ({RESERVED_SHOWN}), which no file there can have: add a word, such as '{value}-1'"
    return None


FileMemo = dict[Path, tuple[bytes, "Document | None", tuple[Diagnostic, ...]]]


FileRead = tuple["Document | None", tuple[Diagnostic, ...]]


def load_tree(
    content_dir: Path,
    memo: FileMemo | None = None,
    spread: Callable[[Callable[[_File], FileRead], Sequence[_File]], Iterable[FileRead]] = map,
    *,
    kinds: Collection[str] = tuple(KINDS.values()),
    keep: Callable[[bytes], bool] | None = None,
) -> LoadResult:
    """Read every content file under ``content_dir``; report layout and YAML problems.

    With ``memo`` (kept between the rebuilds of `mkdocs serve`), a file whose bytes have not
    changed since the last call is not parsed again: it gives the same Document object.
    ``spread`` parses the files: ``map`` by default, or one that spreads them over processes.
    ``kinds`` reads only the files of those kinds; ``keep`` parses only the files whose bytes it
    keeps (a quick pre-filter such as `holding`'s), though every file found is ``present``.
    """
    diagnostics: list[Diagnostic] = []
    present: set[tuple[str, str]] = set()
    files: list[_File] = []
    for path, kind in _content_files(content_dir, kinds, diagnostics):
        stem = path.stem
        problem = id_problem(stem)
        if problem:
            fix = suggest_id(stem)
            hint = f" (rename the file to '{fix}.yaml')" if fix and fix != stem else ""
            message = f"file name '{path.name}' is not a valid id: it {problem}{hint}"
            diagnostics.append(Diagnostic(display_path(path), 1, 1, Severity.ERROR, message))
            continue
        present.add((kind, stem))
        try:
            raw = read_content_file(content_dir, path.relative_to(content_dir))
        except ContentFileError as error:
            diagnostics.append(_misplaced(error.path, error.message))
            continue
        if keep is None or keep(raw):
            files.append(_File(path, raw, display_path(path), kind, stem))
    read: dict[Path, tuple[Document | None, tuple[Diagnostic, ...]]] = {}
    for file in files:
        known = memo.get(file.path) if memo is not None else None
        if known is not None and known[0] == file.raw and (known[1] is None or known[1].path == file.shown):
            read[file.path] = known[1], known[2]
    todo = [file for file in files if file.path not in read]
    for file, (document, problems) in zip(todo, spread(_read_file, todo), strict=True):
        read[file.path] = document, problems
        if memo is not None:
            memo[file.path] = (file.raw, document, problems)
    documents: list[Document] = []
    for file in files:
        document, problems = read[file.path]
        diagnostics += problems
        if document is not None:
            documents.append(document)
    return LoadResult(tuple(documents), tuple(diagnostics), frozenset(present))


_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def holding(*groups: Collection[str]) -> Callable[[bytes], bool]:
    """A pre-filter for `load_tree`'s ``keep``: the files whose bytes hold a word of every group.

    The words are ids or years. One counts whole, not inside a longer one: 'korea' is not in
    'north-korea', '2024' is in '2024-03-05' but not in 'summit-2024'. It is quick (no file is parsed
    to be left out) and leaves out no file a value could come from: an id or a date is in the bytes
    as written, but where a double-quoted escape spells it ('\\x41' for 'A'), and a file with a
    backslash is kept. The groups are searched in order: the one most files lack first is quickest.
    """
    words = [sorted({word.encode() for word in group}) for group in groups]
    patterns = [re.compile(b"|".join(map(re.escape, each)) + rb"(?!\w)") for each in words]

    def is_whole(raw: bytes, pattern: re.Pattern[bytes]) -> bool:
        return any(found.start() == 0 or raw[found.start() - 1] not in _WORD_BYTES for found in pattern.finditer(raw))

    def holds(raw: bytes) -> bool:
        # Searching for the words first is much quicker than the patterns, and leaves out most files.
        return all(any(word in raw for word in each) for each in words) and all(
            is_whole(raw, pattern) for pattern in patterns
        )

    return lambda raw: all(words) and (b"\\" in raw or holds(raw))


@dataclass(frozen=True)
class _File:
    """A content file to read: where it is, its bytes, and the name, kind and id it gives."""

    path: Path
    raw: bytes
    shown: str
    kind: str
    stem: str


def _read_file(file: _File) -> tuple[Document | None, tuple[Diagnostic, ...]]:
    parsed = read_document(file.raw)
    problems = tuple(
        Diagnostic(file.shown, line, column, Severity.ERROR, message) for line, column, message in parsed.problems
    )
    if parsed.data is None:
        return None, problems
    return Document(file.shown, file.kind, file.stem, parsed.data, parsed.values, parsed.keys), problems


def _content_files(
    content_dir: Path, kinds: Collection[str], diagnostics: list[Diagnostic]
) -> Iterator[tuple[Path, str]]:
    """Yield (path, kind) for every content file of these kinds, in a stable order; report misplaced files."""
    if content_dir.is_symlink():
        diagnostics.append(_misplaced(content_dir, _link_problem(True)))
        return
    if content_dir.exists() and not content_dir.is_dir():
        diagnostics.append(
            _misplaced(content_dir, "this is a file, not the content folder: pass a folder with --content")
        )
        return
    if not content_dir.is_dir():
        diagnostics.append(Diagnostic(display_path(content_dir), 1, 1, Severity.ERROR, "content folder not found"))
        return
    for entry in sorted(content_dir.iterdir()):
        if _is_ignored(entry):
            continue
        if entry.is_symlink():  # before is_dir, which follows it
            diagnostics.append(_misplaced(entry, _link_problem(entry.name in KINDS or entry.is_dir())))
        elif entry.is_dir() and entry.name in KINDS:
            if KINDS[entry.name] in kinds:
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
        if entry.is_symlink():  # before is_dir, which follows it
            diagnostics.append(_misplaced(entry, _link_problem(entry.is_dir())))
        elif entry.is_dir():
            diagnostics.append(
                _misplaced(entry, f"folders inside {folder.name}/ are not read: move its files up into {folder.name}/")
            )
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


Positions = dict[Key, tuple[int, int]]


@dataclass(frozen=True)
class Parsed:
    """A file's data and positions, and the problems found in it (data may be None)."""

    data: dict[str, Any] | None
    values: Positions
    keys: Positions
    problems: tuple[tuple[int, int, str], ...]


def read_document(raw: bytes) -> Parsed:
    """Parse one file's bytes into plain data (strings, lists, dicts) and positions.

    Problems that leave the structure readable (a duplicate key, a tag, an anchor, a
    forbidden character) are collected and reading goes on, so that one run reports
    them all; a syntax error stops the file.
    """
    if len(raw) > MAX_FILE_BYTES:
        return _failed(
            1, 1, f"file is {len(raw):,} bytes; the limit is 1 MiB (1,048,576 bytes): split it into several files"
        )
    try:
        text = _decode(raw)
    except _FileError as error:
        return _failed(error.line, error.column, error.message)
    problems = list(_forbidden_characters(text))
    if LINE_BREAKS.search(text):
        # YAML reads these as line breaks: past one, lines no longer match the editor's.
        return Parsed(None, {}, {}, tuple(problems))
    text = FORBIDDEN_CHARACTERS.sub(" ", text)
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return _failed(1, 1, "file is empty: write a mapping of fields, such as 'name: ...'")
    builder = _Builder(problems)
    try:
        for event in yaml.parse(text, Loader=_Parser):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        line, column, message = _yaml_problem(error, text)
        return Parsed(None, {}, {}, (*problems, (line, column, message)))
    except yaml.YAMLError as error:  # a reader error has no mark
        return Parsed(None, {}, {}, (*problems, (1, 1, f"this is not valid YAML: {error}")))
    except _FileError as error:
        return Parsed(None, {}, {}, (*problems, (error.line, error.column, error.message)))
    root = builder.root
    if root is None:
        return _failed(1, 1, "file is empty: write a mapping of fields, such as 'name: ...'")
    if builder.is_partial:  # what an alias or a tag stood for is unknown: validating would only guess
        return Parsed(None, builder.values, builder.keys, tuple(problems))
    if not isinstance(root, dict):
        position = builder.values.get((), (1, 1))
        problems.append(
            (*position, "the file must be a mapping of fields ('name: value' lines), not a single value or a list")
        )
        return Parsed(None, builder.values, builder.keys, tuple(problems))
    return Parsed(root, builder.values, builder.keys, tuple(problems))


def _failed(line: int, column: int, message: str) -> Parsed:
    return Parsed(None, {}, {}, ((line, column, message),))


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


def _character_message(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "a control character")
    return f"invisible or control character {code} ({name.lower()}) is not allowed: delete it"


MAX_REPORTED_CHARACTERS = 20


def _forbidden_characters(text: str) -> Iterator[tuple[int, int, str]]:
    """Report forbidden characters in one pass: each of the first 20, then how many more."""
    line, line_start, found = 1, 0, 0
    for match in FORBIDDEN_CHARACTERS.finditer(text):
        found += 1
        if found > MAX_REPORTED_CHARACTERS:
            continue
        line += text.count("\n", line_start, match.start())
        line_start = text.rfind("\n", 0, match.start()) + 1
        yield line, match.start() - line_start + 1, _character_message(match.group())
    more = found - MAX_REPORTED_CHARACTERS
    if more > 0:
        yield (
            line,
            1,
            f"and {count(more, 'more forbidden character')} after this line: delete {'it' if more == 1 else 'them all'}",
        )


def _line_at(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line] if 0 <= line < len(lines) else ""


def _yaml_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Turn a PyYAML error into a position and a message that says what to do."""
    problem = error.problem or str(error)
    context = error.context or ""
    mark, opened = error.problem_mark, error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        return line, column, "a tab is not allowed here: indent with spaces"
    if opened is not None and "quoted scalar" in context:
        return opened.line + 1, opened.column + 1, "the file ends inside a quoted value: close the quotes"
    if opened is not None and "flow sequence" in context:
        return opened.line + 1, opened.column + 1, "this '[' is never closed: end the list with ']'"
    if opened is not None and "flow mapping" in context:
        return opened.line + 1, opened.column + 1, "this '{' is never closed: end the mapping with '}'"
    if "mapping values are not allowed" in problem and mark is not None:
        before = _line_at(text, mark.line)[: mark.column]
        if re.fullmatch(r"\s+[^\s:#]+", before):  # a lone key, indented too far
            indent = len(before) - len(before.lstrip())
            return line, indent + 1, "this line is not indented like the keys around it: line it up with them"
        return line, column, "a ': ' inside a value starts a new key: put the value in quotes"
    if "did not find expected key" in problem:
        return line, column, "this line is not indented like the keys around it: line it up with them"
    if "found undefined alias" in problem:
        return line, column, "aliases (*name) are not allowed: write the value out"
    if "could not find expected ':'" in problem:
        return line, column, "expected 'key: value' here: check the indentation and quotes"
    return line, column, f"this is not valid YAML: {problem}"


def _position(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _tag_as_written(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class _Builder:
    """Build data and positions from YAML events, iteratively (deep input cannot recurse)."""

    def __init__(self, problems: list[tuple[int, int, str]]) -> None:
        self.problems = problems
        self.values: Positions = {}
        self.keys: Positions = {}
        self.root: Any = None
        self.documents = 0
        # Each frame: the container, its key path, the pending mapping key, the keys seen.
        self.stack: list[tuple[Any, Key, list[str], dict[str, tuple[int, int]]]] = []
        self.is_partial = False

    def feed(self, event: yaml.Event) -> None:
        if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:  # most events
            self._scalar(event)
            return
        if isinstance(event, yaml.AliasEvent):
            self.problems.append((*_position(event), f"aliases (*{event.anchor}) are not allowed: write the value out"))
            self.is_partial = True
            self._attach(None, event)
            return
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.problems.append((*_position(event), f"anchors (&{anchor}) are not allowed: write each value out"))
        tag = getattr(event, "tag", None)
        if tag is not None and not isinstance(event, yaml.DocumentStartEvent):
            self.problems.append(
                (*_position(event), f"YAML tags ({_tag_as_written(tag)}) are not allowed: remove the tag")
            )
            self.is_partial = True
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _FileError(
                    *_position(event),
                    "a file holds one YAML document: remove the '---' and what follows, or move it to its own file",
                )
        elif isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise _FileError(
                    *_position(event),
                    f"values are nested more than {MAX_DEPTH} levels deep: no field nests that deep, so check the brackets and the indentation",
                )
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            path = self._attach(container, event)
            self.stack.append((container, path if path is not None else ("?",), [], {}))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        value = event.value if event.value.isascii() else unicodedata.normalize("NFC", event.value)
        # The file's forbidden characters are reported and blanked before parsing; only a
        # double-quoted escape ("\x07") can make one.
        found = FORBIDDEN_CHARACTERS.search(value) if event.style == '"' else None
        if found:
            self.problems.append((*_position(event), _character_message(found.group())))
        is_null = event.implicit[0] and value in NULLS  # plain (unquoted) only
        self._attach(None if is_null else value, event)

    def _attach(self, value: Any, event: yaml.Event) -> Key | None:
        """Put a value where the event stands; return its key path (None for a mapping key)."""
        position = _position(event)
        if not self.stack:
            self.root = value
            self.values[()] = position
            return ()
        container, path, pending, seen = self.stack[-1]
        if isinstance(container, list):
            key: Key = (*path, len(container))
            container.append(value)
            self.values[key] = position
            return key
        if not pending:
            if not isinstance(value, str):
                raise _FileError(*position, "a key must be a plain name such as 'title'")
            if value in seen:
                first = seen[value][0]
                self.problems.append(
                    (*position, f"key '{value}' appears twice in this mapping (first on line {first}): keep one")
                )
                pending.append("\0duplicate")
                return None
            seen[value] = position
            pending.append(value)
            return None
        name = pending.pop()
        if name == "\0duplicate":  # keep the first value; the second is reported above
            return ("\0duplicate",)
        key = (*path, name)
        container[name] = value
        self.keys[key] = seen[name]
        self.values[key] = position
        return key
