"""Briefs the web understands: schema.org JSON-LD (NewsArticle, each quote a Quotation), Open Graph and Twitter card
meta with a short description, read back from the built seed site by extruct as a search engine would."""

from __future__ import annotations

from pathlib import Path

import extruct
import pytest
from bs4 import BeautifulSoup

from generator.model import Brief, Quote, Source, Topic
from generator.pages.structured import news_article, script_json, short_description
from generator.text.yamlio import load

from ..conftest import REPO


def _annotations() -> dict[str, dict]:
    return {
        p.stem: load(p.read_text("utf-8"), p.name).data
        for p in sorted((REPO / "briefs").glob("*.yml"))
        if p.name != "topics.yml"
    }


def _page(site: Path, address: str) -> tuple[dict, BeautifulSoup]:
    html = (site / address / "index.html").read_text("utf-8")
    return extruct.extract(html, syntaxes=["json-ld", "opengraph"], uniform=True), BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("slug", sorted(_annotations()))
def test_every_brief_is_a_news_article_with_its_quotes(site: Path, slug: str) -> None:
    annotation = _annotations()[slug]
    data, soup = _page(site, f"briefs/{slug}")
    (article,) = data["json-ld"]
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == " ".join(annotation["title"].split())
    source = annotation["source"]
    assert article.get("datePublished") == source.get("published")  # at its own precision, or none
    assert article.get("isBasedOn") == source.get("url")
    if source.get("name"):
        assert article["publisher"] == {"@type": "Organization", "name": source["name"]}
    assert len(article["about"]) == len(annotation["topics"])
    quotes = article.get("hasPart", [])
    assert [q["@type"] for q in quotes] == ["Quotation"] * len(annotation.get("quotes") or [])
    assert [q["creator"]["name"] for q in quotes] == [" ".join(q["speaker"].split()) for q in annotation["quotes"]]
    (og,) = data["opengraph"]
    assert og["@type"] == "article" and og["og:title"] == article["headline"]
    assert og["og:url"].endswith(f"/briefs/{slug}/")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert og["og:description"] == description == article["description"]
    assert len(description) <= 160 and " ".join(annotation["summary"].split()).startswith(description.rstrip("…"))
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == article["headline"]


@pytest.mark.parametrize("address", ["", "archive", "topics", "speakers"])
def test_other_pages_have_link_previews_but_no_article(site: Path, address: str) -> None:
    data, soup = _page(site, address)
    assert data["json-ld"] == []
    (og,) = data["opengraph"]
    assert og["@type"] == "website" and og["og:title"]
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_editor_text_cannot_close_the_script_or_reach_the_head() -> None:
    hostile = '</script><script>alert(1)</script> <!-- & "x"'
    brief = Brief(
        slug="x",
        title=hostile,
        source=Source(name=hostile),
        summary=hostile,
        article_text=hostile,
        topics=("t",),
        quotes=(Quote(hostile, hostile),),
    )
    text = script_json(news_article(brief, [Topic("t", hostile)], None))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text


def test_a_short_description_is_the_first_sentence_cut_at_a_word() -> None:
    assert short_description("One two. Three four.") == "One two."
    long = "word " * 60 + "end."
    cut = short_description(long)
    assert len(cut) <= 160 and cut.endswith("word…")
