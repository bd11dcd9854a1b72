"""The review view in headless Chromium, as `briefing serve` serves it for a project with an imported draft: every
drafted quote, speaker and figure visibly marked in one of three styles by its confidence, each with its file:line
label, in both colour schemes; and the brief's link to it. A built site has none (tests/pages/test_review.py).

With BRIEFING_SCREENSHOTS=<folder> it also saves the README's screenshots there (review view, "in the article")."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from ..conftest import BIN, REPO, copy_project, run
from ..mkdocs.test_plugin import _free_port, _wait_for
from .conftest import Tab

pytestmark = pytest.mark.browser

ARTICLE = REPO / "tests" / "fixtures" / "html" / "port-strike-news.html"
SLUG = "dockers-walk-out-as-port-talks-collapse"
WHERE = f"briefs/{SLUG}.yml"
SCREENSHOTS = os.environ.get("BRIEFING_SCREENSHOTS")
STYLE = "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderBottomStyle, s.outlineStyle]; }"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`briefing serve` of a copy of the project with the port-strike article imported as a draft; its base URL."""
    root = copy_project(tmp_path_factory.mktemp("review") / "project")
    imported = run(["briefing", "import", str(ARTICLE)], cwd=root)
    assert imported.returncode == 0, imported.stderr
    port = _free_port()
    log = root.parent / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [str(BIN / "briefing"), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=root, stdout=output, stderr=output
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        if not _wait_for(base, "</html>", 90):  # the site_url's path, wherever it is, is where MkDocs serves
            pytest.fail(f"the server never started: {log.read_text('utf-8')}")
        yield _site_root(base)
    finally:
        server.terminate()
        server.wait(timeout=20)


def _site_root(base: str) -> str:
    """The served site's root (MkDocs serves under site_url's path), once the review page is there."""
    path = urlsplit(yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8")).get("site_url") or "/").path or "/"
    root = base.rstrip("/") + path
    assert _wait_for(f"{root}review/{SLUG}/", "bf-review", 90), "the server never served the review page"
    return root


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_review_view_marks_each_drafted_item_by_confidence(
    new_tab: Callable[..., Tab], served: str, scheme: str
) -> None:
    tab = new_tab(served, color_scheme=scheme)
    page = tab.page
    tab.goto(f"{served}briefs/{SLUG}/")
    page.get_by_role("link", name="Review what the drafter found").click()
    expect(page).to_have_url(re.compile(rf"review/{SLUG}/$"))
    marks = page.locator("article .bf-article mark.bf-review")
    expect(marks.first).to_be_visible()
    styles: dict[str, tuple[str, ...]] = {}
    for confidence in ("high", "medium"):  # the import's draft has these two; every mark of each is visible
        of_kind = page.locator(f"article .bf-article mark.bf-review-{confidence}")
        assert of_kind.count() > 0, confidence
        for n in range(of_kind.count()):
            expect(of_kind.nth(n)).to_be_visible()
        styles[confidence] = tuple(of_kind.first.evaluate(STYLE))
        assert styles[confidence][0] not in ("rgba(0, 0, 0, 0)", "transparent")
    legend = page.locator(".bf-review-legend .bf-review")
    expect(legend).to_have_count(3)
    low = tuple(page.locator(".bf-review-legend .bf-review-low").evaluate(STYLE))
    assert len({styles["high"], styles["medium"], low}) == 3, (styles, low)  # three visibly different styles
    labels = page.locator("article .bf-article a.bf-review-line")
    assert labels.count() == marks.locator("xpath=self::*[@id]").count()
    for n in range(labels.count()):
        expect(labels.nth(n)).to_be_visible()
        expect(labels.nth(n)).to_have_text(re.compile(rf"^{re.escape(WHERE)}:\d+$"))
    speaker = page.locator("article mark#speaker-1")
    expect(speaker).to_contain_text("Rosa Lindqvist")
    label = page.locator("article a.bf-review-line[href$='#row-quote-1']")
    line = label.inner_text()
    label.click()
    row = page.locator("li#row-quote-1")
    expect(row).to_contain_text(line)
    expect(row).to_be_in_viewport()
    if SCREENSHOTS and scheme == "light":
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        tab.goto(f"{served}review/{SLUG}/")
        page.locator("#the-article").evaluate("el => el.scrollIntoView()")
        page.wait_for_timeout(800)
        page.screenshot(path=str(folder / "review-view.png"))
        tab.goto(f"{served}briefs/{SLUG}/#quote-1")  # a brief's "in the article" link, followed
        page.locator("article mark#quote-1").evaluate("el => el.scrollIntoView({block: 'center'})")
        page.wait_for_timeout(800)
        page.screenshot(path=str(folder / "in-the-article.png"))
