"""generator.pages.passages: quotes and figures traced to their paragraph, marked, and opened at the source."""

from __future__ import annotations

from urllib.parse import unquote

from bs4 import BeautifulSoup

from generator.model import Brief, Figure, Quote, Source
from generator.pages.passages import Passage, article_html, locate, source_url, text_fragment


def _brief(text: str, quotes: tuple[str, ...] = (), values: tuple[str, ...] = ()) -> Brief:
    return Brief(
        "b",
        "T",
        Source(url="https://example.com/a"),
        "S",
        text,
        figures=tuple(Figure(v, "l") for v in values),
        quotes=tuple(Quote(q, "s") for q in quotes),
    )


def _passage(*pieces: str) -> Passage:
    return Passage("quote-1", 1, 0, 1, pieces)


def test_a_text_fragment_encodes_its_syntax_characters_and_non_ascii() -> None:
    fragment = text_fragment(_passage("1,000-3,000 & “more” café"))
    assert fragment == ":~:text=1%2C000%2D3%2C000%20%26%20%E2%80%9Cmore%E2%80%9D%20caf%C3%A9"
    assert unquote(fragment.removeprefix(":~:text=")) == "1,000-3,000 & “more” café"


def test_a_long_or_multi_paragraph_passage_opens_by_its_first_and_last_words() -> None:
    long = "one two three four five six seven eight nine ten eleven"
    assert text_fragment(_passage(long)) == ":~:text=one%20two%20three%20four,eight%20nine%20ten%20eleven"
    assert text_fragment(_passage("a b", "c d e f g h")) == ":~:text=a%20b,e%20f%20g%20h"


def test_the_source_fragment_follows_the_page_own_fragment() -> None:
    assert source_url("https://x.org/p", _passage("w")) == "https://x.org/p#:~:text=w"
    assert source_url("https://x.org/p#top", _passage("w")) == "https://x.org/p#top:~:text=w"


def test_passages_know_their_paragraph_and_span_over_paragraphs() -> None:
    text = "Title\n\nfirst words here\n   second  line ends\n"
    located = locate(_brief(text, quotes=("here second",), values=("ends",)))
    assert located.paragraphs == ((0, 5), (7, 23), (27, 44))
    quote, figure = located.quotes[0], located.figures[0]
    assert (quote.paragraph, text[quote.start : quote.end], quote.pieces) == (2, "here\n   second", ("here", "second"))
    assert (figure.paragraph, figure.anchor) == (3, "figure-1")
    soup = BeautifulSoup(article_html(_brief(text, quotes=("here second",))), "html.parser")
    marks = soup.select("mark")
    assert [m.get("id") for m in marks] == ["quote-1", None]  # the id once, on the first part
    assert [m.parent["id"] for m in marks] == ["p-2", "p-3"]


def test_nested_and_crossing_passages_stay_well_formed_with_each_id_once() -> None:
    text = "alpha beta gamma delta epsilon"
    brief = _brief(text, quotes=("alpha beta gamma", "gamma delta"), values=("beta",))
    html = str(article_html(brief))
    soup = BeautifulSoup(html, "html.parser")
    for anchor in ("quote-1", "quote-2", "figure-1"):
        assert len(soup.select(f"#{anchor}")) == 1
    assert soup.select_one("#figure-1").parent["id"] == "quote-1"  # nested inside the quote
    assert soup.select_one("p").get_text() == text
    # quote 2 crosses quote 1's end: split there, its first part inside quote 1
    assert soup.select_one("#quote-2").get_text() == "gamma"
    assert soup.select_one("#quote-2").find_parent("mark")["id"] == "quote-1"
    assert html.count("<mark") == html.count("</mark>") == 4


def test_a_passage_not_in_the_article_has_no_place_and_no_mark() -> None:
    brief = _brief("plain text", quotes=("elsewhere",), values=("12",))
    assert locate(brief).quotes == (None,) and locate(brief).figures == (None,)
    assert "<mark" not in article_html(brief)


def test_article_text_is_escaped() -> None:
    html = str(article_html(_brief("<script>x</script> & <b>", quotes=("<b>",))))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; " in html
    assert '<mark class="bf-mark" id="quote-1">&lt;b&gt;</mark>' in html
