"""`python -m generator ARGS` while another thread runs: the work that forks is then done in line."""

from __future__ import annotations

import sys
import threading
import time

from generator import cli

if __name__ == "__main__":
    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
    sys.exit(cli.main(sys.argv[1:]))
