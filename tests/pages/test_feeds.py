"""Feeds (Atom, JSON Feed) and open data (data/briefs.json, data/figures.csv): valid, complete, byte-stable."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.build import Project, check, site_info
from generator.model import Brief, Figure, PartialDate, SiteInfo, Source, Topic
from generator.pages.feeds import atom, json_feed
from generator.pages.opendata import CSV_COLUMNS, briefs_json, figures_csv
from generator.stages.link import link
from generator.stages.render import render_site
from generator.text.yamlio import load

from ..conftest import REPO

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SITE = SiteInfo("https://example.github.io/briefing/", "A <briefing> & co", True)


@pytest.fixture(scope="module")
def corpus_pages() -> dict[str, str]:
    corpus, _ = check(Project.at(REPO))
    return render_site(corpus, site=SITE)


def annotations() -> dict[str, dict]:
    return {
        p.stem: load(p.read_text("utf-8"), p.name).data
        for p in sorted((REPO / "briefs").glob("*.yml"))
        if p.name != "topics.yml"
    }


# --- Atom ----------------------------------------------------------------------------------------------------------


def test_atom_feed_is_valid_atom(corpus_pages: dict[str, str]) -> None:
    """The RFC 4287 requirements: one id, title and updated per feed and entry, an author for every entry, an
    alternate link, RFC 3339 dates, unique ids."""
    feed = ET.fromstring(corpus_pages["feed.xml"].encode("utf-8"))
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert RFC3339.match(feed.findtext(f"{A}updated") or "")
    assert feed.find(f"{A}author/{A}name") is not None  # so every entry has an author
    assert feed.find(f"{A}link[@rel='self']").get("href") == "https://example.github.io/briefing/feed.xml"
    assert feed.findtext(f"{A}title") == "A <briefing> & co"  # XML-escaped on the way out, the text on the way in
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 8
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        assert RFC3339.match(entry.findtext(f"{A}updated") or "")
        alternate = entry.find(f"{A}link[@rel='alternate']")
        assert alternate is not None and alternate.get("href") == entry.findtext(f"{A}id")
        assert alternate.get("href", "").startswith("https://example.github.io/briefing/briefs/")
        assert entry.find(f"{A}summary").get("type") == "text"
    assert len({e.findtext(f"{A}id") for e in entries}) == 8


def test_atom_entries_are_newest_first_with_summaries_and_topics(corpus_pages: dict[str, str]) -> None:
    feed = ET.fromstring(corpus_pages["feed.xml"].encode("utf-8"))
    entries = feed.findall(f"{A}entry")
    data = annotations()
    first = entries[0]
    assert first.findtext(f"{A}title") == data["battle-never-fought-before"]["title"]  # the newest brief
    # its source gives the month only: no invented midnight on the 1st, the month as written
    assert first.find(f"{A}published") is None
    assert first.findtext("{http://purl.org/dc/terms/}issued") == "2025-01"
    dated = {
        e.findtext(f"{A}title"): e.findtext(f"{A}published") for e in entries if e.find(f"{A}published") is not None
    }
    days = {
        d["title"]: f"{d['source']['published']}T00:00:00Z"
        for d in data.values()
        if len(d["source"].get("published", "")) == 10
    }
    assert dated == days and len(days) == 3
    summaries = {e.findtext(f"{A}summary") for e in entries}
    assert {" ".join(d["summary"].split()) for d in data.values()} == summaries


# --- JSON Feed -----------------------------------------------------------------------------------------------------


def test_json_feed_is_valid_json_feed_1_1(corpus_pages: dict[str, str]) -> None:
    feed = json.loads(corpus_pages["feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "A <briefing> & co"
    assert feed["home_page_url"] == "https://example.github.io/briefing/"
    assert feed["feed_url"] == "https://example.github.io/briefing/feed.json"
    assert len(feed["items"]) == 8
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item["url"].startswith("https://example.github.io/briefing/briefs/") and item["url"].endswith("/")
        assert item["content_text"] == item["summary"]
        assert set(item) <= {"id", "url", "external_url", "title", "summary", "content_text", "date_published"} | {
            "authors",
            "tags",
            "language",
            "_briefing",
        }
        if "date_published" in item:
            assert RFC3339.match(item["date_published"])
    assert "date_published" not in feed["items"][0]  # a month-only date has no true timestamp
    assert feed["items"][0]["_briefing"] == {"published": "2025-01"}
    assert feed["language"] == "en"


def test_feedparser_reads_dates_at_their_precision_language_and_source_links(corpus_pages: dict[str, str]) -> None:
    """What a feed reader sees: a day-dated brief published that day, a month-dated one as the month, an undated
    one with no date of its own, the feed's language, and each entry's link to its source article."""
    import feedparser

    data = annotations()
    parsed = feedparser.parse(corpus_pages["feed.xml"])
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.get("language") == "en"
    by_title = {e.title: e for e in parsed.entries}
    for slug, annotation in data.items():
        entry = by_title[" ".join(annotation["title"].split())]
        published = annotation["source"].get("published")
        links = {link.get("rel"): link.get("href") for link in entry.links}
        if annotation["source"].get("url"):
            assert links.get("related") == annotation["source"]["url"], slug
        if published and len(published) == 10:
            assert entry.published.startswith(published), slug
        elif published:
            assert entry.get("published") == published, slug  # dcterms:issued, as written
        else:
            assert "published" not in entry, slug


def test_an_undated_brief_has_no_date_of_its_own_and_a_day_keeps_its_day() -> None:
    corpus = link(
        [_brief("undated"), _brief("day", source=Source(published=PartialDate(2024, 5, 7)))], {"x": Topic("x", "X")}, {}
    )
    items = {i["title"]: i for i in json.loads(json_feed(corpus, SITE))["items"]}
    assert set(items["undated"]) & {"date_published", "_briefing"} == set()
    assert items["day"]["date_published"] == "2024-05-07T00:00:00Z"
    entries = {e.findtext(f"{A}title"): e for e in ET.fromstring(atom(corpus, SITE)).findall(f"{A}entry")}
    assert entries["undated"].find(f"{A}published") is None
    assert entries["undated"].find("{http://purl.org/dc/terms/}issued") is None
    assert entries["day"].findtext(f"{A}published") == "2024-05-07T00:00:00Z"


def _brief(slug: str, **fields: object) -> Brief:
    base: dict = {
        "slug": slug,
        "title": slug,
        "source": Source(),
        "summary": "s",
        "article_text": "a",
        "topics": ("x",),
    }
    return Brief(**(base | fields))


def test_feeds_leave_out_drafts_and_link_relatively_without_a_site_url() -> None:
    corpus = link([_brief("one"), _brief("two", status="draft")], {"x": Topic("x", "X")}, {})
    feed = json.loads(json_feed(corpus, SiteInfo()))
    assert [i["id"] for i in feed["items"]] == ["urn:briefing:one"]
    assert feed["items"][0]["url"] == "briefs/one/"
    assert "feed_url" not in feed and "home_page_url" not in feed
    entries = ET.fromstring(atom(corpus, SiteInfo())).findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == ["urn:briefing:one"]
    assert entries[0].findtext(f"{A}updated") == "1970-01-01T00:00:00Z"  # no dates anywhere, no clock


def test_feed_date_comes_from_source_date_epoch_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = link([_brief("one", source=Source(published=PartialDate(2024, 5)))], {"x": Topic("x", "X")}, {})
    assert ET.fromstring(atom(corpus, SITE)).findtext(f"{A}updated") == "2024-05-01T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1736553600")
    assert ET.fromstring(atom(corpus, SITE)).findtext(f"{A}updated") == "2025-01-11T00:00:00Z"


def test_feeds_strip_characters_xml_cannot_hold() -> None:
    corpus = link([_brief("one", title="bell\x07 and \x0bvtab")], {"x": Topic("x", "X")}, {})
    assert ET.fromstring(atom(corpus, SITE)).find(f"{A}entry").findtext(f"{A}title") == "bell and vtab"


# --- open data -----------------------------------------------------------------------------------------------------


def test_briefs_json_holds_every_annotation_with_parsed_figures(corpus_pages: dict[str, str]) -> None:
    data = json.loads(corpus_pages["data/briefs.json"])
    assert data["format"] == 1
    by_slug = {b["slug"]: b for b in data["briefs"]}
    for slug, annotation in annotations().items():
        brief = by_slug[slug]
        assert brief["title"] == annotation["title"]
        assert brief["url"] == f"https://example.github.io/briefing/briefs/{slug}/"
        assert [f["value"] for f in brief["key_figures"]] == [f["value"] for f in annotation.get("key_figures") or []]
        assert [q["text"] for q in brief["quotes"]] == [" ".join(q["text"].split()) for q in annotation["quotes"]]
        assert [e["date"] for e in brief["events"]] == [e["date"] for e in annotation.get("events") or []]
        assert len(brief["topics"]) == len(annotation["topics"])
    figure = next(f for f in by_slug["nk-defectors-volunteer-for-ukraine"]["key_figures"] if "12,000" in f["value"])
    assert figure["parsed"] == {"kind": "range", "low": 10000, "high": 12000, "unit": None, "approximate": False}
    event = by_slug["battle-never-fought-before"]["events"][1]
    assert event == {
        "date": "2024-06-19",
        "precision": "day",
        "what": "Putin and Kim Jong Un sign a military treaty",
        "sentence": "On June 19th, Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a "
        "military treaty.",
        "topics": ["Russia–North Korea military treaty"],
    }
    assert {t["slug"] for t in data["topics"]} >= {"north-korea", "kursk"}
    assert {m["id"] for m in data["metrics"]} >= {"nk-troops-deployed"}


def test_briefs_json_has_sorted_keys(corpus_pages: dict[str, str]) -> None:
    text = corpus_pages["data/briefs.json"]
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def test_figures_csv_has_one_row_per_figure(corpus_pages: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(corpus_pages["data/figures.csv"])))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == sum(len(a.get("key_figures") or []) for a in annotations().values())
    row = next(r for r in rows if r["value"] == "at least 11,000")
    assert (row["kind"], row["low"], row["high"], row["metric"]) == ("at_least", "11000", "", "nk-troops-deployed")
    assert row["metric_label"] == "North Korean troops deployed to Russia"
    assert next(r for r in rows if r["value"] == "$2000")["unit"] == "USD"
    assert {r["approximate"] for r in rows} == {"true", "false"}


def test_approximate_is_a_boolean_from_the_value_or_the_hedge_its_label_quotes() -> None:
    figures = (
        Figure("3,000", 'Soldiers killed ("about")'),
        Figure("3,000", "Troops stationed around Kursk over the past month"),
        Figure("nearly 3,000", "Soldiers killed"),
        Figure("3,000", 'Soldiers killed ("at least")'),
    )
    corpus = link([_brief("one", figures=figures)], {"x": Topic("x", "X")}, {})
    rows = list(csv.DictReader(io.StringIO(figures_csv(corpus, SiteInfo()))))
    assert [r["approximate"] for r in rows] == ["true", "false", "true", "false"]
    data = json.loads(briefs_json(corpus, SiteInfo()))
    assert [f["parsed"]["approximate"] for f in data["briefs"][0]["key_figures"]] == [True, False, True, False]


def test_figures_csv_defuses_spreadsheet_formulas() -> None:
    corpus = link([_brief("one", title="=HYPERLINK(1)", figures=(Figure("-x", "@SUM(1)"), Figure("-5", "+1")))], {}, {})
    rows = list(csv.reader(io.StringIO(figures_csv(corpus, SiteInfo()))))[1:]
    assert [(r[1], r[6], r[7]) for r in rows] == [
        ("'=HYPERLINK(1)", "'-x", "'@SUM(1)"),
        ("'=HYPERLINK(1)", "-5", "'+1"),
    ]


def test_feeds_and_data_are_byte_identical_run_to_run() -> None:
    first = render_site(check(Project.at(REPO))[0], site=SITE)
    second = render_site(check(Project.at(REPO))[0], site=SITE)
    for path in ("feed.xml", "feed.json", "data/briefs.json", "data/figures.csv"):
        assert first[path] == second[path]
    assert briefs_json(check(Project.at(REPO))[0], SITE) == first["data/briefs.json"]


# --- site settings from mkdocs.yml, without MkDocs -----------------------------------------------------------------


def test_site_info_reads_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: My <site>\nsite_url: https://me.github.io/x/\nuse_directory_urls: false\n"
        "extra:\n  key: !ENV [HOME, 'x']\nplugins:\n  - search\nmarkdown_extensions:\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        "utf-8",
    )
    assert site_info(config) == SiteInfo("https://me.github.io/x/", "My <site>", False)


@pytest.mark.parametrize("text", ["", "- a list\n", "site_url: [1, 2]\nsite_name: 3\n", "{{{ not yaml"])
def test_site_info_defaults_when_mkdocs_yml_says_nothing_usable(tmp_path: Path, text: str) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, "utf-8")
    assert site_info(config) == SiteInfo()
    assert site_info(tmp_path / "missing.yml") == SiteInfo()


def test_project_reads_the_repository_site_settings() -> None:
    assert Project.at(REPO).site.url == "https://example.github.io/briefing/"
    assert Project.at(REPO, site=SiteInfo()).site == SiteInfo()
