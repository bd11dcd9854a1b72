"""Headless Chromium (Debian's, never a downloaded one) against a built site served over local HTTP."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Locator,
    Page,
    Request,
    Response,
    expect,
    sync_playwright,
)

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1366, "height": 900}  # wide enough for Material's tab bar (shown from 1220px)
TIMEOUT_MS = 15_000

# One page of every kind a reader meets, by its address under the site root.
PAGE_KINDS = {
    "home": "",
    "brief": "briefs/nk-upgrades-army-in-ukraine/",
    "topics index": "topics/",
    "topic": "topics/north-korea/",
    "figures": "figures/",
    "timeline": "timeline/",
    "map": "map/",
    "archive": "archive/",
    "outlet": "outlets/ukrainealert-atlantic-council/",
    "speakers index": "speakers/",
    "speaker": "speakers/lloyd-j-austin-iii/",
    "not found": "404.html",
}


class _QuietHandler(SimpleHTTPRequestHandler):
    mount = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> object:
        # only addresses under the mount point are the site's: anything else is a 404, as on its real host
        if not self.path.startswith(self.mount):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.mount) :])


def site_path() -> str:
    """The path of site_url in the repository's mkdocs.yml, where the built site lives on its host ("/briefing/")."""
    site_url = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8")).get("site_url") or "/"
    return (urlsplit(site_url).path or "/").rstrip("/") + "/"


@contextmanager
def serve(folder: Path, mount: str = "/") -> Iterator[str]:
    """Serve `folder` under the path `mount` on 127.0.0.1 at an ephemeral port from a background thread; yields the
    base URL (with the mount path)."""
    handler = type("_Handler", (_QuietHandler,), {"mount": mount})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, name=f"http {folder}", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}{mount}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_url(site: Path) -> Iterator[str]:
    """The real corpus's built site, over HTTP (Material's search worker does not run from file://), under site_url's
    path as on its real host: the 404 page's addresses are absolute (a host shows it at any depth)."""
    with serve(site, site_path()) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need it. Run `make chromium` "
            "(Debian's package; never `playwright install`), or point CHROMIUM at an existing binary.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def section_link(page: Page, title: str) -> Locator:
    """The visible link to a top-level section, by its title in mkdocs.yml's nav (the tab bar on wide screens)."""
    link = page.get_by_role("link", name=title, exact=True)
    expect(link.first).to_be_visible()
    return link.first


def search_opener(page: Page) -> Locator:
    """The visible control in the page's banner that opens the search dialog: a label for the `__search` toggle,
    which the search partial's script (generator/mkdocs/theme/partials/search.html) opens and closes too."""
    opener = page.get_by_role("banner").locator("label[for='__search']").filter(visible=True)
    expect(opener.first).to_be_visible()
    return opener.first


CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => window.__briefingCspViolation({
  directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample,
  page: event.documentURI, line: String(event.lineNumber),
}));
"""


@dataclass
class Tab:
    """A page with listeners for everything that should never happen on the site."""

    page: Page
    origin: str
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    violations: list[dict[str, str]] = field(default_factory=list)

    def watch(self) -> Tab:
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        self.page.on("requestfailed", self._failed)
        self.page.on("response", self._response)
        self.page.on("request", self._request)
        self.page.on("dialog", self._dialog)
        # every Content-Security-Policy violation, from every document the tab shows (Chromium also logs each one as
        # a console error; the event says which directive and what was blocked)
        self.page.expose_function("__briefingCspViolation", self._csp_violation)
        self.page.add_init_script(CSP_LISTENER)
        return self

    def _csp_violation(self, violation: dict[str, str]) -> None:
        self.violations.append(violation)
        self.problems.append(f"CSP violation: {violation}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "assert"):
            self.problems.append(f"console {message.type}: {message.text} ({message.location.get('url', '')})")

    def _failed(self, request: Request) -> None:
        # ERR_ABORTED is the browser giving up on a request itself (the page navigated on, Material swapped the
        # <head> and its favicon link): no reader sees it. 404s and unreachable files fail differently.
        if "ERR_ABORTED" in (request.failure or ""):
            return
        self.problems.append(f"request failed: {request.method} {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.request.method} {response.url}")

    def _request(self, request: Request) -> None:
        # font: false in mkdocs.yml promises a site that works offline: nothing may leave the test server.
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and not request.url.startswith(self.origin):
            self.problems.append(f"request outside the site: {request.method} {request.url}")

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def goto(self, url: str) -> None:
        # Wait for Material's start-up fetches (sitemap.xml, which turns on instant navigation, and the search index)
        # so that clicks always take the same path a reader's do.
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, f"{url}: {response.status if response else 'no response'}"

    def assert_clean(self) -> None:
        """No console error, uncaught exception, failed or external request, or dialog, on any page visited."""
        self.page.wait_for_load_state("networkidle")
        found = self.problems + [f"dialog opened: {d}" for d in self.dialogs]
        assert not found, "\n".join(found)


@pytest.fixture
def new_tab(browser: Browser) -> Iterator[Callable[..., Tab]]:
    """Factory: open_tab(origin, **context options) -> a watched Tab in a fresh browser context."""
    contexts: list[BrowserContext] = []

    def open_tab(origin: str, **options: object) -> Tab:
        options.setdefault("viewport", DESKTOP)
        options.setdefault("color_scheme", "light")
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return Tab(context.new_page(), origin).watch()

    yield open_tab
    for context in contexts:
        context.close()


@pytest.fixture
def tab(new_tab: Callable[..., Tab], site_url: str) -> Tab:
    """A watched desktop-sized page for the real corpus's site."""
    return new_tab(site_url)
