"""The processes the generator starts: workers that share a stage's work (``fork_map``), and one
process of its own for work that must not hold up the next (``Background``). No other module starts
one (Pagefind and git are programs the generator runs: generator.search, content.history).

``fork_map`` spreads work over the cores this process may use, in forked worker processes, or does
it in line.

Why fork: a worker starts as a copy of this process, with what the work needs already in memory
(the parsed content, the Jinja environment, MkDocs' pages and config). So the function and the
items are never pickled: a task is sent as a range of positions in the list the workers
inherited, and only the results travel back. ``concurrent.futures``' process pool, with the
'fork' start method, does the rest: the workers are started at the first task, all at once.

Where fork is not safe, the work is done in line: where the system has no fork, and in a process
that runs other threads (`mkdocs serve`'s server): a lock another thread holds at the fork would
stay locked in the child forever. A build with one job (``--jobs 1``, BRIEFING_JOBS=1) runs in
line too. Workers ignore SIGINT, so that a stop is the parent's alone to handle: it lets them go
as it leaves, once the chunks under way are done. A worker whose parent dies ends too (Linux), so none is left behind to write into a
site that is being thrown away.

A chunk that fails in a worker is done again in line, where its error is raised as it would be
without workers: an exception from a worker may not survive pickling, and its traceback is lost.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.context
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .checkpoint import checkpoint

T = TypeVar("T")
R = TypeVar("R")

JOBS_VARIABLE = "BRIEFING_JOBS"
# Fewer items than this are done in line unless the caller says otherwise: a fork costs about what
# a few dozen pages do.
LEAST_TO_SHARE = 200
_PR_SET_PDEATHSIG = 1  # prctl(2)

# What the workers inherit: the function and the items of the work under way.
_inherited: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
_in_worker = False  # whether this process is a worker fork_map started


def available_jobs() -> int:
    """How many workers a build uses: BRIEFING_JOBS if set, else the cores this process may run on."""
    value = os.environ.get(JOBS_VARIABLE, "")
    if value:
        return parse_jobs(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse_jobs(value: str) -> int:
    """Read a number of jobs: a whole number of at least 1, or ValueError that says so."""
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"'{value}' is not a number of jobs: use a whole number of at least 1")
    return int(value)


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def in_worker() -> bool:
    """Whether this process is one of fork_map's workers (else the work is done in line)."""
    return _in_worker


def fork_map(
    function: Callable[[T], R],
    items: Sequence[T],
    jobs: int | None = None,
    *,
    chunk: int | None = None,
    min_items: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[R]:
    """``map(function, items)``, over ``jobs`` processes (this one and forked workers) where that is
    safe and pays.

    The items go in chunks of ``chunk`` (by default, enough chunks to keep every process busy to
    the end): every ``jobs``-th chunk from the first is done here, as its turn comes, the others by
    the workers, in order, as soon as one is free. This process does its share rather than wait: what a worker
    does must be sent back, which costs this process about a third of the work itself. With
    ``meanwhile``, this process does none of the items but that work instead, once the workers
    have their chunks, and ``jobs`` workers share the items; where they are done in line, it is
    done first.
    The workers start now, when this is called, not when the first result is asked for; results
    come in the order of the items. ``function`` must only compute: what it changes in a worker
    stays there. Fewer than ``min_items`` items are done in line. Close the iterator (or read it to
    the end) to let the workers go.
    """
    jobs = available_jobs() if jobs is None else jobs
    size = chunk or max(1, len(items) // (jobs * 8))
    chunks = [range(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    caller_works = meanwhile is None
    own_chunks = set(range(0, len(chunks), jobs)) if caller_works else set()
    worker_chunks = [chunk for i, chunk in enumerate(chunks) if i not in own_chunks]
    min_items = LEAST_TO_SHARE if min_items is None else min_items
    if jobs <= 1 or len(items) < max(min_items, 2) or not worker_chunks or not can_fork():
        if meanwhile is not None:
            meanwhile()
        return map(function, items)
    global _inherited
    _inherited = (function, items)
    try:
        pool = ProcessPoolExecutor(
            min(jobs - 1 if caller_works else jobs, len(worker_chunks)),
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(os.getpid(),),
        )
        futures: deque[Future[list[R] | None] | None] = deque()
        for share in worker_chunks:  # forks at the first
            try:
                futures.append(pool.submit(_do_chunk, share.start, share.stop))
            except BrokenProcessPool:  # a worker died while the chunks were handed out: the rest is done here
                futures.append(None)
    finally:
        _inherited = None
    checkpoint("workers")
    if meanwhile is not None:
        try:
            meanwhile()
        except BaseException:
            _stop(pool)
            raise
    return _results(function, items, chunks, own_chunks, pool, futures)


def _results(
    function: Callable[[T], R],
    items: Sequence[T],
    chunks: list[range],
    own_chunks: set[int],
    pool: ProcessPoolExecutor,
    futures: deque[Future[list[R] | None] | None],
) -> Iterator[R]:
    """Yield the results chunk by chunk: this process's own as it comes to them, the workers' as
    they send them. A chunk a worker failed on, or did not do because a worker died, is done here."""
    try:
        for i, chunk in enumerate(chunks):
            done = None
            future = futures.popleft() if i not in own_chunks else None
            if future is not None:
                with contextlib.suppress(BrokenProcessPool):  # a worker died
                    done = future.result()
            yield from done if done is not None else (function(items[i]) for i in chunk)
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Let the pool's workers go once the chunks under way are done (at most two a worker); the
    others are not started. A worker is not killed: one killed while it sends a result would
    leave the pool's reader waiting forever for the rest. When this returns the pool's threads
    are gone, and the next fork_map may fork again."""
    pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(parent: int) -> None:
    global _in_worker
    _in_worker = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):  # Linux: end with the parent
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)


def _do_chunk(start: int, stop: int) -> list[Any] | None:
    """A worker's task: the function on items ``start`` to ``stop``; None if it fails (done again in line)."""
    assert _inherited is not None
    function, items = _inherited
    try:
        return [function(items[i]) for i in range(start, stop)]
    except Exception:
        return None


class Background:
    """Work done by a process of its own, which a newer start replaces (`mkdocs serve`'s data files).

    A process, not a thread: it shares no interpreter lock with the work that goes on here. It is
    spawned, not forked, since the server runs threads; and it is started from a thread, since
    handing it its arguments (pickled, through a pipe the new interpreter reads once it has
    started) takes a second at 1,000 articles, which the caller does not wait for.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._process: multiprocessing.context.SpawnProcess | None = None
        self._starting: threading.Thread | None = None

    def start(self, function: Callable[..., object], *args: Any) -> None:
        """Stop the work under way, if any, and start ``function(*args)``."""
        self.stop()
        self._process = multiprocessing.get_context("spawn").Process(
            target=function, args=args, name=self._name, daemon=True
        )
        self._starting = threading.Thread(target=self._process.start, name=f"{self._name}-start", daemon=True)
        self._starting.start()

    def stop(self) -> None:
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._process.close()
            self._process = None

    def join(self, timeout: float | None = None) -> None:
        """Wait for the work under way (tests)."""
        if self._starting is not None:
            self._starting.join(timeout)
        if self._process is not None:
            self._process.join(timeout)
