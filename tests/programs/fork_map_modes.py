"""fork_map over 400 items in chunks of 10: ``MODE JOBS``. Prints what was done where, as JSON.

Modes: the workers work (``works``), one fails on an item of its first chunk (``fails``), one
dies at item 30 (``dies``), item 150 is bad wherever it is done (``raises``), or another thread
runs (``threads``).
"""

from __future__ import annotations

import json
import os
import sys
import threading

from generator import parallel


def main(mode: str, jobs: int) -> None:
    parent = os.getpid()

    def work(n: int) -> tuple[int, int]:
        if os.getpid() != parent and mode == "fails" and n == 17:  # in the second chunk: a worker's
            raise ValueError("only in a worker")
        if os.getpid() != parent and mode == "dies" and n == 30:
            os._exit(1)
        if mode == "raises" and n == 150:  # an item of a worker's: it fails there, then here
            raise ValueError(f"item {n} is bad")
        return (n * n, os.getpid())

    if mode == "threads":
        threading.Thread(target=threading.Event().wait, args=(5,), daemon=True).start()
    try:
        done = list(parallel.fork_map(work, list(range(400)), jobs, chunk=10, min_items=1))
    except ValueError as error:
        print(json.dumps({"error": str(error)}))
        return
    print(
        json.dumps(
            {
                "squares": [square for square, _ in done],
                "here": sum(pid == parent for _, pid in done),
                "processes": len({pid for _, pid in done}),
                "threads": threading.active_count(),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
