"""A Pagefind that replies to its first REPLIES requests, then stops: ``REPLIES``.

It speaks the protocol of Pagefind's service (what its Python API runs): base64-encoded JSON
messages, each ended by a comma.
"""

from __future__ import annotations

import base64
import json
import sys


def main(replies: int) -> None:
    for _ in range(replies):
        message = b""
        while not message.endswith(b","):
            message += sys.stdin.buffer.read(1)
        request = json.loads(base64.b64decode(message[:-1]))
        reply = {"message_id": request["message_id"], "payload": {"type": "NewIndex", "index_id": 1}}
        sys.stdout.buffer.write(base64.b64encode(json.dumps(reply).encode()) + b",")
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main(int(sys.argv[1]))
