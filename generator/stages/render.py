"""Stage 4: Jinja2 templates (package data, replaceable from site_src/overrides/) turn the corpus into Markdown.

Every value a template prints is editor text unless it is Markup we built ourselves, so the environment's
`finalize` escapes for Markdown and HTML by default: a forgotten filter cannot let an editor's `<script>`,
`[link](javascript:...)` or table `|` through.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import parallel
from ..memo import Memo, NoMemo
from ..model import Brief, Corpus, FigureReport, PartialDate, SiteInfo, TimelineEntry, Topic
from ..pages import charts, feeds, opendata, topicmap

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
        loader=ChoiceLoader([*loaders, PackageLoader("generator.pages", "templates")]),
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


def render_site(
    corpus: Corpus, overrides: Path | None = None, site: SiteInfo | None = None, memo: Memo | None = None
) -> dict[str, str]:
    """Every generated file: its path under the docs folder -> text (Markdown pages, feeds and open data).

    With a memo from the previous run (a preview server), a page whose inputs are unchanged is not rendered again:
    each page's key below lists everything its template reads."""
    site = site or SiteInfo()
    memo = NoMemo() if memo is None else memo
    # one environment per run is enough: Jinja compiles each template once and reloads it when its file changes
    env = memo.get("environment", (overrides, _override_files(overrides)), lambda: make_environment(overrides))
    # a template changed in site_src/overrides/ (a preview server reloads it) must re-render every page
    templates = tuple(_template_stamp(env, name) for name in env.list_templates(filter_func=_is_page_template))
    common = {
        "corpus": corpus,
        "site": site,
        "topics": corpus.topics,
        "topic_order": _topic_order(corpus),
        "metric_order": _metric_order(corpus),
    }

    def figures_page() -> str:
        figure_charts = {
            m: memo.get(
                ("chart", m),
                (corpus.metric_labels[m], tuple(_report_key(r) for r in reports)),
                lambda m=m, reports=reports: charts.metric_chart(corpus.metric_labels[m], reports),
            )
            for m, reports in corpus.metrics.items()
        }
        return env.get_template("figures.md.j2").render(charts=figure_charts, **common)

    def map_page() -> str:
        map_data = topicmap.map_data(corpus)
        return env.get_template("map.md.j2").render(
            topic_map=topicmap.topic_map(corpus, map_data, lambda slug: site.link("map.md", f"topics/{slug}.md")),
            top_pairs=map_data.edges[:MAP_TABLE_ROWS],
            **common,
        )

    def home_page() -> str:
        # the newest briefs with their summaries: an edit to an older brief's summary leaves the page as it was
        macros = env.get_template("_macros.md.j2").module
        entries = {
            brief.slug: memo.get(
                ("home", brief.slug),
                (templates, brief.slug, brief.title, brief.status, brief.source, brief.summary),
                lambda brief=brief: Markup(macros.home_entry(brief)),
            )
            for brief in corpus.briefs[:HOME_LATEST]
        }
        return env.get_template("home.md.j2").render(home_entries=entries, home_latest=HOME_LATEST, **common)

    def archive_page() -> str:
        macros = env.get_template("_macros.md.j2").module
        rows = {
            brief.slug: memo.get(
                ("archive", brief.slug),
                (templates, brief.slug, brief.title, brief.status, brief.source),
                lambda brief=brief: Markup(macros.archive_row(brief)),
            )
            for brief in corpus.briefs
        }
        return env.get_template("archive.md.j2").render(archive_rows=rows, **common)

    figures_key = (
        templates,
        site,
        tuple(
            (m, corpus.metric_labels[m], tuple(_report_key(r) for r in corpus.metrics[m]))
            for m in common["metric_order"]
        ),
    )
    # the pages about the whole briefing: (key, how to make it); key None: cheap enough to make every run
    whole: dict[str, tuple[tuple[object, ...] | None, Callable[[], str]]] = {
        opendata.BRIEFS_JSON: (None, lambda: opendata.briefs_json(corpus, site, memo)),
        "figures.md": (figures_key, figures_page),
        opendata.FIGURES_CSV: (None, lambda: opendata.figures_csv(corpus, site, memo)),
        "index.md": (None, home_page),
        "archive.md": (None, archive_page),
        "topics/index.md": (None, lambda: env.get_template("topics_index.md.j2").render(**common)),
        "timeline.md": (
            None,
            lambda: env.get_template("timeline.md.j2").render(timeline_years=_years(corpus.timeline), **common),
        ),
        "map.md": (None, map_page),
        feeds.ATOM_PATH: (None, lambda: feeds.atom(corpus, site)),
        feeds.JSON_FEED_PATH: (None, lambda: feeds.json_feed(corpus, site)),
    }
    # A one-off build renders on every core. A preview server's run stays in this process: what workers make,
    # their memos forget, and the server's next run would have to make it again.
    pooled = not memo.keeps
    pages: dict[str, str] = {}
    pending: list[tuple[str, tuple[object, ...] | None, tuple[str, str]]] = []  # pages whose inputs changed
    for name, (key, make) in whole.items():
        if pooled:
            pending.append((name, key, ("whole", name)))
        else:
            pages[name] = make() if key is None else memo.get(name, key, make)
    brief_template = env.get_template("brief.md.j2")
    topic_template = env.get_template("topic.md.j2")
    metric_counts = {m: len(r) for m, r in corpus.metrics.items()}

    def ask(page: str, key: Callable[[], tuple[object, ...]], job: tuple[str, str]) -> None:
        if pooled:  # a one-off build: nothing to look up, so no key to compute
            pending.append((page, None, job))
            return
        hit, text = memo.lookup(page, key := key())
        if hit:
            pages[page] = text
        else:
            pending.append((page, key, job))

    def brief_key(brief: Brief) -> tuple[object, ...]:
        context = _brief_context(corpus, brief, site, metric_counts)
        return (templates, site, brief, context["brief_topics"], context["related"], context["metric_counts"])

    def topic_key(slug: str) -> tuple[object, ...]:
        briefs = corpus.briefs_by_topic[slug]
        labels = tuple(
            sorted({(f.metric, corpus.metric_labels[f.metric]) for b in briefs for f in b.figures if f.metric})
        )
        listing = tuple(_listing_key(b) for b in briefs)
        return (templates, site, corpus.topics[slug], listing, corpus.timeline_by_topic.get(slug, ()), labels)

    for brief in corpus.briefs:
        ask(f"briefs/{brief.slug}.md", lambda brief=brief: brief_key(brief), ("brief", brief.slug))
    for slug in corpus.topics:
        ask(f"topics/{slug}.md", lambda slug=slug: topic_key(slug), ("topic", slug))

    # every topic page of a brief shows the same rows for it: render them once (a brief has 3-8 topics)
    macros = env.get_template("_macros.md.j2").module
    rows: dict[str, dict[str, Markup]] = {"topic_figure_rows": {}, "topic_quote_blocks": {}}

    def topic_rows(briefs: tuple[Brief, ...]) -> dict[str, dict[str, Markup]]:
        for brief in briefs:
            if brief.slug not in rows["topic_figure_rows"]:
                figures, quotes = memo.get(
                    ("rows", brief.slug),
                    (templates, brief),
                    lambda brief=brief: (
                        Markup(macros.topic_figure_rows(brief, "../briefs/")),
                        Markup(macros.topic_quote_blocks(brief, "../briefs/")),
                    ),
                )
                rows["topic_figure_rows"][brief.slug], rows["topic_quote_blocks"][brief.slug] = figures, quotes
        return rows

    def render_page(job: tuple[str, str]) -> str:
        kind, slug = job
        if kind == "whole":
            return whole[slug][1]()
        if kind == "brief":
            brief = corpus.brief(slug)
            return brief_template.render(brief=brief, **_brief_context(corpus, brief, site, metric_counts), **common)
        topic = corpus.topics[slug]
        return topic_template.render(
            topic=topic, **_topic_context(corpus, topic), **topic_rows(corpus.briefs_by_topic[slug]), **common
        )

    jobs = [job for *_, job in pending]
    texts = parallel.map_jobs(render_page, jobs) if pooled else [render_page(job) for job in jobs]
    for (page, key, _), text in zip(pending, texts, strict=True):
        if key is not None:
            memo.set(page, key, text)
        pages[page] = text
    return dict(sorted(pages.items()))


