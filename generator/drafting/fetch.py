"""Fetching a web page or a feed for `briefing import URL` and `briefing import --feed URL`.

The network is hostile input too: only http:// and https:// addresses are fetched, every redirect is followed by
hand (at most MAX_REDIRECTS, each checked to be http(s) again, a loop named as such), the body is streamed and
reading stops at the size limit (a Content-Length over it is refused before reading anything), and the whole
request has one deadline. Each failure is one BriefingError line naming the address and what went wrong.
"""

from __future__ import annotations

import codecs
import os
import re
import socket
import time
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import BriefingError, Location
from .webpage import MAX_PAGE_BYTES

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 30.0  # seconds for one address, redirects included; BRIEFING_FETCH_TIMEOUT or --timeout changes it
TIMEOUT_ENV = "BRIEFING_FETCH_TIMEOUT"
MAX_URL_CHARS = 2000
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
FEED_TYPES += ("application/feed+xml", "application/x-rss+xml", "application/x-atom+xml")
_REDIRECTS = {301, 302, 303, 307, 308}
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def user_agent() -> str:
    """A polite User-Agent: who is asking, in which version, and why."""
    try:
        version = metadata.version("briefing")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"briefing/{version} (news briefing generator; fetches one article per editor's request)"


def default_timeout() -> float:
    raw = os.environ.get(TIMEOUT_ENV, "")
    try:
        value = float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        raise BriefingError(Location(TIMEOUT_ENV), f"is {raw!r}; give the timeout in seconds, e.g. 30") from None
    return value if value > 0 else DEFAULT_TIMEOUT


def is_address(source: str) -> bool:
    """Whether an argument of `briefing import` is an address (any scheme) rather than a file name."""
    match = _SCHEME.match(source)
    return bool(match) and len(match.group(1)) > 1  # "C:" style drive letters are file names


def check_address(url: str) -> str:
    """The address if it may be fetched (http or https, with a host); else a BriefingError saying why."""
    match = _SCHEME.match(url)
    scheme = match.group(1).lower() if match else ""
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "an address without a scheme"
        raise BriefingError(Location(_short(url)), f"only http:// and https:// addresses can be imported, not {shown}")
    if len(url) > MAX_URL_CHARS or re.search(r"\s", url):
        raise BriefingError(Location(_short(url)), "is not a valid web address (spaces, or too long)")
    try:
        host = urlsplit(url).hostname
    except ValueError:
        host = None
    if not host:
        raise BriefingError(Location(_short(url)), "is not a valid web address (no host name)")
    return url


