"""Dated statements in article text: "On June 19th, ... signed a military treaty", "in early January",
"As of October 2024", "yesterday".

`events_from_text` is for drafting: it proposes events (date, what, sentence) that an editor then checks, the way a
draft proposes quotes. `dates_in` finds the dates a sentence states, so validation can flag an event whose date the
sentence does not support. A date without a year takes it from the article's own date: the latest year that does
not put the event after the article ("June 19th" in a January 2025 article is 19 June 2024). Relative dates
("yesterday", "last month", "on Monday") need the article's date to the day, month or year they count from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Event, PartialDate
from ..text.dates import MONTH_NUMBERS as _MONTHS
from ..text.sentences import sentence_spans

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)\b(?!\s*%|,\d)"
_LEAD = r"(?:(?P<lead>[Oo]n|[Ii]n|[Aa]s of|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Ff]rom|[Aa]t|[Oo]f|[Tt]hroughout)\s+)?"
_LEAD_REQUIRED = r"(?P<lead>[Oo]n|[Ii]n|[Aa]s of|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Ff]rom)"
_PART = r"(?:(?:the\s+)?(?P<part>early|mid|late|end of|beginning of|start of|middle of)(?:\s+|-))?"
_NOT_NUMBER_AFTER = r"(?![\d,]*\d)"

# Most specific first; a later pattern never takes text an earlier one matched.
_PATTERNS = [
    re.compile(rf"{_LEAD}\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"{_LEAD}\b{_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(rf"{_LEAD}\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),
    re.compile(rf"{_LEAD}\b{_MONTH}\s+{_DAY}{_NOT_NUMBER_AFTER}"),
    re.compile(rf"{_LEAD}\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!,?\s+\d)"),
    re.compile(rf"{_LEAD}{_PART}\b{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
    re.compile(rf"{_LEAD_REQUIRED}\s+{_PART}\b{_MONTH}(?!,?\s+\d)"),
    re.compile(rf"{_LEAD}(?:the\s+)?(?P<part>early|mid|late|end of|beginning of|start of|middle of)(?:\s+|-){_YEAR}"),
    re.compile(
        r"(?P<lead>[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Uu]ntil|[Ff]rom|[Tt]hroughout|[Aa]s of)\s+"
        rf"(?:(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?{_YEAR}"
    ),
]
_RELATIVE = re.compile(
    r"\b(?P<lead>(?:[Oo]n|[Ll]ast)\s+)?(?P<rel>(?i:yesterday|today|(?:earlier\s+)?this\s+(?:month|year)|"
    r"last\s+(?:month|year))|" + "|".join(_WEEKDAYS) + r")\b"
)
_LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")
_REMOVABLE_LEADS = {None, "on", "in", "as of", "at"}
MAX_WHAT = 200


@dataclass(frozen=True)
class DateMention:
    """A date stated in text: where it is (with its leading preposition) and what it resolves to (None: it needs
    the article's date, which is unknown or not precise enough)."""

    start: int
    end: int
    date: PartialDate | None
    lead: str | None


def events_from_text(text: str, article_date: PartialDate | None) -> list[Event]:
    """Every dated statement in an article as a draft Event: one per date a sentence states, in text order.

    `what` is the sentence without its date phrase (a draft for the editor to shorten); `sentence` is the article's
    own text, so it passes the provenance check. Dates that cannot be resolved (no year and no article date) are
    left out."""
    events: list[Event] = []
    seen: set[tuple[PartialDate, str]] = set()
    for sentence in sentences(text):
        for mention in dates_in(sentence, article_date):
            if mention.date is None or (mention.date, sentence) in seen:
                continue
            seen.add((mention.date, sentence))
            what = _what(sentence, mention)
            if any(c.isalpha() for c in what):  # a dateline ("January 2025") states no event
                events.append(Event(mention.date, what, sentence))
    return events


def sentences(text: str) -> Iterator[str]:
    """The sentences of a text, each exactly as written (paragraph by paragraph)."""
    for line in text.split("\n"):
        paragraph = _LIST_MARKER.sub(lambda m: " " * len(m.group(0)), line)  # "- As of ..." -> "As of ..."
        for start, end in sentence_spans(paragraph):
            if paragraph[start:end].strip():
                yield paragraph[start:end].strip()


def dates_in(text: str, article_date: PartialDate | None) -> list[DateMention]:
    """The dates a text states, in order; relative and year-less ones resolved from `article_date` when possible
    (impossible dates such as "February 30" are left out)."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern in [*_PATTERNS, _RELATIVE]:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append((match.start(), match.end()))
            date = _relative(match, article_date) if pattern is _RELATIVE else _absolute(match, article_date)
            if date or not _stated_in_full(match, pattern):
                lead = match.groupdict().get("lead")
                found.append(DateMention(match.start(), match.end(), date, lead.strip().casefold() if lead else None))
    return sorted(found, key=lambda m: m.start)


def _stated_in_full(match: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Does the text give the whole date (so that no article date could change it)?"""
    return pattern is not _RELATIVE and bool(match.groupdict().get("year"))


def _absolute(match: re.Match[str], article_date: PartialDate | None) -> PartialDate | None:
    groups = match.groupdict()
    month = _MONTHS[groups["month"]] if groups.get("month") in _MONTHS else int(groups.get("month") or 0)
    day = int(groups.get("day") or 0)
    if groups.get("year"):
        return _valid(int(groups["year"]), month, day)
    if not article_date:
        return None
    year = article_date.year
    candidate = _valid(year, month, day) or _valid(year - 1, month, day)
    if candidate and is_after(candidate, article_date):
        candidate = _valid(year - 1, month, day)
    return candidate


def _relative(match: re.Match[str], article_date: PartialDate | None) -> PartialDate | None:
    rel = " ".join(match["rel"].split()).casefold().removeprefix("earlier ")
    if not article_date:
        return None
    year, month, day = article_date.year, article_date.month, article_date.day
    if rel == "this year":
        return PartialDate(year)
    if rel == "last year":
        return PartialDate(year - 1)
    if not month:
        return None
    if rel == "this month":
        return PartialDate(year, month)
    if rel == "last month":
        return PartialDate(year - 1, 12) if month == 1 else PartialDate(year, month - 1)
    if not day:
        return None
    today = dt.date(year, month, day)
    if rel in ("today", "yesterday"):
        date = today - dt.timedelta(days=1 if rel == "yesterday" else 0)
    else:  # a weekday: the latest one on or before the article's date ("last Monday": strictly before)
        back = (today.weekday() - _WEEKDAYS.index(match["rel"])) % 7
        if back == 0 and (match["lead"] or "").strip().casefold() == "last":
            back = 7
        date = today - dt.timedelta(days=back)
    return PartialDate(date.year, date.month, date.day)


def _valid(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate.parse(PartialDate(year, month, day).iso())
    except ValueError:
        return None


def is_after(date: PartialDate, reference: PartialDate) -> bool:
    """Is `date` later than `reference`, compared at the precision both have? (2025-01-11 is not after 2025-01.)"""
    depth = min(_depth(date), _depth(reference))
    return (date.year, date.month, date.day)[:depth] > (reference.year, reference.month, reference.day)[:depth]


def _depth(date: PartialDate) -> int:
    return 3 if date.day else 2 if date.month else 1


def _what(sentence: str, mention: DateMention) -> str:
    """The sentence without the date phrase (when that reads naturally), as one clean line of at most MAX_WHAT."""
    text = sentence
    if mention.lead in _REMOVABLE_LEADS:
        before, after = sentence[: mention.start], sentence[mention.end :]
        if not before.strip() or re.search(r"\b(?:and|but|or|so|yet|that)$", before.rstrip()):
            after = after.lstrip(" ,")
        text = before.rstrip() + (" " if before.strip() and after[:1] not in ",.;:" else "") + after.lstrip()
    text = " ".join(text.split()).strip(" ,;:").rstrip(".")
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = text[:1].upper() + text[1:]
    if len(text) > MAX_WHAT:
        text = text[: MAX_WHAT - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return text