def _override_files(overrides: Path | None) -> tuple[tuple[str, int], ...]:
    """The override templates there are, with their modification times: adding, changing or removing one needs
    a new environment (Jinja would keep serving the package's template it cached)."""
    if overrides is None or not overrides.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in overrides.iterdir() if p.is_file()))


def _is_page_template(name: str) -> bool:
    return name.endswith(".md.j2")


def _template_stamp(env: Environment, name: str) -> tuple[str, str | None]:
    """A template's name and source file, with its modification time: a changed override renders anew."""
    source = env.get_template(name).filename
    try:
        return name, f"{source}:{Path(source).stat().st_mtime_ns}" if source else None
    except OSError:
        return name, source


def _listing_key(brief: Brief) -> tuple[object, ...]:
    """What a topic page shows of a brief (everything but its summary and article text)."""
    return (brief.slug, brief.title, brief.status, brief.source, brief.figures, brief.quotes, brief.events)


def _report_key(report: FigureReport) -> tuple[object, ...]:
    """What the figures page and charts show of a report: a summary edit does not redraw them."""
    brief = report.brief
    return (brief.slug, brief.title, brief.is_draft, brief.source, report.figure)


MAP_TABLE_ROWS = 25
HOME_LATEST = 25  # briefs on the home page with their summaries; archive.md lists every brief


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


def _brief_context(corpus: Corpus, brief: Brief, site: SiteInfo, metric_counts: dict[str, int]) -> dict[str, Any]:
    return {
        "brief_topics": [corpus.topics[s] for s in brief.topics],
        "related": corpus.related[brief.slug],
        "metric_counts": metric_counts,
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
        "topic_has_figures": any(b.figures for b in briefs),
        "topic_has_quotes": any(b.quotes for b in briefs),
        "topic_timeline": corpus.timeline_by_topic.get(topic.slug, ()),
        "topic_charts": topic_charts,
    }
