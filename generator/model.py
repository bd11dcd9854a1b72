"""Plain, frozen data passed between the pipeline's stages."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property

from .text.dates import MONTH_NAMES
from .text.figvalues import FigureValue, parse_value

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day, as editors and articles state them."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError for an impossible date."""
        match = _DATE.fullmatch(text)
        if not match:
            raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part or 0) for part in match.groups())
        if (match[2] and not month) or (match[3] and not day):
            raise ValueError(f"{text!r} has a zero month or day")
        dt.date(year, month or 1, day or 1)  # raises ValueError for 2024-02-30 or month 13
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        return "-".join(
            [f"{self.year:04d}"]
            + ([f"{self.month:02d}"] if self.month else [])
            + ([f"{self.day:02d}"] if self.day else [])
        )

    def human(self) -> str:
        if not self.month:
            return str(self.year)
        if not self.day:
            return f"{MONTH_NAMES[self.month - 1]} {self.year}"
        return f"{self.day} {MONTH_NAMES[self.month - 1]} {self.year}"


@dataclass(frozen=True)
class Source:
    name: str | None = None
    url: str | None = None
    author: str | None = None
    published: PartialDate | None = None


@dataclass(frozen=True)
class Drafted:
    """How the drafter found a quote or figure an editor has not yet reviewed (its `drafted:` entry), and where that
    entry stands: `where` is the annotation's path as problems show it, `line` the entry's line. For a quote,
    `confidence` is of its speaker."""

    rule: str
    confidence: str  # high, medium, low
    span: tuple[int, int] | None
    where: str
    line: int

    @property
    def location(self) -> str:
        return f"{self.where}:{self.line}"


@dataclass(frozen=True)
class Figure:
    value: str
    label: str
    metric: str | None = None
    drafted: Drafted | None = None  # None once reviewed, or never drafted

    @cached_property  # stored beside the fields, not one of them: equality and hashing ignore it
    def parsed(self) -> FigureValue:
        """The value as a number or range with its unit, parsed from the value as written (kept in `value`)."""
        return parse_value(self.value)


@dataclass(frozen=True)
class Event:
    """A dated statement in an article: when (to the day, month or year), what happened, and the sentence saying so.

    `topics` are canonical topic slugs; empty means the brief's own topics."""

    date: PartialDate
    what: str
    sentence: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str
    role: str | None = None
    drafted: Drafted | None = None  # None once reviewed, or never drafted


@dataclass(frozen=True)
class Speaker:
    """A person or organisation quoted: `slug` names its page; `aliases` are the other names that resolve to it."""

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    description: str = ""
    kind: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Brief:
    """One article with its validated annotation; topics are canonical topic slugs."""

    slug: str
    title: str
    source: Source
    summary: str
    article_text: str
    status: str = "published"
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    # the optional plain-text fields the schema marks "x-briefing-plain": (name, text, or None when left out)
    extras: tuple[tuple[str, str | None], ...] = ()

    def extra(self, name: str) -> str | None:
        """A plain field's text ('language'), or None when the annotation leaves it out."""
        return next((text for key, text in self.extras if key == name), None)

    @property
    def sort_key(self) -> tuple[int, PartialDate, str]:
        """Newest first, undated last, then by title: use with sorted(..., reverse=False)."""
        date = self.source.published
        return (0 if date else 1, _negate(date) if date else PartialDate(0), self.title.casefold())

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    @property
    def needs_review(self) -> bool:
        """A draft, or a brief with a drafted quote or figure an editor has not yet reviewed."""
        return self.is_draft or any(item.drafted for item in (*self.quotes, *self.figures))


def _negate(date: PartialDate) -> PartialDate:
    return PartialDate(-date.year, -date.month, -date.day)


@dataclass(frozen=True)
class FigureReport:
    """One source's report of a metric: the figure and the brief it comes from."""

    brief: Brief
    figure: Figure


@dataclass(frozen=True)
class QuoteReport:
    """One brief's quote: `index` is its place among the brief's quotes (0-based), which names its passage."""

    brief: Brief
    quote: Quote
    index: int


@dataclass(frozen=True)
class DiffPiece:
    """A run of words of one quote against another's version: same, changed, trimmed (one source cut the quote
    there) or added (words one version has inside it); `mine` and `theirs` as each quote writes them."""

    kind: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class QuoteEcho:
    """Another brief's version of a quote, in nearly the same words: that quote, its similarity score (0-100), and
    this quote's words against it."""

    other: QuoteReport
    score: int
    diff: tuple[DiffPiece, ...]


