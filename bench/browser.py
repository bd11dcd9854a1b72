"""Reader-side measurements in headless Chromium (Debian's, through Playwright): what a first search downloads and
how long it takes, the search results for known queries, and edit-to-reload time under a live-preview server.

The built site is served under a sub-path, as GitHub Pages serves a project site (/briefing/), so result links
are checked the way readers follow them.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
PREFIX = "/briefing/"
# Requests that belong to search rather than to the page: Material's worker, lunr and index; Pagefind's bundle.
_SEARCH_PARTS = ("/search/", "/workers/search", "/javascripts/lunr/", "/pagefind/")


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only, like a GitHub Pages project site; 404 elsewhere."""

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path)
        if not parts.path.startswith(PREFIX):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + parts.path[len(PREFIX) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_site(site_dir: Path) -> Iterator[str]:
    """Serve a built site at http://127.0.0.1:<port>/briefing/ from a background thread."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_SubPathHandler, directory=str(site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _Traffic:
    """Bytes of every finished response of a page, split into search and the rest."""

    def __init__(self, page: object) -> None:
        self.search_bytes = 0
        self.other_bytes = 0
        self.search_urls: list[str] = []
        self.failures: list[str] = []
        page.on("requestfinished", self._finished)  # type: ignore[attr-defined]
        page.on("requestfailed", lambda r: self.failures.append(f"{r.url} {r.failure}"))  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: self.failures.append(f"page error: {e}"))  # type: ignore[attr-defined]

    def _finished(self, request: object) -> None:
        try:
            size = request.sizes()["responseBodySize"]  # type: ignore[attr-defined]
        except Exception:  # the page navigated away; the request is gone
            return
        url = request.url  # type: ignore[attr-defined]
        if any(part in url for part in _SEARCH_PARTS):
            self.search_bytes += size
            self.search_urls.append(url)
        else:
            self.other_bytes += size


def _open_search(page: object) -> object:
    opener = page.locator("label.md-header__button[for='__search']")  # type: ignore[attr-defined]
    if opener.is_visible():
        opener.click()
    box = page.locator("input.md-search__input").first  # type: ignore[attr-defined]
    box.click()
    return box


def _results_locator(page: object, engine: str) -> object:
    if engine == "pagefind":
        return page.locator(".pagefind-ui__result-link")  # type: ignore[attr-defined]
    return page.locator(".md-search-result__item a")  # type: ignore[attr-defined]


def _hrefs(page: object, engine: str) -> list[str]:
    """The result links in order, read at once (the list re-renders while results stream in)."""
    selector = ".pagefind-ui__result-link" if engine == "pagefind" else ".md-search-result__item a"
    script = "s => Array.from(document.querySelectorAll(s), a => a.getAttribute('href') || '')"
    return page.evaluate(script, selector)  # type: ignore[attr-defined]


def _query_box(page: object, engine: str) -> object:
    if engine == "pagefind":
        return page.locator(".pagefind-ui__search-input")  # type: ignore[attr-defined]
    return page.locator("input.md-search__input").first  # type: ignore[attr-defined]


def _site_paths(hrefs: list[str], base: str) -> list[str]:
    """Result links as site paths ('briefs/x/'), in order, each once."""
    prefix = urlsplit(base).path
    seen: list[str] = []
    for href in hrefs:
        path = urlsplit(href).path
        path = path[len(prefix) :] if path.startswith(prefix) else "OUTSIDE-THE-SITE:" + path
        path = path.removesuffix("index.html")
        if path not in seen:
            seen.append(path)
    return seen


def first_search(browser: object, base: str, engine: str, query: str, timeout_s: float = 180) -> dict:
    """A fresh reader opens the home page, opens search and types `query`: bytes and time to the first result.

    Time runs from the moment the page's load event fired and the reader starts typing; for Material that includes
    the index download and the worker building it, which begin at page load.
    """
    context = browser.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    context.set_default_timeout(timeout_s * 1000)
    page = context.new_page()
    traffic = _Traffic(page)
    try:
        page.goto(base, wait_until="load")
        started = time.perf_counter()
        _open_search(page)
        box = _query_box(page, engine)
        box.wait_for(state="visible")
        box.press_sequentially(query, delay=20)
        typed = time.perf_counter()
        _results_locator(page, engine).first.wait_for(state="visible")
        shown = time.perf_counter()
        hrefs = _hrefs(page, engine)
        page.wait_for_load_state("networkidle")
        return {
            "engine": engine,
            "query": query,
            "seconds_to_first_result": round(shown - started, 3),
            "seconds_after_typing": round(shown - typed, 3),
            "search_bytes": traffic.search_bytes,
            "page_bytes": traffic.other_bytes,
            "search_requests": len(traffic.search_urls),
            "results": _site_paths(hrefs, base)[:10],
            "problems": traffic.failures,
        }
    finally:
        context.close()


def _settled_hrefs(page: object, engine: str, previous: list[str], timeout_s: float) -> list[str]:
    """The result links once the list has changed from the previous query's and then held still for two seconds
    (both engines fill the list asynchronously; Material's worker can take seconds on a large index)."""
    deadline = time.perf_counter() + timeout_s
    last: list[str] = []
    stable_since = time.perf_counter()
    while time.perf_counter() < deadline:
        current = _hrefs(page, engine)
        if current != last:
            last, stable_since = current, time.perf_counter()
        elif current and current != previous and time.perf_counter() - stable_since >= 2.0:
            return current
        time.sleep(0.1)
    return last if last != previous else []


def result_quality(browser: object, base: str, engine: str, queries: list[dict], timeout_s: float = 180) -> dict:
    """For each known query: where the expected page ranks (1-based; None if not in the first 10 results)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    context.set_default_timeout(timeout_s * 1000)
    page = context.new_page()
    rows = []
    try:
        page.goto(base, wait_until="load")
        _open_search(page)
        box = _query_box(page, engine)
        box.wait_for(state="visible")
        previous: list[str] = []
        for item in queries:
            # the whole query at once, then a key press for the engines' key listeners: one search, not one per
            # keystroke (Material's worker answers them in turn, seconds each on a large index)
            box.fill(item["query"])
            box.press("End")
            hrefs = _settled_hrefs(page, engine, previous, min(timeout_s, 60))
            previous = hrefs
            paths = _site_paths(hrefs, base)
            expected = item["expect"] if isinstance(item["expect"], list) else [item["expect"]]
            rank = next((i + 1 for i, p in enumerate(paths[:10]) if p in expected), None)
            rows.append({"kind": item["kind"], "query": item["query"], "rank": rank, "top": paths[:3]})
        found = [r for r in rows if r["rank"]]
        return {
            "engine": engine,
            "queries": rows,
            "top1": sum(1 for r in rows if r["rank"] == 1),
            "top5": sum(1 for r in found if r["rank"] <= 5),
            "total": len(rows),
        }
    finally:
        context.close()


def edit_to_reload(browser: object, url: str, annotation: Path, marker: str, timeout_s: float = 300) -> float:
    """Seconds from saving an edit to `annotation` (its summary gains `marker`) until the open page at `url`
    shows it, reloaded by the preview server's livereload."""
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto(url, wait_until="load", timeout=timeout_s * 1000)  # a rebuild may be under way
        time.sleep(1.5)  # livereload's long poll is connected
        text = annotation.read_text("utf-8")
        started = time.perf_counter()
        annotation.write_text(text.replace('summary: "', f'summary: "{marker} ', 1), "utf-8")
        deadline = started + timeout_s
        while time.perf_counter() < deadline:
            try:
                if marker in page.content():
                    return time.perf_counter() - started
            except Exception:  # mid-navigation
                pass
            time.sleep(0.05)
        raise TimeoutError(f"{url} never showed the edit within {timeout_s} s")
    finally:
        context.close()
