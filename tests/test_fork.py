"""Parsing and rendering on two cores (generator.fork.in_two): the same results, whatever the helper does."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CORPUS, REPO_ROOT, SAMPLE_CONTENT, run_python

# Runs in a fresh interpreter: forking needs a process with no other thread, which pytest's
# browser fixtures do not leave. Modes: the helper works, fails on one item, or dies.
_IN_TWO = """
import json, os, sys
from generator import fork
mode, parent = sys.argv[1], os.getpid()
def work(n):
    if os.getpid() != parent and mode == "fails" and n == 7:
        raise ValueError("only in the helper")
    if os.getpid() != parent and mode == "dies" and n == 3:
        os._exit(1)
    if mode == "raises" and n == 199:  # an item of the helper's: it fails there, then here
        raise ValueError(f"item {n} is bad")
    return (n * n, os.getpid() == parent)
try:
    done = fork.in_two(work, list(range(fork.LEAST_TO_SHARE + 1)))
except ValueError as error:
    print(json.dumps({"error": str(error)}))
else:
    print(json.dumps({"squares": [square for square, _ in done], "here": sum(here for _, here in done)}))
"""


def _in_two(mode: str) -> dict[str, object]:
    result = run_python("-c", _IN_TWO, mode)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_helper_does_every_other_item_and_the_results_keep_their_order() -> None:
    from generator.fork import LEAST_TO_SHARE

    done = _in_two("works")
    assert done["squares"] == [n * n for n in range(LEAST_TO_SHARE + 1)]
    assert done["here"] == (LEAST_TO_SHARE + 2) // 2  # the even items; the helper did the odd ones


@pytest.mark.parametrize("mode", ["fails", "dies"])
def test_what_the_helper_did_not_do_is_done_here(mode: str) -> None:
    from generator.fork import LEAST_TO_SHARE

    done = _in_two(mode)
    assert done["squares"] == [n * n for n in range(LEAST_TO_SHARE + 1)]
    assert done["here"] == LEAST_TO_SHARE + 1


def test_an_error_is_raised_here_as_in_line() -> None:
    assert _in_two("raises") == {"error": "item 199 is bad"}


# The generator with the sharing forced on (every item count shares) or off.
_PAGES = """
import hashlib, json, sys
from pathlib import Path
from generator import fork
from generator.pipeline import build_pages
fork.LEAST_TO_SHARE = 1 if sys.argv[2] == "shared" else 10**9
build = build_pages(Path(sys.argv[1]), Path("site_templates"), exports=False)
pages = {page.path: hashlib.sha256(page.markdown.encode()).hexdigest() for page in build.pages}
print(json.dumps({"pages": pages, "order": [page.path for page in build.pages], "warnings": [str(w) for w in build.warnings]}))
"""


@pytest.mark.parametrize("content", [SAMPLE_CONTENT, CORPUS], ids=["sample", "corpus"])
def test_the_pages_are_the_same_whether_two_processes_made_them_or_one(content: object) -> None:
    results = []
    for mode in ("shared", "in-line"):
        result = run_python("-c", _PAGES, str(content), mode, cwd=REPO_ROOT)
        assert result.returncode == 0, result.stderr
        results.append(json.loads(result.stdout))
    shared, in_line = results
    assert shared == in_line
    assert len(shared["pages"]) > 10
