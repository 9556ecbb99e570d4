"""Emit: write pages to a folder, and swap a freshly built site into place in one step."""

from __future__ import annotations

import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..checkpoint import checkpoint
from .render import Asset, RenderedPage


def write_pages(pages: Iterable[RenderedPage], out_dir: Path) -> None:
    """Write each page's Markdown under ``out_dir``."""
    for page in pages:
        write_file(out_dir, page.path, page.markdown.encode("utf-8"))


def write_file(out_dir: Path, path: str, content: bytes) -> Path:
    """Write a file of the site at its site ``path`` under ``out_dir``; return where it is."""
    target = out_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target


class DataFolder:
    """The writer a build is given (generator.pipeline) that puts its data files under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, asset: Asset) -> Path:
        return write_file(self.folder, asset.path, asset.content)


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` in one step: a reader sees the old bytes or the new, never half."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(content)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


class InterruptedAfterSwap(KeyboardInterrupt):
    """A stop (Ctrl-C, SIGTERM) that came while a folder was swapped in: it landed once the new
    folder was in place, whole."""

    def __init__(self, target: Path) -> None:
        super().__init__(str(target))
        self.target = target


def replace_directory(target: Path, fill: Callable[[Path], object]) -> None:
    """Fill a fresh folder beside ``target``, then put it in ``target``'s place.

    If ``fill`` raises (or the build is interrupted), ``target`` is left exactly as it
    was; the swap itself runs with SIGINT and SIGTERM held, and one that came meanwhile is
    raised after it as InterruptedAfterSwap.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        fill(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old: Path | None = None
    fresh.chmod(0o755)
    try:
        with _signals_held():  # until the old site is gone too: no half-done swap, no leftovers
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
                target.rename(old / target.name)
            fresh.rename(target)
            checkpoint("swapped")
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    except KeyboardInterrupt:  # held back during the swap, it lands as the block ends
        raise InterruptedAfterSwap(target) from None


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the block ends; one that came lands then.

    Python runs signal handlers in the main thread: blocking the signals there holds them back
    while no other thread runs, as when a build swaps its site in (its workers are done by then).
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # no handler runs in this thread
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, (signal.SIGINT, signal.SIGTERM))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
