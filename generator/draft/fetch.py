"""Fetch: the bytes of a source, from a file, standard input or one web address.

The only reads of the draft command: nothing in the source is followed, fetched or run.
An address is fetched once, directly (no proxy, no redirect followed), with a timeout and
a size limit; every failure is one message that says what to do.
"""

from __future__ import annotations

import contextlib
import socket
import urllib.error
import urllib.request
from pathlib import Path
from typing import BinaryIO

from .records import INPUT, USAGE, DraftInputError, Raw

MAX_BYTES = 5 * 1024 * 1024
TIMEOUT_S = 10.0
_TOO_BIG = "the limit is 5 MiB: save only the article's own page, or paste its text into a .txt file"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_raw(source: str, stdin: BinaryIO, timeout: float = TIMEOUT_S) -> Raw:
    """Read SOURCE: '-' for standard input, an http(s) address, or a file."""
    if source == "-":
        data = stdin.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise DraftInputError(f"error: standard input is over 5 MiB; {_TOO_BIG}", INPUT)
        return Raw(data, "standard input")
    if source.startswith(("http://", "https://")):
        return fetch_url(source, timeout)
    if "://" in source:
        raise DraftInputError(f"error: cannot fetch '{source}': only http:// and https:// addresses are fetched", USAGE)
    path = Path(source)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "not found"
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


def fetch_url(address: str, timeout: float = TIMEOUT_S) -> Raw:
    """Fetch one address: a web page or a plain text, at most 5 MiB, within ``timeout`` seconds."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
    request = urllib.request.Request(
        address, headers={"User-Agent": "briefing-generator-draft/0.1", "Accept": "text/html, text/plain"}
    )
    advice = "check the address, or save the page and draft the file"
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            location = error.headers.get("Location", "another address")
            raise DraftInputError(
                f"error: {address} redirects to {location}: draft that address instead", INPUT
            ) from None
        raise DraftInputError(f"error: {address} answered {error.code} {error.reason}: {advice}", INPUT) from None
    except TimeoutError:
        raise DraftInputError(
            f"error: {address} did not answer within {timeout:g} s: try again later, or save the page and draft the file",
            INPUT,
        ) from None
    except urllib.error.URLError as error:
        reason = error.reason.strerror if isinstance(error.reason, OSError) and error.reason.strerror else error.reason
        if isinstance(error.reason, TimeoutError | socket.timeout):
            raise DraftInputError(
                f"error: {address} did not answer within {timeout:g} s: try again later, or save the page and draft the file",
                INPUT,
            ) from None
        raise DraftInputError(f"error: could not fetch {address} ({str(reason).lower()}): {advice}", INPUT) from None
    except (OSError, ValueError) as error:
        raise DraftInputError(f"error: could not fetch {address} ({error}): {advice}", INPUT) from None
    if len(data) > MAX_BYTES:
        raise DraftInputError(f"error: {address} is over 5 MiB; {_TOO_BIG}", INPUT)
    if content_type not in (*_HTML_TYPES, "text/plain"):
        raise DraftInputError(
            f"error: {address} is {content_type}, not a web page or a text: save the article's text and draft the file",
            INPUT,
        )
    if content_type == "text/plain" and charset and charset.lower() not in ("utf-8", "utf8", "us-ascii"):
        with contextlib.suppress(LookupError, UnicodeDecodeError):  # else read as UTF-8, which says what is wrong
            data = data.decode(charset).encode("utf-8")
    return Raw(data, address, url=address, is_html=content_type in _HTML_TYPES)
