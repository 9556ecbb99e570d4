"""`python -m generator ARGS` with every stage that shares its work shared, however few its items."""

from __future__ import annotations

import sys

from generator import cli, parallel

if __name__ == "__main__":
    parallel.LEAST_TO_SHARE = 1
    sys.exit(cli.main(sys.argv[1:]))
