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
except BaseException:
    if not _stopped:
        raise
    print("interrupted: nothing was changed", file=sys.stderr)
    sys.exit(130)
sys.exit(main())
