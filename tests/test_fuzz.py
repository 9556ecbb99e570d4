"""Property tests: whatever bytes a contributor sends, `check` answers with ContentError or passes.

`make test` runs a bounded, derandomized number of examples; `make fuzz` runs many more
(FUZZ_EXAMPLES, default 20,000 there).
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.diagnostics import ContentError, Severity
from generator.content.link import link_corpus
from generator.content.load import Document, read_document
from generator.content.validate import validate_documents

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize="FUZZ_EXAMPLES" not in os.environ,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

ACTOR = b"name: Russia\nkind: country\naliases: [Moscow]\n"
TOPIC = b"name: Sanctions\n"
ARTICLE: dict[str, Any] = {
    "title": "Russia vetoes the panel",
    "source": {"publisher": "Wire", "published": "2024-04-15", "url": "https://example.org/a"},
    "topics": ["sanctions"],
    "summary": "What *happened*, in [our words](https://example.org/).",
    "key_points": ["One", "Two"],
    "actors": [{"id": "russia", "role": "vetoed"}, "russia"],
    "events": [{"id": "veto", "date": "2024-03-28", "title": "Veto", "actors": ["russia"]}],
    "quotes": [{"by": "russia", "text": "no", "speaker": "Envoy"}],
    "statements": [{"by": "russia", "text": "Opposes.", "topic": "sanctions", "stance": "opposes"}],
    "relations": [{"from": "russia", "to": "russia", "kind": "meets", "date": "2024"}],
}

odd_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=40,
) | st.sampled_from(
    [
        "no",
        "NO",
        "on",
        "1:30",
        "0o17",
        "2024-02-30",
        "15 April 2024",
        "~",
        "null",
        "\u202e",
        "\u2028",
        "&x",
        "*x",
        "!!str",
        "- a",
        "{a: b}",
        "<script>",
        "javascript:x",
    ]
)
values = st.recursive(
    st.none() | odd_text | st.integers() | st.booleans() | st.text(max_size=3).map(lambda s: s * 20_000),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(odd_text, children, max_size=4),
    max_leaves=12,
)


def paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a document."""
    found = [prefix]
    if isinstance(document, dict):
        for key, value in document.items():
            found += paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += paths(value, (*prefix, index))
    return found


def replaced(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[path[0]] = replaced(copy[path[0]], path[1:], value)
    return copy


@st.composite
def mutated_articles(draw: st.DrawFn) -> bytes:
    """A valid article with one to three values replaced, keys added, or its text cut or spliced."""
    document: Any = ARTICLE
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(document)))
        if draw(st.booleans()) and path:
            document = replaced(document, path, draw(values))
        else:
            document = replaced(document, path, {draw(odd_text): draw(values)}) if not path else document
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    how = draw(st.sampled_from(["as-is", "cut", "splice", "deep", "bytes"]))
    if how == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif how == "splice":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.binary(max_size=8)) + text[at:]
    elif how == "deep":
        depth = draw(st.integers(30, 12_000))
        text += b"extra: " + b"[" * depth + b"]" * depth + b"\n"
    elif how == "bytes":
        text = draw(st.binary(max_size=200))
    return text


def check_bytes(files: dict[tuple[str, str], bytes]) -> None:
    """What `check` does after reading the files: load, validate, link; raise ContentError on errors."""
    documents = []
    diagnostics = []
    for (kind, id), raw in sorted(files.items()):
        parsed = read_document(raw)
        if parsed.data is not None:
            documents.append(Document(f"{kind}s/{id}.yaml", kind, id, parsed.data, parsed.values, parsed.keys))
        elif not parsed.problems:
            raise AssertionError("a document that could not be read must say why")
    content, problems = validate_documents(documents, files)
    diagnostics += problems
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise ContentError(diagnostics)
    link_corpus(content)


@FUZZ
@given(article=mutated_articles())
def test_check_never_raises_anything_but_content_error(article: bytes) -> None:
    files = {("actor", "russia"): ACTOR, ("topic", "sanctions"): TOPIC, ("article", "a"): article}
    try:
        check_bytes(files)
    except ContentError as error:
        assert error.diagnostics, "a ContentError always carries its diagnostics"
        for diagnostic in error.diagnostics:
            assert diagnostic.line >= 1 and diagnostic.column >= 1
            assert "Traceback" not in diagnostic.message


@FUZZ
@given(raw=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_as_an_actor_file(raw: bytes) -> None:
    with contextlib.suppress(ContentError):
        check_bytes({("actor", "russia"): raw, ("topic", "sanctions"): TOPIC})
