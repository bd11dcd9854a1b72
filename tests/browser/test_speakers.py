"""Who said what, in headless Chromium: the Speakers tab, a quote's speaker link to the speaker's page, and the
side-by-side view of one quote as two sources give it (words struck and underlined, distinguishable without colour,
readable in both colour schemes, one column on a phone and two on a desktop)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from .conftest import Tab, section_link

pytestmark = pytest.mark.browser

DOD_NEWS = "briefs/dod-news-north-koreans-may-soon-fight/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_speakers_tab_lists_the_most_quoted_first_and_opens_a_speaker(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(site_url)
    section_link(page, "Speakers").click()
    expect(page).to_have_url(re.compile(r"/speakers/$"))
    first = page.locator("article table tbody tr").first
    expect(first.locator("td").nth(1)).to_have_text("5")
    first.get_by_role("link", name="Lloyd J. Austin III").click()
    expect(page).to_have_url(re.compile(r"/speakers/lloyd-j-austin-iii/$"))
    expect(page.locator("article figure.bf-speaker-quote")).to_have_count(5)
    tab.assert_clean()


def test_a_quotes_speaker_link_leads_to_every_quote_of_that_speaker(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(f"{site_url}{DOD_NEWS}")
    quote = page.locator("article figure.bf-quote").first
    words = quote.locator("blockquote").inner_text()
    link = quote.locator("a.bf-speaker-link")
    expect(link).to_have_text("Austin")
    link.click()
    expect(page).to_have_url(re.compile(r"/speakers/lloyd-j-austin-iii/$"))
    listed = page.locator("article figure.bf-speaker-quote").filter(has_text=words)
    expect(listed).to_have_count(1)
    # and back to the quote's marked words on the brief
    listed.get_by_role("link", name="in the article").click()
    expect(page).to_have_url(re.compile(r"/briefs/dod-news-north-koreans-may-soon-fight/#quote-1$"))
    expect(page.locator("article .bf-article mark#quote-1")).to_have_text(words)
    tab.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_diff_view_shows_both_versions_with_their_words_marked(
    new_tab: Callable[..., Tab], site_url: str, scheme: str, size: dict[str, int]
) -> None:
    tab = new_tab(site_url, color_scheme=scheme, viewport=size)
    page = tab.page
    tab.goto(f"{site_url}{DOD_NEWS}")
    compare = page.locator("article div.bf-compare").first
    compare.scroll_into_view_if_needed()
    mine, theirs = compare.locator("figure.bf-version-mine"), compare.locator("figure.bf-version-theirs")
    expect(mine).to_be_visible()
    expect(theirs).to_be_visible()
    changed = mine.locator("del.bf-diff-changed")
    expect(changed).to_have_text("[the]")
    trimmed = theirs.locator("ins.bf-diff-trimmed")
    expect(trimmed).to_have_text("And")
    style = "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.textDecorationStyle, s.backgroundColor, s.color]; }"  # noqa: E501
    line, _, background, colour = changed.evaluate(style)
    assert "line-through" in line and background not in ("rgba(0, 0, 0, 0)", "transparent")
    line, decoration, _, _ = trimmed.evaluate(style)
    assert "underline" in line and decoration == "dotted"  # told apart from a changed word without colour
    assert _contrast(colour, background) >= 4.5, (colour, background)
    a, b = mine.bounding_box(), theirs.bounding_box()
    assert a and b
    if size is PHONE:
        assert b["y"] >= a["y"] + a["height"] - 1  # one column: the other version below
    else:
        assert abs(a["y"] - b["y"]) < 2 and b["x"] > a["x"] + a["width"] - 1  # side by side
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], width  # no sideways scroll
    tab.assert_clean()


def _contrast(foreground: str, background: str) -> float:
    """WCAG contrast of two computed rgb()/rgba() colours (an alpha foreground blended onto the background)."""

    def parse(colour: str) -> tuple[float, ...]:
        values = [float(v) for v in re.findall(r"[\d.]+", colour)]
        return tuple(values[:3]) + ((values[3],) if len(values) > 3 else (1.0,))

    def luminance(rgb: tuple[float, ...]) -> float:
        def channel(c: float) -> float:
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in rgb[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    fg, bg = parse(foreground), parse(background)
    blended = tuple(f * fg[3] + b * (1 - fg[3]) for f, b in zip(fg[:3], bg[:3], strict=True))
    high, low = sorted((luminance(blended), luminance(bg[:3])), reverse=True)
    return (high + 0.05) / (low + 0.05)
