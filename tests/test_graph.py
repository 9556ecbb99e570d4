"""Graphs: laid out and drawn at build time, deterministic, and whole after the sanitizer."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser

import pytest

from generator.pages.graph import (
    MOST_ON_CIRCLE,
    MOST_PER_SIDE,
    Edge,
    Node,
    draw_svg,
    layout_circle,
    layout_ego,
    merge_edges,
)
from generator.pages.sanitize import sanitize_html

RUSSIA = Node("russia", "Russia", "country")
KOREA = Node("north-korea", "North Korea", "country")
PANEL = Node("un-panel-of-experts", "UN Panel of Experts on North Korea", "organization")
ENVOY = Node("linda-thomas-greenfield", "Linda Thomas-Greenfield", "person")
EDGES = merge_edges(
    [
        ("russia", "north-korea", "pledged deeper military ties with (2023)"),
        ("north-korea", "russia", "pledged deeper military ties with (2023)"),
        ("russia", "un-panel-of-experts", "vetoed renewal of (28 March 2024)"),
        ("linda-thomas-greenfield", "russia", "criticized"),
        ("linda-thomas-greenfield", "russia", "criticized"),
        ("linda-thomas-greenfield", "russia", "met"),
    ]
)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def ego() -> str:
    graph = layout_ego("graph", "Relations of Russia", "What Russia does.", RUSSIA, [KOREA, PANEL, ENVOY], EDGES)
    return draw_svg(graph)


def circle() -> str:
    return draw_svg(layout_circle("graph", "Relations", "All of them.", [RUSSIA, KOREA, PANEL, ENVOY], EDGES))


def test_relations_merge_into_one_edge_per_direction_with_each_label_once() -> None:
    assert [(e.source, e.target, e.labels) for e in EDGES] == [
        ("russia", "north-korea", ("pledged deeper military ties with (2023)",)),
        ("north-korea", "russia", ("pledged deeper military ties with (2023)",)),
        ("russia", "un-panel-of-experts", ("vetoed renewal of (28 March 2024)",)),
        ("linda-thomas-greenfield", "russia", ("criticized", "met")),
    ]


@pytest.mark.parametrize("draw", [ego, circle])
def test_the_same_graph_draws_the_same_bytes(draw: object) -> None:
    assert callable(draw)
    assert draw() == draw()


def test_an_ego_graph_puts_incoming_relations_left_and_outgoing_right() -> None:
    graph = layout_ego("graph", "t", "d", RUSSIA, [KOREA, PANEL, ENVOY], EDGES)
    centre = next(p for p in graph.nodes if p.node == RUSSIA and p.anchor == "middle")
    left = {p.node.id for p in graph.nodes if p.x < centre.x}
    right = {p.node.id for p in graph.nodes if p.x > centre.x}
    assert left == {"north-korea", "linda-thomas-greenfield"}
    assert right == {"north-korea", "un-panel-of-experts"}
    # Each outer actor reads with the kind and date of its relation under its name.
    envoy = next(p for p in graph.nodes if p.node == ENVOY)
    assert [text for _, text in envoy.lines] == ["Linda Thomas-Greenfield", "criticized", "met"]


def test_a_graph_is_an_image_with_a_title_and_a_description() -> None:
    svg = ego()
    [(_, attrs)] = [e for e in elements(svg) if e[0] == "svg"]
    assert attrs["role"] == "img"
    assert attrs["aria-labelledby"] == "graph-title graph-desc"
    assert '<title id="graph-title">Relations of Russia</title>' in svg
    assert '<desc id="graph-desc">What Russia does.</desc>' in svg
    assert "<a " not in svg, "an image's parts are not announced: the links belong in the table"


@pytest.mark.parametrize("draw", ["ego", "circle"])
def test_given_the_pages_links_each_actor_links_to_its_profile_and_the_arrows_stay_silent(draw: str) -> None:
    graph = (
        layout_ego("graph", "Relations of Russia", "What Russia does.", RUSSIA, [KOREA, PANEL, ENVOY], EDGES)
        if draw == "ego"
        else layout_circle("graph", "Relations", "All of them.", [RUSSIA, KOREA, PANEL, ENVOY], EDGES)
    )
    svg = draw_svg(graph, lambda kind, id: f"../{kind}s/{id}/")
    [(_, root)] = [e for e in elements(svg) if e[0] == "svg"]
    assert (root["role"], root["aria-labelledby"], root["aria-describedby"]) == ("group", "graph-title", "graph-desc")
    links = {attrs["data-actor"]: attrs["href"] for tag, attrs in elements(svg) if tag == "a"}
    assert links == {node.id: f"../actors/{node.id}/" for node in (RUSSIA, KOREA, PANEL, ENVOY)}
    assert all(attrs.get("aria-hidden") == "true" for tag, attrs in elements(svg) if "data-source" in attrs)
    assert elements(sanitize_html(svg)) == elements(svg)


@pytest.mark.parametrize("draw", [ego, circle])
def test_every_edge_is_drawn_once_with_its_ends(draw: object) -> None:
    assert callable(draw)
    drawn = [(a["data-source"], a["data-target"]) for tag, a in elements(draw()) if "data-source" in a]
    assert sorted(drawn) == sorted((e.source, e.target) for e in EDGES)


def test_two_way_relations_bend_apart_on_a_circle() -> None:
    svg = circle()
    paths = dict(re.findall(r'data-source="([^"]+)" data-target="north-korea">.*?<path d="([^"]+)"', svg))
    back = dict(re.findall(r'data-source="north-korea" data-target="([^"]+)">.*?<path d="([^"]+)"', svg))
    assert paths["russia"].split()[1].startswith("Q") and back["russia"].split()[1].startswith("Q")
    assert paths["russia"] != back["russia"]


def test_an_actor_related_to_itself_gets_a_loop() -> None:
    graph = layout_circle("graph", "t", "d", [RUSSIA], [Edge("russia", "russia", ("blames",))])
    assert re.search(r'<path d="M[^"]* C[^"]*"', draw_svg(graph))


def test_text_from_content_is_escaped_in_the_drawing() -> None:
    hostile = Node("mallory", 'Mallory <script>alert(1)</script> "&', "person")
    edges = [Edge("mallory", "russia", ("<img src=x onerror=alert(2)>",))]
    svg = draw_svg(layout_ego("graph", "<b>title</b>", "<i>desc</i>", hostile, [RUSSIA], edges))
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "Mallory &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;" in svg


@pytest.mark.parametrize("draw", [ego, circle])
def test_the_sanitizer_keeps_the_drawing_whole(draw: object) -> None:
    assert callable(draw)
    svg = draw()
    kept = elements(sanitize_html(svg))
    assert kept == elements(svg)


@pytest.mark.parametrize(
    "attack",
    [
        '<svg onload="alert(1)"><circle r="1"></circle></svg>',
        '<svg><circle r="1" onclick="alert(1)" onmouseover="alert(1)"></circle></svg>',
        '<svg><g onfocusin="alert(1)"><text onbegin="alert(1)">x</text></g></svg>',
        '<svg><path d="M0,0" style="fill:url(https://evil.example/x)"></path></svg>',
        "<svg><script>alert(1)</script></svg>",
        '<svg><foreignObject><img src="x" onerror="alert(1)"></foreignObject></svg>',
        '<svg><use href="https://evil.example/x.svg#a"></use></svg>',
        '<svg><image href="https://evil.example/pixel.png"></image></svg>',
        '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
        '<svg><animate attributeName="href" to="javascript:alert(1)"></animate></svg>',
        "<svg><style>*{background:url(https://evil.example/)}</style></svg>",
    ],
)
def test_nothing_in_an_svg_can_run_or_load_after_the_sanitizer(attack: str) -> None:
    cleaned = sanitize_html(attack)
    for tag, attrs in elements(cleaned):
        assert tag not in ("script", "style", "foreignobject", "use", "image", "img", "animate"), cleaned
        for name, value in attrs.items():
            assert not name.startswith("on"), cleaned
            assert name != "style", cleaned
            assert "javascript:" not in value and "evil.example" not in value, cleaned


def test_only_id_attributes_of_the_timeline_and_graphs_pass_the_sanitizer() -> None:
    html = (
        '<ul><li data-actors="russia" data-topics="sanctions" data-date="exact" data-x="1" data-onclick="y">a</li></ul>'
        '<svg><g data-source="a" data-target="b" data-actor="c" data-evil="d"></g></svg>'
    )
    kept = dict(elements(sanitize_html(html)))
    assert kept["li"] == {"data-actors": "russia", "data-topics": "sanctions", "data-date": "exact"}
    assert kept["g"] == {"data-source": "a", "data-target": "b", "data-actor": "c"}


def test_a_drawing_stays_small_however_many_relations_there_are() -> None:
    others = [Node(f"actor-{i:02d}", f"Actor {i:02d}", "person") for i in range(40)]
    edges = [Edge("russia", node.id, ("met",)) for node in others]
    edges += [Edge("russia", "actor-39", tuple(f"label {n}" for n in range(6))), Edge("actor-05", "russia", ("met",))]
    edges = merge_edges((e.source, e.target, label) for e in edges for label in e.labels)
    graph = layout_ego("graph", "t", "Relations.", RUSSIA, others, edges)
    assert len(graph.links) == MOST_PER_SIDE + 1
    # The actor with the most relations is kept, its labels cut to two and a count.
    kept = next(p for p in graph.nodes if p.node.id == "actor-39")
    assert [text for _, text in kept.lines] == ["Actor 39", "met", "label 0", "and 5 more"]
    assert graph.description == (
        "Relations. The drawing shows the 13 actors with the most relations; the table lists them all."
    )
    circle = layout_circle("graph", "t", "All.", [RUSSIA, *others], edges)
    assert len(circle.nodes) == MOST_ON_CIRCLE
    assert "russia" in {p.node.id for p in circle.nodes}  # the actor with the most relations
    assert all(link.start.node.id in {p.node.id for p in circle.nodes} for link in circle.links)


def test_an_arrow_on_a_circle_carries_its_words_where_they_fit() -> None:
    graph = layout_circle("graph", "Relations", "All of them.", [RUSSIA, KOREA, PANEL, ENVOY], EDGES)
    worded = {(link.edge.source, link.edge.target): link.words for link in graph.links}
    assert any(worded.values()), worded
    for link in graph.links:
        if link.words:
            assert link.words.text.startswith(link.edge.labels[0])
            assert 0 < link.words.x < graph.width and 0 < link.words.y < graph.height
    svg = draw_svg(graph)
    assert svg.count('<text class="graph-relation"') == sum(1 for words in worded.values() if words)
    # Crowded: each arrow's words clear of the others', or left to the table.
    many = [Node(f"n{i}", f"Actor number {i}", "country") for i in range(16)]
    edges = [
        Edge(f"n{i}", f"n{(i * 7) % 16}", (f"relation {i} of a long kind",)) for i in range(16) if i != (i * 7) % 16
    ]
    boxes = [
        (w.x - len(w.text) * 3.25, w.y - 10, w.x + len(w.text) * 3.25, w.y + 3)
        for link in layout_circle("g", "T", "D", many, edges).links
        if (w := link.words)
    ]
    assert all(
        a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1] for a, b in itertools.combinations(boxes, 2)
    )