@dataclass(frozen=True)
class EventReport:
    """One brief's report of an event."""

    brief: Brief
    event: Event


@dataclass(frozen=True)
class TimelineEntry:
    """One event on the merged timeline, with every brief that reports it (the same date and a shared topic)."""

    date: PartialDate
    reports: tuple[EventReport, ...]
    topics: tuple[str, ...]

    @property
    def whats(self) -> tuple[str, ...]:
        """The distinct wordings of the event, first brief first."""
        return tuple(dict.fromkeys(r.event.what for r in self.reports))

    @property
    def briefs(self) -> tuple[Brief, ...]:
        return tuple(r.brief for r in self.reports)


@dataclass(frozen=True)
class SiteInfo:
    """What the generator needs to know about the published site; plain values, so the core never imports MkDocs.

    `url` is mkdocs.yml's site_url (feeds and permalinks are absolute only when it is set)."""

    url: str | None = None
    name: str = "Briefing"
    directory_urls: bool = True
    # a preview server's site, for editors (`briefing serve`): it also has the review pages; a published one never
    review: bool = False
    language: str = "en"  # the theme's language (mkdocs.yml theme.language): what feeds say they are written in

    def page_url(self, page: str) -> str:
        """The address of a generated page, relative to the site root: 'topics/kursk.md' -> 'topics/kursk/'."""
        stem = page.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index") if self.directory_urls else stem + ".html"
        return stem + "/" if self.directory_urls else stem + ".html"

    def link(self, from_page: str, to_page: str) -> str:
        """The address of `to_page` relative to `from_page`, for links in raw HTML (which MkDocs leaves alone)."""
        source, target = self.page_url(from_page), self.page_url(to_page)
        folder = source.rsplit("/", 1)[0] if "/" in source else ""
        relative = posixpath.relpath(target or ".", folder or ".")
        if target and not target.endswith("/"):
            return relative
        return "./" if relative == "." else relative + "/"

    def absolute(self, page: str) -> str | None:
        """The page's absolute address, or None without a site_url."""
        return self.url.rstrip("/") + "/" + self.page_url(page) if self.url else None


@dataclass(frozen=True)
class MapData:
    """The topic map's layout: which topics are drawn, in circle order, and the pairs joined by lines."""

    nodes: tuple[str, ...]  # topic slugs, in circle order
    edges: tuple[tuple[str, str, int], ...]  # strongest first
    counts: dict[str, int]
    left_out: int  # topics not drawn


@dataclass(frozen=True)
class Corpus:
    """Everything the renderer needs, with the cross-references computed once."""

    briefs: tuple[Brief, ...]
    topics: dict[str, Topic]
    briefs_by_topic: dict[str, tuple[Brief, ...]]
    related: dict[str, tuple[Brief, ...]]
    metrics: dict[str, tuple[FigureReport, ...]] = field(default_factory=dict)
    metric_labels: dict[str, str] = field(default_factory=dict)
    timeline: tuple[TimelineEntry, ...] = ()
    timeline_by_topic: dict[str, tuple[TimelineEntry, ...]] = field(default_factory=dict)
    # how many briefs name both topics of a pair (slugs in sorted order); pairs that never meet are left out
    cooccurrence: dict[tuple[str, str], int] = field(default_factory=dict)
    topic_order: tuple[str, ...] = ()  # most covered first, then alphabetically
    metric_order: tuple[str, ...] = ()  # metrics several sources report first: they are what the figures page is for
    # each topic's metrics, most reported first: (metric, its reports in this topic's briefs)
    topic_metrics: dict[str, tuple[tuple[str, tuple[FigureReport, ...]], ...]] = field(default_factory=dict)
    topic_map: MapData | None = None
    # who said what (stages/speakers.py): the quoted speakers by slug, their quotes (briefs newest first), the
    # speakers most quoted first, each brief's quotes' speaker slugs, and (brief slug, quote index) -> its versions
    speakers: dict[str, Speaker] = field(default_factory=dict)
    quotes_by_speaker: dict[str, tuple[QuoteReport, ...]] = field(default_factory=dict)
    speaker_order: tuple[str, ...] = ()
    quote_speakers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    echoes: dict[tuple[str, int], tuple[QuoteEcho, ...]] = field(default_factory=dict)

    @cached_property
    def _briefs_by_slug(self) -> dict[str, Brief]:
        return {brief.slug: brief for brief in self.briefs}

    def brief(self, slug: str) -> Brief:
        return self._briefs_by_slug[slug]
