"""Run every extractor over one article text: quotes and figures that provably occur in it, and who is named."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import provenance
from .figures import DraftFigure, extract_figures
from .names import Person, find_people
from .quotes import DraftQuote, extract_quotes
from .text import Article, analyse

# Characters the validator refuses in any annotation value: a quote holding one is left for the editor.
_REFUSED = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_REFUSED |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def strip_refused(text: str) -> str:
    """Free text (title, summary) without the characters an annotation may not hold."""
    return "".join(ch for ch in text if ch not in _REFUSED or ch in "\t")


@dataclass(frozen=True)
class Extracted:
    article: Article
    people: tuple[Person, ...]
    quotes: tuple[DraftQuote, ...]
    figures: tuple[DraftFigure, ...]


def extract(text: str) -> Extracted:
    article = analyse(text)
    people = find_people(text)
    normalised = provenance.normalise(text)
    quotes = [
        q
        for q in extract_quotes(text, article, people)
        if provenance.contains_quote(normalised, q.text) and not _REFUSED & set(q.text + q.speaker + (q.role or ""))
    ]
    figures = [
        f
        for f in extract_figures(text)
        if provenance.contains_figure(normalised, f.value) and not _REFUSED & set(f.value + f.label)
    ]
    return Extracted(article, tuple(people), tuple(quotes), tuple(figures))
