"""When a drafted quote or figure is one an annotation already has: the keys both the drafter (`--show-new`) and
the scorer compare by, so the two can never disagree about what counts as the same item."""

from __future__ import annotations

import re

from ..text import provenance
from .figures import core
from .lexicon import words

_TITLE_WORDS = words("the a an mr mrs ms dr prof professor sir dame")
_ENDS = " \t\n.,;:!?\"'“”‘’()[]…-–—"


def quote_key(text: str) -> str:
    """A quotation without typographic differences, case or the punctuation around it."""
    return provenance.normalise(text).casefold().strip(_ENDS)


def figure_key(value: str) -> str:
    """A figure value without its qualifiers ("at least", "about")."""
    return core(value)


def figure_listed(value: str, have: set[str]) -> bool:
    """Whether a drafted figure is among figure keys already written, a bare value ('at least 11,000') counting
    for the drafted value with its unit ('at least 11,000 soldiers')."""
    key = figure_key(value)
    return key in have or any(re.match(rf"{re.escape(k)}(?:[\s-]|$)", key) for k in have if k)


def same_speaker(drafted: str, gold: str) -> bool:
    """The same person: equal without "the" and titles, or the words of one all in the other (Kirby, John Kirby)."""
    a, b = _name_words(drafted), _name_words(gold)
    return bool(a) and bool(b) and (a == b or a <= b or b <= a)


def _name_words(name: str) -> set[str]:
    words = re.findall(r"[\w’'-]+", provenance.normalise(name).casefold().replace("–", "-"))
    return {w for w in words if w not in _TITLE_WORDS}
