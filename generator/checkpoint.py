"""Named points of a build where a test can stop it, to send it a signal at a known moment.

With BRIEFING_PAUSE_AT=NAME and BRIEFING_PAUSE_FILE=PATH set, the build, on reaching the point NAME,
writes NAME to PATH and waits (at most a minute) until PATH is removed. A test waits for the file,
sends SIGINT or SIGTERM, and removes it: the interrupt lands at that point and no other, whatever
the speed of the machine (tests/test_safety.py). Unset, as in every real build, a point costs a
dictionary look-up.

The points, in the order a build reaches them:
    workers    the helper processes have their chunks (generator/parallel.py)
    generated  the pages and data files are made, MkDocs has not started (generator/cli.py)
    swapped    the new site is in place, with SIGINT and SIGTERM held (generator/pages/emit.py)
"""

from __future__ import annotations

import os
import time
from pathlib import Path

AT = "BRIEFING_PAUSE_AT"
FILE = "BRIEFING_PAUSE_FILE"
LONGEST = 60.0  # seconds: a test that forgot to remove the file does not hang the build forever


def checkpoint(name: str) -> None:
    """Wait here while a test holds the point ``name`` (see the module's docstring); else return at once."""
    if os.environ.get(AT) != name or not os.environ.get(FILE):
        return
    held = Path(os.environ[FILE])
    held.write_text(name, encoding="utf-8")
    deadline = time.monotonic() + LONGEST
    while held.exists() and time.monotonic() < deadline:
        time.sleep(0.01)  # a signal's handler runs here: SIGINT raises KeyboardInterrupt out of the sleep
