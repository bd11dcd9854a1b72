"""Feeds of published briefs, newest first with their summaries: Atom (feed.xml) and JSON Feed 1.1 (feed.json).

Entries link to each brief's permalink, absolute when mkdocs.yml has a site_url. Output is byte-identical for the
same briefs: the only dates are the briefs' own, and the feed's `updated` is SOURCE_DATE_EPOCH when set, else the
newest brief's date.

A date is given at the precision the annotation states, never made more precise: a day is Atom's `published` and
JSON Feed's `date_published`; a month or a year ("2025-01") has no timestamp that would be true, so it goes out as
Dublin Core's `dcterms:issued` as written (feed readers such as feedparser read it as the published date) and as
`_briefing.published` in JSON Feed. An undated brief has neither. Atom requires every entry to have an `updated`:
an entry without a day of its own carries the feed's `updated`, the time the feed was made, which is true of it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import xml.etree.ElementTree as ET

from .. import addresses
from ..model import Brief, Corpus, PartialDate, SiteInfo
from .kind import PageKind, single, whole_corpus

ATOM_NS = "http://www.w3.org/2005/Atom"
DCTERMS_NS = "http://purl.org/dc/terms/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ATOM_PATH, JSON_FEED_PATH = addresses.ATOM_FEED, addresses.JSON_FEED
MAX_ITEMS = 100  # feed readers want what is new; data/briefs.json has everything
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_briefs(corpus: Corpus) -> list[Brief]:
    """Published briefs, newest first (drafts are not announced)."""
    return [b for b in corpus.briefs if not b.is_draft][:MAX_ITEMS]


def rfc3339(date: PartialDate) -> str:
    """A partial date at its start: 2025-01 -> 2025-01-01T00:00:00Z (for the feed's own `updated` only)."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def day_timestamp(date: PartialDate | None) -> str | None:
    """A timestamp for a date that names its day; None for a month, a year or no date (any time would be invented)."""
    return rfc3339(date) if date and date.day else None


def feed_updated(corpus: Corpus) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = [b.source.published for b in corpus.briefs if b.source.published]
    return rfc3339(max(dates)) if dates else "1970-01-01T00:00:00Z"


def _id(site: SiteInfo, page: str, slug: str) -> str:
    return site.absolute(page) or f"urn:briefing:{slug}"


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def atom(corpus: Corpus, site: SiteInfo) -> str:
    updated = feed_updated(corpus)
    ET.register_namespace("dcterms", DCTERMS_NS)
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: site.language})
    ET.SubElement(feed, "id").text = site.absolute(addresses.HOME) or "urn:briefing:feed"
    ET.SubElement(feed, "title").text = _clean(site.name)
    ET.SubElement(feed, "subtitle").text = "New briefs, newest first, each with its summary."
    ET.SubElement(feed, "updated").text = updated
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = _clean(site.name)
    ET.SubElement(feed, "generator").text = "briefing"
    if site.url:
        ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": _href(site, ATOM_PATH)})
        ET.SubElement(
            feed, "link", {"rel": "alternate", "type": "text/html", "href": site.absolute(addresses.HOME) or ""}
        )
    for brief in feed_briefs(corpus):
        page = addresses.brief_page(brief.slug)
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = _id(site, page, brief.slug)
        ET.SubElement(entry, "title").text = _clean(brief.title)
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": _brief_href(site, brief)})
        if brief.source.url:
            ET.SubElement(entry, "link", {"rel": "related", "href": brief.source.url})
        date, day = brief.source.published, day_timestamp(brief.source.published)
        ET.SubElement(entry, "updated").text = day or updated
        if day:
            ET.SubElement(entry, "published").text = day
        elif date:
            ET.SubElement(entry, f"{{{DCTERMS_NS}}}issued").text = date.iso()
        if brief.source.author:
            ET.SubElement(ET.SubElement(entry, "author"), "name").text = _clean(brief.source.author)
        for name in (corpus.topics[s].name for s in brief.topics):
            ET.SubElement(entry, "category", {"term": _clean(name)})
        ET.SubElement(entry, "summary", {"type": "text"}).text = _clean(brief.summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_feed(corpus: Corpus, site: SiteInfo) -> str:
    feed: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": site.name,
        "description": "New briefs, newest first, each with its summary.",
        "language": site.language,
        "items": [_item(corpus, site, brief) for brief in feed_briefs(corpus)],
    }
    if site.url:
        feed["home_page_url"] = site.absolute(addresses.HOME)
        feed["feed_url"] = _href(site, JSON_FEED_PATH)
    return json.dumps(feed, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _item(corpus: Corpus, site: SiteInfo, brief: Brief) -> dict[str, object]:
    item: dict[str, object] = {
        "id": _id(site, addresses.brief_page(brief.slug), brief.slug),
        "url": _brief_href(site, brief),
        "title": brief.title,
        "summary": brief.summary,
        "content_text": brief.summary,
        "tags": [corpus.topics[s].name for s in brief.topics],
    }
    if brief.source.url:
        item["external_url"] = brief.source.url
    date, day = brief.source.published, day_timestamp(brief.source.published)
    if day:
        item["date_published"] = day
    elif date:  # JSON Feed has no partial dates; its extensions start with an underscore
        item["_briefing"] = {"published": date.iso()}
    if brief.extra("language"):  # a brief in another language than the site's
        item["language"] = brief.extra("language")
    if brief.source.author:
        item["authors"] = [{"name": brief.source.author}]
    return item


def _href(site: SiteInfo, path: str) -> str:
    """A file at the site root (feed.xml): absolute with a site_url, else relative to the root."""
    return (site.url.rstrip("/") + "/" + path) if site.url else path


def _brief_href(site: SiteInfo, brief: Brief) -> str:
    page = addresses.brief_page(brief.slug)
    return site.absolute(page) or site.page_url(page)


KINDS = (
    PageKind("Atom feed", single(ATOM_PATH, whole_corpus), make=lambda c, site: atom(c["corpus"], site)),
    PageKind("JSON feed", single(JSON_FEED_PATH, whole_corpus), make=lambda c, site: json_feed(c["corpus"], site)),
)
