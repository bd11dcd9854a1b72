"""Stage 3: cross-references computed from indexes (never by comparing every brief with every other)."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from ..memo import Memo, NoMemo
from ..model import Brief, Corpus, EventReport, FigureReport, PartialDate, TimelineEntry, Topic

MAX_RELATED = 8


def link(
    briefs: list[Brief],
    registry: dict[str, Topic],
    new_topic_names: dict[str, str],
    metric_titles: dict[str, str] | None = None,
    memo: Memo | None = None,
) -> Corpus:
    """Index briefs by topic and metric, and find each brief's related briefs."""
    memo = NoMemo() if memo is None else memo
    ordered = tuple(sorted(briefs, key=lambda b: (b.sort_key, b.slug)))
    topics = dict(sorted({**{s: Topic(s, n) for s, n in new_topic_names.items()}, **registry}.items()))
    by_topic = _briefs_by_topic(ordered)
    metrics = _metrics(ordered, memo)
    timeline = _timeline(ordered)
    return Corpus(
        briefs=ordered,
        topics={slug: topic for slug, topic in topics.items() if slug in by_topic},
        briefs_by_topic=by_topic,
        related=_all_related(ordered, by_topic),
        metrics=metrics,
        metric_labels={m: (metric_titles or {}).get(m) or _metric_label(reports) for m, reports in metrics.items()},
        timeline=timeline,
        timeline_by_topic=_timeline_by_topic(timeline),
        cooccurrence=_cooccurrence(ordered),
    )


def _briefs_by_topic(ordered: tuple[Brief, ...]) -> dict[str, tuple[Brief, ...]]:
    index: dict[str, list[Brief]] = defaultdict(list)
    for brief in ordered:
        for slug in brief.topics:
            index[slug].append(brief)
    return {slug: tuple(items) for slug, items in sorted(index.items())}


def _all_related(ordered: tuple[Brief, ...], by_topic: dict[str, tuple[Brief, ...]]) -> dict[str, tuple[Brief, ...]]:
    """Each brief's related briefs: those sharing the most topics with it, then newest first.

    Briefs are ranked by their position in `ordered` (already newest first) rather than by comparing dates again:
    integers compare far faster than the dataclasses, and this runs over every pair of briefs sharing a topic."""
    position = {brief.slug: index for index, brief in enumerate(ordered)}
    topic_positions = {topic: [position[b.slug] for b in briefs] for topic, briefs in by_topic.items()}
    related: dict[str, tuple[Brief, ...]] = {}
    for index, brief in enumerate(ordered):
        shared: Counter[int] = Counter()
        for topic in brief.topics:
            shared.update(topic_positions.get(topic, ()))
        shared.pop(index, None)
        # most shared topics first, then newest (lowest position): one integer says both
        ranked = heapq.nsmallest(MAX_RELATED, [position - count * len(ordered) for position, count in shared.items()])
        related[brief.slug] = tuple(ordered[rank % len(ordered)] for rank in ranked)
    return related


def _metrics(ordered: tuple[Brief, ...], memo: Memo) -> dict[str, tuple[FigureReport, ...]]:
    groups: dict[str, list[FigureReport]] = defaultdict(list)
    for brief in ordered:
        reports = memo.get(
            ("reports", brief.slug),
            brief,
            lambda brief=brief: tuple(FigureReport(brief, f) for f in brief.figures if f.metric),
        )
        for report in reports:
            groups[report.figure.metric].append(report)  # type: ignore[index]
    return {metric: tuple(reports) for metric, reports in sorted(groups.items())}


def _metric_label(reports: tuple[FigureReport, ...]) -> str:
    """The label most sources use for the metric (ties: the first in brief order)."""
    counts = Counter(r.figure.label for r in reports)
    best = max(counts.values())
    return next(r.figure.label for r in reports if counts[r.figure.label] == best)


@dataclass
class _Group:
    reports: list[EventReport]
    topics: dict[str, None]  # insertion-ordered set

    def accepts(self, brief: Brief, topics: tuple[str, ...]) -> bool:
        return bool(self.topics.keys() & set(topics)) and all(r.brief.slug != brief.slug for r in self.reports)


def _timeline(ordered: tuple[Brief, ...]) -> tuple[TimelineEntry, ...]:
    """Every event of every brief, oldest first; events of different briefs on the same date that share a topic
    become one entry (several sources reporting one event). A brief's own events are never merged together."""
    by_date: dict[PartialDate, list[_Group]] = defaultdict(list)
    for brief in ordered:
        for event in brief.events:
            topics = event.topics or brief.topics
            report = EventReport(brief, event)
            group = next((g for g in by_date[event.date] if g.accepts(brief, topics)), None)
            if group is None:
                by_date[event.date].append(_Group([report], dict.fromkeys(topics)))
            else:
                group.reports.append(report)
                group.topics.update(dict.fromkeys(topics))
    entries = [
        TimelineEntry(date, tuple(g.reports), tuple(g.topics)) for date, groups in by_date.items() for g in groups
    ]
    return tuple(sorted(entries, key=lambda e: (e.date, e.reports[0].event.what.casefold(), e.reports[0].brief.slug)))


def _timeline_by_topic(timeline: tuple[TimelineEntry, ...]) -> dict[str, tuple[TimelineEntry, ...]]:
    index: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in timeline:
        for slug in entry.topics:
            index[slug].append(entry)
    return {slug: tuple(entries) for slug, entries in sorted(index.items())}


def _cooccurrence(ordered: tuple[Brief, ...]) -> dict[tuple[str, str], int]:
    """How many briefs name both topics of each pair (pairs as sorted slugs)."""
    counts: Counter[tuple[str, str]] = Counter()
    for brief in ordered:
        counts.update(combinations(sorted(set(brief.topics)), 2))
    return dict(sorted(counts.items()))
