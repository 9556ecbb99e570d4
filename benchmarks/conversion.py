"""Is converting the pages in forked workers worth it? A full build both ways (generator/mkdocs/convert.py).

    python benchmarks/conversion.py [--size 1000] [--runs 3]

`python -m generator build` of the cached corpus (benchmarks/run.py makes it), with the pages'
Markdown converted by workers as they are by default, and in MkDocs' own process, page after
page, as MkDocs converts them (the plugin's Converter left out). The two kinds of run alternate,
each in a fresh process; prints the median wall time of each and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import DEFAULT_SEED, REPO, corpus_dir

IN_MKDOCS = """
import sys
from generator.mkdocs import plugin
plugin.Converter = lambda *args, **kwargs: None  # every page is converted when MkDocs reaches it
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


def build_seconds(corpus: Path, site: Path, in_mkdocs: bool) -> float:
    program = ["-c", IN_MKDOCS] if in_mkdocs else ["-m", "generator"]
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *program, "build", "--content", str(corpus), "--site-dir", str(site)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = corpus_dir(args.size, DEFAULT_SEED)
    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            for in_mkdocs in (False, True):
                times[in_mkdocs].append(build_seconds(corpus, Path(folder) / f"site-{run}", in_mkdocs))
                print(
                    f"run {run + 1}: {'in MkDocs' if in_mkdocs else 'workers'} {times[in_mkdocs][-1]:.1f} s", flush=True
                )
    workers, in_mkdocs = statistics.median(times[False]), statistics.median(times[True])
    print(
        f"{args.size:,} articles, median of {args.runs}: workers {workers:.1f} s, in MkDocs' process"
        f" {in_mkdocs:.1f} s ({workers / in_mkdocs:.2f}x)"
    )


if __name__ == "__main__":
    main()
