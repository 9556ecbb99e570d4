"""JSON Schemas of the content files, made from the same models that validate them.

Editors (VS Code's YAML extension, JetBrains, any yaml-language-server client) read
them through the `# yaml-language-server: $schema=...` line at the top of each file
and complete fields, show the descriptions as docs, and flag mistakes as you type.
"""

from __future__ import annotations

import json
from typing import Any

from .load import FOLDERS
from .model import RECORD_TYPES

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file(kind: str) -> str:
    """Return the file name of a kind's schema: 'article' -> 'article.schema.json'."""
    return f"{kind}.schema.json"


def schema_comment(kind: str) -> str:
    """The first line of a content file, as seen from content/<folder>/."""
    return f"# yaml-language-server: $schema=../../schemas/{schema_file(kind)}"


def json_schema(kind: str) -> dict[str, Any]:
    """Build the JSON Schema of one kind of content file."""
    model = RECORD_TYPES[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema = {"$schema": SCHEMA_DIALECT, "$id": schema_file(kind), **schema}
    schema["title"] = f"{kind.capitalize()} (content/{FOLDERS[kind]}/<id>.yaml)"
    schema["description"] = f"One {kind} of the briefing site. The file name is the id. See CONTENT-FORMAT.md."
    if kind == "article":
        # The short form of an actor in the story is its id alone.
        actor_ref = schema["$defs"]["ActorInStory"]
        schema["properties"]["actors"]["items"] = {
            "anyOf": [actor_ref["properties"]["id"], {"$ref": "#/$defs/ActorInStory"}]
        }
    return schema


def schema_texts() -> dict[str, str]:
    """Every schema as the text committed under schemas/: {file name: JSON}."""
    return {
        schema_file(kind): json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in RECORD_TYPES
    }
