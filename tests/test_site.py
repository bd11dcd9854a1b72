"""The real corpus built by real MkDocs + Material, checked by parsing the HTML."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.load import annotation_paths
from generator.provenance import normalise
from generator.yamlio import load

from .conftest import REPO

SLUGS = [p.stem for p in annotation_paths(REPO / "briefs")]


def annotation(slug: str) -> dict:
    return load((REPO / "briefs" / f"{slug}.yml").read_text("utf-8"), slug).data


def page(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text("utf-8"), "html.parser")


def article_text(soup: BeautifulSoup) -> str:
    return normalise(soup.select_one("article").get_text(" "))


def test_corpus_has_five_briefs() -> None:
    assert len(SLUGS) == 5


@pytest.mark.parametrize("slug", SLUGS)
def test_brief_page_shows_title_summary_quotes_and_figures(site: Path, slug: str) -> None:
    data = annotation(slug)
    text = article_text(page(site, f"briefs/{slug}/index.html"))
    assert normalise(data["title"]) in text
    assert normalise(data["summary"]) in text
    for quote in data.get("quotes") or ():
        assert normalise(quote["text"]) in text, quote["text"]
        assert normalise(quote["speaker"]) in text
    for figure in data.get("key_figures") or ():
        assert normalise(figure["value"]) in text
        assert normalise(figure["label"]) in text


@pytest.mark.parametrize("slug", SLUGS)
def test_brief_page_includes_the_full_article(site: Path, slug: str) -> None:
    article = normalise((REPO / "briefs" / f"{slug}.txt").read_text("utf-8"))
    assert article in article_text(page(site, f"briefs/{slug}/index.html"))


@pytest.mark.parametrize("slug", SLUGS)
def test_topics_are_tags_linking_to_topic_pages(site: Path, slug: str) -> None:
    soup = page(site, f"briefs/{slug}/index.html")
    tags = soup.select("nav.md-tags a.md-tag")
    assert len(tags) == len(annotation(slug)["topics"])
    for tag in tags:
        assert tag["href"].startswith("../../topics/")
        target = (site / "briefs" / slug / tag["href"]).resolve() / "index.html"
        assert tag.get_text(strip=True) in target.read_text("utf-8")


def test_every_topic_has_a_page_listing_its_briefs(site: Path) -> None:
    from generator.build import Project, check

    corpus, _ = check(Project.at(REPO))
    assert corpus.topics
    for slug, briefs in corpus.briefs_by_topic.items():
        text = article_text(page(site, f"topics/{slug}/index.html"))
        for brief in briefs:
            assert normalise(brief.title) in text


def test_topics_index_counts_briefs(site: Path) -> None:
    rows = page(site, "topics/index.html").select("article table tbody tr")
    counts = {row.select("td")[0].get_text(strip=True): int(row.select("td")[1].get_text()) for row in rows}
    assert counts["North Korea"] == 5
    assert list(counts.values()) == sorted(counts.values(), reverse=True)


def test_home_lists_every_brief(site: Path) -> None:
    links = {a["href"] for a in page(site, "index.html").select("article a[href^='briefs/']")}
    assert {f"briefs/{slug}/" for slug in SLUGS} <= links


def test_figures_page_compares_troops_deployed_side_by_side(site: Path) -> None:
    soup = page(site, "figures.html") if (site / "figures.html").exists() else page(site, "figures/index.html")
    anchor = soup.find(id="nk-troops-deployed")
    assert anchor is not None
    table = anchor.find_next("table")
    values = [row.select("td")[1].get_text(strip=True) for row in table.select("tbody tr")]
    assert sorted(values) == sorted(["11,000", "10,000 and 12,000", "10,000", "12,000", "at least 11,000"])
    assert "5 sources, 5 different values" in anchor.find_next("p").get_text()


def _internal_links(site: Path) -> list[tuple[Path, str]]:
    links = []
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link"], href=True):
            href = tag["href"]
            if urlsplit(href).scheme or href.startswith(("#", "mailto:", "//")):
                continue
            links.append((html, href))
    return links


def _target(site: Path, html: Path, href: str) -> Path:
    """The built file a link leads to; absolute links (404.html uses them) start at site_url's path."""
    path = unquote(urlsplit(href).path)
    if path.startswith("/"):
        base = urlsplit(yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["site_url"]).path
        target = (site / path.removeprefix(base)).resolve()
    else:
        target = (html.parent / path).resolve()
    return target / "index.html" if target.is_dir() else target


def test_every_internal_link_resolves(site: Path) -> None:
    links = _internal_links(site)
    assert len(links) > 100
    broken = [f"{html.relative_to(site)} -> {href}" for html, href in links if not _target(site, html, href).exists()]
    assert not broken


def test_fragment_links_point_at_existing_ids(site: Path) -> None:
    missing = []
    for html, href in _internal_links(site):
        parts = urlsplit(href)
        if not parts.fragment or not parts.path:
            continue
        target = _target(site, html, href)
        soup = BeautifulSoup(target.read_text("utf-8"), "html.parser")
        if soup.find(id=parts.fragment) is None:
            missing.append(href)
    assert not missing


def test_search_index_holds_quotes_summaries_and_figure_labels(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    text = normalise(BeautifulSoup(" ".join(d["text"] for d in index["docs"]), "html.parser").get_text(" "))
    for slug in SLUGS:
        data = annotation(slug)
        assert normalise(data["summary"]) in text
        for quote in data.get("quotes") or ():
            assert normalise(quote["text"]) in text
        for figure in data.get("key_figures") or ():
            assert normalise(figure["label"]) in text


def test_navigation_has_tabs_and_leaves_briefs_out(site: Path) -> None:
    soup = page(site, "index.html")
    tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs__link")]
    assert tabs == ["Briefs", "Topics", "Figures"]
    sidebar = " ".join(a.get("href", "") for a in soup.select("nav.md-nav--primary a"))
    assert "briefs/" not in sidebar


def test_palette_offers_light_and_dark(site: Path) -> None:
    schemes = {i["data-md-color-scheme"] for i in page(site, "index.html").select("input[data-md-color-scheme]")}
    assert schemes == {"default", "slate"}
