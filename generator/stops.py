"""Stops (SIGINT, SIGTERM) held back where one must not land: in a swap, a fork, a finalizer."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOPS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def stops_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the block ends, then let the first that came land.

    Python runs signal handlers in the main thread, whichever thread the signal reaches, so
    blocking the signals in this thread does not hold them while another thread runs: the
    handlers are swapped too, for one that notes the signal. Blocking still matters for a fork:
    the child starts with the signals blocked, until it has handlers of its own. In another
    thread there is nothing to hold: no handler runs there.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    previous = {signum: signal.signal(signum, lambda signum, frame: came.append(signum)) for signum in STOPS}
    try:
        yield
    finally:
        try:
            for signum, handler in previous.items():
                signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        finally:
            # Even when a stop that reached another thread lands in the loop above, once its
            # handler is back: left blocked here, the signals would stay blocked for every
            # process this one starts after (they inherit the mask), which then ignore stops.
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a stop that waited for this thread lands here
        if came:
            signal.raise_signal(came[0])
