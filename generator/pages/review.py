"""A brief's review page, for editors on a preview server (`briefing serve`) only: the article with every drafted
quote, speaker and figure an editor has not yet reviewed marked by how sure the drafter was (high, medium, low),
each labelled with the line of its `drafted:` entry (`briefs/<slug>.yml:42`), for a draft or a brief with such items.

A published site has none (the kind is `review`: made only when `SiteInfo.review` is set); on a preview they stay
out of the navigation (mkdocs.yml's nav names none) and out of search (their front matter, and Pagefind's glob).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from .. import addresses
from ..model import Brief, Corpus, Drafted, SiteInfo
from . import passages
from .kind import Inputs, PageKind
from .passages import Passage

CONFIDENCES = ("high", "medium", "low")


@dataclass(frozen=True)
class Item:
    """One drafted item on the review page: what it is, its words, and its mark in the article (None if untraced)."""

    anchor: str  # its row's id on the page, and its mark's
    what: str  # quote, speaker, figure
    words: str
    drafted: Drafted
    passage: Passage | None

    @property
    def css(self) -> str:
        return f"bf-review bf-review-{self.drafted.confidence}"


def _pages(corpus: Corpus) -> Iterator[tuple[str, Inputs]]:
    for brief in corpus.briefs:
        if brief.needs_review:
            yield addresses.review_page(brief.slug), {"brief": brief}


def items(brief: Brief) -> list[Item]:
    """Every drafted item in article order of its kind: each quote and its speaker (whose confidence is the quote's
    entry's), then each figure."""
    located = passages.locate(brief)
    found: list[Item] = []
    for n, (quote, passage) in enumerate(zip(brief.quotes, located.quotes, strict=True), 1):
        if quote.drafted:
            found.append(Item(f"quote-{n}", "quote", quote.text, quote.drafted, passage))
            speaker = _speaker(brief, quote.speaker, passage, f"speaker-{n}")
            found.append(Item(f"speaker-{n}", "speaker", quote.speaker, quote.drafted, speaker))
    for n, (figure, passage) in enumerate(zip(brief.figures, located.figures, strict=True), 1):
        if figure.drafted:
            found.append(Item(f"figure-{n}", "figure", figure.value, figure.drafted, passage))
    return found


def _speaker(brief: Brief, name: str, quote: Passage | None, anchor: str) -> Passage | None:
    """The speaker's name where the article gives it nearest the quote (the whole name, else its last word), outside
    the quote's own words."""
    if quote is None:
        return None
    text = brief.article_text
    for words in (name, name.split()[-1] if name.split() else ""):
        if len(words) < 3 or not words[:1].isupper():
            continue
        spots = [
            m.start()
            for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text)
            if m.end() <= quote.start or m.start() >= quote.end
        ]
        if spots:
            start = min(spots, key=lambda s: abs(s - quote.start))
            return passages.passage_at(brief, anchor, start, start + len(words))
    return None


def _context(inputs: Inputs, site: SiteInfo, path: str) -> dict[str, Any]:
    brief = inputs["brief"]
    found = items(brief)
    marked = tuple(item for item in found if item.passage)
    article = passages.marked_article(
        brief,
        tuple(item.passage for item in marked if item.passage),
        {item.anchor: item.css for item in marked},
        {item.anchor: _label(item) for item in marked},
    )
    return {
        "brief": brief,
        "items": found,
        "counts": {c: sum(item.drafted.confidence == c for item in found) for c in CONFIDENCES},
        "confidences": CONFIDENCES,
        "article": article,
        "row": row,
    }


def _label(item: Item) -> str:
    """The file:line after an item's mark in the article, linking to its row in the list."""
    where = escape(item.drafted.location)
    title = escape(f"{item.what}, {item.drafted.confidence} confidence (rule {item.drafted.rule}): {where}")
    return (
        f'<a class="bf-review-line bf-review-line-{item.drafted.confidence}" href="#row-{item.anchor}" '
        f'title="{title}">{where}</a>'
    )


def row(item: Item) -> Markup:
    """An item's row in the list under the article: its kind, words, confidence, rule and file:line."""
    d = item.drafted
    jump = f' · <a href="#{item.anchor}">in the article</a>' if item.passage else " · not found in the article"
    return Markup(
        f'<li id="row-{item.anchor}"><span class="{item.css}">{escape(item.what)}: {escape(item.words)}</span> '
        f"— {escape(d.confidence)} confidence, rule <code>{escape(d.rule)}</code> · "
        f'<code class="bf-review-where">{escape(d.location)}</code>{jump}</li>'
    )


KINDS = (PageKind("review", _pages, "review.md.j2", _context, review=True),)
