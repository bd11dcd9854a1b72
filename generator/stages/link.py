"""Stage 3: cross-references computed from indexes (never by comparing every brief with every other)."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

from ..model import Brief, Corpus, EventReport, FigureReport, MapData, PartialDate, TimelineEntry, Topic
from .speakers import SpeakerRegistry, index_speakers

MAX_RELATED = 8
MAP_NODES = 40  # topics drawn on the map: more would not be readable; the topics index lists every topic
MAP_EDGES = 150


def link(
    briefs: list[Brief],
    registry: dict[str, Topic],
    new_topic_names: dict[str, str],
    metric_titles: dict[str, str] | None = None,
    speakers: SpeakerRegistry | None = None,
) -> Corpus:
    """Index briefs by topic and metric, find each brief's related briefs, and order what pages list."""
    ordered = tuple(sorted(briefs, key=lambda b: (b.sort_key, b.slug)))
    named = dict(sorted({**{s: Topic(s, n) for s, n in new_topic_names.items()}, **registry}.items()))
    by_topic = _briefs_by_topic(ordered)
    topics = {slug: topic for slug, topic in named.items() if slug in by_topic}
    metrics = _metrics(ordered)
    timeline = _timeline(ordered)
    cooccurrence = _cooccurrence(ordered)
    said = index_speakers(ordered, speakers)
    return Corpus(
        briefs=ordered,
        topics=topics,
        briefs_by_topic=by_topic,
        related=_all_related(ordered, by_topic),
        metrics=metrics,
        metric_labels={m: (metric_titles or {}).get(m) or _metric_label(reports) for m, reports in metrics.items()},
        timeline=timeline,
        timeline_by_topic=_timeline_by_topic(timeline),
        cooccurrence=cooccurrence,
        topic_order=_topic_order(topics, by_topic),
        metric_order=tuple(sorted(metrics, key=lambda m: (-len(metrics[m]), m))),
        topic_metrics=_topic_metrics(metrics, by_topic),
        topic_map=_map_data(topics, by_topic, cooccurrence),
        speakers=said.speakers,
        quotes_by_speaker=said.quotes_by_speaker,
        speaker_order=said.speaker_order,
        quote_speakers=said.quote_speakers,
        echoes=said.echoes,
    )


def _topic_order(topics: dict[str, Topic], by_topic: dict[str, tuple[Brief, ...]]) -> tuple[str, ...]:
    """Most covered first, then alphabetically."""
    return tuple(sorted(topics, key=lambda s: (-len(by_topic[s]), topics[s].name.casefold(), s)))


def _topic_metrics(
    metrics: dict[str, tuple[FigureReport, ...]], by_topic: dict[str, tuple[Brief, ...]]
) -> dict[str, tuple[tuple[str, tuple[FigureReport, ...]], ...]]:
    """Each topic's metrics, most reported first, from the reports by metric (in brief order already)."""
    groups: dict[str, dict[str, list[FigureReport]]] = defaultdict(dict)
    for metric, reports in metrics.items():
        for report in reports:
            for slug in report.brief.topics:
                groups[slug].setdefault(metric, []).append(report)
    return {slug: _most_reported(groups.get(slug, {})) for slug in by_topic}


def _most_reported(by_metric: dict[str, list[FigureReport]]) -> tuple[tuple[str, tuple[FigureReport, ...]], ...]:
    return tuple((m, tuple(by_metric[m])) for m in sorted(by_metric, key=lambda m: (-len(by_metric[m]), m)))


def _map_data(
    topics: dict[str, Topic], by_topic: dict[str, tuple[Brief, ...]], cooccurrence: dict[tuple[str, str], int]
) -> MapData:
    """The topic map's layout, deterministic and linear in the topics and pairs drawn: the most covered topic at
    the top, and each next place on the circle to the topic most often seen with the one before it."""
    counts = {slug: len(briefs) for slug, briefs in by_topic.items() if slug in topics}
    ranked = sorted(counts, key=lambda s: (-counts[s], topics[s].name.casefold(), s))
    chosen = set(ranked[:MAP_NODES])
    pairs = [(a, b, n) for (a, b), n in cooccurrence.items() if a in chosen and b in chosen]
    edges = sorted(pairs, key=lambda e: (-e[2], e[0], e[1]))[:MAP_EDGES]
    return MapData(_circle_order(ranked[:MAP_NODES], edges), tuple(edges), counts, len(ranked) - len(chosen))


def _circle_order(ranked: list[str], edges: list[tuple[str, str, int]]) -> tuple[str, ...]:
    weight: dict[str, dict[str, int]] = {slug: {} for slug in ranked}
    for a, b, n in edges:
        weight[a][b] = weight[b][a] = n
    position = {slug: i for i, slug in enumerate(ranked)}
    order = ranked[:1]
    left = set(ranked[1:])
    while left:
        last = weight[order[-1]]
        best = min(left, key=lambda s: (-last.get(s, 0), position[s]))
        order.append(best)
        left.remove(best)
    return tuple(order)


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


def _metrics(ordered: tuple[Brief, ...]) -> dict[str, tuple[FigureReport, ...]]:
    groups: dict[str, list[FigureReport]] = defaultdict(list)
    for brief in ordered:
        for figure in brief.figures:
            if figure.metric:
                groups[figure.metric].append(FigureReport(brief, figure))
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
