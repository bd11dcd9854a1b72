"""The topic map: topics on a circle, sized by how many briefs name them, joined by lines as thick as the number
of briefs that name both. Built at generation time as inline SVG (no script, works offline); every node is a link
to its topic page, so it works with the keyboard and a screen reader as a list of links.

The layout (which topics, in which order round the circle) is the link stage's work (`Corpus.topic_map`); this
module only draws it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from markupsafe import Markup

from ..model import MapData, Topic
from .charts import SEARCH_IGNORE
from .svg import number, shorten, tag

WIDTH, HEIGHT = 780, 600
CENTRE_X, CENTRE_Y, RADIUS = 390.0, 300.0, 185.0  # room outside the circle for 20 characters of 15-unit text
LINE_CHARS = 20  # a longer label goes on two lines
LINE = 17.0  # label line height, for the stylesheet's 15-unit labels (11 px and more at the map's least 600 px)
MIN_R, MAX_R = 15.0, 30.0  # radii: the smallest circle is still a 24 px target (WCAG 2.5.8) at the least 600 px


def topic_map(topics: dict[str, Topic], data: MapData, href: Callable[[str], str]) -> Markup:
    """The map as an inline <figure>; `href(slug)` is the topic page's address relative to the map page."""
    places = _places(data.nodes)
    biggest = max(data.counts[s] for s in data.nodes) if data.nodes else 1
    strongest = data.edges[0][2] if data.edges else 1
    lines = [_edge(topics, places, edge, strongest) for edge in reversed(data.edges)]  # strongest drawn on top
    nodes = [_node(topics, slug, places[slug], data.counts[slug], biggest, href(slug)) for slug in data.nodes]
    label = (
        f"Topic map: {len(data.nodes)} topics and {len(data.edges)} links between topics that appear in the same "
        "briefs. Each topic is a link to its page."
    )
    svg = tag(
        "svg",
        {
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "width": WIDTH,
            "height": HEIGHT,
            "role": "graphics-document",
            "aria-label": label,
        },
        tag("g", {"class": "bf-edges", "aria-hidden": "true"}, *lines),
        tag("g", {"class": "bf-nodes"}, *nodes),
    )
    caption = (
        "Circle size: how many briefs name the topic. Line thickness: how many briefs name both topics. "
        "Select a topic to open its page."
    )
    if data.left_out:
        caption += f" The {len(data.nodes)} most covered topics are drawn; {data.left_out} more are on the topics page."
    # tabindex: on a narrow screen the figure scrolls sideways, and a keyboard reaches it to scroll it
    return tag("figure", {"class": "bf-map", "tabindex": 0, **SEARCH_IGNORE}, svg, tag("figcaption", None, caption))


def _places(nodes: tuple[str, ...]) -> dict[str, tuple[float, float, float]]:
    """slug -> (x, y, angle) on the circle, first at the top, clockwise."""
    places = {}
    for index, slug in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(nodes), 1)
        places[slug] = (CENTRE_X + RADIUS * math.cos(angle), CENTRE_Y + RADIUS * math.sin(angle), angle)
    return places


def _edge(
    topics: dict[str, Topic], places: dict[str, tuple[float, float, float]], edge: tuple[str, str, int], strongest: int
) -> Markup:
    a, b, count = edge
    (x1, y1, _), (x2, y2, _) = places[a], places[b]
    # a curve bent towards the centre keeps lines between neighbours off the circle of labels
    cx = CENTRE_X + ((x1 + x2) / 2 - CENTRE_X) * 0.35
    cy = CENTRE_Y + ((y1 + y2) / 2 - CENTRE_Y) * 0.35
    path = f"M{number(x1)} {number(y1)} Q{number(cx)} {number(cy)} {number(x2)} {number(y2)}"
    width = 1 + 7 * count / strongest
    opacity = 0.18 + 0.5 * count / strongest  # weak links recede
    title = f"{topics[a].name} and {topics[b].name}: {count} brief{'s' if count != 1 else ''} together"
    attrs = {"d": path, "stroke-width": width, "stroke-opacity": opacity, "class": "bf-edge"}
    return tag("path", attrs, tag("title", None, title))


def _node(
    topics: dict[str, Topic], slug: str, place: tuple[float, float, float], count: int, biggest: int, href: str
) -> Markup:
    x, y, angle = place
    radius = MIN_R + (MAX_R - MIN_R) * math.sqrt(count / biggest)
    name = topics[slug].name
    description = f"{name}: {count} brief{'s' if count != 1 else ''}"
    cos, sin = math.cos(angle), math.sin(angle)
    lines = _label_lines(name)
    half = LINE / 2 * (len(lines) - 1)
    lx, ly = x + (radius + 8) * cos, y + (radius + 8) * sin + 5 - half
    anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
    if anchor == "middle":
        ly += 12 + half if sin > 0 else -7 - half
    spans = [tag("tspan", {"x": lx, "dy": 0 if i == 0 else LINE}, line) for i, line in enumerate(lines)]
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
