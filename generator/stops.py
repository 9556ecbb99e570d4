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
    blocking the signals in this thread would not hold them while another thread runs. The
    handlers are swapped instead for one that notes the signal. In another thread there is
    nothing to hold: no handler runs there.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []
    previous = {signum: signal.signal(signum, lambda signum, frame: came.append(signum)) for signum in STOPS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if came:
            signal.raise_signal(came[0])
