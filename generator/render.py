"""Stage 4: Jinja2 templates (package data, replaceable from site_src/overrides/) turn the corpus into Markdown.

Every value a template prints is editor text unless it is Markup we built ourselves, so the environment's
`finalize` escapes for Markdown and HTML by default: a forgotten filter cannot let an editor's `<script>`,
`[link](javascript:...)` or table `|` through.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import charts, feeds, opendata, topicmap
from .model import Brief, Corpus, FigureReport, PartialDate, SiteInfo, TimelineEntry, Topic

# Characters that start Markdown syntax anywhere in a line (parentheses only matter after an escaped ']').
_MD_INLINE = re.compile(r"([\\`*_{}\[\]#|!])")
# ...and at the start of a line: list markers, ordered-list numbers, rules.
_MD_LINE_START = re.compile(r"^([-+]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Editor text as literal inline Markdown: HTML-escaped, Markdown syntax backslash-escaped, one line."""
    flat = " ".join(str(text).split())
    escaped = _MD_INLINE.sub(r"\\\1", _escape_html(flat))
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(1) if not m.group(1).isdigit() else m.group(1) + "\\", escaped)


def _escape_html(text: str) -> str:
    """&, <, > and double quotes: enough for text and double-quoted attributes, and no '#' entities."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_markdown(str(value))


def front_matter_string(text: str) -> Markup:
    """A YAML (JSON-syntax) string for front matter; HTML-escaped because MkDocs puts titles and tags into
    the navigation, <title>, meta tags and the search index without escaping."""
    return Markup(json.dumps(_escape_html(" ".join(str(text).split())), ensure_ascii=False))


def safe_url(url: str) -> Markup:
    """An http(s) URL (the schema allows no other) percent-encoded so it cannot close a Markdown link."""
    return Markup(quote(url, safe=":/?#@!$&'*+,;=%~-._"))


def paragraphs(text: str) -> list[str]:
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


def make_environment(overrides: Path | None = None) -> Environment:
    loaders = [FileSystemLoader(str(overrides))] if overrides and overrides.is_dir() else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("generator", "templates")]),
        autoescape=False,  # the output is Markdown; _finalize escapes for Markdown and HTML instead
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        fm=front_matter_string, url=safe_url, paragraphs=paragraphs, date=_human_date, link=Markup, trusted=Markup
    )
    return env


def _human_date(date: PartialDate | None) -> str:
    return date.human() if date else "date not stated"


def render_site(corpus: Corpus, overrides: Path | None = None, site: SiteInfo | None = None) -> dict[str, str]:
    """Every generated file: its path under the docs folder -> text (Markdown pages, feeds and open data)."""
    site = site or SiteInfo()
    env = make_environment(overrides)
    common = {
        "corpus": corpus,
        "site": site,
        "topics": corpus.topics,
        "topic_order": _topic_order(corpus),
        "metric_order": _metric_order(corpus),
    }
    map_data = topicmap.map_data(corpus)
    figure_charts = {m: charts.metric_chart(corpus.metric_labels[m], r) for m, r in corpus.metrics.items()}
    pages = {
        "index.md": env.get_template("home.md.j2").render(**common),
        "figures.md": env.get_template("figures.md.j2").render(charts=figure_charts, **common),
        "topics/index.md": env.get_template("topics_index.md.j2").render(**common),
        "timeline.md": env.get_template("timeline.md.j2").render(timeline_years=_years(corpus.timeline), **common),
        "map.md": env.get_template("map.md.j2").render(
            topic_map=topicmap.topic_map(corpus, map_data, lambda slug: site.link("map.md", f"topics/{slug}.md")),
            top_pairs=map_data.edges[:MAP_TABLE_ROWS],
            **common,
        ),
        feeds.ATOM_PATH: feeds.atom(corpus, site),
        feeds.JSON_FEED_PATH: feeds.json_feed(corpus, site),
        opendata.BRIEFS_JSON: opendata.briefs_json(corpus, site),
        opendata.FIGURES_CSV: opendata.figures_csv(corpus, site),
    }
    brief_template = env.get_template("brief.md.j2")
    for brief in corpus.briefs:
        pages[f"briefs/{brief.slug}.md"] = brief_template.render(
            brief=brief, **_brief_context(corpus, brief, site), **common
        )
    topic_template = env.get_template("topic.md.j2")
    for slug, topic in corpus.topics.items():
        pages[f"topics/{slug}.md"] = topic_template.render(topic=topic, **_topic_context(corpus, topic), **common)
    return dict(sorted(pages.items()))


MAP_TABLE_ROWS = 25


def _years(timeline: tuple[TimelineEntry, ...]) -> list[tuple[int, list[TimelineEntry]]]:
    years: dict[int, list[TimelineEntry]] = {}
    for entry in timeline:
        years.setdefault(entry.date.year, []).append(entry)
    return list(years.items())


def _topic_order(corpus: Corpus) -> list[str]:
    """Most covered first, then alphabetically."""
    return sorted(corpus.topics, key=lambda s: (-len(corpus.briefs_by_topic[s]), corpus.topics[s].name.casefold(), s))


def _metric_order(corpus: Corpus) -> list[str]:
    """Metrics several sources report first: they are what the figures page is for."""
    return sorted(corpus.metrics, key=lambda m: (-len(corpus.metrics[m]), m))


def _brief_context(corpus: Corpus, brief: Brief, site: SiteInfo) -> dict[str, Any]:
    return {
        "brief_topics": [corpus.topics[s] for s in brief.topics],
        "related": corpus.related[brief.slug],
        "metric_counts": {m: len(r) for m, r in corpus.metrics.items()},
        "permalink": site.absolute(f"briefs/{brief.slug}.md"),
        "brief_events": sorted(brief.events, key=lambda e: e.date),
    }


def _topic_context(corpus: Corpus, topic: Topic) -> dict[str, Any]:
    briefs = corpus.briefs_by_topic[topic.slug]
    by_metric: dict[str, list[FigureReport]] = {}
    for brief in briefs:
        for figure in brief.figures:
            if figure.metric:
                by_metric.setdefault(figure.metric, []).append(FigureReport(brief, figure))
    topic_charts = []
    for metric in sorted(by_metric, key=lambda m: (-len(by_metric[m]), m)):
        chart = charts.metric_chart(corpus.metric_labels[metric], by_metric[metric], charts.TOPIC_ROWS)
        if chart:
            topic_charts.append((metric, corpus.metric_labels[metric], chart))
    return {
        "topic_briefs": briefs,
        "topic_figures": [(b, f) for b in briefs for f in b.figures],
        "topic_quotes": [(b, q) for b in briefs for q in b.quotes],
        "topic_timeline": corpus.timeline_by_topic.get(topic.slug, ()),
        "topic_charts": topic_charts,
    }
