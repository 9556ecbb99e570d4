"""Work over several processes (generator.parallel.fork_map): the same results as map(), whatever the workers do."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SAMPLE_CONTENT, run_program, run_python


def _map(mode: str, jobs: int = 2) -> dict[str, object]:
    result = run_program("fork_map_modes", mode, str(jobs))
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


def test_closing_the_results_early_lets_the_workers_go_without_the_rest_of_the_work(tmp_path: Path) -> None:
    done_by_worker = tmp_path / "done"
    result = run_program("fork_map_closed", tmp_path / "go", done_by_worker)
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


@pytest.mark.parametrize("content", [SAMPLE_CONTENT, CORPUS], ids=["sample", "corpus"])
def test_the_pages_and_data_files_are_the_same_bytes_with_one_job_or_four(content: Path, tmp_path: Path) -> None:
    trees = []
    for jobs in ("1", "4"):
        out = tmp_path / f"jobs-{jobs}"
        result = run_program("shared_generator", "render", "--content", content, "--out", out, "--jobs", jobs)
        assert result.returncode == 0, result.stderr
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert sum(path.endswith(".md") for path in trees[0]) > 10
