"""Run every extractor over one article text: quotes and figures that provably occur in it, and who is named."""

from __future__ import annotations

from dataclasses import dataclass

from ..text import provenance
from ..text.characters import refused
from .figures import DraftFigure, extract_figures
from .names import Person, find_people
from .quotes import DraftQuote, extract_quotes
from .text import Article, analyse


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
        if provenance.contains_quote(normalised, q.text) and not refused(q.text + q.speaker + (q.role or ""))
    ]
    figures = [
        f
        for f in extract_figures(text)
        if provenance.contains_figure(normalised, f.value) and not refused(f.value + f.label)
    ]
    return Extracted(article, tuple(people), tuple(quotes), tuple(figures))
