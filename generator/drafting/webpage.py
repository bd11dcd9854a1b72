"""Reading a saved web page: the article's headline, author, date, outlet and address from its <meta> tags and
JSON-LD, and its paragraphs without navigation, share buttons, newsletter boxes or further-reading blocks.

The page is parsed with the standard library's HTML parser and never run: scripts, styles and frames are
dropped unread, except JSON-LD blocks, which are read as data with a size cap.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from ..errors import BriefingError, Location
from ..model import PartialDate
from ..text import textio

MAX_PAGE_BYTES = 5 * textio.MAX_ARTICLE_BYTES  # pages carry scripts and styles; the article text is capped below
MAX_JSON_LD_CHARS = 200_000
_DROP_TAGS = "script style noscript template iframe object embed svg canvas form button input select textarea nav "
_DROP_TAGS += "aside footer header dialog menu figure picture video audio map link meta head"
_DROP = frozenset(_DROP_TAGS.split())
_BOILERPLATE = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|menu|share|sharing|social|newsletter|subscribe|signup|sign-up|related|further|"
    r"read-?more|recommended|promo|ad|ads|advert|advertisement|sponsor|sponsored|cookie|banner|comments?|footer|"
    r"header|breadcrumbs?|sidebar|popup|modal|paywall|tags|more-from|most-read|outbrain|taboola)(?:$|[-_ ])",
    re.IGNORECASE,
)
_BOILERPLATE_HEADING = re.compile(
    r"^(?:further reading|read more|related|more from|recommended|most read|you may also like|sign up|newsletter|"
    r"stay updated|follow us|share this|more on this|latest news|popular)",
    re.IGNORECASE,
)
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}
_ARTICLE_TYPES |= {"OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "ScholarlyArticle"}
_BYLINE = re.compile(r"^by\s+\S+(?:\s+\S+){0,5}$", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"]


@dataclass(frozen=True)
class Page:
    """What a saved web page says about its article."""

    title: str | None
    body: list[str]
    author: str | None = None
    published: str | None = None
    name: str | None = None
    url: str | None = None


def read_page(raw: bytes, where: str) -> Page:
    return parse_page(_decode_html(raw, where))


def parse_page(html: str, base_url: str | None = None) -> Page:
    """A page already decoded; a relative canonical address is resolved against `base_url` (where it was read)."""
    soup = BeautifulSoup(html, "html.parser")
    meta = _meta(soup)
    ld = _json_ld(soup)
    title = _first(ld.get("headline"), meta.get("og:title"), meta.get("twitter:title"), _text(soup.find("h1")))
    title = title or _strip_site(_text(soup.find("title")))
    author = _first(_ld_name(ld.get("author")), meta.get("author"), _text(soup.select_one("[rel=author], .byline")))
    published = _date(_first(ld.get("datePublished"), meta.get("article:published_time"), meta.get("date")))
    if not published:
        time_tag = soup.find("time")
        published = _date(time_tag.get("datetime") if isinstance(time_tag, Tag) else None)
    name = _first(_ld_name(ld.get("publisher")), meta.get("og:site_name"))
    url = _first(ld.get("url"), meta.get("og:url"), _canonical(soup))
    url = urljoin(base_url, url) if url and base_url else url
    body = _body(soup, title)
    if not body and isinstance(ld.get("articleBody"), str):
        body = [p.strip() for p in ld["articleBody"].split("\n") if p.strip()]
    if author and author.lower().startswith(("http://", "https://")):
        author = None
    return Page(title, body, author, published, name, url if _is_web_url(url) else None)


def _decode_html(raw: bytes, where: str) -> str:
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096], re.IGNORECASE)
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if encoding in ("utf-8", "utf8"):
        return textio.decode(raw, where)
    try:
        return raw.decode(encoding, errors="replace").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    except LookupError:
        raise BriefingError(Location(where, 1), f"unknown character set {encoding!r}; save the page as UTF-8") from None


def _meta(soup: BeautifulSoup) -> dict[str, str]:
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            found.setdefault(key.strip().lower(), " ".join(content.split()))
    return found


def _json_ld(soup: BeautifulSoup) -> dict[str, Any]:
    """The first JSON-LD object of an article type (also inside @graph); other JSON-LD is ignored."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        raw = script.string or ""
        if len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        for item in _items(data):
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & _ARTICLE_TYPES:
                return item
    return {}


