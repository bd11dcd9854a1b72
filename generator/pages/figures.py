"""The figures page: each metric as every source reports it, side by side, with a chart."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from .. import addresses
from ..model import Corpus, FigureReport, SiteInfo
from . import charts, passages
from .kind import MACROS, Inputs, PageKind, Part, macro, single


def _inputs(corpus: Corpus) -> Inputs:
    return {"metric_order": corpus.metric_order, "metrics": corpus.metrics, "metric_labels": corpus.metric_labels}


def _sections(inputs: Inputs, path: str) -> list[Part]:
    """Each metric's section (its chart and table) and its row at a glance, made on their own: an edit to one
    brief redraws its metrics only."""
    labels, metrics = inputs["metric_labels"], inputs["metrics"]
    sections = [Part(("section", m), (m, labels[m], metrics[m]), _section) for m in inputs["metric_order"]]
    return sections + [Part(("glance", m), (m, labels[m], metrics[m]), _GLANCE) for m in inputs["metric_order"]]


_GLANCE = macro("figures_glance_row")


def _section(env: Environment, site: SiteInfo, here: str, metric: str, label: str, reports: Any) -> Markup:
    chart = charts.metric_chart(label, reports)
    where = [_passage_of(report) for report in reports]
    return Markup(env.get_template(MACROS).module.figures_section(metric, label, reports, chart, where, here))


def _passage_of(report: FigureReport) -> passages.Passage | None:
    """Where the reported figure stands in its brief's article."""
    return passages.locate(report.brief).figures[report.brief.figures.index(report.figure)]


KINDS = (PageKind("figures", single(addresses.FIGURES, _inputs), "figures.md.j2", parts=_sections),)
