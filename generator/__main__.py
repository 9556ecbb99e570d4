"""`python -m generator`: the command line (generator/cli.py)."""

import sys

try:
    from .cli import main

    code = main()
except KeyboardInterrupt:  # a stop before the command line took over (while its modules load)
    print("interrupted: nothing was changed", file=sys.stderr)
    code = 130
sys.exit(code)
