"""Property-based: whatever an editor writes, load + validate + render gives a clean error of our own type or
Markdown whose HTML holds only the elements and attributes the templates produce, and feeds and data files that
parse."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown.extensions.toc import TocExtension

from generator.errors import BriefingError
from generator.model import Brief, Event, Figure, PartialDate, SiteInfo, Source
from generator.stages.link import link
from generator.stages.load import RawBrief
from generator.stages.render import render_site
from generator.stages.validate import validate_brief
from generator.text.yamlio import load

from .conftest import markdown_options


def examples(count: int) -> int:
    """`count` examples, or the loaded Hypothesis profile's if it asks for more (`make fuzz`, tests/conftest.py)."""
    return max(count, settings.default.max_examples)


FRAGMENTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))",
    "![i](x.png)",
    "{{ 7*7 }}",
    "{% if x %}",
    "|",
    "#",
    "`",
    "*",
    "_",
    "\\",
    "<",
    ">",
    "&amp;",
    "&#60;",
    "</td>",
    "\n",
    "\t",
    "- ",
    "1. ",
    "> ",
    "    ",
    "---",
    "<!--",
    "-->",
    "{: onclick=x}",
    "<https://x.y>",
    "\u202e",
    "\u200b",
    "\x00",
    "\x07",
    "'",
    '"',
    ":",
    "&",
    ";",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=6).map("".join)

ALLOWED_TAGS = {
    "h1",
    "h2",
    "p",
    "em",
    "strong",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "ul",
    "li",
    "a",
    "div",
    "code",
    "h3",
    "figure",
    "figcaption",
    "mark",
}
# Inline SVG (charts, topic map): built by generator/pages/svg.py, which escapes every value; tag and attribute names
# are the code's own. Attribute names as html.parser reports them (lowercased).
SVG_TAGS = {"figure", "figcaption", "svg", "g", "line", "circle", "path", "text", "tspan", "title"}
SVG_ATTRS = {"viewbox", "width", "height", "role", "aria-label", "aria-hidden", "transform", "x", "y", "dy"}
SVG_ATTRS |= {"x1", "x2", "y1", "y2"}
SVG_ATTRS |= {"cx", "cy", "r", "d", "text-anchor", "stroke-width", "stroke-opacity", "xlink:href"}
SVG_ATTRS |= {"data-search-exclude", "data-pagefind-ignore"}  # pictures stay out of the search indexes
SVG_ATTRS |= {"tabindex"}  # the topic map's frame, which scrolls sideways on a phone, takes focus
ALLOWED_TAGS |= SVG_TAGS
ALLOWED_ATTRS = {"href", "id", "class", "title"} | SVG_ATTRS
# Link titles are the templates' own words, never editor text; and the heading permalinks' (toc's permalink_title).
ALLOWED_TITLES = {"Permanent address of this brief", "The original article, at its source"}
ALLOWED_TITLES.add(TocExtension(**markdown_options()["extension_configs"].get("toc", {})).getConfig("permalink_title"))
# Links in raw HTML (topic map nodes) cannot be .md links: MkDocs does not rewrite raw HTML. They lead to topic pages
# whose names are slugs ([a-z0-9-]), as topics/<slug>/ or topics/<slug>.html (use_directory_urls: false).
TOPIC_PAGE = re.compile(r"^(\.\./)*topics/[a-z0-9]+(-[a-z0-9]+)*(/|\.html)$")
# ...and quotes on topic pages (raw HTML figures) link to their brief's page and the passage there.
BRIEF_PASSAGE = re.compile(r"^(\.\./)*briefs/[a-z0-9]+(-[a-z0-9]+)*(/|\.html)(#quote-\d+)?$")
SVG_NUMBER = re.compile(r"^-?\d+(\.\d)?$")
NUMERIC_ATTRS = {"width", "height", "x", "y", "dy", "x1", "x2", "y1", "y2", "cx", "cy", "r", "stroke-width"}


