"""The built site as a reader uses it: headless Chromium clicking through pages served over HTTP."""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Locator, Page, expect

from generator.stages.load import annotation_paths
from generator.text.yamlio import load

from ..conftest import REPO, copy_project, run
from .conftest import Tab, search_opener, section_link, serve

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SLUGS = [p.stem for p in annotation_paths(REPO / "briefs")]
UPGRADES = "nk-upgrades-army-in-ukraine"
INFANTRYMAN = (
    "They are young, motivated, physically fit, brave, and good at using small arms. They are also disciplined. "
    "They have everything you need for a good infantryman"
)


def annotation(slug: str) -> dict:
    return load((REPO / "briefs" / f"{slug}.yml").read_text("utf-8"), slug).data


def brief_url(slug: str) -> re.Pattern[str]:
    """A brief page's URL, with or without search highlighting (?h=) and a section anchor."""
    return re.compile(rf"/briefs/{re.escape(slug)}/(\?[^#]*)?(#.*)?$")


def expect_heading(page: Page, text: str) -> None:
    """The page's h1 reads `text` (plus the permalink's pilcrow)."""
    expect(page.locator("article h1")).to_have_text(re.compile(rf"^\s*{re.escape(text)}\s*¶?\s*$"))


def search(page: Page, word: str) -> None:
    """Type into the search box (behind a header button on narrow screens, in the header on wide ones)."""
    box = page.get_by_role("search").get_by_role("textbox")  # role=search: the project's search partial
    expect(box).to_have_count(1)
    if not box.is_visible():
        search_opener(page).click()
    box.click()
    expect(box).to_be_focused()
    box.press_sequentially(word, delay=20)


def search_results(page: Page) -> Locator:
    """The search dialog's list of results (the search partial's search-result component)."""
    return page.locator("[data-md-component=search-result]")


def test_home_page_lists_the_eight_briefs_without_errors(tab: Tab, site_url: str) -> None:
    tab.goto(site_url)
    # navigation.instant rewrites every href to an absolute URL
    links = tab.page.locator("article h2 a[href*='/briefs/']:not(.headerlink)")
    expect(links).to_have_count(8)
    titles = {annotation(slug)["title"] for slug in SLUGS}
    assert len(titles) == 8
    assert set(links.all_inner_texts()) == titles
    for link in links.all():
        expect(link).to_be_visible()
    tab.assert_clean()


def test_search_finds_a_quote_and_opens_its_brief(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(site_url)
    search(page, "infantryman")
    results = search_results(page)
    expect(results.get_by_role("link").first).to_be_visible()
    # the brief's own entry, then its best-scoring section, which shows the word
    hit = results.get_by_role("link").filter(has_text=re.compile("infantryman", re.IGNORECASE))
    hit = hit.and_(results.locator(f"a[href*='briefs/{UPGRADES}/']")).first
    expect(hit).to_be_visible()
    hit.click()
    expect(page).to_have_url(brief_url(UPGRADES))
    expect_heading(page, annotation(UPGRADES)["title"])
    # search.highlight (mkdocs.yml) marks the word searched for on the page the result opens
    expect(page.locator("article mark", has_text="infantryman").first).to_be_visible()
    quote = page.locator("article blockquote p", has_text=INFANTRYMAN)
    expect(quote).to_have_count(1)
    expect(quote).to_be_visible()
    tab.assert_clean()


def test_a_search_result_reads_as_the_briefs_summary(tab: Tab, site_url: str) -> None:
    """A brief's result shows its summary, not the source line that opens the page."""
    page = tab.page
    tab.goto(site_url)
    search(page, "modernised")  # a word of its summary (Material shows a result's text where the query matches it)
    result = search_results(page).locator(f"a[href*='briefs/{UPGRADES}/']:not([href*='#'])").first
    expect(result).to_be_visible()
    expect(result).to_contain_text(annotation(UPGRADES)["summary"].split(".")[0])
    expect(result).not_to_contain_text("Permalink")
    tab.assert_clean()


def test_topic_tag_leads_to_a_topic_page_listing_the_brief_and_back(tab: Tab, site_url: str) -> None:
    page = tab.page
    title = annotation(UPGRADES)["title"]
    tab.goto(f"{site_url}briefs/{UPGRADES}/")
    page.locator("nav.md-tags a.md-tag", has_text="Prisoners of war").click()
    expect(page).to_have_url(re.compile(r"/topics/prisoners-of-war/$"))
    expect(page.locator("article h1")).to_contain_text("Prisoners of war")
    listed = page.locator(f"article a[href$='briefs/{UPGRADES}/']")
    expect(listed.first).to_be_visible()
    expect(listed.first).to_have_text(title)
    page.go_back()
    expect(page).to_have_url(brief_url(UPGRADES))
    expect_heading(page, title)
    tab.assert_clean()


def test_figures_tab_shows_troops_deployed_from_eight_sources(tab: Tab, site_url: str) -> None:
    page = tab.page
    tab.goto(site_url)
    section_link(page, "Figures").click()
    expect(page).to_have_url(re.compile(r"/figures/$"))
    table = page.locator("#nk-troops-deployed").locator("xpath=following::table[1]")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(8)
    values = sorted(rows.locator("td:nth-child(2)").all_inner_texts())
    seed = ["11,000", "10,000 and 12,000", "10,000", "12,000", "at least 11,000"]
    assert values == sorted([*seed, "10,000", "10,000", "10,000"])  # and the three DOD texts
    tab.assert_clean()


# Payloads in every field an editor writes that is not checked against the article.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
LINK = "[x](javascript:alert(3))"
JINJA = "{{ 7*7 }}"
MARKER = "zqxpayload"  # a word no real brief contains, to search for


def _inject(root: Path) -> dict:
    path = root / "briefs" / f"{UPGRADES}.yml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["title"] = f"{SCRIPT} {IMG} title"
    data["summary"] = f"{MARKER} {SCRIPT} {IMG} {LINK} {JINJA} summary"
    quote = data["quotes"][1]
    assert quote["text"].endswith("good infantryman")
    quote["speaker"] = f"{SCRIPT} {IMG}"
    quote["role"] = f"{LINK} {JINJA}"
    figure = data["key_figures"][0]
    assert figure["metric"] == "nk-troops-deployed"
    figure["label"] = f"{SCRIPT} {LINK} {JINJA} label"
    data["topics"] = [*data["topics"], SCRIPT, f"{IMG} {JINJA}"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), "utf-8")
    return data


