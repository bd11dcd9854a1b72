"""Open data in the built site: data/briefs.json (every annotation, structured, with parsed figure values) and
data/figures.csv (one row per key figure). Stable order and sorted keys: the same briefs give the same bytes."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from typing import Any

from ..memo import Memo, NoMemo
from ..model import Brief, Corpus, SiteInfo
from ..text.figvalues import plain

BRIEFS_JSON, FIGURES_CSV = "data/briefs.json", "data/figures.csv"
FORMAT_VERSION = 1
CSV_COLUMNS = (
    "brief",
    "brief_title",
    "outlet",
    "published",
    "metric",
    "metric_label",
    "value",
    "label",
    "kind",
    "low",
    "high",
    "unit",
    "approximate",
    "page",
)
# A spreadsheet runs a cell that starts with one of these (or with '-' and no digit) as a formula: such text cells
# get a leading apostrophe, the usual defence against CSV formula injection.
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def briefs_json(corpus: Corpus, site: SiteInfo, memo: Memo | None = None) -> str:
    """Everything as one JSON document. Each brief is serialised on its own (and, with a preview server's memo,
    only when it changed), then set into the document with the indentation json.dumps would give it."""
    memo = NoMemo() if memo is None else memo
    topics_key = tuple((topic, len(corpus.briefs_by_topic[slug])) for slug, topic in corpus.topics.items())
    metrics_key = tuple(
        (metric, corpus.metric_labels[metric], tuple(r.brief.slug for r in reports))
        for metric, reports in corpus.metrics.items()
    )
    text = memo.get(("briefs.json", "rest"), (site, topics_key, metrics_key), lambda: _rest_json(corpus, site))
    if not corpus.briefs:
        return text
    items = ",\n".join(
        memo.get(
            ("briefs.json", brief.slug),
            (site, brief, tuple(corpus.topics[s] for s in _topic_slugs(brief))),
            lambda brief=brief: textwrap.indent(_dumps(_brief(corpus, site, brief)).rstrip("\n"), "    "),
        )
        for brief in corpus.briefs
    )
    # sorted keys put "briefs" first: '{\n  "briefs": [],\n' is where the list goes
    empty = '{\n  "briefs": [],\n'
    assert text.startswith(empty)
    return '{\n  "briefs": [\n' + items + "\n  ],\n" + text[len(empty) :]


def _rest_json(corpus: Corpus, site: SiteInfo) -> str:
    """The document without its briefs: the site, the topic registry and the compared metrics."""
    rest = {
        "format": FORMAT_VERSION,
        "site": {"name": site.name, "url": site.url},
        "briefs": [],
        "topics": [
            {
                "slug": topic.slug,
                "name": topic.name,
                "kind": topic.kind,
                "description": topic.description,
                "aliases": list(topic.aliases),
                "briefs": len(corpus.briefs_by_topic[slug]),
            }
            for slug, topic in corpus.topics.items()
        ],
        "metrics": [
            {"id": metric, "label": corpus.metric_labels[metric], "briefs": [r.brief.slug for r in reports]}
            for metric, reports in corpus.metrics.items()
        ],
    }
    return _dumps(rest)


def _dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _topic_slugs(brief: Brief) -> tuple[str, ...]:
    return (*brief.topics, *(s for e in brief.events for s in e.topics))


def _brief(corpus: Corpus, site: SiteInfo, brief: Brief) -> dict[str, Any]:
    page = f"briefs/{brief.slug}.md"
    source = brief.source
    return {
        "slug": brief.slug,
        "page": site.page_url(page),
        "url": site.absolute(page),
        "title": brief.title,
        "status": brief.status,
        "source": {
            "name": source.name,
            "author": source.author,
            "published": source.published.iso() if source.published else None,
            "url": source.url,
        },
        "summary": brief.summary,
        "topics": [corpus.topics[s].name for s in brief.topics],
        "key_figures": [
            {"value": f.value, "label": f.label, "metric": f.metric, "parsed": f.parsed.as_json()}
            for f in brief.figures
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role} for q in brief.quotes],
        "events": [
            {
                "date": e.date.iso(),
                "precision": e.date.precision,
                "what": e.what,
                "sentence": e.sentence,
                "topics": [corpus.topics[s].name for s in e.topics or brief.topics],
            }
            for e in brief.events
        ],
    }


def figures_csv(corpus: Corpus, site: SiteInfo, memo: Memo | None = None) -> str:
    memo = NoMemo() if memo is None else memo
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    for brief in corpus.briefs:
        labels = tuple(corpus.metric_labels.get(f.metric or "", "") for f in brief.figures)
        out.write(
            memo.get(("figures.csv", brief.slug), (site, brief, labels), lambda b=brief: _csv_rows(corpus, site, b))
        )
    return out.getvalue()


def _csv_rows(corpus: Corpus, site: SiteInfo, brief: Brief) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for figure in brief.figures:
        parsed = figure.parsed
        writer.writerow(
            [
                brief.slug,
                _cell(brief.title),
                _cell(brief.source.name or ""),
                brief.source.published.iso() if brief.source.published else "",
                figure.metric or "",
                _cell(corpus.metric_labels.get(figure.metric or "", "")),
                _cell(figure.value),
                _cell(figure.label),
                parsed.kind,
                _number(parsed.low),
                _number(parsed.high),
                parsed.unit or "",
                "yes" if parsed.approximate else "no",
                site.absolute(f"briefs/{brief.slug}.md") or site.page_url(f"briefs/{brief.slug}.md"),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    risky = text.startswith(_FORMULA_START) or (text.startswith("-") and not text[1:2].isdigit())
    return "'" + text if risky else text


def _number(value: float | None) -> str:
    number = plain(value)
    return "" if number is None else str(number)
