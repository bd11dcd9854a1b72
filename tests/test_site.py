"""The real corpus built by real MkDocs + Material, checked by parsing the HTML."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.stages.load import annotation_paths
from generator.text.provenance import normalise
from generator.text.yamlio import load

from .conftest import REPO

SLUGS = [p.stem for p in annotation_paths(REPO / "briefs")]


def annotation(slug: str) -> dict:
    return load((REPO / "briefs" / f"{slug}.yml").read_text("utf-8"), slug).data


def page(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text("utf-8"), "html.parser")


def article_text(soup: BeautifulSoup) -> str:
    return normalise(soup.select_one("article").get_text(" "))


def test_corpus_has_eight_briefs() -> None:
    assert len(SLUGS) == 8  # the five seed articles and three U.S. Department of Defense texts


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
    paragraphs = page(site, f"briefs/{slug}/index.html").select("article .bf-article > p")
    assert normalise(" ".join(p.get_text() for p in paragraphs)) == article
    # each paragraph's anchor is its index, so it stays the same for the same article text
    assert [p["id"] for p in paragraphs] == [f"p-{n}" for n in range(1, len(paragraphs) + 1)]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_quote_and_figure_links_to_its_marked_words_in_the_article(site: Path, slug: str) -> None:
    data = annotation(slug)
    soup = page(site, f"briefs/{slug}/index.html")
    quotes = soup.select("article figure.bf-quote")
    assert len(quotes) == len(data.get("quotes") or ())
    for number, (quote, figure) in enumerate(zip(data.get("quotes") or (), quotes, strict=True), 1):
        assert normalise(figure.select_one("blockquote").get_text()) == normalise(quote["text"])
        assert normalise(quote["speaker"]) in normalise(figure.select_one("figcaption strong").get_text())
        link = figure.select_one("figcaption").find("a", string="in the article")
        assert link is not None and link["href"] == f"#quote-{number}"
        mark = soup.select_one(f".bf-article mark#quote-{number}")
        assert normalise(mark.get_text()) == normalise(quote["text"])
    rows = (
        soup.select_one("article #key-figures").find_next("table").select("tbody tr") if data.get("key_figures") else []
    )
    for number, (value, row) in enumerate(zip(data.get("key_figures") or (), rows, strict=True), 1):
        assert row.find("a", string="in the article")["href"] == f"#figure-{number}"
        assert normalise(soup.select_one(f".bf-article mark#figure-{number}").get_text()) == normalise(value["value"])


def test_topic_and_figures_pages_link_quotes_and_figures_to_their_passages(site: Path) -> None:
    for relative in ("topics/north-korea/index.html", "figures/index.html"):
        links = page(site, relative).select("article a")
        targets = [a["href"] for a in links if a.get_text() == "in the article"]
        assert targets, relative
        assert all("/briefs/" in t or t.startswith("../briefs/") for t in targets), targets
        assert any("#quote-" in t for t in targets) or relative.startswith("figures"), targets
        assert any("#figure-" in t for t in targets), targets


def test_search_indexes_the_article_once(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    sentence = "The Eurasia Center’s mission is to enhance transatlantic cooperation"  # in one article, quoted nowhere
    hits = [d["location"] for d in index["docs"] if sentence in d["text"]]
    assert hits == ["briefs/nk-upgrades-army-in-ukraine/#full-article"]
    assert not [d["location"] for d in index["docs"] if "bf-mark" in d["text"]]


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
    assert counts["North Korea"] == 8
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
    seed = ["11,000", "10,000 and 12,000", "10,000", "12,000", "at least 11,000"]
    assert sorted(values) == sorted([*seed, "10,000", "10,000", "10,000"])  # and the three DOD texts
    assert "8 sources, 5 different values" in anchor.find_next("p").get_text()


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


@pytest.mark.parametrize("slug", SLUGS)
def test_a_briefs_search_result_shows_its_summary(site: Path, slug: str) -> None:
    """Material's result for a page shows its first section's text: the summary, not the source line above it."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    entries = {d["location"]: d["text"] for d in index["docs"] if d["location"].startswith(f"briefs/{slug}/")}
    shown = normalise(BeautifulSoup(entries[f"briefs/{slug}/"], "html.parser").get_text(" "))
    assert shown == normalise(annotation(slug)["summary"])
    assert "Permalink" not in shown and f"briefs/{slug}/#summary" not in entries  # the summary is listed once


