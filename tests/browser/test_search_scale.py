"""Pagefind's search in the built site, as a reader uses it: a synthetic corpus built with --search pagefind and
served under a sub-path the way GitHub Pages serves a project site (/briefing/)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from bench import browser as bench_browser
from bench import corpus
from generator.mkdocs import csp

from ..conftest import REPO, run
from .conftest import Tab, search_opener

pytestmark = pytest.mark.browser

BRIEFS = 40


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("pagefind") / "project"
    corpus.write_corpus(project, BRIEFS, REPO)
    result = run(["briefing", "build", "--search", "pagefind"], cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def base(pagefind_site: Path) -> Iterator[str]:
    with bench_browser.serve_site(pagefind_site) as url:
        yield url


def _title_query() -> dict:
    return next(q for q in corpus.known_queries(BRIEFS) if q["kind"] == "title")


def _box(page: Page) -> Locator:
    """Pagefind's query box, inside the project's #briefing-search."""
    ui = page.locator("#briefing-search")
    box = ui.get_by_role("textbox").or_(ui.get_by_role("searchbox"))
    expect(box).to_have_count(1)
    return box


def _results(page: Page) -> Locator:
    """The result links Pagefind lists inside the project's #briefing-search (each result, then its sections)."""
    return page.locator("#briefing-search").get_by_role("link")


def test_search_finds_a_brief_and_its_link_keeps_the_sub_path(new_tab: Callable[..., Tab], base: str) -> None:
    tab = new_tab(base)
    page = tab.page
    tab.goto(base)
    # Pagefind compiles its WebAssembly: its site's policy allows that (never JavaScript's eval), nothing more
    policy = page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert policy == csp.policy(wasm=True) == csp.policy().replace("'self'", "'self' 'wasm-unsafe-eval'", 1)
    query = _title_query()
    page.locator(".briefing-search__opener input").click()
    box = _box(page)
    expect(box).to_be_focused()
    # a label, not only the placeholder and title Pagefind gives it (axe and some screen readers want a label)
    expect(box).to_have_attribute("aria-label", "Search")
    box.press_sequentially(query["query"], delay=20)
    first = _results(page).first
    expect(first).to_have_attribute("href", re.compile(rf"^/briefing/{re.escape(query['expect'])}"))
    first.click()
    expect(page).to_have_url(re.compile(rf"/briefing/{re.escape(query['expect'])}(#.*)?$"))
    expect(page.locator("article h1")).to_be_visible()
    tab.assert_clean()


def test_first_search_downloads_under_1_mb_and_never_materials_index(browser: Browser, base: str) -> None:
    query = _title_query()
    first = bench_browser.first_search(browser, base, "pagefind", query["query"])
    assert not first["problems"]
    assert first["results"][0] == query["expect"]
    assert 0 < first["search_bytes"] < 1_000_000
    assert first["search_requests"] > 0


def test_slash_opens_search_and_escape_closes_it(new_tab: Callable[..., Tab], base: str) -> None:
    tab = new_tab(base)
    page = tab.page
    tab.goto(base)
    page.keyboard.press("/")
    box = _box(page)
    expect(box).to_be_focused()
    # a label, not only the placeholder and title Pagefind gives it (axe and some screen readers want a label)
    expect(box).to_have_attribute("aria-label", "Search")
    box.press_sequentially("topic", delay=20)
    expect(_results(page).first).to_be_visible()
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    tab.assert_clean()


def test_search_works_at_phone_width(new_tab: Callable[..., Tab], base: str) -> None:
    tab = new_tab(base, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = tab.page
    tab.goto(base)
    search_opener(page).click()
    box = _box(page)
    expect(box).to_be_visible()
    box.press_sequentially(_title_query()["query"], delay=20)
    first = _results(page).first
    expect(first).to_be_visible()
    box_size = page.locator(".briefing-search").get_by_role("search").first.bounding_box()  # the partial's own
    assert box_size is not None and box_size["width"] >= 380  # the dialog fills the phone's width
    tab.page.screenshot(path=str(REPO / "test-artifacts" / "pagefind-search-phone.png"))
    tab.assert_clean()
