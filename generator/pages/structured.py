"""What a brief says to search engines and link previews: a short description and schema.org JSON-LD (a NewsArticle
with each quote as a Quotation), written into the page's front matter for the theme's <head> (mkdocs/theme/main.html).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from ..model import Brief, Topic
from ..text.sentences import sentence_spans

DESCRIPTION_LIMIT = 160  # what search results and link previews show before they cut


def short_description(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The first sentence of `text`, cut at a word boundary with an ellipsis when longer than `limit`."""
    flat = " ".join(text.split())
    spans = sentence_spans(flat)
    first = flat[spans[0][0] : spans[0][1]].strip() if spans else flat
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def news_article(brief: Brief, topics: Sequence[Topic], url: str | None) -> dict[str, Any]:
    """schema.org NewsArticle: the brief as based on its source article, each quote a Quotation by its speaker."""
    source = brief.source
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": " ".join(brief.title.split()),
        "description": short_description(brief.summary),
        "about": [{"@type": "Thing", "name": topic.name} for topic in topics],
    }
    if url:
        article["url"] = url
    if source.published:  # at its own precision: schema.org takes ISO 8601 dates such as 2025-01
        article["datePublished"] = source.published.iso()
    if source.name:
        article["publisher"] = {"@type": "Organization", "name": source.name}
    if source.author:
        article["author"] = {"@type": "Person", "name": source.author}
    if source.url:
        article["isBasedOn"] = source.url
    quotations = []
    for quote in brief.quotes:
        quotation: dict[str, Any] = {
            "@type": "Quotation",
            "text": " ".join(quote.text.split()),
            "creator": {"@type": "Person", "name": " ".join(quote.speaker.split())},
        }
        if source.url:
            quotation["isBasedOn"] = source.url
        quotations.append(quotation)
    if quotations:
        article["hasPart"] = quotations
    return article


def script_json(data: dict[str, Any]) -> str:
    """JSON to print inside <script type="application/ld+json">: '<', '>' and '&' as \\u escapes, so no editor text
    can close the script element or open a comment there."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def front_matter_json(data: dict[str, Any]) -> Markup:
    """`data` as JSON-LD text in one YAML (JSON-syntax) string of the front matter."""
    return Markup(json.dumps(script_json(data), ensure_ascii=False))
