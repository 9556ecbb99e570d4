"""`python -m generator draft SOURCE`: read, draft, check, write, and say what is left to do.

Exit 0 with a draft written, 1 when the source gives nothing to draft (empty, binary, too
big, no article, an address that does not answer) or a file would be overwritten, 2 for
a usage mistake (a bad option, a missing file, no date and no --published). Nothing is
written unless the whole draft is.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import BinaryIO

from ..content.commands import command
from ..content.counts import count
from ..content.diagnostics import printable
from ..content.load import ContentFileError, open_content_file
from ..exits import INPUT, OK, USAGE
from . import make_draft
from .draft import UNKNOWN_PUBLISHER, Draft, article_id, publisher_of, write_actor, write_article
from .fetch import read_raw
from .gazetteer import make_gazetteer
from .known import DraftedFile, Spread, check_draft, read_known, read_known_events
from .language import Language
from .languages import LANGUAGES, detect_language
from .records import (
    FORBIDDEN_CHARACTERS,
    URL_PATTERN,
    DraftInputError,
    KnownEvent,
    PartialDate,
    Raw,
    id_problem,
    suggest_id,
)
from .source import read_source


@dataclass(frozen=True)
class DraftOptions:
    source: str
    content: Path
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    id: str | None = None
    out: str | None = None
    new_actors: bool = False
    lang: str | None = None  # a language code; None: told from the text
    spread: Spread = map  # parses the content's files: over processes, from the CLI


def run_draft(options: DraftOptions) -> int:
    """Draft an article from SOURCE; print what was found and what is left for the person."""
    try:
        return _draft(options)
    except DraftInputError as error:
        print(printable(error.message), file=sys.stderr)
        return error.exit_code


def _draft(options: DraftOptions) -> int:
    published_option = _published(options.published)
    if options.id is not None and id_problem(options.id):
        fix = suggest_id(options.id)
        hint = f" (try '{fix}')" if fix and fix != options.id else ""
        raise DraftInputError(
            f"error: --id '{options.id}' is not a valid id: an id {id_problem(options.id)}{hint}", USAGE
        )
    if options.url is not None and not URL_PATTERN.match(options.url):
        raise DraftInputError(
            f"error: --url '{options.url}' is not a web address: write a full http:// or https:// URL", USAGE
        )
    chosen = _language(options.lang)
    raw = read_raw(options.source, sys.stdin.buffer)
    language = chosen or detect_language(raw.data.decode("utf-8", "replace"))
    source = read_source(raw, language)
    if not source.paragraphs:
        raise DraftInputError(
            f"error: found no article text in {raw.name} after its headline: give the whole article, not its headline alone",
            INPUT,
        )
    url = options.url or source.url or (raw.url if raw.url and URL_PATTERN.match(raw.url) else None)
    source = replace(source, url=url)
    published = published_option or source.published or _no_date(raw.name, source.dateline_date)
    # The option as the text's own lines are cleaned: a control character in it would fail `check`.
    option = " ".join(FORBIDDEN_CHARACTERS.sub(" ", options.publisher or "").split())
    publisher = option or publisher_of(source, url) or UNKNOWN_PUBLISHER
    known = read_known(options.content, options.spread)
    draft_id = options.id or article_id(published, source.headline, language)
    target = _target(options, draft_id)

    def read_events(dates: Sequence[PartialDate], actors: Collection[str]) -> Sequence[KnownEvent]:
        return read_known_events(options.content, dates, actors, options.spread, known.present)

    draft = make_draft(
        source,
        id=draft_id,
        origin=origin_of(raw),
        published=published,
        publisher=publisher,
        gazetteer=make_gazetteer(known.actors, language),
        topics=known.topics,
        read_events=read_events,
    )
    actor_files = _actor_files(options, draft, known.actor_ids) if options.new_actors else {}
    left = {actor.id for actor in draft.proposed} - {path.stem for path in actor_files} if options.new_actors else ()
    text = write_article(draft, options.new_actors, command("check", content=options.content), left)
    checked = target if target is not None else options.content / "articles" / f"{draft_id}.yaml"
    drafted = [DraftedFile("article", draft_id, checked, text)]
    drafted += [DraftedFile("actor", path.stem, path, actor_text) for path, actor_text in actor_files.items()]
    promised = () if options.new_actors else [actor.id for actor in draft.proposed]  # the notes say to create them
    problems = [
        d
        for d in check_draft(known, drafted, promised)
        if not d.is_review and not d.message.startswith("'summary' has no value")
    ]
    _write(options.content, target, text, actor_files)
    _report(options, draft, target, actor_files, problems)
    return OK


def origin_of(raw: Raw) -> str:
    """Name a source as the draft's header does: its address, or its file's name (never a path on this machine)."""
    if raw.url:
        return raw.url
    if raw.name == "standard input":
        return raw.name
    return PurePath(raw.name).name


def _language(code: str | None) -> Language | None:
    if code is None:
        return None
    if code not in LANGUAGES:
        raise DraftInputError(
            f"error: --lang '{code}' is not a language the draft reads: use one of {', '.join(sorted(LANGUAGES))}",
            USAGE,
        )
    return LANGUAGES[code]


def _published(option: str | None) -> PartialDate | None:
    if option is None:
        return None
    try:
        date = PartialDate.parse(option)
    except ValueError as error:
        raise DraftInputError(f"error: --published {error}", USAGE) from None
    if not date.is_full or date.is_approximate:
        raise DraftInputError(f"error: --published '{option}' must be a full date such as 2024-04-15", USAGE)
    return date


def _no_date(name: str, dateline_date: str | None) -> PartialDate:
    if dateline_date:
        raise DraftInputError(
            f"error: the dateline of {name} gives '{dateline_date}' but not the year: pass --published YYYY-MM-DD",
            USAGE,
        )
    raise DraftInputError(
        f"error: {name} gives no publication date: pass --published YYYY-MM-DD (the day the article came out)", USAGE
    )


def _target(options: DraftOptions, draft_id: str) -> Path | None:
    """Where the draft goes (None: standard output); refuse a file that exists."""
    if options.out == "-":
        return None
    path = Path(options.out) if options.out else options.content / "articles" / f"{draft_id}.yaml"
    if path.exists():
        advice = "pass --id to choose another id, or --out FILE" if not options.out else "choose another file"
        raise DraftInputError(f"error: {path} already exists: {advice}", INPUT)
    if options.out and not path.parent.is_dir():
        raise DraftInputError(f"error: cannot write {path}: the folder {path.parent} does not exist", USAGE)
    return path


def _actor_files(options: DraftOptions, draft: Draft, existing: frozenset[str]) -> dict[Path, str]:
    """The files of the proposed actors that do not exist yet (an existing file is never overwritten)."""
    folder = options.content / "actors"
    return {
        folder / f"{actor.id}.yaml": write_actor(actor, draft.id)
        for actor in draft.proposed
        if actor.id not in existing and not (folder / f"{actor.id}.yaml").exists()
    }


def _create(content: Path, path: Path) -> BinaryIO:
    """Make a new file: in the content folder, as `new` does (through no link, never over a file)."""
    try:
        relative = path.relative_to(content)
    except ValueError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("xb")
    return open_content_file(content, relative, create=True)


def _write(content: Path, target: Path | None, text: str, actor_files: dict[Path, str]) -> None:
    """Write the new actors and the draft (or print it); a file that cannot be written undoes the others."""
    written: list[Path] = []
    try:
        for path, file_text in [*actor_files.items(), *([(target, text)] if target is not None else [])]:
            with _create(content, path) as file:
                written.append(path)
                file.write(file_text.encode("utf-8"))
    except (OSError, ContentFileError) as error:
        for path in written:
            path.unlink(missing_ok=True)
        problem = error if isinstance(error, ContentFileError) else f"cannot write {error.filename}: {error.strerror}"
        raise DraftInputError(f"error: {problem}: nothing was written", USAGE) from None
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()


def _report(
    options: DraftOptions, draft: Draft, target: Path | None, actor_files: dict[Path, str], problems: Sequence[object]
) -> None:
    out = sys.stderr if target is None else sys.stdout
    if target is not None:
        print(f"wrote {target}", file=out)
    for path in actor_files:
        print(f"wrote {path} (a new actor)", file=out)
    linked = sum(1 for e in draft.events if e.known is not None)
    new = len(draft.proposed)
    print(
        f"found: {count(len(draft.actors), 'actor')} ({new} new), {count(len(draft.events), 'event')} "
        f"({linked} already in the content), {count(len(draft.quotes), 'quote')}, "
        f"{count(len(draft.statements), 'statement')}",
        file=out,
    )
    print("left for you:", file=out)
    for note in _notes(options, draft):
        print(f"  - {note}", file=out)
    for problem in problems:
        print(f"  - fix: {problem}", file=out)
    print(f"then run: {command('check', content=options.content)}", file=out)


def _notes(options: DraftOptions, draft: Draft) -> list[str]:
    notes = ["write the summary, in your own words"]
    if draft.publisher == UNKNOWN_PUBLISHER:
        notes.append("write the publisher: the text does not name it (or pass --publisher)")
    marks = len(draft.events) + len(draft.statements) + (len(draft.proposed) if options.new_actors else 0)
    if marks:
        notes.append(f"do what each 'review' line says, then remove it ({count(marks, 'line')})")
    if draft.proposed:
        ids = ", ".join(actor.id for actor in draft.proposed)
        if options.new_actors:
            notes.append(f"check the {count(len(draft.proposed), 'new actor')} (name, kind, role): {ids}")
        else:
            notes.append(
                f"create the {count(len(draft.proposed), 'new actor')}, or draft again with --new-actors: {ids}"
            )
    notes += draft.unplaced
    notes.append("add statements and relations in your own words, and the topics")
    return notes