def test_search_index_holds_quotes_summaries_and_figure_labels(site: Path) -> None:
    def strings(node: object) -> list[str]:  # every text in the index, however the search plugin lays it out
        if isinstance(node, dict):
            return [s for value in node.values() for s in strings(value)]
        if isinstance(node, list):
            return [s for value in node for s in strings(value)]
        return [node] if isinstance(node, str) else []

    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    text = normalise(BeautifulSoup(" ".join(strings(index)), "html.parser").get_text(" "))
    for slug in SLUGS:
        data = annotation(slug)
        assert normalise(data["summary"]) in text
        for quote in data.get("quotes") or ():
            assert normalise(quote["text"]) in text
        for figure in data.get("key_figures") or ():
            assert normalise(figure["label"]) in text


def _mkdocs_config() -> dict:
    return yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))


def _chrome_links(soup: BeautifulSoup) -> list:
    """The page's links outside its article: the theme's header, navigation and footer."""
    article = soup.select_one("article")
    assert article is not None
    return [a for a in soup.find_all("a", href=True) if article not in a.parents]


@pytest.mark.parametrize("relative", ["index.html", "briefs/nk-troops-defecting/index.html"])
def test_navigation_has_the_configured_sections_and_leaves_briefs_out(site: Path, relative: str) -> None:
    nav = [next(iter(entry.items())) for entry in _mkdocs_config()["nav"]]
    assert [title for title, _ in nav] == ["Briefs", "Topics", "Speakers", "Figures", "Timeline", "Map"]
    html = site / relative
    links = _chrome_links(page(site, relative))
    for title, source in nav:  # every section is linked, to its page, in the configured order
        built = (site / source.removesuffix("index.md").removesuffix(".md")).resolve() / "index.html"
        assert [a for a in links if a.get_text(strip=True) == title and _target(site, html, a["href"]) == built]
    firsts = [next(i for i, a in enumerate(links) if a.get_text(strip=True) == title) for title, _ in nav]
    assert firsts == sorted(firsts)
    briefs = (site / "briefs").resolve()
    into_briefs = [
        a["href"]
        for a in links
        if not urlsplit(a["href"]).scheme
        and _target(site, html, a["href"]).is_relative_to(briefs)
        and _target(site, html, a["href"]) != html.resolve()
    ]
    assert not into_briefs


def test_palette_offers_light_and_dark(site: Path) -> None:
    palette = _mkdocs_config()["theme"]["palette"]
    assert {entry["media"] for entry in palette} == {"(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"}
    assert len({entry["scheme"] for entry in palette}) == 2
    soup = page(site, "index.html")
    for entry in palette:  # each scheme has its switch, named as configured, that selects that scheme
        switches = [t for t in soup.find_all(True) if entry["toggle"]["name"] in t.attrs.values()]
        assert switches, entry["toggle"]["name"]
        assert any(entry["scheme"] in t.attrs.values() for t in switches), entry


# --- reader features: timeline, topic map, charts, feeds, open data, accessibility ---------------------------------


def _html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def test_timeline_page_lists_events_oldest_first_with_their_briefs(site: Path) -> None:
    soup = page(site, "timeline/index.html")
    rows = soup.select("article h2 + ul > li")
    assert len(rows) >= 10
    assert not soup.select("article table")  # one list per year: no header row repeated under every year
    years = [h.get_text(strip=True).rstrip("¶") for h in soup.select("article h2")]
    assert years == sorted(years) and "2024" in years
    october = next(r for r in rows if r.select_one("strong").get_text(strip=True) == "October 2024")
    linked = {a["href"] for a in october.select("a")}
    assert linked == {"../briefs/battle-never-fought-before/", "../briefs/nk-troops-defecting/"}
    assert "2 sources" in october.get_text()


def test_topic_pages_show_their_slice_of_the_timeline(site: Path) -> None:
    text = article_text(page(site, "topics/prisoners-of-war/index.html"))
    assert "Ukraine takes the first North Korean soldiers prisoner" in text
    assert "Haneul" not in text  # a Defectors event
    assert "Haneul" in article_text(page(site, "topics/defectors/index.html"))