def annotations() -> st.SearchStrategy[dict]:
    figure = st.fixed_dictionaries({"value": TEXT, "label": TEXT}, optional={"metric": st.sampled_from(["m", "a-b"])})
    quote = st.fixed_dictionaries({"text": TEXT, "speaker": TEXT}, optional={"role": TEXT})
    event = st.fixed_dictionaries(
        {
            "date": st.sampled_from(["2024", "2024-06", "2024-06-19", "2023-02-30", "1999-12"]),
            "what": TEXT,
            "sentence": TEXT,
        },
        optional={"topics": st.lists(TEXT, min_size=1, max_size=2)},
    )
    source = st.fixed_dictionaries(
        {}, optional={"name": TEXT, "author": TEXT, "url": st.one_of(TEXT, st.just("https://example.com/a(b)"))}
    )
    return st.fixed_dictionaries(
        {"title": TEXT, "source": source, "summary": TEXT, "topics": st.lists(TEXT, min_size=1, max_size=3)},
        optional={
            "key_figures": st.lists(figure, max_size=3),
            "quotes": st.lists(quote, max_size=3),
            "events": st.lists(event, max_size=3),
            "status": st.sampled_from(["draft", "published"]),
        },
    )


def _html(page: str) -> BeautifulSoup:
    body = page.split("\n---\n", 1)[1]
    return BeautifulSoup(markdown.markdown(body, **markdown_options()), "html.parser")


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=annotations(), extra=TEXT)
def test_any_annotation_gives_a_clean_error_or_safe_markdown(data: dict, extra: str) -> None:
    # the article holds every quote and figure, so provenance passes and rendering is reached
    values = [f["value"] for f in data.get("key_figures", [])] + [q["text"] for q in data.get("quotes", [])]
    values += [e["sentence"] for e in data.get("events", [])]
    article = "Headline\n" + " ".join(f" {v} " for v in values) + " " + extra
    try:
        doc = load(yaml.safe_dump(data, allow_unicode=True), "briefs/fuzz.yml")
        brief, problems = validate_brief(RawBrief("fuzz", doc, "briefs/fuzz.txt", article), {}, {})
    except BriefingError as exc:
        assert str(exc).startswith("briefs/fuzz.yml:")
        return
    if brief is None:
        assert problems and all(str(p).startswith("briefs/fuzz.yml:") for p in problems)
        return
    # two briefs, so that charts (two reports of a metric), map links and merged timeline rows are all drawn
    briefs = [brief, replace(brief, slug="fuzz-two")]
    pages = render_site(link(briefs, {}, {slug: slug for slug in brief.topics}))
    for path, page in pages.items():
        if path.endswith(".md"):
            _assert_safe_markdown(path, page)
    _assert_clean_data(pages, len(briefs))


def _assert_safe_markdown(path: str, page: str) -> None:
    front_matter = yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))
    for value in [front_matter.get("title", ""), *front_matter.get("tags", [])]:
        assert "<" not in value and ">" not in value, (path, value)
    for tag in _html(page).find_all(True):
        assert tag.name in ALLOWED_TAGS, (path, tag)
        assert set(tag.attrs) <= ALLOWED_ATTRS, (path, tag)
        href = tag.get("href", "") or tag.get("xlink:href", "")
        assert (
            not href
            or href.startswith(("https://", "http://", "#"))
            or ".md" in href
            or TOPIC_PAGE.match(href)
            or BRIEF_PASSAGE.match(href)
        ), (path, href)
        assert tag.get("title") is None or tag["title"] in ALLOWED_TITLES, (path, tag)
        for name in NUMERIC_ATTRS & set(tag.attrs):
            assert SVG_NUMBER.match(tag[name]), (path, tag)


