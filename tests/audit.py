"""Lighthouse scores for the built site: `make audit` (not part of `make test`).

Builds the sample site, serves it on 127.0.0.1 the way a static host does (gzip, cache
headers), runs Lighthouse (npm, installed by `make audit` into .audit/) with Debian's
Chromium against the home page, a briefing, a profile and the timeline, prints the four
category scores of each, and exits 1 if any is below the bar. Performance is measured
with simulated throttling and moves by a few points from run to run on a busy machine,
so each page is audited several times and the median run counts, as Lighthouse advises.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.conftest import REPO_ROOT, build_site, serve_site

LIGHTHOUSE = REPO_ROOT / ".audit" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
# Chromium must not reach for the network on its own (updates, sync, field trials).
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync --disable-default-apps"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "/",
    "briefing": "/briefings/2024-04-15-us-allies-north-korea-sanctions/",
    "profile": "/actors/north-korea/",
    "timeline": "/timeline/",
    "event": "/events/kim-arrives-in-russia-2023/",
}
BAR = 95
_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serve files as a production static host would: gzip for text, a year of caching for assets."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        path = self.translate_path(self.path)
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000")
        elif path.endswith(".html") or os.path.isdir(path):
            self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's own URL
            path = os.path.join(path, "index.html")
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and path.endswith(_COMPRESSIBLE)
        if not compress or not os.path.isfile(path):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args: Any) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def run_lighthouse(url: str, report: Path, preset: str) -> dict[str, Any]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, env=environment, timeout=300)
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def shortfalls(result: dict[str, Any], category: str) -> list[str]:
    """The audits that cost a category points, with what Lighthouse says of them."""
    audits = result["audits"]
    lines = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("weight", 0) and audit.get("score") is not None and audit["score"] < 1:
            lines.append(f"    {ref['id']}: {audit['score']} {audit.get('displayValue', '')}".rstrip())
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.audit", description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile", help="Lighthouse's form factor")
    parser.add_argument("--runs", type=int, default=3, help="audits of each page; the median counts (default: 3)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE} is missing: run `make audit`, which installs it", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="audit-") as folder:
        work = Path(folder)
        site = build_site(work / "site").root
        rows, notes = [], []
        with serve_site(site, StaticHost) as base:
            for name, path in PAGES.items():
                runs = [run_lighthouse(base + path, work / f"{name}-{i}.json", args.preset) for i in range(args.runs)]
                runs.sort(key=lambda r: r["categories"]["performance"]["score"])
                result = runs[len(runs) // 2]
                scores = {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}
                spread = [round(r["categories"]["performance"]["score"] * 100) for r in runs]
                rows.append((name, path, scores, spread))
                for category, score in scores.items():
                    if score < BAR:
                        notes.append(f"{name} {category} {score}:")
                        notes += shortfalls(result, category)
    print(f"Lighthouse {args.preset}, median of {args.runs} runs per page (bar: {BAR})\n")
    header = f"| {'page':<9} | {'path':<54} | " + " | ".join(f"{c:>14}" for c in CATEGORIES) + " | performance runs |"
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    for name, path, scores, spread in rows:
        runs = " ".join(map(str, spread))
        print(f"| {name:<9} | {path:<54} | " + " | ".join(f"{scores[c]:>14}" for c in CATEGORIES) + f" | {runs:<16} |")
    if notes:
        print("\nBelow the bar:\n" + "\n".join(notes))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
