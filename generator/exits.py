"""The exit codes of every command, defined once (README: "Exit codes")."""

from __future__ import annotations

import signal

OK = 0
CONTENT_ERRORS = 1  # the content has errors, or a build failed: the site was left as it was
INPUT = CONTENT_ERRORS  # draft: what it was given (a file, a page, an address) gives no article
USAGE = 2  # how the command was called: an unknown command, a missing or wrong option
INTERRUPTED = 128 + signal.SIGINT  # Ctrl-C or SIGTERM, as a shell reports a stop: nothing was changed