@dataclass(frozen=True)
class Fetched:
    """One fetched resource: the address asked for, the address it was finally read from, and its body."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes

    def text(self) -> str:
        """The body as text: the charset of the Content-Type header, else a byte-order mark, else the page's
        <meta charset>, else UTF-8; a body that is not valid in it is an error, not a page of replacement marks."""
        raw = self.body
        encoding = self.charset
        if not encoding:
            if raw.startswith(codecs.BOM_UTF8):
                encoding = "utf-8-sig"
            elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                encoding = "utf-16"
            else:
                declared = _META_CHARSET.search(raw[:4096])
                encoding = declared.group(1).decode("ascii") if declared else "utf-8"
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise _error(self.url, f"cannot be decoded: unknown character set {encoding!r}") from None
        try:
            text = raw.decode(codec.name)
        except UnicodeDecodeError as exc:
            raise _error(
                self.url, f"cannot be decoded: invalid {codec.name} byte 0x{raw[exc.start]:02x} at offset {exc.start}"
            ) from None
        return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = HTML_TYPES + TEXT_TYPES,
    what: str = "web page",
    timeout: float | None = None,
    max_bytes: int = MAX_PAGE_BYTES,
) -> Fetched:
    """GET `url`, following at most MAX_REDIRECTS redirects, and return its body if it is of an `accept` type."""
    check_address(url)
    seconds = timeout if timeout and timeout > 0 else default_timeout()
    deadline = time.monotonic() + seconds
    limits = httpx.Timeout(seconds, connect=min(seconds, 10.0))
    headers = {"User-Agent": user_agent(), "Accept": ", ".join((*accept, "*/*;q=0.1"))}
    current = url
    visited = [url]

    def off_the_web(response: httpx.Response) -> None:  # before httpx itself reads the redirect's target
        if response.has_redirect_location:
            target = urljoin(str(response.request.url), response.headers["location"])
            _check_scheme(url, target)

    hooks = {"response": [off_the_web]}
    with httpx.Client(headers=headers, timeout=limits, follow_redirects=False, event_hooks=hooks) as client:
        while True:
            try:
                httpx.URL(current)
            except httpx.InvalidURL as exc:
                raise _error(url, f"is not a valid web address ({exc})") from None
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        target = urljoin(current, response.headers["location"])
                        _check_redirect(url, current, target, visited)
                        visited.append(target)
                        current = target
                        continue
                    return _read(url, current, response, accept, what, max_bytes, deadline, seconds)
            except httpx.TimeoutException:
                raise _error(url, f"timed out after {seconds:g} s: {_host(current)} did not answer in time") from None
            except httpx.HTTPError as exc:
                raise _error(url, _network_problem(exc, current)) from None
            except httpx.InvalidURL as exc:  # the address given was valid: httpx read a redirect's target
                raise _error(url, f"redirects to an address that is not valid ({exc})") from None


def _check_scheme(url: str, target: str) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise _error(url, f"redirects to a {scheme or 'schemeless'}: address, which is not fetched (only http(s))")


def _check_redirect(url: str, current: str, target: str, visited: list[str]) -> None:
    _check_scheme(url, target)
    if target in visited:
        raise _error(url, f"redirect loop: {_short(current)} redirects back to {_short(target)}")
    if len(visited) > MAX_REDIRECTS:
        raise _error(url, f"too many redirects (more than {MAX_REDIRECTS}); the last was to {_short(target)}")


def _read(
    url: str,
    final: str,
    response: httpx.Response,
    accept: tuple[str, ...],
    what: str,
    max_bytes: int,
    deadline: float,
    seconds: float,
) -> Fetched:
    if response.status_code >= 400:
        reason = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise _error(url, f"the server answered {response.status_code}{reason}")
    if response.status_code >= 300 or response.status_code < 200:
        raise _error(url, f"the server answered {response.status_code} without a page to read")
    content_type, charset = _content_type(response.headers.get("content-type", ""))
    if content_type and content_type not in accept:
        raise _error(url, f"is {content_type}, not a {what} ({', '.join(accept[:2])} expected)")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _error(url, f"is {int(declared):,} bytes, over the size limit of {max_bytes:,}; nothing was read")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise _error(url, f"is over the size limit of {max_bytes:,} bytes; stopped reading there")
        if time.monotonic() > deadline:
            raise _error(url, f"timed out after {seconds:g} s: {_host(final)} was still sending")
    if not content_type and not bytes(body[:512]).lstrip().startswith(b"<"):
        raise _error(url, f"has no content type and does not look like a {what}")
    return Fetched(url, final, content_type or accept[0], charset, bytes(body))


def _content_type(header: str) -> tuple[str, str | None]:
    parts = [part.strip() for part in header.split(";")]
    kind = parts[0].lower()
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'")
    return kind, charset


def _network_problem(exc: httpx.HTTPError, current: str) -> str:
    host = _host(current)
    causes = _causes(exc)
    if any(isinstance(cause, socket.gaierror) for cause in causes) or _looks_like_dns(str(exc)):
        return f"could not find the server {host} (DNS lookup failed); check the address"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes) or "refused" in str(exc).lower():
        return f"connection refused by {host}; is the address right and the site up?"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"is not a valid web address ({exc})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"{host} sent an answer that is not valid HTTP ({exc})"
    if isinstance(exc, httpx.DecodingError):
        return f"cannot be decoded: the server's compressed body is broken ({exc})"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {host}: {exc}"
    return f"could not be fetched: {type(exc).__name__}: {exc}"


def _causes(exc: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(found) < 10:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _looks_like_dns(message: str) -> bool:
    return bool(re.search(r"name or service not known|nodename nor servname|name resolution", message, re.I))


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def _short(url: str) -> str:
    return url if len(url) <= 200 else url[:197] + "..."


def _error(url: str, message: str) -> BriefingError:
    return BriefingError(Location(_short(url)), message)
