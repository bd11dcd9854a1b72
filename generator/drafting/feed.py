"""`briefing import --feed URL`: every entry of an RSS or Atom feed not imported before, as drafts.

The feed is fetched as a page is (drafting/fetch.py) and parsed by feedparser from the bytes read (feedparser never
fetches anything itself here). An entry whose link is the address of a brief already in briefs/ is skipped without
being fetched; one whose page turns out to be an article already imported (same canonical address or same text) is
skipped too. An entry that fails (unreachable, not an article, ...) is reported with why and does not stop the
others; the entries that imported are written, each article and annotation atomically.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import feedparser

from ..errors import BriefingError, Location, Problem
from .fetch import FEED_TYPES, HTML_TYPES, check_address, fetch
from .imported import AlreadyImported, brief_file

MAX_FEED_BYTES = 5_000_000
MAX_ENTRIES = 1000  # entries read from one feed, whatever --limit says


@dataclass(frozen=True)
class Entry:
    """One item of a feed: its link and what the feed says of it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class FeedReport:
    """What `briefing import --feed` did: what was new (and written), skipped (and why), and failed (and why)."""

    feed: str
    title: str | None = None
    new: list[Any] = field(default_factory=list)  # importer.Planned, written
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    backups: list[Path] = field(default_factory=list)


class Progress:
    """What the caller is told while a feed imports: how many entries there are, then each one done."""

    def start(self, total: int) -> None:
        pass

    def advance(self, url: str) -> None:
        pass


def read_feed(url: str, timeout: float | None = None) -> tuple[str | None, list[Entry]]:
    """The feed's title and entries (in the feed's order), or a BriefingError if it cannot be read as a feed."""
    fetched = fetch(url, accept=FEED_TYPES + HTML_TYPES, what="feed", timeout=timeout, max_bytes=MAX_FEED_BYTES)
    headers = {"content-type": f"{fetched.content_type}; charset={fetched.charset}" if fetched.charset else ""}
    headers["content-location"] = fetched.final_url
    parsed = feedparser.parse(io.BytesIO(fetched.body), response_headers=headers, sanitize_html=True)
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        why = f": {problem}" if problem else ""
        raise BriefingError(
            Location(url), f"is not an RSS or Atom feed{why}; give the feed's own address (often /feed or /rss.xml)"
        )
    entries = []
    for item in parsed.entries[:MAX_ENTRIES]:
        link = _link(item)
        if link:
            entries.append(Entry(link, _clean(item.get("title")), _date(item)))
    return _clean(parsed.feed.get("title")), entries


def import_feed(
    url: str,
    root: Path,
    briefs_dir: Path,
    *,
    force: bool = False,
    limit: int | None = None,
    timeout: float | None = None,
    progress: Progress | None = None,
    write: bool = True,
) -> FeedReport:
    """Import every entry of the feed at `url` not imported before (at most `limit` new ones), write them, and
    say what was new, skipped and failed."""
    from .importer import Batch
    from .importer import write as write_planned

    progress = progress or Progress()
    title, entries = read_feed(url, timeout)
    report = FeedReport(url, title)
    batch = Batch(root, briefs_dir, force, timeout)
    todo: list[Entry] = []
    for entry in entries:
        earlier = batch.seen.by_url(entry.url)
        if earlier:
            report.skipped.append((entry.url, f"already imported as {brief_file(earlier)}"))
        elif limit is not None and len(todo) >= limit:
            report.skipped.append((entry.url, f"over --limit {limit}"))
        else:
            todo.append(entry)
    progress.start(len(todo))
    for entry in todo:
        _import_entry(entry, batch, report)
        progress.advance(entry.url)
    report.new = list(batch.planned)
    if write and report.new:
        report.backups = write_planned(report.new, briefs_dir)
    return report


def _import_entry(entry: Entry, batch: Any, report: FeedReport) -> None:
    hints = {key: value for key, value in (("title", entry.title), ("published", entry.published)) if value}
    try:
        check_address(entry.url)
        batch.add(entry.url, hints)
    except AlreadyImported as exc:
        report.skipped.append((entry.url, f"already imported as {exc.brief} ({exc.why})"))
    except BriefingError as exc:
        report.failed.append((entry.url, "; ".join(_message(p, entry.url) for p in exc.problems)))


def _message(problem: Problem, url: str) -> str:
    return problem.message if problem.location.path == url else str(problem)


def _link(item: Any) -> str | None:
    link = item.get("link")
    if not isinstance(link, str) or not link.strip():
        candidate = item.get("id")
        link = candidate if isinstance(candidate, str) and candidate.startswith(("http://", "https://")) else None
    return link.strip() if link else None


def _clean(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _date(item: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = item.get(key)
        if isinstance(value, time.struct_time):
            return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def describe(report: FeedReport) -> list[str]:
    """The report as lines for the editor: each new, skipped and failed entry, then the totals."""
    lines = [f"new: {item.source} -> briefs/{item.slug}.txt, briefs/{item.slug}.yml (draft)" for item in report.new]
    lines += [f"skipped: {address}: {why}" for address, why in report.skipped]
    lines += [f"failed: {address}: {why}" for address, why in report.failed]
    lines.append(
        f"Feed {report.title or report.feed}: {len(report.new)} new, {len(report.skipped)} skipped, "
        f"{len(report.failed)} failed."
    )
    return lines
