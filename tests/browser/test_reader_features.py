"""Reader features in headless Chromium: the topic map, figure charts, the timeline, feeds and printing a brief."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import expect

from generator.build import Project, check
from generator.stages.load import annotation_paths

from ..conftest import REPO
from .conftest import Tab, section_link

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SLUGS = [p.stem for p in annotation_paths(REPO / "briefs")]
TOPICS = check(Project.at(REPO))[0].topics


def test_map_renders_and_clicking_a_node_opens_its_topic_page(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(site_url)
    section_link(page, "Map").click()
    expect(page).to_have_url(re.compile(r"/map/$"))
    svg = page.locator("article figure.bf-map svg")
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 300, box
    nodes = page.locator("article a.bf-node")
    expect(nodes).to_have_count(len(TOPICS))
    for circle in nodes.locator("circle").all():  # every node drawn, inside the picture
        inner = circle.bounding_box()
        assert inner and inner["width"] > 5
        assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"] + 1
    ARTIFACTS.mkdir(exist_ok=True)
    svg.screenshot(path=ARTIFACTS / "topic-map.png")
    page.locator("article a.bf-node[aria-label^='Kursk:'] circle").click()
    expect(page).to_have_url(re.compile(r"/topics/kursk/$"))
    expect(page.locator("article h1")).to_contain_text("Kursk")
    tab.assert_clean()


def test_map_nodes_work_from_the_keyboard(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(f"{site_url}map/")
    first = page.locator("article a.bf-node").first
    first.focus()
    expect(first).to_be_focused()
    page.keyboard.press("Tab")
    second = page.locator("article a.bf-node").nth(1)
    expect(second).to_be_focused()
    name = second.get_attribute("aria-label").split(":")[0]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/topics/[a-z0-9-]+/$"))
    expect(page.locator("article h1")).to_contain_text(name)
    tab.assert_clean()


def test_figure_charts_render_values_on_a_shared_scale(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(f"{site_url}figures/")
    charts = page.locator("article figure.bf-chart svg[role=img]")
    expect(charts).to_have_count(3)
    chart = page.locator("#nk-troops-deployed").locator("xpath=following::*[local-name()='svg'][1]")
    expect(chart).to_be_visible()
    chart.scroll_into_view_if_needed()
    rows = chart.locator("g.bf-row")
    expect(rows).to_have_count(8)

    def mark_x(row: int) -> float:
        box = rows.nth(row).locator("circle, line.bf-range").first.bounding_box()
        assert box
        return box["x"] + box["width"] / 2

    # newest first: 10,000 (four sources) / 11,000 / at least 11,000 / 10,000 and 12,000 / 12,000
    assert mark_x(0) == mark_x(3) < mark_x(4) < mark_x(7)
    assert abs(mark_x(6) - mark_x(4)) < 2  # the range is centred on 11,000
    assert rows.nth(5).locator("path.bf-arrow").count() == 1
    fill = rows.nth(0).locator("circle").evaluate("el => getComputedStyle(el).fill")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert fill not in ("none", background), fill
    assert "at least 11,000" in (chart.get_attribute("aria-label") or "")
    chart.screenshot(path=ARTIFACTS / "figure-chart.png")
    tab.goto(f"{site_url}topics/north-korea/")
    expect(page.locator("article figure.bf-chart svg").first).to_be_visible()
    tab.assert_clean()


def test_timeline_tab_lists_events_and_links_them_to_briefs(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(site_url)
    section_link(page, "Timeline").click()
    expect(page).to_have_url(re.compile(r"/timeline/$"))
    row = page.locator("article li", has_text="October 2024")
    expect(row).to_have_count(1)
    expect(page.locator("article table")).to_have_count(0)  # a list per year, no header row under every year
    expect(row.locator("a")).to_have_count(2)
    row.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/briefs/battle-never-fought-before/$"))
    tab.assert_clean()


def test_feeds_are_discoverable_from_a_page(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(f"{site_url}briefs/{SLUGS[0]}/")
    for kind, needle in (("application/atom+xml", "<feed"), ("application/feed+json", "jsonfeed.org")):
        href = page.locator(f"head link[rel=alternate][type='{kind}']").evaluate("el => el.href")
        response = page.request.get(href)
        assert response.ok and needle in response.text()
    tab.assert_clean()


@pytest.mark.parametrize("slug", SLUGS)
def test_a_brief_prints_on_one_clean_page(tab: Tab, site_url: str, slug: str) -> None:
    page = tab.page
    tab.goto(f"{site_url}briefs/{slug}/")
    left_out = (".md-header", ".md-sidebar--primary", "#full-article", ".md-footer")
    for hidden in left_out:  # on screen first, so that hidden in print cannot mean missing
        expect(page.locator(hidden).first).to_be_visible()
    page.emulate_media(media="print")
    for hidden in left_out:
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("#summary")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"{slug} prints on {pages} pages"
    if slug == "nk-upgrades-army-in-ukraine":
        (ARTIFACTS / f"print-{slug}.pdf").write_bytes(pdf)
    tab.assert_clean()


def test_a_brief_on_a_phone_starts_with_its_title(new_tab: Callable[..., Tab], site_url: str) -> None:
    """The topic chips the theme puts above the title are left to the brief's Topics list on a phone."""
    tab = new_tab(site_url, viewport={"width": 390, "height": 844})
    tab.goto(f"{site_url}briefs/{SLUGS[0]}/")
    first = tab.page.evaluate(
        "() => [...document.querySelector('article').children].find(e => e.getClientRects().length).tagName"
    )
    assert first == "H1"
    title = tab.page.locator("article h1").bounding_box()
    assert title is not None and title["y"] < 150, title
    expect(tab.page.locator("article #topics + ul a").first).to_be_visible()  # the topics are still there
    tab.assert_clean()
