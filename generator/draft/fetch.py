"""Fetch: the bytes of a source, from a file, standard input or one web address.

The only reads of the draft command: nothing in the source is followed, fetched or run.
An address is fetched once, directly (no proxy, no redirect followed), with a timeout and
a size limit; every failure is one message that says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import http.client
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import BinaryIO

from ..content.diagnostics import printable
from ..content.load import kind_of_file
from .records import INPUT, USAGE, DraftInputError, Raw

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_S = 10.0  # for each read
DEADLINE_S = 30.0  # for the whole answer
_TOO_BIG = "the limit is 5 MiB: save only the article's own page, or paste its text into a .txt file"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_raw(source: str, stdin: BinaryIO, timeout: float = TIMEOUT_S, deadline: float = DEADLINE_S) -> Raw:
    """Read SOURCE: '-' for standard input, an http(s) address, or a file."""
    if source == "-":
        data = stdin.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise DraftInputError(f"error: standard input is over 5 MiB; {_TOO_BIG}", INPUT)
        return Raw(data, "standard input")
    if source.startswith(("http://", "https://")):
        return fetch_url(source, timeout, deadline)
    if "://" in source:
        raise DraftInputError(f"error: cannot fetch '{source}': only http:// and https:// addresses are fetched", USAGE)
    path = Path(source)
    if not path.is_file():
        try:
            what = f"is {kind_of_file(path.stat().st_mode)}, not a file"
        except OSError as error:
            what = "not found" if error.errno == errno.ENOENT else f"cannot be read ({_said(error)})"
        raise DraftInputError(
            f"error: {source} {what}: give a text file, a saved web page, - for standard input, or an http(s) address",
            USAGE,
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DraftInputError(f"error: {source} is {size / 1024 / 1024:.1f} MiB; {_TOO_BIG}", INPUT)
    return Raw(path.read_bytes(), source, is_html=path.suffix.lower() in (".html", ".htm", ".xhtml"))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the 3xx answer comes back as an error: only the address given is fetched


# Everything the address's parsing, the name lookup, the connection and HTTP can raise: each becomes
# one DraftInputError, a message and exit 1, never a traceback.
_NETWORK_ERRORS = (OSError, ValueError, LookupError, http.client.HTTPException)
_HOST = re.compile(r"^[\w.-]+$|^[0-9a-f:.]+$")  # a name (in any script), an IPv4 or an IPv6 address
_SPACE = re.compile(r"[\s\x00-\x1f\x7f]")


def fetch_url(address: str, timeout: float = TIMEOUT_S, deadline: float = DEADLINE_S) -> Raw:
    """Fetch one address: a web page or a plain text, at most 5 MiB; each read within ``timeout`` seconds,
    the whole answer within ``deadline`` (a server that trickles a byte at a time is given up on)."""
    shown = printable(address)
    _check_address(address, shown)
    answers: list[Raw | DraftInputError] = []

    def fetch() -> None:
        try:
            answers.append(_fetch(address, shown, timeout))
        except DraftInputError as error:
            answers.append(error)

    # A thread of its own, left behind at the deadline: urllib has no deadline for a whole answer.
    worker = threading.Thread(target=fetch, name="draft-fetch", daemon=True)
    worker.start()
    worker.join(deadline)
    if not answers:
        raise DraftInputError(
            f"error: {shown} did not send its page within {deadline:g} s: try again later, or save the page and draft the file",
            INPUT,
        )
    if isinstance(answers[0], DraftInputError):
        raise answers[0]
    return answers[0]


def _check_address(address: str, shown: str) -> None:
    """Refuse an address that cannot be fetched as written: a usage mistake, said before any connection."""
    try:
        parts = urllib.parse.urlsplit(address)
        host, _ = parts.hostname, parts.port  # the port is parsed on demand
    except ValueError as error:
        raise DraftInputError(f"error: '{shown}' is not a web address ({_said(error)}): check it", USAGE) from None
    if not host or not _HOST.match(host) or _SPACE.search(address):
        raise DraftInputError(
            f"error: '{shown}' is not a web address: check its host name, and write a space in it as %20", USAGE
        )


def _fetch(address: str, shown: str, timeout: float) -> Raw:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
    advice = "check the address, or save the page and draft the file"
    late = f"error: {shown} did not answer within {timeout:g} s: try again later, or save the page and draft the file"
    try:
        request = urllib.request.Request(
            address, headers={"User-Agent": "briefing-generator-draft/0.1", "Accept": "text/html, text/plain"}
        )
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            location = printable(error.headers.get("Location", "another address"))
            raise DraftInputError(
                f"error: {shown} redirects to {location}: draft that address instead", INPUT
            ) from None
        raise DraftInputError(
            f"error: {shown} answered {error.code} {printable(str(error.reason))}: {advice}", INPUT
        ) from None
    except TimeoutError:
        raise DraftInputError(late, INPUT) from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError | socket.timeout):
            raise DraftInputError(late, INPUT) from None
        raise DraftInputError(f"error: could not fetch {shown} ({_said(error.reason)}): {advice}", INPUT) from None
    except http.client.HTTPException as error:
        raise DraftInputError(
            f"error: could not fetch {shown} (its answer is not HTTP as browsers read it: {_said(error) or type(error).__name__}): {advice}",
            INPUT,
        ) from None
    except _NETWORK_ERRORS as error:
        raise DraftInputError(f"error: could not fetch {shown} ({_said(error)}): {advice}", INPUT) from None
    if len(data) > MAX_BYTES:
        raise DraftInputError(f"error: {shown} is over 5 MiB; {_TOO_BIG}", INPUT)
    if content_type not in (*_HTML_TYPES, "text/plain"):
        raise DraftInputError(
            f"error: {shown} is {printable(content_type)}, not a web page or a text: save the article's text and draft the file",
            INPUT,
        )
    if content_type == "text/plain" and charset and charset.lower() not in ("utf-8", "utf8", "us-ascii"):
        with contextlib.suppress(LookupError, ValueError):  # else read as UTF-8, which says what is wrong
            data = data.decode(charset).encode("utf-8")
    return Raw(data, address, url=address, is_html=content_type in _HTML_TYPES)


def _said(reason: object) -> str:
    """What went wrong, as one short line a terminal shows as it is."""
    if isinstance(reason, OSError) and reason.strerror:
        reason = reason.strerror
    text = printable(str(reason)).strip().lower()
    return text if len(text) <= 120 else text[:117] + "..."
