"""Who said what: a page per quoted person or organisation (every quote across the briefs, dated, with its outlet and
a link to its passage in the brief, and the quotes two sources give in nearly the same words side by side), and the
speakers index, most quoted first. The link stage (stages/speakers.py) resolves names and finds the pairs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from .. import addresses
from ..model import Corpus, QuoteEcho, QuoteReport, SiteInfo
from . import passages
from .kind import MACROS, Inputs, PageKind, Part, single

SPEAKER_TOPIC_KINDS = ("person", "organisation")


def _index_inputs(corpus: Corpus) -> Inputs:
    return {
        "speaker_rows": tuple(
            (corpus.speakers[slug], len(reports), len({r.brief.slug for r in reports}), _latest(reports))
            for slug in corpus.speaker_order
            for reports in (corpus.quotes_by_speaker[slug],)
        ),
        "quote_count": sum(len(r) for r in corpus.quotes_by_speaker.values()),
    }


def _latest(reports: tuple[QuoteReport, ...]) -> QuoteReport:
    return reports[0]  # briefs are newest first


def _index_rows(inputs: Inputs, path: str) -> Iterator[Part]:
    """Each speaker's row, made on its own: a new quote re-makes one row, not the index of every speaker."""
    for row in inputs["speaker_rows"]:
        yield Part(row[0].slug, row, _row)


def _row(env: Any, site: SiteInfo, here: str, *row: Any) -> Markup:
    return Markup(env.get_template(MACROS).module.speaker_row(*row, here))


def _pages(corpus: Corpus) -> Iterator[tuple[str, Inputs]]:
    for slug, reports in corpus.quotes_by_speaker.items():
        topic = corpus.topics.get(slug)
        yield (
            addresses.speaker_page(slug),
            {
                "speaker": corpus.speakers[slug],
                "speaker_quotes": tuple((r, corpus.echoes.get((r.brief.slug, r.index), ())) for r in reports),
                "speaker_topic": topic if topic and topic.kind in SPEAKER_TOPIC_KINDS else None,
            },
        )


def _context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    quotes = inputs["speaker_quotes"]
    return {
        **inputs,
        "written_as": tuple(dict.fromkeys(r.quote.speaker for r, _ in quotes)),
        "brief_count": len({r.brief.slug for r, _ in quotes}),
        "pairs": [_pair_key(report, echo) for report, echo in _pairs(quotes)],
    }


def _parts(inputs: Inputs, path: str) -> Iterator[Part]:
    """Each quote, and each pair of versions, made on their own."""
    quotes = inputs["speaker_quotes"]
    for report, _echoes in quotes:
        yield Part(("quote", report.brief.slug, report.index), (report,), _quote)
    for report, echo in _pairs(quotes):
        yield Part(_pair_key(report, echo), (report, echo), _pair)


def _pairs(quotes: tuple[tuple[QuoteReport, tuple[QuoteEcho, ...]], ...]) -> Iterator[tuple[QuoteReport, QuoteEcho]]:
    """Each pair of versions once, from the one the page lists first."""
    order = {(r.brief.slug, r.index): n for n, (r, _) in enumerate(quotes)}
    for n, (report, echoes) in enumerate(quotes):
        for echo in echoes:
            if n < order[(echo.other.brief.slug, echo.other.index)]:
                yield report, echo


def _pair_key(report: QuoteReport, echo: QuoteEcho) -> tuple[str, str, int, str, int]:
    return ("pair", report.brief.slug, report.index, echo.other.brief.slug, echo.other.index)


def quote_url(site: SiteInfo, here: str, report: QuoteReport) -> str:
    """The address of a quote on its brief's page, for raw HTML: its passage in the article when it is traced there,
    else the brief's page."""
    url = site.link(here, addresses.brief_page(report.brief.slug))
    passage = passages.locate(report.brief).quotes[report.index]
    return f"{url}#{passage.anchor}" if passage else url


def _quote(env: Any, site: SiteInfo, here: str, report: QuoteReport) -> Markup:
    module = env.get_template(MACROS).module
    return Markup(
        module.speaker_quote(
            report, site.link(here, addresses.brief_page(report.brief.slug)), quote_url(site, here, report)
        )
    )


def _pair(env: Any, site: SiteInfo, here: str, report: QuoteReport, echo: QuoteEcho) -> Markup:
    module = env.get_template(MACROS).module
    return Markup(module.quote_compare(report, quote_url(site, here, report), echo, quote_url(site, here, echo.other)))


KINDS = (
    PageKind(
        "speakers index", single(addresses.SPEAKERS_INDEX, _index_inputs), "speakers_index.md.j2", parts=_index_rows
    ),
    PageKind("speaker", _pages, "speaker.md.j2", _context, parts=_parts),
)
