"""The Content-Security-Policy every built page carries, as a <meta> tag (GitHub Pages sets no response headers).

The policy allows only the site's own files: scripts, styles, images, the search index and worker, all from the
site's origin. It allows no inline script and no inline style at all, not even by hash: Material's few inline
scripts are moved to files by the theme's partials (theme/partials/javascripts/), so nothing an annotation could
smuggle into a page (were the generator's escaping ever to fail) would run. `data:` images stay allowed because
Material's stylesheet draws its icons with them. Pagefind compiles its WebAssembly search, so a Pagefind site
allows 'wasm-unsafe-eval' (WebAssembly only, never JavaScript's eval).

A <meta> policy cannot say frame-ancestors, report-uri or sandbox (browsers ignore them there); see SECURITY.md.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# A quick look, in the page in lower case, for what might be blocked (about 1.5 ms a page, 2% of what MkDocs spends
# on one); html.parser then reads the attributes, so that text which merely looks like an attribute (an escaped
# payload in a title="..." is still text) is not taken for one.
_SUSPECT = re.compile(
    r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']?(?!text/javascript|application/javascript|module)\w)"
    r"|<style\b|[\s/\"'](?:on[a-z]+|style)\s*="
)
_JAVASCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module")
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")


class _Blocked(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values and values.get("type", "").lower() in _JAVASCRIPT_TYPES:
            self.found.add("an inline <script>")
        if tag == "style" or "style" in values:
            self.found.add("an inline style")
        if any(name.startswith("on") for name in values):
            self.found.add("an inline event handler")
        if any(values.get(name, "").strip().lower().startswith("javascript:") for name in _URL_ATTRIBUTES):
            self.found.add("a javascript: link")


_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)


def policy(*, wasm: bool = False) -> str:
    """The policy text; `wasm` for a site searched by Pagefind."""
    parts = []
    for name, sources in _DIRECTIVES:
        if name == "script-src" and wasm:
            sources += " 'wasm-unsafe-eval'"
        parts.append(f"{name} {sources}")
    return "; ".join(parts)


def meta_tag(text: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'


def with_policy(html: str, text: str) -> str:
    """`html` with the policy's meta tag first in its <head> (after the charset), before any script or style.

    A document without <head> is returned as it is: the policy only means something in an HTML page."""
    found = _HEAD.search(html)
    if not found:
        return html
    return html[: found.end()] + meta_tag(text) + html[found.end() :]


def blocked_inline(html: str) -> list[str]:
    """What in `html` the policy would block: inline scripts, inline styles, event handlers, javascript: links.
    (Material's configuration, <script id="__config" type="application/json">, is data, which no policy governs.)"""
    lower = html.lower()
    if "javascript:" not in lower and not _SUSPECT.search(lower):
        return []
    parser = _Blocked()
    parser.feed(html)
    parser.close()
    return sorted(parser.found)