def test_brief_page_lists_its_events_with_their_sentences(site: Path) -> None:
    text = article_text(page(site, "briefs/battle-never-fought-before/index.html"))
    assert normalise("19 June 2024 — Putin and Kim Jong Un sign a military treaty") in text
    assert normalise("“On June 19th, Russian President Vladimir Putin and North Korean leader Kim Jong Un") in text


def test_map_has_a_linked_node_per_topic(site: Path) -> None:
    from generator.build import Project, check

    corpus, _ = check(Project.at(REPO))
    svg = page(site, "map/index.html").select_one("article figure.bf-map svg")
    assert svg is not None and svg.get("aria-label")
    assert svg["role"] == "graphics-document"  # the role the HTML checker allows on an <svg> holding links (not group)
    nodes = svg.select("a.bf-node")
    # xlink:href: see generator/pages/topicmap.py (Material's instant navigation and SVG links)
    assert {a["xlink:href"] for a in nodes} == {f"../topics/{slug}/" for slug in corpus.topics}
    for node in nodes:
        assert "href" not in node.attrs
        assert (site / "map" / node["xlink:href"] / "index.html").resolve().is_file()
        assert node.get("aria-label", "").endswith(("brief", "briefs"))
        assert node.select_one("circle") is not None and node.select_one("title") is not None
    assert len(svg.select("path.bf-edge")) == len(corpus.cooccurrence)


def test_figures_page_has_a_chart_per_metric_with_several_reports(site: Path) -> None:
    from generator.build import Project, check

    corpus, _ = check(Project.at(REPO))
    soup = page(site, "figures/index.html")
    several = [m for m, reports in corpus.metrics.items() if len(reports) > 1]
    charts = soup.select("article figure.bf-chart svg[role=img]")
    assert len(charts) == len(several) == 3
    deployed = soup.find(id="nk-troops-deployed").find_next("svg")
    assert len(deployed.select("g.bf-row")) == 8
    assert len(deployed.select("line.bf-range")) == 1  # 10,000 and 12,000
    assert len(deployed.select("path.bf-arrow")) == 1  # at least 11,000
    assert "at least 11,000" in deployed["aria-label"]


def test_topic_page_charts_its_metrics(site: Path) -> None:
    soup = page(site, "topics/north-korea/index.html")
    assert len(soup.select("article figure.bf-chart svg")) == 3
    assert soup.select_one("article h3") is not None


def test_feeds_and_data_files_are_in_the_site(site: Path) -> None:
    import csv
    import xml.etree.ElementTree as ET

    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(json.loads((site / "feed.json").read_text("utf-8"))["items"]) == 8
    assert len(json.loads((site / "data" / "briefs.json").read_text("utf-8"))["briefs"]) == 8
    with (site / "data" / "figures.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 23


def test_every_page_links_its_feeds_and_stylesheet_in_the_head(site: Path) -> None:
    for html in _html_pages(site):
        head = BeautifulSoup(html.read_text("utf-8"), "html.parser").head
        types = {link.get("type") for link in head.select("link[rel=alternate]")}
        assert {"application/atom+xml", "application/feed+json"} <= types, html
        assert head.select_one("link[rel=stylesheet][href$='assets/stylesheets/briefing.css']"), html


def test_headings_are_in_order_on_every_page(site: Path) -> None:
    for html in _html_pages(site):
        levels = [int(h.name[1]) for h in page(site, str(html.relative_to(site))).select("article :is(h1,h2,h3,h4)")]
        assert levels and levels[0] == 1, html
        assert levels.count(1) == 1, html
        assert all(b - a <= 1 for a, b in pairwise(levels)), (html, levels)


def test_tables_have_headers_and_charts_have_text_alternatives(site: Path) -> None:
    for html in _html_pages(site):
        soup = page(site, str(html.relative_to(site)))
        for table in soup.select("article table"):
            assert table.select("thead th"), html
        for svg in soup.select("article svg"):
            assert svg.get("aria-label") and svg.get("role") in ("img", "graphics-document"), html
        for img in soup.select("article img"):
            assert img.get("alt"), html


def test_brief_has_a_permalink_to_its_own_address(site: Path) -> None:
    for slug in SLUGS:
        link = page(site, f"briefs/{slug}/index.html").select_one("article a[title='Permanent address of this brief']")
        assert link["href"] == f"https://example.github.io/briefing/briefs/{slug}/"
