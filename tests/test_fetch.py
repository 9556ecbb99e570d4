"""`draft ADDRESS` against hostile servers and malformed addresses: one message and exit 1 or 2, no traceback.

Each server is a socket on 127.0.0.1 that answers one request with scripted bytes, in a thread
whose loops are bounded: it stops by itself, whether or not the client waits for it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cli import main
from generator.draft.fetch import DEADLINE_S, fetch_url
from generator.draft.records import DraftInputError

ADVICE = "check the address, or save the page and draft the file"


@contextlib.contextmanager
def scripted(answer: bytes, every: float = 0.0, pieces: int = 1) -> Iterator[str]:
    """Serve one request on 127.0.0.1 with ``answer``, in ``pieces`` sent ``every`` seconds apart."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)

    def answer_once() -> None:
        with contextlib.suppress(OSError), listener:
            connection, _ = listener.accept()
            with connection:
                connection.settimeout(10)
                connection.recv(65536)  # the request
                size = max(1, -(-len(answer) // pieces))
                for start in range(0, len(answer), size):
                    connection.sendall(answer[start : start + size])
                    time.sleep(every)

    thread = threading.Thread(target=answer_once, name="scripted-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    finally:
        thread.join(timeout=30)


def test_a_server_that_trickles_its_answer_is_given_up_on_at_the_deadline() -> None:
    # A byte every 0.1 s: each read is in time (10 s), the whole answer is not within the deadline.
    trickled = b"HTTP/1.0 200 OK\r\n\r\n" + b"x" * 11
    with scripted(trickled, every=0.1, pieces=len(trickled)) as address:
        started = time.monotonic()
        with pytest.raises(DraftInputError) as raised:
            fetch_url(address, deadline=1.0)
        waited = time.monotonic() - started
    assert raised.value.message == (
        f"error: {address} did not send its page within 1 s: try again later, or save the page and draft the file"
    )
    assert raised.value.exit_code == 1
    assert waited < 5
    assert DEADLINE_S <= 30  # a byte every 2 s is given up on within half a minute


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (b"NOT HTTP AT ALL\r\n\r\n", "(its answer is not HTTP as browsers read it: not http at all)"),
        (
            b"HTTP/1.0 200 OK\r\n" + b"X-A: b\r\n" * 101 + b"\r\n",
            "(its answer is not HTTP as browsers read it: got more than 100 headers)",
        ),
        (
            b"HTTP/1.0 200 OK\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n",
            "(its answer is not HTTP as browsers read it: got more than 65536 bytes when reading header line)",
        ),
        (b"", "(its answer is not HTTP as browsers read it: remote end closed connection without response)"),
    ],
    ids=["bad status line", "too many headers", "header too long", "no answer"],
)
def test_a_broken_answer_is_one_message(answer: bytes, said: str) -> None:
    with scripted(answer) as address, pytest.raises(DraftInputError) as raised:
        fetch_url(address)
    assert (raised.value.message, raised.value.exit_code) == (f"error: could not fetch {address} {said}: {ADVICE}", 1)


def test_control_characters_from_the_server_reach_the_terminal_as_codes() -> None:
    moved = b"HTTP/1.0 302 Found\x1b[2J\r\nLocation: /x\x1b]0;owned\x07\r\n\r\n"
    with scripted(moved) as address, pytest.raises(DraftInputError) as raised:
        fetch_url(address)
    assert raised.value.message == f"error: {address} redirects to /x\\x1b]0;owned\\x07: draft that address instead"
    refused = b"HTTP/1.0 403 Go\x1b[31m away\r\n\r\n"
    with scripted(refused) as address, pytest.raises(DraftInputError) as raised:
        fetch_url(address)
    assert raised.value.message == f"error: {address} answered 403 Go\\x1b[31m away: {ADVICE}"


def test_a_charset_that_is_no_text_encoding_is_read_as_utf_8(tmp_path: Path) -> None:
    story = "Talks resume\n\nSEOUL (Reuters) - The talks resumed on Monday, officials said. \\ud800\n"
    answer = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain; charset=unicode_escape\r\n\r\n" + story.encode()
    with scripted(answer) as address:
        raw = fetch_url(address)
    assert raw.data == story.encode()


def _draft(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["draft", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("http://[::1", "error: 'http://[::1' is not a web address (invalid ipv6 url): check it"),
        (
            "http://exa mple.com/",
            "error: 'http://exa mple.com/' is not a web address: check its host name, and write a space in it as %20",
        ),
        (
            "http://127.0.0.1:abc/",
            "error: 'http://127.0.0.1:abc/' is not a web address (port could not be cast to integer value as 'abc'): check it",
        ),
        (
            "http:///story",
            "error: 'http:///story' is not a web address: check its host name, and write a space in it as %20",
        ),
        (
            "http://exa\x1bmple.com/",
            "error: 'http://exa\\x1bmple.com/' is not a web address: check its host name, and write a space in it as %20",
        ),
    ],
)
def test_a_malformed_address_is_a_usage_error(capsys: pytest.CaptureFixture[str], address: str, message: str) -> None:
    assert _draft(capsys, address) == (2, "", message + "\n")
