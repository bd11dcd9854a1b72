"""axe-core (WCAG 2.2 A/AA rules) inside Chromium on every page kind, in both colour schemes, at phone and desktop
width: no serious or critical violation, no sideways scrolling of the page, chart and map text at least 11 px as
drawn, chart and map marks at least 3:1 against the page (WCAG 1.4.11: axe does not check graphics), map nodes
at least 24 px (WCAG 2.5.8), and a table wider than the screen in a frame that scrolls and shows it does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import PAGE_KINDS, Tab

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
MIN_TEXT_PX = 11.0
MIN_MARK_CONTRAST = 3.0
MIN_TARGET_PX = 24.0
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
SERIOUS = ("serious", "critical")


# What axe does not check, measured as drawn: every figure's SVG text in px on screen (its font size times the
# picture's scale), each mark's colour against the page's (colours resolved by painting them on a canvas, so
# color-mix() and hsla() custom properties count as the browser shows them), map nodes' size, and table frames.
PICTURES = """(limit) => {
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 1;
  const paint = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (color) => { paint.clearRect(0, 0, 1, 1); paint.fillStyle = color; paint.fillRect(0, 0, 1, 1);
                            return [...paint.getImageData(0, 0, 1, 1).data]; };
  const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const over = ([r, g, b, a], [R, G, B]) => [r, g, b].map((v, i) => v * a / 255 + [R, G, B][i] * (1 - a / 255));
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const color = rgba(getComputedStyle(el).backgroundColor);
      if (color[3] === 255) return color;
    }
    return [255, 255, 255, 255];
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
                               return (x + 0.05) / (y + 0.05); };
  const problems = [];
  for (const text of document.querySelectorAll('article figure svg text')) {
    const px = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
    if (px < limit.text) problems.push(`"${text.textContent}" is ${px.toFixed(1)}px`);
  }
  const marks = 'circle.bf-dot, line.bf-range, line.bf-open, path.bf-arrow, .bf-node circle';
  for (const mark of document.querySelectorAll(`article figure svg :is(${marks})`)) {
    const style = getComputedStyle(mark);
    const solid = mark.matches('line') || mark.matches('.bf-hollow') ? style.stroke : style.fill;
    const behind = background(mark.closest('figure'));
    const ratio = contrast(over(rgba(solid), behind), behind);
    if (ratio < limit.contrast)
      problems.push(`${mark.tagName}.${mark.className.baseVal}: ${solid} is ${ratio.toFixed(2)}:1`);
  }
  for (const node of document.querySelectorAll('article figure .bf-node circle')) {
    const box = node.getBoundingClientRect();
    if (Math.min(box.width, box.height) < limit.target)
      problems.push(`map node ${node.parentElement.getAttribute('aria-label')} is ${box.width.toFixed(0)}px`);
  }
  for (const frame of document.querySelectorAll('article .md-typeset__scrollwrap, article figure.bf-map')) {
    if (frame.scrollWidth <= frame.clientWidth) continue;
    const style = getComputedStyle(frame);
    if (!['auto', 'scroll'].includes(style.overflowX)) problems.push(`${frame.className}: wide but does not scroll`);
    else if (!style.backgroundImage.includes('gradient')) problems.push(`${frame.className}: scrolls with no cue`);
  }
  return problems;
}"""
LIMITS = {"text": MIN_TEXT_PX, "contrast": MIN_MARK_CONTRAST, "target": MIN_TARGET_PX}


def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test` (it installs the locked axe-core with `npm ci`)", pytrace=False)
    return AXE.read_text("utf-8")


def load_axe(page: Page, source: str) -> None:
    """axe-core into the page through the DevTools protocol: the site's Content-Security-Policy refuses the inline
    <script> that add_script_tag would insert (and the test must not weaken the policy it runs under)."""
    page.evaluate(source)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_kind_has_no_serious_violation(
    new_tab: Callable[..., Tab], site_url: str, scheme: str, width: str
) -> None:
    tab = new_tab(site_url, viewport=WIDTHS[width], color_scheme=scheme)
    source = axe_source()
    found = []
    for kind, path in PAGE_KINDS.items():
        tab.goto(site_url + path)
        load_axe(tab.page, source)
        violations = tab.page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .map(v => ({id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
        )
        assert tab.page.evaluate("typeof axe.version") == "string", "axe-core did not load"
        found += [
            f"{kind} ({path or '/'}): {v['id']} [{v['impact']}] at {v['where']}"
            for v in violations
            if v["impact"] in SERIOUS
        ]
        overflow = tab.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            found.append(f"{kind} ({path or '/'}): the page scrolls sideways by {overflow}px")
        found += [f"{kind} ({path or '/'}): {problem}" for problem in tab.page.evaluate(PICTURES, LIMITS)]
    assert not found, "\n".join(found)
    tab.assert_clean()


def test_axe_finds_what_it_should(new_tab: Callable[..., Tab], site_url: str) -> None:
    """The check can fail: a link told apart by colour alone, planted in a page, is reported."""
    tab = new_tab(site_url)
    tab.goto(site_url)
    tab.page.evaluate(
        """() => { const p = document.createElement('p'); p.style.color = '#212121';
                   p.innerHTML = 'words <a href="#x">a link</a> words';
                   const a = p.querySelector('a'); a.style.color = '#4051b5'; a.style.textDecoration = 'none';
                   document.querySelector('article').append(p); }"""
    )
    load_axe(tab.page, axe_source())
    ids = tab.page.evaluate("async () => (await axe.run(document)).violations.map(v => v.id)")
    assert "link-in-text-block" in ids
