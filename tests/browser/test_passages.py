"""Provenance a reader can click, in headless Chromium: a quote's or figure's "in the article" link lands on its
marked words in the article (in view, visibly marked), with and without JavaScript, in both colour schemes and on
paper; and a URL text fragment built for the source opens a served copy of the article at the same words."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.model import Brief, Quote, Source
from generator.pages.passages import locate, source_url

from ..conftest import REPO
from .conftest import Tab, serve

pytestmark = pytest.mark.browser

UPGRADES = "nk-upgrades-army-in-ukraine"
PHONE = {"width": 390, "height": 844}


def assert_in_view(page: Page, target: Locator) -> None:
    """The element is drawn, marked (a background of its own) and wholly inside the viewport, below the header."""
    expect(target).to_be_visible()
    page.wait_for_function(
        """el => { const r = el.getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= window.innerHeight; }""",
        arg=target.element_handle(),
    )
    box, viewport = target.bounding_box(), page.viewport_size
    assert box and viewport and box["width"] > 0 and box["height"] > 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (box, viewport)
    header = page.locator("header.md-header")
    if header.count():
        header_box = header.bounding_box()
        assert header_box is None or box["y"] >= header_box["y"] + header_box["height"] - 1, (box, header_box)
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background


def _mark(page: Page, anchor: str) -> Locator:
    return page.locator(f"article .bf-article mark#{anchor}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_quote_link_lands_on_its_highlighted_words(new_tab: Callable[..., Tab], site_url: str, scheme: str) -> None:
    tab = new_tab(site_url, color_scheme=scheme)
    page = tab.page
    tab.goto(f"{site_url}briefs/{UPGRADES}/")
    quote = page.locator("article figure.bf-quote").nth(1)
    words = quote.locator("blockquote").inner_text()
    quote.get_by_role("link", name="in the article").click()
    expect(page).to_have_url(re.compile(r"#quote-2$"))
    mark = _mark(page, "quote-2")
    expect(mark).to_have_text(words)
    assert_in_view(page, mark)
    assert mark.evaluate("el => el.closest('p').id") == "p-10"
    tab.assert_clean()


def test_a_key_figure_link_lands_on_its_highlighted_number_on_a_phone(
    new_tab: Callable[..., Tab], site_url: str
) -> None:
    tab = new_tab(site_url, viewport=PHONE)
    page = tab.page
    tab.goto(f"{site_url}briefs/{UPGRADES}/")
    row = page.locator("article table tr", has_text="1.3 million")
    row.get_by_role("link", name="in the article").click()
    expect(page).to_have_url(re.compile(r"#figure-2$"))
    mark = _mark(page, "figure-2")
    expect(mark).to_have_text("1.3 million")
    assert_in_view(page, mark)
    tab.assert_clean()


def test_topic_and_figures_pages_lead_to_the_same_passages(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(f"{site_url}topics/north-korea/")
    quote = page.locator("article figure.bf-quote", has_text="good infantryman")
    quote.get_by_role("link", name="in the article").click()
    expect(page).to_have_url(re.compile(rf"/briefs/{UPGRADES}/#quote-2$"))
    assert_in_view(page, _mark(page, "quote-2"))
    tab.goto(f"{site_url}figures/")
    row = page.locator("article table tr", has_text="at least 11,000")
    row.get_by_role("link", name="in the article").click()
    expect(page).to_have_url(re.compile(rf"/briefs/{UPGRADES}/#figure-1$"))
    mark = _mark(page, "figure-1")
    expect(mark).to_have_text("at least 11,000")
    assert_in_view(page, mark)
    tab.assert_clean()


def test_without_javascript_plain_anchors_and_target_styling_do_it(new_tab: Callable[..., Tab], site_url: str) -> None:
    tab = new_tab(site_url, java_script_enabled=False)
    page = tab.page
    page.goto(f"{site_url}briefs/{UPGRADES}/")
    page.locator("article figure.bf-quote").nth(2).get_by_role("link", name="in the article").click()
    expect(page).to_have_url(re.compile(r"#quote-3$"))
    mark = _mark(page, "quote-3")
    assert_in_view(page, mark)
    assert page.evaluate("document.querySelector(':target').id") == "quote-3"
    assert mark.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"  # :target stands out
    # on paper, the brief plus the paragraph jumped to, its words still marked
    page.emulate_media(media="print")
    expect(mark).to_be_visible()
    expect(page.locator("#p-2")).to_be_hidden()
    expect(page.locator("#full-article")).to_be_hidden()
    assert mark.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"
    assert mark.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_source_link_opens_a_served_copy_of_the_article_at_the_quoted_words(
    new_tab: Callable[..., Tab], tmp_path: Path
) -> None:
    """Chromium scrolls to the text fragment built for the source (a long quote, so `start,end`; curly quotes and
    commas percent-encoded) on a local copy of the article laid out as its own page."""
    text = (REPO / "briefs" / f"{UPGRADES}.txt").read_text("utf-8")
    words = "They are young, motivated, physically fit, brave, and good at using small arms."
    brief = Brief(UPGRADES, "T", Source(url="x"), "S", text, quotes=(Quote(words, "s"),))
    passage = locate(brief).quotes[0]
    assert passage is not None
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    (tmp_path / "article.html").write_text(
        '<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>Copy</title>'
        f"<style>p {{ margin: 0 0 1.5em; font: 18px/1.6 serif; }}</style><body>{paragraphs}</body></html>",
        "utf-8",
    )
    with serve(tmp_path) as base:
        url = source_url(f"{base}article.html", passage)
        assert ",good%20at%20using%20small" not in url and "#:~:text=They%20are%20young%2C%20motivated%2C," in url
        tab = new_tab(base, viewport=PHONE)
        page = tab.page
        page.goto(f"{base}article.html#:~:text=words%20in%20no%20paragraph", wait_until="load")
        page.wait_for_timeout(500)
        assert page.evaluate("window.scrollY") == 0  # the control: a fragment that matches nothing does not scroll
        page.goto(url, wait_until="load")
        page.wait_for_function("window.scrollY > 0", timeout=5_000)
        target = page.locator("p", has_text=words)
        assert_paragraph_start_in_view(page, target)
        tab.assert_clean()


def assert_paragraph_start_in_view(page: Page, target: Locator) -> None:
    top = target.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"], top
