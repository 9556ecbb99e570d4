"""The generator's commands as messages, scaffolds and docs print them.

A printed command must run as printed from the project folder in a fresh shell, where no
virtual environment is active: so it names the project's own interpreter, and it carries
``--content DIR`` when the content is not in ./content (the folder `make` and the
defaults use).
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from .load import display_path

PROGRAM = ".venv/bin/python -m generator"
DEFAULT_CONTENT = Path("content")


def command(*words: str, content: Path = DEFAULT_CONTENT) -> str:
    """Write a generator command: ('new', 'actor', 'x') -> '.venv/bin/python -m generator new actor x'."""
    arguments = list(words)
    if os.path.abspath(content) != os.path.abspath(DEFAULT_CONTENT):
        arguments += ["--content", display_path(content)]
    return f"{PROGRAM} {shlex.join(arguments)}"
