"""The timeline: every dated event the briefs report, oldest first, by year."""

from __future__ import annotations

from typing import Any

from .. import addresses
from ..model import Corpus, SiteInfo, TimelineEntry
from .kind import Inputs, PageKind, single


def _inputs(corpus: Corpus) -> Inputs:
    return {"timeline": corpus.timeline}


def _context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    return {**inputs, "timeline_years": _years(inputs["timeline"])}


def _years(timeline: tuple[TimelineEntry, ...]) -> list[tuple[int, list[TimelineEntry]]]:
    years: dict[int, list[TimelineEntry]] = {}
    for entry in timeline:
        years.setdefault(entry.date.year, []).append(entry)
    return list(years.items())


KINDS = (PageKind("timeline", single(addresses.TIMELINE, _inputs), "timeline.md.j2", _context),)
