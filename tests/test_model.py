"""generator.model: partial dates and the order of briefs."""

from __future__ import annotations

import dataclasses

import pytest

from generator.model import Brief, Corpus, PartialDate, SiteInfo, Source


def brief(slug: str, published: str | None = None, title: str | None = None, status: str = "published") -> Brief:
    date = PartialDate.parse(published) if published else None
    return Brief(slug, title or slug.title(), Source(published=date), "summary", "article", status=status)


# --- PartialDate ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", PartialDate(2024)),
        ("2024-05", PartialDate(2024, 5)),
        ("2024-05-07", PartialDate(2024, 5, 7)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
        ("1999-12-31", PartialDate(1999, 12, 31)),
        ("0001-01-01", PartialDate(1, 1, 1)),
    ],
)
def test_parse(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected
    assert PartialDate.parse(text).iso() == text


@pytest.mark.parametrize(
    "text", ["2024-02-30", "2023-02-29", "2024-13", "2024-04-31", "2024-12-32", "0000", "", "2024-", "May", "20x4"]
)
def test_parse_impossible_date_raises(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["2024-00", "2024-00-05", "2024-02-00"])
def test_parse_zero_month_or_day_raises(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_parse_rejects_extra_parts() -> None:
    with pytest.raises(ValueError):
        PartialDate.parse("2024-01-02-03")


@pytest.mark.parametrize(
    ("date", "human"),
    [
        (PartialDate(2024), "2024"),
        (PartialDate(2024, 1), "January 2024"),
        (PartialDate(2024, 12), "December 2024"),
        (PartialDate(2024, 5, 7), "7 May 2024"),
        (PartialDate(2025, 9, 30), "30 September 2025"),
    ],
)
def test_human(date: PartialDate, human: str) -> None:
    assert date.human() == human


@pytest.mark.parametrize(
    ("date", "iso"),
    [(PartialDate(2024), "2024"), (PartialDate(2024, 1), "2024-01"), (PartialDate(987, 3, 4), "0987-03-04")],
)
def test_iso(date: PartialDate, iso: str) -> None:
    assert date.iso() == iso


def test_partial_date_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        PartialDate(2024).year = 2025  # type: ignore[misc]


# --- Brief ---------------------------------------------------------------------------------------------------------


def test_sort_key_newest_first_undated_last() -> None:
    briefs = [
        brief("old", "2019-03-01"),
        brief("undated-b", None, "Beta"),
        brief("newest", "2025-01-15"),
        brief("mid", "2024-06"),
        brief("undated-a", None, "alpha"),
        brief("year", "2022"),
        brief("early-2024", "2024-01-02"),
    ]
    ordered = [b.slug for b in sorted(briefs, key=lambda b: b.sort_key)]
    assert ordered == ["newest", "mid", "early-2024", "year", "old", "undated-a", "undated-b"]


def test_sort_key_same_date_orders_by_title_ignoring_case() -> None:
    briefs = [brief("c", "2024-05-07", "charlie"), brief("a", "2024-05-07", "Alpha"), brief("b", "2024-05-07", "BRAVO")]
    assert [b.slug for b in sorted(briefs, key=lambda b: b.sort_key)] == ["a", "b", "c"]


def test_sort_key_dated_before_undated_even_if_ancient() -> None:
    dated, undated = brief("dated", "0001"), brief("undated", None, "AAA")
    assert dated.sort_key < undated.sort_key


def test_is_draft() -> None:
    assert brief("d", status="draft").is_draft
    assert not brief("p").is_draft


def test_corpus_brief_by_slug() -> None:
    a, b = brief("a"), brief("b")
    corpus = Corpus(briefs=(a, b), topics={}, briefs_by_topic={}, related={})
    assert corpus.brief("b") is b
    with pytest.raises(KeyError):
        corpus.brief("missing")


@pytest.mark.parametrize(
    ("date", "precision"),
    [(PartialDate(2024), "year"), (PartialDate(2024, 5), "month"), (PartialDate(2024, 5, 7), "day")],
)
def test_precision(date: PartialDate, precision: str) -> None:
    assert date.precision == precision


# --- SiteInfo: page addresses for raw-HTML links, feeds and permalinks ----------------------------------------------


@pytest.mark.parametrize(
    ("page", "directory", "flat"),
    [
        ("index.md", "", "index.html"),
        ("topics/index.md", "topics/", "topics/index.html"),
        ("topics/kursk.md", "topics/kursk/", "topics/kursk.html"),
        ("map.md", "map/", "map.html"),
    ],
)
def test_page_url(page: str, directory: str, flat: str) -> None:
    assert SiteInfo().page_url(page) == directory
    assert SiteInfo(directory_urls=False).page_url(page) == flat


@pytest.mark.parametrize(
    ("source", "target", "directory", "flat"),
    [
        ("map.md", "topics/kursk.md", "../topics/kursk/", "topics/kursk.html"),
        ("topics/kursk.md", "map.md", "../../map/", "../map.html"),
        ("map.md", "index.md", "../", "index.html"),
        ("index.md", "topics/index.md", "topics/", "topics/index.html"),
        ("briefs/a.md", "briefs/a.md", "./", "a.html"),
    ],
)
def test_relative_link_between_pages(source: str, target: str, directory: str, flat: str) -> None:
    assert SiteInfo().link(source, target) == directory
    assert SiteInfo(directory_urls=False).link(source, target) == flat


def test_absolute_addresses_need_a_site_url() -> None:
    assert SiteInfo().absolute("briefs/a.md") is None
    assert SiteInfo("https://x.github.io/b").absolute("briefs/a.md") == "https://x.github.io/b/briefs/a/"
    assert SiteInfo("https://x.github.io/b/").absolute("index.md") == "https://x.github.io/b/"
