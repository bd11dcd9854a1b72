"""Property-based: whatever an editor writes, load + validate + render gives a clean error of our own type or
Markdown whose HTML holds only the elements and attributes the templates produce."""

from __future__ import annotations

import markdown
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import BriefingError
from generator.link import link
from generator.load import RawBrief
from generator.render import render_site
from generator.validate import validate_brief
from generator.yamlio import load

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
}
ALLOWED_ATTRS = {"href", "id", "class"}


def annotations() -> st.SearchStrategy[dict]:
    figure = st.fixed_dictionaries({"value": TEXT, "label": TEXT}, optional={"metric": st.sampled_from(["m", "a-b"])})
    quote = st.fixed_dictionaries({"text": TEXT, "speaker": TEXT}, optional={"role": TEXT})
    source = st.fixed_dictionaries(
        {}, optional={"name": TEXT, "author": TEXT, "url": st.one_of(TEXT, st.just("https://example.com/a(b)"))}
    )
    return st.fixed_dictionaries(
        {"title": TEXT, "source": source, "summary": TEXT, "topics": st.lists(TEXT, min_size=1, max_size=3)},
        optional={
            "key_figures": st.lists(figure, max_size=3),
            "quotes": st.lists(quote, max_size=3),
            "status": st.sampled_from(["draft", "published"]),
        },
    )


def _html(page: str) -> BeautifulSoup:
    body = page.split("\n---\n", 1)[1]
    return BeautifulSoup(markdown.markdown(body, extensions=["tables", "admonition", "toc"]), "html.parser")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=annotations(), extra=TEXT)
def test_any_annotation_gives_a_clean_error_or_safe_markdown(data: dict, extra: str) -> None:
    # the article holds every quote and figure, so provenance passes and rendering is reached
    values = [f["value"] for f in data.get("key_figures", [])] + [q["text"] for q in data.get("quotes", [])]
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
    pages = render_site(link([brief], {}, {slug: slug for slug in brief.topics}))
    for path, page in pages.items():
        front_matter = yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))
        for value in [front_matter.get("title", ""), *front_matter.get("tags", [])]:
            assert "<" not in value and ">" not in value, (path, value)
        for tag in _html(page).find_all(True):
            assert tag.name in ALLOWED_TAGS, (path, tag)
            assert set(tag.attrs) <= ALLOWED_ATTRS, (path, tag)
            href = tag.get("href", "")
            assert not href or href.startswith(("https://", "http://", "#")) or ".md" in href, (path, href)


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_escaped_text_renders_to_exactly_the_text(text: str) -> None:
    from generator.render import escape_markdown

    # control characters never reach rendering: validation rejects them (Markdown uses \x02/\x03 internally)
    flat = " ".join("".join(c for c in text if c.isspace() or (ord(c) >= 32 and not 0x7F <= ord(c) <= 0x9F)).split())
    html = markdown.markdown(escape_markdown(flat), extensions=["tables", "admonition", "toc"])
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] in ([], ["p"])
    assert soup.get_text() == flat
