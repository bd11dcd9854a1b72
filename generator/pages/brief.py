"""A brief's page: source line, summary, key figures, quotes, timeline, topics, related briefs, the article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import addresses
from ..model import Brief, Corpus, QuoteReport, SiteInfo
from . import passages, speakers, structured
from .kind import Inputs, PageKind


def _pages(corpus: Corpus) -> Iterator[tuple[str, Inputs]]:
    for brief in corpus.briefs:
        yield addresses.brief_page(brief.slug), _inputs(corpus, brief)


def _inputs(corpus: Corpus, brief: Brief) -> Inputs:
    metrics = {f.metric for f in brief.figures if f.metric}
    return {
        "brief": brief,
        "brief_topics": [corpus.topics[s] for s in brief.topics],
        "related": corpus.related[brief.slug],
        "metric_counts": {m: len(corpus.metrics[m]) for m in sorted(metrics)},
        "quote_speakers": corpus.quote_speakers.get(brief.slug, ()),
        "quote_echoes": tuple(corpus.echoes.get((brief.slug, n), ()) for n in range(len(brief.quotes))),
    }


def _context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    brief = inputs["brief"]
    article = structured.news_article(brief, inputs["brief_topics"], site.absolute(path))
    return {
        **inputs,
        "permalink": site.absolute(path),
        "description": article["description"],  # the meta description and the JSON-LD's are one text
        "structured_data": structured.front_matter_json(article),
        "brief_events": sorted(brief.events, key=lambda e: e.date),
        "located": passages.locate(brief),
        "article": passages.article_html(brief),
        "at_source": lambda passage: passages.source_url(brief.source.url, passage),
        "speaker_url": lambda slug: site.link(path, addresses.speaker_page(slug)),
        "quote_report": lambda n: QuoteReport(brief, brief.quotes[n], n),
        "echo_url": lambda report: speakers.quote_url(site, path, report),
    }


KINDS = (PageKind("brief", _pages, "brief.md.j2", _context),)
