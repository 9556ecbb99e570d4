"""Work over several processes (generator.parallel.fork_map): the same results as map(), whatever the workers do."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SAMPLE_CONTENT, run_python

# Runs in a fresh interpreter: forking needs a process with no other thread, which pytest's
# browser fixtures do not leave. Modes: the workers work, fail on one item, die, or the item is bad.
_MAP = """
import json, os, sys, threading
from generator import parallel
mode, jobs, parent = sys.argv[1], int(sys.argv[2]), os.getpid()
def work(n):
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
else:
    print(json.dumps({
        "squares": [square for square, _ in done],
        "here": sum(pid == parent for _, pid in done),
        "processes": len({pid for _, pid in done}),
        "threads": threading.active_count(),
    }))
"""


def _map(mode: str, jobs: int = 2) -> dict[str, object]:
    result = run_python("-c", _MAP, mode, str(jobs))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("jobs", [2, 4])
def test_workers_share_the_items_and_the_results_keep_their_order(jobs: int) -> None:
    done = _map("works", jobs)
    assert done["squares"] == [n * n for n in range(400)]
    assert done["here"] == 400 // jobs  # every jobs-th chunk of 10, from the first, is done in this process
    assert 2 <= done["processes"] <= jobs  # (which worker takes which chunk is the system's choice)
    assert done["threads"] == 1  # the pool's threads are gone: the next stage may fork again


@pytest.mark.parametrize(("mode", "here"), [("fails", 200 + 10), ("dies", 400 - 10)])
def test_what_the_workers_did_not_do_is_done_here(mode: str, here: int) -> None:
    done = _map(mode)
    assert done["squares"] == [n * n for n in range(400)]
    # Failing, the worker's chunk of items 10 to 19 is done again here; dying at item 30, the worker
    # has sent items 10 to 19 (its first chunk) and nothing after, which is all done here.
    assert done["here"] == here
    assert done["threads"] == 1


def test_an_error_is_raised_here_as_in_line() -> None:
    assert _map("raises") == {"error": "item 150 is bad"}


@pytest.mark.parametrize("mode, jobs", [("threads", 2), ("works", 1)])
def test_with_another_thread_or_one_job_the_work_is_done_in_line(mode: str, jobs: int) -> None:
    done = _map(mode, jobs)
    assert done["squares"] == [n * n for n in range(400)]
    assert done["processes"] == 1


# Closing the results early, while the worker is held in its first chunk: it is let go once the chunks
# it was handed are done, and the chunks still waiting for it are cancelled. The worker is held until
# one is (or for a minute, should none ever be: then it does them all, and the test fails).
_CLOSE = """
import json, multiprocessing, os, sys, threading, time
from concurrent.futures import ProcessPoolExecutor
from generator import parallel
go, log, parent, futures = sys.argv[1], sys.argv[2], os.getpid(), []
class Pool(ProcessPoolExecutor):
    def submit(self, *args, **kwargs):
        futures.append(super().submit(*args, **kwargs))
        return futures[-1]
parallel.ProcessPoolExecutor = Pool
def work(n):
    if os.getpid() != parent:
        while not os.path.exists(go):
            time.sleep(0.01)
        with open(log, "a") as done:
            done.write(f"{n}\\n")
    return n
def release():
    deadline = time.monotonic() + 60
    while not any(future.cancelled() for future in futures) and time.monotonic() < deadline:
        time.sleep(0.01)
    open(go, "w").close()
results = parallel.fork_map(work, list(range(200)), 2, chunk=5, min_items=1)
first = next(results)  # the first chunk is this process's
children = [child.pid for child in multiprocessing.active_children()]
threading.Thread(target=release, daemon=True).start()
results.close()
print(json.dumps({
    "first": first,
    "workers": len(children),
    "alive": sum(os.path.exists(f"/proc/{pid}") for pid in children),
    "sent": len(futures),
    "cancelled": sum(future.cancelled() for future in futures),
}))
"""


def test_closing_the_results_early_lets_the_workers_go_without_the_rest_of_the_work(tmp_path: Path) -> None:
    done_by_worker = tmp_path / "done"
    result = run_python("-c", _CLOSE, tmp_path / "go", done_by_worker)
    assert result.returncode == 0, result.stderr
    closed = json.loads(result.stdout)
    # One worker, sent its 20 chunks of 5 items at once; gone once closed.
    assert (closed["first"], closed["workers"], closed["alive"], closed["sent"]) == (0, 1, 0, 20)
    # It had at most three chunks in hand (the one under way and two queued), and did only those;
    # the other chunks sent were cancelled.
    items = [int(line) for line in done_by_worker.read_text().split()]
    assert 1 <= len(items) // 5 <= 3 and len(items) % 5 == 0, items
    assert items == sorted(items) and items[:5] == [5, 6, 7, 8, 9]
    assert closed["cancelled"] == 20 - len(items) // 5


def test_the_number_of_jobs_comes_from_the_environment_or_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.parallel import JOBS_VARIABLE, available_jobs

    monkeypatch.setenv(JOBS_VARIABLE, "3")
    assert available_jobs() == 3
    monkeypatch.delenv(JOBS_VARIABLE)
    assert available_jobs() == len(os.sched_getaffinity(0))
    monkeypatch.setenv(JOBS_VARIABLE, "0")
    with pytest.raises(ValueError, match=re.escape("'0' is not a number of jobs: use a whole number of at least 1")):
        available_jobs()


def test_a_bad_number_of_jobs_is_a_usage_error() -> None:
    result = run_python("-m", "generator", "build", "--jobs", "two")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        ".venv/bin/python -m generator build: error: argument --jobs: 'two' is not a number of jobs: use a whole number of at least 1"
    )


# `render` (every stage that shares its work: parsing, rendering, the data files), each stage shared
# however few its items.
_RENDER = """
import sys
from generator import cli, parallel
parallel.LEAST_TO_SHARE = 1
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("content", [SAMPLE_CONTENT, CORPUS], ids=["sample", "corpus"])
def test_the_pages_and_data_files_are_the_same_bytes_with_one_job_or_four(content: Path, tmp_path: Path) -> None:
    trees = []
    for jobs in ("1", "4"):
        out = tmp_path / f"jobs-{jobs}"
        result = run_python("-c", _RENDER, "render", "--content", content, "--out", out, "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert sum(path.endswith(".md") for path in trees[0]) > 10