def _assert_clean_data(pages: dict[str, str], count: int) -> None:
    atom = ET.fromstring(pages["feed.xml"])
    assert atom.tag == "{http://www.w3.org/2005/Atom}feed"
    assert {child.tag.split("}")[1] for child in atom.iter()} <= {
        "feed", "id", "title", "subtitle", "updated", "author", "name", "generator", "link", "entry", "published",
        "issued", "category", "summary",
    }  # fmt: skip
    assert len(json.loads(pages["feed.json"])["items"]) in (0, count)  # drafts are left out of feeds
    assert len(json.loads(pages["data/briefs.json"])["briefs"]) == count
    rows = list(csv.reader(io.StringIO(pages["data/figures.csv"])))
    assert all(len(row) == len(rows[0]) for row in rows)
    assert not [cell for row in rows[1:] for cell in row if cell[:1] in ("=", "+", "@")]


@settings(max_examples=examples(300), deadline=None)
@given(text=TEXT)
def test_escaped_text_renders_to_exactly_the_text(text: str) -> None:
    from generator.templating import escape_markdown

    # control characters never reach rendering: validation rejects them (Markdown uses \x02/\x03 internally)
    flat = " ".join("".join(c for c in text if c.isspace() or (ord(c) >= 32 and not 0x7F <= ord(c) <= 0x9F)).split())
    html = markdown.markdown(escape_markdown(flat), **markdown_options())
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] in ([], ["p"])
    assert soup.get_text() == flat


# Validation rejects most random annotations before rendering; this one builds valid briefs from hostile text so
# that every new drawing (charts, topic map, merged timeline) is made from it every time.
# ...with only what an annotation can hold: no control characters (validation) and no U+FFFE/U+FFFF (YAML).
CLEAN = TEXT.map(
    lambda t: "".join(
        c for c in t if c.isspace() or (ord(c) >= 32 and not 0x7F <= ord(c) <= 0x9F and c not in "\ufffe\uffff")
    )
)
LINE = CLEAN.map(lambda t: " ".join(t.split())).filter(bool)
NUMBER = st.sampled_from(["10,000", "at least 5", "1,000-3,000", "thousands", "up to 7", "$2000", "over 12"])
VALUE = st.one_of(NUMBER, LINE)
DATE = st.sampled_from([PartialDate(2024), PartialDate(2024, 6), PartialDate(2024, 6, 19), PartialDate(2025, 1, 2)])


@st.composite
def hostile_briefs(draw: st.DrawFn) -> tuple[list[Brief], dict[str, str]]:
    names = {f"t{i}": draw(LINE) for i in range(draw(st.integers(1, 4)))}
    briefs = []
    for index in range(draw(st.integers(2, 4))):
        topics = tuple(draw(st.lists(st.sampled_from(sorted(names)), min_size=1, max_size=3, unique=True)))
        events = tuple(
            Event(draw(DATE), draw(LINE), draw(LINE), tuple(draw(st.lists(st.sampled_from(topics), max_size=2))))
            for _ in range(draw(st.integers(0, 2)))
        )
        source = Source(draw(st.none() | LINE), "https://example.com/a(b)<c>", draw(st.none() | LINE), draw(DATE))
        figures = (
            Figure(draw(NUMBER), draw(LINE), "m"),
            Figure(draw(VALUE), draw(LINE), draw(st.sampled_from(["m", "n"]))),
        )
        briefs.append(
            Brief(
                f"b{index}", draw(LINE), source, draw(LINE), draw(LINE), figures=figures, topics=topics, events=events
            )
        )
    return briefs, names


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=hostile_briefs(), directory_urls=st.booleans())
def test_charts_map_and_timeline_from_hostile_text_are_safe(
    case: tuple[list[Brief], dict[str, str]], directory_urls: bool
) -> None:
    briefs, names = case
    site = SiteInfo("https://example.org/site/", "Site <b>", directory_urls)
    pages = render_site(link(briefs, {}, names), site=site)
    assert "<svg" in pages["figures.md"] and "<svg" in pages["map.md"]
    if any(b.events for b in briefs):
        assert "\n- **" in pages["timeline.md"]  # a list of events under each year
    for path, page in pages.items():
        if path.endswith(".md"):
            _assert_safe_markdown(path, page)
    _assert_clean_data(pages, len(briefs))
