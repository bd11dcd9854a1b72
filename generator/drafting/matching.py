"""When a drafted quote or figure is one an annotation already has: the keys both the drafter (`--show-new`) and
the scorer compare by, so the two can never disagree about what counts as the same item."""

from __future__ import annotations

from ..text import provenance
from .figures import core

_ENDS = " \t\n.,;:!?\"'“”‘’()[]…-–—"


def quote_key(text: str) -> str:
    """A quotation without typographic differences, case or the punctuation around it."""
    return provenance.normalise(text).casefold().strip(_ENDS)


def figure_key(value: str) -> str:
    """A figure value without its qualifiers ("at least", "about")."""
    return core(value)
