"""Rendering: a golden brief, escaping of every editor field, and what each page kind contains."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.build import Project, check
from generator.model import Brief, Figure, PartialDate, Quote, Source, Topic
from generator.stages.link import link
from generator.stages.render import render_site
from generator.templating import escape_markdown, front_matter_string

from ..conftest import REPO, markdown_options

GOLDEN = Path(__file__).parents[1] / "golden"


@pytest.fixture(scope="module")
def corpus_pages() -> dict[str, str]:
    corpus, _ = check(Project.at(REPO))
    return render_site(corpus)


@pytest.mark.parametrize("page", ["briefs/nk-upgrades-army-in-ukraine.md", "figures.md"])
def test_rendered_page_matches_golden(corpus_pages: dict[str, str], page: str, update_goldens: bool) -> None:
    golden = GOLDEN / page.replace("/", "__")
    if update_goldens:
        golden.write_text(corpus_pages[page], "utf-8")
    assert corpus_pages[page] == golden.read_text("utf-8"), "run `pytest --update-goldens` if the change is intended"


def to_html(markdown_text: str) -> BeautifulSoup:
    body = markdown_text.split("\n---\n", 1)[-1] if markdown_text.startswith("---") else markdown_text
    return BeautifulSoup(markdown.markdown(body, **markdown_options()), "html.parser")


HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "</table></div><b>bold</b>",
    "{{ config }} {% raw %}",
    "a | b | c",
    "# heading",
    "- item",
    "1. item",
    "`code` *em* _em_ **strong**",
    "&lt;script&gt;",
    "<https://example.com>",
    "line one\n\n    indented code",
    "Russia's C# \\ back",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_literal_text(text: str) -> None:
    soup = to_html(escape_markdown(text))
    assert soup.get_text() == " ".join(text.split())
    assert [tag.name for tag in soup.find_all(True)] == ["p"]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {escape_markdown(text)} | end |\n"
    cells = to_html(table).select("tbody td")
    assert [c.get_text() for c in cells] == [" ".join(text.split()), "end"]


def test_front_matter_strings_are_html_escaped_json() -> None:
    assert front_matter_string('<b a="1">No</b>') == '"&lt;b a=&quot;1&quot;&gt;No&lt;/b&gt;"'


def _brief(slug: str, **fields: object) -> Brief:
    base = dict(
        slug=slug,
        title=f"Title {slug}",
        source=Source(name="Outlet", published=PartialDate(2025, 1)),
        summary="A summary.",
        article_text="Headline\nBody with 11,000 troops.",
        figures=(Figure("11,000", "troops", "troops"),),
        quotes=(Quote("Body with", "Someone", "spokesman"),),
        topics=("north-korea",),
    )
    base.update(fields)
    return Brief(**base)  # type: ignore[arg-type]


def _pages(*briefs: Brief) -> dict[str, str]:
    corpus = link(list(briefs), {"north-korea": Topic("north-korea", "North Korea", "The DPRK.")}, {})
    return render_site(corpus)


def test_hostile_fields_reach_pages_only_as_text() -> None:
    payload = "<script>alert(1)</script>"
    brief = _brief(
        "hostile",
        title=payload,
        summary=payload,
        source=Source(name=payload, author=payload, url="https://example.com/a)b(<"),
        figures=(Figure("11,000", payload, "troops"),),
        quotes=(Quote("Body with", payload, payload),),
    )
    for path, text in _pages(brief, _brief("other")).items():
        if not path.endswith(".md"):
            continue  # feeds and data hold the text as data; tests/test_feeds.py checks they parse
        soup = to_html(text)
        assert not soup.find_all(["script", "img", "iframe"]), path
        assert not [a for a in soup.find_all("a") if a.get("href", "").startswith("javascript")], path
    page = _pages(brief)["briefs/hostile.md"]
    assert '(https://example.com/a%29b%28%3C "The original article, at its source")' in page


def test_draft_briefs_are_marked() -> None:
    pages = _pages(_brief("draft-one", status="draft"))
    assert '!!! warning "Draft"' in pages["briefs/draft-one.md"]
    assert "(draft)" in pages["index.md"]


def test_figures_page_says_when_sources_disagree() -> None:
    one = _brief("one")
    two = _brief("two", figures=(Figure("Body", "troops", "troops"),))
    assert "2 sources, 2 different values" in _pages(one, two)["figures.md"]
    same = _brief("three")
    assert "2 sources agree" in _pages(one, same)["figures.md"]


def test_topic_page_lists_briefs_figures_and_quotes() -> None:
    page = _pages(_brief("one"), _brief("two", source=Source(published=PartialDate(2024))))["topics/north-korea.md"]
    assert page.index("Title one") < page.index("Title two")  # newest first
    assert "| 11,000 | troops | [Title one](../briefs/one.md) · [in the article](../briefs/one.md#figure-1) |" in page
    assert "<blockquote><p>Body with</p></blockquote>" in page
    assert '<a class="bf-passage-link" href="../../briefs/one/#quote-1">in the article</a>' in page


def test_brief_page_marks_each_passage_in_its_paragraph_and_links_it() -> None:
    brief = _brief(
        "one",
        source=Source(name="Outlet", url="https://example.com/story?a=1&b=2"),
        article_text="Headline\n\n  \u201cWe\u2014will hold,\u201d  he said, & 11,000 stayed.\n"
        "Body with 11,000 troops.",
        figures=(Figure("11,000", "troops", "troops"),),
        quotes=(Quote('"We--will hold,"   he', "Someone", "spokesman <b>"),),
    )
    page = _pages(brief)["briefs/one.md"]
    # the quote is found through typographic folding, the mark holds the article's own characters
    assert (
        '<p id="p-2"><mark class="bf-mark" id="quote-1">\u201cWe\u2014will hold,\u201d he</mark> said, &amp; '
        '<mark class="bf-mark" id="figure-1">11,000</mark> stayed.</p>'
    ) in page
    assert '<p id="p-1">Headline</p>' in page and '<p id="p-3">Body with 11,000 troops.</p>' in page
    speaker = '<a class="bf-speaker-link" href="../../speakers/someone/">Someone</a>'
    assert f"<figcaption>— <strong>{speaker}</strong>, spokesman &lt;b&gt; · " in page
    assert '<a class="bf-passage-link" href="#quote-1">in the article</a>' in page
    fragment = "#:~:text=%E2%80%9CWe%E2%80%94will%20hold%2C%E2%80%9D%20he"
    assert f'<a class="bf-source-link" href="https://example.com/story?a=1&amp;b=2{fragment}">at the source</a>' in page
    assert (
        "| [in the article](#figure-1) · [at the source](https://example.com/story?a=1&b=2#:~:text=11%2C000) |" in page
    )
    assert page.count("Body with 11,000 troops.") == 1  # the article once, marked where it stands


def test_template_override_replaces_a_packaged_template(tmp_path: Path) -> None:
    (tmp_path / "home.md.j2").write_text("---\ntitle: Home\n---\n\n# Custom home\n", "utf-8")
    corpus = link([_brief("one")], {}, {"north-korea": "North Korea"})
    assert "# Custom home" in render_site(corpus, tmp_path)["index.md"]


def test_home_shows_the_newest_briefs_and_the_archive_every_brief(tmp_path: Path) -> None:
    from bench import corpus as synthetic
    from generator.build import Project, generate
    from generator.pages.home import HOME_LATEST

    synthetic.write_corpus(tmp_path / "project", HOME_LATEST + 5, Path(__file__).resolve().parents[2])
    generated = generate(Project.at(tmp_path / "project"), write=False)
    briefs = generated.corpus.briefs
    home, archive = generated.pages["index.md"], generated.pages["archive.md"]
    assert [b.slug for b in briefs if f"(briefs/{b.slug}.md)" in home] == [b.slug for b in briefs[:HOME_LATEST]]
    assert f"The {HOME_LATEST} newest of {len(briefs)} briefs" in home and "(archive.md)" in home
    assert all(f"(briefs/{b.slug}.md)" in archive for b in briefs)
    assert not any(b.summary[:40] in archive for b in briefs)  # one line per brief, no summaries
    assert all(b.summary[:40] in home for b in briefs[:HOME_LATEST])
