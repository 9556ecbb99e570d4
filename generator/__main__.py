import sys

try:
    from .cli import main

    sys.exit(main())
except KeyboardInterrupt:  # interrupted before the command line could take over: nothing was written
    print("interrupted: nothing was changed", file=sys.stderr)
    sys.exit(130)