def _assert_inert(tab: Tab) -> None:
    """No payload became markup (scripts and onerror handlers would also open a dialog, which Tab records)."""
    page = tab.page
    article = page.locator("article")
    expect(article).to_be_visible()
    live = page.locator("article script, article img, a[href^='javascript:' i]")
    assert live.count() == 0, f"payload became markup: {live.evaluate_all('els => els.map(e => e.outerHTML)')}"


def test_injected_markup_in_an_annotation_stays_text(new_tab: Callable[..., Tab], tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    data = _inject(root)
    result = run(["briefing", "build"], cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(root / "site") as url:
        tab = new_tab(url)
        page = tab.page

        tab.goto(f"{url}briefs/{UPGRADES}/")
        _assert_inert(tab)
        expect_heading(page, data["title"])
        expect(page.locator("article h1")).to_contain_text(SCRIPT)
        expect(page.get_by_text(data["summary"], exact=True)).to_be_visible()
        expect(page.locator("article figure.bf-quote figcaption strong", has_text=SCRIPT)).to_have_text(
            f"{SCRIPT} {IMG}"
        )
        expect(page.locator("article figure.bf-quote figcaption", has_text=LINK).first).to_contain_text(JINJA)
        expect(page.locator("nav.md-tags .md-tag", has_text=SCRIPT).first).to_be_visible()

        page.locator("nav.md-tags a.md-tag", has_text=JINJA).click()  # a topic not in topics.yml still gets a page
        expect(page).to_have_url(re.compile(r"/topics/[^/]+/$"))
        _assert_inert(tab)
        expect_heading(page, f"{IMG} {JINJA}")

        tab.goto(url)
        _assert_inert(tab)
        expect(page.locator("article h2", has_text=SCRIPT).first).to_contain_text(data["title"])

        tab.goto(f"{url}figures/")
        _assert_inert(tab)
        expect(page.locator("article td", has_text=f"{JINJA} label").first).to_have_text(
            data["key_figures"][0]["label"]
        )

        search(page, MARKER)
        results = search_results(page)
        hit = results.get_by_role("link").and_(results.locator(f"a[href*='briefs/{UPGRADES}/']")).first
        expect(hit).to_be_visible()
        expect(results).to_contain_text(SCRIPT)
        assert results.locator("img, script").count() == 0
        hit.click()
        expect(page).to_have_url(brief_url(UPGRADES))
        _assert_inert(tab)
        expect(page.locator("article h1")).to_contain_text(SCRIPT)

        assert not tab.dialogs, tab.dialogs
        tab.assert_clean()


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


@pytest.mark.parametrize(
    ("name", "viewport", "mobile"),
    [
        pytest.param("phone", {"width": 390, "height": 844}, True, id="phone"),
        pytest.param("desktop", {"width": 1366, "height": 900}, False, id="desktop"),
    ],
)
def test_brief_page_screenshot_fits_the_screen(
    new_tab: Callable[..., Tab], site_url: str, name: str, viewport: dict[str, int], mobile: bool
) -> None:
    scale = 2 if mobile else 1
    tab = new_tab(site_url, viewport=viewport, device_scale_factor=scale, is_mobile=mobile, has_touch=mobile)
    tab.goto(f"{site_url}briefs/{UPGRADES}/")
    page = tab.page
    expect(page.locator("article h1")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"brief-{name}-{viewport['width']}x{viewport['height']}.png"
    shot.unlink(missing_ok=True)
    page.screenshot(path=shot)
    assert shot.stat().st_size > 20_000, f"{shot} is suspiciously small"
    assert _png_size(shot) == (viewport["width"] * scale, viewport["height"] * scale)
    overflow = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert overflow[0] <= overflow[1] + 1, f"horizontal scrolling at {name} width: {overflow}"
    tab.assert_clean()


BACKGROUND = "getComputedStyle(document.body).backgroundColor"


def _brightness(colour: str) -> int:
    red, green, blue = (int(part) for part in re.findall(r"\d+", colour)[:3])
    return red + green + blue


def test_palette_toggle_switches_between_light_and_dark(tab: Tab, site_url: str) -> None:
    page = tab.page
    palette = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))["theme"]["palette"]
    to_dark, to_light = (entry["toggle"]["name"] for entry in palette)  # the light scheme first, then the dark
    tab.goto(site_url)  # the context prefers a light scheme
    light = page.evaluate(BACKGROUND)
    page.get_by_title(to_dark).click()
    page.wait_for_function(f"light => {BACKGROUND} !== light", arg=light)
    tab.goto(f"{site_url}figures/")  # the choice is remembered across pages
    dark = page.evaluate(BACKGROUND)
    assert _brightness(dark) < _brightness(light), (dark, light)
    page.get_by_title(to_light).click()
    page.wait_for_function(f"light => {BACKGROUND} === light", arg=light)
    tab.assert_clean()
