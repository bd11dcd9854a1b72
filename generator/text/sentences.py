"""Where sentences end, one rule for the drafter and the event checks: '.', '!', '?' or '…' (and closing quotes or
brackets), then a space and a capital, a digit or an opening quote; never after an abbreviation ('Mr.', 'Jan.',
'U.S.') or a single initial, and never inside a quotation the caller protects."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ABBREVIATIONS = _words(
    "mr mrs ms dr prof gen maj lt col capt sgt adm sen rep gov st jr sr no vs etc inc ltd co corp jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m i.e e.g approx fig vol rev cmdr pvt cpl"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s+[\"“‘«(\[]?[A-Z0-9])")
_WORD = re.compile(r"[\w’'.-]+$")


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, protected: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """The sentences of one paragraph `text[start:end]` as (start, end) offsets, leading spaces left out; a cut
    inside a protected (open, close) span (a quotation) is no sentence end."""
    end = len(text) if end is None else end
    protected = list(protected)
    found: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        if any(open_ < cut <= close for open_, close in protected) or _after_abbreviation(text, begin, match):
            continue
        found.append((begin, cut))
        begin = cut
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        found.append((begin, end))
    return found


def _after_abbreviation(text: str, begin: int, match: re.Match[str]) -> bool:
    word = _WORD.search(text, begin, match.start())
    last = word.group(0).lower().rstrip(".") if word else ""
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha() and text[match.start()] == ".")
