"""The figures page: each metric as every source reports it, side by side, with a chart."""

from __future__ import annotations

from typing import Any

from .. import addresses
from ..model import Corpus, FigureReport, SiteInfo
from . import charts, passages
from .kind import Inputs, PageKind, single


def _inputs(corpus: Corpus) -> Inputs:
    return {"metric_order": corpus.metric_order, "metrics": corpus.metrics, "metric_labels": corpus.metric_labels}


def _context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    labels = inputs["metric_labels"]
    drawn = {m: charts.metric_chart(labels[m], reports) for m, reports in inputs["metrics"].items()}
    return {**inputs, "charts": drawn, "passage_of": _passage_of}


def _passage_of(report: FigureReport) -> passages.Passage | None:
    """Where the reported figure stands in its brief's article."""
    return passages.locate(report.brief).figures[report.brief.figures.index(report.figure)]


KINDS = (PageKind("figures", single(addresses.FIGURES, _inputs), "figures.md.j2", _context),)
