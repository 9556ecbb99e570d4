"""fork_map's results closed early, while its one worker is held in its first chunk: ``GO LOG``.

The worker waits for the file GO, and notes each item it does in LOG. GO appears once a chunk sent
to the worker is cancelled (or after a minute, should none ever be). Prints, as JSON, the first
result, how many workers there were and are still alive, and how many chunks were sent and cancelled.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any
from unittest import mock

from generator import parallel

futures: list[Future[Any]] = []


class CountedPool(ProcessPoolExecutor):
    """The pool fork_map uses, keeping every future it hands out."""

    def submit(self, *args: Any, **kwargs: Any) -> Future[Any]:
        futures.append(super().submit(*args, **kwargs))
        return futures[-1]


def main(go: Path, log: Path) -> None:
    parent = os.getpid()

    def work(n: int) -> int:
        if os.getpid() != parent:
            while not go.exists():
                time.sleep(0.01)
            with log.open("a") as done:
                done.write(f"{n}\n")
        return n

    def release() -> None:
        deadline = time.monotonic() + 60
        while not any(future.cancelled() for future in futures) and time.monotonic() < deadline:
            time.sleep(0.01)
        go.touch()

    with mock.patch.object(parallel, "ProcessPoolExecutor", CountedPool):
        results = parallel.fork_map(work, list(range(200)), 2, chunk=5, min_items=1)
    first = next(results)  # the first chunk is this process's
    children = [child.pid for child in multiprocessing.active_children()]
    threading.Thread(target=release, daemon=True).start()
    results.close()  # type: ignore[attr-defined]
    alive = sum(Path(f"/proc/{pid}").exists() for pid in children)
    cancelled = sum(future.cancelled() for future in futures)
    print(
        json.dumps(
            {"first": first, "workers": len(children), "alive": alive, "sent": len(futures), "cancelled": cancelled}
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
