"""A topic's page: its description, every brief naming it, their timeline, figures (with charts) and quotes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from .. import addresses
from ..model import Corpus, SiteInfo
from . import charts, passages
from .kind import MACROS, Inputs, PageKind, Part, macro


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
    return {
        **inputs,
        "topic_has_figures": any(b.figures for b in briefs),
        "topic_has_quotes": any(b.quotes for b in briefs),
    }


def _parts(inputs: Inputs, path: str) -> Iterator[Part]:
    """Each brief's row, figures and quotes, and each metric's chart, made on their own."""
    for brief in inputs["topic_briefs"]:
        yield Part(("row", brief.slug), (brief,), _ROW)
        yield Part(("figures", brief.slug), (brief,), _FIGURES)
        yield Part(("quotes", brief.slug), (brief,), _QUOTES)
    for metric, label, reports in inputs["topic_metrics"]:
        yield Part(("chart", metric), (label, reports), _chart)


def _figures(env: Any, site: SiteInfo, here: str, brief: Any) -> Markup:
    if not brief.figures:
        return Markup("")
    return Markup(env.get_template(MACROS).module.topic_figure_rows(brief, here, passages.locate(brief)))


def _quotes(env: Any, site: SiteInfo, here: str, brief: Any) -> Markup:
    if not brief.quotes:
        return Markup("")
    return Markup(env.get_template(MACROS).module.topic_quote_blocks(brief, here, passages.locate(brief), site))


def _chart(env: Any, site: SiteInfo, here: str, label: str, reports: Any) -> Markup | None:
    return charts.metric_chart(label, reports, charts.TOPIC_ROWS)


_ROW, _FIGURES, _QUOTES = macro("archive_row"), _figures, _quotes
KINDS = (PageKind("topic", _pages, "topic.md.j2", _context, parts=_parts),)
