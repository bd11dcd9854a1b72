"""Open data in the built site: data/briefs.json (every annotation, structured, with parsed figure values) and
data/figures.csv (one row per key figure). Stable order and sorted keys: the same briefs give the same bytes."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from .. import addresses
from ..model import Brief, Corpus, SiteInfo
from ..text import figvalues
from ..text.figvalues import plain
from .kind import Inputs, PageKind, Part, single, whole_corpus

BRIEFS_JSON, FIGURES_CSV = addresses.BRIEFS_JSON, addresses.FIGURES_CSV
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


def briefs_json(corpus: Corpus, site: SiteInfo, made: Mapping[Hashable, str] | None = None) -> str:
    """Everything as one JSON document. Each brief is serialised on its own (a part: `made` holds them when the
    build made them already), then set into the document with the indentation json.dumps would give it."""
    if made is None:
        made = {part.key: part.make(None, site, BRIEFS_JSON, *part.args) for part in _json_parts(corpus)}
    text = made[_REST]
    if not corpus.briefs:
        return text
    items = ",\n".join(made[brief.slug] for brief in corpus.briefs)
    # sorted keys put "briefs" first: '{\n  "briefs": [],\n' is where the list goes
    empty = '{\n  "briefs": [],\n'
    assert text.startswith(empty)
    return '{\n  "briefs": [\n' + items + "\n  ],\n" + text[len(empty) :]


def _topic_names(corpus: Corpus, brief: Brief) -> tuple[tuple[str, str], ...]:
    """The names of the topics a brief and its events name: what its entry shows of the registry."""
    slugs = dict.fromkeys([*brief.topics, *(s for e in brief.events for s in e.topics)])
    return tuple((slug, corpus.topics[slug].name) for slug in slugs)


def _json_parts(corpus: Corpus) -> list[Part]:
    topics = tuple((topic, len(corpus.briefs_by_topic[slug])) for slug, topic in corpus.topics.items())
    metrics = tuple(
        (metric, corpus.metric_labels[metric], tuple(r.brief.slug for r in reports))
        for metric, reports in corpus.metrics.items()
    )
    rest = Part(_REST, (topics, metrics), _rest_json)
    return [rest, *(Part(b.slug, (b, _topic_names(corpus, b)), _json_entry) for b in corpus.briefs)]


def _json_entry(env: Any, site: SiteInfo, here: str, brief: Brief, names: tuple[tuple[str, str], ...]) -> str:
    return textwrap.indent(_dumps(_brief(dict(names), site, brief)).rstrip("\n"), "    ")


_REST = "(the rest)"  # not a slug, so no brief's key


def _rest_json(env: Any, site: SiteInfo, here: str, topics: tuple[Any, ...], metrics: tuple[Any, ...]) -> str:
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
                "briefs": count,
            }
            for topic, count in topics
        ],
        "metrics": [{"id": metric, "label": label, "briefs": list(slugs)} for metric, label, slugs in metrics],
    }
    return _dumps(rest)


def _dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _brief(names: Mapping[str, str], site: SiteInfo, brief: Brief) -> dict[str, Any]:
    page = addresses.brief_page(brief.slug)
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
        "topics": [names[s] for s in brief.topics],
        "key_figures": [
            {
                "value": f.value,
                "label": f.label,
                "metric": f.metric,
                "parsed": {**f.parsed.as_json(), "approximate": figvalues.approximate(f.parsed, f.label)},
            }
            for f in brief.figures
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role} for q in brief.quotes],
        **dict(brief.extras),  # the schema's plain fields, each null when the annotation leaves it out
        "events": [
            {
                "date": e.date.iso(),
                "precision": e.date.precision,
                "what": e.what,
                "sentence": e.sentence,
                "topics": [names[s] for s in e.topics or brief.topics],
            }
            for e in brief.events
        ],
    }


def figures_csv(corpus: Corpus, site: SiteInfo, made: Mapping[Hashable, str] | None = None) -> str:
    if made is None:
        made = {part.key: part.make(None, site, FIGURES_CSV, *part.args) for part in _csv_parts(corpus)}
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(CSV_COLUMNS)
    for brief in corpus.briefs:
        out.write(made[brief.slug])
    return out.getvalue()


def _csv_parts(corpus: Corpus) -> list[Part]:
    labels = corpus.metric_labels
    return [
        Part(brief.slug, (brief, tuple((f.metric, labels.get(f.metric or "", "")) for f in brief.figures)), _csv_rows)
        for brief in corpus.briefs
    ]


def _csv_rows(env: Any, site: SiteInfo, here: str, brief: Brief, labels: tuple[tuple[str | None, str], ...]) -> str:
    page = addresses.brief_page(brief.slug)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for figure, (_metric, label) in zip(brief.figures, labels, strict=True):
        parsed = figure.parsed
        writer.writerow(
            [
                brief.slug,
                _cell(brief.title),
                _cell(brief.source.name or ""),
                brief.source.published.iso() if brief.source.published else "",
                figure.metric or "",
                _cell(label),
                _cell(figure.value),
                _cell(figure.label),
                parsed.kind,
                _number(parsed.low),
                _number(parsed.high),
                parsed.unit or "",
                "true" if figvalues.approximate(parsed, figure.label) else "false",
                site.absolute(page) or site.page_url(page),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    risky = text.startswith(_FORMULA_START) or (text.startswith("-") and not text[1:2].isdigit())
    return "'" + text if risky else text


def _number(value: float | None) -> str:
    number = plain(value)
    return "" if number is None else str(number)


def _parts(parts: Callable[[Corpus], list[Part]]) -> Callable[[Inputs, str], list[Part]]:
    return lambda inputs, path: parts(inputs["corpus"])


KINDS = (
    PageKind(
        "open data (JSON)",
        single(BRIEFS_JSON, whole_corpus),
        make=lambda c, site: briefs_json(c["corpus"], site, c["parts"]),
        parts=_parts(_json_parts),
    ),
    PageKind(
        "open data (CSV)",
        single(FIGURES_CSV, whole_corpus),
        make=lambda c, site: figures_csv(c["corpus"], site, c["parts"]),
        parts=_parts(_csv_parts),
    ),
)
