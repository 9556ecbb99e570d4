"""`render --standalone`: a folder that any MkDocs-style builder builds as it is (MkDocs, ProperDocs, Zensical).

    OUT/mkdocs.yml     the site's settings, without the generator's plugins
    OUT/docs/          the pages, the data files and the static assets
    OUT/overrides/     the theme's overrides
    OUT/hooks/links.py the raw HTML links made addresses, for MkDocs and ProperDocs (generator/pages/links.py)

What the plugins do to a page for the theme is done before the Markdown is written, so that no
builder can skip it: each block of raw HTML goes through the sanitizer, and the title,
description and tags, which the theme writes into its HTML as they are, are escaped. Search is a
step of its own, on the built site: `python -m generator index OUT/site`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from .pages import links
from .pages.emit import write_pages
from .pages.render import RenderedPage
from .pages.sanitize import escape_meta, sanitize_html
from .pipeline import Build

DOCS = "docs"
OVERRIDES = "overrides"
HOOK = "hooks/links.py"
PLUGINS = ("briefing", "briefing-search")  # ours: a builder without plugins has neither
_META = re.compile(r"^(title|description|tags): (.*)$", re.MULTILINE)


def write_standalone(build: Build, config_file: Path, out: Path) -> None:
    """Write the build's pages, its settings and its theme under ``out`` (its data files are in ``out/docs``)."""
    from .mkdocs.settings import yaml_load

    with config_file.open("rb") as file:
        config: dict[str, Any] = yaml_load(file)
    project = config_file.parent
    static = project / config.get("docs_dir", "docs")  # the site's own files: styles, scripts
    if static.is_dir():
        shutil.copytree(static, out / DOCS, dirs_exist_ok=True)
    theme = config.setdefault("theme", {})
    if theme.get("custom_dir"):
        shutil.copytree(project / theme["custom_dir"], out / OVERRIDES)
        theme["custom_dir"] = OVERRIDES
    (out / HOOK).parent.mkdir(parents=True)
    shutil.copyfile(links.__file__, out / HOOK)
    write_pages((standalone_page(page) for page in build.pages), out / DOCS)
    config["docs_dir"] = DOCS
    config["plugins"] = [
        p for p in config.get("plugins", []) if (p if isinstance(p, str) else next(iter(p))) not in PLUGINS
    ]
    config["hooks"] = [*config.get("hooks", []), HOOK]
    config["edit_uri"] = ""  # pages open the YAML file they came from through the plugin alone
    config.setdefault("extra", {})["search"] = True  # the theme's search box, for the index `index` writes
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (out / "mkdocs.yml").write_text(
        f"# Written by `python -m generator render --standalone`.\n{text}", encoding="utf-8"
    )


def standalone_page(page: RenderedPage) -> RenderedPage:
    """The page with its raw HTML sanitized and its metadata escaped for the theme."""
    _, head, body = page.markdown.split("---\n", 2)

    def escaped(match: re.Match[str]) -> str:
        meta = {match.group(1): json.loads(match.group(2))}
        escape_meta(meta)
        return f"{match.group(1)}: {json.dumps(meta[match.group(1)], ensure_ascii=False)}"

    blocks = [sanitize_html(block) if block.startswith("<") else block for block in body.split("\n\n")]
    markdown = f"---\n{_META.sub(escaped, head)}---\n" + "\n\n".join(blocks)
    return RenderedPage(page.path, markdown, page.source)
