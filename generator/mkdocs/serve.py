"""What `mkdocs serve` keeps between rebuilds, so that an edit reloads in about a second.

- The generated files are kept on disk (generator.mkdocs.files), so that `--dirty` rebuilds
  exactly the pages an edit changed.
- After a rebuild, the data files (feeds, calendars, JSON, CSV) are written by a process of their
  own (``write_data_files`` in a generator.parallel.Background): at 1,000 articles they take 2 s,
  which the page a contributor is waiting for does not wait for. A newer build's writer replaces
  the one at work; a build that fails leaves it to finish, so the data files still follow the last
  edit that built.
- The theme's templates are compiled once, not for each rebuild, although MkDocs makes a new Jinja
  environment for each (generator.pages.render.CompiledTemplates, which every build uses).
- The server answers only requests for the address it serves (``HostGuard``): a page on another
  site cannot read the preview (its pages, or the content's lines around an error) through a
  name of its own that it points at 127.0.0.1 (DNS rebinding).
- Under `--dirty`, which `make serve` uses, MkDocs rewrites only the pages whose source changed
  and warns that navigation and links may then be wrong. ``DirtySite`` sees to it that they are
  not, and the warning is left out (``QUIET_DIRTY``).
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files

from ..content.link import Corpus
from ..exports import License, export_files
from ..pages.emit import write_atomically
from ..pages.sanitize import escape_meta
from ..pipeline import Stamp, stamp_files


def write_data_files(corpus: Corpus, site_url: str | None, license: License | None, site_dir: Path) -> None:
    """Write every data file that changed into the site folder, each whole or not at all."""
    for asset in export_files(corpus, site_url, license=license):
        write_if_changed(site_dir / asset.path, asset.content)


def write_if_changed(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` unless it holds it already; a reader sees the old bytes or the new."""
    if path.is_file() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, content)


class DirtySite:
    """What a `--dirty` rebuild needs beyond MkDocs' own, so that every page is what a clean build makes.

    A generated page's source is its Markdown, rewritten only when it changes (generator.mkdocs.files),
    and all of a page's links are in it. What else a page shows: the navigation, whose titles are
    those of the pages it names (which MkDocs reads only when they changed: the others are read
    here), and mkdocs.yml and the theme's overrides (when they change, every page is written
    again). A page gone from the build is deleted: MkDocs would leave it served, and found by search.
    """

    def __init__(self) -> None:
        self._frame: Stamp | None = None  # of the last build with pages of its own
        self._pages: frozenset[str] = frozenset()

    def update(self, files: Files, config: Any) -> None:
        """Before MkDocs reads the pages: delete those gone, or all when mkdocs.yml or the overrides
        changed, so that MkDocs writes them again; read the navigation's pages that it will not."""
        paths = [Path(config.config_file_path)]
        if config.theme.custom_dir:
            paths += sorted(path for path in Path(config.theme.custom_dir).rglob("*") if path.is_file())
        frame = stamp_files(paths)
        pages = frozenset(file.dest_uri for file in files.documentation_pages())
        for uri in self._pages - pages if frame == self._frame else self._pages | pages:
            gone = Path(config.site_dir) / uri
            gone.unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # a folder of its own, now empty
                gone.parent.rmdir()
        self._frame, self._pages = frame, pages
        for path in navigation_paths(config.nav or []):
            file = files.get_file_from_path(path)
            if file is not None and file.page is not None and not file.is_modified():
                file.page.read_source(config)
                escape_meta(file.page.meta)  # as the plugin's on_page_markdown does


def navigation_paths(items: list[Any]) -> Iterator[str]:
    """The pages the configuration's ``nav`` names, at any depth, leaving addresses out."""
    for item in items:
        values = list(item.values()) if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                yield from navigation_paths(value)
            elif isinstance(value, str) and "://" not in value:
                yield value


class _QuietDirty(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


QUIET_DIRTY = _QuietDirty()  # for MkDocs' logger "mkdocs.commands.build", under serve --dirty


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class HostGuard:
    """Wrap the server's WSGI application: a request whose Host header is not the address served
    (with its port) is answered 421 Misdirected Request, and nothing else.

    Served on a loopback address, its other names (localhost, 127.0.0.1, [::1]) are the address too;
    served on every address (0.0.0.0), any IP address is, but no other name: a page that rebinds a
    name of its own to this machine sends that name.
    """

    def __init__(self, app: WSGIApp, server: Any) -> None:
        self.app, self.server = app, server  # its address is read at each request: it may bind later

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if not self.is_served(str(environ.get("HTTP_HOST", ""))):
            start_response("421 Misdirected Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"421 Misdirected Request: this server answers only for the address it serves\n"]
        return self.app(environ, start_response)

    def is_served(self, host: str) -> bool:
        """Tell whether a Host header names the address served: 'host:port', or the host alone on port 80."""
        name, port = _host_and_port(host.lower())
        address = self.server.server_address
        served, served_port = str(address[0]).lower().strip("[]"), int(address[1])
        if not name or (port if port is not None else 80) != served_port:
            return False
        if name == served:
            return True
        if served == "localhost" or _address(served, "is_loopback"):
            return name in _LOOPBACK_NAMES
        if _address(served, "is_unspecified"):
            return name == "localhost" or _address(name, "version")
        return False


_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def _host_and_port(host: str) -> tuple[str, int | None]:
    """'[::1]:8000' -> ('::1', 8000); 'example.org' -> ('example.org', None); ('', None) when malformed."""
    if host.startswith("["):
        name, _, rest = host[1:].partition("]")
    else:
        name, colon, port = host.partition(":")
        rest = colon + port
    if rest and not (rest.startswith(":") and rest[1:].isdigit() and rest[1:].isascii()):
        return "", None
    return name, int(rest[1:]) if rest else None


def _address(text: str, property: str) -> bool:
    """A property of ``text`` read as an IP address ('is_loopback'); False when it is not one."""
    try:
        return bool(getattr(ipaddress.ip_address(text), property))
    except ValueError:
        return False
