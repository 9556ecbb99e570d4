"""The import graph of generator/ runs one way: content <- pages <- exports <- the build <- MkDocs' glue <- the CLI.

Read from the source (ast), every import counts, those inside a function too. A part of the
generator may import a part below it, never one beside or above it; the pure parts (content,
pages, exports, draft) import neither process code (generator.parallel) nor MkDocs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import REPO

GENERATOR = REPO / "generator"

# Each part of the generator and its level: a part imports only parts of lower levels, and leaves.
LEVELS = {
    "content": 0,  # load, validate, link: the records
    "draft": 1,  # an article's text -> a draft in the content format; reads content
    "pages": 1,  # plan, render, emit: the pages
    "exports": 2,  # feeds, calendars, tables, the API: read the plan's paths
    "pipeline": 3,  # the build's stages in order
    "parallel": 2,  # process code: the workers (no pure part imports it)
    "search": 3,  # the search index of a built site (Pagefind)
    "mkdocs": 4,  # the MkDocs glue
    "standalone": 5,  # the pages for other builders: reads the site's settings as the glue does
    "cli": 6,
    "__main__": 7,
}
LEAVES = {"checkpoint", "collector", "exits"}  # import nothing of the generator; any part may read them
PURE = ("content", "draft", "pages", "exports")
NOT_IN_PURE = {"generator.parallel", "generator.mkdocs", "mkdocs", "material"}


def _part(module: str) -> str:
    """'generator.pages.plan.common' -> 'pages'; 'generator.cli' -> 'cli'."""
    return module.split(".")[1] if module.count(".") else module


def _module_of(path: Path) -> str:
    relative = path.relative_to(REPO).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The absolute names of the modules a file imports."""
    module = _module_of(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            # `from . import plan` imports a module too
            found.update(f"{name}.{alias.name}" for alias in node.names if node.module is None)
    return found


def _graph() -> dict[str, set[str]]:
    return {_module_of(path): _imports(path) for path in sorted(GENERATOR.rglob("*.py"))}


def _level_problems(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, imported in sorted(graph.items()):
        part = _part(module)
        for name in sorted(imported):
            if not name.startswith("generator."):
                if part in PURE and name.split(".")[0] in NOT_IN_PURE:
                    problems.append(f"{module} imports {name}: the {part} part is pure, MkDocs is the glue's")
                continue
            other = _part(name)
            if other == part or other in LEAVES:
                continue
            if part in PURE and any(name == n or name.startswith(n + ".") for n in NOT_IN_PURE):
                problems.append(f"{module} imports {name}: the {part} part is pure (pass the function in)")
            elif LEVELS[other] >= LEVELS[part]:
                problems.append(f"{module} imports {name}: {other} is not below {part}")
    return problems


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Cycles between the parts of the generator (depth-first search on the graph of parts)."""
    edges: dict[str, set[str]] = {}
    for module, imported in graph.items():
        for name in imported:
            if name.startswith("generator.") and _part(name) != _part(module):
                edges.setdefault(_part(module), set()).add(_part(name))
    cycles, done = [], set()

    def visit(part: str, path: list[str]) -> None:
        if part in path:
            cycles.append([*path[path.index(part) :], part])
            return
        if part in done:
            return
        for other in sorted(edges.get(part, ())):
            visit(other, [*path, part])
        done.add(part)

    for part in sorted(edges):
        visit(part, [])
    return cycles


def test_every_part_of_the_generator_has_a_level() -> None:
    parts = {_part(module) for module in _graph() if module != "generator"}
    assert parts - LEVELS.keys() - LEAVES == set(), "give each new part a level in LEVELS (or make it a leaf)"


def test_imports_run_down_the_levels_only() -> None:
    assert _level_problems(_graph()) == []


def test_no_part_imports_a_part_that_imports_it() -> None:
    assert _cycles(_graph()) == []


@pytest.mark.parametrize(
    ("module", "imports", "problem"),
    [
        ("generator.pages.emit", "generator.exports", "generator.pages.emit imports generator.exports: exports is not below pages"),
        ("generator.draft.known", "generator.parallel", "generator.draft.known imports generator.parallel: the draft part is pure (pass the function in)"),
        ("generator.content.load", "mkdocs.config", "generator.content.load imports mkdocs.config: the content part is pure, MkDocs is the glue's"),
        ("generator.exports.api", "generator.pipeline", "generator.exports.api imports generator.pipeline: pipeline is not below exports"),
        ("generator.draft.draft", "generator.pages.plan", "generator.draft.draft imports generator.pages.plan: pages is not below draft"),
    ],
)  # fmt: skip
def test_an_upward_or_sideways_import_is_named(module: str, imports: str, problem: str) -> None:
    assert _level_problems({module: {imports}}) == [problem]


def test_a_cycle_between_parts_is_found() -> None:
    graph = {"generator.pages.emit": {"generator.exports"}, "generator.exports.common": {"generator.pages.plan"}}
    assert _cycles(graph) == [["exports", "pages", "exports"]]


def test_relative_imports_are_read_as_absolute_names() -> None:
    assert "generator.content.link" in _imports(GENERATOR / "pages" / "plan" / "common.py")
    assert "generator.pages.render" in _imports(GENERATOR / "pages" / "emit.py")
