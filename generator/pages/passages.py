"""Where each quote and figure of a brief stands in its article, for readers: the article as paragraphs with stable
anchors (`p-1`, `p-2`, ... by paragraph index) and a `<mark>` on the exact original characters of every quote
(`quote-1`, ...) and figure (`figure-1`, ...), plus a URL text fragment that opens the original at the same words.

Passages are found as validation finds them (text/provenance.py: quotes, dashes and whitespace folded; figures as
whole tokens), then traced back to the characters the article really has.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from urllib.parse import quote as percent_encode

from markupsafe import Markup

from ..model import Brief
from ..text import provenance

_WHITESPACE = re.compile(r"\s+")
# A quote longer than this many words opens at the source as `start,end` (its first and last words): browsers find
# a long exact string less reliably (any edit between the saved copy and the live page breaks it) and URLs stay short.
EXACT_WORDS = 10
EDGE_WORDS = 4


@dataclass(frozen=True)
class Passage:
    """One quote's or figure's place in the article: `anchor` is the id of its (first) mark on the brief page,
    `paragraph` the 1-based index of the paragraph it starts in, start:end its span of the original text."""

    anchor: str
    paragraph: int
    start: int
    end: int
    pieces: tuple[str, ...]  # its words in each paragraph it covers (one mostly), whitespace folded

    @property
    def words(self) -> str:
        return " ".join(self.pieces)


@dataclass(frozen=True)
class Located:
    paragraphs: tuple[tuple[int, int], ...]  # each paragraph's span of the original text, without its blanks
    quotes: tuple[Passage | None, ...]  # by the brief's quote order; None where a passage cannot be traced
    figures: tuple[Passage | None, ...]

    @property
    def passages(self) -> tuple[Passage, ...]:
        return tuple(p for p in (*self.quotes, *self.figures) if p is not None)


def locate(brief: Brief) -> Located:
    """The brief's paragraphs and passages (computed once per article and items: topic pages ask again)."""
    return _locate(brief.article_text, tuple(q.text for q in brief.quotes), tuple(f.value for f in brief.figures))


# Large enough for every brief of a big briefing: topic and figures pages ask for briefs in no particular order, and
# a smaller cache (512 was tried) thrashed at 1,000 briefs, folding each article seven times per run.
@lru_cache(maxsize=16_384)
def _locate(text: str, quotes: tuple[str, ...], values: tuple[str, ...]) -> Located:
    paragraphs = _paragraph_spans(text)
    folded = provenance.fold(text)

    def passage(anchor: str, found: tuple[int, int] | None) -> Passage | None:
        if folded is None or found is None:
            return None
        start, end = folded.original(*found)
        index = next(i for i, (_, p_end) in enumerate(paragraphs) if start < p_end)
        pieces = tuple(
            _flat(text[max(start, p_start) : min(end, p_end)]) for p_start, p_end in paragraphs[index:] if p_start < end
        )
        return Passage(anchor, index + 1, start, end, pieces)

    article = folded.text if folded else ""
    return Located(
        paragraphs,
        tuple(passage(f"quote-{n}", provenance.find_quote(article, q)) for n, q in enumerate(quotes, 1)),
        tuple(passage(f"figure-{n}", provenance.find_figure(article, v)) for n, v in enumerate(values, 1)),
    )


