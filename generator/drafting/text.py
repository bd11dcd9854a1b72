"""An article cut into paragraphs, quotation spans and sentences, all as character offsets into the original text.

Quotation marks are paired by context (an opening mark follows a space or the start of a paragraph, a closing mark
precedes a space or punctuation), so straight, curly, German and French marks all work. Sentences never end inside
a quotation, so a quote that spans a sentence break stays in the sentence that attributes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.sentences import sentence_spans
from .lexicon import words

DOUBLE_MARKS = '"“”„‟«»'
SINGLE_MARKS = "'‘’‚‛"
CURLY_SINGLE_MARKS = "‘’'"  # British quotation marks beside double ones elsewhere in the article
_OPENING_GLYPHS = "“„‟«‘‚‛"
_CLOSING_GLYPHS = "”»’"
_BEFORE_OPENING = "([{—–-/:;"
_AFTER_CLOSING = ".,;:!?)]}—–-…"


@dataclass(frozen=True)
class Quoted:
    """One quotation: the offsets of its marks (close is the paragraph end for a quote that runs on)."""

    open: int
    close: int
    paragraph: int
    runs_on: bool = False

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass
class Article:
    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[Quoted] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence holding `offset` (the nearest one before it, between sentences)."""
        low, high = 0, len(self.sentences) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.sentences[middle].start <= offset:
                low = middle
            else:
                high = middle - 1
        return low

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]


def analyse(text: str) -> Article:
    article = Article(text)
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            article.paragraphs.append((start, start + len(stripped)))
        offset += len(line) + 1
    marks = DOUBLE_MARKS if any(mark in text for mark in DOUBLE_MARKS) else SINGLE_MARKS
    carried = False  # the previous paragraph left a quotation open
    led = False  # the previous paragraph ran a quotation on, or ended with a colon that introduces one
    for index, (start, end) in enumerate(article.paragraphs):
        following = article.paragraphs[index + 1] if index + 1 < len(article.paragraphs) else None
        continues = following is not None and text[following[0]] in marks and _is_opening(text, following[0], start)
        closes = following is not None and _closes_first(text, *following, marks)
        found = _pair(text, start, end, index, marks, continues or closes, carried, led)
        article.quotes.extend(found)
        carried = bool(found) and found[-1].runs_on and closes and not continues
        led = (bool(found) and found[-1].runs_on) or text[start:end].rstrip().endswith(":")
    if marks is DOUBLE_MARKS and ("‘" in text or "'" in text):
        article.quotes = sorted(article.quotes + _british_singles(text, article), key=lambda q: q.open)
    for index, (start, end) in enumerate(article.paragraphs):
        spans = [q for q in article.quotes if q.paragraph == index]
        article.sentences.extend(_sentences(text, start, end, index, spans))
    return article


_PAIRS = ("‘’", "''")
MIN_STRAIGHT_WORDS = 4


def _british_singles(text: str, article: Article) -> list[Quoted]:
    """‘…’ quotations in an article that quotes with double marks elsewhere: a British paper's headline or a
    second outlet's style. Curly marks only (a straight ' is too often an apostrophe), never inside a double-quoted
    span (a quote nested in a quote is part of it), and never running over a paragraph's end."""
    inside = [(q.open, q.close) for q in article.quotes]
    found = []
    for index, (start, end) in enumerate(article.paragraphs):
        for quoted in _pair(text, start, end, index, CURLY_SINGLE_MARKS, continues=False):
            if any(a <= quoted.open <= b for a, b in inside) or text[quoted.open] + text[quoted.close] not in _PAIRS:
                continue
            if text[quoted.open] == "'" and len(text[quoted.start : quoted.end].split()) < MIN_STRAIGHT_WORDS:
                continue  # "'streamlined'", "'legacy backlog'": a straight pair this short is a scare quote
            found.append(quoted)
    return found


def _is_opening(text: str, at: int, paragraph_start: int) -> bool:
    if text[at] in "«»":
        return text[at] == "«"  # French marks, often with spaces inside: « On y va »
    before = text[at - 1] if at > paragraph_start else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    opening = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
    closing = (after.isspace() or after in _AFTER_CLOSING) and not before.isspace()
    if opening != closing:
        return opening
    return text[at] in _OPENING_GLYPHS


def _closes_first(text: str, start: int, end: int, marks: str) -> bool:
    """A paragraph whose first quotation mark closes: it continues a quotation left open before it."""
    for at in range(start, end):
        if text[at] in marks and not (marks is not DOUBLE_MARKS and _is_apostrophe(text, at, start, end)):
            return not _is_opening(text, at, start) and text[at] not in _OPENING_GLYPHS
    return False


def _pair(
    text: str,
    start: int,
    end: int,
    paragraph: int,
    marks: str,
    continues: bool,
    carried: bool = False,
    led: bool = False,
) -> list[Quoted]:
    """The quotations of one paragraph. One left open runs on to the paragraph's end when the next paragraph
    continues it, or when it opens this paragraph right after a paragraph that ran on or ended with a colon:
    the last paragraph of a long quotation whose closing mark was left out."""
    found: list[Quoted] = []
    opened: int | None = start - 1 if carried else None  # the quotation carried on from the paragraph before
    for at in range(start, end):
        char = text[at]
        if char not in marks:
            continue
        # "the ‘world-class’ exporters": a short fragment left open is closed by s’, not a plural's mark
        # ("‘We know FRANK works, and Reuters’ figures ...’" is a sentence with a possessive in it).
        fragment = text[opened + 1 : at] if opened is not None else ""
        pending = opened is not None and text[opened] == "‘" and len(fragment.split()) <= 3 and "," not in fragment
        if marks is not DOUBLE_MARKS and _is_apostrophe(text, at, start, end, pending):
            continue
        opening = _is_opening(text, at, start)
        if opened is not None and (not opening or char == '"' or char == "'"):
            if at > opened + 1:
                found.append(Quoted(opened, at, paragraph))
            opened = None
        elif opening:
            opened = at
    if opened is not None and (continues or (led and opened == start)) and end > opened + 1:
        found.append(Quoted(opened, end, paragraph, runs_on=True))
    return found


def _is_apostrophe(text: str, at: int, start: int, end: int, pending: bool = False) -> bool:
    before = text[at - 1] if at > start else " "
    after = text[at + 1] if at + 1 < end else " "
    if before in "sS" and text[at] in "'’" and after == " " and not pending:  # a plural possessive: "Reuters’ figures"
        following = re.match(r" ([a-z]+)", text[at + 1 : at + 20])
        return bool(following) and following.group(1) not in _NOT_AFTER_POSSESSIVE
    return before.isalnum() and after.isalnum()


_NOT_AFTER_POSSESSIVE = words(
    "and or but of in on at to for from with by as when while if that which who said says say told wrote added "
    "he she it they we i is was are were has had have will would could can may might the a an his her their its"
)


def _sentences(text: str, start: int, end: int, paragraph: int, spans: list[Quoted]) -> list[Sentence]:
    protected = [(q.open, q.close) for q in spans]
    return [Sentence(begin, cut, paragraph) for begin, cut in sentence_spans(text, start, end, protected)]
