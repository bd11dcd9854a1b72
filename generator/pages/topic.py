"""A topic's page: its description, every brief naming it, their timeline, figures (with charts) and quotes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import addresses
from ..model import Corpus, SiteInfo
from . import charts, passages
from .kind import Inputs, PageKind


def _pages(corpus: Corpus) -> Iterator[tuple[str, Inputs]]:
    for slug, topic in corpus.topics.items():
        metrics = corpus.topic_metrics.get(slug, ())
        yield (
            addresses.topic_page(slug),
            {
                "topic": topic,
                "topic_briefs": corpus.briefs_by_topic[slug],
                "topic_timeline": corpus.timeline_by_topic.get(slug, ()),
                "topic_metrics": [(m, corpus.metric_labels[m], reports) for m, reports in metrics],
            },
        )


def _context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    briefs = inputs["topic_briefs"]
    drawn = [
        (m, label, charts.metric_chart(label, reports, charts.TOPIC_ROWS))
        for m, label, reports in inputs["topic_metrics"]
    ]
    return {
        **inputs,
        "topic_has_figures": any(b.figures for b in briefs),
        "topic_has_quotes": any(b.quotes for b in briefs),
        "topic_charts": [(m, label, chart) for m, label, chart in drawn if chart],
        "located": {b.slug: passages.locate(b) for b in briefs if b.figures or b.quotes},
    }


KINDS = (PageKind("topic", _pages, "topic.md.j2", _context),)
