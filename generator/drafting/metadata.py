"""Title, author and publication date, when the article text states them: a headline line, a byline
("By: Aditi Nair"), an author's note at the end ("Alina Hrytsenko is an analyst at ..."), a dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PartialDate
from ..text.dates import MONTH_NUMBERS
from .names import is_person_name

MAX_TITLE_WORDS = 25
LONG_LINE_WORDS = 25
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:de|van|von|der|bin|al|da|di|le|la)?\s*[A-Z][\w'’.-]*){1,3}"
_BYLINE = re.compile(rf"^(?:by|written by|author|words by)\s*[:\-–—]?\s*({_NAME})(?:\s*(?:,|and|&|\|).*)?$", re.I)
_BIO = re.compile(rf"^({_NAME}) is (?:a|an|the)\b.*\b(?:at|of|for|with|in)\b")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_DATES = [
    re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d{2})(?:-(?P<dd>\d{2}))?\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b"),
]
_DATE_LINE = re.compile(r"^(?:(?:published|updated|posted|date|first published)\s*(?:on)?\s*:?\s*)?", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,40},\s*")  # "LONDON, 14 March 2025"
HEAD_LINES = 8


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD


def extract_metadata(text: str) -> Metadata:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return Metadata(_title(lines), _author(lines), _published(lines[:HEAD_LINES]))


def _title(lines: list[str]) -> str | None:
    long_lines = 0
    for line in lines[:HEAD_LINES]:
        count = len(line.split())
        if count >= LONG_LINE_WORDS:
            long_lines += 1
            if long_lines == 2:
                return None
            continue
        if count < 3 or line.endswith(".") or _BYLINE.match(line) or _date_in(line, whole=True):
            continue
        letters = [ch for ch in line if ch.isalpha()]
        if letters and all(ch.isupper() for ch in letters):
            continue  # "VOLUME 19, ISSUE 4": a masthead, not a headline
        return line
    return None


def _author(lines: list[str]) -> str | None:
    for line in lines[:HEAD_LINES]:
        match = _BYLINE.match(line)
        if match and is_person_name(match.group(1).strip()):
            return match.group(1).strip()
    for line in lines[-6:]:
        match = _BIO.match(line)
        if match and len(line.split()) <= 40 and is_person_name(match.group(1)):
            return match.group(1)
    return None


def _published(lines: list[str]) -> str | None:
    for line in lines:
        date = _date_in(line, whole=True)
        if date:
            return date
    return None


def _date_in(line: str, whole: bool) -> str | None:
    """A date that makes up the line (after 'Published:' or a 'CITY,' dateline), as YYYY[-MM[-DD]]."""
    rest = _DATELINE.sub("", _DATE_LINE.sub("", line.strip()), count=1)
    for pattern in _DATES:
        match = pattern.search(rest)
        if not match or (whole and match.start() > 0):
            continue
        if whole and len(rest[match.end() :].split()) > 3:
            continue
        date = _partial(match)
        if date:
            return date
    return None


def _partial(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("mm"):
        month, day = int(groups["mm"]), int(groups.get("dd") or 0)
    else:
        month = MONTH_NUMBERS[groups["month"]]
        day = int(groups.get("day") or 0)
    text = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    try:
        return PartialDate.parse(text).iso()
    except ValueError:
        return None
