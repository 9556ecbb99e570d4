"""Emit: write pages to a folder, and swap a freshly built site into place in one step."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .render import RenderedPage


def write_pages(pages: Iterable[RenderedPage], out_dir: Path) -> int:
    """Write each page's Markdown under ``out_dir``; return how many were written."""
    count = 0
    for page in pages:
        target = out_dir / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
        count += 1
    return count


def replace_directory(target: Path, fill: Callable[[Path], object]) -> None:
    """Fill a fresh folder beside ``target``, then put it in ``target``'s place.

    If ``fill`` raises, ``target`` is left exactly as it was.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        fill(fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(old / target.name)
    fresh.chmod(0o755)
    fresh.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
