"""Small helpers shared by the tests: write a content tree from a {path: text} dict."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write each file under ``root``; return ``root``."""
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


ACTORS = {
    "content/actors/russia.yaml": "name: Russia\nkind: country\naliases: [Moscow]\n",
    "content/actors/north-korea.yaml": "name: North Korea\nkind: country\naliases: [Pyongyang, DPRK]\n",
    "content/topics/sanctions.yaml": "name: Sanctions\n",
}


def article(published: str = "2024-04-15", events: str = "", extra: str = "") -> str:
    """A minimal valid article, with optional events and other fields appended."""
    text = f"title: A report\nsource:\n  publisher: Wire\n  published: {published}\nsummary: What happened.\n"
    if events:
        text += "events:\n" + events
    return text + extra


def content_files(content: Path, kind: str) -> int:
    """How many files of a kind ('articles', 'actors', 'topics') a content tree has."""
    return len(list((content / kind).glob("*.yaml")))


def page_count(content: Path) -> int:
    """How many pages a content tree makes: one per article, actor, topic and event, and five indexes
    (home, briefings, actors, topics, timeline) while no list is long enough to be split."""
    from generator.pipeline import check_content

    events = len(check_content(content)[0].events)
    return 5 + events + sum(content_files(content, kind) for kind in ("articles", "actors", "topics"))