def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Every non-blank line, as templating.paragraphs cuts the article, by its span without surrounding blanks."""
    spans, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = offset + len(line) - len(line.lstrip())
            spans.append((lead, lead + len(stripped)))
        offset += len(line) + 1
    return tuple(spans)


def _flat(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def article_html(brief: Brief) -> Markup:
    """The full article as one raw HTML block: each paragraph a `<p id="p-N">`, each passage's exact characters in
    a `<mark>` (nested where passages nest; a passage crossing another's end is split, its id on the first part)."""
    return marked_article(brief, locate(brief).passages)


def marked_article(
    brief: Brief,
    passages: tuple[Passage, ...],
    classes: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> Markup:
    """The article as article_html() draws it, with these passages marked (the review page's classes and labels)."""
    located = locate(brief)
    lines = ['<div class="bf-article">']
    given: set[str] = set()  # anchors already on a mark (the first part of a split passage)
    for number, (start, end) in enumerate(located.paragraphs, 1):
        inside = [p for p in passages if p.start < end and p.end > start]
        marked = _marked(brief.article_text, start, end, inside, given, classes, labels)
        lines.append(f'<p id="p-{number}">{marked}</p>')
    lines.append("</div>")
    return Markup("\n".join(lines))


def passage_at(brief: Brief, anchor: str, start: int, end: int) -> Passage:
    """A passage of the article's own characters start:end (a speaker's name the review page marks)."""
    paragraphs = locate(brief).paragraphs
    index = next(i for i, (_, p_end) in enumerate(paragraphs) if start < p_end)
    pieces = tuple(
        _flat(brief.article_text[max(start, p_start) : min(end, p_end)])
        for p_start, p_end in paragraphs[index:]
        if p_start < end
    )
    return Passage(anchor, index + 1, start, end, pieces)


def _marked(
    text: str,
    start: int,
    end: int,
    passages: list[Passage],
    given: set[str],
    classes: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The paragraph's characters with its passages marked: each mark's class is `classes[anchor]` (else bf-mark),
    and `labels[anchor]` (HTML) follows the mark that ends its passage."""
    ends = {p.anchor: p.end for p in passages}
    clipped = [(max(p.start, start), min(p.end, end), p.anchor, order) for order, p in enumerate(passages)]
    bounds = sorted({start, end} | {s for s, _, _, _ in clipped} | {e for _, e, _, _ in clipped})
    out: list[str] = []
    stack: list[tuple[int, int, str, int]] = []
    for left, right in pairwise(bounds):
        covering = [c for c in clipped if c[0] <= left and c[1] >= right]
        keep = 0
        while keep < len(stack) and stack[keep] in covering:
            keep += 1
        while len(stack) > keep:
            out.append(_close(stack.pop(), ends, labels))
        for span in sorted((c for c in covering if c not in stack), key=lambda c: (c[0], -c[1], c[3])):
            anchor = span[2]
            kind = (classes or {}).get(anchor, "bf-mark")
            out.append(f'<mark class="{kind}">' if anchor in given else f'<mark class="{kind}" id="{anchor}">')
            given.add(anchor)
            stack.append(span)
        out.append(html.escape(_WHITESPACE.sub(" ", text[left:right]), quote=False))
    while stack:
        out.append(_close(stack.pop(), ends, labels))
    return "".join(out)


def _close(span: tuple[int, int, str, int], ends: Mapping[str, int], labels: Mapping[str, str] | None) -> str:
    anchor = span[2]
    label = (labels or {}).get(anchor, "") if span[1] == ends[anchor] else ""
    return "</mark>" + label


def text_fragment(passage: Passage) -> str:
    """The URL fragment directive that finds the passage's words in the original page (WICG Text Fragments):
    the exact words, or `start,end` for a long passage or one running over several paragraphs (an exact match
    never crosses a block)."""
    words = passage.words.split()
    if len(passage.pieces) == 1 and len(words) <= EXACT_WORDS:
        return ":~:text=" + _encode(passage.words)
    first, last = passage.pieces[0].split(), passage.pieces[-1].split()
    if len(passage.pieces) == 1:
        first, last = words[:EDGE_WORDS], words[-EDGE_WORDS:]
    else:
        first, last = first[:EDGE_WORDS], last[-EDGE_WORDS:]
    return ":~:text=" + _encode(" ".join(first)) + "," + _encode(" ".join(last))


def _encode(text: str) -> str:
    """Percent-encode a text directive's term: everything but ASCII letters, digits and `_.~` (so `-`, `&` and `,`,
    which are the directive's own syntax, and every non-ASCII character as its UTF-8 bytes)."""
    return percent_encode(text, safe="").replace("-", "%2D")


def source_url(url: str, passage: Passage) -> str:
    """The source's address, opening at the passage (after the page's own fragment, if it has one)."""
    return url + ("" if "#" in url else "#") + text_fragment(passage)
