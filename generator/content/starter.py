"""Starting a briefing of one's own from a clone of this project: what `init` empties and renames.

The sample content ships with a manifest (content/.sample.sha256, in `sha256sum`'s format) of every
file it holds. `init` removes only files the manifest lists, unchanged: content that differs from
the sample in any way is somebody's work, and only `--force` removes it.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from .commands import command
from .load import FOLDERS, suggest_id

MANIFEST = ".sample.sha256"
KEEP = ".gitkeep"  # what keeps an emptied folder in git; never anybody's work
DEFAULT_DESCRIPTION = (
    "Annotated news briefings, with actor profiles, topics and a timeline, every fact linked to its source."
)


def content_files(content: Path) -> Iterator[Path]:
    """Yield every file below ``content`` but the manifest and the folders' keep files, in a stable order."""
    for path in sorted(content.rglob("*")):
        if (path.is_symlink() or not path.is_dir()) and path.name not in (MANIFEST, KEEP):
            yield path


def write_manifest(content: Path) -> str:
    """Write the manifest of the content as it is now (the sample, when it changes on purpose); return its text."""
    lines = [f"{_digest(path)}  {path.relative_to(content).as_posix()}\n" for path in content_files(content)]
    text = "".join(lines)
    (content / MANIFEST).write_text(text, encoding="utf-8")
    return text


def not_the_sample(content: Path) -> list[str]:
    """List the files below ``content`` that are not the untouched sample: changed, added, or all without a manifest."""
    shipped = _read_manifest(content / MANIFEST)
    return [
        path.relative_to(content).as_posix()
        for path in content_files(content)
        if path.is_symlink() or shipped.get(path.relative_to(content).as_posix()) != _digest(path)
    ]


def empty_content(content: Path) -> dict[str, int]:
    """Remove the articles, actors and topics below ``content`` and the manifest; count what went, by folder.

    The folders stay, each with a keep file, so that an emptied briefing's content/ is still in git.
    """
    removed: dict[str, int] = {}
    for folder in FOLDERS.values():
        directory = content / folder
        removed[folder] = 0
        if directory.is_symlink() or directory.is_file():
            directory.unlink()  # a link goes, never what it points to
        elif directory.is_dir():
            removed[folder] = sum(1 for _ in content_files(directory))
            shutil.rmtree(directory)
        directory.mkdir(parents=True)
        (directory / KEEP).touch()
    (content / MANIFEST).unlink(missing_ok=True)
    return removed


def name_site(config: str, title: str, description: str | None) -> str:
    """Set site_name and site_description in the text of mkdocs.yml, keeping every other line as it is.

    A setting that is not there goes in: the name on the first line, the description after it.
    """
    config = _set_line(config, "site_name", title, 0)
    name = _setting(config, "site_name")
    after_name = name.end() + 1 if name else 0
    return _set_line(config, "site_description", description or DEFAULT_DESCRIPTION, after_name)


def _setting(config: str, key: str) -> re.Match[str] | None:
    return re.search(rf"^{key}:.*$", config, re.MULTILINE)


def _set_line(config: str, key: str, value: str, insert_at: int) -> str:
    line = f"{key}: {json.dumps(value, ensure_ascii=False)}"
    found = _setting(config, key)
    if found:
        return config[: found.start()] + line + config[found.end() :]
    return config[:insert_at] + line + "\n" + config[insert_at:]


def _digest(path: Path) -> str:
    """A regular file's SHA-256; a link, a pipe or a device is never read (it may be anything, or block)."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() and not path.is_symlink() else "special"


def _read_manifest(path: Path) -> dict[str, str]:
    if not path.is_file() or path.is_symlink():
        return {}
    shipped = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        if name:
            shipped[name] = digest
    return shipped


def pages_address(origin: str) -> str | None:
    """The address GitHub Pages serves a repository's site at, from its remote: 'git@github.com:o/r.git' -> 'https://o.github.io/r/'."""
    found = re.fullmatch(
        r"(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)([\w.-]+)/([\w.-]+?)(?:\.git)?/?", origin
    )
    if not found:
        return None
    owner, repo = found.group(1).lower(), found.group(2)
    return (
        f"https://{owner}.github.io/" if repo.lower() == f"{owner}.github.io" else f"https://{owner}.github.io/{repo}/"
    )


def next_steps(title: str, content: Path, address: str | None) -> str:
    """What to do after `init`: a first topic, a first article, a check, and where the site will be published."""
    topic = suggest_id(title).removesuffix("-briefing") or "my-topic"
    where = (
        f"GitHub Pages publishes it at {address}"
        if address
        else "GitHub Pages publishes it at https://OWNER.github.io/REPO/"
    )
    return f"""next:
  1. a first topic:   {command("new", "topic", topic, content=content)}
  2. a first article: {command("draft", "https://example.com/a-report", "--new-actors", content=content)}
     (or a saved page or text file); write its summary, and resolve what the draft marks for review
  3. check it:        make check   (make serve shows the site at http://127.0.0.1:8000 as you edit)
  4. publish:         push to main on GitHub, with Settings > Pages > Source set to 'GitHub Actions':
     CI tests and builds every commit, and {where}
README.md, "Start your own briefing", says more."""
