"""History: when each content file was added and last changed, read from git in one pass.

``git log -1 -- FILE`` for each file costs a process per file; one ``git log --name-only`` over the
content folder lists every commit with the files it touched, newest first, so the first date seen
of a file is its last change and the last one seen its addition. A folder that is not in a git
repository (or a machine without git) has no history: pages then fall back on their articles'
dates. Dates are the commits', never the clock's, so a build is the same from one run to the next.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .load import KINDS

Key = tuple[str, str]  # (kind, id): ('article', 'x') for content/articles/x.yaml


@dataclass(frozen=True)
class History:
    """The day each content file was last changed, and the day it was added, by (kind, id)."""

    changed: Mapping[Key, dt.date] = field(default_factory=dict)
    added: Mapping[Key, dt.date] = field(default_factory=dict)


def read_history(content_dir: Path) -> History:
    """Read the git history of the content folder; an empty History where there is none."""
    command = ["git", "-C", str(content_dir), "log", "--format=%x00%cs", "--name-only", "--relative", "--no-renames"]
    try:
        log = subprocess.run([*command, "--", "."], capture_output=True, text=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return History()
    return parse_history(log)


def parse_history(log: str) -> History:
    """Read the output of ``git log --format=%x00%cs --name-only``: a NUL and a date, then file names."""
    changed: dict[Key, dt.date] = {}
    added: dict[Key, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            day = dt.date.fromisoformat(line[1:])
            continue
        folder, _, name = line.partition("/")
        if day is None or folder not in KINDS or "/" in name or not name.endswith(".yaml"):
            continue
        key = (KINDS[folder], name.removesuffix(".yaml"))
        changed.setdefault(key, day)
        added[key] = day
    return History(changed, added)