def _items(data: Any) -> Iterable[dict[str, Any]]:
    candidates = data if isinstance(data, list) else [data]
    for item in candidates:
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (entry for entry in graph if isinstance(entry, dict))


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [_ld_name(item) for item in value[:5]]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _text(tag: Any) -> str | None:
    return " ".join(tag.get_text(" ").split()) or None if isinstance(tag, Tag) else None


def _strip_site(title: str | None) -> str | None:
    return re.split(r"\s+[|–—-]\s+", title)[0] if title else None


def _canonical(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    return href if isinstance(href, str) else None


def _is_web_url(url: str | None) -> bool:
    return bool(url) and re.fullmatch(r"https?://[^\s<>\"]+", url or "") is not None and len(url or "") <= 2000


def _date(value: Any) -> str | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return PartialDate.parse(match.group(0)).iso()
    except ValueError:
        return None


def _body(soup: BeautifulSoup, title: str | None) -> list[str]:
    """The article's paragraphs, without navigation, share buttons, newsletter boxes or further reading."""
    for tag in _outermost(soup, _is_boilerplate):
        tag.decompose()
    container = _container(soup)
    paragraphs: list[str] = []
    for block in _outermost(container, lambda tag: tag.name in _BLOCKS):
        text = " ".join(block.get_text(" ").split())
        text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text)
        if not text or (title and text == title) or _mostly_links(block, text) or _BYLINE.match(text):
            continue  # the headline and byline are written above the body by article_text()
        paragraphs.append(text)
    return paragraphs


def _outermost(root: Tag, wanted: Callable[[Tag], bool]) -> list[Tag]:
    """Tags for which `wanted` holds, in document order, without looking inside them: one pass, no recursion,
    so a page nested 100,000 levels deep costs no more than a flat one."""
    found: list[Tag] = []
    stack = [child for child in reversed(root.contents) if isinstance(child, Tag)]
    skipping: set[int] = set()
    while stack:
        tag = stack.pop()
        if id(tag) in skipping:
            continue
        if wanted(tag):
            found.append(tag)
            if _BOILERPLATE_HEADING.match(tag.get_text(" ", strip=True)) and tag.name in _HEADINGS:
                skipping |= {id(sibling) for sibling in _section_after(tag)}
                found.extend(sibling for sibling in _section_after(tag))
            continue
        stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return found


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in _DROP:
        return True
    marks = " ".join([*tag.get("class", []), str(tag.get("id", "")), str(tag.get("role", ""))])
    style = str(tag.get("style", "")).replace(" ", "")
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or "display:none" in style:
        return True
    if tag.name in _HEADINGS and _BOILERPLATE_HEADING.match(tag.get_text(" ", strip=True)):
        return True  # "Further reading", "Sign up": the heading and its section
    return tag.name not in ("html", "body", "article", "main") and bool(_BOILERPLATE.search(marks))


def _section_after(heading: Tag) -> list[Tag]:
    section = []
    for sibling in heading.next_siblings:
        if not isinstance(sibling, Tag):
            continue
        if sibling.name in _HEADINGS and sibling.name <= heading.name:
            break
        section.append(sibling)
    return section


def _container(soup: BeautifulSoup) -> Tag:
    found = soup.select("[itemprop=articleBody]") or soup.find_all("article") or soup.find_all("main")
    candidates = [tag for tag in found if isinstance(tag, Tag)]
    if candidates:
        return max(candidates, key=lambda tag: len(tag.get_text(" ")))
    return soup.body if isinstance(soup.body, Tag) else soup


def _mostly_links(block: Tag, text: str) -> bool:
    linked = sum(len(a.get_text(" ").strip()) for a in block.find_all("a"))
    return block.name == "li" and linked > 0.6 * len(text)


def article_text(page: Page) -> str:
    """The article as it is kept in briefs/: headline, byline, date, then one paragraph per line."""
    head = [page.title or ""]
    if page.author:
        head.append(f"By {page.author}")
    if page.published:
        head.append(PartialDate.parse(page.published).human())
    return "\n\n".join([line for line in head if line] + page.body) + "\n"
