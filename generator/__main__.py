"""`python -m generator`: the command line (generator/cli.py)."""

import os
import sys

try:
    from .cli import main

    code = main()
    sys.stdout.flush()
except KeyboardInterrupt:  # a stop before the command line took over (while its modules load)
    print("interrupted: nothing was changed", file=sys.stderr)
    code = 130
except BrokenPipeError:  # the reader went away (`... | head`): stop quietly, as other command-line tools do
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's own flush at exit must not fail again
    code = 141  # 128 + SIGPIPE, what a shell reports for a tool its pipe stopped
sys.exit(code)
