"""`python -m generator build ARGS --jobs 1|2`, counting the pages MkDocs took converted by a worker: ``MODE ARGS``.

Every stage is shared however small, in chunks of two pages. Modes: ``in-line`` (one job),
``forked``, ``failing`` (a worker's conversion fails on every profile), ``dying`` (a worker exits
after it has converted two pages). Prints the counts as JSON on the last line, and exits with the
build's code.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from typing import Any

from mkdocs.structure.files import Files

from generator import parallel
from generator.mkdocs import convert


def main(mode: str, args: list[str]) -> int:
    parallel.LEAST_TO_SHARE, convert.CHUNK = 1, 2
    counts = {"worker": 0, "here": 0}
    take, convert_one = convert.Converter.take, convert._convert
    sent: list[convert.ConvertedPage] = []

    def counted(self: convert.Converter, page: convert.ConvertedPage) -> Any:
        converted = take(self, page)
        counts["here" if converted is None else "worker"] += 1
        return converted

    def faulty(page: convert.ConvertedPage, config: Any, files: Files, finish: Callable[[str], str]) -> Any:
        uri = page.file.src_uri
        if mode == "failing" and uri.startswith("actors/") and uri != "actors/index.md":
            raise ValueError("a bug in the worker")
        if mode == "dying" and len(sent) == 2:
            os._exit(1)
        sent.append(page)
        return convert_one(page, config, files, finish)

    convert.Converter.take = counted  # type: ignore[method-assign]
    convert._convert = faulty
    from generator.cli import main as generator

    code = generator([*args, "--jobs", "1" if mode == "in-line" else "2"])
    print(json.dumps(counts))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
