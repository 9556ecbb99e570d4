"""`python -m generator`: the command line (generator/cli.py)."""

import signal
import sys

# Until the command line takes over, a stop ends the program before it has written anything.
# A stop that lands inside an import can reach here as another error (Python wraps what
# __set_name__ raises): the flag tells it apart from a real one.
_stopped: list[int] = []


def _stop(signum: int, frame: object) -> None:
    _stopped.append(signum)
    raise KeyboardInterrupt


signal.signal(signal.SIGTERM, _stop)
signal.signal(signal.SIGINT, _stop)
try:
    from .cli import main

    code = main()
except BaseException as error:
    # A stop before the command line has its own handlers, or after it has let them go, or one
    # that Python made into another error inside an import (__set_name__).
    if not (isinstance(error, KeyboardInterrupt) or _stopped):
        raise
    print("interrupted: nothing was changed", file=sys.stderr)
    code = 130
if code == 130:  # stopped
    # Once a KeyboardInterrupt has ended code that exec() ran (dataclasses and Jinja compile that
    # way), Python ends the program through SIGINT at exit, even when the stop was handled: end
    # here, with the status of a stop, once the helpers still running are told to stop too.
    import multiprocessing
    import os

    for helper in multiprocessing.active_children():
        helper.terminate()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)
sys.exit(code)
