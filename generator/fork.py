"""A forked helper process: the build's second core, for work that needs no reply but its result.

A build has two cores' worth of work and Python uses one. Where forking is safe (no other
thread runs, and there is fork), a helper takes part of it: the data files while the pages
render (pipeline), every other content file to parse and page to render (``in_two``), half
of the Markdown conversion while MkDocs converts the other half (convert). The helper
inherits what it needs as it is, and sends its results down a pipe.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import signal
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from .stops import STOPS, stops_held

T = TypeVar("T")
R = TypeVar("R")

# Fewer items than this are done in line: a fork and a pipe cost about what a few dozen pages do.
LEAST_TO_SHARE = 200


class Inbox(Generic[T]):
    """What a helper process sends, by number: put in by the thread that reads its pipe as it
    comes (so that the helper never waits on a full pipe), taken out by whoever waits for it."""

    def __init__(self) -> None:
        self._items: dict[int, T] = {}
        self._arrived = threading.Condition()
        self._open = True

    def put(self, number: int, item: T) -> None:
        with self._arrived:
            self._items[number] = item
            self._arrived.notify_all()

    def close(self) -> None:
        """The pipe is at its end: nothing more will come."""
        with self._arrived:
            self._open = False
            self._arrived.notify_all()

    def take(self, number: int) -> T | None:
        """Wait for item ``number`` and take it out; None if it never comes."""
        with self._arrived:
            self._arrived.wait_for(lambda: number in self._items or not self._open)
            return self._items.pop(number, None)


def in_two(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[function(item) for item in items]``, every other item done by a helper where forking is safe.

    Taking every other item, not the back half, gives both processes the same mix of small and
    large items. ``function`` must only compute: what it changes in the helper stays there.
    Should the helper fail or die, its items are done here, where an error is raised as in line.
    """
    if len(items) < LEAST_TO_SHARE or not can_fork():
        return [function(item) for item in items]
    helper, receiver = start_helper(_do_odd, function, items)
    try:
        even = [function(item) for item in items[0::2]]
        try:
            odd: list[R] | None = receiver.recv()
        except EOFError:  # the helper died
            odd = None
    finally:
        stop_helper(helper, receiver)
    if odd is None:
        odd = [function(item) for item in items[1::2]]
    done = even + odd  # the right length and type, each place then set in order
    done[0::2], done[1::2] = even, odd
    return done


def _do_odd(sender: Connection, function: Callable[[T], R], items: Sequence[T]) -> None:
    try:
        done: list[R] | None = [function(item) for item in items[1::2]]
    except Exception:  # the parent does them again, and reports the error
        done = None
    sender.send(done)


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def start_helper(target: Callable[..., None], *args: Any) -> tuple[multiprocessing.context.ForkProcess, Connection]:
    """Fork a daemon helper that runs ``target(sender, *args)``; return it and the pipe's end to read.

    A stop waits out the fork: it then lands in the parent at a clean point, and the helper
    starts with its own handlers (in ``_run``). Letting go of a helper holds stops back too:
    multiprocessing cleans up after it in finalizers, where a stop would be printed and lost.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    helper = context.Process(target=_run, args=(receiver, sender, target, args), daemon=True)
    try:
        with stops_held():
            helper.start()
            sender.close()
    except BaseException:  # a stop that came during the fork lands as the block ends: no helper is left behind
        stop_helper(helper, receiver)
        raise
    return helper, receiver


def stop_helper(
    helper: multiprocessing.context.ForkProcess, receiver: Connection, reader: threading.Thread | None = None
) -> None:
    """Stop the helper if it still runs, wait for the thread that reads its pipe if any, close the pipe."""
    with stops_held():
        if helper.is_alive():
            helper.terminate()
        helper.join()
        if reader is not None:
            reader.join()  # the pipe is at its end now: the reader is leaving
        receiver.close()
        helper.close()  # its finalizer runs here, not whenever it is collected


def _run(receiver: Connection, sender: Connection, target: Callable[..., None], args: tuple[Any, ...]) -> None:
    """The helper's side. A stopped build ends it (SIGTERM), a parent gone too (the pipe breaks)."""
    receiver.close()  # the parent's end: with it closed here, the pipe breaks if the parent dies
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)  # blocked since the fork (stops_held)
    try:
        target(sender, *args)
    except OSError:  # the parent has gone, or stopped reading
        pass
    finally:
        sender.close()
