"""`python -m generator ARGS` where MkDocs cannot be imported: ProperDocs answers its imports."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    sys.modules["mkdocs"] = None  # type: ignore[assignment]
    from generator import cli

    sys.exit(cli.main(sys.argv[1:]))
