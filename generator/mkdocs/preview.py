"""The live preview's server (MkDocs' LiveReloadServer, as `briefing serve` and `mkdocs serve` make it), fitted for
load and for an editor's broken saves. Two things MkDocs leaves as they are:

- its listening socket keeps socketserver's backlog of 5 connections: with many clients at once the kernel drops
  the rest, and they wait for TCP's retransmissions (1, 3, 7, 15 s...), so requests time out while the server idles;
- a failed rebuild leaves the site "stuck": every page request waits for a build that never finishes, until the
  file is fixed, and the browser never learns why.

`fit(server)` (from the plugin's `on_serve`) gives the socket a deep backlog, and turns a failed rebuild into a
finished one that keeps the last good site and shows the error at the top of every page it serves, until a rebuild
succeeds. The server's build loop then goes on watching, so saving the fixed file recovers the preview at once."""

from __future__ import annotations

import html
import logging
import re
import threading
from typing import Any

log = logging.getLogger("mkdocs.plugins.briefing.preview")

BACKLOG = 1024  # connections the kernel queues before the server's thread accepts them (Linux caps it at somaxconn)
ERROR_CLASS = "briefing-build-error"
_BODY = re.compile(rb"<body\b[^>]*>")


class _Errors:
    """The error of the latest rebuild, if it failed (module level: MkDocs makes new plugins for every rebuild)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: str | None = None

    def set(self, message: str | None) -> None:
        with self._lock:
            self._last = message

    def get(self) -> str | None:
        with self._lock:
            return self._last


LATEST = _Errors()  # what the current rebuild's plugin saw (on_build_error)
_SHOWN = _Errors()  # what the served pages show: the last finished rebuild's error, or none


def build_failed(error: BaseException) -> None:
    """The plugin's on_build_error: remember the build's own message (MkDocs raises a bare 'Aborted' after it)."""
    LATEST.set(str(error))


def fit(server: Any) -> Any:
    server.request_queue_size = BACKLOG  # read by server_activate(), which serve() calls after on_serve
    builder = server.builder
    inject = server._inject_js_into_html

    def build() -> None:
        LATEST.set(None)
        try:
            builder()
        except (Exception, SystemExit) as exc:  # MkDocs' Abort is a SystemExit; a KeyboardInterrupt still stops
            message = LATEST.get() or f"{type(exc).__name__}: {exc}"
            _SHOWN.set(message)
            log.error(
                "The preview keeps the last good site and shows this error on every page until the file is fixed:\n"
                + message
            )
        else:
            _SHOWN.set(None)

    def inject_with_error(content: bytes, epoch: int) -> bytes:
        content = inject(content, epoch)
        message = _SHOWN.get()
        if message is None:
            return content
        return _with_banner(content, message)

    server.builder = build
    server._inject_js_into_html = inject_with_error
    return server


def _with_banner(content: bytes, message: str) -> bytes:
    banner = (
        f'<div class="{ERROR_CLASS}" role="alert"><p><strong>The preview shows the last good build.</strong> '
        f"Fix this and save: the page reloads.</p><pre>{html.escape(message)}</pre></div>"
    ).encode()
    body = _BODY.search(content)
    at = body.end() if body else 0
    return content[:at] + banner + content[at:]
