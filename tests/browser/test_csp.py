"""The Content-Security-Policy in Chromium: every page kind carries it and runs under it with no violation (search,
the palette toggle, charts and the map included), and what an escaping failure could smuggle into a page (an
inline script, an event handler, a javascript: link, an inline style) is blocked and reported."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from bench import browser as bench_browser
from generator.mkdocs import csp

from .conftest import PAGE_KINDS, Tab
from .test_site_in_browser import UPGRADES, search, search_results

pytestmark = pytest.mark.browser

POLICY = csp.policy()


def _policy_of(page: Page) -> list[str]:
    return page.locator("meta[http-equiv='Content-Security-Policy']").evaluate_all("metas => metas.map(m => m.content)")


def _material_started(page: Page) -> None:
    """The site's own scripts ran: Material's scope (from a file now), its bundle, and its components."""
    page.wait_for_function("() => typeof __md_get === 'function' && typeof document$ === 'object'")
    expect(page.locator("html.js")).to_have_count(1)  # Material's bundle swaps no-js for js


def test_every_page_kind_carries_the_policy_and_runs_without_violation(new_tab: Callable[..., Tab], site: Path) -> None:
    with bench_browser.serve_site(site) as base:  # under /briefing/, as GitHub Pages serves it (404.html needs it)
        tab = new_tab(base)
        for kind, path in PAGE_KINDS.items():
            tab.goto(base + path)
            assert _policy_of(tab.page) == [POLICY], kind
            _material_started(tab.page)
        assert not tab.violations
        tab.assert_clean()


def test_the_built_site_has_no_inline_script_or_style(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= len(PAGE_KINDS)
    for page in pages:
        html = page.read_text("utf-8")
        assert html.count(csp.meta_tag(POLICY)) == 1, page
        assert csp.blocked_inline(html) == [], page
        assert html.index("Content-Security-Policy") < html.index("<script"), page  # before any script runs


def test_search_palette_charts_and_map_work_under_the_policy(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(site_url)
    search(page, "infantryman")  # Material's search: its worker and its index, under worker-src and connect-src
    hit = search_results(page).locator(f"a[href*='briefs/{UPGRADES}/']").first
    expect(hit).to_be_visible()
    hit.click()  # instant navigation: the next page's scripts run again, from files
    expect(page).to_have_url(re.compile(rf"/briefs/{UPGRADES}/"))
    _material_started(page)

    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme !== s", arg=scheme)

    tab.goto(f"{site_url}figures/")
    expect(page.locator("article svg").first).to_be_visible()  # charts: inline SVG, no script or style needed
    tab.goto(f"{site_url}map/")
    page.locator("article a.bf-node").first.click()
    expect(page).to_have_url(re.compile(r"/topics/[a-z0-9-]+/$"))
    assert not tab.violations
    tab.assert_clean()


INJECTED = (
    "<script>window.__injected = 'script'</script>"
    "<img id=bf-handler src=data:, onload=\"window.__injected = 'handler'\">"
    "<a id=bf-link href=\"javascript:window.__injected = 'link'\">link</a>"
    '<p id=bf-styled style="color: rgb(255, 0, 0)">styled</p>'
    "<style>#bf-styled { font-size: 97px }</style>"
)


def test_what_an_escaping_failure_could_inject_is_blocked_and_reported(
    new_tab: Callable[..., Tab], site_url: str
) -> None:
    tab = new_tab(site_url)
    page = tab.page
    brief = f"{site_url}briefs/{UPGRADES}/"

    def inject(route: Route) -> None:  # the page as if the generator had let markup through into its article
        response = route.fetch()
        article = '<article class="md-content__inner md-typeset">'
        html = response.text()
        assert article in html
        route.fulfill(response=response, body=html.replace(article, article + INJECTED, 1))

    page.route(brief, inject)
    tab.goto(brief)
    page.locator("#bf-link").click()
    page.evaluate(  # and a script added later by the page's own code (DevTools' evaluate is not the page's)
        "() => { const s = document.createElement('script'); s.textContent = \"window.__injected = 'dynamic'\";"
        " document.body.append(s); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.__injected") is None
    styled = page.locator("#bf-styled")
    assert styled.evaluate("e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    assert styled.evaluate("e => getComputedStyle(e).fontSize") != "97px"

    directives = sorted({v["directive"] for v in tab.violations})
    assert directives == ["script-src-attr", "script-src-elem", "style-src-attr", "style-src-elem"], tab.violations
    blocked = [p for p in tab.problems if p.startswith("console error:") and "Content Security Policy" in p]
    assert len(blocked) >= 5, tab.problems  # Chromium says so in the console too: the other tests would see it
    _material_started(page)  # and the site's own scripts still ran
