"""A web server on 127.0.0.1 for the fetch and feed tests: each route answers as a news site (or a broken one)
would, and the server counts what it sent. Nothing in these tests reaches any other address: `no_network`
(a fixture in conftest.py) refuses every host name but 127.0.0.1 and localhost in the test process."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HTML = Path(__file__).resolve().parents[1] / "fixtures" / "html"
LOOPBACK = ("127.0.0.1", "localhost")


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Callable[[], Iterator[bytes]] = b""
    delay: float = 0.0  # seconds before the status line


@dataclass
class Server:
    url: str
    routes: dict[str, Reply]
    requests: list[tuple[str, str]]  # (path, User-Agent) of every request
    sent: dict[str, int]  # path -> body bytes written

    def route(self, path: str, reply: Reply) -> str:
        self.routes[path] = reply
        return self.url + path


def html(body: bytes | str, content_type: str = "text/html; charset=utf-8", **headers: str) -> Reply:
    raw = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(200, {"Content-Type": content_type, **headers}, raw)


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, {"Location": location, "Content-Length": "0"})


def article_page(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def start(routes: dict[str, Reply] | None = None) -> tuple[Server, ThreadingHTTPServer]:
    state = Server("", dict(routes or {}), [], {})

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection; a body without length ends at the close

        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            reply = state.routes.get(self.path) or Reply(404, {"Content-Type": "text/plain"}, b"not found")
            if reply.delay:
                time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                body = reply.body
                if isinstance(body, bytes) and "Content-Length" not in reply.headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                chunks = [body] if isinstance(body, bytes) else body()
                for chunk in chunks:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    state.sent[self.path] = state.sent.get(self.path, 0) + len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what a size limit or a timeout does

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server


def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only 127.0.0.1 is reachable from the test process (a proxy from the environment is not used either)."""
    real = socket.getaddrinfo

    def loopback_only(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in LOOPBACK:
            raise socket.gaierror(socket.EAI_NONAME, f"test: no network for {name!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")


def unused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def zeros(total: int, chunk: int = 64 * 1024) -> Callable[[], Iterator[bytes]]:
    def produce() -> Iterator[bytes]:
        block = b"<p>" + b"0" * (chunk - 7) + b"</p>\n"
        for _ in range(total // len(block)):
            yield block

    return produce


def dribble(parts: int, pause: float) -> Callable[[], Iterator[bytes]]:
    def produce() -> Iterator[bytes]:
        yield b"<html><body><article><p>Slow start.</p>"
        for _ in range(parts):
            time.sleep(pause)
            yield b"<p>more</p>"

    return produce
