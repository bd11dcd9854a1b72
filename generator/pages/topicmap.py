"""The topic map: topics on a circle, sized by how many briefs name them, joined by lines as thick as the number
of briefs that name both. Built at generation time as inline SVG (no script, works offline); every node is a link
to its topic page, so it works with the keyboard and a screen reader as a list of links.

The layout is deterministic (same corpus, same bytes) and linear in the number of topics and pairs drawn: the
most covered topic sits at the top, and each next place on the circle goes to the topic most often seen with the one
before it, so that topics that go together sit together.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Corpus
from .charts import SEARCH_IGNORE
from .svg import number, shorten, tag

MAX_NODES = 40  # more would not be readable; the topics index lists every topic
MAX_EDGES = 150
WIDTH, HEIGHT = 780, 600
CENTRE_X, CENTRE_Y, RADIUS = 390.0, 300.0, 215.0
LINE_CHARS = 20  # a longer label goes on two lines


@dataclass(frozen=True)
class MapData:
    nodes: tuple[str, ...]  # topic slugs, in circle order
    edges: tuple[tuple[str, str, int], ...]  # strongest first
    counts: dict[str, int]
    left_out: int  # topics not drawn


def map_data(corpus: Corpus) -> MapData:
    counts = {slug: len(briefs) for slug, briefs in corpus.briefs_by_topic.items() if slug in corpus.topics}
    ranked = sorted(counts, key=lambda s: (-counts[s], corpus.topics[s].name.casefold(), s))
    chosen = set(ranked[:MAX_NODES])
    pairs = [(a, b, n) for (a, b), n in corpus.cooccurrence.items() if a in chosen and b in chosen]
    edges = sorted(pairs, key=lambda e: (-e[2], e[0], e[1]))[:MAX_EDGES]
    return MapData(_circle_order(ranked[:MAX_NODES], edges), tuple(edges), counts, len(ranked) - len(chosen))


def _circle_order(ranked: list[str], edges: list[tuple[str, str, int]]) -> tuple[str, ...]:
    weight: dict[str, dict[str, int]] = {slug: {} for slug in ranked}
    for a, b, n in edges:
        weight[a][b] = weight[b][a] = n
    position = {slug: i for i, slug in enumerate(ranked)}
    order = ranked[:1]
    left = set(ranked[1:])
    while left:
        last = weight[order[-1]]
        best = min(left, key=lambda s: (-last.get(s, 0), position[s]))
        order.append(best)
        left.remove(best)
    return tuple(order)


def topic_map(corpus: Corpus, data: MapData, href: Callable[[str], str]) -> Markup:
    """The map as an inline <figure>; `href(slug)` is the topic page's address relative to the map page."""
    places = _places(data.nodes)
    biggest = max(data.counts[s] for s in data.nodes) if data.nodes else 1
    strongest = data.edges[0][2] if data.edges else 1
    lines = [_edge(corpus, places, edge, strongest) for edge in reversed(data.edges)]  # strongest drawn on top
    nodes = [_node(corpus, slug, places[slug], data.counts[slug], biggest, href(slug)) for slug in data.nodes]
    label = (
        f"Topic map: {len(data.nodes)} topics and {len(data.edges)} links between topics that appear in the same "
        "briefs. Each topic is a link to its page."
    )
    svg = tag(
        "svg",
        {"viewBox": f"0 0 {WIDTH} {HEIGHT}", "width": WIDTH, "height": HEIGHT, "role": "group", "aria-label": label},
        tag("g", {"class": "bf-edges", "aria-hidden": "true"}, *lines),
        tag("g", {"class": "bf-nodes"}, *nodes),
    )
    caption = (
        "Circle size: how many briefs name the topic. Line thickness: how many briefs name both topics. "
        "Select a topic to open its page."
    )
    if data.left_out:
        caption += f" The {len(data.nodes)} most covered topics are drawn; {data.left_out} more are on the topics page."
    return tag("figure", {"class": "bf-map", **SEARCH_IGNORE}, svg, tag("figcaption", None, caption))


def _places(nodes: tuple[str, ...]) -> dict[str, tuple[float, float, float]]:
    """slug -> (x, y, angle) on the circle, first at the top, clockwise."""
    places = {}
    for index, slug in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(nodes), 1)
        places[slug] = (CENTRE_X + RADIUS * math.cos(angle), CENTRE_Y + RADIUS * math.sin(angle), angle)
    return places


def _edge(
    corpus: Corpus, places: dict[str, tuple[float, float, float]], edge: tuple[str, str, int], strongest: int
) -> Markup:
    a, b, count = edge
    (x1, y1, _), (x2, y2, _) = places[a], places[b]
    # a curve bent towards the centre keeps lines between neighbours off the circle of labels
    cx = CENTRE_X + ((x1 + x2) / 2 - CENTRE_X) * 0.35
    cy = CENTRE_Y + ((y1 + y2) / 2 - CENTRE_Y) * 0.35
    path = f"M{number(x1)} {number(y1)} Q{number(cx)} {number(cy)} {number(x2)} {number(y2)}"
    width = 1 + 7 * count / strongest
    opacity = 0.18 + 0.5 * count / strongest  # weak links recede
    title = f"{corpus.topics[a].name} and {corpus.topics[b].name}: {count} brief{'s' if count != 1 else ''} together"
    attrs = {"d": path, "stroke-width": width, "stroke-opacity": opacity, "class": "bf-edge"}
    return tag("path", attrs, tag("title", None, title))


def _node(corpus: Corpus, slug: str, place: tuple[float, float, float], count: int, biggest: int, href: str) -> Markup:
    x, y, angle = place
    radius = 7 + 17 * math.sqrt(count / biggest)
    name = corpus.topics[slug].name
    description = f"{name}: {count} brief{'s' if count != 1 else ''}"
    cos, sin = math.cos(angle), math.sin(angle)
    lines = _label_lines(name)
    lx, ly = x + (radius + 8) * cos, y + (radius + 8) * sin + 4.5 - 7.5 * (len(lines) - 1)
    anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
    if anchor == "middle":
        ly += 10 if sin > 0 else -6 - 7.5 * (len(lines) - 1)
    spans = [tag("tspan", {"x": lx, "dy": 0 if i == 0 else 15}, line) for i, line in enumerate(lines)]
    return tag(
        "a",
        # xlink:href, not href: Material's instant navigation rewrites every [href] with `el.href = ...`, which
        # throws on an SVG link (its href is read-only); with xlink:href the browser just follows the link.
        {"xlink:href": href, "class": "bf-node", "aria-label": description},
        tag("title", None, description),
        tag("circle", {"cx": x, "cy": y, "r": radius}),
        tag("text", {"x": lx, "y": ly, "text-anchor": anchor}, *spans),
    )


def _label_lines(name: str) -> list[str]:
    """One line, or two split at the space nearest the middle (each at most LINE_CHARS, shortened if need be)."""
    flat = " ".join(name.split())
    if len(flat) <= LINE_CHARS or " " not in flat:
        return [shorten(flat, LINE_CHARS)]
    middle = len(flat) / 2
    cut = min((i for i, c in enumerate(flat) if c == " "), key=lambda i: abs(i - middle))
    return [shorten(flat[:cut], LINE_CHARS), shorten(flat[cut + 1 :], LINE_CHARS)]
